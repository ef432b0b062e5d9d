"""Unit tests beside their subjects (CodeGemma's lexical packing).

Foundation version: no pairing yet, order unchanged. The test-pairing issue
adds detection, pairing rules and placement.
"""
from __future__ import annotations

from typing import Any

from repoloom.core.types import FileFacts


def pair_tests(facts: list[FileFacts], rg, cfg: dict) -> list[dict[str, Any]]:
    """[{"test": path, "subject": path | None, "rule": str | None, "score": float}]"""
    return []


def place_tests(order: list[str], pairs: list[dict[str, Any]], rg) -> list[str]:
    return list(order)
