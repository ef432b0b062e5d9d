"""A file's one encode, with each distinct line encoded once per process.

Models trained here make the newline its own piece (a user-defined symbol that no merge crosses) and
keep text as it is (identity normalisation, no dummy prefix, every space kept). For such a model,
encode(text) is the encodings of its lines joined by the newline's id: no piece spans a newline, so
BPE merges (and unigram paths) inside one line never depend on another line, and nothing is added or
removed at a line's ends. Code repeats lines (blank lines, braces, ``return``, imports, licence
headers): in 10 MB of installed packages half the lines are repeats, and encoding each distinct line
once, from a bounded cache, takes about two thirds of the time of encoding the whole text.

Whether a model qualifies is decided once per Tokenizer: no piece but the newline itself holds a
newline, and probe texts (spaces and tabs at line ends, blank lines, characters a normaliser would
change) encode line by line exactly as whole and decode back to themselves. Any other model (one
whose pieces span newlines, as large general models' do, or one that normalises or adds a dummy
prefix) encodes every text whole: the ids are always exactly ``tok.encode(text)``.
"""

from __future__ import annotations

import threading
from array import array

import numpy as np

MAX_LINES = 1 << 17  # distinct lines kept per tokenizer; then the cache starts over (about 25 MB at most)
MAX_LINE_CHARS = 256  # longer lines are encoded, not kept (minified code would fill the cache)

_PROBES = (
    ("", " x"),
    ("  def f(a, b):  ", "\treturn a"),
    ("x = 1 ", ""),
    ("", ""),
    (" ", "  "),
    ("\u00a0ﬁ Ａ ①", "e\u0301 \u3000 ;"),
    ("/* <|fim_prefix|> */", "<eos> <pad>"),
)


class _Lines:
    """A qualifying model's line cache: distinct line -> its ids, then the newline's, as int32 bytes (a
    file's ids are then one bytes join, never a Python int per token)."""

    def __init__(self, tok, newline: list[int]):
        self.tok, self.newline = tok, newline
        self.cache: dict[str, bytes] = {}
        self.lock = threading.Lock()

    def encode(self, text: str) -> np.ndarray:
        lines = text.split("\n")
        cache = self.cache
        got = list(map(cache.get, lines))
        if None in got:
            missing = list(dict.fromkeys(line for line, ids in zip(lines, got) if ids is None))
            nl = self.newline
            fresh = {line: array("i", ids + nl).tobytes() for line, ids in zip(missing, self._encode_many(missing))}
            with self.lock:
                if len(cache) + len(fresh) > MAX_LINES:
                    cache.clear()
                for line, ids in fresh.items():
                    if len(line) <= MAX_LINE_CHARS:
                        cache[line] = ids
            got = [ids if ids is not None else fresh[line] for line, ids in zip(lines, got)]
        out = np.frombuffer(b"".join(got), dtype=np.int32)
        return out[: out.size - len(self.newline)]  # the last line has no newline after it

    def _encode_many(self, lines: list[str]) -> list[list[int]]:
        tok = self.tok
        guarded = tok._guarded
        plain = [line for line in lines if "<" not in line or not any(g in line for g in guarded)]
        done = dict(zip(plain, tok.sp.encode(plain, num_threads=1))) if plain else {}
        return [done[line] if line in done else tok.encode(line) for line in lines]


_MODELS: dict[int, tuple[object, _Lines | None]] = {}


def _lines_of(tok) -> _Lines | None:
    hit = _MODELS.get(id(tok))
    if hit is None or hit[0] is not tok:  # the Tokenizer is held, so its id is not reused while cached
        if len(_MODELS) >= 4:
            _MODELS.clear()
        hit = _MODELS[id(tok)] = (tok, _qualify(tok))
    return hit[1]


def _qualify(tok) -> _Lines | None:
    sp = tok.sp
    newline = tok.encode("\n")
    if len(newline) != 1 or sp.id_to_piece(newline[0]) != "\n":
        return None
    for i in range(tok.vocab_size):
        if i != newline[0] and not sp.is_byte(i) and "\n" in sp.id_to_piece(i):
            return None  # a piece spans a newline: lines are not independent
    for a, b in _PROBES:
        text = a + "\n" + b
        whole = tok.encode(text)
        if whole != tok.encode(a) + newline + tok.encode(b) or tok.decode(whole) != text:
            return None
    return _Lines(tok, newline)


def encode_ids(tok, text: str) -> np.ndarray:
    """``tok.encode(text)`` as int32 ids, each distinct line encoded once per process where the model allows it."""
    lines = _lines_of(tok) if "\n" in text else None
    return np.asarray(tok.encode(text), dtype=np.int32) if lines is None else lines.encode(text)
