"""Test pairing, twenty-eighth round (classes read on blind26, then dev; C, C++ and Rust first).

- A header of test cases without main (mapbox-variant's test/t/binary_visitor_impl.hpp: TEST_CASEs, the runner's main
  elsewhere) that several caseless files of its folder include (binary_visitor_1.cpp .. _6.cpp, each defining the
  variant type it instantiates the cases for) is their shared body: the includers are the tests, the header support.
  A header named as a test (utfcpp's tests/test_unchecked_api.h) stays a test of its own.
- (C, C++) A test named for a function the library defines under its one-word prefix, and that it calls, tests the
  one unit defining it (libcbor's test/copy_test.c: cbor_copy of src/cbor.c; map_get_test.c: cbor_map_get of
  src/cbor/maps.c); not a name after a verb (uint_test.c and cbor_isa_uint), nor one of several such names
  (Boost.JSON's test/double.cpp: as_double, get_double, is_double).
- (C++) A C++20 module unit that only exports a header's names (unordered_dense's src/ankerl.unordered_dense.cpp:
  export module ankerl.unordered_dense; export namespace ankerl::unordered_dense { using ...; }) is a hollow unit,
  no implementation: the keyword the grammar takes for a name there ("namespace") is no definition of its own.
"""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.packing.pairing.by_include import _is_hollow_unit
from repoloom.packing.pairing.by_name import _by_prefixed_function
from repoloom.packing.pairing.conventions import _kind, _test_targets
from repoloom.syntax.resolving import GraphConfig
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


_CBOR_H = (
    "#ifndef LIBCBOR_H_\n#define LIBCBOR_H_\n\ntypedef struct cbor_item_t cbor_item_t;\n"
    "cbor_item_t* cbor_copy(cbor_item_t* item);\nvoid cbor_decref(cbor_item_t** item);\n"
    "cbor_item_t* cbor_build_uint8(unsigned char value);\nbool cbor_isa_uint(const cbor_item_t* item);\n"
    "bool cbor_structurally_equal(cbor_item_t* a, cbor_item_t* b);\n#endif\n"
)


def cbor_files() -> dict[str, str]:
    return {
        "src/cbor.h": _CBOR_H,
        "src/cbor.c": (
            '#include "cbor.h"\n\ncbor_item_t* cbor_copy(cbor_item_t* item) {\n  return item;\n}\n\n'
            'void cbor_describe(cbor_item_t* item, FILE* out) {\n  fprintf(out, "%p", (void*)item);\n}\n'
        ),
        "src/cbor/common.c": (
            '#include "cbor/common.h"\n\nbool cbor_isa_uint(const cbor_item_t* item) {\n  return item != 0;\n}\n\n'
            "bool cbor_structurally_equal(cbor_item_t* a, cbor_item_t* b) {\n  return a == b;\n}\n\n"
            "void cbor_decref(cbor_item_t** item) {\n  *item = 0;\n}\n"
        ),
        "src/cbor/ints.c": (
            '#include "cbor/ints.h"\n\ncbor_item_t* cbor_build_uint8(unsigned char value) {\n  return 0;\n}\n'
        ),
        "test/copy_test.c": (
            '#include "assertions.h"\n#include "cbor.h"\n\ncbor_item_t *item, *copy;\n\n'
            "static void test_uints(void** _state) {\n  item = cbor_build_uint8(10);\n"
            "  copy = cbor_copy(item);\n  cbor_decref(&item);\n  cbor_decref(&copy);\n}\n"
        ),
        "test/uint_test.c": (
            '#include "assertions.h"\n#include "cbor.h"\n\ncbor_item_t *number;\n\n'
            "static void test_very_short_int(void** _state) {\n  number = cbor_build_uint8(10);\n"
            "  assert_true(cbor_isa_uint(number));\n  cbor_decref(&number);\n}\n"
        ),
    }


def _prefixed(files: dict[str, str], test: str):
    facts = facts_of(files)
    kinds = {f.path: _kind(f) for f in facts}
    sources = [f for f in facts if kinds[f.path] == "" and f.path.endswith(".c")]
    declared = {f.path for f in facts if f.path.endswith(".h")}

    def units_named(name):
        return [f for f in sources if name in (f.test.get("defines") or ())]

    return _by_prefixed_function(next(f for f in facts if f.path == test), units_named, kinds, declared)


def test_a_test_named_for_a_prefixed_function_takes_its_unit():
    assert _prefixed(cbor_files(), "test/copy_test.c") == ("src/cbor.c", "name", 0.7)


def test_must_not_fire_for_a_name_after_a_verb():
    # cbor_isa_uint: "isa" before uint, not the library's prefix alone
    assert _prefixed(cbor_files(), "test/uint_test.c") is None


def test_must_not_fire_for_several_such_names():
    files = cbor_files()
    files["src/cbor/ints.c"] += "\nint json_copy(int x) {\n  return x;\n}\n"
    files["test/copy_test.c"] += "\nstatic void test_json(void** _state) {\n  json_copy(1);\n}\n"
    assert _prefixed(files, "test/copy_test.c") is None


def test_must_not_fire_for_a_declaration_only():
    files = cbor_files()
    del files["src/cbor.c"]
    assert _prefixed(files, "test/copy_test.c") is None


_DENSE_H = (
    "#ifndef ANKERL_UNORDERED_DENSE_H\n#define ANKERL_UNORDERED_DENSE_H\n\n#include <cstdint>\n\n"
    "template <typename T>\nstruct ankerl_hash {\n    uint64_t operator()(T const& obj) const {\n"
    "        return static_cast<uint64_t>(obj);\n    }\n};\n\n"
    "inline uint64_t ankerl_mix(uint64_t a, uint64_t b) {\n    return a * b;\n}\n\n"
    "inline uint64_t ankerl_wyhash(void const* data, size_t n) {\n    return n;\n}\n\n"
    "namespace ankerl::unordered_dense {\ninline namespace v4_4_0 {\n\n"
    "namespace detail {\n\n[[nodiscard]] inline auto mix(uint64_t a, uint64_t b) -> uint64_t {\n"
    "    return a * b;\n}\n\n} // namespace detail\n\n"
    "template <typename T>\nstruct hash {\n    auto operator()(T const& obj) const noexcept -> uint64_t {\n"
    "        return static_cast<uint64_t>(obj);\n    }\n};\n\n"
    "template <class Key, class T>\nclass table {\n  public:\n    auto count(Key const& key) const -> size_t {\n"
    "        return key == Key{} ? 0 : 1;\n    }\n};\n\n"
    "template <class Key, class T>\nusing map = table<Key, T>;\n\n} // namespace v4_4_0\n"
    "} // namespace ankerl::unordered_dense\n\n#endif\n"
)
_MODULE_UNIT = (
    "module;\n\n#if ANKERL_UNORDERED_DENSE_STD_MODULE\n#    include <cstdint> // for UINT64_C\nimport std;\n#endif\n\n"
    "#include <ankerl/unordered_dense.h>\n\nexport module ankerl.unordered_dense;\n\n"
    "export namespace ankerl::unordered_dense {\n    inline namespace ANKERL_UNORDERED_DENSE_NAMESPACE {\n"
    "      using ankerl::unordered_dense::hash;\n      using ankerl::unordered_dense::map;\n\n"
    "      namespace pmr {\n        using ankerl::unordered_dense::pmr::map;\n      }\n    }\n}\n\n"
    "export namespace std {\n  using ::std::erase_if;\n}\n"
)


def dense_files() -> dict[str, str]:
    return {
        "include/ankerl/unordered_dense.h": _DENSE_H,
        "src/ankerl.unordered_dense.cpp": _MODULE_UNIT,
        "test/unit/count.cpp": (
            "#include <ankerl/unordered_dense.h>\n\n#include <doctest.h>\n\n"
            'TEST_CASE("count") {\n    auto map = ankerl::unordered_dense::map<int, int>();\n'
            "    REQUIRE(map.count(123) == 0);\n}\n"
        ),
    }


def test_a_module_unit_exporting_a_headers_names_is_hollow():
    facts = facts_of(dense_files())
    by_path = {f.path: f for f in facts}
    header_types = {n for f in facts if f.path.endswith(".h") for n in (f.test.get("defines") or ())}
    rg = graphs.build_graph(facts, GraphConfig())
    assert _is_hollow_unit(by_path["src/ankerl.unordered_dense.cpp"], header_types, rg.graph, by_path)


def test_the_header_only_librarys_test_takes_the_header():
    assert graph_pairs(dense_files())["test/unit/count.cpp"][0] == "include/ankerl/unordered_dense.h"


def test_must_not_fire_for_a_unit_with_code_of_its_own():
    files = dense_files()
    files["src/ankerl.unordered_dense.cpp"] = (
        "#include <ankerl/unordered_dense.h>\n\nnamespace ankerl::unordered_dense {\n"
        "uint64_t mix(uint64_t a, uint64_t b) {\n    return a * b;\n}\n}\n"
    )
    facts = facts_of(files)
    by_path = {f.path: f for f in facts}
    header_types = {n for f in facts if f.path.endswith(".h") for n in (f.test.get("defines") or ())}
    rg = graphs.build_graph(facts, GraphConfig())
    assert not _is_hollow_unit(by_path["src/ankerl.unordered_dense.cpp"], header_types, rg.graph, by_path)
