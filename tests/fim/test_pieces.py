"""Long files are cut at token boundaries of their one encoding, never inside a character."""

from repoloom.fim.split import FimConfig
from repoloom.fim.pieces import _token_chunks, body_budget, file_pieces
from repoloom.syntax.parse import file_facts


def test_long_files_cut_into_pieces_that_decode_back(tok, real_texts):
    seq_len, fim = 256, FimConfig(rate=0.0)
    odd = "".join(f"# ligne {i}: café ✓ 日本語 \U0001f600 <|fim_prefix|> {'x' * (i % 50)}\n" for i in range(300))
    for text in real_texts[:10] + [odd, "y" * 5000]:  # real code, non-ASCII with byte fallback, one long line
        facts = file_facts("r", "pkg/mod.py", text, "python")
        pieces = file_pieces(text, facts, tok, fim, seq_len, 0)
        header = len(tok.encode("pkg/mod.py\n"))
        assert len(pieces) > 1
        assert "".join(text[a:b] for a, b in (p.char_span for p in pieces)) == text
        assert "".join(tok.decode(p.tokens[header:]) for p in pieces) == text
        assert all(len(p.tokens) <= seq_len - 3 for p in pieces)
        special = set(tok.special_ids.values())
        assert not any(set(p.tokens) & special for p in pieces)


def test_token_chunks_prefer_line_ends(tok, real_texts):
    text = real_texts[0] * 3
    ids = tok.encode(text)
    budget = body_budget(512, 5)
    chunks = _token_chunks(tok, text, ids, budget)
    assert sum(len(c[2]) for c in chunks) == len(ids)
    ends_at_newline = sum(text[b - 1] == "\n" for _, b, _ in chunks[:-1])
    assert ends_at_newline >= len(chunks) - 2
