"""Real files of every supported language: installed packages' sources, plus tiny
snippets (tests/fim/fixtures) for languages that site-packages lacks, and the registry's
sample (syntax/lang/<language>.py) for a language that has neither."""

from __future__ import annotations

import glob
import os
from functools import lru_cache

from repoloom.syntax import registry
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import error_ratio, parse_tree
import sysconfig

SITE = sysconfig.get_paths()["purelib"]

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
SITE_PATTERNS = {
    "python": ["yaml/*.py", "networkx/algorithms/*.py", "apache_beam/transforms/*.py"],
    "c": ["cffi/*.h", "tree_sitter*/binding.c", "pyarrow/include/arrow/c/*.h"],
    "cpp": ["pyarrow/src/arrow/python/*.cc", "pyarrow/include/arrow/vendored/pcg/*.hpp", "grpc/_cython/**/*.cc"],
    "javascript": ["**/*.js"],
}
PER_LANGUAGE = {"python": 24, "c": 6, "cpp": 6, "javascript": 4}
MAX_BYTES = 40_000


def _parses_cleanly(path: str, lang: str) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except UnicodeDecodeError:
        return False
    tree, src = parse_tree(text, lang)
    return error_ratio(tree, src) <= 0.02


def _site_files(lang: str) -> list[str]:
    out: list[str] = []
    for pat in SITE_PATTERNS[lang]:
        for f in sorted(glob.glob(os.path.join(SITE, pat), recursive=True)):
            if (
                len(out) < PER_LANGUAGE[lang]
                and 300 < os.path.getsize(f) <= MAX_BYTES
                and detect_language(f) == lang
                and f not in out
                and _parses_cleanly(f, lang)
            ):
                out.append(f)
    return out


@lru_cache(maxsize=None)
def corpus() -> tuple[tuple[str, str, str], ...]:
    """(path, language, text) for every file used by the FIM property tests."""
    paths = [f for lang in SITE_PATTERNS for f in _site_files(lang)]
    paths += sorted(glob.glob(os.path.join(FIXTURES, "*")))
    out = []
    for p in paths:
        with open(p, encoding="utf-8", errors="strict") as fh:
            text = fh.read()
        out.append((p, detect_language(p), text))
    covered = {lang for _, lang, _ in out}
    for lang in registry.languages():
        if lang.name not in covered:  # the longest file of its sample
            path, text = max(
                ((p, t) for p, t in lang.sample.files.items() if detect_language(p) == lang.name),
                key=lambda pt: len(pt[1]),
            )
            out.append((path, lang.name, text))
    return tuple(out)


def languages() -> set[str]:
    return {lang for _, lang, _ in corpus()}
