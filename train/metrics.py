"""Throughput and model-FLOPs-utilisation helpers, metric sinks (terminal, JSONL, optional TensorBoard)."""

from __future__ import annotations

import json
import os
import sys
import time

# Peak dense bf16 FLOP/s per JAX device, matched against ``device.device_kind`` (first match wins, so
# more specific names come first). TPU v2/v3 expose one device per core, later TPUs one per chip.
PEAK_BF16_FLOPS: list[tuple[str, float]] = [
    ("tpu v6 lite", 918e12),  # Trillium / v6e
    ("tpu v6e", 918e12),
    ("tpu7x", 2307e12),  # Ironwood
    ("tpu v5 lite", 197e12),  # v5e
    ("tpu v5e", 197e12),
    ("tpu v5p", 459e12),
    ("tpu v5", 459e12),
    ("tpu v4 lite", 137.5e12),  # v4i
    ("tpu v4", 275e12),
    ("tpu v3", 61.5e12),  # per core (123 per chip)
    ("tpu v2", 22.5e12),  # per core
    ("gb200", 2500e12),
    ("b200", 2250e12),
    ("b100", 1750e12),
    ("h200", 989e12),
    ("gh200", 989e12),
    ("h100 pcie", 756e12),
    ("h100 nvl", 835e12),
    ("h100", 989e12),  # SXM
    ("h800", 989e12),
    ("a100", 312e12),
    ("a800", 312e12),
    ("l40s", 362e12),
    ("l4", 121e12),
    ("a10g", 70e12),
    ("a10", 125e12),
    ("v100", 125e12),  # fp16 tensor cores (no bf16)
    ("rtx 4090", 165e12),
    ("rtx 3090", 71e12),
]


def peak_flops(device_kind: str) -> float | None:
    """Peak dense bf16 FLOP/s of one device of this kind, or None when unknown (CPUs, for example)."""
    k = (device_kind or "").lower()
    for name, flops in PEAK_BF16_FLOPS:
        if name in k:
            return flops
    return None


def mfu(flops_per_token: float, tokens_per_s: float, device_kind: str, num_devices: int) -> float | None:
    peak = peak_flops(device_kind)
    if peak is None or num_devices <= 0:
        return None
    return flops_per_token * tokens_per_s / (peak * num_devices)


class MetricsWriter:
    """JSONL in the workdir (always), a progress line on the terminal, TensorBoard if available."""

    def __init__(self, workdir: str, *, enabled: bool = True, tensorboard: str = "auto", stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stdout
        self.path = os.path.join(workdir, "metrics.jsonl")
        self._f = open(self.path, "a", encoding="utf-8") if enabled else None
        self._tb = None
        self.tensorboard_dir = None
        if enabled and tensorboard != "off":
            try:
                from tensorboardX import SummaryWriter  # optional
            except ImportError:
                if tensorboard == "on":
                    print(
                        "metrics.tensorboard=on but tensorboardX is not installed; writing JSONL only", file=self.stream
                    )
            else:
                self.tensorboard_dir = os.path.join(workdir, "tensorboard")
                self._tb = SummaryWriter(self.tensorboard_dir)

    def write(self, step: int, metrics: dict, line: str | None = None) -> None:
        if not self.enabled:
            return
        rec = {"step": int(step), "time": round(time.time(), 3), **{k: _py(v) for k, v in metrics.items()}}
        self._f.write(json.dumps(rec) + "\n")
        self._f.flush()
        if self._tb is not None:
            for k, v in metrics.items():
                if isinstance(v, (int, float)) and v is not None:
                    self._tb.add_scalar(k, v, step)
        if line:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._f:
            self._f.close()
        if self._tb is not None:
            self._tb.close()


def _py(v):
    try:
        import numpy as np

        if isinstance(v, np.generic):
            return v.item()
    except ImportError:  # pragma: no cover
        pass
    return v


def fmt_si(x: float | None) -> str:
    if x is None:
        return "-"
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(x) >= div:
            return f"{x / div:.2f}{unit}"
    return f"{x:.1f}"


def fmt_duration(seconds: float) -> str:
    """4s, 3m05s, 1h02m."""
    s = int(round(max(0.0, seconds)))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"
