"""What crosses the build's shuffles is compact: kept files carry token ids as bytes, never their text;
rows cross as packed ids + segment lengths and become the same record bytes."""

from __future__ import annotations

import pickle
import random

from repoloom.core.config import section
from repoloom.fim.split import FimConfig
from repoloom.pipelines.config import gate_config, load_config
from repoloom.core.records import encode_row, pack_ids, unpack_ids
from repoloom.core.types import SourceFile
from repoloom.fim.pieces import file_pieces
from repoloom.pipelines.build import JudgeFiles
from repoloom.pipelines.filestage import process_file
from repoloom.pipelines.kept_file import KeptFile
from repoloom.pipelines.sink import row_record


def test_kept_file_holds_the_pieces_token_ids_and_not_the_text(tokenizer_bytes, real_texts, tok):
    cfg = load_config()
    judge = JudgeFiles(cfg, tokenizer_bytes)
    judge.setup()
    checked = 0
    for i, text in enumerate(real_texts[:12]):
        f = SourceFile("repo", f"pkg/m{i}.py", text.encode())
        out = list(judge.judge([f]))
        if len(out) != 1 or not isinstance(out[0], KeptFile):
            continue
        kept = out[0]
        pf = process_file(f, gate_config(cfg))
        expected = file_pieces(pf.text, pf.facts, tok, section(cfg, FimConfig), cfg["seq_len"], cfg["seed"])
        assert [unpack_ids(p[1]).tolist() for p in kept.pieces] == [list(p.tokens) for p in expected]
        assert [p[2] for p in kept.pieces] == [tuple(p.char_span) for p in expected]
        assert kept.facts.fim_nodes == [] and kept.nbytes == len(pf.text.encode())
        blob = pickle.dumps(kept)
        lines = [ln for ln in pf.text.splitlines() if len(ln) > 40]
        assert lines and not any(ln.encode() in blob for ln in lines)  # no line of the text travels
        checked += 1
    assert checked >= 5


def test_row_crosses_the_shard_shuffle_packed_and_becomes_the_same_record():
    rng = random.Random(3)
    for vocab in (32000, 256000):
        for _ in range(20):
            segments = [[rng.randrange(vocab) for _ in range(rng.randrange(1, 50))] for _ in range(rng.randrange(1, 5))]
            seq_len = sum(map(len, segments)) + rng.randrange(0, 10)
            flat = [t for s in segments for t in s]
            row = (pack_ids(flat), tuple(len(s) for s in segments))
            pad = seq_len - len(flat)
            seg_ids = [k for k, s in enumerate(segments, 1) for _ in s] + [0] * pad
            positions = [i for s in segments for i in range(len(s))] + [0] * pad
            assert row_record(row, seq_len, 0) == encode_row(flat + [0] * pad, seg_ids, positions)


def test_glibc_thresholds_are_fixed_once_per_process():
    import platform

    from repoloom.pipelines import malloc

    if platform.libc_ver()[0] != "glibc":  # the build runs everywhere; only glibc has these knobs
        assert malloc.return_freed_memory() in (True, False)
        return
    assert malloc.return_freed_memory() is True
    assert malloc.return_freed_memory() is True  # idempotent
