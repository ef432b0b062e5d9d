"""Test pairing, twenty-fourth round.

C and C++ libraries whose code lives in headers: a unit that compiles a header's inline functions under another
prefix (cglm's src/vec3.c: glmc_vec3_add(...) { glm_vec3_add(...); }) passes its tests on to that header; a unit
defining nothing that includes an umbrella header defining nothing (tomlplusplus' src/toml.cpp: #define
TOML_IMPLEMENTATION, #include <toml++/toml.hpp>) compiles the whole header-only library and is no test's subject.
Test cases written TEST_IMPL(prefix, name) { ... } with checks that lack semicolons are still counted (cglm's
test/src/test_X.h). A test named for a folder and a file (futures' tests/future_join.rs) finds
futures-util/src/future/join.rs even where its folder's tests share first words (a suite's prefix).
"""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs


def subject(files: dict[str, str], repo: str, test: str):
    return graph_pairs(files, repo).get(test, (None, None))[0]


# --- a compiled twin of a header's inline functions (cglm) --------------------------------------------------------

VEC_H = (
    '#ifndef VEC2_H\n#define VEC2_H\n#include "common.h"\n\n'
    "static inline void glm_vec2_add(vec2 a, vec2 b, vec2 dest) {\n  dest[0] = a[0] + b[0];\n  dest[1] = a[1] + b[1];\n}\n\n"
    "static inline void glm_vec2_sub(vec2 a, vec2 b, vec2 dest) {\n  dest[0] = a[0] - b[0];\n  dest[1] = a[1] - b[1];\n}\n\n"
    "static inline float glm_vec2_dot(vec2 a, vec2 b) {\n  return a[0] * b[0] + a[1] * b[1];\n}\n\n"
    "#endif\n"
)
COMMON_H = "#ifndef COMMON_H\n#define COMMON_H\ntypedef float vec2[2];\n#endif\n"
CALL_VEC_H = (
    '#ifndef CALL_VEC2_H\n#define CALL_VEC2_H\n#include "../common.h"\n\n'
    "void glmc_vec2_add(vec2 a, vec2 b, vec2 dest);\nvoid glmc_vec2_sub(vec2 a, vec2 b, vec2 dest);\n"
    "float glmc_vec2_dot(vec2 a, vec2 b);\n#endif\n"
)
# src/vec2.c: every function calls the header's function of the same name but for its prefix
WRAPPER_C = (
    '#include "../include/cglm/vec2.h"\n#include "../include/cglm/call/vec2.h"\n\n'
    "void glmc_vec2_add(vec2 a, vec2 b, vec2 dest) {\n  glm_vec2_add(a, b, dest);\n}\n\n"
    "void glmc_vec2_sub(vec2 a, vec2 b, vec2 dest) {\n  glm_vec2_sub(a, b, dest);\n}\n\n"
    "float glmc_vec2_dot(vec2 a, vec2 b) {\n  return glm_vec2_dot(a, b);\n}\n"
)
# an ordinary unit of its own code beside a header that holds a helper or two inline
OWN_C = (
    '#include "../include/cglm/vec2.h"\n\n'
    "void vec2_scale(vec2 v, float s, vec2 dest) {\n  dest[0] = v[0] * s;\n  dest[1] = v[1] * s;\n}\n\n"
    "void vec2_negate(vec2 v) {\n  v[0] = -v[0];\n  v[1] = -v[1];\n}\n\n"
    "float vec2_norm2(vec2 v) {\n  return glm_vec2_dot(v, v);\n}\n"
)
VEC_TEST = (
    '#include "test_common.h"\n\n'
    "TEST_IMPL(GLM_PREFIX, vec2_add) {\n  vec2 a = {1, 2}, b = {3, 4}, c;\n  GLM(vec2_add)(a, b, c);\n"
    "  ASSERT(c[0] == 4)\n  ASSERT(c[1] == 6)\n  TEST_SUCCESS\n}\n\n"
    "TEST_IMPL(GLM_PREFIX, vec2_sub) {\n  vec2 a = {3, 4}, b = {1, 1}, c;\n  GLM(vec2_sub)(a, b, c);\n"
    "  ASSERT(c[0] == 2)\n  ASSERT(c[1] == 3)\n  TEST_SUCCESS\n}\n\n"
    "TEST_IMPL(GLM_PREFIX, vec2_dot) {\n  vec2 a = {1, 2};\n  ASSERT(GLM(vec2_dot)(a, a) == 5.0f)\n  TEST_SUCCESS\n}\n"
)
TEST_COMMON_H = (
    '#ifndef TEST_COMMON_H\n#define TEST_COMMON_H\n#include "../../include/cglm/vec2.h"\n'
    "#define ASSERT(expr) if (!(expr)) { return 1; }\n#define TEST_SUCCESS return 0;\n#endif\n"
)


def cglm_files(unit: str) -> dict[str, str]:
    return {
        "include/cglm/common.h": COMMON_H,
        "include/cglm/vec2.h": VEC_H,
        "include/cglm/call/vec2.h": CALL_VEC_H,
        "src/vec2.c": unit,
        "test/src/test_common.h": TEST_COMMON_H,
        "test/src/test_vec2.c": VEC_TEST,
    }


def test_a_unit_compiling_a_headers_inline_functions_passes_its_tests_to_the_header():
    assert subject(cglm_files(WRAPPER_C), "cglm", "test/src/test_vec2.c") == "include/cglm/vec2.h"


def test_a_unit_with_code_of_its_own_stays_the_subject():
    # must not fire: the unit's functions call one of the header's, under no shared name
    assert subject(cglm_files(OWN_C), "cglm", "test/src/test_vec2.c") == "src/vec2.c"


def test_a_unit_wrapping_under_one_quarter_of_its_functions_stays_the_subject():
    # must not fire: one wrapper among functions of its own
    unit = OWN_C + "\nvoid glmc_vec2_add(vec2 a, vec2 b, vec2 dest) {\n  glm_vec2_add(a, b, dest);\n}\n"
    assert subject(cglm_files(unit), "cglm", "test/src/test_vec2.c") == "src/vec2.c"


def test_test_impl_cases_without_semicolons_are_counted_in_a_test_header():
    files = cglm_files(WRAPPER_C)
    files["test/src/test_vec2.h"] = files.pop("test/src/test_vec2.c")
    files["test/src/tests.c"] = '#include "test_vec2.h"\n'
    pairs = graph_pairs(files, "cglm")
    assert pairs.get("test/src/test_vec2.h", (None,))[0] == "include/cglm/vec2.h"


def test_a_macro_definition_or_a_call_without_a_block_is_no_case():
    # must not fire: the framework header defines TEST_IMPL, a runner lists the cases with semicolons
    files = cglm_files(WRAPPER_C)
    files["test/include/common.h"] = (
        "#ifndef TEST_INCLUDE_COMMON_H\n#define TEST_INCLUDE_COMMON_H\n"
        "#define TEST_IMPL(PREFIX, FUN) int test_ ## FUN(void)\n#endif\n"
    )
    files["test/tests.h"] = "TEST_DECLARE(vec2_add);\nTEST_DECLARE(vec2_sub)\n;\n"
    pairs = graph_pairs(files, "cglm")
    assert "test/include/common.h" not in pairs
    assert "test/tests.h" not in pairs


# --- one unit compiling a header-only library (tomlplusplus) ------------------------------------------------------

TOML_HEADERS = {
    f"include/tomlx/impl/{name}.hpp": (
        f"#pragma once\nnamespace tomlx {{\nclass {name}_node {{\npublic:\n  int size() const {{ return n_; }}\n"
        f"  void push_back(int v) {{ n_ += v; }}\nprivate:\n  int n_ = 0;\n}};\n}}\n"
    )
    for name in ("array", "table", "value", "parser", "formatter", "node")
}
UMBRELLA = "#pragma once\n" + "".join(
    f'#include "impl/{name}.hpp"\n' for name in sorted(n.split("/")[-1][:-4] for n in TOML_HEADERS)
)
ONE_UNIT = "#ifndef TOMLX_IMPLEMENTATION\n#define TOMLX_IMPLEMENTATION\n#endif\n#include <tomlx/tomlx.hpp>\n"
TOML_TEST = (
    '#include "tests.hpp"\n\nTEST_CASE("tables - insertion")\n{\n  tomlx::table_node t;\n  t.push_back(1);\n'
    "  CHECK(t.size() == 1);\n}\n"
)
TESTS_HPP = '#pragma once\n#include "tomlx/tomlx.hpp"\n#include <catch2/catch.hpp>\n'


def toml_files(umbrella: str) -> dict[str, str]:
    return dict(
        TOML_HEADERS,
        **{
            "include/tomlx/tomlx.hpp": umbrella,
            "src/tomlx.cpp": ONE_UNIT,
            "tests/tests.hpp": TESTS_HPP,
            "tests/user_feedback.cpp": TOML_TEST,
        },
    )


def test_the_unit_compiling_a_header_only_library_is_no_subject():
    assert subject(toml_files(UMBRELLA), "tomlx", "tests/user_feedback.cpp") != "src/tomlx.cpp"


def test_a_unit_including_an_ordinary_header_may_still_be_the_subject():
    # must not fire: a header including two others is no umbrella (glog's src/stacktrace.cc and stacktrace.h)
    small = '#pragma once\n#include "impl/table.hpp"\n#include "impl/node.hpp"\n'
    assert subject(toml_files(small), "tomlx", "tests/user_feedback.cpp") == "src/tomlx.cpp"


# --- a folder and a file joined, in a folder of tests sharing first words (futures) -------------------------------

FUTURES = {
    "Cargo.toml": '[workspace]\nmembers = ["futures", "futures-util"]\n',
    "futures/Cargo.toml": '[package]\nname = "futures"\nversion = "0.3.0"\n\n[dependencies]\nfutures-util = { path = "../futures-util" }\n',
    "futures/src/lib.rs": "pub use futures_util::{future, stream};\n",
    "futures-util/Cargo.toml": '[package]\nname = "futures-util"\nversion = "0.3.0"\n',
    "futures-util/src/lib.rs": "pub mod future;\npub mod stream;\n",
    "futures-util/src/future/mod.rs": "mod join;\npub use self::join::{join, Join};\nmod select;\npub use self::select::select;\n",
    "futures-util/src/future/join.rs": (
        "pub struct Join<A, B> { a: A, b: B }\n\npub fn join<A, B>(a: A, b: B) -> Join<A, B> {\n    Join { a, b }\n}\n"
    ),
    "futures-util/src/future/select.rs": "pub fn select<A>(a: A) -> A {\n    a\n}\n",
    "futures-util/src/stream/mod.rs": "mod join;\npub use self::join::join;\nmod unfold;\npub use self::unfold::unfold;\n",
    "futures-util/src/stream/join.rs": "pub fn join<A>(a: A) -> A {\n    a\n}\n",
    "futures-util/src/stream/unfold.rs": "pub fn unfold<T>(t: T) -> T {\n    t\n}\n",
}
JOIN_TEST = "use futures::future::join;\n\n#[test]\nfn join_two() {\n    let j = join(1, 2);\n    let _ = j;\n}\n"
SELECT_TEST = "use futures::future::select;\n\n#[test]\nfn select_one() {\n    assert_eq!(select(1), 1);\n}\n"
UNFOLD_TEST = "use futures::stream::unfold;\n\n#[test]\nfn unfold_one() {\n    assert_eq!(unfold(1), 1);\n}\n"


def test_a_test_named_for_folder_and_file_finds_it_in_another_crate_of_the_workspace():
    files = dict(
        FUTURES,
        **{
            "futures/tests/future_join.rs": JOIN_TEST,
            "futures/tests/future_select.rs": SELECT_TEST,
            "futures/tests/future_shared.rs": SELECT_TEST,  # three future_ tests: "future" names their suite
            "futures/tests/stream_unfold.rs": UNFOLD_TEST,
        },
    )
    pairs = graph_pairs(files, "futures")
    assert pairs["futures/tests/future_join.rs"][0] == "futures-util/src/future/join.rs"
    assert pairs["futures/tests/stream_unfold.rs"][0] == "futures-util/src/stream/unfold.rs"


def test_a_name_no_folder_and_file_answer_to_keeps_the_earlier_rules():
    # must not fire: tests/future_race.rs joins no folder and file; the suite rule's namesake-or-nothing stands
    files = dict(FUTURES, **{"futures/tests/future_race.rs": SELECT_TEST, "futures/tests/future_join.rs": JOIN_TEST})
    pairs = graph_pairs(files, "futures")
    assert pairs["futures/tests/future_race.rs"][0] not in (
        "futures-util/src/future/join.rs",
        "futures-util/src/stream/join.rs",
    )
