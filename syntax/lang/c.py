"""C, and what C++ shares with it (cpp.py): #include "x.h" (beside the file, then by path suffix) and
<proj/x.h> (whole-path matches only), test macros of the common frameworks, test_* functions, test programs and
cases a test-named call registers (AWS_TEST_CASE(name, s_test_x), g_test_add_func("/x", x))."""

from __future__ import annotations

import os
import posixpath
import re

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.queries import captures, rec, string_value
from repoloom.syntax.resolving import importance, norm, parent_dir
from repoloom.syntax.tests import BENCHMARK_WORDS, in_test_dir, is_bare_test, subject_stem, words

IMPORTS = "(preproc_include path: (_) @path)"
# C and C++ header files (pairing's conventions name them too)
HEADERS = (".h", ".hh", ".hpp", ".hxx", ".h++")
# Test macros of GoogleTest, Catch2, Boost.Test, Check, Unity, CUnit, utest, lest (CASE( "..." ) { ... }). (Unity's RUN_TEST(f) counts only
# where f is defined: a generated runner calls tests defined elsewhere.)
_MACROS = (
    "TEST",
    "TEST_F",
    "TEST_P",
    "TYPED_TEST",
    "TYPED_TEST_P",
    "TEST_CASE",
    "TEST_CASE_METHOD",
    "SCENARIO",
    "BOOST_AUTO_TEST_CASE",
    "BOOST_FIXTURE_TEST_CASE",
    # cases written once for a list of types or data (robin-map's tests/policy_tests.cpp, Catch2's TEMPLATE_TEST_CASE)
    "BOOST_AUTO_TEST_CASE_TEMPLATE",
    "BOOST_FIXTURE_TEST_CASE_TEMPLATE",
    "BOOST_DATA_TEST_CASE",
    "TEMPLATE_TEST_CASE",
    "TEMPLATE_TEST_CASE_SIG",
    "TEMPLATE_PRODUCT_TEST_CASE",
    "TEMPLATE_LIST_TEST_CASE",
    "START_TEST",
    "CU_add_test",
    "UTEST",
    "UTEST_F",
    "CASE",
    "lest_CASE",
    # suites written once in a shared header and instantiated per implementation (crc32c's *_unittest.cc)
    "INSTANTIATE_TEST_SUITE_P",
    "INSTANTIATE_TYPED_TEST_SUITE_P",
    "INSTANTIATE_TEST_CASE_P",
    "INSTANTIATE_TYPED_TEST_CASE_P",
)
_ANY_MACRO = " ".join(f'"{m}"' for m in _MACROS)
MARKERS = f"""
    ((identifier) @macro (#any-of? @macro {_ANY_MACRO}))
    ((type_identifier) @macro (#any-of? @macro {_ANY_MACRO}))
    (function_definition) @function
    (expression_statement (call_expression function: (identifier) @case (#match? @case "^TEST_[A-Z0-9_]+$")))
    (call_expression function: (identifier) @run (#eq? @run "RUN_TEST") arguments: (argument_list . (identifier) @run_arg))
    (call_expression function: (identifier) @opens (#any-of? @opens "TEST_START" "TEST_BEGIN")
        arguments: (argument_list . (string_literal)))
    (declaration) @declaration
    (field_declaration) @field
    (call_expression function: (identifier) @registers
        (#match? @registers "[Tt][Ee][Ss][Tt]|[Cc][Aa][Ss][Ee]|[Ss][Uu][Ii][Tt][Ee]"))
"""
_MAIN = re.compile(r"\bmain\s*\(")
# A main that hands over to a test runner runs the suites of other files: a test main (rapidjson's
# test/unittest/unittest.cpp, nghttp2's tests/main.c, libevent's test/regress_main.c), not a test of its own; so does a
# main calling a run-all-tests function of the project's own harness (sentencepiece's src/test_main.cc: RunAllTests();
# Boost.JSON's test/main.cpp: test_suite::run(...); valkey's src/unit/test_main.c: runTestSuite(...)). A main that
# runs the cases it defines still counts them (each test_x is a case of its own).
_RUNNER_CALL = re.compile(
    r"\b(RUN_ALL_TESTS|\w+_suite_main|tinytest_main|CU_basic_run_tests|srunner_run_all|g_test_run|UnityMain|UnityBegin"
    r"|UNITY_BEGIN)\s*\("
    r"|Catch::Session\b"
    r"|\b(?:[Rr]un_?(?:[Aa]ll_?)?(?:[Uu]nit_?)?[Tt]ests?(?:_?[Ss]uites?)?|[Tt]est_?[Ss]uite::run)\s*\("
)
# A framework's generated main (utest's UTEST_MAIN(), GREATEST_MAIN_DEFS(), ...) on a line of its own: the file is
# the runner of the suites other files define (sokol's tests/functional/sokol_test.c), not a compile-only check
_MAIN_MACRO = re.compile(r"^[ \t]*[A-Z][A-Z0-9_]*_MAIN(?:_DEFS)?[ \t]*\([ \t]*\)[ \t]*;?[ \t]*$", re.M)
# the names a runner declares for the suites it runs (mpc's void suite_core(void); argtable3's get_argint_testsuite())
_SUITE_NAME = re.compile(r"(?i)test|suite")
# x-inl.h holds the implementation of x.h (spdlog's details/os-inl.h); packing/testpairs.py reads these
IMPLEMENTATION_HEADERS = ("-inl", "_inl")
# ... beside the header or in a folder below it (CLI11: include/CLI/impl/App_inl.hpp implements include/CLI/App.hpp)
IMPLEMENTATION_HEADER_FOLDERS = ("impl",)
# a source defining one of these is a program: main, or a libFuzzer target (its main is the fuzzer's; flac's
# oss-fuzz/decoder.cc), never a test's subject
PROGRAM_ENTRIES = ("main", "LLVMFuzzerTestOneInput")
# rapidjson's test/unittest/writertest.cpp tests writer.h: "test" closes the name without a separator
BARE_TEST_TAILS = ("test",)
# a test named for the documentation it checks (Boost.JSON's test/doc_parsing.cpp, snippets.cpp; libmill's
# tests/example.c): the examples of the manual, run against the whole library, with no subject of their own
ROLE_TEST_NAMES = r"^(doc|docs|example|examples|snippet|snippets)([_-]\w+)?\.\w+$"
# test_x, x_test, run_tests: a test function by name (jansson's test_dump.c defines run_tests, its main is in util.h);
# testX: Unity's convention (its runner generator collects the void testX(void) functions of a test file)
_TEST_FUNCTION = re.compile(r"^(tests?_\w|\w+_tests?$|test[A-Z0-9])")
# A test case written with the project's own macro: TEST_XML(name, "<node/>") { ... } (pugixml's tests/test.hpp)
_TEST_MACRO_CASE = re.compile(r"^TEST(_[A-Z0-9_]+)?$")
# ... as a line of the source: the macro's call at the start of a line, its block opening on the same line
_CASE_LINE = re.compile(r"^TEST_[A-Z0-9_]+[ \t]*\([^;{}()\n]*\)[ \t]*\{", re.M)
_LOCAL_INCLUDE = re.compile(r'^\s*#\s*include\s*"', re.M)


_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\([^)\n]*\))?[ \t]*((?:[^\n]*\\\n)*[^\n]*)", re.M)
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_MACRO_TARGETS = 12  # names kept per macro: an alias or a call wrapper names a few
_MACROS_KEPT = 1000


def macro_names(path: str, text: str) -> dict[str, list[str]]:
    """What a header's macros stand for: #define hclose dill_hclose, #define go(fn) dill_go_(fn, NULL, 0, -1) (the
    short public names of libdill.h, whose code is in cr.c and handle.c). Parameters and the macro itself are
    left out; a source file's own macros are its business (only headers are read)."""
    if not path.endswith((".h", ".hh", ".hpp", ".hxx")):
        return {}
    out: dict[str, list[str]] = {}
    for m in _DEFINE.finditer(text):
        name, params, body = m.group(1), m.group(2) or "", m.group(3)
        skip = set(_IDENTIFIER.findall(params)) | {name}
        names = [n for n in dict.fromkeys(_IDENTIFIER.findall(body)) if n not in skip and not n.isupper()]
        if not names and not params and _IDENTIFIER.fullmatch(body.strip()) and body.strip() != name:
            # a plain alias of another macro (M*LIB's #define ARRAY_DEF M_ARRAY_DEF): the short public name the
            # tests use is the header's as much as the long one
            names = [body.strip()]
        if names:
            out.setdefault(name, names[:_MACRO_TARGETS])
            if len(out) >= _MACROS_KEPT:
                break
    return out


# where a linkage block stands: file scope, namespaces, #if arms (a C header's #ifdef __cplusplus extern "C" {)
_LINKAGE_SCOPES = frozenset(
    {"translation_unit", "namespace_definition", "declaration_list"}
    | {"preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif", "preproc_elifdef"}
)


def exports_c(tree) -> bool:
    """The file gives functions C linkage: extern "C" at file or namespace scope (leveldb's db/c.cc: extern "C" {
    ... }, fmt's src/fmt-c.cc: extern "C" int fmt_vformat(...), jsonnet's libjsonnet.cpp: extern "C" { #include
    "libjsonnet.h" }, a C header's #ifdef __cplusplus extern "C" {): C code can call what it defines or declares."""
    stack = [tree.root_node]
    while stack:
        n = stack.pop()
        if n.type == "linkage_specification":
            value = n.child_by_field_name("value")
            if value is not None and value.text == b'"C"':
                return True
        elif n.type in _LINKAGE_SCOPES:
            stack.extend(n.named_children)
    return False


def c_imports(language: str):
    def extract(tree, src) -> list[dict]:
        out = []
        for p in captures(tree, language, IMPORTS).get("path", []):
            if p.type == "string_literal":
                out.append(rec("include", string_value(p, src), [], p))
            elif p.type == "system_lib_string":
                out.append(rec("include_system", src.node_text(p)[1:-1].strip(), [], p))
        return out

    return extract


def declarator_name(src, node, depth: int = 0) -> str:
    """The identifier at the bottom of a function's declarator chain (int *f(int) -> f)."""
    d = node.child_by_field_name("declarator")
    while d is not None and d.child_by_field_name("declarator") is not None:
        d = d.child_by_field_name("declarator")
    if d is not None and d.type in ("identifier", "field_identifier", "qualified_identifier", "destructor_name"):
        return src.node_text(d).split("::")[-1]
    return ""


_CONDITIONAL = frozenset({"preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif", "preproc_elifdef"})


def defined_function_name(src, node, depth: int = 0) -> str:
    """The name a function definition defines; a main compiled only under a preprocessor condition (klib's
    kstring.c: #ifdef KSTRING_MAIN) is a library file's self-test, not the file's entry point, and is left out
    (packing/testpairs.py takes a file defining main for a program, never a test's subject)."""
    name = declarator_name(src, node, depth)
    if name == "main":
        p = node.parent
        while p is not None:
            if p.type in _CONDITIONAL:
                return ""
            p = p.parent
    return name


def _is_test_program(function: str, path: str) -> bool:
    """A ``main`` in a test folder or a test-named file is a test program (CTest's add_test and
    Makefile check targets run executables: utf8proc's test/case.c, cJSON's test.c), whatever checks it uses."""
    name = os.path.basename(path)
    return function == "main" and (in_test_dir(path) or is_bare_test(name) or subject_stem(name) is not None)


def _exported_without_parameters(n, src) -> bool:
    """int absolute_simple(void) { ... }: a function other files can call with nothing to pass (a test case)."""
    if any(c.type == "storage_class_specifier" and src.node_text(c) == "static" for c in n.children):
        return False
    return _without_parameters(n, src)


def _without_parameters(n, src) -> bool:
    d = n.child_by_field_name("declarator")
    while d is not None and d.type in ("pointer_declarator", "parenthesized_declarator"):
        d = d.child_by_field_name("declarator")
    if d is None or d.type != "function_declarator":
        return False
    params = d.child_by_field_name("parameters")
    text = src.node_text(params).strip("() \t\n") if params is not None else ""
    return text in ("", "void")


def _function_declarator(n):
    """The function_declarator under a declaration's declarator (CuSuite* f(); -> f()), or None."""
    d = n.child_by_field_name("declarator")
    while d is not None and d.type in ("pointer_declarator", "parenthesized_declarator"):
        d = d.child_by_field_name("declarator")
    return d if d is not None and d.type == "function_declarator" else None


def _declarator_without_parameters(d, src) -> bool:
    params = d.child_by_field_name("parameters")
    return (src.node_text(params).strip("() \t\n") if params is not None else "") in ("", "void")


def _takes_function_pointer(n, src) -> bool:
    """void pt_add_test(void (*func)(void), const char* name, ...): it registers or runs test cases (mpc's own
    framework, tests/ptest.c), it is none itself."""
    d = _function_declarator(n)
    params = d.child_by_field_name("parameters") if d is not None else None
    return params is not None and "(*" in src.node_text(params).replace(" ", "")


def _runs_cases_of_other_files(caps: dict, src, defined: set[str], parameterless: set[str]) -> bool:
    """A runner main only calls test cases that other files define: it declares them without defining them
    (mpc's tests/test.c: void suite_core(void); argtable3's tests/testall.c: CuSuite* get_arglit_testsuite();)
    or keeps a table of parameterless function pointers filled from a list of names elsewhere (cwalk's and
    cargs' test/main.c: int (*fn)(void), UNIT_TESTS(XX)) while defining no parameterless function of its own."""
    for n in caps.get("declaration", ()):
        d = _function_declarator(n)
        if d is None or not _declarator_without_parameters(d, src):
            continue
        name = d.child_by_field_name("declarator")
        text = src.node_text(name) if name is not None else ""
        if text and text not in defined and _SUITE_NAME.search(text):
            return True
    if parameterless - {"main"}:
        return False
    return any(
        (d := _function_declarator(n)) is not None
        and d.child_by_field_name("declarator") is not None
        and d.child_by_field_name("declarator").type == "parenthesized_declarator"
        and _declarator_without_parameters(d, src)
        for n in caps.get("field", ())
    )


def _in_macro_definition(n) -> bool:
    while n is not None:
        if n.type in ("preproc_def", "preproc_function_def"):
            return True
        n = n.parent
    return False


def _registers_suite(call) -> bool:
    """TEST_SUITE(kind_test, "boost.json.kind"): a registration naming a suite and giving it a title."""
    args = call.child_by_field_name("arguments") if call is not None else None
    named = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    return (
        len(named) == 2 and named[0].type == "identifier" and named[1].type in ("string_literal", "raw_string_literal")
    )


# a registering call names a test, case or suite as a word of its name (AWS_TEST_CASE, g_test_add_func,
# tcase_add_test), not inside one (gtest's GTEST_DEFINE_bool_ defines a flag)
_REGISTERS = re.compile(
    r"(?:^|_)(?:tests?|TESTS?|case|CASE|suite|SUITE)(?:_|$)|(?:^|[a-z0-9_])(?:Tests?|Case|Suite)(?:[A-Z0-9_]|$)"
)


def _enclosing_function(n, src) -> str | None:
    """The name of the function whose body holds n ("" when unnamed), None at file scope."""
    while n is not None and n.type != "function_definition":
        n = n.parent
    if n is None:
        return None
    d = n.child_by_field_name("declarator")
    while d is not None and d.type in ("function_declarator", "pointer_declarator", "parenthesized_declarator"):
        d = d.child_by_field_name("declarator")
    return src.node_text(d) if d is not None and d.type == "identifier" else ""


def _registered_here(calls, src, defined: set[str]) -> int:
    """Functions of this file handed to a registering call at file scope or in main, where a test program sets up
    its cases (RUN_TEST is counted apart; main is no case; a helper's call inside its own functions registers
    nothing: git's t/helper/test-path-utils.c hands posix_basename to its test_function)."""
    found, cases = 0, defined - {"main"}
    for n in calls:
        if (
            src.node_text(n) == "RUN_TEST"
            or not _REGISTERS.search(src.node_text(n))
            or _enclosing_function(n, src) not in (None, "main")
        ):
            continue
        args = n.parent.child_by_field_name("arguments")
        if args is not None:
            found += sum(1 for a in args.named_children if a.type == "identifier" and src.node_text(a) in cases)
    return found


# Programs a test folder holds that check nothing of their own (CMake builds them beside the tests), by the words of
# their folders' names: benchmarks (rapidjson's test/perftest/, unordered_dense's test/bench/, eventpp's
# tests/benchmark/), fuzz harnesses (zlib-ng's test/fuzz/, mpack's test/fuzz/fuzz.c, OpenSSH's regress/misc/
# fuzz-harness/), demos and tutorials (eventpp's tests/tutorial/), whatever test macros they use (rapidjson's perftest
# times its runs as gtest cases). A build system's consumer checks (fmt's test/find-package-test/main.cc, cpptrace's
# test/fetchcontent-integration/main.cpp, function2's test/dist-package/main.cpp) and programs named for timing or
# showing (libevent's test/bench_http.c, klib's test/kseq_bench.c, cpptrace's test/demo.cpp) only when they hold no
# framework case: check's tests/cmake_project_usage_test/src/tests.c is a consumer project's real test and
# google/benchmark's test/perf_counters_gtest.cc tests the perf counters. (g3log's test_performance/ and libcbor's
# test/linkage/ were left out: counted as tests, they move two right pairs of the calls and name rules.)
_PROGRAM_FOLDER_WORDS = BENCHMARK_WORDS | frozenset(
    {"perf", "perftest", "perftests"}
    | {"fuzz", "fuzzing", "fuzzer", "fuzzers", "ossfuzz", "demo", "demos", "tutorial", "tutorials"}
)
_BUILD_FOLDER_WORDS = frozenset(
    {"cmake", "meson", "bazel", "subdirectory", "fetchcontent", "findpackage", "install", "installed", "consumer"}
    | {"export", "subproject", "dist"}
)
_PROGRAM_NAME_WORDS = frozenset({"bench", "perf", "demo", "tutorial"})


def _checks_nothing(path: str, framework_cases: int) -> bool:
    """A benchmark, fuzz harness, demo or build check kept among the tests (see _PROGRAM_FOLDER_WORDS)."""
    folders = [words(p) for p in path.split("/")[:-1]]
    if any(w & _PROGRAM_FOLDER_WORDS for w in folders):
        return True
    if framework_cases:
        return False
    if any(w & _BUILD_FOLDER_WORDS or {"find", "package"} <= w for w in folders):
        return True
    return bool(words(os.path.splitext(os.path.basename(path))[0]) & _PROGRAM_NAME_WORDS)


# A test framework's own files, copied beside the tests that use it (fmt's test/gtest/gtest/gtest.h, argparse's
# test/doctest.hpp, nng's src/testing/acutest.h, git's t/unit-tests/clar/clar.c, collections-c's test/unit/munit.c):
# the framework, not a test of this project, though its header writes TEST_CASE and its self-checks. Named as the
# frameworks ship them (single-header and single-source frameworks), and googletest's public headers (include/gtest/).
_FRAMEWORK_FILES = frozenset(
    {"gtest.h", "gmock.h", "gtest-all.cc", "gmock-all.cc", "gtest_main.cc", "gmock_main.cc"}
    | {"doctest.h", "doctest.hpp", "catch.hpp", "catch_amalgamated.hpp", "catch_amalgamated.cpp", "lest.hpp"}
    | {"acutest.h", "cutest.h", "cutest.c", "clar.c", "clar.h", "munit.c", "munit.h", "greatest.h", "minunit.h"}
    | {"unity.c", "unity.h", "unity_fixture.c", "unity_fixture.h", "utest.h", "tinytest.c", "tinytest.h"}
)
_FRAMEWORK_FOLDERS = frozenset({"gtest", "gmock"})


def _is_framework(path: str) -> bool:
    parts = path.lower().split("/")
    header = parts[-1].endswith(HEADERS)
    return parts[-1] in _FRAMEWORK_FILES or (header and any(p in _FRAMEWORK_FOLDERS for p in parts[:-1]))


def markers(caps: dict, src, path: str) -> tuple[int, bool] | tuple[int, bool, dict]:
    """Test cases of a C or C++ file: framework macros, test functions by name, test programs (a main of a test
    folder that is not a runner), a project's own test-case macros (TEST_XML(...) { ... }); in a test-named source
    file of a test folder (cwalk's test/absolute_test.c) also its exported functions without parameters named after
    the file (absolute_simple), which a test main elsewhere calls (CMake's create_test list), and, when it defines no
    function at all, the file itself: a compile-only check of the headers it includes (pugixml's
    tests/test_header_guard.cpp), marked compile_only."""
    if _is_framework(path):  # a copy of the test framework itself
        return 0, False
    # a macro named in a #define defines the framework (pugixml's tests/test.hpp: #define TEST(name) ...): no test case
    count = sum(1 for n in caps.get("macro", ()) if not _in_macro_definition(n))
    if _checks_nothing(path, count):  # a benchmark, fuzz harness, demo or build check: no case of its own
        return 0, False
    header = path.endswith(HEADERS)
    test_source = not header and in_test_dir(path)
    registered = 0
    for n in caps.get("case", ()):  # TEST_XML(name, "<node/>") { ... } inside #if: a call, then its block
        statement = n.parent.parent if n.parent is not None else None
        after = statement.next_named_sibling if statement is not None else None
        if after is not None and after.type == "compound_statement":
            count += 1
        elif test_source and _registers_suite(n.parent):
            # a suite registered by name (Boost.JSON's test/kind.cpp: TEST_SUITE(kind_test, "boost.json.kind");
            # after a class whose run() holds the checks): the program built from the test folder runs it
            registered += 1
    functions = caps.get("function", ())
    stem = subject_stem(os.path.basename(path)) if in_test_dir(path) else None
    name_says_test = stem is not None and not header  # a header of a test folder declares, it runs nothing
    case_prefix = (stem or "").lower() + "_"
    exported, runner = 0, False
    named = []
    for n in functions:
        d = n.child_by_field_name("declarator")
        while d is not None and d.type in ("function_declarator", "pointer_declarator", "parenthesized_declarator"):
            d = d.child_by_field_name("declarator")
        if d is not None and d.type == "field_identifier":
            # a test class's own cases (Boost.JSON's test/array.cpp: class array_test { void testCtors() ... },
            # one program built from every test/*.cpp by a CMake glob, no framework macro per case)
            if test_source and _TEST_FUNCTION.match(src.node_text(d)) and _without_parameters(n, src):
                count += 1
            continue
        name = src.node_text(d) if d is not None and d.type == "identifier" else ""
        if not name and _MAIN.search(src.node_text(n).split("{", 1)[0]):
            name = "main"  # int CJSON_CDECL main(void): a calling-convention macro confuses the grammar
        named.append((n, name))
    defined = {name for _, name in named if name}
    runs_others = "main" in defined and _runs_cases_of_other_files(
        caps, src, defined, {name for n, name in named if name and _without_parameters(n, src)}
    )
    for n, name in named:
        hands_over = name == "main" and (runs_others or bool(_RUNNER_CALL.search(src.node_text(n))))
        runner = runner or hands_over
        if (
            (
                _TEST_FUNCTION.match(name)
                and not (header and not _without_parameters(n, src))
                and not _takes_function_pointer(n, src)
                # a runner's helpers (cargs' call_test(struct cag_test *test)) take the case they run
                and not (runs_others and not _without_parameters(n, src))
            )
            or _TEST_MACRO_CASE.match(name)
            or (_is_test_program(name, path) and not hands_over)
        ):
            # (a header's test_x(const T& obj) is a check that the tests including it call, not a test case)
            count += 1
        elif name_says_test and name.lower().startswith(case_prefix) and _exported_without_parameters(n, src):
            exported += 1
    # a case opened by its title and closed by a call (OpenSSH's regress/unittests: TEST_START("sshbuf_from"); ...
    # TEST_DONE();) in a source of a test folder; a runner calling other files' suites opens none (sshbuf/tests.c),
    # and a timer taking no title is no case (libyang's tests/perf/perf.c: TEST_START(ts_start))
    if test_source:
        count += len(caps.get("opens", ()))
    # a case registered by a call naming a test, case or suite and passing a function this file defines
    # (aws-c-sdkutils' tests/resource_name_tests.c: AWS_TEST_CASE(parse_resource_name_test, s_test_parse_resource_name);
    # json-glib's tests/path.c: g_test_add_data_func (path, data, path_match) in a main that then runs g_test_run)
    if test_source:
        count += _registered_here(caps.get("registers", ()), src, defined)
    # RUN_TEST(f) runs f: a test case where f is defined in this file (cJSON's tests/parse_hex4.c), a runner's call
    # where it is not (Unity's generated *_Runner.c)
    count += sum(1 for a in caps.get("run_arg", ()) if src.node_text(a) in defined)
    # the same cases read from the text, where the grammar lost them: cglm's test/src/test_vec3.h writes
    # TEST_IMPL(GLM_PREFIX, vec3_add) { ... ASSERT(x) ... } with no semicolons after its checks, and error recovery
    # swallows every case after the first
    count = max(count, len(_CASE_LINE.findall(src.text)))
    if count:
        return count, False
    if registered:  # a registered suite whose cases are no testX() methods (kind_test's run() alone)
        return registered, False
    if exported and not runner:  # a runner's helpers (Unity's generated resetTest) are no test cases
        return exported, False
    if name_says_test and not functions and _LOCAL_INCLUDE.search(src.text) and not _MAIN_MACRO.search(src.text):
        return 1, False, {"compile_only": True}
    return count, False


def resolve(ix, f, e) -> None:
    d = parent_dir(f.path)
    for r in f.imports:
        spec = r["target"]
        hit, s = None, 1.0
        if r["kind"] == "include":
            hit = ix.exact(norm(posixpath.join(d, spec)))
            if not hit:
                hit, s = ix.by_suffix(f.path, spec, 1)
        elif r["kind"] == "include_system":  # <proj/x.h>: only a whole-path match is ours
            hit, s = ix.by_suffix(f.path, spec, None)
        e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, s))


SAMPLE = Sample(
    files={
        "src/ring.h": (
            "#ifndef RING_H\n#define RING_H\n#include <stddef.h>\n\ntypedef struct { int *buf; size_t cap, head, len; } ring_t;\n\n"
            "int ring_push(ring_t *r, int v);\n\n#endif\n"
        ),
        "src/ring.c": (
            '#include "ring.h"\n\nint ring_push(ring_t *r, int v) {\n    if (r->len == r->cap) return -1;\n'
            "    r->buf[(r->head + r->len++) % r->cap] = v;\n    return 0;\n}\n"
        ),
        "tests/test_ring.c": (
            '#include <assert.h>\n#include "../src/ring.h"\n\nstatic void test_push_until_full(void) {\n'
            "    int buf[2];\n    ring_t r = {buf, 2, 0, 0};\n    assert(ring_push(&r, 1) == 0);\n"
            "    assert(ring_push(&r, 2) == 0);\n    assert(ring_push(&r, 3) == -1);\n}\n\n"
            "int main(void) {\n    test_push_until_full();\n    return 0;\n}\n"
        ),
    },
    imports={
        "src/ring.h": ("stddef.h",),
        "src/ring.c": ("ring.h",),
        "tests/test_ring.c": ("assert.h", "../src/ring.h"),
    },
    edges={"src/ring.c": ("src/ring.h",), "tests/test_ring.c": ("src/ring.h",)},
    pairs={"tests/test_ring.c": "src/ring.c"},
)

LANGUAGES = (
    Language(
        name="c",
        family="c",
        grammar=("tree_sitter_c", "language"),
        extensions=(".c", ".h"),
        import_query=IMPORTS,
        imports=c_imports("c"),
        test_extensions=("c", "h", "m", "mm"),
        marker_query=MARKERS,
        markers=markers,
        resolve=resolve,
        definers={"function_definition": defined_function_name},
        sample=SAMPLE,
        tests_call_subjects=True,
        test_headers_declare_tests=True,
        implementation_headers=IMPLEMENTATION_HEADERS,
        implementation_header_folders=IMPLEMENTATION_HEADER_FOLDERS,
        bare_test_tails=BARE_TEST_TAILS,
        program_entries=PROGRAM_ENTRIES,
        pairing_rules=("include",),
        tests_named_in_part=True,
        macro_names=macro_names,
        role_test_names=ROLE_TEST_NAMES,
        exports_c=exports_c,
    ),
)
