"""Test pairing, nineteenth round.

A facade crate's root that only re-exports other crates' items (futures/src/lib.rs: pub use
futures_util::future, pub mod executor { pub use futures_executor::block_on; }) is no subject: a test of the facade
tests those crates. A C test kept beside the one compiled unit of its folder (nng's
src/sp/protocol/pair0/pair0_test.c beside pair.c) tests that unit, not the public API file it calls through; one
that calls only into another folder of its source tree (src/nng.c) has no subject. A monorepo package's test named
like another package's module takes its own package's module of that name (TanStack store's bindings)."""

from __future__ import annotations

from repoloom.syntax.parse import file_facts
from tests.packing.pairing_helpers import graph_pairs


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, "rust").test


# futures' shape: the facade crate re-exports the crates of its workspace
FACADE_LIB = (
    "#![no_std]\n#![warn(missing_docs)]\n\n"
    '#[cfg(all(feature = "bilock", not(feature = "unstable")))]\n'
    'compile_error!("The `bilock` feature requires the `unstable` feature");\n\n'
    "#[doc(no_inline)]\npub use futures_core::future::{Future, TryFuture};\n"
    "#[doc(inline)]\npub use futures_util::{future, sink, stream, task};\n"
    '#[cfg(feature = "async-await")]\npub use futures_util::{join, pending, poll, select_biased, try_join};\n\n'
    '#[cfg(feature = "executor")]\npub mod executor {\n'
    "    pub use futures_executor::{block_on, block_on_stream, LocalPool};\n}\n\n"
    "pub mod prelude {\n    pub use crate::future::{self, Future, TryFuture};\n}\n"
)
JOIN = (
    "use core::pin::Pin;\nuse futures_core::future::Future;\n\n"
    "pub struct Join<Fut1: Future, Fut2: Future> {\n    a: Fut1,\n    b: Fut2,\n}\n\n"
    "pub fn join<Fut1: Future, Fut2: Future>(future1: Fut1, future2: Fut2) -> Join<Fut1, Fut2> {\n"
    "    Join { a: future1, b: future2 }\n}\n"
)
FACADE_TEST = (
    "use futures::executor::block_on;\nuse futures::future::ready;\n\n#[test]\nfn recursive_future() {\n"
    "    let fut = ready(1);\n    assert_eq!(block_on(fut), 1);\n}\n"
)


def facade_repo(lib: str) -> dict[str, str]:
    return {
        "futures/Cargo.toml": '[package]\nname = "futures"\n',
        "futures/src/lib.rs": lib,
        "futures/tests/recurse.rs": FACADE_TEST,
        "futures-util/src/lib.rs": "pub mod future;\n",
        "futures-util/src/future/mod.rs": "mod join;\npub use self::join::{join, Join};\n",
        "futures-util/src/future/join.rs": JOIN,
    }


def test_a_crate_root_that_only_re_exports_other_crates_is_a_facade():
    assert signals("futures/src/lib.rs", FACADE_LIB).get("reexports_only") is True
    pairs = graph_pairs(facade_repo(FACADE_LIB), "futures-rs")
    assert pairs["futures/tests/recurse.rs"][0] is None  # not the facade: no module defines ready here


def test_not_a_root_with_an_item_or_a_module_of_its_own():
    # one function of its own: the crate root defines something a test may exercise
    own_fn = FACADE_LIB + "\npub fn ready_now() -> u8 {\n    1\n}\n"
    assert not signals("futures/src/lib.rs", own_fn).get("reexports_only")
    # mod join; is the crate's own code, re-exported from itself
    own_mod = "mod join;\npub use crate::join::{join, Join};\n"
    assert not signals("src/lib.rs", own_mod).get("reexports_only")
    # an item-making macro (bitflags!) declares an item of the crate's own
    flags = "pub use bitflags;\nbitflags::bitflags! {\n    pub struct Flags: u32 {\n        const A = 1;\n    }\n}\n"
    assert not signals("src/lib.rs", flags).get("reexports_only")
    pairs = graph_pairs(facade_repo(own_fn), "futures-rs")
    assert pairs["futures/tests/recurse.rs"][0] == "futures/src/lib.rs"


# nng's shape: each protocol and transport folder holds one unit and its test; src/nng.c is the public API that
# every test calls through
NNG_C = (
    '#include "nng/nng.h"\n#include "core/nng_impl.h"\n\n'
    "int\nnng_close(nng_socket s)\n{\n\treturn (nni_sock_close(s.id));\n}\n\n"
    "int\nnng_dial(nng_socket s, const char *url, nng_dialer *dp, int flags)\n{\n"
    "\treturn (nni_dial(s.id, url, dp, flags));\n}\n\n"
    "int\nnng_listen(nng_socket s, const char *url, nng_listener *lp, int flags)\n{\n"
    "\treturn (nni_listen(s.id, url, lp, flags));\n}\n"
)
PAIR_C = (
    '#include "core/nng_impl.h"\n\nstatic int\npair0_sock_init(void *arg, nni_sock *sock)\n{\n'
    "\treturn (0);\n}\n\nint\nnng_pair0_open(nng_socket *s)\n{\n\treturn (nni_proto_open(s, &pair0_proto));\n}\n"
)
PAIR_TEST = (
    "#include <nng/nng.h>\n#include <nuts.h>\n\nstatic void\ntest_identity(void)\n{\n\tnng_socket s;\n"
    "\tNUTS_PASS(nng_pair0_open(&s));\n\tNUTS_PASS(nng_close(s));\n}\n\n"
    'NUTS_TESTS = {\n\t{ "pair0 identity", test_identity },\n\t{ NULL, NULL },\n};\n'
)
TCP_C = (
    '#include "core/nng_impl.h"\n\nstatic int\ntcptran_pipe_init(void *arg, nni_pipe *npipe)\n{\n'
    "\treturn (0);\n}\n\nstatic int\ntcptran_dialer_init(void **dp, nng_url *url, nni_dialer *ndialer)\n{\n"
    "\treturn (0);\n}\n"
)
TRAN_TEST = (
    "#include <nng/nng.h>\n#include <nuts.h>\n\nstatic void\ntest_tcp_dial(void)\n{\n\tnng_socket s;\n"
    '\tNUTS_PASS(nng_dial(s, "tcp://127.0.0.1:3333", NULL, 0));\n\tNUTS_PASS(nng_close(s));\n}\n\n'
    'NUTS_TESTS = {\n\t{ "tcp dial", test_tcp_dial },\n\t{ NULL, NULL },\n};\n'
)


def nng_repo(extra: dict[str, str]) -> dict[str, str]:
    files = {
        "include/nng/nng.h": "int nng_close(nng_socket);\nint nng_dial(nng_socket, const char *, nng_dialer *, int);\n",
        "src/nng.c": NNG_C,
        "src/sp/protocol/pair0/pair.c": PAIR_C,
        "src/sp/protocol/pair0/pair0_test.c": PAIR_TEST,
    }
    files.update(extra)
    return files


def test_a_test_beside_the_one_unit_of_its_folder_tests_it():
    pairs = graph_pairs(nng_repo({}), "nng")
    assert pairs["src/sp/protocol/pair0/pair0_test.c"][0] == "src/sp/protocol/pair0/pair.c"
    # named for the unit (it dials tcp:// URLs, none of tcp.c's names)
    pairs = graph_pairs(
        nng_repo({"src/sp/transport/tcp/tcp.c": TCP_C, "src/sp/transport/tcp/tcp_tran_test.c": TRAN_TEST}), "nng"
    )
    assert pairs["src/sp/transport/tcp/tcp_tran_test.c"][0] == "src/sp/transport/tcp/tcp.c"


def test_not_a_folder_of_several_units_nor_a_unit_neither_named_nor_used():
    two = nng_repo({"src/sp/protocol/pair0/pair_poly.c": PAIR_C.replace("pair0_", "pair0poly_")})
    assert graph_pairs(two, "nng")["src/sp/protocol/pair0/pair0_test.c"][0] != "src/sp/protocol/pair0/pair.c"
    # a test of the platform that happens to sit beside one unit it neither names nor calls
    other = nng_repo({"src/sp/transport/tcp/tcp.c": TCP_C, "src/sp/transport/tcp/dial_test.c": TRAN_TEST})
    assert graph_pairs(other, "nng")["src/sp/transport/tcp/dial_test.c"][0] != "src/sp/transport/tcp/tcp.c"


# TanStack store's shape: a core package and framework bindings, each a package of its own
ATOM_CORE = "export function createAtom<T>(value: T) {\n  return { get: () => value }\n}\n"
LIT_ATOM = (
    "import { createAtom } from '@tanstack/store'\n\nexport class TanStackStoreAtom<T> {\n"
    "  atom = createAtom<T>(undefined as T)\n}\n"
)
LIT_TEST = (
    "import { describe, expect, it } from 'vitest'\nimport { createAtom } from '@tanstack/store'\n"
    "import { TanStackStoreAtom } from '../src'\n\ndescribe('TanStackAtom', () => {\n"
    "  it('reads', () => {\n    expect(new TanStackStoreAtom().atom.get()).toBe(undefined)\n"
    "    expect(createAtom(1).get()).toBe(1)\n  })\n})\n"
)


def store_repo(lit_src: dict[str, str]) -> dict[str, str]:
    files = {
        "package.json": '{"name": "root", "private": true}\n',
        "packages/store/package.json": '{"name": "@tanstack/store", "main": "src/index.ts"}\n',
        "packages/store/src/index.ts": "export * from './atom'\n",
        "packages/store/src/atom.ts": ATOM_CORE,
        "packages/lit-store/package.json": '{"name": "@tanstack/lit-store", "main": "src/index.ts"}\n',
        "packages/lit-store/tests/atom.test.ts": LIT_TEST,
    }
    files.update(lit_src)
    return files


def test_a_binding_test_named_like_the_cores_module_takes_its_own_packages():
    repo = store_repo(
        {
            "packages/lit-store/src/index.ts": "export * from './tan-stack-store-atom'\n",
            "packages/lit-store/src/tan-stack-store-atom.ts": LIT_ATOM,
        }
    )
    assert graph_pairs(repo, "store")["packages/lit-store/tests/atom.test.ts"][0] == (
        "packages/lit-store/src/tan-stack-store-atom.ts"
    )


def test_not_when_its_own_package_has_no_module_of_that_name():
    # the binding's module is named otherwise (element.ts): the core's namesake stays
    repo = store_repo(
        {
            "packages/lit-store/src/index.ts": "export * from './element'\n",
            "packages/lit-store/src/element.ts": LIT_ATOM,
        }
    )
    assert graph_pairs(repo, "store")["packages/lit-store/tests/atom.test.ts"][0] == "packages/store/src/atom.ts"


# nng's src/core/synch_test.c: a test of the platform's primitives, kept beside the core's code, that calls the public
# API of src/nng.c
SYNCH_TEST = (
    "#include <nng/nng.h>\n#include <nuts.h>\n\nstatic void\ntest_mutex(void)\n{\n\tnng_socket s;\n"
    '\tNUTS_PASS(nng_dial(s, "inproc://synch", NULL, 0));\n\tNUTS_PASS(nng_listen(s, "inproc://synch", NULL, 0));\n'
    "\tNUTS_PASS(nng_close(s));\n}\n\n"
    'NUTS_TESTS = {\n\t{ "mutex", test_mutex },\n\t{ NULL, NULL },\n};\n'
)
AIO_C = '#include "core/nng_impl.h"\n\nvoid\nnni_aio_init(nni_aio *aio)\n{\n\taio->a_result = 0;\n}\n'


def test_a_test_beside_its_code_calling_the_public_api_above_it_has_no_subject():
    repo = nng_repo(
        {
            "src/core/aio.c": AIO_C,
            "src/core/idhash.c": AIO_C.replace("aio", "idhash"),
            "src/core/synch_test.c": SYNCH_TEST,
        }
    )
    assert graph_pairs(repo, "nng")["src/core/synch_test.c"][0] is None


def test_not_a_test_of_a_programs_folder_calling_the_library_in_another_tree():
    # libdeflate's shape: programs/test_*.c beside the command-line tools, the library in lib/
    repo = {
        "include/nng/nng.h": "int nng_close(nng_socket);\nint nng_dial(nng_socket, const char *, nng_dialer *, int);\n",
        "lib/nng.c": NNG_C,
        "programs/prog_util.c": "#include <stdio.h>\n\nvoid\nmsg(const char *s)\n{\n\tputs(s);\n}\n",
        "programs/test_dial.c": SYNCH_TEST.replace(
            "NUTS_TESTS", "int main(void) { test_mutex(); return 0; }\nNUTS_TESTS"
        ),
    }
    assert graph_pairs(repo, "nng")["programs/test_dial.c"][0] == "lib/nng.c"
