"""`repoloom inspect DIR`: decode rows back to text with segment boundaries, special tokens,
and each piece's repository and path from the lineage manifest."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import Any

from repoloom.core.records import decode_example
from repoloom.core.tokenizer import Tokenizer


def _remote(path: str) -> bool:
    return "://" in path  # gs://, s3://, file://: Beam's filesystems


def _join(directory: str, name: str) -> str:
    if _remote(directory):
        from apache_beam.io.filesystems import FileSystems

        return FileSystems.join(directory, name)
    return os.path.join(directory, name)


def _open(path: str):
    """A local output is read with open(): importing Beam's filesystems costs a second of every inspect."""
    if _remote(path):
        from apache_beam.io.filesystems import FileSystems

        return FileSystems.open(path, compression_type="uncompressed")
    return open(path, "rb")


def _read_bytes(path: str) -> bytes:
    with _open(path) as f:
        return f.read()


class Dataset:
    """Read access to a build's output directory (local or any Beam filesystem that array_record reads)."""

    def __init__(self, out_dir: str):
        self.dir = out_dir
        try:
            self.info = json.loads(_read_bytes(_join(out_dir, "dataset.json")))
        except Exception as e:  # noqa: BLE001
            raise FileNotFoundError(
                f"{out_dir} is not a repoloom output directory (no readable dataset.json): {e}"
            ) from e
        self.tok = Tokenizer(_read_bytes(_join(out_dir, self.info["tokenizer"])))
        self._readers: dict[str, Any] = {}

    def shards(self, split: str = "train") -> list[str]:
        return self.info["shards"] if split == "train" else self.info.get("validation_shards", [])

    def _reader(self, name: str):
        from array_record.python.array_record_module import ArrayRecordReader

        if name not in self._readers:
            self._readers[name] = ArrayRecordReader(_join(self.dir, name), "readahead_buffer_size:0")
        return self._readers[name]

    def locate(self, example: int, split: str = "train") -> tuple[str, int]:
        i = example
        for name in self.shards(split):
            n = self._reader(name).num_records()
            if i < n:
                return name, i
            i -= n
        raise IndexError(f"example {example} out of range ({split} has {example - i} examples)")

    def row(self, example: int, split: str = "train") -> dict[str, list[int]]:
        name, i = self.locate(example, split)
        return decode_example(self._reader(name).read([i])[0])

    def rows(self, split: str = "train"):
        for name in self.shards(split):
            r = self._reader(name)
            for i in range(r.num_records()):
                yield decode_example(r.read([i])[0])

    def lineage(self, example: int, split: str = "train") -> list[dict]:
        import pyarrow.parquet as pq

        name, _ = self.locate(example, split)
        with _open(_join(self.dir, f"lineage/{name[: -len('.array_record')]}.parquet")) as f:
            # one thread: pyarrow's thread pool, left running at exit, aborts 1 exit in 20 on a busy machine
            # ("terminate called without an active exception"); a lineage file is small
            table = pq.read_table(f, use_threads=False)
        return sorted((r for r in table.to_pylist() if r["example"] == example), key=lambda r: r["token_start"])

    def render(self, ids: list[int]) -> str:
        """Text of token ids with special tokens shown as their pieces (<bos>, <|fim_prefix|>, ...)."""
        special = set(self.tok.special_ids.values())
        out, run = [], []
        for t in ids:
            if t in special:
                if run:
                    out.append(self.tok.decode(run))
                    run = []
                out.append(self.tok.id_to_piece(t))
            else:
                run.append(t)
        if run:
            out.append(self.tok.decode(run))
        return "".join(out)

    def segments(self, row: dict[str, list[int]]) -> list[list[int]]:
        """Token lists of a row's segments, in order (padding left out)."""
        segs: dict[int, list[int]] = {}
        for t, s in zip(row["targets"], row["targets_segment_ids"]):
            if s:
                segs.setdefault(s, []).append(t)
        return [segs[k] for k in sorted(segs)]


def describe(ds: Dataset, example: int, split: str) -> dict[str, Any]:
    row = ds.row(example, split)
    lineage = ds.lineage(example, split)
    segments = []
    for k, seg in enumerate(ds.segments(row), start=1):
        start = row["targets_segment_ids"].index(k)
        pieces = [
            {
                "repo": x["repo"],
                "path": x["path"],
                "piece": x["piece"],
                "fim_mode": x["fim_mode"] or None,
                "fim_method": x["fim_method"] or None,
                "tokens": [x["token_start"], x["token_end"]],
                "chars": [x["char_start"], x["char_end"]],
            }
            for x in lineage
            if x["segment"] == k
        ]
        segments.append({"segment": k, "tokens": [start, start + len(seg)], "pieces": pieces, "text": ds.render(seg)})
    return {
        "example": example,
        "split": split,
        "seq_len": len(row["targets"]),
        "padding": row["targets_segment_ids"].count(0),
        "segments": segments,
    }


def add_parser(sub) -> None:
    p = sub.add_parser("inspect", help="decode rows of a build's output back to text")
    p.add_argument("dir", metavar="DIR")
    p.add_argument(
        "--example", type=int, action="append", help="example index (repeatable; default: a summary and example 0)"
    )
    p.add_argument("--split", default="train", choices=("train", "validation"))
    p.add_argument("--json", action="store_true", help="one JSON object per example")
    p.set_defaults(run=run)


_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline: never printed raw


def printable(s: str) -> str:
    """Text safe for a terminal: control characters (ESC, CR, BEL, DEL, C1, ...) shown as \\xNN."""
    return _RAW_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)


def json_line(obj) -> str:
    """JSON that escapes every control character (json.dumps leaves DEL and C1 raw)."""
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", json.dumps(obj, ensure_ascii=False))


def run(args: argparse.Namespace) -> int:
    try:
        ds = Dataset(args.dir)
        examples = args.example or [0]
        out = [describe(ds, e, args.split) for e in examples]
    except (FileNotFoundError, IndexError) as e:
        print(f"repoloom inspect: error: {e}", file=sys.stderr)
        return 2
    if args.json:
        for o in out:
            print(json_line(o))
        return 0
    info = ds.info
    if not args.example:
        print(
            printable(
                f"{args.dir}: {info['num_examples']} examples of {info['seq_len']} tokens; files in {info['files_in']}, "
                f"kept {info['files_kept']}, dropped {info['dropped']}"
            )
        )
    for o in out:
        print(
            f"=== example {o['example']} ({o['split']}): {len(o['segments'])} segments, {o['padding']} padding tokens"
        )
        for s in o["segments"]:
            print(f"--- segment {s['segment']} tokens [{s['tokens'][0]}, {s['tokens'][1]})")
            for p in s["pieces"]:
                fim = f" FIM {p['fim_mode']}/{p['fim_method']}" if p["fim_mode"] else ""
                print(printable(f"    {p['repo']}:{p['path']} piece {p['piece']} tokens {p['tokens']}{fim}"))
            print(printable(s["text"]))
    return 0
