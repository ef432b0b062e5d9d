"""Plan one repository from facts only: file order, then segments of at most seq_len tokens."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from repoloom.core.types import FileFacts


@dataclass
class RepoPlan:
    repo: str
    order: list[str]  # paths in final order
    segments: list[list[tuple[str, int]]]  # per segment: (path, piece index) in order
    stats: dict[str, Any] = field(default_factory=dict)


def order_files(facts: list[FileFacts], cfg: dict) -> tuple[list[str], dict[str, Any]]:
    """Path order (dependency order and test placement refine this)."""
    return sorted(f.path for f in facts), {}


def cut_segments(order: list[str], piece_lengths: dict[str, list[int]], seq_len: int) -> list[list[tuple[str, int]]]:
    """Greedy cut at file boundaries: a segment is <bos> piece (<sep> piece)* <eos>."""
    segments: list[list[tuple[str, int]]] = []
    cur: list[tuple[str, int]] = []
    used = 2
    for path in order:
        for i, n in enumerate(piece_lengths[path]):
            need = n + (1 if cur else 0)
            if cur and used + need > seq_len:
                segments.append(cur)
                cur, used, need = [], 2, n
            cur.append((path, i))
            used += need
    if cur:
        segments.append(cur)
    return segments


def plan_repository(repo: str, items: list[tuple[FileFacts, list[int]]], cfg: dict) -> RepoPlan:
    """items: (facts, token length of each piece) per kept file of the repository."""
    facts = [f for f, _ in items]
    lengths = {f.path: lens for f, lens in items}
    order, stats = order_files(facts, cfg)
    segments = cut_segments(order, lengths, cfg["seq_len"])
    return RepoPlan(repo, order, segments, stats)
