"""The use rule (Rust): an integration test in tests/ that uses items of its own crate tests the module
defining them, or the crate root for a small crate or a test that names the crate as a whole.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from repoloom.core.types import FileFacts
from repoloom.packing.pairing.conventions import (
    _FACADES,
    _norm,
    _package_of_many,
    _stem,
    _test_stem,
    _usable,
    split_identifier,
)
from repoloom.packing.pairing.lexical import _agreeing
from repoloom.syntax.tests import in_test_dir

# A crate of this many modules or fewer is small: its integration tests test the crate as a whole, the crate root.
_SMALL_CRATE_MODULES = 3


def _small_crate(t: FileFacts, kinds, sources: list[FileFacts]) -> bool:
    """The package owning the test's tests/ folder has a small src/ (lazy-static: lib.rs, inline_lazy.rs and
    core_lazy.rs; unicode-ident: lib.rs and tables.rs). In a larger crate a topic test (rayon's tests/chars.rs,
    nom's tests/json.rs) tests a module of its own or none, not the crate root that re-exports it."""
    parts = t.path.split("/")
    pkg = "/".join(parts[: parts.index("tests")]) if "tests" in parts[:-1] else ""
    prefix = pkg + "/src/" if pkg else "src/"
    n = sum(1 for f in sources if f.path.startswith(prefix) and kinds.get(f.path) in ("", "inline"))
    return 0 < n <= _SMALL_CRATE_MODULES


_RUST_EXTERNAL = frozenset({"std", "core", "alloc", "self", "super", "crate", "test", "proc_macro"})


def _by_crate_use(
    t: FileFacts, kinds, sources: list[FileFacts], lex_index, fam: str, tcfg, resolved: dict[str, str] | None = None
) -> tuple[str, str, float] | None:
    """Rule (Rust): an integration test in tests/ that uses items of the crate (use the_crate::Thing) tests
    the module that defines them, when the test's vocabulary agrees (a test of Error's downcasts may live
    beside error.rs even though the struct is declared in lib.rs)."""
    if not in_test_dir(t.path):
        return None
    own_mods = {i.get("target") for i in t.imports if i.get("kind") == "mod"}
    items: set[str] = set()
    for rec in t.imports:
        if rec.get("kind") != "use":
            continue
        parts = [p for p in str(rec.get("target", "")).split("::") if p]
        if len(parts) < 2 or parts[0] in _RUST_EXTERNAL or parts[0] in own_mods:
            continue
        items.add(parts[-1])
    items -= {"*", "self"}
    if not items:
        return None
    # besides every file defining a name the test uses, the file its own crate's path resolves to through re-exports
    # (once_cell::sync::OnceCell: the inline module of src/lib.rs)
    resolved = {p for n, p in (resolved or {}).items() if n in items}
    definers = sorted(
        f.path
        for f in sources
        if kinds.get(f.path) in ("", "inline")
        and _usable(t.path, f.path)
        and (f.path in resolved or items & set(f.test.get("defines") or ()))
    )
    key = _norm(_test_stem(t))
    # the test is named for a macro of the crate it uses and invokes (indoc's tests/test_writedoc.rs: use
    # indoc::writedoc; writedoc!(...)), which few words of its own can confirm: the one module defining it; not a
    # type (semver's tests/test_version_req.rs and VersionReq of the crate root test the crate) nor a function
    # (crossbeam-channel's tests/after.rs and fn after of channel.rs test the flavor behind it)
    named = {n for n in items if _norm(n) == key and n in (t.test.get("macros") or ())}
    if len(key) >= 4 and named:
        holders = [f.path for f in sources if f.path in definers and named & set(f.test.get("defines") or ())]
        if len(holders) == 1:
            return holders[0], "use", 0.8
    found = _agreeing(t, definers, "use", lex_index(fam), tcfg)
    if found is not None and _package_of_many(found[0], t, sources, kinds):
        return None, None, 0.0  # items of a large crate's root (serde_with's lib.rs): the crate broadly, no subject
    return found


def _crate_key(name: str) -> str:
    """A crate's or a folder's name compared: lazy_static, lazy-static.rs and rust-lazy-static are one."""
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    for cut in ("rust", "rs"):
        if key.startswith(cut) and len(key) > len(cut) + 2:
            key = key[len(cut) :]
        if key.endswith(cut) and len(key) > len(cut) + 2:
            key = key[: -len(cut)]
    return key


def _test_crate(t: FileFacts, declared: dict | None = None) -> tuple[str, str, bool] | None:
    """(its package's src/ prefix, its crate's name, whether Cargo.toml declares it) of a Cargo integration test
    (<package>/tests/x.rs): the library crate the package's Cargo.toml declares (``declared``: package folder ->
    (crate name, crate root), syntax/lang/rust.py's crate_names), else a key of the package folder's name, else
    of the repository's; None for any other file."""
    parts = t.path.split("/")
    if "tests" not in parts[:-1]:
        return None
    pkg = "/".join(parts[: parts.index("tests")])
    prefix = pkg + "/src/" if pkg else "src/"
    if declared and pkg in declared:
        return prefix, declared[pkg][0], True
    own = _crate_key(pkg.rsplit("/", 1)[-1] if pkg else str(t.repo).rstrip("/").rsplit("/", 1)[-1].removesuffix(".git"))
    return (prefix, own, False) if own else None


def _names_own(seg: str, found: tuple[str, str, bool]) -> bool:
    """A path's first segment names the test's own crate: its declared name exactly, else the guessed key."""
    return seg == found[1] if found[2] else _crate_key(seg) == found[1]


def _by_own_crate(
    t: FileFacts, kinds, sources: list[FileFacts], declared: dict | None = None
) -> tuple[str, str, float] | None:
    """Rule (Rust): a Cargo integration test (<package>/tests/x.rs) that reaches its own crate by name (use
    itoa::Integer, unicode_ident::is_xid_start(c), #[macro_use] extern crate lazy_static) tests the module of
    the package's src/ that defines the most of the crate items, functions and macros it names (itoa's
    tests/test.rs -> src/lib.rs). The crate is the package's: named like the package's folder, else the
    repository (unicode_ident for unicode-ident, lazy_static for lazy-static.rs) where no Cargo.toml declares it;
    another crate's items (a dev-dependency's rand::Rng) are no evidence. One name defined in several modules counts
    a share in each; no single best module, no subject."""
    found = _test_crate(t, declared)
    if found is None:
        return None
    prefix = found[0]
    refs = list(t.test.get("crate_paths") or ()) + [
        str(i.get("target", "")) for i in t.imports if i.get("kind") == "use"
    ]
    items: set[str] = set()
    reached = False
    for ref in refs:
        segs = ref.split("::")
        if len(segs) < 2 or not _names_own(segs[0], found):
            continue
        reached = True
        items.update(x for x in (segs[1], segs[-1]) if x and x not in ("*", "self"))
    if not reached:
        return None
    items.update(t.test.get("macros") or ())
    definers: dict[str, list[str]] = defaultdict(list)
    for f in sources:
        if not f.path.startswith(prefix) or kinds.get(f.path) not in ("", "inline") or not _usable(t.path, f.path):
            continue
        for n in items & set(f.test.get("defines") or ()):
            definers[n].append(f.path)
    score: dict[str, float] = defaultdict(float)
    for paths in definers.values():
        for p in paths:
            score[p] += 1 / len(paths)
    ranked = sorted(((v, p) for p, v in score.items()), key=lambda x: (-x[0], x[1]))
    if not ranked or (len(ranked) > 1 and ranked[0][0] <= ranked[1][0]):
        return None
    best, path = ranked[0]
    if path != prefix + "lib.rs":
        return None
    return path, "use", round(min(1.0, 0.5 + best / (2 * len(items))), 4)


def _by_crate_root(
    t: FileFacts, kinds, sources: list[FileFacts], declared: dict | None = None
) -> tuple[str, str, float] | None:
    """Rule (Rust): a Cargo integration test whose own-crate items (use polling::{Event, Events, Poller}) the
    crate root itself defines, every one of them, tests the crate root, however many modules the crate has
    (polling's tests/io.rs -> src/lib.rs, its backends private). Module segments of a path (polling::os) are no
    items; an item the root only re-exports (rayon's ParallelIterator, nom's IResult) is defined elsewhere and
    keeps the rule off."""
    found = _test_crate(t, declared)
    if found is None:
        return None
    prefix = found[0]
    crate = [
        f
        for f in sources
        if f.path.startswith(prefix) and kinds.get(f.path) in ("", "inline") and _usable(t.path, f.path)
    ]
    root = next((f for f in crate if f.path == prefix + "lib.rs"), None)
    if root is None:
        return None
    modules = {_stem(f.path) if _stem(f.path) != "mod" else f.path.split("/")[-2] for f in crate}
    refs = list(t.test.get("crate_paths") or ()) + [
        str(i.get("target", "")) for i in t.imports if i.get("kind") == "use"
    ]
    items: set[str] = set()
    for ref in refs:
        segs = ref.split("::")
        if len(segs) < 2 or not _names_own(segs[0], found):
            continue
        items.update(x for x in segs[1:] if x and x not in ("*", "self") and x not in modules)
    defined = {n for f in crate for n in f.test.get("defines") or ()}
    items &= defined
    # one item (anyhow::Error, syn::parse_file, itertools::Itertools) says too little: such a test is as often about a
    # module behind the item (syn's tests/test_shebang.rs: file.rs) or the crate at large
    if len(items) < 2 or not items <= set(root.test.get("defines") or ()):
        return None
    # named for one of them that a module defines too (tempfile's tests/tempfile.rs: the tempfile() of
    # src/file/mod.rs, a method of the root's Builder as well): the test is that module's
    key = _norm(_test_stem(t))
    if any(_norm(n) == key for f in crate if f is not root for n in items & set(f.test.get("defines") or ())):
        return None
    return root.path, "use", 0.6


class _CrateModules:
    """One crate's module tree as rustc walks it (mod x; in a/b.rs is a/b/x.rs or a/b/x/mod.rs; lib.rs, main.rs
    and mod.rs own their folder), to resolve a path such as ``mio::Waker`` through the crate root's re-exports
    (pub use waker::Waker) to the file that defines the item: src/waker.rs, not the private namesake
    src/sys/unix/waker.rs. Every (module, path) is resolved once; depth is capped."""

    _MAX_DEPTH = 12

    def __init__(self, prefix: str, facts_by_path: dict[str, FileFacts]):
        self.prefix = prefix
        self.facts = facts_by_path
        self.root = next((prefix + n for n in ("lib.rs", "main.rs") if prefix + n in facts_by_path), None)
        self.memo: dict[tuple[str, tuple[str, ...]], str | None] = {}

    def child(self, f: str, name: str) -> str | None:
        stem, d = _stem(f), posixpath.dirname(f)
        base = d if stem in ("lib", "main", "mod") else f"{d}/{stem}"
        return next((c for c in (f"{base}/{name}.rs", f"{base}/{name}/mod.rs") if c in self.facts), None)

    def parent(self, f: str) -> str | None:
        d = posixpath.dirname(f)
        if _stem(f) == "mod":
            d = posixpath.dirname(d)
        if d + "/" == self.prefix:
            return self.root
        return next((c for c in (d + ".rs", d + "/mod.rs") if c in self.facts), None)

    def resolve(self, f: str | None, segs: tuple[str, ...], depth: int = 0) -> str | None:
        """The file defining the item (or the module) at path segs seen from module file f, or None."""
        if f is None or f not in self.facts or depth > self._MAX_DEPTH:
            return None
        if not segs:
            return f
        key = (f, segs)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None  # a cycle of re-exports resolves to nothing
        out = self._resolve(f, segs, depth)
        self.memo[key] = out
        return out

    def _resolve(self, f: str, segs: tuple[str, ...], depth: int) -> str | None:
        head, rest = segs[0], segs[1:]
        if head == "self":
            return self.resolve(f, rest, depth + 1)
        if head == "super":
            return self.resolve(self.parent(f), rest, depth + 1)
        if head == "crate":
            return self.resolve(self.root, rest, depth + 1)
        facts = self.facts[f]
        if head in {r.get("target") for r in facts.imports if r.get("kind") == "mod"}:
            c = self.child(f, head)
            if c is not None:
                return self.resolve(c, rest, depth + 1)
        defined = set(facts.test.get("defines") or ())
        if not rest and head in defined:
            return f
        uses = [
            p
            for r in facts.imports
            if r.get("kind") == "use"
            for p in [tuple(s for s in str(r.get("target", "")).split("::") if s)]
            if p and p[0] not in _RUST_EXTERNAL - {"self", "super", "crate"}
        ]
        if rest and head in defined:
            # an inline module (flate2's lib.rs: pub mod write { pub use crate::gz::write::GzEncoder; }): its uses
            # are recorded as this file's, so only a use naming the module on the way counts
            uses = [p for p in uses if head in p[:-1]]
            segs, head, rest = rest, rest[0], rest[1:]
        # a name re-exported by several uses (cfg'd alternatives, inline modules' same names) is no one file's
        hits = {
            x
            for p in uses
            if p[-1] == head and p != segs
            for x in [self.resolve(f, p, depth + 1) or self.resolve(self.root, p, depth + 1)]
            if x is not None
        }
        if not hits:  # pub use self::inner::*
            hits = {x for p in uses if p[-1] == "*" for x in [self.resolve(f, p[:-1] + segs, depth + 1)] if x}
            return next(iter(hits)) if len(hits) == 1 else None
        if len(hits) != 1:
            return None
        found = next(iter(hits))
        return self.resolve(found, rest, depth + 1) if rest else found


def _resolved_uses(
    t: FileFacts, facts_by_path: dict[str, FileFacts], cache: dict, declared: dict | None = None
) -> dict[str, str]:
    """The files of its own crate that define what a Cargo test names of it (use mio::{Poll, Waker};
    mio::Token(0)), by the name the path ends in, each path resolved through the crate's modules and re-exports;
    empty for other files."""
    found = _test_crate(t, declared)
    if found is None:
        return {}
    prefix = found[0]
    if prefix not in cache:
        cache[prefix] = _CrateModules(prefix, facts_by_path)
    crate = cache[prefix]
    if crate.root is None:
        return {}
    out: dict[str, str] = {}
    refs = [str(i.get("target", "")) for i in t.imports if i.get("kind") == "use"]
    refs += list(t.test.get("crate_paths") or ())
    for ref in refs:
        segs = tuple(s for s in ref.split("::") if s)
        if len(segs) < 2 or not _names_own(segs[0], found) or segs[-1] == "*":
            continue
        hit = crate.resolve(crate.root, segs[1:])
        if hit is not None:
            out.setdefault(segs[-1], hit)
        elif len(segs) > 2:
            # a path may end in a method or a variant (itoa::Buffer::new, EitherOrBoth::Both): its type's file,
            # known by the type's name
            hit = crate.resolve(crate.root, segs[1:-1])
            if hit is not None:
                out.setdefault(segs[-2], hit)
    return out


def _namesake_resolved(t: FileFacts, found: tuple | None, cands: dict[str, list[str]], resolved_by: dict[str, str]):
    """Rule (Rust): of the files named like a Cargo test (mio's tests/waker.rs: src/waker.rs and the private
    src/sys/unix/waker.rs, ...), the one that its own crate's paths resolve to (use mio::Waker: lib.rs's pub use
    waker::Waker) is the subject, over a tie or a namesake the test cannot reach."""
    resolved = set(resolved_by.values())
    if not resolved or _stem(t.path) in _FACADES:  # tests/ecdsa/mod.rs is named for its folder, not for "mod"
        return found
    namesakes = cands.get(_norm(_test_stem(t)), ())
    hits = sorted({p for p in namesakes if p in resolved})
    if len(hits) != 1:
        return found
    if found is None or (found[0] is not None and found[0] in namesakes and found[0] not in resolved):
        return hits[0], "use", 0.8
    return found


# Words of a test named for the auto traits it asserts (anyhow's tests/test_autotrait.rs, async_send_sync.rs).
_AUTO_TRAIT_WORDS = (frozenset({"autotrait"}), frozenset({"autotraits"}), frozenset({"auto", "traits"}))


def _named_for_auto_traits(test_path: str) -> bool:
    """The test's name says it asserts Send, Sync, Unpin or UnwindSafe of the crate's types (test_autotrait.rs,
    auto_traits.rs, async_send_sync.rs), which the compiler checks at the types' definitions."""
    words = set(split_identifier(_stem(test_path)))
    words |= {"traits"} if "trait" in words else set()
    return {"send", "sync"} <= words or any(w <= words for w in _AUTO_TRAIT_WORDS)


def _by_auto_traits(t: FileFacts, resolved: dict[str, str]) -> tuple[str | None, str | None, float]:
    """Rule (Rust): a Cargo test named for the auto traits it asserts (assert_send::<anyhow::Error>()) tests the
    one file of its crate that defines the types it names (anyhow's src/lib.rs, miette's src/eyreish/mod.rs);
    types from several files (semver's Version and Error), or none of its crate's (tokio-stream's
    async_send_sync.rs: Rc and trait objects), name no subject: decided, not left to the calls rule. Module
    segments of a path (futures::executor) are no types."""
    files = {p for name, p in resolved.items() if name[:1].isupper()}
    if len(files) == 1:
        return next(iter(files)), "use", 0.8
    return None, None, 0.0
