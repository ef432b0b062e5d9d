"""Choosing a FIM split for one file (or one piece of a long file).

Every decision is a pure function of (seed, repository, path, piece): the same
file gets the same split on any runner, in any order.
"""
from __future__ import annotations

from typing import NamedTuple

from repoloom.core.rand import rng


class FimChoice(NamedTuple):
    mode: str  # "psm" | "spm"
    method: str  # "node" | "span" | "random" | "line"
    start: int  # middle start, character offset in the text given
    end: int  # middle end


def choose(text: str, nodes, cfg: dict, seed: int, repo: str, path: str, piece: int = 0) -> FimChoice | None:
    """Decide whether and where to split ``text``; None means the text stays whole."""
    fim = cfg["fim"]
    if len(text) < 2:
        return None
    r = rng(seed, "fim", repo, path, piece)
    if r.random() >= fim["rate"]:
        return None
    mode = "spm" if r.random() < fim["spm_rate"] else "psm"
    a, b = sorted(r.randrange(len(text) + 1) for _ in range(2))
    if a == b:  # the middle is never empty
        b = min(len(text), a + 1) if a < len(text) else a
        a = b - 1
    return FimChoice(mode, "random", a, b)
