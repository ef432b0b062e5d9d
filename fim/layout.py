"""FIM layouts (DESIGN.md): prefix, middle and suffix are tokenized separately (FIM paper).

PSM: <|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>{middle}
SPM: <|fim_prefix|><|fim_suffix|>{suffix}<|fim_middle|>{prefix}{middle}   (variant 2)
"""
from __future__ import annotations


def fim_tokens(tok, text: str, start: int, end: int, mode: str) -> list[int]:
    pre, mid, suf = tok.encode(text[:start]), tok.encode(text[start:end]), tok.encode(text[end:])
    P, M, S = tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix")
    if mode == "psm":
        return [P, *pre, S, *suf, M, *mid]
    if mode == "spm":
        return [P, S, *suf, M, *pre, *mid]
    raise ValueError(f"unknown FIM mode {mode!r}")
