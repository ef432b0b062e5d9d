"""Test pairing, fourteenth round: abstaining when a Rust test uses a crate of many modules broadly, and type tests
pairing with the declarations beside them; each with a case where the rule must not fire."""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs


# itertools' shape: src/lib.rs holds the trait's adaptors and the crate's macros, with many modules beside it;
# tests/test_std.rs exercises the whole crate, tests/macros_hygiene.rs only the root's macros.
ROOT_FNS = (
    "interleave",
    "merge_sorted",
    "dedup_sorted",
    "chunked",
    "windows_of",
    "kmerge",
    "sorted_by_key",
    "unique_by",
)


def seqtools(modules: int) -> dict[str, str]:
    files = {"Cargo.toml": '[package]\nname = "seqtools"\nversion = "0.1.0"\nedition = "2021"\n'}
    lib = "".join(f"pub mod step{i:02d};\n" for i in range(modules)) + "\n"
    lib += "".join(
        f"pub fn {name}(xs: &[u32]) -> Vec<u32> {{\n    xs.iter().map(|x| x + {i}).collect()\n}}\n\n"
        for i, name in enumerate(ROOT_FNS)
    )
    lib += (
        "#[macro_export]\nmacro_rules! izip {\n    ($a:expr, $b:expr) => { $a.iter().zip($b.iter()) };\n}\n\n"
        "#[macro_export]\nmacro_rules! chain {\n    ($a:expr, $b:expr) => { $a.iter().chain($b.iter()) };\n}\n"
    )
    files["src/lib.rs"] = lib
    for i in range(modules):
        files[f"src/step{i:02d}.rs"] = (
            f"pub struct Step{i:02d} {{\n    pub n: usize,\n}}\n\nimpl Step{i:02d} {{\n"
            f"    pub fn advance{i:02d}(&mut self) -> usize {{\n        self.n += {i + 1};\n        self.n\n    }}\n}}\n\n"
            f"pub fn step{i:02d}_len(s: &Step{i:02d}) -> usize {{\n    s.n\n}}\n"
        )
    calls = "".join(f"    assert!(!seqtools::{name}(&xs).is_empty());\n" for name in ROOT_FNS)
    files["tests/test_std.rs"] = (
        "use seqtools::step00::Step00;\n\n#[test]\nfn everything() {\n    let xs = vec![1, 2, 3];\n"
        + calls
        + "    let mut s = Step00 { n: 0 };\n    s.advance00();\n    assert_eq!(seqtools::step00::step00_len(&s), 1);\n}\n"
    )
    files["tests/macros_hygiene.rs"] = (
        "#[test]\nfn macros_need_no_imports() {\n    let a = [1, 2];\n    let b = [3, 4];\n"
        "    let _ = seqtools::izip!(a, b);\n    let _ = seqtools::chain!(a, b);\n}\n"
    )
    return files


def test_a_test_using_a_crate_of_many_modules_broadly_gets_no_subject():
    got = graph_pairs(seqtools(22))
    assert got["tests/test_std.rs"] == (None, None)


def test_a_test_of_the_roots_own_macros_keeps_the_root():
    got = graph_pairs(seqtools(22))
    assert got["tests/macros_hygiene.rs"][0] == "src/lib.rs"


def test_a_small_crates_root_is_its_code():
    files = seqtools(3)
    # a few more root functions, so that the root leads Step00's module fourfold (the calls rule's margin)
    more = ("flatten_ok", "pad_using", "tuple_windows")
    files["src/lib.rs"] += "".join(f"\npub fn {n}(xs: &[u32]) -> Vec<u32> {{\n    xs.to_vec()\n}}\n" for n in more)
    files["tests/test_std.rs"] = files["tests/test_std.rs"].replace(
        "    let mut s", "".join(f"    assert!(!seqtools::{n}(&xs).is_empty());\n" for n in more) + "    let mut s"
    )
    got = graph_pairs(files)
    assert got["tests/test_std.rs"][0] == "src/lib.rs"


# nanostores' shape: each store folder has index.js, its declarations index.d.ts, a runtime test index.test.ts and
# a check-dts type test errors.ts (lines marked // THROWS must fail to compile), importing the package's entry.
NANO = {
    "package.json": '{"name": "nanostores", "type": "module", "main": "index.js", "types": "index.d.ts"}\n',
    "index.js": "export { atom } from './atom/index.js'\nexport { computed } from './computed/index.js'\n",
    "index.d.ts": "export { atom, ReadableAtom } from './atom/index.js'\nexport { computed } from './computed/index.js'\n",
    "atom/index.js": "export let atom = (value) => {\n  let $atom = { value, get() { return $atom.value } }\n  return $atom\n}\n",
    "atom/index.d.ts": (
        "export interface ReadableAtom<Value = any> {\n  get(): Value\n  readonly value: Value\n}\n\n"
        "export function atom<Value>(initialValue: Value): ReadableAtom<Value>\n"
    ),
    "atom/errors.ts": (
        "import { atom } from '../index.js'\n\nlet $store = atom<{ value: string }>({ value: '1' })\n\n"
        "// THROWS read-only property\n$store.value = { value: '2' }\n"
    ),
    "computed/index.js": (
        "export let computed = (store, cb) => {\n  let $c = { get() { return cb(store.get()) } }\n  return $c\n}\n"
    ),
    "computed/index.d.ts": (
        "import type { ReadableAtom } from '../atom/index.js'\n\n"
        "export function computed<Value, Result>(\n  store: ReadableAtom<Value>,\n  cb: (value: Value) => Result\n"
        "): ReadableAtom<Result>\n"
    ),
    "computed/errors.ts": (
        "import { atom, computed } from '../index.js'\n\nlet $a = atom(1)\nlet $c = computed($a, a => a * 2)\n\n"
        "// THROWS 'string' is not assignable to parameter of type 'number'\nlet b: number = $c.get() + 'px'\n"
    ),
    # two declaration files beside a type test: the declarations rule cannot tell which it checks
    "lifecycle/index.js": "export let onMount = (store, cb) => cb(store)\nexport let onStop = (store, cb) => cb(store)\n",
    "lifecycle/index.d.ts": "export function onMount(store: unknown, cb: () => void): () => void\n",
    "lifecycle/stop.d.ts": "export function onStop(store: unknown, cb: () => void): () => void\n",
    "lifecycle/errors.ts": (
        "import { atom } from '../index.js'\nimport { onMount } from './index.js'\n\nlet $a = atom(1)\n\n"
        "// THROWS Expected 2 arguments\nonMount($a)\n"
    ),
}


def test_a_type_test_named_for_no_module_pairs_with_the_declarations_beside_it():
    got = graph_pairs(NANO)
    assert got["computed/errors.ts"][0] == "computed/index.d.ts"
    assert got["atom/errors.ts"][0] == "atom/index.d.ts"


def test_several_declarations_beside_a_type_test_give_the_folders_index_declarations():
    got = graph_pairs(NANO)
    # none by the declarations rule; since round 37 the folder's index, as a .ts file resolves it (index.d.ts), as
    # nanostores' labels say (deep-map/errors.ts, beside index.d.ts and path.d.ts: deep-map/index.d.ts); never stop.d.ts
    assert got["lifecycle/errors.ts"] == ("lifecycle/index.d.ts", "path")


# serde_with's shape: a Cargo test target of its own folder, tests/schemars_0_9/main.rs (with modules beside it),
# tests the module its folder is named after; tests/main.rs is named by nothing.
SCHEMA = {
    "Cargo.toml": '[package]\nname = "serde_with"\nversion = "3.0.0"\nedition = "2021"\n',
    "src/lib.rs": "pub mod schemars_0_9;\npub mod base64;\n\npub struct DisplayFromStr;\npub struct Same;\n",
    "src/schemars_0_9.rs": (
        "use crate::{DisplayFromStr, Same};\n\npub trait JsonSchemaAs<T> {\n    fn schema_name() -> String;\n}\n\n"
        "impl<T> JsonSchemaAs<T> for DisplayFromStr {\n    fn schema_name() -> String {\n"
        '        "String".into()\n    }\n}\n\nimpl<T> JsonSchemaAs<T> for Same {\n    fn schema_name() -> String {\n'
        '        "Same".into()\n    }\n}\n'
    ),
    "src/base64.rs": 'pub struct Base64;\n\nimpl Base64 {\n    pub fn encode(b: &[u8]) -> String {\n        format!("{b:?}")\n    }\n}\n',
    "tests/schemars_0_9/main.rs": (
        "mod snapshots;\n\nuse schemars_0_9::schema_for;\nuse serde_with::{DisplayFromStr, Same};\n\n#[test]\n"
        "fn display_from_str_schema() {\n    let schema = schema_for!(DisplayFromStr);\n"
        "    assert_eq!(schema.title(), snapshots::EXPECTED);\n    let _ = Same;\n}\n"
    ),
    "tests/schemars_0_9/snapshots.rs": 'pub const EXPECTED: &str = "String";\n',
    "tests/main.rs": (
        "use serde_with::{DisplayFromStr, Same};\n\n#[test]\nfn markers_exist() {\n    let _ = (DisplayFromStr, Same);\n}\n"
    ),
}


def test_a_test_crate_root_in_its_own_folder_is_named_by_the_folder():
    got = graph_pairs(SCHEMA)
    assert got["tests/schemars_0_9/main.rs"][0] == "src/schemars_0_9.rs"
    assert got["tests/main.rs"][0] != "src/schemars_0_9.rs"


# serde_with's tests/hashbrown_0_15.rs shape: it uses an item of the crate root and little else; the use rule
# would take the root. In a crate of many modules that is the crate broadly; in a small crate it is its code.
ADAPTORS = (
    "use seqtools::interleave;\n\n#[test]\nfn interleave_keeps_every_item() {\n    let xs = vec![1, 2, 3];\n"
    "    let out = interleave(&xs);\n    assert_eq!(out.len(), xs.len());\n    assert!(out.iter().all(|x| *x >= 1));\n}\n"
)


def test_items_used_from_the_root_of_a_crate_of_many_modules_give_no_subject():
    assert graph_pairs({**seqtools(22), "tests/adaptors.rs": ADAPTORS})["tests/adaptors.rs"] == (None, None)
    assert graph_pairs({**seqtools(3), "tests/adaptors.rs": ADAPTORS})["tests/adaptors.rs"][0] == "src/lib.rs"
