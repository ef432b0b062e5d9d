"""Multi-host start: two JAX processes on this machine (gloo collectives, 2 CPU devices each) coordinated
through JAX_COORDINATOR_ADDRESS / JAX_NUM_PROCESSES / JAX_PROCESS_ID, launched with the real CLI."""

import json
import os
import socket
import subprocess
import sys

import pytest

from repoloom.train import trainer
from repoloom.train.config import build_config

SETS = ["train.log_every=1", "train.warmup_steps=1", "train.lr=3e-3", "data.num_threads=2", "data.prefetch=16"]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_processes_train_like_one(dataset, tmp_path):
    work = str(tmp_path / "mh")
    port = _free_port()
    procs = []
    for i in range(2):
        env = dict(
            os.environ,
            JAX_COORDINATOR_ADDRESS=f"127.0.0.1:{port}",
            JAX_NUM_PROCESSES="2",
            JAX_PROCESS_ID=str(i),
            JAX_PLATFORMS="cpu",
            XLA_FLAGS="--xla_force_host_platform_device_count=2",
        )
        argv = [
            sys.executable,
            "-m",
            "repoloom.train.cli",
            "train",
            "--data",
            dataset,
            "--workdir",
            work,
            "--steps",
            "3",
            "--batch-size",
            "8",
            "--set",
            "mesh.fsdp=2",
        ] + sum((["--set", s] for s in SETS), [])
        procs.append(subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    outs = []
    for p in procs:
        try:
            outs.append(p.communicate(timeout=240)[0])
        except subprocess.TimeoutExpired:
            for q in procs:
                q.kill()
            pytest.fail("multi-process training timed out")
    assert [p.returncode for p in procs] == [0, 0], outs[0][-2000:] + outs[1][-2000:]
    assert "4 cpu device(s), mesh {'data': 2, 'fsdp': 2}" in outs[0] and "2 process(es)" in outs[0]
    assert "step 3/3" not in outs[1]  # only process 0 reports
    # The grain iterator state of each process is saved beside the arrays.
    assert {"process_0-of-2.json", "process_1-of-2.json"} <= set(
        os.listdir(os.path.join(work, "checkpoints", "3", "data"))
    )
    multi = [json.loads(line)["loss"] for line in open(os.path.join(work, "metrics.jsonl"))]
    # One process reading the same global batches (the two halves of the stream interleave) gets the same losses.
    trainer.train(build_config(sets=SETS + ["train.steps=3", "train.batch_size=8"]), dataset, str(tmp_path / "one"))
    single = [json.loads(line)["loss"] for line in open(tmp_path / "one" / "metrics.jsonl")]
    assert multi == pytest.approx(single, rel=2e-5)
