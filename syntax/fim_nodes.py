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

MIN_NODES = 64
CHARS_PER_NODE = 64


_KIND: dict[str, int] = {}  # node type -> SKIP | ATOMIC | LEAF_OK | 0, cached across files
SKIP, ATOMIC, LEAF_OK = 1, 2, 4


def _kind(node_type: str) -> int:
    k = _KIND.get(node_type)
    if k is None:
        if "comment" in node_type:
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
    out: list[tuple[int, int, int]] = []  # byte offsets until the end
    # (node, parent index in out, parent span in bytes)
    stack = [(c, -1, -1, -1) for c in reversed(tree.root_node.named_children)]
    pop, push = stack.pop, stack.append
    while stack:
        n, parent, ps, pe = pop()
        k = _kind(n.type)
        if k & SKIP or n.is_error or n.is_missing:
            continue
        sb, eb = n.start_byte, n.end_byte
        if eb <= sb:
            continue
        kids = () if k & ATOMIC else n.named_children
        if sb == ps and eb == pe:  # same middle as the parent: descend without a new entry
            for c in reversed(kids):
                push((c, parent, ps, pe))
            continue
        if not kids and not k & (ATOMIC | LEAF_OK):
            continue
        me = len(out)
        out.append((sb, eb, parent))
        for c in reversed(kids):
            push((c, me, sb, eb))
    out = _cap(out, MIN_NODES + len(src.text) // CHARS_PER_NODE)
    if src.ascii:
        return out
    char = src.char
    return [(char(s), char(e), p) for s, e, p in out]


def _cap(nodes: list[tuple[int, int, int]], limit: int) -> list[tuple[int, int, int]]:
    """Keep the ``limit`` largest nodes (ties by preorder), re-indexing parents."""
    if len(nodes) <= limit:
        return nodes
    ranked = sorted(range(len(nodes)), key=lambda k: (nodes[k][0] - nodes[k][1], k))
    keep = sorted(ranked[:limit])
    new = {old: i for i, old in enumerate(keep)}
    out = []
    for old in keep:
        s, e, p = nodes[old]
        while p != -1 and p not in new:  # cannot happen for a size cut; kept for safety
            p = nodes[p][2]
        out.append((s, e, new.get(p, -1)))
    return out
