"""Edge precision and recall of repoloom's dependency graph against independent tools.

    python benchmarks/graph_accuracy.py python PKG_DIR...     # grimp (pip install grimp)
    MADGE=path/to/madge python benchmarks/graph_accuracy.py js REPO_DIR...   # madge (npm install madge typescript)
    python benchmarks/graph_accuracy.py go MODULE_DIR          # go list -json ./... (needs a Go toolchain)
    python benchmarks/graph_accuracy.py java SRC_ROOT CLASSES [CLASSPATH]  # jdeps -verbose:class (JDK)

Python: each PKG_DIR is an importable package directory (e.g. an installed package
in site-packages); it is copied under a scratch root so the repository is
`<pkg>/...`, grimp builds the module graph (internal imports only) and both
sides are compared as module -> module pairs. JS/TS: madge's file graph of the
directory. Go: package -> package imports inside the module (our file edges
collapsed to directories). Also printed: the share of kept edges whose imported
file comes first in the linearized order (must be 1.0) and the share of kept
edges inside one segment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile

from repoloom.core import counters as C
from repoloom.core.config import section
from repoloom.syntax.resolving import GraphConfig
from repoloom.pipelines.config import load_config
from repoloom.packing import graph as graphs
from repoloom.pipelines.cmd_graph import plan_directory


def _plan(root: str):
    cfg = load_config()
    repo, plan, items, drops = plan_directory(root, cfg)
    facts = [f for f, _ in items]
    rg = graphs.build_graph(facts, section(cfg, GraphConfig))
    order = graphs.linearize(rg, section(cfg, GraphConfig))
    lengths = {f.path: lens for f, lens in items}
    segs = graphs.cut_segments(order, lengths, cfg["seq_len"], rg)
    pos = {p: i for i, p in enumerate(order)}
    kept = list(rg.graph.edges)
    first = sum(1 for u, v in kept if pos[v] < pos[u])
    return plan, rg, kept, first, len(segs)


def _report(lang: str, name: str, ours: set, theirs: set, plan, kept, first):
    tp = len(ours & theirs)
    p = tp / len(ours) if ours else 1.0
    r = tp / len(theirs) if theirs else 1.0
    inside = plan.stats.get(C.GRAPH_EDGES_IN_SEGMENT, 0)
    print(
        f"{lang:6s} {name:28s} ours={len(ours):5d} ref={len(theirs):5d} tp={tp:5d} precision={p:.3f} recall={r:.3f} "
        f"deps_first={first / len(kept) if kept else 1.0:.3f} in_segment={inside / max(1, len(plan.edges) - len(plan.removed_edges)):.3f}"
    )
    return tp, len(ours), len(theirs)


def _module_of(path: str) -> str | None:
    if not path.endswith(".py"):
        return None
    mod = path[:-3].replace("/", ".")
    return mod[: -len(".__init__")] if mod.endswith(".__init__") else mod


def python(pkg_dirs: list[str]):
    import grimp

    tot = [0, 0, 0]
    for pkg_dir in pkg_dirs:
        name = os.path.basename(os.path.normpath(pkg_dir))
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(
                pkg_dir, os.path.join(tmp, name), ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyc")
            )
            sys.path.insert(0, tmp)
            try:
                g = grimp.build_graph(name, include_external_packages=False, cache_dir=None)
            finally:
                sys.path.remove(tmp)
            plan, rg, kept, first, _ = _plan(tmp)
        # compared on modules both sides see: grimp skips folders without __init__.py (namespace
        # packages), the per-file stage drops empty files (an empty __init__.py makes no edge)
        kept_mods = {_module_of(p) for p in plan.order}
        both = set(g.modules) & kept_mods
        theirs = {(m, i) for m in both for i in g.find_modules_directly_imported_by(m) if i != m and i in both}
        ours = set()
        for u, v in plan.edges:
            mu, mv = _module_of(u), _module_of(v)
            if mu in both and mv in both and mu != mv:
                ours.add((mu, mv))
        for k, x in enumerate(_report("python", name, ours, theirs, plan, kept, first)):
            tot[k] += x
        if os.environ.get("SHOW"):
            print("  false positives:", sorted(ours - theirs)[:15])
            print("  missed:", sorted(theirs - ours)[:15])
    print(f"python TOTAL precision={tot[0] / max(1, tot[1]):.3f} recall={tot[0] / max(1, tot[2]):.3f}")


def js(roots: list[str], madge_bin: str):
    tot = [0, 0, 0]
    for root in roots:
        for k, x in enumerate(_js_one(root, madge_bin)):
            tot[k] += x
    print(f"js     TOTAL precision={tot[0] / max(1, tot[1]):.3f} recall={tot[0] / max(1, tot[2]):.3f}")


def _js_one(root: str, madge_bin: str):
    out = subprocess.run(
        [madge_bin, "--json", "--extensions", "js,jsx,ts,tsx,mjs,cjs", root], capture_output=True, text=True, check=True
    ).stdout
    data = json.loads(out[out.index("{") :])
    plan, rg, kept, first, _ = _plan(root)
    files = set(plan.order)  # files the per-file stage keeps (empty and minified files are dropped)
    theirs = {(u, v) for u, vs in data.items() for v in vs if u != v and u in files and v in files}
    ours = {(u, v) for u, v in plan.edges if u.endswith((".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs"))}
    res = _report("js", os.path.basename(os.path.normpath(root)), ours, theirs, plan, kept, first)
    if os.environ.get("SHOW"):
        print("  false positives:", sorted(ours - theirs)[:15])
        print("  missed:", sorted(theirs - ours)[:15])
    return res


def go(root: str):
    out = subprocess.run(["go", "list", "-json", "./..."], cwd=root, capture_output=True, text=True, check=True).stdout
    dec = json.JSONDecoder()
    pkgs, i = [], 0
    while i < len(out):
        if out[i].isspace():
            i += 1
            continue
        obj, i = dec.raw_decode(out, i)
        pkgs.append(obj)
    with open(os.path.join(root, "go.mod"), encoding="utf-8") as fh:
        mod = next(line.split()[1] for line in fh if line.startswith("module "))
    rel = {p["ImportPath"]: os.path.relpath(p["Dir"], os.path.abspath(root)).replace(os.sep, "/") for p in pkgs}
    theirs = {
        (rel[p["ImportPath"]], rel[i]) for p in pkgs for i in p.get("Imports", []) if i in rel and i != p["ImportPath"]
    }
    plan, rg, kept, first, _ = _plan(root)
    dirs = set(rel.values())  # packages go list sees (testdata/ and vendor/ are not among them)
    ours = {
        (os.path.dirname(u) or ".", os.path.dirname(v) or ".")
        for u, v in plan.edges
        if u.endswith(".go") and not u.endswith("_test.go") and os.path.dirname(u) != os.path.dirname(v)
    }
    ours = {(a, b) for a, b in ours if a in dirs and b in dirs}
    _report("go", mod, ours, theirs, plan, kept, first)
    if os.environ.get("SHOW"):
        print("  false positives:", sorted(ours - theirs)[:15])
        print("  missed:", sorted(theirs - ours)[:15])


def java(src_root: str, classes: str, classpath: str = ""):
    """jdeps -verbose:class over classes compiled from src_root; classes map to files by package path
    (nested classes to their outer class's file). Bytecode misses inlined constants and annotations
    kept only in source, so a reference edge jdeps lacks is not always wrong."""
    cmd = ["jdeps", "-verbose:class", "-filter:none"] + (["-cp", classpath] if classpath else []) + [classes]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    def file_of(cls: str) -> str | None:
        rel = cls.split("$", 1)[0].replace(".", "/") + ".java"
        return rel if os.path.exists(os.path.join(src_root, rel)) else None

    theirs = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] == "->":
            a, b = file_of(parts[0]), file_of(parts[2])
            if a and b and a != b:
                theirs.add((a, b))
    plan, rg, kept, first, _ = _plan(src_root)
    files = set(plan.order)
    theirs = {(a, b) for a, b in theirs if a in files and b in files}
    ours = {(u, v) for u, v in plan.edges if u.endswith(".java") and v.endswith(".java")}
    _report("java", os.path.basename(os.path.normpath(src_root)), ours, theirs, plan, kept, first)
    if os.environ.get("SHOW"):
        print("  false positives:", sorted(ours - theirs)[:15])
        print("  missed:", sorted(theirs - ours)[:15])


if __name__ == "__main__":
    lang, args = sys.argv[1], sys.argv[2:]
    if lang == "python":
        python(args)
    elif lang == "js":
        js(args, os.environ.get("MADGE", "madge"))
    elif lang == "go":
        go(args[0])
    elif lang == "java":
        java(*args)
