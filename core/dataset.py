"""The dataset.json contract between the build and everything that reads its output (the trainer,
``repoloom.read_rows``, ``repoloom export``): its type, and the checks that make a broken or foreign
directory a clear error instead of a crash deep in a reader.

The build writes dataset.json in ``pipelines/launch.finalize``; the keys read here are required.
"""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any

FEATURES = ("targets", "targets_segment_ids", "targets_positions")  # int64 features of every record
SPECIAL_KEYS = ("bos", "eos", "pad", "fim_prefix", "fim_middle", "fim_suffix", "file_separator")


class DatasetError(ValueError):
    """The data directory is missing or does not hold a usable dataset (or a record is malformed)."""


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
    meta: dict = dataclasses.field(default_factory=dict, compare=False)  # the whole dataset.json


def load_dataset_info(data_dir: str) -> DatasetInfo:
    if not data_dir:
        raise DatasetError("no data directory given (--data OUT_DIR)")
    if not os.path.isdir(data_dir):
        raise DatasetError(f"data directory {data_dir!r} does not exist or is not a directory")
    meta_path = os.path.join(data_dir, "dataset.json")
    if not os.path.isfile(meta_path):
        raise DatasetError(f"{data_dir!r} has no dataset.json; is it the output directory of a repoloom build?")
    try:
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise DatasetError(f"cannot read {meta_path}: {e}") from e
    if not isinstance(meta, dict):
        raise DatasetError(f"{meta_path}: expected a JSON object")
    missing = [k for k in ("seq_len", "vocab_size", "special_tokens", "shards") if k not in meta]
    if missing:
        raise DatasetError(f"{meta_path} lacks required keys: {', '.join(missing)}")
    try:
        seq_len, vocab = int(meta["seq_len"]), int(meta["vocab_size"])
    except (TypeError, ValueError) as e:
        raise DatasetError(f"{meta_path}: seq_len and vocab_size must be integers") from e
    if seq_len < 2 or vocab < 1:
        raise DatasetError(f"{meta_path}: bad seq_len {seq_len} or vocab_size {vocab}")
    st = meta["special_tokens"]
    if not isinstance(st, dict) or any(k not in st for k in SPECIAL_KEYS):
        raise DatasetError(f"{meta_path}: special_tokens must give ids for {', '.join(SPECIAL_KEYS)}")
    special = {k: int(v) for k, v in st.items()}
    for k in SPECIAL_KEYS:
        if not 0 <= special[k] < vocab:
            raise DatasetError(f"{meta_path}: special token {k}={special[k]} is outside the vocabulary of {vocab}")

    def shard_list(key):
        names = meta.get(key) or []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise DatasetError(f"{meta_path}: {key} must be a list of file names")
        paths = tuple(os.path.join(data_dir, n) for n in names)
        absent = [p for p in paths if not os.path.isfile(p)]
        if absent:
            raise DatasetError(f"{meta_path} names shards that do not exist: {', '.join(absent[:5])}")
        return paths

    shards = shard_list("shards")
    if not shards:
        raise DatasetError(f"{meta_path} lists no shards")
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
        meta=meta,
    )
