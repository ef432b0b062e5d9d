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

from typing import Iterator

import numpy as np

from repoloom.core import layout
from repoloom.core.dataset import SPECIAL_KEYS, DatasetInfo, load_dataset_info  # noqa: F401 - the contract, in core
from repoloom.core.dataset import DatasetError as DataError
from repoloom.core.records import FEATURES, _parse_fast, parse_record, parse_record_reference  # noqa: F401


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
    it = ds.to_iter_dataset(
        grain.ReadOptions(num_threads=int(d["num_threads"]), prefetch_buffer_size=int(d["prefetch"]))
    )
    it = it.batch(local_batch, drop_remainder=True)
    if int(d["worker_count"]) > 0:
        from absl import flags

        if not flags.FLAGS.is_parsed():  # grain 0.2.18 reads absl flags in its workers
            flags.FLAGS.mark_as_parsed()
        it = it.mp_prefetch(grain.MultiprocessingOptions(num_workers=int(d["worker_count"])))
    return it


def eval_batches(
    info: DatasetInfo,
    cfg: dict,
    local_batch: int,
    max_batches: int | None = None,
    process_index: int = 0,
    process_count: int = 1,
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
