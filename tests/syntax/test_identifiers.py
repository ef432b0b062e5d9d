"""extract_identifiers looks at each distinct name once: the same names, in the same order, as the plain loop
over every capture (real code, ASCII and not, the MAX_IDENTIFIERS cut)."""

from __future__ import annotations

import glob
import os

import pytest

from repoloom.syntax import identifiers, registry
from repoloom.syntax.parse import parse_tree
from repoloom.syntax.queries import captures
from tests.conftest import SITE, real_python_files


def _plain(tree, src, language: str, limit: int) -> list[str]:
    """Every capture checked and decoded on its own (the definition)."""
    text = identifiers.query(language)
    if not text:
        return []
    seen: dict[str, None] = {}
    for n in captures(tree, language, text).get("id", []):
        start, end = n.byte_range
        if end - start > 1 and n.child_count == 0:
            t = src.data[start:end].decode("utf-8", "replace")
            if 1 < len(t) <= 64:
                seen.setdefault(t, None)
                if len(seen) >= limit:
                    break
    return list(seen)


def _non_ascii_sources() -> list[str]:
    """Installed Python files holding non-ASCII characters (names, strings, comments)."""
    found = []
    for path in sorted(glob.glob(os.path.join(SITE, "pygments", "lexers", "*.py"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not text.isascii():
            found.append(text)
        if len(found) == 6:
            break
    return found


def _cases() -> list[tuple[str, str]]:
    cases = []
    for f in real_python_files(12):
        with open(f, encoding="utf-8") as fh:
            cases.append(("python", fh.read()))
    cases += [("python", t) for t in _non_ascii_sources()]
    cases.append(("python", "naïve = 1\nnaïve += ä_b\nx = naïve + ä_b + 'ü'\nαβ = αβ\n"))
    for lang in registry.languages():
        for path, text in lang.sample.files.items():
            if path.endswith(lang.extensions):
                cases.append((lang.name, text))
    return cases


@pytest.mark.parametrize("limit", [identifiers.MAX_IDENTIFIERS, 7])
def test_distinct_names_once_give_the_plain_loops_names(monkeypatch, limit):
    monkeypatch.setattr(identifiers, "MAX_IDENTIFIERS", limit)
    cases = _cases()
    assert sum(not t.isascii() for _, t in cases) >= 3  # the decoding path is exercised
    cut = 0
    for language, text in cases:
        tree, src = parse_tree(text, language)
        want = _plain(tree, src, language, limit)
        assert identifiers.extract_identifiers(tree, src, language) == want, (language, text[:80])
        cut += len(want) == limit
    assert cut >= 5 or limit > 7  # the cut is reached at the small limit
