"""Planning's memoized and pruned lookups give what the plain forms give: the lexical terms of a file (each
identifier split once, counted in the same order), BM25 ranking (each document's length term worked out once,
each test's usable documents once) and the longest path-suffix match (given up when the shortest suffix tried
names no file). Real code: installed packages' files and paths."""

from __future__ import annotations

import glob
import os
from collections import Counter, defaultdict

import pytest

from repoloom.packing.pairing import lexical
from repoloom.packing.pairing.conventions import _usable, split_identifier
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig, RepoIndex
from tests.conftest import SITE, real_python_files


def _plain_terms(identifiers: list[str]) -> Counter:
    c: Counter = Counter()
    for ident in identifiers:
        low = ident.lower()
        c[low] += 1
        parts = [w for w in split_identifier(ident) if len(w) > 1]
        if len(parts) > 1:
            c.update(w for w in parts if w != low)
    return c


def _plain_rank(ix: lexical._Lexical, query: Counter, only: set[str] | None) -> tuple[list, float]:
    scores: dict[str, float] = defaultdict(float)
    ceiling = 0.0
    for t in query:
        idf = ix.idf.get(t)
        if idf is None:
            continue
        idf *= ix.qweight.get(t, 1.0)
        ceiling += idf * (ix.k1 + 1)
        for p, tf in ix.post[t]:
            if (only is not None and p not in only) or p in ix.excluded:
                continue
            norm = tf + ix.k1 * (1 - ix.b + ix.b * ix.len[p] / ix.avg)
            scores[p] += idf * tf * (ix.k1 + 1) / norm
    return sorted(((s, p) for p, s in scores.items()), key=lambda x: (-x[0], x[1])), ceiling


@pytest.fixture(scope="module")
def facts():
    out = []
    for path in real_python_files(40):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        rel = os.path.relpath(path, SITE)
        out.append(file_facts("site", rel, text, detect_language(rel, text)))
    return out


def test_terms_equal_the_term_by_term_count_in_the_same_key_order(facts, monkeypatch):
    monkeypatch.setattr(lexical, "_IDENT_TERMS", {})
    monkeypatch.setattr(lexical, "_IDENT_TERMS_MAX", 50)  # cleared many times along the way
    for f in facts + facts[::-1]:  # the second time round from a warm cache
        got, want = lexical._terms(f.identifiers), _plain_terms(f.identifiers)
        assert list(got.items()) == list(want.items())
    assert sum(len(f.identifiers) for f in facts) > 2000


def test_rank_equals_the_plain_bm25_sum_for_every_test_and_subset(facts):
    docs = {f.path: _plain_terms(f.identifiers) for f in facts[:30]}
    queries = [_plain_terms(f.identifiers) for f in facts[30:]]
    excluded = frozenset(sorted(docs)[:3])
    ix = lexical._Lexical(docs, queries, excluded=excluded)
    checked = 0
    for f in facts:
        q = _plain_terms(f.identifiers)
        usable = ix.usable(f.path)
        assert usable == {p for p in docs if _usable(f.path, p)} and ix.usable(f.path) is usable
        for only in (None, usable, set(sorted(docs)[::3])):
            got = ix.rank(q, only)
            assert got == _plain_rank(ix, q, only)  # the same floats, not just close
            checked += len(got[0])
    assert checked > 1000


def _plain_by_suffix(ix: RepoIndex, importer: str, rel: str, min_parts, root_ok) -> tuple[str | None, float]:
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None, 0.0
    floor = len(parts) if min_parts is None else max(1, min(min_parts, len(parts)))
    for k in range(len(parts), floor - 1, -1):
        suffix = "/".join(parts[-k:])
        found = ix.suffix.get(suffix, ())
        if root_ok is not None:
            found = [p for p in found if root_ok(p[: len(p) - len(suffix)].rstrip("/"))]
        hit = ix.nearest(importer, found)
        if hit:
            return hit, k / len(parts)
    return None, 0.0


def test_suffix_match_given_up_early_finds_what_the_whole_loop_finds():
    paths = sorted(
        os.path.relpath(p, SITE)
        for pat in ("networkx/**/*.py", "yaml/*.py", "apache_beam/io/**/*.py")
        for p in glob.glob(os.path.join(SITE, pat), recursive=True)
    )
    ix = RepoIndex([file_facts("site", p, "", "python") for p in paths], GraphConfig())
    # every path's own suffixes, each under other roots and with other names, as modules and as packages
    rels = set()
    for p in paths[::7]:
        parts = p.split("/")
        for i in range(len(parts)):
            rels.update(["/".join(parts[i:]), "/".join(["src"] + parts[i:]), "/".join(parts[i:-1] + ["nope.py"])])
    rels |= {"os.py", "typing/Any.py", "./yaml/../x.py", "", "__init__.py", "graph.py", "classes/graph.py"}
    roots = (None, lambda prefix: not prefix or (prefix + "/__init__.py") not in ix.facts)
    hits = 0
    for rel in sorted(rels):
        for importer in (paths[0], paths[len(paths) // 2], "tests/test_x.py"):
            for min_parts in (None, 1, 2, 3):
                for root_ok in roots:
                    got = ix.by_suffix(importer, rel, min_parts, root_ok)
                    assert got == _plain_by_suffix(ix, importer, rel, min_parts, root_ok), (rel, min_parts)
                    hits += got[0] is not None
    assert hits > 1000
