"""Padding and context of the two packing methods, side by side, on real code and on the demo.

    python benchmarks/packing.py [--packages networkx,pip,...] [--seq-lens 2048,8192] [--workers 2]

Corpus: the Python sources of installed packages (one repository per package,
copied to /tmp/packing-bench/corpus) and examples/repos. Each file goes through
the build's own per-file stage, exact dedup, piece encoding and planning once per
seq_len; then the build's own PackRows/PackTails (pipelines/build.py) pack the same
buckets with ``packing.method=segments`` (the planner's segments, best-fit) and
``stream`` (the default). Printed per corpus and seq_len, old vs new: padding share,
files split across segments, pieces per file, edges inside a segment, mean tokens of
same-repository context before each piece, segments per row, cut reasons.
The tokenizer is trained on a sample of the corpus (vocab 32000 as by default,
--sample-mb of text to keep the run bounded).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

import numpy as np

from repoloom.core import counters as C
from repoloom.core.config import merge, parse_set, section
from repoloom.packing.rows import PackingConfig
from repoloom.fim.split import FimConfig
from repoloom.pipelines.config import gate_config, load_config, plan_config
from repoloom.core.rand import stable_hash
from repoloom.core.tokenizer import Tokenizer, train_tokenizer
from repoloom.core.types import ParsedFile
from repoloom.packing.graph import split_for_planning
from repoloom.fim.pieces import file_pieces
from repoloom.pipelines import build
from repoloom.pipelines.kept_file import compact_pieces, planning_facts
from repoloom.pipelines.filestage import process_file
from repoloom.pipelines.report import derived, packing_figures
from repoloom.pipelines.sources import expand_inputs, read_unit

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "examples", "repos")
PACKAGES = "networkx,pip,setuptools,pygments,jax,beartype,orbax,pymongo,flax,optax,hypothesis,pyarrow,grain"
WORK = "/tmp/packing-bench"


def make_corpus(packages: list[str], dest: str) -> str:
    """Copy each package's .py files from site-packages into dest/<package>/ (one repository each)."""
    import importlib.util

    if os.path.isdir(dest):
        return dest
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            print(f"skipping {name}: not installed", file=sys.stderr)
            continue
        root = list(spec.submodule_search_locations)[0]
        for d, _, files in os.walk(root):
            for f in files:
                if f.endswith(".py"):
                    rel = os.path.relpath(os.path.join(d, f), os.path.dirname(root))
                    os.makedirs(os.path.join(dest, name, os.path.dirname(rel)), exist_ok=True)
                    shutil.copyfile(os.path.join(d, f), os.path.join(dest, name, rel))
    return dest


def _judge(unit):
    cfg = load_config()
    out = []
    for f in read_unit(unit, cfg["max_file_bytes"]):
        if hasattr(f, "data"):
            try:
                r = process_file(f, gate_config(cfg))
            except Exception:  # noqa: BLE001 - the build drops these as "error"; so does the benchmark
                continue
            if isinstance(r, ParsedFile):
                out.append(r)
    return out


def kept_files(corpus: str, workers: int) -> list[ParsedFile]:
    """The build's per-file stage and exact dedup (first of each content hash by repository and path)."""
    units = expand_inputs([corpus])
    with ProcessPoolExecutor(workers) as ex:
        files = [f for batch in ex.map(_judge, units) for f in batch]
    files.sort(key=lambda f: (f.facts.repo, f.facts.path))
    seen, kept = set(), []
    for f in files:
        if f.facts.sha not in seen:
            seen.add(f.facts.sha)
            kept.append(f)
    return kept


_TOK = None


def _pieces(args):
    text, facts, cfg = args
    pieces = file_pieces(text, facts, _TOK, section(cfg, FimConfig), cfg["seq_len"], cfg["seed"])
    return [replace(p, tokens=np.asarray(p.tokens, dtype=np.int32)) for p in pieces]


def _init(model):
    global _TOK
    _TOK = Tokenizer(model)


def bucket_items(files, pieces, cfg):
    """What the build's JoinPieces hands to GroupBucket: placed, compact pieces by bucket."""
    by_repo = defaultdict(list)
    for f, ps in zip(files, pieces):
        by_repo[f.facts.repo].append((planning_facts(f.facts), [len(p.tokens) for p in ps]))
    places = defaultdict(list)
    stats: dict = {}
    for repo, items in sorted(by_repo.items()):
        groups = split_for_planning([it[0].path for it in items], cfg["graph"]["max_files_per_plan"])
        index = {it[0].path: it for it in items}
        for gi, members in enumerate(groups):
            for out in build.plan_repo(((repo, gi), [index[p] for p in members]), plan_config(cfg)):
                if type(out).__name__ == "TaggedOutput":
                    C.add(stats, out.value)
                else:
                    places[out[0]].append(out[1])
    buckets = defaultdict(list)
    for f, ps in zip(files, pieces):
        key = (f.facts.repo, f.facts.path)
        for out in build.join_pieces(
            (key, {"pieces": [compact_pieces(ps)], "place": places[key]}), section(cfg, PackingConfig), cfg["seed"]
        ):
            if type(out).__name__ != "TaggedOutput":
                buckets[out[0]].append(out[1])
    return buckets, stats


def pack(buckets, cfg, special, model) -> dict:
    """The build's PackRows and PackTails over every bucket; summed counters like stats.json."""
    stats: dict = {}
    rows = []

    def take(outputs, tails):
        for out in outputs:
            if type(out).__name__ == "TaggedOutput":
                if out.tag == build.PackRows.TAIL:
                    tails.append(out.value[1])
                else:
                    C.add(stats, out.value)
            else:
                rows.append(out)

    packer = build.PackRows(cfg, special, model)
    packer.setup()
    tails: list = []
    for b in sorted(buckets):
        take(packer.process((b, buckets[b])), tails)
    if tails:
        take(packer.pack_tails((0, tails)), [])
    for split, _, (_, lengths), _ in rows:  # rows as the build shuffles them: packed ids, segment lengths
        used = sum(lengths)
        C.add(stats, {C.ROWS.key(split): 1, C.TOKENS.key(split): used, C.PADDING.key(split): cfg["seq_len"] - used})
    return stats


def run(name: str, corpus: str, seq_lens: list[int], workers: int, sample_mb: float, sets: dict) -> None:
    t0 = time.time()
    files = kept_files(corpus, workers)
    mb = sum(len(f.text.encode("utf-8", "surrogatepass")) for f in files) / 1e6
    repos = len({f.facts.repo for f in files})
    sample, total = [], 0
    for f in sorted(files, key=lambda f: stable_hash(0, "sample", f.facts.repo, f.facts.path)):
        sample.append(f.text)
        total += len(f.text)
        if total >= sample_mb * 1e6:
            break
    model = train_tokenizer(sample, 32000 if total > 2e6 else 3000)
    tok = Tokenizer(model)
    print(
        f"\n## {name}: {len(files)} kept files, {mb:.1f} MB, {repos} repositories "
        f"(judged and tokenizer trained in {time.time() - t0:.0f}s)"
    )
    for seq_len in seq_lens:
        cfg = merge(load_config(overrides=sets), {"seq_len": seq_len})
        with ProcessPoolExecutor(workers, initializer=_init, initargs=(model,)) as ex:
            pieces = list(ex.map(_pieces, [(f.text, f.facts, cfg) for f in files], chunksize=64))
        buckets, plan_stats = bucket_items(files, pieces, cfg)
        del pieces
        figures = {}
        for method in ("segments", "stream"):
            mcfg = merge(cfg, {"packing": {"method": method}})
            st = {**plan_stats, **pack(buckets, mcfg, tok.special_ids, model), C.FILES_KEPT: len(files)}
            figures[method] = (st, {**derived(st), **packing_figures(st)})
        print(f"\nseq_len {seq_len}: {sum(len(v) for v in buckets.values())} pieces in {len(buckets)} buckets")
        print(f"{'figure':34s} {'old (segments)':>16s} {'new (stream)':>16s}")
        for key, fmt in (
            (C.ROWS.key("train"), "{:.0f}"),
            ("padding_share", "{:.3%}"),
            ("files_split_share", "{:.2%}"),
            ("pieces_per_file", "{:.3f}"),
            ("edges_in_segment_share", "{:.2%}"),
            ("context_tokens_per_piece", "{:.0f}"),
            ("segments_per_row", "{:.2f}"),
        ):
            vals = [(f[0] if key in f[0] else f[1]).get(key) for f in figures.values()]
            print(f"{key:34s} " + " ".join(f"{fmt.format(v) if v is not None else '-':>16s}" for v in vals))
        cuts = C.PACKING_CUT.items(figures["stream"][0])
        print("new cut reasons: " + ", ".join(f"{k}={v}" for k, v in cuts.items()))
        hist = C.PACKING_SEGMENT_TOKENS.items(figures["stream"][0])
        old = C.PACKING_SEGMENT_TOKENS.items(figures["segments"][0])
        print(
            "segment length (share of seq_len): old/new "
            + ", ".join(f"{b}:{old.get(b, 0)}/{hist.get(b, 0)}" for b in sorted(set(hist) | set(old)))
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--packages", default=PACKAGES)
    ap.add_argument("--seq-lens", default="2048,8192")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample-mb", type=float, default=4.0)
    ap.add_argument("--skip-demo", action="store_true")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override, as for build")
    a = ap.parse_args(argv)
    seq_lens = [int(x) for x in a.seq_lens.split(",")]
    corpus = make_corpus(a.packages.split(","), os.path.join(WORK, "corpus-" + str(stable_hash(a.packages) % 10**8)))
    if not a.skip_demo:
        run("demo (examples/repos)", DEMO, seq_lens, a.workers, a.sample_mb, parse_set(a.set))
    run("site-packages sources", corpus, seq_lens, a.workers, a.sample_mb, parse_set(a.set))
    return 0


if __name__ == "__main__":
    sys.exit(main())
