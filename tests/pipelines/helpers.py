"""Helpers for tests that build datasets and read them back."""

from __future__ import annotations

import os

from repoloom.pipelines.cli import main


def build(inputs, out, *extra) -> int:
    return main(["build", "--input", *map(str, inputs), "--output", str(out), "--quiet", *map(str, extra)])


def file_digest(directory) -> dict[str, bytes]:
    """Every output file's bytes, by relative path (tokenizer and stats included)."""
    out = {}
    for root, _, files in os.walk(directory):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, directory)] = fh.read()
    return out


def piece_text(ds, tokens: list[int], header: str) -> str:
    """The source text a piece's tokens hold: header stripped, FIM parts put back in order."""
    sp = ds.tok.special_ids
    P, M, S = sp["fim_prefix"], sp["fim_middle"], sp["fim_suffix"]
    head = ds.tok.encode(header)
    assert tokens[: len(head)] == head, "each piece starts with its path header"
    body = tokens[len(head) :]
    if not body or body[0] != P:
        return ds.tok.decode(body)
    if body[1] == S:  # SPM: <P><S>suffix<M>prefix+middle
        m = body.index(M)
        return ds.tok.decode(body[m + 1 :]) + ds.tok.decode(body[2:m])
    s, m = body.index(S), body.index(M)  # PSM: <P>prefix<S>suffix<M>middle
    return ds.tok.decode(body[1:s]) + ds.tok.decode(body[m + 1 :]) + ds.tok.decode(body[s + 1 : m])
