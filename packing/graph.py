"""Per-repository dependency graph (networkx), cycle breaking, CodeGemma's linearization, segment cuts.

- build_graph: imports resolved to files (packing/resolve.py), edge importer -> imported
  weighted by importance; cycles broken by removing the least important edges
  (weighted Eades-Lin-Smyth feedback-arc heuristic per strongly connected
  component, then every removed edge that no longer closes a cycle is put back,
  most important first).
- linearize: dependencies before dependants; among files whose dependencies are
  all placed, the one nearest to the files already placed (shortest-path hops in
  the undirected graph), ties by path. Distances come from an incremental
  multi-source BFS bounded at `graph.distance_bound` hops instead of all-pairs
  shortest paths (cubic): each file's distance can only drop `bound` times, so
  the cost is O(bound * edges). Connected components are laid out one after
  another, in the path order of their first files; files with no edges are
  one-file components, so they fall in path order.
- cut_segments: a dynamic program over piece boundaries that minimises the
  weight of dependency edges crossing a cut (plus a small cost per segment)
  under the seq_len budget, instead of cutting wherever the budget runs out.
- split_for_planning: giant repositories are split by directory into groups of at
  most `graph.max_files_per_plan` files before planning.
"""

from __future__ import annotations

import heapq
from collections import defaultdict, deque
from dataclasses import dataclass, field

import networkx as nx

from repoloom.core import counters as C
from repoloom.syntax.resolving import GraphConfig
from repoloom.core.types import FileFacts
from repoloom.packing.resolve import resolve_repository


@dataclass
class RepoGraph:
    graph: nx.DiGraph  # importer -> imported, edge attribute "weight"; acyclic after build_graph
    removed_edges: list[tuple[str, str]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    removed_weights: dict[tuple[str, str], float] = field(default_factory=dict)
    params: GraphConfig = field(default_factory=GraphConfig)  # the section it was built with (cut_segments reads it)


def build_graph(facts: list[FileFacts], graph: GraphConfig) -> RepoGraph:
    edges, stats = resolve_repository(facts, graph)
    g = nx.DiGraph()
    g.add_nodes_from(sorted(f.path for f in facts))
    for u in sorted(edges):
        for v, w in edges[u].items():
            if v in g and u != v:
                g.add_edge(u, v, weight=w)
    stats[C.GRAPH_FILES] = g.number_of_nodes()
    stats[C.GRAPH_EDGES] = g.number_of_edges()
    stats[C.GRAPH_FILES_WITH_EDGES] = sum(1 for n in g.nodes if g.degree(n))
    removed, cycles = break_cycles(g, graph.readd_budget)
    stats[C.GRAPH_CYCLES_BROKEN] = cycles
    stats[C.GRAPH_REMOVED_EDGES] = len(removed)
    stats[C.GRAPH_EDGES_KEPT] = g.number_of_edges()
    return RepoGraph(g, [(u, v) for u, v, _ in removed], stats, {(u, v): w for u, v, w in removed}, graph)


# ---------------------------------------------------------------- cycles


def _els_order(nodes: list[str], out_adj, in_adj) -> list[str]:
    """Weighted Eades-Lin-Smyth order: most edge weight points forward (importer before imported)."""
    remaining = set(nodes)
    outdeg = {v: len(out_adj[v]) for v in nodes}
    indeg = {v: len(in_adj[v]) for v in nodes}
    delta = {v: sum(out_adj[v].values()) - sum(in_adj[v].values()) for v in nodes}
    sinks = [v for v in nodes if outdeg[v] == 0]
    sources = [v for v in nodes if indeg[v] == 0]
    heapq.heapify(sinks)
    heapq.heapify(sources)
    best = [(-delta[v], v) for v in nodes]
    heapq.heapify(best)
    left: list[str] = []
    right: list[str] = []

    def remove(v: str):
        remaining.discard(v)
        for u, w in in_adj[v].items():
            if u in remaining:
                outdeg[u] -= 1
                delta[u] -= w
                heapq.heappush(best, (-delta[u], u))
                if outdeg[u] == 0:
                    heapq.heappush(sinks, u)
        for x, w in out_adj[v].items():
            if x in remaining:
                indeg[x] -= 1
                delta[x] += w
                heapq.heappush(best, (-delta[x], x))
                if indeg[x] == 0:
                    heapq.heappush(sources, x)

    while remaining:
        if sinks:
            v = heapq.heappop(sinks)
            if v in remaining:
                remove(v)
                right.append(v)
            continue
        if sources:
            v = heapq.heappop(sources)
            if v in remaining:
                remove(v)
                left.append(v)
            continue
        d, v = heapq.heappop(best)
        if v in remaining and -d == delta[v]:
            remove(v)
            left.append(v)
    return left + right[::-1]


def _reaches(adj, src: str, dst: str, budget: list[int]) -> bool:
    seen = {src}
    stack = [src]
    while stack:
        x = stack.pop()
        budget[0] -= 1 + len(adj[x])
        for y in adj[x]:
            if y == dst:
                return True
            if y not in seen:
                seen.add(y)
                stack.append(y)
    return False


def break_cycles(g: nx.DiGraph, readd_budget: int = 300_000) -> tuple[list[tuple[str, str, float]], int]:
    """Make g acyclic in place; returns (removed (u, v, weight), number of cyclic groups broken)."""
    removed: list[tuple[str, str, float]] = []
    groups = 0
    budget = [readd_budget]
    comps = sorted((sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1), key=lambda c: c[0])
    for nodes in comps:
        groups += 1
        members = set(nodes)
        out_adj = {v: {} for v in nodes}
        in_adj = {v: {} for v in nodes}
        for u in nodes:
            for v, data in g.adj[u].items():
                if v in members:
                    out_adj[u][v] = data.get("weight", 1.0)
                    in_adj[v][u] = out_adj[u][v]
        pos = {v: i for i, v in enumerate(_els_order(nodes, out_adj, in_adj))}
        back = sorted(
            ((u, v, w) for u in nodes for v, w in out_adj[u].items() if pos[u] > pos[v]),
            key=lambda e: (-e[2], e[0], e[1]),
        )
        for u, v, _ in back:
            del out_adj[u][v]
        for u, v, w in back:  # put back what no longer closes a cycle, most important first
            if budget[0] > 0 and not _reaches(out_adj, v, u, budget):
                out_adj[u][v] = w
            else:
                removed.append((u, v, w))
    for u, v, _ in removed:
        g.remove_edge(u, v)
    removed.sort(key=lambda e: (e[0], e[1]))
    return removed, groups


# ---------------------------------------------------------------- order


def _undirected(rg: RepoGraph) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    for u, v in list(rg.graph.edges) + list(rg.removed_edges):
        if u != v:
            adj[u].add(v)
            adj[v].add(u)
    return adj


def linearize(rg: RepoGraph, graph: GraphConfig) -> list[str]:
    """CodeGemma's order: dependencies first, nearest-to-placed next, ties by path."""
    g = rg.graph
    bound = int(graph.distance_bound)
    far = bound + 1
    adj = _undirected(rg)
    # connected components, each laid out whole; ordered by their first file to place
    comp_of: dict[str, int] = {}
    comps: list[list[str]] = []
    for start in sorted(g.nodes):
        if start in comp_of:
            continue
        comp_of[start] = len(comps)
        members, queue = [start], deque([start])
        while queue:
            x = queue.popleft()
            for y in adj.get(x, ()):
                if y not in comp_of and y in g:
                    comp_of[y] = len(comps)
                    members.append(y)
                    queue.append(y)
        comps.append(members)
    deps_left = {v: g.out_degree(v) for v in g.nodes}
    order: list[str] = []
    dist: dict[str, int] = {}
    for members in comps:  # already in order of each component's first path
        if len(members) == 1:
            order.append(members[0])
            continue
        ready = [(far, v) for v in members if deps_left[v] == 0]
        heapq.heapify(ready)
        placed: set[str] = set()
        while ready:
            d, v = heapq.heappop(ready)
            if v in placed or d != dist.get(v, far):
                continue
            placed.add(v)
            order.append(v)
            dist[v] = 0
            frontier = [v]
            for hop in range(1, bound + 1):  # bounded, incremental multi-source BFS
                nxt = []
                for x in frontier:
                    for y in adj.get(x, ()):
                        if hop < dist.get(y, far):
                            dist[y] = hop
                            nxt.append(y)
                            if deps_left[y] == 0 and y not in placed:
                                heapq.heappush(ready, (hop, y))
                frontier = nxt
                if not frontier:
                    break
            for u in g.predecessors(v):  # importers of v lose one unplaced dependency
                deps_left[u] -= 1
                if deps_left[u] == 0:
                    heapq.heappush(ready, (dist.get(u, far), u))
        if len(placed) != len(members):  # cannot happen on a DAG; never lose a file
            order.extend(sorted(set(members) - placed))
    return order


# ---------------------------------------------------------------- segments


def cut_segments(
    order: list[str],
    piece_lengths: dict[str, list[int]],
    seq_len: int,
    rg: RepoGraph | None = None,
    graph: GraphConfig | None = None,
) -> list[list[tuple[str, int]]]:
    """Cut the ordered pieces into segments (<bos> piece (<sep> piece)* <eos>, at most seq_len tokens)
    where the fewest and weakest dependency edges cross a cut.

    A piece longer than seq_len - 2 cannot fit any segment; it gets one of its own.
    """
    g = graph if graph is not None else rg.params if rg is not None else GraphConfig()
    items = [(p, i, n) for p in order for i, n in enumerate(piece_lengths.get(p, ()))]
    n = len(items)
    if n == 0:
        _segment_stats(rg, order, [])
        return []
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for k, (p, _, _) in enumerate(items):
        first.setdefault(p, k)
        last[p] = k
    # q[k] = tokens of items[:k] + k; a segment of items j..i-1 uses 1 + q[i] - q[j] tokens
    q = [0] * (n + 1)
    for k, (_, _, m) in enumerate(items):
        q[k + 1] = q[k] + m + 1
    # cost[b]: weight of edges crossing a cut just before item b. An edge whose ends can never
    # share a segment (too far apart) crosses whatever we do, so it does not steer the cuts.
    diff = [0.0] * (n + 2)
    if rg is not None:
        for u, v, w in rg.graph.edges(data="weight", default=1.0):
            if u in first and v in first:
                a, b = (u, v) if first[u] < first[v] else (v, u)
                if 1 + q[first[b] + 1] - q[last[a]] <= seq_len:
                    diff[last[a] + 1] += w
                    diff[first[b] + 1] -= w
    cost = [0.0] * (n + 1)
    run = 0.0
    for b in range(1, n):
        run += diff[b]
        cost[b] = run + (g.split_piece_cost if items[b][0] == items[b - 1][0] else 0.0)
    penalty = float(g.segment_penalty)
    best = [0.0] * (n + 1)
    parent = [0] * (n + 1)
    window: deque[int] = deque()  # candidate starts j, increasing j and increasing best[j] + cost[j]
    lo = 0
    for i in range(1, n + 1):
        j_new = i - 1
        val_new = best[j_new] + cost[j_new]
        while window and best[window[-1]] + cost[window[-1]] > val_new:
            window.pop()
        window.append(j_new)
        while lo < i - 1 and 1 + q[i] - q[lo] > seq_len:
            lo += 1
        while window[0] < lo:
            window.popleft()
        j = window[0]
        parent[i] = j
        best[i] = best[j] + cost[j] + penalty
    bounds = []
    i = n
    while i > 0:
        bounds.append((parent[i], i))
        i = parent[i]
    segments = [[(items[k][0], items[k][1]) for k in range(a, b)] for a, b in reversed(bounds)]
    _segment_stats(rg, order, segments)
    return segments


def segment_tokens(segment: list[tuple[str, int]], piece_lengths: dict[str, list[int]]) -> int:
    return 2 + sum(piece_lengths[p][i] for p, i in segment) + max(0, len(segment) - 1)


def _segment_stats(rg: RepoGraph | None, order: list[str], segments: list[list[tuple[str, int]]]):
    if rg is None:
        return
    span: dict[str, tuple[int, int]] = {}  # a file's pieces are consecutive: first and last segment
    for k, seg in enumerate(segments):
        for p, _ in seg:
            span[p] = (span[p][0], k) if p in span else (k, k)
    pos = {p: k for k, p in enumerate(order)}
    inside = dep_first = 0
    for u, v in rg.graph.edges:
        a, b = span.get(u), span.get(v)
        if a and b and a[0] <= b[1] and b[0] <= a[1]:
            inside += 1
        if u in pos and v in pos and pos[v] < pos[u]:
            dep_first += 1
    rg.stats[C.GRAPH_EDGES_IN_SEGMENT] = inside
    rg.stats[C.GRAPH_EDGES_DEP_FIRST] = dep_first


# ---------------------------------------------------------------- giant repositories


def split_for_planning(paths: list[str], max_files: int) -> list[list[str]]:
    """Split a repository's paths into groups of at most max_files, along directories, in path order.

    A directory that fits stays whole; a larger one is split into its files and
    subdirectories; adjacent small groups are merged back while they fit.
    """
    max_files = max(1, int(max_files))
    paths = sorted(set(paths))
    if len(paths) <= max_files:
        return [paths] if paths else []
    groups: list[list[str]] = []

    def visit(depth: int, files: list[str]):
        if len(files) <= max_files:
            groups.append(files)
            return
        here: list[str] = []
        subs: dict[str, list[str]] = defaultdict(list)
        for p in files:
            parts = p.split("/")
            if len(parts) > depth + 1:
                subs[parts[depth]].append(p)
            else:
                here.append(p)
        entries = sorted([(name, "dir") for name in subs] + [("\0files", "files")])
        for name, kind in entries:
            if kind == "files":
                for k in range(0, len(here), max_files):
                    groups.append(here[k : k + max_files])
            else:
                visit(depth + 1, subs[name])

    visit(0, paths)
    merged: list[list[str]] = []
    for grp in groups:
        if merged and len(merged[-1]) + len(grp) <= max_files:
            merged[-1] = merged[-1] + grp
        else:
            merged.append(list(grp))
    return merged
