"""Test signals of one file: path conventions and, where parsed, test markers in the tree."""
from __future__ import annotations

import os
import re
from typing import Any

_TEST_NAME = re.compile(
    r"(^test_.+\.py$|.+_test\.py$|.+_test\.go$|^Test.+\.(java|kt|scala)$|.+Tests?\.(java|kt|scala|cs|php|swift)$"
    r"|.+\.(test|spec)\.[cm]?[jt]sx?$|.+_spec\.rb$|.+_test\.rb$|^test_.+\.(c|cc|cpp)$)"
)
_TEST_DIRS = {"test", "tests", "__tests__", "spec", "testing"}
_SUPPORT = {"conftest.py", "testutils.py", "test_utils.py", "testing.py", "fixtures.py"}


def test_signals(tree, src, language: str | None, path: str) -> dict[str, Any]:
    name = os.path.basename(path)
    parts = path.split("/")[:-1]
    signals: dict[str, Any] = {}
    if _TEST_NAME.match(name):
        signals["name"] = True
    if any(p in _TEST_DIRS for p in parts) or "src/test/" in path:
        signals["dir"] = True
    if name in _SUPPORT or "__mocks__" in parts or "testdata" in parts or "fixtures" in parts:
        signals["support"] = True
    return signals


def is_test(signals: dict[str, Any]) -> bool:
    return bool(signals.get("name") or signals.get("dir") or signals.get("markers")) and not signals.get("support")
