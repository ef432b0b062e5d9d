"""Training loop, metrics, checkpoints with bit-exact resume, and the command line (train and eval)."""

import json
import os
import shutil

import numpy as np
import pytest

from repoloom.core.config import ConfigError
from repoloom.train import cli, trainer
from repoloom.train.config import build_config
from repoloom.core.layout import FimExample, find_psm_examples

FAST = [
    "train.batch_size=4",
    "train.log_every=1",
    "train.warmup_steps=2",
    "train.lr=3e-3",
    "data.num_threads=2",
    "data.prefetch=16",
]


def _metrics(workdir):
    with open(os.path.join(workdir, "metrics.jsonl")) as f:
        return [json.loads(line) for line in f]


def _leaves(params):
    import jax

    return [np.asarray(x) for x in jax.tree.leaves(params)]


def test_resume_is_bit_for_bit(dataset, tmp_path):
    """6 steps straight == 3 steps, stop, --resume, 3 more: same losses and the same parameters, exactly."""
    sets = FAST + ["train.decay_steps=6", "train.checkpoint_every=3"]
    straight = trainer.train(build_config(sets=sets + ["train.steps=6"]), dataset, str(tmp_path / "a"))
    trainer.train(build_config(sets=sets + ["train.steps=3"]), dataset, str(tmp_path / "b"))
    assert sorted(os.listdir(tmp_path / "b" / "checkpoints")) == ["3"]
    resumed = trainer.train(build_config(sets=sets + ["train.steps=6"]), dataset, str(tmp_path / "b"), resume=True)
    la = [m["loss"] for m in _metrics(tmp_path / "a")]
    lb = [m["loss"] for m in _metrics(tmp_path / "b")]
    assert len(la) == 6 and len(lb) == 6
    assert la == lb  # exact float equality, steps 1-3 from the first run and 4-6 after resuming
    assert len(set(la)) > 1
    for x, y in zip(_leaves(straight["params"]), _leaves(resumed["params"])):
        np.testing.assert_array_equal(x, y)
    assert sorted(os.listdir(tmp_path / "a" / "checkpoints")) == ["3", "6"]
    # A workdir with checkpoints is not silently overwritten.
    with pytest.raises(ConfigError, match="--resume"):
        trainer.train(build_config(sets=sets + ["train.steps=6"]), dataset, str(tmp_path / "a"))


def _lrs(workdir):
    return {m["step"]: m["lr"] for m in _metrics(workdir)}


def test_resume_with_other_steps_keeps_the_schedule_unless_rescheduled(dataset, tmp_path, capsys):
    """4 steps, then --resume --steps 6: the decay ended at step 4 and stays ended (lr at its floor);
    --reschedule instead fits the cosine to the new length."""
    import optax

    base = ["train", "--data", dataset, "--batch-size", "4"] + sum(
        (["--set", s] for s in FAST[1:] + ["train.lr=1e-3"]), []
    )
    assert cli.main(base + ["--steps", "4", "--workdir", str(tmp_path / "kept")]) == 0
    shutil.copytree(tmp_path / "kept", tmp_path / "re")
    assert cli.main(base + ["--steps", "6", "--workdir", str(tmp_path / "kept"), "--resume"]) == 0
    out = capsys.readouterr().out
    assert "schedule kept from the run being resumed; --reschedule" in out
    assert cli.main(base + ["--steps", "6", "--workdir", str(tmp_path / "re"), "--resume", "--reschedule"]) == 0
    kept, re = _lrs(tmp_path / "kept"), _lrs(tmp_path / "re")
    assert list(kept) == list(re) == [1, 2, 3, 4, 5, 6]
    old = optax.warmup_cosine_decay_schedule(0.0, 1e-3, 2, 4, 1e-4)
    new = optax.warmup_cosine_decay_schedule(0.0, 1e-3, 2, 6, 1e-4)
    for step in range(1, 7):
        assert kept[step] == pytest.approx(float(old(step - 1)), rel=1e-6), step
    assert kept[5] == kept[6] == pytest.approx(1e-4)
    for step in (5, 6):
        assert re[step] == pytest.approx(float(new(step - 1)), rel=1e-6) and re[step] > 1.1e-4
    saved = json.load(open(tmp_path / "re" / "schedule.json"))
    assert saved == {"lr": 1e-3, "min_lr_ratio": 0.1, "warmup_steps": 2, "decay_steps": 6}


def test_progress_lines_come_first_then_carry_time_left(dataset, tmp_path):
    """Before the first step (which waits for compilation) the trainer says what it is doing; the
    first step's loss is printed as soon as it is done, before the first log step; log lines carry an ETA."""
    import io

    stream = io.StringIO()
    sets = FAST + ["train.log_every=5", "train.steps=7"]
    trainer.train(build_config(sets=sets), dataset, str(tmp_path / "p"), stream=stream)
    lines = stream.getvalue().splitlines()

    def at(prefix):
        return next(i for i, line in enumerate(lines) if line.startswith(prefix))

    assert (
        at("repoloom train: preset tiny")
        < at("  schedule: warm-up 2 steps")
        < at("step 0/7: compiling")
        < at("step 1/7  loss ")
    )
    assert "first step took" in lines[at("step 1/7")]
    assert at("step 1/7") < at("step 5/7  loss") < at("step 7/7  loss") < at("done: step 7")
    assert "ETA " in lines[at("step 5/7")] and "ETA 0s" in lines[at("step 7/7")]
    assert [m["step"] for m in _metrics(tmp_path / "p")] == [5, 7]  # metrics.jsonl keeps its log steps


def test_cli_train_lowers_loss_then_eval(dataset, tmp_path, capsys):
    work = str(tmp_path / "run")
    rc = cli.main(
        ["train", "--data", dataset, "--preset", "tiny", "--steps", "60", "--batch-size", "8", "--workdir", work]
        + sum(
            (
                ["--set", s]
                for s in ["train.log_every=10", "train.warmup_steps=5", "train.lr=5e-3", "data.heldout_fraction=0.1"]
            ),
            [],
        )
    )
    out = capsys.readouterr().out
    assert rc == 0
    assert os.path.join(work, "checkpoints") in out and os.path.join(work, "metrics.jsonl") in out
    ms = _metrics(work)
    assert [m["step"] for m in ms] == [10, 20, 30, 40, 50, 60]
    assert ms[-1]["loss"] < ms[0]["loss"] - 1.0, [m["loss"] for m in ms]
    assert all(m["tokens_per_s"] > 0 and m["fim_loss"] is not None for m in ms)
    assert all(k in ms[0] for k in ("lr", "grad_norm", "mfu", "data_wait_frac"))
    cfg = json.load(open(os.path.join(work, "config.json")))
    assert cfg["model"]["vocab_size"] == 512 and cfg["config"]["train"]["steps"] == 60

    rc = cli.main(
        [
            "eval",
            "--data",
            dataset,
            "--workdir",
            work,
            "--set",
            "eval.fim_examples=4",
            "--set",
            "eval.max_new_tokens=16",
        ]
    )
    out = capsys.readouterr().out
    assert rc == 0 and "fim exact match" in out
    res = json.load(open(os.path.join(work, "eval-60.json")))
    n = json.load(open(os.path.join(dataset, "dataset.json")))["num_examples"]
    assert "last" in res["heldout"] and res["rows"] == round(n * 0.1)
    assert 0 < res["loss"] < ms[0]["loss"] and res["fim_loss"] is not None
    assert 2 <= res["fim_examples"] <= 4 and 0.0 <= res["fim_exact_match"] <= 1.0


def test_cli_errors(dataset, tmp_path, capsys):
    work = str(tmp_path / "w")
    cases = [
        (["train", "--data", str(tmp_path / "missing"), "--workdir", work], "does not exist"),
        (["train", "--data", str(tmp_path), "--workdir", work], "no dataset.json"),
        (["train", "--data", dataset, "--workdir", work, "--preset", "gpt5"], "unknown preset 'gpt5'"),
        (["train", "--data", dataset, "--workdir", work, "--set", "train.nope=1"], "unknown config key 'train.nope'"),
        (["train", "--data", dataset, "--workdir", work, "--set", "mesh.fsdp=3"], "mesh"),
        (["eval", "--data", dataset, "--workdir", work], "config.json"),
    ]
    for argv, msg in cases:
        assert cli.main(argv) == 2, argv
        err = capsys.readouterr().err
        assert msg in err, (argv, err)
    assert cli.main(["bogus"]) == 2


def test_find_psm_examples():
    sp = {"bos": 2, "eos": 1, "pad": 0, "fim_prefix": 4, "fim_middle": 5, "fim_suffix": 6, "file_separator": 7}
    P, M, S, F, E, B = 4, 5, 6, 7, 1, 2
    row = [
        B,
        20,
        21,
        P,
        30,
        31,
        S,
        40,
        M,
        50,
        51,
        F,  # file a.py↵ (20 21) PSM
        22,
        P,
        S,
        41,
        M,
        30,
        52,
        F,  # SPM (prefix empty or joined): skipped
        23,
        P,
        32,
        S,
        42,
        M,
        53,
        E,  # PSM ended by eos
        B,
        24,
        P,
        33,
        S,
        43,
        M,
        54,
    ]  # middle cut by the row end: skipped
    seg = [1] * 28 + [2] * 8
    got = find_psm_examples(row, seg, sp)
    assert got == [FimExample([20, 21], [30, 31], [40], [50, 51]), FimExample([23], [32], [42], [53])]
    assert got[0].prompt(sp) == [B, 20, 21, P, 30, 31, S, 40, M]


def test_eval_uses_validation_shards(dataset_val, tmp_path):
    from repoloom.train.evaluate import evaluate, load_run_config

    work = str(tmp_path / "v")
    trainer.train(build_config(sets=FAST + ["train.steps=2"]), dataset_val, work)
    cfg = load_run_config(work)
    res = evaluate(cfg, dataset_val, work)
    assert res["heldout"] == "validation shards (16 rows)" and res["rows"] == 16 and res["step"] == 2
    assert res["loss"] > 0 and res["tokens"] > 16


def test_greedy_generate_matches_step_by_step_argmax(dataset):
    """The jitted decode loop (batched, prompts of different lengths) == argmax one token at a time."""
    import jax
    import jax.numpy as jnp
    from flax import nnx

    from repoloom.train import data as data_lib
    from repoloom.train.evaluate import greedy_generate

    info = data_lib.load_dataset_info(dataset)
    setup, params, _ = trainer.init_state(build_config(), info)
    prompts = [[2, 40, 41, 4, 50, 6, 60, 5], [2, 70, 4, 6, 5], [2, 33, 34, 35, 36, 37, 4, 38, 6, 39, 5]]
    max_new, L = 6, 32
    got = greedy_generate(setup, params, prompts, max_new, stop_ids={1}, vocab_limit=info.vocab_size, batch=2)

    model = nnx.merge(setup.graphdef, params)
    fwd = jax.jit(lambda t, s: model(t, jnp.arange(L)[None], s))
    for p, g in zip(prompts, got):
        seq = list(p)
        for _ in range(max_new):
            toks = np.zeros((1, L), np.int32)
            toks[0, : len(seq)] = seq
            seg = (np.arange(L) < len(seq)).astype(np.int32)[None]
            nxt = int(np.argmax(np.asarray(fwd(toks, seg))[0, len(seq) - 1, : info.vocab_size]))
            if nxt == 1:
                break
            seq.append(nxt)
        assert g == seq[len(p) :]
    assert sum(len(g) for g in got) >= max_new  # something was generated
