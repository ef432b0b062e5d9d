"""The fill-in-the-middle token layout: its one definition, used by ``fim/`` to write rows and by
``train/`` to read them (FIM paper; CodeGemma's sentinels).

PSM: <|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>{middle}
SPM: <|fim_prefix|><|fim_suffix|>{suffix}<|fim_middle|>{prefix}{middle}   (variant 2)

A FIM'd file body is followed by ``<|file_separator|>`` (or the segment's ``<eos>``), which ends the
middle. ``special`` maps the special-token names of ``core.tokenizer`` to ids.
"""

from __future__ import annotations

import dataclasses
from typing import Mapping, Sequence

import numpy as np

MODES = ("psm", "spm")
SENTINELS = ("fim_prefix", "fim_middle", "fim_suffix")


def assemble(
    pre: Sequence[int], mid: Sequence[int], suf: Sequence[int], mode: str, special: Mapping[str, int]
) -> list[int]:
    """The token ids of one FIM'd body from its separately tokenized prefix, middle and suffix."""
    P, M, S = special["fim_prefix"], special["fim_middle"], special["fim_suffix"]
    if mode == "psm":
        return [P, *pre, S, *suf, M, *mid]
    if mode == "spm":
        return [P, S, *suf, M, *pre, *mid]
    raise ValueError(f"unknown FIM mode {mode!r}")


@dataclasses.dataclass
class FimExample:
    """A PSM body found whole in a row: the path header's ids and the three pieces."""

    path: list[int]
    prefix: list[int]
    suffix: list[int]
    middle: list[int]

    def prompt(self, special: Mapping[str, int]) -> list[int]:
        """The inference prompt ``<bos>path↵`` + the PSM layout up to ``<|fim_middle|>``."""
        return [special["bos"], *self.path, *assemble(self.prefix, [], self.suffix, "psm", special)]


def find_psm_examples(tokens, segment_ids, special: Mapping[str, int]) -> list[FimExample]:
    """Every PSM body lying whole in a row, with the path that precedes it.

    Bodies where ``<|fim_prefix|>`` is directly followed by ``<|fim_suffix|>`` are skipped: that is
    the SPM layout (prefix and middle joined) and cannot be told from PSM with an empty prefix."""
    tokens = [int(t) for t in tokens]
    seg = [int(s) for s in segment_ids]
    pre, mid, suf, sep, eos, bos = (
        special[k] for k in ("fim_prefix", "fim_middle", "fim_suffix", "file_separator", "eos", "bos")
    )
    sentinels = {pre, mid, suf, sep, eos, bos}
    out = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t != pre or seg[i] == 0:
            continue
        # The file starts after the previous <|file_separator|> or <bos> of the same segment.
        j = i - 1
        while j >= 0 and seg[j] == seg[i] and tokens[j] not in (sep, bos):
            j -= 1
        if j < 0 or seg[j] != seg[i] or any(tokens[x] in sentinels for x in range(j + 1, i)):
            continue

        def until(start, stop_ids):
            k = start
            while k < n and seg[k] == seg[i] and tokens[k] not in sentinels:
                k += 1
            return k if k < n and seg[k] == seg[i] and tokens[k] in stop_ids else None

        s_at = until(i + 1, {suf})
        if s_at is None or s_at == i + 1:  # no suffix sentinel, or SPM / empty-prefix PSM (ambiguous)
            continue
        m_at = until(s_at + 1, {mid})
        e_at = None if m_at is None else until(m_at + 1, {sep, eos})
        if e_at is None:
            continue
        out.append(
            FimExample(tokens[j + 1 : i], tokens[i + 1 : s_at], tokens[s_at + 1 : m_at], tokens[m_at + 1 : e_at])
        )
    return out


def middle_mask(tokens, segment_ids, positions, special: Mapping[str, int]) -> np.ndarray:
    """True at the tokens after a ``<|fim_middle|>`` (works on [T] or [B, T]): the middle in PSM,
    prefix + middle in SPM.

    The span ends at the next ``<|file_separator|>`` or ``<eos>`` of the segment, which itself counts
    (predicting where the middle ends is part of infilling); the ``<|fim_middle|>`` sentinel does not.
    A new segment (position 0) ends an open span. Padding never counts."""
    tokens = np.asarray(tokens)
    positions = np.asarray(positions)
    idx = np.broadcast_to(np.arange(tokens.shape[-1]), tokens.shape)
    opens = np.where(tokens == special["fim_middle"], idx, -1)
    closes = np.where((tokens == special["file_separator"]) | (tokens == special["eos"]) | (positions == 0), idx, -1)
    last_open = np.maximum.accumulate(opens, axis=-1)
    last_close = np.maximum.accumulate(closes, axis=-1)
    # State before token i: shift right by one.
    pad = [(0, 0)] * (tokens.ndim - 1) + [(1, 0)]
    prev_open = np.pad(last_open, pad, constant_values=-1)[..., :-1]
    prev_close = np.pad(last_close, pad, constant_values=-1)[..., :-1]
    return (prev_open > prev_close) & (positions != 0) & (np.asarray(segment_ids) != 0)
