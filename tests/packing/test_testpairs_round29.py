"""Test pairing, twenty-ninth round (C and Rust first; rules judged by how many repositories and sets they help).

- (Rust) A Cargo test's paths into its own crate (use mio::{Poll, Waker}) resolve through the crate's module tree
  and the re-exports of its root (lib.rs: mod waker; pub use waker::Waker;) to the files defining the items. Of the
  files named like the test (tests/waker.rs: src/waker.rs, the private src/sys/shell/waker.rs,
  src/sys/windows/waker.rs), the one the paths resolve to is the subject, over a tie or over a namesake the test
  cannot reach.
- (C, C++) A test named exactly for a function it calls (OpenSSH's regress/unittests/misc/test_xextendf.c: xextendf;
  libpqxx's test/test_cancel_query.cxx: cancel_query) tests the one compiled unit defining that function (misc.c,
  src/connection.cxx), before the headers it includes lead elsewhere (xmalloc.h -> xmalloc.c). Not a short name (kex),
  nor one two units define.
"""

from __future__ import annotations

from repoloom.packing.pairing.by_name import _by_named_function
from repoloom.packing.pairing.by_use import _CrateModules, _resolved_uses
from repoloom.packing.pairing.conventions import _kind
from tests.packing.pairing_helpers import facts_of, graph_pairs

_MIO_LIB = (
    "#![deny(missing_docs)]\n\n#[macro_use]\nmod macros;\n\nmod interest;\nmod poll;\nmod sys;\nmod token;\n"
    "mod waker;\n\npub mod event;\n\npub use event::Events;\npub use interest::Interest;\n"
    "pub use poll::{Poll, Registry};\npub use token::Token;\npub use waker::Waker;\n"
)
_MIO_WAKER = (
    "use crate::{sys, Registry, Token};\n\nuse std::io;\n\n/// Waker allows cross-thread waking of [`Poll`].\n"
    "#[derive(Debug)]\npub struct Waker {\n    inner: sys::Waker,\n}\n\nimpl Waker {\n"
    "    /// Create a new `Waker`.\n    pub fn new(registry: &Registry, token: Token) -> io::Result<Waker> {\n"
    "        sys::Waker::new(registry.selector(), token).map(|inner| Waker { inner })\n    }\n\n"
    "    /// Wake up the [`Poll`] associated with this `Waker`.\n    pub fn wake(&self) -> io::Result<()> {\n"
    "        self.inner.wake()\n    }\n}\n"
)
_MIO_POLL = (
    "use crate::{sys, Events, Interest, Token};\nuse std::io;\n\n/// Polls for readiness events.\npub struct Poll {\n"
    "    registry: Registry,\n}\n\n/// Registers I/O resources.\npub struct Registry {\n"
    "    selector: sys::Selector,\n}\n\nimpl Poll {\n    /// Return a new `Poll` handle.\n"
    "    pub fn new() -> io::Result<Poll> {\n        sys::Selector::new().map(|selector| Poll {\n"
    "            registry: Registry { selector },\n        })\n    }\n\n"
    "    /// Create a separate `Registry`.\n    pub fn registry(&self) -> &Registry {\n        &self.registry\n    }\n}\n"
)
_SYS_MOD = "mod shell;\npub(crate) use self::shell::*;\n"
_SYS_SHELL_MOD = "mod waker;\npub(crate) use self::waker::Waker;\n\npub(crate) struct Selector {}\n"
_SYS_SHELL_WAKER = (
    "use crate::sys::Selector;\nuse crate::Token;\nuse std::io;\n\n#[derive(Debug)]\npub struct Waker {}\n\n"
    "impl Waker {\n    pub fn new(_: &Selector, _: Token) -> io::Result<Waker> {\n        os_required!();\n    }\n\n"
    "    pub fn wake(&self) -> io::Result<()> {\n        os_required!();\n    }\n}\n"
)
_SYS_WINDOWS_WAKER = (
    "use crate::sys::windows::Event;\nuse crate::Token;\nuse std::io;\nuse std::sync::Arc;\n\n#[derive(Debug)]\n"
    "pub struct Waker {\n    token: Token,\n    port: Arc<CompletionPort>,\n}\n\nimpl Waker {\n"
    "    pub fn wake(&self) -> io::Result<()> {\n        let mut ev = Event::new(self.token);\n"
    "        ev.set_readable();\n        self.port.post(ev.to_completion_status())\n    }\n}\n"
)
_MIO_TEST = (
    '#![cfg(not(target_os = "wasi"))]\n\nuse mio::{Events, Poll, Token, Waker};\nuse std::sync::{Arc, Barrier};\n'
    'use std::thread;\n\n#[test]\nfn waker() {\n    let mut poll = Poll::new().expect("unable to create new Poll");\n'
    "    let mut events = Events::with_capacity(10);\n    let token = Token(10);\n"
    '    let waker = Waker::new(poll.registry(), token).expect("unable to create waker");\n'
    '    waker.wake().expect("unable to wake");\n    poll.poll(&mut events, None).expect("poll failed");\n}\n'
)


def mio_files() -> dict[str, str]:
    return {
        "Cargo.toml": '[package]\nname = "mio"\nversion = "1.0.4"\nedition = "2021"\n',
        "src/lib.rs": _MIO_LIB,
        "src/waker.rs": _MIO_WAKER,
        "src/poll.rs": _MIO_POLL,
        "src/token.rs": "/// Associates readiness events with event sources.\npub struct Token(pub usize);\n",
        "src/interest.rs": "/// Interest used in registering.\npub struct Interest(u8);\n",
        "src/event/mod.rs": "mod events;\npub use self::events::Events;\n",
        "src/event/events.rs": "/// A collection of readiness events.\npub struct Events {\n    inner: Vec<u8>,\n}\n",
        "src/sys/mod.rs": _SYS_MOD,
        "src/sys/shell/mod.rs": _SYS_SHELL_MOD,
        "src/sys/shell/waker.rs": _SYS_SHELL_WAKER,
        "src/sys/windows/waker.rs": _SYS_WINDOWS_WAKER,
        "tests/waker.rs": _MIO_TEST,
    }


def test_crate_paths_resolve_through_the_roots_re_exports():
    facts = {f.path: f for f in facts_of(mio_files(), repo="mio")}
    crate = _CrateModules("src/", facts)
    assert crate.resolve(crate.root, ("Waker",)) == "src/waker.rs"
    assert crate.resolve(crate.root, ("Events",)) == "src/event/events.rs"  # through event/mod.rs's re-export
    assert crate.resolve(crate.root, ("event", "Events")) == "src/event/events.rs"
    assert crate.resolve(crate.root, ("sys", "Waker")) == "src/sys/shell/waker.rs"  # a glob re-export
    assert crate.resolve(crate.root, ("Missing",)) is None
    assert set(_resolved_uses(facts["tests/waker.rs"], facts, {}).values()) == {
        "src/event/events.rs",
        "src/poll.rs",
        "src/token.rs",
        "src/waker.rs",
    }


def test_the_namesake_the_test_reaches_is_its_subject():
    pairs = graph_pairs(mio_files(), repo="mio")
    assert pairs["tests/waker.rs"][0] == "src/waker.rs"


def test_must_not_fire_when_the_paths_reach_no_namesake():
    files = mio_files()
    # the test names the crate's items through a prelude glob only: nothing resolves, the tie stays
    files["tests/waker.rs"] = files["tests/waker.rs"].replace("use mio::{Events, Poll, Token, Waker};", "use mio::*;")
    pairs = graph_pairs(files, repo="mio")
    assert pairs["tests/waker.rs"][0] != "src/waker.rs"


def test_must_not_fire_for_another_crates_paths():
    files = mio_files()
    files["tests/waker.rs"] = files["tests/waker.rs"].replace("use mio::", "use other::")
    facts = {f.path: f for f in facts_of(files, repo="mio")}
    assert _resolved_uses(facts["tests/waker.rs"], facts, {}) == {}


_XEXTENDF_TEST = (
    "/* \t$OpenBSD: test_xextendf.c,v 1.1 2025/09/02 11:04:58 djm Exp $ */\n/*\n"
    " * Regress test for misc xextendf() function.\n */\n\n#include <stdio.h>\n#include <stdlib.h>\n\n"
    '#include "../test_helper/test_helper.h"\n\n#include "misc.h"\n#include "xmalloc.h"\n\n'
    "void test_xextendf(void);\n\nvoid\ntest_xextendf(void)\n{\n\tchar *s = NULL;\n\n"
    '\tTEST_START("xextendf NULL string");\n\txextendf(&s, ",", "hello");\n\tASSERT_STRING_EQ(s, "hello");\n'
    "\tfree(s);\n\tTEST_DONE();\n\n"
    '\tTEST_START("xextendf append to string");\n\ts = xstrdup("foo");\n\txextendf(&s, ",", "bar");\n'
    '\tASSERT_STRING_EQ(s, "foo,bar");\n\tfree(s);\n\tTEST_DONE();\n}\n'
)
_MISC_C = (
    '#include "includes.h"\n\n#include <stdarg.h>\n#include <stdlib.h>\n\n#include "xmalloc.h"\n#include "misc.h"\n\n'
    "/* Append string 'fmt' to the string *sp, separated by sep */\nvoid\n"
    "xextendf(char **sp, const char *sep, const char *fmt, ...)\n{\n\tva_list ap;\n\tchar *tmp1, *tmp2;\n\n"
    "\tva_start(ap, fmt);\n\txvasprintf(&tmp1, fmt, ap);\n\tva_end(ap);\n\n"
    "\tif (*sp == NULL || **sp == '\\0') {\n\t\tfree(*sp);\n\t\t*sp = tmp1;\n\t\treturn;\n\t}\n"
    '\txasprintf(&tmp2, "%s%s%s", *sp, sep == NULL ? "" : sep, tmp1);\n\tfree(tmp1);\n\tfree(*sp);\n'
    "\t*sp = tmp2;\n}\n\nint\nconvtime(const char *s)\n{\n\treturn atoi(s);\n}\n"
)
_XMALLOC_C = (
    '#include "includes.h"\n\n#include <stdarg.h>\n#include <stdlib.h>\n#include <string.h>\n\n#include "xmalloc.h"\n\n'
    "char *\nxstrdup(const char *str)\n{\n\tsize_t len = strlen(str) + 1;\n\tchar *cp = malloc(len);\n\n"
    "\treturn memcpy(cp, str, len);\n}\n\nint\nxvasprintf(char **ret, const char *fmt, va_list ap)\n{\n"
    "\treturn vasprintf(ret, fmt, ap);\n}\n\nint\nxasprintf(char **ret, const char *fmt, ...)\n{\n"
    "\tva_list ap;\n\tint i;\n\n\tva_start(ap, fmt);\n\ti = xvasprintf(ret, fmt, ap);\n\tva_end(ap);\n"
    "\treturn i;\n}\n"
)


def openssh_files() -> dict[str, str]:
    return {
        "misc.c": _MISC_C,
        "misc.h": "void xextendf(char **s, const char *sep, const char *fmt, ...);\nint convtime(const char *);\n",
        "xmalloc.c": _XMALLOC_C,
        "xmalloc.h": "char *xstrdup(const char *);\nint xasprintf(char **, const char *, ...);\n",
        "regress/unittests/test_helper/test_helper.h": (
            "#define TEST_START(n) test_start(n)\n#define TEST_DONE() test_done()\n"
            "void test_start(const char *n);\nvoid test_done(void);\n"
        ),
        "regress/unittests/misc/test_xextendf.c": _XEXTENDF_TEST,
    }


def _named(files: dict[str, str], test: str):
    facts = facts_of(files)
    kinds = {f.path: _kind(f) for f in facts}
    t = next(f for f in facts if f.path == test)
    sources = [f for f in facts if kinds[f.path] == "" and f.path.endswith((".c", ".h"))]
    return _by_named_function(
        t, lambda name: [f for f in sources if name in (f.test.get("defines") or ())], kinds, set()
    )


def test_a_test_named_for_a_function_it_calls_takes_its_unit():
    assert _named(openssh_files(), "regress/unittests/misc/test_xextendf.c")[0] == "misc.c"
    assert graph_pairs(openssh_files())["regress/unittests/misc/test_xextendf.c"][0] == "misc.c"


def test_must_not_fire_for_two_units_defining_it():
    files = openssh_files()
    files["compat/xextendf.c"] = "void\nxextendf(char **sp, const char *sep, const char *fmt, ...)\n{\n}\n"
    assert _named(files, "regress/unittests/misc/test_xextendf.c") is None


def test_must_not_fire_for_a_function_it_does_not_call():
    files = openssh_files()
    files["regress/unittests/misc/test_xextendf.c"] = _XEXTENDF_TEST.replace("xextendf(&s", "xappend(&s")
    assert _named(files, "regress/unittests/misc/test_xextendf.c") is None


def test_must_not_fire_for_a_short_name():
    files = openssh_files()
    files["misc.c"] = _MISC_C + "\nint\nkex(int a)\n{\n\treturn a;\n}\n"
    files["regress/unittests/misc/test_kex.c"] = '#include "misc.h"\n\nvoid\ntest_kex(void)\n{\n\tkex(1);\n}\n'
    assert _named(files, "regress/unittests/misc/test_kex.c") is None
