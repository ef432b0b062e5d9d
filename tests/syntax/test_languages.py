"""Language detection (syntax/languages.py): names, extensions, shebangs, and extension-less C++ headers."""

from __future__ import annotations

import pytest

from repoloom.packing import graph as graphs
from repoloom.packing.testpairs import UnitTestsConfig, pair_tests
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig


@pytest.mark.parametrize(
    "path, head, language",
    [
        ("src/app.py", "", "python"),
        ("bin/tool", "#!/usr/bin/env python3\n", "python"),
        ("Makefile", "", "make"),
        # C++ headers named like the standard library's, in an include folder (GSL, libstdc++, Qt)
        ("include/gsl/span", "", "cpp"),
        ("third_party/gsl/include/gsl/pointers", "", "cpp"),
        ("include/c++/vector", "", "cpp"),
        ("include/QtCore/QString", "", "cpp"),
        # not headers: no include folder, upper-case file names, names no header has, an extension, a shebang
        ("src/span", "", None),
        ("include/README", "", None),
        ("include/LICENSE", "", None),
        ("include/.clang-format", "", None),
        ("include/foo-bar", "", None),
        ("include/gsl/span.txt", "", "text"),
        ("include/CMakeLists.txt", "", "cmake"),
        ("include/run", "#!/bin/bash\n", "shell"),
    ],
)
def test_detect_language(path, head, language):
    assert detect_language(path, head) == language


SPAN = """// Copyright (c) 2015 Microsoft Corporation. All rights reserved.
#ifndef GSL_SPAN_H
#define GSL_SPAN_H
#include <cstddef>
namespace gsl {
template <class ElementType>
class span {
public:
    constexpr span() noexcept : data_(nullptr), size_(0) {}
    constexpr std::size_t size() const noexcept { return size_; }
private:
    ElementType* data_;
    std::size_t size_;
};
}  // namespace gsl
#endif  // GSL_SPAN_H
"""

SPAN_TEST = """#include <gtest/gtest.h>
#include <gsl/span>

TEST(span_test, default_constructor) {
    gsl::span<int> s;
    EXPECT_EQ(s.size(), 0u);
}
"""


def test_an_extension_less_header_is_parsed_resolved_and_paired():
    files = {
        "include/gsl/span": SPAN,
        "include/gsl/util": "namespace gsl { int narrow(); }\n",
        "tests/span_tests.cpp": SPAN_TEST,
    }
    facts = sorted((file_facts("r", p, t, detect_language(p, t[:256])) for p, t in files.items()), key=lambda f: f.path)
    span = next(f for f in facts if f.path == "include/gsl/span")
    assert span.language == "cpp" and span.parse_ok and span.fim_nodes
    rg = graphs.build_graph(facts, GraphConfig())
    assert rg.graph.has_edge("tests/span_tests.cpp", "include/gsl/span")
    pairs = {p["test"]: p["subject"] for p in pair_tests(facts, rg, UnitTestsConfig())}
    assert pairs == {"tests/span_tests.cpp": "include/gsl/span"}
