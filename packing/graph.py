"""Per-repository dependency graph (networkx) and its linearization.

Foundation version: no edges yet, path order. The dependency-graph issue
replaces build_graph/linearize/cut_segments with import resolution, cycle
breaking, CodeGemma's nearest-first topological order and weakest-edge cuts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from repoloom.core.types import FileFacts


@dataclass
class RepoGraph:
    graph: nx.DiGraph  # importer -> imported
    removed_edges: list[tuple[str, str]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


def build_graph(facts: list[FileFacts], cfg: dict) -> RepoGraph:
    g = nx.DiGraph()
    g.add_nodes_from(sorted(f.path for f in facts))
    return RepoGraph(g)


def linearize(rg: RepoGraph, cfg: dict) -> list[str]:
    return sorted(rg.graph.nodes)


def cut_segments(order: list[str], piece_lengths: dict[str, list[int]], seq_len: int, rg: RepoGraph | None = None) -> list[list[tuple[str, int]]]:
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
