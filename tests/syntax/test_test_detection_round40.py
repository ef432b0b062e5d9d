"""Test detection, fortieth round. Another project's tests copied into a repository's test folder are that project's,
not this one's: a released copy named for its version (yaml-cpp's test/googletest-1.16.0/, c-blosc's
internal-complibs/zlib-1.3.1/) and a test framework's sources kept below the tests (cJSON's tests/unity/, git's
t/unit-tests/clar/). The same files at a framework's own paths, and folders that only look versioned, stay tests.
A main that calls a run-all-tests function (sentencepiece's RunAllTests(), Boost.JSON's test_suite::run, valkey's
runTestSuite) runs other files' suites: a runner, no test of its own."""

from __future__ import annotations

import pytest

from repoloom.syntax.folders import in_release_copy
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.tests import in_framework_copy


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


# googletest's googletest/samples/sample1_unittest.cc (shipped inside yaml-cpp's test/googletest-1.16.0/)
GTEST_SAMPLE = (
    '#include "sample1.h"\n\n#include <limits.h>\n\n#include "gtest/gtest.h"\nnamespace {\n\n'
    "// Tests factorial of negative numbers.\nTEST(FactorialTest, Negative) {\n"
    "  EXPECT_EQ(1, Factorial(-5));\n  EXPECT_EQ(1, Factorial(-1));\n  EXPECT_GT(Factorial(-10), 0);\n}\n\n"
    "// Tests factorial of 0.\nTEST(FactorialTest, Zero) { EXPECT_EQ(1, Factorial(0)); }\n\n"
    "TEST(IsPrimeTest, Negative) {\n  EXPECT_FALSE(IsPrime(-1));\n  EXPECT_FALSE(IsPrime(INT_MIN));\n}\n"
    "}  // namespace\n"
)
# Unity's test/tests/testparameterized.c (cJSON keeps Unity whole in tests/unity/)
UNITY_SELF_TEST = (
    '#include <setjmp.h>\n#include <stdio.h>\n#include "unity.h"\n\n'
    "void putcharSpy(int c) { (void)putchar(c);} // include passthrough for linking tests\n\n"
    "#define TEST_CASE(...)\n\nint SetToOneToFailInTearDown;\nint SetToOneMeanWeAlreadyCheckedThisGuy;\n"
    "static unsigned NextExpectedStringIndex;\nstatic unsigned NextExpectedCharIndex;\n\n"
    "void setUp(void)\n{\n  SetToOneToFailInTearDown = 0;\n  SetToOneMeanWeAlreadyCheckedThisGuy = 0;\n}\n\n"
    "TEST_CASE(0)\nTEST_CASE(44)\nTEST_CASE((90)+9)\nvoid test_TheseShouldAllPass(int Num)\n{\n"
    "    TEST_ASSERT_TRUE(Num < 100);\n}\n\n"
    "void test_NormalFailsStillWork(void)\n{\n    EXPECT_ABORT_BEGIN\n    TEST_ASSERT_TRUE(0);\n"
    "    VERIFY_FAILS_END\n}\n"
)
# zlib's test/example.c (c-blosc's internal-complibs/zlib-1.3.1/test/): a main that checks zlib
ZLIB_EXAMPLE = (
    '#include "zlib.h"\n#include <stdio.h>\n\n#define CHECK_ERR(err, msg) { \\\n    if (err != Z_OK) { \\\n'
    '        fprintf(stderr, "%s error: %d\\n", msg, err); \\\n        exit(1); \\\n    } \\\n}\n\n'
    "static void test_compress(Byte *compr, uLong comprLen, Byte *uncompr, uLong uncomprLen) {\n"
    "    int err;\n    uLong len = (uLong)strlen(hello)+1;\n\n"
    '    err = compress(compr, &comprLen, (const Bytef*)hello, len);\n    CHECK_ERR(err, "compress");\n}\n\n'
    "int main(int argc, char *argv[]) {\n    Byte *compr, *uncompr;\n    uLong comprLen = 10000*sizeof(int);\n"
    "    test_compress(compr, comprLen, uncompr, comprLen);\n    return 0;\n}\n"
)

COPIES = [
    ("test/googletest-1.16.0/googletest/samples/sample1_unittest.cc", GTEST_SAMPLE),
    ("test/googletest-1.16.0/googletest/test/gtest_unittest.cc", GTEST_SAMPLE),
    ("internal-complibs/zlib-1.3.1/test/example.c", ZLIB_EXAMPLE),
    ("tests/unity/test/tests/testparameterized.c", UNITY_SELF_TEST),
    ("t/unit-tests/clar/test/suites/pointer.c", UNITY_SELF_TEST),
]


def test_copies_of_other_projects_tests_are_support():
    for path, text in COPIES:
        s = signals(path, text)
        assert s["markers"] > 0, path  # their cases are seen ...
        assert s["kind"] == "support", path  # ... and belong to the copied project
        assert s.get("vendored") is True, path


def test_the_same_files_at_their_own_projects_paths_stay_tests():
    # the framework's own repository (Unity's test/tests/, googletest's googletest/samples/), zlib's own test/
    assert signals("test/tests/testparameterized.c", UNITY_SELF_TEST)["kind"] == "test"
    assert signals("googletest/samples/sample1_unittest.cc", GTEST_SAMPLE)["kind"] == "test"
    assert signals("test/example.c", ZLIB_EXAMPLE)["kind"] == "test"
    # a project's own tests of its Unity integration, named for the framework but not below a test folder
    assert signals("unity/test_runner.c", UNITY_SELF_TEST)["kind"] == "test"


@pytest.mark.parametrize(
    ("path", "copy"),
    [
        ("test/googletest-1.16.0/googletest/test/a.cc", True),
        ("3rd-party/eigen-3.3.7/test/main.cpp", True),
        ("deps/lz4-1.9.4rc1/tests/fuzzer.c", True),
        ("tests/python-3.8/test_compat.py", False),  # two numbers: this project's tests for one interpreter
        ("tests/v1.2.3/test_api.py", False),  # a bare version: no project named
        ("test/zlib-1.3.1.c", False),  # the file name is no folder
        ("src/lib-common/x.c", False),
    ],
)
def test_release_copies(path, copy):
    assert in_release_copy(path) is copy


@pytest.mark.parametrize(
    ("path", "copy"),
    [
        ("tests/unity/extras/fixture/test/unity_fixture_Test.c", True),
        ("t/unit-tests/clar/test/selftest.c", True),
        ("test/vendor-free/googletest/googlemock/test/gmock_test.cc", True),
        ("unity/test/tests/testunity.c", False),  # the framework folder is not below a test folder
        ("test/tests/testunity.c", False),
        ("tests/unity.c", False),  # a file, not a folder
        ("tests/check_money.c", False),
    ],
)
def test_framework_copies(path, copy):
    assert in_framework_copy(path) is copy


# Round 40's second rule: a main that calls a run-all-tests function runs the suites other files register.
# sentencepiece's src/test_main.cc
SENTENCEPIECE_MAIN = (
    '#include "init.h"\n#include "testharness.h"\n\n'
    'ABSL_FLAG(std::string, test_tmpdir, "test_tmp", "Temporary directory.");\n\n'
    "int main(int argc, char **argv) {\n  sentencepiece::ScopedResourceDestructor cleaner;\n"
    "  sentencepiece::ParseCommandLineFlags(argv[0], &argc, &argv, true);\n"
    "  sentencepiece::test::RunAllTests();\n  return 0;\n}\n"
)
# Boost.JSON's test/main.cpp
BOOST_JSON_MAIN = (
    '#include "test_suite.hpp"\n\n#include <iostream>\n\n'
    "// Simple main used to produce stand\n// alone executables that run unit tests.\n"
    "int main(int argc, char const* const* argv)\n{\n    ::test_suite::debug_stream log(std::cerr);\n"
    "    return ::test_suite::run(log, argc, argv);\n}\n"
)
# valkey's src/unit/test_main.c: a table of the suites test_files.h lists, each run by runTestSuite
VALKEY_MAIN = (
    '#include <strings.h>\n#include <stdio.h>\n#include "test_files.h"\n#include "test_help.h"\n\n'
    "int runTestSuite(struct unitTestSuite *test, int argc, char **argv, int flags) {\n"
    "    int failed_tests = 0;\n    for (int id = 0; test->tests[id].proc != NULL; id++) {\n"
    "        if (test->tests[id].proc(argc, argv, flags) != 0) failed_tests++;\n    }\n"
    "    return !failed_tests;\n}\n\n"
    "int main(int argc, char **argv) {\n    int numtests = sizeof(unitTestSuite) / sizeof(struct unitTestSuite);\n"
    "    int failed_num = 0;\n    for (int j = 0; j < numtests; j++) {\n"
    "        if (!runTestSuite(&unitTestSuite[j], argc, argv, 0)) failed_num++;\n    }\n"
    "    return failed_num == 0 ? 0 : 1;\n}\n"
)
# a test program whose main runs the cases it defines itself through its own run_test (real shape: a minunit user)
OWN_CASES_MAIN = (
    '#include <stdio.h>\n#include "../src/buffer.h"\n\n'
    "static int test_buffer_append(void) {\n    buffer_t *b = buffer_new();\n"
    '    buffer_append(b, "ab");\n    return buffer_length(b) == 2;\n}\n\n'
    "static int run_test(int (*fn)(void), const char *name) {\n"
    '    int ok = fn();\n    printf("%s %s\\n", ok ? "ok" : "FAIL", name);\n    return ok;\n}\n\n'
    'int main(void) {\n    return run_test(test_buffer_append, "buffer_append") ? 0 : 1;\n}\n'
)
# a test program that checks in its main and calls nothing named for running tests
PLAIN_MAIN = (
    '#include <assert.h>\n#include "../src/buffer.h"\n\n'
    'int main(void) {\n    buffer_t *b = buffer_new();\n    buffer_append(b, "ab");\n'
    "    assert(buffer_length(b) == 2);\n    return 0;\n}\n"
)


def test_mains_that_run_all_tests_are_runners():
    for path, text in [
        ("src/test_main.cc", SENTENCEPIECE_MAIN),
        ("test/main.cpp", BOOST_JSON_MAIN),
        ("src/unit/test_main.c", VALKEY_MAIN),
    ]:
        s = signals(path, text)
        assert s["markers"] == 0, path
        assert s["kind"] != "test", path


def test_mains_with_their_own_checks_stay_tests():
    s = signals("test/buffer_test.c", OWN_CASES_MAIN)
    assert s["kind"] == "test" and s["markers"] >= 1  # test_buffer_append is its own case
    s = signals("test/buffer_test.c", PLAIN_MAIN)
    assert s["kind"] == "test" and s["markers"] == 1
