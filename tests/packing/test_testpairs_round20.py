"""Test pairing, twentieth round.

A Cargo integration test of a crate of any size whose own items (use polling::{Event, Events, Poller}) the crate
root defines, every one of them, tests the crate root (polling's tests/io.rs -> src/lib.rs), even where private
backends define the same names. A Python test that imports one name of the package through its entry point, beside
names of other modules the package happens to define too (pyrsistent's tests/map_test.py: pmap, and operator's add),
takes the module the entry re-exports that name from."""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs


# polling's shape: the root defines the public types; each platform backend, private, defines its own Poller/Events
POLLING_LIB = (
    "use std::io;\nuse std::time::Duration;\n\nmod epoll;\nmod kqueue;\nmod poll;\nmod port;\npub mod os;\n\n"
    "pub struct Event {\n    pub key: usize,\n    pub readable: bool,\n}\n\n"
    "impl Event {\n    pub fn readable(key: usize) -> Event {\n        Event { key, readable: true }\n    }\n}\n\n"
    "pub struct Poller {\n    poller: epoll::Poller,\n}\n\n"
    "impl Poller {\n    pub fn new() -> io::Result<Poller> {\n        Ok(Poller { poller: epoll::Poller::new()? })\n    }\n"
    "    pub fn add(&self, fd: i32, ev: Event) -> io::Result<()> {\n        self.poller.add(fd, ev.key)\n    }\n"
    "    pub fn modify(&self, fd: i32, ev: Event) -> io::Result<()> {\n        self.poller.modify(fd, ev.key)\n    }\n"
    "    pub fn delete(&self, fd: i32) -> io::Result<()> {\n        self.poller.delete(fd)\n    }\n"
    "    pub fn wait(&self, events: &mut Events, timeout: Option<Duration>) -> io::Result<usize> {\n"
    "        self.poller.wait(&mut events.events, timeout)\n    }\n}\n\n"
    "pub struct Events {\n    events: epoll::Events,\n}\n\n"
    "impl Events {\n    pub fn new() -> Self {\n        Events { events: epoll::Events::new() }\n    }\n}\n"
)
BACKEND = (
    "use std::io;\nuse std::time::Duration;\n\npub struct Poller {\n    fd: i32,\n}\n\n"
    "impl Poller {\n    pub fn new() -> io::Result<Poller> {\n        Ok(Poller { fd: 0 })\n    }\n"
    "    pub fn add(&self, fd: i32, ev: usize) -> io::Result<()> {\n        let _ = (fd, ev);\n        Ok(())\n    }\n"
    "    pub fn modify(&self, fd: i32, ev: usize) -> io::Result<()> {\n        let _ = (fd, ev);\n        Ok(())\n    }\n"
    "    pub fn delete(&self, fd: i32) -> io::Result<()> {\n        let _ = fd;\n        Ok(())\n    }\n"
    "    pub fn wait(&self, events: &mut Events, timeout: Option<Duration>) -> io::Result<usize> {\n"
    "        let _ = (events, timeout, self.fd);\n        Ok(0)\n    }\n}\n\n"
    "pub struct Events {\n    list: Vec<u64>,\n}\n\n"
    "impl Events {\n    pub fn new() -> Events {\n        Events { list: Vec::new() }\n    }\n"
    "    pub fn readable(&self, key: usize) -> bool {\n        self.list.contains(&(key as u64))\n    }\n}\n"
)
IO_TEST = (
    "use polling::{Event, Events, Poller};\nuse std::time::Duration;\n\n#[test]\nfn basic_io() {\n"
    "    let poller = Poller::new().unwrap();\n    let mut events = Events::new();\n"
    "    poller.add(3, Event::readable(1)).unwrap();\n    poller.modify(3, Event::readable(2)).unwrap();\n"
    "    poller.delete(3).unwrap();\n"
    "    assert_eq!(poller.wait(&mut events, Some(Duration::from_secs(0))).unwrap(), 0);\n}\n"
)


def polling_repo(extra: dict[str, str]) -> dict[str, str]:
    files = {
        "Cargo.toml": '[package]\nname = "polling"\n',
        "src/lib.rs": POLLING_LIB,
        "src/epoll.rs": BACKEND,
        "src/kqueue.rs": BACKEND,
        "src/poll.rs": BACKEND,
        "src/port.rs": BACKEND,
        "src/os.rs": "pub mod unix;\n",
        "src/os/unix.rs": "pub fn poller_fd() -> i32 {\n    0\n}\n",
        # every test uses the same few types, so what they call singles out no file
        "tests/timeout.rs": IO_TEST.replace("basic_io", "timeout"),
        "tests/notify.rs": IO_TEST.replace("basic_io", "notify"),
        "tests/precision.rs": IO_TEST.replace("basic_io", "precision"),
    }
    files.update(extra)
    return files


def test_a_cargo_test_of_items_the_root_defines_tests_the_root_of_a_larger_crate():
    pairs = graph_pairs(polling_repo({"tests/io.rs": IO_TEST}), "polling")
    assert pairs["tests/io.rs"] == ("src/lib.rs", "use")


def test_not_one_item_nor_items_the_root_only_re_exports_nor_a_test_named_for_a_modules_item():
    # one item only (anyhow::Error, syn::parse_file): too little to say the test is the root's
    one = "use polling::Poller;\n\n#[test]\nfn new_poller() {\n    let _ = Poller::new().unwrap();\n}\n"
    # a function of a module the test reaches through the root: the root defines no such name
    fd = (
        "use polling::os::unix::poller_fd;\nuse polling::Poller;\n\n#[test]\nfn fd() {\n"
        "    let _p = Poller::new().unwrap();\n    assert_eq!(poller_fd(), 0);\n}\n"
    )
    # tempfile's tests/tempfile.rs: named for tempfile(), which a module defines (the root only a method of that name)
    lib = POLLING_LIB + "\nimpl Events {\n    pub fn capacity(&self) -> usize {\n        0\n    }\n}\n"
    cap = (
        "use polling::{Events, Poller};\n\n#[test]\nfn capacity() {\n"
        "    let _p = Poller::new().unwrap();\n    let n = polling::capacity(&Events::new());\n    assert_eq!(n, 0);\n}\n"
    )
    pairs = graph_pairs(
        polling_repo(
            {
                "src/lib.rs": lib,
                "src/os/unix.rs": "pub fn poller_fd() -> i32 {\n    0\n}\n\npub fn capacity() -> usize {\n    0\n}\n",
                "tests/one.rs": one,
                "tests/fd.rs": fd,
                "tests/capacity.rs": cap,
            }
        ),
        "polling",
    )
    assert pairs["tests/one.rs"][0] is None
    assert pairs["tests/fd.rs"][0] != "src/lib.rs"
    assert pairs["tests/capacity.rs"][0] != "src/lib.rs"


# pyrsistent's shape: the package's __init__.py re-exports each persistent type from its own module
PYR_INIT = (
    "from pyrsistent._pmap import pmap, m, PMap\n\nfrom pyrsistent._pvector import pvector, v, PVector\n\n"
    "__all__ = ('pmap', 'm', 'PMap', 'pvector', 'v', 'PVector')\n"
)
PMAP = (
    "class PMap(object):\n    def __init__(self, size, buckets):\n        self._size = size\n\n"
    "    def set(self, key, val):\n        return self\n\n\n"
    "def pmap(initial=None, pre_size=0):\n    return PMap(0, [])\n\n\n"
    "def m(**kwargs):\n    return pmap(kwargs)\n"
)
PVECTOR = (
    "class PVector(object):\n    def append(self, val):\n        return self\n\n"
    "    def add(self, other):\n        return self\n\n\n"
    "def pvector(iterable=()):\n    return PVector()\n\n\n"
    "def v(*elements):\n    return pvector(elements)\n"
)
MAP_TEST = (
    "from operator import add\nimport pytest\nfrom pyrsistent import pmap, m\n\n\n"
    "def test_literalish_works():\n    assert m() is pmap()\n\n\n"
    "def test_reduce():\n    assert add(1, 2) == 3\n    assert pmap({'a': 1}).set('b', 2)\n"
)


def pyrsistent_repo(extra: dict[str, str]) -> dict[str, str]:
    files = {
        "setup.py": "from setuptools import setup\n\nsetup(name='pyrsistent', packages=['pyrsistent'])\n",
        "pyrsistent/__init__.py": PYR_INIT,
        "pyrsistent/_pmap.py": PMAP,
        "pyrsistent/_pvector.py": PVECTOR,
    }
    files.update(extra)
    return files


def test_the_one_package_name_among_others_imported_from_elsewhere_takes_its_module():
    pairs = graph_pairs(pyrsistent_repo({"tests/map_test.py": MAP_TEST}), "pyrsistent")
    assert pairs["tests/map_test.py"] == ("pyrsistent/_pmap.py", "import")


def test_not_two_package_names_from_two_modules_nor_one_the_entry_does_not_re_export():
    # pmap and pvector come from two modules: no one subject
    two = MAP_TEST.replace("from pyrsistent import pmap, m", "from pyrsistent import pmap, pvector")
    # the package's one name is defined by the entry itself, not re-exported: this branch names nothing
    init = PYR_INIT + "\n\ndef freeze(o):\n    return o\n"
    own = "from operator import add\nfrom pyrsistent import freeze\n\n\ndef test_freeze():\n    assert freeze(add)\n"
    pairs = graph_pairs(
        pyrsistent_repo({"pyrsistent/__init__.py": init, "tests/map_test.py": two, "tests/frozen_test.py": own}),
        "pyrsistent",
    )
    assert pairs["tests/map_test.py"][0] is None
    assert pairs["tests/frozen_test.py"][0] != "pyrsistent/_pmap.py"


# fastjson's shape: examples of each file in an external test package, x_example_test.go beside x.go
GO_MOD = "module github.com/valyala/fastjson\n\ngo 1.12\n"
HANDY = "package fastjson\n\nfunc MustParse(s string) *Value {\n\treturn &Value{s: s}\n}\n"
UPDATE = (
    "package fastjson\n\ntype Value struct {\n\ts string\n}\n\ntype Object struct {\n\tkvs []string\n}\n\n"
    "func (o *Object) Del(key string) {\n\to.kvs = o.kvs[:0]\n}\n\n"
    "func (v *Value) Object() (*Object, error) {\n\treturn &Object{}, nil\n}\n"
)
UPDATE_EXAMPLE = (
    'package fastjson_test\n\nimport (\n\t"fmt"\n\n\t"github.com/valyala/fastjson"\n)\n\n'
    'func ExampleObject_Del() {\n\tv := fastjson.MustParse(`{"foo": 123}`)\n\to, _ := v.Object()\n'
    '\to.Del("foo")\n\tfmt.Printf("%s\\n", o)\n\t// Output:\n\t// {}\n}\n'
)


def test_a_go_files_examples_pair_with_it_by_name():
    files = {"go.mod": GO_MOD, "handy.go": HANDY, "update.go": UPDATE, "update_example_test.go": UPDATE_EXAMPLE}
    assert graph_pairs(files, "fastjson")["update_example_test.go"] == ("update.go", "name")


def test_not_examples_of_the_whole_package_nor_of_a_file_that_is_not_there():
    files = {
        "go.mod": GO_MOD,
        "handy.go": HANDY,
        "update.go": UPDATE,
        # the package's own examples, named for their role first (logrus' example_hook_test.go: no subject)
        "example_test.go": UPDATE_EXAMPLE,
        "example_update_test.go": UPDATE_EXAMPLE,
        # no fastjson.go: the examples of the package, not of a file
        "fastjson_example_test.go": UPDATE_EXAMPLE,
    }
    pairs = graph_pairs(files, "fastjson")
    assert pairs["example_test.go"][1] != "name"
    assert pairs["example_update_test.go"][1] != "name"
    assert pairs["fastjson_example_test.go"][1] != "name"


# hono's shape: tests beside their modules, and another folder holding a module of the same name
HONO = "export class Hono {\n  request(path: string) {\n    return new Response(path)\n  }\n}\n"
TESTING = (
    "import { Hono } from '../../hono'\n\n"
    "export const testClient = (app: Hono) => {\n  return { get: (p: string) => app.request(p) }\n}\n"
)
TESTING_TEST = (
    "import { Hono } from '../../hono'\nimport { testClient } from '.'\n\n"
    "describe('hono testClient', () => {\n  it('Should return the result', async () => {\n"
    "    const res = await testClient(new Hono()).get('/search')\n    expect(res.status).toBe(200)\n  })\n})\n"
)
WEBSOCKET = (
    "export const upgradeWebSocket = (handler: () => void) => {\n  return handler\n}\n\n"
    "export class WSContext {\n  send(data: string) {\n    return data\n  }\n}\n"
)
TYPES = (
    "export type JSONPrimitive = string | boolean | number | null\n"
    "export type JSONValue = JSONPrimitive | JSONValue[] | { [key: string]: JSONValue }\n"
    "export type JSONParsed<T> = T extends JSONValue ? T : never\n"
)
TYPES_TEST = (
    "import type { JSONParsed, JSONValue } from './types'\n\n"
    "describe('JSONParsed', () => {\n  it('keeps a string', () => {\n"
    "    type Actual = JSONParsed<string>\n    const v: Actual = 'a'\n    const w: JSONValue = v\n"
    "    expect(w).toBe('a')\n  })\n})\n"
)
JWT_TYPES = (
    "export class JwtTokenInvalid extends Error {\n  constructor(token: string) {\n    super(token)\n  }\n}\n\n"
    "export type JWTPayload = { [key: string]: unknown }\n"
)


def test_a_namesake_beside_the_test_that_it_imports_wins_over_one_elsewhere():
    files = {
        "package.json": '{"name": "hono"}\n',
        "src/hono.ts": HONO,
        "src/helper/testing/index.ts": TESTING,
        "src/helper/testing/index.test.ts": TESTING_TEST,
        "src/helper/websocket/index.ts": WEBSOCKET,
        "src/utils/types.ts": TYPES,
        "src/utils/types.test.ts": TYPES_TEST,
        "src/utils/jwt/types.ts": JWT_TYPES,
    }
    pairs = graph_pairs(files, "hono")
    assert pairs["src/helper/testing/index.test.ts"] == ("src/helper/testing/index.ts", "name")
    assert pairs["src/utils/types.test.ts"] == ("src/utils/types.ts", "name")


def test_not_a_helper_beside_the_test_that_it_does_not_import_nor_a_header_over_its_implementation():
    # requests' tests/test_utils.py uses none of tests/utils.py: src/requests/utils.py is its subject
    files = {
        "setup.py": "from setuptools import setup\n\nsetup(name='requests', packages=['requests'])\n",
        "src/requests/__init__.py": "from .utils import super_len\n",
        "src/requests/utils.py": "def super_len(o):\n    return len(o)\n\n\ndef to_key_val_list(value):\n    return list(value)\n",
        "tests/__init__.py": "",
        "tests/utils.py": "import contextlib\n\n\n@contextlib.contextmanager\ndef override_environ(**kwargs):\n    yield\n",
        "tests/test_utils.py": (
            "from requests.utils import super_len, to_key_val_list\n\n\n"
            "def test_super_len():\n    assert super_len('ab') == 2\n    assert to_key_val_list({}) == []\n"
        ),
    }
    assert graph_pairs(files, "requests")["tests/test_utils.py"][0] == "src/requests/utils.py"
    # a C test beside x.h and x.c includes the header: the implementation is the subject
    c_files = {
        "src/pair.h": "int pair_open(int *s);\n",
        "src/pair.c": '#include "pair.h"\n\nint pair_open(int *s) {\n    *s = 1;\n    return 0;\n}\n',
        "src/pair_test.c": (
            '#include "pair.h"\n#include <assert.h>\n\nint main(void) {\n    int s;\n'
            "    assert(pair_open(&s) == 0);\n    return 0;\n}\n"
        ),
    }
    assert graph_pairs(c_files, "nng")["src/pair_test.c"][0] == "src/pair.c"
