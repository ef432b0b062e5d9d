"""Test pairing, twenty-sixth round.

A C++ header without an extension that defines nothing and includes the one header of its own name (libpqxx's
include/pqxx/blob: #include "pqxx/blob.hxx") forwards to it: it answers to no name, and a test named for it tests
the namesake, or the namesake's implementation (test/test_blob.cxx -> src/blob.cxx). A header without an extension
that holds code (GSL's include/gsl/pointers), or one that includes a header of another name, is not forwarding.
"""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.packing.pairing.by_include import _forwarding_headers
from repoloom.packing.pairing.conventions import _kind
from repoloom.packing.testpairs import UnitTestsConfig, pair_tests
from repoloom.syntax.resolving import GraphConfig
from tests.packing.pairing_helpers import facts_of, graph_pairs


def forwarder(name: str) -> str:
    return (
        f"/** {name.title()} interface.\n */\n"
        "// Actual definitions in .hxx file so editors and such recognize file type.\n"
        '#include "pqxx/internal/header-pre.hxx"\n'
        f'#include "pqxx/{name}.hxx"\n'
        '#include "pqxx/internal/header-post.hxx"\n'
    )


def header(name: str, body: str) -> str:
    guard = f"PQXX_H_{name.upper()}"
    return f"#ifndef {guard}\n#define {guard}\n\nnamespace pqxx\n{{\n{body}}} // namespace pqxx\n#endif\n"


def pqxx_test(name: str, uses: str, include: str | None = None) -> str:
    return (
        f"#include <pqxx/{include or name}>\n#include <pqxx/transaction>\n\n"
        '#include "helpers.hxx"\n\nnamespace\n{\n'
        f"void test_{name}_basics()\n{{\n  pqxx::connection cx;\n  pqxx::work tx{{cx}};\n  {uses}\n"
        '  PQXX_CHECK_EQUAL(tx.query_value<int>("SELECT 1"), 1, "Bad result.");\n}\n\n'
        f"PQXX_REGISTER_TEST(test_{name}_basics);\n}} // namespace\n"
    )


def pqxx_files(extra: dict[str, str] | None = None) -> dict[str, str]:
    files = {
        "include/pqxx/internal/header-pre.hxx": "#define PQXX_INTERNAL_HEADER_PRE 1\n",
        "include/pqxx/internal/header-post.hxx": "#undef PQXX_INTERNAL_HEADER_PRE\n",
        "include/pqxx/blob": forwarder("blob"),
        "include/pqxx/blob.hxx": header(
            "blob",
            "class blob\n{\npublic:\n  static blob open_r(dbtransaction &, oid);\n"
            "  std::size_t read(bytes &buf, std::size_t size);\n  void close();\n};\n",
        ),
        "src/blob.cxx": (
            '#include "pqxx-source.hxx"\n\n#include "pqxx/blob.hxx"\n\n'
            "pqxx::blob pqxx::blob::open_r(dbtransaction &tx, oid id)\n{\n  return open_internal(tx, id, INV_READ);\n}\n\n"
            "std::size_t pqxx::blob::read(bytes &buf, std::size_t size)\n{\n  return raw_read(buf.data(), size);\n}\n\n"
            "void pqxx::blob::close()\n{\n  if (m_fd != -1)\n    lo_close(raw_conn(m_conn), m_fd);\n}\n"
        ),
        "include/pqxx/composite": forwarder("composite"),
        "include/pqxx/composite.hxx": header(
            "composite",
            "template<typename... T>\ninline void parse_composite(std::string_view text, T &...fields)\n{\n"
            "  internal::parse_fields(text, fields...);\n}\n",
        ),
        "include/pqxx/transaction": forwarder("transaction"),
        "include/pqxx/transaction.hxx": header(
            "transaction",
            "class work\n{\npublic:\n  explicit work(connection &cx);\n  void commit();\n"
            "  template<typename T> T query_value(std::string_view query);\n};\n",
        ),
        "src/transaction.cxx": (
            '#include "pqxx-source.hxx"\n\n#include "pqxx/transaction.hxx"\n\n'
            'pqxx::work::work(connection &cx) : m_conn{cx}\n{\n  direct_exec("BEGIN");\n}\n\n'
            'void pqxx::work::commit()\n{\n  direct_exec("COMMIT");\n}\n'
        ),
        "src/pqxx-source.hxx": "#include <cstring>\n#define PQXX_SOURCE 1\n",
        "test/helpers.hxx": (
            "#include <pqxx/transaction>\n\n#define PQXX_CHECK_EQUAL(a, b, desc) pqxx::test::check_equal(a, b, desc)\n"
            "#define PQXX_REGISTER_TEST(f) static pqxx::test::registrar f##_registrar{#f, f}\n"
        ),
        "test/test_blob.cxx": pqxx_test(
            "blob", "auto b{pqxx::blob::open_r(tx, id)};\n  b.read(buf, 10);\n  b.close();"
        ),
        "test/test_composite.cxx": pqxx_test("composite", "int a;\n  pqxx::parse_composite(text, a);"),
    }
    files.update(extra or {})
    return files


def test_a_test_named_for_a_forwarding_header_takes_the_implementation():
    pairs = graph_pairs(pqxx_files(), "libpqxx")
    assert pairs["test/test_blob.cxx"][0] == "src/blob.cxx"


def test_a_forwarding_header_without_implementation_passes_to_its_namesake():
    pairs = graph_pairs(pqxx_files(), "libpqxx")
    assert pairs["test/test_composite.cxx"][0] == "include/pqxx/composite.hxx"


def forwarders(files: dict[str, str]) -> dict[str, str]:
    facts = facts_of(files, "libpqxx")
    return _forwarding_headers(facts, {f.path: _kind(f) for f in facts})


def test_only_headers_forwarding_to_their_namesake_forward():
    out = forwarders(pqxx_files())
    assert out == {
        "include/pqxx/blob": "include/pqxx/blob.hxx",
        "include/pqxx/composite": "include/pqxx/composite.hxx",
        "include/pqxx/transaction": "include/pqxx/transaction.hxx",
    }


def test_must_not_fire_a_header_forwarding_to_another_name():
    # libpqxx's include/pqxx/transaction_focus includes types.hxx: not its namesake, so it is no forwarder
    # (its one include here, so that only the name tells it apart)
    focus = '/** Transaction focus. */\n#include "pqxx/types.hxx"\n'
    files = pqxx_files({"include/pqxx/transaction_focus": focus})
    files["include/pqxx/types.hxx"] = header("types", "enum class format : int\n{\n  text = 0,\n  binary = 1\n};\n")
    assert "include/pqxx/transaction_focus" not in forwarders(files)


def test_must_not_fire_a_header_without_extension_holding_code():
    # GSL's include/gsl/pointers defines not_null itself, and includes <gsl/assert> for Expects
    gsl = {
        "include/gsl/assert": "#ifndef GSL_ASSERT_H\n#define GSL_ASSERT_H\n#define Expects(cond) GSL_CONTRACT_CHECK(cond)\n#endif\n",
        "include/gsl/pointers": (
            '#ifndef GSL_POINTERS_H\n#define GSL_POINTERS_H\n#include "./pointers.hpp"\n#include "assert"\n\n'
            "namespace gsl\n{\ntemplate <class T>\nclass not_null\n{\npublic:\n"
            "    constexpr not_null(T u) : ptr_(std::move(u)) { Expects(ptr_ != nullptr); }\n"
            "    constexpr T get() const { return ptr_; }\nprivate:\n    T ptr_;\n};\n}\n#endif\n"
        ),
        "include/gsl/pointers.hpp": "#pragma once\nnamespace gsl { template <class T> using owner = T; }\n",
        "tests/pointers_tests.cpp": (
            "#include <gsl/pointers>\n#include <gtest/gtest.h>\n\n"
            "TEST(pointers_test, not_null_get)\n{\n    int x = 42;\n    gsl::not_null<int*> p{&x};\n"
            "    EXPECT_TRUE(p.get() == &x);\n}\n"
        ),
    }
    facts = facts_of(gsl, "GSL")
    assert _forwarding_headers(facts, {f.path: _kind(f) for f in facts}) == {}
    rg = graphs.build_graph(facts, GraphConfig())
    pairs = {p["test"]: p["subject"] for p in pair_tests(facts, rg, UnitTestsConfig())}
    assert pairs["tests/pointers_tests.cpp"] == "include/gsl/pointers"
