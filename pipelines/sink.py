"""Writing shards and side files through Beam's FileSystems, so gs:// and any registered
filesystem work. array_record's writer only writes local files (its own Beam sink too),
so each shard is written to a local temporary file and then copied."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from typing import Iterable

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

ARRAY_RECORD_OPTIONS = "group_size:1"  # random access for grain


def shard_name(split: str, index: int, count: int) -> str:
    return f"{split}-{index:05d}-of-{count:05d}.array_record"


def join(directory: str, name: str) -> str:
    return FileSystems.join(directory, name)


def copy_local_to(local_path: str, dest: str) -> None:
    with open(local_path, "rb") as src, FileSystems.create(dest, mime_type="application/octet-stream", compression_type=CompressionTypes.UNCOMPRESSED) as dst:
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
    with FileSystems.create(dest, mime_type="application/octet-stream", compression_type=CompressionTypes.UNCOMPRESSED) as f:
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
