"""`repoloom graph REPO`: plan one local repository and show its dependency graph, order and segments.

    repoloom graph REPO --json          one JSON object: repo, files, edges (resolved, before cycle
                                        breaking), removed_edges, order, segments, tests, stats
    repoloom graph REPO --dot [FILE]    Graphviz text (removed edges dashed), to FILE or stdout

Files go through the same per-file stage as the build (pipelines.filestage.process_file),
then packing.plan.plan_repository. Segment cuts need token lengths: with
`--tokenizer MODEL` each file is encoded; otherwise a file's length is
approximated as ceil(characters / 3) tokens (plus its path header), split into
pieces of at most the per-piece budget like packing/pieces.py does.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys

from repoloom.core.config import load_config, parse_set
from repoloom.core.types import Drop, SourceFile
from repoloom.packing.pieces import body_budget
from repoloom.packing.plan import plan_repository
from repoloom.pipelines.filestage import process_file

SKIP_DIRS = {".git", ".hg", ".svn"}
CHARS_PER_TOKEN = 3


def add_parser(sub) -> None:
    p = sub.add_parser("graph", help="dependency graph, order and segments of one local repository")
    p.add_argument("repo", help="a local directory")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--dot", nargs="?", const="-", metavar="FILE", help="write Graphviz text (to stdout without FILE)")
    p.add_argument("--tokenizer", metavar="MODEL", help="SentencePiece model for token lengths (default: characters/3)")
    p.add_argument("--config", help="YAML/JSON config over the defaults")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. seq_len=2048")
    p.set_defaults(run=run)


def read_repo(root: str, repo: str, max_bytes: int):
    """SourceFiles of a directory: .git skipped, symlinks leaving the repository skipped."""
    root_real = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            real = os.path.realpath(full)
            if os.path.commonpath([root_real, real]) != root_real or not os.path.isfile(real):
                continue
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            size = os.path.getsize(real)
            with open(real, "rb") as f:
                data = f.read(max_bytes + 1) if size > max_bytes else f.read()
            yield SourceFile(repo=repo, path=rel, data=data)


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


def plan_directory(root: str, cfg: dict, tok=None):
    repo = os.path.basename(os.path.abspath(root))
    items, drops = [], []
    for sf in read_repo(root, repo, cfg["max_file_bytes"]):
        out = process_file(sf, cfg)
        if isinstance(out, Drop):
            drops.append(out)
            continue
        items.append((out.facts, piece_lengths(out.facts.path, out.text, cfg["seq_len"], tok)))
    return repo, plan_repository(repo, items, cfg), items, drops


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
        lines.append(f"  subgraph \"cluster_{k}\" {{ label=\"segment {k}\"; "
                     + " ".join(json.dumps(p) for p in dict.fromkeys(p for p, _ in seg)) + " }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    if not os.path.isdir(args.repo):
        print(f"repoloom graph: {args.repo} is not a directory", file=sys.stderr)
        return 2
    cfg = load_config(args.config, parse_set(args.set))  # checked like the build's
    tok = None
    if args.tokenizer:
        from repoloom.core.tokenizer import Tokenizer

        tok = Tokenizer.from_file(args.tokenizer)
    repo, plan, items, drops = plan_directory(args.repo, cfg, tok)
    if args.dot:
        text = to_dot(repo, plan)
        if args.dot == "-":
            sys.stdout.write(text)
        else:
            with open(args.dot, "w", encoding="utf-8") as f:
                f.write(text)
    if args.json:
        json.dump(to_json(repo, plan, items, drops), sys.stdout)
        sys.stdout.write("\n")
    elif not args.dot:
        s = plan.stats
        print(f"{repo}: {len(plan.order)} files, {s.get('graph.edges', 0)} edges, "
              f"{s.get('graph.removed_edges', 0)} removed to break {s.get('graph.cycles_broken', 0)} cycles, "
              f"{len(plan.segments)} segments, {len(drops)} files dropped")
        for p in plan.order:
            print("  " + p)
    return 0
