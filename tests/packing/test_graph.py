"""Graph building, cycle breaking, CodeGemma's order, segment cuts and splitting giant repositories."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from repoloom.syntax.resolving import GraphConfig
from repoloom.pipelines.config import load_config, plan_config
from repoloom.packing import graph as graphs
from repoloom.packing.graph import RepoGraph, break_cycles, cut_segments, linearize, segment_tokens, split_for_planning
from repoloom.packing.plan import plan_repository
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts

CFG = plan_config(load_config())
GRAPH = GraphConfig()


def repo_graph(edges, nodes=(), weights=None) -> RepoGraph:
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    for u, v in edges:
        if u != v:
            g.add_edge(u, v, weight=(weights or {}).get((u, v), 1.0))
    removed, _ = break_cycles(g)
    return RepoGraph(g, [(u, v) for u, v, _ in removed])


def facts_of(files: dict[str, str]):
    return [file_facts("r", p, t, detect_language(p, t)) for p, t in files.items()]


# ---------------------------------------------------------------- cycles


def test_cycle_broken_at_least_important_edge():
    w = {("a", "b"): 3.0, ("b", "c"): 3.0, ("c", "a"): 0.5}
    g = nx.DiGraph()
    for (u, v), x in w.items():
        g.add_edge(u, v, weight=x)
    removed, groups = break_cycles(g)
    assert removed == [("c", "a", 0.5)] and groups == 1
    assert nx.is_directed_acyclic_graph(g)


def test_python_import_cycle_recorded_and_counted():
    rg = graphs.build_graph(
        facts_of(
            {
                "pkg/__init__.py": "from pkg.a import A\nfrom pkg.b import B\n",
                "pkg/a.py": "from pkg.b import B\n\nclass A(B):\n    pass\n",
                "pkg/b.py": "def f():\n    from pkg import a\n    return a\n\nclass B:\n    pass\n",
            }
        ),
        GRAPH,
    )
    assert rg.stats["graph.edges"] == 4
    assert rg.stats["graph.cycles_broken"] == 1 and rg.stats["graph.removed_edges"] == len(rg.removed_edges) >= 1
    assert nx.is_directed_acyclic_graph(rg.graph)
    assert rg.stats["graph.edges_kept"] + rg.stats["graph.removed_edges"] == rg.stats["graph.edges"]


def test_removed_edge_that_closes_no_cycle_is_put_back():
    # two cycles sharing a node; only one edge per cycle may go
    g = nx.DiGraph()
    for u, v in [("a", "b"), ("b", "a"), ("b", "c"), ("c", "b"), ("a", "c")]:
        g.add_edge(u, v, weight=1.0 if (u, v) not in (("b", "a"), ("c", "b")) else 0.1)
    removed, _ = break_cycles(g)
    assert sorted((u, v) for u, v, _ in removed) == [("b", "a"), ("c", "b")]


# ---------------------------------------------------------------- order


def test_order_dependencies_first_nearest_next_ties_by_path():
    rg = repo_graph(
        [("app.py", "b_util.py"), ("app.py", "z_core.py"), ("z_core.py", "z_base.py"), ("b_util.py", "z_base.py")],
        nodes=["readme_alone.py", "0_first.py"],
    )
    order = linearize(rg, GRAPH)
    assert order == ["0_first.py", "z_base.py", "b_util.py", "z_core.py", "app.py", "readme_alone.py"]


def test_nearest_beats_path_order():
    # after base, 'zz_near' (1 hop from base) comes before 'aa_far' (ready but 3 hops away)
    rg = repo_graph(
        [("zz_near.py", "base.py"), ("mid.py", "base.py"), ("mid.py", "x.py"), ("aa_far.py", "x.py")], nodes=[]
    )
    order = linearize(rg, GRAPH)
    assert order.index("zz_near.py") < order.index("aa_far.py")
    assert order[0] == "base.py"


DAG_EDGES = st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=120)


@settings(max_examples=150, deadline=None)
@given(DAG_EDGES, st.integers(1, 30))
def test_order_property_on_random_graphs(pairs, n):
    nodes = [f"d{i % 4}/f{i:02d}.py" for i in range(n)]
    edges = [(nodes[a % n], nodes[b % n]) for a, b in pairs]
    rg = repo_graph(edges, nodes=nodes)
    assert nx.is_directed_acyclic_graph(rg.graph)
    assert set(rg.graph.edges) | set(rg.removed_edges) == {(u, v) for u, v in edges if u != v}
    order = linearize(rg, GRAPH)
    assert sorted(order) == sorted(nodes)  # every file exactly once
    pos = {p: i for i, p in enumerate(order)}
    assert all(pos[v] < pos[u] for u, v in rg.graph.edges)  # kept edges: dependency first
    assert order == linearize(rg, GRAPH)  # deterministic
    # files with no edges keep path order among themselves
    alone = [p for p in order if rg.graph.degree(p) == 0 and not any(p in e for e in rg.removed_edges)]
    assert alone == sorted(alone)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=60))
def test_acyclic_input_loses_no_edge(pairs):
    edges = {(f"f{max(a, b):02d}", f"f{min(a, b):02d}") for a, b in pairs if a != b}  # always points to a lower index
    rg = repo_graph(sorted(edges), nodes=[f"f{i:02d}" for i in range(20)])
    assert rg.removed_edges == [] and set(rg.graph.edges) == edges


# ---------------------------------------------------------------- segments


def test_cut_prefers_weak_boundary_over_budget_end():
    # a <- b strongly, c independent; budget allows a+b+c? no: a+b or b+c only.
    order = ["a", "b", "c"]
    lengths = {"a": [40], "b": [40], "c": [40]}
    rg = repo_graph([("b", "a")], nodes=["c"], weights={("b", "a"): 2.0})
    segs = cut_segments(order, lengths, 90, rg)
    assert segs == [[("a", 0), ("b", 0)], [("c", 0)]]
    rg2 = repo_graph([("c", "b")], nodes=["a"], weights={("c", "b"): 2.0})
    assert cut_segments(order, lengths, 90, rg2) == [[("a", 0)], [("b", 0), ("c", 0)]]  # greedy would cut b|c
    assert rg2.stats["graph.edges_in_segment"] == 1


def test_long_file_pieces_stay_consecutive_and_in_order():
    order = ["big", "small"]
    lengths = {"big": [95, 95, 30], "small": [20]}
    segs = cut_segments(order, lengths, 100, None)
    flat = [x for s in segs for x in s]
    assert flat == [("big", 0), ("big", 1), ("big", 2), ("small", 0)]
    assert all(segment_tokens(s, lengths) <= 100 for s in segs)


def test_piece_longer_than_budget_gets_its_own_segment():
    segs = cut_segments(["a", "huge", "b"], {"a": [5], "huge": [500], "b": [5]}, 100, None)
    assert [("huge", 0)] in segs and sum(len(s) for s in segs) == 3


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 60), min_size=1, max_size=3), min_size=0, max_size=25),
    st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24), st.floats(0.1, 5)), max_size=40),
    st.integers(64, 200),
)
def test_segment_budget_property(piece_lists, raw_edges, seq_len):
    order = [f"f{i:02d}" for i in range(len(piece_lists))]
    lengths = dict(zip(order, piece_lists))
    edges = [(order[a % len(order)], order[b % len(order)]) for a, b, _ in raw_edges] if order else []
    rg = repo_graph(
        edges,
        nodes=order,
        weights={(order[a % len(order)], order[b % len(order)]): w for a, b, w in raw_edges} if order else None,
    )
    segs = cut_segments(order, lengths, seq_len, rg)
    flat = [x for s in segs for x in s]
    assert flat == [(p, i) for p in order for i in range(len(lengths[p]))]  # every piece once, in order
    assert all(s for s in segs)
    for s in segs:
        assert segment_tokens(s, lengths) <= seq_len  # pieces here are at most 60 tokens <= seq_len - 2


# ---------------------------------------------------------------- giant repositories


def test_split_for_planning_bounded_by_directory():
    paths = (
        [f"a/x{i:03d}.py" for i in range(7)]
        + [f"b/c/y{i}.py" for i in range(3)]
        + [f"b/z{i}.py" for i in range(4)]
        + ["top.py"]
    )
    groups = split_for_planning(paths, 5)
    assert sorted(p for g in groups for p in g) == sorted(paths)
    assert all(0 < len(g) <= 5 for g in groups)
    assert any(set(g) >= {"b/c/y0.py", "b/c/y1.py", "b/c/y2.py"} for g in groups)  # a fitting directory stays whole
    assert split_for_planning(paths, 100) == [sorted(paths)]
    assert split_for_planning([], 5) == []


# ---------------------------------------------------------------- whole plans, bad input


def test_plan_repository_end_to_end_and_stats():
    files = {
        "app/__init__.py": "",
        "app/models.py": "class User:\n    pass\n",
        "app/views.py": "from app.models import User\nfrom app import missing\n\ndef index():\n    return User()\n",
        "app/urls.py": "from . import views\nfrom ../../.. import nothing\n",
        "README.md": "# app\n",
    }
    items = [(f, [max(3, f.size // 3)]) for f in facts_of(files)]
    plan = plan_repository("r", items, CFG)
    pos = {p: i for i, p in enumerate(plan.order)}
    assert pos["app/models.py"] < pos["app/views.py"] < pos["app/urls.py"]
    assert ("app/views.py", "app/models.py") in plan.edges and ("app/urls.py", "app/views.py") in plan.edges
    assert plan.stats["graph.files"] == 5 and plan.stats["graph.files_with_edges"] >= 3
    assert plan.stats["graph.edges_in_segment"] == plan.stats["graph.edges_kept"]  # everything fits one segment


def test_one_file_and_no_file_repositories():
    plan = plan_repository("r", [(facts_of({"only.py": "import only\n"})[0], [10])], CFG)
    assert plan.order == ["only.py"] and plan.edges == [] and plan.segments == [[("only.py", 0)]]
    empty = plan_repository("r", [], CFG)
    assert empty.order == [] and empty.segments == []


def test_huge_fan_in_and_cycles_among_many_files():
    n = 3000
    files = {"core.py": "X = 1\n"}
    files.update({f"m/mod{i:04d}.py": f"import core\nfrom m import mod{(i * 7) % n:04d}\n" for i in range(n)})
    rg = graphs.build_graph(facts_of(files), GRAPH)
    order = linearize(rg, GRAPH)
    assert order[0] == "core.py" and len(order) == n + 1
    pos = {p: i for i, p in enumerate(order)}
    assert all(pos[v] < pos[u] for u, v in rg.graph.edges)
    assert rg.graph.in_degree("core.py") == n


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcde"), min_size=1, max_size=5), max_size=80), st.integers(1, 12))
def test_split_for_planning_partitions(parts, max_files):
    paths = sorted({"/".join(p[:-1] + [p[-1] + ".py"]) for p in parts})
    groups = split_for_planning(paths, max_files)
    flat = [p for g in groups for p in g]
    assert sorted(flat) == paths and len(flat) == len(paths)  # each path exactly once
    assert all(0 < len(g) <= max_files for g in groups)


def test_cut_reads_the_config_the_graph_was_built_with():
    facts = facts_of({"a.py": "X = 1\n", "b.py": "Y = 2\n", "c.py": "import b\n", "d.py": "Z = 3\n"})
    lengths = {"a.py": [50], "b.py": [40], "c.py": [40], "d.py": [50]}
    order = ["a.py", "b.py", "c.py", "d.py"]
    cheap = graphs.build_graph(facts, GraphConfig(segment_penalty=0.0, min_suffix_parts=1))
    dear = graphs.build_graph(facts, GraphConfig(segment_penalty=100.0, min_suffix_parts=1))
    assert cheap.graph.has_edge("c.py", "b.py")
    # the only two-segment cut [a b][c d] splits c from b; a third segment keeps them together
    assert cut_segments(order, lengths, 100, cheap) == [[("a.py", 0)], [("b.py", 0), ("c.py", 0)], [("d.py", 0)]]
    assert cut_segments(order, lengths, 100, dear) == [[("a.py", 0), ("b.py", 0)], [("c.py", 0), ("d.py", 0)]]
