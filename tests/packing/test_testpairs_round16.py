"""Test pairing, sixteenth round: a topic-named test that imports code from one module of the repository alone, by
names that module defines itself or by its own default export, tests that module (magic-regexp's
test/experimental.test.ts and src/further-magic.ts, untyped's test/transform.test.ts and src/loader/babel.ts); not
when the module is the package's entry point named like it, only re-exports what the test takes, is a compatibility
shim, or the test imports other modules of the repository too."""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs


# magic-regexp's shape: the entry point src/index.ts and a second entry src/further-magic.ts that defines
# createRegExp itself and re-exports the inputs of src/core/inputs.ts
SOURCES = {
    "package.json": '{"name": "magic-regexp", "version": "0.8.0", "main": "./dist/index.cjs"}\n',
    "src/core/inputs.ts": (
        "export const digit = '\\\\d'\nexport const wordChar = '\\\\w'\n"
        "export function exactly(input: string) {\n  return input.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&')\n}\n"
        "export function oneOrMore(input: string) {\n  return `(?:${input})+`\n}\n"
    ),
    "src/core/flags.ts": "export const global = 'g'\nexport const caseInsensitive = 'i'\n",
    "src/further-magic.ts": (
        "import { exactly } from './core/inputs'\n\nexport * from './core/flags'\nexport * from './core/inputs'\n\n"
        "export interface MagicRegExp<Value extends string> extends RegExp {\n  readonly source: Value\n}\n\n"
        "export function createRegExp(raw: string, flags: string[] = []) {\n"
        "  return new RegExp(exactly(raw), flags.join('')) as MagicRegExp<string>\n}\n"
    ),
    "src/index.ts": (
        "import { exactly } from './core/inputs'\n\nexport * from './core/flags'\nexport * from './core/inputs'\n\n"
        "export function createRegExp(raw: string, flags: string[] = []) {\n  return new RegExp(exactly(raw), flags.join(''))\n}\n"
    ),
    "src/loader/babel.ts": (
        "import type { PluginObj } from '@babel/core'\n\n"
        "export default function babelPluginUntyped(): PluginObj {\n  return { name: 'untyped', visitor: {} }\n}\n"
    ),
    "src/generator/dts.ts": "export function generateTypes(schema: object) {\n  return JSON.stringify(schema)\n}\n",
    "src/compat.ts": "export const hasRegExpGroups = 'groups' in /(?<a>a)/.exec('a')!\n",
}

EXPERIMENTAL = (
    "import type { MagicRegExp } from '../src/further-magic'\nimport { describe, expect, it } from 'vitest'\n"
    "import { createRegExp, digit, exactly, global, oneOrMore } from '../src/further-magic'\n\n"
    "describe('magic-regexp', () => {\n  it('works as a normal regexp', () => {\n"
    "    const regExp: MagicRegExp<string> = createRegExp(oneOrMore(digit), [global])\n"
    "    expect('a1b22'.match(regExp)).toEqual(['1', '22'])\n    expect(exactly('.')).toBe('\\\\.')\n  })\n})\n"
)
TRANSFORM = (
    "import { describe, expect, it } from 'vitest'\nimport { transform as babelTransform } from '@babel/standalone'\n"
    "import untypedPlugin from '../src/loader/babel'\n\n"
    "describe('transform (functions)', () => {\n  it('extracts the schema', () => {\n"
    "    const res = babelTransform('export const x = 1', { plugins: [[untypedPlugin, {}]] })\n"
    "    expect(res.code).toContain('x')\n  })\n})\n"
)


def test_a_topic_test_taking_code_from_one_module_pairs_with_it():
    pairs = graph_pairs({**SOURCES, "test/experimental.test.ts": EXPERIMENTAL, "test/transform.test.ts": TRANSFORM})
    assert pairs["test/experimental.test.ts"] == ("src/further-magic.ts", "import")
    assert pairs["test/transform.test.ts"] == ("src/loader/babel.ts", "import")


def test_only_re_exported_names_or_other_modules_name_no_subject_this_way():
    # the names come from further-magic.ts, but it only re-exports them (their code is in core/inputs.ts)
    inputs_only = "import { expect, it } from 'vitest'\nimport { digit, exactly } from '../src/further-magic'\n\n"
    inputs_only += "it('escapes', () => {\n  expect(exactly('.') + digit).toBe('\\\\.\\\\d')\n})\n"
    # two modules of the repository: which one the topic is about is not said by the imports alone
    two = EXPERIMENTAL.replace(
        "import { describe", "import { generateTypes } from '../src/generator/dts'\nimport { describe"
    )
    two = two.replace("expect(exactly('.'))", "expect(generateTypes({}) + exactly('.'))")
    # the package's entry point beside it: the test takes the package, further-magic.ts is one more door into it
    with_entry = EXPERIMENTAL.replace(
        "import { describe", "import { createRegExp as create } from '../src/index'\nimport { describe"
    )
    with_entry = with_entry.replace("expect(exactly('.'))", "expect(create('.').source + exactly('.'))")
    pairs = graph_pairs(
        {
            **SOURCES,
            "test/inputs-only.test.ts": inputs_only,
            "test/combined.test.ts": two,
            "test/with-entry.test.ts": with_entry,
        }
    )
    assert pairs["test/inputs-only.test.ts"][0] != "src/further-magic.ts"
    assert pairs["test/combined.test.ts"] == (None, None)
    assert pairs["test/with-entry.test.ts"] == (None, None)


def test_not_the_package_entry_named_like_it_nor_a_shim():
    # immer's shape: src/immer.ts is the package's entry point (package.json name "immer"); topic tests take it whole
    files = {
        "package.json": '{"name": "immer", "version": "10.0.0", "main": "./dist/cjs/index.js"}\n',
        "src/core/immerClass.ts": "export class Immer {\n  produce(base: object, recipe: (d: object) => void) {\n"
        "    recipe(base)\n    return base\n  }\n}\n",
        "src/utils/common.ts": "export function isDraftable(value: unknown) {\n  return typeof value === 'object'\n}\n",
        "src/plugins/patches.ts": "export function applyPatches(base: object, patches: object[]) {\n"
        "  return patches.length ? { ...base } : base\n}\n",
        # an entry gathering several modules and making its own produce
        "src/immer.ts": "import { Immer } from './core/immerClass'\n\nexport * from './utils/common'\n"
        "export { applyPatches } from './plugins/patches'\n\nconst immer = new Immer()\n"
        "export const produce = immer.produce.bind(immer)\n",
        "src/compat.ts": SOURCES["src/compat.ts"],
        "__tests__/curry.js": "import { produce } from '../src/immer'\n\n"
        "describe('curry', () => {\n  it('produces', () => {\n    expect(produce({ a: 1 }, d => d)).toEqual({ a: 1 })\n"
        "  })\n})\n",
        "__tests__/groups.js": "import { hasRegExpGroups } from '../src/compat'\n\n"
        "describe('regexp groups', () => {\n  it('are there', () => {\n    expect(hasRegExpGroups).toBe(true)\n"
        "  })\n})\n",
    }
    pairs = graph_pairs(files)
    assert pairs["__tests__/curry.js"] == (None, None)
    assert pairs["__tests__/groups.js"] == (None, None)


# Cargo compiles every tests/*.rs as a test crate of its own, whether or not it holds a #[test]
CARGO = {
    "serde_with/src/lib.rs": "pub mod serde_conv;\npub mod with_prefix;\n",
    "serde_with/src/serde_conv.rs": (
        "#[macro_export]\nmacro_rules! serde_conv {\n    ($m:ident, $t:ty, $ser:expr, $de:expr) => {\n"
        "        pub struct $m;\n    };\n}\n"
    ),
    "serde_with/src/with_prefix.rs": "pub fn with_prefix(prefix: &str) -> String {\n    prefix.to_owned()\n}\n",
    # a compile-only check: the macro must expand with no prelude, no test function
    "serde_with_test/tests/serde_conv.rs": (
        "#![no_implicit_prelude]\nuse ::serde_with::serde_conv;\n\n"
        "serde_conv!(BoolAsString, bool, |x: &bool| x.to_string(), |x: String| x.parse());\n"
    ),
    # a harness = false test: its own main
    "url/tests/wpt.rs": 'use serde_with::with_prefix::with_prefix;\n\nfn main() {\n    assert_eq!(with_prefix("a"), "a");\n}\n',
    # a helper module of the tests beside it (mod utils;), and the modules of one test crate (mod punycode;)
    "serde_with/tests/utils.rs": 'pub fn check<T: std::fmt::Debug>(value: T) {\n    println!("{value:?}");\n}\n',
    "serde_with/tests/base64.rs": (
        "mod utils;\nuse serde_with::with_prefix::with_prefix;\n\n#[test]\nfn prefixes() {\n"
        '    utils::check(with_prefix("p"));\n}\n'
    ),
    "idna/tests/tests.rs": "mod punycode;\n\nfn main() {\n    punycode::run();\n}\n",
    "idna/tests/punycode.rs": "pub fn run() {\n    assert_eq!(1 + 1, 2);\n}\n",
    # not a test-target folder: a fixture below tests/
    "serde_with/tests/fixtures/data.rs": 'pub const DATA: &str = "x";\n',
}


def test_every_cargo_tests_file_is_a_test_but_the_modules_declared_beside_it():
    pairs = graph_pairs(CARGO)
    assert pairs["serde_with_test/tests/serde_conv.rs"] == ("serde_with/src/serde_conv.rs", "path")
    assert "url/tests/wpt.rs" in pairs and "idna/tests/tests.rs" in pairs and "serde_with/tests/base64.rs" in pairs
    for helper in ("serde_with/tests/utils.rs", "idna/tests/punycode.rs", "serde_with/tests/fixtures/data.rs"):
        assert helper not in pairs


def test_a_test_folder_of_another_ecosystem_keeps_its_helpers():
    # a Python tests/ file without test functions is a helper (pytest collects test_*.py functions only)
    files = {
        "pkg/core.py": "def run(x):\n    return x\n",
        "tests/helpers_data.py": "DATA = [1, 2, 3]\n",
        "tests/test_core.py": "from pkg.core import run\nfrom tests.helpers_data import DATA\n\n\ndef test_run():\n    assert run(DATA) == DATA\n",
    }
    pairs = graph_pairs(files)
    assert "tests/helpers_data.py" not in pairs and pairs["tests/test_core.py"][0] == "pkg/core.py"


# C and C++ modules carry a prefix or a qualifier around the topic a test is named for
PART = {
    "include/spdlog/details/mpmc_blocking_q.h": (
        "#pragma once\n#include <cstddef>\n#include <vector>\n\nnamespace spdlog {\nnamespace details {\n"
        "template <typename T>\nclass mpmc_blocking_queue {\npublic:\n    explicit mpmc_blocking_queue(size_t n) : q_(n) {}\n"
        "    void enqueue(T &&item) { q_.push_back(item); }\n    size_t size() const { return q_.size(); }\n\n"
        "private:\n    std::vector<T> q_;\n};\n}  // namespace details\n}  // namespace spdlog\n"
    ),
    "include/spdlog/details/os.h": "#pragma once\nnamespace spdlog {\nnamespace details {\nint pid();\n}\n}\n",
    "src/os.cpp": '#include "spdlog/details/os.h"\n#include <unistd.h>\n\nint spdlog::details::pid() { return getpid(); }\n',
    "tests/test_mpmc_q.cpp": (
        '#include "includes.h"\n#include "spdlog/details/mpmc_blocking_q.h"\n\nTEST_CASE("dequeue-empty-nowait", "[mpmc_blocking_q]") {\n'
        "    spdlog::details::mpmc_blocking_queue<int> q(2);\n    q.enqueue(1);\n    REQUIRE(q.size() == 1);\n}\n"
    ),
    "tests/includes.h": '#pragma once\n#include <catch2/catch_all.hpp>\n#include "spdlog/spdlog.h"\n',
}
EVENT = {
    "event.c": '#include "event2/event.h"\n\nint event_base_loop(void *base, int flags) {\n    return base ? flags : -1;\n}\n',
    "include/event2/event.h": "int event_base_loop(void *base, int flags);\n",
    "include/event2/bufferevent_ssl.h": "void *bufferevent_openssl_socket_new(void *base, int fd, void *ssl);\n",
    "bufferevent_openssl.c": (
        '#include "event2/bufferevent_ssl.h"\n\nvoid *bufferevent_openssl_socket_new(void *base, int fd, void *ssl) {\n'
        "    return fd < 0 ? 0 : (ssl ? ssl : base);\n}\n"
    ),
    "http.c": '#include "event2/event.h"\n\nint evhttp_start(void *base) {\n    return event_base_loop(base, 0);\n}\n',
    "buffer.c": "int evbuffer_add(void *buf, const void *data, int n) {\n    return buf && data ? n : -1;\n}\n",
    # the suite's prefix (regress_) names nothing: three tests share it
    "test/regress_http.c": '#include "event2/event.h"\n\nvoid test_http(void) {\n    evhttp_start(0);\n}\n',
    "test/regress_buffer.c": "void test_buffer(void) {\n    evbuffer_add(0, 0, 0);\n}\n",
    "test/regress_openssl.c": (
        '#include "event2/bufferevent_ssl.h"\n\nvoid test_openssl_connect(void) {\n'
        "    void *bev = bufferevent_openssl_socket_new(0, 3, 0);\n    (void)bev;\n}\n"
    ),
}


def test_a_c_test_named_for_part_of_its_modules_name():
    pairs = graph_pairs({**PART, **EVENT})
    assert pairs["tests/test_mpmc_q.cpp"] == ("include/spdlog/details/mpmc_blocking_q.h", "name")
    assert pairs["test/regress_openssl.c"] == ("bufferevent_openssl.c", "name")


def test_named_in_part_needs_one_module_and_a_name_the_test_uses():
    # two modules hold the word: no subject by name
    two = {**EVENT, "openssl_compat.c": "int openssl_compat_init(void) {\n    return 0;\n}\n"}
    two["test/regress_openssl.c"] = EVENT["test/regress_openssl.c"].replace(
        "    (void)bev;", "    (void)bev;\n    openssl_compat_init();"
    )
    assert graph_pairs(two)["test/regress_openssl.c"][1] != "name"
    # the test uses nothing the module defines: a shared word is no evidence
    unrelated = dict(EVENT)
    unrelated["test/regress_openssl.c"] = "void test_openssl_version(void) {\n    int v = 3;\n    (void)v;\n}\n"
    assert graph_pairs(unrelated)["test/regress_openssl.c"][1] != "name"
    # another ecosystem's test named for part of a module's name gets nothing by name (Python: pack_unpack.py)
    py = {
        "pkg/pack_unpack.py": "def pack(fmt, *values):\n    return (fmt, values)\n",
        "pkg/other.py": "def other():\n    return 1\n",
        "tests/test_pack.py": "from pkg.pack_unpack import pack\n\n\ndef test_pack():\n    assert pack('i', 1)\n",
    }
    assert graph_pairs(py)["tests/test_pack.py"][1] != "name"
