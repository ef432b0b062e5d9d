"""Rows from streams (packing/rows.py): full except a bounded tail, order and lineage kept, FIM never cut."""

import zlib

import pytest

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from repoloom.packing.rows import (
    Cutter,
    Part,
    best_fit_decreasing,
    make_row,
    pack_segments,
    pack_streams,
    row_counters,
    row_length,
    segment_length,
    segment_tokens,
    tail_streams,
)

NL, CONT, P, M, S = 1, 2, 3, 4, 5  # newline, UTF-8 continuation byte, FIM sentinels
VOCAB = 64
LINE_END = np.zeros(VOCAB, dtype=bool)
LINE_END[NL] = True
CONTINUATION = np.zeros(VOCAB, dtype=bool)
CONTINUATION[CONT] = True
HEADER = 2  # every path↵ header here: [path id, NL]


def fake_refim(path, char_start, body):
    """A FIM on tokens like fim/context.py's: PSM or SPM by (path, start), on about two thirds of parts."""
    body = [int(t) for t in body]
    h = zlib.crc32(f"{path}@{char_start}".encode()) % 3
    if h == 0 or len(body) < 3:
        return body, {}
    a, b = len(body) // 3, 2 * len(body) // 3
    if h == 1:
        return [P, *body[:a], S, *body[b:], M, *body[a:b]], {"mode": "psm", "method": "line", "middle": (0, 1)}
    return [P, S, *body[b:], M, *body[:a], *body[a:b]], {"mode": "spm", "method": "line", "middle": (0, 1)}


def cutter(slack=8, min_part=4, fim=True):
    return Cutter(LINE_END, CONTINUATION, len, (P, M, S), fake_refim if fim else None, slack, min_part)


def body(draw, n, nl_every):
    ids = draw(st.lists(st.integers(6, VOCAB - 1), min_size=n, max_size=n))
    return [NL if nl_every and k % nl_every == nl_every - 1 else t for k, t in enumerate(ids)]


@st.composite
def buckets(draw):
    seq_len = draw(st.sampled_from([48, 64, 100, 256]))
    # segment-length distributions: mostly tiny, mostly near a row, or anything
    top = seq_len - 2 - HEADER - 3
    shape = draw(st.sampled_from(["small", "large", "any"]))
    lo, hi = {"small": (1, max(1, top // 8)), "large": (max(1, top * 3 // 4), top), "any": (1, top)}[shape]
    nl_every = draw(st.sampled_from([0, 3, 7, 20]))
    out, fid = [], 0
    for b in range(draw(st.integers(1, 3))):
        streams = []
        for g in range(draw(st.integers(1, 4))):
            parts = []
            for _ in range(draw(st.integers(1, 8))):
                fid += 1
                path = f"f{fid}"
                pieces = draw(st.integers(1, 2))
                start = 0
                for i in range(pieces):
                    n = draw(st.integers(lo, hi))
                    toks = np.asarray([6 + fid % 50, NL] + body(draw, n, nl_every), dtype=np.int32)
                    parts.append(Part(path, i, toks, HEADER, (start, start + n), {}, (f"f{fid - 1}",)))
                    start += n
            streams.append(((f"repo{b}", g), parts))
        out.append(streams)
    return seq_len, out


def _plain(c: Cutter, p: Part) -> list[int]:
    return [int(t) for t in c.plain_body(p)]


def _pack_job(seq_len, bucket_streams, c):
    """Like the build: each bucket packs its streams; the partial last rows are packed together once more."""
    rows, tails = [], []
    for streams in bucket_streams:
        r = pack_streams(streams, seq_len, c)
        if r and row_length(r[-1]) < seq_len:
            tails.extend(tail_streams(r.pop()))
        rows.extend(r)
    return rows + pack_streams(tails, seq_len, c)


@settings(max_examples=150, deadline=None)
@given(buckets(), st.booleans())
def test_rows_are_full_except_a_bounded_tail_and_keep_order_and_lineage(job, fim):
    seq_len, bucket_streams = job
    c = cutter(fim=fim)
    original = {}
    for streams in bucket_streams:
        for key, parts in streams:
            for p in parts:
                original.setdefault(p.path, []).extend(_plain(c, p))
    streams_in = {key: [p.path for p in parts] for streams in bucket_streams for key, parts in streams}
    rows = _pack_job(seq_len, bucket_streams, c)
    # full: every row but one loses at most a cut's slack, or a room too small for a useful part
    bound = max(c.line_slack, HEADER + c.min_part + c.reserve + 2)
    short = [seq_len - row_length(r) for r in rows if seq_len - row_length(r) > bound]
    assert len(short) <= 1
    assert all(row_length(r) <= seq_len for r in rows)
    # order and lineage: each stream's parts, read row by row, rebuild every file in planned order
    seen: dict = {}
    rebuilt: dict[str, list[int]] = {}
    numbers: dict[str, list[int]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in rows:
        for key, parts in row:
            for p in parts:
                assert [int(t) for t in p.tokens[:HEADER]][1] == NL, "every part starts with its path header"
                if p.fim:
                    assert [int(t) for t in p.tokens[HEADER:]].count(P) == 1  # one whole FIM layout per part
                seen.setdefault(key, [])
                if not seen[key] or seen[key][-1] != p.path:
                    seen[key].append(p.path)
                rebuilt.setdefault(p.path, []).extend(_plain(c, p))
                numbers.setdefault(p.path, []).append(p.number)
                spans.setdefault(p.path, []).append(p.char_span)
    assert rebuilt == original
    for path, nums in numbers.items():
        assert nums == list(range(len(nums))), "pieces are numbered in order, after the cuts too"
        sp = spans[path]
        assert all(a[1] == b[0] for a, b in zip(sp, sp[1:])) and sp[0][0] == 0
    for key, paths in streams_in.items():
        # a stream's files appear in planned order (the tail pass appends the end of each bucket)
        order = [p for p in seen[key]]
        assert sorted(order, key=paths.index) == order


def test_a_cut_lands_at_a_line_end_within_the_slack_and_fim_is_put_back_in_text_order():
    c = cutter(slack=8, min_part=2)
    toks = [7, NL] + [10, 11, NL, 12, 13, 14, NL, 15, 16, 17, 18, 19]
    part = Part("a", 0, np.asarray(toks, dtype=np.int32), HEADER, (0, 12))
    psm, _ = fake_refim("x", 1, toks[HEADER:])  # whatever layout, plain_body undoes it
    fimd = Part("a", 0, np.asarray(toks[:HEADER] + psm, dtype=np.int32), HEADER, (0, 12), {"mode": "psm"})
    assert _plain(c, fimd) == toks[HEADER:]
    first, rest, reason = c.cut(part, HEADER + 3 + 8)  # room for 8 body tokens: the line end after 14 is at 7
    assert reason == "line_end" and _plain(c, first) == [10, 11, NL, 12, 13, 14, NL]
    assert _plain(c, rest) == [15, 16, 17, 18, 19] and rest.number == 1 and rest.char_span == (7, 12)
    assert list(rest.tokens[:HEADER]) == [7, NL]


def test_a_long_line_is_cut_at_a_token_but_never_inside_a_character():
    c = cutter(slack=2, min_part=2, fim=False)
    toks = [7, NL] + [10, 11, 12, 13, CONT, CONT, 14, 15, 16]
    first, rest, reason = c.cut(Part("a", 0, np.asarray(toks, dtype=np.int32), HEADER, (0, 9)), HEADER + 5)
    assert reason == "token" and _plain(c, first) == [10, 11, 12] and _plain(c, rest)[0] == 13


def test_segments_method_packs_the_planned_segments_whole():
    parts = [
        Part(f"f{i}", 0, np.zeros(n, dtype=np.int32), 1, (0, n), segment=i // 2) for i, n in enumerate([10, 20, 30, 5])
    ]
    rows = pack_segments([(("r", 0), parts)], 64)
    assert sorted(segment_length(ps) for row in rows for _, ps in row) == [33, 38]
    assert best_fit_decreasing([5, 9, 3, 1], 10) == [[1, 3], [0, 2]]


def test_row_counters_count_context_edges_and_splits():
    a = Part("a", 0, np.zeros(5, dtype=np.int32), 1, (0, 5))
    b = Part("b", 1, np.zeros(7, dtype=np.int32), 1, (9, 16), imports=("a", "z"))
    row = [(("r", 0), [a, b])]
    tokens, spans = segment_tokens([a, b], 90, 91, 92)
    assert tokens[0] == 90 and tokens[6] == 92 and tokens[-1] == 91 and spans == [(1, 6), (7, 14)]
    c = row_counters(row, [spans], 100)
    assert c["packing.edges_in_segment"] == 1 and c["packing.files_split"] == 1
    assert c["packing.context_tokens"] == 0 + 6 and c["packing.segment_tokens.10-20%"] == 1
    t, ids, pos = make_row(tokens, [len(tokens)], 20, 0)
    assert (ids == 0).sum() == 5 and pos[:3].tolist() == [0, 1, 2] and t[:15].tolist() == tokens.tolist()
    t, ids, pos = make_row([5, 6, 7, 8], [3, 1], 6, 9)
    assert (
        t.tolist() == [5, 6, 7, 8, 9, 9] and ids.tolist() == [1, 1, 1, 2, 0, 0] and pos.tolist() == [0, 1, 2, 0, 0, 0]
    )
    with pytest.raises(ValueError):
        make_row([5, 6, 7, 8], [3, 1], 3, 9)
    with pytest.raises(ValueError):
        make_row([5, 6, 7, 8], [3], 6, 9)
