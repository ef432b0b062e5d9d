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


def facts_of(files: dict[str, str], repo: str) -> list:
    return sorted((file_facts(repo, p, t, detect_language(p, t)) for p, t in files.items()), key=lambda f: f.path)


def graph_pairs(files: dict[str, str], repo: str) -> dict[str, tuple]:
    facts = facts_of(files, repo)
    rg = graphs.build_graph(facts, GraphConfig())
    return {p["test"]: (p["subject"], p["rule"]) for p in pair_tests(facts, rg, UnitTestsConfig())}


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
