"""Test signals of one file, from path conventions and from the parse (test markers).

``test_signals`` runs inside the one parse (syntax/parse.py) and returns a small
dict that travels in FileFacts.test:

    name     the file name follows a test convention (test_foo.py, FooTest.java, foo.spec.ts, ...; a type test's
             name with its markers: check-dts' errors.ts)
    dir      the file sits under a test folder (tests/, src/test/, __tests__/, spec/, ...)
    support  a helper or fixture of tests (conftest.py, __mocks__/, testdata/, spec_helper.rb, ...)
    markers  test cases seen in the tree (def test_x, @Test, #[test], it(...), TEST(...)); -1 = not looked
             for (no parse, or no name/folder convention points at the file: only those can be tests)
    inline   Rust source that carries its own ``#[cfg(test)]`` tests (it stays where it is)
    reexports_only  (Rust) a facade: the module only re-exports other crates' items (futures/src/lib.rs)
    types_only  (TypeScript) the module declares only types and interfaces: no behaviour a runtime test exercises
    instantiates  (C++) the unit explicitly instantiates templates (template class X<int>;): its code is its header's
    exports_c  (C, C++) the file gives functions C linkage (extern "C"): C code can call them
    compile_only  (C, C++) a test that defines nothing and only includes headers: it checks that they compile
    type_test  (TypeScript) a test of types only: type assertions (expectType, expectTypeOf) or lines that must
             fail to compile (check-dts' // THROWS, // @ts-expect-error), no test function
    vendored a test of another project's code copied in (vendor/, third_party/, a release copy: zlib-1.3.1/, a test
             framework's copy below the tests: tests/unity/): kept as support, not a test
    benchmark  a file of a test folder with test cases, not named as a test, in a benchmark folder or named for
             benchmarks: support, not a test
    kind     the verdict: "test", "support", "inline" or "" (an ordinary file)
    defines  (files that are not tests) names the file defines: functions, classes, types, top-level
             variables; a test that uses them likely tests this file (lexical pairing)
    macros   (C, C++ headers) the names each macro stands for (#define hclose dill_hclose): the calls rule follows
             a test's short names to the code

Packing reads ``kind`` and ``defines``; the other keys say why.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from repoloom.syntax import identifiers, registry
from repoloom.syntax.folders import TEST_FRAMEWORK_DIRS, in_release_copy, in_vendored_dir
from repoloom.syntax.queries import captures

# t/: the TAP convention (Perl's, and C libraries tested with libtap: libmaxminddb's t/metadata_t.c); regress/: the
# BSD convention of one program per regression test (libfido2's regress/cred.c, OpenSSH's regress/unittests/);
# unittest/: tomlc99's unittest/t1.c, ccache's unittest/
TEST_DIRS = frozenset(
    {
        "test",
        "tests",
        "__tests__",
        "spec",
        "specs",
        "testing",
        "unittest",
        "unittests",
        "unit_tests",
        "test_suite",
        "t",
        "regress",
    }
)
_SUPPORT_DIRS = frozenset(
    {
        "__mocks__",
        "__fixtures__",
        "testdata",
        "test_data",
        "fixtures",
        "__snapshots__",
        "mocks",
        "testutils",
        "testutil",
        "testhelpers",
    }
)
# Test-named helpers: support when no test case is found in them (a test_utils.py with tests tests utils).
_HELPER_NAMES = re.compile(
    r"^(tests?[-_]?(utils?|helpers?|support|common|base)|testing([-_]?utils?)?|Tests?(Utils?|Helpers?|Support|Base|Common)\w*)\.[a-z]+$"
)

# A project's test helper named with its own prefix (libmaxminddb's t/maxminddb_test_helper.c, gtest_xml_test_utils.py):
# a helper even when it defines test_-named functions (test_lookup_errors(...)), which are its checks for the tests.
_PREFIXED_HELPER = re.compile(r"^\w+[-_]tests?[-_]?(utils?|helpers?|support|common)\.[a-z]+$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _conventions() -> tuple[list[re.Pattern], re.Pattern, re.Pattern]:
    """(test-affixed name patterns, bare test names, helper names), over every registered language's
    test extensions and helper names. Each name pattern's group "stem" is the subject's name."""
    exts = sorted({e for lang in registry.languages() for e in lang.test_extensions})
    code = r"\.(?:" + "|".join(re.escape(e) for e in exts) + r")$"
    patterns = [
        re.compile(r"^(?:test|tests)[_-](?P<stem>.+?)" + code),  # test_foo.py, test-foo.js, test_foo.c
        re.compile(r"^(?P<stem>.+?)[_-](?:test|tests|spec|unittest|unittests)" + code),  # foo_test.go, foo_spec.rb
        re.compile(
            r"^(?P<stem>.+?)\.(?:test|tests|spec|unit|e2e)(?:-d)?" + code
        ),  # foo.spec.ts, foo.test.jsx, foo.test-d.ts
        re.compile(
            r"^(?P<stem>[A-Za-z0-9_$]+?)(?:Tests?|TestCase|IT|Spec|Suite)" + code
        ),  # FooTest.java, FooSpec.scala
        re.compile(r"^Tests?(?P<stem>[A-Z][A-Za-z0-9_$]*)" + code),  # TestFoo.java, TestsFoo.cs
    ]
    bare = re.compile(r"^(?:tests?|spec)" + code)  # tests.rs, test.ts: tests of the enclosing module
    support = re.compile("^(" + "|".join(s for lang in registry.languages() for s in lang.support_names) + ")$")
    return patterns, bare, support


def is_bare_test(name: str) -> bool:
    """tests.rs, test.ts, spec.lua: a file of tests of its enclosing module."""
    return bool(_conventions()[1].match(name))


def subject_stem(name: str) -> str | None:
    """The subject's name encoded in a test-affixed file name (test_foo.py -> foo), or None."""
    for pat in _conventions()[0]:
        m = pat.match(name)
        if m and m.group("stem").strip("._-"):
            return m.group("stem")
    return None


def _in_test_helpers(parts: list[str]) -> bool:
    """test/helpers/with-page.ts: a helpers folder inside a test folder holds helpers (ava skips it; so do jasmine
    and mocha setups by convention), even when they call test functions."""
    low = [p.lower() for p in parts]
    return any(p in ("helpers", "helper") and any(q in TEST_DIRS for q in low[:i]) for i, p in enumerate(low))


# glog's src/dcheck_unittest/: one CTest project a test; flac's src/test_libFLAC/, test_grabbag/cuesheet/: the tests of
# libFLAC, grabbag (not test-x/: a Cargo package of its own, indexmap's test-serde/src/lib.rs)
_TEST_DIR_NAME = re.compile(r"^(.+[_-](unittests?|tests?)|tests?_.+)$")


def in_test_dir(path: str) -> bool:
    parts = path.split("/")[:-1]
    return any(p.lower() in TEST_DIRS or _TEST_DIR_NAME.match(p.lower()) for p in parts) or "/test/" in "/" + path


def in_framework_copy(path: str) -> bool:
    """A folder named for a test framework below a test folder: the framework's copy (cJSON's tests/unity/), whose
    tests and samples check the framework, not this project (the framework's own repository has no such folder
    below its tests: Unity's test/tests/testunity.c)."""
    parts = path.split("/")[:-1]
    for i, p in enumerate(parts):
        if p.lower() in TEST_FRAMEWORK_DIRS and in_test_dir("/".join(parts[:i]) + "/x"):
            return True
    return False


# Benchmarks kept among the tests time code and check nothing (babel's tests/benchmarks/benchmark_core.py, pluggy's
# testing/benchmark.py, nanostores' test/benchmark.js, rou3's test/bench/index.ts), whatever test functions they use:
# pytest-benchmark's fixture, vitest's describe. A file named as a test there is one (attrs' bench/test_benchmarks.py
# runs under CodSpeed, h3's test/bench/bench.test.ts under vitest; Go's x_bench_test.go under go test).
BENCHMARK_WORDS = frozenset({"bench", "benches", "benchmark", "benchmarks", "benchmarking"})
_WORDS = re.compile(r"[a-z]+")


def words(name: str) -> set[str]:
    """test_find-package-test -> {test, find, package}: the words of a folder's or file's name."""
    return set(_WORDS.findall(name.lower()))


def is_benchmark(path: str) -> bool:
    """The file or a folder above it is named for benchmarks (tests/benchmarks/, benchmark_plot.py, bench/)."""
    parts = path.split("/")
    return any(words(p) & BENCHMARK_WORDS for p in parts[:-1]) or bool(
        words(os.path.splitext(parts[-1])[0]) & BENCHMARK_WORDS
    )


@lru_cache(maxsize=None)
def _type_test_pattern(regex: str) -> re.Pattern:
    return re.compile(regex)


def type_test_named(path: str, lang=None) -> bool:
    """check-dts' errors.ts: a type test by its name and markers, in whatever folder (of lang, or of any language)."""
    regexes = (lang.type_test_names,) if lang is not None else _type_test_names()
    name = os.path.basename(path)
    return any(_type_test_pattern(r).match(name) for r in regexes if r)


@lru_cache(maxsize=None)
def _type_test_names() -> tuple[str, ...]:
    return tuple(lang.type_test_names for lang in registry.languages() if lang.type_test_names)


def in_type_test_dir(path: str, lang=None) -> bool:
    """dtslint/Codec.ts, test-d/index.ts: under a folder of type tests (of lang, or of any language)."""
    dirs = lang.type_test_dirs if lang is not None else _type_test_dirs()
    return bool(dirs) and any(p.lower() in dirs for p in path.split("/")[:-1])


@lru_cache(maxsize=None)
def _type_test_dirs() -> frozenset[str]:
    return frozenset(d for lang in registry.languages() for d in lang.type_test_dirs)


def looks_for_markers(lang, path: str) -> bool:
    """Only a file a convention points at can be a test (and only some languages hide tests in sources),
    so the marker query is spared for the rest: their markers stay -1."""
    return lang is not None and (
        subject_stem(os.path.basename(path)) is not None
        or type_test_named(path, lang)
        or is_bare_test(os.path.basename(path))
        or in_test_dir(path)
        or in_type_test_dir(path, lang)
        or lang.inline_tests
    )


def _markers(tree, src, lang, path: str) -> tuple[int, bool, dict]:
    """(number of test cases in the tree, inline test module seen, signals the language adds such as C's
    compile_only): the language's marker query, counted."""
    found = lang.markers(captures(tree, lang.name, lang.marker_query), src, path)
    return found[0], found[1], (found[2] if len(found) > 2 else {})


def test_signals(tree, src, language: str | None, path: str) -> dict[str, Any]:
    name = os.path.basename(path)
    parts = path.split("/")[:-1]
    signals: dict[str, Any] = {}
    stem = subject_stem(name)
    if stem is not None or is_bare_test(name):
        signals["name"] = True
    lang = registry.get(language)
    if in_test_dir(path) or (lang is not None and in_type_test_dir(path, lang)):
        signals["dir"] = True
    # a helpers folder holds helpers, but a file there named as a test (magicast's test/helpers/vite.test.ts, run by
    # vitest's **/*.test.ts) is one when it has test cases (_kind: test-named without cases is support)
    if (
        _conventions()[2].match(name)
        or any(p in _SUPPORT_DIRS for p in parts)
        or (_in_test_helpers(parts) and stem is None)
    ):
        signals["support"] = True
    markers, inline, extra = -1, False, {}
    if tree is not None and looks_for_markers(lang, path):
        markers, inline, extra = _markers(tree, src, lang, path)
    signals["markers"] = markers
    signals.update(extra)
    if markers > 0 and signals.get("dir") and "name" not in signals and lang.family not in ("c", "rust"):
        # (C and C++ judge their benchmark programs in their own markers, syntax/lang/c.py; Cargo runs every
        # tests/*.rs as a test, benchmarks go to benches/: cpp-peglib's rust-peglib/tests/bench_sql.rs is a test)
        if is_benchmark(path):
            signals["benchmark"] = True
    if markers > 0 and "name" not in signals and type_test_named(path, lang):
        signals["name"] = True  # errors.ts with // THROWS lines: named as a type test, and it is one
    if (
        lang is not None
        and lang.inline_tests
        and (inline or markers > 0)
        and not signals.get("dir")
        and not signals.get("name")
    ):
        signals["inline"] = True
    signals["kind"] = _kind(signals, name)
    if signals["kind"] == "test" and (in_vendored_dir(path) or in_release_copy(path) or in_framework_copy(path)):
        signals["vendored"] = True
        signals["kind"] = "support"
    if tree is not None and signals["kind"] == "" and lang.types_only is not None and lang.types_only(tree):
        signals["types_only"] = True
    if tree is not None and signals["kind"] == "" and lang.reexports_only is not None and lang.reexports_only(tree):
        signals["reexports_only"] = True
    if tree is not None and signals["kind"] == "" and lang.instantiates is not None and lang.instantiates(tree):
        signals["instantiates"] = True
    if tree is not None and signals["kind"] == "" and lang.exports_c is not None and lang.exports_c(tree):
        signals["exports_c"] = True
    if tree is not None and signals["kind"] != "test":
        # What a source defines is what its tests use: the vocabulary of lexical pairing (packing/testpairs.py).
        signals["defines"] = identifiers.defined_names(tree, src, language or "")
        if lang is not None and lang.macro_items is not None:
            seen = set(signals["defines"])
            signals["defines"] += [n for n in lang.macro_items(tree, src) if n not in seen]
        if lang is not None and lang.declaration_lines and tree.root_node.has_error:
            # the grammar failed somewhere: what the file declares at the start of a line still counts
            seen = set(signals["defines"])
            for m in re.finditer(lang.declaration_lines, src.text):
                if m.group(1) not in seen and 1 < len(m.group(1)) <= 64:
                    seen.add(m.group(1))
                    signals["defines"].append(m.group(1))
    if signals["kind"] not in ("test", "support") and lang is not None and lang.macro_names is not None:
        aliases = lang.macro_names(path, src.text)
        if aliases:
            signals["macros"] = aliases
    return signals


def _kind(s: dict[str, Any], name: str) -> str:
    markers = s.get("markers", -1)
    if s.get("support") or s.get("benchmark"):
        return "support"
    if s.get("inline"):
        return "inline"
    if s.get("name"):
        if markers != 0:
            return "test"
        # Test-named but no test case in the tree: a base class or helper inside a test folder
        # (TestUtils.java, export_test.go), an ordinary file elsewhere (ApiSpec.java).
        return (
            "support"
            if s.get("dir") or _HELPER_NAMES.match(name) or name.endswith(("_test.go", "_test.py", "_spec.rb"))
            else ""
        )
    if markers <= 0 and _HELPER_NAMES.match(name) and not name.startswith("testing."):
        return "support"  # pkg/testutils.py, TestHelpers.java wherever they are (testing.py may be a public module)
    if s.get("dir"):
        # In a test folder: test cases make a test, their absence a helper (tests/__init__.py, tests/utils.py).
        return "test" if markers > 0 and not _PREFIXED_HELPER.match(name) else "support"
    return ""  # test cases outside any convention are too rare to risk calling ordinary code a test


def kind(signals: dict[str, Any]) -> str:
    return signals.get("kind", "")


def is_test(signals: dict[str, Any]) -> bool:
    return signals.get("kind") == "test"


def is_support(signals: dict[str, Any]) -> bool:
    return signals.get("kind") == "support"
