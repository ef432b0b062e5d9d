"""FIM token layout (DESIGN.md) and its use inside file pieces."""

from __future__ import annotations

import pytest

from repoloom.core.config import ConfigError, parse_set
from repoloom.fim.split import FimConfig
from repoloom.pipelines.config import load_config
from repoloom.core.tokenizer import FIM_MIDDLE, FIM_PREFIX, FIM_SUFFIX
from repoloom.fim import layout, split
from repoloom.fim.pieces import file_pieces
from repoloom.syntax.parse import file_facts
from fim_corpus import corpus

FILES = corpus()


def _sentinels(tok):
    return tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix")


@pytest.mark.parametrize("mode", ["psm", "spm"])
def test_fim_tokens_decode_to_documented_layout(tok, mode):
    for path, lang, text in FILES[::5]:
        for a, b in [(len(text) // 3, 2 * len(text) // 3), (0, 5), (len(text) - 4, len(text))]:
            ids = layout.fim_tokens(tok, text, a, b, mode)
            pre, mid, suf = text[:a], text[a:b], text[b:]
            want = (
                f"{FIM_PREFIX}{pre}{FIM_SUFFIX}{suf}{FIM_MIDDLE}{mid}"
                if mode == "psm"
                else f"{FIM_PREFIX}{FIM_SUFFIX}{suf}{FIM_MIDDLE}{pre}{mid}"
            )
            assert tok.decode(ids) == want
            P, M, S = _sentinels(tok)
            assert sum(i in (P, M, S) for i in ids) == 3
            # each part is tokenized on its own
            if mode == "psm":
                assert ids == [P, *tok.encode(pre), S, *tok.encode(suf), M, *tok.encode(mid)]
            else:
                assert ids == [P, S, *tok.encode(suf), M, *tok.encode(pre), *tok.encode(mid)]


def test_parts_join_back_to_the_file(tok):
    for path, lang, text in FILES:
        for a, b in [(len(text) // 4, len(text) // 2)]:
            pre, mid, suf = layout.fim_parts(tok, text, a, b)
            assert tok.decode(pre) + tok.decode(mid) + tok.decode(suf) == text


def test_parts_cut_from_one_encoding_equal_separate_encodes(tok):
    import random

    r = random.Random(3)
    checked = 0
    for path, lang, text in FILES:
        ids = tok.encode(text)
        for _ in range(6):
            a = r.randrange(len(text))
            b = r.randrange(a, len(text) + 1)
            if r.random() < 0.5:  # node-like cuts: the middle starts at a line start
                a = text.rfind("\n", 0, a) + 1
            got = layout.fim_parts_of_encoding(tok, text, ids, a, b)
            assert got is not None
            assert tuple(got) == layout.fim_parts(tok, text, a, b), (path, a, b)
            checked += 1
    assert checked >= 30
    text = 's = "<|fim_middle|>"\nprint(s)\n'  # a guarded sentinel string: no shortcut
    assert layout.fim_parts_of_encoding(tok, text, tok.encode(text), 4, 12) is None


def test_literal_sentinel_text_in_source_stays_text(tok):
    text = 's = "<|fim_middle|><|fim_prefix|>"\nprint(s)\n'
    ids = layout.fim_tokens(tok, text, 4, 20, "psm")
    P, M, S = _sentinels(tok)
    assert [i for i in ids if i in (P, M, S)] == [P, S, M]
    with pytest.raises(ValueError):
        layout.fim_tokens(tok, text, 1, 2, "msp")


SEQ_LEN = 256


def test_pieces_fim_inside_each_piece_with_header_outside(tok):
    path, lang, text = next(f for f in FILES if len(f[2]) > 6000 and f[1] == "python")
    facts = file_facts("repo", "pkg/mod.py", text, lang)
    pieces = file_pieces(text, facts, tok, FimConfig(rate=1.0), SEQ_LEN, 0)
    assert len(pieces) > 3
    P, M, S = _sentinels(tok)
    methods = set()
    for p in pieces:
        a, b = p.char_span
        assert p.fim, "rate 1.0 FIMs every piece"
        ma, mb = p.fim["middle"]
        assert a <= ma < mb <= b  # never across a cut
        decoded = tok.decode(p.tokens)
        assert decoded.startswith("pkg/mod.py\n" + FIM_PREFIX)
        body = decoded[len("pkg/mod.py\n") :]
        pre, mid, suf = text[a:ma], text[ma:mb], text[mb:b]
        if p.fim["mode"] == "psm":
            assert body == f"{FIM_PREFIX}{pre}{FIM_SUFFIX}{suf}{FIM_MIDDLE}{mid}"
        else:
            assert body == f"{FIM_PREFIX}{FIM_SUFFIX}{suf}{FIM_MIDDLE}{pre}{mid}"
        assert p.fim["middle_tokens"] == len(tok.encode(mid))
        assert len(p.tokens) <= SEQ_LEN - 3
        methods.add(p.fim["method"])
    assert methods & {"node", "span"}


def test_context_level_leaves_pieces_whole(tok):
    path, lang, text = FILES[0]
    facts = file_facts("repo", "a.py", text, lang)
    pieces = file_pieces(text, facts, tok, FimConfig(rate=1.0, level="context"), 8192, 0)
    assert all(not p.fim for p in pieces)
    assert "".join(tok.decode(p.tokens)[len("a.py\n") :] for p in pieces) == text


def test_piece_node_spans_are_nodes_of_the_piece():
    path, lang, text = next(f for f in FILES if len(f[2]) > 6000 and f[1] == "python")
    facts = file_facts("repo", "m.py", text, lang)
    a = text.index("\n", len(text) // 3) + 1
    b = text.index("\n", 2 * len(text) // 3) + 1
    sub = split.piece_nodes(facts.fim_nodes, a, b)
    assert sub
    full = {(s, e) for s, e, _ in facts.fim_nodes}
    for s, e, p in sub:
        assert (s + a, e + a) in full
        if p >= 0:
            ps, pe, _ = sub[p]
            assert ps <= s and e <= pe and (ps, pe) != (s, e)


def test_unknown_fim_level_is_an_error():
    """The loader checks fim.level, so the FIM stage never sees a level it does not know."""
    with pytest.raises(ConfigError, match="'fim.level' must be one of 'document', 'context'"):
        load_config(overrides=parse_set(["fim.level=documnet"]))


def test_fast_whole_file_fim_gives_the_same_pieces(tok, monkeypatch):
    """Skipping the whole-file encode for a FIM'd file that fits changes nothing in the output."""
    from repoloom.fim import pieces as pieces_mod

    for seq_len in (8192, 700):
        fast = [
            file_pieces(text, file_facts("r", path, text, lang), tok, FimConfig(), seq_len, 0)
            for path, lang, text in FILES
        ]
        monkeypatch.setattr(pieces_mod, "FAST_FIM_CHARS_PER_TOKEN", -1)
        slow = [
            file_pieces(text, file_facts("r", path, text, lang), tok, FimConfig(), seq_len, 0)
            for path, lang, text in FILES
        ]
        monkeypatch.undo()
        assert fast == slow
        assert sum(len(p) > 1 for p in fast) > (5 if seq_len == 700 else -1)
