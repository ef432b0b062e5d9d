"""Plan one repository from facts only (no text): graph, order, test placement, segments."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from repoloom.core import counters as C
from repoloom.core.types import FileFacts
from repoloom.packing import graph as graphs
from repoloom.packing import testpairs
from repoloom.packing.testpairs import UnitTestsConfig
from repoloom.syntax.resolving import GraphConfig


@dataclass(frozen=True)
class PlanConfig:
    """What planning reads: the sections of the two stages it composes, and the row length segments fit."""

    graph: GraphConfig
    tests: UnitTestsConfig
    seq_len: int


@dataclass
class RepoPlan:
    repo: str
    order: list[str]  # paths in final order
    segments: list[list[tuple[str, int]]]  # per segment: (path, piece index) in order
    edges: list[tuple[str, str]] = field(default_factory=list)
    removed_edges: list[tuple[str, str]] = field(default_factory=list)
    tests: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)  # additive counters, summed over repositories


def plan_repository(repo: str, items: list[tuple[FileFacts, list[int]]], p: PlanConfig) -> RepoPlan:
    """items: (facts, token length of each piece) per kept file of the repository. Planning composes two
    stages, each given its section: the graph (GraphConfig) and test pairing (UnitTestsConfig).

    A rule that raises on one repository's code (a resolver meeting a form nobody wrote a test for) must
    not stop a corpus build: that repository is planned in path order without edges or test pairs, counted
    as plan.failed_repos and logged with the exception. Its files are all still placed."""
    facts = sorted((f for f, _ in items), key=lambda f: f.path)
    lengths = {f.path: lens for f, lens in items}
    try:
        return _graph_plan(repo, facts, lengths, p)
    except Exception:  # noqa: BLE001 - counted and logged; the files are kept in path order
        logging.getLogger(__name__).warning("planning %s failed; planned in path order", repo, exc_info=True)
        return _path_order_plan(repo, facts, lengths, p)


def _graph_plan(repo: str, facts: list[FileFacts], lengths: dict[str, list[int]], p: PlanConfig) -> RepoPlan:
    graph = p.graph
    rg = graphs.build_graph(facts, graph)
    edges = sorted(rg.graph.edges) + sorted(rg.removed_edges)
    order = graphs.linearize(rg, graph)
    pairs = testpairs.pair_tests(facts, rg, p.tests)
    order = testpairs.place_tests(order, pairs, rg)
    segments = graphs.cut_segments(order, lengths, p.seq_len, rg)
    stats = dict(rg.stats)
    stats[C.PLAN_REPOS] = 1
    stats[C.PLAN_FILES] = len(order)
    stats[C.PLAN_SEGMENTS] = len(segments)
    return RepoPlan(repo, order, segments, edges, list(rg.removed_edges), pairs, stats)


def _path_order_plan(repo: str, facts: list[FileFacts], lengths: dict[str, list[int]], p: PlanConfig) -> RepoPlan:
    order = [f.path for f in facts]
    segments = graphs.cut_segments(order, lengths, p.seq_len, graph=p.graph)
    stats = {C.PLAN_REPOS: 1, C.PLAN_FILES: len(order), C.PLAN_SEGMENTS: len(segments), C.PLAN_FAILED_REPOS: 1}
    return RepoPlan(repo, order, segments, stats=stats)
