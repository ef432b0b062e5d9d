"""FIM candidate spans from the parse: named nodes as (start, end, parent) character offsets.

``parent`` indexes the list (-1 for top level), so fim/ can snap spans to runs of
siblings under a common ancestor without a second parse.
"""
from __future__ import annotations

MAX_NODES = 20000


def candidates(tree, src, language: str) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    stack = [(c, -1) for c in reversed(tree.root_node.named_children)]
    while stack and len(out) < MAX_NODES:
        n, parent = stack.pop()
        if n.is_error or n.is_missing or n.end_byte <= n.start_byte or n.type == "comment":
            continue
        out.append((src.char(n.start_byte), src.char(n.end_byte), parent))
        me = len(out) - 1
        stack.extend((c, me) for c in reversed(n.named_children))
    return out
