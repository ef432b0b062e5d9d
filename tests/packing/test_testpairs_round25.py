"""Test pairing, twenty-fifth round.

A folder's tests that share a first word (a suite: bitsery's tests/serialization_*.cpp) are named by the rest, and
the rest may join a folder and a file: tests/serialization_ext_std_map.cpp -> include/bitsery/ext/std_map.h. A test
of a t/ folder (libmaxminddb's t/metadata_t.c, through its helper header) pairs like any other test. A module that
every test takes names from is shared tooling and no subject beside other code, but a test that imports nothing else
tests it (tsyringe's src/__tests__/child-container.test.ts: the global container of src/dependency-container.ts).
"""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.packing.testpairs import UnitTestsConfig, pair_tests
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig


def graph_pairs(files: dict[str, str], repo: str) -> dict[str, tuple]:
    facts = sorted((file_facts(repo, p, t, detect_language(p, t)) for p, t in files.items()), key=lambda f: f.path)
    rg = graphs.build_graph(facts, GraphConfig())
    return {p["test"]: (p["subject"], p["rule"]) for p in pair_tests(facts, rg, UnitTestsConfig())}


# --- a suite's rest joining a folder and a file (bitsery) --------------------------------------------------------


def ext_header(name: str, kind: str) -> str:
    guard = f"BITSERY_EXT_{name.upper()}_H"
    return (
        f'#ifndef {guard}\n#define {guard}\n#include <{kind}>\n#include "../details/serialization_common.h"\n\n'
        "namespace bitsery {\nnamespace ext {\n\n"
        f"class {name.title().replace('_', '')} {{\npublic:\n"
        f"    template <typename Ser, typename T, typename Fnc>\n    void serialize(Ser& ser, const T& obj, Fnc&& fnc) const {{\n"
        "        ser.container(obj, fnc);\n    }\n};\n\n}\n}\n#endif\n"
    )


def ext_test(name: str) -> str:
    cls = name.title().replace("_", "")
    return (
        '#include "serialization_test_utils.h"\n\n'
        f"using bitsery::ext::{cls};\n\n"
        f"TEST(SerializeExtension{cls}, EmptyContainer) {{\n    SerializationContext ctx;\n"
        f"    ctx.createSerializer().ext(obj, {cls}{{}});\n    EXPECT_THAT(ctx.getBufferSize(), Eq(1));\n}}\n"
    )


def bitsery_files(extra: dict[str, str] | None = None) -> dict[str, str]:
    files = {
        "include/bitsery/details/serialization_common.h": (
            "#ifndef BITSERY_DETAILS_SERIALIZATION_COMMON_H\n#define BITSERY_DETAILS_SERIALIZATION_COMMON_H\n"
            "namespace bitsery {\nnamespace details {\n"
            "template <typename T> struct IsContainerTraitsDefined { static constexpr bool value = true; };\n"
            "}\n}\n#endif\n"
        ),
        "include/bitsery/ext/std_map.h": ext_header("std_map", "map"),
        "include/bitsery/ext/std_set.h": ext_header("std_set", "set"),
        "tests/serialization_test_utils.h": (
            "#ifndef BITSERY_SERIALIZATION_TEST_UTILS_H\n#define BITSERY_SERIALIZATION_TEST_UTILS_H\n"
            "#include <gmock/gmock.h>\n\nstruct SerializationContext {\n    int getBufferSize() const;\n};\n#endif\n"
        ),
        "tests/serialization_ext_std_map.cpp": ext_test("std_map"),
        "tests/serialization_ext_std_set.cpp": ext_test("std_set"),
        "tests/serialization_objects.cpp": (
            '#include "serialization_test_utils.h"\n\n'
            "TEST(SerializeObject, GeneralConceptTest) {\n    SerializationContext ctx;\n"
            "    EXPECT_THAT(ctx.getBufferSize(), Eq(0));\n}\n"
        ),
    }
    files.update(extra or {})
    return files


def test_a_suites_rest_joins_a_folder_and_a_file():
    pairs = graph_pairs(bitsery_files(), "bitsery")
    assert pairs["tests/serialization_ext_std_map.cpp"][0] == "include/bitsery/ext/std_map.h"
    assert pairs["tests/serialization_ext_std_set.cpp"][0] == "include/bitsery/ext/std_set.h"


def test_a_rest_naming_no_folder_and_file_takes_none_of_them():
    # must not fire: ext/std_list.h does not exist; neither std_map.h nor std_set.h answers to ext_std_list
    pairs = graph_pairs(bitsery_files({"tests/serialization_ext_std_list.cpp": ext_test("std_list")}), "bitsery")
    assert pairs["tests/serialization_ext_std_list.cpp"][0] not in (
        "include/bitsery/ext/std_map.h",
        "include/bitsery/ext/std_set.h",
    )


def test_without_a_suite_the_prefix_is_not_dropped():
    # must not fire: two tests sharing "serialization" make no suite (three are needed), so the full name is kept,
    # even beside a suite of other tests (brief_syntax_*.cpp)
    files = bitsery_files({f"tests/brief_syntax_{n}.cpp": ext_test(n) for n in ("object", "container", "value")})
    del files["tests/serialization_objects.cpp"]
    pairs = graph_pairs(files, "bitsery")
    # (the lexical rule, last of all, may match the header's vocabulary; the name rules take nothing)
    assert pairs["tests/serialization_ext_std_map.cpp"][1] not in ("name", "path")


# --- a test of a t/ folder (libmaxminddb) ----------------------------------------------------------------------

MMDB_H = (
    "#ifndef MAXMINDDB_H\n#define MAXMINDDB_H\n"
    "typedef struct MMDB_s { int flags; } MMDB_s;\n"
    "extern int MMDB_open(const char *const filename, int flags, MMDB_s *const mmdb);\n"
    "extern const char *MMDB_lib_version(void);\n#endif\n"
)
MMDB_C = (
    '#include "maxminddb.h"\n\n'
    "int MMDB_open(const char *const filename, int flags, MMDB_s *const mmdb) {\n"
    "    mmdb->flags = flags;\n    return filename == 0;\n}\n\n"
    'const char *MMDB_lib_version(void) {\n    return "1.0";\n}\n'
)
TEST_HELPER_H = (
    "#ifndef MAXMINDDB_TEST_HELPER_H\n#define MAXMINDDB_TEST_HELPER_H\n"
    '#include "libtap/tap.h"\n#include "../include/maxminddb.h"\n'
    "char *test_database_path(const char *filename);\n#endif\n"
)
VERSION_T = (
    '#include "maxminddb_test_helper.h"\n\n'
    "int main(void) {\n    const char *version = MMDB_lib_version();\n"
    '    ok(version != NULL, "MMDB_lib_version exists");\n    done_testing();\n}\n'
)


def test_a_tap_program_pairs_through_its_helper_header():
    files = {
        "include/maxminddb.h": MMDB_H,
        "src/maxminddb.c": MMDB_C,
        "t/maxminddb_test_helper.h": TEST_HELPER_H,
        "t/version_t.c": VERSION_T,
    }
    pairs = graph_pairs(files, "libmaxminddb")
    assert pairs["t/version_t.c"][0] == "src/maxminddb.c"


# --- a test importing only the module every test takes (tsyringe) ----------------------------------------------

CONTAINER_TS = (
    "import {InjectionToken, Provider} from './providers';\n\n"
    "export class InternalDependencyContainer {\n  private _registry = new Map<InjectionToken<any>, Provider<any>>();\n\n"
    "  public register<T>(token: InjectionToken<T>, provider: Provider<T>): this {\n"
    "    this._registry.set(token, provider);\n    return this;\n  }\n\n"
    "  public createChildContainer(): InternalDependencyContainer {\n    return new InternalDependencyContainer();\n  }\n}\n\n"
    "export const instance = new InternalDependencyContainer();\n\nexport default instance;\n"
)
PROVIDERS_TS = "export type InjectionToken<T = any> = string | symbol;\nexport interface Provider<T> { useValue?: T }\n"
DECORATORS_TS = (
    "import {instance as globalContainer} from './dependency-container';\n\n"
    "export function injectable(): (target: any) => void {\n  return function (target: any): void {\n"
    "    globalContainer.register(target, {useValue: target});\n  };\n}\n\n"
    "export function singleton(): (target: any) => void {\n  return injectable();\n}\n"
)
HELPERS_TS = "export function lazyHelper(f: () => number): number {\n  return f();\n}\n"


def container_test(name: str, more: str = "") -> str:
    return (
        'import {instance as globalContainer} from "../dependency-container";\n'
        f"{more}\n"
        f'test("{name}", () => {{\n  const child = globalContainer.createChildContainer();\n'
        "  expect(child).not.toBe(globalContainer);\n});\n"
    )


def tsyringe_files(container: str = CONTAINER_TS) -> dict[str, str]:
    files = {
        "src/dependency-container.ts": container,
        "src/providers.ts": PROVIDERS_TS,
        "src/decorators.ts": DECORATORS_TS,
        "src/lazy-helpers.ts": HELPERS_TS,
        "src/__tests__/child-container.test.ts": container_test("child containers resolve"),
        "src/__tests__/interception.test.ts": container_test("interceptors run"),
        "src/__tests__/global-container.test.ts": container_test(
            "registers", 'import {injectable, singleton} from "../decorators";\ninjectable();\nsingleton();'
        ),
    }
    for i, topic in enumerate(("scoped", "auto-injectable", "registry", "disposable")):
        files[f"src/__tests__/{topic}.test.ts"] = container_test(
            topic, f'import {{lazyHelper}} from "../lazy-helpers";\nlazyHelper(() => {i});'
        )
    return files


def test_a_test_importing_only_the_shared_module_tests_it():
    pairs = graph_pairs(tsyringe_files(), "tsyringe")
    assert pairs["src/__tests__/child-container.test.ts"][0] == "src/dependency-container.ts"
    assert pairs["src/__tests__/interception.test.ts"][0] == "src/dependency-container.ts"


def test_the_shared_module_beside_other_code_is_no_subject():
    # must not fire: a test that also imports the decorators takes no subject from the shared container
    pairs = graph_pairs(tsyringe_files(), "tsyringe")
    assert pairs["src/__tests__/global-container.test.ts"][0] != "src/dependency-container.ts"
    assert pairs["src/__tests__/scoped.test.ts"][0] != "src/dependency-container.ts"


def test_a_shared_module_of_types_only_is_no_subject():
    # must not fire: a module declaring only types has no behaviour a runtime test exercises
    types_only = (
        "export interface DependencyContainer {\n  register<T>(token: string, provider: T): DependencyContainer;\n}\n"
        "export type Instance = DependencyContainer;\n"
    )
    pairs = graph_pairs(tsyringe_files(types_only), "tsyringe")
    # (the lexical rule, last of all, may still match its vocabulary; the import rule takes nothing)
    assert pairs["src/__tests__/child-container.test.ts"] != ("src/dependency-container.ts", "import")
