"""The build configuration: defaults, a YAML/JSON file over them, then command-line overrides.

One nested dict; each stage reads its own section. Unknown keys are an error
so a typo never silently falls back to a default.
"""
from __future__ import annotations

import copy
import json
from typing import Any

DEFAULTS: dict[str, Any] = {
    "seed": 0,
    "seq_len": 8192,
    "max_file_bytes": 1_000_000,  # larger files are dropped (file_too_large) before decoding
    "tokenizer": {"vocab_size": 32000, "sample_bytes": 20_000_000, "sample_files": 20000},
    "quality": {"enabled": True, "min_chars": 1, "max_mean_line": 100, "max_line": 1000, "min_alnum": 0.25},
    "pii": {"enabled": True},
    "safety": {"enabled": True},
    "dedup": {"exact": True},
    "fim": {"rate": 0.8, "spm_rate": 0.5, "random_rate": 0.1, "level": "document"},
    "packing": {"buckets": 16},
    "output": {"rows_per_shard": 4096, "num_shards": 0},  # num_shards 0 = from the row count
}


class ConfigError(ValueError):
    pass


def merge(base: dict, over: dict, where: str = "") -> dict:
    out = copy.deepcopy(base)
    for k, v in over.items():
        if k not in out:
            raise ConfigError(f"unknown config key {where + k!r}; known: {sorted(out)}")
        if isinstance(out[k], dict):
            if not isinstance(v, dict):
                raise ConfigError(f"config key {where + k!r} must be a mapping")
            out[k] = merge(out[k], v, f"{where}{k}.")
        else:
            out[k] = v
    return out


def load_config(path: str | None = None, overrides: dict | None = None) -> dict:
    cfg = copy.deepcopy(DEFAULTS)
    if path:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if path.endswith(".json"):
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text) or {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: the config must be a mapping")
        cfg = merge(cfg, data)
    if overrides:
        cfg = merge(cfg, overrides)
    return cfg


def parse_set(items: list[str]) -> dict:
    """Turn ['fim.rate=0.5', 'seq_len=2048'] into a nested dict; values parse as YAML scalars."""
    import yaml

    out: dict = {}
    for item in items or []:
        if "=" not in item:
            raise ConfigError(f"--set expects key=value, got {item!r}")
        key, val = item.split("=", 1)
        node = out
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = yaml.safe_load(val)
    return out
