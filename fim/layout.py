"""FIM encoding: prefix, middle and suffix are tokenized separately (FIM paper) and laid out as PSM or
SPM by ``repoloom.core.layout`` (the one definition, shared with the trainer).

The ``path↵`` header stays outside, before the FIM'd body (fim/pieces.py).
"""

from __future__ import annotations

from typing import Sequence

from repoloom.core import layout as _layout


def fim_parts(tok, text: str, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """Prefix, middle and suffix token ids, each encoded on its own."""
    return tok.encode(text[:start]), tok.encode(text[start:end]), tok.encode(text[end:])


def fim_parts_of_encoding(tok, text: str, ids: Sequence[int], start: int, end: int):
    """fim_parts from the text's one encoding ``ids``: only the partial lines at the two cuts are
    encoded again, whole lines are sliced out of ``ids``. Exactly fim_parts' result: a newline is its
    own piece (a user-defined symbol no merge crosses), so text up to a line start encodes to the
    tokens before it. None when that cannot be relied on (token byte lengths do not add up to the
    text, a guarded sentinel string inside, or a newline merged into another piece); then fim_parts."""
    import numpy as np

    data = text.encode("utf-8", "surrogatepass")
    if "<" in text and any(g in text for g in tok._guarded):
        return None
    ends = np.cumsum(tok.byte_lengths()[np.asarray(ids, dtype=np.int64)])
    if len(ends) == 0 or int(ends[-1]) != len(data):
        return None
    ascii_ = len(data) == len(text)

    def to_byte(c: int) -> int:
        return c if ascii_ else len(text[:c].encode("utf-8", "surrogatepass"))

    def tok_at(b: int) -> int | None:
        """Index of the token starting at byte b (a line start), or None when no token boundary is there."""
        if b == 0:
            return 0
        k = int(np.searchsorted(ends, b, side="left"))
        return k + 1 if k < len(ends) and int(ends[k]) == b else None

    def encode_range(a: int, b: int) -> list[int] | None:
        """encode(text[a:b]) with whole lines sliced from ids; a and b are character offsets."""
        if a >= b:
            return []
        first = text.find("\n", a, b)  # the line start after a
        last = text.rfind("\n", a, b)  # the line start at or before b
        if first == -1 or first + 1 >= b:
            return tok.encode(text[a:b])
        la, lb = first + 1, last + 1
        ka, kb = tok_at(to_byte(la)), tok_at(to_byte(lb)) if lb < len(text) else len(ids)
        if ka is None or kb is None:
            return None
        inner = ids[ka:kb]
        return (
            tok.encode(text[a:la])
            + (inner.tolist() if hasattr(inner, "tolist") else list(inner))
            + tok.encode(text[lb:b])
        )

    parts = encode_range(0, start), encode_range(start, end), encode_range(end, len(text))
    return None if any(p is None for p in parts) else parts


def assemble(tok, pre: Sequence[int], mid: Sequence[int], suf: Sequence[int], mode: str) -> list[int]:
    return _layout.assemble(pre, mid, suf, mode, {k: tok.special(k) for k in _layout.SENTINELS})


def fim_tokens(tok, text: str, start: int, end: int, mode: str) -> list[int]:
    return assemble(tok, *fim_parts(tok, text, start, end), mode)
