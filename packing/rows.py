"""Pieces into fixed-length rows.

Two methods, both per bucket, both deterministic in the order they are given:

- ``stream`` (default): each planning group's pieces form one stream in planned
  order; streams are laid into rows back to back (concatenate-and-chunk). When
  the next piece does not fit the rest of a row, it is cut at a line end (a
  token boundary when no line end lies within ``line_slack`` tokens of the
  row's end, seq_len // 128 by default): the first
  part ends the row's segment, the rest continues the stream in the next row as
  a new piece that starts again with its ``path↵`` header. Only the cut's slack
  and the bucket's last row are padding; the last rows of all buckets are packed
  once more together (``tail``), so at most one row of the job is partial.
- ``segments``: the planner's segments (whole pieces, cut at the weakest
  dependency links, each at most seq_len) are packed best-fit-decreasing
  (Ding et al. 2024). Kept to measure against; it pads 12-22% on real code
  because the segments are mostly large.

Layout of a segment: ``<bos> piece (<|file_separator|> piece)* <eos>``.
"""

from __future__ import annotations

import bisect
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable, ClassVar, Iterable, Optional, Sequence

import numpy as np
from repoloom.core import counters as C
from repoloom.core.config import choice, num


@dataclass
class PackingConfig:
    """Rows (packing/rows.py): "stream" lays each repository's stream into rows back to back, cutting at line
    ends (at most line_slack tokens of padding per cut; None = seq_len // 128); "segments" best-fit packs the
    planner's segments (whole pieces; pads 12-22% on real code)."""

    KEY: ClassVar[str] = "packing"
    buckets: int = num(16, 1)
    method: str = choice("stream", "stream", "segments")
    line_slack: Optional[int] = num(None, 1)
    min_part_tokens: int = num(16, 1)


STREAM, SEGMENTS = "stream", "segments"
METHODS = (STREAM, SEGMENTS)


def line_slack(packing: PackingConfig, seq_len: int) -> int:
    """packing.line_slack; None = seq_len // 128 (16 tokens at 2048, 64 at 8192)."""
    return packing.line_slack if packing.line_slack is not None else max(1, int(seq_len) // 128)


@dataclass
class Part:
    """A piece as packing sees it; a cut makes two parts, each ``path↵`` + body."""

    path: str
    number: int  # piece number within the file after packing's cuts (lineage "piece")
    tokens: np.ndarray  # int32: header + body, FIM inside the body
    header: int  # tokens of the path↵ header
    char_span: tuple[int, int]
    fim: dict = field(default_factory=dict)
    imports: tuple[str, ...] = ()  # kept dependency edges from this file (for edges-in-segment)
    segment: int = 0  # the planner's segment (method "segments")
    language: str | None = None  # the file's language as the per-file stage found it (shebang scripts included)

    def __len__(self) -> int:
        return len(self.tokens)


Segment = tuple[object, list[Part]]  # (stream key, parts in order)
Row = list[Segment]


# ---------------------------------------------------------------- best fit (method "segments")


def best_fit_decreasing(lengths: Sequence[int], capacity: int) -> list[list[int]]:
    """Indices of items per bin. Ties break by index, so the result is deterministic."""
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    bins: list[list[int]] = []
    free: list[tuple[int, int]] = []  # sorted (remaining capacity, bin number)
    for i in order:
        n = lengths[i]
        if n > capacity:
            raise ValueError(f"item of {n} tokens exceeds capacity {capacity}")
        k = bisect.bisect_left(free, (n, -1))
        if k < len(free):
            rem, b = free.pop(k)
            bins[b].append(i)
            if rem - n > 0:
                bisect.insort(free, (rem - n, b))
        else:
            bins.append([i])
            if capacity - n > 0:
                bisect.insort(free, (capacity - n, len(bins) - 1))
    return bins


def segment_length(parts: Sequence[Part]) -> int:
    return 2 + sum(len(p) for p in parts) + max(0, len(parts) - 1)


def pack_segments(streams: Sequence[tuple[object, list[Part]]], seq_len: int) -> list[Row]:
    """The planner's segments, packed best-fit-decreasing; members of a row in stream order."""
    segs: list[Segment] = []
    for key, parts in streams:
        by_seg: dict[int, list[Part]] = {}
        for p in parts:
            by_seg.setdefault(p.segment, []).append(p)
        segs.extend((key, by_seg[s]) for s in sorted(by_seg))
    bins = best_fit_decreasing([segment_length(s[1]) for s in segs], seq_len)
    return [[segs[i] for i in sorted(b)] for b in bins]


# ---------------------------------------------------------------- stream (default)


class Cutter:
    """Cuts a part's body at a line end so its first part fills a given room exactly or nearly.

    ``refim(path, char_start, body_ids) -> (ids, fim)`` re-applies FIM to each new
    part (document-level FIM): a FIM'd piece is first put back in text order, so
    FIM never crosses a cut. ``line_end[id]`` marks ids whose text ends a line;
    ``continuation[id]`` marks byte pieces that continue a multi-byte character.
    """

    def __init__(
        self,
        line_end: np.ndarray,
        continuation: np.ndarray,
        char_count: Callable[[np.ndarray], int],
        fim_ids: tuple[int, int, int] | None = None,
        refim: Callable | None = None,
        line_slack: int = 32,
        min_part_tokens: int = 16,
        on_cut: Callable[[Part, Part, Part], None] | None = None,
    ):
        self.line_end, self.continuation, self.char_count = line_end, continuation, char_count
        self.fim_ids, self.refim, self.on_cut = fim_ids, refim, on_cut
        self.line_slack, self.min_part = int(line_slack), max(1, int(min_part_tokens))
        self.reserve = 3 if refim is not None else 0  # sentinels a re-FIM'd part may add
        self.counters: dict[str, int] = {}

    def count(self, key: str, n: int = 1) -> None:
        self.counters[key] = self.counters.get(key, 0) + n

    def plain_body(self, part: Part) -> np.ndarray:
        """The body in text order: FIM layouts undone (prefix, middle, suffix put back)."""
        body = part.tokens[part.header :]
        if not part.fim or self.fim_ids is None:
            return body
        P, M, S = self.fim_ids
        s = int(np.flatnonzero(body == S)[0])
        m = int(np.flatnonzero(body == M)[0])
        # PSM: <P>pre<S>suf<M>mid -> pre mid suf; SPM: <P><S>suf<M>pre mid -> pre mid suf (empty [1:s])
        return np.concatenate([body[1:s], body[m + 1 :], body[s + 1 : m]])

    def _make(self, part: Part, body: np.ndarray, start: int, end: int, number: int) -> Part:
        header = part.tokens[: part.header]
        fim: dict = {}
        if self.refim is not None:
            ids, fim = self.refim(part.path, start, body)
            body = np.asarray(ids, dtype=np.int32)
        return replace(
            part, number=number, tokens=np.concatenate([header, body]).astype(np.int32), char_span=(start, end), fim=fim
        )

    def cut(self, part: Part, room: int) -> tuple[Part, Part, str] | None:
        """(first part of at most room tokens, the rest, reason) or None when no useful cut fits."""
        body = self.plain_body(part)
        k_max = min(room - part.header - self.reserve, len(body) - 1)
        if k_max < self.min_part or len(body) - k_max < 1:
            return None
        lo = max(self.min_part, k_max - self.line_slack)
        ends = np.flatnonzero(self.line_end[body[lo - 1 : k_max]])
        if len(ends):
            k, reason = lo + int(ends[-1]), "line_end"
        else:
            k, reason = k_max, "token"
            while k > self.min_part and self.continuation[body[k]]:
                k -= 1  # never inside a multi-byte character
        a = part.char_span[0]
        mid = a + self.char_count(body[:k])
        first = self._make(part, body[:k], a, mid, part.number)
        rest = self._make(part, body[k:], mid, part.char_span[1], part.number + 1)
        if self.on_cut is not None:
            self.on_cut(part, first, rest)
        self.count(C.PACKING_CUT.key(reason))
        self.count(C.PACKING_CUT.key("slack_tokens"), room - len(first))
        return first, rest, reason


def pack_streams(streams: Iterable[tuple[object, list[Part]]], seq_len: int, cutter: Cutter) -> list[Row]:
    """Lay streams into rows back to back, cutting the piece at each row end (see module docstring).

    Every row but the last is full except for a cut's slack (at most line_slack
    tokens) or a room too small for ``min_part_tokens`` of body; streams keep
    their order; pieces after a cut piece of the same file are renumbered.
    """
    rows: list[Row] = []
    row: Row = []
    used = 0

    def flush():
        nonlocal row, used
        if row:
            rows.append(row)
        row, used = [], 0

    for key, parts in streams:
        q = deque(parts)
        while q:
            seg: list[Part] = []
            used += 1  # <bos>
            while q:
                p, sep = q[0], 1 if seg else 0
                if used + sep + len(p) + 1 <= seq_len:  # +1: <eos>
                    seg.append(q.popleft())
                    used += sep + len(p)
                    continue
                got = cutter.cut(p, seq_len - used - sep - 1)
                if got is not None:
                    first, rest, _ = got
                    seg.append(first)
                    used += sep + len(first)
                    q[0] = rest
                    for later in list(q)[1:]:
                        if later.path != p.path:
                            break
                        later.number += 1
                else:
                    cutter.count(C.PACKING_CUT.key("piece_boundary" if seg else "row_end"))
                break
            if seg:
                used += 1  # <eos>
                row.append((key, seg))
            else:
                used -= 1
                if not row:
                    raise ValueError(f"piece {p.path}#{p.number} of {len(p)} tokens fits no row of {seq_len}")
            if q:
                flush()
    flush()
    return rows


def row_length(row: Row) -> int:
    return sum(segment_length(parts) for _, parts in row)


def tail_streams(row: Row) -> list[tuple[object, list[Part]]]:
    """The segments of a bucket's partial last row, as streams to pack again with other buckets' tails."""
    return [(key, list(parts)) for key, parts in row]


# ---------------------------------------------------------------- rows and what they cost in context


def make_row(ids, lengths: Sequence[int], seq_len: int, pad_id: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """targets, segment ids (1.. per segment, 0 = padding) and positions (restarting per segment), as int64
    arrays of seq_len, from a row's token ids end to end and its segments' lengths."""
    ids = np.asarray(ids, dtype=np.int64).reshape(-1)
    lengths = np.asarray(lengths, dtype=np.int64).reshape(-1)
    if int(lengths.sum()) != ids.size:
        raise ValueError(f"segment lengths add up to {int(lengths.sum())}, the row has {ids.size} tokens")
    pad = seq_len - ids.size
    if pad < 0:
        raise ValueError(f"row of {ids.size} tokens exceeds seq_len {seq_len}")
    targets = np.full(seq_len, pad_id, dtype=np.int64)
    targets[: ids.size] = ids
    seg_ids = np.zeros(seq_len, dtype=np.int64)
    seg_ids[: ids.size] = np.repeat(np.arange(1, lengths.size + 1), lengths)
    positions = np.zeros(seq_len, dtype=np.int64)
    positions[: ids.size] = np.arange(ids.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return targets, seg_ids, positions


def segment_tokens(parts: Sequence[Part], bos: int, eos: int, sep: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """A segment's tokens (int64) and each part's (start, end) token span in it."""
    chunks = [np.array([bos], dtype=np.int64)]
    spans, at = [], 1
    for i, p in enumerate(parts):
        if i:
            chunks.append(np.array([sep], dtype=np.int64))
            at += 1
        chunks.append(np.asarray(p.tokens, dtype=np.int64))
        spans.append((at, at + len(p.tokens)))
        at += len(p.tokens)
    chunks.append(np.array([eos], dtype=np.int64))
    return np.concatenate(chunks), spans


SEGMENT_BINS = 10  # segment length histogram: tenths of seq_len


def row_counters(row: Row, spans: Sequence[Sequence[tuple[int, int]]], seq_len: int) -> dict[str, int]:
    """What packing costs in context, as additive counters (pipelines/report.py turns them into shares).

    packing.parts: pieces in rows; packing.files_split: files in more than one piece (their second piece);
    packing.context_tokens: tokens of the same segment (same repository) before each piece;
    packing.edges_in_segment: kept dependency edges whose two files share a segment (a file straddles
    at most one segment boundary, so no edge is counted twice); packing.segment_tokens.<bin>: histogram.
    """
    c: dict[str, int] = {}

    def add(k, n=1):
        c[k] = c.get(k, 0) + n

    for (_, parts), sp in zip(row, spans):
        add(C.PACKING_SEGMENTS)
        n = segment_length(parts)
        b = min(SEGMENT_BINS - 1, SEGMENT_BINS * n // seq_len)
        add(C.PACKING_SEGMENT_TOKENS.key(f"{100 * b // SEGMENT_BINS:02d}-{100 * (b + 1) // SEGMENT_BINS}%"))
        paths = {p.path for p in parts}
        for p, (start, _) in zip(parts, sp):
            add(C.PACKING_PARTS)
            add(C.PACKING_FILES_SPLIT, int(p.number == 1))
            add(C.PACKING_CONTEXT_TOKENS, start - 1)
        edges = {(p.path, v) for p in parts for v in p.imports if v in paths and v != p.path}
        add(C.PACKING_EDGES_IN_SEGMENT, len(edges))
    return c


def token_tables(tok) -> tuple[np.ndarray, np.ndarray]:
    """(ids whose text ends a line, byte pieces that continue a multi-byte character) of a Tokenizer."""
    sp = tok.sp
    line_end = np.zeros(tok.vocab_size, dtype=bool)
    continuation = np.zeros(tok.vocab_size, dtype=bool)
    for i in range(tok.vocab_size):
        piece = sp.id_to_piece(i)
        if sp.is_byte(i):
            b = int(piece[3:5], 16)  # <0xAB>
            line_end[i] = b == 0x0A
            continuation[i] = 0x80 <= b < 0xC0
        elif not (sp.is_control(i) or sp.is_unknown(i)):
            line_end[i] = piece.endswith("\n")
    return line_end, continuation
