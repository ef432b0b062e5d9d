"""Properties of the FIM span choice on real files of every supported language."""

from __future__ import annotations

import os
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repoloom.pipelines.config import DEFAULTS
from repoloom.fim.split import FimConfig
from repoloom.fim import split
from repoloom.syntax.languages import grammars
from repoloom.syntax.parse import file_facts, parse_tree
from fim_corpus import corpus, languages

FILES = corpus()


@lru_cache(maxsize=None)
def facts_of(i: int):
    path, lang, text = FILES[i]
    return file_facts("repo", path, text, lang)


@lru_cache(maxsize=None)
def parse_edges(i: int):
    """All node starts/ends (named or not) and leaf token spans of a fresh parse, in characters."""
    _, lang, text = FILES[i]
    tree, src = parse_tree(text, lang)
    starts, ends, leaves = set(), set(), []
    stack = [tree.root_node]
    while stack:
        n = stack.pop()
        s, e = src.char(n.start_byte), src.char(n.end_byte)
        starts.add(s)
        ends.add(e)
        if n.child_count == 0 or n.type in ("string_content", "comment"):
            leaves.append((s, e))
        else:
            stack.extend(n.children)
    return starts, ends, leaves


def cfg_with(**fim):
    return FimConfig(**fim)


def stable_name(path: str) -> str:
    """The decisions are seeded by the path: name a corpus file by its last two components, not by where the
    checkout or the virtual environment happens to live, so every outcome is the same in every checkout."""
    return "/".join(path.split(os.sep)[-2:])


def test_corpus_covers_every_language_and_parses_cleanly():
    assert languages() == set(grammars())
    for i, (path, _, _) in enumerate(FILES):
        f = facts_of(i)
        assert f.error_ratio <= DEFAULTS["fim"]["max_error_ratio"], path
        assert f.fim_nodes, path


def _check(i: int, choice: split.FimChoice):
    _, _, text = FILES[i]
    a, b = choice.start, choice.end
    pre, mid, suf = text[:a], text[a:b], text[b:]
    assert pre + mid + suf == text
    assert 0 <= a < b <= len(text), "middle must be non-empty"
    assert choice.mode in ("psm", "spm")
    if choice.method in ("node", "span"):
        starts, ends, leaves = parse_edges(i)
        ms = a + len(mid) - len(mid.lstrip())
        me = a + len(mid.rstrip())
        assert ms in starts, (choice, mid[:80])
        assert me in ends, (choice, mid[-80:])
        for s, e in leaves:  # no token of the language is cut
            assert not (s < a < e) and not (s < b < e), (choice, text[s:e][:80])
        assert b == len(text) or text[b - 1] == "\n" or b in starts, (choice, suf[:40])
    if choice.method == "line":
        assert a == 0 or text[a - 1] == "\n"
        assert b == len(text) or text[b - 1] == "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    i=st.integers(0, len(FILES) - 1),
    seed=st.integers(0, 2**32),
    piece=st.integers(0, 3),
    random_rate=st.sampled_from([0.0, 0.1]),
    node_share=st.sampled_from([0.0, 0.5, 1.0]),
)
def test_split_properties(i, seed, piece, random_rate, node_share):
    path, _, text = FILES[i]
    cfg = cfg_with(rate=1.0, random_rate=random_rate, node_share=node_share)
    choice = split.choose(text, split.usable_nodes(facts_of(i), cfg), cfg, seed, "repo", path, piece)
    assert choice is not None
    if random_rate == 0.0:
        assert choice.method in ("node", "span")  # files here all have syntax nodes
        if node_share == 1.0:
            assert choice.method == "node"
    _check(i, choice)


def test_every_language_gets_node_and_span_middles():
    cfg = cfg_with(rate=1.0, random_rate=0.0)
    for i, (path, lang, text) in enumerate(FILES):
        seen = set()
        name = stable_name(path)
        for piece in range(12):
            c = split.choose(text, split.usable_nodes(facts_of(i), cfg), cfg, 7, "repo", name, piece)
            _check(i, c)
            seen.add(c.method)
        assert seen == {"node", "span"}, (lang, path, seen)


def test_no_tree_gives_line_spans_and_random_share_is_character_level():
    path, _, text = FILES[0]
    cfg = cfg_with(rate=1.0, random_rate=0.0)
    for piece in range(50):
        c = split.choose(text, [], cfg, 1, "repo", path, piece)
        assert c.method == "line"
        _check(0, c)
    cfg = cfg_with(rate=1.0, random_rate=1.0)
    cuts = [split.choose(text, facts_of(0).fim_nodes, cfg, 1, "repo", path, p) for p in range(50)]
    assert {c.method for c in cuts} == {"random"}
    assert any(text[c.start - 1] != "\n" and c.start > 0 for c in cuts)  # not line-aligned


def test_too_broken_parse_falls_back_to_lines():
    text = "def f(:\n    return ((\n" * 20
    facts = file_facts("repo", "bad.py", text, "python")
    assert facts.error_ratio > DEFAULTS["fim"]["max_error_ratio"]
    assert split.usable_nodes(facts, FimConfig()) == []


def test_middle_is_capped_for_node_and_span():
    cfg = cfg_with(rate=1.0, random_rate=0.0, max_middle_chars=300)
    for i, (path, _, text) in enumerate(FILES[:20]):
        for piece in range(5):
            c = split.choose(text, facts_of(i).fim_nodes, cfg, 3, "repo", path, piece)
            _check(i, c)
            core = text[c.start : c.end].strip()
            assert len(core) <= min(300, len(text) // 2), (path, c)


def test_decisions_are_pure_functions_of_seed_repo_path_piece():
    path, _, text = FILES[1]
    nodes = facts_of(1).fim_nodes
    a = [split.choose(text, nodes, FimConfig(), 5, "r", path, p) for p in range(30)]
    b = [split.choose(text, list(nodes), FimConfig(), 5, "r", path, p) for p in range(30)]
    assert a == b
    c = [split.choose(text, nodes, FimConfig(), 6, "r", path, p) for p in range(30)]
    assert a != c


def test_rates_match_config_over_many_files():
    """FIM rate and SPM share match the configured values, over real files."""
    for rate, spm in [(0.8, 0.5), (0.5, 0.25)]:
        cfg = cfg_with(rate=rate, spm_rate=spm)
        n = fim = n_spm = 0
        for k in range(5000):
            i = k % len(FILES)
            path, _, text = FILES[i]
            c = split.choose(text, facts_of(i).fim_nodes, cfg, 11, f"repo{k // len(FILES)}", stable_name(path), 0)
            n += 1
            if c:
                fim += 1
                n_spm += c.mode == "spm"
        # within 4 binomial standard deviations: a wrong rate fails, sampling noise does not (the keys do not
        # depend on the checkout's location: in /tmp/ci30 the SPM share drew -4.1 sd with absolute paths)
        assert abs(fim / n - rate) <= 4 * (rate * (1 - rate) / n) ** 0.5, fim / n
        assert abs(n_spm / fim - spm) <= 4 * (spm * (1 - spm) / fim) ** 0.5, n_spm / fim


def test_random_share_matches_config():
    cfg = cfg_with(rate=1.0, random_rate=0.1)
    methods = [
        split.choose(FILES[k % len(FILES)][2], facts_of(k % len(FILES)).fim_nodes, cfg, 2, "r", str(k), 0).method
        for k in range(3000)
    ]
    assert abs(methods.count("random") / len(methods) - 0.1) <= 0.02


def test_piece_nodes_reindexes_parents():
    nodes = [(0, 100, -1), (10, 40, 0), (12, 20, 1), (50, 90, 0), (60, 70, 3)]
    out = split.piece_nodes(nodes, 45, 100)
    assert out == [(5, 45, -1), (15, 25, 0)]
    out = split.piece_nodes(nodes, 0, 45)
    assert out == [(10, 40, -1), (12, 20, 0)]


def _plain_piece_nodes(nodes, a, b):
    out, new = [], {}
    for k, (s, e, p) in enumerate(nodes):
        if a <= s and e <= b:
            new[k] = len(out)
            out.append((s - a, e - a, new.get(p, -1)))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.floats(0, 1), st.floats(0, 1))
def test_piece_nodes_looks_only_at_the_piece_and_finds_what_a_full_scan_finds(i, u, v):
    facts = facts_of(i % len(corpus()))
    n = facts.size
    a, b = sorted((int(u * n), int(v * n)))
    for lo, hi in ((a, b), (0, n), (a, a), (0, b), (a, n)):
        assert split.piece_nodes(facts.fim_nodes, lo, hi) == _plain_piece_nodes(facts.fim_nodes, lo, hi)


class _Fixed:
    def __init__(self, u):
        self.u = u

    def random(self):
        return self.u


def test_natural_edges():
    never, always = _Fixed(0.99), _Fixed(0.0)
    text = "x = 1  \n    y = 2  # c\n#include <a.h>\n    int z;\r\nw\n"
    assert split._natural_edges(never, text, 0, 5, 0.5) == (0, 8)  # blanks + newline: suffix at a line start
    y = text.index("y")
    assert split._natural_edges(never, text, y, y + 5, 0.5) == (y, y + 7)  # up to the next token (the comment)
    assert split._natural_edges(always, text, y, y + 5, 0.5) == (y - 4, y + 7)  # indentation taken along
    inc = text.index("#include")
    end = text.index("\n", inc) + 1  # a node that ends with its newline keeps the next line's indentation out
    assert split._natural_edges(never, text, inc, end, 0.5) == (inc, end)
    z = text.index("int")
    assert split._natural_edges(never, text, z, z + 6, 0.5) == (z, z + 8)  # CRLF
    assert split._natural_edges(never, "abc\n", 0, 3, 0.5) == (0, 3)  # never the whole text


def test_offsets_are_characters_not_bytes():
    text = "# é日本語 ✓\n" * 3 + "def grüße(名前):\n    return f'{名前} ✓'\n\n\nx = grüße('ü') + '日本'\n"
    facts = file_facts("r", "u.py", text, "python")
    tree, src = parse_tree(text, "python")
    node_texts = set()
    stack = [tree.root_node]
    while stack:
        n = stack.pop()
        node_texts.add(src.data[n.start_byte : n.end_byte].decode("utf-8"))
        stack.extend(n.children)
    for s, e, _ in facts.fim_nodes:
        assert text[s:e] in node_texts
    cfg = cfg_with(rate=1.0, random_rate=0.0)
    for piece in range(20):
        c = split.choose(text, facts.fim_nodes, cfg, 0, "r", "u.py", piece)
        assert text[c.start : c.end].strip() in node_texts or c.method == "span"
