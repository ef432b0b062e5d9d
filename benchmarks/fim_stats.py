"""What syntax-aware FIM does on real code, per language, and what it costs.

    python benchmarks/fim_stats.py [--root DIR]... [--per-lang N] [--max-mb MB] [--seed S]

Files: installed packages' sources (site-packages: Python, C/C++ headers and sources,
JavaScript), the example repositories, and every ``--root`` (e.g. Go's standard library
``$(go env GOROOT)/src``, an unpacked ``npm pack rxjs`` for TypeScript, a Java or Rust
checkout). Up to ``--per-lang`` files per language, at most 200 KB each, path order.

Printed per language, with the default config (FIM rate 0.8, SPM 0.5, random 0.1):
- FIM rate and the share of FIM'd files by method (node / span / random / line);
- the share of middles that are one complete syntax subtree (the whitespace-trimmed
  middle is exactly one node of a fresh full parse, named or not), and the share
  that is a run of complete sibling subtrees (one or more children of one node);
- mean middle length in characters and tokens;
- time per MB: the parse (tree-sitter and the byte->character table), the whole ``file_facts`` extraction,
  the candidate extraction (syntax/fim_nodes.py) within it, the span choice
  (fim.split.choose), plain tokenization of the file, and the FIM layout
  (three separate encodings + sentinels);
- the size of the candidate list as pickled bytes per byte of text.

The tokenizer is trained on a sample of the files first (not timed).
"""

from __future__ import annotations

import argparse
import glob
import os
import pickle
import sys
import sysconfig
import time
from collections import defaultdict

from repoloom.fim.split import FimConfig
from repoloom.core.tokenizer import Tokenizer, train_tokenizer
from repoloom.fim import layout, split
from repoloom.syntax import fim_nodes
from repoloom.syntax.languages import detect_language, has_grammar
from repoloom.syntax.parse import file_facts, parse_tree

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = sysconfig.get_paths()["purelib"]
MAX_FILE = 200_000


def gather(roots: list[str], per_lang: int, max_mb: float) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    size: dict[str, int] = defaultdict(int)
    for root in roots:
        for path in sorted(glob.glob(os.path.join(root, "**", "*"), recursive=True)):
            if "/node_modules/" in path or not os.path.isfile(path):
                continue
            lang = detect_language(path)
            if not has_grammar(lang) or len(out[lang]) >= per_lang or size[lang] > max_mb * 1e6:
                continue
            if os.path.getsize(path) > MAX_FILE or "/testdata/" in path:
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            if text.strip():
                out[lang].append((path, text))
                size[lang] += len(text.encode("utf-8", "surrogatepass"))
    return out


def tree_index(text: str, lang: str):
    """Spans of all nodes, and for run checks: start -> {(parent, child#)}, end -> {(parent, child#)}."""
    tree, src = parse_tree(text, lang)
    spans, starts, ends = set(), defaultdict(set), defaultdict(set)
    stack = [tree.root_node]
    pid = 0

    def trimmed(n):  # some grammars end nodes with the newline (C preprocessor lines): compare trimmed
        s, e = src.char(n.start_byte), src.char(n.end_byte)
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    while stack:
        n = stack.pop()
        pid += 1
        spans.add(trimmed(n))
        for k, c in enumerate(n.children):
            s, e = trimmed(c)
            starts[s].add((pid, k))
            ends[e].add((pid, k))
            stack.append(c)
    return spans, starts, ends


def subtree_kind(text: str, a: int, b: int, index) -> str:
    spans, starts, ends = index
    mid = text[a:b]
    s = a + len(mid) - len(mid.lstrip())
    e = a + len(mid.rstrip())
    if e <= s:
        return "none"
    if (s, e) in spans:
        return "subtree"
    for p, i in starts.get(s, ()):
        if any(q == p and j >= i for q, j in ends.get(e, ())):
            return "run"
    return "none"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", action="append", default=[], help="more source directories")
    ap.add_argument("--per-lang", type=int, default=300)
    ap.add_argument("--max-mb", type=float, default=4.0, help="stop adding files of a language past this many MB")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    roots = [SITE, os.path.join(os.path.dirname(HERE), "examples", "repos"), *args.root]
    corpus = gather(roots, args.per_lang, args.max_mb)
    sample = [t for files in corpus.values() for _, t in files[:40]]
    tok = Tokenizer(train_tokenizer(sample, 8000))
    fim = FimConfig()

    hdr = (
        f"{'language':<11}{'files':>6}{'MB':>6} {'fim':>5} {'node':>5} {'span':>5} {'rand':>5} {'line':>5}"
        f" {'subtree':>7} {'run':>5} {'midch':>6} {'midtok':>6} | {'parse':>6} {'facts':>6} {'nodes':>6}"
        f" {'choose':>6} {'tok':>6} {'layout':>6} s/MB | {'nodesB/B':>8}"
    )
    print(hdr)
    total = defaultdict(float)
    for lang in sorted(corpus):
        files = corpus[lang]
        c = defaultdict(float)
        for path, text in files:
            nbytes = len(text.encode("utf-8", "surrogatepass"))
            c["bytes"] += nbytes
            t0 = time.perf_counter()
            tree, src = parse_tree(text, lang)
            src.char(len(src.data))  # the byte->character table, shared by every extractor
            t1 = time.perf_counter()
            fim_nodes.candidates(tree, src, lang)
            t2 = time.perf_counter()
            facts = file_facts("bench", path, text, lang)
            t3 = time.perf_counter()
            nodes = split.usable_nodes(facts, fim)
            choice = split.choose(text, nodes, fim, args.seed, "bench", path, 0)
            t4 = time.perf_counter()
            tok.encode(text)
            t5 = time.perf_counter()
            c["parse"] += t1 - t0
            c["nodes"] += t2 - t1
            c["facts"] += t3 - t2
            c["choose"] += t4 - t3
            c["tok"] += t5 - t4
            c["node_bytes"] += len(pickle.dumps(facts.fim_nodes))
            c["files"] += 1
            if choice is None:
                continue
            t6 = time.perf_counter()
            pre, mid, suf = layout.fim_parts(tok, text, choice.start, choice.end)
            layout.assemble(tok, pre, mid, suf, choice.mode)
            c["layout"] += time.perf_counter() - t6
            c["fim"] += 1
            c["m." + choice.method] += 1
            c["mid_chars"] += choice.end - choice.start
            c["mid_tokens"] += len(mid)
            kind = subtree_kind(text, choice.start, choice.end, tree_index(text, lang))
            c["k." + kind] += 1
            if choice.method in ("node", "span"):
                c["syn"] += 1
                c["syn." + kind] += 1
        for k, v in c.items():
            total[k] += v
        _row(lang, c)
    _row("ALL", total)
    print("\nsubtree/run: shares of all FIM middles; among node+span middles only:")
    print(
        f"  complete subtree {total['syn.subtree'] / max(1, total['syn']):.3f}, sibling run "
        f"{total['syn.run'] / max(1, total['syn']):.3f}, neither {total['syn.none'] / max(1, total['syn']):.3f};"
        f" random+line middles: subtree or run {(total['k.subtree'] + total['k.run'] - total['syn.subtree'] - total['syn.run']) / max(1, total['fim'] - total['syn']):.3f}"
    )
    return 0


def _row(lang: str, c) -> None:
    fim, mb = max(1.0, c["fim"]), c["bytes"] / 1e6
    sh = lambda k: c[k] / fim  # noqa: E731
    per = lambda k: c[k] / mb if mb else 0.0  # noqa: E731
    print(
        f"{lang:<11}{int(c['files']):>6}{mb:>6.2f} {c['fim'] / max(1, c['files']):>5.2f} {sh('m.node'):>5.2f}"
        f" {sh('m.span'):>5.2f} {sh('m.random'):>5.2f} {sh('m.line'):>5.2f} {sh('k.subtree'):>7.2f} {sh('k.run'):>5.2f}"
        f" {c['mid_chars'] / fim:>6.0f} {c['mid_tokens'] / fim:>6.0f} | {per('parse'):>6.3f} {per('facts'):>6.3f}"
        f" {per('nodes'):>6.3f} {per('choose'):>6.3f} {per('tok'):>6.3f} {per('layout'):>6.3f} s/MB"
        f" | {c['node_bytes'] / max(1, c['bytes']):>8.3f}"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
