"""Test pairing, round 36b (Rust: which subject a detected Cargo test gets).

- (Rust) A helper module of a Cargo test target (a file under tests/ that is no test itself: reqwest's
  tests/support/not_tcp.rs, rust-lexical's tests/stackvec.rs, bumpalo's tests/all/main.rs) is test code: a test
  named like it (tests/not_tcp.rs, tests/stackvec_tests.rs, tests/all/tests.rs) does not test it. The name rules pass
  over it and later rules decide (the crate file the test's paths resolve to, or none). A support crate's own
  source (tower-test's src/mock/mod.rs, outside any tests/ folder) stays a subject.
"""

from __future__ import annotations

from repoloom.packing.pairing.conventions import _target_helper
from tests.packing.pairing_helpers import graph_pairs

# rust-lexical's lexical-parse-float (MIT OR Apache-2.0), shortened: tests/stackvec_tests.rs declares the helper
# module tests/stackvec.rs and tests StackVec of src/bigint.rs.
_LEXICAL = {
    "lexical-parse-float/Cargo.toml": '[package]\nname = "lexical-parse-float"\nversion = "1.0.5"\n',
    "lexical-parse-float/src/lib.rs": "pub mod bigint;\npub mod float;\n",
    "lexical-parse-float/src/bigint.rs": (
        "pub type Limb = u64;\n\n"
        "pub struct StackVec<const SIZE: usize> {\n    data: [Limb; SIZE],\n    length: u16,\n}\n\n"
        "impl<const SIZE: usize> StackVec<SIZE> {\n"
        "    pub const fn new() -> Self {\n        Self { data: [0; SIZE], length: 0 }\n    }\n\n"
        "    pub fn from_u32(x: u32) -> Self {\n        let mut v = Self::new();\n"
        "        v.try_push(x as Limb).unwrap();\n        v\n    }\n\n"
        "    pub fn try_push(&mut self, value: Limb) -> Option<()> {\n"
        "        if (self.length as usize) < SIZE {\n            self.data[self.length as usize] = value;\n"
        "            self.length += 1;\n            Some(())\n        } else {\n            None\n        }\n    }\n\n"
        "    pub fn len(&self) -> usize {\n        self.length as usize\n    }\n}\n\n"
        "pub struct Bigint {\n    pub data: StackVec<62>,\n}\n"
    ),
    "lexical-parse-float/src/float.rs": (
        "pub trait RawFloat {\n    const BITS: usize;\n}\n\nimpl RawFloat for f64 {\n    const BITS: usize = 64;\n}\n"
    ),
    "lexical-parse-float/tests/stackvec.rs": (
        "use lexical_parse_float::bigint::{Limb, StackVec};\n\n"
        "pub fn vec_from_u32<const SIZE: usize>(x: &[u32]) -> StackVec<SIZE> {\n"
        "    let mut vec = StackVec::<SIZE>::new();\n    for &xi in x {\n        vec.try_push(xi as Limb).unwrap();\n"
        "    }\n    vec\n}\n"
    ),
    "lexical-parse-float/tests/stackvec_tests.rs": (
        "mod stackvec;\n\nuse lexical_parse_float::bigint::{Limb, StackVec};\nuse stackvec::vec_from_u32;\n\n"
        "const SIZE: usize = 50;\ntype VecType = StackVec<SIZE>;\n\n"
        "#[test]\nfn simple_test() {\n    let mut x = VecType::from_u32(1);\n    assert_eq!(x.len(), 1);\n"
        "    x.try_push(5).unwrap();\n    assert_eq!(x.len(), 2);\n}\n\n"
        "#[test]\nfn from_u32_test() {\n    let x: VecType = vec_from_u32(&[1, 2]);\n    assert_eq!(x.len(), 2);\n"
        "    let _: Limb = 0;\n}\n"
    ),
}

# bumpalo (MIT OR Apache-2.0), shortened: one integration target tests/all/main.rs of `mod` files.
_BUMPALO = {
    "Cargo.toml": '[package]\nname = "bumpalo"\nversion = "3.16.0"\n',
    "src/lib.rs": (
        "mod alloc;\n\npub struct Bump {\n    chunk_size: usize,\n}\n\n"
        "impl Bump {\n    pub fn new() -> Bump {\n        Bump { chunk_size: 0 }\n    }\n\n"
        "    pub fn alloc<T>(&self, val: T) -> &mut T {\n        Box::leak(Box::new(val))\n    }\n}\n"
    ),
    "src/alloc.rs": "pub struct Layout {\n    size: usize,\n    align: usize,\n}\n",
    "tests/all/main.rs": "mod alloc_fill;\nmod tests;\n\nfn main() {}\n",
    "tests/all/alloc_fill.rs": (
        "use bumpalo::Bump;\n\n#[test]\nfn alloc_slice_fill_zero() {\n    let b = Bump::new();\n"
        "    let _ = b.alloc(0u8);\n}\n"
    ),
    "tests/all/tests.rs": (
        "use bumpalo::Bump;\nuse std::mem;\n\n#[test]\nfn can_iterate_over_allocated_things() {\n"
        "    let bump = Bump::new();\n    let this = bump.alloc(1u64);\n    assert_eq!(*this, 1);\n"
        "    assert_eq!(mem::size_of::<u64>(), 8);\n}\n"
    ),
}

# reqwest (MIT OR Apache-2.0), shortened: tests/not_tcp.rs declares the shared tests/support/ module.
_REQWEST = {
    "Cargo.toml": '[package]\nname = "reqwest"\nversion = "0.12.0"\n',
    "src/lib.rs": "mod connect;\nmod client;\n\npub use self::client::{Client, ClientBuilder};\n",
    "src/client.rs": (
        "pub struct Client {\n    inner: usize,\n}\n\npub struct ClientBuilder {\n    unix: Option<String>,\n}\n\n"
        "impl Client {\n    pub fn builder() -> ClientBuilder {\n        ClientBuilder { unix: None }\n    }\n}\n"
    ),
    "src/connect.rs": "pub(crate) struct Connector {\n    unix_socket: Option<String>,\n}\n",
    "tests/support/mod.rs": "pub mod not_tcp;\npub mod server;\n",
    "tests/support/server.rs": "pub struct Server {\n    addr: std::net::SocketAddr,\n}\n",
    "tests/support/not_tcp.rs": (
        "pub struct Server {\n    path: std::path::PathBuf,\n}\n\n"
        "pub fn uds<F>(func: F) -> Server {\n    let _ = func;\n"
        '    Server { path: std::path::PathBuf::from("/tmp/s") }\n}\n'
    ),
    "tests/not_tcp.rs": (
        "#![cfg(unix)]\n\nmod support;\n\n#[tokio::test]\nasync fn unix_socket_works() {\n"
        "    let server = support::not_tcp::uds(move |_| async move { http::Response::default() });\n"
        "    let res = reqwest::Client::builder()\n        .unix_socket(server.path())\n        .build()\n"
        "        .unwrap();\n    let _ = res;\n}\n"
    ),
}

# tower's tower-test (MIT), shortened: a support crate; its src/mock/mod.rs is what tests/mock.rs tests.
_TOWER_TEST = {
    "tower-test/Cargo.toml": '[package]\nname = "tower-test"\nversion = "0.4.1"\n',
    "tower-test/src/lib.rs": "mod macros;\npub mod mock;\n",
    "tower-test/src/macros.rs": (
        "#[macro_export]\nmacro_rules! assert_request_eq {\n    ($mock_handle:expr, $expect:expr) => {\n"
        "        $mock_handle.next_request()\n    };\n}\n"
    ),
    "tower-test/src/mock/mod.rs": (
        "pub struct Mock<T, U> {\n    id: u64,\n    _p: std::marker::PhantomData<(T, U)>,\n}\n\n"
        "pub struct Handle<T, U> {\n    _p: std::marker::PhantomData<(T, U)>,\n}\n\n"
        "pub fn spawn<T, U>() -> (Mock<T, U>, Handle<T, U>) {\n    pair()\n}\n\n"
        "pub fn pair<T, U>() -> (Mock<T, U>, Handle<T, U>) {\n"
        "    (Mock { id: 0, _p: std::marker::PhantomData }, Handle { _p: std::marker::PhantomData })\n}\n"
    ),
    "tower-test/tests/mock.rs": (
        'use tower_test::{assert_request_eq, mock};\n\n#[tokio::test(flavor = "current_thread")]\n'
        "async fn single_request_ready() {\n    let (mut service, mut handle) = mock::spawn::<&str, &str>();\n"
        '    let _ = (&mut service, &mut handle);\n    assert_request_eq!(handle, "hello");\n}\n'
    ),
}


def test_target_helper_is_a_support_file_under_a_cargo_tests_folder():
    kinds = {
        "tests/support/not_tcp.rs": "support",
        "tests/all/main.rs": "support",
        "tower-test/src/mock/mod.rs": "support",
        "tests/not_tcp.rs": "test",
        "src/connect.rs": "",
    }
    assert _target_helper("tests/support/not_tcp.rs", kinds, "rust")
    assert _target_helper("tests/all/main.rs", kinds, "rust")
    assert not _target_helper("tower-test/src/mock/mod.rs", kinds, "rust")  # a support crate's source
    assert not _target_helper("tests/not_tcp.rs", kinds, "rust")  # a test, not a helper
    assert not _target_helper("src/connect.rs", kinds, "rust")
    assert not _target_helper(None, kinds, "rust")
    assert not _target_helper("tests/support/not_tcp.rs", kinds, "python")  # only Cargo's test-target folders


def test_lexical_shaped_test_beside_its_helper_module_takes_the_crate_file():
    pairs = graph_pairs(_LEXICAL, repo="rust-lexical")
    assert pairs["lexical-parse-float/tests/stackvec_tests.rs"][0] == "lexical-parse-float/src/bigint.rs"


def test_bumpalo_shaped_mod_file_named_tests_takes_the_crate_root_not_its_target():
    pairs = graph_pairs(_BUMPALO, repo="bumpalo")
    assert pairs["tests/all/tests.rs"][0] == "src/lib.rs"


def test_reqwest_shaped_test_named_like_its_support_module_is_not_paired_with_it():
    pairs = graph_pairs(_REQWEST, repo="reqwest")
    assert pairs["tests/not_tcp.rs"][0] != "tests/support/not_tcp.rs"


def test_tower_test_shaped_support_crate_source_stays_the_subject():
    pairs = graph_pairs(_TOWER_TEST, repo="tower")
    assert pairs["tower-test/tests/mock.rs"][0] == "tower-test/src/mock/mod.rs"
