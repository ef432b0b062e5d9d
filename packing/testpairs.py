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
             shared among the files defining it; the clear favourite (four times the runner-up: tests with no
             single subject still favour some file), before the include rule (an umbrella header the repository
             generates at build time cannot be followed)
    import   the test imports exactly one module of the repository (edges of the dependency graph)
    lexical  identifiers split on case and underscores, BM25 against every candidate source; the best
             match above a threshold and clearly ahead of the runner-up; among three or more candidates only
             when the test's name touches the module's (a shared word, one inside the other, a shared start:
             test/bool.ts -> src/boolean.ts; test/prefix.ts takes none)

A name that lands on a facade (__init__.py, mod.rs, index.ts) that re-exports its folder moves to the
module of that folder the test's vocabulary clearly prefers (tests/test_tz.py -> dateutil/tz/tz.py).
Implementations come before declarations: x.c over x.h, foo.py over foo.pyi; a TypeScript module
of types only (or a .d.ts) is the subject of type tests (*.test-d.ts) only.
Names compare without case and separators across folders (test/http-error.ts -> source/errors/HTTPError.ts),
but a namesake beside the test that the test imports comes first, helper or module of types (hono's
src/utils/types.test.ts -> src/utils/types.ts, not src/utils/jwt/types.ts); Go's x_example_test.go holds x.go's
examples; a name with nothing of its own may join a folder and a file (tests/header_map.rs -> src/header/map.rs).
A topic folder of tests (tests/test_utils/test_prompt.py) yields to the one module defining the function
the test is named after (termui.prompt); so does a test that reaches the code only through the package's
entry point (tests/safe-try.test.ts -> the module defining safeTry); another test's module it takes names from is
its helper there, as a support file is (tqdm's tests/tests_pandas.py: closing from tests_tqdm.py). A topic-named
test that takes the package whole, by its default export alone (p-queue's test/basic.ts: import PQueue from
'../source/index.js') or through its own test package (tests/__init__.py: import tomli as tomllib), pairs with the
one file, of the entry point and the modules it re-exports from, that defines every name of the package the test uses (the entry itself only when it
defines several of them: source/index.ts's PQueue and its methods; tomli's loads and TOMLDecodeError in _parser.py).
One name of the package taken through its entry point, beside names taken from elsewhere (pyrsistent's
tests/map_test.py: pmap, and operator's add), pairs with the module the entry re-exports it from (_pmap.py).
A test named for an entry point that only re-exports several modules (test/index.test.ts, src/index.ts) tests the
package as a whole: no subject; so does a test named for a Python package whose __init__.py defines nothing of its
own, empty or gathering its modules' names (werkzeug's tests/test_routing.py, routing/__init__.py): a later rule may
find the module the test takes, or none. A build tool's configuration (build.config.ts, vite.config.mjs) is no test's
subject. A JavaScript or TypeScript test kept beside the code, named for a topic, that no rule pairs takes its folder's
index file as its own kind resolves it (nanostores' map/production.test.js -> map/index.js; errors.ts -> index.d.ts).
A Python test named for a class (tests/test_deque.py: Deque) that no rule pairs takes the one module defining it,
unless longer names on that word come from other modules (click's test_context.py). A module declaring only types is
no subject of the import rule unless the test is named for it (ts-pattern's tests/build-many.test.ts: BuildMany.ts).
A package of one module is the subject
of every test that requires it; a helper is a subject only for tests beside or above it.
A compile-only C/C++ check (a test-named file that only includes headers: tests/test_header_guard.cpp) not named after
its subject tests the one header it includes. A test named only for its kind (tests/quick.rs, fuzz_test.go, test1.c)
takes no subject from what it calls, uses or says: it exercises the whole library.
A C or C++ program (a source defining main, unless only under a preprocessor condition, or a libFuzzer target defining
LLVMFuzzerTestOneInput) cannot be linked into a test: it is never a subject (test/test_base64.c -> lib/lib.c, not the
tool bin/base64.c; flac's src/test_libFLAC/decoders.c -> stream_decoder.c, not oss-fuzz/decoder.cc). Nor can a C
test call a C++ unit that gives nothing C linkage (extern "C", in the unit or a header it includes): no subject.
A test program's main.c in a test folder of its own is named by the folder (src/test_grabbag/cuesheet/main.c ->
cuesheet.c). In a header-only library a test
that reaches no implementation takes the repository header it includes that holds code and defines the most of what
the test uses, or that its name names where those names tie (a word of the name inside the header's, or the whole
name a function it defines: frozen's tests/test_rand.cpp -> include/frozen/random.h, GSL's tests/owner_tests.cpp ->
include/gsl/pointers: owner); of several headers, the one its name names so (toml11's tests/test_get_or.cpp ->
get.hpp, beside value.hpp). So does a C++ test of a header-held library whose repository also compiles units of another
purpose (cpp-peglib's peglib.h beside abi/abi_probe.cc, effcee.h's inline Options beside match.cc), when it includes
that one library header and uses something of it, its other includes are helpers leading to no library file, and no
compiled unit defines anything it uses.
A Rust integration test named only "test" (tests/test.rs, tests/smoke.rs) that reaches its own crate by name (use
itoa::Integer, #[macro_use] extern crate lazy_static) tests the crate root when the root defines the most of what it
names; so does a Cargo test of a crate of any size that names two or more items of its crate, every one defined by the
crate root itself (polling's tests/io.rs: Event, Events and Poller of src/lib.rs, its private backends aside), unless
it is named for one that a module defines too (tempfile's tests/tempfile.rs). A Cargo test named for the auto traits
it asserts (anyhow's tests/test_autotrait.rs: assert_send::<Error>()) tests the one file its crate's types resolve to
(miette's Report: src/eyreish/mod.rs), or nothing when they come from several files or none. A helper module of a Cargo
test target (a support file under tests/: reqwest's tests/support/not_tcp.rs, bumpalo's tests/all/main.rs) is test
code, no subject for a test named like it: later rules decide (rust-lexical's tests/stackvec_tests.rs, beside
tests/stackvec.rs, -> src/bigint.rs by what it calls). A Cargo test named for a derive macro it derives (strum's
tests/enum_variant_table.rs: #[derive(EnumTable)]) tests the module implementing it: the one the declaring function
(#[proc_macro_derive(EnumTable)] fn enum_table) hands the work to (macros/enum_table.rs: enum_table_inner), else the
macro crate's root, or a module of that crate the test's name names (miette's test_diagnostic_source_macro.rs ->
miette-derive/src/diagnostic_source.rs). A C or C++ test without a subject of
its own that includes one other test source (parallel-hashmap's tests/parallel_flat_hash_map_test.cc ->
parallel_hash_map_test.cc -> flat_hash_map_test.cc) takes that test's subject.
Refraining where the evidence names no single subject: a module of the library's error types (src/error.rs,
exceptions.py) is no subject by import or use alone, only for a test named for it; a test named for the issue it
reproduces (ron's tests/240_array_pretty.rs) keeps a calls or use subject only when the rest of its name touches it;
vocabulary that agrees only weakly (under 0.15 of the test's best possible match) with the module a test imports,
uses or includes decides nothing for a test not named like it; a C or C++ test named for documentation or examples
(test/doc_parsing.cpp, tests/example.c) is named for its role. A library that starts its files' names with one word
(libsodium's crypto_box.c, crypto_sign.c: five units or more) answers to the rest (test/default/box.c). A C++ test
opening with #include of the header it is named for tests that header, not the header-held implementation its name
also reaches (Boost.JSON's test/kind.cpp: kind.hpp, not impl/kind.ipp). In a header-only library a test reaching the
library only through its helper headers (cereal's unittests/multiset.cpp -> multiset.hpp -> common.hpp) tests the one
library header that names what the test is named for (types/set.hpp: std::multiset). An entry point that only makes
one object from a class of one module (loguru/__init__.py: logger = _Logger(...)) passes a test of that object on to
the class's module.
C and C++ code held in headers: a unit compiling a header's inline functions under another prefix (cglm's src/vec3.c:
glmc_vec3_add(...) { glm_vec3_add(...); }) passes its tests on to that header (include/cglm/vec3.h); a unit defining
nothing that includes an umbrella header defining nothing (tomlplusplus' src/toml.cpp: #include <toml++/toml.hpp>)
compiles the whole header-only library and is no subject; a header without an extension that defines nothing and
includes only its namesake (libpqxx's include/pqxx/blob: #include "pqxx/blob.hxx") forwards to it and answers to no
name itself (test/test_blob.cxx -> src/blob.cxx). A name joining a folder and a file finds them before a
suite's shared first word is dropped (futures' tests/future_join.rs -> futures-util/src/future/join.rs), and the rest
of a suite's name may join them too (bitsery's tests/serialization_ext_std_map.cpp -> include/bitsery/ext/std_map.h).
A shortened name may drop the library's prefix (libucl's tests/test_msgpack_malformed.c -> src/ucl_msgpack.c), a prefix
set off by case too (uriparser's test/SetPort.cpp -> src/UriSetPort.c). A test
under tests/ named for a topic and then a thing it uses takes the one module of its own package named for the thing
(tokio-stream's tests/time_throttle.rs, which calls .throttle(): src/stream_ext/throttle.rs). A module every test takes
names from is shared tooling, no subject beside other code, but a test importing nothing else tests it (tsyringe's
src/__tests__/child-container.test.ts: the global container of src/dependency-container.ts).
A test named for its role and then a module beside it tests that module (goquery's bench_array_test.go -> array.go).
A test in a folder of tests named for one module, that no other rule pairs, tests that module (OpenSSH's
regress/unittests/misc/test_argv.c -> misc.c; babel's tests/messages/frontend/test_cli.py -> frontend.py), unless
the module has a folder of its own name the test folder mirrors (jotai's tests/react/ and src/react.ts, src/react/).
A header holds the code its test uses, over its namesake implementation, only when that unit explicitly instantiates
the header's templates (fmt's src/format.cc, foonathan/memory's src/memory_pool.cpp: template class X<T>;); a unit
instantiating nothing holds the code of the class its header declares, inline members or not (ccache's
unittest/test_config.cpp -> src/ccache/config.cpp), and a C header's inline functions and types stay beside their
implementation (klib's kstring.c; OpenSSH's test_kex.c -> kex.c, not kex.h for struct kex). A header with no namesake implementation
passes its tests on to the one unit, named like it, that includes it and defines what it declares (cpu_features'
include/cpuinfo_mips.h -> src/impl_mips_linux_or_android.c); one implemented per platform by several stays.
A test named for an action on a thing, that no other rule pairs, takes the module named for the doer with nothing
else in its name the test does not say (tomlplusplus' tests/parsing_arrays.cpp -> impl/parser.inl; csv-parser's
test_read_csv.cpp -> csv_reader.cpp), or with no doer the thing (manipulating_arrays.cpp -> impl/array.inl).
A Cargo test's paths into its own crate (use mio::{Poll, Waker}) resolve through the crate's module tree and the
re-exports of its root (pub use waker::Waker) to the files defining the items: of the files named like the test
(tests/waker.rs: src/waker.rs, the private src/sys/shell/waker.rs), the one they reach is its subject, and the use
rule weighs those files beside every file defining a name the test uses. A Cargo test's own crate is the library
crate its package's Cargo.toml declares ([lib] name, else the package's name with '-' as '_': pest's grammars/ is
pest_grammars, cc-rs's root cc); the package folder's or repository's name is guessed only where no manifest declares
a package (syntax/lang/rust.py's crate_names). A C or C++ test named exactly for a
function it calls (OpenSSH's test_xextendf.c: xextendf) tests the one compiled unit defining it (misc.c), before
the headers it includes lead elsewhere (xmalloc.h).
A test may have no subject; a source may have several tests. Rust sources with
inline ``#[cfg(test)]`` modules are their own subject and are not test files.
place_tests then moves each paired test right after its subject.

This module runs the rules in order; each kind of evidence is a module of packing/pairing/ (conventions: what every
rule shares; by_name, by_import, by_include, by_calls, by_use, lexical: the rules).
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, ClassVar

from repoloom.core import counters as C
from repoloom.core.config import num, share
from repoloom.core.types import FileFacts
from repoloom.packing.pairing.by_calls import _by_calls, _by_macro_name, _macro_map, _through_macros
from repoloom.packing.pairing.by_import import (
    _gathers_only,
    _by_import,
    _common_names,
    _facade_defining_all,
    _imports_helpers,
    _imports_only_facades,
    _only_re_exports_for,
    _through_entry_point,
    _through_facade,
    _tooling,
)
from repoloom.packing.pairing.by_include import (
    _by_include,
    _beyond_c,
    _compiled_header,
    _defining_units,
    _forwarding_headers,
    _header_checked_first,
    _implementation_headers,
    _is_hollow_unit,
    _is_program,
    _through_included_tests,
    _uses_more_of,
    _wrapped_headers,
)
from repoloom.packing.pairing.by_name import (
    _by_name,
    _by_name_part,
    _index_beside,
    _by_named_class,
    _by_named_type,
    _declarations_beside,
    _defining_module,
    _library_prefixed,
    _own_package_namesake,
    _sole_unit_beside,
    _suite_prefixes,
    _by_test_folder,
    _by_doer,
    _by_prefixed_function,
    _by_named_function,
)
from repoloom.packing.pairing.by_calls import _elsewhere_in_tree
from repoloom.packing.pairing.by_derive import _by_derive, _derive_index
from repoloom.packing.pairing.by_use import (
    _by_auto_traits,
    _by_crate_root,
    _by_crate_use,
    _by_own_crate,
    _named_for_auto_traits,
    _namesake_resolved,
    _resolved_uses,
    _small_crate,
)
from repoloom.packing.pairing.conventions import (
    _C_HEADERS,
    _CALLS_FAMILIES,
    _FACADES,
    _FAMILY_RULES,
    _INCLUDE_FAMILIES,
    _NAMED_IN_PART,
    _NEUTRAL_DIRS,
    FAMILY,
    _declares_only,
    _errors_module,
    _issue_numbered,
    _in_target_dir,
    _target_helper,
    _kind,
    _named_for_role,
    _named_plainly,
    _norm,
    _plain_target,
    _role_named,
    _role_subject,
    _stem,
    _test_targets,
    _usable,
    split_identifier,
)
from repoloom.packing.pairing.lexical import _by_lexical, _Lexical, _names_touch, _terms
from repoloom.syntax.lang.rust import crate_names
from repoloom.syntax.resolving import RepoIndex
from repoloom.syntax.tests import in_test_dir, subject_stem


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


def _bump(stats: dict[str, int], key: str, n: int = 1) -> None:
    stats[key] = stats.get(key, 0) + n


def _not_only_errors(t: FileFacts, found: tuple | None) -> tuple | None:
    """A test that imports or uses the library's error types and nothing else of it (ron's tests/comments.rs:
    ron::error::Error; sqlparse's test_dos_prevention.py: exceptions) checks how some behaviour fails: the module of
    errors is no subject unless the test is named for it (anyhow's tests/test_downcast.rs is found by calls)."""
    if found is not None and found[0] is not None and _errors_module(found[0]) and not _names_touch(t.path, found[0]):
        return None
    return found


def _issue_subject(t: FileFacts, found: tuple | None) -> tuple | None:
    """A test named for the issue it reproduces (ron's tests/240_array_pretty.rs) runs whatever the bug needed: what
    it calls or uses names its subject only when the rest of its name agrees (tests/544_path_meta.rs ->
    src/ser/path_meta.rs); otherwise it has none, from this rule or a later one."""
    if found is not None and found[0] is not None and _issue_numbered(t.path) and not _names_touch(t.path, found[0]):
        return None, None, 0.0
    return found


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
    # Nor is a facade that only re-exports other crates' items (futures/src/lib.rs): its tests test those crates.
    programs |= {f.path for f in facts if f.test.get("reexports_only")}
    sources: dict[str, list[FileFacts]] = defaultdict(list)
    program_sources: dict[str, list[FileFacts]] = defaultdict(list)  # still part of the lexical index's statistics
    for f in facts:
        fam = FAMILY.get(f.language or "")
        if fam and kinds[f.path] in ("", "inline"):
            (program_sources if f.path in programs else sources)[fam].append(f)
    by_name: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    named = defaultdict(list)  # name-rule candidates: sources, and helpers (a test of tests/utils.py sits beside it)
    # a header forwarding to its namesake (include/pqxx/blob -> blob.hxx) answers to no name: the namesake does
    forwarding = _forwarding_headers(facts, kinds)
    for f in facts:
        fam = FAMILY.get(f.language or "")
        if fam and kinds[f.path] in ("", "inline", "support") and f.path not in programs and f.path not in forwarding:
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
    for fam, fs in named.items():
        if fam in _NAMED_IN_PART:
            for key, path in _library_prefixed(fs, kinds):
                joined[fam][key].append(path)
    declared = {f.path for f in facts if _declares_only(f)}
    # the repository's package names (package.json's name: immer, @scope/name -> name), said in normalised form
    packages = frozenset(
        _norm(str(r.get("target") or "").rsplit("/", 1)[-1])
        for f in facts
        for r in f.imports
        if r.get("kind") == "package"
    )
    impl_headers = _implementation_headers(facts, kinds)
    wrapped = _wrapped_headers(facts, kinds, rg.graph)  # compiled twins of a header's inline functions (cglm's vec3.c)
    # a header's one implementation under another name (cpuinfo_mips.h -> src/impl_mips_linux_or_android.c)
    implemented_in = _defining_units(facts, kinds, rg.graph, programs)
    # the folders of a monorepo's packages (their package.json)
    package_roots = {os.path.dirname(f.path) for f in facts if os.path.basename(f.path) == "package.json"}
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
    crates: dict = {}  # Rust: each crate's module tree, by its src/ prefix (built when first needed)
    cargo = crate_names(facts)  # Rust: each package folder's library crate, as its Cargo.toml declares it
    units_by_name: dict[str, dict[str, list[FileFacts]]] = {}  # per family: the sources defining each name

    def units_named(fam: str, name: str) -> list[FileFacts]:
        if fam not in units_by_name:
            index: dict[str, list[FileFacts]] = defaultdict(list)
            for f in sources[fam]:
                for n in set(f.test.get("defines") or ()):
                    index[n].append(f)
            units_by_name[fam] = index
        return units_by_name[fam].get(name, [])

    index_box: list | None = None  # lookups for resolving single import records (built when first needed)
    derive_box: list = []  # Rust: the derive macros the repository declares (built when first needed)
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
            # ... unless the role's name goes on with a module's beside it (bench_array_test.go: array.go)
            role_of = _role_subject(t.path, fam, cands, kinds) if role else None
            # Rust: the files a Cargo test's own-crate paths resolve to (use mio::Waker), for two rules below
            resolved = _resolved_uses(t, facts_by_path, crates, cargo) if "use" in _FAMILY_RULES.get(fam, ()) else {}
            found = (
                (role_of, "name", 1.0)
                if role_of
                else None
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
            if "use" in _FAMILY_RULES.get(fam, ()) and not role:
                # tied or unreachable namesakes: the one the test's own-crate paths resolve to (use mio::Waker)
                found = _namesake_resolved(t, found, cands, resolved)
                if found is not None and _target_helper(found[0], kinds, fam):
                    found = None  # a Cargo test target's helper module is test code: later rules decide
            if found is not None and found[0] is not None and package_roots:
                # named like another package's module: its own package's module of that name, when one
                mine = _own_package_namesake(t, found[0], named[fam], kinds, package_roots)
                if mine is not None:
                    found = (mine, "name", found[2])
            if found is not None and _stem(found[0]) in _FACADES:
                found = _through_facade(t, found, named[fam], kinds, declared, lex_index, tcfg)
                if (
                    found is not None
                    and _stem(found[0]) in _FACADES
                    and _only_re_exports_for(t, found[0], facts_by_path)
                ):
                    found = (None, None, 0.0)  # decided: the package as a whole, no later rule names one
                if found is not None and _gathers_only(found[0], facts_by_path):
                    # a Python package's __init__.py defining nothing of its own: a later rule may find the module
                    # (babel's tests/messages/frontend/test_init.py imports frontend.py), or none
                    found = None
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
            if (
                found is None
                and "use" in _FAMILY_RULES.get(fam, ())
                and _in_target_dir(t)
                and _named_for_auto_traits(t.path)
            ):
                # a test asserting Send/Sync of its crate's types (tests/test_autotrait.rs): the one file defining
                # them, or no subject (what it calls to build them names none)
                found = _by_auto_traits(t, resolved)
            if found is None and not role and not for_role and t.test.get("derives"):
                # a Cargo test named for a derive macro of the repository (#[derive(EnumTable)]): its implementation
                derive_box = derive_box or [_derive_index(facts, kinds)]
                found = _by_derive(t, derive_box[0], lambda name: units_named(fam, name))
            if found is None and not role and not for_role and macros.get(fam or ""):
                # a test named for a macro of the library's header (libdill's tests/go1.c: go, a macro over
                # dill_prologue of cr.c): the one file defining what the macro stands for
                found = _by_macro_name(t, macros[fam or ""], sources[fam], kinds, declared)
            if found is None and compile_only:
                # a check that headers compile (pugixml's tests/test_header_guard.cpp includes pugixml.hpp twice),
                # not named after its subject: the one header it includes, not that header's implementation;
                # of several headers, none (stb's tests/test_c_compilation.c)
                found = _compiled_header(t, graph, kinds, facts_by_path) or (None, None, 0.0)
            if found is None and not role and not for_role and "include" in _FAMILY_RULES.get(fam, ()):
                # a test beside the one unit of its folder (nng's pair0_test.c beside pair.c)
                found = _sole_unit_beside(t, sources[fam], kinds)
            if found is None and tcfg.import_ and fam in _CALLS_FAMILIES and not role:
                found = _issue_subject(t, calls_of(t, fam))
                if (
                    found is not None
                    and "include" in _FAMILY_RULES.get(fam, ())
                    and _elsewhere_in_tree(t.path, found[0])
                ):
                    found = (None, None, 0.0)
            if found is None and fam in _NAMED_IN_PART and not role and not for_role:
                # named for a part of one module's name (spdlog's tests/test_mpmc_q.cpp: details/mpmc_blocking_q.h)
                found = _by_name_part(t, by_name[fam], kinds, facts_by_path, suites, declared)
            if found is None and not role and not for_role and "include" in _FAMILY_RULES.get(fam, ()):
                # named for a function it calls (test_cancel_query.cxx): the one unit defining it
                found = _by_named_function(t, lambda name: units_named(fam, name), kinds, declared)
            if found is None and tcfg.import_ and "include" in _FAMILY_RULES.get(fam, ()) and not role:
                found = _by_include(t, graph, kinds, facts_by_path, sources[fam], lex_index, tcfg, impl_headers)
            if found is None and tcfg.import_ and "use" in _FAMILY_RULES.get(fam, ()) and not for_role:
                found = _issue_subject(
                    t, _not_only_errors(t, _by_crate_use(t, kinds, sources[fam], lex_index, fam, tcfg, resolved))
                )
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
                found = _not_only_errors(t, found)
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
                    joined=joined[fam],  # a shortened name may join a folder and a file too (or drop a library prefix)
                )
                if found is not None and _gathers_only(found[0], facts_by_path):
                    found = (None, None, 0.0)  # the package across its modules (tests/test_routing.py, routing/)
                if found is not None and "use" in _FAMILY_RULES.get(fam, ()) and _target_helper(found[0], kinds, fam):
                    found = None
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
                found = _by_own_crate(t, kinds, sources[fam], cargo)
            if (
                found is None
                and tcfg.import_
                and "use" in _FAMILY_RULES.get(fam, ())
                and not role
                and not for_role
                and _in_target_dir(t)
            ):
                # a test target of any crate whose own items the crate root defines, every one (polling's tests/io.rs)
                found = _by_crate_root(t, kinds, sources[fam], cargo)
            if found is None and t.test.get("type_test") and subject_stem(os.path.basename(t.path)) is None:
                # a type test named for no module (check-dts' computed/errors.ts) checks the declarations beside it
                found = _declarations_beside(t.path, declared, kinds)
            if found is None and tcfg.lexical and not role and not for_role:
                found = _by_lexical(t, lex_index(fam), tcfg)
            if found is None and not role and not for_role:
                # a folder of tests named for one module (regress/unittests/misc/test_argv.c -> misc.c)
                found = _by_test_folder(t, cands, kinds, declared)
            if found is None and not role and not for_role:
                # named for an action on a thing: the module named for the doer (tests/parsing_arrays.cpp -> parser)
                found = _by_doer(t, cands, kinds, declared)
            if found is None and not role and not for_role and "include" in _FAMILY_RULES.get(fam, ()):
                # named for a function the library defines under its prefix (copy_test.c: cbor_copy of cbor.c)
                found = _by_prefixed_function(t, lambda name: units_named(fam, name), kinds, declared)
            if found is None and not role and not for_role and fam == "js":
                # kept beside the code and named for a topic: its folder's index (map/production.test.js -> map/index.js)
                found = _index_beside(t, facts_by_path, kinds)
            if found is None and not role and not for_role and fam == "python":
                # named for a class of the package (tests/test_deque.py: Deque): the one module defining it
                found = _by_named_class(t, sources[fam], kinds, declared)
        subject, rule, score = found if found else (None, None, 0.0)
        subject = forwarding.get(subject, subject)
        subject = impl_headers.get(subject, subject)
        subject = wrapped.get(subject, subject)
        if subject in implemented_in and _usable(t.path, implemented_in[subject], kinds):
            subject = implemented_in[subject]  # (not an example's: bitsery's examples/composite_types.cpp)
        if fam in _INCLUDE_FAMILIES:
            subject = _header_checked_first(t, subject, facts_by_path.keys()) or subject
            if _beyond_c(t, subject, facts_by_path, graph):
                subject, rule, score = None, None, 0.0
        pairs.append({"test": t.path, "subject": subject, "rule": rule, "score": round(float(score), 4)})
    _through_included_tests(pairs, graph, facts_by_path)
    for p in pairs:
        if p["subject"]:
            _bump(stats, C.TESTS_PAIRED)
            _bump(stats, C.TESTS_RULE.key(p["rule"]))
    return pairs


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
