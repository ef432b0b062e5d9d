import io
import os

import pytest
import sentencepiece as spm

from repoloom.core.tokenizer import SPECIAL_PIECES, Tokenizer, TokenizerError
from tests.conftest import EXAMPLES


def _example_texts():
    out = []
    for root, _, files in os.walk(EXAMPLES):
        for f in sorted(files):
            try:
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    out.append(fh.read())
            except (UnicodeDecodeError, OSError):
                pass
    return out


def test_special_pieces_present(tok):
    assert set(tok.special_ids) == set(SPECIAL_PIECES)
    assert len(set(tok.special_ids.values())) == len(SPECIAL_PIECES)
    for name, piece in SPECIAL_PIECES.items():
        assert tok.id_to_piece(tok.special(name)) == piece


def test_real_code_roundtrips_byte_for_byte(tok, real_texts):
    texts = (
        real_texts + _example_texts() + ["  leading spaces\n\n\ttabs\r\nCRLF  \n", "unicode: é ✓ 日本語 \U0001f600\n"]
    )
    for text in texts:
        assert tok.decode(tok.encode(text)) == text


def test_separately_encoded_parts_concatenate(tok, real_texts):
    for text in real_texts[:20]:
        for a, b in [(len(text) // 3, 2 * len(text) // 3), (1, len(text) - 1), (len(text) // 2, len(text) // 2 + 7)]:
            parts = [text[:a], text[a:b], text[b:]]
            assert "".join(tok.decode(tok.encode(p)) for p in parts) == text


def test_sentinel_strings_in_source_are_plain_text(tok):
    text = 'FIM = "<|fim_prefix|>" + "<|file_separator|>" + "<eos>"\n'
    ids = tok.encode(text)
    assert not set(ids) & set(tok.special_ids.values())
    assert tok.decode(ids) == text


def test_model_without_required_pieces_is_refused(real_texts):
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([l for t in real_texts[:10] for l in t.splitlines() if l.strip()]),
        model_writer=buf,
        vocab_size=500,
        model_type="bpe",
        minloglevel=2,
    )
    with pytest.raises(TokenizerError, match="lacks required pieces"):
        Tokenizer(buf.getvalue())


def test_pickles_as_model_bytes(tok):
    import pickle

    t2 = pickle.loads(pickle.dumps(tok))
    assert t2.encode("def f(): pass\n") == tok.encode("def f(): pass\n")
