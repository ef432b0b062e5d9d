"""`repoloom graph INPUT…`: plan repositories and show their dependency graph, order and segments.

    repoloom graph REPO --json          one JSON object per repository: repo, files, edges (resolved,
                                        before cycle breaking), removed_edges, order, segments, tests,
                                        stats, dropped
    repoloom graph REPO --dot [FILE]    Graphviz text (removed edges dashed), to FILE or stdout

Inputs are what `build --input` takes (a repository folder, a collection, archives, tables), read
by the build's own readers, so the repositories and paths are the build's (a folder with `.git` or
a root marker is one repository; `--input-kind` overrides). Files go through the same per-file
stage as the build (pipelines.filestage.process_file),
then packing.plan.plan_repository. Segment cuts need token lengths: with
`--tokenizer MODEL` each file is encoded; otherwise a file's length is
approximated as ceil(characters / 3) tokens (plus its path header), split into
pieces of at most the per-piece budget like fim/pieces.py does.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys

from repoloom.core import counters as C
from repoloom.core.config import parse_set
from repoloom.core.types import Drop, SourceFile
from repoloom.fim.pieces import body_budget
from repoloom.packing.plan import plan_repository
from repoloom.pipelines.config import gate_config, load_config, plan_config
from repoloom.pipelines.filestage import process_file
from repoloom.pipelines.source_common import escaped

CHARS_PER_TOKEN = 3


def add_parser(sub) -> None:
    p = sub.add_parser(
        "graph",
        help="dependency graph, order and segments of repositories",
        description="Plan repositories as the build does. Takes what `build --input` takes: a repository "
        "folder, a collection of them, archives, tables.",
    )
    p.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a repository folder, a collection, an archive or a table"
    )
    p.add_argument(
        "--input-kind",
        choices=("auto", "repo", "collection"),
        default="auto",
        help="read folders as one repository or a collection, as for build",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object per repository")
    p.add_argument("--dot", nargs="?", const="-", metavar="FILE", help="write Graphviz text (to stdout without FILE)")
    p.add_argument("--tokenizer", metavar="MODEL", help="SentencePiece model for token lengths (default: characters/3)")
    p.add_argument("--config", help="YAML/JSON config over the defaults")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. seq_len=2048")
    p.set_defaults(run=run)


def repositories(inputs: list[str], max_bytes: int, kind: str = "auto") -> dict[str, list]:
    """{repo: [SourceFile | Drop, ...]} for the inputs, read and named exactly as the build reads them."""
    from repoloom.pipelines.sources import expand_inputs, read_unit

    repos: dict[str, list] = {}
    for unit in expand_inputs(inputs, kind):
        for x in read_unit(unit, max_bytes):
            repos.setdefault(x.repo, []).append(x)
    return repos


def piece_lengths(path: str, text: str, seq_len: int, tok=None) -> list[int]:
    """Token length of each piece of a file (header `path↵` + a share of the body)."""
    if tok is not None:
        header, body = len(tok.encode(path + "\n")), len(tok.encode(text))
    else:
        header, body = math.ceil((len(path) + 1) / CHARS_PER_TOKEN), math.ceil(len(text) / CHARS_PER_TOKEN)
    budget = body_budget(seq_len, header)
    n = max(1, math.ceil(body / budget))
    sizes = [budget] * (n - 1) + [body - budget * (n - 1)]
    return [header + s for s in sizes]


def plan_files(repo: str, files: list, cfg: dict, tok=None):
    """(repo, plan, items, drops) for one repository's SourceFiles and read drops, through the per-file stage."""
    items, drops, seen = [], [], set()
    gate = gate_config(cfg)
    for sf in sorted(files, key=lambda x: (x.path, getattr(x, "origin", ""))):
        if isinstance(sf, Drop):
            drops.append(sf)
            continue
        if sf.path in seen:  # the build keeps the first copy of a duplicated path
            drops.append(Drop(repo, sf.path, "duplicate_path", "", len(sf.data)))
            continue
        seen.add(sf.path)
        out = process_file(sf, gate)
        if isinstance(out, Drop):
            drops.append(out)
            continue
        items.append((out.facts, piece_lengths(out.facts.path, out.text, cfg["seq_len"], tok)))
    return repo, plan_repository(repo, items, plan_config(cfg)), items, drops


def plan_directory(root: str, cfg: dict, tok=None):
    """Plan one local directory as one repository."""
    from repoloom.pipelines.sources import Unit, read_unit

    repo = os.path.basename(os.path.abspath(root))
    return plan_files(repo, list(read_unit(Unit("repo", root, repo), cfg["max_file_bytes"])), cfg, tok)


def to_json(repo: str, plan, items, drops) -> dict:
    return {
        "repo": repo,
        "files": sorted(f.path for f, _ in items),
        "edges": [list(e) for e in plan.edges],
        "removed_edges": [list(e) for e in plan.removed_edges],
        "order": plan.order,
        "segments": [list(dict.fromkeys(p for p, _ in seg)) for seg in plan.segments],
        "tests": plan.tests,
        "stats": plan.stats,
        "dropped": {d.path: d.reason for d in drops},
    }


def to_dot(repo: str, plan) -> str:
    removed = set(map(tuple, plan.removed_edges))
    pos = {p: i for i, p in enumerate(plan.order)}
    lines = [f"digraph {json.dumps(repo)} {{", "  rankdir=LR;", "  node [shape=box, fontsize=10];"]
    for p in plan.order:
        lines.append(f"  {json.dumps(p)} [label={json.dumps(f'{pos[p]}: {p}')}];")
    for u, v in plan.edges:
        style = " [style=dashed, color=red]" if (u, v) in removed else ""
        lines.append(f"  {json.dumps(u)} -> {json.dumps(v)}{style};")
    for k, seg in enumerate(plan.segments):
        lines.append(
            f'  subgraph "cluster_{k}" {{ label="segment {k}"; '
            + " ".join(json.dumps(p) for p in dict.fromkeys(p for p, _ in seg))
            + " }"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from repoloom.pipelines.sources import InputError

    cfg = load_config(args.config, parse_set(args.set))  # checked like the build's
    tok = None
    if args.tokenizer:
        from repoloom.core.tokenizer import Tokenizer

        tok = Tokenizer.from_file(args.tokenizer)
    try:
        repos = repositories(args.inputs, cfg["max_file_bytes"], args.input_kind)
    except InputError as e:
        print(f"repoloom graph: {e}", file=sys.stderr)
        return 2
    dots = []
    for name in sorted(repos):
        files = repos[name]
        if not any(isinstance(x, SourceFile) for x in files) and all(x.reason == "not_in_repository" for x in files):
            continue  # loose files of a collection: no repository to plan
        repo, plan, items, drops = plan_files(name, files, cfg, tok)
        if args.dot:
            dots.append(to_dot(repo, plan))
        if args.json:
            json.dump(to_json(repo, plan, items, drops), sys.stdout)
            sys.stdout.write("\n")
        elif not args.dot:
            s = plan.stats
            print(
                f"{escaped(repo)}: {len(plan.order)} files, {s.get(C.GRAPH_EDGES, 0)} edges, "
                f"{s.get(C.GRAPH_REMOVED_EDGES, 0)} removed to break {s.get(C.GRAPH_CYCLES_BROKEN, 0)} cycles, "
                f"{len(plan.segments)} segments, {len(drops)} files dropped"
            )
            for p in plan.order:
                print("  " + escaped(p))
    if args.dot:
        if args.dot == "-":
            sys.stdout.write("".join(dots))
        else:
            with open(args.dot, "w", encoding="utf-8") as f:
                f.write("".join(dots))
    return 0
