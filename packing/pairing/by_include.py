"""The include rule (C, C++): a test including a repository header, directly or through a local helper
header, tests the header's implementation (x.h -> x.c / x.cc / x.cpp); programs (sources defining main) and
hollow units are never subjects; header-only libraries pair with the header that holds the code.
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from typing import Any

from repoloom.core.types import FileFacts
from repoloom.packing.pairing.conventions import (
    _C_HEADERS,
    _C_IMPLEMENTATIONS,
    _FAMILY_RULES,
    _IMPLEMENTATION_FOLDERS,
    _IMPLEMENTATION_HEADERS,
    _INCLUDE_FAMILIES,
    _NAME_NOISE,
    _PROGRAM_ENTRIES,
    FAMILY,
    _folder,
    _kind,
    _named_for_role,
    _norm,
    _singular,
    _stem,
    _test_stem,
    _usable,
    split_identifier,
)
from repoloom.packing.pairing.lexical import _agreeing, _names_touch
from repoloom.syntax.tests import subject_stem


def _through_included_tests(pairs: list[dict[str, Any]], graph, facts_by_path: dict) -> None:
    """(C, C++) A test that includes another test's source (parallel-hashmap's tests/parallel_flat_hash_map_test.cc
    #includes parallel_hash_map_test.cc, which #includes flat_hash_map_test.cc and the library's phmap.h) runs that
    test's cases on its own configuration: with no subject of its own, it takes the included test's subject."""
    by_test = {p["test"]: p for p in pairs}
    for _ in range(4):  # chains of included tests, a few deep
        changed = False
        for p in pairs:
            if p["subject"] or p["test"] not in graph:
                continue
            f = facts_by_path.get(p["test"])
            if f is None or "include" not in _FAMILY_RULES.get(FAMILY.get(f.language or "", ""), ()):
                continue
            # a test source, not a header of a test folder (a vendored framework's gtest.h is a "test" too), unless
            # it is the test's own namesake holding its cases (cereal's unittests/multimap.cpp and multimap.hpp)
            included = [
                by_test[q]
                for q in graph.successors(p["test"])
                if q in by_test and (q.endswith(_C_IMPLEMENTATIONS) or _norm(_stem(q)) == _norm(_stem(p["test"])))
            ]
            subjects = {q["subject"] for q in included}
            if len(included) == 1 and None not in subjects:
                p["subject"], p["rule"], p["score"] = included[0]["subject"], "include", included[0]["score"]
                changed = True
        if not changed:
            break


def _compiled_header(t: FileFacts, graph, kinds, facts_by_path) -> tuple[str, str, float] | None:
    """The one header of the repository a compile-only test includes (directly), or None."""
    if t.path not in graph:
        return None
    headers = sorted(
        p
        for p in graph.successors(t.path)
        if p in facts_by_path and p.endswith(_C_HEADERS) and kinds.get(p) in ("", "inline") and _usable(t.path, p)
    )
    return (headers[0], "include", 0.9) if len(headers) == 1 else None


def _uses_more_of(t: FileFacts, a: str, b: str, facts_by_path: dict) -> bool:
    """a defines more of the names the test uses than b (fmt's format.h against src/os.cc: b keeps it)."""
    used = set(t.identifiers)

    def hits(p: str) -> int:
        f = facts_by_path.get(p)
        return len(used & set(f.test.get("defines") or ())) if f is not None else 0

    return hits(a) > hits(b)


def _implementation_headers(facts: list[FileFacts], kinds: dict[str, str]) -> dict[str, str]:
    """header -> the header beside it holding its implementation (include/spdlog/details/registry.h ->
    include/spdlog/details/registry-inl.h), by the suffixes the header's language family registers, beside the
    header or in a folder below it that the family names (CLI11's include/CLI/impl/App_inl.hpp); unless the
    header defines more than that file (fmt's format.h is the library, format-inl.h its compiled part)."""
    headers = {f.path: f for f in facts if f.path.endswith(_C_HEADERS)}
    out: dict[str, str] = {}
    for path in sorted(headers):
        if kinds.get(path) not in ("", "inline"):
            continue
        fam = FAMILY.get(headers[path].language or "") or ""
        impl = _implementation_header(path, fam, headers, kinds)
        if impl is not None:
            if len(headers[impl].test.get("defines") or ()) >= len(headers[path].test.get("defines") or ()):
                out[path] = impl
    return out


def _defining_units(facts: list[FileFacts], kinds: dict[str, str], graph, programs: set[str]) -> dict[str, str]:
    """header -> the one unit implementing it under another name: a header with no namesake implementation whose
    names one unit alone both includes it for and defines (cpu_features' include/cpuinfo_mips.h: GetMipsInfo, defined
    in src/impl_mips_linux_or_android.c; ninja's src/msvc_helper.h: src/msvc_helper-win32.cc). A header implemented
    per platform by several units (cpuinfo_x86.h over four impl_x86_*.c) stays the subject."""
    units = {
        f.path: f
        for f in facts
        if f.path.endswith(_C_IMPLEMENTATIONS)
        and kinds.get(f.path) in ("", "inline")
        and f.path not in programs
        and f.test.get("defines")
    }
    namesakes = {(_folder(p), _norm(_stem(p))) for p in units} | {_norm(_stem(p)) for p in units}
    out: dict[str, str] = {}
    for f in facts:
        if not f.path.endswith(_C_HEADERS) or kinds.get(f.path) not in ("", "inline") or f.path not in graph:
            continue
        if _norm(_stem(f.path)) in namesakes:
            continue
        # what the header mentions without defining it (a header-only library's header defines its code: the
        # C++20 module unit re-exporting it, unordered_dense's src/ankerl.unordered_dense.cpp, implements nothing)
        mentioned = set(f.identifiers) - set(f.test.get("defines") or ())
        # and a unit named like the header (mips, msvc_helper): an example including the header to call it
        # (dirent's examples/scandir.c, bitsery's examples/composite_types.cpp) implements nothing of it
        # (and it defines no less than the header does: a header defining much holds the code itself)
        own = len(f.test.get("defines") or ())
        found = [
            u
            for u in graph.predecessors(f.path)
            if u in units
            and mentioned & set(units[u].test.get("defines") or ())
            and len(units[u].test.get("defines") or ()) >= own
            and _names_touch(f.path, u)
        ]
        if len(found) == 1:
            out[f.path] = found[0]
    return out


def _forwarding_headers(facts: list[FileFacts], kinds: dict[str, str]) -> dict[str, str]:
    """header -> the header it forwards to: a header without an extension that defines nothing and includes the one
    header of its own name with an extension (libpqxx's include/pqxx/blob: #include "pqxx/blob.hxx", kept apart "so
    editors recognize the file type"; Qt's QString -> qstring.h). The code is in that header and its implementation,
    so the forwarder is no subject of its own."""
    paths = {f.path for f in facts}
    out: dict[str, str] = {}
    for f in facts:
        name = os.path.basename(f.path)
        if "." in name or kinds.get(f.path) not in ("", "inline") or f.test.get("defines"):
            continue
        if FAMILY.get(f.language or "") not in _INCLUDE_FAMILIES:
            continue
        found = set()
        for r in f.imports:
            spec = str(r.get("target") or "")
            if r.get("kind") not in ("include", "include_system") or not spec.endswith(_C_HEADERS):
                continue
            if _norm(_stem(spec)) != _norm(name):
                continue
            here = posixpath.normpath(posixpath.join(_folder(f.path), spec))
            found |= {here} & paths or {p for p in paths if p.endswith("/" + spec)}
        if len(found) == 1:
            out[f.path] = found.pop()
    return out


_WRAPPED_SHARE = 0.75  # of the unit's functions wrapping the header's


def _wrapped_headers(facts: list[FileFacts], kinds: dict[str, str], graph) -> dict[str, str]:
    """unit -> the header whose inline functions it compiles under another prefix (cglm's src/vec3.c defines
    glmc_vec3_add(...) { glm_vec3_add(...); } for include/cglm/vec3.h's glm_vec3_add): the code under test is in the
    header, and a test of either tests the header. Three quarters of the unit's functions or more, each calling the
    header's function of the same name but for its first word; the header named like the unit, its functions with
    those of the headers it includes (vec3.h's vec3-ext.h, affine.h's affine-post.h)."""
    headers: dict[str, list[FileFacts]] = defaultdict(list)
    for f in facts:
        if f.path.endswith(_C_HEADERS) and kinds.get(f.path) in ("", "inline") and f.test.get("defines"):
            headers[_stem(f.path).lower()].append(f)
    by_path = {f.path: f for f in facts}
    out: dict[str, str] = {}
    for f in facts:
        defines = f.test.get("defines") or ()
        if not f.path.endswith(_C_IMPLEMENTATIONS) or kinds.get(f.path) not in ("", "inline") or not defines:
            continue
        used = set(f.identifiers)
        best, best_n = None, 0
        for h in headers.get(_stem(f.path).lower(), ()):
            inline = set(h.test["defines"])
            for q in graph.successors(h.path) if h.path in graph else ():
                inline.update(by_path[q].test.get("defines") or () if q in by_path and q.endswith(_C_HEADERS) else ())
            tails = {_tail(g) for g in inline if g in used and _tail(g)}
            n = sum(1 for d in defines if _tail(d) in tails and d not in inline)
            if n > best_n:
                best, best_n = h.path, n
        if best is not None and best_n >= _WRAPPED_SHARE * len(defines):
            out[f.path] = best
    return out


def _tail(name: str) -> str:
    """glmc_vec3_add -> vec3_add: the name without its first word (its prefix)."""
    return name.split("_", 1)[1] if "_" in name.strip("_") else ""


def _implementation_header(path: str, fam: str, headers: dict, kinds: dict[str, str]) -> str | None:
    """The first header named for path's implementation (x-inl.h beside x.h, then impl/x_inl.h below it)."""
    base, ext = os.path.splitext(path)
    folder, stem = os.path.split(base)
    for sub in ("", *_IMPLEMENTATION_FOLDERS.get(fam, ())):
        for suffix in _IMPLEMENTATION_HEADERS.get(fam, ()):
            impl = os.path.join(folder, sub, stem + suffix + ext) if sub else base + suffix + ext
            if impl in headers and kinds.get(impl) in ("", "inline"):
                return impl
    return None


def _is_program(f: FileFacts) -> bool:
    """A source defining its family's program entry (C's main): a command-line tool or an example program."""
    entries = _PROGRAM_ENTRIES.get(FAMILY.get(f.language or "", ""))
    return (
        bool(entries)
        and f.path.endswith(_C_IMPLEMENTATIONS)  # a header's main is an example in its documentation (stb's headers)
        and _kind(f) in ("", "inline")
        and bool(entries & set(f.test.get("defines") or ()))
    )


def _beyond_c(t: FileFacts, subject: str | None, facts_by_path: dict, graph) -> bool:
    """A C test cannot call a C++ unit that gives nothing C linkage (flac's src/test_libFLAC/metadata.c and
    src/libFLAC++/metadata.cpp, its classes): not its subject. A unit with extern "C" of its own, or including a
    header that declares its functions so (leveldb's db/c.cc, jsonnet's libjsonnet.cpp), may be."""
    f = facts_by_path.get(subject) if subject else None
    if t.language != "c" or f is None or f.language != "cpp" or not f.path.endswith(_C_IMPLEMENTATIONS):
        return False
    if f.test.get("exports_c"):
        return False
    below = graph.successors(f.path) if f.path in graph else ()
    return not any(facts_by_path[h].test.get("exports_c") for h in below if h in facts_by_path)


def _is_hollow_unit(f: FileFacts, header_types: set[str], graph, facts_by_path: dict) -> bool:
    """A C/C++ implementation file that defines nothing of its own (only includes, explicit instantiations, macros,
    forward declarations of types the headers define: struct type_config;) and includes a header named like it
    that holds code (toml11's src/datetime.cpp: include/toml11/impl/datetime_impl.hpp). glog's src/stacktrace.cc,
    which includes a platform's implementation through a macro, is no such unit: stacktrace.h holds no code.
    A keyword the grammar took for a name is no definition: unordered_dense's src/ankerl.unordered_dense.cpp, a
    C++20 module unit (export module ...; export namespace ankerl::unordered_dense { using ...; }), only exports the
    names of the header it includes."""
    defines = f.test.get("defines")
    if not (
        defines is not None
        and f.path.endswith(_C_IMPLEMENTATIONS)
        and _kind(f) in ("", "inline")
        and FAMILY.get(f.language or "", "") in _INCLUDE_FAMILIES
        and set(defines) - _KEYWORDS <= header_types
        and f.path in graph
    ):
        return False
    stem = _norm(_stem(f.path))
    for p in graph.successors(f.path):
        if p not in facts_by_path or not p.endswith(_C_HEADERS):
            continue
        if not defines and not facts_by_path[p].test.get("defines") and _umbrella(p, graph):
            # the whole header-only library compiled as one unit (tomlplusplus' src/toml.cpp: #define
            # TOML_IMPLEMENTATION, #include <toml++/toml.hpp>): its code is in the headers, the unit is no subject
            return True
        # an implementation header by its name (impl/datetime_impl.hpp), or a header defining more than a namespace
        # and a type or two, which are declarations (toml11's parser.hpp, value.hpp; not glog's stacktrace.h)
        other = _norm(_stem(p))
        if (other != stem and other.startswith(stem)) or len(
            facts_by_path[p].test.get("defines") or ()
        ) >= _HOLLOW_MIN_DEFINES:
            return True
    return False


_HOLLOW_MIN_DEFINES = 3
# C++ words a grammar without modules may read as names where it fails (export namespace x {...}: "namespace")
_KEYWORDS = frozenset({"namespace", "export", "module", "import", "using", "template", "typename", "concept"})


def _c_implementations(header: str, impls_by_stem: dict[str, list[str]]) -> list[str]:
    """x.h -> x.c / x.cc / x.cpp: beside the header first, else the only one of that name in the repository."""
    if header.endswith(_C_IMPLEMENTATIONS):
        return [header]
    same = impls_by_stem.get(_stem(header).lower(), [])
    folder = header.rsplit("/", 1)[0] if "/" in header else ""
    beside = [c for c in same if (c.rsplit("/", 1)[0] if "/" in c else "") == folder]
    return beside or (same if len(same) == 1 else [])


_UMBRELLA_MIN = 5  # local headers an umbrella header includes (libcbor's cbor.h: 13; an ordinary header: config, types)


def _umbrella(header: str, graph) -> bool:
    """cbor.h includes cbor/arrays.h, cbor/maps.h ...: its own cbor.c is one of many files a test of it may be about."""
    return (
        header.endswith(_C_HEADERS)
        and header in graph
        and sum(1 for q in graph.successors(header) if q.endswith(_C_HEADERS)) >= _UMBRELLA_MIN
    )


def _by_include(
    t: FileFacts,
    graph,
    kinds,
    facts_by_path,
    sources: list[FileFacts],
    lex_index,
    tcfg,
    impl_headers: dict[str, str] | None = None,
) -> tuple[str, str, float] | None:
    """Rule (C, C++): the implementations of the headers the test includes.

    A header with an implementation stands for it; one without (an umbrella double-conversion.h) stands
    for what it includes. The test's own includes come first; a local helper header (tests/common.h,
    test/tests.h) counts when they name nothing. One implementation decides; several must agree with the
    test's vocabulary."""
    if t.path not in graph:
        return None
    impls_by_stem: dict[str, list[str]] = defaultdict(list)
    for f in sources:
        if f.path.endswith(_C_IMPLEMENTATIONS) and kinds.get(f.path) in ("", "inline") and _usable(t.path, f.path):
            impls_by_stem[_stem(f.path).lower()].append(f.path)

    def reach(start: list[str]) -> list[str]:
        found: list[str] = []
        seen: set[str] = set()
        stack = list(reversed(start))
        while stack:
            p = stack.pop()
            if p in seen or p not in facts_by_path:
                continue
            seen.add(p)
            impls = _c_implementations(p, impls_by_stem) if kinds.get(p) in ("", "inline") else []
            if not impls and (impl_headers or {}).get(p):
                impls = [impl_headers[p]]  # details/os.h -> details/os-inl.h
            if impls:
                found.extend(c for c in impls if c not in found)
            if (
                (not impls or _umbrella(p, graph))
                and p.endswith(_C_HEADERS)
                and kinds.get(p) in ("", "inline")
                and p in graph
            ):
                stack.extend(sorted(graph.successors(p), reverse=True))
        return found

    direct = sorted(graph.successors(t.path))
    own = reach([p for p in direct if kinds.get(p) != "support"])
    via_helpers = False
    if not own:
        helpers = [p for p in direct if kinds.get(p) == "support" and p.endswith(_C_HEADERS)]
        own = reach(sorted({q for h in helpers if h in graph for q in graph.successors(h)}))
        via_helpers = True
    if not own:
        units = [
            f
            for f in sources
            if f.path.endswith(_C_IMPLEMENTATIONS) and kinds.get(f.path) in ("", "inline") and _usable(t.path, f.path)
        ]
        if not units or _header_held(t, direct, kinds, facts_by_path, graph, units):
            return _header_only(t, direct, kinds, facts_by_path, lex_index, tcfg, graph)
    if len(own) == 1:
        return own[0], "include", 0.8 if via_helpers else 0.9
    if via_helpers or _named_for_role(t.path):  # several implementations, and a name that picks none of them
        return None
    if _named_for_all(t.path, own):
        return None, None, 0.0  # no subject, from this rule or a later one
    fam = FAMILY.get(t.language or "")
    return _agreeing(t, own, "include", lex_index(fam), tcfg)


def _header_held(t: FileFacts, direct: list[str], kinds, facts_by_path, graph, units: list[FileFacts]) -> bool:
    """(C++) A test of a header-held library beside compiled units of another purpose (cpp-peglib's peglib.h beside
    abi/abi_probe.cc; effcee.h's inline Options beside match.cc; fmt's base.h and FMT_ASSERT): it includes one
    library header, and uses something of it; its other includes are helpers leading to no library file (a vendored
    test/gtest/gtest.h); and no compiled unit defines anything it uses. The header-only rule then decides."""
    if t.language != "cpp":
        return False
    library = [p for p in direct if p in facts_by_path and kinds.get(p) != "support"]
    used = set(t.identifiers)
    if len(library) != 1 or not used & _header_names(facts_by_path[library[0]]):
        return False
    seen: set[str] = set()
    stack = [p for p in direct if kinds.get(p) == "support"]
    while stack:
        p = stack.pop()
        if p in seen or p not in facts_by_path:
            continue
        if kinds.get(p) != "support":
            return False  # a helper leading to the library (re2's testing/exhaustive_tester.h): not the one header
        seen.add(p)
        if p in graph:
            stack.extend(graph.successors(p))
    return not any(used & set(f.test.get("defines") or ()) for f in units)


def _named_for_all(test_path: str, options: list[str]) -> bool:
    """The test's name is what its candidates' names share (c-algorithms' test/test-compare-functions.c over
    compare-int.c, compare-pointer.c, compare-string.c): it tests them all, none by itself."""
    stem = subject_stem(os.path.basename(test_path)) or _stem(test_path)
    words = {_singular(w) for w in split_identifier(stem)} - _NAME_NOISE - {"function"}
    if not words or len(options) < 2:
        return False
    return all(words <= {_singular(w) for w in split_identifier(_stem(c))} for c in options)


def _header_names(f: FileFacts) -> set[str]:
    """What a header gives its includers: the names it defines and its macros (utlist.h is macros only: LL_APPEND,
    DL_FOREACH; a macro-only header holds the library's code all the same)."""
    return set(f.test.get("defines") or ()) | set(f.test.get("macros") or ())


def _defines_most_used(t: FileFacts, header: str, graph, facts_by_path) -> bool:
    """Of the headers the test reaches through its includes, this one defines the most of what the test uses
    (rapidjson's jsoncheckertest.cpp includes document.h but uses Reader of reader.h as much: no single subject)."""
    used = set(t.identifiers)
    seen, stack, counts = set(), [header], {}
    while stack:
        p = stack.pop()
        if p in seen or p not in facts_by_path:
            continue
        seen.add(p)
        counts[p] = len(used & _header_names(facts_by_path[p]))
        if p in graph:
            stack.extend(graph.successors(p))
    others = [n for p, n in counts.items() if p != header]
    return not others or (counts.get(header, 0) > 0 and all(n < counts[header] for n in others))


def _uses_its_namesake(t: FileFacts, header: str, graph, facts_by_path) -> bool:
    """The test uses the type or function the header is named after and defines (robin-map's
    tests/custom_allocator_tests.cpp builds a tsl::robin_map of robin_map.h with its own allocator, whose
    allocate/deallocate names the detail header robin_hash.h defines more of). Exact spelling: rapidjson's
    document.h and its Document say less. The header's own names count too: a C++ class template in a .h file
    read with the C grammar is not among what it defines. No other header it includes may define the name
    (GSL's span_ext defines span as well as span does: tests/no_exception_ensure_tests.cpp has no clear subject)."""
    name = _stem(header)
    f = facts_by_path[header]
    if name not in set(t.identifiers) or name not in set(f.test.get("defines") or ()) | set(f.identifiers):
        return False
    seen, stack = {header}, list(graph.successors(header)) if header in graph else []
    while stack:
        p = stack.pop()
        if p in seen or p not in facts_by_path:
            continue
        seen.add(p)
        if name in (facts_by_path[p].test.get("defines") or ()):
            return False
        if p in graph:
            stack.extend(graph.successors(p))
    return True


def _header_only(
    t: FileFacts, direct: list[str], kinds, facts_by_path, lex_index, tcfg, graph
) -> tuple[str, str, float] | None:
    """A header-only library (no implementation file outside tests, examples and programs: GSL, cxxopts): the
    repository header the test includes that holds code (include/gsl/pointers for tests/owner_tests.cpp); of
    several, the one the test's name names (toml11's tests/test_get_or.cpp: get.hpp, beside value.hpp), else the one
    the test's vocabulary agrees with. An umbrella that only includes others holds none."""
    headers = [
        p
        for p in direct
        if p in facts_by_path
        and not p.endswith(_C_IMPLEMENTATIONS)
        and kinds.get(p) in ("", "inline")
        and _usable(t.path, p)
        and _header_names(facts_by_path[p])
    ]
    if len(headers) == 1:
        keep = (
            _defines_most_used(t, headers[0], graph, facts_by_path)
            or _uses_its_namesake(t, headers[0], graph, facts_by_path)
            or _named_for_header(t, headers[0], facts_by_path)
        )
        return (headers[0], "include", 0.7) if keep else None
    if not headers and not _named_for_role(t.path):
        return _naming_header_behind_helpers(t, direct, kinds, facts_by_path, graph)
    if not headers or _named_for_role(t.path):
        return None
    # the one header whose name holds the test's (test/test_flags.cpp: magic_enum_flags.hpp, not magic_enum.hpp)
    stem = subject_stem(os.path.basename(t.path))
    words = set(split_identifier(stem)) - _NAME_NOISE if stem else set()
    named = [p for p in headers if words and words <= set(split_identifier(_stem(p)))]
    if not named:
        named = [p for p in headers if _named_for_header(t, p, facts_by_path)]
    if len(named) == 1:
        return named[0], "include", 0.7
    return _agreeing(t, headers, "include", lex_index(FAMILY.get(t.language or "")), tcfg)


def _named_for_header(t: FileFacts, header: str, facts_by_path) -> bool:
    """The test's name names the one library header it includes, where the names the test uses cannot tell (C++
    templates say little to the parser): a word of the name inside the header's (eventpp's
    tests/unittest/test_queue_basic.cpp -> eventqueue.h, frozen's tests/test_rand.cpp -> random.h), or the whole name
    a function the header defines (cppzmq's tests/send_multipart.cpp -> zmq_addon.hpp; GSL's tests/owner_tests.cpp ->
    gsl/pointers: owner). A name saying nothing of the header (rapidjson's jsoncheckertest.cpp, document.h) decides
    nothing. Among several headers the test includes, the one its name names this way (toml11's tests/test_get_or.cpp:
    get.hpp defines get_or; mlib's tests/except-list.c: m-list.h)."""
    stem = subject_stem(os.path.basename(t.path)) or _stem(t.path)
    key = _norm(_stem(header))
    words = [_singular(w) for w in split_identifier(stem) if w not in _NAME_NOISE and len(w) >= 4]
    if any(w in key for w in words):
        return True
    name = _norm(stem)
    return len(name) >= 4 and name in {_norm(n) for n in facts_by_path[header].test.get("defines") or ()}


def _naming_header_behind_helpers(
    t: FileFacts, direct: list[str], kinds, facts_by_path, graph
) -> tuple[str, str, float] | None:
    """(Header-only library) A test that reaches the library only through the test folder's helper headers (cereal's
    unittests/multimap.cpp -> multimap.hpp -> common.hpp, which includes every include/cereal/types/X.hpp) tests the
    one library header among those that names what the test is named for (std::multimap in types/map.hpp); none
    when two do, or none."""
    stem = subject_stem(os.path.basename(t.path)) or _stem(t.path)
    key = _norm(stem)
    if len(key) < 4 or key in _NAME_NOISE:
        return None
    seen: set[str] = set()
    stack = [p for p in direct if kinds.get(p) == "support" and p.endswith(_C_HEADERS)]
    library: set[str] = set()
    while stack:
        p = stack.pop()
        if p in seen or p not in graph:
            continue
        seen.add(p)
        for q in graph.successors(p):
            if q not in facts_by_path or not q.endswith(_C_HEADERS):
                continue
            if kinds.get(q) == "support":
                stack.append(q)
            elif kinds.get(q) in ("", "inline") and _usable(t.path, q):
                library.add(q)
    naming = sorted(p for p in library if key in {_norm(n) for n in facts_by_path[p].identifiers})
    return (naming[0], "include", 0.6) if len(naming) == 1 else None


def _header_checked_first(t: FileFacts, subject: str | None, paths: set[str]) -> str | None:
    """(C++) A test whose first include is the header it is named for (Boost.JSON's test/kind.cpp opens with
    #include <boost/json/kind.hpp>, to check that the header stands alone) tests that header, not the header-held
    implementation the names lead to (include/boost/json/impl/kind.ipp, an x-inl.h). A compiled unit (x.c, x.cpp)
    stays the subject, and a test opening with a helper (CLI11's app_helper.hpp, spdlog's includes.h) is left alone."""
    if subject is None or subject.endswith(_C_IMPLEMENTATIONS):
        return None
    first = next((r for r in t.imports if r.get("kind") in ("include", "include_system")), None)
    if first is None:
        return None
    spec = str(first.get("target") or "")
    named = _norm(_test_stem(t))
    if not spec.endswith(_C_HEADERS) or _norm(_stem(spec)) != named:
        return None
    header = [p for p in paths if p == spec or p.endswith("/" + spec)]
    if len(header) != 1 or header[0] == subject or not _norm(_stem(subject)).startswith(named):
        return None
    return header[0]
