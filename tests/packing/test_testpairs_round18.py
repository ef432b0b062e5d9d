"""Test pairing, eighteenth round.

Rust items declared by a module-level macro invocation (RustCrypto's sha2/src/lib.rs writes
digest::buffer_fixed!(pub struct Sha256(..)); bitflags! and lazy_static! declare theirs the same way) count among
what the file defines, so a Cargo test of a small crate naming them pairs with the crate root; a macro_rules!
body's `$name`, an invocation inside a function, and `const _` declare nothing."""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.packing.testpairs import UnitTestsConfig, pair_tests
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig
from tests.packing.pairing_helpers import facts_of, graph_pairs


def defines(path: str, text: str) -> list[str]:
    return file_facts("r", path, text, "rust").test.get("defines") or []


# RustCrypto's shape: the crate root makes its public hashers with a macro of the digest crate
ASCON_LIB = (
    "#![no_std]\n\npub use digest::{self, Digest};\n\nuse digest::consts::U32;\n\npub mod block_api;\n\n"
    "digest::buffer_fixed!(\n    /// Ascon-Hash256 hasher.\n"
    '    pub struct AsconHash256(block_api::AsconHash256Core);\n    oid: "2.16.840.1.101.3.4.2.18";\n'
    "    impl: FixedHashTraits;\n);\n"
)
ASCON_CORE = (
    "use ascon::State;\n\n#[derive(Clone, Debug, Default)]\npub struct AsconHash256Core {\n    state: State,\n}\n\n"
    "impl AsconHash256Core {\n    pub fn compress(&mut self, block: &[u8; 8]) {\n"
    "        self.state.absorb(u64::from_le_bytes(*block));\n    }\n}\n"
)
ASCON_TEST = (
    "use ascon_hash256::{AsconHash256, Digest};\nuse digest::dev::fixed_reset_test;\nuse hex_literal::hex;\n\n"
    "digest::new_test!(ascon_hash256_kat, AsconHash256, fixed_reset_test);\n\n#[test]\nfn empty() {\n"
    '    let h = AsconHash256::digest(b"");\n'
    '    assert_eq!(h[..], hex!("0b3be5850f2f6b98caf29f8fdea89b64a1fa70aa249b8f839bd53baa304d92b2")[..]);\n}\n'
)


def test_items_a_module_level_macro_declares_are_defined():
    names = defines("ascon-hash256/src/lib.rs", ASCON_LIB)
    assert "AsconHash256" in names
    flags = (
        "bitflags::bitflags! {\n    pub struct Flags: u32 {\n        const A = 1;\n    }\n}\n\n"
        "lazy_static::lazy_static! {\n    pub static ref TABLE: Vec<u8> = vec![0; 4];\n}\n"
    )
    names = defines("src/flags.rs", flags)
    assert "Flags" in names and "TABLE" in names


def test_what_no_module_level_invocation_declares_is_not_defined():
    # a macro_rules! body names its items by metavariable; an invocation inside a function declares a local
    # item; `const _` names nothing
    text = (
        "macro_rules! hasher {\n    ($name:ident) => {\n        pub struct $name;\n        struct Inner;\n    };\n}\n\n"
        "pub fn build() {\n    local_macro!(struct Hidden;);\n}\n\nassert_impls!(const _: () = ());\n"
    )
    names = defines("src/lib.rs", text)
    assert "Inner" not in names and "Hidden" not in names and "_" not in names
    assert "build" in names


def test_a_cargo_test_naming_macro_made_items_pairs_with_the_crate_root():
    files = {
        "ascon-hash256/Cargo.toml": '[package]\nname = "ascon-hash256"\nversion = "0.5.0"\nedition = "2024"\n',
        "ascon-hash256/src/lib.rs": ASCON_LIB,
        "ascon-hash256/src/block_api.rs": ASCON_CORE,
        "ascon-hash256/tests/mod.rs": ASCON_TEST,
    }
    pairs = graph_pairs(files, "hashes")
    assert pairs["ascon-hash256/tests/mod.rs"] == ("ascon-hash256/src/lib.rs", "use")


def test_not_when_the_macro_made_item_is_another_crates():
    # the same test, but the crate root only re-exports the hasher from elsewhere: no module of the crate
    # defines what the test names, so it takes no subject this way
    lib = "#![no_std]\n\npub use digest::{self, Digest};\npub use other_hashes::AsconHash256;\n\npub mod block_api;\n"
    files = {
        "ascon-hash256/Cargo.toml": '[package]\nname = "ascon-hash256"\nversion = "0.5.0"\nedition = "2024"\n',
        "ascon-hash256/src/lib.rs": lib,
        "ascon-hash256/src/block_api.rs": ASCON_CORE,
        "ascon-hash256/tests/mod.rs": ASCON_TEST,
    }
    pairs = graph_pairs(files, "hashes")
    assert pairs["ascon-hash256/tests/mod.rs"] != ("ascon-hash256/src/lib.rs", "use")


# sha3's shape: a macro of the file itself declares one hasher per line of its invocation
SHA3_LIB = (
    "pub use digest::{self, Digest};\n\nmod utils;\n\nmacro_rules! impl_sha3_variants {\n"
    "    ($($name:ident($rate:ty, $pad:expr);)*) => {$(\n"
    "        #[derive(Clone, Default)]\n        pub struct $name {\n            state: [u64; 25],\n        }\n"
    "    )*};\n}\n\nimpl_sha3_variants!(\n    /// SHA-3-224 hasher.\n    Sha3_224(U144, SHA3_PAD);\n"
    "    /// Keccak-256 hasher.\n    Keccak256(U136, KECCAK_PAD);\n);\n"
)
# a macro implementing a trait for the types it is given declares no item of those names
IMPLS = (
    "pub trait Cmov {\n    fn cmovz(&mut self, value: &Self, condition: u8);\n}\n\n"
    "macro_rules! impl_cmov {\n    ($($int:ty),*) => {$(\n        impl Cmov for $int {\n"
    "            fn cmovz(&mut self, value: &Self, condition: u8) {\n"
    "                if condition == 0 {\n                    *self = *value;\n                }\n            }\n"
    "        }\n    )*};\n}\n\nimpl_cmov!(\n    u8,\n    u16,\n    u32\n);\n"
)


def test_items_a_files_own_macro_declares_by_its_arguments_are_defined():
    names = defines("sha3/src/lib.rs", SHA3_LIB)
    assert "Sha3_224" in names and "Keccak256" in names
    names = defines("cmov/src/lib.rs", IMPLS)
    assert "Cmov" in names
    assert not {"u8", "u16", "u32"} & set(names)


SHA2_CARGO = '[package]\nname = "sha2"\nversion = "0.11.0"\nedition = "2024"\n'
SHA2_LIB = (
    "pub use digest::{self, Digest};\n\npub mod block_api;\nmod consts;\nmod sha256;\nmod sha512;\n\n"
    "digest::buffer_fixed!(\n    /// SHA-256 hasher.\n    pub struct Sha256(block_api::Sha256VarCore);\n"
    "    impl: FixedHashTraits;\n);\n\ndigest::buffer_fixed!(\n    /// SHA-512 hasher.\n"
    "    pub struct Sha512(block_api::Sha512VarCore);\n    impl: FixedHashTraits;\n);\n"
)
SHA2_TEST = (
    "use digest::dev::fixed_reset_test;\nuse sha2::{Digest, Sha256, Sha512};\n\n"
    "digest::new_test!(sha256_kat, Sha256, fixed_reset_test);\n"
    "digest::new_test!(sha512_kat, Sha512, fixed_reset_test);\n\n#[test]\nfn sha256_empty() {\n"
    '    let h = Sha256::digest(b"");\n    assert_eq!(h.len(), 32);\n    let h = Sha512::digest(b"");\n'
    "    assert_eq!(h.len(), 64);\n}\n"
)


def sha2_crate(extra: dict[str, str]) -> dict[str, str]:
    # a crate of many modules: per-platform compression backends below sha256/ and sha512/
    files = {"sha2/Cargo.toml": SHA2_CARGO, "sha2/src/lib.rs": SHA2_LIB}
    files["sha2/src/block_api.rs"] = (
        "pub struct Sha256VarCore {\n    state: [u32; 8],\n}\n\npub struct Sha512VarCore {\n    state: [u64; 8],\n}\n"
    )
    files["sha2/src/consts.rs"] = "pub const K32: [u32; 2] = [0x428a2f98, 0x71374491];\n"
    for half in ("sha256", "sha512"):
        files[f"sha2/src/{half}.rs"] = (
            f"mod soft;\n\npub fn compress_{half}(state: &mut [u64; 8], blocks: &[[u8; 64]]) {{\n    soft::compress(state, blocks)\n}}\n"
        )
        for backend in (
            "soft",
            "x86",
            "aarch64",
            "riscv",
            "loongarch64",
            "wasm32",
            "x86_avx2",
            "riscv_zknh",
            "soft_compact",
            "aarch64_sha3",
        ):
            files[f"sha2/src/{half}/{backend}.rs"] = (
                f"pub fn compress(state: &mut [u64; 8], blocks: &[[u8; 64]]) {{\n"
                f'    let _ = (state, blocks, "{backend}");\n}}\n'
            )
    files.update(extra)
    return files


def test_a_cargo_test_named_mod_tests_its_crate_root_even_in_a_crate_of_many_modules():
    pairs = graph_pairs(sha2_crate({"sha2/tests/mod.rs": SHA2_TEST}), "hashes")
    # (the calls rule or the crate-use rule: the crate root either way)
    assert pairs["sha2/tests/mod.rs"][0] == "sha2/src/lib.rs"


def test_not_a_topic_test_nor_a_module_below_tests():
    # the same test named for a topic uses the large crate broadly; as tests/it/mod.rs it is a module of the
    # tests/it/main.rs target, not a test crate named "mod"
    pairs = graph_pairs(
        sha2_crate({"sha2/tests/kat.rs": SHA2_TEST, "sha2/tests/it/mod.rs": SHA2_TEST}),
        "hashes",
    )
    assert pairs["sha2/tests/kat.rs"][0] is None
    assert pairs.get("sha2/tests/it/mod.rs", (None,))[0] != "sha2/src/lib.rs"


# M*LIB's shape: tests/check-generic.hpp holds main and the cases; each tests/check-X.cpp defines the container it
# checks against the STL and includes it
DRIVER = (
    "#include <stdio.h>\n#include <assert.h>\n\n#define TEST(name) static void name(void)\n\n"
    "TEST(test_init) {\n  CONT_TYPE a;\n  CONT_INIT(a);\n  assert(CONT_SIZE(a) == 0);\n  CONT_CLEAR(a);\n}\n\n"
    "int main(int argc, const char *argv[])\n{\n  (void) argc;\n  (void) argv;\n  test_init();\n  return 0;\n}\n"
)
INSTANCE = (
    '#include <vector>\n#include "m-{x}.h"\n\n{X}_DEF({x}_int, int)\n\n#define CONT_TYPE {x}_int_t\n'
    "#define CONT_INIT(a) {x}_int_init(a)\n#define CONT_SIZE(a) {x}_int_size(a)\n#define CONT_CLEAR(a) {x}_int_clear(a)\n\n"
    'void cmp_cont({x}_int_t a, std::vector<int> b)\n{{\n  assert({x}_int_size(a) == b.size());\n}}\n\n#include "check-generic.hpp"\n'
)
MHEADER = "#ifndef M_{X}_H\n#define M_{X}_H\n#define {X}_DEF(name, type) M_{X}_DEF(name, type)\n#endif\n"


def detected(files: dict[str, str], repo: str = "mlib") -> set[str]:
    facts = facts_of(files, repo)
    rg = graphs.build_graph(facts, GraphConfig())
    return {p["test"] for p in pair_tests(facts, rg, UnitTestsConfig())}


def test_files_including_a_shared_test_driver_are_the_tests():
    files = {"tests/check-generic.hpp": DRIVER}
    for x in ("array", "deque"):
        files[f"m-{x}.h"] = MHEADER.format(X=x.upper())
        files[f"tests/check-{x}.cpp"] = INSTANCE.format(x=x, X=x.upper())
    tests = detected(files)
    assert {"tests/check-array.cpp", "tests/check-deque.cpp"} <= tests
    assert "tests/check-generic.hpp" not in tests


def test_not_a_driver_one_file_includes_nor_a_test_named_header_without_main():
    # one includer: the header may be a test of its own that another reruns (parallel-hashmap's tests): unchanged
    files = {"tests/check-generic.hpp": DRIVER, "m-array.h": MHEADER.format(X="ARRAY")}
    files["tests/check-array.cpp"] = INSTANCE.format(x="array", X="ARRAY")
    tests = detected(files)
    assert "tests/check-array.cpp" not in tests and "tests/check-generic.hpp" in tests
    # a test-named header of cases without main (utfcpp's tests/test_unchecked_api.h) stays the test
    files = {"tests/test_cases.hpp": DRIVER.split("int main")[0]}
    for x in ("array", "deque"):
        files[f"m-{x}.h"] = MHEADER.format(X=x.upper())
        files[f"tests/check-{x}.cpp"] = INSTANCE.format(x=x, X=x.upper()).replace("check-generic.hpp", "test_cases.hpp")
    tests = detected(files)
    assert not {"tests/check-array.cpp", "tests/check-deque.cpp"} & tests
    # since round 28 a header of cases not named as a test is the includers' shared body, as a driver is
    # (mapbox-variant's test/t/binary_visitor_impl.hpp, labelled so: tests/packing/test_testpairs_round28.py)
    files = {
        p.replace("test_cases.hpp", "cases.hpp"): t.replace("test_cases.hpp", "cases.hpp") for p, t in files.items()
    }
    tests = detected(files)
    assert {"tests/check-array.cpp", "tests/check-deque.cpp"} <= tests and "tests/cases.hpp" not in tests


def macros(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test.get("macros") or {}


def test_a_plain_alias_of_another_macro_is_kept():
    header = "#ifndef M_ARRAY_H\n#define M_ARRAY_H\n#define M_ARRAY_DEF(name, type) M_ARRA4_DEF_P1(name, type)\n"
    header += "#define ARRAY_DEF M_ARRAY_DEF\n#define ARRAY_SIZE_MAX 64\n#define ARRAY_SELF ARRAY_SELF\n#endif\n"
    got = macros("m-array.h", header)
    assert got.get("ARRAY_DEF") == ["M_ARRAY_DEF"]
    # a guard, a constant, a self-reference: no alias
    assert not {"M_ARRAY_H", "ARRAY_SIZE_MAX", "ARRAY_SELF"} & set(got)


# the M*LIB shape with the real header's short names: three check-X.cpp (a suite prefix) over m-X.h
MLIB_HEADER = (
    "#ifndef M_{X}_H\n#define M_{X}_H\n#define M_{X}_DEF(name, type) M_{X}4_DEF_P1(name, type)\n"
    "#define M_{X}_OPLIST(name, oplist) M_{X}4_OPLIST_P1(name, oplist)\n"
    "#define {X}_DEF M_{X}_DEF\n#define {X}_OPLIST M_{X}_OPLIST\n#endif\n"
)


def test_a_suite_test_named_for_a_macro_header_pairs_with_it():
    files = {"tests/check-generic.hpp": DRIVER}
    for x in ("array", "deque", "list"):
        files[f"m-{x}.h"] = MLIB_HEADER.format(X=x.upper())
        files[f"tests/check-{x}.cpp"] = INSTANCE.format(x=x, X=x.upper())
    pairs = graph_pairs(files, "mlib")
    assert pairs["tests/check-array.cpp"][0] == "m-array.h"
    assert pairs["tests/check-deque.cpp"][0] == "m-deque.h"


def test_not_a_macro_header_the_test_never_uses():
    # check-array.cpp here checks a container of its own: it uses none of m-array.h's macros, so the shared word
    # alone pairs nothing
    files = {"tests/check-generic.hpp": DRIVER}
    for x in ("array", "deque", "list"):
        files[f"m-{x}.h"] = MLIB_HEADER.format(X=x.upper())
        files[f"tests/check-{x}.cpp"] = INSTANCE.format(x=x, X=x.upper())
    files["tests/check-array.cpp"] = (
        "#include <vector>\n\ntypedef struct { int n; } my_vec_t;\n#define CONT_TYPE my_vec_t\n#define CONT_INIT(a) ((a).n = 0)\n"
        '#define CONT_SIZE(a) ((a).n)\n#define CONT_CLEAR(a) ((a).n = 0)\n\n#include "check-generic.hpp"\n'
    )
    pairs = graph_pairs(files, "mlib")
    assert pairs["tests/check-array.cpp"][0] != "m-array.h"


def compare_module(kind: str, ctype: str, names: tuple[str, ...] = ("equal", "compare")) -> dict[str, str]:
    protos = "".join(f"int {kind}_{n}(void *a, void *b);\n" for n in names)
    header = f"#ifndef COMPARE_{kind.upper()}_H\n#define COMPARE_{kind.upper()}_H\n{protos}#endif\n"
    impl = f'#include "compare-{kind}.h"\n'
    for n in names:
        impl += (
            f"\nint {kind}_{n}(void *a, void *b)\n{{\n    {ctype} x = *({ctype} *) a, y = *({ctype} *) b;\n"
            f"    return x < y ? -1 : x > y;\n}}\n"
        )
    return {f"src/compare-{kind}.h": header, f"src/compare-{kind}.c": impl}


STRING_NAMES = ("equal", "compare", "nocase_equal", "nocase_compare")


def family_test(name: str) -> str:
    # c-algorithms' test/test-compare-functions.c: one test function per module, the strings' the longest
    body = '#include <assert.h>\n#include "compare-int.h"\n#include "compare-pointer.h"\n#include "compare-string.h"\n'
    body += "\nvoid test_int_compare(void)\n{\n    int a = 4, b = 8;\n    assert(int_compare(&a, &b) < 0);\n"
    body += "    assert(int_equal(&a, &a) == 1);\n}\n"
    body += "\nvoid test_pointer_compare(void)\n{\n    int a, b;\n    assert(pointer_compare(&a, &b) != 0);\n}\n"
    body += '\nvoid test_string_compare(void)\n{\n    char *test1 = "Apple", *test2 = "Orange";\n'
    for n in STRING_NAMES:
        body += f"    assert(string_{n}(test1, test2) != 2);\n    assert(string_{n}(test2, test1) != 2);\n"
    body += "}\n"
    body += "\nint main(void)\n{\n    test_int_compare();\n    test_pointer_compare();\n    test_string_compare();\n"
    body += f"    /* {name} */\n    return 0;\n}}\n"
    return body


def family(test_name: str) -> dict[str, str]:
    files = {
        **compare_module("int", "int"),
        **compare_module("pointer", "long"),
        **compare_module("string", "long", STRING_NAMES),
    }
    files[f"test/test-{test_name}.c"] = family_test(test_name)
    return files


def test_a_test_named_for_what_its_candidates_share_tests_them_all():
    pairs = graph_pairs(family("compare-functions"), "c-algorithms")
    assert pairs["test/test-compare-functions.c"][0] is None


def test_not_when_the_name_picks_one_of_them():
    # the same test named for the strings: its candidates do not all share "string" in their names
    pairs = graph_pairs(family("compare-string-functions"), "c-algorithms")
    assert pairs["test/test-compare-string-functions.c"][0] == "src/compare-string.c"


UNIMPORT_UTILS = (
    "export interface Import { name: string, as?: string, from: string }\n\n"
    "export function toExports(imports: Import[]): string {\n"
    "  return imports.map(i => `export { ${i.name} } from '${i.from}';`).join('\\n')\n}\n\n"
    "export function toExporter(imports: Import[]): (code: string) => string {\n"
    "  return code => code + toExports(imports)\n}\n"
)
UNIMPORT_CONTEXT = (
    "import { toExports, type Import } from './utils'\n\n"
    "export function createUnimport(imports: Import[]) {\n"
    "  return { toExports: () => toExports(imports), imports }\n}\n"
)


def test_named_in_the_singular_for_the_plural_name_it_imports_from_its_module():
    test = (
        "import { describe, expect, it } from 'vitest'\nimport { createUnimport } from '../src/context'\n"
        "import { toExports } from '../src/utils'\n\ndescribe('toExports', () => {\n  it('basic', () => {\n"
        "    expect(toExports([{ name: 'fooBar', from: 'test-id' }])).toBe(\"export { fooBar } from 'test-id';\")\n"
        "    expect(createUnimport([]).imports).toEqual([])\n  })\n})\n"
    )
    files = {"src/utils.ts": UNIMPORT_UTILS, "src/context.ts": UNIMPORT_CONTEXT, "test/to-export.test.ts": test}
    pairs = graph_pairs(files, "unimport")
    assert pairs["test/to-export.test.ts"] == ("src/utils.ts", "import")


def test_not_a_longer_name_that_only_begins_like_it():
    # toExporter is not toExport in the plural
    test = (
        "import { describe, expect, it } from 'vitest'\nimport { createUnimport } from '../src/context'\n"
        "import { toExporter } from '../src/utils'\n\ndescribe('toExporter', () => {\n  it('appends', () => {\n"
        "    expect(toExporter([])('x')).toBe('x')\n    expect(createUnimport([]).imports).toEqual([])\n  })\n})\n"
    )
    files = {"src/utils.ts": UNIMPORT_UTILS, "src/context.ts": UNIMPORT_CONTEXT, "test/to-export.test.ts": test}
    pairs = graph_pairs(files, "unimport")
    assert pairs["test/to-export.test.ts"] != ("src/utils.ts", "import")


BENCH_IMPL = (
    "import { createRouter, addRoute, findRoute } from '../../src'\n\n"
    "export function createInstances() {\n  const router = createRouter()\n  addRoute(router, 'GET', '/hello', { ok: true })\n"
    "  return [['rou3', (path: string) => findRoute(router, 'GET', path)]] as const\n}\n"
)
BENCH_TEST = (
    "import { describe, it, expect } from 'vitest'\nimport { createInstances } from './impl'\n\n"
    "describe('benchmark', () => {\n  for (const [name, lookup] of createInstances()) {\n"
    "    it(`${name} works`, () => {\n      expect(lookup('/hello')).toBeTruthy()\n    })\n  }\n})\n"
)
ROUTER = (
    "export function createRouter() {\n  return { root: {} }\n}\n\nexport function addRoute(r: any, m: string, p: string, d: any) {\n"
    "  r.root[m + p] = d\n}\n\nexport function findRoute(r: any, m: string, p: string) {\n  return r.root[m + p]\n}\n"
)


def test_a_test_of_a_benchmark_folder_does_not_take_the_harness_beside_it():
    files = {"src/index.ts": ROUTER, "test/bench/impl.ts": BENCH_IMPL, "test/bench/impl.test.ts": BENCH_TEST}
    pairs = graph_pairs(files, "radix3")
    assert pairs["test/bench/impl.test.ts"][0] != "test/bench/impl.ts"


def test_a_test_of_an_examples_folder_still_takes_the_example_beside_it():
    files = {
        "src/index.ts": ROUTER,
        "examples/impl.ts": BENCH_IMPL,
        "examples/impl.test.ts": BENCH_TEST,
    }
    pairs = graph_pairs(files, "radix3")
    assert pairs["examples/impl.test.ts"][0] == "examples/impl.ts"
