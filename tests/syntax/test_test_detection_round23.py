"""Test detection, twenty-third round: a suite registered by name. Boost.JSON builds one test program from every
test/*.cpp; a file whose class has no testX() methods (test/kind.cpp: run() alone) is still registered with the
project's runner by TEST_SUITE(kind_test, "boost.json.kind"). Such a registration counts in a source file of a test
folder when nothing else does; the header defining the macro, a library source and a call with other arguments stay
what they were."""

from __future__ import annotations

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


KIND_TEST = (
    '#include <boost/json/kind.hpp>\n\n#include "test_suite.hpp"\n\nnamespace boost {\nnamespace json {\n\n'
    "class kind_test\n{\npublic:\n    void\n    check(kind k, string_view s)\n    {\n"
    "        BOOST_TEST(to_string(k) == s);\n    }\n\n    void\n    run()\n    {\n"
    '        check(kind::array, "array");\n        check(kind::null, "null");\n    }\n};\n\n'
    'TEST_SUITE(kind_test, "boost.json.kind");\n\n}\n}\n'
)
# the runner's header defines the macro and registers nothing
SUITE_HEADER = (
    "#ifndef TEST_SUITE_HPP\n#define TEST_SUITE_HPP\n"
    "#define TEST_SUITE(type, name) static ::test_suite::detail::insert_suite<type> type##_(name)\n#endif\n"
)


def test_a_registered_suite_in_a_test_folder_is_a_test():
    s = signals("test/kind.cpp", KIND_TEST)
    assert s["kind"] == "test"
    assert s["markers"] == 1


def test_the_registration_adds_nothing_to_a_file_with_cases():
    # test/array.cpp's testX() methods are its cases (round 22); its TEST_SUITE line is no extra case
    with_cases = KIND_TEST.replace(
        "    void\n    run()", "    void\n    testNames()\n    {\n    }\n\n    void\n    run()"
    )
    assert signals("test/kind.cpp", with_cases)["markers"] == 1


def test_no_registration_outside_a_test_folders_sources():
    # must not fire: the same text in a library source, in a header of the test folder, and the header defining it
    assert signals("src/kind.cpp", KIND_TEST)["kind"] != "test"
    assert signals("test/kind_suite.hpp", KIND_TEST)["kind"] != "test"
    assert signals("test/test_suite.hpp", SUITE_HEADER)["kind"] != "test"


def test_a_call_without_a_suite_name_and_title_registers_nothing():
    # must not fire: TEST_LOG(kind_test) or TEST_SUITE(kind_test, 3) are not a suite's name and title
    other = KIND_TEST.replace('TEST_SUITE(kind_test, "boost.json.kind");', "TEST_SUITE(kind_test, 3);")
    assert signals("test/kind.cpp", other)["kind"] != "test"
    other = KIND_TEST.replace('TEST_SUITE(kind_test, "boost.json.kind");', "TEST_LOG(kind_test);")
    assert signals("test/kind.cpp", other)["kind"] != "test"
