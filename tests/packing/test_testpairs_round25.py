"""Test pairing, twenty-fifth round.

A folder's tests that share a first word (a suite: bitsery's tests/serialization_*.cpp) are named by the rest, and
the rest may join a folder and a file: tests/serialization_ext_std_map.cpp -> include/bitsery/ext/std_map.h. A test
of a t/ folder (libmaxminddb's t/metadata_t.c, through its helper header) pairs like any other test. A module that
every test takes names from is shared tooling and no subject beside other code, but a test that imports nothing else
tests it (tsyringe's src/__tests__/child-container.test.ts: the global container of src/dependency-container.ts).
"""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs


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


# --- a topic, then the thing the test uses (tokio-stream's tests/time_throttle.rs) -----------------------------

LIB_RS = "mod stream_ext;\npub use stream_ext::StreamExt;\n"
# the extension trait of every adapter: what a test uses of it says little of which adapter it tests
ADAPTERS = ("chain", "merge", "filter", "filter_map", "fuse", "take", "skip", "timeout", "peekable", "map_while")
STREAM_EXT_RS = (
    "mod throttle;\nuse throttle::Throttle;\n"
    + "".join(f"mod {a};\nuse {a}::{a.title().replace('_', '')};\n" for a in ADAPTERS)
    + "\npub trait StreamExt: Stream {\n"
    "    fn throttle(self, duration: Duration) -> Throttle<Self>\n    where\n        Self: Sized,\n    {\n"
    "        throttle::throttle(duration, self)\n    }\n"
    + "".join(
        f"    fn {a}(self) -> {a.title().replace('_', '')}<Self>\n    where\n        Self: Sized,\n    {{\n"
        f"        {a.title().replace('_', '')}::new(self)\n    }}\n"
        for a in ADAPTERS
    )
    + "}\n"
)
THROTTLE_RS = (
    "pub(super) fn throttle<T>(duration: Duration, stream: T) -> Throttle<T> {\n"
    "    Throttle { delay: duration, stream }\n}\n\n"
    "pub struct Throttle<T> {\n    delay: Duration,\n    stream: T,\n}\n"
)
TIME_THROTTLE_RS = (
    "use tokio::time;\nuse tokio_stream::StreamExt;\nuse std::time::Duration;\n\n"
    "#[tokio::test]\nasync fn usage() {\n    time::pause();\n"
    "    let mut stream = task::spawn(futures::stream::repeat(()).throttle(Duration::from_millis(100)));\n"
    "    assert_ready!(stream.poll_next());\n    assert_pending!(stream.poll_next());\n}\n"
)


def adapter_test(a: str) -> str:
    return (
        "use tokio_stream::{self as stream, StreamExt};\n\n#[tokio::test]\n"
        f"async fn basic_usage() {{\n    let mut s = stream::iter(vec![1, 2, 3]).{a}();\n"
        "    assert_eq!(s.next().await, Some(1));\n}\n"
    )


def stream_files(extra: dict[str, str] | None = None) -> dict[str, str]:
    files = {
        "tokio-stream/src/lib.rs": LIB_RS,
        "tokio-stream/src/stream_ext.rs": STREAM_EXT_RS,
        "tokio-stream/src/stream_ext/throttle.rs": THROTTLE_RS,
        "tokio-stream/tests/time_throttle.rs": TIME_THROTTLE_RS,
    }
    # every test of the crate takes the extension trait (tokio-stream's tests/stream_chain.rs, stream_fuse.rs, ...)
    for a in ADAPTERS:
        files[f"tokio-stream/src/stream_ext/{a}.rs"] = (
            f"pub struct {a.title().replace('_', '')}<St> {{\n    stream: St,\n}}\n"
        )
        files[f"tokio-stream/tests/stream_{a}.rs"] = adapter_test(a)
    files.update(extra or {})
    return files


def test_a_topic_then_a_thing_names_the_things_module():
    pairs = graph_pairs(stream_files(), "tokio-stream")
    assert pairs["tokio-stream/tests/time_throttle.rs"] == ("tokio-stream/src/stream_ext/throttle.rs", "name")


def test_a_thing_the_test_does_not_use_names_nothing():
    # must not fire: tests/time_debounce.rs never says throttle, and time_throttle's rest is not what it uses
    text = TIME_THROTTLE_RS.replace(".throttle(", ".debounce(").replace("use tokio_stream::StreamExt;\n", "")
    pairs = graph_pairs(stream_files({"tokio-stream/tests/time_throttle.rs": text}), "tokio-stream")
    assert pairs["tokio-stream/tests/time_throttle.rs"] != ("tokio-stream/src/stream_ext/throttle.rs", "name")


def test_a_thing_of_another_package_names_nothing():
    # must not fire: a test of the futures crate is no test of futures-channel's module of the same name
    files = {
        "futures/src/lib.rs": "pub use futures_channel::mpsc;\n",
        "futures-channel/src/lib.rs": "pub mod mpsc;\n",
        "futures-channel/src/mpsc/mod.rs": "mod queue;\npub struct Receiver;\n",
        "futures-channel/src/mpsc/queue.rs": "pub(super) struct Queue<T> {\n    head: Option<T>,\n}\n",
        "futures/tests/ready_queue.rs": (
            "use futures::stream::FuturesUnordered;\n\n#[test]\nfn basic_usage() {\n"
            "    let mut queue = FuturesUnordered::new();\n    assert!(queue.is_empty());\n}\n"
        ),
    }
    pairs = graph_pairs(files, "futures-rs")
    # (the lexical rule, last of all, may match the module's vocabulary; the name rules take nothing)
    assert pairs["futures/tests/ready_queue.rs"] != ("futures-channel/src/mpsc/queue.rs", "name")


# --- a shortened name and the library's prefix (libucl's tests/test_msgpack_malformed.c) -----------------------

UCL_H = (
    "#ifndef UCL_H\n#define UCL_H\n#include <stddef.h>\n\ntypedef struct ucl_parser ucl_parser;\n"
    "ucl_parser *ucl_parser_new(int flags);\nint ucl_object_unref(void *obj);\n#endif\n"
)


def ucl_unit(name: str, body: str = "") -> str:
    return f'#include "ucl.h"\n\nint ucl_{name}_run(int x) {{\n    return x + 1;\n}}\n{body}'


def ucl_files(units: tuple[str, ...]) -> dict[str, str]:
    files = {"include/ucl.h": UCL_H}
    for u in units:
        files[f"src/ucl_{u}.c"] = ucl_unit(u)
    files["src/ucl_parser.c"] = ucl_unit(
        "parser", "\nucl_parser *ucl_parser_new(int flags) {\n    return (ucl_parser *)0;\n}\n"
    )
    files["src/ucl_util.c"] = ucl_unit("util", "\nint ucl_object_unref(void *obj) {\n    return obj == 0;\n}\n")
    files["tests/test_msgpack_malformed.c"] = (
        '#include "ucl.h"\n#include <assert.h>\n\nint main(void) {\n    ucl_parser *p = ucl_parser_new(0);\n'
        "    assert(ucl_object_unref(p) == 1);\n    return 0;\n}\n"
    )
    return files


def test_a_shortened_name_drops_the_librarys_prefix():
    pairs = graph_pairs(ucl_files(("msgpack", "hash", "emitter", "schema")), "libucl")
    assert pairs["tests/test_msgpack_malformed.c"] == ("src/ucl_msgpack.c", "name")


def test_too_few_prefixed_units_make_no_prefix():
    # must not fire: four units starting with ucl_ are too few to call ucl_ the library's prefix
    pairs = graph_pairs(ucl_files(("msgpack", "hash")), "libucl")
    assert pairs["tests/test_msgpack_malformed.c"][0] != "src/ucl_msgpack.c"
