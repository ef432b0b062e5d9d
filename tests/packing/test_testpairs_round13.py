"""Test pairing, thirteenth round: rules tuned on dev (blind11 among it), each with a case where it must not fire."""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs


# toml11's shape: the code is in include/toml11/*.hpp (and impl/*_impl.hpp); src/*.cpp are optional precompile
# units holding explicit instantiations or a single include, guarded by TOML11_COMPILE_SOURCES.
GUARD = '#if ! defined(TOML11_COMPILE_SOURCES)\n#error "Define TOML11_COMPILE_SOURCES"\n#endif\n'
TOML11 = {
    "include/toml11/parser.hpp": (
        '#include "datetime.hpp"\nnamespace toml {\nstruct type_config;\n'
        "template<typename TC> struct basic_value { int v; };\n"
        "template<typename TC> basic_value<TC> parse(const char* s) { return basic_value<TC>{s[0]}; }\n"
        "template<typename TC> basic_value<TC> parse_str(const char* s) { return parse<TC>(s); }\n"
        "inline bool parse_boolean(const char* s) { return s[0] == 't'; }\n}\n"
    ),
    "include/toml11/types.hpp": "namespace toml {\nstruct type_config { int x; };\nstruct ordered_type_config { int y; };\n}\n",
    "include/toml11/datetime.hpp": (
        '#include "fwd/datetime_fwd.hpp"\n#if !defined(TOML11_COMPILE_SOURCES)\n#include "impl/datetime_impl.hpp"\n#endif\n'
    ),
    "include/toml11/fwd/datetime_fwd.hpp": "namespace toml {\nstruct local_date { int year; };\n}\n",
    "include/toml11/impl/datetime_impl.hpp": (
        '#include "../fwd/datetime_fwd.hpp"\nnamespace toml {\n'
        "inline local_date make_local_date(int y) { return local_date{y}; }\n}\n"
    ),
    "src/parser.cpp": (
        "#include <toml11/parser.hpp>\n#include <toml11/types.hpp>\n"
        + GUARD
        + "namespace toml {\nstruct type_config;\n"
        "template basic_value<type_config> parse<type_config>(const char*);\n"
        "template basic_value<type_config> parse_str<type_config>(const char*);\n}\n"
    ),
    "src/datetime.cpp": "#include <toml11/impl/datetime_impl.hpp>\n" + GUARD,
    "tests/test_parse_boolean.cpp": (
        '#include "doctest.h"\n#include <toml11/parser.hpp>\n\nTEST_CASE("testing booleans")\n{\n'
        '    CHECK(toml::parse_boolean("true"));\n    CHECK(!toml::parse_boolean("false"));\n}\n'
    ),
    "tests/test_datetime.cpp": (
        '#include "doctest.h"\n#include <toml11/datetime.hpp>\n\nTEST_CASE("testing local date")\n{\n'
        "    const auto d = toml::make_local_date(2018);\n    CHECK(d.year == 2018);\n}\n"
    ),
}


def test_a_compiled_unit_defining_nothing_of_its_own_is_no_subject_its_header_is():
    got = graph_pairs(TOML11)
    assert got["tests/test_parse_boolean.cpp"][0] == "include/toml11/parser.hpp"
    assert got["tests/test_datetime.cpp"][0] != "src/datetime.cpp"
    assert got["tests/test_datetime.cpp"][0] is not None and got["tests/test_datetime.cpp"][0].startswith(
        "include/toml11/"
    )


def test_a_unit_whose_code_comes_through_a_macro_include_stays_the_subject():
    # glog's src/stacktrace.cc defines nothing itself (#include STACKTRACE_H picks a platform's -inl.h), and its
    # namesake stacktrace.h only declares: the unit is the subject, not the header
    files = {
        "src/stacktrace.h": "namespace google {\nint GetStackTrace(void** result, int max_depth, int skip_count);\n}\n",
        "src/stacktrace.cc": '#include "stacktrace.h"\n#if defined(STACKTRACE_H)\n#  include STACKTRACE_H\n#endif\n',
        "src/stacktrace_unittest.cc": (
            '#include "stacktrace.h"\n#include "googletest.h"\n\nTEST(Stacktrace, Depth) {\n'
            "  void* stack[32];\n  EXPECT_GT(google::GetStackTrace(stack, 32, 0), 0);\n}\n"
        ),
    }
    assert graph_pairs(files)["src/stacktrace_unittest.cc"][0] == "src/stacktrace.cc"


# immer's shape: the tests import from the entry src/immer.ts, which defines produce and re-exports the rest from
# ./internal (a barrel: export * from each module) and the plugins.
IMMER = {
    "package.json": '{"name": "immer", "main": "src/immer.ts"}\n',
    "src/immer.ts": (
        'import {Immer} from "./internal"\n\nexport {original, isDraftable, Draft} from "./internal"\n'
        'export {enablePatches} from "./plugins/patches"\nexport {enableMapSet} from "./plugins/mapset"\n\n'
        "const immer = new Immer()\nexport const produce = immer.produce\n"
    ),
    "src/internal.ts": (
        'export * from "./utils/common"\nexport * from "./core/immerClass"\nexport * from "./types/types-external"\n'
    ),
    "src/utils/common.ts": (
        "export function original(value: any) {\n  return value.base\n}\n\n"
        "export function isDraftable(value: any): boolean {\n  return !!value\n}\n"
    ),
    "src/core/immerClass.ts": (
        "export class Immer {\n  produce = (base: any, recipe: any) => {\n    recipe(base)\n    return base\n  }\n}\n"
    ),
    "src/types/types-external.ts": "export type Draft<T> = T\n",
    "src/plugins/patches.ts": "export function enablePatches() {\n  return 1\n}\n",
    "src/plugins/mapset.ts": "export function enableMapSet() {\n  return 2\n}\n",
    "__tests__/original.js": (
        'import {original, produce} from "../src/immer"\n\ndescribe("original", () => {\n'
        '  it("should return the original", () => {\n    produce({a: 1}, draft => {\n'
        "      expect(original(draft)).toBe(draft.base)\n    })\n  })\n})\n"
    ),
    "__tests__/curry.js": (
        'import {produce, enablePatches} from "../src/immer"\n\nenablePatches()\n\ndescribe("curry", () => {\n'
        '  it("should check arguments", () => {\n    const recipe = s => s\n'
        "    expect(produce({}, recipe)).toEqual({})\n  })\n})\n"
    ),
}


def test_a_test_named_for_a_name_it_imports_through_re_exports_takes_the_module_defining_it():
    got = graph_pairs(IMMER)
    assert got["__tests__/original.js"][0] == "src/utils/common.ts"


def test_the_import_rule_does_not_take_an_entry_point_gathering_several_modules():
    # curry.js imports produce and enablePatches from the entry, which re-exports from three places: no subject
    assert graph_pairs(IMMER)["__tests__/curry.js"][0] is None


def _ts_pattern(topics: list[str]) -> dict[str, str]:
    files = {
        "package.json": '{"name": "ts-pattern", "main": "src/index.ts"}\n',
        "src/index.ts": "import * as Pattern from './patterns';\n\nexport { match } from './match';\nexport { Pattern, Pattern as P };\n",
        "src/match.ts": "export function match(value: unknown) {\n  return { with: () => value };\n}\n",
        "src/patterns.ts": (
            "export const string = 'string';\nexport function array(p: unknown) {\n  return [p];\n}\n"
            "export function optional(p: unknown) {\n  return { optional: p };\n}\n"
        ),
        "src/types/Pattern.ts": (
            "export type OptionalP<p> = { optional: p };\nexport type StringPattern = string;\n"
            "export type ArrayP<p> = p[];\nexport type MatchedValue<a> = a;\n"
        ),
        "src/types/helpers.ts": (
            "export type Equal<a, b> = a extends b ? true : false;\nexport type Expect<a extends true> = a;\n"
            "export type UnionToTuple<u> = [u];\n"
        ),
    }
    for topic in topics:
        files[f"tests/{topic}.test.ts"] = (
            "import { match, P } from '../src';\nimport { Expect, Equal } from '../src/types/helpers';\n\n"
            f"describe('{topic}', () => {{\n  it('matches', () => {{\n"
            "    const res = match([1]).with(P.array(P.string), (x) => x);\n"
            "    type t = Expect<Equal<typeof res, number[]>>;\n    expect(res).toEqual([1]);\n  });\n});\n"
        )
    return files


def test_a_module_every_test_takes_the_same_helpers_from_is_no_subject_of_the_import_rule():
    files = _ts_pattern(["lists", "records", "wildcards", "readonly", "real-world", "maps", "sets"])
    got = graph_pairs(files)
    assert got["tests/lists.test.ts"][0] != "src/types/helpers.ts"
    assert got["tests/real-world.test.ts"][0] != "src/types/helpers.ts"


def test_a_test_taking_its_own_name_from_the_helpers_module_still_pairs_with_it():
    files = _ts_pattern(["lists", "records", "wildcards", "readonly", "real-world", "maps"])
    files["tests/union-to-tuple.test.ts"] = (
        "import { Expect, Equal, UnionToTuple } from '../src/types/helpers';\n\n"
        "describe('UnionToTuple', () => {\n  it('works', () => {\n"
        "    type t = Expect<Equal<UnionToTuple<1>, [1]>>;\n  });\n});\n"
    )
    assert graph_pairs(files)["tests/union-to-tuple.test.ts"][0] == "src/types/helpers.ts"


PLUGGY = {
    "src/pluggy/__init__.py": "from ._hooks import HookimplMarker\n",
    "src/pluggy/_hooks.py": "class HookimplMarker:\n    def __init__(self, project_name):\n        self.project_name = project_name\n",
    "src/pluggy/_compat.py": (
        "import sys\n\nif sys.version_info >= (3, 10):\n    from importlib.metadata import distributions\n"
        "else:\n    distributions = None\n\n\ndef getfullargspec(func):\n    return func.__code__\n"
    ),
    "testing/test_details.py": (
        "import warnings\n\nfrom pluggy._compat import getfullargspec\n\n\ndef test_parse_hookimpl_override():\n"
        "    with warnings.catch_warnings():\n        spec = getfullargspec(test_parse_hookimpl_override)\n"
        "    assert spec\n"
    ),
    "testing/test_compat.py": (
        "from pluggy._compat import distributions, getfullargspec\n\n\ndef test_distributions():\n"
        "    assert getfullargspec(test_distributions)\n    assert distributions is None or distributions\n"
    ),
}


def test_a_compatibility_shim_is_no_subject_of_a_test_only_importing_from_it():
    got = graph_pairs(PLUGGY)
    assert got["testing/test_details.py"][0] is None


def test_a_test_named_for_the_shim_still_pairs_with_it():
    assert graph_pairs(PLUGGY)["testing/test_compat.py"][0] == "src/pluggy/_compat.py"


def test_a_topic_test_reaching_the_package_through_its_entry_and_the_shared_tooling_takes_the_module_of_its_name():
    # ts-pattern's tests/optional.test.ts: P.optional of src/patterns.ts, reached through src/index.ts (the tooling
    # import of Expect and Equal aside); tests/wildcards.test.ts names nothing a module defines: no subject
    files = _ts_pattern(["lists", "records", "wildcards", "readonly", "real-world", "maps"])
    files["tests/optional.test.ts"] = (
        files["tests/lists.test.ts"]
        .replace("P.array(P.string)", "P.optional(P.string)")
        .replace("'lists'", "'optional'")
    )
    got = graph_pairs(files)
    assert got["tests/optional.test.ts"][0] == "src/patterns.ts"
    assert got["tests/wildcards.test.ts"][0] is None


def test_a_test_named_in_the_plural_for_a_name_it_uses_takes_the_module_defining_the_singular():
    # ts-pattern's tests/strings.test.ts uses P.string (src/patterns.ts); records.test.ts uses no record: none
    files = _ts_pattern(["lists", "records", "wildcards", "readonly", "real-world", "maps", "strings"])
    got = graph_pairs(files)
    assert got["tests/strings.test.ts"][0] == "src/patterns.ts"
    assert got["tests/records.test.ts"][0] is None


def test_a_go_test_shortened_name_finds_no_file_of_another_package():
    # chi's path_value_test.go (package chi) is no test of middleware/value.go (package middleware)
    files = {
        "go.mod": "module github.com/go-chi/chi/v5\n\ngo 1.20\n",
        "mux.go": "package chi\n\nfunc (mx *Mux) Handle(pattern string) string {\n\treturn pattern\n}\n\ntype Mux struct{}\n",
        "middleware/value.go": (
            'package middleware\n\nimport "net/http"\n\nfunc WithValue(key, val interface{}) func(http.Handler) http.Handler {\n'
            "\treturn nil\n}\n"
        ),
        "path_value_test.go": (
            'package chi\n\nimport (\n\t"net/http/httptest"\n\t"testing"\n)\n\nfunc TestPathValue(t *testing.T) {\n'
            '\treq := httptest.NewRequest("GET", "/users/1", nil)\n'
            '\tif req.PathValue("id") != "" {\n\t\tt.Fatal("value")\n\t}\n}\n'
        ),
    }
    files["middleware/with_value_test.go"] = (
        'package middleware\n\nimport "testing"\n\nfunc TestWithValue(t *testing.T) {\n'
        '\tif WithValue("k", "v") != nil {\n\t\tt.Fatal("value")\n\t}\n}\n'
    )
    got = graph_pairs(files)
    # (the name no longer reaches it; the vocabulary rule may still, on a repository this small)
    assert got["path_value_test.go"] != ("middleware/value.go", "name")
    assert got["middleware/with_value_test.go"][0] == "middleware/value.go"


def test_a_test_named_in_the_singular_finds_the_module_named_in_the_plural_in_es():
    files = dict(IMMER)
    files["__tests__/patch.js"] = (
        'import {produce, enablePatches} from "../src/immer"\n\nenablePatches()\n\ndescribe("applyPatches", () => {\n'
        '  it("applies", () => {\n    expect(produce({}, d => d)).toEqual({})\n  })\n})\n'
    )
    assert graph_pairs(files)["__tests__/patch.js"][0] == "src/plugins/patches.ts"
    from repoloom.packing.pairing.by_name import _variants

    # only after a sibilant: a test of "node" finds no nodees.ts
    assert _variants("test/node.test.ts", "node", {"nodees": ["src/nodees.ts"]}, {}, {}) == []
    assert _variants("test/patch.test.ts", "patch", {"patches": ["src/patches.ts"]}, {}, {}) == ["src/patches.ts"]
