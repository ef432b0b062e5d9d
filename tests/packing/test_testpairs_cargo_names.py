"""Test pairing with Cargo.toml's crate names (issue 13, round 40): a Cargo integration test's own crate is the
library crate its package's Cargo.toml declares, not a key guessed from the package folder's or the repository's
name; the guess stands only where no manifest is (or it is malformed, or declares a workspace only).

Shortened from pest (MIT/Apache-2.0: grammars/ is crate pest_grammars, its tests/http.rs uses pest_grammars::http;
the guess cut "grammars" to "gramma") and cc-rs (MIT/Apache-2.0: the repository cc-rs, its root package crate cc)."""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs

PEST_ROOT = '[workspace]\nresolver = "2"\nmembers = [\n    "grammars",\n    "pest",\n]\n'
PEST_GRAMMARS = (
    '[package]\nname = "pest_grammars"\ndescription = "pest popular grammar implementations"\nversion = "2.9.0"\n'
    'edition = "2021"\n\n[dependencies]\npest = { path = "../pest", version = "2.9.0" }\n'
    'pest_derive = { path = "../derive", version = "2.9.0" }\n\n[dev-dependencies]\ncriterion = "0.5"\n'
)
GRAMMARS_LIB = (
    "//! # pest. The Elegant Parser\n//!\n//! Contains a series of default grammars.\n\n#![doc(\n"
    '    html_root_url = "https://docs.rs/pest_grammars"\n)]\n#![warn(missing_docs, rust_2018_idioms)]\n\n'
    "pub use pest::Parser;\n\n/// Grammar rules of a simplified HTTP request parser\n#[allow(missing_docs)]\n"
    "pub mod http {\n    /// HTTP parser.\n    #[derive(Parser)]\n"
    '    #[grammar = "grammars/http.pest"]\n    pub struct HttpParser;\n}\n\n'
    "/// Grammar rules of a sample JSON parser\n#[allow(missing_docs)]\npub mod json {\n    /// JSON parser.\n"
    '    #[derive(Parser)]\n    #[grammar = "grammars/json.pest"]\n    pub struct JsonParser;\n}\n'
)
HTTP_TEST = (
    "#[macro_use]\nextern crate pest;\nuse pest_grammars::{http::*, Parser};\n\n#[test]\nfn method() {\n"
    '    parses_to! {\n        parser: HttpParser,\n        input: "GET",\n        rule: Rule::method,\n'
    "        tokens: [\n            method(0, 3)\n        ]\n    };\n}\n\n#[test]\nfn uri() {\n"
    '    parses_to! {\n        parser: HttpParser,\n        input: "/",\n        rule: Rule::uri,\n'
    "        tokens: [\n            uri(0, 1)\n        ]\n    };\n}\n"
)
PEST_LIB = (
    "mod parser;\nmod position;\n\npub use crate::parser::Parser;\npub use crate::position::Position;\n\n"
    "#[macro_export]\nmacro_rules! parses_to {\n    ( parser: $parser:ident, input: $string:expr ) => {};\n}\n"
)
PEST = {
    "Cargo.toml": PEST_ROOT,
    "grammars/Cargo.toml": PEST_GRAMMARS,
    "grammars/src/lib.rs": GRAMMARS_LIB,
    "grammars/tests/http.rs": HTTP_TEST,
    "pest/Cargo.toml": '[package]\nname = "pest"\nversion = "2.9.0"\nedition = "2021"\n',
    "pest/src/lib.rs": PEST_LIB,
    "pest/src/parser.rs": "pub trait Parser<R> {\n    fn parse(rule: R, input: &str);\n}\n",
    "pest/src/position.rs": "pub struct Position<'i> {\n    input: &'i str,\n    pos: usize,\n}\n",
}


def test_a_test_of_a_workspace_package_reaches_the_crate_its_manifest_declares():
    assert graph_pairs(PEST, repo="pest")["grammars/tests/http.rs"][0] == "grammars/src/lib.rs"


def test_without_the_manifest_the_folder_guess_does_not_name_that_crate():
    # the same workspace less grammars/Cargo.toml: "grammars" gives the key "gramma", not pest_grammars
    files = {p: t for p, t in PEST.items() if p != "grammars/Cargo.toml"}
    assert graph_pairs(files, repo="pest")["grammars/tests/http.rs"][0] is None


CC_ROOT = (
    '[package]\nname = "cc"\nversion = "1.4.2"\nedition.workspace = true\n'
    'description = """\nA build-time dependency for Cargo build scripts to assist in invoking the native\n'
    'C compiler to compile native C code into a static archive.\n"""\nlicense = "MIT OR Apache-2.0"\n'
    'exclude = ["/.github", "src/bin", "tests"]\n\n[workspace]\nmembers = [\n    "dev-tools/cc-test",\n]\n\n'
    '[workspace.package]\nedition = "2018"\n'
)
CC_LIB = (
    "mod tool;\npub use tool::Tool;\n\n/// A builder for compilation of a native library.\n"
    "#[derive(Clone, Debug)]\npub struct Build {\n    files: Vec<String>,\n    cpp: bool,\n}\n\n"
    "/// Represents the types of errors that may occur while using cc-rs.\n#[derive(Clone, Debug)]\n"
    "pub struct Error {\n    message: String,\n}\n\nimpl Build {\n    pub fn new() -> Build {\n"
    "        Build { files: Vec::new(), cpp: false }\n    }\n\n    pub fn file(&mut self, p: &str) -> &mut Build {\n"
    "        self.files.push(p.to_string());\n        self\n    }\n\n"
    "    pub fn cpp(&mut self, cpp: bool) -> &mut Build {\n        self.cpp = cpp;\n        self\n    }\n\n"
    "    pub fn try_compile(&self, _output: &str) -> Result<(), Error> {\n        Ok(())\n    }\n}\n"
)
CC_TEST = (
    "use cc::{Build, Error};\n\n#[test]\nfn gnu_smoke() {\n    let r: Result<(), Error> = Build::new()\n"
    '        .file("foo.c")\n        .try_compile("foo");\n    assert!(r.is_ok());\n}\n\n#[test]\n'
    'fn gnu_cpp() {\n    assert!(Build::new().cpp(true).file("foo.cpp").try_compile("foo").is_ok());\n}\n'
)
CC = {
    "Cargo.toml": CC_ROOT,
    "src/lib.rs": CC_LIB,
    "src/tool.rs": "/// Configuration used to represent an invocation of a C compiler.\npub struct Tool {\n    cc: bool,\n}\n",
    "tests/test.rs": CC_TEST,
}


def test_a_root_package_named_unlike_its_repository_is_its_manifests_crate():
    # repository cc-rs, crate cc: the guess keyed "ccrs"; the manifest says cc
    assert graph_pairs(CC, repo="cc-rs")["tests/test.rs"] == ("src/lib.rs", "use")


def test_a_malformed_or_workspace_only_manifest_leaves_the_guess():
    # a root manifest that does not parse: no record, so the repository's name is guessed as before ("cc" here)
    broken = dict(CC, **{"Cargo.toml": '[package]\nname = "cc\nversion = "1.4.2"\n'})
    assert graph_pairs(broken, repo="cc")["tests/test.rs"] == ("src/lib.rs", "use")
    assert graph_pairs(broken, repo="cc-rs")["tests/test.rs"][0] is None
    # a workspace-only root: the same
    ws = dict(CC, **{"Cargo.toml": '[workspace]\nmembers = [\n    "dev-tools/cc-test",\n]\n'})
    assert graph_pairs(ws, repo="cc")["tests/test.rs"] == ("src/lib.rs", "use")


def test_the_own_crate_of_a_cargo_test_is_the_declared_one_else_the_guess():
    from repoloom.packing.pairing.by_use import _names_own, _test_crate
    from repoloom.syntax.lang.rust import crate_names
    from tests.packing.pairing_helpers import facts_of

    facts = {f.path: f for f in facts_of(PEST, repo="pest")}
    found = _test_crate(facts["grammars/tests/http.rs"], crate_names(facts.values()))
    assert found == ("grammars/src/", "pest_grammars", True)
    assert _names_own("pest_grammars", found) and not _names_own("pest-grammars", found)
    guessed = _test_crate(facts["grammars/tests/http.rs"], {})
    assert guessed == ("grammars/src/", "gramma", False) and not _names_own("pest_grammars", guessed)
