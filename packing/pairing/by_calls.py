"""The calls rule (C, C++, Go, Rust): the implementation defining the functions and types a test calls, each
name weighed by how few tests use it; C macros that wrap functions are followed a few levels deep.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter, defaultdict

from repoloom.core.types import FileFacts
from repoloom.packing.pairing.conventions import (
    _BROAD_PACKAGE,
    _ENTRY_MODULES,
    FAMILY,
    _below,
    _named_for_role,
    _named_plainly,
    _plain_target,
    _stem,
    _test_stem,
    _units_defining,
    _usable,
)
from repoloom.syntax.tests import in_test_dir

# tests without a clear subject still favour some file (cpr's verb tests: session.cpp), so only a wide lead counts;
# on the dev sets a lead of three to four was as often wrong or subject-less as right
_CALLS_MARGIN = 4.0


def _names_of_its_own(t: FileFacts, root: FileFacts, others: int) -> bool:
    """The test names what the entry point itself defines, by macro or crate path (izip!, itertools::izip), and
    nothing much of the package's other modules."""
    named = set(t.test.get("macros") or ()) | {p.rsplit("::", 1)[-1] for p in t.test.get("crate_paths") or ()}
    if _named_plainly(t.path) or _plain_target(t):
        # a test named for nothing but the crate (tests/mod.rs, tests/test.rs) counts the items it imports too
        # (use sha2::{Sha256, Sha512}); a topic test doing so (serde_with's tests/serde_as/time.rs) uses the crate
        # broadly
        uses = (str(i.get("target", "")) for i in t.imports if i.get("kind") == "use")
        named |= {p.rsplit("::", 1)[-1] for p in uses if "::" in p}
    return others == 0 and bool(named & set(root.test.get("defines") or ()))


def _by_calls(
    t: FileFacts,
    sources: list[FileFacts],
    kinds,
    declared: set[str],
    names_in_tests: Counter,
    n_tests: int,
    tcfg,
    used: set[str] | None = None,
) -> tuple[str, str, float] | None:
    """Rule (C, C++, Go, Rust): the implementation that defines what the test uses.

    Each name the test uses and a source defines counts by its rarity among the repository's tests
    (json_object_put is in every json-c test and says nothing; json_c_visit is in one), shared among
    the files defining it. The clear favourite wins: four times the runner-up, worth at least one name
    that at most one other test uses, and defining two names or more that the test uses."""
    if _named_for_role(t.path):
        return None
    used = set(t.identifiers) if used is None else used
    definers: dict[str, list[str]] = defaultdict(list)
    for f in sources:
        if kinds.get(f.path) not in ("", "inline") or f.path in declared or not _usable(t.path, f.path):
            continue
        for n in set(f.test.get("defines") or ()) & used:
            definers[n].append(f.path)
    if not definers:
        return None
    top = math.log(1 + (n_tests + 0.5) / 0.5)

    def weight(d: int) -> float:  # squared: a dozen names half the tests use must not outweigh one rare name
        return (math.log(1 + (n_tests - d + 0.5) / (d + 0.5)) / top) ** 2 if n_tests >= 4 else 1.0

    by_path = {f.path: f for f in sources}
    score: dict[str, float] = defaultdict(float)
    names: Counter = Counter()
    for n, paths in definers.items():
        for p in paths:
            score[p] += weight(names_in_tests.get(n, 1)) / len(paths)
            names[p] += 1
    ranked = sorted(((v, p) for p, v in score.items()), key=lambda x: (-x[0], x[1]))
    best, path = ranked[0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    # one shared name (a flag macro, a helper both files happen to define) is a coincidence, not a subject
    if names[path] < 2 or best < weight(min(2, n_tests)) or best < _CALLS_MARGIN * runner:
        return None
    if _stem(path) in _ENTRY_MODULES[FAMILY.get(t.language or "", "")]:
        # the entry point of a package of many modules (itertools' or serde_with's src/lib.rs) leads because the
        # test uses the package broadly, not one module of it: no subject, from this rule or a later one. A small
        # crate's root is its code, and a test of the root's own macros (itertools' tests/macros_hygiene.rs) keeps it.
        below = _below(path, sources, kinds)
        others = sum(1 for p in below if p != path and names[p] >= 2)
        if len(below) >= _BROAD_PACKAGE and not _names_of_its_own(t, by_path[path], others):
            return None, None, 0.0
    return path, "calls", round(min(1.0, best / (best + runner)), 4)


_MACRO_DEPTH = 3  # go -> dill_go -> dill_go_ -> dill_prologue: aliases of wrappers, a few deep


def _macro_map(sources: list[FileFacts]) -> dict[str, set[str]]:
    """Macro name -> the names it stands for, over the family's source headers (tests' own macros left out)."""
    out: dict[str, set[str]] = defaultdict(set)
    for f in sources:
        for name, targets in (f.test.get("macros") or {}).items():
            out[name].update(targets)
    return out


def _through_macros(names: set[str], macros: dict[str, set[str]]) -> set[str]:
    """The names, and what the repository's macros among them stand for: a test calling libdill's msleep (#define
    msleep dill_msleep) calls dill_msleep, defined in libdill.c."""
    if not macros:
        return names
    out, frontier = set(names), names
    for _ in range(_MACRO_DEPTH):
        new = {n for x in frontier for n in macros.get(x, ())} - out
        if not new:
            break
        out |= new
        frontier = new
    return out


def _by_macro_name(
    t: FileFacts, macros: dict[str, set[str]], sources: list[FileFacts], kinds, declared: set[str]
) -> tuple[str, str, float] | None:
    """(C) A test named for a macro (tests/go1.c, tests/bundle.c: numbered variants count as one name) whose
    expansion, through the headers' macros, is defined by one implementation file (#define go dill_go ->
    dill_go_(...) -> dill_prologue of cr.c). Names defined in two files, or in none, name no subject."""
    stem = re.sub(r"\d+$", "", _test_stem(t))
    if stem not in macros:
        return None
    names = _through_macros({stem}, macros) - {stem}
    definers = _units_defining(names, t, sources, kinds, declared)
    return (definers.pop(), "name", 0.7) if len(definers) == 1 else None


def _elsewhere_in_tree(test_path: str, subject: str | None) -> bool:
    """(C, C++) A test kept beside its code in the source tree (nng's src/core/synch_test.c, not in a test folder)
    whose calls lead only into a unit of another folder of that tree (src/nng.c, the public API; src/core/stream.c)
    reaches the code through the library's door: no subject of its own. A test of a programs/ folder calling the
    library in lib/ (libdeflate's programs/test_*.c) still takes what it calls. (Not applied to the include rule:
    there nng's errors_test.c, labelled src/nng.c, was lost for two tests without a subject gained.)"""
    return (
        subject is not None
        and not in_test_dir(test_path)
        and "/" in subject
        and subject.split("/", 1)[0] == test_path.split("/", 1)[0]
        and os.path.dirname(subject) != os.path.dirname(test_path)
    )
