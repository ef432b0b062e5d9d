"""Planning time and peak memory of one repository's dependency-graph plan at 1k, 5k, 20k (and 50k) files.

    python benchmarks/plan_scale.py [N ...]

Synthetic Python repositories built as facts (no parsing): packages of 20
modules in a directory tree, each module importing ~5 others (mostly nearby,
some far, some back-edges that make cycles) and a shared `core` module
(fan-in of every file). Times are for plan_repository (resolution, cycle
breaking, linearization, test pairing, segment cuts), untraced; memory is
tracemalloc's peak during a second, traced plan. Also printed: split_for_planning groups at
graph.max_files_per_plan.
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc

from repoloom.core import counters as C
from repoloom.pipelines.config import load_config, plan_config
from repoloom.core.types import FileFacts
from repoloom.packing import graph as graphs
from repoloom.packing.plan import plan_repository


def synthetic_repo(n: int, seed: int = 0) -> list[tuple[FileFacts, list[int]]]:
    rng = random.Random(seed)
    mods = [f"proj/p{i // 400:03d}/s{(i // 20) % 20:02d}/m{i % 20:02d}" for i in range(n - 1)]
    items = [(FileFacts("bench", "proj/core.py", "python", 3000, "x"), [1000])]
    for i, m in enumerate(mods):
        imports = [{"kind": "import", "target": "proj.core", "names": [], "line": 1}]
        for _ in range(5):
            r = rng.random()
            j = (
                i + rng.randint(-20, -1)
                if r < 0.6
                else (rng.randrange(len(mods)) if r < 0.9 else i + rng.randint(1, 20))
            )
            if 0 <= j < len(mods) and j != i:
                imports.append(
                    {
                        "kind": "from",
                        "target": mods[j].rsplit("/", 1)[0].replace("/", "."),
                        "names": [mods[j].rsplit("/", 1)[1]],
                        "line": 2,
                    }
                )
        f = FileFacts("bench", m + ".py", "python", 3000, "x", imports=imports, identifiers=[f"name{i}"])
        items.append((f, [rng.randint(200, 3000)]))
    return items


def greedy_cut(order, lengths, seq_len):
    """The foundation's cut, wherever the budget runs out: the baseline for edges kept inside a segment."""
    segs, cur, used = [], [], 2
    for p in order:
        for i, n in enumerate(lengths[p]):
            if cur and used + n + 1 > seq_len:
                segs.append(cur)
                cur, used = [], 2
            used += n + (1 if cur else 0)
            cur.append((p, i))
    return segs + ([cur] if cur else [])


def _inside(segs, plan) -> int:
    where = {}
    for k, seg in enumerate(segs):
        for p, _ in seg:
            where.setdefault(p, set()).add(k)
    kept = set(plan.edges) - set(plan.removed_edges)
    return sum(1 for u, v in kept if where[u] & where[v])


def run(n: int, cfg: dict):
    items = synthetic_repo(n)
    t = time.perf_counter()
    plan = plan_repository("bench", items, plan_config(cfg))
    elapsed = time.perf_counter() - t
    tracemalloc.start()  # a second run for memory: tracing slows Python down several times
    plan_repository("bench", items, plan_config(cfg))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    s = plan.stats
    greedy_inside = _inside(greedy_cut(plan.order, {f.path: lens for f, lens in items}, cfg["seq_len"]), plan)
    groups = graphs.split_for_planning([f.path for f, _ in items], cfg["graph"]["max_files_per_plan"])
    print(
        f"files={n:6d} plan={elapsed:7.2f}s peak={peak / 2**20:7.1f}MiB edges={s[C.GRAPH_EDGES]:7d} "
        f"removed={s[C.GRAPH_REMOVED_EDGES]:6d} cycles={s[C.GRAPH_CYCLES_BROKEN]:4d} segments={len(plan.segments):6d} "
        f"in_segment={s[C.GRAPH_EDGES_IN_SEGMENT] / max(1, s[C.GRAPH_EDGES_KEPT]):.3f} "
        f"(greedy cut {greedy_inside / max(1, s[C.GRAPH_EDGES_KEPT]):.3f}) "
        f"split_groups={len(groups)} (max {max(len(g) for g in groups)})",
        flush=True,
    )


if __name__ == "__main__":
    sizes = [int(x) for x in sys.argv[1:]] or [1000, 5000, 20000]
    cfg = load_config()
    for n in sizes:
        run(n, cfg)
