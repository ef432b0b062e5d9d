"""Input pipeline: grain over the ArrayRecord shards that the data build writes.

``dataset.json`` names the shards and gives seq_len, vocabulary size and the
special-token ids. Each record is one packed row (a serialized
``tf.train.Example`` with int64 ``targets``, ``targets_segment_ids``,
``targets_positions``).

Training order: the train rows (minus the held-out slice, see below) are
globally shuffled with a seeded index permutation (reshuffled each epoch),
repeated forever, split across JAX processes (``ds[process_index::process_count]``),
parsed, batched and prefetched by grain threads (or processes, with
``data.worker_count``). The grain iterator state is small and is saved in
every checkpoint, so a resumed run sees exactly the batches it would have seen.

Held-out data: the ``validation_shards`` of dataset.json when it lists any that hold rows.
Otherwise the LAST ``data.heldout_fraction`` of the concatenated train rows (at
least ``heldout_min_rows``, at most ``heldout_max_rows``, and never all rows)
are held out; training never reads them and ``eval`` does. The slice depends
only on the row count and the config, so ``train`` and ``eval`` agree.
"""
from __future__ import annotations

import dataclasses
import json
import os
from typing import Any, Iterator

import numpy as np

from repoloom.core import layout
from repoloom.core.records import decode_example

FEATURES = ("targets", "targets_segment_ids", "targets_positions")
SPECIAL_KEYS = ("bos", "eos", "pad", "fim_prefix", "fim_middle", "fim_suffix", "file_separator")


class DataError(ValueError):
    """The data directory is missing or does not hold a usable dataset."""


@dataclasses.dataclass(frozen=True)
class DatasetInfo:
    root: str
    version: Any
    seq_len: int
    vocab_size: int
    special: dict[str, int]
    num_examples: int | None
    shards: tuple[str, ...]
    validation_shards: tuple[str, ...]
    tokenizer: str | None  # absolute path, None if absent


def load_dataset_info(data_dir: str) -> DatasetInfo:
    if not data_dir:
        raise DataError("no data directory given (--data OUT_DIR)")
    if not os.path.isdir(data_dir):
        raise DataError(f"data directory {data_dir!r} does not exist or is not a directory")
    meta_path = os.path.join(data_dir, "dataset.json")
    if not os.path.isfile(meta_path):
        raise DataError(f"{data_dir!r} has no dataset.json; is it the output directory of a repoloom build?")
    try:
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise DataError(f"cannot read {meta_path}: {e}") from e
    if not isinstance(meta, dict):
        raise DataError(f"{meta_path}: expected a JSON object")
    missing = [k for k in ("seq_len", "vocab_size", "special_tokens", "shards") if k not in meta]
    if missing:
        raise DataError(f"{meta_path} lacks required keys: {', '.join(missing)}")
    try:
        seq_len, vocab = int(meta["seq_len"]), int(meta["vocab_size"])
    except (TypeError, ValueError) as e:
        raise DataError(f"{meta_path}: seq_len and vocab_size must be integers") from e
    if seq_len < 2 or vocab < 1:
        raise DataError(f"{meta_path}: bad seq_len {seq_len} or vocab_size {vocab}")
    st = meta["special_tokens"]
    if not isinstance(st, dict) or any(k not in st for k in SPECIAL_KEYS):
        raise DataError(f"{meta_path}: special_tokens must give ids for {', '.join(SPECIAL_KEYS)}")
    special = {k: int(v) for k, v in st.items()}
    for k in SPECIAL_KEYS:
        if not 0 <= special[k] < vocab:
            raise DataError(f"{meta_path}: special token {k}={special[k]} is outside the vocabulary of {vocab}")

    def shard_list(key):
        names = meta.get(key) or []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise DataError(f"{meta_path}: {key} must be a list of file names")
        paths = tuple(os.path.join(data_dir, n) for n in names)
        absent = [p for p in paths if not os.path.isfile(p)]
        if absent:
            raise DataError(f"{meta_path} names shards that do not exist: {', '.join(absent[:5])}")
        return paths

    shards = shard_list("shards")
    if not shards:
        raise DataError(f"{meta_path} lists no shards")
    tok = meta.get("tokenizer")
    tok_path = os.path.join(data_dir, tok) if tok else None
    if tok_path and not os.path.isfile(tok_path):
        tok_path = None
    return DatasetInfo(
        root=data_dir,
        version=meta.get("version"),
        seq_len=seq_len,
        vocab_size=vocab,
        special=special,
        num_examples=meta.get("num_examples"),
        shards=shards,
        validation_shards=shard_list("validation_shards"),
        tokenizer=tok_path,
    )


# ---------------------------------------------------------------------------- parsing


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        c = buf[i]
        i += 1
        result |= (c & 0x7F) << shift
        if c < 0x80:
            return result, i
        shift += 7


def _decode_packed_varints(buf: np.ndarray) -> np.ndarray:
    """Vectorised decoding of a packed run of protobuf varints (uint8 array) into int64."""
    if buf.size == 0:
        return np.zeros(0, np.int64)
    ends = np.flatnonzero(buf < 0x80)
    if ends.size == buf.size:  # every value < 128
        return buf.astype(np.int64)
    if ends.size == 0 or ends[-1] != buf.size - 1:
        raise ValueError("truncated varint")
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    lengths = ends - starts + 1
    low = (buf & 0x7F).astype(np.uint64)
    vals = low[starts]
    last = buf.size - 1
    for k in range(1, int(lengths.max())):  # token ids need at most 3 bytes: 2 passes
        part = low[np.minimum(starts + k, last)] << np.uint64(7 * k)
        vals |= np.where(lengths > k, part, np.uint64(0))
    return vals.view(np.int64)


def _parse_fast(data: bytes) -> dict[str, np.ndarray] | None:
    """Walk the tf.train.Example wire format by hand; None when it holds anything unexpected."""
    out: dict[str, list] = {}
    n = len(data)
    i = 0
    while i < n:
        tag, i = _varint(data, i)
        if tag != 0x0A:  # Example.features (field 1, length-delimited)
            return None
        ln, i = _varint(data, i)
        end = i + ln
        while i < end:
            tag, i = _varint(data, i)
            ln, i = _varint(data, i)
            if tag != 0x0A:  # Features.feature map entry
                return None
            e_end = i + ln
            key, value = None, None
            while i < e_end:
                t, i = _varint(data, i)
                l2, i = _varint(data, i)
                if t == 0x0A:
                    key = data[i : i + l2].decode()
                elif t == 0x12:
                    value = (i, i + l2)
                else:
                    return None
                i += l2
            if key is None or value is None:
                return None
            j, f_end = value
            chunks = []
            while j < f_end:
                t, j = _varint(data, j)
                l3, j = _varint(data, j)
                if t != 0x1A:  # Feature.int64_list
                    return None
                l_end = j + l3
                while j < l_end:
                    t4, j = _varint(data, j)
                    if t4 != 0x0A:  # Int64List.value, packed
                        return None
                    l4, j = _varint(data, j)
                    chunks.append(np.frombuffer(data, np.uint8, count=l4, offset=j))
                    j += l4
            out.setdefault(key, []).extend(chunks)
    try:
        return {k: _decode_packed_varints(np.concatenate(v) if len(v) != 1 else v[0]) if v else np.zeros(0, np.int64) for k, v in out.items()}
    except ValueError:
        return None


def parse_record(data: bytes) -> dict[str, np.ndarray]:
    """A serialized row -> int32 arrays; identical values to ``repoloom.core.records.decode_example``.

    Packed int64 lists are decoded with numpy (about 10x faster than protobuf's Python objects at
    seq_len 8192); anything unusual in the bytes falls back to the protobuf parser."""
    data = bytes(data)
    fast = _parse_fast(data)
    if fast is None:
        d = decode_example(data)
        fast = {k: np.asarray(v, dtype=np.int64) for k, v in d.items()}
    out = {}
    for name in FEATURES:
        if name not in fast:
            raise DataError(f"record lacks feature {name!r}")
        out[name] = fast[name].astype(np.int32)
    return out


def parse_record_reference(data: bytes) -> dict[str, np.ndarray]:
    """The same through ``decode_example`` (used by tests to check ``parse_record``)."""
    d = decode_example(data)
    return {k: np.asarray(d[k], dtype=np.int32) for k in FEATURES}


class ParseRow:
    """grain map: bytes -> {'tokens','segment_ids','positions','fim_mask'} int32/bool arrays of seq_len."""

    def __init__(self, seq_len: int, special: dict[str, int]):
        self.seq_len = seq_len
        self.special = dict(special)

    def __call__(self, data: bytes) -> dict[str, np.ndarray]:
        r = parse_record(data)
        tok, seg, pos = r["targets"], r["targets_segment_ids"], r["targets_positions"]
        if tok.shape[0] != self.seq_len or seg.shape[0] != self.seq_len or pos.shape[0] != self.seq_len:
            raise DataError(f"row of {tok.shape[0]} tokens, dataset.json says seq_len {self.seq_len}")
        return {
            "tokens": tok,
            "segment_ids": seg,
            "positions": pos,
            "fim_mask": layout.middle_mask(tok, seg, pos, self.special),
        }


# ---------------------------------------------------------------------------- datasets


def _source(paths):
    import grain

    return grain.sources.ArrayRecordDataSource(list(paths))


def heldout_rows(num_rows: int, data_cfg: dict) -> int:
    """How many trailing train rows are held out when there are no validation shards."""
    if num_rows < 2:
        return 0
    n = int(round(num_rows * float(data_cfg["heldout_fraction"])))
    n = max(int(data_cfg["heldout_min_rows"]), min(int(data_cfg["heldout_max_rows"]), n))
    return max(0, min(n, num_rows - 1))


def splits(info: DatasetInfo, data_cfg: dict):
    """(train MapDataset of raw records, held-out MapDataset of raw records, description)."""
    import grain

    train = grain.MapDataset.source(_source(info.shards))
    if info.validation_shards:
        held = grain.MapDataset.source(_source(info.validation_shards))
        if len(held):  # listed but empty (a build may write empty shards): fall back to the slice
            return train, held, f"validation shards ({len(held)} rows)"
    n = len(train)
    k = heldout_rows(n, data_cfg)
    if k == 0:
        raise DataError(f"only {n} train rows: nothing can be held out")
    return train[: n - k], train[n - k :], f"last {k} of {n} train rows (excluded from training)"


def train_dataset(info: DatasetInfo, cfg: dict, local_batch: int, process_index: int = 0, process_count: int = 1):
    """An IterDataset of local batches (dicts of [local_batch, seq_len] arrays); infinite."""
    import grain

    d = cfg["data"]
    ds, _, _ = splits(info, d)
    if len(ds) < 1:
        raise DataError("no training rows")
    if d["shuffle"]:
        ds = ds.seed(int(cfg["seed"])).shuffle()
    ds = ds.repeat(None)
    ds = ds[process_index::process_count]
    ds = ds.map(ParseRow(info.seq_len, info.special))
    it = ds.to_iter_dataset(grain.ReadOptions(num_threads=int(d["num_threads"]), prefetch_buffer_size=int(d["prefetch"])))
    it = it.batch(local_batch, drop_remainder=True)
    if int(d["worker_count"]) > 0:
        from absl import flags

        if not flags.FLAGS.is_parsed():  # grain 0.2.18 reads absl flags in its workers
            flags.FLAGS.mark_as_parsed()
        it = it.mp_prefetch(grain.MultiprocessingOptions(num_workers=int(d["worker_count"])))
    return it


def eval_batches(
    info: DatasetInfo, cfg: dict, local_batch: int, max_batches: int | None = None, process_index: int = 0, process_count: int = 1
) -> Iterator[dict[str, np.ndarray]]:
    """Held-out rows in order, as this process's part of each global batch of
    ``local_batch * process_count`` rows; the last batch is padded with all-padding rows (no loss)."""
    _, held, _ = splits(info, cfg["data"])
    parse = ParseRow(info.seq_len, info.special)
    gb = local_batch * process_count
    n = len(held)
    if max_batches:
        n = min(n, int(max_batches) * gb)
    empty = {
        "tokens": np.zeros(info.seq_len, np.int32),
        "segment_ids": np.zeros(info.seq_len, np.int32),
        "positions": np.zeros(info.seq_len, np.int32),
        "fim_mask": np.zeros(info.seq_len, bool),
    }
    for b in range(-(-n // gb)):
        first = b * gb + process_index * local_batch
        rows = [parse(held[i]) if i < n else empty for i in range(first, first + local_batch)]
        yield {k: np.stack([r[k] for r in rows]) for k in empty}


def heldout_rows_parsed(info: DatasetInfo, cfg: dict, limit: int) -> Iterator[dict[str, np.ndarray]]:
    _, held, _ = splits(info, cfg["data"])
    parse = ParseRow(info.seq_len, info.special)
    for i in range(min(len(held), limit)):
        yield parse(held[i])
