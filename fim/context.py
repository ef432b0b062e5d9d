"""Context-level FIM (FIM paper, section on context-level FIM): applied to each file of a
packed row after packing, instead of to each file before it.

``context_fim(segments, tok, fim, seed, key)`` takes the token lists of one row's
segments, each laid out ``<bos> path↵body (<|file_separator|> path↵body)* <eos>``,
and returns a ``ContextFim`` whose ``segments`` have exactly the input lengths, so
segment ids, positions and row padding stay valid.

How lengths are kept by construction, instead of re-encoding and trimming or
padding the whole row as the paper does:

- a file body is never re-encoded: the split points are snapped to token
  boundaries of its existing tokens (never inside a multi-byte character), and
  prefix, middle and suffix are slices of those tokens, so they decode to
  exactly the three character parts and a FIM'd file costs exactly the three
  sentinel tokens;
- those 3 tokens per FIM'd file are paid by trimming the end of the segment's
  last body (just before ``<eos>``), as the paper trims a context's end; the
  last body always keeps one token, and FIM choices are dropped from the back
  when it cannot pay. ``fim.context.trimmed_tokens`` counts what was cut.

The split within a body comes from ``fim.split.choose`` with no syntax nodes
(there is no second parse; the tree's nodes belong to the document-level path):
whole-line spans, and ``random_rate`` character-level spans. Each decision is a
pure function of (seed, row key, segment number, path, file number). Bodies that
already contain FIM sentinels (document-level FIM ran too) are left alone.
"""

from __future__ import annotations

import bisect
from typing import Any, NamedTuple, Sequence

import numpy as np

from repoloom.core import counters as C
from repoloom.fim.split import FimConfig
from repoloom.fim import layout, split
from repoloom.fim.stats import add, fim_counters
from repoloom.syntax.languages import detect_language

SENTINEL_COST = 3


class ContextFim(NamedTuple):
    segments: list[list[int]]  # same lengths as the input segments
    counters: dict[str, int]  # fim.* counters (fim/stats.py) plus fim.context.trimmed_tokens
    files: list[dict[str, Any]]  # per file: segment, path, mode ("" = whole), method, token_start, token_end


class _Body(NamedTuple):
    path: str
    file: int  # index of the file in the segment's spans
    start: int  # first body token (after the path↵ header) in the segment
    end: int  # one past the last body token


def _bodies(seg: Sequence[int], tok) -> tuple[list[_Body], list[tuple[int, int]]]:
    """The file bodies of one segment, and each file's (start, end) token span including its header."""
    bos, eos, sep = tok.special("bos"), tok.special("eos"), tok.special("file_separator")
    lo, hi = (1 if seg and seg[0] == bos else 0), (len(seg) - 1 if seg and seg[-1] == eos else len(seg))
    bodies, spans, start = [], [], lo
    for i in range(lo, hi + 1):
        if i == hi or seg[i] == sep:
            if i > start:
                h = _header_end(seg, start, i, tok)
                if h is not None:
                    bodies.append(_Body(tok.decode(seg[start:h])[:-1], len(spans), h, i))
                spans.append((start, i))
            start = i + 1
    return bodies, spans


def _header_end(seg: Sequence[int], a: int, b: int, tok) -> int | None:
    """One past the token that ends the ``path↵`` header, or None when the file has no header."""
    for k in range(a, min(b, a + 512)):
        piece = tok.id_to_piece(seg[k])
        if "\n" in piece or piece == "<0x0A>":
            return k + 1 if tok.decode(seg[a : k + 1]).endswith("\n") else None
    return None


def _text_and_bounds(tok, ids: Sequence[int], text: str | None = None) -> tuple[str, list[int], list[int]]:
    """Decoded text (``text`` when the caller has decoded ``ids`` already), and the clean token boundaries:
    character offsets and token indices."""
    return _bounds_from_lengths(tok, ids, text) or _bounds_from_proto(tok, ids)


def _bounds_from_lengths(tok, ids: Sequence[int], text: str | None = None) -> tuple[str, list[int], list[int]] | None:
    """The same from the ids' byte lengths, with numpy (no Python step per token); None when the
    lengths do not add up to the decoded text (a model that normalises; then the proto decides).
    A token ends a clean boundary when it has bytes and ends at a character boundary, which is
    exactly when the proto gives it a surface."""
    text = tok.decode(ids) if text is None else text
    data = text.encode("utf-8", "surrogatepass")
    lengths = tok.byte_lengths()[np.asarray(ids, dtype=np.int64)]
    ends = np.cumsum(lengths)
    if len(ends) == 0 or int(ends[-1]) != len(data):
        return None
    buf = np.frombuffer(data, dtype=np.uint8)
    starts = np.append((buf & 0xC0) != 0x80, True)  # byte i begins a character; one past the end does too
    chars_before = np.concatenate(([0], np.cumsum(starts[:-1])))
    clean = (lengths > 0) & starts[ends]
    where = np.flatnonzero(clean)
    return text, [0] + chars_before[ends[where]].tolist(), [0] + (where + 1).tolist()


def _bounds_from_proto(tok, ids: Sequence[int]) -> tuple[str, list[int], list[int]]:
    proto = tok.sp.decode(list(ids), return_type="proto")
    chars, idx, pos = [0], [0], 0
    for k, p in enumerate(proto.pieces):
        pos += len(p.surface)
        if p.surface:  # a byte-fallback token that does not end a character has no surface
            chars.append(pos)
            idx.append(k + 1)
    return proto.text, chars, idx


def _snap(chars: list[int], a: int, b: int) -> tuple[int, int] | None:
    """Widen [a, b) to the nearest clean token boundaries; None when no non-empty span is possible."""
    i = bisect.bisect_right(chars, a) - 1
    j = bisect.bisect_left(chars, b)
    j = min(j, len(chars) - 1)
    if i >= j:
        if j + 1 < len(chars):
            j += 1
        elif i > 0:
            i -= 1
        else:
            return None
    return i, j


def _choose(tok, seg, body: _Body, end: int, fim: FimConfig, seed, key, s, j):
    """(mode, method, token a, token b, middle chars) for body tokens [body.start, end), or None."""
    ids = seg[body.start : end]
    if not ids:
        return None
    text, chars, idx = _text_and_bounds(tok, ids)
    c = split.choose(text, [], fim, seed, f"{key}#{s}", body.path, j)
    if c is None:
        return None
    snapped = _snap(chars, c.start, c.end)
    if snapped is None:
        return None
    i, k = snapped
    return c.mode, c.method, body.start + idx[i], body.start + idx[k], chars[k] - chars[i]


def context_fim(
    segments: Sequence[Sequence[int]],
    tok,
    fim: FimConfig,
    seed: int,
    key: object,
    languages: Sequence[Sequence[str | None]] | None = None,
) -> ContextFim:
    """FIM each file of one packed row; see the module docstring for the contract. ``languages``: per
    segment, each file's language as the per-file stage found it (a shebang script's is not in its path);
    without it, or where a segment's count differs, the language is read from the path."""
    out_segs: list[list[int]] = []
    counters: dict[str, int] = {}
    files: list[dict[str, Any]] = []
    sentinels = {tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix")}
    for s, seg in enumerate(segments):
        seg = list(seg)
        bodies, spans = _bodies(seg, tok)
        bodies = [b for b in bodies if not sentinels.intersection(seg[b.start : b.end])]
        choices: dict[int, tuple] = {}
        for j, body in enumerate(bodies[:-1]):
            c = _choose(tok, seg, body, body.end, fim, seed, key, s, j)
            if c:
                choices[j] = c
        trim = 0
        if bodies:
            last = len(bodies) - 1
            lb = bodies[last]
            room = lb.end - lb.start - 1  # tokens the last body can give up
            while SENTINEL_COST * len(choices) > room:
                choices.pop(max(choices))
            if SENTINEL_COST * (len(choices) + 1) <= room and _choose(tok, seg, lb, lb.end, fim, seed, key, s, last):
                # the last file is FIM'd: choose again on what is left of it after paying for everyone
                c = _choose(tok, seg, lb, lb.end - SENTINEL_COST * (len(choices) + 1), fim, seed, key, s, last)
                if c:
                    choices[last] = c
            trim = SENTINEL_COST * len(choices)
        new: list[int] = []
        pos = 0
        grow: dict[int, int] = {}  # file index -> tokens gained (sentinels) or lost (trim)
        for j, body in enumerate(bodies):
            new.extend(seg[pos : body.start])
            end = body.end - (trim if j == len(bodies) - 1 else 0)
            c = choices.get(j)
            if c is None:
                new.extend(seg[body.start : end])
            else:
                a, b = c[2], c[3]
                new.extend(layout.assemble(tok, seg[body.start : a], seg[a:b], seg[b:end], c[0]))
            pos = body.end
            grow[body.file] = (SENTINEL_COST if c else 0) - (trim if j == len(bodies) - 1 else 0)
            decision = {"mode": c[0], "method": c[1], "middle": (0, c[4]), "middle_tokens": c[3] - c[2]} if c else {}
            langs = languages[s] if languages is not None and len(languages[s]) == len(spans) else None
            add(counters, fim_counters(decision, langs[body.file] if langs else detect_language(body.path)))
        new.extend(seg[pos:])
        if len(new) != len(seg):
            raise AssertionError(f"context FIM changed a segment's length: {len(seg)} -> {len(new)}")
        out_segs.append(new)
        if trim:
            add(counters, {C.FIM_CONTEXT_TRIMMED: trim})
        body_of = {b.file: b for b in bodies}
        shift = 0
        for f, (fs, fe) in enumerate(spans):
            c = choices.get(next((j for j, b in enumerate(bodies) if b.file == f), -1))  # few files per segment
            g = grow.get(f, 0)
            files.append(
                {
                    "segment": s,
                    "path": body_of[f].path if f in body_of else "",
                    "mode": c[0] if c else "",
                    "method": c[1] if c else "",
                    "token_start": fs + shift,
                    "token_end": fe + shift + g,
                }
            )
            shift += g
    return ContextFim(out_segs, counters, files)


def fim_token_body(
    tok,
    ids: Sequence[int],
    fim: FimConfig,
    seed: int,
    repo: str,
    path: str,
    char_start: int,
    text: str | None = None,
) -> tuple[list[int], dict[str, Any]]:
    """Document-level FIM of a body given as tokens, by slicing them (no re-encode): for a part that
    packing cut out of a piece (packing/rows.py), so FIM never crosses the cut. The decision is a pure
    function of (seed, repo, path, char_start); a FIM'd body costs exactly the three sentinels.
    ``text``: the ids decoded, when the caller has decoded them already (packing's cutter has)."""
    arr = ids if isinstance(ids, np.ndarray) else None  # packing's bodies are arrays
    ids = arr.tolist() if arr is not None else [int(t) for t in ids]
    if not ids:
        return ids, {}
    if text is None:
        text = tok.decode(ids)
    c = split.choose(text, [], fim, seed, repo, path, f"cut@{char_start}")
    if c is None:  # most draws that stay whole need no token boundaries
        return ids, {}
    # the array as it came, for the lengths (no list -> array conversion); the proto path takes the ints
    text, chars, idx = _bounds_from_lengths(tok, ids if arr is None else arr, text) or _bounds_from_proto(tok, ids)
    snapped = _snap(chars, c.start, c.end)
    if snapped is None:
        return ids, {}
    i, k = snapped
    a, b = idx[i], idx[k]
    decision = {
        "mode": c.mode,
        "method": c.method,
        "middle": (char_start + chars[i], char_start + chars[k]),
        "middle_tokens": b - a,
    }
    return layout.assemble(tok, ids[:a], ids[a:b], ids[b:], c.mode), decision
