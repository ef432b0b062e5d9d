"""The one record that holds everything the project knows about a programming language.

Each language is one module under syntax/lang/ that defines ``LANGUAGES`` (usually one
``Language``); syntax/registry.py collects them. Detection, the import and declaration
extraction, test detection and import resolution all read these records, so adding a
language is one module plus its grammar wheel in setup.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

# (tree, Source) -> records / names
Extractor = Callable[[Any, Any], list]
# (captures of marker_query, Source, path) -> (test cases seen, Rust-style inline test module seen[, signals to add,
# such as {"compile_only": True}])
MarkerCounter = Callable[[dict, Any, str], "tuple[int, bool] | tuple[int, bool, dict]"]
# (RepoIndex, FileFacts, Edges) -> None: adds the importer's edges (syntax/resolving.py has the toolkit)
Resolver = Callable[[Any, Any, Any], None]


@dataclass(frozen=True)
class Sample:
    """A tiny real-shaped repository that exercises every field (tests/syntax/test_registry.py runs it):
    ``imports`` maps a file to the import targets it must yield, ``edges`` an importer to the files
    its imports resolve to, ``tests`` names the test files (test cases found by the marker query) and
    ``pairs`` maps each test to the source it tests."""

    files: dict[str, str]
    imports: dict[str, tuple[str, ...]]
    edges: dict[str, tuple[str, ...]]
    pairs: dict[str, str]


@dataclass(frozen=True)
class Language:
    name: str
    family: str  # tests pair, and names resolve, within a family (a Kotlin test may test Java code)
    grammar: tuple[str, str]  # (official grammar wheel's module, function returning the language pointer)
    extensions: tuple[str, ...]  # lower case, with the dot
    # imports: one query per language; the extractors read the captures (syntax/imports.py: record shape)
    import_query: str
    imports: Extractor
    # tests: extensions the test file-name conventions recognise (test_x.py, x_spec.lua), the marker
    # query and what counts as a test case among its captures
    test_extensions: tuple[str, ...]
    marker_query: str
    markers: MarkerCounter
    resolve: Resolver
    sample: Sample
    filenames: tuple[str, ...] = ()
    interpreters: tuple[str, ...] = ()  # shebang programs (#!/usr/bin/env python3: "python3")
    # folders whose extension-less files with a name that has a lower-case letter are this language's: C++
    # headers named like the standard library's (GSL's include/gsl/span, libstdc++'s include/c++/vector)
    extensionless_folders: tuple[str, ...] = ()
    declarations: Extractor | None = None  # "package:<name>" and top-level qualified names
    support_names: tuple[str, ...] = ()  # regexes of helper file names (conftest\.py): support, whatever they hold
    inline_tests: bool = False  # sources may hold their own tests (Rust #[cfg(test)]): markers looked for everywhere
    # a regex of file names that are type tests wherever they are, when their markers say so (check-dts: errors.ts)
    type_test_names: str = ""
    # folders of type tests, whatever their files are named (dtslint's dtslint/, tsd's test-d/): a file there is a
    # test when its markers say so (type assertions, $ExpectType comments), a helper otherwise
    type_test_dirs: frozenset[str] = frozenset()
    # the names a header's macros stand for ({"hclose": ["dill_hclose"]} from #define hclose dill_hclose): a test
    # calling the short name calls what defines the long one (packing/testpairs.py's calls rule)
    macro_names: Callable[[str, str], dict[str, list[str]]] | None = None
    # (tree, Source) -> names of the items a file's module-level macro invocations declare (Rust: Sha256 of
    # digest::buffer_fixed!(pub struct Sha256(..))): they count among what the file defines (test pairing)
    macro_items: Extractor | None = None
    # (tree) -> the module only re-exports other crates' items (a facade crate's root: futures/src/lib.rs is pub use
    # futures_util::future and the like): it defines nothing a test could exercise (test pairing)
    reexports_only: Callable[[Any], bool] | None = None
    types_only: Callable[[Any], bool] | None = None  # the module declares types only (no runtime test exercises it)
    # (tree) -> the unit explicitly instantiates templates (fmt's src/format.cc, foonathan/memory's src/memory_pool.cpp:
    # template class memory_pool<node_pool>;): the code it compiles is its header's, which tests of it test (test pairing)
    instantiates: Callable[[Any], bool] | None = None
    # (tree) -> the file gives functions C linkage (extern "C" at file or namespace scope): C code can call them
    # (leveldb's db/c.cc for db/c_test.c); a C test never takes a C++ unit with none, in it or in a header it includes
    exports_c: Callable[[Any], bool] | None = None
    # folders each of whose files is a test target of its own, test cases or not (Cargo compiles every tests/*.rs as
    # a test crate: a compile-only check holds no #[test], a harness = false test has its own main), unless a file
    # beside it declares it as its module (mod utils;): packing/testpairs.py reads this
    test_target_dirs: tuple[str, ...] = ()
    # a test may be named for a part of its module's name: modules carry the project's prefix or a qualifier around
    # the topic (libevent's bufferevent_openssl.c for test/regress_openssl.c, spdlog's details/mpmc_blocking_q.h for
    # tests/test_mpmc_q.cpp); packing/testpairs.py then takes the one module whose name holds the test's words, and a
    # library starting its files' names with one word answers to the rest (libsodium's crypto_box.c: test/default/box.c)
    tests_named_in_part: bool = False
    # tests call what they test by its own name (C functions, Go package members, Rust methods), so the file
    # defining the names a test uses can be its subject (packing/testpairs.py's calls rule)
    tests_call_subjects: bool = False
    # test-to-subject conventions (packing/testpairs.py):
    # a test's namesake header beside it declares the test's own functions (libevent's test/regress_http.h for
    # test/regress_http.c): never the test's subject
    test_headers_declare_tests: bool = False
    # suffixes of a header holding the implementation of its namesake (spdlog's details/os-inl.h for details/os.h)
    implementation_headers: tuple[str, ...] = ()
    # folders below a header where its implementation header may live instead of beside it (CLI11's
    # include/CLI/impl/App_inl.hpp for include/CLI/App.hpp)
    implementation_header_folders: tuple[str, ...] = ()
    # tails that end a test's file name without a separator, in a test folder (rapidjson's writertest.cpp: writer)
    bare_test_tails: tuple[str, ...] = ()
    # a regex of test file names that say the test's role, not a subject (Go's example_test.go, bench_test.go; C and
    # C++ doc_parsing.cpp, example.c)
    role_test_names: str = ""
    # a regex of qualifiers ending a test's name that select a build or say the kind of test, not a subject (Go's
    # x_windows_test.go and x_example_test.go: x.go)
    build_qualifiers: str = ""
    # (tests folder, sources folder) of one package: a test in <root>/tests/ tests <root>/src/ first, where names
    # leave folders tied (Cargo: syn's tests/test_parse_buffer.rs -> src/parse.rs, not the workspace's dev/parse.rs)
    package_test_folders: tuple[str, str] | None = None
    # a test is compiled with the sources of its folder: a namesake in another folder is another package (Go)
    tests_pair_within_folder: bool = False
    # functions whose definition makes a source a program (C, C++: main, and libFuzzer's LLVMFuzzerTestOneInput,
    # whose main is the fuzzer's): a program cannot be linked into a test, so it is never a test's subject
    # (aklomp/base64's bin/base64.c for test/test_base64.c, flac's oss-fuzz/decoder.cc; lib/lib.c is)
    program_entries: tuple[str, ...] = ()
    # file stems of a module that is its package's entry point (Rust: lib.rs, main.rs, mod.rs): when it is a package
    # of many modules, a test whose calls lead to it uses the package broadly and gets no subject from the calls
    entry_modules: tuple[str, ...] = ()
    # rules of packing/testpairs.py that only some families run: "include" (C, C++: the headers a test
    # includes), "use" (Rust: the crate items an integration test uses)
    pairing_rules: tuple[str, ...] = ()
    index: Callable[[Any], None] | None = None  # fills per-repository lookups the resolver needs (RepoIndex.state)
    config: Callable[[str, str | None, str], list | None] | None = None  # (file name, detected format, text) -> records
    config_kinds: tuple[str, ...] = ()  # kinds of those records (configuration, not imports)
    # node type -> (Source, node, depth) -> the name it defines, where the generic reading
    # (syntax/identifiers.py: the node's name field) does not fit (C declarators, Python module assignments)
    definers: dict[str, Callable[[Any, Any, int], str]] = field(default_factory=dict)
    # a regex of lines declaring a top-level name (group 1), read only where the grammar fails on the file: a
    # construct it cannot parse may turn the whole file into one ERROR node (reselect's createSelectorCreator.ts,
    # call signatures not separated by ';'), and what the file exports must still be known (JS, TS: export ...)
    declaration_lines: str = ""
