"""Near-dedup precision and recall on real code with planted near-duplicates.

    python benchmarks/dedup_accuracy.py [--files 6000] [--planted 1500] [--beam 600] [ROOT...]

Background: real source files (.py, .c, .h; exact duplicates removed) from
ROOT (default: this environment's site-packages). Planted: copies of randomly
chosen background files with small edits, one kind each (or all together):
  rename   - identifiers defined in the file renamed everywhere (1 per 150 lines, 1-2)
  reformat - indentation, spacing after commas, blank lines changed
  comment  - comment lines added (1 per 40 lines, 1-6)
  all      - the three together
--fixed-edits always renames 2 identifiers and adds 3-6 comment lines.
Recall: planted copies clustered with their original. Precision: dropped files
that are true near-duplicates of a file in their cluster (a planted pair, or
exact 5-gram Jaccard >= threshold for duplicates already present in the real
code); "planted-only precision" counts the natural duplicates as errors.
The clusters come from the reference core (filters.minhash.clusters_local);
--beam N also runs the NearDedup Beam stage on the first N files (DirectRunner)
and checks that it drops exactly what the core's clusters say.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sysconfig
import tempfile
import time
from collections import Counter, defaultdict

from repoloom.core.config import section
from repoloom.filters.dedup import DedupConfig
from repoloom.pipelines.config import load_config
from repoloom.core.rand import rng
from repoloom.filters import minhash

KINDS = ("rename", "reformat", "comment", "all")
_DEF = re.compile(r"^\s*(?:def|class)\s+([A-Za-z_]\w{3,})|^\s*([A-Za-z_]\w{3,})\s*=", re.M)
_CDEF = re.compile(r"\b(?:int|void|char|double|float|long|size_t|static)\s+\**([A-Za-z_]\w{3,})\s*[(=;]")


def collect(roots: list[str], limit: int, seed: int) -> list[tuple[str, str]]:
    seen, out = set(), []
    for root in roots:
        for dirpath, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                if not name.endswith((".py", ".c", ".h")) or "__pycache__" in dirpath:
                    continue
                path = os.path.join(dirpath, name)
                try:
                    text = open(path, encoding="utf-8").read()
                except (OSError, UnicodeDecodeError):
                    continue
                if not 500 <= len(text) <= 200_000:
                    continue
                h = hashlib.blake2b(text.encode(), digest_size=16).digest()
                if h in seen:
                    continue
                seen.add(h)
                out.append((os.path.relpath(path, root), text))
    r = rng(seed, "dedup-accuracy-sample")
    r.shuffle(out)
    return out[:limit]


def edit(text: str, kind: str, seed: int, key: str, scaled: bool = True) -> str:
    """A planted near-duplicate. `scaled` sizes the edits to the file (1 renamed identifier per 150
    lines, 1 comment line per 40, at least 1, at most the fixed amounts); fixed edits overwhelm small files."""
    r = rng(seed, "plant", key, kind)
    n_lines = text.count("\n") + 1
    n_renames = min(2, max(1, n_lines // 150)) if scaled else 2
    n_comments = min(6, max(1, n_lines // 40)) if scaled else r.randrange(3, 7)
    if kind in ("rename", "all"):
        names = sorted({a or b for a, b in _DEF.findall(text)} | set(_CDEF.findall(text)))
        for old in r.sample(names, min(n_renames, len(names))):
            text = re.sub(rf"\b{re.escape(old)}\b", f"{old}_v{r.randrange(100)}", text)
    if kind in ("reformat", "all"):
        text = re.sub(r"(?m)^((?:    )+)", lambda m: "  " * (len(m.group(1)) // 4), text)
        text = text.replace(", ", ",  ").replace("\n\n\n", "\n\n")
    if kind in ("comment", "all"):
        lines = text.split("\n")
        mark = "#" if "def " in text or "import " in text else "//"
        notes = [
            "forked from upstream",
            "TODO: check this",
            "patched for our build",
            "see issue tracker",
            "keep in sync with the original",
            "local change",
        ]
        for _ in range(n_comments):
            lines.insert(r.randrange(len(lines) + 1), f"{mark} {r.choice(notes)}")
        text = "\n".join(lines)
    return text


def shingles(text: str, n: int) -> set:
    toks = minhash.tokens(text)
    return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="*", default=[sysconfig.get_paths()["purelib"]])
    ap.add_argument("--files", type=int, default=6000)
    ap.add_argument("--planted", type=int, default=1500)
    ap.add_argument("--beam", type=int, default=0)
    ap.add_argument("--fixed-edits", action="store_true", help="2 renames and 3-6 comment lines whatever the size")
    args = ap.parse_args()
    cfg = load_config()
    d = section(cfg, DedupConfig)
    base = collect(args.roots, args.files, cfg["seed"])
    docs = {f"bg/{p}": t for p, t in base}
    planted: dict[str, tuple[str, str]] = {}  # copy id -> (original id, kind)
    originals = list(docs)[: args.planted]
    for i, orig in enumerate(originals):
        kind = KINDS[i % len(KINDS)]
        cid = f"planted/{kind}/{i}"
        docs[cid] = edit(docs[orig], kind, cfg["seed"], orig, scaled=not args.fixed_edits)
        planted[cid] = (orig, kind)
    t0 = time.perf_counter()
    sigs = {k: minhash.signature(t, d, cfg["seed"]) for k, t in docs.items()}
    t_sig = time.perf_counter() - t0
    t0 = time.perf_counter()
    clusters = minhash.clusters_local(list(sigs.items()), d)
    t_cl = time.perf_counter() - t0
    cluster_of = {m: i for i, c in enumerate(clusters) for m in c}

    # Recall over planted copies, overall and by kind; true Jaccard of each planted pair.
    found, by_kind, below = 0, defaultdict(lambda: [0, 0]), Counter()
    found_above = above = 0
    for cid, (orig, kind) in planted.items():
        hit = cid in cluster_of and cluster_of.get(orig) == cluster_of[cid]
        found += hit
        by_kind[kind][0] += hit
        by_kind[kind][1] += 1
        j = minhash.jaccard(shingles(docs[cid], d.ngram), shingles(docs[orig], d.ngram))
        below[kind] += j < d.threshold
        above += j >= d.threshold
        found_above += hit and j >= d.threshold

    # Precision over drops: every cluster member but one is dropped.
    drops = correct = planted_ok = natural = 0
    cache: dict[str, set] = {}

    def sh(k):
        if k not in cache:
            cache[k] = shingles(docs[k], d.ngram)
        return cache[k]

    for c in clusters:
        keeper = min(c)  # precision does not depend on which member is kept
        members = set(c)
        for m in c:
            if m == keeper:
                continue
            drops += 1
            is_planted = (m in planted and planted[m][0] in members) or any(
                planted.get(o, ("",))[0] == m for o in members
            )
            true_dup = is_planted or any(o != m and minhash.jaccard(sh(m), sh(o)) >= d.threshold for o in c)
            correct += true_dup
            planted_ok += is_planted
            natural += true_dup and not is_planted
    bands, rows = minhash.band_shape(d)
    print(f"corpus: {len(base)} real files + {len(planted)} planted near-duplicates = {len(docs)} documents")
    print(
        f"minhash: {d['num_perm']} permutations, {d['ngram']}-grams, threshold {d['threshold']}, "
        f"{bands} bands x {rows} rows"
    )
    print(f"signatures {t_sig:.1f} s ({1e3 * t_sig / len(docs):.2f} ms/file), clustering {t_cl:.1f} s")
    print(f"clusters: {len(clusters)}  drops: {drops}  (natural near-duplicates already in the real code: {natural})")
    print(
        f"recall (planted copies clustered with their original): {found / len(planted):.4f}  ({found}/{len(planted)})"
    )
    for kind in KINDS:
        ok, n = by_kind[kind]
        print(f"  {kind:9} {ok / n:.4f} ({ok}/{n}); pairs with true Jaccard < {d['threshold']}: {below[kind]}")
    print(
        f"recall over planted pairs with true Jaccard >= {d['threshold']}: {found_above / max(above, 1):.4f}"
        f"  ({found_above}/{above})"
    )
    print(f"precision (drops that are true near-duplicates): {correct / max(drops, 1):.4f}  ({correct}/{drops})")
    print(f"planted-only precision (natural duplicates counted as errors): {planted_ok / max(drops, 1):.4f}")
    if args.beam:
        beam_check(docs, clusters, cfg, args.beam)


def beam_check(docs: dict[str, str], clusters: list[list[str]], cfg: dict, n: int) -> None:
    import apache_beam as beam

    from repoloom.core.types import FileFacts, ParsedFile
    from repoloom.filters import dedup
    from repoloom.pipelines.near_dedup import NearDedup

    ids = sorted(docs)[:n]
    chosen = set(ids)
    files = [ParsedFile(docs[k], FileFacts("repo", k, "python", len(docs[k]), k)) for k in ids]
    d = section(cfg, DedupConfig)
    sub = minhash.clusters_local(
        [(dedup.file_id(f.facts), minhash.signature(f.text, d, cfg["seed"])) for f in files], d
    )
    expected = sorted(m.split("\x00", 1)[1] for c in sub for m in sorted(c, key=lambda x: x)[1:])
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        with beam.Pipeline() as p:
            out = p | beam.Create(files) | NearDedup(d, cfg["seed"])
            out["dropped"] | beam.Map(lambda dr: dr.path) | beam.io.WriteToText(os.path.join(tmp, "dropped"))
        got = [line.rstrip("\n") for name in os.listdir(tmp) for line in open(os.path.join(tmp, name))]
    dt = time.perf_counter() - t0
    print(
        f"beam check on {len(files)} files ({len(chosen & {m for c in clusters for m in c})} in full-corpus clusters): "
        f"NearDedup dropped {len(got)}, reference core {len(expected)}, identical: {sorted(got) == expected}  ({dt:.1f} s)"
    )


if __name__ == "__main__":
    main()
