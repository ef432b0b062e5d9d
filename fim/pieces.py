"""Turn one file into tokenized pieces that each fit a segment.

A file that fits is one piece; a longer file is cut at line ends into pieces
that each start again with the ``path↵`` header. FIM applies within a piece,
never across a cut.
"""

from __future__ import annotations

import numpy as np

from repoloom.fim.split import FimConfig
from repoloom.core.types import FileFacts, Piece
from repoloom.fim import layout, split
from repoloom.fim.lines import encode_ids

# <bos>, <eos>, one file separator, three FIM sentinels, and slack for token-boundary effects of FIM
RESERVED = 2 + 1 + 3 + 4


def body_budget(seq_len: int, header_len: int) -> int:
    budget = seq_len - RESERVED - header_len
    if budget < 16:
        raise ValueError(f"seq_len {seq_len} is too small for a file header of {header_len} tokens")
    return budget


def _line_chunks(tok, text: str, budget: int) -> list[tuple[int, int]]:
    """Cut text into character spans whose encodings fit budget, preferring line ends.

    One encode of the whole text gives each token's byte span; cuts go at a
    newline in the back half of each window of ~0.9 budget tokens.
    """
    data = text.encode("utf-8", "surrogatepass")
    ends = [p.end for p in tok.sp.encode(text, return_type="proto").pieces if p.surface]
    window = max(1, int(budget * 0.9))
    cuts_b, t0, b0 = [], 0, 0
    while t0 < len(ends):
        t1 = min(len(ends), t0 + window)
        cut = len(data) if t1 == len(ends) else ends[t1 - 1]
        if cut < len(data):
            nl = data.rfind(b"\n", b0, cut)
            if nl >= b0 + (cut - b0) // 2:
                cut = nl + 1
        cuts_b.append(cut)
        b0 = cut
        while t0 < len(ends) and ends[t0] <= cut:
            t0 += 1
    spans, a = [], 0
    for cb in cuts_b:
        b = len(data[:cb].decode("utf-8", "surrogatepass"))
        if b > a:
            spans.extend(_fit(tok, text, a, b, budget))
            a = b
    if a < len(text):
        spans.extend(_fit(tok, text, a, len(text), budget))
    return spans


def _token_chunks(tok, text: str, ids: np.ndarray, budget: int) -> list[tuple[int, int, np.ndarray]] | None:
    """Cut a file's one encoding at token boundaries into (char start, char end, ids) chunks of at most
    ~0.9 budget tokens, preferring line ends; ids are slices of the one encoding (no re-encode).
    None when token byte lengths do not add up to the text (a model with normalisation)."""
    data = text.encode("utf-8", "surrogatepass")
    ends = np.cumsum(tok.byte_lengths()[np.asarray(ids, dtype=np.int64)])
    if len(ends) == 0 or int(ends[-1]) != len(data):
        return None
    window = max(1, int(budget * 0.9))
    out, t0, b0, c0 = [], 0, 0, 0
    while t0 < len(ids):
        t1 = min(len(ids), t0 + window)
        if t1 < len(ids):
            cut = int(ends[t1 - 1])
            nl = data.rfind(b"\n", b0, cut)
            if nl >= b0 + (cut - b0) // 2:  # a token boundary at or after that newline
                k = int(np.searchsorted(ends, nl + 1, side="left"))
                if t0 < k + 1 <= t1:
                    t1 = k + 1
            while t1 > t0 + 1 and t1 < len(ids) and (data[int(ends[t1 - 1])] & 0xC0) == 0x80:
                t1 -= 1  # never cut inside a multi-byte character (byte-fallback pieces)
        b1 = int(ends[t1 - 1])
        c1 = c0 + len(data[b0:b1].decode("utf-8", "surrogatepass"))
        out.append((c0, c1, ids[t0:t1]))
        t0, b0, c0 = t1, b1, c1
    return out


def _fit(tok, text: str, a: int, b: int, budget: int) -> list[tuple[int, int]]:
    """Split [a, b) in halves until each part encodes within budget (token-boundary effects are rare)."""
    if b - a <= 1 or len(tok.encode(text[a:b])) <= budget:
        return [(a, b)]
    m = (a + b) // 2
    return _fit(tok, text, a, m, budget) + _fit(tok, text, m, b, budget)


# A file this short that is FIM'd becomes one piece when its FIM'd tokens fit the budget.
FAST_FIM_CHARS_PER_TOKEN = 3


def _fim_ids(tok, body: str, body_ids: list[int] | None, choice, a: int) -> tuple[list[int], dict]:
    """FIM'd ids of a piece body; prefix, middle and suffix come from the body's one encoding when
    it is at hand (layout.fim_parts_of_encoding: the same ids, without a second encode of the body)."""
    parts = (
        layout.fim_parts_of_encoding(tok, body, body_ids, choice.start, choice.end) if body_ids is not None else None
    )
    pre, mid, suf = parts if parts is not None else layout.fim_parts(tok, body, choice.start, choice.end)
    fim = {
        "mode": choice.mode,
        "method": choice.method,
        "middle": (a + choice.start, a + choice.end),
        "middle_tokens": len(mid),
    }
    return layout.assemble(tok, pre, mid, suf, choice.mode), fim


def _whole_file_fim(
    text: str, whole: np.ndarray, facts: FileFacts, tok, fim: FimConfig, seed: int, header: list[int], budget: int
) -> Piece | None:
    """The one FIM'd piece of a short file whose parts fit the budget, or None (then the general path decides)."""
    if fim.level != "document" or len(text) > budget * FAST_FIM_CHARS_PER_TOKEN:
        return None
    choice = split.choose(text, split.usable_nodes(facts, fim), fim, seed, facts.repo, facts.path, 0)
    if choice is None:
        return None
    ids, decision = _fim_ids(tok, text, whole, choice, 0)
    if len(ids) - 3 > budget:
        return None
    return Piece(facts.repo, facts.path, 0, header + ids, (0, len(text)), decision)


def file_pieces(
    text: str, facts: FileFacts, tok, fim: FimConfig, seq_len: int, seed: int, whole: np.ndarray | None = None
) -> list[Piece]:
    """One encode of the file; pieces and their FIM parts are cut from it (partial lines re-encoded).
    ``whole``: encode_ids(tok, text), when the caller has it already (the build works it out before the parse)."""
    header = tok.encode(facts.path + "\n")
    budget = body_budget(seq_len, len(header))
    if whole is None:
        whole = encode_ids(tok, text)  # tok.encode(text) as an array, each distinct line encoded once per process
    fast = _whole_file_fim(text, whole, facts, tok, fim, seed, header, budget)
    if fast is not None:
        return [fast]
    if len(whole) <= budget:
        chunks = [(0, len(text), whole)]
    else:
        chunks = _token_chunks(tok, text, whole, budget) or [(a, b, None) for a, b in _line_chunks(tok, text, budget)]
    spans = [(a, b) for a, b, _ in chunks]
    pieces = []
    for i, (a, b, chunk_ids) in enumerate(chunks):
        body = text[a:b]
        choice = None
        if fim.level == "document":  # "context": fim/context.py works on packed rows instead
            nodes = split.usable_nodes(facts, fim)
            nodes = split.piece_nodes(nodes, a, b) if len(spans) > 1 else nodes
            choice = split.choose(body, nodes, fim, seed, facts.repo, facts.path, i)
        if choice is None:
            ids = chunk_ids.tolist() if chunk_ids is not None else tok.encode(body)
            decision = {}
        else:
            ids, decision = _fim_ids(tok, body, chunk_ids, choice, a)
        pieces.append(Piece(facts.repo, facts.path, i, header + ids, (a, b), decision))
    return pieces


def reads_nodes(
    text: str, whole: np.ndarray, repo: str, path: str, tok, fim: FimConfig, seq_len: int, seed: int
) -> bool:
    """Whether file_pieces(text, ...) with this encoding looks at the file's FIM candidate nodes (when not, the parse
    need not work them out): a file whose encoding fits the budget is one piece, FIM'd by piece 0's draws alone,
    which read nodes only for a syntax-aware split; a longer file may read them for any piece; the context level
    never does here."""
    if fim.level != "document":
        return False
    budget = body_budget(seq_len, len(tok.encode(path + "\n")))
    return len(whole) > budget or split.reads_nodes(fim, seed, repo, path, 0, len(text))
