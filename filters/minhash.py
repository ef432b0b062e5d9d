"""MinHash signatures and LSH band keys for near-duplicate detection, as plain functions.

Follows the bigcode near-dedup recipe: lowercase, split on non-word
characters, 5-gram shingles, 256 permutations, Jaccard 0.7, bands and rows
chosen to balance false positives and false negatives around the threshold.
Everything is a pure function of (text, config): shingle hashes come from
CRC-32 (stable across processes, unlike `hash()`), permutations from
`core.rand` seeded by the config seed, so signatures agree on every worker.
"""

from __future__ import annotations

import hashlib
import re
import threading
import zlib
from functools import lru_cache

import numpy as np
from repoloom.core.rand import rng
from repoloom.filters.dedup import DedupConfig

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CHUNK = 512  # shingles per block: the (shingles x permutations) temporary (1 MB) stays in cache, 3x faster than 4096


# ASCII bytes -> themselves lowercased for the word characters [A-Za-z0-9_] (what \w is on ASCII), a space
# for every other byte: split() of the image gives the lowercased \w+ tokens at memory speed.
_WORD_LOWER = bytes(
    (c | 0x20 if chr(c).isupper() else c) if chr(c).isascii() and (chr(c).isalnum() or c == 95) else 32
    for c in range(256)
)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _token_bytes(text: str) -> list[bytes] | list[str]:
    """tokens(text) as their UTF-8 bytes when the text is ASCII (most code): there ``\\w`` is [A-Za-z0-9_]
    and lowercasing is the same on bytes, so the tokens are the same and hash the same (ngram_hashes hashes
    a token's UTF-8 bytes), found in a fifth of the time by one translate and a split; other text gives
    tokens(text)."""
    if text.isascii():
        return text.encode("ascii").translate(_WORD_LOWER).split()
    return tokens(text)


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the rolling n-gram hash over all bits."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingle_hashes(text: str, ngram: int) -> np.ndarray:
    """Distinct 32-bit hashes of the token n-grams of a text (empty when it has fewer than `ngram` tokens)."""
    return np.unique(ngram_hashes(_token_bytes(text), ngram) >> np.uint64(32))


def ngram_hashes(toks: list[str] | list[bytes], n: int) -> np.ndarray:
    """Stable 64-bit hash of every window of `n` tokens (one per position; empty if too few tokens).
    A token hashes by its UTF-8 bytes: given as str or already as bytes, the hashes are the same."""
    if len(toks) < n:
        return np.zeros(0, dtype=np.uint64)
    if isinstance(toks[0], bytes):
        # CRC-32 of every token straight from C (map): 2.5x faster than a set, a dict and a lookup per token
        th = np.fromiter(map(zlib.crc32, toks), dtype=np.uint64, count=len(toks)) + np.uint64(1)
    else:
        # each distinct token encoded and hashed once, then looked up in C (map over a dict)
        table = {t: zlib.crc32(t.encode("utf-8", "surrogatepass")) + 1 for t in set(toks)}
        th = np.fromiter(map(table.__getitem__, toks), dtype=np.uint64, count=len(toks))
    m = len(toks) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):  # polynomial rolling hash over the window, wrapping mod 2^64
            h = h * np.uint64(1_000_003) + th[k : k + m]
        return _mix64(h)


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Hash-function parameters (a odd, b), one pair per permutation, from the seed (cached per process)."""
    r = rng(seed, "minhash", num_perm)
    a = np.array([r.getrandbits(64) | 1 for _ in range(num_perm)], dtype=np.uint64)
    b = np.array([r.getrandbits(64) for _ in range(num_perm)], dtype=np.uint64)
    return a, b


_blocks = threading.local()


def _block(num_perm: int) -> np.ndarray:
    """This thread's (shingles x permutations) block buffer, made once: a fresh 1 MB temporary per block
    costs a malloc and its page faults each time, several times the arithmetic."""
    buf = getattr(_blocks, "buf", None)
    if buf is None or buf.shape[1] != num_perm:
        buf = _blocks.buf = np.empty((_CHUNK, num_perm), dtype=np.uint64)
    return buf


def _has_distinct(h: np.ndarray, need: int) -> bool:
    """Whether h holds at least ``need`` distinct values (and at least one): the same answer as
    ``np.unique(h).size >= max(need, 1)``, from a short prefix when the text does not repeat itself."""
    need = max(need, 1)
    if h.size < need:
        return False
    if len(set(h[: 4 * need].tolist())) >= need:
        return True
    return np.unique(h).size >= need


def signature_of_hashes(h: np.ndarray, num_perm: int, seed: int) -> np.ndarray | None:
    """MinHash signature (uint32[num_perm]) of a set of 32-bit shingle hashes; None for an empty set.

    Each permutation is a multiply-add-shift hash, (a*x + b mod 2^64) >> 32
    (Dietzfelbinger's universal family): no modulus, so numpy does one
    multiply and one add per (shingle, permutation)."""
    if h.size == 0:
        return None
    a, b = permutations(num_perm, seed)
    out = np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    buf = _block(num_perm)
    col = h[:, None]
    with np.errstate(over="ignore"):
        for i in range(0, h.size, _CHUNK):
            v = buf[: min(_CHUNK, h.size - i)]
            np.multiply(col[i : i + _CHUNK], a, out=v)
            v += b
            np.minimum(out, v.min(axis=0), out=out)
    return (out >> np.uint64(32)).astype(np.uint32)


def signature(text: str, d: DedupConfig, seed: int, language: str | None = None) -> np.ndarray | None:
    """MinHash signature of a text under the dedup section; None when it has fewer than min_tokens tokens.

    A shingle is a (language, n-gram) pair, so files in different languages never look alike: a Java
    `package-info.java` and a `.txt` that share a licence header are not near-duplicates (the hashes of
    each language are moved by one XOR, which keeps Jaccard within a language exactly as it was)."""
    # The minimum ignores repeats, so the shingles are not made distinct (a sort, 40% of the signature's
    # cost); only the gate on min_tokens counts distinct shingles, and it stops once it has seen enough.
    h = ngram_hashes(_token_bytes(text), d.ngram) >> np.uint64(32)
    if not _has_distinct(h, d.min_tokens - d.ngram + 1):
        return None
    if language:
        h = h ^ np.uint64(zlib.crc32(language.encode()))
    return signature_of_hashes(h, d.num_perm, seed)


def estimated_jaccard(a: np.ndarray | bytes, b: np.ndarray | bytes) -> float:
    """Share of agreeing signature positions: an unbiased estimate of the shingle-set Jaccard."""
    if isinstance(a, bytes):
        a = np.frombuffer(a, dtype=np.uint32)
    if isinstance(b, bytes):
        b = np.frombuffer(b, dtype=np.uint32)
    return float(np.mean(a == b))


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if (a or b) else 1.0


def _false_positive_area(threshold: float, b: int, r: int) -> float:
    s = np.linspace(0.0, threshold, 1001)
    return float(np.trapezoid(1 - (1 - s**r) ** b, s))


def _false_negative_area(threshold: float, b: int, r: int) -> float:
    s = np.linspace(threshold, 1.0, 1001)
    return float(np.trapezoid(1 - (1 - (1 - s**r) ** b), s))


@lru_cache(maxsize=32)
def optimal_bands(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) with bands*rows <= num_perm minimising the weighted false-positive and
    false-negative areas of the LSH S-curve around the threshold (datasketch / bigcode)."""
    best, best_err = (1, num_perm), float("inf")
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            err = fp_weight * _false_positive_area(threshold, b, r) + fn_weight * _false_negative_area(threshold, b, r)
            if err < best_err:
                best, best_err = (b, r), err
    return best


@lru_cache(maxsize=32)
def recall_bands(threshold: float, num_perm: int, recall: float) -> tuple[int, int]:
    """(bands, rows) that make a pair at exactly the threshold a candidate with probability >= recall,
    with the fewest candidates below the threshold (smallest false-positive area).

    Candidates are verified by estimated Jaccard, so a false positive costs one
    comparison while a false negative is a missed duplicate: lean to recall."""
    best, best_fp = None, float("inf")
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            if 1 - (1 - threshold**r) ** b >= recall:
                fp = _false_positive_area(threshold, b, r)
                if fp < best_fp:
                    best, best_fp = (b, r), fp
    if best is None:
        raise ValueError(f"no banding of {num_perm} permutations reaches recall {recall} at {threshold}")
    return best


def band_shape(d: DedupConfig) -> tuple[int, int]:
    """Bands and rows: explicit in the config, else chosen for the threshold (see recall_bands;
    lsh_recall 0 falls back to bigcode's balanced choice, optimal_bands)."""
    if d.bands and d.rows:
        if d.bands * d.rows > d.num_perm:
            raise ValueError("dedup.bands * dedup.rows must not exceed dedup.num_perm")
        return d.bands, d.rows
    if d.lsh_recall:
        return recall_bands(float(d.threshold), int(d.num_perm), float(d.lsh_recall))
    return optimal_bands(float(d.threshold), int(d.num_perm))


def band_keys(sig: np.ndarray, bands: int, rows: int) -> list[bytes]:
    """One LSH bucket key per band: band index + 8-byte digest of the band's rows."""
    raw = sig.astype("<u4").tobytes()
    width = rows * 4
    return [
        i.to_bytes(2, "big") + hashlib.blake2b(raw[i * width : (i + 1) * width], digest_size=8).digest()
        for i in range(bands)
    ]


def band_keys_of_bytes(sig: bytes, bands: int, rows: int) -> list[bytes]:
    """band_keys of a signature carried as bytes (how it travels between Beam stages)."""
    return band_keys(np.frombuffer(sig, dtype=np.uint32), bands, rows)


def bucket_pairs(members: list[str], max_bucket: int, hubs: int) -> list[tuple[str, str]]:
    """Candidate pairs (a < b) from one LSH bucket.

    Small buckets give every pair. A bucket larger than `max_bucket` links each
    member to the `hubs` smallest ids only, so the work per bucket stays linear;
    the members are still connected through the hubs when they verify.
    """
    ms = sorted(set(members))
    if len(ms) <= max_bucket:
        return [(ms[i], ms[j]) for i in range(len(ms)) for j in range(i + 1, len(ms))]
    head = ms[:hubs]
    pairs = [(head[i], head[j]) for i in range(len(head)) for j in range(i + 1, len(head))]
    pairs.extend((h, m) for m in ms[hubs:] for h in head)
    return pairs


def clusters_local(items: list[tuple[str, np.ndarray | None]], d: DedupConfig) -> list[list[str]]:
    """Reference in-memory clustering (union-find) with the same bucketing and verification as the
    Beam stage. For tests and benchmarks of the core; the pipeline never holds the corpus like this."""
    bands, rows = band_shape(d)
    sigs = {k: s for k, s in items if s is not None}
    buckets: dict[bytes, list[str]] = {}
    for k, s in sigs.items():
        for key in band_keys(s, bands, rows):
            buckets.setdefault(key, []).append(k)
    parent = {k: k for k in sigs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for a, b in bucket_pairs(members, d.max_bucket, d.hubs):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            if estimated_jaccard(sigs[a], sigs[b]) >= d.threshold:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for k in sigs:
        groups.setdefault(find(k), []).append(k)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)
