"""grain input pipeline over ArrayRecord shards: parsing, held-out split, shuffle, process sharding,
checkpointable iterator state, FIM-middle mask."""

import json
import os
import shutil

import numpy as np
import pytest

from repoloom.core import layout
from repoloom.core.records import decode_example, encode_row
from repoloom.train import data
from repoloom.train.config import build_config

SPECIAL = {"bos": 2, "eos": 1, "pad": 0, "fim_prefix": 4, "fim_middle": 5, "fim_suffix": 6, "file_separator": 7}


def _rows(ds):
    return [bytes(ds[i]) for i in range(len(ds))]


def test_parse_record_matches_codec(dataset):
    info = data.load_dataset_info(dataset)
    train, _, _ = data.splits(info, build_config()["data"])
    for i in range(0, len(train), 7):
        raw = train[i]
        mine = data.parse_record(raw)
        ref = decode_example(raw)
        for k in data.FEATURES:
            assert mine[k].dtype == np.int32 and mine[k].tolist() == ref[k]
    # Negative and large values survive too (int64 varints), and a missing feature is an error.
    raw = encode_row([3, 70000, 5], [1, 1, 0], [0, 1, 0])
    assert data.parse_record(raw)["targets"].tolist() == [3, 70000, 5]
    from repoloom.core.records import encode_example

    with pytest.raises(data.DataError, match="targets_positions"):
        data.parse_record(encode_example({"targets": [1], "targets_segment_ids": [1]}))


def test_fast_parser_edge_cases():
    from repoloom.core.records import encode_example

    rng = np.random.default_rng(0)
    T = 4096
    raw = encode_row(rng.integers(0, 256000, T).tolist(), rng.integers(0, 9, T).tolist(), list(range(T)))
    ref = decode_example(raw)
    got = data.parse_record(raw)
    assert all(got[k].tolist() == ref[k] for k in data.FEATURES)
    vals = [-1, 2**40, 0, 127, 128, 300, -(2**63), 2**63 - 1, 16384, 2**21]
    fast = data._parse_fast(encode_example({"targets": vals, "targets_segment_ids": [], "targets_positions": [5]}))
    assert (
        fast["targets"].tolist() == vals
        and fast["targets_segment_ids"].tolist() == []
        and fast["targets_positions"].tolist() == [5]
    )

    # Unpacked int64 lists (legal protobuf, not what our codec writes) take the protobuf fallback.
    def entry(key, values):
        body = b"".join(b"\x08" + bytes([v]) for v in values)  # unpacked, small values
        feature = b"\x1a" + bytes([len(body)]) + body
        e = b"\x0a" + bytes([len(key)]) + key.encode() + b"\x12" + bytes([len(feature)]) + feature
        return b"\x0a" + bytes([len(e)]) + e

    feats = entry("targets", [5, 6]) + entry("targets_segment_ids", [1, 1]) + entry("targets_positions", [0, 1])
    raw = b"\x0a" + bytes([len(feats)]) + feats
    assert data._parse_fast(raw) is None
    assert decode_example(raw)["targets"] == [5, 6]
    got = data.parse_record(raw)
    assert got["targets"].tolist() == [5, 6] and got["targets_positions"].tolist() == [0, 1]


def test_dataset_info_errors(dataset, tmp_path):
    info = data.load_dataset_info(dataset)
    assert info.seq_len == 128 and info.vocab_size == 512 and info.special == SPECIAL and len(info.shards) == 2
    with pytest.raises(data.DataError, match="does not exist"):
        data.load_dataset_info(str(tmp_path / "nope"))
    with pytest.raises(data.DataError, match="no dataset.json"):
        data.load_dataset_info(str(tmp_path))
    bad = tmp_path / "bad"
    shutil.copytree(dataset, bad)
    meta = json.loads((bad / "dataset.json").read_text())
    (bad / "dataset.json").write_text("{not json")
    with pytest.raises(data.DataError, match="cannot read"):
        data.load_dataset_info(str(bad))
    for mutate, msg in [
        (lambda m: m.pop("seq_len"), "lacks required keys: seq_len"),
        (lambda m: m["special_tokens"].pop("fim_middle"), "special_tokens"),
        (lambda m: m.update(shards=["train-99999-of-99999.array_record"]), "do not exist"),
        (lambda m: m.update(shards=[]), "no shards"),
        (lambda m: m["special_tokens"].update(eos=99999), "outside the vocabulary"),
    ]:
        m = json.loads(json.dumps(meta))
        mutate(m)
        (bad / "dataset.json").write_text(json.dumps(m))
        with pytest.raises(data.DataError, match=msg):
            data.load_dataset_info(str(bad))


def test_heldout_slice_is_excluded_from_training(dataset):
    info = data.load_dataset_info(dataset)
    cfg = build_config(sets=["data.heldout_fraction=0.05", "data.shuffle=false"])
    train, held, desc = data.splits(info, cfg["data"])
    total = len(train) + len(held)
    assert len(held) == round(total * 0.05) and "last" in desc
    import grain

    everything = grain.MapDataset.source(grain.sources.ArrayRecordDataSource(list(info.shards)))
    assert _rows(held) == [bytes(everything[i]) for i in range(total - len(held), total)]
    # One epoch of the training stream never yields a held-out row and yields every train row once.
    it = iter(data.train_dataset(info, build_config(sets=["data.heldout_fraction=0.05"]), 1))
    seen = [next(it)["tokens"][0].tobytes() for _ in range(len(train))]
    parse = data.ParseRow(info.seq_len, info.special)
    train_tokens = sorted(parse(r)["tokens"].tobytes() for r in _rows(train))
    held_tokens = {parse(r)["tokens"].tobytes() for r in _rows(held)}
    assert sorted(seen) == train_tokens
    assert not held_tokens & set(seen)


def test_validation_shards_are_used_when_listed(dataset_val):
    info = data.load_dataset_info(dataset_val)
    assert len(info.validation_shards) == 1
    train, held, desc = data.splits(info, build_config()["data"])
    assert len(held) == 16 and "validation" in desc
    assert len(train) == json.load(open(os.path.join(dataset_val, "dataset.json")))["num_examples"]


def _take(it, n):
    return [next(it) for _ in range(n)]


def _same(a, b):
    return all(np.array_equal(x[k], y[k]) for x, y in zip(a, b) for k in x)


def test_shuffle_is_seeded_and_batches_have_shape(dataset):
    info = data.load_dataset_info(dataset)
    a = _take(iter(data.train_dataset(info, build_config(), 4)), 5)
    b = _take(iter(data.train_dataset(info, build_config(), 4)), 5)
    c = _take(iter(data.train_dataset(info, build_config(sets=["seed=7"]), 4)), 5)
    assert _same(a, b) and not _same(a, c)
    assert a[0]["tokens"].shape == (4, 128) and a[0]["tokens"].dtype == np.int32
    assert set(a[0]) == {"tokens", "segment_ids", "positions", "fim_mask"}
    unshuffled = _take(iter(data.train_dataset(info, build_config(sets=["data.shuffle=false"]), 4)), 5)
    assert not _same(a, unshuffled)


def test_process_sharding_splits_the_stream(dataset):
    """Two JAX processes read disjoint rows whose union is what one process reads."""
    info = data.load_dataset_info(dataset)
    cfg = build_config()
    one = _take(iter(data.train_dataset(info, cfg, 2, 0, 1)), 8)
    p0 = _take(iter(data.train_dataset(info, cfg, 1, 0, 2)), 8)
    p1 = _take(iter(data.train_dataset(info, cfg, 1, 1, 2)), 8)
    rows = lambda bs: [r.tobytes() for b in bs for r in b["tokens"]]  # noqa: E731
    assert not set(rows(p0)) & set(rows(p1))
    assert sorted(rows(p0) + rows(p1)) == sorted(rows(one))


@pytest.mark.parametrize("workers", [0, 1])
def test_iterator_state_restores_exactly(dataset, workers):
    info = data.load_dataset_info(dataset)
    cfg = build_config(sets=[f"data.worker_count={workers}"])
    it = iter(data.train_dataset(info, cfg, 3))
    _take(it, 4)
    state = it.get_state()
    expected = _take(it, 6)
    it2 = iter(data.train_dataset(info, cfg, 3))
    it2.set_state(state)
    assert _same(_take(it2, 6), expected)


def test_fim_target_mask():
    P, M, S, F, E, B = 4, 5, 6, 7, 1, 2
    # segment 1: <bos> a <pre> b <suf> c <mid> d e <sep> f <eos> | segment 2: <bos> <pre> x <suf> <mid> y <eos> | pad
    toks = [B, 10, P, 11, S, 12, M, 13, 14, F, 15, E, B, P, 16, S, M, 17, E, 0, 0]
    seg = [1] * 12 + [2] * 7 + [0, 0]
    pos = list(range(12)) + list(range(7)) + [0, 0]
    mask = layout.middle_mask(np.array(toks), np.array(seg), np.array(pos), SPECIAL)
    expect = [i for i, _ in enumerate(toks) if i in (7, 8, 9, 17, 18)]  # middle tokens + their terminator
    assert np.flatnonzero(mask).tolist() == expect
    # A middle cut by the row end stays a middle; a new segment ends an open middle.
    toks2 = [B, P, 11, S, M, 13, 14, 20, 21]
    seg2 = [1, 1, 1, 1, 1, 1, 1, 2, 2]
    pos2 = [0, 1, 2, 3, 4, 5, 6, 0, 1]
    m2 = layout.middle_mask(np.array(toks2), np.array(seg2), np.array(pos2), SPECIAL)
    assert np.flatnonzero(m2).tolist() == [5, 6]
    # Batched input gives the same as row by row.
    both = layout.middle_mask(np.array([toks2, toks2]), np.array([seg2, seg2]), np.array([pos2, pos2]), SPECIAL)
    assert np.array_equal(both[1], m2)


def test_empty_validation_and_train_shards(dataset, tmp_path):
    """A build may write empty shards: they are read as zero rows; empty validation shards mean the
    trailing train slice is held out instead."""
    from array_record.python.array_record_module import ArrayRecordWriter

    d = tmp_path / "d"
    shutil.copytree(dataset, d)
    for name in ("validation-00000-of-00001.array_record", "train-00002-of-00003.array_record"):
        w = ArrayRecordWriter(str(d / name), "group_size:1")
        w.close()
    meta = json.loads((d / "dataset.json").read_text())
    meta["validation_shards"] = ["validation-00000-of-00001.array_record"]
    meta["shards"] = meta["shards"] + ["train-00002-of-00003.array_record"]
    (d / "dataset.json").write_text(json.dumps(meta))
    info = data.load_dataset_info(str(d))
    train, held, desc = data.splits(info, build_config()["data"])
    n = meta["num_examples"]
    assert (
        "last" in desc
        and len(train) + len(held) == n
        and len(held) == data.heldout_rows(n, build_config()["data"]) >= 1
    )
    assert next(iter(data.train_dataset(info, build_config(), 2)))["tokens"].shape == (2, 128)
