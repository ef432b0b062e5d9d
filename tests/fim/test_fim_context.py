"""Context-level FIM over packed segments (fim/context.py)."""

from __future__ import annotations

from repoloom.fim.split import FimConfig
from repoloom.core.tokenizer import FIM_MIDDLE, FIM_PREFIX, FIM_SUFFIX
from repoloom.fim import stats
from repoloom.fim.context import context_fim
from fim_corpus import corpus

FILES = corpus()


def _segment(tok, files):
    seg = [tok.special("bos")]
    for k, (path, text) in enumerate(files):
        if k:
            seg.append(tok.special("file_separator"))
        seg += tok.encode(path + "\n") + tok.encode(text)
    return seg + [tok.special("eos")]


def _split_files(tok, seg):
    """Token lists of each file (header included) between bos/separators/eos."""
    sep = tok.special("file_separator")
    body, out = seg[1:-1], [[]]
    for t in body:
        if t == sep:
            out.append([])
        else:
            out[-1].append(t)
    return out


def _unfim(text: str) -> str:
    """Undo the documented layout on decoded text: path↵ + prefix + middle + suffix."""
    if FIM_PREFIX not in text:
        return text
    head, rest = text.split(FIM_PREFIX, 1)
    if rest.startswith(FIM_SUFFIX):  # SPM
        suf, pm = rest[len(FIM_SUFFIX) :].split(FIM_MIDDLE, 1)
        return head + pm + suf
    pre, rest = rest.split(FIM_SUFFIX, 1)
    suf, mid = rest.split(FIM_MIDDLE, 1)
    return head + pre + mid + suf


def _segments(tok, n_segments=6, per=4):
    segs, srcs = [], []
    for s in range(n_segments):
        files = [
            (
                f"pkg/{s}_{k}_{FILES[(s * per + k) % len(FILES)][0].rsplit('/', 1)[-1]}",
                FILES[(s * per + k) % len(FILES)][2][:3000],
            )
            for k in range(per)
        ]
        srcs.append(files)
        segs.append(_segment(tok, files))
    return segs, srcs


def test_lengths_kept_and_files_recovered(tok):
    fim = FimConfig(rate=1.0, level="context")
    segs, srcs = _segments(tok)
    res = context_fim(segs, tok, fim, 3, "row-7")
    assert [len(s) for s in res.segments] == [len(s) for s in segs]
    P, M, S = tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix")
    n_fim = 0
    for seg_in, seg_out, files in zip(segs, res.segments, srcs):
        assert seg_out[0] == tok.special("bos") and seg_out[-1] == tok.special("eos")
        outs = _split_files(tok, seg_out)
        ins = _split_files(tok, seg_in)
        assert len(outs) == len(files)
        trimmed = sum(t in (P, M, S) for t in seg_out)
        for k, ((path, text), o, i) in enumerate(zip(files, outs, ins)):
            n_sent = sum(t in (P, M, S) for t in o)
            assert n_sent in (0, 3)
            n_fim += n_sent == 3
            got = _unfim(tok.decode(o))
            if k < len(files) - 1:
                assert got == path + "\n" + text
            else:  # the last body paid for the sentinels of the whole segment
                assert got == tok.decode(i[: len(i) - trimmed])
    assert n_fim == res.counters["fim.applied"] >= len(segs) * 3
    assert res.counters["fim.context.trimmed_tokens"] == 3 * n_fim
    assert {f["method"] for f in res.files} <= {"line", "random"}
    summary = stats.summarize(res.counters)
    assert summary["fim_rate"] == 1.0 and summary["context_trimmed_tokens"] == 3 * n_fim


def test_lineage_spans_point_at_each_file(tok):
    fim = FimConfig(rate=0.7, level="context")
    segs, srcs = _segments(tok, 3, 5)
    res = context_fim(segs, tok, fim, 1, 42)
    for f in res.files:
        toks = res.segments[f["segment"]][f["token_start"] : f["token_end"]]
        assert tok.decode(toks).startswith(f["path"] + "\n")
        assert (tok.special("fim_prefix") in toks) == bool(f["mode"])


def test_deterministic_and_rate_close_to_config(tok):
    fim = FimConfig(rate=0.5, level="context")
    segs, _ = _segments(tok, 40, 5)
    a = context_fim(segs, tok, fim, 9, "k")
    assert a == context_fim(segs, tok, fim, 9, "k")
    assert a.segments != context_fim(segs, tok, fim, 10, "k").segments
    rate = a.counters["fim.applied"] / a.counters["fim.pieces"]
    assert 0.35 <= rate <= 0.65, rate  # 200 draws at p=0.5


def test_already_fimmed_bodies_and_tiny_segments_are_left_alone(tok):
    fim = FimConfig(rate=1.0)
    P, M, S = tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix")
    seg = [tok.special("bos")] + tok.encode("a.py\n") + [P] + tok.encode("x = 1\n") + [S, M] + [tok.special("eos")]
    tiny = [tok.special("bos")] + tok.encode("b.py\n") + tok.encode("x") + [tok.special("eos")]
    res = context_fim([seg, tiny], tok, fim, 0, "r")
    assert res.segments == [seg, tiny]


def test_token_boundaries_from_byte_lengths_match_the_decoder(tok):
    """The numpy path gives the text, character offsets and token indices the proto decode gives, on
    slices that start and end anywhere, multi-byte characters (byte-fallback pieces) included."""
    import random

    from repoloom.fim.context import _bounds_from_lengths, _bounds_from_proto

    rng = random.Random(7)
    fast = 0
    for path, _, text in FILES[:40]:
        ids = tok.encode(text + " é 世界 🎉 e\u0301 ")
        for _ in range(6):
            a = rng.randrange(len(ids))
            sl = ids[a : rng.randrange(a + 1, len(ids) + 1)]
            got = _bounds_from_lengths(tok, sl)
            if got is not None:
                fast += 1
                assert got == _bounds_from_proto(tok, sl), (path, a)
    assert fast > 150  # the fast path is the usual one
