"""Rust: Cargo.toml's crate names reach the facts (kind "cargo": the package's name, its library crate's name as Cargo
makes it, `[lib] path`), and the resolver's workspace-crate lookup uses them before guessing from folder names
(issue 13, round 40: pest's derive/ is crate pest_derive, grammars/ pest_grammars; RustCrypto's md5/ is package md-5,
crate md5). Manifests shortened from pest (MIT/Apache-2.0), RustCrypto hashes (MIT/Apache-2.0), cc-rs
(MIT/Apache-2.0)."""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.syntax.imports import config_records
from repoloom.syntax.lang.rust import crate_names
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig

PEST_ROOT = '[workspace]\nresolver = "2"\nmembers = [\n    "derive",\n    "grammars",\n    "pest",\n]\n'
PEST_DERIVE = (
    '[package]\nname = "pest_derive"\ndescription = "pest\'s derive macro"\nversion = "2.9.0"\nedition = "2021"\n\n'
    '[lib]\nname = "pest_derive"\nproc-macro = true\n\n[features]\ndefault = ["std"]\nstd = ["pest/std"]\n\n'
    '[dependencies]\npest = { path = "../pest", version = "2.9.0", default-features = false }\n'
)
PEST_GRAMMARS = (
    '[package]\nname = "pest_grammars"\nversion = "2.9.0"\nedition = "2021"\n\n[dependencies]\n'
    'pest = { path = "../pest", version = "2.9.0" }\npest_derive = { path = "../derive", version = "2.9.0" }\n\n'
    '[[bench]]\nname = "json"\nharness = false\n'
)
MD5 = (
    '[package]\nname = "md-5"\nversion = "0.11.0-rc.0"\ndescription = "MD5 hash function"\nedition = "2024"\n'
    'license = "MIT OR Apache-2.0"\n\n[lib]\nname = "md5"\n\n[dependencies]\ndigest = "0.11.0-rc.0"\n'
)
CC = (
    '[package]\nname = "cc"\nversion = "1.4.2"\nedition.workspace = true\nrust-version.workspace = true\n'
    'description = """\nA build-time dependency for Cargo build scripts.\n"""\n'
    'exclude = ["/.github", "src/bin", "tests"]\n\n[workspace]\nmembers = [\n    "dev-tools/cc-test",\n]\n\n'
    '[workspace.package]\nedition = "2018"\nrust-version = "1.63"\n'
)
ASYNC_TASK = '[package]\nname = "async-task"\nversion = "4.7.1"\nedition = "2021"\n\n[lib]\npath = "lib.rs"\n'


def test_a_package_gives_its_name_and_its_library_crates_name():
    assert config_records(PEST_DERIVE, "toml", "derive/Cargo.toml") == [
        {"kind": "cargo", "target": "pest_derive", "names": ["pest_derive"], "line": 0}
    ]
    # [lib] name wins over the package's name; without it the package's name with '-' as '_'
    assert config_records(MD5, "toml", "md5/Cargo.toml")[0]["names"] == ["md5"]
    assert config_records(ASYNC_TASK, "toml", "Cargo.toml") == [
        {"kind": "cargo", "target": "async-task", "names": ["async_task"], "line": 0, "path": "lib.rs"}
    ]
    # a root package that is a workspace too (cc-rs)
    assert config_records(CC, "toml", "Cargo.toml")[0]["names"] == ["cc"]


def test_a_workspace_only_or_malformed_manifest_gives_no_record():
    assert config_records(PEST_ROOT, "toml", "Cargo.toml") == []
    assert config_records('[package]\nname = "broken\nversion = 1\n', "toml", "x/Cargo.toml") == []
    assert config_records("[package]\nversion = 1\n", "toml", "x/Cargo.toml") == []  # no name
    # through the parse, as the build makes the file's facts: no exception either
    assert file_facts("r", "x/Cargo.toml", "[package\nname = 'x'\n", "toml").imports == []
    # another TOML file is no manifest
    assert config_records(PEST_GRAMMARS, "toml", "rustfmt.toml") == []


def _facts(files: dict[str, str]) -> list:
    return sorted((file_facts("pest", p, t, detect_language(p, t)) for p, t in files.items()), key=lambda f: f.path)


def test_crate_names_by_package_folder():
    facts = _facts(
        {"Cargo.toml": PEST_ROOT, "derive/Cargo.toml": PEST_DERIVE, "md5/Cargo.toml": MD5, "at/Cargo.toml": ASYNC_TASK}
    )
    assert crate_names(facts) == {
        "derive": ("pest_derive", "derive/src/lib.rs"),
        "md5": ("md5", "md5/src/lib.rs"),
        "at": ("async_task", "at/lib.rs"),
    }


WORKSPACE = {
    "Cargo.toml": PEST_ROOT,
    "derive/Cargo.toml": PEST_DERIVE,
    "derive/src/lib.rs": (
        "use proc_macro::TokenStream;\n\n#[proc_macro_derive(Parser, attributes(grammar, grammar_inline))]\n"
        "pub fn derive_parser(input: TokenStream) -> TokenStream {\n    input\n}\n"
    ),
    "grammars/Cargo.toml": PEST_GRAMMARS,
    "grammars/src/lib.rs": (
        "pub mod json {\n    use pest_derive::Parser;\n\n    /// JSON parser.\n    #[derive(Parser)]\n"
        '    #[grammar = "grammars/json.pest"]\n    pub struct JsonParser;\n}\n'
    ),
    # a folder named like a crate, but its manifest declares another: not that crate
    "pest/Cargo.toml": '[package]\nname = "pest_core"\nversion = "2.9.0"\n',
    "pest/src/lib.rs": "pub trait Parser<R> {}\n",
    # no manifest at all (a vendored copy, a benchmark's sources): the folder's name still stands
    "vendor/bits/src/lib.rs": "pub struct BitSet;\n",
    "grammars/src/extra.rs": "use pest::Parser;\nuse bits::BitSet;\n",
}


def _edges(files: dict[str, str]) -> set[tuple[str, str]]:
    return set(graphs.build_graph(_facts(files), GraphConfig()).graph.edges)


def test_a_workspace_crate_resolves_by_its_declared_name():
    edges = _edges(WORKSPACE)
    # pest_derive lives in derive/: before, only a folder named pest_derive or pest-derive was looked for
    assert ("grammars/src/lib.rs", "derive/src/lib.rs") in edges
    assert ("grammars/src/extra.rs", "pest/src/lib.rs") not in edges  # pest/ is crate pest_core
    assert ("grammars/src/extra.rs", "vendor/bits/src/lib.rs") in edges  # the guess, where no manifest is


def test_the_root_packages_own_crate_by_name_is_still_no_edge():
    # cc-rs's tests reach crate cc by name; the repository root's package was never found by the folder guess and
    # is left out (edges from its tests moved the pairing rules measured without them)
    files = {
        "Cargo.toml": CC,
        "src/lib.rs": "mod tool;\n\npub use tool::Tool;\n\npub struct Build;\n",
        "src/tool.rs": "pub struct Tool;\n",
        "tests/cc_env.rs": "use cc::Tool;\n\n#[test]\nfn ccache() {\n    let _ = std::mem::size_of::<Tool>();\n}\n",
    }
    assert not any(a == "tests/cc_env.rs" for a, _ in _edges(files))
