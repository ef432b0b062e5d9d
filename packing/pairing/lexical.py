"""Lexical evidence: identifiers split into terms, a BM25 index over a repository's sources, the check that a
test's vocabulary agrees with a proposed subject, and the lexical rule (the last to decide).
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict

from repoloom.core.types import FileFacts
from repoloom.packing.pairing.conventions import (
    _NAME_NOISE,
    _SHIM_NAMES,
    _names_agree,
    _norm,
    _singular,
    _stem,
    _usable,
    split_identifier,
)
from repoloom.syntax.tests import subject_stem


def _ident_terms(ident: str) -> tuple[str, ...]:
    """One identifier's terms in counting order: itself lowercased, then its other parts of two letters or more."""
    low = ident.lower()
    parts = [w for w in split_identifier(ident) if len(w) > 1]
    return (low, *(w for w in parts if w != low)) if len(parts) > 1 else (low,)


# identifier -> its terms: a repository's files share most names, so each is split once (cleared when this big)
_IDENT_TERMS: dict[str, tuple[str, ...]] = {}
_IDENT_TERMS_MAX = 1 << 16


def _terms(identifiers: list[str]) -> Counter:
    """Terms of a file: each distinct identifier (whole, lowercased) and its parts of two letters or more."""
    cache = _IDENT_TERMS
    if len(cache) > _IDENT_TERMS_MAX:
        cache.clear()
    get = cache.get
    seq: list[str] = []
    for ident in identifiers:  # never reads back what it put in (another thread may clear the cache meanwhile)
        terms = get(ident)
        if terms is None:
            terms = cache[ident] = _ident_terms(ident)
        seq += terms
    # counted in the same order as term by term, so the Counter's key order (which sums follow) is the same
    return Counter(seq)


class _Lexical:
    """BM25 of a test's terms against candidate sources (one index per language family)."""

    def __init__(
        self,
        docs: dict[str, Counter],
        queries: list[Counter] = (),
        k1: float = 1.2,
        b: float = 0.75,
        excluded: frozenset[str] = frozenset(),
    ):
        self.k1, self.b = k1, b
        self.excluded = excluded  # weigh the terms, never a candidate (programs)
        # query-side weight: a term used by most of the repository's tests is test plumbing
        qdf: Counter = Counter()
        for q in queries:
            qdf.update(q.keys())
        nq = len(queries)
        top = math.log(1 + (nq + 0.5) / 0.5) if nq else 1.0
        self.qweight = {t: math.log(1 + (nq - d + 0.5) / (d + 0.5)) / top for t, d in qdf.items()} if nq >= 4 else {}
        self.docs = docs
        self.len = {p: sum(c.values()) for p, c in docs.items()}
        self.avg = (sum(self.len.values()) / len(docs)) if docs else 1.0
        df: Counter = Counter()
        for c in docs.values():
            df.update(c.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.post: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for p in sorted(docs):
            for t, tf in docs[p].items():
                self.post[t].append((p, tf))
        # each document's length term of BM25's denominator, worked out once (the same arithmetic as per posting)
        self.len_norm = {p: self.k1 * (1 - self.b + self.b * n / self.avg) for p, n in self.len.items()}
        self._usable: dict[str, set[str]] = {}

    def usable(self, test_path: str) -> set[str]:
        """The documents that may be the test's subject (conventions._usable), worked out once per test."""
        found = self._usable.get(test_path)
        if found is None:
            found = self._usable[test_path] = {p for p in self.docs if _usable(test_path, p)}
        return found

    def rank(self, query: Counter, only: set[str] | None = None) -> tuple[list[tuple[float, str]], float]:
        """Candidates by score (best first) and the score a perfect match would get (for normalising)."""
        scores: dict[str, float] = defaultdict(float)
        ceiling = 0.0
        k1p = self.k1 + 1
        allowed = (self.docs.keys() if only is None else only) - self.excluded
        len_norm, idfs, qweight, post = self.len_norm, self.idf, self.qweight, self.post
        for t in query:
            idf = idfs.get(t)
            if idf is None:
                continue
            idf *= qweight.get(t, 1.0)
            ceiling += idf * k1p
            for p, tf in post[t]:
                if p in allowed:
                    scores[p] += idf * tf * k1p / (tf + len_norm[p])
        ranked = sorted(((s, p) for p, s in scores.items()), key=lambda x: (-x[0], x[1]))
        return ranked, ceiling


# the share of the test's best possible match below which vocabulary alone is weak evidence: on the dev sets an
# import or use decided so, by a test named otherwise, was right 4 times in 22
_WEAK_AGREEMENT = 0.15


def _agreeing(t: FileFacts, real: list[str], rule: str, index: "_Lexical", tcfg) -> tuple[str, str, float] | None:
    """The candidate the test's vocabulary agrees with: the clear lexical favourite among the candidates,
    and the test's best lexical match among all sources of the repository.

    Tests import helpers too (a compat module for version flags), so an import alone does not decide."""
    if not real:
        return None
    query = _terms(t.identifiers)
    overall, ceiling = index.rank(query, index.usable(t.path))
    if not overall or ceiling <= 0:
        return None
    real_set = set(real)
    among = [(s, p) for s, p in overall if p in real_set]
    if not among or among[0][1] != overall[0][1]:
        return None
    top = among[0][0]
    runner = among[1][0] if len(among) > 1 else 0.0
    if len(real) > 1 and top < tcfg.lexical_margin * runner:
        return None
    if top < _WEAK_AGREEMENT * ceiling and not _names_touch(t.path, among[0][1]):
        # the favourite only by a little of the test's vocabulary, and not named like it: a test of some behaviour
        # that takes a few names from there (ky's test/hooks.ts and source/types/options.ts), no subject of its own
        return None
    return among[0][1], rule, round(min(1.0, 0.5 + top / ceiling), 4)


def _by_lexical(t: FileFacts, index: _Lexical, tcfg) -> tuple[str, str, float] | None:
    """Rule (d): the source whose identifiers the test's identifiers match best, if clearly best."""
    only = index.usable(t.path)
    ranked, ceiling = index.rank(_terms(t.identifiers), only)
    if not ranked or ceiling <= 0:
        return None
    top, best = ranked[0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    score = top / ceiling
    # With one candidate module (minimist: index.js) there is nothing to confuse it with; any real overlap will do.
    need = tcfg.lexical_min_score / 3 if len(only) == 1 else tcfg.lexical_min_score
    if score >= need and top >= tcfg.lexical_margin * runner:
        if _norm(_stem(best)) in _SHIM_NAMES and not _names_agree(t.path, best):
            return None  # a compatibility shim shares every module's vocabulary (attrs' _compat.py)
        if len(only) > 2 and not _names_touch(t.path, best):
            return None
        return best, "lexical", score
    return None


_TOUCH_PREFIX = 4  # bool.ts / boolean.ts, debuger.test.ts / debugger.ts: a shared start of four letters


def _names_touch(test_path: str, cand: str) -> bool:
    """The test's name and the module's have something in common: a word (user_data_adapters.cpp, adapters.hpp;
    flattened_maybe.rs, flatten_maybe.rs), one inside the other (test_clearenv.rs, env.rs) or a start (bool.ts,
    boolean.ts). Among many modules, vocabulary alone names none: a test named for a behaviour (ky's prefix.ts,
    ts-pattern's readonly.test.ts, jinja2's test_pickle.py) shares words with some module of types or helpers
    without testing it."""
    ts = _norm(subject_stem(os.path.basename(test_path)) or _stem(test_path))
    cs = _norm(_stem(cand))
    if len(ts) < 3 or len(cs) < 3:
        return False
    tw = {_singular(w) for w in split_identifier(_stem(test_path)) if len(w) > 2} - _NAME_NOISE
    cw = {_singular(w) for w in split_identifier(_stem(cand)) if len(w) > 2}
    return bool(tw & cw) or cs in ts or ts in cs or len(os.path.commonprefix([ts, cs])) >= _TOUCH_PREFIX
