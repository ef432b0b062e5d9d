"""FIM layouts (DESIGN.md): prefix, middle and suffix are tokenized separately (FIM paper).

PSM: <|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>{middle}
SPM: <|fim_prefix|><|fim_suffix|>{suffix}<|fim_middle|>{prefix}{middle}   (variant 2)

The ``path↵`` header stays outside, before the FIM'd body (packing/pieces.py).
"""
from __future__ import annotations

from typing import Sequence

MODES = ("psm", "spm")


def fim_parts(tok, text: str, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """Prefix, middle and suffix token ids, each encoded on its own."""
    return tok.encode(text[:start]), tok.encode(text[start:end]), tok.encode(text[end:])


def assemble(tok, pre: Sequence[int], mid: Sequence[int], suf: Sequence[int], mode: str) -> list[int]:
    P, M, S = tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix")
    if mode == "psm":
        return [P, *pre, S, *suf, M, *mid]
    if mode == "spm":
        return [P, S, *suf, M, *pre, *mid]
    raise ValueError(f"unknown FIM mode {mode!r}")


def fim_tokens(tok, text: str, start: int, end: int, mode: str) -> list[int]:
    return assemble(tok, *fim_parts(tok, text, start, end), mode)
