"""Unit tests beside their subjects (CodeGemma's unit-test-based lexical packing).

pair_tests finds, for every test file of a repository, the source file it tests.
The rules run in order of confidence and the first that decides wins; each pair
records its rule:

    name     the test's file name encodes the subject's (test_foo.py -> foo.py, FooTest.java -> Foo.java,
             foo_test.go -> foo.go, foo.spec.ts -> foo.ts), the subject in the same folder or the only one
    path     mirrored folders decide (src/test/java/a/FooTest.java -> src/main/java/a/Foo.java,
             tests/a/test_b.py -> src/pkg/a/b.py, test/parse.js -> lib/parse.js, __tests__/x.ts -> x.ts)
    include  (C, C++) the test includes a header of the repository, directly or through a local helper header
             (tests/common.h), and the header's implementation (x.h -> x.c / x.cc / x.cpp) is the subject
    use      (Rust) an integration test in tests/ uses items of the crate (use the_crate::Thing): the module
             that defines them, if the test's vocabulary agrees
    calls    (C, C++, Go, Rust) the implementation defining the functions and types the test uses, each name weighed
             by how few tests use it (json_object_put is in every json-c test, json_c_visit in one) and
             shared among the files defining it; the clear favourite, before the include rule (an umbrella
             header the repository generates at build time cannot be followed)
    import   the test imports exactly one module of the repository (edges of the dependency graph)
    lexical  identifiers split on case and underscores, BM25 against every candidate source; the best
             match above a threshold and clearly ahead of the runner-up

A name that lands on a facade (__init__.py, mod.rs, index.ts) that re-exports its folder moves to the
module of that folder the test's vocabulary clearly prefers (tests/test_tz.py -> dateutil/tz/tz.py).
Implementations come before declarations: x.c over x.h, foo.py over foo.pyi; a TypeScript module
of types only (or a .d.ts) is the subject of type tests (*.test-d.ts) only.
Names compare without case and separators across folders (test/http-error.ts -> source/errors/HTTPError.ts);
a name with nothing of its own may join a folder and a file (tests/header_map.rs -> src/header/map.rs).
A topic folder of tests (tests/test_utils/test_prompt.py) yields to the one module defining the function
the test is named after (termui.prompt); so does a test that reaches the code only through the package's
entry point (tests/safe-try.test.ts -> the module defining safeTry). A topic-named test that takes the package
whole, by its default export alone (p-queue's test/basic.ts: import PQueue from '../source/index.js') or through its
own test package (tests/__init__.py: import tomli as tomllib), pairs with the one file, of the entry point and the
modules it re-exports from, that defines every name of the package the test uses (the entry itself only when it
defines several of them: source/index.ts's PQueue and its methods; tomli's loads and TOMLDecodeError in _parser.py).
A test named for an entry point that only re-exports several modules (test/index.test.ts, src/index.ts) tests the
package as a whole: no subject. A build tool's configuration (build.config.ts, vite.config.mjs) is no test's subject.
A package of one module is the subject
of every test that requires it; a helper is a subject only for tests beside or above it.
A compile-only C/C++ check (a test-named file that only includes headers: tests/test_header_guard.cpp) not named after
its subject tests the one header it includes. A test named only for its kind (tests/quick.rs, fuzz_test.go, test1.c)
takes no subject from what it calls, uses or says: it exercises the whole library.
A C or C++ program (a source defining main, unless only under a preprocessor condition) cannot be linked into a test:
it is never a subject (test/test_base64.c -> lib/lib.c, not the tool bin/base64.c). In a header-only library a test
that reaches no implementation takes the repository header it includes that holds code and defines the most of what
the test uses (tests/owner_tests.cpp -> include/gsl/pointers).
A Rust integration test named only "test" (tests/test.rs, tests/smoke.rs) that reaches its own crate by name (use
itoa::Integer, #[macro_use] extern crate lazy_static) tests the crate root when the root defines the most of what it
names. A C or C++ test without a subject of its own that includes one other test source (parallel-hashmap's
tests/parallel_flat_hash_map_test.cc -> parallel_hash_map_test.cc -> flat_hash_map_test.cc) takes that test's subject.
A test may have no subject; a source may have several tests. Rust sources with
inline ``#[cfg(test)]`` modules are their own subject and are not test files.
place_tests then moves each paired test right after its subject.
"""

from __future__ import annotations

import math
import os
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from repoloom.core import counters as C
from repoloom.core.config import num, share
from repoloom.core.types import FileFacts
from repoloom.syntax import registry
from repoloom.syntax.resolving import Edges, RepoIndex
from repoloom.syntax.tests import TEST_DIRS, in_test_dir, in_type_test_dir, is_bare_test, subject_stem


@dataclass
class UnitTestsConfig:
    """Unit tests beside their subjects (packing/testpairs.py): which pairing rules run, and how sure lexical must be."""

    KEY: ClassVar[str] = "tests"
    enabled: bool = True
    import_: bool = field(default=True, metadata={"key": "import"})
    lexical: bool = True
    lexical_min_score: float = share(0.3)
    lexical_margin: float = num(1.5, 0.0)
    path_weight: float = num(3, 0.0)


RULES = ("name", "path", "calls", "include", "use", "import", "lexical")

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
# Per family: the functions whose definition makes a source a program (C, C++: main), never a test's subject.
_PROGRAM_ENTRIES: dict[str, frozenset[str]] = defaultdict(frozenset)
for _lang in registry.languages():
    if _lang.program_entry:
        _PROGRAM_ENTRIES[_lang.family] = _PROGRAM_ENTRIES[_lang.family] | {_lang.program_entry}
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
        "third_party",
        "thirdparty",
        "3rdparty",
        "vendor",
        "vendored",
    }
)
_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^A-Za-z\d._-]+")
_LEAD_QUALIFIER = re.compile(r"^(Java|Jdk|Kotlin|Scala|Android|Jvm)\d*(?=[A-Z])")
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


def _terms(identifiers: list[str]) -> Counter:
    """Terms of a file: each distinct identifier (whole, lowercased) and its parts of two letters or more."""
    c: Counter = Counter()
    for ident in identifiers:
        low = ident.lower()
        c[low] += 1
        parts = [w for w in split_identifier(ident) if len(w) > 1]
        if len(parts) > 1:
            c.update(w for w in parts if w != low)
    return c


class _Lexical:
    """BM25 of a test's terms against candidate sources (one index per language family)."""

    def __init__(
        self,
        docs: dict[str, Counter],
        queries: list[Counter] = (),
        k1: float = 1.2,
        b: float = 0.75,
        excluded: frozenset[str] = frozenset(),
    ):
        self.k1, self.b = k1, b
        self.excluded = excluded  # weigh the terms, never a candidate (programs)
        # query-side weight: a term used by most of the repository's tests is test plumbing
        qdf: Counter = Counter()
        for q in queries:
            qdf.update(q.keys())
        nq = len(queries)
        top = math.log(1 + (nq + 0.5) / 0.5) if nq else 1.0
        self.qweight = {t: math.log(1 + (nq - d + 0.5) / (d + 0.5)) / top for t, d in qdf.items()} if nq >= 4 else {}
        self.docs = docs
        self.len = {p: sum(c.values()) for p, c in docs.items()}
        self.avg = (sum(self.len.values()) / len(docs)) if docs else 1.0
        df: Counter = Counter()
        for c in docs.values():
            df.update(c.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.post: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for p in sorted(docs):
            for t, tf in docs[p].items():
                self.post[t].append((p, tf))

    def rank(self, query: Counter, only: set[str] | None = None) -> tuple[list[tuple[float, str]], float]:
        """Candidates by score (best first) and the score a perfect match would get (for normalising)."""
        scores: dict[str, float] = defaultdict(float)
        ceiling = 0.0
        for t in query:
            idf = self.idf.get(t)
            if idf is None:
                continue
            idf *= self.qweight.get(t, 1.0)
            ceiling += idf * (self.k1 + 1)
            for p, tf in self.post[t]:
                if (only is not None and p not in only) or p in self.excluded:
                    continue
                norm = tf + self.k1 * (1 - self.b + self.b * self.len[p] / self.avg)
                scores[p] += idf * tf * (self.k1 + 1) / norm
        ranked = sorted(((s, p) for p, s in scores.items()), key=lambda x: (-x[0], x[1]))
        return ranked, ceiling


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
    only (parallel-hashmap's tests include another test to rerun its cases: both stay tests)."""
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
            if h != f.path and kinds.get(h) == "test" and "main" in (by_path[h].identifiers if h in by_path else ()):
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


# A crate of this many modules or fewer is small: its integration tests test the crate as a whole, the crate root.
_SMALL_CRATE_MODULES = 3


def _small_crate(t: FileFacts, kinds, sources: list[FileFacts]) -> bool:
    """The package owning the test's tests/ folder has a small src/ (lazy-static: lib.rs, inline_lazy.rs and
    core_lazy.rs; unicode-ident: lib.rs and tables.rs). In a larger crate a topic test (rayon's tests/chars.rs,
    nom's tests/json.rs) tests a module of its own or none, not the crate root that re-exports it."""
    parts = t.path.split("/")
    pkg = "/".join(parts[: parts.index("tests")]) if "tests" in parts[:-1] else ""
    prefix = pkg + "/src/" if pkg else "src/"
    n = sum(1 for f in sources if f.path.startswith(prefix) and kinds.get(f.path) in ("", "inline"))
    return 0 < n <= _SMALL_CRATE_MODULES


def _bump(stats: dict[str, int], key: str, n: int = 1) -> None:
    stats[key] = stats.get(key, 0) + n


def pair_tests(facts: list[FileFacts], rg, tcfg: UnitTestsConfig) -> list[dict[str, Any]]:
    """[{"test": path, "subject": path | None, "rule": str | None, "score": float}], one per test file, by path.

    Adds counters to rg.stats: tests.files, tests.support, tests.inline, tests.paired, tests.rule.<rule>.
    """
    kinds = {f.path: _kind(f) for f in facts}
    kinds.update(_test_targets(facts, kinds))
    stats = rg.stats
    _bump(stats, C.TESTS_FILES, sum(1 for k in kinds.values() if k == "test"))
    _bump(stats, C.TESTS_SUPPORT, sum(1 for k in kinds.values() if k == "support"))
    _bump(stats, C.TESTS_INLINE, sum(1 for k in kinds.values() if k == "inline"))
    tests = sorted((f for f in facts if kinds[f.path] == "test"), key=lambda f: f.path)
    if not tests:
        return []
    if not tcfg.enabled:
        return [{"test": t.path, "subject": None, "rule": None, "score": 0.0} for t in tests]

    # Candidate subjects per family, with the names each answers to.
    # A program (a C file defining main) cannot be linked into a test: it is no candidate for any rule.
    # Nor is a compiled unit defining nothing of its own (toml11's src/parser.cpp: explicit template instantiations
    # of include/toml11/parser.hpp, built only on request): the code is in the header it includes.
    header_types = {n for f in facts if f.path.endswith(_C_HEADERS) for n in (f.test.get("defines") or ())}
    facts_by_path = {f.path: f for f in facts}
    programs = {f.path for f in facts if _is_program(f) or _is_hollow_unit(f, header_types, rg.graph, facts_by_path)}
    sources: dict[str, list[FileFacts]] = defaultdict(list)
    program_sources: dict[str, list[FileFacts]] = defaultdict(list)  # still part of the lexical index's statistics
    for f in facts:
        fam = FAMILY.get(f.language or "")
        if fam and kinds[f.path] in ("", "inline"):
            (program_sources if f.path in programs else sources)[fam].append(f)
    by_name: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    named = defaultdict(list)  # name-rule candidates: sources, and helpers (a test of tests/utils.py sits beside it)
    for f in facts:
        fam = FAMILY.get(f.language or "")
        if fam and kinds[f.path] in ("", "inline", "support") and f.path not in programs:
            named[fam].append(f)
    for fam, fs in named.items():
        for f in sorted(fs, key=lambda f: f.path):
            stem = _stem(f.path)
            by_name[fam][_norm(stem)].append(f.path)
            if stem in _FACADES:
                parent = f.path.split("/")[-2] if "/" in f.path else ""
                if parent and _norm(parent) != _norm(stem):
                    by_name[fam][_norm(parent)].append(f.path)
    # folder and file joined (header/map.rs answers to header_map): consulted only when no file has the name
    joined: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for fam, fs in named.items():
        for f in sorted(fs, key=lambda f: f.path):
            parts = f.path.split("/")
            if len(parts) > 1 and _stem(f.path) not in _FACADES and parts[-2].lower() not in _NEUTRAL_DIRS:
                joined[fam][_norm(parts[-2] + _stem(f.path))].append(f.path)
    declared = {f.path for f in facts if _declares_only(f)}
    # the repository's package names (package.json's name: immer, @scope/name -> name), said in normalised form
    packages = frozenset(
        _norm(str(r.get("target") or "").rsplit("/", 1)[-1])
        for f in facts
        for r in f.imports
        if r.get("kind") == "package"
    )
    impl_headers = _implementation_headers(facts, kinds)
    declared -= set(impl_headers.values())
    lexical: dict[str, _Lexical] = {}

    def lex_index(fam: str) -> _Lexical:
        if fam not in lexical:
            docs = {}
            for f in sources[fam] + program_sources[fam]:
                # A source is described by what it defines (names used there are everywhere and blur it);
                # files parsed before ``defines`` existed fall back to all their identifiers.
                defines = f.test.get("defines")
                c = _terms(defines if defines is not None else f.identifiers)
                for w in split_identifier(_stem(f.path)) + [_stem(f.path).lower()]:
                    c[w] += tcfg.path_weight
                docs[f.path] = c
            lexical[fam] = _Lexical(docs, tests_by_family[fam], excluded=frozenset(programs))
        return lexical[fam]

    # Names every test uses (a test client, assertion helpers) say nothing about the subject.
    tests_by_family: dict[str, list[Counter]] = defaultdict(list)
    query_terms: dict[str, Counter] = {}
    names_in_tests: dict[str, Counter] = defaultdict(Counter)  # per family: how many tests use each name
    # the names a test calls, followed through the repository headers' macros (libdill's hclose: dill_hclose)
    macros = {fam: _macro_map(fs) for fam, fs in sources.items()}
    called_names: dict[str, set[str]] = {}
    for t in tests:
        query_terms[t.path] = _terms(t.identifiers)
        tests_by_family[FAMILY.get(t.language or "", "")].append(query_terms[t.path])
        called_names[t.path] = _through_macros(set(t.identifiers), macros.get(FAMILY.get(t.language or "", ""), {}))
        names_in_tests[FAMILY.get(t.language or "", "")].update(called_names[t.path])

    graph = rg.graph
    suites = _suite_prefixes(tests)

    common_of: dict[str, frozenset[str]] = {}  # per family, once: the counts above are final here

    def common_names(fam: str | None) -> frozenset[str]:
        if (fam or "") not in common_of:
            common_of[fam or ""] = _common_names(names_in_tests[fam or ""], len(tests_by_family[fam or ""]))
        return common_of[fam or ""]

    defined_here: set[str] | None = None  # every name the repository defines (worked out when first needed)
    index_box: list | None = None  # lookups for resolving single import records (built when first needed)
    pairs = []

    def calls_of(t: FileFacts, fam: str | None):
        """The calls rule for t: the file defining what t calls, when clear."""
        return _by_calls(
            t,
            sources[fam],
            kinds,
            declared,
            names_in_tests[fam],
            len(tests_by_family[fam]),
            tcfg,
            used=called_names[t.path],
        )

    for t in tests:
        fam = FAMILY.get(t.language or "")
        found = None
        compile_only = bool(t.test.get("compile_only"))
        # a test named for its kind (tests/quick.rs, tests/loom.rs) uses the whole library: what it calls or uses
        # names no subject (what it imports still may: argparse's test/test_issue_37.cpp and its one header)
        for_role = _named_for_role(t.path)
        if fam and (sources.get(fam) or named.get(fam)):
            cands = by_name[fam]
            role = _role_named(t.path, fam)  # a test named for its role (example_test.go) has no namesake subject
            found = (
                None
                if role
                else _by_name(
                    t,
                    cands,
                    kinds,
                    graph,
                    lex_index,
                    fam,
                    tcfg,
                    declared=declared,
                    sources_of=sources.get,
                    joined=joined[fam],
                    facts_by_path=facts_by_path,
                    suites=suites,
                )
            )
            if found is not None and _stem(found[0]) in _FACADES:
                found = _through_facade(t, found, named[fam], kinds, declared, lex_index, tcfg)
                if (
                    found is not None
                    and _stem(found[0]) in _FACADES
                    and _only_re_exports_for(t, found[0], facts_by_path)
                ):
                    found = (None, None, 0.0)  # decided: the package as a whole, no later rule names one
            if (
                found is not None
                and found[0] is not None
                and found[0].endswith(_C_HEADERS)
                and found[0] in declared
                and found[0] not in impl_headers
                and kinds.get(found[0]) != "support"
                and tcfg.import_
                and fam in _CALLS_FAMILIES
            ):
                # a header named like the test but with no implementation of that name (libevent's
                # include/event2/dns.h for test/regress_dns.c): the file defining what the test calls, when clear
                # (evdns.c); a header-only library has no such file and keeps its header
                called = calls_of(t, fam)
                if (
                    called is not None
                    and called[0] is not None
                    and _uses_more_of(t, called[0], found[0], facts_by_path)
                ):
                    found = called
            if found is None and not role and not for_role and macros.get(fam or ""):
                # a test named for a macro of the library's header (libdill's tests/go1.c: go, a macro over
                # dill_prologue of cr.c): the one file defining what the macro stands for
                found = _by_macro_name(t, macros[fam or ""], sources[fam], kinds, declared)
            if found is None and compile_only:
                # a check that headers compile (pugixml's tests/test_header_guard.cpp includes pugixml.hpp twice),
                # not named after its subject: the one header it includes, not that header's implementation;
                # of several headers, none (stb's tests/test_c_compilation.c)
                found = _compiled_header(t, graph, kinds, facts_by_path) or (None, None, 0.0)
            if found is None and tcfg.import_ and fam in _CALLS_FAMILIES and not role:
                found = calls_of(t, fam)
            if found is None and fam in _NAMED_IN_PART and not role and not for_role:
                # named for a part of one module's name (spdlog's tests/test_mpmc_q.cpp: details/mpmc_blocking_q.h)
                found = _by_name_part(t, by_name[fam], kinds, facts_by_path, suites, declared)
            if found is None and tcfg.import_ and "include" in _FAMILY_RULES.get(fam, ()):
                found = _by_include(t, graph, kinds, facts_by_path, sources[fam], lex_index, tcfg, impl_headers)
            if found is None and tcfg.import_ and "use" in _FAMILY_RULES.get(fam, ()) and not for_role:
                found = _by_crate_use(t, kinds, sources[fam], lex_index, fam, tcfg)
            if found is None and tcfg.import_ and not role:
                if index_box is None:
                    index_box = [RepoIndex(facts, rg.params)]
                found = _by_import(
                    t,
                    graph,
                    kinds,
                    facts_by_path,
                    fam,
                    lex_index,
                    tcfg,
                    index_box[0],
                    common=common_names(fam),
                    packages=packages,
                )
            # weaker name evidence after the imports: JsonArrayAsListTest -> JsonArray.java
            if found is None and not role:
                found = _by_name(
                    t,
                    cands,
                    kinds,
                    graph,
                    lex_index,
                    fam,
                    tcfg,
                    qualified=True,
                    declared=declared,
                    sources_of=sources.get,
                )
            if found is None and _imports_only_facades(
                t, graph, facts_by_path, _tooling(t, index_box[0] if index_box else None, common_names(fam))
            ):
                # the test reaches the code through the package's entry point only: its name is the hint
                definer = _defining_module(
                    t, sources[fam], kinds, declared, imported=_imports_helpers(t, graph, facts_by_path)
                )
                found = (definer, "name", 0.6) if definer else None
                if found is None and not role and not for_role:
                    # a test named for a topic (tests/test_lru.py, test/basic.ts) of a package whose entry point
                    # itself defines what the test imports (cachetools' LRUCache in __init__.py)
                    if defined_here is None:
                        defined_here = {n for f in facts for n in (f.test.get("defines") or ())}
                    if index_box is None:
                        index_box = [RepoIndex(facts, rg.params)]
                    found = _facade_defining_all(t, graph, kinds, facts_by_path, defined_here, index_box[0])
            if found is None and not role and not for_role and tcfg.import_:
                # a topic-named test that takes the package whole (its default export, import tomli as
                # tomllib, possibly through its own tests/__init__.py): the one file, of the entry point and
                # the modules it re-exports, that defines every name of the package the test uses
                if index_box is None:
                    index_box = [RepoIndex(facts, rg.params)]
                found = _through_entry_point(t, graph, kinds, facts_by_path, index_box[0])
            if (
                found is None
                and not role
                and not for_role
                and "use" in _FAMILY_RULES.get(fam, ())
                and in_test_dir(t.path)
            ):
                found = _by_named_type(t, sources[fam], kinds, declared)
            if (
                found is None
                and tcfg.import_
                and "use" in _FAMILY_RULES.get(fam, ())
                and (
                    _named_plainly(t.path)
                    or _plain_target(t)
                    # any Cargo test target of a small crate, whatever its name (lazy-static's tests/no_std.rs)
                    or (not for_role and _in_target_dir(t) and _small_crate(t, kinds, sources[fam]))
                )
            ):
                # a test named only "test" (tests/test.rs, tests/smoke.rs), or any test target of a small crate, that
                # reaches its own crate by name and uses mostly what the crate root defines tests the crate as a
                # whole (not so a fuzz or property run)
                found = _by_own_crate(t, kinds, sources[fam])
            if found is None and t.test.get("type_test") and subject_stem(os.path.basename(t.path)) is None:
                # a type test named for no module (check-dts' computed/errors.ts) checks the declarations beside it
                found = _declarations_beside(t.path, declared, kinds)
            if found is None and tcfg.lexical and not role and not for_role:
                found = _by_lexical(t, lex_index(fam), tcfg)
        subject, rule, score = found if found else (None, None, 0.0)
        subject = impl_headers.get(subject, subject)
        pairs.append({"test": t.path, "subject": subject, "rule": rule, "score": round(float(score), 4)})
    _through_included_tests(pairs, graph, facts_by_path)
    for p in pairs:
        if p["subject"]:
            _bump(stats, C.TESTS_PAIRED)
            _bump(stats, C.TESTS_RULE.key(p["rule"]))
    return pairs


def _through_included_tests(pairs: list[dict[str, Any]], graph, facts_by_path: dict) -> None:
    """(C, C++) A test that includes another test's source (parallel-hashmap's tests/parallel_flat_hash_map_test.cc
    #includes parallel_hash_map_test.cc, which #includes flat_hash_map_test.cc and the library's phmap.h) runs that
    test's cases on its own configuration: with no subject of its own, it takes the included test's subject."""
    by_test = {p["test"]: p for p in pairs}
    for _ in range(4):  # chains of included tests, a few deep
        changed = False
        for p in pairs:
            if p["subject"] or p["test"] not in graph:
                continue
            f = facts_by_path.get(p["test"])
            if f is None or "include" not in _FAMILY_RULES.get(FAMILY.get(f.language or "", ""), ()):
                continue
            # a test source, not a header of a test folder (a vendored framework's gtest.h is a "test" too)
            included = [
                by_test[q] for q in graph.successors(p["test"]) if q in by_test and q.endswith(_C_IMPLEMENTATIONS)
            ]
            subjects = {q["subject"] for q in included}
            if len(included) == 1 and None not in subjects:
                p["subject"], p["rule"], p["score"] = included[0]["subject"], "include", included[0]["score"]
                changed = True
        if not changed:
            break


_DECLARATION_ONLY = (".pyi", ".d.ts", ".d.mts", ".d.cts")
_C_HEADERS = (".h", ".hh", ".hpp", ".hxx", ".h++")
_C_IMPLEMENTATIONS = (".c", ".cc", ".cpp", ".cxx", ".c++")


_SUITE_NAME = re.compile(r"^([A-Za-z0-9]+)[_-](.+)$")
_SUITE_MIN = 3  # tests of one folder sharing a name's first word: the word names the suite, not a subject


def _suite_prefixes(tests: list[FileFacts]) -> dict[str, set[str]]:
    """folder -> first words that several of its tests' names share without a test affix (test/regress_*.c)."""
    count: Counter = Counter()
    for t in tests:
        name = os.path.basename(t.path)
        m = _SUITE_NAME.match(_stem(t.path))
        if m and subject_stem(name) is None and not is_bare_test(name):
            count[(_folder(t.path), m.group(1).lower())] += 1
    out: dict[str, set[str]] = defaultdict(set)
    for (folder, word), n in count.items():
        if n >= _SUITE_MIN:
            out[folder].add(word)
    return out


def _compiled_header(t: FileFacts, graph, kinds, facts_by_path) -> tuple[str, str, float] | None:
    """The one header of the repository a compile-only test includes (directly), or None."""
    if t.path not in graph:
        return None
    headers = sorted(
        p
        for p in graph.successors(t.path)
        if p in facts_by_path and p.endswith(_C_HEADERS) and kinds.get(p) in ("", "inline") and _usable(t.path, p)
    )
    return (headers[0], "include", 0.9) if len(headers) == 1 else None


def _uses_more_of(t: FileFacts, a: str, b: str, facts_by_path: dict) -> bool:
    """a defines more of the names the test uses than b (fmt's format.h against src/os.cc: b keeps it)."""
    used = set(t.identifiers)

    def hits(p: str) -> int:
        f = facts_by_path.get(p)
        return len(used & set(f.test.get("defines") or ())) if f is not None else 0

    return hits(a) > hits(b)


def _own_header(test_path: str, cand: str, fam: str | None) -> bool:
    """test/regress_http.h beside test/regress_http.c declares the test's own functions (its family says so); in a
    test folder, so does the header named after what the test is named for (magic_enum's test/aliases.hpp beside
    test/test_aliases.cpp: the test's own configuration, not the library)."""
    if fam not in _OWN_HEADERS_DECLARE or not cand.endswith(_C_HEADERS) or _folder(cand) != _folder(test_path):
        return False
    if _stem(cand) == _stem(test_path):
        return True
    named_for = subject_stem(os.path.basename(test_path))
    return bool(named_for) and _stem(cand) == named_for and in_test_dir(cand)


def _bare_tail(path: str, own: str, fam: str | None) -> str | None:
    """The subject's name of a test in a test folder named with its family's bare tail (writertest -> writer)."""
    if not in_test_dir(path):
        return None
    low = own.lower()
    for tail in _BARE_TEST_TAILS.get(fam or "", ()):
        rest = own[: -len(tail)]
        if low.endswith(tail) and len(rest) >= 3 and rest[-1] not in "._-":
            return rest
    return None


def _implementation_headers(facts: list[FileFacts], kinds: dict[str, str]) -> dict[str, str]:
    """header -> the header beside it holding its implementation (include/spdlog/details/registry.h ->
    include/spdlog/details/registry-inl.h), by the suffixes the header's language family registers, beside the
    header or in a folder below it that the family names (CLI11's include/CLI/impl/App_inl.hpp); unless the
    header defines more than that file (fmt's format.h is the library, format-inl.h its compiled part)."""
    headers = {f.path: f for f in facts if f.path.endswith(_C_HEADERS)}
    out: dict[str, str] = {}
    for path in sorted(headers):
        if kinds.get(path) not in ("", "inline"):
            continue
        fam = FAMILY.get(headers[path].language or "") or ""
        impl = _implementation_header(path, fam, headers, kinds)
        if impl is not None:
            if len(headers[impl].test.get("defines") or ()) >= len(headers[path].test.get("defines") or ()):
                out[path] = impl
    return out


def _implementation_header(path: str, fam: str, headers: dict, kinds: dict[str, str]) -> str | None:
    """The first header named for path's implementation (x-inl.h beside x.h, then impl/x_inl.h below it)."""
    base, ext = os.path.splitext(path)
    folder, stem = os.path.split(base)
    for sub in ("", *_IMPLEMENTATION_FOLDERS.get(fam, ())):
        for suffix in _IMPLEMENTATION_HEADERS.get(fam, ()):
            impl = os.path.join(folder, sub, stem + suffix + ext) if sub else base + suffix + ext
            if impl in headers and kinds.get(impl) in ("", "inline"):
                return impl
    return None


def _declares_only(f: FileFacts) -> bool:
    """Declarations without behaviour: stubs, C headers, TypeScript .d.ts and types-only modules."""
    return f.path.endswith(_DECLARATION_ONLY + _C_HEADERS) or bool(f.test.get("types_only"))


def _declarations_beside(test_path: str, declared: set[str], kinds: dict[str, str]) -> tuple[str, str, float] | None:
    """The one declarations-only file in the type test's folder (computed/index.d.ts), if there is exactly one."""
    folder = os.path.dirname(test_path)
    beside = [p for p in declared if os.path.dirname(p) == folder and kinds.get(p) in ("", "inline")]
    return (beside[0], "path", 1.0) if len(beside) == 1 else None


def _is_type_test(path: str) -> bool:
    """Tests of types (tsd / vitest typecheck): foo.test-d.ts, or in a language's type-test folder (type-tests/foo.ts,
    dtslint/, test-d/: Language.type_test_dirs)."""
    return "-d." in os.path.basename(path) or in_type_test_dir(path)


def _role_named(path: str, fam: str | None) -> bool:
    """A test named by its role (Go's example_test.go, bench_test.go): it has no subject to find by name."""
    role = _ROLE_NAMES.get(fam or "")
    return role is not None and bool(role.match(os.path.basename(path)))


def _implementations_first(test_path: str, options: list[str], declared: set[str]) -> list[str]:
    """foo.py over its stub foo.pyi, x.c over x.h; a types-only TypeScript module answers type tests only."""
    impl = [c for c in options if c not in declared]
    if impl:
        return impl
    if _is_type_test(test_path):
        return options
    return [c for c in options if c.endswith(_C_HEADERS + (".pyi",))]  # a header-only library: the header


_HEADER_LEAD = 3  # names of the test's that the header defines, against each one the namesake implementation defines


def _header_holding_the_code(t: FileFacts, options: list[str], facts_by_path: dict | None) -> list[str]:
    """[header] when a C/C++ header, not its namesake implementation, defines what the test uses: a header-only
    library whose .cc holds only explicit instantiations (fmt's format.h and src/format.cc); else []."""
    headers = [c for c in options if c.endswith(_C_HEADERS)]
    impls = [c for c in options if c.endswith(_C_IMPLEMENTATIONS)]
    if facts_by_path is None or len(headers) != 1 or not impls:
        return []
    used = set(t.identifiers)

    def hits(p: str) -> int:
        f = facts_by_path.get(p)
        return len(used & set(f.test.get("defines") or ())) if f is not None else 0

    h = hits(headers[0])
    return headers if h >= _HEADER_LEAD and h >= _HEADER_LEAD * max(hits(c) for c in impls) else []


def _package_sources(test_path: str, tied: list[str], fam: str | None) -> str | None:
    """The one tied candidate in the sources folder of the test's own package (<root>/tests/x.rs -> <root>/src/),
    for a family that lays its packages out so (Cargo); else None."""
    folders = _PACKAGE_FOLDERS.get(fam or "")
    if folders is None:
        return None
    tests, srcs = folders
    parts = test_path.split("/")[:-1]
    if tests not in parts:
        return None
    root = "/".join(parts[: len(parts) - 1 - parts[::-1].index(tests)])
    prefix = f"{root}/{srcs}/" if root else f"{srcs}/"
    own = [c for c in tied if c.startswith(prefix)]
    return own[0] if len(own) == 1 else None


def _folder(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _beside_or_below(cand: str, test_path: str) -> bool:
    here, there = _folder(test_path), _folder(cand)
    return there == here or (bool(here) and there.startswith(here + "/"))


def _is_program(f: FileFacts) -> bool:
    """A source defining its family's program entry (C's main): a command-line tool or an example program."""
    entries = _PROGRAM_ENTRIES.get(FAMILY.get(f.language or "", ""))
    return (
        bool(entries)
        and f.path.endswith(_C_IMPLEMENTATIONS)  # a header's main is an example in its documentation (stb's headers)
        and _kind(f) in ("", "inline")
        and bool(entries & set(f.test.get("defines") or ()))
    )


_INCLUDE_FAMILIES = frozenset(fam for fam, rules in _FAMILY_RULES.items() if "include" in rules)


def _is_hollow_unit(f: FileFacts, header_types: set[str], graph, facts_by_path: dict) -> bool:
    """A C/C++ implementation file that defines nothing of its own (only includes, explicit instantiations, macros,
    forward declarations of types the headers define: struct type_config;) and includes a header named like it
    that holds code (toml11's src/datetime.cpp: include/toml11/impl/datetime_impl.hpp). glog's src/stacktrace.cc,
    which includes a platform's implementation through a macro, is no such unit: stacktrace.h holds no code."""
    defines = f.test.get("defines")
    if not (
        defines is not None
        and f.path.endswith(_C_IMPLEMENTATIONS)
        and _kind(f) in ("", "inline")
        and FAMILY.get(f.language or "", "") in _INCLUDE_FAMILIES
        and set(defines) <= header_types
        and f.path in graph
    ):
        return False
    stem = _norm(_stem(f.path))
    for p in graph.successors(f.path):
        if p not in facts_by_path or not p.endswith(_C_HEADERS):
            continue
        # an implementation header by its name (impl/datetime_impl.hpp), or a header defining more than a namespace
        # and a type or two, which are declarations (toml11's parser.hpp, value.hpp; not glog's stacktrace.h)
        other = _norm(_stem(p))
        if (other != stem and other.startswith(stem)) or len(
            facts_by_path[p].test.get("defines") or ()
        ) >= _HOLLOW_MIN_DEFINES:
            return True
    return False


_HOLLOW_MIN_DEFINES = 3


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


_BENCH_DIRS = frozenset({"benchmark", "benchmarks", "bench", "benches"})


def _folder_in_test_tree(path: str) -> str:
    """The test's own folder when it lies below a test root and says something (tests/vanilla/x.test.ts -> vanilla)."""
    parts = path.split("/")[:-1]
    roots = [i for i, p in enumerate(parts) if p.lower() in TEST_DIRS]
    if not roots or roots[-1] != len(parts) - 2:  # right below the test root only (not src/test/java/com/x)
        return ""
    last = parts[-1]
    return "" if last.lower() in _NEUTRAL_DIRS or last.lower() in _NOT_SUBJECT_DIRS else last


def _only_re_exports_for(t: FileFacts, facade: str, facts_by_path) -> bool:
    """A test named for the entry point itself (test/index.test.ts) whose entry only re-exports several modules
    of its package (std-env's src/index.ts: export { env } from './env.ts', ...; neverthrow's) tests the package as
    a whole: no one subject."""
    stem = _test_stem(t)
    f = facts_by_path.get(facade)
    if f is None or _norm(stem) != _norm(_stem(facade)):
        return False  # named for its folder (test/utils.test.ts, src/utils/index.ts) the package may be the subject
    reexported = {n for i in f.imports for n in (i.get("names") or ())}
    own = {n for n in (f.test.get("defines") or ()) if not n.startswith("__")} - reexported
    # modules of its own package (relative records: the graph may have dropped one edge of a cycle)
    local = {i.get("target") for i in f.imports if str(i.get("target") or "").startswith(".")}
    return not own and len(local) >= 2


def _imports_only_facades(t: FileFacts, graph, facts_by_path, tooling: set[str] = frozenset()) -> bool:
    """tests/safe-try.test.ts imports '../src' (src/index.ts) and nothing else of the repository (but the shared
    test tooling: ts-pattern's tests take Expect and Equal from src/types/helpers.ts)."""
    if t.path not in graph:
        return False
    targets = [
        p
        for p in graph.successors(t.path)
        if p in facts_by_path and _kind(facts_by_path[p]) != "support" and p not in tooling
    ]
    return bool(targets) and all(_stem(p) in _FACADES or _re_exports_only(facts_by_path[p]) for p in targets)


def _re_exports_only(f: FileFacts) -> bool:
    """A module of its package that defines nothing of its own, only re-exports modules beside or below it (zustand's
    src/middleware.ts: export * from './middleware/persist.ts', ...): a facade whatever its name."""
    if _declares_only(f) or not any(str(i.get("target") or "").startswith(".") for i in f.imports):
        return False
    reexported = {n for i in f.imports for n in (i.get("names") or ())}
    return not ({n for n in (f.test.get("defines") or ()) if not n.startswith("__")} - reexported)


def _facade_defining_all(
    t: FileFacts, graph, kinds, facts_by_path, defined_here: set[str], ix=None
) -> tuple[str, str, float] | None:
    """The one entry point of the package (__init__.py, index.ts) a test imports, when it defines itself, not
    by re-export, the one name of the repository the test imports that the test's own helpers do not (cachetools'
    tests/test_lru.py: LRUCache of src/cachetools/__init__.py; CacheTestMixin of tests/__init__.py and datetime's
    timedelta do not count). A facade that only re-exports (src/index.ts: export { x } from './x'), a test
    importing nothing by name (import * as lib) or several names (tests/test_threading.py: LRUCache, cached,
    cachedmethod) has none."""
    targets = [p for p in graph.successors(t.path) if p in facts_by_path]
    entries = [p for p in targets if kinds.get(p) in ("", "inline")]
    if len(entries) != 1:
        return None
    entry = facts_by_path[entries[0]]
    helpers = set()
    for p in targets:
        if p != entry.path:
            helpers |= set(facts_by_path[p].test.get("defines") or ()) | set(facts_by_path[p].identifiers)
    wanted = {
        n for i in t.imports for n in (i.get("names") or ()) if n != "*" and n not in helpers and n in defined_here
    }
    reexported = {n for i in entry.imports for n in (i.get("names") or ())}
    own = set(entry.test.get("defines") or ()) - reexported
    if len(wanted) == 1 and wanted <= own:  # several (LRUCache, cached, cachedmethod under threads): no one subject
        return entry.path, "import", 0.6
    takes_default = ix is not None and any(
        "default" in (r.get("names") or ()) and entry.path in _record_targets(ix, t, r) for r in t.imports
    )
    if len(wanted) >= 2 and ix is not None and not takes_default and not (wanted & own):
        # several names, every one re-exported from the same module of the package (valtio's
        # tests/memoryleaks.test.ts: proxy and subscribe from 'valtio', src/index.ts: export * from './vanilla.ts'):
        # that module; names from two modules (proxy and useSnapshot: vanilla.ts, react.ts) name none
        origins: set[str] = set()
        through = wanted & {
            n for r in t.imports if entry.path in _record_targets(ix, t, r) for n in (r.get("names") or ())
        }
        if len(through) < 2:
            return None
        for name in sorted(through):
            behind = _origins_behind(entry, name, ix, kinds, facts_by_path)
            if len(behind) != 1:
                return None
            origins |= behind
        if len(origins) == 1:
            return origins.pop(), "import", 0.6
        return None
    if len(wanted) == 1 and ix is not None and not takes_default:
        # the one name, re-exported: the module the entry takes it from, when that module defines it (jotai's
        # tests/vanilla/basic.test.tsx imports atom from src/vanilla.ts: export { atom } from './vanilla/atom.ts');
        # not beside the package's default export (ky's test/context.ts: ky and isHTTPError), nor a module of types
        (name,) = wanted
        origins = {
            q
            for r in entry.imports
            if name in (r.get("names") or ())
            for q in _record_targets(ix, entry, r)
            if q in facts_by_path
            and kinds.get(q) in ("", "inline")
            and not _declares_only(facts_by_path[q])
            and name in (facts_by_path[q].test.get("defines") or ())
        }
        if len(origins) == 1:
            return origins.pop(), "import", 0.6
    return None


def _origins_behind(entry: FileFacts, name: str, ix, kinds, facts_by_path) -> set[str]:
    """The modules an entry point takes one name from: a record re-exporting it by name, or a star re-export
    (export * from './vanilla.ts') of a module defining it; code only, not modules of types."""
    out = set()
    for r in entry.imports:
        names = r.get("names") or ()
        if name not in names and "*" not in names:
            continue
        for q in _record_targets(ix, entry, r):
            f = facts_by_path.get(q)
            if (
                f is not None
                and kinds.get(q) in ("", "inline")
                and not _declares_only(f)
                and name in (f.test.get("defines") or ())
            ):
                out.add(q)
    return out


def _record_targets(ix, f: FileFacts, rec: dict) -> set[str]:
    """The repository files one import record of f resolves to (the graph keeps edges, not which record made them)."""
    lang = registry.get(f.language)
    if lang is None:
        return set()
    e = Edges()
    lang.resolve(ix, replace(f, imports=[rec]), e)
    return {p for p in e.w if p != f.path}


def _reached_code(t: FileFacts, graph, kinds, facts_by_path) -> tuple[list[str], bool]:
    """The code files a test imports, directly or through its own test package (tests/__init__.py: import tomli
    as tomllib), and whether it went through that package; other helpers are passed over."""
    out: list[str] = []
    through = False
    for p in sorted(graph.successors(t.path)):
        if p not in facts_by_path:
            continue
        if kinds.get(p) in ("", "inline"):
            out.append(p)
        elif kinds.get(p) == "support" and _stem(p) in _FACADES and _beside_or_below(p, t.path):
            reached = [q for q in sorted(graph.successors(p)) if q in facts_by_path and kinds.get(q) in ("", "inline")]
            through = through or bool(reached)
            out.extend(q for q in reached if q not in out)
    return out, through


def _through_entry_point(t: FileFacts, graph, kinds, facts_by_path, ix) -> tuple[str, str, float] | None:
    """A test that takes the package whole reaches it through one entry point (__init__.py, index.ts): by its
    default export only (p-queue's test/basic.ts: import PQueue from '../source/index.js'), as a module
    (import tomli as tomllib, in the test's own tests/__init__.py), or through its test package. The file, of the
    entry point and the repository modules the entry re-exports from, that defines every name the test uses of
    those the entry offers is the subject (PQueue of source/index.ts; tomli's loads, load and TOMLDecodeError of
    _parser.py). Names it picks one by one (from cachetools import LRUCache) are the entry-point rule's; names
    from two files (createRouter, toRouteMatcher), or none, name no subject."""
    if t.path not in graph:
        return None
    reached, through = _reached_code(t, graph, kinds, facts_by_path)
    if len(reached) != 1 or _stem(reached[0]) not in _PACKAGE_ENTRIES:
        return None
    entry = facts_by_path[reached[0]]
    if not through:
        # what the test itself imports from the entry must be its default export or its namespace (io-ts'
        # test/2.1.x/array.ts: import * as t from '../../src/index', whose index defines the codecs), and that
        # alone (a test doing import attr uses the package as a whole: attrs' tests/test_init_subclass.py)
        taken = [r for r in t.imports if entry.path in _record_targets(ix, t, r)]
        if not taken or any((r.get("names") or ()) not in (["default"], ["*"]) for r in taken):
            return None
    used = set(t.identifiers)
    origin: dict[str, set[str]] = defaultdict(set)  # name the entry offers -> files defining it
    reexported: set[str] = set()
    for r in entry.imports:
        names = [n for n in (r.get("names") or ()) if n not in ("*", "default")]
        reexported.update(names)
        if not names or not used & set(names):
            continue
        for q in _record_targets(ix, entry, r):
            f = facts_by_path.get(q)
            if f is None or kinds.get(q) not in ("", "inline"):
                continue
            for n in used & set(names) & set(f.test.get("defines") or ()):
                origin[n].add(q)
    own = {n for n in (entry.test.get("defines") or ()) if not n.startswith("__")} - reexported
    for n in used & own:
        origin[n].add(entry.path)
    files = {q for qs in origin.values() for q in qs}
    if len(files) != 1 or any(len(qs) != 1 for qs in origin.values()):
        return None
    subject = files.pop()
    if subject == entry.path and len(origin) < _FACADE_MIN_HITS:
        # the entry itself must hold the code the test drives (p-queue's PQueue and its methods), not just make
        # the instance the test calls (ky's index.ts: const ky = createInstance(), the work in core/Ky.ts)
        return None
    return subject, "import", 0.6


def _imports_helpers(t: FileFacts, graph, facts_by_path) -> bool:
    return t.path in graph and any(
        p in facts_by_path and _kind(facts_by_path[p]) == "support" for p in graph.successors(t.path)
    )


def _defining_module(
    t: FileFacts, sources: list[FileFacts], kinds, declared: set[str], imported: bool = False
) -> str | None:
    """The one module that defines the name a test is called after (test_prompt.py -> the module with
    def prompt), compared without case and separators; None when none or several do. With imported (the test
    also imports helpers of its own, which were set aside), the name must be one the test imports
    (buildCreateApi.test.tsx imports buildCreateApi; ky's test/retry.ts imports no retry)."""
    stem = _test_stem(t)
    found = _defining_module_of(t, _norm(stem), sources, kinds, declared, imported)
    if found is None and "." in stem:
        # a dotted qualifier names a variant of what the head names (reselect's createSelector.withTypes.test.ts:
        # createSelector, defined in src/createSelectorCreator.ts): the head, when the test imports it by that name
        head = stem.split(".", 1)[0]
        if any(n == head for i in t.imports for n in (i.get("names") or ())):
            found = _defining_module_of(t, _norm(head), sources, kinds, declared, imported)
    one = _singular(_norm(stem))
    if found is None and one != _norm(stem) and one in {_norm(n) for n in t.identifiers}:
        # named in the plural for a name it uses in the singular (ts-pattern's tests/strings.test.ts: P.string)
        found = _defining_module_of(t, one, sources, kinds, declared, imported)
    return found


def _defining_module_of(
    t: FileFacts, key: str, sources: list[FileFacts], kinds, declared: set[str], imported: bool
) -> str | None:
    # a short name (ref) only as the very name the test imports (valtio's tests/ref.test.tsx imports ref)
    short = len(key) == 3 and any(_norm(n) == key for i in t.imports for n in (i.get("names") or ()))
    if (len(key) < 4 and not short) or key in _GENERIC_NAMES or key in _FACADES_NORM:
        return None
    if imported and not any(key in _norm(n) for i in t.imports for n in (i.get("names") or ())):
        return None
    definers = [
        f.path
        for f in sources
        if kinds.get(f.path) in ("", "inline")
        and f.path not in declared
        and _usable(t.path, f.path)
        and any(_norm(d) == key for d in (f.test.get("defines") or ()))
    ]
    by_path = {f.path: f for f in sources}
    # index.ts "defines" what it re-exports (export { safeTry } from './result'): that is no definition
    real = [p for p in definers if not any(_norm(n) == key for i in by_path[p].imports for n in (i.get("names") or ()))]
    longer = {_norm(n) for i in t.imports for n in (i.get("names") or ()) if key in _norm(n) and _norm(n) != key}
    if short:  # no longer names for a short one (ref is in prefix)
        return real[0] if len(real) == 1 else None
    if len(real) > 1 and longer:
        # several modules define the name (subscribe: the store's method, devtools' wrapper); the one that also
        # defines the longer name the test imports decides (subscribeWithSelector of middleware/subscribeWithSelector.ts)
        real = [p for p in real if any(_norm(d) in longer for d in (by_path[p].test.get("defines") or ()))]
    if not real:
        # resolve.test.ts imports resolveURL, double-slash.test.ts cleanDoubleSlashes: the names the test imports
        # that contain its own name, when one module defines them all
        longer = {_norm(n) for i in t.imports for n in (i.get("names") or ()) if key in _norm(n)}
        real = sorted(
            {
                f.path
                for f in sources
                if longer
                and kinds.get(f.path) in ("", "inline")
                and f.path not in declared
                and _usable(t.path, f.path)
                and any(_norm(d) in longer for d in (f.test.get("defines") or ()))
                and not any(_norm(n) in longer for i in f.imports for n in (i.get("names") or ()))
            }
        )
    return real[0] if len(real) == 1 else None


_CRATE_ROOTS = ("lib", "main")


def _by_named_type(t: FileFacts, sources: list[FileFacts], kinds, declared: set[str]) -> tuple[str, str, float] | None:
    """Rule (Rust): a Cargo integration test reaches the crate by its name only (use tempfile::NamedTempFile); when no
    file has the test's name, the one module below the crate root that defines a type of that name is its subject
    (tests/namedtempfile.rs -> src/file/mod.rs, tests/tempdir.rs -> src/dir/mod.rs's TempDir, not the crate root's
    Builder::tempdir). A type of that name in the crate root (semver's VersionReq in src/lib.rs) leaves it to the
    crate; functions of that name (crossbeam-channel's fn after, a method html) are no evidence, nor is a type the
    test never names."""
    key = _norm(_test_stem(t))
    if len(key) < 4 or key in _GENERIC_NAMES or key in _FACADES_NORM:
        return None
    named = set(t.identifiers) | {str(i.get("target", "")).rsplit("::", 1)[-1] for i in t.imports}
    typed = []
    for f in sources:
        if kinds.get(f.path) not in ("", "inline") or f.path in declared or not _usable(t.path, f.path):
            continue
        # the test names the type itself (NamedTempFile), not only a method of that name (.tuples()) or nothing
        # (anyhow's tests/test_boxed.rs and the private struct Boxed)
        if any(_norm(d) == key and d[:1].isupper() and d in named for d in (f.test.get("defines") or ())):
            typed.append(f.path)
    if any(_stem(p) in _CRATE_ROOTS for p in typed):
        return None
    return (typed[0], "name", 0.6) if len(typed) == 1 else None


# Words whose short form names modules as often as the word: a test named in full finds the module named short.
_SHORT_FORMS = {
    "utilities": "utils",
    "utility": "util",
    "configuration": "config",
    "arguments": "args",
    "parameters": "params",
    "environment": "env",
    "directory": "dir",
    "directories": "dirs",
}


def _variants(
    test_path: str,
    key: str,
    cands: dict[str, list[str]],
    joined: dict[str, list[str]] | None,
    kinds,
    plural: bool = True,
) -> list[str]:
    """Sources answering to a name that no file has exactly: a plural (buildSelector -> buildSelectors.ts),
    an agent noun (compile -> compiler.py, isoparse -> isoparser.py), a folder and file joined
    (header_map -> header/map.rs); the first form that names a usable source. A shortened name takes no
    plural (errorHandling is not about errors.ts, PrimitiveCharacterTest not about Primitives.java). A test named
    for the agent answers to the action too, beside or joined (cookie-es' set-cookie-parser.test.ts ->
    src/set-cookie/parse.ts); a word written in full answers to its short form (ufo's test/utilities.test.ts ->
    src/utils.ts)."""
    # the singular only of a one-word name: a compound plural names a family of classes (gson's
    # TreeTypeAdaptersTest is no test of TreeTypeAdapter.java alone)
    words = [w for w in split_identifier(_stem(test_path)) if w not in _NAME_NOISE]
    single = _singular(key) if len(words) == 1 else key
    # the plural in -es after a sibilant (immer's __tests__/patch.js -> src/plugins/patches.ts)
    es = key + "es" if key.endswith(("s", "x", "z", "ch", "sh")) else None
    forms = ([cands.get(key + "s", [])] + ([cands.get(es, [])] if es else []) if plural else []) + [
        cands.get(key + "r", []),
        cands.get(key + "er", []),
        (joined or {}).get(key, []),
        # a test named in the plural for a module named in the singular (quick-xml's tests/encodings.rs ->
        # src/encoding.rs), or for the module implementing it (itertools' tests/tuples.rs -> src/tuple_impl.rs)
        cands.get(single, []) if single != key and single not in _NAME_NOISE else [],
        cands.get(single + "impl", []) if single != key else [],
    ]
    short = _SHORT_FORMS.get(key)
    if short:  # utilities.test.ts -> utils.ts (ufo)
        forms += [cands.get(short, [])]
    if key.endswith("er") and len(words) >= 2:
        # a qualified agent (set-cookie-parser, not tests/fuzzer.c: a fuzz run, not a test of fuzz.h)
        for action in (key[:-1], key[:-2]):  # parser -> parse, lexer -> lex
            if len(action) >= 4:
                forms += [cands.get(action, []), (joined or {}).get(action, [])]
    for options in forms:
        usable = [c for c in options if _usable(test_path, c, kinds)]
        if usable:
            return usable
    return []


def _by_name_part(
    t: FileFacts, cands: dict[str, list[str]], kinds, facts_by_path, suites: dict[str, set[str]], declared: set[str]
) -> tuple[str, str, float] | None:
    """A test named for a part of its module's name (a suite's prefix aside: libevent's test/regress_openssl.c ->
    bufferevent_openssl.c), for a family whose modules are named so (Language.tests_named_in_part); after the calls
    rule, which knows better when it is clear; the implementation over its header unless the header holds the code."""
    name = os.path.basename(t.path)
    stem = subject_stem(name)
    if stem is None:
        stem = _stem(t.path)
        suite = _SUITE_NAME.match(stem)
        if suite and suite.group(1).lower() in suites.get(_folder(t.path), ()):
            stem = suite.group(2)
    options = _named_in_part(t, stem, cands, kinds, facts_by_path)
    options = _header_holding_the_code(t, options, facts_by_path) or _implementations_first(t.path, options, declared)
    return (options[0], "name", 0.6) if len(options) == 1 else None


def _named_in_part(t: FileFacts, stem: str, cands: dict[str, list[str]], kinds, facts_by_path) -> list[str]:
    """The sources of the one module whose name holds every word of the test's name and more (spdlog's
    tests/test_mpmc_q.cpp -> details/mpmc_blocking_q.h, libevent's regress_openssl.c -> bufferevent_openssl.c),
    words compared in the singular; only when the test uses a name that module defines (a shared word is no
    evidence by itself), and never when two modules' names hold the words."""
    words = {_singular(w) for w in split_identifier(stem)} - _NAME_NOISE
    if not words or len(_norm(stem)) < 4:
        return []
    hits = []
    for key, paths in cands.items():
        # the library's modules, not the tests' own helpers (re2's testing/exhaustive_tester.cc, tests/app_helper.hpp)
        usable = [
            c for c in paths if _usable(t.path, c, kinds) and kinds.get(c) in ("", "inline") and not in_test_dir(c)
        ]
        if not usable:
            continue
        cw = {_singular(w) for w in split_identifier(_stem(usable[0]))}
        if words < cw:
            hits.append(usable)
            if len(hits) > 1:
                return []
    if not hits:
        return []
    used = set(t.identifiers)
    # (what it defines or its macros: M*LIB's m-array.h is macros, ARRAY_DEF among them)
    return hits[0] if any(used & _header_names(facts_by_path[c]) for c in hits[0]) else []


def _named_folder(path: str) -> bool:
    """The file's folder is not itself a test folder (tests/schemars_1/main.rs, not tests/main.rs)."""
    parts = path.split("/")
    return len(parts) > 2 and parts[-2].lower() not in TEST_DIRS


def _by_name(
    t: FileFacts,
    cands: dict[str, list[str]],
    kinds,
    graph,
    lex_index,
    fam,
    tcfg,
    qualified: bool = False,
    declared: set[str] = frozenset(),
    sources_of=lambda fam: (),
    joined: dict[str, list[str]] | None = None,
    facts_by_path: dict | None = None,
    suites: dict[str, set[str]] | None = None,
) -> tuple[str, str, float] | None:
    """Rules (a) and (b): the subject's name from the test's file name, or the test's own name in a test folder."""
    name = os.path.basename(t.path)
    stem = subject_stem(name)
    affixed = stem is not None
    if stem is None:
        own = _stem(t.path)
        if own.lower() in ("test", "tests", "spec"):  # src/foo/tests.rs, src/foo/test.ts: the enclosing module
            parts = t.path.split("/")
            stem = parts[-2] if len(parts) > 1 else ""
        elif own in _ENTRY_MODULES[fam or ""] and in_test_dir(t.path) and _named_folder(t.path):
            # the root of a test crate of its own folder (Cargo's tests/schemars_0_8/main.rs) is named by its folder
            stem = t.path.split("/")[-2]
        else:
            stem = own  # tests/parse.rs, __tests__/Button.tsx, test/parse.js: mirrored by name in a test folder
            bare = _bare_tail(t.path, own, fam)
            if bare:  # test/unittest/writertest.cpp -> writer.h
                stem, affixed = bare, True
    # build-constraint suffixes: func_go1.21_test.go, file_windows_test.go test func.go, file.go
    qualifiers = _BUILD_QUALIFIERS.get(fam or "")
    if qualifiers is not None:
        stem = qualifiers.sub("", stem) or stem
    options = [c for c in cands.get(_norm(stem), []) if _usable(t.path, c, kinds) and not _own_header(t.path, c, fam)]
    suite = _SUITE_NAME.match(stem) if not affixed and suites else None
    if not options and suite and suite.group(1).lower() in suites.get(_folder(t.path), ()):
        # the suite's prefix says nothing (libevent's test/regress_http.c, regress_buffer.c: http.c, buffer.c)
        options = [c for c in cands.get(_norm(suite.group(2)), []) if _usable(t.path, c, kinds)]
        stem = suite.group(2) if options else stem
    if not options:  # buildSelector.test-d.ts -> buildSelectors.ts, test_compile.py -> compiler.py
        options = _variants(t.path, _norm(stem), cands, joined, kinds)
    if fam in _WITHIN_FOLDER:  # a Go test is compiled with its package: a namesake in another folder is another package
        options = [c for c in options if _folder(c) == _folder(t.path)]
    partial = False
    if not options and affixed and qualified:
        # A qualified test name: JsonArrayAsListTest -> JsonArray, JsonReaderPathTest -> JsonReader,
        # createSlice.withTypes.test.ts -> createSlice, Java17ReflectionHelperTest -> ReflectionHelper.
        # Only longer names count, and never a facade (test_init_subclass.py is not about __init__.py).
        dotted = stem
        while not options and "." in dotted:  # a dotted qualifier names a variant of the module itself
            dotted = dotted.rsplit(".", 1)[0]
            options = [c for c in cands.get(_norm(dotted), []) if _usable(t.path, c, kinds)]
        words = _WORDS.findall(_LEAD_QUALIFIER.sub("", stem))
        for n in range(len(words) - 1, 0, -1):
            if options:
                break
            key = _norm("".join(words[:n]))
            if len(key) < 4 or key in _FACADES_NORM:
                break
            # a facade by its folder's name is too broad a match for a shortened name (queryFn -> query/index.ts)
            options = [c for c in cands.get(key, []) if _usable(t.path, c, kinds) and _stem(c) not in _FACADES]
            options = options or [
                c for c in _variants(t.path, key, cands, joined, kinds, plural=False) if _stem(c) not in _FACADES
            ]
        if not options and _LEAD_QUALIFIER.match(stem):
            key = _norm(_LEAD_QUALIFIER.sub("", stem))
            options = [c for c in cands.get(key, []) if _usable(t.path, c, kinds)]
        # A leading qualifier set off by a separator: test_async_filters.py -> filters.py (not CamelCase names:
        # CustomTypeAdaptersTest is no test of TypeAdapters)
        pieces = [p for p in re.split(r"[_-]+", stem) if p]
        for n in range(1, len(pieces)):
            if options:
                break
            key = _norm("".join(pieces[n:]))
            if len(key) < 4 or key in _FACADES_NORM or key in _GENERIC_NAMES:
                break
            options = [c for c in cands.get(key, []) if _usable(t.path, c, kinds) and _stem(c) not in _FACADES]
        if fam in _WITHIN_FOLDER:
            # shortened, the name still names a file of the test's own package (chi's path_value_test.go: no
            # middleware/value.go)
            options = [c for c in options if _folder(c) == _folder(t.path)]
        partial = bool(options)
    if not options and qualified:
        return None
    if not options:
        # The folder may carry the name: tests/test_types/test_Choice.py -> types.py, FooTests/x.cs -> Foo.cs
        for folder in reversed(t.path.split("/")[:-1]):
            fstem = subject_stem(folder + ".py") or subject_stem(folder + ".java")
            if fstem:
                options = [
                    c for c in cands.get(_norm(fstem), []) if _usable(t.path, c, kinds) and kinds.get(c) != "support"
                ]
                break
        if not options:
            # A folder inside the test tree named after a module: tests/vanilla/basic.test.ts -> src/vanilla.ts
            # when the test's vocabulary agrees (spec/httparty/ssl_spec.rb is not a test of lib/httparty.rb).
            inner = _folder_in_test_tree(t.path)
            inner_options = (
                [c for c in cands.get(_norm(inner), []) if _usable(t.path, c, kinds) and kinds.get(c) == ""]
                if inner
                else []
            )
            return _agreeing(t, inner_options, "path", lex_index(fam), tcfg)
        # A folder groups tests loosely (click's tests/test_utils/test_prompt.py tests termui.prompt):
        # the one module defining the function the test is named after overrules it, and so may the
        # test's vocabulary.
        definer = _defining_module(t, sources_of(fam), kinds, declared)
        if definer is not None and definer not in options:
            return definer, "name", 0.7
        index = lex_index(fam)
        overall, ceiling = index.rank(_terms(t.identifiers), {p for p in index.docs if _usable(t.path, p)})
        if overall and ceiling > 0:
            folder_best = max((s for s, p in overall if p in options), default=0.0)
            top = overall[0][0]
            if (
                overall[0][1] not in options
                and top / ceiling >= tcfg.lexical_min_score
                and top >= tcfg.lexical_margin * folder_best
            ):
                return overall[0][1], "lexical", round(overall[0][0] / ceiling, 4)
        affixed = False
    options = _header_holding_the_code(t, options, facts_by_path) or _implementations_first(
        t.path, options, declared | {c for c in options if c.endswith(_DECLARATION_ONLY)}
    )
    if not options:
        return None
    if any(kinds.get(c) != "support" for c in options):  # requests' tests/test_utils.py tests src/requests/utils.py
        options = [c for c in options if kinds.get(c) != "support"]
    test_dir = t.path.rsplit("/", 1)[0] if "/" in t.path else ""
    tparts = _dir_parts(t.path)

    def fit(c: str) -> tuple[int, int, int]:
        cparts = _dir_parts(c)
        return (_common_suffix(tparts, cparts), _common_prefix(tparts, cparts), -abs(len(tparts) - len(cparts)))

    def parent(c: str) -> str:
        return c.rsplit("/", 1)[0] if "/" in c else ""

    same = [c for c in options if parent(c) == test_dir]
    if partial:
        ranked = sorted(options, key=lambda c: (fit(c), c), reverse=True)
        if len(ranked) == 1 or fit(ranked[0])[:2] > fit(ranked[1])[:2]:
            return ranked[0], ("name" if parent(ranked[0]) == test_dir or fit(ranked[0])[0] == 0 else "path"), 0.6
        own = _package_sources(t.path, [c for c in ranked if fit(c)[:2] == fit(ranked[0])[:2]], fam)
        return (own, "name", 0.6) if own else None
    if len(same) == 1:
        return same[0], "name", 1.0
    if len(options) == 1:
        c = options[0]
        mirrored = fit(c)[0] > 0
        if affixed:
            # beside it, or in a test folder right beside it (pkg/tests/test_x.py, src/__tests__/x.test.ts): name;
            # a mirrored tree (src/test/java/a/XTest.java -> src/main/java/a/X.java): path
            beside = parent(c) in (test_dir, _without_test_dirs(test_dir))
            return c, ("path" if mirrored and not beside else "name"), (1.0 if beside else 0.9 if mirrored else 0.8)
        return c, "path", (0.9 if mirrored else 0.7)
    ranked = sorted(options, key=lambda c: (fit(c), c), reverse=True)
    best, second = ranked[0], ranked[1]
    if fit(best)[:2] > fit(second)[:2]:
        return best, "path", 0.9
    # Folders tie: the one the test imports decides.
    tied = [c for c in ranked if fit(c)[:2] == fit(best)[:2]]
    imported = [c for c in tied if graph.has_edge(t.path, c)]
    if len(imported) == 1:
        return imported[0], "path", 0.7
    # Still tied (attr/filters.py and its re-export attrs/filters.py): the one the test's identifiers match.
    ranked_lex, ceiling = lex_index(fam).rank(_terms(t.identifiers), set(tied))
    if ranked_lex and ceiling > 0:
        runner = ranked_lex[1][0] if len(ranked_lex) > 1 else 0.0
        if ranked_lex[0][0] >= tcfg.lexical_margin * runner:
            return ranked_lex[0][1], "name", 0.6
    return None


def _tooling(t: FileFacts, ix, common: frozenset[str]) -> set[str]:
    """The modules t takes only names from that half the tests or more use (the records resolved)."""
    if ix is None or not common:
        return set()
    taken: dict[str, set[str]] = defaultdict(set)
    for i in t.imports:
        for p in _record_targets(ix, t, i):
            taken[p] |= set(i.get("names") or ()) or {"*"}
    # an entry point is how tests reach the code, whatever they take from it (src/index.ts, jotai's src/vanilla.ts
    # re-exporting atom): tooling defines what it offers
    return {
        p
        for p, names in taken.items()
        if names <= common
        and _stem(p) not in _FACADES
        and p in ix.facts
        and not any(r.get("kind") == "export" for r in ix.facts[p].imports)
    }


def _common_names(names_in_tests: Counter, n_tests: int) -> frozenset[str]:
    """Names half the tests or more use (ts-pattern's Expect and Equal type checks): shared test tooling."""
    if n_tests < _COMMON_MIN_TESTS:
        return frozenset()
    return frozenset(n for n, c in names_in_tests.items() if 2 * c >= n_tests)


_COMMON_MIN_TESTS = 6


def _by_import(
    t: FileFacts,
    graph,
    kinds,
    facts_by_path,
    fam,
    lex_index,
    tcfg,
    ix=None,
    common: frozenset[str] = frozenset(),
    packages: frozenset[str] = frozenset(),
) -> tuple[str, str, float] | None:
    """Rule (c): the test imports one module of the repository (facades like __init__.py say little)."""
    if t.path not in graph:
        return None
    # a module the test takes only names from that most tests take too is their shared tooling, not a subject
    # (ts-pattern's src/types/helpers.ts for Expect and Equal)
    tooling = _tooling(t, ix, common)
    targets = sorted(
        p
        for p in graph.successors(t.path)
        if p in facts_by_path
        and kinds[p] in ("", "inline")
        and FAMILY.get(facts_by_path[p].language or "") == fam
        and _usable(t.path, p)
        and p not in tooling
    )
    real = [p for p in targets if _stem(p) not in _FACADES]
    if not real and len(targets) == 1 and {p for p in lex_index(fam).docs if _usable(t.path, p)} == set(targets):
        return targets[0], "import", 0.8  # the package's one module (minimist's test/long.js requires '../': index.js)
    if len(real) == 1 and _names_agree(t.path, real[0]):  # test/body-size.ts imports source/utils/body.ts alone
        return real[0], "import", 0.8
    key = _norm(_test_stem(t))
    if len(key) >= 4 and key not in _GENERIC_NAMES:
        # the test is named for a name it imports from the module that defines it (pluggy's testing/test_multicall.py:
        # from pluggy._callers import _multicall), whatever else it imports; taken from the package instead, the
        # name says nothing of a module (click's tests/test_context.py: from click import Context, not click.core)
        definers = sorted(
            {
                p
                for i in t.imports
                for p in real
                if re.split(r"[./:\\]", str(i.get("target") or ""))[-1] == _stem(p)
                # (in the singular or the plural: unimport's test/to-export.test.ts imports toExports)
                and {n for n in (i.get("names") or ()) if _singular(_norm(n)) == _singular(key)}
                & _own_definitions(facts_by_path[p])
            }
        )
        if len(definers) == 1:
            return definers[0], "import", 0.8
        if ix is not None:
            # the same, the name taken through an entry point or barrels that re-export it (immer's
            # __tests__/original.js: import {original} from '../src/immer', which takes it from ./internal, which
            # takes all of ./utils/common): the one module truly defining it
            origins: set[str] = set()
            for i in t.imports:
                names = {n for n in (i.get("names") or ()) if _norm(n) == key}
                for p in _record_targets(ix, t, i) if names else ():
                    # not through a package's facade (__init__.py, index.ts): the guard above (click's Context)
                    if p in facts_by_path and kinds.get(p) in ("", "inline") and _stem(p) not in _FACADES:
                        for n in names:
                            origins |= _origins_of(n, facts_by_path[p], ix, kinds, facts_by_path, frozenset())
            origins = {p for p in origins if _usable(t.path, p)}
            if len(origins) == 1:
                return origins.pop(), "import", 0.8
    if (
        real == targets
        and len(real) == 1
        and ix is not None
        and _norm(_stem(real[0])) not in packages | _SHIM_NAMES
        and _takes_its_own_code(t, real[0], facts_by_path, ix)
    ):
        # a topic test taking code from one module alone, by names the module itself defines or by its own default
        # export (magic-regexp's test/experimental.test.ts: createRegExp from src/further-magic.ts; untyped's
        # test/transform.test.ts: the babel plugin of src/loader/babel.ts): that module, whatever the test is named;
        # not the package's entry point named like it (immer's src/immer.ts), which topic tests all take, nor a
        # compatibility shim (click's tests/test_imports.py: _compat.py)
        return real[0], "import", 0.7
    found = _agreeing(t, real, "import", lex_index(fam), tcfg)
    if (
        found is not None
        and (_re_exports_several(facts_by_path[found[0]]) or _norm(_stem(found[0])) in _SHIM_NAMES)
        and not _names_agree(t.path, found[0])
    ):
        # an entry point gathering several modules (immer's src/immer.ts: export ... from './internal',
        # './plugins/patches', ...) is where a topic test takes its names, not what it tests; nor is a
        # compatibility shim (attrs' and click's _compat.py: version switches every module imports)
        return None
    return found


_SHIM_NAMES = frozenset({"compat", "compatibility", "polyfill", "polyfills", "shim", "shims"})


def _takes_its_own_code(t: FileFacts, module: str, facts_by_path: dict, ix) -> bool:
    """The test imports from module names that module defines itself (not ones it re-exports), or its default
    export when the module does not take that from elsewhere; a module declaring only types has no code to test."""
    f = facts_by_path[module]
    if f.test.get("types_only"):
        return False
    names = {n for r in t.imports if module in _record_targets(ix, t, r) for n in (r.get("names") or ())}
    if names & _own_definitions(f):
        return True
    return "default" in names and not any("default" in (r.get("names") or ()) for r in f.imports)


def _re_exports_several(f: FileFacts) -> bool:
    return len({r.get("target") for r in f.imports if r.get("kind") == "export"}) >= 2


def _own_definitions(f: FileFacts) -> set[str]:
    """What a file defines less what it takes from its records (an entry point "defines" what it re-exports)."""
    taken = {n for r in f.imports for n in (r.get("names") or ())}
    return set(f.test.get("defines") or ()) - taken


def _origins_of(name: str, f: FileFacts, ix, kinds, facts_by_path, seen: frozenset) -> set[str]:
    """The files defining name behind f: f itself when it defines the name and takes it from no record; else
    the files behind the records that name it or re-export everything (export * from './common'), followed on."""
    records = [r for r in f.imports if {name, "*"} & set(r.get("names") or ())]
    if name in (f.test.get("defines") or ()) and not any(name in (r.get("names") or ()) for r in records):
        return {f.path}
    out: set[str] = set()
    for r in records:
        for q in _record_targets(ix, f, r):
            if q not in seen and q in facts_by_path and kinds.get(q) in ("", "inline"):
                out |= _origins_of(name, facts_by_path[q], ix, kinds, facts_by_path, seen | {f.path})
    return out


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


def _agreeing(t: FileFacts, real: list[str], rule: str, index: "_Lexical", tcfg) -> tuple[str, str, float] | None:
    """The candidate the test's vocabulary agrees with: the clear lexical favourite among the candidates,
    and the test's best lexical match among all sources of the repository.

    Tests import helpers too (a compat module for version flags), so an import alone does not decide."""
    if not real:
        return None
    query = _terms(t.identifiers)
    overall, ceiling = index.rank(query, {p for p in index.docs if _usable(t.path, p)})
    if not overall or ceiling <= 0:
        return None
    among = [(s, p) for s, p in overall if p in set(real)]
    if not among or among[0][1] != overall[0][1]:
        return None
    top = among[0][0]
    runner = among[1][0] if len(among) > 1 else 0.0
    if len(real) > 1 and top < tcfg.lexical_margin * runner:
        return None
    return among[0][1], rule, round(min(1.0, 0.5 + top / ceiling), 4)


_FACADE_MIN_HITS = 3


def _through_facade(
    t: FileFacts, found: tuple[str, str, float], pool: list[FileFacts], kinds, declared: set[str], lex_index, tcfg
) -> tuple[str, str, float]:
    """A facade (parser/__init__.py, buf/mod.rs, query/index.ts) re-exports its folder: the test of that
    folder tests the module there its vocabulary clearly prefers (test_parser.py -> parser/_parser.py).
    The facade stays when it defines what the test uses, or when no module is clearly ahead. A helper
    package's facade (tests/testserver/__init__.py) moves among the helpers beside it."""
    facade = found[0]
    sources = [f for f in pool if kinds.get(f.path) == kinds.get(facade)]
    folder = facade.rsplit("/", 1)[0] if "/" in facade else ""
    siblings = {
        f.path
        for f in sources
        if f.path != facade
        and f.path not in declared
        and (f.path.rsplit("/", 1)[0] if "/" in f.path else "") == folder
        and _stem(f.path) not in _FACADES
        and _usable(t.path, f.path)
    }
    if not siblings:
        return found
    if kinds.get(facade) == "support":
        # helpers are not in the lexical index of sources: their own definitions the test uses decide
        index = _Lexical(
            {f.path: _terms(f.test.get("defines") or []) for f in sources if f.path in siblings | {facade}}
        )
    else:
        index = lex_index(FAMILY.get(t.language or ""))
    by_path = {f.path: f for f in sources}
    used = set(t.identifiers)

    def own_names(f: FileFacts) -> set[str]:  # what a file defines, less the modules it declares (mod chain;)
        mods = {i.get("target") for i in f.imports if i.get("kind") == "mod"}
        return set(f.test.get("defines") or ()) - mods

    hits = {p: len(own_names(by_path[p]) & used) for p in siblings | {facade}}
    ranked, ceiling = index.rank(_terms(t.identifiers), siblings | {facade})
    if not ranked or ceiling <= 0 or ranked[0][1] == facade:
        return found
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    choice = ranked[0][1]
    if ranked[0][0] < tcfg.lexical_margin * runner:  # the name already chose the folder: a clear lead is enough
        # vocabulary too close (tz/tz.py and tz/_common.py share tzinfo's words): the module defining
        # clearly more of the names the test uses (23 against 9) still decides
        # (and the vocabulary's favourite too, and not a module of shared types or helpers by its name)
        by_hits = sorted(siblings, key=lambda p: (-hits[p], p))
        second = hits[by_hits[1]] if len(by_hits) > 1 else 0
        if (
            by_hits[0] != choice
            or hits[choice] < tcfg.lexical_margin * max(second, 1)
            or _norm(_stem(choice)) in _GENERIC_NAMES
        ):
            return found
    # The module must define several of the names the test uses, and twice what the facade itself defines
    # and the test uses (createDynamicMiddleware lives in dynamicMiddleware/index.ts: that facade is the subject).
    if hits[choice] < _FACADE_MIN_HITS or hits[choice] < 2 * hits[facade]:
        return found
    return choice, found[1], 0.6


# Families whose tests call what they test by name (C and C++ functions, Go's package members, Rust methods): the registry's.
_CALLS_FAMILIES = frozenset(lang.family for lang in registry.languages() if lang.tests_call_subjects)
_CALLS_MARGIN = 3.0  # tests without a clear subject still favour some file: only a wide lead counts
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


def _names_of_its_own(t: FileFacts, root: FileFacts, others: int) -> bool:
    """The test names what the entry point itself defines, by macro or crate path (izip!, itertools::izip), and
    nothing much of the package's other modules."""
    named = set(t.test.get("macros") or ()) | {p.rsplit("::", 1)[-1] for p in t.test.get("crate_paths") or ()}
    if _named_plainly(t.path) or _plain_target(t):
        # a test named for nothing but the crate (tests/mod.rs, tests/test.rs) counts the items it imports too
        # (use sha2::{Sha256, Sha512}); a topic test doing so (serde_with's tests/serde_as/time.rs) uses the crate
        # broadly
        uses = (str(i.get("target", "")) for i in t.imports if i.get("kind") == "use")
        named |= {p.rsplit("::", 1)[-1] for p in uses if "::" in p}
    return others == 0 and bool(named & set(root.test.get("defines") or ()))


def _plain_target(t: FileFacts) -> bool:
    """tests/mod.rs directly in a Cargo tests/ folder: a test crate named "mod", a name that says nothing
    (RustCrypto's sha2/tests/mod.rs). (Not a test named like its crate: tempfile's tests/tempfile.rs tests the
    tempfile() function of src/file/mod.rs.)"""
    return _in_target_dir(t) and _stem(t.path) == "mod"


def _by_calls(
    t: FileFacts,
    sources: list[FileFacts],
    kinds,
    declared: set[str],
    names_in_tests: Counter,
    n_tests: int,
    tcfg,
    used: set[str] | None = None,
) -> tuple[str, str, float] | None:
    """Rule (C, C++, Go, Rust): the implementation that defines what the test uses.

    Each name the test uses and a source defines counts by its rarity among the repository's tests
    (json_object_put is in every json-c test and says nothing; json_c_visit is in one), shared among
    the files defining it. The clear favourite wins: three times the runner-up, worth at least one name
    that at most one other test uses, and defining two names or more that the test uses."""
    if _named_for_role(t.path):
        return None
    used = set(t.identifiers) if used is None else used
    definers: dict[str, list[str]] = defaultdict(list)
    for f in sources:
        if kinds.get(f.path) not in ("", "inline") or f.path in declared or not _usable(t.path, f.path):
            continue
        for n in set(f.test.get("defines") or ()) & used:
            definers[n].append(f.path)
    if not definers:
        return None
    top = math.log(1 + (n_tests + 0.5) / 0.5)

    def weight(d: int) -> float:  # squared: a dozen names half the tests use must not outweigh one rare name
        return (math.log(1 + (n_tests - d + 0.5) / (d + 0.5)) / top) ** 2 if n_tests >= 4 else 1.0

    by_path = {f.path: f for f in sources}
    score: dict[str, float] = defaultdict(float)
    names: Counter = Counter()
    for n, paths in definers.items():
        for p in paths:
            score[p] += weight(names_in_tests.get(n, 1)) / len(paths)
            names[p] += 1
    ranked = sorted(((v, p) for p, v in score.items()), key=lambda x: (-x[0], x[1]))
    best, path = ranked[0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    # one shared name (a flag macro, a helper both files happen to define) is a coincidence, not a subject
    if names[path] < 2 or best < weight(min(2, n_tests)) or best < _CALLS_MARGIN * runner:
        return None
    if _stem(path) in _ENTRY_MODULES[FAMILY.get(t.language or "", "")]:
        # the entry point of a package of many modules (itertools' or serde_with's src/lib.rs) leads because the
        # test uses the package broadly, not one module of it: no subject, from this rule or a later one. A small
        # crate's root is its code, and a test of the root's own macros (itertools' tests/macros_hygiene.rs) keeps it.
        below = _below(path, sources, kinds)
        others = sum(1 for p in below if p != path and names[p] >= 2)
        if len(below) >= _BROAD_PACKAGE and not _names_of_its_own(t, by_path[path], others):
            return None, None, 0.0
    return path, "calls", round(min(1.0, best / (best + runner)), 4)


_MACRO_DEPTH = 3  # go -> dill_go -> dill_go_ -> dill_prologue: aliases of wrappers, a few deep


def _macro_map(sources: list[FileFacts]) -> dict[str, set[str]]:
    """Macro name -> the names it stands for, over the family's source headers (tests' own macros left out)."""
    out: dict[str, set[str]] = defaultdict(set)
    for f in sources:
        for name, targets in (f.test.get("macros") or {}).items():
            out[name].update(targets)
    return out


def _through_macros(names: set[str], macros: dict[str, set[str]]) -> set[str]:
    """The names, and what the repository's macros among them stand for: a test calling libdill's msleep (#define
    msleep dill_msleep) calls dill_msleep, defined in libdill.c."""
    if not macros:
        return names
    out, frontier = set(names), names
    for _ in range(_MACRO_DEPTH):
        new = {n for x in frontier for n in macros.get(x, ())} - out
        if not new:
            break
        out |= new
        frontier = new
    return out


def _by_macro_name(
    t: FileFacts, macros: dict[str, set[str]], sources: list[FileFacts], kinds, declared: set[str]
) -> tuple[str, str, float] | None:
    """(C) A test named for a macro (tests/go1.c, tests/bundle.c: numbered variants count as one name) whose
    expansion, through the headers' macros, is defined by one implementation file (#define go dill_go ->
    dill_go_(...) -> dill_prologue of cr.c). Names defined in two files, or in none, name no subject."""
    stem = re.sub(r"\d+$", "", _test_stem(t))
    if stem not in macros:
        return None
    names = _through_macros({stem}, macros) - {stem}
    definers = {
        f.path
        for f in sources
        if kinds.get(f.path) in ("", "inline")
        and f.path not in declared
        and _usable(t.path, f.path)
        and names & set(f.test.get("defines") or ())
    }
    return (definers.pop(), "name", 0.7) if len(definers) == 1 else None


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


_PLAIN_WORDS = frozenset({"smoke"})  # a smoke test is a plain test of the whole library


def _named_plainly(test_path: str) -> bool:
    """The test's name says only that it is a test (tests/test.rs, tests/tests.rs, tests/smoke.rs), not what kind
    of run it is (tests/quick.rs, tests/fuzzing.rs: property and fuzz runs have no single subject)."""
    stem = subject_stem(os.path.basename(test_path)) or _stem(test_path)
    words = [w for w in split_identifier(stem) if not w.isdigit()]
    return bool(words) and all(w in _NAME_NOISE or w in _PLAIN_WORDS for w in words)


def _c_implementations(header: str, impls_by_stem: dict[str, list[str]]) -> list[str]:
    """x.h -> x.c / x.cc / x.cpp: beside the header first, else the only one of that name in the repository."""
    if header.endswith(_C_IMPLEMENTATIONS):
        return [header]
    same = impls_by_stem.get(_stem(header).lower(), [])
    folder = header.rsplit("/", 1)[0] if "/" in header else ""
    beside = [c for c in same if (c.rsplit("/", 1)[0] if "/" in c else "") == folder]
    return beside or (same if len(same) == 1 else [])


_UMBRELLA_MIN = 5  # local headers an umbrella header includes (libcbor's cbor.h: 13; an ordinary header: config, types)


def _umbrella(header: str, graph) -> bool:
    """cbor.h includes cbor/arrays.h, cbor/maps.h ...: its own cbor.c is one of many files a test of it may be about."""
    return (
        header.endswith(_C_HEADERS)
        and header in graph
        and sum(1 for q in graph.successors(header) if q.endswith(_C_HEADERS)) >= _UMBRELLA_MIN
    )


def _by_include(
    t: FileFacts,
    graph,
    kinds,
    facts_by_path,
    sources: list[FileFacts],
    lex_index,
    tcfg,
    impl_headers: dict[str, str] | None = None,
) -> tuple[str, str, float] | None:
    """Rule (C, C++): the implementations of the headers the test includes.

    A header with an implementation stands for it; one without (an umbrella double-conversion.h) stands
    for what it includes. The test's own includes come first; a local helper header (tests/common.h,
    test/tests.h) counts when they name nothing. One implementation decides; several must agree with the
    test's vocabulary."""
    if t.path not in graph:
        return None
    impls_by_stem: dict[str, list[str]] = defaultdict(list)
    for f in sources:
        if f.path.endswith(_C_IMPLEMENTATIONS) and kinds.get(f.path) in ("", "inline") and _usable(t.path, f.path):
            impls_by_stem[_stem(f.path).lower()].append(f.path)

    def reach(start: list[str]) -> list[str]:
        found: list[str] = []
        seen: set[str] = set()
        stack = list(reversed(start))
        while stack:
            p = stack.pop()
            if p in seen or p not in facts_by_path:
                continue
            seen.add(p)
            impls = _c_implementations(p, impls_by_stem) if kinds.get(p) in ("", "inline") else []
            if not impls and (impl_headers or {}).get(p):
                impls = [impl_headers[p]]  # details/os.h -> details/os-inl.h
            if impls:
                found.extend(c for c in impls if c not in found)
            if (
                (not impls or _umbrella(p, graph))
                and p.endswith(_C_HEADERS)
                and kinds.get(p) in ("", "inline")
                and p in graph
            ):
                stack.extend(sorted(graph.successors(p), reverse=True))
        return found

    direct = sorted(graph.successors(t.path))
    own = reach([p for p in direct if kinds.get(p) != "support"])
    via_helpers = False
    if not own:
        helpers = [p for p in direct if kinds.get(p) == "support" and p.endswith(_C_HEADERS)]
        own = reach(sorted({q for h in helpers if h in graph for q in graph.successors(h)}))
        via_helpers = True
    if not own and not any(
        f.path.endswith(_C_IMPLEMENTATIONS) and kinds.get(f.path) in ("", "inline") and _usable(t.path, f.path)
        for f in sources
    ):
        return _header_only(t, direct, kinds, facts_by_path, lex_index, tcfg, graph)
    if len(own) == 1:
        return own[0], "include", 0.8 if via_helpers else 0.9
    if via_helpers or _named_for_role(t.path):  # several implementations, and a name that picks none of them
        return None
    if _named_for_all(t.path, own):
        return None, None, 0.0  # no subject, from this rule or a later one
    fam = FAMILY.get(t.language or "")
    return _agreeing(t, own, "include", lex_index(fam), tcfg)


def _named_for_all(test_path: str, options: list[str]) -> bool:
    """The test's name is what its candidates' names share (c-algorithms' test/test-compare-functions.c over
    compare-int.c, compare-pointer.c, compare-string.c): it tests them all, none by itself."""
    stem = subject_stem(os.path.basename(test_path)) or _stem(test_path)
    words = {_singular(w) for w in split_identifier(stem)} - _NAME_NOISE - {"function"}
    if not words or len(options) < 2:
        return False
    return all(words <= {_singular(w) for w in split_identifier(_stem(c))} for c in options)


def _header_names(f: FileFacts) -> set[str]:
    """What a header gives its includers: the names it defines and its macros (utlist.h is macros only: LL_APPEND,
    DL_FOREACH; a macro-only header holds the library's code all the same)."""
    return set(f.test.get("defines") or ()) | set(f.test.get("macros") or ())


def _defines_most_used(t: FileFacts, header: str, graph, facts_by_path) -> bool:
    """Of the headers the test reaches through its includes, this one defines the most of what the test uses
    (rapidjson's jsoncheckertest.cpp includes document.h but uses Reader of reader.h as much: no single subject)."""
    used = set(t.identifiers)
    seen, stack, counts = set(), [header], {}
    while stack:
        p = stack.pop()
        if p in seen or p not in facts_by_path:
            continue
        seen.add(p)
        counts[p] = len(used & _header_names(facts_by_path[p]))
        if p in graph:
            stack.extend(graph.successors(p))
    others = [n for p, n in counts.items() if p != header]
    return not others or (counts.get(header, 0) > 0 and all(n < counts[header] for n in others))


def _uses_its_namesake(t: FileFacts, header: str, graph, facts_by_path) -> bool:
    """The test uses the type or function the header is named after and defines (robin-map's
    tests/custom_allocator_tests.cpp builds a tsl::robin_map of robin_map.h with its own allocator, whose
    allocate/deallocate names the detail header robin_hash.h defines more of). Exact spelling: rapidjson's
    document.h and its Document say less. The header's own names count too: a C++ class template in a .h file
    read with the C grammar is not among what it defines. No other header it includes may define the name
    (GSL's span_ext defines span as well as span does: tests/no_exception_ensure_tests.cpp has no clear subject)."""
    name = _stem(header)
    f = facts_by_path[header]
    if name not in set(t.identifiers) or name not in set(f.test.get("defines") or ()) | set(f.identifiers):
        return False
    seen, stack = {header}, list(graph.successors(header)) if header in graph else []
    while stack:
        p = stack.pop()
        if p in seen or p not in facts_by_path:
            continue
        seen.add(p)
        if name in (facts_by_path[p].test.get("defines") or ()):
            return False
        if p in graph:
            stack.extend(graph.successors(p))
    return True


def _header_only(
    t: FileFacts, direct: list[str], kinds, facts_by_path, lex_index, tcfg, graph
) -> tuple[str, str, float] | None:
    """A header-only library (no implementation file outside tests, examples and programs: GSL, cxxopts): the
    repository header the test includes that holds code (include/gsl/pointers for tests/owner_tests.cpp); of
    several, the one the test's vocabulary agrees with. An umbrella that only includes others holds none."""
    headers = [
        p
        for p in direct
        if p in facts_by_path
        and not p.endswith(_C_IMPLEMENTATIONS)
        and kinds.get(p) in ("", "inline")
        and _usable(t.path, p)
        and _header_names(facts_by_path[p])
    ]
    if len(headers) == 1:
        keep = _defines_most_used(t, headers[0], graph, facts_by_path) or _uses_its_namesake(
            t, headers[0], graph, facts_by_path
        )
        return (headers[0], "include", 0.7) if keep else None
    if not headers or _named_for_role(t.path):
        return None
    # the one header whose name holds the test's (test/test_flags.cpp: magic_enum_flags.hpp, not magic_enum.hpp)
    stem = subject_stem(os.path.basename(t.path))
    words = set(split_identifier(stem)) - _NAME_NOISE if stem else set()
    named = [p for p in headers if words and words <= set(split_identifier(_stem(p)))]
    if len(named) == 1:
        return named[0], "include", 0.7
    return _agreeing(t, headers, "include", lex_index(FAMILY.get(t.language or "")), tcfg)


_RUST_EXTERNAL = frozenset({"std", "core", "alloc", "self", "super", "crate", "test", "proc_macro"})


def _by_crate_use(
    t: FileFacts, kinds, sources: list[FileFacts], lex_index, fam: str, tcfg
) -> tuple[str, str, float] | None:
    """Rule (Rust): an integration test in tests/ that uses items of the crate (use the_crate::Thing) tests
    the module that defines them, when the test's vocabulary agrees (a test of Error's downcasts may live
    beside error.rs even though the struct is declared in lib.rs)."""
    if not in_test_dir(t.path):
        return None
    own_mods = {i.get("target") for i in t.imports if i.get("kind") == "mod"}
    items: set[str] = set()
    for rec in t.imports:
        if rec.get("kind") != "use":
            continue
        parts = [p for p in str(rec.get("target", "")).split("::") if p]
        if len(parts) < 2 or parts[0] in _RUST_EXTERNAL or parts[0] in own_mods:
            continue
        items.add(parts[-1])
    items -= {"*", "self"}
    if not items:
        return None
    definers = sorted(
        f.path
        for f in sources
        if kinds.get(f.path) in ("", "inline") and _usable(t.path, f.path) and items & set(f.test.get("defines") or ())
    )
    key = _norm(_test_stem(t))
    # the test is named for a macro of the crate it uses and invokes (indoc's tests/test_writedoc.rs: use
    # indoc::writedoc; writedoc!(...)), which few words of its own can confirm: the one module defining it; not a
    # type (semver's tests/test_version_req.rs and VersionReq of the crate root test the crate) nor a function
    # (crossbeam-channel's tests/after.rs and fn after of channel.rs test the flavor behind it)
    named = {n for n in items if _norm(n) == key and n in (t.test.get("macros") or ())}
    if len(key) >= 4 and named:
        holders = [f.path for f in sources if f.path in definers and named & set(f.test.get("defines") or ())]
        if len(holders) == 1:
            return holders[0], "use", 0.8
    found = _agreeing(t, definers, "use", lex_index(fam), tcfg)
    if found is not None and _package_of_many(found[0], t, sources, kinds):
        return None, None, 0.0  # items of a large crate's root (serde_with's lib.rs): the crate broadly, no subject
    return found


def _crate_key(name: str) -> str:
    """A crate's or a folder's name compared: lazy_static, lazy-static.rs and rust-lazy-static are one."""
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    for cut in ("rust", "rs"):
        if key.startswith(cut) and len(key) > len(cut) + 2:
            key = key[len(cut) :]
        if key.endswith(cut) and len(key) > len(cut) + 2:
            key = key[: -len(cut)]
    return key


def _by_own_crate(t: FileFacts, kinds, sources: list[FileFacts]) -> tuple[str, str, float] | None:
    """Rule (Rust): a Cargo integration test (<package>/tests/x.rs) that reaches its own crate by name (use
    itoa::Integer, unicode_ident::is_xid_start(c), #[macro_use] extern crate lazy_static) tests the module of
    the package's src/ that defines the most of the crate items, functions and macros it names (itoa's
    tests/test.rs -> src/lib.rs). The crate is the package's: named like the package's folder, else the
    repository (unicode_ident for unicode-ident, lazy_static for lazy-static.rs); another crate's items
    (a dev-dependency's rand::Rng) are no evidence. One name defined in several modules counts a share in each;
    no single best module, no subject."""
    parts = t.path.split("/")
    if "tests" not in parts[:-1]:
        return None
    pkg = "/".join(parts[: parts.index("tests")])
    prefix = pkg + "/src/" if pkg else "src/"
    own = _crate_key(pkg.rsplit("/", 1)[-1] if pkg else str(t.repo).rstrip("/").rsplit("/", 1)[-1].removesuffix(".git"))
    if not own:
        return None
    refs = list(t.test.get("crate_paths") or ()) + [
        str(i.get("target", "")) for i in t.imports if i.get("kind") == "use"
    ]
    items: set[str] = set()
    reached = False
    for ref in refs:
        segs = ref.split("::")
        if len(segs) < 2 or _crate_key(segs[0]) != own:
            continue
        reached = True
        items.update(x for x in (segs[1], segs[-1]) if x and x not in ("*", "self"))
    if not reached:
        return None
    items.update(t.test.get("macros") or ())
    definers: dict[str, list[str]] = defaultdict(list)
    for f in sources:
        if not f.path.startswith(prefix) or kinds.get(f.path) not in ("", "inline") or not _usable(t.path, f.path):
            continue
        for n in items & set(f.test.get("defines") or ()):
            definers[n].append(f.path)
    score: dict[str, float] = defaultdict(float)
    for paths in definers.values():
        for p in paths:
            score[p] += 1 / len(paths)
    ranked = sorted(((v, p) for p, v in score.items()), key=lambda x: (-x[0], x[1]))
    if not ranked or (len(ranked) > 1 and ranked[0][0] <= ranked[1][0]):
        return None
    best, path = ranked[0]
    if path != prefix + "lib.rs":
        return None
    return path, "use", round(min(1.0, 0.5 + best / (2 * len(items))), 4)


def _by_lexical(t: FileFacts, index: _Lexical, tcfg) -> tuple[str, str, float] | None:
    """Rule (d): the source whose identifiers the test's identifiers match best, if clearly best."""
    only = {p for p in index.docs if _usable(t.path, p)}
    ranked, ceiling = index.rank(_terms(t.identifiers), only)
    if not ranked or ceiling <= 0:
        return None
    top, best = ranked[0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    score = top / ceiling
    # With one candidate module (minimist: index.js) there is nothing to confuse it with; any real overlap will do.
    need = tcfg.lexical_min_score / 3 if len(only) == 1 else tcfg.lexical_min_score
    if score >= need and top >= tcfg.lexical_margin * runner:
        if _norm(_stem(best)) in _SHIM_NAMES and not _names_agree(t.path, best):
            return None  # a compatibility shim shares every module's vocabulary (attrs' _compat.py)
        return best, "lexical", score
    return None


def place_tests(order: list[str], pairs: list[dict[str, Any]], rg) -> list[str]:
    """Each paired test right after its subject (after the subject's tests placed before it).

    Files that do not move keep their relative order, so the dependency order of the rest holds.
    A test whose own imports come after its subject goes after the last of them instead, and a
    test that still cannot move without breaking a kept edge stays where it was; tests without a
    subject (or whose subject is not in the order) stay where they were too.
    """
    present = set(order)
    subject_of = {
        p["test"]: p["subject"]
        for p in pairs
        if p.get("subject") in present and p["test"] in present and p["subject"] != p["test"]
    }
    edges = [(a, b) for a, b in rg.graph.edges if a in present and b in present and a != b] if rg is not None else []
    deps: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        deps[a].add(b)
    pinned: set[str] = set()
    while True:
        out = _place(order, {t: s for t, s in subject_of.items() if t not in pinned}, deps)
        pos = {p: i for i, p in enumerate(out)}
        offenders = {x for a, b in edges if pos[b] > pos[a] for x in (a, b) if x in subject_of and x not in pinned}
        if not offenders:
            return out
        pinned |= offenders


def _place(order: list[str], subject_of: dict[str, str], deps: dict[str, set[str]]) -> list[str]:
    def root(path: str) -> str | None:
        seen = set()
        while path in subject_of:  # a subject that is itself a moved test: follow to a file that stays
            if path in seen:
                return None
            seen.add(path)
            path = subject_of[path]
        return path

    anchors = {t: root(s) for t, s in subject_of.items()}
    moving = {t for t, a in anchors.items() if a is not None}
    stay_pos = {p: i for i, p in enumerate(p for p in order if p not in moving)}

    def anchor(t: str, seen: frozenset = frozenset()) -> str:
        """The last staying file among the subject and the test's (anchored) dependencies."""
        best = anchors[t]
        for d in deps.get(t, ()):
            if d in moving and d not in seen:
                d = anchor(d, seen | {t})
            elif d in moving:
                continue
            if stay_pos[d] > stay_pos[best]:
                best = d
        return best

    followers: dict[str, list[str]] = defaultdict(list)
    for p in order:
        if p in moving:
            followers[anchor(p)].append(p)
    out: list[str] = []
    for p in order:
        if p in moving:
            continue
        out.append(p)
        out.extend(followers.get(p, ()))
    return out
