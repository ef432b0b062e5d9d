"""MinHash signatures, LSH banding and the reference clustering, on real source text."""

from __future__ import annotations

import dataclasses
import inspect
import json.decoder
import textwrap
import zlib

import numpy as np
import pytest

from repoloom.core.config import section
from repoloom.filters.dedup import DedupConfig
from repoloom.pipelines.config import load_config
from repoloom.filters import minhash


@pytest.fixture(scope="module")
def cfg():
    return section(load_config(), DedupConfig)


SRC = inspect.getsource(json.decoder)
OTHER = inspect.getsource(textwrap)


def _true_jaccard(a: str, b: str, n: int = 5) -> float:
    def sh(t):
        toks = minhash.tokens(t)
        return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}

    return minhash.jaccard(sh(a), sh(b))


def test_signature_is_deterministic_and_seeded(cfg):
    s1, s2 = minhash.signature(SRC, cfg, 0), minhash.signature(SRC, cfg, 0)
    assert s1.dtype == np.uint32 and s1.shape == (256,)
    assert np.array_equal(s1, s2)
    other_seed = minhash.signature(SRC, cfg, 1)
    assert not np.array_equal(s1, other_seed)


def test_ascii_texts_shingle_as_their_str_tokens_do():
    """ASCII text is tokenized on bytes (a fast path): the same shingles as the str tokens, and non-ASCII
    text (where \\w and lowercasing reach beyond ASCII) takes the str path."""
    mixed = "Straße_Größe = ÉCOLE + x1\n" + SRC[:2000]
    for text in (SRC, OTHER, "A_b c9 D\tE_F\ng h i j", mixed):
        want = np.unique(minhash.ngram_hashes(minhash.tokens(text), 5) >> np.uint64(32))
        assert np.array_equal(minhash.shingle_hashes(text, 5), want)
    assert minhash._token_bytes(SRC) == [t.encode() for t in minhash.tokens(SRC)]
    every_ascii = " ".join(chr(c) + "Ab9_" + chr(c) + "zZ" for c in range(128)) + "\x0bX\x1cY\x1fZ\x7f"
    assert minhash._token_bytes(every_ascii) == [t.encode() for t in minhash.tokens(every_ascii)]
    assert minhash._token_bytes(mixed) == minhash.tokens(mixed) and "straße_größe" in minhash.tokens(mixed)


def test_ngram_hashes_are_the_plain_rolling_hash_of_each_tokens_crc():
    """Both paths (bytes tokens: CRC-32 per token in C; str tokens: a table of distinct tokens) give the plain
    definition: h = sum of (crc32(token) + 1) * 1000003^k over the window, wrapping mod 2^64, then splitmix64."""
    toks = minhash.tokens(SRC)[:400] + ["größe", "x"]
    mask = (1 << 64) - 1
    want = []
    for i in range(len(toks) - 4):
        h = 0
        for t in toks[i : i + 5]:
            h = (h * 1_000_003 + zlib.crc32(t.encode()) + 1) & mask
        want.append(h)
    want = minhash._mix64(np.array(want, dtype=np.uint64))
    assert np.array_equal(minhash.ngram_hashes(toks, 5), want)
    assert np.array_equal(minhash.ngram_hashes([t.encode() for t in toks], 5), want)


def test_signature_is_the_minimum_over_every_shingle_block():
    """Blocked with one reused buffer: every size around the block edge, in an order that leaves longer
    blocks' values behind in the buffer, gives the plain minimum of (a*x + b) >> 32 over all shingles."""
    a, b = minhash.permutations(64, 7)
    rs = np.random.default_rng(0)
    for n in (1500, 1, minhash._CHUNK + 1, minhash._CHUNK, 3, minhash._CHUNK - 1, 2 * minhash._CHUNK + 5, 2):
        h = rs.integers(0, 2**32, size=n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            want = ((h[:, None] * a + b).min(axis=0) >> np.uint64(32)).astype(np.uint32)
        assert np.array_equal(minhash.signature_of_hashes(h, 64, 7), want), n
    assert minhash.signature_of_hashes(np.zeros(0, dtype=np.uint64), 64, 7) is None


def test_estimate_tracks_true_jaccard(cfg):
    lines = SRC.split("\n")
    for cut in (0.05, 0.2, 0.4):
        edited = "\n".join(line for i, line in enumerate(lines) if (i * 7919) % 100 >= cut * 100)
        est = minhash.estimated_jaccard(minhash.signature(SRC, cfg, 0), minhash.signature(edited, cfg, 0))
        assert abs(est - _true_jaccard(SRC, edited)) < 0.08, (cut, est)
    assert minhash.estimated_jaccard(minhash.signature(SRC, cfg, 0), minhash.signature(OTHER, cfg, 0)) < 0.1


def test_reformatting_and_case_do_not_change_the_signature(cfg):
    reformatted = SRC.replace("    ", "\t").replace(", ", " ,  ").upper()
    assert np.array_equal(minhash.signature(SRC, cfg, 0), minhash.signature(reformatted, cfg, 0))


def test_short_texts_have_no_signature(cfg):
    assert minhash.signature("a = 1\nb = 2\n", cfg, 0) is None
    assert minhash.signature("", cfg, 0) is None


def test_bands_for_threshold_and_s_curve():
    b, r = minhash.optimal_bands(0.7, 256)
    assert (b, r) == (25, 10) and b * r <= 256
    p = lambda s: 1 - (1 - s**r) ** b  # noqa: E731
    assert p(0.85) > 0.97 and p(0.5) < 0.03


def test_default_bands_lean_to_recall(cfg):
    b, r = minhash.band_shape(cfg)
    assert (b, r) == minhash.recall_bands(0.7, 256, 0.99) and b * r <= 256
    p = lambda s: 1 - (1 - s**r) ** b  # noqa: E731
    assert p(0.7) >= 0.99 and p(0.3) < 0.05
    assert minhash.band_shape(section(load_config(overrides={"dedup": {"lsh_recall": 0}}), DedupConfig)) == (25, 10)


def test_band_shape_from_config_is_checked(cfg):
    assert minhash.band_shape(section(load_config(overrides={"dedup": {"bands": 32, "rows": 8}}), DedupConfig)) == (
        32,
        8,
    )
    with pytest.raises(ValueError):
        minhash.band_shape(section(load_config(overrides={"dedup": {"bands": 32, "rows": 9}}), DedupConfig))


def test_band_keys_agree_only_where_bands_agree(cfg):
    s = minhash.signature(SRC, cfg, 0)
    t = s.copy()
    t[0] += 1  # change one row of band 0
    ks, kt = minhash.band_keys(s, 25, 10), minhash.band_keys(t, 25, 10)
    assert len(ks) == 25 and len(set(ks)) == 25
    assert ks[0] != kt[0] and ks[1:] == kt[1:]


def test_bucket_pairs_are_bounded():
    small = [f"m{i:03d}" for i in range(5)][::-1]
    assert minhash.bucket_pairs(small, 64, 8) == [
        (a, b) for i, a in enumerate(sorted(small)) for b in sorted(small)[i + 1 :]
    ]
    big = [f"m{i:03d}" for i in range(100)]
    pairs = minhash.bucket_pairs(big, 64, 8)
    assert len(pairs) == 28 + 92 * 8
    assert all(a < b for a, b in pairs)
    assert {x for p in pairs for x in p} == set(big)  # everyone still linked to a hub


def test_reference_clusters_find_planted_copy(cfg):
    edited = SRC.replace("def ", "def  ").replace("scanstring", "scan_string", 2) + "\n# fork note\n"
    items = [
        ("a", minhash.signature(SRC, cfg, 0)),
        ("b", minhash.signature(edited, cfg, 0)),
        ("c", minhash.signature(OTHER, cfg, 0)),
        ("d", None),
    ]
    assert minhash.clusters_local(items, cfg) == [["a", "b"]]


def _signature_of_distinct(text: str, d: DedupConfig, seed: int, language: str | None = None):
    """The signature as first written: distinct shingles, the min_tokens gate on their count."""
    h = minhash.shingle_hashes(text, d.ngram)
    if h.size + d.ngram - 1 < d.min_tokens:
        return None
    if language:
        h = h ^ np.uint64(zlib.crc32(language.encode()))
    return minhash.signature_of_hashes(h, d.num_perm, seed)


@pytest.mark.parametrize("min_tokens", [0, 1, 5, 10, 40, 400])
def test_signature_without_distinct_shingles_equals_the_distinct_one(cfg, min_tokens):
    """signature() skips making the shingles distinct (the minimum ignores repeats) and counts distinct ones
    only for the min_tokens gate: same signature, and None exactly when too few distinct shingles remain,
    however repetitive the text (a line repeated a thousand times has one shingle per phase)."""
    d = dataclasses.replace(cfg, min_tokens=min_tokens)
    texts = [
        SRC,
        OTHER[:3000],
        "",
        "a b c d",
        "a b c d e",
        "x = 1\n" * 1000,
        "x = 1\ny = 2\n" * 500 + "z = 3\n",
        " ".join(f"t{i % 7}" for i in range(5000)),
        " ".join(f"t{i}" for i in range(12)),
        "Straße_Größe = ÉCOLE + x1\n" * 20,
    ]
    for text in texts:
        for language in (None, "python"):
            got, want = minhash.signature(text, d, 3, language), _signature_of_distinct(text, d, 3, language)
            assert (got is None) == (want is None), (text[:40], min_tokens)
            if want is not None:
                assert np.array_equal(got, want)
