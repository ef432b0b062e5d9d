"""C, and what C++ shares with it (cpp.py): #include "x.h" (beside the file, then by path suffix) and
<proj/x.h> (whole-path matches only), test macros of the common frameworks, test_* functions and test programs."""

from __future__ import annotations

import os
import posixpath
import re

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.queries import captures, rec, string_value
from repoloom.syntax.resolving import importance, norm, parent_dir
from repoloom.syntax.tests import in_test_dir, is_bare_test, subject_stem

IMPORTS = "(preproc_include path: (_) @path)"
# Test macros of GoogleTest, Catch2, Boost.Test, Check, Unity, CUnit, utest.
_MACROS = (
    "TEST",
    "TEST_F",
    "TEST_P",
    "TYPED_TEST",
    "TYPED_TEST_P",
    "TEST_CASE",
    "TEST_CASE_METHOD",
    "SCENARIO",
    "BOOST_AUTO_TEST_CASE",
    "BOOST_FIXTURE_TEST_CASE",
    "START_TEST",
    "RUN_TEST",
    "CU_add_test",
    "UTEST",
    "UTEST_F",
    # suites written once in a shared header and instantiated per implementation (crc32c's *_unittest.cc)
    "INSTANTIATE_TEST_SUITE_P",
    "INSTANTIATE_TYPED_TEST_SUITE_P",
    "INSTANTIATE_TEST_CASE_P",
    "INSTANTIATE_TYPED_TEST_CASE_P",
)
_ANY_MACRO = " ".join(f'"{m}"' for m in _MACROS)
MARKERS = f"""
    ((identifier) @macro (#any-of? @macro {_ANY_MACRO}))
    ((type_identifier) @macro (#any-of? @macro {_ANY_MACRO}))
    (function_definition) @function
"""
_MAIN = re.compile(r"\bmain\s*\(")
# A main that hands over to a test runner runs the suites of other files: a test main (rapidjson's
# test/unittest/unittest.cpp, nghttp2's tests/main.c, libevent's test/regress_main.c), not a test of its own.
_RUNNER_CALL = re.compile(
    r"\b(RUN_ALL_TESTS|\w+_suite_main|tinytest_main|CU_basic_run_tests|srunner_run_all|g_test_run|UnityMain)\s*\("
    r"|Catch::Session\b"
)
# x-inl.h holds the implementation of x.h (spdlog's details/os-inl.h); packing/testpairs.py reads these
IMPLEMENTATION_HEADERS = ("-inl", "_inl")
# ... beside the header or in a folder below it (CLI11: include/CLI/impl/App_inl.hpp implements include/CLI/App.hpp)
IMPLEMENTATION_HEADER_FOLDERS = ("impl",)
# rapidjson's test/unittest/writertest.cpp tests writer.h: "test" closes the name without a separator
BARE_TEST_TAILS = ("test",)
# test_x, x_test, run_tests: a test function by name (jansson's test_dump.c defines run_tests, its main is in util.h)
_TEST_FUNCTION = re.compile(r"^(tests?_\w|\w+_tests?$)")


def c_imports(language: str):
    def extract(tree, src) -> list[dict]:
        out = []
        for p in captures(tree, language, IMPORTS).get("path", []):
            if p.type == "string_literal":
                out.append(rec("include", string_value(p, src), [], p))
            elif p.type == "system_lib_string":
                out.append(rec("include_system", src.node_text(p)[1:-1].strip(), [], p))
        return out

    return extract


def declarator_name(src, node, depth: int = 0) -> str:
    """The identifier at the bottom of a function's declarator chain (int *f(int) -> f)."""
    d = node.child_by_field_name("declarator")
    while d is not None and d.child_by_field_name("declarator") is not None:
        d = d.child_by_field_name("declarator")
    if d is not None and d.type in ("identifier", "field_identifier", "qualified_identifier", "destructor_name"):
        return src.node_text(d).split("::")[-1]
    return ""


def _is_test_program(function: str, path: str) -> bool:
    """A ``main`` in a test folder or a test-named file is a test program (CTest's add_test and
    Makefile check targets run executables: utf8proc's test/case.c, cJSON's test.c), whatever checks it uses."""
    name = os.path.basename(path)
    return function == "main" and (in_test_dir(path) or is_bare_test(name) or subject_stem(name) is not None)


def markers(caps: dict, src, path: str) -> tuple[int, bool]:
    count = len(caps.get("macro", ()))
    for n in caps.get("function", ()):
        d = n.child_by_field_name("declarator")
        while d is not None and d.type in ("function_declarator", "pointer_declarator", "parenthesized_declarator"):
            d = d.child_by_field_name("declarator")
        name = src.node_text(d) if d is not None and d.type == "identifier" else ""
        if not name and _MAIN.search(src.node_text(n).split("{", 1)[0]):
            name = "main"  # int CJSON_CDECL main(void): a calling-convention macro confuses the grammar
        if _TEST_FUNCTION.match(name) or (_is_test_program(name, path) and not _RUNNER_CALL.search(src.node_text(n))):
            count += 1
    return count, False


def resolve(ix, f, e) -> None:
    d = parent_dir(f.path)
    for r in f.imports:
        spec = r["target"]
        hit, s = None, 1.0
        if r["kind"] == "include":
            hit = ix.exact(norm(posixpath.join(d, spec)))
            if not hit:
                hit, s = ix.by_suffix(f.path, spec, 1)
        elif r["kind"] == "include_system":  # <proj/x.h>: only a whole-path match is ours
            hit, s = ix.by_suffix(f.path, spec, None)
        e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, s))


SAMPLE = Sample(
    files={
        "src/ring.h": (
            "#ifndef RING_H\n#define RING_H\n#include <stddef.h>\n\ntypedef struct { int *buf; size_t cap, head, len; } ring_t;\n\n"
            "int ring_push(ring_t *r, int v);\n\n#endif\n"
        ),
        "src/ring.c": (
            '#include "ring.h"\n\nint ring_push(ring_t *r, int v) {\n    if (r->len == r->cap) return -1;\n'
            "    r->buf[(r->head + r->len++) % r->cap] = v;\n    return 0;\n}\n"
        ),
        "tests/test_ring.c": (
            '#include <assert.h>\n#include "../src/ring.h"\n\nstatic void test_push_until_full(void) {\n'
            "    int buf[2];\n    ring_t r = {buf, 2, 0, 0};\n    assert(ring_push(&r, 1) == 0);\n"
            "    assert(ring_push(&r, 2) == 0);\n    assert(ring_push(&r, 3) == -1);\n}\n\n"
            "int main(void) {\n    test_push_until_full();\n    return 0;\n}\n"
        ),
    },
    imports={
        "src/ring.h": ("stddef.h",),
        "src/ring.c": ("ring.h",),
        "tests/test_ring.c": ("assert.h", "../src/ring.h"),
    },
    edges={"src/ring.c": ("src/ring.h",), "tests/test_ring.c": ("src/ring.h",)},
    pairs={"tests/test_ring.c": "src/ring.c"},
)

LANGUAGES = (
    Language(
        name="c",
        family="c",
        grammar=("tree_sitter_c", "language"),
        extensions=(".c", ".h"),
        import_query=IMPORTS,
        imports=c_imports("c"),
        test_extensions=("c", "h", "m", "mm"),
        marker_query=MARKERS,
        markers=markers,
        resolve=resolve,
        definers={"function_definition": declarator_name},
        sample=SAMPLE,
        tests_call_subjects=True,
        test_headers_declare_tests=True,
        implementation_headers=IMPLEMENTATION_HEADERS,
        implementation_header_folders=IMPLEMENTATION_HEADER_FOLDERS,
        bare_test_tails=BARE_TEST_TAILS,
        pairing_rules=("include",),
    ),
)
