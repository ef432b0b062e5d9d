"""Folder names whose meaning several stages share, kept in one place.

Another project's code copied into a repository (vendor/, third_party/, pip's _vendor/): the quality filter drops
it as "vendored", test detection keeps its tests as helpers (this repository's runners do not run them) and test
pairing never takes a file there as a test's subject.
"""

from __future__ import annotations

import re

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


# A released copy of another project, named for its version (yaml-cpp's test/googletest-1.16.0/, c-blosc's
# internal-complibs/zlib-1.3.1/, taskflow's 3rd-party/eigen-3.3.7/): a name, a separator, a release's three numbers
# (not two: tests/python-3.8/ may hold this project's tests for one interpreter).
# Test detection reads it (its tests are that project's); the quality filter and pairing keep to VENDORED_DIRS.
_RELEASE_COPY = re.compile(r"^[A-Za-z][\w+]*(?:[-.][A-Za-z][\w+]*)*[-_]v?\d+\.\d+\.\d+(?:[-_.+]?[A-Za-z0-9]+)*$")

# A test framework's sources copied below a project's test folder (cJSON's tests/unity/, git's t/unit-tests/clar/,
# yaml-cpp's test/googletest-1.16.0/googletest/): the framework's own tests and samples, not this project's.
TEST_FRAMEWORK_DIRS = frozenset(
    {"unity", "googletest", "googlemock", "catch2", "doctest", "cmocka", "munit", "cutest", "greatest", "acutest"}
    | {"criterion", "cunit", "minunit", "clar", "tinytest"}
)


def in_vendored_dir(path: str) -> bool:
    """True when a folder of ``path`` (not the file name) is a copied-in code folder, in any case."""
    return any(p.lower() in VENDORED_DIRS for p in path.split("/")[:-1])


def in_release_copy(path: str) -> bool:
    """True when a folder of ``path`` is named for a released version of a project (zlib-1.3.1/)."""
    return any(_RELEASE_COPY.match(p) for p in path.split("/")[:-1])
