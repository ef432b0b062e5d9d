"""FIM candidate nodes extracted at parse time (syntax/fim_nodes.py)."""

from __future__ import annotations

import pytest

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fim"))

from fim_corpus import corpus  # noqa: E402

from repoloom.syntax import fim_nodes  # noqa: E402
from repoloom.syntax.parse import file_facts, parse_tree  # noqa: E402


def _all_spans(text, lang):
    tree, src = parse_tree(text, lang)
    spans, inside = set(), []
    stack = [tree.root_node]
    while stack:
        n = stack.pop()
        s, e = src.char(n.start_byte), src.char(n.end_byte)
        spans.add((s, e))
        if "string" in n.type or "comment" in n.type:
            inside.append((s, e))
        stack.extend(n.children)
    return spans, inside


def test_nodes_form_a_compact_tree_of_real_node_spans():
    for path, lang, text in corpus():
        nodes = file_facts("r", path, text, lang).fim_nodes
        assert nodes, path
        assert len(nodes) <= fim_nodes.MIN_NODES + len(text) // fim_nodes.CHARS_PER_NODE
        spans, literal = _all_spans(text, lang)
        for k, (s, e, p) in enumerate(nodes):
            assert (s, e) in spans and s < e, (path, text[s:e][:60])
            assert -1 <= p < k  # preorder: parents come first
            if p >= 0:
                ps, pe, _ = nodes[p]
                assert ps <= s and e <= pe and (ps, pe) != (s, e)
            assert not any(ls <= s and e <= le and (ls, le) != (s, e) for ls, le in literal), (path, text[s:e][:60])
            assert "#" != text[s] or lang not in ("python", "ruby")  # comments are no candidates
        # siblings are ordered and disjoint
        last: dict[int, int] = {}
        for s, e, p in nodes:
            assert s >= last.get(p, -1)
            last[p] = e


def test_leaves_and_wrappers_are_left_out_but_statements_stay():
    text = "def f(x):\n    if x:\n        pass\n    return g(x) + 1\n"
    facts = file_facts("r", "a.py", text, "python")
    got = [text[s:e] for s, e, _ in facts.fim_nodes]
    assert "pass" in got and "g(x)" in got and "g(x) + 1" in got and "(x)" in got
    assert "x" not in got and "1" not in got and "g" not in got  # identifiers, numbers
    assert len(got) == len(set((s, e) for s, e, _ in facts.fim_nodes))  # one entry per span


def _full_walk_then_cap(tree, src, limit):
    """The definition the largest-first walk must match: every candidate in preorder, then the
    ``limit`` largest kept (ties by preorder) with parents re-indexed."""
    out, stack = [], [(c, -1, -1, -1) for c in reversed(tree.root_node.named_children)]
    while stack:
        n, parent, ps, pe = stack.pop()
        k = fim_nodes._kind(n.type)
        if k & fim_nodes.SKIP or n.is_error or n.is_missing or n.end_byte <= n.start_byte:
            continue
        kids = () if k & fim_nodes.ATOMIC else n.named_children
        if (n.start_byte, n.end_byte) == (ps, pe):
            stack.extend((c, parent, ps, pe) for c in reversed(kids))
            continue
        if not kids and not k & (fim_nodes.ATOMIC | fim_nodes.LEAF_OK):
            continue
        out.append((n.start_byte, n.end_byte, parent))
        stack.extend((c, len(out) - 1, n.start_byte, n.end_byte) for c in reversed(kids))
    keep = sorted(sorted(range(len(out)), key=lambda k: (out[k][0] - out[k][1], k))[:limit])
    new = {old: i for i, old in enumerate(keep)}
    return [(out[k][0], out[k][1], new.get(out[k][2], -1)) for k in keep]


@pytest.mark.parametrize("min_nodes", [0, 5, 64, 10**6])
def test_largest_first_walk_equals_full_walk_cut_to_the_largest(monkeypatch, min_nodes):
    import inspect
    import json.decoder

    from repoloom.syntax.parse import parse_tree

    text = inspect.getsource(json.decoder)
    tree, src = parse_tree(text, "python")
    monkeypatch.setattr(fim_nodes, "MIN_NODES", min_nodes)
    limit = min_nodes + len(text) // fim_nodes.CHARS_PER_NODE
    got = fim_nodes.candidates(tree, src, "python")
    assert got == _full_walk_then_cap(tree, src, limit)
    assert len(got) == min(limit, len(_full_walk_then_cap(tree, src, 10**9)))


def test_error_subtrees_are_skipped():
    text = "def ok():\n    return 1\n\ndef bad(:\n    return ((\n"
    nodes = file_facts("r", "a.py", text, "python").fim_nodes
    assert any(text[s:e].startswith("def ok") for s, e, _ in nodes)


@pytest.mark.parametrize("min_nodes", [0, 64])
def test_largest_first_walk_equals_full_walk_in_every_language(monkeypatch, min_nodes):
    """Empty and plain leaf nodes never enter the heap: the cut must still be the full walk's (all languages)."""
    from repoloom.syntax import registry

    monkeypatch.setattr(fim_nodes, "MIN_NODES", min_nodes)
    texts = [(path, lang, text) for path, lang, text in corpus()]
    texts += [
        (p, lang.name, t)
        for lang in registry.languages()
        for p, t in lang.sample.files.items()
        if p.endswith(lang.extensions)
    ]
    texts.append(
        ("broken.py", "python", "def f(:\n    return [1, 2\nclass C(\n    x = 'a\n")
    )  # ERROR and MISSING nodes
    assert {lang for _, lang, _ in texts} >= {lang.name for lang in registry.languages()}
    for path, lang, text in texts:
        tree, src = parse_tree(text, lang)
        limit = min_nodes + len(text) // fim_nodes.CHARS_PER_NODE
        want = [
            (src.char(s), src.char(e), p) for s, e, p in _full_walk_then_cap(tree, src, limit)
        ]  # bytes -> characters
        assert fim_nodes.candidates(tree, src, lang) == want, path
