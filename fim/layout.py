"""FIM encoding: prefix, middle and suffix are tokenized separately (FIM paper) and laid out as PSM or
SPM by ``repoloom.core.layout`` (the one definition, shared with the trainer).

The ``path↵`` header stays outside, before the FIM'd body (packing/pieces.py).
"""
from __future__ import annotations

from typing import Sequence

from repoloom.core import layout as _layout


def fim_parts(tok, text: str, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """Prefix, middle and suffix token ids, each encoded on its own."""
    return tok.encode(text[:start]), tok.encode(text[start:end]), tok.encode(text[end:])


def assemble(tok, pre: Sequence[int], mid: Sequence[int], suf: Sequence[int], mode: str) -> list[int]:
    return _layout.assemble(pre, mid, suf, mode, {k: tok.special(k) for k in _layout.SENTINELS})


def fim_tokens(tok, text: str, start: int, end: int, mode: str) -> list[int]:
    return assemble(tok, *fim_parts(tok, text, start, end), mode)
