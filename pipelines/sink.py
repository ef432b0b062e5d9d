"""The build's sink: shards, lineage, drops and stats written through Beam's FileSystems, so gs://
and any registered filesystem work (WriteOutput, the build's last composite). array_record's
writer only writes local files (its own Beam sink too), so each shard is written to a local
temporary file and then copied."""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import tempfile
from typing import Iterable

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.pvalue import AsDict
from apache_beam.transforms.window import GlobalWindows

from repoloom.core import counters as C
from repoloom.core.config import section
from repoloom.pipelines.config import OutputConfig
from repoloom.core.records import encode_row, loads, unpack_ids
from repoloom.packing.rows import make_row
from repoloom.pipelines import progress
from repoloom.pipelines.unique_paths import CountLineageFiles

ARRAY_RECORD_OPTIONS = "group_size:1"  # random access for grain
PROGRESS = logging.getLogger("repoloom.progress")
LINEAGE_SCHEMA_FIELDS = (
    ("example", "int64"),
    ("split", "string"),
    ("shard", "int32"),
    ("row", "int32"),
    ("segment", "int32"),
    ("repo", "string"),
    ("path", "string"),
    ("piece", "int32"),
    ("token_start", "int32"),
    ("token_end", "int32"),
    ("char_start", "int64"),
    ("char_end", "int64"),
    ("fim_mode", "string"),
    ("fim_method", "string"),
)


def shard_name(split: str, index: int, count: int) -> str:
    return f"{split}-{index:05d}-of-{count:05d}.array_record"


def join(directory: str, name: str) -> str:
    return FileSystems.join(directory, name)


def copy_local_to(local_path: str, dest: str) -> None:
    with (
        open(local_path, "rb") as src,
        FileSystems.create(
            dest, mime_type="application/octet-stream", compression_type=CompressionTypes.UNCOMPRESSED
        ) as dst,
    ):
        shutil.copyfileobj(src, dst, 1 << 20)


def write_array_record(dest: str, records: Iterable[bytes]) -> int:
    from array_record.python.array_record_module import ArrayRecordWriter

    n = 0
    with tempfile.TemporaryDirectory(prefix="repoloom-shard-") as tmp:
        local = os.path.join(tmp, "shard.array_record")
        writer = ArrayRecordWriter(local, ARRAY_RECORD_OPTIONS)
        try:
            for r in records:
                writer.write(r)
                n += 1
        finally:
            writer.close()  # without close() the file reads as empty
        copy_local_to(local, dest)
    return n


def write_bytes(dest: str, data: bytes) -> None:
    with FileSystems.create(
        dest, mime_type="application/octet-stream", compression_type=CompressionTypes.UNCOMPRESSED
    ) as f:
        f.write(data)


def write_json(dest: str, obj) -> None:
    write_bytes(dest, (json.dumps(obj, indent=2, sort_keys=True) + "\n").encode())


def read_bytes(path: str) -> bytes:
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        return f.read()


def write_parquet(dest: str, rows: list[dict], schema) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema)
    with tempfile.TemporaryDirectory(prefix="repoloom-pq-") as tmp:
        local = os.path.join(tmp, "part.parquet")
        pq.write_table(table, local, compression="zstd")
        copy_local_to(local, dest)


class SumCounters(beam.CombineFn):
    """Sums dicts of numbers; the result is the corpus-wide stats."""

    def create_accumulator(self):
        return {}

    def add_input(self, acc, d):
        for k, v in d.items():
            acc[k] = acc.get(k, 0) + v
        return acc

    def merge_accumulators(self, accs):
        out: dict = {}
        for a in accs:
            self.add_input(out, a)
        return out

    def extract_output(self, acc):
        return dict(sorted(acc.items()))


class SumPerBundle(beam.DoFn):
    """Each element's counters (``counters(element)``, a dict of numbers), summed over the bundle: one dict
    per bundle instead of one per file, for the steps that count every file (the sum is the same)."""

    def __init__(self, counters):
        self.counters = counters

    def start_bundle(self):
        self.acc: dict = {}

    def process(self, x):
        acc = self.acc
        for k, v in self.counters(x).items():
            acc[k] = acc.get(k, 0) + v

    def finish_bundle(self):
        if self.acc:
            yield GlobalWindows.windowed_value(self.acc)  # outputs of finish_bundle carry their window


def num_shards(output: OutputConfig, split: str, rows: int) -> int:
    fixed = output.num_shards
    if fixed and split == "train":
        return fixed
    return max(1, math.ceil(rows / output.rows_per_shard))


def row_record(row, seq_len: int, pad_id: int) -> bytes:
    """A row as it crossed the shard shuffle (packed ids, segment lengths) -> its tf.train.Example bytes."""
    ids, lengths = row
    return encode_row(*make_row(unpack_ids(ids), lengths, seq_len, pad_id))


class WriteShard(beam.DoFn):
    def __init__(self, out_dir: str, pad_id: int):
        self.out_dir, self.pad_id = out_dir, pad_id

    def process(self, group, split_rows: dict, shard_rows: dict, output: OutputConfig, seq_len: int):
        (split, shard), rows = group
        rows = sorted(rows, key=lambda r: r[1])
        count = num_shards(output, split, split_rows.get(split, 0))
        offset = sum(n for (sp, sh), n in shard_rows.items() if sp == split and sh < shard)
        name = shard_name(split, shard, count)
        write_array_record(join(self.out_dir, name), (row_record(r[2], seq_len, self.pad_id) for r in rows))
        PROGRESS.info("wrote %s: %d rows", name, len(rows))
        progress.total(f"shards_total.{split}", count)
        progress.count("shards_written")
        lineage = []
        tokens = padding = 0
        for i, (_, _, (_, lengths), lin) in enumerate(rows):
            used = sum(lengths)
            padding += seq_len - used
            tokens += used
            for x in loads(lin):
                lineage.append({"example": offset + i, "split": split, "shard": shard, "row": i, **x})
        write_lineage(join(self.out_dir, f"lineage/{name[: -len('.array_record')]}.parquet"), lineage)
        counters = {C.ROWS.key(split): len(rows), C.TOKENS.key(split): tokens, C.PADDING.key(split): padding}
        for _, _, (_, lengths), _ in rows:
            decile = min(9, 10 * sum(lengths) // seq_len)
            key = C.FILL.key(f"{10 * decile:02d}-{10 * decile + 10}%")
            counters[key] = counters.get(key, 0) + 1
        yield counters


def lineage_schema():
    import pyarrow as pa

    return pa.schema([(n, getattr(pa, t)()) for n, t in LINEAGE_SCHEMA_FIELDS])


def write_lineage(dest: str, rows: list[dict]) -> None:
    write_parquet(dest, [{n: r.get(n) for n, _ in LINEAGE_SCHEMA_FIELDS} for r in rows], lineage_schema())


def shard_of(split_key_row, split_rows, output: OutputConfig):
    split, key = split_key_row[0], split_key_row[1]
    return ((split, key % num_shards(output, split, split_rows.get(split, 0))), split_key_row)


class WriteOutput(beam.PTransform):
    """The sink: (rows, drops, stats) -> shards + lineage/<shard>.parquet, drops/<reason>.parquet, stats.json
    (the stats summed with the shards' own counters)."""

    def __init__(self, cfg: dict, out_dir: str, pad_id: int):
        super().__init__()
        self.cfg, self.out_dir, self.pad_id = cfg, out_dir, pad_id

    def expand(self, rows_drops_stats):
        rows, drops, stats = rows_drops_stats
        cfg, out_dir = self.cfg, self.out_dir
        split_rows = AsDict(
            rows | "SplitOf" >> beam.Map(lambda r: r[0]) | "CountSplit" >> beam.combiners.Count.PerElement()
        )
        keyed = rows | "Shard" >> beam.Map(shard_of, split_rows, section(cfg, OutputConfig))
        shard_rows = AsDict(
            keyed | "ShardKey" >> beam.Map(lambda kv: kv[0]) | "CountShard" >> beam.combiners.Count.PerElement()
        )
        written = (
            keyed
            | "GroupShard" >> beam.GroupByKey()
            | "Write"
            >> beam.ParDo(
                WriteShard(out_dir, self.pad_id), split_rows, shard_rows, section(cfg, OutputConfig), cfg["seq_len"]
            )
        )
        lineage_files = (
            rows
            | "LineagePaths" >> beam.FlatMap(lambda r: sorted({(x["repo"], x["path"]) for x in loads(r[3])}))
            | "LineageFiles" >> CountLineageFiles()
        )
        total = (
            (stats, written, lineage_files)
            | "AllStats" >> beam.Flatten()
            | "Sum" >> beam.CombineGlobally(SumCounters())
        )
        total | "WriteStats" >> beam.Map(lambda s: write_json(join(out_dir, "stats.json"), s))
        (
            drops
            | "DropRows"
            >> beam.Map(
                lambda d: {"repo": d.repo, "path": d.path, "reason": d.reason, "detail": d.detail, "size": d.size}
            )
            | "DropsByReason" >> beam.Map(lambda r: (r["reason"], r))
            | "GroupDrops" >> beam.GroupByKey()
            | "WriteDrops" >> beam.Map(write_drops, out_dir)
        )
        return total


def write_drops(group, out_dir: str) -> None:
    """drops/<reason>.parquet: every dropped file, so nothing is lost silently."""
    import pyarrow as pa

    reason, rows = group
    rows = sorted(rows, key=lambda r: (r["repo"], r["path"], r["detail"]))
    schema = pa.schema(
        [
            ("repo", pa.string()),
            ("path", pa.string()),
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("size", pa.int64()),
        ]
    )
    write_parquet(join(out_dir, f"drops/{reason}.parquet"), rows, schema)
