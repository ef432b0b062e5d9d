"""Test detection, thirty-fourth round (C, C++). A test folder also holds programs that check nothing of their own:
benchmarks (rapidjson's test/perftest/, libevent's test/bench_cascade.c), fuzz harnesses (zlib-ng's test/fuzz/),
demos and tutorials (eventpp's tests/tutorial/, cpptrace's test/demo.cpp) and a build system's consumer checks (fmt's
test/find-package-test/main.cc). They are helpers of the test folder, not tests, even when they run their timings or
walkthroughs as framework cases; a file holding framework cases stays a test where only its name or a build folder
speaks against it (google/benchmark's test/perf_counters_gtest.cc, check's consumer project test)."""

from __future__ import annotations

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


# rapidjson's test/perftest/rapidjsontest.cpp: timings written as gtest cases
PERFTEST = (
    '#include "perftest.h"\n\n#if TEST_RAPIDJSON\n\n#include "rapidjson/document.h"\n\n'
    "using namespace rapidjson;\n\n"
    "TEST_F(RapidJson, ReaderParseInsitu_DummyHandler_SSE42) {\n"
    "    for (size_t i = 0; i < kTrialCount; i++) {\n"
    "        memcpy(temp_, json_, length_);\n        InsituStringStream s(temp_);\n"
    "        BaseReaderHandler<> h;\n        Reader reader;\n"
    "        EXPECT_TRUE(reader.Parse<kParseInsituFlag>(s, h));\n    }\n}\n\n#endif\n"
)
# libevent's test/bench_cascade.c: a timing program with its own main
BENCH_MAIN = (
    '#include "event2/event-config.h"\n#include <sys/types.h>\n#include <event.h>\n\n'
    "static int ncalls = 0;\n\nstatic void\nread_cb(evutil_socket_t fd, short which, void *arg)\n{\n"
    "    char ch;\n    evutil_socket_t sock = (evutil_socket_t)(ev_intptr_t)arg;\n"
    "    (void) recv(fd, &ch, sizeof(ch), 0);\n    if (sock >= 0) {\n"
    '        if (send(sock, "e", 1, 0) < 0)\n            perror("send");\n    }\n    ncalls++;\n}\n\n'
    "int\nmain(int argc, char **argv)\n{\n    struct timeval *tv;\n    int num_pipes = 100;\n"
    "    event_init();\n    for (int i = 0; i < 25; i++) {\n        tv = run_once(num_pipes);\n"
    "        if (tv == NULL)\n            exit(1);\n"
    '        fprintf(stdout, "%ld\\n", tv->tv_sec * 1000000L + tv->tv_usec);\n    }\n    exit(0);\n}\n'
)
# zlib-ng's test/fuzz/fuzzer_example_small.c: a libFuzzer target with test_-named steps
FUZZER = (
    '#include <stdio.h>\n#include <assert.h>\n#include "zbuild.h"\n#include "zlib-ng.h"\n\n'
    "static const uint8_t *data;\nstatic size_t dataLen;\n\n"
    "void test_deflate(unsigned char *compr, size_t comprLen) {\n    PREFIX3(stream) c_stream;\n"
    "    int err = PREFIX(deflateInit)(&c_stream, Z_DEFAULT_COMPRESSION);\n"
    '    CHECK_ERR(err, "deflateInit");\n}\n\n'
    "int LLVMFuzzerTestOneInput(const uint8_t *d, size_t size) {\n    data = d;\n    dataLen = size;\n"
    "    test_deflate(compr, comprLen);\n    return 0;\n}\n"
)
# eventpp's tests/tutorial/tutorial_callbacklist.cpp: the manual's walkthrough, run as Catch cases
TUTORIAL = (
    '#include "eventpp/callbacklist.h"\n#include "tutorial.h"\n#include <iostream>\n\n'
    'TEST_CASE("CallbackList tutorial 1, basic")\n{\n'
    '    std::cout << std::endl << "CallbackList tutorial 1, basic" << std::endl;\n'
    "    eventpp::CallbackList<void ()> callbackList;\n"
    '    callbackList.append([]() {\n        std::cout << "Got callback 1." << std::endl;\n    });\n'
    "    callbackList();\n}\n"
)
# fmt's test/find-package-test/main.cc: builds against the installed package, checks nothing
CONSUMER = (
    '#include "fmt/format.h"\n\nint main(int argc, char** argv) {\n'
    '  for (int i = 0; i < argc; ++i) fmt::print("{}: {}\\n", i, argv[i]);\n}\n'
)
# check's tests/cmake_project_usage_test/src/tests.c: a consumer project's real Check case
CONSUMER_TEST = (
    "#include <stdlib.h>\n#include <assert.h>\n#include <check.h>\n"
    '#include "test_suite.h"\n\nSTART_TEST (testSimple) {\n    ck_assert(1 == 1);\n'
    '    ck_assert(strlen("Test") == 4);\n}\nEND_TEST\n'
)
# google/benchmark's test/perf_counters_gtest.cc: tests the perf counters (perf names its subject here)
PERF_COUNTERS = (
    '#include "../src/perf_counters.h"\n#include "gtest/gtest.h"\n\n'
    "using benchmark::internal::PerfCounters;\n\nnamespace {\n"
    "TEST(PerfCountersTest, Init) {\n  EXPECT_EQ(PerfCounters::Initialize(), PerfCounters::kSupported);\n}\n"
    "}  // namespace\n"
)


def test_timings_in_a_benchmark_folder_are_no_test():
    # before: 1 case per TEST_F, a test (rapidjson's four perftest files, unordered_dense's test/bench/)
    s = signals("test/perftest/rapidjsontest.cpp", PERFTEST)
    assert s["markers"] == 0
    assert s["kind"] == "support"
    assert signals("tests/benchmark/b3_b5_eventqueue.cpp", TUTORIAL)["kind"] == "support"


def test_the_same_cases_elsewhere_in_the_test_folder_stay_a_test():
    # must not fire: the folder's name, not the cases, made the difference
    assert signals("test/unittest/readertest.cpp", PERFTEST)["kind"] == "test"


def test_a_program_named_for_timing_is_no_test():
    assert signals("test/bench_cascade.c", BENCH_MAIN)["kind"] == "support"
    assert signals("test/kseq_bench.c", BENCH_MAIN)["kind"] == "support"
    # must not fire: the same program named otherwise is a test program of the folder
    assert signals("test/cascade.c", BENCH_MAIN)["kind"] == "test"


def test_a_perf_named_file_with_framework_cases_stays_a_test():
    # must not fire: google/benchmark's perf_counters_gtest.cc tests perf counters
    assert signals("test/perf_counters_gtest.cc", PERF_COUNTERS)["kind"] == "test"


def test_a_fuzz_harness_folder_holds_no_test():
    assert signals("test/fuzz/fuzzer_example_small.c", FUZZER)["kind"] == "support"
    assert signals("regress/misc/fuzz-harness/kex_fuzz.cc", FUZZER)["kind"] == "support"
    # must not fire: the same file beside the tests is taken by its test_-named function, as before
    assert signals("test/example_small.c", FUZZER)["kind"] == "test"


def test_tutorials_and_demos_are_no_test():
    assert signals("tests/tutorial/tutorial_callbacklist.cpp", TUTORIAL)["kind"] == "support"
    assert signals("test/tinytest_demo.c", BENCH_MAIN)["kind"] == "support"
    assert signals("tests/callbacklist_test.cpp", TUTORIAL)["kind"] == "test"


def test_a_build_systems_consumer_check_is_no_test():
    assert signals("test/find-package-test/main.cc", CONSUMER)["kind"] == "support"
    assert signals("test/cmake_consumer/main.cpp", CONSUMER)["kind"] == "support"
    assert signals("test/dist-package/main.cpp", CONSUMER)["kind"] == "support"
    # must not fire: a main in a plain test folder is a test program
    assert signals("test/format.cc", CONSUMER)["kind"] == "test"


def test_a_consumer_projects_framework_case_stays_a_test():
    assert signals("tests/cmake_project_usage_test/src/tests.c", CONSUMER_TEST)["kind"] == "test"
