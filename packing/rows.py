"""Segments into fixed-length rows: best-fit-decreasing bin packing, then padding.

Best-fit packing (Ding et al. 2024) never cuts a segment; each segment is at
most seq_len tokens already, so every segment lands whole in one row.
"""
from __future__ import annotations

import bisect
from typing import Sequence


def best_fit_decreasing(lengths: Sequence[int], capacity: int) -> list[list[int]]:
    """Indices of items per bin. Ties break by index, so the result is deterministic."""
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    bins: list[list[int]] = []
    free: list[tuple[int, int]] = []  # sorted (remaining capacity, bin number)
    for i in order:
        n = lengths[i]
        if n > capacity:
            raise ValueError(f"item of {n} tokens exceeds capacity {capacity}")
        k = bisect.bisect_left(free, (n, -1))
        if k < len(free):
            rem, b = free.pop(k)
            bins[b].append(i)
            if rem - n > 0:
                bisect.insort(free, (rem - n, b))
        else:
            bins.append([i])
            if capacity - n > 0:
                bisect.insort(free, (capacity - n, len(bins) - 1))
    return bins


def make_row(segments: Sequence[Sequence[int]], seq_len: int, pad_id: int) -> tuple[list[int], list[int], list[int]]:
    """targets, segment ids (1.. per segment, 0 = padding) and positions (restarting per segment)."""
    targets: list[int] = []
    seg_ids: list[int] = []
    positions: list[int] = []
    for k, seg in enumerate(segments, start=1):
        targets.extend(seg)
        seg_ids.extend([k] * len(seg))
        positions.extend(range(len(seg)))
    pad = seq_len - len(targets)
    if pad < 0:
        raise ValueError(f"row of {len(targets)} tokens exceeds seq_len {seq_len}")
    return targets + [pad_id] * pad, seg_ids + [0] * pad, positions + [0] * pad
