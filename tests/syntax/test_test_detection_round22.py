"""Test detection, twenty-second round: a C++ test class's own cases. Boost.JSON builds one test program from every
test/*.cpp by a CMake glob; each file holds a class whose testX() methods are its cases, with no framework macro per
case. Such methods count in a source file of a test folder; a header there, a class of helpers and a file outside
any test folder stay what they were."""

from __future__ import annotations

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


# the shape of Boost.JSON's test/array.cpp (its TEST_SUITE macro registers the class with the project's runner)
TEST_CLASS = (
    '#include <boost/json/array.hpp>\n\n#include "test_suite.hpp"\n\nnamespace boost {\nnamespace json {\n\n'
    "class array_test\n{\npublic:\n    void\n    check(array const& a)\n    {\n        BOOST_TEST(a.size() == 3);\n"
    '    }\n\n    void\n    testCtors()\n    {\n        array a({1, true, "a"});\n        check(a);\n    }\n\n'
    "    void\n    testCapacity()\n    {\n        array a;\n        a.reserve(50);\n"
    "        BOOST_TEST(a.capacity() >= 50);\n    }\n\n    void\n    run()\n    {\n        testCtors();\n"
    '        testCapacity();\n    }\n};\n\nTEST_SUITE(array_test, "boost.json.array");\n\n}\n}\n'
)


def test_a_test_class_in_a_test_folder_is_a_test():
    s = signals("test/array.cpp", TEST_CLASS)
    assert s["kind"] == "test"
    assert s["markers"] == 2  # testCtors and testCapacity; check and run are not cases


def test_a_test_class_elsewhere_or_in_a_header_is_no_test():
    # must not fire: the same class in a header of the test folder (the runner's own test_suite.hpp declares
    # classes too), and in a library source, where no convention points at the file
    assert signals("test/array_checks.hpp", TEST_CLASS)["kind"] != "test"
    assert signals("src/array.cpp", TEST_CLASS)["kind"] != "test"


def test_a_helper_class_in_a_test_folder_stays_support():
    # must not fire: methods not named as cases (a checking allocator of test/checking_resource.hpp's kind, in a .cpp);
    # a helper registers no suite (since round 23 a TEST_SUITE registration alone makes a test)
    helper = TEST_CLASS.replace("testCtors", "makeArray").replace("testCapacity", "reserveSome")
    helper = helper.replace('TEST_SUITE(array_test, "boost.json.array");\n', "")
    assert signals("test/checking_resource.cpp", helper)["kind"] == "support"
