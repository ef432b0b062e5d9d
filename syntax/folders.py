"""Folder names whose meaning several stages share, kept in one place.

Another project's code copied into a repository (vendor/, third_party/, pip's _vendor/): the quality filter drops
it as "vendored", test detection keeps its tests as helpers (this repository's runners do not run them) and test
pairing never takes a file there as a test's subject.
"""

from __future__ import annotations

VENDORED_DIRS = frozenset(
    {
        "vendor",
        "vendors",
        "vendored",
        "_vendor",
        "_vendored",
        "third_party",
        "third-party",
        "thirdparty",
        "3rdparty",
        "3rd-party",
        "3rd_party",
    }
)


def in_vendored_dir(path: str) -> bool:
    """True when a folder of ``path`` (not the file name) is a copied-in code folder, in any case."""
    return any(p.lower() in VENDORED_DIRS for p in path.split("/")[:-1])
