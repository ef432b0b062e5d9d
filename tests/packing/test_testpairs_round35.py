"""Test pairing, thirty-fifth round (which subject a detected test gets).

- (Rust) A Cargo test named for the auto traits it asserts (anyhow's tests/test_autotrait.rs: assert_send::<Error>(),
  tokio-stream's tests/async_send_sync.rs) checks what the compiler derives at the types' definitions: the one file of
  its crate that defines the types it names, resolved through the crate's re-exports (miette's Report:
  src/eyreish/mod.rs, behind lib.rs's pub use eyreish::*), is its subject; types from several files (semver's
  Version in lib.rs, Error in parse.rs) name none, and no later rule is asked.
"""

from __future__ import annotations

from repoloom.packing.pairing.by_use import _named_for_auto_traits
from tests.packing.pairing_helpers import graph_pairs

# anyhow (MIT OR Apache-2.0), shortened: the crate root defines Error; error.rs holds its methods.
_ANYHOW = {
    "Cargo.toml": '[package]\nname = "anyhow"\nversion = "1.0.0"\n',
    "src/lib.rs": (
        "mod chain;\nmod context;\nmod error;\nmod fmt;\n\npub use crate::chain::Chain;\npub use crate::context::Context;\n"
        "pub use crate::error::ErrorExt;\n\n"
        "/// The Error type, a wrapper around a dynamic error type.\n"
        "pub struct Error {\n    inner: Box<dyn std::error::Error + Send + Sync + 'static>,\n}\n\n"
        "pub type Result<T, E = Error> = core::result::Result<T, E>;\n"
    ),
    "src/error.rs": (
        "use crate::Error;\n\npub trait ErrorExt {\n    fn root_cause(&self) -> &(dyn std::error::Error + 'static);\n}\n\n"
        "impl Error {\n    pub fn msg<M: std::fmt::Display>(message: M) -> Self {\n"
        "        Error { inner: message.to_string().into() }\n    }\n}\n"
    ),
    "src/chain.rs": "pub struct Chain<'a> {\n    next: Option<&'a (dyn std::error::Error + 'static)>,\n}\n",
    "src/context.rs": (
        "pub trait Context<T, E> {\n    fn context<C>(self, context: C) -> Result<T, crate::Error>\n"
        "    where\n        C: std::fmt::Display + Send + Sync + 'static;\n}\n"
    ),
    "src/fmt.rs": (
        "use crate::Error;\nuse core::fmt;\n\nimpl fmt::Debug for Error {\n"
        '    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, "{}", self.inner)\n    }\n}\n'
    ),
    "tests/test_autotrait.rs": (
        "#![allow(clippy::extra_unused_type_parameters)]\n\nuse anyhow::Error;\n"
        "use std::panic::{RefUnwindSafe, UnwindSafe};\n\n"
        "#[test]\nfn test_send() {\n    fn assert_send<T: Send>() {}\n    assert_send::<Error>();\n}\n\n"
        "#[test]\nfn test_sync() {\n    fn assert_sync<T: Sync>() {}\n    assert_sync::<Error>();\n}\n\n"
        "#[test]\nfn test_unwind_safe() {\n    fn assert_unwind_safe<T: UnwindSafe>() {}\n"
        "    assert_unwind_safe::<Error>();\n}\n\n"
        "#[test]\nfn test_ref_unwind_safe() {\n    fn assert_ref_unwind_safe<T: RefUnwindSafe>() {}\n"
        "    assert_ref_unwind_safe::<Error>();\n}\n"
    ),
}

# miette (Apache-2.0), shortened: Report lives in the eyreish module, re-exported whole by the crate root.
_MIETTE = {
    "Cargo.toml": '[package]\nname = "miette"\nversion = "7.0.0"\n',
    "src/lib.rs": (
        "pub use chain::*;\npub use eyreish::*;\npub use named_source::*;\npub use protocol::*;\n\n"
        "mod chain;\nmod eyreish;\nmod named_source;\nmod protocol;\n"
    ),
    "src/chain.rs": "pub enum Chain<'a> {\n    Buffered { rest: Vec<&'a dyn std::error::Error> },\n    Linked,\n}\n",
    "src/named_source.rs": "pub struct NamedSource<S> {\n    source: S,\n    name: String,\n}\n",
    "src/protocol.rs": (
        "pub trait Diagnostic: std::error::Error {\n    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {\n"
        "        None\n    }\n}\n"
    ),
    "src/eyreish/mod.rs": (
        "pub use error::*;\n\nmod error;\n\n/// Core Diagnostic wrapper type.\n"
        "pub struct Report {\n    inner: Box<dyn crate::Diagnostic + Send + Sync + 'static>,\n}\n\n"
        "pub type Result<T, E = Report> = core::result::Result<T, E>;\n"
    ),
    "src/eyreish/error.rs": (
        "use super::Report;\n\nimpl Report {\n    pub fn handler(&self) -> usize {\n        0\n    }\n}\n"
    ),
    "tests/test_autotrait.rs": (
        "use miette::Report;\n\n#[test]\nfn test_send() {\n    fn assert_send<T: Send>() {}\n"
        "    assert_send::<Report>();\n}\n\n#[test]\nfn test_sync() {\n    fn assert_sync<T: Sync>() {}\n"
        "    assert_sync::<Report>();\n}\n"
    ),
}

# semver (MIT OR Apache-2.0), shortened: Version in the crate root, Error in parse.rs.
_SEMVER = {
    "Cargo.toml": '[package]\nname = "semver"\nversion = "1.0.0"\n',
    "src/lib.rs": (
        "mod display;\nmod eval;\nmod impls;\nmod parse;\n\npub use crate::parse::Error;\n\n"
        "pub struct Version {\n    pub major: u64,\n    pub minor: u64,\n    pub patch: u64,\n}\n\n"
        "pub struct VersionReq {\n    pub comparators: Vec<Version>,\n}\n"
    ),
    "src/display.rs": 'impl core::fmt::Display for crate::Version {\n    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {\n        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)\n    }\n}\n',
    "src/eval.rs": "pub(crate) fn matches(req: &crate::VersionReq, ver: &crate::Version) -> bool {\n    req.comparators.iter().all(|c| c.major == ver.major)\n}\n",
    "src/impls.rs": "impl Default for crate::VersionReq {\n    fn default() -> Self {\n        crate::VersionReq { comparators: Vec::new() }\n    }\n}\n",
    "src/parse.rs": (
        "pub struct Error {\n    kind: ErrorKind,\n}\n\nenum ErrorKind {\n    Empty,\n}\n\n"
        "impl crate::Version {\n    pub fn parse(text: &str) -> Result<Self, Error> {\n"
        "        let _ = text;\n        Err(Error { kind: ErrorKind::Empty })\n    }\n}\n"
    ),
    "tests/test_autotrait.rs": (
        "#![allow(clippy::extra_unused_type_parameters)]\n\nfn assert_send_sync<T: Send + Sync>() {}\n\n"
        "#[test]\nfn test() {\n    assert_send_sync::<semver::Error>();\n    assert_send_sync::<semver::Version>();\n"
        "    assert_send_sync::<semver::VersionReq>();\n}\n"
    ),
}


def test_names_that_say_a_test_asserts_auto_traits():
    for path in (
        "tests/test_autotrait.rs",
        "eyre/tests/test_autotrait.rs",
        "futures/tests/auto_traits.rs",
        "tokio-stream/tests/async_send_sync.rs",
    ):
        assert _named_for_auto_traits(path), path
    for path in ("tests/test_boxed.rs", "tests/sync.rs", "tests/send.rs", "tests/traits.rs", "tests/auto.rs"):
        assert not _named_for_auto_traits(path), path


def test_an_auto_trait_test_takes_the_crate_root_defining_its_one_type():
    assert graph_pairs(_ANYHOW, repo="anyhow")["tests/test_autotrait.rs"] == ("src/lib.rs", "use")


def test_an_auto_trait_test_takes_its_type_through_the_crates_re_exports():
    assert graph_pairs(_MIETTE, repo="miette")["tests/test_autotrait.rs"] == ("src/eyreish/mod.rs", "use")


def test_an_auto_trait_test_of_types_from_several_files_has_no_subject():
    assert graph_pairs(_SEMVER, repo="semver")["tests/test_autotrait.rs"] == (None, None)
