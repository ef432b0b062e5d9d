"""FSDP + data parallel on 8 simulated CPU devices (in a subprocess, so the flag does not leak)."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from repoloom.train import trainer
from repoloom.train.config import build_config

SETS = [
    "train.batch_size=8",
    "train.steps=3",
    "train.log_every=1",
    "train.warmup_steps=1",
    "train.lr=3e-3",
    "data.num_threads=2",
    "data.prefetch=16",
]

CHILD = textwrap.dedent(
    """
    import json, sys
    import jax
    import numpy as np
    from repoloom.train import trainer
    from repoloom.train.config import build_config
    data_dir, work, sets = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    cfg = build_config(sets=sets + ["mesh.data=2", "mesh.fsdp=4"])
    r = trainer.train(cfg, data_dir, work)
    s = r["setup"]
    params = r["params"]
    flat = {"/".join(str(getattr(k, "key", k)) for k in p): v for p, v in jax.tree_util.tree_leaves_with_path(params)}
    out = {"devices": len(jax.devices()), "mesh": dict(s.mesh.shape), "specs": {}, "shard_shapes": {}}
    for name in ("embed", "layers/0/attn/q", "layers/0/mlp/down", "final_norm/scale"):
        key = [k for k in flat if k.startswith(name)][0]
        out["specs"][name] = str(flat[key].sharding.spec)
        out["shard_shapes"][name] = [list(flat[key].shape), list(flat[key].addressable_shards[0].data.shape)]
    # Optimizer moments: shard like the parameters.
    restored_abstract = trainer.init_state(cfg, trainer.data_lib.load_dataset_info(data_dir), s.mesh, abstract_only=True)[2]
    moments = [a for a in jax.tree.leaves(restored_abstract) if len(a.shape) > 1]
    out["opt_specs"] = sorted({str(a.sharding.spec) for a in moments})
    mngr = trainer.checkpoint_manager(work, cfg["train"])
    _, opt = trainer.restore_checkpoint(mngr, mngr.latest_step(), trainer._abstract(params), restored_abstract)
    big = [x for x in jax.tree.leaves(opt) if x.ndim > 1]
    out["opt_sharded"] = all(x.addressable_shards[0].data.size * 4 == x.size for x in big)
    out["opt_restored_specs"] = sorted({str(x.sharding.spec) for x in big})
    print("RESULT" + json.dumps(out))
    """
)


def test_fsdp_on_8_cpu_devices_matches_one_device(dataset, tmp_path):
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=8", JAX_PLATFORMS="cpu")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, dataset, str(tmp_path / "multi"), json.dumps(SETS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    res = json.loads([l for l in proc.stdout.splitlines() if l.startswith("RESULT")][0][6:])
    assert res["devices"] == 8 and res["mesh"] == {"data": 2, "fsdp": 4}
    assert res["specs"]["embed"] == "P(None, 'fsdp')"
    assert res["specs"]["layers/0/attn/q"] == "P('fsdp', None, None)"
    assert res["specs"]["layers/0/mlp/down"] == "P(None, 'fsdp')"
    full, shard = res["shard_shapes"]["embed"]
    assert shard == [full[0], full[1] // 4]  # each device holds a quarter of the embedding
    assert res["opt_sharded"] and all("fsdp" in s for s in res["opt_restored_specs"])
    assert all("fsdp" in s for s in res["opt_specs"])
    assert "mesh {'data': 2, 'fsdp': 4}" in proc.stdout
    # Same losses as on one device (up to float reassociation in the sharded reductions).
    single = trainer.train(build_config(sets=SETS), dataset, str(tmp_path / "single"))
    multi_losses = [json.loads(l)["loss"] for l in open(tmp_path / "multi" / "metrics.jsonl")]
    single_losses = [json.loads(l)["loss"] for l in open(tmp_path / "single" / "metrics.jsonl")]
    assert multi_losses == pytest.approx(single_losses, rel=2e-5)
    assert single["step"] == 3
