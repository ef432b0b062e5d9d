"""Presets, config overrides, optimizer schedule, MFU table, multi-host start decisions."""

import pytest

from repoloom.core.config import ConfigError
from repoloom.train.config import PRESETS, build_config, model_config
from repoloom.train.metrics import fmt_duration, mfu, peak_flops
from repoloom.train.trainer import distributed_init_kwargs, make_optimizer, resolve_schedule

# Published parameter counts of Gemma 1 2B / 7B (= CodeGemma 2B / 7B), tied embeddings, vocab 256000.
PUBLISHED = {"codegemma-2b": 2_506_172_416, "codegemma-7b": 8_537_680_896}


@pytest.mark.parametrize("preset", sorted(PUBLISHED))
def test_codegemma_param_counts_with_eval_shape(preset):
    from repoloom.train.model import abstract_param_count

    mc = model_config(build_config(overrides={"model": {"preset": preset}}))
    assert abstract_param_count(mc) == PUBLISHED[preset]
    assert mc.param_count() == PUBLISHED[preset]


def test_codegemma_shapes():
    two, seven = PRESETS["codegemma-2b"], PRESETS["codegemma-7b"]
    assert (
        two["d_model"],
        two["num_layers"],
        two["num_heads"],
        two["num_kv_heads"],
        two["head_dim"],
        two["ffn_dim"],
    ) == (2048, 18, 8, 1, 256, 16384)
    assert (
        seven["d_model"],
        seven["num_layers"],
        seven["num_heads"],
        seven["num_kv_heads"],
        seven["head_dim"],
        seven["ffn_dim"],
    ) == (3072, 28, 16, 16, 256, 24576)
    assert two["vocab_size"] == seven["vocab_size"] == 256000


def test_tiny_takes_dataset_vocab_and_overrides():
    cfg = build_config(sets=["model.num_layers=3", "train.lr=0.01"])
    mc = model_config(cfg, 777)
    assert mc.vocab_size == 777 and mc.num_layers == 3 and mc.d_model == PRESETS["tiny"]["d_model"]
    assert cfg["train"]["lr"] == 0.01


def test_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="unknown preset"):
        build_config(overrides={"model": {"preset": "gemma-99b"}})
    with pytest.raises(ConfigError, match="unknown config key 'train.lrr'"):
        build_config(sets=["train.lrr=1"])
    with pytest.raises(ConfigError, match="key=value"):
        build_config(sets=["train.lr"])
    with pytest.raises(ConfigError, match="positive integer"):
        build_config(sets=["train.steps=0"])
    with pytest.raises(ConfigError, match="train.lr must be a number"):
        build_config(sets=["train.lr=fast"])
    with pytest.raises(ConfigError, match="train.steps must be an integer"):
        build_config(sets=["train.steps=1.5"])
    with pytest.raises(ConfigError, match="data.shuffle must be true or false"):
        build_config(sets=["data.shuffle=maybe"])
    with pytest.raises(ConfigError, match="model.d_model must be an integer"):
        build_config(sets=["model.d_model=big"])
    assert build_config(sets=["train.lr=1", "train.decay_steps=50"])["train"]["lr"] == 1
    assert build_config(sets=["train.lr=1e-3"])["train"]["lr"] == 1e-3
    with pytest.raises(ConfigError, match="multiple of model.num_kv_heads"):
        model_config(build_config(sets=["model.num_kv_heads=3"]), 100)
    with pytest.raises(ConfigError, match="smaller than the dataset"):
        model_config(build_config(sets=["model.vocab_size=10"]), 100)
    f = tmp_path / "c.yaml"
    f.write_text("train:\n  lr: 0.5\nmodel:\n  preset: small\n")
    cfg = build_config(str(f), ["train.lr=0.25"])
    assert cfg["train"]["lr"] == 0.25 and cfg["model"]["preset"] == "small"
    f.write_text("trian:\n  lr: 0.5\n")
    with pytest.raises(ConfigError, match="trian"):
        build_config(str(f))


def test_schedule_warmup_then_cosine():
    cfg = build_config(sets=["train.steps=100", "train.warmup_steps=10", "train.lr=1e-3", "train.min_lr_ratio=0.1"])
    _, sched = make_optimizer(cfg["train"])
    assert float(sched(0)) == 0.0
    assert float(sched(5)) == pytest.approx(5e-4)
    assert float(sched(10)) == pytest.approx(1e-3)
    assert float(sched(55)) == pytest.approx(1e-4 + 0.5 * 9e-4, rel=1e-3)  # cosine midpoint
    assert float(sched(100)) == pytest.approx(1e-4)
    assert float(sched(30)) > float(sched(60)) > float(sched(90))


def test_warmup_defaults_to_a_share_of_the_steps():
    """--steps 100 warms up for 10 steps (not the whole run); long runs are capped; an explicit value wins."""
    cfg = build_config(sets=["train.steps=100", "train.lr=1e-3"])
    _, sched = make_optimizer(cfg["train"])
    assert float(sched(5)) == pytest.approx(5e-4) and float(sched(10)) == pytest.approx(1e-3)
    assert resolve_schedule(cfg["train"])["warmup_steps"] == 10
    assert resolve_schedule(build_config(sets=["train.steps=10"])["train"])["warmup_steps"] == 1
    assert resolve_schedule(build_config(sets=["train.steps=100000"])["train"])["warmup_steps"] == 1000
    assert (
        resolve_schedule(build_config(sets=["train.steps=100", "train.warmup_fraction=0.2"])["train"])["warmup_steps"]
        == 20
    )
    assert (
        resolve_schedule(build_config(sets=["train.steps=100", "train.warmup_steps=3"])["train"])["warmup_steps"] == 3
    )
    with pytest.raises(ConfigError, match="warmup_fraction"):
        build_config(sets=["train.warmup_fraction=1.5"])
    with pytest.raises(ConfigError, match="warmup_steps"):
        build_config(sets=["train.warmup_steps=-1"])


def test_resumed_schedule_is_kept_unless_rescheduled():
    saved = resolve_schedule(build_config(sets=["train.steps=100"])["train"])
    longer = build_config(sets=["train.steps=110", "train.lr=1e-2"])["train"]
    assert resolve_schedule(longer, saved) == saved
    re = resolve_schedule(longer, saved, reschedule=True)
    assert re == {**saved, "decay_steps": 110, "lr": 1e-2}  # the warm-up already done is kept


def test_peak_flops_and_mfu():
    assert peak_flops("NVIDIA H100 80GB HBM3") == 989e12
    assert peak_flops("NVIDIA H100 PCIe") == 756e12
    assert peak_flops("NVIDIA A100-SXM4-40GB") == 312e12
    assert peak_flops("TPU v5 lite") == 197e12
    assert peak_flops("TPU v4") == 275e12
    assert peak_flops("cpu") is None
    assert mfu(1e9, 1e5, "cpu", 1) is None
    assert mfu(1e9, 989e3, "NVIDIA H100 80GB HBM3", 1) == pytest.approx(1.0)
    assert mfu(1e9, 494.5e3, "NVIDIA H100 80GB HBM3", 2) == pytest.approx(0.25)


def test_distributed_start_decision():
    assert distributed_init_kwargs("auto", {}) is None
    assert distributed_init_kwargs("off", {"TPU_WORKER_HOSTNAMES": "a,b"}) is None
    assert distributed_init_kwargs("auto", {"TPU_WORKER_HOSTNAMES": "a,b"}) == {}
    assert distributed_init_kwargs("auto", {"TPU_WORKER_HOSTNAMES": "localhost"}) is None
    assert distributed_init_kwargs("auto", {"SLURM_NTASKS": "4"}) == {}
    assert distributed_init_kwargs("on", {}) == {}
    kw = distributed_init_kwargs(
        "auto",
        {
            "JAX_COORDINATOR_ADDRESS": "10.0.0.1:1234",
            "JAX_NUM_PROCESSES": "4",
            "JAX_PROCESS_ID": "2",
            "JAX_LOCAL_DEVICE_IDS": "0,1",
        },
    )
    assert kw == {
        "coordinator_address": "10.0.0.1:1234",
        "num_processes": 4,
        "process_id": 2,
        "local_device_ids": [0, 1],
    }
    with pytest.raises(ConfigError):
        distributed_init_kwargs("auto", {"JAX_COORDINATOR_ADDRESS": "x:1"})


def test_metrics_writer_jsonl_and_optional_tensorboard(tmp_path, monkeypatch, capsys):
    import json
    import sys
    import types

    from repoloom.train.metrics import MetricsWriter

    calls = []

    class FakeWriter:
        def __init__(self, logdir):
            calls.append(("init", logdir))

        def add_scalar(self, k, v, step):
            calls.append((k, v, step))

        def close(self):
            calls.append(("close",))

    monkeypatch.setitem(sys.modules, "tensorboardX", types.SimpleNamespace(SummaryWriter=FakeWriter))
    w = MetricsWriter(str(tmp_path), tensorboard="auto")
    w.write(5, {"loss": 2.5, "mfu": None}, "step 5 loss 2.5")
    w.close()
    assert json.loads((tmp_path / "metrics.jsonl").read_text())["loss"] == 2.5
    assert ("loss", 2.5, 5) in calls and not any(c[0] == "mfu" for c in calls) and calls[-1] == ("close",)
    assert "step 5 loss 2.5" in capsys.readouterr().out
    monkeypatch.setitem(sys.modules, "tensorboardX", None)  # not installed: JSONL only, no error
    w = MetricsWriter(str(tmp_path / "x"), tensorboard="auto") if (tmp_path / "x").mkdir() is None else None
    assert w.tensorboard_dir is None
    w.close()


def test_compute_dtype_defaults_to_float32_on_cpu():
    import jax
    import jax.numpy as jnp

    from repoloom.train.trainer import compute_dtype

    assert jax.default_backend() == "cpu"
    assert compute_dtype("auto") == jnp.float32
    assert compute_dtype("bfloat16") == jnp.bfloat16 and compute_dtype("float32") == jnp.float32
    with pytest.raises(ConfigError, match="train.dtype"):
        build_config(sets=["train.dtype=float16"])


def test_fmt_duration():
    assert [fmt_duration(x) for x in (0.2, 59.6, 185, 3720)] == ["0s", "1m00s", "3m05s", "1h02m"]
