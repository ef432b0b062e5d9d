"""Running a language's tree-sitter queries, and the small node readers the per-language extractors share.

Queries are compiled once per (language, query text) and process. Captures come back in document order.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=None)
def compiled(language: str, text: str):
    import tree_sitter

    from repoloom.syntax.languages import get_language  # late: the registry imports the language modules

    return tree_sitter.Query(get_language(language), text)


def captures(tree, language: str, text: str) -> dict[str, list]:
    """Capture name -> nodes, in document order."""
    import tree_sitter

    caps = tree_sitter.QueryCursor(compiled(language, text)).captures(tree.root_node)
    return {k: sorted(v, key=lambda n: n.start_byte) for k, v in caps.items()}


def matches(tree, language: str, text: str) -> list[dict[str, Any]]:
    """One dict per match (capture name -> its first node), in document order."""
    import tree_sitter

    out = []
    for _, caps in tree_sitter.QueryCursor(compiled(language, text)).matches(tree.root_node):
        out.append({k: v[0] for k, v in caps.items()})
    out.sort(key=lambda m: min(n.start_byte for n in m.values()))
    return out


def rec(kind: str, target: str, names: list[str] | None, node, **extra) -> dict[str, Any]:
    """An import record (syntax/imports.py describes the shape)."""
    r = {"kind": kind, "target": target, "names": list(names or []), "line": node.start_point[0] + 1}
    r.update(extra)
    return r


def string_value(node, src) -> str:
    """Text of a string literal node without its quotes (content children when the grammar has them)."""
    parts = [c for c in node.named_children if c.type in ("string_fragment", "string_content", "interpreted_string_literal_content", "raw_string_literal_content")]
    if parts:
        return "".join(src.node_text(c) for c in parts)
    text = src.node_text(node)
    if len(text) >= 2 and text[0] in "\"'`<" and text[-1] in "\"'`>":
        return text[1:-1]
    return text


def dotted(node, src) -> str:
    """A qualified name without the whitespace a grammar allows inside it (a . b . C -> a.b.C)."""
    return "".join(src.node_text(node).split())


def walk(node, types: set[str]):
    """Nodes of the given types under node, in preorder."""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in types:
            yield n
        stack.extend(reversed(n.children))


def declared_names(tree, src, language: str, query: str) -> list[str]:
    """The text of every @type capture, once each (Swift, Lua: names without a package)."""
    return list(dict.fromkeys(src.node_text(t) for t in captures(tree, language, query).get("type", [])))
