"""What every pairing rule shares: each language family's test conventions, read once from the language
registry (syntax/lang/*), and the vocabulary of names and paths (stems, folders that say nothing, sources that are
no test's subject, names that say a test's role).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict

from repoloom.core.types import FileFacts
from repoloom.syntax import registry
from repoloom.syntax.folders import VENDORED_DIRS
from repoloom.syntax.lang.c import HEADERS as _C_HEADERS
from repoloom.syntax.tests import TEST_DIRS, subject_stem

# Tests pair only with sources of the same family (a Kotlin test may test Java code): the registry's.
FAMILY = {lang.name: lang.family for lang in registry.languages()}
# Per-family test conventions, from the language registry (syntax/language.py):
# families where a test's namesake header beside it declares the test's own functions (never its subject), suffixes of headers holding their namesake's implementation (x-inl.h for x.h),
# and tails that close a test's name without a separator in a test folder (writertest.cpp tests writer.h).
_OWN_HEADERS_DECLARE = frozenset(lang.family for lang in registry.languages() if lang.test_headers_declare_tests)
_IMPLEMENTATION_HEADERS: dict[str, tuple[str, ...]] = defaultdict(tuple)
_IMPLEMENTATION_FOLDERS: dict[str, tuple[str, ...]] = defaultdict(tuple)
_BARE_TEST_TAILS: dict[str, tuple[str, ...]] = defaultdict(tuple)
# Per family: test names that say a role, not a subject (Go's example_test.go), build qualifiers dropped from a
# test's name (Go's _windows), families whose tests pair within their folder (a Go package), and the rules only
# some families run (include, use).
_ROLE_NAMES: dict[str, re.Pattern] = {}
_BUILD_QUALIFIERS: dict[str, re.Pattern] = {}
_PACKAGE_FOLDERS: dict[str, tuple[str, str]] = {
    lang.family: lang.package_test_folders for lang in registry.languages() if lang.package_test_folders
}
_WITHIN_FOLDER = frozenset(lang.family for lang in registry.languages() if lang.tests_pair_within_folder)
_NAMED_IN_PART = frozenset(lang.family for lang in registry.languages() if lang.tests_named_in_part)
_FAMILY_RULES: dict[str, frozenset[str]] = defaultdict(frozenset)


for _lang in registry.languages():
    if _lang.role_test_names:
        _ROLE_NAMES[_lang.family] = re.compile(_lang.role_test_names)
    if _lang.build_qualifiers:
        _BUILD_QUALIFIERS[_lang.family] = re.compile(_lang.build_qualifiers)
    _FAMILY_RULES[_lang.family] = _FAMILY_RULES[_lang.family] | frozenset(_lang.pairing_rules)
    _IMPLEMENTATION_HEADERS[_lang.family] = tuple(
        dict.fromkeys(_IMPLEMENTATION_HEADERS[_lang.family] + _lang.implementation_headers)
    )
    _IMPLEMENTATION_FOLDERS[_lang.family] = tuple(
        dict.fromkeys(_IMPLEMENTATION_FOLDERS[_lang.family] + _lang.implementation_header_folders)
    )
    _BARE_TEST_TAILS[_lang.family] = tuple(dict.fromkeys(_BARE_TEST_TAILS[_lang.family] + _lang.bare_test_tails))


# Per family: the file stems of a package's entry point (Rust: lib, main, mod).
_ENTRY_MODULES: dict[str, frozenset[str]] = defaultdict(frozenset)


for _lang in registry.languages():
    _ENTRY_MODULES[_lang.family] = _ENTRY_MODULES[_lang.family] | frozenset(_lang.entry_modules)


# Per family: the functions whose definition makes a source a program (C, C++: main, LLVMFuzzerTestOneInput), never a
# test's subject.
_PROGRAM_ENTRIES: dict[str, frozenset[str]] = defaultdict(frozenset)


for _lang in registry.languages():
    _PROGRAM_ENTRIES[_lang.family] = _PROGRAM_ENTRIES[_lang.family] | frozenset(_lang.program_entries)


# Per family: folders whose every file is a test target (Cargo's tests/), unless a file beside declares it its module.
_TEST_TARGET_DIRS: dict[str, frozenset[str]] = defaultdict(frozenset)


for _lang in registry.languages():
    _TEST_TARGET_DIRS[_lang.family] = _TEST_TARGET_DIRS[_lang.family] | frozenset(_lang.test_target_dirs)


# Files that stand for their folder: a test named after the folder tests them.
_FACADES = {"__init__", "index", "mod", "lib", "main", "package"}
_PACKAGE_ENTRIES = frozenset({"__init__", "index"})  # a package's entry point (a crate root is the crate's own)
# Folder names that say nothing about which module a file belongs to (dropped before comparing folders).
_NEUTRAL_DIRS = frozenset(
    TEST_DIRS | {"src", "main", "lib", "java", "kotlin", "scala", "go", "python", "source", "sources", "app"}
)
# Sources here are illustrations, not subjects (unless the test lives there too).
_NOT_SUBJECT_DIRS = frozenset(
    {
        "example",
        "examples",
        "docs",
        "doc",
        "benchmark",
        "benchmarks",
        "bench",
        "benches",
        "demo",
        "demos",
        "sample",
        "samples",
        "fuzz",
        "fuzzing",
        "fuzzers",
        # another library's code copied in (cereal's include/cereal/external/rapidjson/internal/stack.h is no subject
        # of unittests/stack.cpp: include/cereal/types/stack.hpp is)
        "external",
        "extern",
    }
    | VENDORED_DIRS
)


_FACADES_NORM = {"init", "index", "mod", "lib", "main", "package"}
# Module names too generic to be named by the tail of a test's name (unionTypes.test-d.ts is not about types.ts).
_GENERIC_NAMES = frozenset(
    {"types", "type", "utils", "util", "helpers", "helper", "common", "base", "core", "misc", "constants", "errors"}
)
_SPLIT = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def _stem(path: str) -> str:
    name = os.path.basename(path)
    if name.endswith(".d.ts"):
        return name[:-5]
    return os.path.splitext(name)[0]


def _test_stem(t: FileFacts) -> str:
    """The name a test file is called by: its subject stem (test_foo.py, foo.test.ts -> foo), else its stem."""
    return subject_stem(os.path.basename(t.path)) or _stem(t.path)


def _norm(name: str) -> str:
    """Names compare without case and separators: FooBar, foo_bar, foo-bar and _foo_bar are one name."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _dir_parts(path: str) -> list[str]:
    return [p for p in path.split("/")[:-1] if p.lower() not in _NEUTRAL_DIRS]


def _without_test_dirs(folder: str) -> str:
    return "/".join(p for p in folder.split("/") if p.lower() not in TEST_DIRS) if folder else ""


def _common_suffix(a: list[str], b: list[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def split_identifier(ident: str) -> list[str]:
    """parseHTTPHeader_v2 -> ['parse', 'http', 'header', 'v', '2'] (lowercase)."""
    return [w.lower() for w in _SPLIT.findall(ident)]


def _kind(f: FileFacts) -> str:
    k = f.test.get("kind") if f.test else None
    if k is not None:
        return k
    # facts from before test kinds existed: the foundation's booleans
    if f.test.get("support"):
        return "support"
    return "test" if (f.test.get("name") or f.test.get("dir")) else ""


def _test_targets(facts: list[FileFacts], kinds: dict[str, str]) -> dict[str, str]:
    """Files of a test-target folder (Cargo's tests/) without test cases that are still tests: compile-only checks
    (serde_with's serde_with_test/tests/serde_conv.rs expands the macro, no #[test]) and harness = false programs
    (rust-url's url/tests/wpt.rs, its own main). A file there that a file beside it declares as its module
    (idna/tests/tests.rs: mod punycode;) is part of that test, and one named as a helper stays a helper."""
    declared: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        for r in f.imports:
            if r.get("kind") == "mod":
                declared[_folder(f.path)].add(str(r.get("target") or ""))
    out = {}
    for f in facts:
        if (
            _in_target_dir(f)
            and kinds.get(f.path) == "support"
            and f.test.get("markers") == 0
            and not f.test.get("support")
            and _stem(f.path) not in declared[_folder(f.path)]
        ):
            out[f.path] = "test"
    out.update(_template_instances(facts, kinds))
    return out


def _template_instances(facts: list[FileFacts], kinds: dict[str, str]) -> dict[str, str]:
    """A test folder's driver included by several of its files: M*LIB's tests/check-generic.hpp holds main and the
    test cases, and each tests/check-X.cpp, no case of its own, defines the container it checks and includes it.
    The includers are the tests (one program each), the driver their shared helper. Not a test included by one file
    only (parallel-hashmap's tests include another test to rerun its cases: both stay tests).
    A header of cases without main is such a driver too when several caseless files include it: mapbox-variant's
    test/t/binary_visitor_impl.hpp holds the TEST_CASEs that test/t/binary_visitor_1.cpp .. _6.cpp each compile
    for one variant type (the runner's main is in a file of its own). Not a header named as a test (utfcpp's
    tests/test_unchecked_api.h, a test of its own that test_unchecked_*.cpp both include)."""
    by_path = {f.path: f for f in facts}
    includers: dict[str, list[str]] = defaultdict(list)
    for f in facts:
        if (
            kinds.get(f.path) != "support"
            or f.test.get("markers") != 0
            or f.test.get("support")
            or not f.test.get("dir")
        ):
            continue
        for r in f.imports:
            if r.get("kind") != "include":
                continue
            h = posixpath.join(_folder(f.path), str(r.get("target") or ""))
            if (
                h != f.path
                and kinds.get(h) == "test"
                and h in by_path
                and ("main" in by_path[h].identifiers or (h.endswith(_C_HEADERS) and not by_path[h].test.get("name")))
            ):
                includers[h].append(f.path)
    out: dict[str, str] = {}
    for h, files in includers.items():
        if len(files) >= 2:
            out[h] = "support"
            out.update((p, "test") for p in files)
    return out


def _in_target_dir(f: FileFacts) -> bool:
    """The file sits directly in a test-target folder (a Cargo package's tests/x.rs: a test crate of its own)."""
    parts = f.path.split("/")
    return len(parts) > 1 and parts[-2] in _TEST_TARGET_DIRS.get(FAMILY.get(f.language or "", ""), ())


def _target_helper(path: str | None, kinds: dict[str, str], fam: str | None) -> bool:
    """A helper module of a test target (reqwest's tests/support/not_tcp.rs, bumpalo's tests/all/main.rs).

    Cargo compiles each tests/ target against the crate: a module beside or under one is test code, never what a
    test tests (unlike a Python helper package, tests/utils.py, whose own tests sit beside it).
    """
    if not path or kinds.get(path) != "support":
        return False
    dirs = _TEST_TARGET_DIRS.get(fam or "", ())
    return any(p in dirs for p in path.split("/")[:-1])


_DECLARATION_ONLY = (".pyi", ".d.ts", ".d.mts", ".d.cts")
_C_IMPLEMENTATIONS = (".c", ".cc", ".cpp", ".cxx", ".c++")


def _declares_only(f: FileFacts) -> bool:
    """Declarations without behaviour: stubs, C headers, TypeScript .d.ts and types-only modules."""
    return f.path.endswith(_DECLARATION_ONLY + _C_HEADERS) or bool(f.test.get("types_only"))


def _role_named(path: str, fam: str | None) -> bool:
    """A test named by its role (Go's example_test.go, bench_test.go): it has no subject to find by name."""
    role = _ROLE_NAMES.get(fam or "")
    return role is not None and bool(role.match(os.path.basename(path)))


def _role_subject(path: str, fam: str | None, cands: dict[str, list[str]], kinds: dict[str, str]) -> str | None:
    """A test named for its role and then a module (goquery's bench_array_test.go benchmarks array.go): the family's
    role pattern captures the rest as "subject"; it names the one source of that name beside the test, if any
    (bench_example_test.go, with no example.go, keeps its role and no subject)."""
    role = _ROLE_NAMES.get(fam or "")
    m = role.match(os.path.basename(path)) if role is not None else None
    stem = m.groupdict().get("subject") if m else None
    if not stem:
        return None
    options = [c for c in cands.get(_norm(stem), ()) if _folder(c) == _folder(path) and _usable(path, c, kinds)]
    return options[0] if len(options) == 1 else None


def _folder(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _beside_or_below(cand: str, test_path: str) -> bool:
    here, there = _folder(test_path), _folder(cand)
    return there == here or (bool(here) and there.startswith(here + "/"))


_INCLUDE_FAMILIES = frozenset(fam for fam, rules in _FAMILY_RULES.items() if "include" in rules)


_TOOL_CONFIG = re.compile(r"\.config\.[cm]?[jt]sx?$")  # build.config.ts, vite.config.mjs: a tool's settings


def _usable(test_path: str, cand: str, kinds: dict[str, str] | None = None) -> bool:
    if cand == test_path or _TOOL_CONFIG.search(cand):
        return False  # a build tool's configuration is no test's subject (std-env's test/bundle.test.ts)
    if kinds is not None and kinds.get(cand) == "support" and not _beside_or_below(cand, test_path):
        return False  # a helper is a subject only of tests beside it or above it (test/helpers/with-page.ts)
    cand_dirs = {p.lower() for p in cand.split("/")[:-1]}
    test_dirs = {p.lower() for p in test_path.split("/")[:-1]}
    # a test beside its examples may test them; one beside benchmarks checks the benchmark's harness (radix3's
    # test/bench/impl.test.ts, h3's test/bench/bench.test.ts), which is no subject
    return not ((cand_dirs & _NOT_SUBJECT_DIRS) - (test_dirs - _BENCH_DIRS))


def _units_defining(names: set[str], t: FileFacts, sources: list[FileFacts], kinds, declared: set[str]) -> set[str]:
    """The implementation units (no header declaring them) a test may take that define one of these names."""
    return {
        f.path
        for f in sources
        if kinds.get(f.path) in ("", "inline")
        and f.path not in declared
        and _usable(t.path, f.path)
        and names & set(f.test.get("defines") or ())
    }


_BENCH_DIRS = frozenset({"benchmark", "benchmarks", "bench", "benches"})


def _folder_in_test_tree(path: str) -> str:
    """The test's own folder when it lies below a test root and says something (tests/vanilla/x.test.ts -> vanilla)."""
    parts = path.split("/")[:-1]
    roots = [i for i, p in enumerate(parts) if p.lower() in TEST_DIRS]
    if not roots or roots[-1] != len(parts) - 2:  # right below the test root only (not src/test/java/com/x)
        return ""
    last = parts[-1]
    return "" if last.lower() in _NEUTRAL_DIRS or last.lower() in _NOT_SUBJECT_DIRS else last


_SHIM_NAMES = frozenset({"compat", "compatibility", "polyfill", "polyfills", "shim", "shims"})


_NAME_NOISE = frozenset({"test", "tests", "spec", "specs", "unit", "e2e", "it"})


def _names_agree(test_path: str, cand: str) -> bool:
    """The module's name is a part of the test's name (test/body-size.ts, source/utils/body.ts), not just a
    shared word (test_async_filters.py is not about async_utils.py)."""
    stem = subject_stem(os.path.basename(test_path)) or _stem(test_path)
    tw = {_singular(w) for w in set(split_identifier(stem)) - _NAME_NOISE}
    cw = {_singular(w) for w in split_identifier(_stem(cand))}
    return len(_norm(_stem(cand))) >= 4 and bool(cw) and cw <= tw


def _singular(word: str) -> str:
    """drivers -> driver (unstorage's test/driver-dependencies.test.ts imports src/_drivers.ts alone)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# Families whose tests call what they test by name (C and C++ functions, Go's package members, Rust methods): the registry's.
_CALLS_FAMILIES = frozenset(lang.family for lang in registry.languages() if lang.tests_call_subjects)


_BROAD_PACKAGE = 20  # source files below an entry point that make it a package of many modules


def _below(path: str, sources: list[FileFacts], kinds) -> list[str]:
    """The sources in the folder of an entry point and below it: its package."""
    folder = os.path.dirname(path) + "/"
    return [f.path for f in sources if f.path.startswith(folder) and kinds.get(f.path) in ("", "inline")]


def _package_of_many(path: str, t: FileFacts, sources: list[FileFacts], kinds) -> bool:
    """path is the entry point (lib.rs, mod.rs) of a package of many modules."""
    return _stem(path) in _ENTRY_MODULES[FAMILY.get(t.language or "", "")] and (
        len(_below(path, sources, kinds)) >= _BROAD_PACKAGE
    )


def _plain_target(t: FileFacts) -> bool:
    """tests/mod.rs directly in a Cargo tests/ folder: a test crate named "mod", a name that says nothing
    (RustCrypto's sha2/tests/mod.rs). (Not a test named like its crate: tempfile's tests/tempfile.rs tests the
    tempfile() function of src/file/mod.rs.)"""
    return _in_target_dir(t) and _stem(t.path) == "mod"


# Words that name what kind of test a file is, not what it tests: fuzzing, property checks, compile checks,
# stress runs, regressions (tests/quick.rs, fuzz_test.go, tests/compiletest.rs, tests/regression/issue520.rs, test4.c)
_ROLE_WORDS = frozenset(
    {
        "fuzz",
        "fuzzing",
        "fuzzed",
        "fuzzer",
        "quick",
        "quickcheck",
        "proptest",
        "proptests",
        "compiletest",
        "compiletests",
        "chaos",
        "stress",
        "loom",
        "smoke",
        "regression",
        "regressions",
        "issue",
        "issues",
        "bug",
        "bugs",
        "fail",
        "failure",
        "failures",
    }
)


def _named_for_role(test_path: str) -> bool:
    """The test's name says only what kind of test it is (FuzzFailTest.cpp, tests/quick.rs, issue520.rs, test1.c):
    the names it calls are the whole library's, not a subject's."""
    stem = subject_stem(os.path.basename(test_path)) or _stem(test_path)
    words = [w for w in split_identifier(stem) if not w.isdigit()]
    return bool(words) and all(w in _ROLE_WORDS or w in _NAME_NOISE or w == "unittest" for w in words)


_ISSUE_NUMBERED = re.compile(r"\d{2,}[_-][A-Za-z]")


def _issue_numbered(test_path: str) -> bool:
    """A test named for the issue it reproduces, its number first (ron's tests/115_minimal_flattening.rs)."""
    return bool(_ISSUE_NUMBERED.match(subject_stem(os.path.basename(test_path)) or _stem(test_path)))


_PLAIN_WORDS = frozenset({"smoke"})  # a smoke test is a plain test of the whole library


def _named_plainly(test_path: str) -> bool:
    """The test's name says only that it is a test (tests/test.rs, tests/tests.rs, tests/smoke.rs), not what kind
    of run it is (tests/quick.rs, tests/fuzzing.rs: property and fuzz runs have no single subject)."""
    stem = subject_stem(os.path.basename(test_path)) or _stem(test_path)
    words = [w for w in split_identifier(stem) if not w.isdigit()]
    return bool(words) and all(w in _NAME_NOISE or w in _PLAIN_WORDS for w in words)


_ERROR_WORDS = frozenset({"error", "errors", "exception", "exceptions"})


def _errors_module(path: str) -> bool:
    """A module of the library's error types (src/error.rs, sqlparse/exceptions.py, JsonIOException.java)."""
    words = split_identifier(_stem(path))
    return bool(words) and words[-1] in _ERROR_WORDS
