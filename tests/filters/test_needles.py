"""One Hyperscan pass for many literal needles (filters/needles.py): the same answers as `in` and the str.find loop
on real source text, and every hint and stem the secret rules ask for on real text is answered from that pass."""

from __future__ import annotations

import inspect
import json.decoder
import re
import sysconfig
import textwrap
from pathlib import Path

import pytest

from repoloom.filters import needles, secret_names, secret_providers, secrets
from repoloom.filters.needles import LOW_GATES, TEXT_GATES, NeedleSet
from repoloom.filters.pii import PiiConfig
from repoloom.filters.secret_names import lowered

SITE = Path(sysconfig.get_paths()["purelib"])


def _real_texts() -> list[str]:
    """Installed packages' source: Python, C, JavaScript, JSON, YAML, Markdown (ASCII and not)."""
    out = [inspect.getsource(json.decoder), inspect.getsource(textwrap), inspect.getsource(secret_providers)]
    for pattern in ("yaml/*.py", "urllib3/util/*.py", "requests/*.py", "numpy/_core/include/numpy/*.h"):
        out.extend(p.read_text("utf-8", "replace") for p in sorted(SITE.glob(pattern))[:6])
    out.extend(p.read_text("utf-8", "replace") for p in sorted(SITE.rglob("*.json"))[:5])
    out.extend(p.read_text("utf-8", "replace") for p in sorted(SITE.rglob("*.md"))[:5])
    return [t for t in out if t]


TEXTS = _real_texts()
# hand-made: overlapping and adjacent occurrences, needles at both ends, non-ASCII around them
EDGES = [
    "passpasspass keykeykey ==!== pwpw",
    "key",
    "x" * 3 + "AccountKey=AccountKey=",
    "é AIza😀eyJ ghp_\u2028token: 'pass'\n",
    "\ud800 pass",  # a lone surrogate (surrogatepass text)
    "",
]


@pytest.fixture(params=[0, needles.MIN_CHARS], ids=["every-text", "default"])
def min_chars(request, monkeypatch):
    """Every text through the one scan (the edge cases are short), then the default: short texts scan per needle."""
    monkeypatch.setattr(needles, "MIN_CHARS", request.param)
    return request.param


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


@pytest.mark.parametrize("nset", [TEXT_GATES, LOW_GATES, secret_names._STEM_SET, NeedleSet(("aa", "a", "aaa", "ba"))])
def test_contains_is_in_for_members_and_others(nset, min_chars):
    others = ("pass", "not-a-member-needle", "a", "==", "é")
    for text in TEXTS + EDGES + ["aaaa baa"]:
        for t in (text, lowered(text)):
            for needle in nset.needles + others:
                assert nset.contains(t, needle) == (needle in t), (needle, t[:60])


@pytest.mark.parametrize("nset", [secret_names._STEM_SET, TEXT_GATES, NeedleSet(("aa", "a", "aaa", "ba"))])
def test_offsets_are_the_find_loops(nset, min_chars):
    for text in TEXTS + EDGES + ["aaaa baa"]:
        for t in (text, lowered(text)):
            got = nset.offsets(t)
            if not t.isascii() or len(t) < min_chars:
                assert got is None
                continue
            assert got == {n: _find_all(t, n) for n in nset.needles}


def test_prefetched_occurrences_are_the_scanned_ones(min_chars):
    for text in TEXTS + EDGES:
        low = lowered(text)
        scanned = {st: secret_names.occurrences(low, st) for st in secret_names._COMMON_STEMS}
        fresh = low[:0] + "".join(low)  # a distinct object: nothing cached for it
        assert fresh == low
        secret_names.prefetch_stems(fresh)
        assert {st: secret_names.occurrences(fresh, st) for st in secret_names._COMMON_STEMS} == scanned


def test_regex_gates_became_their_literals():
    """The provider gates that were regex alternations of literals are exactly those literals."""
    was = {
        secret_providers._GITHUB_GATE: r"gh[pousr]_",
        secret_providers._GITLAB_GATE: r"gl(?:pat|dt|ft|soat|rt|cbt|imt|ptt|agent|oas)-",
        secret_providers._PYPI_GATE: r"pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)",
        secret_providers._GATES[("AWSKeyDetector", 0)]: r"A(?:3T|BIA|CCA|KIA|SIA)",
    }
    alternatives = {r"gh[pousr]_": 5}
    for literals, pattern in was.items():
        assert all(re.fullmatch(pattern, lit) for lit in literals)
        assert len(set(literals)) == alternatives.get(pattern, pattern.count("|") + 1)


def test_every_gate_the_rules_ask_for_is_in_its_set(monkeypatch):
    """A hint or stem left out of its set is still found (its own scan), only slower: this lists any the rules ask
    for on real text, and every literal written at a `contains` call in filters/."""
    missing: set[tuple[str, str]] = set()
    real_contains = NeedleSet.contains

    def watched(self, text, needle):
        if needle not in self.members:
            missing.add(("gate", needle))
        return real_contains(self, text, needle)

    real_occurrences = secret_names.occurrences
    lows: set[int] = set()

    def watched_occurrences(low, stem):
        if id(low) in lows and stem.isascii() and stem not in secret_names._COMMON_STEMS:
            if stem not in secret_names._DERIVED_STEMS:
                missing.add(("stem", stem))
        return real_occurrences(low, stem)

    real_prefetch = secret_names.prefetch_stems

    def watched_prefetch(low):
        lows.add(id(low))
        return real_prefetch(low)

    monkeypatch.setattr(NeedleSet, "contains", watched)
    for mod in (secret_names, secrets, secret_providers):
        if hasattr(mod, "prefetch_stems"):
            monkeypatch.setattr(mod, "prefetch_stems", watched_prefetch)
    import repoloom.filters.secret_calls as secret_calls
    import repoloom.filters.secret_passwords as secret_passwords

    for mod in (secret_names, secrets, secret_providers, secret_calls, secret_passwords):
        if getattr(mod, "occurrences", None) is real_occurrences:
            monkeypatch.setattr(mod, "occurrences", watched_occurrences)
    for text in TEXTS:
        secrets.find_secrets(text, PiiConfig())
    assert not missing
    source = "".join(Path(m.__file__).read_text() for m in (secrets, secret_providers, secret_names, needles))
    source += Path(secret_calls.__file__).read_text() + Path(secret_passwords.__file__).read_text()
    for which, lit in re.findall(r"""(TEXT|LOW)_GATES\.contains\(\w+, "([^"]+)"\)""", source):
        assert lit in (TEXT_GATES if which == "TEXT" else LOW_GATES).members, lit
    for hint, _ in secret_providers.EXTRA_PROVIDERS.values():
        assert hint in TEXT_GATES.members
    assert set(secrets._JWK_MEMBER_NEEDLES) <= TEXT_GATES.members


def test_threads_scan_with_their_own_database():
    """A Hyperscan scratch serves one scan at a time: each thread compiles its own database, so concurrent scans
    (Beam's multi_threading runner) give the answers a single thread does."""
    from concurrent.futures import ThreadPoolExecutor

    big = [t for t in TEXTS if len(t) >= needles.MIN_CHARS]
    want = [(TEXT_GATES.present(t), secret_names._STEM_SET.offsets(lowered(t))) for t in big]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(3):
            got = list(pool.map(lambda t: (TEXT_GATES.present(t), secret_names._STEM_SET.offsets(lowered(t))), big))
            assert got == want
