"""FIM candidates computed on demand (the build's per-file stage): a file's pieces are exactly those of the
candidates computed at parse time, and the candidates are computed only when a split draws on nodes."""

from __future__ import annotations

import dataclasses

import pytest

from repoloom.fim import split
from repoloom.fim.pieces import file_pieces
from repoloom.fim.split import FimConfig
from repoloom.syntax import fim_nodes
from repoloom.syntax.parse import file_facts, parse_facts


def _later(repo, path, text, language):
    """parse_facts' facts and a counted callable for the candidates, as the build's per-file stage has them."""
    facts, tree, src = parse_facts(repo, path, text, language)
    calls = []

    def nodes():
        calls.append(1)
        return fim_nodes.candidates(tree, src, language)

    return facts, nodes, calls


def test_parse_facts_are_file_facts_less_the_candidates(real_texts):
    for i, text in enumerate(real_texts[:12]):
        eager = file_facts("r", f"pkg/m{i}.py", text, "python")
        facts, tree, src = parse_facts("r", f"pkg/m{i}.py", text, "python")
        assert facts.fim_nodes == [] and eager.fim_nodes
        assert fim_nodes.candidates(tree, src, "python") == eager.fim_nodes
        assert dataclasses.replace(facts, fim_nodes=eager.fim_nodes) == eager
    facts, tree, src = parse_facts("r", "notes.txt", "plain text\n", None)  # no grammar: no tree
    assert tree is None and src is None and facts == file_facts("r", "notes.txt", "plain text\n", None)


@pytest.mark.parametrize("seq_len", [8192, 384])  # whole files, and files cut into several pieces
def test_pieces_with_candidates_on_demand_are_the_eager_pieces(tok, real_texts, seq_len):
    fim, asked, files = FimConfig(), 0, 0
    for seed in range(3):
        for i, text in enumerate(real_texts[:40]):
            path = f"pkg/m{i}.py"
            eager = file_pieces(text, file_facts("r", path, text, "python"), tok, fim, seq_len, seed)
            facts, nodes, calls = _later("r", path, text, "python")
            assert file_pieces(text, facts, tok, fim, seq_len, seed, nodes) == eager
            assert len(calls) <= 1  # once at most, however many pieces draw on them
            asked, files = asked + len(calls), files + 1
    assert 0 < asked < files  # some files never needed them


def test_candidates_are_asked_for_only_by_syntax_aware_draws(tok, real_texts):
    text = real_texts[0]
    for fim, wanted in (
        (FimConfig(rate=0.0), 0),
        (FimConfig(rate=1.0, random_rate=1.0), 0),
        (FimConfig(rate=1.0, random_rate=0.0), 1),
    ):
        facts, nodes, calls = _later("r", "pkg/a.py", text, "python")
        file_pieces(text, facts, tok, fim, 8192, 0, nodes)
        assert len(calls) == wanted
    broken = dataclasses.replace(facts, parse_ok=False)  # a parse too broken to trust: never asked, lines used
    _, nodes, calls = _later("r", "pkg/a.py", text, "python")
    assert split.usable_nodes(broken, FimConfig(), nodes) == []
    assert calls == []


def test_choose_calls_nodes_only_for_a_node_or_span_draw(real_texts):
    text, fim = real_texts[1], FimConfig(rate=1.0)
    eager = file_facts("r", "pkg/b.py", text, "python").fim_nodes
    methods = set()
    for piece in range(60):
        calls = []
        lazy = split.choose(text, lambda: calls.append(1) or eager, fim, 0, "r", "pkg/b.py", piece)
        assert lazy == split.choose(text, eager, fim, 0, "r", "pkg/b.py", piece)
        methods.add(lazy.method)
        assert len(calls) == (lazy.method != "random")  # the random draw never looks at nodes
    assert {"random", "node", "span"} <= methods
