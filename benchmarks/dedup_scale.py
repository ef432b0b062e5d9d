"""Near-dedup run time and peak memory at 10k, 50k, 200k files: the plain-function core and the Beam stage.

    python benchmarks/dedup_scale.py [--sizes 10000,50000,200000] [--beam-sizes 10000] [--lines 50]

Synthetic corpus from real code: each file is `--lines` lines drawn (seeded) from
a pool of real source lines (installed packages' .py files); 5% of the files
are near-copies of an earlier file (two lines replaced). Each size runs in its
own subprocess, so peak RSS (ru_maxrss) is that run's alone.

core: per file minhash.signature + minhash.band_keys (the code the Beam DoFn
runs), then a single-process stand-in for the shuffle: band keys sorted in a
numpy array, buckets -> minhash.bucket_pairs -> estimated-Jaccard check ->
union-find. Memory there is the shuffle's data (~1.4 KB per file: signature +
band keys), which a runner spreads over workers and disk.
beam: the NearDedup PTransform on the DirectRunner (in-process), files created
in the pipeline, counting kept/dropped.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import sysconfig
import time

import numpy as np

from repoloom.core.config import section
from repoloom.filters.dedup import DedupConfig
from repoloom.pipelines.config import load_config
from repoloom.core.rand import rng
from repoloom.filters import minhash


def line_pool(limit: int = 400_000) -> list[str]:
    pool: list[str] = []
    for path in sorted(glob.glob(os.path.join(sysconfig.get_paths()["purelib"], "*", "**", "*.py"), recursive=True)):
        try:
            pool.extend(x for x in open(path, encoding="utf-8").read().split("\n") if len(x.strip()) > 8)
        except (OSError, UnicodeDecodeError):
            continue
        if len(pool) >= limit:
            break
    return pool


def make_file(i: int, pool: list[str], lines: int, seed: int) -> str:
    r = rng(seed, "dedup-scale", i)
    if i > 20 and r.random() < 0.05:  # near-copy of an earlier file
        src = make_file(r.randrange(i // 2), pool, lines, seed).split("\n")
        for _ in range(2):
            src[r.randrange(len(src))] = r.choice(pool)
        return "\n".join(src)
    start = r.randrange(len(pool) - lines)
    block = pool[start : start + lines // 2]  # half a real contiguous run, half random lines
    block += [r.choice(pool) for _ in range(lines - len(block))]
    return "\n".join(block)


def run_core(n: int, lines: int) -> dict:
    cfg = load_config()
    d = section(cfg, DedupConfig)
    bands, rows = minhash.band_shape(d)
    pool = line_pool()
    sigs = np.zeros((n, d.num_perm), dtype=np.uint32)
    keys = np.zeros(n * bands, dtype=f"S{10}")
    has = np.zeros(n, dtype=bool)
    chars = 0
    t_gen = t_sig = 0.0
    for i in range(n):
        t0 = time.perf_counter()
        text = make_file(i, pool, lines, cfg["seed"])
        t1 = time.perf_counter()
        sig = minhash.signature(text, d, cfg["seed"])
        if sig is not None:
            sigs[i] = sig
            has[i] = True
            keys[i * bands : (i + 1) * bands] = minhash.band_keys(sig, bands, rows)
        t_sig += time.perf_counter() - t1
        t_gen += t1 - t0
        chars += len(text)
    t0 = time.perf_counter()
    owner = np.repeat(np.arange(n), bands)
    mask = np.repeat(has, bands)
    keys, owner = keys[mask], owner[mask]
    order = np.argsort(keys, kind="stable")
    keys, owner = keys[order], owner[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], keys.size]
    parent = np.arange(n)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = edges = 0
    seen: set = set()
    for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
        members = [f"{m:09d}" for m in owner[s:e]]
        for a, b in minhash.bucket_pairs(members, d.max_bucket, d.hubs):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            pairs += 1
            ia, ib = int(a), int(b)
            if minhash.estimated_jaccard(sigs[ia], sigs[ib]) >= d.threshold:
                edges += 1
                ra, rb = find(ia), find(ib)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(i) for i in range(n)])
    dropped = int(has.sum() - np.unique(roots[has]).size)
    t_cluster = time.perf_counter() - t0
    return {
        "files": n,
        "mean_chars": chars / n,
        "signature_s": t_sig,
        "cluster_s": t_cluster,
        "gen_s": t_gen,
        "candidate_pairs": pairs,
        "edges": edges,
        "dropped": dropped,
    }


def run_beam(n: int, lines: int) -> dict:
    import apache_beam as beam

    from repoloom.core.types import FileFacts, ParsedFile
    from repoloom.pipelines.near_dedup import NearDedup

    cfg = load_config()
    pool = line_pool()

    def make(i):
        text = make_file(i, pool, lines, cfg["seed"])
        return ParsedFile(text, FileFacts(f"repo{i % 997}", f"f{i}.py", "python", len(text), str(i)))

    counts: dict = {}
    t0 = time.perf_counter()
    p = beam.Pipeline()
    out = (
        p
        | beam.Create(range(n))
        | beam.Reshuffle()
        | beam.Map(make)
        | NearDedup(section(cfg, DedupConfig), cfg["seed"])
    )
    for name in ("kept", "dropped"):
        (
            out[name]
            | f"C{name}" >> beam.combiners.Count.Globally()
            | f"M{name}" >> beam.Map(lambda c, name=name: beam.metrics.Metrics.counter("bench", name).inc(c))
        )
    result = p.run()
    result.wait_until_finish()
    for r in result.metrics().query()["counters"]:
        if r.key.metric.namespace == "bench":
            counts[r.key.metric.name] = r.committed
    return {"files": n, "beam_s": time.perf_counter() - t0, **counts}


def child(mode: str, n: int, lines: int) -> None:
    out = run_core(n, lines) if mode == "core" else run_beam(n, lines)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,50000,200000")
    ap.add_argument("--beam-sizes", default="10000")
    ap.add_argument("--lines", type=int, default=50)
    ap.add_argument("--child", nargs=2)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.lines)
        return
    cfg = load_config()
    print(
        f"bands x rows: {minhash.band_shape(section(cfg, DedupConfig))}; {args.lines} lines per file; one subprocess per run"
    )
    runs = [("core", int(s)) for s in args.sizes.split(",") if s] + [
        ("beam", int(s)) for s in args.beam_sizes.split(",") if s
    ]
    for mode, n in runs:
        r = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(n), "--lines", str(args.lines)],
            capture_output=True,
            text=True,
        )
        if r.returncode:
            print(mode, n, "failed:", r.stderr[-1500:])
            continue
        res = json.loads(r.stdout.strip().split("\n")[-1])
        if mode == "core":
            print(
                f"core {n:>7} files ({res['mean_chars']:.0f} chars each): signatures+bands "
                f"{1e3 * res['signature_s'] / n:.3f} ms/file, grouping+verify+components "
                f"{1e3 * res['cluster_s'] / n:.3f} ms/file ({res['cluster_s']:.1f} s), "
                f"pairs {res['candidate_pairs']}, edges {res['edges']}, dropped {res['dropped']}, "
                f"peak RSS {res['peak_rss_mb']:.0f} MB ({1e3 * res['peak_rss_mb'] / n:.2f} KB/file)"
            )
        else:
            print(
                f"beam {n:>7} files: {res['beam_s']:.1f} s ({1e3 * res['beam_s'] / n:.2f} ms/file), "
                f"kept {res.get('kept')}, dropped {res.get('dropped')}, peak RSS {res['peak_rss_mb']:.0f} MB"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
