"""`repoloom export DIR --format parquet|jsonl --output OUT`: a build's rows as Parquet or JSON Lines, one
file per shard, for stacks that do not read ArrayRecord (HF ``datasets.load_dataset("parquet", …)``,
pandas, Spark, DuckDB) or want the curated text for another tokenizer (``--text fim|plain``)."""

from __future__ import annotations

import argparse
import json
import os
import sys


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="a build's rows as Parquet or JSON Lines (token ids, segments, optional text)")
    p.add_argument("dir", metavar="DIR", help="a build's output directory")
    p.add_argument("--format", choices=("parquet", "jsonl"), default="parquet")
    p.add_argument(
        "--output", required=True, metavar="OUT", help="folder for the exported files (created; must be empty)"
    )
    p.add_argument("--split", choices=("train", "validation", "all"), default="all")
    p.add_argument(
        "--text",
        choices=("fim", "plain"),
        help="add `segments`: each segment's text in order, as trained (fim) or with FIM undone (plain)",
    )
    p.add_argument("--rows-per-file", type=int, default=4096, metavar="N")
    p.set_defaults(run=run)


COLUMNS = ("split", "example", "targets", "targets_segment_ids", "targets_positions")


def _schema(with_text: bool):
    import pyarrow as pa

    fields = [
        ("split", pa.string()),
        ("example", pa.int64()),
        ("targets", pa.list_(pa.int32())),
        ("targets_segment_ids", pa.list_(pa.int32())),
        ("targets_positions", pa.list_(pa.int32())),
    ]
    if with_text:
        fields.append(("segments", pa.list_(pa.string())))
    return pa.schema(fields)


def _plain(row: dict) -> dict:
    out = {k: row[k] for k in COLUMNS}
    for k in ("targets", "targets_segment_ids", "targets_positions"):
        out[k] = row[k].tolist()
    if "segments" in row:
        out["segments"] = row["segments"]
    return out


class _Files:
    """Writes rows into numbered files of at most ``per_file`` rows each."""

    def __init__(self, out_dir: str, fmt: str, with_text: bool, per_file: int):
        self.out_dir, self.fmt, self.per_file = out_dir, fmt, per_file
        self.schema = _schema(with_text)
        self.rows: list[dict] = []
        self.names: list[str] = []

    def add(self, row: dict) -> None:
        self.rows.append(_plain(row))
        if len(self.rows) >= self.per_file:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        name = f"rows-{len(self.names):05d}.{self.fmt}"
        path = os.path.join(self.out_dir, name)
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(self.rows, schema=self.schema), path, compression="zstd")
        else:
            with open(path, "w", encoding="utf-8") as f:
                for r in self.rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        self.names.append(name)
        self.rows = []


def run(args: argparse.Namespace) -> int:
    from repoloom.core.dataset import DatasetError
    from repoloom.core.reader import read_rows

    if args.rows_per_file < 1:
        print("repoloom export: error: --rows-per-file must be at least 1", file=sys.stderr)
        return 2
    if os.path.exists(args.output) and (not os.path.isdir(args.output) or os.listdir(args.output)):
        print(f"repoloom export: error: {args.output} exists and is not an empty directory", file=sys.stderr)
        return 2
    try:
        rows = read_rows(args.dir, args.split, args.text)
        first = next(rows, None)
    except DatasetError as e:
        print(f"repoloom export: error: {e}", file=sys.stderr)
        return 2
    os.makedirs(args.output, exist_ok=True)
    files = _Files(args.output, args.format, bool(args.text), args.rows_per_file)
    n = 0
    if first is not None:
        files.add(first)
        n = 1
        for row in rows:
            files.add(row)
            n += 1
    files.flush()
    print(f"wrote {n} rows to {len(files.names)} {args.format} files in {args.output}")
    if args.format == "parquet" and files.names:
        print(f'load: datasets.load_dataset("parquet", data_files="{args.output.rstrip("/")}/*.parquet")')
    return 0
