"""Throughput of `repoloom build` against its floor, measured in one run.

Corpus: the source trees of installed packages (real code on every machine after
`make test`), each copied as one repository. Floor: one tree-sitter parse plus one
SentencePiece encode, in one process, no Beam, of exactly the files the build kept
(the lineage's paths): the work no build of those files can skip. Both rates count
those same kept bytes, so the ratio is build seconds / floor seconds.

The build is timed in one process with default settings; it is then run again with
two DirectRunner worker processes (not timed) and every shard must be byte-identical.

Both are timed twice: wall seconds and this process's CPU seconds (user + system, all
threads). On a machine shared with other work the wall ratio swings with the load at
each moment (the floor runs later than the build); the CPU ratio does not, so it is
the figure to compare.

    python benchmarks/throughput.py [--mb 30] [--seq-len 8192] [--repeat N] [--no-check-workers] [--stages]

``--repeat N`` times N build/floor pairs, one after the other in the same process (each build writes its own
output), prints each pair's ratio and then their median: on a machine whose speed drifts (the floor alone has
measured 12.9-17.3 CPU s on the same code and files here), a change of a second or two shows in the median of
several pairs, not in one.

Prints MB/s of kept source for the build and for the floor, and both ratios. ``--stages`` then times the
per-file stages again outside Beam, each alone, over the files the build read (CPU seconds, and each as a
share of the floor), so the build's time beyond the floor is split into its parts; what the stages do not
cover (reading, Beam's per-element work, dedup, planning, packing, writing) is the build's CPU time minus
their sum.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import statistics
import sys
import sysconfig
import tempfile
import time

PACKAGES = [
    "networkx",
    "apache_beam",
    "pyarrow",
    "numpy",
    "hypothesis",
    "sentencepiece",
    "yaml",
    "google/protobuf",
    "detect_secrets",
    "pygments",
    "requests",
    "urllib3",
    "dateutil",
    "fastavro",
    "grpc",
]


def make_corpus(dest: str, mb: float) -> int:
    site = sysconfig.get_paths()["purelib"]
    total, budget = 0, mb * 1e6
    for pkg in PACKAGES:
        src = os.path.join(site, pkg)
        if not os.path.isdir(src) or total >= budget:
            continue
        repo = os.path.join(dest, pkg.replace("/", "_"))
        for root, dirs, files in os.walk(src):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for f in sorted(files):
                if not f.endswith((".py", ".pyi", ".c", ".h", ".cc", ".cpp", ".js", ".ts")):
                    continue
                p = os.path.join(root, f)
                if os.path.islink(p) or total >= budget:
                    continue
                rel = os.path.relpath(p, src)
                os.makedirs(os.path.dirname(os.path.join(repo, rel)), exist_ok=True)
                shutil.copyfile(p, os.path.join(repo, rel))
                total += os.path.getsize(p)
    return total


def kept_files(out: str) -> set[tuple[str, str]]:
    """(repo, path) of every file with a piece in the dataset, from the lineage."""
    import pyarrow.parquet as pq

    kept = set()
    for f in sorted(glob.glob(os.path.join(out, "lineage", "*.parquet"))):
        t = pq.read_table(f, columns=["repo", "path"]).to_pydict()
        kept.update(zip(t["repo"], t["path"]))
    return kept


def floor(corpus: str, tok, cfg, kept: set[tuple[str, str]]) -> tuple[float, float, int, int]:
    """Wall and CPU seconds for one parse + one encode of every kept file (decoded as the build decodes),
    its bytes, files."""
    from repoloom.filters.gate import decode
    from repoloom.pipelines.sources import expand_inputs, read_unit
    from repoloom.syntax.languages import detect_language, has_grammar
    from repoloom.syntax.parse import parse_tree

    texts = []
    for unit in expand_inputs([corpus]):
        for f in read_unit(unit, cfg["max_file_bytes"]):
            if hasattr(f, "data") and (f.repo, f.path) in kept:
                t = decode(f.data)
                if t is not None:
                    texts.append((t, detect_language(f.path, t[:256])))
    nbytes = sum(len(t.encode("utf-8", "surrogatepass")) for t, _ in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    for text, lang in texts:
        if has_grammar(lang):
            parse_tree(text, lang)
        tok.encode(text)
    return time.perf_counter() - t0, time.process_time() - c0, nbytes, len(texts)


def stage_times(corpus: str, tok, cfg: dict) -> tuple[list[tuple[str, float]], int]:
    """CPU seconds of each per-file stage of the build, each run alone, in the build's order and batches (each
    phase over a batch of files before the next, as JudgeFiles does), over every file the build reads (a file
    the gate drops costs its gate only); and how many files passed the gate."""
    from repoloom.core.config import section
    from repoloom.filters import gate, minhash, pii
    from repoloom.filters.dedup import DedupConfig
    from repoloom.fim.lines import encode_ids
    from repoloom.fim.pieces import file_pieces, reads_nodes
    from repoloom.fim.split import FimConfig
    from repoloom.pipelines.build import JudgeFiles
    from repoloom.pipelines.config import gate_config
    from repoloom.pipelines.sources import expand_inputs, read_unit
    from repoloom.syntax import fim_nodes, identifiers, imports, tests
    from repoloom.syntax.parse import file_facts, file_queries, has_grammar, parse_tree
    from repoloom.syntax.queries import one_walk

    g, fim, dedup = gate_config(cfg), section(cfg, FimConfig), section(cfg, DedupConfig)
    spent: dict[str, float] = {}

    def timed(name, fn, *a):
        c0 = time.process_time()
        out = fn(*a)
        spent[name] = spent.get(name, 0.0) + time.process_time() - c0
        return out

    def walk(tree, src, lang, path):  # what file_facts runs between the parse and the FIM candidates
        with one_walk(tree, lang, file_queries(lang, path)):
            imports.extract_imports(tree, src, lang, path)
            imports.extract_declarations(tree, src, lang, path)
            tests.test_signals(tree, src, lang, path)
            identifiers.extract_identifiers(tree, src, lang)

    files = [
        f for unit in expand_inputs([corpus]) for f in read_unit(unit, cfg["max_file_bytes"]) if hasattr(f, "data")
    ]
    passed = 0
    for i in range(0, len(files), JudgeFiles.BATCH_FILES):  # phase by phase over each batch, as the build
        judged = []
        for f in files[i : i + JudgeFiles.BATCH_FILES]:
            v = timed(GATE, gate.judge, f.repo, f.path, f.data, f.meta, g)
            if v.reason is None and g.pii.enabled:  # the gate's PII/secrets scan, timed again on its own
                timed(PII, pii.find_pii, v.text, g.pii)
            if v.reason is None:
                judged.append((f, v))
        passed += len(judged)
        kept = []
        for f, v in judged:  # the build encodes a kept file before its parse (so the parse knows what FIM reads)
            text = pii.apply_redactions(v.text, v.findings, g.pii.placeholders) if v.findings else v.text
            whole = timed(FIM_TOKENIZE, encode_ids, tok, text)
            kept.append((text, f, v, whole))
        for text, f, v, whole in kept:
            if has_grammar(v.language):
                tree, src = timed("parse (tree-sitter; the floor's too)", parse_tree, text, v.language)
                timed(
                    "query walk: imports, declarations, test markers, identifiers", walk, tree, src, v.language, f.path
                )
                if reads_nodes(text, whole, f.repo, f.path, tok, fim, cfg["seq_len"], cfg["seed"]):
                    timed("FIM candidate nodes (where FIM reads them)", fim_nodes.candidates, tree, src, v.language)
        facts = [file_facts(f.repo, f.path, text, v.language, f.meta) for text, f, v, _ in kept]  # not timed: its
        for (text, f, v, whole), fa in zip(kept, facts):  # parts are, above
            timed(FIM_TOKENIZE, file_pieces, text, fa, tok, fim, cfg["seq_len"], cfg["seed"], whole)
        if dedup.near or dedup.repo_level:
            for text, f, v, _ in kept:
                timed("MinHash signature", minhash.signature, text, dedup, cfg["seed"], v.language)
    spent[GATE] -= spent.get(PII, 0.0)  # judge's time holds the PII scan: shown apart
    return sorted(spent.items(), key=lambda kv: -kv[1]), passed


GATE = "gate: decode, language, quality, safety, decontamination"
FIM_TOKENIZE = "FIM + tokenize (each distinct line encoded once)"
PII = "gate: PII and secrets scan"


def shard_bytes(out: str) -> dict[str, bytes]:
    return {os.path.basename(p): open(p, "rb").read() for p in sorted(glob.glob(os.path.join(out, "*.array_record")))}


def time_pair(corpus: str, model: str, tok, out: str, seq_len: int, cfg: dict, cli) -> tuple[float, float, dict]:
    """One build (timed, one process, defaults) then the floor of the files it kept; prints both and their ratio."""
    t0, c0 = time.perf_counter(), time.process_time()
    rc = cli(["build", "--input", corpus, "--output", out, "--tokenizer", model, "--seq-len", str(seq_len), "--quiet"])
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert rc == 0
    ds = json.load(open(os.path.join(out, "dataset.json")))

    kept = kept_files(out)
    floor_s, floor_cpu, kept_bytes, kept_n = floor(corpus, tok, cfg, kept)
    assert kept_n == ds["files_kept"] == len(kept), (kept_n, ds["files_kept"], len(kept))
    build_mbs = kept_bytes / 1e6 / build_s
    floor_mbs = kept_bytes / 1e6 / floor_s
    print(
        f"build:  {build_s:7.1f}s  {build_mbs:6.2f} MB/s  CPU {build_cpu:7.1f}s  ({ds['files_in']} files in, {ds['files_kept']} kept = "
        f"{kept_bytes / 1e6:.1f} MB, {ds['num_examples']} rows, {ds['tokens']} tokens, padding {100 * ds['padding_share']:.1f}%, one process)"
    )
    print(
        f"floor:  {floor_s:7.1f}s  {floor_mbs:6.2f} MB/s  CPU {floor_cpu:7.1f}s  (one tree-sitter parse + one SentencePiece encode of the same "
        f"{kept_n} kept files, one process)"
    )
    print(f"ratio build/floor: CPU time {build_cpu / floor_cpu:.3f}, wall time {build_s / floor_s:.3f}")
    return build_cpu, floor_cpu, ds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=30.0)
    ap.add_argument(
        "--no-check-workers",
        dest="check_workers",
        action="store_false",
        help="skip the second build with 2 worker processes and its byte comparison",
    )
    ap.add_argument("--seq-len", type=int, default=8192)
    ap.add_argument("--stages", action="store_true", help="then time each per-file stage alone (outside Beam)")
    ap.add_argument("--repeat", type=int, default=1, help="build/floor pairs to time; their median ratio is printed")
    args = ap.parse_args()

    from repoloom.pipelines.config import DEFAULTS
    from repoloom.core.tokenizer import Tokenizer
    from repoloom.pipelines.cli import main as cli

    work = tempfile.mkdtemp(prefix="repoloom-bench-")
    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus)
    nbytes = make_corpus(corpus, args.mb)
    print(f"corpus: {nbytes / 1e6:.1f} MB of installed packages' source ({corpus})")

    model = os.path.join(work, "tok.model")
    t0 = time.perf_counter()
    assert cli(["tokenizer", "train", "--input", corpus, "--vocab-size", "32000", "--output", model]) == 0
    print(f"tokenizer training: {time.perf_counter() - t0:.1f}s (not part of the build timing below)")
    tok = Tokenizer.from_file(model)

    ratios: list[float] = []  # each pair's CPU ratio
    for run in range(max(1, args.repeat)):
        out = os.path.join(work, "out" if run == 0 else f"out-{run}")
        build_cpu, floor_cpu, ds = time_pair(corpus, model, tok, out, args.seq_len, DEFAULTS, cli)
        ratios.append(build_cpu / floor_cpu)
        if run:  # the same job twice in one process: the same rows
            assert shard_bytes(out) == shard_bytes(os.path.join(work, "out")), "a repeated build gave different rows"
    if len(ratios) > 1:
        print(
            f"median ratio build/floor over {len(ratios)} pairs: CPU time {statistics.median(ratios):.3f} "
            f"(pairs: {', '.join(f'{r:.3f}' for r in ratios)})"
        )
    if args.stages:
        stages, passed = stage_times(corpus, tok, DEFAULTS)
        print(
            f"per-file stages, each timed alone outside Beam over the {ds['files_in']} files read ({passed} pass the gate;"
            " floors and the rest from the last pair):"
        )
        for name, cpu in stages:
            print(f"  {cpu:7.1f}s CPU  {cpu / floor_cpu:5.2f} floors  {name}")
        rest = build_cpu - sum(cpu for _, cpu in stages)
        print(
            f"  {rest:7.1f}s CPU  {rest / floor_cpu:5.2f} floors  the rest of the build: reading, Beam's per-element "
            "work, dedup, planning, packing, writing (build CPU minus the stages)"
        )
    if args.check_workers:
        out2 = os.path.join(work, "out2")
        t0 = time.perf_counter()
        assert (
            cli(
                [
                    "build",
                    "--input",
                    corpus,
                    "--output",
                    out2,
                    "--tokenizer",
                    model,
                    "--seq-len",
                    str(args.seq_len),
                    "--quiet",
                    "--direct_num_workers=2",
                    "--direct_running_mode=multi_processing",
                ]
            )
            == 0
        )
        one, two = shard_bytes(out), shard_bytes(out2)
        same = one == two and json.load(open(os.path.join(out2, "stats.json"))) == json.load(
            open(os.path.join(out, "stats.json"))
        )
        print(
            f"2 workers: {time.perf_counter() - t0:.1f}s; shards {'byte-identical' if same else 'DIFFER'} "
            f"to 1 worker ({len(one)} shards, {sum(map(len, one.values())) / 1e6:.1f} MB)"
        )
        assert same, "1 and 2 workers gave different rows"
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
