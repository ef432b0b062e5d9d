"""Test pairing, seventeenth round: any Cargo integration test of a small crate (three modules or fewer in the
package's src/) that reaches its own crate by name and uses mostly what the crate root defines tests the crate root
(lazy-static's tests/no_std.rs, unicode-ident's tests/compare.rs); not in a larger crate, where a topic test tests a
module of its own or none (rayon's tests/chars.rs), nor for a test named for its kind of run (tests/quickcheck.rs),
nor for one that never names its own crate."""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.packing.testpairs import UnitTestsConfig, pair_tests
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig


def graph_pairs(files: dict[str, str], repo: str = "lazy-static") -> dict[str, tuple]:
    facts = sorted((file_facts(repo, p, t, detect_language(p, t)) for p, t in files.items()), key=lambda f: f.path)
    rg = graphs.build_graph(facts, GraphConfig())
    return {p["test"]: (p["subject"], p["rule"]) for p in pair_tests(facts, rg, UnitTestsConfig())}


CARGO = '[package]\nname = "lazy_static"\nversion = "1.5.0"\nedition = "2015"\n'
# lazy-static's shape: the crate root defines the macro and the trait; two small modules hold the cell types
LIB = (
    '#![no_std]\n\n#[path = "inline_lazy.rs"]\n#[doc(hidden)]\npub mod lazy;\n\n'
    "#[macro_export(local_inner_macros)]\nmacro_rules! lazy_static {\n"
    "    ($(#[$attr:meta])* static ref $N:ident : $T:ty = $e:expr; $($t:tt)*) => {\n"
    "        __lazy_static_internal!($(#[$attr])* () static ref $N : $T = $e; $($t)*);\n    };\n"
    "    () => ()\n}\n\n"
    "pub trait LazyStatic {\n    #[doc(hidden)]\n    fn initialize(lazy: &Self);\n}\n\n"
    "pub fn initialize<T: LazyStatic>(lazy: &T) {\n    LazyStatic::initialize(lazy);\n}\n"
)
INLINE = (
    "use std::sync::Once;\n\npub struct Lazy<T: Sync>(Cell<Option<T>>, Once);\n\n"
    "impl<T: Sync> Lazy<T> {\n    pub const INIT: Self = Lazy(Cell::new(None), ONCE_INIT);\n\n"
    "    pub fn get<F>(&'static self, f: F) -> &T\n    where\n        F: FnOnce() -> T,\n    {\n"
    "        self.1.call_once(|| self.0.set(Some(f())));\n        unsafe { (*self.0.as_ptr()).as_ref().unwrap() }\n"
    "    }\n}\n"
)
CORE = (
    "extern crate spin;\n\nuse self::spin::Once;\n\npub struct Lazy<T: Sync>(Once<T>);\n\n"
    "impl<T: Sync> Lazy<T> {\n    pub const INIT: Self = Lazy(Once::INIT);\n\n"
    "    pub fn get<F>(&'static self, builder: F) -> &T\n    where\n        F: FnOnce() -> T,\n    {\n"
    "        self.0.call_once(builder)\n    }\n}\n"
)
NO_STD = (
    "#![no_std]\n\n#[macro_use]\nextern crate lazy_static;\n\nlazy_static! {\n"
    "    /// Documentation!\n    pub static ref NUMBER: u32 = times_two(3);\n}\n\n"
    "fn times_two(n: u32) -> u32 {\n    n * 2\n}\n\n#[test]\nfn test_basic() {\n    assert_eq!(*NUMBER, 6);\n}\n"
)


def small_crate(extra: dict[str, str] | None = None) -> dict[str, str]:
    files = {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/inline_lazy.rs": INLINE, "src/core_lazy.rs": CORE}
    files.update(extra or {})
    return files


def test_a_cargo_test_of_a_small_crate_pairs_with_the_crate_root():
    pairs = graph_pairs(small_crate({"tests/no_std.rs": NO_STD}))
    assert pairs["tests/no_std.rs"] == ("src/lib.rs", "use")


def test_not_in_a_larger_crate():
    # the same test beside a crate of four more modules: the crate root only gathers them, no subject this way
    more = {
        f"src/{m}.rs": f"pub fn {m}_len(v: &[u8]) -> usize {{\n    v.len()\n}}\n"
        for m in ("iter", "slice", "string", "vec")
    }
    pairs = graph_pairs(small_crate({"tests/no_std.rs": NO_STD, **more}))
    # (the lexical rule may still see the crate root's vocabulary; this rule does not decide it)
    assert pairs["tests/no_std.rs"] != ("src/lib.rs", "use")


def test_not_a_run_named_for_its_kind_nor_a_test_that_never_names_the_crate():
    # a property run named for its kind (tests/quickcheck.rs) tests no one module, even of a small crate
    quick = NO_STD.replace("fn test_basic()", "fn quickcheck_basic()")
    # a test of the standard library only (no lazy_static path, no macro of the crate)
    std_only = (
        "use std::sync::Once;\n\nstatic INIT: Once = Once::new();\n\n#[test]\nfn once_runs_once() {\n"
        "    let mut n = 0;\n    INIT.call_once(|| n += 1);\n    assert_eq!(n, 1);\n}\n"
    )
    pairs = graph_pairs(small_crate({"tests/quickcheck.rs": quick, "tests/once.rs": std_only}))
    assert pairs["tests/quickcheck.rs"][0] is None
    assert pairs["tests/once.rs"][0] is None


def test_a_test_below_tests_is_no_test_target_of_its_own():
    # tests/it/no_std.rs is a module of the tests/it/main.rs target (once_cell's layout), not a Cargo test target
    main = "mod no_std;\n"
    pairs = graph_pairs(small_crate({"tests/it/main.rs": main, "tests/it/no_std.rs": NO_STD}))
    assert pairs["tests/it/no_std.rs"] != ("src/lib.rs", "use")


# uthash's shape: a header-only C library whose headers are macros only (utlist.h: LL_APPEND, DL_FOREACH, ...)
UTLIST = (
    "#ifndef UTLIST_H\n#define UTLIST_H\n\n#include <assert.h>\n\n"
    "#define LL_APPEND(head,add)                                                    \\\n"
    "    LL_APPEND2(head,add,next)\n\n"
    "#define LL_APPEND2(head,add,next)                                              \\\n"
    "do {                                                                           \\\n"
    "  (add)->next=NULL;                                                            \\\n"
    "  if (head) { (head)->next=(add); } else { (head)=(add); }                     \\\n"
    "} while (0)\n\n"
    "#define LL_FOREACH(head,el)                                                    \\\n"
    "    for ((el) = (head); el; (el) = (el)->next)\n\n#endif /* UTLIST_H */\n"
)
LIST_TEST = (
    '#include <stdio.h>\n#include "utlist.h"\n\ntypedef struct el {\n    int id;\n    struct el *next;\n} el;\n\n'
    "int main()\n{\n    el els[10], *e, *head = NULL;\n    int i;\n    for (i = 0; i < 10; i++) {\n"
    "        els[i].id = i;\n        LL_APPEND(head, &els[i]);\n    }\n"
    '    LL_FOREACH(head, e) printf("%d\\n", e->id);\n    return 0;\n}\n'
)


def test_a_macro_only_header_holds_the_code_of_a_header_only_library():
    pairs = graph_pairs({"src/utlist.h": UTLIST, "tests/test25.c": LIST_TEST}, repo="uthash")
    assert pairs["tests/test25.c"] == ("src/utlist.h", "include")


def test_a_header_of_nothing_but_its_guard_holds_no_code():
    # the same test including a header that defines nothing and has no macro but its guard
    guard = "#ifndef UTCONFIG_H\n#define UTCONFIG_H\n#endif\n"
    test = LIST_TEST.replace('"utlist.h"', '"utconfig.h"')
    pairs = graph_pairs({"src/utconfig.h": guard, "tests/test25.c": test}, repo="uthash")
    assert pairs["tests/test25.c"][0] is None
