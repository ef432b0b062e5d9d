"""Test pairing, twenty-eighth round (classes read on blind26, then dev; C, C++ and Rust first).

- A header of test cases without main (mapbox-variant's test/t/binary_visitor_impl.hpp: TEST_CASEs, the runner's main
  elsewhere) that several caseless files of its folder include (binary_visitor_1.cpp .. _6.cpp, each defining the
  variant type it instantiates the cases for) is their shared body: the includers are the tests, the header support.
  A header named as a test (utfcpp's tests/test_unchecked_api.h) stays a test of its own.
"""

from __future__ import annotations

from repoloom.packing.pairing.conventions import _kind, _test_targets
from tests.packing.pairing_helpers import facts_of, graph_pairs

_VARIANT_HPP = (
    "#ifndef MAPBOX_UTIL_VARIANT_HPP\n#define MAPBOX_UTIL_VARIANT_HPP\n\nnamespace mapbox {\nnamespace util {\n\n"
    "template <typename... Types>\nclass variant\n{\n  public:\n    variant() {}\n    int which() const { return 0; }\n};\n\n"
    "template <typename F, typename V>\nauto apply_visitor(F const& f, V const& v0, V const& v1) -> decltype(f(0, 0))\n"
    "{\n    return f(v0.which(), v1.which());\n}\n\n} // namespace util\n} // namespace mapbox\n\n#endif\n"
)

_IMPL_HPP = (
    '\n#include <type_traits>\n\n#include "catch.hpp"\n\n#include <mapbox/variant.hpp>\n\n'
    "struct add_visitor\n{\n    add_visitor() {}\n\n    template <typename A, typename B>\n"
    "    double operator()(A a, B b) const\n    {\n        return a + b;\n    }\n};\n\n"
    'TEST_CASE("const binary visitor works on const variants" NAME_EXT, "[visitor][binary visitor]")\n{\n'
    "    const variant_type a{7};\n    const variant_type b = 3;\n    const add_visitor v;\n\n"
    "    REQUIRE(mapbox::util::apply_visitor(v, a, b) == Approx(10));\n}\n\n"
    'TEST_CASE("non-const binary visitor works on const variants" NAME_EXT, "[visitor][binary visitor]")\n{\n'
    "    const variant_type a = 7;\n    const variant_type b = 3;\n    add_visitor v;\n\n"
    "    REQUIRE(mapbox::util::apply_visitor(v, a, b) == Approx(10));\n}\n"
)


def _instance(name_ext: str, types: str) -> str:
    return (
        f'\n#include <mapbox/variant.hpp>\n\n#define NAME_EXT " {name_ext}"\n'
        f'using variant_type = mapbox::util::variant<{types}>;\n\n#include "binary_visitor_impl.hpp"\n'
    )


def mapbox_files() -> dict[str, str]:
    return {
        "include/mapbox/variant.hpp": _VARIANT_HPP,
        "test/t/binary_visitor_impl.hpp": _IMPL_HPP,
        "test/t/binary_visitor_1.cpp": _instance("i-d", "int, double"),
        "test/t/binary_visitor_2.cpp": _instance("b-i-d", "bool, int, double"),
        "test/unit.cpp": '#define CATCH_CONFIG_MAIN\n#include "catch.hpp"\n',
    }


def test_caseless_includers_of_a_header_of_cases_are_the_tests():
    facts = facts_of(mapbox_files())
    kinds = {f.path: _kind(f) for f in facts}
    # alone, each file says the opposite: the header has the cases, the instances none
    assert kinds["test/t/binary_visitor_impl.hpp"] == "test"
    assert kinds["test/t/binary_visitor_1.cpp"] == "support"
    kinds.update(_test_targets(facts, kinds))
    assert kinds["test/t/binary_visitor_1.cpp"] == "test"
    assert kinds["test/t/binary_visitor_2.cpp"] == "test"
    assert kinds["test/t/binary_visitor_impl.hpp"] == "support"


def test_the_instances_pair_with_the_library_header():
    pairs = graph_pairs(mapbox_files())
    assert pairs["test/t/binary_visitor_1.cpp"][0] == "include/mapbox/variant.hpp"
    assert pairs["test/t/binary_visitor_2.cpp"][0] == "include/mapbox/variant.hpp"
    assert "test/t/binary_visitor_impl.hpp" not in pairs


def test_must_not_fire_for_one_includer():
    files = mapbox_files()
    del files["test/t/binary_visitor_2.cpp"]
    kinds = {f.path: _kind(f) for f in facts_of(files)}
    kinds.update(_test_targets(facts_of(files), kinds))
    assert kinds["test/t/binary_visitor_impl.hpp"] == "test"
    assert kinds["test/t/binary_visitor_1.cpp"] == "support"


def test_must_not_fire_for_a_test_named_header():
    # utfcpp: tests/test_unchecked_api.h is a test itself, included by two caseless runners
    files = {
        "source/utf8/unchecked.h": "namespace utf8 { namespace unchecked {\n"
        "inline int next(const char*& it) { return *it++; }\n} }\n",
        "tests/test_unchecked_api.h": '#include "gtest/gtest.h"\n#include "../source/utf8/unchecked.h"\n\n'
        'TEST(UnCheckedAPITests, test_next)\n{\n    const char* w = "a";\n    EXPECT_EQ(utf8::unchecked::next(w), 97);\n}\n',
        "tests/apitests.cpp": '#include "test_unchecked_api.h"\n',
        "tests/noexceptionstests.cpp": '#define UTF_CPP_NO_EXCEPTIONS\n#include "test_unchecked_api.h"\n',
    }
    facts = facts_of(files)
    kinds = {f.path: _kind(f) for f in facts}
    kinds.update(_test_targets(facts, kinds))
    assert kinds["tests/test_unchecked_api.h"] == "test"
    assert kinds["tests/apitests.cpp"] == "support"
