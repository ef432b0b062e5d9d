"""FIM candidate nodes from the one parse: (start, end, parent) character offsets, in preorder.

``parent`` indexes the list (-1 for top level), so fim/ can sample single nodes
and snap random spans to runs of siblings under a common ancestor without a
second parse. The list travels with the file's facts, so it is kept compact:

- named leaves (identifiers, numbers, string pieces) are left out; leaf
  statements (``pass``, ``break``, bare ``return``) stay;
- a node with exactly its parent's span (``expression_statement`` around a
  call) is the same middle twice: only the outer one is kept;
- strings, heredocs and comments are atomic: nothing inside them is a
  candidate, so a middle never ends inside a literal (whitespace there is text,
  not layout);
- ERROR and MISSING nodes are skipped with their subtrees;
- at most ``64 + len(text) // 64`` nodes, the largest first (a parent is never
  smaller than its child, so the kept set stays closed under ancestors).
"""

from __future__ import annotations

import heapq

MIN_NODES = 64
CHARS_PER_NODE = 64


_KIND: dict[str, int] = {}  # node type -> SKIP | ATOMIC | LEAF_OK | 0, cached across files
_KIND_IDS: dict[str, dict[int, int]] = {}  # language -> node kind id -> the same (an int is cheaper than a type name)
SKIP, ATOMIC, LEAF_OK = 1, 2, 4


def _kind(node_type: str) -> int:
    k = _KIND.get(node_type)
    if k is None:
        if "comment" in node_type or node_type == "ERROR":
            k = SKIP
        elif "string" in node_type or "heredoc" in node_type:
            k = ATOMIC
        elif node_type.endswith("statement") or node_type.endswith("expression"):
            k = LEAF_OK
        else:
            k = 0
        _KIND[node_type] = k
    return k


def candidates(tree, src, language: str) -> list[tuple[int, int, int]]:
    """Largest-first walk: only nodes that can still make the cut are expanded, so a big file costs
    about ``limit`` nodes, not its whole tree. The result equals a full preorder walk cut to the
    ``limit`` largest (ties by preorder: for these nodes preorder is (start, -end) order)."""
    limit = MIN_NODES + len(src.text) // CHARS_PER_NODE
    kinds = _KIND_IDS.get(language)
    if kinds is None:
        kinds = _KIND_IDS[language] = {}
    kept: list[tuple[int, int, int]] = []  # (start byte, end byte, parent's position in kept) in pop order
    heap: list = []
    seq = 0  # unique tail of each heap entry, so what follows it (the end, the Node) is never compared
    # Entries: (-size, start, seq, end, node, parent, parent's start, parent's end); size and start fix the end.
    # Empty nodes (MISSING ones among them) never make a middle, so they never enter the heap; ERROR is SKIP.
    for c in tree.root_node.named_children:
        cs, ce = c.byte_range
        if ce > cs:
            heap.append((cs - ce, cs, seq, ce, c, -1, -1, -1))
            seq += 1
    heapq.heapify(heap)
    pop, push, useful = heapq.heappop, heapq.heappush, ATOMIC | LEAF_OK
    while heap and len(kept) < limit:
        _, sb, _, eb, n, parent, ps, pe = pop(heap)
        k = kinds.get(n.kind_id)
        if k is None:
            k = kinds[n.kind_id] = _kind(n.type)
        if k & SKIP:
            continue
        kids = () if k & ATOMIC else n.named_children
        if sb == ps and eb == pe:  # same middle as the parent: descend without a new entry
            me = parent
        elif not kids and not k & useful:
            continue
        else:
            me = len(kept)
            kept.append((sb, eb, parent))
            ps, pe = sb, eb
        for c in kids:
            cs, ce = c.byte_range
            if ce <= cs:
                continue
            if not c.named_child_count:  # a plain named leaf is never kept
                ck = kinds.get(c.kind_id)
                if ck is None:
                    ck = kinds[c.kind_id] = _kind(c.type)
                if not ck & useful:
                    continue
            push(heap, (cs - ce, cs, seq, ce, c, me, ps, pe))
            seq += 1
    order = sorted(range(len(kept)), key=lambda i: (kept[i][0], -kept[i][1]))  # preorder
    new = {old: i for i, old in enumerate(order)}
    out = [(kept[i][0], kept[i][1], new[kept[i][2]] if kept[i][2] >= 0 else -1) for i in order]
    if src.ascii or not out:
        return out
    src.char(0)  # builds the byte -> character table
    char = src._starts
    return [(char[s], char[e], p) for s, e, p in out]
