"""Trainer throughput on this machine: the loss curve of the tiny preset, training tokens/s, and the
tokens/s that the grain input pipeline delivers alone (the headroom the trainer has on input); how soon
the trainer prints (its first line, the line before compiling, the first step's loss) against the time to
its first log step; and the memory of the compiled train step with the cross-entropy in chunks against
all positions at once (seq_len 2048, a 4000-token vocabulary: the old demo's sizes).

    python benchmarks/train_throughput.py [--steps 300] [--batch-size 8] [--seq-len 256] [--preset tiny]

The dataset is built from installed Python sources with the record codec
(``repoloom.train.devdata``: real code, FIM on half the files, packed rows in
ArrayRecord shards), so the input pipeline does the same work as on a real
build's output. Runs in a couple of minutes on 2 CPU cores.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--log-every", type=int, default=25)
    ap.add_argument("--pipeline-batches", type=int, default=300)
    ap.add_argument(
        "--lines-per-file", type=int, default=8, help="source files are cut into pseudo-files of this many lines"
    )
    ap.add_argument("--heldout", type=float, default=0.05, help="share of rows held out for eval")
    ap.add_argument("--no-eval", action="store_true", help="skip held-out eval + FIM exact match at the end")
    ap.add_argument("--set", action="append", default=[], help="extra config overrides key=value")
    args = ap.parse_args(argv)

    import jax

    from repoloom.train import data as data_lib
    from repoloom.train import trainer
    from repoloom.train.config import build_config
    from repoloom.train.devdata import build_dataset

    tmp = tempfile.mkdtemp(prefix="repoloom-bench-")
    data_dir, work = os.path.join(tmp, "data"), os.path.join(tmp, "run")
    t0 = time.perf_counter()
    meta = build_dataset(
        data_dir,
        seq_len=args.seq_len,
        vocab_size=1024,
        max_files=40,
        fim_rate=0.5,
        num_shards=4,
        lines_per_file=args.lines_per_file,
    )
    print(
        f"dataset: {meta['num_examples']} rows of {args.seq_len} tokens, vocab {meta['vocab_size']}, "
        f"{len(meta['shards'])} shards, built in {time.perf_counter() - t0:.1f}s ({data_dir})"
    )
    print(
        f"jax {jax.__version__}, backend {jax.default_backend()}, {len(jax.devices())} x {jax.devices()[0].device_kind}, "
        f"{os.cpu_count()} CPU cores"
    )

    cfg = build_config(
        sets=[
            f"train.steps={args.steps}",
            f"train.batch_size={args.batch_size}",
            f"train.log_every={args.log_every}",
            "train.lr=3e-3",
            "train.warmup_steps=20",
            f"train.checkpoint_every={args.steps}",
            f"model.preset={args.preset}",
            f"data.heldout_fraction={args.heldout}",
            *args.set,
        ]
    )
    info = data_lib.load_dataset_info(data_dir)

    # 0. Parse cost alone, for reference (before any grain threads run).
    train_ds, _, _ = data_lib.splits(info, cfg["data"])
    raws = [train_ds[i] for i in range(min(500, len(train_ds)))]
    parse = data_lib.ParseRow(info.seq_len, info.special)
    t0 = time.perf_counter()
    for r in raws:
        parse(r)
    print(f"  parse + FIM mask alone: {(time.perf_counter() - t0) / len(raws) * 1e6:.0f} us/row")
    # 1. The input pipeline alone (same config as training: shuffle, parse, FIM mask, batch, prefetch).
    it = iter(data_lib.train_dataset(info, cfg, args.batch_size))
    for _ in range(10):
        next(it)
    t0 = time.perf_counter()
    for _ in range(args.pipeline_batches):
        next(it)
    dt = time.perf_counter() - t0
    pipe_tps = args.pipeline_batches * args.batch_size * args.seq_len / dt
    print(
        f"input pipeline alone: {pipe_tps:,.0f} tokens/s ({args.pipeline_batches * args.batch_size / dt:,.0f} rows/s)"
    )
    del it

    # 2. Training; the stream stamps each line with the seconds since train() was called.
    t0 = time.perf_counter()
    stamped = StampedStream(sys.stderr, t0)
    res = trainer.train(cfg, data_dir, work, stream=stamped)
    wall = time.perf_counter() - t0
    with open(os.path.join(work, "metrics.jsonl")) as f:
        ms = [json.loads(line) for line in f]
    print(
        f"\ntraining: preset {args.preset} ({res['setup'].model_cfg.param_count() / 1e6:.2f}M params), "
        f"batch {args.batch_size} x {args.seq_len} tokens, {args.steps} steps in {wall:.1f}s wall (compile included)"
    )
    print("loss curve (train loss averaged over each window of steps; fim = FIM-middle tokens only):")
    print(f"{'step':>6} {'loss':>8} {'fim':>8} {'tok/s':>10} {'mfu':>7}")
    for m in ms:
        tps = f"{m['tokens_per_s']:,.0f}" if m["tokens_per_s"] else "-"
        fim = f"{m['fim_loss']:.3f}" if m["fim_loss"] is not None else "-"
        mf = f"{100 * m['mfu']:.1f}%" if m.get("mfu") else "-"
        print(f"{m['step']:>6} {m['loss']:>8.3f} {fim:>8} {tps:>10} {mf:>7}")
    tps = [m["tokens_per_s"] for m in ms if m["tokens_per_s"]]
    train_tps = statistics.median(tps)
    waits = [m["data_wait_frac"] for m in ms if m.get("data_wait_frac") is not None]
    print(f"\ntraining tokens/s (median over windows): {train_tps:,.0f}")
    print(f"input pipeline tokens/s alone:           {pipe_tps:,.0f}")
    print(f"headroom (pipeline / training):          {pipe_tps / train_tps:.1f}x")
    mfus = [m["mfu"] for m in ms if m.get("mfu")]
    if mfus:
        print(
            f"MFU (median over windows, vs peak bf16 of {jax.devices()[0].device_kind}): {100 * statistics.median(mfus):.1f}%"
        )
    else:
        print(f"MFU: - (no peak FLOP/s known for {jax.devices()[0].device_kind!r})")
    if waits:
        print(f"share of training wall time spent waiting for data: {100 * statistics.median(waits):.1f}% (median)")
    print(f"loss: first window {ms[0]['loss']:.3f} -> last window {ms[-1]['loss']:.3f}")
    first_log = stamped.first(f"step {args.log_every}/")
    print(
        f"\nfirst line after {stamped.first('repoloom train:'):.2f}s, 'compiling' line after {stamped.first('step 0/'):.2f}s, "
        f"first step's loss after {stamped.first('step 1/'):.1f}s; first log step ({args.log_every}) after {first_log:.1f}s "
        f"(first line / first log step = {stamped.first('repoloom train:') / first_log:.3f})"
    )
    loss_memory(args.batch_size)
    if not args.no_eval:
        from repoloom.train.evaluate import evaluate

        cfg_eval = build_config(
            sets=[
                f"model.preset={args.preset}",
                f"data.heldout_fraction={args.heldout}",
                *args.set,
                "eval.fim_examples=32",
                "eval.max_new_tokens=32",
            ]
        )
        print()
        r = evaluate(cfg_eval, data_dir, work)
        for smp in r["samples"][:2]:
            print(f"  sample: middle {smp['middle']!r} -> generated {smp['generated']!r}")
    return 0


class StampedStream:
    """A text stream that remembers when each line was written (seconds since ``t0``)."""

    def __init__(self, out, t0: float):
        self.out, self.t0, self.lines = out, t0, []

    def write(self, text: str) -> int:
        now = time.perf_counter() - self.t0
        self.lines.extend((now, line) for line in text.splitlines() if line)
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()

    def first(self, prefix: str) -> float:
        return next((t for t, line in self.lines if line.startswith(prefix)), float("nan"))


def loss_memory(batch_size: int, seq_len: int = 2048, vocabs=(4000, 16000)) -> None:
    """Temporary memory of the compiled loss + gradient (XLA's memory analysis), cross-entropy in chunks of
    512 positions vs all at once, at two vocabulary sizes: what the vocabulary adds is the logits' share."""
    import jax
    import jax.numpy as jnp
    from flax import nnx

    from repoloom.train.config import ModelConfig, PRESETS
    from repoloom.train.loss import model_loss_terms
    from repoloom.train.model import Transformer

    ints = jax.ShapeDtypeStruct((batch_size, seq_len), jnp.int32)
    batch = {
        "tokens": ints,
        "positions": ints,
        "segment_ids": ints,
        "fim_mask": jax.ShapeDtypeStruct((batch_size, seq_len), bool),
    }
    temp = {}
    for vocab in vocabs:
        graphdef, params = nnx.split(
            nnx.eval_shape(
                lambda v=vocab: Transformer(ModelConfig(**dict(PRESETS["tiny"], vocab_size=v)), nnx.Rngs(0))
            ),
            nnx.Param,
        )
        for chunk in (0, 512):

            def loss(p, b, chunk=chunk, graphdef=graphdef):
                t = model_loss_terms(nnx.merge(graphdef, p), b, chunk)
                return t["loss_sum"] / jnp.maximum(t["count"], 1.0)

            compiled = jax.jit(jax.value_and_grad(loss)).lower(params, batch).compile()
            temp[vocab, chunk] = compiled.memory_analysis().temp_size_in_bytes / 2**20
    v0, v1 = vocabs
    print(f"loss + gradient temporary memory, tiny preset, batch {batch_size} x {seq_len} (MiB):")
    for chunk, name in ((0, "all positions at once"), (512, "in chunks of 512")):
        print(
            f"  {name:>22}: vocab {v0} {temp[v0, chunk]:.0f}, vocab {v1} {temp[v1, chunk]:.0f} "
            f"(+{temp[v1, chunk] - temp[v0, chunk]:.0f} for {v1 - v0} more tokens)"
        )
    grow = (temp[v1, 512] - temp[v0, 512]) / (temp[v1, 0] - temp[v0, 0])
    print(f"  memory the larger vocabulary adds, chunked / unchunked = {grow:.3f}")


if __name__ == "__main__":
    sys.exit(main())
