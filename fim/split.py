"""Choosing a FIM split for one file (or one piece of a long file).

Every decision is a pure function of (seed, repository, path, piece): the same
file gets the same split on any runner, in any order.

Methods (the middle is ``text[start:end]``):

- ``node``: one candidate syntax node, sampled with weight equal to its size;
  nodes longer than the cap (``max_middle_chars``, ``max_middle_frac`` of the
  text) are not candidates, so the middle is never the whole file.
- ``span``: a random character span snapped to the run of sibling nodes under
  their lowest common ancestor with the largest overlap (IoU), as AST-FIM does.
- ``random``: a plain character-level span (two uniform cut points, as in the
  FIM paper); ``random_rate`` of FIM'd files, and the fallback for one-line files.
- ``line``: whole lines, for files without a usable tree (no grammar, too many
  parse errors).

For ``node`` and ``span`` the middle starts at a node start (or, half the time
when the node begins its line, at the line start) and ends at a node end
extended over trailing blanks and the newline, so the suffix starts at the
start of a line or of the next token. Nodes never lie inside strings or
comments (syntax/fim_nodes.py), so that whitespace is layout, not literal text.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass
from typing import ClassVar, NamedTuple, Sequence

from repoloom.core.config import choice, num, share
from repoloom.core.rand import rng


@dataclass
class FimConfig:
    KEY: ClassVar[str] = "fim"
    rate: float = share(0.8)  # share of files (pieces) split into prefix/middle/suffix
    spm_rate: float = share(0.5)  # share of FIM'd files in SPM layout
    random_rate: float = share(0.1)  # share of FIM'd files with a plain character-level span
    node_share: float = share(0.5)  # of syntax-aware splits: single node (rest: aligned span)
    max_middle_chars: int = num(2048, 1)  # syntax-aware and line middles are at most this long...
    max_middle_frac: float = share(0.5)  # ...and at most this share of the text
    line_start_rate: float = share(0.5)  # a node that begins its line: middle takes the indentation too
    max_error_ratio: float = share(0.25)  # parse errors above this share of bytes: line spans instead of nodes
    level: str = choice("document", "document", "context")  # context: FIM per file after packing (fim/context.py)


_NEWLINE = re.compile("\n")
Node = tuple[int, int, int]  # (start, end, parent index or -1), character offsets
_START = operator.itemgetter(0)


class FimChoice(NamedTuple):
    mode: str  # "psm" | "spm"
    method: str  # "node" | "span" | "random" | "line"
    start: int  # middle start, character offset in the text given
    end: int  # middle end


def usable_nodes(facts, fim: FimConfig) -> list[Node]:
    """The file's candidate nodes, or [] when its parse is too broken to trust (then ``line`` is used)."""
    if not facts.fim_nodes or not facts.parse_ok or facts.error_ratio > fim.max_error_ratio:
        return []
    return facts.fim_nodes


def piece_nodes(nodes: Sequence[Node], a: int, b: int) -> list[Node]:
    """Nodes wholly inside [a, b), re-based to the piece and re-indexed.

    A node whose parent lies (partly) outside the piece becomes top level. The nodes are in preorder
    (candidates' order, so by start): only those starting in [a, b] are looked at, so cutting a big file
    into pieces costs each piece its own nodes, not the whole file's.
    """
    out: list[Node] = []
    new: dict[int, int] = {}
    start = _START
    for k in range(bisect.bisect_left(nodes, a, key=start), bisect.bisect_right(nodes, b, key=start)):
        s, e, p = nodes[k]
        if e <= b:
            new[k] = len(out)
            out.append((s - a, e - a, new.get(p, -1)))
    return out


def choose(
    text: str, nodes: Sequence[Node], fim: FimConfig, seed: int, repo: str, path: str, piece: int = 0
) -> FimChoice | None:
    """Decide whether and where to split ``text``; None means the text stays whole."""
    n = len(text)
    r = rng(seed, "fim", repo, path, piece)
    opening = _opening(r, fim, n)
    if opening is None:
        return None
    mode, u_random, u_method = opening
    cap = max(1, min(int(fim.max_middle_chars), int(n * fim.max_middle_frac)))
    span = None
    if u_random < fim.random_rate:
        method, span = "random", _random_span(r, n)
    elif nodes:
        if u_method >= fim.node_share:
            method, span = "span", _aligned_span(r, nodes, n, cap)
        if span is None:
            method, span = "node", _single_node(r, nodes, cap)
        if span is not None:
            span = _natural_edges(r, text, *span, fim.line_start_rate)
    if span is None:
        method, span = "line", _line_span(r, text, cap)
    if span is None:
        method, span = "random", _random_span(r, n)
    return FimChoice(mode, method, span[0], span[1])


def _opening(r, fim: FimConfig, n: int) -> tuple[str, float, float] | None:
    """choose's first draws, in their fixed order (the rate and mode decisions do not depend on the text):
    None when the text stays whole, else (mode, the draw for a random span, the draw for node or span)."""
    if r.random() >= fim.rate or n < 2:
        return None
    mode = "spm" if r.random() < fim.spm_rate else "psm"
    u_random, u_method = r.random(), r.random()
    return mode, u_random, u_method


def reads_nodes(fim: FimConfig, seed: int, repo: str, path: str, piece: int, n: int) -> bool:
    """Whether ``choose`` for a text of n characters (this repository, path and piece) looks at its nodes at
    all: not when the text stays whole or gets a plain random span. The same draws as choose's."""
    opening = _opening(rng(seed, "fim", repo, path, piece), fim, n)
    return opening is not None and opening[1] >= fim.random_rate


def _random_span(r, n: int) -> tuple[int, int]:
    """Two distinct uniform cut points in [0, n]: a non-empty middle."""
    a = r.randrange(n + 1)
    b = r.randrange(n)
    if b >= a:
        b += 1
    return (a, b) if a < b else (b, a)


def _single_node(r, nodes: Sequence[Node], cap: int) -> tuple[int, int] | None:
    cands = [(s, e) for s, e, _ in nodes if 0 < e - s <= cap]
    if not cands:
        return None
    cum = list(itertools.accumulate(e - s for s, e in cands))
    k = bisect.bisect_right(cum, r.random() * cum[-1])
    return cands[min(k, len(cands) - 1)]


def _aligned_span(r, nodes: Sequence[Node], n: int, cap: int) -> tuple[int, int] | None:
    """A random span of 1..cap characters snapped to the best run of siblings under its lowest common ancestor.

    When every run there is longer than the cap, the span is snapped inside the
    child it overlaps most instead (one level down, and so on). A span that
    overlaps no child (it lies in a comment) takes the nearest child.
    """
    length = r.randint(1, cap)
    a = r.randint(0, n - length)
    b = a + length
    lca = -1
    for k, (s, e, _) in enumerate(nodes):  # preorder: the last container is the deepest
        if s <= a and b <= e:
            lca = k
    while True:
        children = [k for k, (_, _, p) in enumerate(nodes) if p == lca]
        kids = [k for k in children if nodes[k][1] > a and nodes[k][0] < b]
        if not kids:  # the span lies between children (in a comment, say): take the nearest child
            if not children:
                return (nodes[lca][0], nodes[lca][1]) if lca >= 0 and nodes[lca][1] - nodes[lca][0] <= cap else None
            near = min(children, key=lambda k: max(nodes[k][0] - b, a - nodes[k][1]))
            if nodes[near][1] - nodes[near][0] <= cap:
                return nodes[near][0], nodes[near][1]
            lca = near
            continue
        best = _best_run([nodes[k][:2] for k in kids], a, b, cap)
        if best is not None:
            return best
        lca = max(kids, key=lambda k: min(b, nodes[k][1]) - max(a, nodes[k][0]))


def _best_run(kids: list[tuple[int, int]], a: int, b: int, cap: int) -> tuple[int, int] | None:
    """The run of consecutive siblings (all overlapping [a, b)) with the largest IoU, at most cap long.

    Children fully inside the span always raise IoU; only the two edge children are in doubt.
    """
    best, best_iou = None, -1.0
    last = len(kids) - 1
    for i in {0, min(1, last)}:
        for j in {last, max(last - 1, 0)}:
            if j < i:
                continue
            s, e = kids[i][0], kids[j][1]
            if e - s > cap:
                continue
            iou = max(0, min(b, e) - max(a, s)) / (max(b, e) - min(a, s))
            if iou > best_iou:
                best, best_iou = (s, e), iou
    return best


def _natural_edges(r, text: str, a: int, b: int, line_start_rate: float) -> tuple[int, int]:
    """Move the cuts off the node edges onto natural points without cutting a token.

    End: over trailing blanks, then the newline if the line ends there (the
    suffix starts at a line), else up to the next token. Start: to the line
    start when only indentation precedes the node, ``line_start_rate`` of the time.
    """
    n = len(text)
    u = r.random()
    e = b
    while 0 < e < n and text[e - 1] != "\n" and text[e] in " \t":  # (some grammars end a node with its newline)
        e += 1
    if text[e - 1] != "\n":
        if text.startswith("\r\n", e):
            e += 2
        elif text.startswith("\n", e):
            e += 1
    s = a
    ls = text.rfind("\n", 0, a) + 1
    if u < line_start_rate and ls < a and not text[ls:a].strip(" \t"):
        s = ls
    if s == 0 and e == n:  # keep a non-empty prefix or suffix: drop the extensions
        return a, b
    return s, e


def _line_span(r, text: str, cap: int) -> tuple[int, int] | None:
    """Whole lines: a run starting at a random line, at most ``cap`` characters (at least one line)."""
    n = len(text)
    bounds = [0] + [m.end() for m in _NEWLINE.finditer(text, 0, n - 1)] + [n]
    m = len(bounds) - 1
    if m < 2:
        return None
    i = r.randrange(m)
    jmax = max(i + 1, bisect.bisect_right(bounds, bounds[i] + cap) - 1)
    if i == 0 and jmax == m:
        jmax = m - 1
    j = r.randint(i + 1, jmax)
    return bounds[i], bounds[j]
