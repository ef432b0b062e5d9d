"""Test detection, sixteenth round: C runner mains are not tests. A main that only runs the cases other files
define (it declares their suites, keeps a table of function pointers filled from a list elsewhere, or is a
framework's generated main), and a framework's own registration functions, hold no test case; each shape has
files that must stay tests."""

from __future__ import annotations

import pytest

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


# mpc's tests/test.c: the suites are defined in tests/core.c, tests/regex.c, ...; main only registers them
SUITE_RUNNER = (
    '#include "ptest.h"\n\nvoid suite_core(void);\nvoid suite_regex(void);\n\n'
    "int main(int argc, char** argv) {\n  (void) argc; (void) argv;\n  pt_add_suite(suite_core);\n"
    "  pt_add_suite(suite_regex);\n  return pt_run();\n}\n"
)
# argtable3's tests/testall.c: CuTest suites built by functions of other files, called from a helper of main
CUTEST_RUNNER = (
    '#include <stdio.h>\n#include "CuTest.h"\n\nCuSuite* get_arglit_testsuite();\nCuSuite* get_argstr_testsuite();\n\n'
    "int RunAllTests(void) {\n    CuString* output = CuStringNew();\n    CuSuite* suite = CuSuiteNew();\n"
    "    CuSuiteAddSuite(suite, get_arglit_testsuite());\n    CuSuiteAddSuite(suite, get_argstr_testsuite());\n"
    "    CuSuiteRun(suite);\n    return suite->failCount;\n}\n\nint main(void) { return RunAllTests(); }\n"
)
# cwalk's and cargs' test/main.c: a table of int (*fn)(void) filled from the X-macro list in tests.h
TABLE_RUNNER = (
    '#include "tests.h"\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n'
    "struct cwk_test {\n  const char *unit_name;\n  const char *test_name;\n  int (*fn)(void);\n};\n\n"
    "#define XX(u, t) extern int u##_##t(void);\nUNIT_TESTS(XX)\n#undef XX\n\n"
    "static struct cwk_test tests[] = {\n#define XX(u, t) {.unit_name = #u, .test_name = #t, .fn = u##_##t},\n"
    "  UNIT_TESTS(XX)\n#undef XX\n};\n\n"
    "static int call_test(struct cwk_test *test) {\n  printf(\" Running '%s'\\n\", test->test_name);\n"
    "  return test->fn();\n}\n\n"
    "int main(int argc, char *argv[]) {\n  size_t i;\n  int failed = 0;\n"
    "  for (i = 0; i < sizeof(tests) / sizeof(tests[0]); ++i) {\n    failed += call_test(&tests[i]) != EXIT_SUCCESS;\n"
    "  }\n  return failed;\n}\n"
)
# cwalk's test/absolute_test.c: the cases the table runs (exported, parameterless, named after the file)
TABLE_CASES = (
    "#include <cwalk.h>\n#include <stdlib.h>\n#include <string.h>\n\nint absolute_simple(void) {\n  char buffer[FILENAME_MAX];\n"
    '  cwk_path_get_absolute("/hello/there", "world", buffer, sizeof(buffer));\n'
    '  return strcmp(buffer, "/hello/there/world") == 0 ? EXIT_SUCCESS : EXIT_FAILURE;\n}\n'
)
# sokol's tests/functional/sokol_test.c: utest's generated main, the suites are in the other *_test.c files
UTEST_RUNNER = '//  Sokol headers main test source.\n#include "utest.h"\nUTEST_MAIN()\n'
# mpc's tests/ptest.c: the project's own test framework; pt_add_test registers a case, it is none
FRAMEWORK = (
    '#include "ptest.h"\n#include <stdio.h>\n\ntypedef struct { char name[512]; void (*func)(void); } test_t;\n'
    "static test_t tests[2048];\nstatic int num_tests = 0;\n\n"
    "void pt_add_test(void (*func)(void), const char* name, const char* suite) {\n"
    "  tests[num_tests].func = func;\n  num_tests++;\n}\n\n"
    "int pt_run(void) {\n  int i;\n  for (i = 0; i < num_tests; i++) { tests[i].func(); }\n  return 0;\n}\n"
)

CASES = [
    ("tests/test.c", SUITE_RUNNER, "support"),
    ("tests/testall.c", CUTEST_RUNNER, "support"),
    ("test/main.c", TABLE_RUNNER, "support"),
    ("tests/functional/sokol_test.c", UTEST_RUNNER, "support"),
    ("tests/ptest.c", FRAMEWORK, "support"),
    # must not: the cases the table runs stay tests
    ("test/absolute_test.c", TABLE_CASES, "test"),
    # must not: a test program calling the library it includes (libdill's tests/chan.c)
    (
        "tests/chan.c",
        '#include "../libdill.h"\n#include "assert.h"\n\nint main(void) {\n    int ch[2];\n'
        "    int rc = chmake(ch);\n    errno_assert(rc == 0);\n    rc = hclose(ch[0]);\n    return 0;\n}\n",
        "test",
    ),
    # must not: a test program declaring a library function without parameters that is no suite of other files
    (
        "tests/init.c",
        "#include <assert.h>\n\nint lib_init(void);\nint lib_ready(void);\n\n"
        "int main(void) {\n    assert(lib_init() == 0);\n    assert(lib_ready());\n    return 0;\n}\n",
        "test",
    ),
    # must not: a table of parameterless cases the file defines itself, run by its main
    (
        "tests/cases.c",
        '#include "../ring.h"\n\nstruct entry { const char *name; int (*fn)(void); };\n\n'
        "static int push_one(void) { return ring_push(0, 1) == -1; }\n"
        "static int push_two(void) { return ring_push(0, 2) == -1; }\n\n"
        'static struct entry all[] = {{"one", push_one}, {"two", push_two}};\n\n'
        "int main(void) {\n  int i, bad = 0;\n  for (i = 0; i < 2; i++) bad += !all[i].fn();\n  return bad;\n}\n",
        "test",
    ),
    # must not: a test function that takes the state of its framework (cmocka's void **state) is still a case
    (
        "tests/test_ring.c",
        "#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <cmocka.h>\n"
        '#include "../ring.h"\n\nstatic void test_push(void **state) {\n    (void) state;\n'
        "    assert_int_equal(ring_push(0, 1), -1);\n}\n\nint main(void) {\n"
        "    const struct CMUnitTest tests[] = { cmocka_unit_test(test_push) };\n"
        "    return cmocka_run_group_tests(tests, NULL, NULL);\n}\n",
        "test",
    ),
]


@pytest.mark.parametrize("path,text,kind", CASES)
def test_runner_mains_and_frameworks_are_no_tests(path, text, kind):
    assert signals(path, text)["kind"] == kind


def test_a_compile_only_check_stays_one_without_a_generated_main():
    """A test-named file defining no function that includes a local header is a compile-only check (pugixml's
    tests/test_header_guard.cpp); with a framework's X_MAIN() line it is that framework's runner instead."""
    check = '#include "../src/pugixml.hpp"\n#include "../src/pugixml.hpp" // the guard must hold\n'
    assert signals("tests/test_header_guard.cpp", check).get("compile_only") is True
    runner = signals("tests/functional/sokol_test.c", UTEST_RUNNER)
    assert not runner.get("compile_only") and runner["markers"] == 0


def test_a_runner_that_also_defines_its_own_cases_stays_a_test():
    """The runner's main is no case, but cases the file defines still are (a suite file with its own main)."""
    text = SUITE_RUNNER.replace("int main(", "void test_local(void) { }\n\nint main(")
    s = signals("tests/test.c", text)
    assert s["kind"] == "test" and s["markers"] == 1
