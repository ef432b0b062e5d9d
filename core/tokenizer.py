"""SentencePiece wrapper that knows the special pieces of the CodeGemma layout.

Code must survive encode -> decode byte for byte, also when parts are encoded
separately and joined (FIM does that), so models we train use identity
normalisation, keep all whitespace and add no dummy prefix. Literal sentinel
strings inside source text are encoded as ordinary text, never as the sentinel.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import ClassVar, Iterable, Sequence

import sentencepiece as spm
from repoloom.core.config import num


@dataclass
class TokenizerConfig:
    KEY: ClassVar[str] = "tokenizer"
    vocab_size: int = num(32000, 300, 1 << 20)  # below ~300 the special and byte pieces do not fit
    sample_bytes: int = num(20_000_000, 1)
    sample_files: int = num(20000, 1)


BOS, EOS, PAD = "<bos>", "<eos>", "<pad>"
FIM_PREFIX, FIM_MIDDLE, FIM_SUFFIX, FILE_SEPARATOR = (
    "<|fim_prefix|>",
    "<|fim_middle|>",
    "<|fim_suffix|>",
    "<|file_separator|>",
)
SENTINELS = (FIM_PREFIX, FIM_MIDDLE, FIM_SUFFIX, FILE_SEPARATOR)
SPECIAL_PIECES = {
    "bos": BOS,
    "eos": EOS,
    "pad": PAD,
    "fim_prefix": FIM_PREFIX,
    "fim_middle": FIM_MIDDLE,
    "fim_suffix": FIM_SUFFIX,
    "file_separator": FILE_SEPARATOR,
}
# Pieces that help code: newline and tab as whole pieces (spaces runs are learned as ▁▁▁▁).
_EXTRA_SYMBOLS = ("\n", "\t")


class TokenizerError(ValueError):
    pass


class Tokenizer:
    """A loaded SentencePiece model plus the ids of the special pieces."""

    def __init__(self, model_proto: bytes):
        self.model_proto = bytes(model_proto)
        try:
            self.sp = spm.SentencePieceProcessor(model_proto=self.model_proto)
        except RuntimeError:  # sentencepiece's message is an internal parse error: say what it means
            raise TokenizerError(
                f"not a SentencePiece model ({len(self.model_proto)} bytes that do not parse as one); "
                "give a .model file written by SentencePiece or `repoloom tokenizer train`"
            ) from None
        self.vocab_size = self.sp.vocab_size()
        ids, missing = {}, []
        for name, piece in SPECIAL_PIECES.items():
            i = self.sp.piece_to_id(piece)
            if i == self.sp.unk_id() or i < 0:
                missing.append(piece)
            ids[name] = i
        if missing:
            raise TokenizerError(
                "the SentencePiece model lacks required pieces "
                + ", ".join(missing)
                + "; train one with `repoloom tokenizer train` or use a model (such as Gemma's) that holds them"
            )
        self.special_ids = ids
        self.bos_id, self.eos_id, self.pad_id = ids["bos"], ids["eos"], ids["pad"]
        self.sentinel_ids = {ids["fim_prefix"], ids["fim_middle"], ids["fim_suffix"], ids["file_separator"]}
        # Strings the model would turn into a single special id if they appeared in source text.
        self._guarded = tuple(
            p
            for p in SENTINELS + (BOS, EOS, PAD)
            if len(self.sp.encode(p)) == 1 and self.sp.encode(p)[0] in ids.values()
        )

    @classmethod
    def from_file(cls, path: str) -> "Tokenizer":
        with open(path, "rb") as f:
            return cls(f.read())

    def __reduce__(self):  # pickles as its model bytes (Beam ships DoFns to workers)
        return (Tokenizer, (self.model_proto,))

    def encode(self, text: str) -> list[int]:
        """Encode source text; sentinel strings inside it stay ordinary text."""
        if not text:
            return []
        if "<" not in text or not any(g in text for g in self._guarded):
            return self.sp.encode(text)
        out: list[int] = []
        for part in _split_guarded(text, self._guarded):
            out.extend(self.sp.encode(part))
        return out

    def byte_lengths(self):
        """UTF-8 length of each id's surface text (numpy int64 array), for cutting an encoding at
        token boundaries without re-encoding. Valid for identity-normalised models; callers check sums."""
        if getattr(self, "_byte_lengths", None) is None:
            import numpy as np

            sp = self.sp
            lengths = np.zeros(self.vocab_size, dtype=np.int64)
            for i in range(self.vocab_size):
                if sp.is_byte(i):
                    lengths[i] = 1
                elif not (sp.is_control(i) or sp.is_unknown(i)):
                    lengths[i] = len(sp.id_to_piece(i).replace("\u2581", " ").encode("utf-8"))
            self._byte_lengths = lengths
        return self._byte_lengths

    def special(self, name: str) -> int:
        return self.special_ids[name]

    def decode(self, ids: Sequence[int]) -> str:
        return self.sp.decode(list(ids))

    def id_to_piece(self, i: int) -> str:
        return self.sp.id_to_piece(int(i))


def _split_guarded(text: str, guarded: Sequence[str]) -> list[str]:
    """Cut text so no part contains a guarded string whole: '<|fim_prefix|>' becomes '<' + '|fim_prefix|>'."""
    parts, start, i = [], 0, text.find("<")
    while i != -1:
        if any(text.startswith(g, i) for g in guarded):
            parts.append(text[start : i + 1])
            start = i + 1
        i = text.find("<", i + 1)
    parts.append(text[start:])
    return [p for p in parts if p]


MAX_SENTENCE_BYTES = 1 << 22  # SentencePiece silently skips longer sentences


def trainer_sentences(texts: Iterable[str], max_bytes: int = MAX_SENTENCE_BYTES) -> Iterable[str]:
    """Texts as SentencePiece takes them: a text over max_bytes is cut at line ends (at worst
    mid-line) into parts that fit, so no text is skipped for its length."""
    window = max_bytes // 4  # characters: at most 4 UTF-8 bytes each
    for t in texts:
        if len(t.encode("utf-8", "surrogatepass")) <= max_bytes:
            yield t
            continue
        start = 0
        while start < len(t):
            end = min(len(t), start + window)
            if end < len(t) and (nl := t.rfind("\n", start, end)) > start:
                end = nl + 1
            yield t[start:end]
            start = end


def trainer_options(vocab_size: int, *, num_threads: int = 2, model_type: str = "bpe") -> dict:
    """SentencePiece trainer settings of every model we train (identity normalisation, byte fallback, no dummy
    prefix: code round-trips byte for byte), without the input and output."""
    return dict(
        vocab_size=vocab_size,
        model_type=model_type,
        byte_fallback=True,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        add_dummy_prefix=False,
        split_digits=True,
        allow_whitespace_only_pieces=True,
        max_sentence_length=MAX_SENTENCE_BYTES,
        user_defined_symbols=list(SENTINELS) + list(_EXTRA_SYMBOLS),
        pad_id=0,
        eos_id=1,
        bos_id=2,
        unk_id=3,
        pad_piece=PAD,
        eos_piece=EOS,
        bos_piece=BOS,
        unk_piece="<unk>",
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=num_threads,
    )


def train_tokenizer(texts: Iterable[str], vocab_size: int, *, num_threads: int = 2, model_type: str = "bpe") -> bytes:
    """Train a byte-fallback SentencePiece model on texts; returns the model bytes."""
    buf = io.BytesIO()
    texts = [t for t in trainer_sentences(texts) if t]
    if not texts:
        raise TokenizerError("no text to train a tokenizer on")
    try:
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(texts),
            model_writer=buf,
            **trainer_options(vocab_size, num_threads=num_threads, model_type=model_type),
        )
    except RuntimeError as e:  # sentencepiece reports bad settings as RuntimeError
        raise TokenizerError(f"tokenizer training failed: {e}") from e
    return buf.getvalue()


def smaller_vocabulary(got: int, asked: int) -> str | None:
    """SentencePiece stops early when the sample holds fewer pieces than asked (hard_vocab_limit=False): say so."""
    if got >= asked:
        return None
    return (
        f"the trained tokenizer has {got} pieces, fewer than the {asked} asked (the sample holds no more "
        "distinct pieces; give more input, raise tokenizer.sample_bytes or lower tokenizer.vocab_size)"
    )
