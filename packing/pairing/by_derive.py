"""The derive rule (Rust): a Cargo test of a derive macro the repository declares (strum's
strum_tests/tests/enum_variant_table.rs: #[derive(EnumTable)]) tests the module implementing it.

A proc-macro crate declares each derive in its root (#[proc_macro_derive(EnumTable)] pub fn enum_table(..)), and the
declaring function hands the work to the module that implements it (macros::enum_table::enum_table_inner(..)) or
does it in the root itself (zeroize_derive's derive_zeroize_impl). The test is named for the derive (a word of its
name touches EnumTable): a test merely deriving a repository's trait on its sample types (miette's #[derive(Diagnostic)]
in tests/graphical.rs) is named for something else and left to the other rules.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable

from repoloom.core.types import FileFacts
from repoloom.packing.pairing.conventions import _FACADES, _stem, split_identifier
from repoloom.packing.pairing.lexical import _names_touch


# derive name -> [(the source declaring it, the functions doing its work)]; the sources of the crates declaring
# derives, [(path, [the words of its name])]
_Declared = dict[str, list[tuple[str, list[str]]]]
_Modules = list[tuple[str, list[str]]]


def _derive_index(facts: list[FileFacts], kinds: dict[str, str]) -> tuple[_Declared, _Modules]:
    """The derives the repository declares, and the modules of the crates declaring them."""
    declared: _Declared = defaultdict(list)
    for f in facts:
        if kinds.get(f.path) in ("", "inline"):
            for name, callees in (f.test.get("proc_derives") or {}).items():
                declared[name].append((f.path, list(callees)))
    crates = {_crate_dir(p) for decls in declared.values() for p, _ in decls}
    modules = [
        (f.path, _words(f.path))
        for f in facts
        if kinds.get(f.path) in ("", "inline") and f.path.endswith(".rs") and _crate_dir(f.path) in crates
    ]
    return declared, modules


def _words(path: str) -> list[str]:
    return [w.lower() for w in split_identifier(_stem(path))]


def _crate_dir(path: str) -> str:
    """The folder of the crate a source belongs to: derive/ of derive/src/lib.rs, "" for src/lib.rs."""
    parts = path.split("/")
    return "/".join(parts[: parts.index("src")]) if "src" in parts[:-1] else posixpath.dirname(path)


def _implementing(decl: str, callees: list[str], defining: Callable[[str], list[FileFacts]]) -> str:
    """The module doing a derive's work: of the functions the declaring function calls that are named for it
    (syntax/lang/rust.py), the first its crate defines, when one file of the crate defines it (the declaring file
    itself, or strum's macros/enum_table.rs); else the declaring file."""
    crate = _crate_dir(decl)
    for name in callees:
        files = {f.path for f in defining(name) if _crate_dir(f.path) == crate}
        if files:
            return files.pop() if len(files) == 1 else decl
    return decl


def _named_module(t: FileFacts, crate: str, modules: _Modules) -> str | None:
    """The module of the macro crate the test's name names, every word of it (miette's
    tests/test_diagnostic_source_macro.rs -> miette-derive/src/diagnostic_source.rs, over diagnostic.rs): the most
    words, one module."""
    mine = set(_words(t.path))
    fits = [(len(w), p) for p, w in modules if _crate_dir(p) == crate and _stem(p) not in _FACADES and set(w) <= mine]
    best = max((n for n, _ in fits), default=0)
    top = [p for n, p in fits if n == best]
    return top[0] if best and len(top) == 1 else None


def _by_derive(
    t: FileFacts, index: tuple[_Declared, _Modules], defining: Callable[[str], list[FileFacts]]
) -> tuple[str, str, float] | None:
    """The module implementing the derive macros a test derives and is named for, when that is one file; a module
    of that macro crate the test's name names comes first."""
    declared, modules = index
    subjects = set()
    for name in t.test.get("derives") or ():
        decls = declared.get(name)
        if not decls or not _names_touch(t.path, name + ".rs"):
            continue
        if len(decls) > 1:  # declared twice (two versions of a macro crate): not decided here
            return None
        decl, callees = decls[0]
        subjects.add(_named_module(t, _crate_dir(decl), modules) or _implementing(decl, callees, defining))
    return (subjects.pop(), "use", 1.0) if len(subjects) == 1 else None
