"""C++: C's includes, test macros and resolution (c.py) with the C++ grammar and file extensions."""

from __future__ import annotations

from repoloom.syntax.lang import c
from repoloom.syntax.language import Language, Sample

SAMPLE = Sample(
    files={
        "include/geo/vec.hpp": (
            "#pragma once\n#include <cmath>\n\nnamespace geo {\nstruct Vec {\n  double x, y;\n"
            "  double norm() const;\n};\n}  // namespace geo\n"
        ),
        "src/vec.cpp": '#include "geo/vec.hpp"\n\nnamespace geo {\ndouble Vec::norm() const { return std::hypot(x, y); }\n}  // namespace geo\n',
        "test/vec_test.cpp": (
            '#include <gtest/gtest.h>\n#include "geo/vec.hpp"\n\nTEST(Vec, NormOfThreeFour) {\n'
            "  EXPECT_DOUBLE_EQ(geo::Vec{3, 4}.norm(), 5.0);\n}\n"
        ),
    },
    imports={"src/vec.cpp": ("geo/vec.hpp",), "test/vec_test.cpp": ("gtest/gtest.h", "geo/vec.hpp")},
    edges={"src/vec.cpp": ("include/geo/vec.hpp",), "test/vec_test.cpp": ("include/geo/vec.hpp",)},
    pairs={"test/vec_test.cpp": "src/vec.cpp"},
)

# where an explicit instantiation may stand: namespace scope, inside namespaces, extern "C++" blocks and #if arms
_SCOPES = frozenset(
    {"translation_unit", "namespace_definition", "declaration_list", "linkage_specification"}
    | {"preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif", "preproc_elifdef"}
)


def instantiates(tree) -> bool:
    """The unit explicitly instantiates a template (template class memory_pool<node_pool>; fmt's template FMT_API
    ... vformat_to<char>(...);): the code it compiles is written in its header. Function and class bodies are not
    read: an instantiation stands at namespace scope only."""
    stack = [tree.root_node]
    while stack:
        n = stack.pop()
        if n.type == "template_instantiation":
            return True
        if n.type in _SCOPES:
            stack.extend(n.named_children)
    return False


LANGUAGES = (
    Language(
        name="cpp",
        family="c",
        grammar=("tree_sitter_cpp", "language"),
        # .cppm and .ixx: C++20 module units
        extensions=(".cc", ".cpp", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++", ".ipp", ".inl", ".cppm", ".ixx"),
        extensionless_folders=("include",),
        import_query=c.IMPORTS,
        imports=c.c_imports("cpp"),
        test_extensions=("cc", "cpp", "cxx", "hpp"),
        marker_query=c.MARKERS,
        markers=c.markers,
        resolve=c.resolve,
        definers={"function_definition": c.defined_function_name},
        sample=SAMPLE,
        tests_call_subjects=True,
        test_headers_declare_tests=True,
        implementation_headers=c.IMPLEMENTATION_HEADERS,
        implementation_header_folders=c.IMPLEMENTATION_HEADER_FOLDERS,
        bare_test_tails=c.BARE_TEST_TAILS,
        program_entries=c.PROGRAM_ENTRIES,
        pairing_rules=("include",),
        tests_named_in_part=True,
        role_test_names=c.ROLE_TEST_NAMES,
        instantiates=instantiates,
        exports_c=c.exports_c,
    ),
)
