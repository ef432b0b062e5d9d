"""The import rule: a test that imports one module of its repository tests it; through a facade (__init__.py,
index.ts, mod.rs) or the package's entry point, the module that defines what the test uses.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from repoloom.core.types import FileFacts
from repoloom.packing.pairing.conventions import (
    _FACADES,
    _GENERIC_NAMES,
    _PACKAGE_ENTRIES,
    _SHIM_NAMES,
    FAMILY,
    _beside_or_below,
    _declares_only,
    _kind,
    _names_agree,
    _norm,
    _singular,
    _stem,
    _test_stem,
    _usable,
)
from repoloom.packing.pairing.lexical import _agreeing, _Lexical, _terms
from repoloom.syntax import registry
from repoloom.syntax.resolving import Edges


def _only_re_exports_for(t: FileFacts, facade: str, facts_by_path) -> bool:
    """A test named for the entry point itself (test/index.test.ts) whose entry only re-exports several modules
    of its package (std-env's src/index.ts: export { env } from './env.ts', ...; neverthrow's) tests the package as
    a whole: no one subject."""
    stem = _test_stem(t)
    f = facts_by_path.get(facade)
    if f is None or _norm(stem) != _norm(_stem(facade)):
        return False  # named for its folder (test/utils.test.ts, src/utils/index.ts) the package may be the subject
    reexported = {n for i in f.imports for n in (i.get("names") or ())}
    own = {n for n in (f.test.get("defines") or ()) if not n.startswith("__")} - reexported
    # modules of its own package (relative records: the graph may have dropped one edge of a cycle)
    local = {i.get("target") for i in f.imports if str(i.get("target") or "").startswith(".")}
    return not own and len(local) >= 2


def _gathers_only(path: str | None, facts_by_path) -> bool:
    """A Python package's __init__.py that defines nothing of its own (its dunders aside): empty (uvicorn's
    protocols/http/__init__.py) or gathering what its modules define (werkzeug's routing/__init__.py: from .map import
    Map, from .rules import Rule, ...). A test named for the package tests it across those modules, not the file."""
    if path is None or path.rsplit("/", 1)[-1] != "__init__.py":
        return False
    f = facts_by_path.get(path)
    if f is None:
        return False
    reexported = {n for r in f.imports for n in (r.get("names") or ())}
    return not {n for n in (f.test.get("defines") or ()) if not n.startswith("__")} - reexported


def _imports_only_facades(t: FileFacts, graph, facts_by_path, tooling: set[str] = frozenset()) -> bool:
    """tests/safe-try.test.ts imports '../src' (src/index.ts) and nothing else of the repository (but the shared
    test tooling: ts-pattern's tests take Expect and Equal from src/types/helpers.ts). Another test file it takes
    names from is its helper there, as a support file is (tqdm's tests/tests_pandas.py: closing from tests_tqdm.py;
    parse5's packages/parse5-sax-parser/test/sax-parser.test.ts: test/utils/common.ts): a test never tests a test."""
    if t.path not in graph:
        return False
    targets = [
        p
        for p in graph.successors(t.path)
        if p in facts_by_path and _kind(facts_by_path[p]) not in ("support", "test") and p not in tooling
    ]
    return bool(targets) and all(_stem(p) in _FACADES or _re_exports_only(facts_by_path[p]) for p in targets)


def _re_exports_only(f: FileFacts) -> bool:
    """A module of its package that defines nothing of its own, only re-exports modules beside or below it (zustand's
    src/middleware.ts: export * from './middleware/persist.ts', ...): a facade whatever its name."""
    if _declares_only(f) or not any(str(i.get("target") or "").startswith(".") for i in f.imports):
        return False
    reexported = {n for i in f.imports for n in (i.get("names") or ())}
    return not ({n for n in (f.test.get("defines") or ()) if not n.startswith("__")} - reexported)


def _made_from(entry: FileFacts, wanted: set[str], graph, facts_by_path, kinds) -> str | None:
    """The module whose class makes the one object an entry point defines (loguru/__init__.py: logger =
    _Logger(core=_Core(), ...), both imported from ._logger): that object's code is the class's, so a test of the object
    tests loguru/_logger.py. Only an entry defining nothing else of its own (dunders aside), an object named in lower
    case, and classes imported from one module of the package."""
    own = {n for n in entry.test.get("defines") or () if not (n.startswith("__") and n.endswith("__"))}
    if own != wanted or not all(n[:1].islower() for n in wanted):
        return None
    modules = {
        str(r.get("target") or "")
        for r in entry.imports
        if any(n[:1].isupper() for n in r.get("names") or ()) and str(r.get("target") or "").strip(".")
    }
    modules = {m for m in modules if m.startswith(".")}  # the package's own modules, imported relatively
    if len(modules) != 1 or entry.path not in graph:
        return None
    name = modules.pop().lstrip(".").rsplit(".", 1)[-1]
    made = [
        p
        for p in graph.successors(entry.path)
        if p in facts_by_path and _stem(p) == name and kinds.get(p) in ("", "inline")
    ]
    return made[0] if len(made) == 1 else None


def _facade_defining_all(
    t: FileFacts, graph, kinds, facts_by_path, defined_here: set[str], ix=None
) -> tuple[str, str, float] | None:
    """The one entry point of the package (__init__.py, index.ts) a test imports, when it defines itself, not
    by re-export, the one name of the repository the test imports that the test's own helpers do not (cachetools'
    tests/test_lru.py: LRUCache of src/cachetools/__init__.py; CacheTestMixin of tests/__init__.py and datetime's
    timedelta do not count). A facade that only re-exports (src/index.ts: export { x } from './x'), a test
    importing nothing by name (import * as lib) or several names (tests/test_threading.py: LRUCache, cached,
    cachedmethod) has none."""
    targets = [p for p in graph.successors(t.path) if p in facts_by_path]
    entries = [p for p in targets if kinds.get(p) in ("", "inline")]
    if len(entries) != 1:
        return None
    entry = facts_by_path[entries[0]]
    helpers = set()
    for p in targets:
        if p != entry.path:
            helpers |= set(facts_by_path[p].test.get("defines") or ()) | set(facts_by_path[p].identifiers)
    wanted = {
        n for i in t.imports for n in (i.get("names") or ()) if n != "*" and n not in helpers and n in defined_here
    }
    reexported = {n for i in entry.imports for n in (i.get("names") or ())}
    own = set(entry.test.get("defines") or ()) - reexported
    if len(wanted) == 1 and wanted <= own:  # several (LRUCache, cached, cachedmethod under threads): no one subject
        return _made_from(entry, wanted, graph, facts_by_path, kinds) or entry.path, "import", 0.6
    takes_default = ix is not None and any(
        "default" in (r.get("names") or ()) and entry.path in _record_targets(ix, t, r) for r in t.imports
    )
    if len(wanted) >= 2 and ix is not None and not takes_default and not (wanted & own):
        # several names, every one re-exported from the same module of the package (valtio's
        # tests/memoryleaks.test.ts: proxy and subscribe from 'valtio', src/index.ts: export * from './vanilla.ts'):
        # that module; names from two modules (proxy and useSnapshot: vanilla.ts, react.ts) name none
        origins: set[str] = set()
        through = wanted & {
            n for r in t.imports if entry.path in _record_targets(ix, t, r) for n in (r.get("names") or ())
        }
        if not through:
            return None
        if len(through) >= 2:
            for name in sorted(through):
                behind = _origins_behind(entry, name, ix, kinds, facts_by_path)
                if len(behind) != 1:
                    return None
                origins |= behind
            if len(origins) == 1:
                return origins.pop(), "import", 0.6
            return None
        # one name from the package, the others from elsewhere (pyrsistent's tests/map_test.py: pmap, beside
        # operator's add, which the package also names a method): that name alone, re-exported, decides below
        wanted = through
    if len(wanted) == 1 and ix is not None and not takes_default:
        # the one name, re-exported: the module the entry takes it from, when that module defines it (jotai's
        # tests/vanilla/basic.test.tsx imports atom from src/vanilla.ts: export { atom } from './vanilla/atom.ts');
        # not beside the package's default export (ky's test/context.ts: ky and isHTTPError), nor a module of types
        (name,) = wanted
        origins = {
            q
            for r in entry.imports
            if name in (r.get("names") or ())
            for q in _record_targets(ix, entry, r)
            if q in facts_by_path
            and kinds.get(q) in ("", "inline")
            and not _declares_only(facts_by_path[q])
            and name in (facts_by_path[q].test.get("defines") or ())
        }
        if len(origins) == 1:
            return origins.pop(), "import", 0.6
    return None


def _origins_behind(entry: FileFacts, name: str, ix, kinds, facts_by_path) -> set[str]:
    """The modules an entry point takes one name from: a record re-exporting it by name, or a star re-export
    (export * from './vanilla.ts') of a module defining it; code only, not modules of types."""
    out = set()
    for r in entry.imports:
        names = r.get("names") or ()
        if name not in names and "*" not in names:
            continue
        for q in _record_targets(ix, entry, r):
            f = facts_by_path.get(q)
            if (
                f is not None
                and kinds.get(q) in ("", "inline")
                and not _declares_only(f)
                and name in (f.test.get("defines") or ())
            ):
                out.add(q)
    return out


def _record_targets(ix, f: FileFacts, rec: dict) -> set[str]:
    """The repository files one import record of f resolves to (the graph keeps edges, not which record made them)."""
    lang = registry.get(f.language)
    if lang is None:
        return set()
    e = Edges()
    lang.resolve(ix, replace(f, imports=[rec]), e)
    return {p for p in e.w if p != f.path}


def _reached_code(t: FileFacts, graph, kinds, facts_by_path) -> tuple[list[str], bool]:
    """The code files a test imports, directly or through its own test package (tests/__init__.py: import tomli
    as tomllib), and whether it went through that package; other helpers are passed over."""
    out: list[str] = []
    through = False
    for p in sorted(graph.successors(t.path)):
        if p not in facts_by_path:
            continue
        if kinds.get(p) in ("", "inline"):
            out.append(p)
        elif kinds.get(p) == "support" and _stem(p) in _FACADES and _beside_or_below(p, t.path):
            reached = [q for q in sorted(graph.successors(p)) if q in facts_by_path and kinds.get(q) in ("", "inline")]
            through = through or bool(reached)
            out.extend(q for q in reached if q not in out)
    return out, through


def _through_entry_point(t: FileFacts, graph, kinds, facts_by_path, ix) -> tuple[str, str, float] | None:
    """A test that takes the package whole reaches it through one entry point (__init__.py, index.ts): by its
    default export only (p-queue's test/basic.ts: import PQueue from '../source/index.js'), as a module
    (import tomli as tomllib, in the test's own tests/__init__.py), or through its test package. The file, of the
    entry point and the repository modules the entry re-exports from, that defines every name the test uses of
    those the entry offers is the subject (PQueue of source/index.ts; tomli's loads, load and TOMLDecodeError of
    _parser.py). Names it picks one by one (from cachetools import LRUCache) are the entry-point rule's; names
    from two files (createRouter, toRouteMatcher), or none, name no subject."""
    if t.path not in graph:
        return None
    reached, through = _reached_code(t, graph, kinds, facts_by_path)
    if len(reached) != 1 or _stem(reached[0]) not in _PACKAGE_ENTRIES:
        return None
    entry = facts_by_path[reached[0]]
    if not through:
        # what the test itself imports from the entry must be its default export or its namespace (io-ts'
        # test/2.1.x/array.ts: import * as t from '../../src/index', whose index defines the codecs), and that
        # alone (a test doing import attr uses the package as a whole: attrs' tests/test_init_subclass.py)
        taken = [r for r in t.imports if entry.path in _record_targets(ix, t, r)]
        if not taken or any((r.get("names") or ()) not in (["default"], ["*"]) for r in taken):
            return None
    used = set(t.identifiers)
    origin: dict[str, set[str]] = defaultdict(set)  # name the entry offers -> files defining it
    reexported: set[str] = set()
    for r in entry.imports:
        names = [n for n in (r.get("names") or ()) if n not in ("*", "default")]
        reexported.update(names)
        if not names or not used & set(names):
            continue
        for q in _record_targets(ix, entry, r):
            f = facts_by_path.get(q)
            if f is None or kinds.get(q) not in ("", "inline"):
                continue
            for n in used & set(names) & set(f.test.get("defines") or ()):
                origin[n].add(q)
    own = {n for n in (entry.test.get("defines") or ()) if not n.startswith("__")} - reexported
    for n in used & own:
        origin[n].add(entry.path)
    files = {q for qs in origin.values() for q in qs}
    if len(files) != 1 or any(len(qs) != 1 for qs in origin.values()):
        return None
    subject = files.pop()
    if subject == entry.path and len(origin) < _FACADE_MIN_HITS:
        # the entry itself must hold the code the test drives (p-queue's PQueue and its methods), not just make
        # the instance the test calls (ky's index.ts: const ky = createInstance(), the work in core/Ky.ts)
        return None
    return subject, "import", 0.6


def _imports_helpers(t: FileFacts, graph, facts_by_path) -> bool:
    """The test imports helpers of its own: support files, or another test's module (h3's test/status.test.ts:
    describeMatrix of test/_setup.ts)."""
    return t.path in graph and any(
        p in facts_by_path and _kind(facts_by_path[p]) in ("support", "test") for p in graph.successors(t.path)
    )


def _tooling(t: FileFacts, ix, common: frozenset[str]) -> set[str]:
    """The modules t takes only names from that half the tests or more use (the records resolved)."""
    if ix is None or not common:
        return set()
    taken: dict[str, set[str]] = defaultdict(set)
    for i in t.imports:
        for p in _record_targets(ix, t, i):
            taken[p] |= set(i.get("names") or ()) or {"*"}
    # an entry point is how tests reach the code, whatever they take from it (src/index.ts, jotai's src/vanilla.ts
    # re-exporting atom): tooling defines what it offers
    return {
        p
        for p, names in taken.items()
        if names <= common
        and _stem(p) not in _FACADES
        and p in ix.facts
        and not any(r.get("kind") == "export" for r in ix.facts[p].imports)
    }


def _common_names(names_in_tests: Counter, n_tests: int) -> frozenset[str]:
    """Names half the tests or more use (ts-pattern's Expect and Equal type checks): shared test tooling."""
    if n_tests < _COMMON_MIN_TESTS:
        return frozenset()
    return frozenset(n for n, c in names_in_tests.items() if 2 * c >= n_tests)


_COMMON_MIN_TESTS = 6


def _by_import(
    t: FileFacts,
    graph,
    kinds,
    facts_by_path,
    fam,
    lex_index,
    tcfg,
    ix=None,
    common: frozenset[str] = frozenset(),
    packages: frozenset[str] = frozenset(),
) -> tuple[str, str, float] | None:
    """Rule (c): the test imports one module of the repository (facades like __init__.py say little)."""
    if t.path not in graph:
        return None
    # a module the test takes only names from that most tests take too is their shared tooling, not a subject
    # (ts-pattern's src/types/helpers.ts for Expect and Equal)
    tooling = _tooling(t, ix, common)
    targets = sorted(
        p
        for p in graph.successors(t.path)
        if p in facts_by_path
        and kinds[p] in ("", "inline")
        and FAMILY.get(facts_by_path[p].language or "") == fam
        and _usable(t.path, p)
        and p not in tooling
    )
    real = [p for p in targets if _stem(p) not in _FACADES and _may_be_tested(t, facts_by_path[p])]
    if not targets and len(tooling) == 1:
        only = next(iter(tooling))
        if (
            set(graph.successors(t.path)) & set(facts_by_path) == {only}
            and kinds.get(only) in ("", "inline")
            and FAMILY.get(facts_by_path[only].language or "") == fam
            and not facts_by_path[only].test.get("types_only")
            and _usable(t.path, only)
        ):
            # what every test takes is no subject beside other code, but a test taking nothing else tests it
            # (tsyringe's __tests__/child-container.test.ts imports only the global container)
            return only, "import", 0.7
    if not real and len(targets) == 1 and {p for p in lex_index(fam).docs if _usable(t.path, p)} == set(targets):
        return targets[0], "import", 0.8  # the package's one module (minimist's test/long.js requires '../': index.js)
    if len(real) == 1 and _names_agree(t.path, real[0]):  # test/body-size.ts imports source/utils/body.ts alone
        return real[0], "import", 0.8
    key = _norm(_test_stem(t))
    if len(key) >= 4 and key not in _GENERIC_NAMES:
        # the test is named for a name it imports from the module that defines it (pluggy's testing/test_multicall.py:
        # from pluggy._callers import _multicall), whatever else it imports; taken from the package instead, the
        # name says nothing of a module (click's tests/test_context.py: from click import Context, not click.core)
        definers = sorted(
            {
                p
                for i in t.imports
                for p in real
                if re.split(r"[./:\\]", str(i.get("target") or ""))[-1] == _stem(p)
                # (in the singular or the plural: unimport's test/to-export.test.ts imports toExports)
                and {n for n in (i.get("names") or ()) if _singular(_norm(n)) == _singular(key)}
                & _own_definitions(facts_by_path[p])
            }
        )
        if len(definers) == 1:
            return definers[0], "import", 0.8
        if ix is not None:
            # the same, the name taken through an entry point or barrels that re-export it (immer's
            # __tests__/original.js: import {original} from '../src/immer', which takes it from ./internal, which
            # takes all of ./utils/common): the one module truly defining it
            origins: set[str] = set()
            for i in t.imports:
                names = {n for n in (i.get("names") or ()) if _norm(n) == key}
                for p in _record_targets(ix, t, i) if names else ():
                    # not through a package's facade (__init__.py, index.ts): the guard above (click's Context)
                    if p in facts_by_path and kinds.get(p) in ("", "inline") and _stem(p) not in _FACADES:
                        for n in names:
                            origins |= _origins_of(n, facts_by_path[p], ix, kinds, facts_by_path, frozenset())
            origins = {p for p in origins if _usable(t.path, p)}
            if len(origins) == 1:
                return origins.pop(), "import", 0.8
    if (
        real == targets
        and len(real) == 1
        and ix is not None
        and _norm(_stem(real[0])) not in packages | _SHIM_NAMES
        and _takes_its_own_code(t, real[0], facts_by_path, ix)
    ):
        # a topic test taking code from one module alone, by names the module itself defines or by its own default
        # export (magic-regexp's test/experimental.test.ts: createRegExp from src/further-magic.ts; untyped's
        # test/transform.test.ts: the babel plugin of src/loader/babel.ts): that module, whatever the test is named;
        # not the package's entry point named like it (immer's src/immer.ts), which topic tests all take, nor a
        # compatibility shim (click's tests/test_imports.py: _compat.py)
        return real[0], "import", 0.7
    found = _agreeing(t, real, "import", lex_index(fam), tcfg)
    if (
        found is not None
        and (_re_exports_several(facts_by_path[found[0]]) or _norm(_stem(found[0])) in _SHIM_NAMES)
        and not _names_agree(t.path, found[0])
    ):
        # an entry point gathering several modules (immer's src/immer.ts: export ... from './internal',
        # './plugins/patches', ...) is where a topic test takes its names, not what it tests; nor is a
        # compatibility shim (attrs' and click's _compat.py: version switches every module imports)
        return None
    return found


def _may_be_tested(t: FileFacts, f: FileFacts) -> bool:
    """A module declaring only types has no code to test: the import rule passes over it (hono-node-server's
    test/server-socket.test.ts takes the type ServerType from src/types.ts and serve from src/server.ts), unless the
    test is named for it by a name not a generic one (ts-pattern's tests/build-many.test.ts: src/types/BuildMany.ts;
    hookable's test/types.test.ts is not a test of src/types.ts)."""
    return not f.test.get("types_only") or (_names_agree(t.path, f.path) and _norm(_stem(f.path)) not in _GENERIC_NAMES)


def _takes_its_own_code(t: FileFacts, module: str, facts_by_path: dict, ix) -> bool:
    """The test imports from module names that module defines itself (not ones it re-exports), or its default
    export when the module does not take that from elsewhere; a module declaring only types has no code to test."""
    f = facts_by_path[module]
    if f.test.get("types_only"):
        return False
    names = {n for r in t.imports if module in _record_targets(ix, t, r) for n in (r.get("names") or ())}
    if names & _own_definitions(f):
        return True
    return "default" in names and not any("default" in (r.get("names") or ()) for r in f.imports)


def _re_exports_several(f: FileFacts) -> bool:
    return len({r.get("target") for r in f.imports if r.get("kind") == "export"}) >= 2


def _own_definitions(f: FileFacts) -> set[str]:
    """What a file defines less what it takes from its records (an entry point "defines" what it re-exports)."""
    taken = {n for r in f.imports for n in (r.get("names") or ())}
    return set(f.test.get("defines") or ()) - taken


def _origins_of(name: str, f: FileFacts, ix, kinds, facts_by_path, seen: frozenset) -> set[str]:
    """The files defining name behind f: f itself when it defines the name and takes it from no record; else
    the files behind the records that name it or re-export everything (export * from './common'), followed on."""
    records = [r for r in f.imports if {name, "*"} & set(r.get("names") or ())]
    if name in (f.test.get("defines") or ()) and not any(name in (r.get("names") or ()) for r in records):
        return {f.path}
    out: set[str] = set()
    for r in records:
        for q in _record_targets(ix, f, r):
            if q not in seen and q in facts_by_path and kinds.get(q) in ("", "inline"):
                out |= _origins_of(name, facts_by_path[q], ix, kinds, facts_by_path, seen | {f.path})
    return out


_FACADE_MIN_HITS = 3


def _through_facade(
    t: FileFacts, found: tuple[str, str, float], pool: list[FileFacts], kinds, declared: set[str], lex_index, tcfg
) -> tuple[str, str, float]:
    """A facade (parser/__init__.py, buf/mod.rs, query/index.ts) re-exports its folder: the test of that
    folder tests the module there its vocabulary clearly prefers (test_parser.py -> parser/_parser.py).
    The facade stays when it defines what the test uses, or when no module is clearly ahead. A helper
    package's facade (tests/testserver/__init__.py) moves among the helpers beside it."""
    facade = found[0]
    sources = [f for f in pool if kinds.get(f.path) == kinds.get(facade)]
    folder = facade.rsplit("/", 1)[0] if "/" in facade else ""
    siblings = {
        f.path
        for f in sources
        if f.path != facade
        and f.path not in declared
        and (f.path.rsplit("/", 1)[0] if "/" in f.path else "") == folder
        and _stem(f.path) not in _FACADES
        and _usable(t.path, f.path)
    }
    if not siblings:
        return found
    if kinds.get(facade) == "support":
        # helpers are not in the lexical index of sources: their own definitions the test uses decide
        index = _Lexical(
            {f.path: _terms(f.test.get("defines") or []) for f in sources if f.path in siblings | {facade}}
        )
    else:
        index = lex_index(FAMILY.get(t.language or ""))
    by_path = {f.path: f for f in sources}
    used = set(t.identifiers)

    def own_names(f: FileFacts) -> set[str]:  # what a file defines, less the modules it declares (mod chain;)
        mods = {i.get("target") for i in f.imports if i.get("kind") == "mod"}
        return set(f.test.get("defines") or ()) - mods

    hits = {p: len(own_names(by_path[p]) & used) for p in siblings | {facade}}
    ranked, ceiling = index.rank(_terms(t.identifiers), siblings | {facade})
    if not ranked or ceiling <= 0 or ranked[0][1] == facade:
        return found
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    choice = ranked[0][1]
    if ranked[0][0] < tcfg.lexical_margin * runner:  # the name already chose the folder: a clear lead is enough
        # vocabulary too close (tz/tz.py and tz/_common.py share tzinfo's words): the module defining
        # clearly more of the names the test uses (23 against 9) still decides
        # (and the vocabulary's favourite too, and not a module of shared types or helpers by its name)
        by_hits = sorted(siblings, key=lambda p: (-hits[p], p))
        second = hits[by_hits[1]] if len(by_hits) > 1 else 0
        if (
            by_hits[0] != choice
            or hits[choice] < tcfg.lexical_margin * max(second, 1)
            or _norm(_stem(choice)) in _GENERIC_NAMES
        ):
            return found
    # The module must define several of the names the test uses, and twice what the facade itself defines
    # and the test uses (createDynamicMiddleware lives in dynamicMiddleware/index.ts: that facade is the subject).
    if hits[choice] < _FACADE_MIN_HITS or hits[choice] < 2 * hits[facade]:
        return found
    return choice, found[1], 0.6
