"""Running a language's tree-sitter queries, and the small node readers the per-language extractors share.

Queries are compiled once per (language, query text) and process. Captures come back in document order.

A query's cost is its walk over the whole tree (about a quarter of a microsecond a node, whatever the
patterns), so the queries a file needs run as one combined query in one walk (``one_walk``); each
extractor still asks for its own query text and gets the same captures it would get alone.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from operator import attrgetter
from typing import Any


@lru_cache(maxsize=None)
def compiled(language: str, text: str):
    import tree_sitter

    from repoloom.syntax.languages import get_language  # late: the registry imports the language modules

    return tree_sitter.Query(get_language(language), text)


def captures(tree, language: str, text: str) -> dict[str, list]:
    """Capture name -> nodes, in document order."""
    walked = _walked(tree, text)
    if walked is not None:
        return {k: list(v) for k, v in walked.items()}
    import tree_sitter

    caps = tree_sitter.QueryCursor(compiled(language, text)).captures(tree.root_node)
    return {k: sorted(v, key=_START) for k, v in caps.items()}


def matches(tree, language: str, text: str, anchors: tuple[str, ...]) -> list[dict[str, Any]]:
    """One dict per match (capture name -> its node), in document order, for queries whose every pattern
    has one anchor capture holding the pattern's other captures within it (an import statement and its
    source string). Built from ``captures``, so the matches come from the file's one walk too."""
    caps = captures(tree, language, text)
    by_anchor: dict[tuple[int, int, int], dict[str, Any]] = {}
    for name in anchors:
        for n in caps.get(name, ()):
            by_anchor[(n.start_byte, n.end_byte, n.kind_id)] = {name: n}
    for name, nodes in caps.items():
        if name in anchors:
            continue
        for n in nodes:  # the nearest enclosing anchor is this capture's match
            p = n.parent
            while p is not None:
                match = by_anchor.get((p.start_byte, p.end_byte, p.kind_id))
                if match is not None:
                    match.setdefault(name, n)
                    break
                p = p.parent
    return sorted(by_anchor.values(), key=lambda m: min(n.start_byte for n in m.values()))


_START = attrgetter("start_byte")
_CAPTURE_NAME = re.compile(r"@([A-Za-z_][\w-]*)")
_WALKED = threading.local()  # (tree, {query text: captures}) of the file being extracted


@lru_cache(maxsize=None)
def _combined(language: str, texts: tuple[str, ...]):
    """One query holding every text's patterns; capture names get the text's index (q3.name) so that
    each capture goes back to its own query under its own name."""
    import tree_sitter

    from repoloom.syntax.languages import get_language

    body = "\n".join(_CAPTURE_NAME.sub(lambda m, i=i: f"@q{i}.{m.group(1)}", t) for i, t in enumerate(texts))
    return tree_sitter.Query(get_language(language), body)


@contextmanager
def one_walk(tree, language: str, texts):
    """Run the given query texts over the tree in one walk; ``captures`` of those texts on this tree
    answer from it until the block ends (other texts, other trees and ``matches`` still run their own)."""
    import tree_sitter

    texts = tuple(dict.fromkeys(texts))
    answers: dict[str, dict[str, list]] = {t: {} for t in texts}
    for key, nodes in tree_sitter.QueryCursor(_combined(language, texts)).captures(tree.root_node).items():
        index, name = key.split(".", 1)
        nodes.sort(key=_START)
        answers[texts[int(index[1:])]][name] = nodes
    previous = getattr(_WALKED, "value", None)
    _WALKED.value = (tree, answers)
    try:
        yield
    finally:
        _WALKED.value = previous


def _walked(tree, text: str) -> dict[str, list] | None:
    walked = getattr(_WALKED, "value", None)
    if walked is None or walked[0] is not tree:
        return None
    return walked[1].get(text)


def rec(kind: str, target: str, names: list[str] | None, node, **extra) -> dict[str, Any]:
    """An import record (syntax/imports.py describes the shape)."""
    r = {"kind": kind, "target": target, "names": list(names or []), "line": node.start_point[0] + 1}
    r.update(extra)
    return r


def string_value(node, src) -> str:
    """Text of a string literal node without its quotes (content children when the grammar has them)."""
    parts = [
        c
        for c in node.named_children
        if c.type
        in ("string_fragment", "string_content", "interpreted_string_literal_content", "raw_string_literal_content")
    ]
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
