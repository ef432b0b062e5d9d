"""Trainer configuration: defaults, model presets, a YAML/JSON file, then ``--set key=value``.

The configuration is one nested dict (like the data build's, see
``repoloom.core.config``); unknown keys are an error so a typo never falls back
to a default silently. ``model`` starts from a preset and any of its fields can
be overridden (``--set model.num_layers=4``).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from repoloom.core.config import ConfigError, merge, parse_set, read_config_file


@dataclasses.dataclass(frozen=True)
class ModelConfig:
    """Shapes of a Gemma-architecture decoder (Gemma 1 / CodeGemma)."""

    vocab_size: int
    d_model: int
    num_layers: int
    num_heads: int
    num_kv_heads: int
    head_dim: int
    ffn_dim: int
    rope_base: float = 10_000.0
    norm_eps: float = 1e-6

    def validate(self) -> None:
        for f in ("vocab_size", "d_model", "num_layers", "num_heads", "num_kv_heads", "head_dim", "ffn_dim"):
            v = getattr(self, f)
            if not isinstance(v, int) or v <= 0:
                raise ConfigError(f"model.{f} must be a positive integer, got {v!r}")
        if self.num_heads % self.num_kv_heads:
            raise ConfigError(
                f"model.num_heads ({self.num_heads}) must be a multiple of model.num_kv_heads ({self.num_kv_heads})"
            )
        if self.head_dim % 2:
            raise ConfigError("model.head_dim must be even (rotary embeddings rotate pairs)")

    def param_count(self) -> int:
        """Exact number of parameters (tied embeddings counted once)."""
        d, h, k, hd, f = self.d_model, self.num_heads, self.num_kv_heads, self.head_dim, self.ffn_dim
        per_layer = d * h * hd * 2 + d * k * hd * 2 + 3 * d * f + 2 * d
        return self.vocab_size * d + self.num_layers * per_layer + d

    def flops_per_token(self, seq_len: int) -> float:
        """Training FLOPs per token: 6·N (forward+backward matmuls, tied unembedding included) + attention
        scores/values 12·L·H·hd·T (the PaLM appendix B formula, causal mask not discounted)."""
        n_matmul = self.param_count() - (2 * self.num_layers + 1) * self.d_model  # norms do no matmul
        return 6.0 * n_matmul + 12.0 * self.num_layers * self.num_heads * self.head_dim * seq_len


# vocab_size None = take it from dataset.json.
PRESETS: dict[str, dict[str, Any]] = {
    # For tests: grouped-query attention (4 query heads over 2 kv heads).
    "tiny": dict(vocab_size=None, d_model=64, num_layers=2, num_heads=4, num_kv_heads=2, head_dim=16, ffn_dim=256),
    # For CPU runs and `make demo`: ~0.5M non-embedding parameters, MQA; pair it with a build of short
    # rows (--seq-len 512) and a small vocabulary, the two sizes that dominate CPU time and memory.
    "cpu": dict(vocab_size=None, d_model=128, num_layers=2, num_heads=4, num_kv_heads=1, head_dim=32, ffn_dim=512),
    # A ~20M-parameter model (with a 32k vocabulary) for quick CPU/GPU experiments.
    "small": dict(vocab_size=None, d_model=256, num_layers=6, num_heads=4, num_kv_heads=1, head_dim=64, ffn_dim=2048),
    # ~180M non-embedding parameters, MQA like codegemma-2b: the mid-sized preset for GPU measurement.
    "mid": dict(vocab_size=None, d_model=1024, num_layers=12, num_heads=8, num_kv_heads=1, head_dim=128, ffn_dim=4096),
    # Published Gemma 1 shapes (gemma_pytorch config.py / the Gemma report, Table 1): 2.51B and 8.54B parameters.
    "codegemma-2b": dict(
        vocab_size=256000, d_model=2048, num_layers=18, num_heads=8, num_kv_heads=1, head_dim=256, ffn_dim=16384
    ),
    "codegemma-7b": dict(
        vocab_size=256000, d_model=3072, num_layers=28, num_heads=16, num_kv_heads=16, head_dim=256, ffn_dim=24576
    ),
}

DEFAULTS: dict[str, Any] = {
    "seed": 0,
    "model": {
        "preset": "tiny",
        # Each of these overrides the preset's value when not None.
        "vocab_size": None,
        "d_model": None,
        "num_layers": None,
        "num_heads": None,
        "num_kv_heads": None,
        "head_dim": None,
        "ffn_dim": None,
        "rope_base": None,
        "norm_eps": None,
    },
    "data": {
        "shuffle": True,
        "num_threads": 8,  # grain read threads
        "prefetch": 256,  # grain prefetch buffer (records)
        "worker_count": 0,  # >0: grain multiprocessing workers (mp_prefetch)
        # Held-out rows when dataset.json lists no validation shards: the LAST rows of the
        # concatenated train shards, excluded from training.
        "heldout_fraction": 0.01,
        "heldout_min_rows": 1,
        "heldout_max_rows": 1024,
    },
    "train": {
        "steps": 1000,
        "batch_size": 8,  # global batch (rows)
        "lr": 3e-4,
        "min_lr_ratio": 0.1,  # cosine decays to lr * min_lr_ratio
        # None = train.warmup_fraction of the schedule's length, at most train.warmup_max_steps.
        "warmup_steps": None,
        "warmup_fraction": 0.1,
        "warmup_max_steps": 1000,
        # None = train.steps. A resumed run keeps the schedule of the run it continues (saved in the
        # workdir) unless --reschedule is given.
        "decay_steps": None,
        "loss_chunk": 512,  # cross-entropy over this many positions at a time (0 = all at once)
        "weight_decay": 0.1,
        "b1": 0.9,
        "b2": 0.95,
        "eps": 1e-8,
        "clip_norm": 1.0,
        "dtype": "auto",  # compute dtype: auto (bfloat16 on GPU/TPU, float32 on CPU), bfloat16, float32
        "log_every": 10,
        "progress_every_s": 30.0,  # a speed + time-left line at least this often between log steps (0 = off)
        "checkpoint_every": 500,
        "keep_checkpoints": 3,
        "async_checkpoint": True,
    },
    "mesh": {"data": -1, "fsdp": 1},  # -1 = all remaining devices
    "distributed": "auto",  # auto | on | off: jax.distributed.initialize()
    "metrics": {"tensorboard": "auto"},  # auto (if tensorboardX is installed) | on | off
    "eval": {
        "batch_size": 8,
        "max_batches": 50,
        "fim_examples": 32,
        "max_new_tokens": 64,
        "decode_batch": 8,
    },
}


NULLABLE_INTS = ("train.decay_steps", "train.warmup_steps")


def build_config(path: str | None = None, sets: list[str] | None = None, overrides: dict | None = None) -> dict:
    """Defaults, then a YAML/JSON file, then a dict of overrides, then ``key=value`` strings."""
    cfg = copy.deepcopy(DEFAULTS)
    if path:
        cfg = merge(cfg, read_config_file(path))
    if overrides:
        cfg = merge(cfg, overrides)
    if sets:
        cfg = merge(cfg, parse_set(sets))
    validate(cfg)
    return cfg


def _check_types(default: dict, cfg: dict, where: str = "") -> None:
    """Values must have the type of their default (ints where ints are expected, ...)."""
    for k, d in default.items():
        v = cfg[k]
        name = where + k
        if isinstance(d, dict):
            _check_types(d, v, name + ".")
        elif isinstance(d, bool):
            if not isinstance(v, bool):
                raise ConfigError(f"{name} must be true or false, got {v!r}")
        elif (
            isinstance(d, int)
            or (d is None and name.startswith("model.") and name not in ("model.rope_base", "model.norm_eps"))
            or name in NULLABLE_INTS
        ):
            if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
                raise ConfigError(f"{name} must be an integer, got {v!r}")
            if v is None and d is not None:
                raise ConfigError(f"{name} must be an integer, got null")
        elif isinstance(d, float) or name in ("model.rope_base", "model.norm_eps"):
            if isinstance(v, str):  # YAML reads 1e-3 (no dot) as a string
                try:
                    v = cfg[k] = float(v)
                except ValueError:
                    pass
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                raise ConfigError(f"{name} must be a number, got {v!r}")
            if v is None and d is not None:
                raise ConfigError(f"{name} must be a number, got null")
        elif isinstance(d, str) and not isinstance(v, str):
            raise ConfigError(f"{name} must be a string, got {v!r}")


def validate(cfg: dict) -> None:
    _check_types(DEFAULTS, cfg)
    if cfg["model"]["preset"] not in PRESETS:
        raise ConfigError(f"unknown preset {cfg['model']['preset']!r}; known: {', '.join(PRESETS)}")
    t = cfg["train"]
    for k in ("steps", "batch_size"):
        if not isinstance(t[k], int) or t[k] <= 0:
            raise ConfigError(f"train.{k} must be a positive integer, got {t[k]!r}")
    for k in ("warmup_steps", "decay_steps", "warmup_max_steps", "loss_chunk"):
        if t[k] is not None and t[k] < 0:
            raise ConfigError(f"train.{k} must be >= 0, got {t[k]!r}")
    if not 0.0 <= t["warmup_fraction"] < 1.0:
        raise ConfigError(f"train.warmup_fraction must be in [0, 1), got {t['warmup_fraction']!r}")
    if t["dtype"] not in ("auto", "bfloat16", "float32"):
        raise ConfigError(f"train.dtype must be auto, bfloat16 or float32, got {t['dtype']!r}")
    if cfg["distributed"] not in ("auto", "on", "off"):
        raise ConfigError(f"distributed must be auto, on or off, got {cfg['distributed']!r}")
    if cfg["metrics"]["tensorboard"] not in ("auto", "on", "off"):
        raise ConfigError("metrics.tensorboard must be auto, on or off")
    for ax in ("data", "fsdp"):
        v = cfg["mesh"][ax]
        if not isinstance(v, int) or (v <= 0 and v != -1):
            raise ConfigError(f"mesh.{ax} must be a positive integer or -1, got {v!r}")


def model_config(cfg: dict, dataset_vocab_size: int | None = None) -> ModelConfig:
    """The preset, with non-None ``model.*`` overrides; a preset without a vocabulary takes the dataset's."""
    m = cfg["model"]
    if m["preset"] not in PRESETS:
        raise ConfigError(f"unknown preset {m['preset']!r}; known: {', '.join(PRESETS)}")
    fields = dict(PRESETS[m["preset"]])
    for k, v in m.items():
        if k != "preset" and v is not None:
            fields[k] = v
    if fields["vocab_size"] is None:
        if dataset_vocab_size is None:
            raise ConfigError(f"preset {m['preset']!r} takes its vocabulary size from the dataset; none given")
        fields["vocab_size"] = int(dataset_vocab_size)
    elif dataset_vocab_size is not None and fields["vocab_size"] < dataset_vocab_size:
        raise ConfigError(
            f"model vocabulary ({fields['vocab_size']}) is smaller than the dataset's ({dataset_vocab_size})"
        )
    mc = ModelConfig(**fields)
    mc.validate()
    return mc
