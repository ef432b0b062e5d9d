"""What the launcher does around the Beam job: tokenizer choice, output directory, and the
final dataset.json and summary from the job's stats.json."""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

from apache_beam.io.filesystems import FileSystems

from repoloom import __version__
from repoloom.core import counters as C
from repoloom.core.config import section
from repoloom.core.tokenizer import Tokenizer, TokenizerConfig, train_tokenizer
from repoloom.pipelines import sink
from repoloom.pipelines.config import OutputConfig, gate_config
from repoloom.pipelines.sink import num_shards
from repoloom.fim.stats import summarize as fim_summary
from repoloom.pipelines.report import derived, write_report
from repoloom.pipelines.sources import Unit
from repoloom.pipelines.tokenizer_sample import sample_texts

OUTPUT_ARTIFACTS = ("dataset.json", "stats.json", "tokenizer.model", "report.md", "run.json")


@contextlib.contextmanager
def memoized_dofn_specs():
    """While the job is built and run in this process, Beam's ``userstate.get_dofn_specs`` answers each
    DoFn object once. Beam asks it a dozen times per ParDo (runner overrides, translation, every bundle
    processor), and each answer inspects the signature of every method the DoFn has: some 40,000
    ``inspect.signature`` calls, about a third of the job's fixed cost. The answer depends only on the
    DoFn's methods, so a repeat for the same object is the same answer (a fresh copy of its two sets)."""
    from apache_beam.transforms import userstate

    original = getattr(userstate, "get_dofn_specs", None)
    if original is None:  # another Beam: nothing to speed up
        yield
        return
    memo: dict[int, tuple[Any, tuple[set, set]]] = {}

    def get_dofn_specs(dofn):
        hit = memo.get(id(dofn))
        if hit is None or hit[0] is not dofn:  # the object is held, so its id is not reused while memoized
            hit = memo[id(dofn)] = (dofn, original(dofn))
        return set(hit[1][0]), set(hit[1][1])

    userstate.get_dofn_specs = get_dofn_specs
    try:
        yield
    finally:
        userstate.get_dofn_specs = original


@contextlib.contextmanager
def fewer_gc_passes(threshold: int = 50_000):
    """While the job runs in this process, Python's cycle collector runs every ``threshold`` allocations
    instead of every 700, and what was alive before (modules, Beam's graph) is frozen out of its scans:
    the job allocates a few objects per token range and file, almost none of them in cycles, so the
    default threshold spends about 2% of a build's CPU re-scanning live objects for garbage it rarely
    finds. Cycles are still collected, just in larger batches. Restored afterwards."""
    import gc

    before = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def direct_runner():
    """Beam's DirectRunner without its first step: since Beam 2.6x the DirectRunner first tries the Prism
    runner, which downloads a Go binary from GitHub. Nothing may download at run time: offline the attempt
    fails and falls back (a failed job-server start on every build), online the job would run on a binary
    fetched mid-build. ``is_interactive()`` is the DirectRunner's own switch that skips Prism (Interactive
    Beam sets it; in Beam 2.77 it changes nothing else), so the job runs on the in-process FnApiRunner,
    exactly as after a failed Prism attempt (--direct_num_workers and --direct_running_mode included)."""
    from apache_beam.runners.direct.direct_runner import DirectRunner

    runner = DirectRunner()
    runner.is_interactive()
    return runner


def prepare_tokenizer(units: list[Unit], cfg: dict, model_path: str | None, log=print) -> bytes:
    if model_path:
        data = sink.read_bytes(model_path)
        Tokenizer(data)  # fails with a clear message if a required piece is missing
        return data
    t0 = time.time()
    t = section(cfg, TokenizerConfig)
    texts = sample_texts(units, t, gate_config(cfg), cfg["seed"])
    data = train_tokenizer(texts, t.vocab_size)
    log(
        f"trained a tokenizer on {len(texts)} files ({sum(map(len, texts)) / 1e6:.1f} M chars) in {time.time() - t0:.1f}s; "
        f"vocabulary {Tokenizer(data).vocab_size}"
    )
    return data


def expected_shards(cfg: dict, stats: dict, split: str) -> list[str]:
    rows = int(C.ROWS.get(stats, split))
    if split != "train" and rows == 0:
        return []
    n = num_shards(section(cfg, OutputConfig), split, rows)
    return [sink.shard_name(split, i, n) for i in range(n)]


def finalize(out_dir: str, cfg: dict, tok: Tokenizer, extra: dict | None = None) -> dict[str, Any]:
    """Write empty shards the job had no rows for, then dataset.json (with ``extra`` keys); returns its content."""
    stats = json.loads(sink.read_bytes(sink.join(out_dir, "stats.json")))
    C.check(stats)  # every counter a stage produced is declared (a misspelt name fails the build here)
    from repoloom.pipelines.sink import write_lineage
    from repoloom.pipelines.unique_paths import identity_mismatch

    if mismatch := identity_mismatch(stats):
        raise RuntimeError(f"the build broke its identity invariant: {mismatch}")

    shards = {s: expected_shards(cfg, stats, s) for s in ("train", "validation")}
    for names in shards.values():
        for name in names:
            path = sink.join(out_dir, name)
            if not FileSystems.exists(path):
                sink.write_array_record(path, [])
                write_lineage(sink.join(out_dir, f"lineage/{name[: -len('.array_record')]}.parquet"), [])
    dropped = C.DROPPED.items(stats)
    rows, tokens, padding = C.ROWS.total(stats), C.TOKENS.total(stats), C.PADDING.total(stats)
    dataset = {
        "version": __version__,
        "seq_len": cfg["seq_len"],
        "vocab_size": tok.vocab_size,
        "special_tokens": dict(tok.special_ids),
        "tokenizer": "tokenizer.model",
        "num_examples": rows,
        "num_train_examples": C.ROWS.get(stats, "train"),
        "num_validation_examples": C.ROWS.get(stats, "validation"),
        "shards": shards["train"],
        "validation_shards": shards["validation"],
        "lineage": "lineage/",
        "drops": "drops/",
        "files_in": stats.get(C.FILES_IN, 0),
        "files_kept": stats.get(C.FILES_KEPT, 0),
        "dropped": dict(sorted(dropped.items())),
        "tokens": tokens,
        "padding_tokens": padding,
        "padding_share": padding / (tokens + padding) if tokens + padding else 0.0,
        "record_format": {
            "type": "tf.train.Example",
            "features": ["targets", "targets_segment_ids", "targets_positions"],
            "array_record_options": sink.ARRAY_RECORD_OPTIONS,
        },
        "summary": {"fim": fim_summary(stats), **derived(stats)},
        "config": cfg,
        **(extra or {}),
    }
    sink.write_json(sink.join(out_dir, "dataset.json"), dataset)
    write_report(out_dir, dataset, stats)
    return dataset


def write_run_info(out_dir: str, argv: list[str], runner: str, options, seconds: float) -> None:
    """run.json: how this run was made (command line, runner and its options, time). Everything else in the
    output directory depends only on inputs, config and seed, so it is byte-identical across runners."""
    sink.write_json(
        sink.join(out_dir, "run.json"),
        {
            "version": __version__,
            "command": argv,
            "runner": runner,
            "pipeline_options": options.get_all_options(drop_default=True),
            "finished_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "seconds": round(seconds, 1),
        },
    )


def summary_lines(ds: dict, stats: dict, out_dir: str, seconds: float) -> list[str]:
    lines = [
        f"files in {ds['files_in']}, kept {ds['files_kept']}, dropped {sum(ds['dropped'].values())}"
        + (
            " (" + ", ".join(f"{k} {v}" for k, v in sorted(ds["dropped"].items(), key=lambda kv: -kv[1])) + ")"
            if ds["dropped"]
            else ""
        ),
        f"examples {ds['num_examples']} of {ds['seq_len']} tokens in {len(ds['shards'])} train + {len(ds['validation_shards'])} validation shards",
        f"tokens {ds['tokens']}, padding {ds['padding_tokens']} ({100 * ds['padding_share']:.1f}% of row space)",
        *([("  " + ", ".join(f"{k} {v:.3g}" for k, v in sorted(d.items())))] if (d := derived(stats)) else []),
        f"output {out_dir} ({seconds:.1f}s); report {out_dir.rstrip('/')}/report.md",
        f"inspect: repoloom inspect {out_dir} --example 0",
    ]
    if ds["files_in"] != ds["files_kept"] + sum(ds["dropped"].values()):
        lines.append("WARNING: accounting mismatch: files_in != kept + dropped")
    return lines
