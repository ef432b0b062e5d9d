"""The name and path rules: a test's file name encodes its subject's (test_foo.py -> foo.py, FooTest.java ->
Foo.java, foo.spec.ts -> foo.ts), mirrored folders decide between namesakes, and a topic-named test yields to the
one module defining what it is named after.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict

from repoloom.core.types import FileFacts
from repoloom.packing.pairing.by_include import _header_names
from repoloom.packing.pairing.conventions import (
    _BARE_TEST_TAILS,
    _BUILD_QUALIFIERS,
    _C_HEADERS,
    _C_IMPLEMENTATIONS,
    _DECLARATION_ONLY,
    _ENTRY_MODULES,
    _FACADES,
    _FACADES_NORM,
    _GENERIC_NAMES,
    _NAME_NOISE,
    _NEUTRAL_DIRS,
    _OWN_HEADERS_DECLARE,
    _PACKAGE_FOLDERS,
    _PROGRAM_ENTRIES,
    _WITHIN_FOLDER,
    _common_prefix,
    _common_suffix,
    _dir_parts,
    _folder,
    _folder_in_test_tree,
    _norm,
    _singular,
    _stem,
    _test_stem,
    _units_defining,
    _usable,
    _without_test_dirs,
    split_identifier,
)
from repoloom.packing.pairing.lexical import _agreeing, _terms
from repoloom.syntax.lang.javascript import JS_FIRST, TS_FIRST
from repoloom.syntax.tests import TEST_DIRS, in_test_dir, in_type_test_dir, is_bare_test, subject_stem

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^A-Za-z\d._-]+")
_LEAD_QUALIFIER = re.compile(r"^(Java|Jdk|Kotlin|Scala|Android|Jvm)\d*(?=[A-Z])")


_SUITE_NAME = re.compile(r"^([A-Za-z0-9]+)[_-](.+)$")
_SUITE_MIN = 3  # tests of one folder sharing a name's first word: the word names the suite, not a subject


def _suite_prefixes(tests: list[FileFacts]) -> dict[str, set[str]]:
    """folder -> first words that several of its tests' names share without a test affix (test/regress_*.c)."""
    count: Counter = Counter()
    for t in tests:
        name = os.path.basename(t.path)
        m = _SUITE_NAME.match(_stem(t.path))
        if m and subject_stem(name) is None and not is_bare_test(name):
            count[(_folder(t.path), m.group(1).lower())] += 1
    out: dict[str, set[str]] = defaultdict(set)
    for (folder, word), n in count.items():
        if n >= _SUITE_MIN:
            out[folder].add(word)
    return out


def _own_header(test_path: str, cand: str, fam: str | None) -> bool:
    """test/regress_http.h beside test/regress_http.c declares the test's own functions (its family says so); in a
    test folder, so does the header named after what the test is named for (magic_enum's test/aliases.hpp beside
    test/test_aliases.cpp: the test's own configuration, not the library)."""
    if fam not in _OWN_HEADERS_DECLARE or not cand.endswith(_C_HEADERS) or _folder(cand) != _folder(test_path):
        return False
    if _stem(cand) == _stem(test_path):
        return True
    named_for = subject_stem(os.path.basename(test_path))
    return bool(named_for) and _stem(cand) == named_for and in_test_dir(cand)


def _bare_tail(path: str, own: str, fam: str | None) -> str | None:
    """The subject's name of a test in a test folder named with its family's bare tail (writertest -> writer)."""
    if not in_test_dir(path):
        return None
    low = own.lower()
    for tail in _BARE_TEST_TAILS.get(fam or "", ()):
        rest = own[: -len(tail)]
        if low.endswith(tail) and len(rest) >= 3 and rest[-1] not in "._-":
            return rest
    return None


def _declarations_beside(test_path: str, declared: set[str], kinds: dict[str, str]) -> tuple[str, str, float] | None:
    """The one declarations-only file in the type test's folder (computed/index.d.ts), if there is exactly one."""
    folder = os.path.dirname(test_path)
    beside = [p for p in declared if os.path.dirname(p) == folder and kinds.get(p) in ("", "inline")]
    return (beside[0], "path", 1.0) if len(beside) == 1 else None


def _index_beside(t: FileFacts, facts_by_path: dict, kinds: dict[str, str]) -> tuple[str, str, float] | None:
    """A test kept beside the code, named for a topic (nanostores' map/production.test.js, htmlparser2's
    src/FeedHandler.spec.ts) tests the module its folder's index file is: that index, as the test's own kind resolves
    the folder (nanostores' deep-map/errors.ts, a TypeScript file, checks deep-map/index.d.ts). A test folder's index
    is a helper (support), never taken."""
    folder = os.path.dirname(t.path)
    order = TS_FIRST if t.path.endswith((".ts", ".tsx", ".mts", ".cts")) else JS_FIRST
    for ext in order:
        p = os.path.join(folder, "index" + ext) if folder else "index" + ext
        if ext != ".json" and p in facts_by_path and kinds.get(p) in ("", "inline"):
            return p, "path", 0.5
    return None


def _is_type_test(path: str) -> bool:
    """Tests of types (tsd / vitest typecheck): foo.test-d.ts, or in a language's type-test folder (type-tests/foo.ts,
    dtslint/, test-d/: Language.type_test_dirs)."""
    return "-d." in os.path.basename(path) or in_type_test_dir(path)


def _implementations_first(test_path: str, options: list[str], declared: set[str]) -> list[str]:
    """foo.py over its stub foo.pyi, x.c over x.h; a types-only TypeScript module answers type tests only."""
    impl = [c for c in options if c not in declared]
    if impl:
        return impl
    if _is_type_test(test_path):
        return options
    return [c for c in options if c.endswith(_C_HEADERS + (".pyi",))]  # a header-only library: the header


_HEADER_LEAD = 3  # names of the test's that the header defines, against each one the namesake implementation defines


def _header_holding_the_code(t: FileFacts, options: list[str], facts_by_path: dict | None) -> list[str]:
    """[header] when a C++ header, not its namesake implementation, defines what the test uses and that unit only
    instantiates the header's templates (fmt's format.h and src/format.cc; foonathan/memory's memory_pool.hpp and
    src/memory_pool.cpp: template class memory_pool<node_pool>;); else []. A unit instantiating nothing holds the
    code of the class its header declares, inline members or not (ccache's src/ccache/config.cpp for
    unittest/test_config.cpp, libpqxx's src/array.cxx), and a C header's inline functions and types stay beside the
    code of their implementation (klib's kstring.c; OpenSSH's test_kex.c -> kex.c, not kex.h for struct kex)."""
    headers = [c for c in options if c.endswith(_C_HEADERS)]
    impls = [c for c in options if c.endswith(_C_IMPLEMENTATIONS)]
    if facts_by_path is None or len(headers) != 1 or not impls:
        return []
    if not any((f := facts_by_path.get(c)) is not None and f.test.get("instantiates") for c in impls):
        return []
    used = set(t.identifiers)

    def hits(p: str) -> int:
        f = facts_by_path.get(p)
        return len(used & set(f.test.get("defines") or ())) if f is not None else 0

    h = hits(headers[0])
    return headers if h >= _HEADER_LEAD and h >= _HEADER_LEAD * max(hits(c) for c in impls) else []


def _package_sources(test_path: str, tied: list[str], fam: str | None) -> str | None:
    """The one tied candidate in the sources folder of the test's own package (<root>/tests/x.rs -> <root>/src/),
    for a family that lays its packages out so (Cargo); else None."""
    folders = _PACKAGE_FOLDERS.get(fam or "")
    if folders is None:
        return None
    tests, srcs = folders
    parts = test_path.split("/")[:-1]
    if tests not in parts:
        return None
    root = "/".join(parts[: len(parts) - 1 - parts[::-1].index(tests)])
    prefix = f"{root}/{srcs}/" if root else f"{srcs}/"
    own = [c for c in tied if c.startswith(prefix)]
    return own[0] if len(own) == 1 else None


def _defining_module(
    t: FileFacts, sources: list[FileFacts], kinds, declared: set[str], imported: bool = False
) -> str | None:
    """The one module that defines the name a test is called after (test_prompt.py -> the module with
    def prompt), compared without case and separators; None when none or several do. With imported (the test
    also imports helpers of its own, which were set aside), the name must be one the test imports
    (buildCreateApi.test.tsx imports buildCreateApi; ky's test/retry.ts imports no retry)."""
    stem = _test_stem(t)
    found = _defining_module_of(t, _norm(stem), sources, kinds, declared, imported)
    if found is None and "." in stem:
        # a dotted qualifier names a variant of what the head names (reselect's createSelector.withTypes.test.ts:
        # createSelector, defined in src/createSelectorCreator.ts): the head, when the test imports it by that name
        head = stem.split(".", 1)[0]
        if any(n == head for i in t.imports for n in (i.get("names") or ())):
            found = _defining_module_of(t, _norm(head), sources, kinds, declared, imported)
    one = _singular(_norm(stem))
    if found is None and one != _norm(stem) and one in {_norm(n) for n in t.identifiers}:
        # named in the plural for a name it uses in the singular (ts-pattern's tests/strings.test.ts: P.string)
        found = _defining_module_of(t, one, sources, kinds, declared, imported)
    return found


def _defining_module_of(
    t: FileFacts, key: str, sources: list[FileFacts], kinds, declared: set[str], imported: bool
) -> str | None:
    # a short name (ref) only as the very name the test imports (valtio's tests/ref.test.tsx imports ref)
    short = len(key) == 3 and any(_norm(n) == key for i in t.imports for n in (i.get("names") or ()))
    if (len(key) < 4 and not short) or key in _GENERIC_NAMES or key in _FACADES_NORM:
        return None
    if imported and not any(key in _norm(n) for i in t.imports for n in (i.get("names") or ())):
        return None
    definers = [
        f.path
        for f in sources
        if kinds.get(f.path) in ("", "inline")
        and f.path not in declared
        and _usable(t.path, f.path)
        and any(_norm(d) == key for d in (f.test.get("defines") or ()))
    ]
    by_path = {f.path: f for f in sources}
    # index.ts "defines" what it re-exports (export { safeTry } from './result'): that is no definition
    real = [p for p in definers if not any(_norm(n) == key for i in by_path[p].imports for n in (i.get("names") or ()))]
    longer = {_norm(n) for i in t.imports for n in (i.get("names") or ()) if key in _norm(n) and _norm(n) != key}
    if short:  # no longer names for a short one (ref is in prefix)
        return real[0] if len(real) == 1 else None
    if len(real) > 1 and longer:
        # several modules define the name (subscribe: the store's method, devtools' wrapper); the one that also
        # defines the longer name the test imports decides (subscribeWithSelector of middleware/subscribeWithSelector.ts)
        real = [p for p in real if any(_norm(d) in longer for d in (by_path[p].test.get("defines") or ()))]
    if not real:
        # resolve.test.ts imports resolveURL, double-slash.test.ts cleanDoubleSlashes: the names the test imports
        # that contain its own name, when one module defines them all
        longer = {_norm(n) for i in t.imports for n in (i.get("names") or ()) if key in _norm(n)}
        real = sorted(
            {
                f.path
                for f in sources
                if longer
                and kinds.get(f.path) in ("", "inline")
                and f.path not in declared
                and _usable(t.path, f.path)
                and any(_norm(d) in longer for d in (f.test.get("defines") or ()))
                and not any(_norm(n) in longer for i in f.imports for n in (i.get("names") or ()))
            }
        )
    return real[0] if len(real) == 1 else None


_CRATE_ROOTS = ("lib", "main")


def _by_named_type(t: FileFacts, sources: list[FileFacts], kinds, declared: set[str]) -> tuple[str, str, float] | None:
    """Rule (Rust): a Cargo integration test reaches the crate by its name only (use tempfile::NamedTempFile); when no
    file has the test's name, the one module below the crate root that defines a type of that name is its subject
    (tests/namedtempfile.rs -> src/file/mod.rs, tests/tempdir.rs -> src/dir/mod.rs's TempDir, not the crate root's
    Builder::tempdir). A type of that name in the crate root (semver's VersionReq in src/lib.rs) leaves it to the
    crate; functions of that name (crossbeam-channel's fn after, a method html) are no evidence, nor is a type the
    test never names."""
    key = _norm(_test_stem(t))
    if len(key) < 4 or key in _GENERIC_NAMES or key in _FACADES_NORM:
        return None
    named = set(t.identifiers) | {str(i.get("target", "")).rsplit("::", 1)[-1] for i in t.imports}
    typed = []
    for f in sources:
        if kinds.get(f.path) not in ("", "inline") or f.path in declared or not _usable(t.path, f.path):
            continue
        # the test names the type itself (NamedTempFile), not only a method of that name (.tuples()) or nothing
        # (anyhow's tests/test_boxed.rs and the private struct Boxed)
        if any(_norm(d) == key and d[:1].isupper() and d in named for d in (f.test.get("defines") or ())):
            typed.append(f.path)
    if any(_stem(p) in _CRATE_ROOTS for p in typed):
        return None
    return (typed[0], "name", 0.6) if len(typed) == 1 else None


def _by_named_class(t: FileFacts, sources: list[FileFacts], kinds, declared: set[str]) -> tuple[str, str, float] | None:
    """Rule (Python): a test named for a class that no file is named for (tests/test_deque.py: Deque) tests the one
    module defining a class of that name which the test names (diskcache/persistent.py), as `_by_named_type` finds a
    Cargo test's type; a package's __init__.py too (cachetools' Cache). Not when the test also uses longer names on
    that word that other modules define: click's tests/test_context.py takes Context from core.py but
    get_current_context from globals.py and pass_context from decorators.py, the context machinery, no one module."""
    found = _by_named_type(t, sources, kinds, declared)
    if found is None:
        return None
    key = _norm(_test_stem(t))
    used = set(t.identifiers) | {n for i in t.imports for n in (i.get("names") or ())}
    for f in sources:
        if f.path == found[0] or kinds.get(f.path) not in ("", "inline"):
            continue
        if any(key in _norm(d) and _norm(d) != key and d in used for d in (f.test.get("defines") or ())):
            return None
    return found


# Words whose short form names modules as often as the word: a test named in full finds the module named short.
_SHORT_FORMS = {
    "utilities": "utils",
    "utility": "util",
    "configuration": "config",
    "arguments": "args",
    "parameters": "params",
    "environment": "env",
    "directory": "dir",
    "directories": "dirs",
}


def _variants(
    test_path: str,
    key: str,
    cands: dict[str, list[str]],
    joined: dict[str, list[str]] | None,
    kinds,
    plural: bool = True,
) -> list[str]:
    """Sources answering to a name that no file has exactly: a plural (buildSelector -> buildSelectors.ts),
    an agent noun (compile -> compiler.py, isoparse -> isoparser.py), a folder and file joined
    (header_map -> header/map.rs); the first form that names a usable source. A shortened name takes no
    plural (errorHandling is not about errors.ts, PrimitiveCharacterTest not about Primitives.java). A test named
    for the agent answers to the action too, beside or joined (cookie-es' set-cookie-parser.test.ts ->
    src/set-cookie/parse.ts); a word written in full answers to its short form (ufo's test/utilities.test.ts ->
    src/utils.ts)."""
    # the singular only of a one-word name: a compound plural names a family of classes (gson's
    # TreeTypeAdaptersTest is no test of TreeTypeAdapter.java alone)
    words = [w for w in split_identifier(_stem(test_path)) if w not in _NAME_NOISE]
    single = _singular(key) if len(words) == 1 else key
    # the plural in -es after a sibilant (immer's __tests__/patch.js -> src/plugins/patches.ts)
    es = key + "es" if key.endswith(("s", "x", "z", "ch", "sh")) else None
    forms = ([cands.get(key + "s", [])] + ([cands.get(es, [])] if es else []) if plural else []) + [
        cands.get(key + "r", []),
        cands.get(key + "er", []),
        (joined or {}).get(key, []),
        # a test named in the plural for a module named in the singular (quick-xml's tests/encodings.rs ->
        # src/encoding.rs), or for the module implementing it (itertools' tests/tuples.rs -> src/tuple_impl.rs)
        cands.get(single, []) if single != key and single not in _NAME_NOISE else [],
        cands.get(single + "impl", []) if single != key else [],
    ]
    short = _SHORT_FORMS.get(key)
    if short:  # utilities.test.ts -> utils.ts (ufo)
        forms += [cands.get(short, [])]
    if key.endswith("er") and len(words) >= 2:
        # a qualified agent (set-cookie-parser, not tests/fuzzer.c: a fuzz run, not a test of fuzz.h)
        for action in (key[:-1], key[:-2]):  # parser -> parse, lexer -> lex
            if len(action) >= 4:
                forms += [cands.get(action, []), (joined or {}).get(action, [])]
    for options in forms:
        usable = [c for c in options if _usable(test_path, c, kinds)]
        if usable:
            return usable
    return []


_LIBRARY_PREFIX_FILES = 5  # sources whose names start with one word before that word is the library's prefix


_CAMEL_FIRST = re.compile(r"^([A-Z][a-z]+)([A-Z].*)$")


def _first_word(stem: str) -> list[str]:
    """A file name's first word and the rest: set off by a separator (crypto_box), or by case where the name has no
    separator (uriparser's UriSetHostAuto: Uri, SetHostAuto)."""
    parts = re.split(r"[_-]", stem, maxsplit=1)
    if len(parts) == 1:
        m = _CAMEL_FIRST.match(stem)
        if m:
            return [m.group(1), m.group(2)]
    return parts


def _library_prefixed(fs: list[FileFacts], kinds) -> list[tuple[str, str]]:
    """(name without the library's prefix, path) for the sources of a library that starts its file names with one
    word (libsodium's crypto_box.c, crypto_sign.c, crypto_kdf.c): its tests name the rest (test/default/box.c).
    A word starts the library's names when five implementation files or more begin with it. Headers do not count
    and answer to no shortened name: libtomcrypt's src/headers/tomcrypt_mac.h declares a family of algorithms."""
    units = [f for f in fs if kinds.get(f.path) in ("", "inline") and not f.path.endswith(_C_HEADERS)]
    firsts: dict[str, set[str]] = defaultdict(set)
    for f in units:
        parts = _first_word(_stem(f.path))
        if len(parts) == 2 and parts[0] and parts[1]:
            firsts[parts[0].lower()].add(_stem(f.path))
    prefixes = {w for w, stems in firsts.items() if len(stems) >= _LIBRARY_PREFIX_FILES}
    out = []
    for f in sorted(units, key=lambda f: f.path):
        parts = _first_word(_stem(f.path))
        if len(parts) == 2 and parts[0].lower() in prefixes:
            rest = _norm(parts[1])
            if len(rest) >= 3 and rest not in _FACADES_NORM and rest not in _GENERIC_NAMES:
                out.append((rest, f.path))
    return out


def _doers(word: str) -> set[str]:
    """The names of what does an action (parsing, parse -> parser; read -> reader; write -> writer; guess ->
    guessing): a module is often named for the one doing what a test is named for."""
    if len(word) < 4:  # (str is no verb: test_str_set.cpp has no "string" doer)
        return set()
    if word.endswith("ing") and len(word) > 5:
        base = word[:-3]
        return {base + "er", base + "or"}
    out = {word + "er", word + "or", word + "ing"}
    if word.endswith("e"):
        out |= {word + "r", word[:-1] + "ing"}
    return out


def _by_doer(t: FileFacts, cands: dict[str, list[str]], kinds, declared: set[str]) -> tuple[str, str, float] | None:
    """A test named for an action on a thing takes the module named for the one doing it, with nothing else in its
    name the test does not say (tomlplusplus' tests/parsing_arrays.cpp -> impl/parser.inl; csv-parser's
    tests/test_read_csv.cpp -> csv_reader.cpp, not csv_reader_iterator.cpp; test_guess_csv.cpp -> guessing.cpp).
    Asked last, when no rule found a subject."""
    stem = subject_stem(os.path.basename(t.path)) or _stem(t.path)
    words = split_identifier(stem)
    if len(words) < 2:
        return None
    forms = _doers(words[0])
    rest = set(words[1:]) | {_singular(w) for w in words[1:]}
    options = sorted(
        {
            c
            for paths in cands.values()
            for c in paths
            if (cw := set(split_identifier(_stem(c)))) & forms
            and not cw - forms - rest
            and kinds.get(c) in ("", "inline")
            and not in_test_dir(c)
            and _usable(t.path, c, kinds)
        }
    )
    if not options and words[0].endswith("ing"):
        # no doer: what the action is done on (manipulating_arrays.cpp -> array.inl)
        thing = "".join(words[1:])
        options = sorted(
            c
            for key in dict.fromkeys((thing, _singular(thing)))
            for c in cands.get(key, [])
            if kinds.get(c) in ("", "inline") and not in_test_dir(c) and _usable(t.path, c, kinds)
        )
    options = _implementations_first(t.path, options, declared)
    return (options[0], "name", 0.5) if len(options) == 1 else None


def _by_test_folder(
    t: FileFacts, cands: dict[str, list[str]], kinds, declared: set[str]
) -> tuple[str, str, float] | None:
    """A test in a folder of tests named for one module, its own name naming nothing (OpenSSH's
    regress/unittests/misc/test_argv.c -> misc.c, sshkey/test_file.c -> sshkey.c; babel's
    tests/messages/frontend/test_cli.py -> babel/messages/frontend.py): the folder holds that module's tests. Asked
    last, when no rule (lexical included) found a subject; a folder that only says "tests" (unittests/, test_suite/) names nothing."""
    parts = t.path.split("/")
    if len(parts) < 3 or not in_test_dir("/".join(parts[:-1]) + "/"):
        return None
    folder = parts[-2]
    if folder.lower() in _NEUTRAL_DIRS or in_test_dir(folder + "/x"):
        return None
    # (the test tree's own files aside: tests/messages/frontend/__init__.py answers to "frontend" too)
    named = [c for c in cands.get(_norm(folder), []) if kinds.get(c) in ("", "inline") and not in_test_dir(c)]
    # a module with a folder of its own name (jotai's src/react.ts beside src/react/, httparty's lib/httparty.rb,
    # boost-json's detail/ryu/ryu.hpp, gson's com/google/gson/Gson.java): the test folder mirrors that package
    if any(
        _norm(_folder(c).rsplit("/", 1)[-1]) == _norm(folder)
        or any(k.startswith(f"{_folder(c)}/{_stem(c)}/".lstrip("/")) for k in kinds)
        for c in named
    ):
        return None
    options = [c for c in named if _usable(t.path, c, kinds) and _stem(c) not in _FACADES]
    options = _implementations_first(t.path, options, declared)
    return (options[0], "path", 0.5) if len(options) == 1 else None


def _by_name_part(
    t: FileFacts, cands: dict[str, list[str]], kinds, facts_by_path, suites: dict[str, set[str]], declared: set[str]
) -> tuple[str, str, float] | None:
    """A test named for a part of its module's name (a suite's prefix aside: libevent's test/regress_openssl.c ->
    bufferevent_openssl.c), for a family whose modules are named so (Language.tests_named_in_part); after the calls
    rule, which knows better when it is clear; the implementation over its header unless the header holds the code."""
    name = os.path.basename(t.path)
    stem = subject_stem(name)
    if stem is None:
        stem = _stem(t.path)
        suite = _SUITE_NAME.match(stem)
        if suite and suite.group(1).lower() in suites.get(_folder(t.path), ()):
            stem = suite.group(2)
    options = _named_in_part(t, stem, cands, kinds, facts_by_path)
    options = _header_holding_the_code(t, options, facts_by_path) or _implementations_first(t.path, options, declared)
    return (options[0], "name", 0.6) if len(options) == 1 else None


def _named_in_part(t: FileFacts, stem: str, cands: dict[str, list[str]], kinds, facts_by_path) -> list[str]:
    """The sources of the one module whose name holds every word of the test's name and more (spdlog's
    tests/test_mpmc_q.cpp -> details/mpmc_blocking_q.h, libevent's regress_openssl.c -> bufferevent_openssl.c),
    words compared in the singular; only when the test uses a name that module defines (a shared word is no
    evidence by itself), and never when two modules' names hold the words."""
    words = {_singular(w) for w in split_identifier(stem)} - _NAME_NOISE
    if not words or len(_norm(stem)) < 4:
        return []
    hits = []
    for key, paths in cands.items():
        # the library's modules, not the tests' own helpers (re2's testing/exhaustive_tester.cc, tests/app_helper.hpp)
        usable = [
            c for c in paths if _usable(t.path, c, kinds) and kinds.get(c) in ("", "inline") and not in_test_dir(c)
        ]
        if not usable:
            continue
        cw = {_singular(w) for w in split_identifier(_stem(usable[0]))}
        if words < cw:
            hits.append(usable)
            if len(hits) > 1:
                return []
    if not hits:
        return []
    used = set(t.identifiers)
    # (what it defines or its macros: M*LIB's m-array.h is macros, ARRAY_DEF among them)
    return hits[0] if any(used & _header_names(facts_by_path[c]) for c in hits[0]) else []


def _named_folder(path: str) -> bool:
    """The file's folder is not itself a test folder (tests/schemars_1/main.rs, not tests/main.rs)."""
    parts = path.split("/")
    return len(parts) > 2 and parts[-2].lower() not in TEST_DIRS


def _by_name(
    t: FileFacts,
    cands: dict[str, list[str]],
    kinds,
    graph,
    lex_index,
    fam,
    tcfg,
    qualified: bool = False,
    declared: set[str] = frozenset(),
    sources_of=lambda fam: (),
    joined: dict[str, list[str]] | None = None,
    facts_by_path: dict | None = None,
    suites: dict[str, set[str]] | None = None,
) -> tuple[str, str, float] | None:
    """Rules (a) and (b): the subject's name from the test's file name, or the test's own name in a test folder."""
    name = os.path.basename(t.path)
    stem = subject_stem(name)
    affixed = stem is not None
    if stem is None:
        own = _stem(t.path)
        if own.lower() in ("test", "tests", "spec"):  # src/foo/tests.rs, src/foo/test.ts: the enclosing module
            parts = t.path.split("/")
            stem = parts[-2] if len(parts) > 1 else ""
        elif (
            (own in _ENTRY_MODULES[fam or ""] or own in _PROGRAM_ENTRIES[fam or ""])
            and in_test_dir(t.path)
            and _named_folder(t.path)
        ):
            # the root of a test crate of its own folder (Cargo's tests/schemars_0_8/main.rs) is named by its folder, as
            # is a test program's main in a folder of its own (flac's src/test_grabbag/cuesheet/main.c: cuesheet.c)
            stem = t.path.split("/")[-2]
        else:
            stem = own  # tests/parse.rs, __tests__/Button.tsx, test/parse.js: mirrored by name in a test folder
            bare = _bare_tail(t.path, own, fam)
            if bare:  # test/unittest/writertest.cpp -> writer.h
                stem, affixed = bare, True
    # build-constraint suffixes: func_go1.21_test.go, file_windows_test.go test func.go, file.go
    qualifiers = _BUILD_QUALIFIERS.get(fam or "")
    if qualifiers is not None:
        stem = qualifiers.sub("", stem) or stem
    options = [c for c in cands.get(_norm(stem), []) if _usable(t.path, c, kinds) and not _own_header(t.path, c, fam)]
    if not options and joined and not affixed:
        # a folder and file joined before a suite's prefix is dropped: futures' tests/future_join.rs and
        # stream_unfold.rs, in a folder whose tests share first words, name futures-util/src/future/join.rs
        options = [c for c in joined.get(_norm(stem), []) if _usable(t.path, c, kinds)]
    suite = _SUITE_NAME.match(stem) if not affixed and suites else None
    if not options and suite and suite.group(1).lower() in suites.get(_folder(t.path), ()):
        # the suite's prefix says nothing (libevent's test/regress_http.c, regress_buffer.c: http.c, buffer.c)
        options = [c for c in cands.get(_norm(suite.group(2)), []) if _usable(t.path, c, kinds)]
        if not options and joined:
            # the rest may join a folder and a file (bitsery's tests/serialization_ext_std_map.cpp: ext/std_map.h)
            options = [c for c in joined.get(_norm(suite.group(2)), []) if _usable(t.path, c, kinds)]
        stem = suite.group(2) if options else stem
    if not options:  # buildSelector.test-d.ts -> buildSelectors.ts, test_compile.py -> compiler.py
        options = _variants(t.path, _norm(stem), cands, joined, kinds)
    if fam in _WITHIN_FOLDER:  # a Go test is compiled with its package: a namesake in another folder is another package
        options = [c for c in options if _folder(c) == _folder(t.path)]
    partial = False
    if not options and affixed and qualified:
        # A qualified test name: JsonArrayAsListTest -> JsonArray, JsonReaderPathTest -> JsonReader,
        # createSlice.withTypes.test.ts -> createSlice, Java17ReflectionHelperTest -> ReflectionHelper.
        # Only longer names count, and never a facade (test_init_subclass.py is not about __init__.py).
        dotted = stem
        while not options and "." in dotted:  # a dotted qualifier names a variant of the module itself
            dotted = dotted.rsplit(".", 1)[0]
            options = [c for c in cands.get(_norm(dotted), []) if _usable(t.path, c, kinds)]
        words = _WORDS.findall(_LEAD_QUALIFIER.sub("", stem))
        for n in range(len(words) - 1, 0, -1):
            if options:
                break
            key = _norm("".join(words[:n]))
            if len(key) < 4 or key in _FACADES_NORM:
                break
            # a facade by its folder's name is too broad a match for a shortened name (queryFn -> query/index.ts)
            options = [c for c in cands.get(key, []) if _usable(t.path, c, kinds) and _stem(c) not in _FACADES]
            options = options or [
                c for c in _variants(t.path, key, cands, joined, kinds, plural=False) if _stem(c) not in _FACADES
            ]
        if not options and _LEAD_QUALIFIER.match(stem):
            key = _norm(_LEAD_QUALIFIER.sub("", stem))
            options = [c for c in cands.get(key, []) if _usable(t.path, c, kinds)]
        # A leading qualifier set off by a separator: test_async_filters.py -> filters.py (not CamelCase names:
        # CustomTypeAdaptersTest is no test of TypeAdapters)
        pieces = [p for p in re.split(r"[_-]+", stem) if p]
        for n in range(1, len(pieces)):
            if options:
                break
            key = _norm("".join(pieces[n:]))
            if len(key) < 4 or key in _FACADES_NORM or key in _GENERIC_NAMES:
                break
            options = [c for c in cands.get(key, []) if _usable(t.path, c, kinds) and _stem(c) not in _FACADES]
        if fam in _WITHIN_FOLDER:
            # shortened, the name still names a file of the test's own package (chi's path_value_test.go: no
            # middleware/value.go)
            options = [c for c in options if _folder(c) == _folder(t.path)]
        partial = bool(options)
    parts = t.path.split("/")[:-1]
    # under tests/ itself, not a crate named like one
    at = next((i for i, p in enumerate(parts) if p.lower() in TEST_DIRS), None) if not options else None
    if at is not None and not affixed and qualified:
        # a test named for a topic and then a thing it uses (tokio-stream's tests/time_throttle.rs calls .throttle()):
        # the one module named for the thing, of the test's own package: the folders above its test folder
        # (futures/tests/ready_queue.rs is no test of futures-channel/src/mpsc/queue.rs)
        root = "/".join(parts[:at])
        pieces = [p for p in re.split(r"[_-]+", stem) if p]
        key = _norm("".join(pieces[1:])) if len(pieces) > 1 else ""
        if len(key) >= 4 and key not in _FACADES_NORM and key not in _GENERIC_NAMES:
            found = [
                c
                for c in cands.get(key, [])
                if _usable(t.path, c, kinds) and _stem(c) not in _FACADES and c.startswith(root + "/" if root else "")
            ]
            if len(found) == 1 and key in {_norm(i) for i in t.identifiers}:
                options, partial = found, True
    if not options and qualified:
        return None
    if not options:
        # The folder may carry the name: tests/test_types/test_Choice.py -> types.py, FooTests/x.cs -> Foo.cs
        for folder in reversed(t.path.split("/")[:-1]):
            fstem = subject_stem(folder + ".py") or subject_stem(folder + ".java")
            if fstem:
                options = [
                    c for c in cands.get(_norm(fstem), []) if _usable(t.path, c, kinds) and kinds.get(c) != "support"
                ]
                break
        if not options:
            # A folder inside the test tree named after a module: tests/vanilla/basic.test.ts -> src/vanilla.ts
            # when the test's vocabulary agrees (spec/httparty/ssl_spec.rb is not a test of lib/httparty.rb).
            inner = _folder_in_test_tree(t.path)
            inner_options = (
                [c for c in cands.get(_norm(inner), []) if _usable(t.path, c, kinds) and kinds.get(c) == ""]
                if inner
                else []
            )
            return _agreeing(t, inner_options, "path", lex_index(fam), tcfg)
        # A folder groups tests loosely (click's tests/test_utils/test_prompt.py tests termui.prompt):
        # the one module defining the function the test is named after overrules it, and so may the
        # test's vocabulary.
        definer = _defining_module(t, sources_of(fam), kinds, declared)
        if definer is not None and definer not in options:
            return definer, "name", 0.7
        index = lex_index(fam)
        overall, ceiling = index.rank(_terms(t.identifiers), {p for p in index.docs if _usable(t.path, p)})
        if overall and ceiling > 0:
            folder_best = max((s for s, p in overall if p in options), default=0.0)
            top = overall[0][0]
            if (
                overall[0][1] not in options
                and top / ceiling >= tcfg.lexical_min_score
                and top >= tcfg.lexical_margin * folder_best
            ):
                return overall[0][1], "lexical", round(overall[0][0] / ceiling, 4)
        affixed = False
    here = os.path.dirname(t.path)
    imported = set(graph.successors(t.path)) if t.path in graph else set()
    # a namesake beside the test that the test imports is its subject, not a namesake elsewhere: even a helper of a
    # folder of test tooling (hono's src/helper/testing/index.test.ts imports '.', the testClient helper, not
    # src/helper/websocket/index.ts) or a module of types (hono's src/utils/types.test.ts, not utils/jwt/types.ts)
    near = [c for c in options if os.path.dirname(c) == here]
    taken = [c for c in near if c in imported]
    if taken:
        options = near
    options = (
        _header_holding_the_code(t, options, facts_by_path)
        or _implementations_first(t.path, options, declared | {c for c in options if c.endswith(_DECLARATION_ONLY)})
        or taken
    )
    if not options:
        return None
    if taken and all(kinds.get(c) == "support" for c in taken):
        options = [c for c in options if c in taken] or options
    elif any(kinds.get(c) != "support" for c in options):  # requests' tests/test_utils.py tests src/requests/utils.py
        options = [c for c in options if kinds.get(c) != "support"]
    test_dir = t.path.rsplit("/", 1)[0] if "/" in t.path else ""
    tparts = _dir_parts(t.path)

    def fit(c: str) -> tuple[int, int, int]:
        cparts = _dir_parts(c)
        return (_common_suffix(tparts, cparts), _common_prefix(tparts, cparts), -abs(len(tparts) - len(cparts)))

    def parent(c: str) -> str:
        return c.rsplit("/", 1)[0] if "/" in c else ""

    same = [c for c in options if parent(c) == test_dir]
    if partial:
        ranked = sorted(options, key=lambda c: (fit(c), c), reverse=True)
        if len(ranked) == 1 or fit(ranked[0])[:2] > fit(ranked[1])[:2]:
            return ranked[0], ("name" if parent(ranked[0]) == test_dir or fit(ranked[0])[0] == 0 else "path"), 0.6
        own = _package_sources(t.path, [c for c in ranked if fit(c)[:2] == fit(ranked[0])[:2]], fam)
        return (own, "name", 0.6) if own else None
    if len(same) == 1:
        return same[0], "name", 1.0
    if len(options) == 1:
        c = options[0]
        mirrored = fit(c)[0] > 0
        if affixed:
            # beside it, or in a test folder right beside it (pkg/tests/test_x.py, src/__tests__/x.test.ts): name;
            # a mirrored tree (src/test/java/a/XTest.java -> src/main/java/a/X.java): path
            beside = parent(c) in (test_dir, _without_test_dirs(test_dir))
            return c, ("path" if mirrored and not beside else "name"), (1.0 if beside else 0.9 if mirrored else 0.8)
        return c, "path", (0.9 if mirrored else 0.7)
    ranked = sorted(options, key=lambda c: (fit(c), c), reverse=True)
    best, second = ranked[0], ranked[1]
    if fit(best)[:2] > fit(second)[:2]:
        return best, "path", 0.9
    # Folders tie: the one the test imports decides.
    tied = [c for c in ranked if fit(c)[:2] == fit(best)[:2]]
    imported = [c for c in tied if graph.has_edge(t.path, c)]
    if len(imported) == 1:
        return imported[0], "path", 0.7
    # Still tied (attr/filters.py and its re-export attrs/filters.py): the one the test's identifiers match.
    ranked_lex, ceiling = lex_index(fam).rank(_terms(t.identifiers), set(tied))
    if ranked_lex and ceiling > 0:
        runner = ranked_lex[1][0] if len(ranked_lex) > 1 else 0.0
        if ranked_lex[0][0] >= tcfg.lexical_margin * runner:
            return ranked_lex[0][1], "name", 0.6
    return None


def _sole_unit_beside(t: FileFacts, sources: list[FileFacts], kinds: dict[str, str]) -> tuple[str, str, float] | None:
    """Rule (C, C++): a test kept beside the code it tests, outside any test folder (nng's
    src/sp/protocol/pair0/pair0_test.c beside pair.c, src/sp/transport/ws/ws_test.c beside websocket.c), tests the
    one compiled unit of its folder when it names something that unit defines or is named for it. What it calls through the library's
    public API file (src/nng.c) is the door, not the subject. A folder of several units, or one in a test folder
    (tests/ with its one helper.c), names none."""
    if in_test_dir(t.path):
        return None
    folder = os.path.dirname(t.path)
    units = [
        f
        for f in sources
        if os.path.dirname(f.path) == folder
        and f.path.endswith(_C_IMPLEMENTATIONS)
        and kinds.get(f.path) in ("", "inline")
        and f.path != t.path
    ]
    if len(units) != 1:
        return None
    unit = units[0]
    # the test's name holds the unit's (dtls_tran_test.c for dtls.c: it dials dtls:// URLs, not dtls.c's names)
    words = set(re.split(r"[^a-z0-9]+", _stem(t.path).lower()))
    if _stem(unit.path).lower() not in words and not set(t.identifiers) & set(unit.test.get("defines") or ()):
        return None
    return unit.path, "path", 0.8


def _package_root(path: str, roots: set[str]) -> str | None:
    """The deepest folder holding a package manifest (package.json) above path; None outside any."""
    parts = path.split("/")[:-1]
    for i in range(len(parts), -1, -1):
        d = "/".join(parts[:i])
        if d in roots:
            return d
    return None


def _own_package_namesake(
    t: FileFacts, found: str, named: list[FileFacts], kinds: dict[str, str], roots: set[str]
) -> str | None:
    """A test of one package of a monorepo named like a module of another package (TanStack store's
    packages/lit-store/tests/atom.test.ts and packages/store/src/atom.ts) tests the one module of its own package
    whose name ends or begins with the test's (packages/lit-store/src/tan-stack-store-atom.ts): the binding wraps
    the core's namesake. None when the two share a package or its own package has no such module."""
    own = _package_root(t.path, roots)
    if not own or own == _package_root(found, roots):
        return None
    key = _norm(_test_stem(t))
    if len(key) < 3:
        return None
    mine = [
        f.path
        for f in named
        if kinds.get(f.path) in ("", "inline")
        and f.path.startswith(own + "/")
        and not in_test_dir(f.path)
        and (_norm(_stem(f.path)).endswith(key) or _norm(_stem(f.path)).startswith(key))
    ]
    return mine[0] if len(mine) == 1 else None


def _by_prefixed_function(t: FileFacts, units_named, kinds, declared: set[str]) -> tuple[str, str, float] | None:
    """Rule (C, C++): a test named for a function the library defines under its own prefix, and that the test calls
    (libcbor's test/copy_test.c: cbor_copy of src/cbor.c; structurally_equal_test.c: cbor_structurally_equal of
    src/cbor/common.c; map_get_test.c: cbor_map_get of src/cbor/maps.c), tests the one unit defining it. The name
    is the whole rest of the function's (map_get is no part of cbor_map_get_size) and the prefix one word (uint_test.c
    tests no cbor_isa_uint); a header declaring it is no unit; two units defining such a function, no subject.
    units_named(name): the sources defining that name (as for _by_named_function)."""
    key = _test_stem(t).lower().replace("-", "_")
    if len(_norm(key)) < 4 or key in _GENERIC_NAMES:
        return None
    tail = "_" + key
    # the prefix one word (cbor_copy), not a verb before the name (cbor_isa_uint is no test of uint; as_double)
    called = {
        n for n in t.identifiers if n.lower().endswith(tail) and n[: -len(tail)].isalnum() and len(n) > len(tail) + 2
    }
    if len(called) != 1:
        return None  # none, or several (Boost.JSON's test/double.cpp: as_double, get_double, is_double)
    definers = _units_defining(called, t, units_named(next(iter(called))), kinds, declared)
    return (definers.pop(), "name", 0.7) if len(definers) == 1 else None


def _by_named_function(t: FileFacts, units_named, kinds, declared: set[str]) -> tuple[str, str, float] | None:
    """Rule (C, C++): a test named exactly for a function it calls (libpqxx's test/test_cancel_query.cxx:
    cancel_query; OpenSSH's test_xextendf.c: xextendf; libcheck's check_set_max_msg_size.c) tests the one
    compiled unit defining that function (src/connection.cxx, misc.c, src/check_pack.c), whatever the headers it
    includes lead to; headers are left to the include rule. A short or generic name (kex, common) says too little;
    two units defining it, no subject. units_named(name): the sources defining that name (an index built once per
    repository, so the rule costs a lookup per test)."""
    key = _test_stem(t).replace("-", "_")
    if len(_norm(key)) < 5 or key.lower() in _GENERIC_NAMES or key not in set(t.identifiers):
        return None
    units = units_named(key)
    definers = {p for p in _units_defining({key}, t, units, kinds, declared) if p.endswith(_C_IMPLEMENTATIONS)}
    return (definers.pop(), "name", 0.8) if len(definers) == 1 else None
