"""Held-out evaluation: loss, FIM-middle loss, and FIM exact match by greedy decoding.

Held-out rows are the dataset's validation shards, or, when dataset.json lists
none, the trailing slice of train rows that training excludes (see
``repoloom.train.data``).

FIM exact match: each held-out PSM example
``path↵<|fim_prefix|>P<|fim_suffix|>S<|fim_middle|>M<|file_separator|>`` found
whole inside one row becomes a prompt in the CodeGemma inference layout
``<bos>path↵<|fim_prefix|>P<|fim_suffix|>S<|fim_middle|>``; the model decodes
greedily until it emits a sentinel or ``<eos>`` (or ``eval.max_new_tokens``),
and the output must equal M exactly (as text, after detokenisation; as tokens
when the data directory has no tokenizer). The examples are found by
``repoloom.core.layout.find_psm_examples`` (SPM bodies are skipped). Only examples whose middle fits in ``eval.max_new_tokens`` tokens are used.
"""

from __future__ import annotations

import json
import os

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx
from jax.sharding import NamedSharding, PartitionSpec as P

from repoloom.core import layout
from repoloom.core.config import ConfigError

from . import data as data_lib
from . import trainer as tr
from .config import DEFAULTS, merge


def make_generate(setup: tr.Setup, buf_len: int, max_new: int, stop_ids, vocab_limit: int):
    graphdef = setup.graphdef
    stops = jnp.asarray(sorted(stop_ids), jnp.int32)
    rep = NamedSharding(setup.mesh, P())

    def gen(params, tokens, lens):
        model = nnx.merge(graphdef, params)
        nrows = tokens.shape[0]
        rows = jnp.arange(nrows)
        pos = jnp.broadcast_to(jnp.arange(buf_len, dtype=jnp.int32), tokens.shape)

        def body(_, carry):
            toks, ln, done = carry
            seg = (pos < ln[:, None]).astype(jnp.int32)
            logits = model(toks, pos, seg)
            last = jnp.take_along_axis(logits, (ln - 1)[:, None, None], axis=1)[:, 0, :vocab_limit]
            nxt = jnp.argmax(last, axis=-1).astype(jnp.int32)
            live = ~done
            toks = toks.at[rows, ln].set(jnp.where(live, nxt, toks[rows, ln]))
            done = done | (live & jnp.isin(nxt, stops))
            ln = ln + live.astype(jnp.int32)
            return toks, ln, done

        return jax.lax.fori_loop(0, max_new, body, (tokens, lens, jnp.zeros((nrows,), bool)))

    return jax.jit(gen, in_shardings=(setup.param_shardings, rep, rep), out_shardings=(rep, rep, rep))


def greedy_generate(
    setup, params, prompts: list[list[int]], max_new: int, stop_ids, vocab_limit: int, batch: int
) -> list[list[int]]:
    """Greedy continuation of each prompt (without the stop token), recomputing the prefix each step."""
    if not prompts:
        return []
    longest = max(len(p) for p in prompts)
    buf = -(-(longest + max_new) // 16) * 16
    fn = make_generate(setup, buf, max_new, stop_ids, vocab_limit)
    rep = NamedSharding(setup.mesh, P())
    outs = []
    for start in range(0, len(prompts), batch):
        chunk = prompts[start : start + batch]
        toks = np.zeros((batch, buf), np.int32)
        lens = np.ones((batch,), np.int32)
        for r, p in enumerate(chunk):
            toks[r, : len(p)] = p
            lens[r] = len(p)
        g = lambda a: jax.make_array_from_process_local_data(rep, a)  # noqa: E731
        with jax.set_mesh(setup.mesh):
            out_t, out_l, _ = fn(params, g(toks), g(lens))
        out_t, out_l = np.asarray(jax.device_get(out_t)), np.asarray(jax.device_get(out_l))
        stops = set(stop_ids)
        for r, p in enumerate(chunk):
            gen = [int(x) for x in out_t[r, len(p) : out_l[r]]]
            if gen and gen[-1] in stops:
                gen = gen[:-1]
            outs.append(gen)
    return outs


def load_run_config(workdir: str) -> dict:
    path = os.path.join(workdir, "config.json")
    if not os.path.isfile(path):
        raise ConfigError(f"{workdir!r} has no config.json: is it the --workdir of a `repoloom train` run?")
    with open(path, encoding="utf-8") as f:
        saved = json.load(f)
    return merge(DEFAULTS, saved["config"])


def evaluate(cfg: dict, data_dir: str, workdir: str, *, step: int | None = None, stream=None) -> dict:
    import sys

    stream = stream or sys.stdout
    info = data_lib.load_dataset_info(data_dir)
    setup, a_params, a_opt = tr.init_state(cfg, info, abstract_only=True)
    mngr = tr.checkpoint_manager(workdir, cfg["train"], read_only=True)
    step = mngr.latest_step() if step is None else step
    if step is None:
        raise ConfigError(f"no checkpoint under {os.path.join(workdir, 'checkpoints')}")
    params, _ = tr.restore_checkpoint(mngr, step, a_params, a_opt)
    mngr.close()
    e = cfg["eval"]
    n_shards = setup.mesh.shape["data"] * setup.mesh.shape["fsdp"]
    n_proc, p_idx = jax.process_count(), jax.process_index()
    bsz = -(-int(e["batch_size"]) // n_shards) * n_shards
    if bsz % n_proc:
        raise ConfigError(f"eval.batch_size {bsz} is not divisible by the {n_proc} processes")
    eval_step = tr.make_eval_step(setup)
    _, held, held_desc = data_lib.splits(info, cfg["data"])
    tot = {"loss_sum": 0.0, "count": 0.0, "fim_loss_sum": 0.0, "fim_count": 0.0}
    rows = 0
    with jax.set_mesh(setup.mesh):
        for b in data_lib.eval_batches(info, cfg, bsz // n_proc, e["max_batches"], p_idx, n_proc):
            t = jax.device_get(eval_step(params, tr.to_global(b, setup.batch_sharding)))
            for k in tot:
                tot[k] += float(t[k])
            rows += int((b["segment_ids"] != 0).any(axis=1).sum())
    # FIM exact match on examples recovered from held-out rows.
    max_new = int(e["max_new_tokens"])
    examples = []
    for r in data_lib.heldout_rows_parsed(info, cfg, limit=len(held)):
        for ex in layout.find_psm_examples(r["tokens"], r["segment_ids"], info.special):
            if 0 < len(ex.middle) <= max_new:
                examples.append(ex)
        if len(examples) >= int(e["fim_examples"]):
            break
    examples = examples[: int(e["fim_examples"])]
    sp = info.special
    stop_ids = {sp["fim_prefix"], sp["fim_middle"], sp["fim_suffix"], sp["file_separator"], sp["eos"]}
    gens = greedy_generate(
        setup, params, [x.prompt(sp) for x in examples], max_new, stop_ids, info.vocab_size, int(e["decode_batch"])
    )
    tok = None
    if info.tokenizer:
        from repoloom.core.tokenizer import Tokenizer

        tok = Tokenizer.from_file(info.tokenizer)
    exact = 0
    samples = []
    for x, g in zip(examples, gens):
        ok = (tok.decode(g) == tok.decode(x.middle)) if tok else (g == x.middle)
        exact += ok
        if tok and len(samples) < 3:
            samples.append({"middle": tok.decode(x.middle), "generated": tok.decode(g), "match": bool(ok)})
    res = {
        "step": int(step),
        "heldout": held_desc,
        "rows": rows,
        "tokens": int(tot["count"]),
        "loss": tot["loss_sum"] / tot["count"] if tot["count"] else None,
        "fim_loss": tot["fim_loss_sum"] / tot["fim_count"] if tot["fim_count"] else None,
        "fim_tokens": int(tot["fim_count"]),
        "fim_examples": len(examples),
        "fim_exact_match": exact / len(examples) if examples else None,
        "fim_compare": "text" if tok else "tokens",
        "samples": samples,
    }
    if p_idx == 0:
        with open(os.path.join(workdir, f"eval-{step}.json"), "w") as f:
            json.dump(res, f, indent=2)
        fl = "-" if res["fim_loss"] is None else f"{res['fim_loss']:.4f}"
        em = "-" if res["fim_exact_match"] is None else f"{100 * res['fim_exact_match']:.1f}%"
        lo = "-" if res["loss"] is None else f"{res['loss']:.4f}"
        print(
            f"repoloom eval: step {step}, held out: {held_desc}\n"
            f"  loss {lo} over {res['tokens']} tokens in {rows} rows\n"
            f"  fim-middle loss {fl} over {res['fim_tokens']} tokens\n"
            f"  fim exact match {em} ({exact}/{len(examples)} PSM examples, greedy, <= {max_new} new tokens)\n"
            f"  written to {os.path.join(workdir, f'eval-{step}.json')}",
            file=stream,
            flush=True,
        )
    return res
