"""Stack-style tables (.parquet, .jsonl, .jsonl.gz with repo_name, path, content) read row by row.

One bad row drops only itself (`bad_record`: not JSON, a missing or mistyped column; `bad_name`;
`unsafe_path`; `file_too_large` for a row longer than the file limit, skipped without holding it);
a table that cannot be read at all is one `bad_table` drop, and a table that breaks part-way keeps
the rows before the break and adds one `bad_table` drop for the unseen rest.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import zlib
from typing import Iterator

from apache_beam.io.filesystems import FileSystems

from repoloom.core.types import Drop, SourceFile
from repoloom.pipelines.source_common import (
    NotRegular,
    ReadLimits,
    environment_failure,
    escaped,
    file_cap,
    is_environment_error,
    name_problem,
    open_regular,
    safe_text,
)
from repoloom.pipelines.sources_archive import safe_member

REQUIRED_COLUMNS = ("repo_name", "path", "content")
_STREAM_ERRORS = (OSError, EOFError, zlib.error, ValueError)
PARQUET_BATCH_ROWS = 16  # rows held at once: bounded by 16 x the largest content


class TableError(ValueError):
    pass


class _BadRow:
    """A row that could not become a dict (not JSON, too long)."""

    def __init__(self, reason: str, detail: str, size: int = 0):
        self.reason, self.detail, self.size = reason, detail, size


def _open(path: str):
    if FileSystems.get_scheme(path) in (None, "file"):
        return open_regular(path[len("file://") :] if path.startswith("file://") else path)
    return FileSystems.open(path, compression_type="uncompressed")


def _jsonl_rows(path: str, line_cap: int) -> Iterator[dict | _BadRow]:
    with _open(path) as raw:
        stream = gzip.GzipFile(fileobj=raw) if path.endswith(".gz") else raw
        lineno = 0
        while True:
            line = stream.readline(line_cap + 1)
            if not line:
                return
            lineno += 1
            if len(line) > line_cap and not line.endswith(b"\n"):
                size = len(line)
                while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                    size += len(more)
                size += len(more)
                yield _BadRow("file_too_large", f"line {lineno}: row over {line_cap} bytes", size)
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("not a JSON object")
            except ValueError as e:
                yield _BadRow("bad_record", f"line {lineno}: {e}"[:300])
                continue
            yield row


def _parquet_rows(path: str) -> Iterator[dict]:
    import pyarrow.parquet as pq

    with _open(path) as f:
        pf = pq.ParquetFile(f)
        missing = [c for c in REQUIRED_COLUMNS if c not in pf.schema_arrow.names]
        if missing:
            raise TableError(f"missing columns {missing}")
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            yield from batch.to_pylist()


def _row_item(table: str, i: int, row: dict, max_bytes: int) -> SourceFile | Drop:
    repo, path, content = row.get("repo_name"), row.get("path"), row.get("content")
    missing = [c for c in REQUIRED_COLUMNS if row.get(c) is None]
    where = (
        escaped(repo) if isinstance(repo, str) and repo else table,
        escaped(path) if isinstance(path, str) and path else f"#{i}",
    )
    if missing:
        return Drop(*where, "bad_record", f"missing {missing}")
    if not isinstance(repo, str) or not isinstance(path, str):
        return Drop(*where, "bad_record", "repo_name and path must be strings")
    if not isinstance(content, (str, bytes)):  # an integer would become that many NUL bytes
        return Drop(*where, "bad_record", f"content is {type(content).__name__}, not text or bytes")
    for value in (repo, path):
        if problem := name_problem(value):
            return Drop(*where, "bad_name", problem)
    rel = safe_member(path.lstrip("/"))
    if rel is None or rel == ".":
        return Drop(*where, "unsafe_path", "'..' or empty path in a table")
    size = len(content.encode("utf-8", "surrogatepass")) if isinstance(content, str) else len(content)
    if size > max_bytes:
        return Drop(repo, rel, "file_too_large", f"{size} bytes", size)
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else bytes(content)
    meta = {k: v for k, v in row.items() if k not in REQUIRED_COLUMNS and isinstance(v, (str, int, float, bool))}
    return SourceFile(repo, rel, data, meta, origin=f"{i:012d}")


def read_table(path: str, max_bytes: int, limits: ReadLimits) -> Iterator[SourceFile | Drop]:
    table = escaped(posixpath.basename(path))
    cap = file_cap(max_bytes, limits)
    rows = _parquet_rows(path) if path.endswith(".parquet") else _jsonl_rows(path, 8 * cap + (64 << 10))
    i = -1
    try:
        for i, row in enumerate(rows):
            if isinstance(row, _BadRow):
                yield Drop(table, f"#{i}", row.reason, row.detail, row.size)
                continue
            try:
                item = _row_item(table, i, row, cap)
            except Exception as e:  # noqa: BLE001 - one row loses itself, never the table
                item = Drop(table, f"#{i}", "bad_record", safe_text(f"{type(e).__name__}: {e}")[:300])
            yield item
    except NotRegular as e:
        yield Drop(table, "", "not_a_file", str(e))
    except TableError as e:
        yield Drop(table, "", "bad_table", str(e))
    except OSError as e:
        if is_environment_error(e):
            raise environment_failure(e, f"reading {path}") from e
        where = f"after {i + 1} rows: " if i >= 0 else ""
        yield Drop(
            table,
            "",
            "unreadable" if i < 0 else "bad_table",
            safe_text(f"{where}{e.strerror or type(e).__name__}")[:300],
        )
    except Exception as e:  # noqa: BLE001 - a corrupt table keeps what was read before the break
        if is_environment_error(e):
            raise environment_failure(e, f"reading {path}") from e
        where = f"after {i + 1} rows: " if i >= 0 else ""
        yield Drop(table, "", "bad_table", safe_text(f"{where}{type(e).__name__}: {e}")[:300])
