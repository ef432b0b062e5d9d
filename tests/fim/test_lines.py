"""fim/lines.py: a file's encode from its lines' encodes is exactly the whole-text encode."""

from __future__ import annotations

import io

import pytest
import sentencepiece as spm

from repoloom.core import tokenizer as T
from repoloom.core.tokenizer import Tokenizer
from repoloom.fim import lines

EDGES = [
    "",
    "\n",
    "\n\n\n",
    "x",
    "a\nb",
    "trailing newline\n",
    "  indented\n\n\tmixed \t \n   \n}\n",
    "crlf\r\nlines\r\n\r\n",
    "non-ascii: Größe = 'é' + \u00a0ﬁ ①\n# 注释\n",
    "sentinels in text: <|fim_prefix|> <|fim_middle|>\n<eos><pad><|file_separator|>\n",
    "x" * (lines.MAX_LINE_CHARS + 5) + "\n" + "y = 1\n",
]


def test_our_models_qualify_and_encode_exactly(tok, real_texts):
    assert lines._lines_of(tok) is not None
    for text in EDGES + real_texts + real_texts:  # the second pass answers from the cache
        assert lines.encode_ids(tok, text).tolist() == tok.encode(text), text[:80]
    cache = lines._lines_of(tok).cache
    assert cache and all(len(k) <= lines.MAX_LINE_CHARS for k in cache)
    assert "    return" not in cache or list(cache["    return"]) == tok.encode("    return")


def test_the_cache_is_bounded_and_starts_over(tok, real_texts, monkeypatch):
    monkeypatch.setattr(lines, "MAX_LINES", 50)
    line_cache = lines._lines_of(tok)
    line_cache.cache.clear()
    sizes = []
    for text in real_texts[:10]:
        assert lines.encode_ids(tok, text).tolist() == tok.encode(text)
        sizes.append(len(line_cache.cache))
    assert max(sizes) <= 50 + max(len(set(t.split("\n"))) for t in real_texts[:10])
    assert any(b < a for a, b in zip(sizes, sizes[1:])), "the cache was cleared at least once"


def _model(real_texts, **changes) -> Tokenizer:
    """A small model trained as core.tokenizer trains, with some settings changed."""
    buf = io.BytesIO()
    args = dict(
        sentence_iterator=iter(real_texts[:20]),
        model_writer=buf,
        **T.trainer_options(600, num_threads=1),
    )
    args.update(changes)
    spm.SentencePieceTrainer.train(**args)
    return Tokenizer(buf.getvalue())


@pytest.mark.parametrize(
    "changes, lines_differ",
    [
        ({"add_dummy_prefix": True}, True),  # a '▁' before every encoded text: per line it would repeat
        ({"remove_extra_whitespaces": True}, True),  # spaces at a text's ends dropped: per line, at every line's
        ({"user_defined_symbols": list(T.SENTINELS)}, True),  # the newline an ordinary piece ('\n\n', '\n ')
        ({"normalization_rule_name": "nmt_nfkc"}, False),  # text changed on the way in: refused to be safe
    ],
)
def test_other_models_encode_whole(real_texts, changes, lines_differ):
    tok = _model(real_texts, **changes)
    assert lines._lines_of(tok) is None
    texts = EDGES + real_texts[:5]
    for text in texts:
        assert lines.encode_ids(tok, text).tolist() == tok.encode(text)
    forced = lines._Lines(tok, tok.encode("\n"))  # what the line path would have given
    assert any(forced.encode(t).tolist() != tok.encode(t) for t in texts if "\n" in t) == lines_differ


def test_the_same_settings_qualify(real_texts):
    """The control for the test above: the model trained the way core.tokenizer trains does qualify."""
    tok = _model(real_texts)
    assert lines._lines_of(tok) is not None
    for text in EDGES + real_texts[:5]:
        assert lines.encode_ids(tok, text).tolist() == tok.encode(text)
