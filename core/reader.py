"""Reading a build's rows back, for any stack: ``repoloom.read_rows(DIR)``.

Each row is a dict of int32 numpy arrays ``targets``, ``targets_segment_ids`` (1, 2, … per segment,
0 = padding) and ``targets_positions``, plus ``split`` and ``example`` (its index in the split). With
``text="fim"`` a row also carries ``segments``: the text of each segment in order, exactly as trained
(FIM'd files in their PSM/SPM layout, special tokens written out); with ``text="plain"`` FIM is undone,
so each file reads in its original order (redaction and dedup stay applied). Local directories only
(array_record reads local files).
"""

from __future__ import annotations

import os
from typing import Iterator

import numpy as np

from repoloom.core.dataset import DatasetError, DatasetInfo, load_dataset_info
from repoloom.core.records import parse_record

TEXT_MODES = (None, "fim", "plain")


def _shards(info: DatasetInfo, split: str) -> list[tuple[str, str]]:
    if split not in ("train", "validation", "all"):
        raise DatasetError(f"split must be train, validation or all, not {split!r}")
    out = []
    if split in ("train", "all"):
        out += [("train", p) for p in info.shards]
    if split in ("validation", "all"):
        out += [("validation", p) for p in info.validation_shards]
    return out


def iter_records(info: DatasetInfo, split: str = "train") -> Iterator[tuple[str, int, bytes]]:
    """(split, example index, serialized record) for every row of the split, in order."""
    from array_record.python.array_record_module import ArrayRecordReader

    counters = {"train": 0, "validation": 0}
    for name, path in _shards(info, split):
        reader = ArrayRecordReader(path, "readahead_buffer_size:0")
        try:
            for start in range(0, reader.num_records(), 256):
                for data in reader.read(list(range(start, min(start + 256, reader.num_records())))):
                    yield name, counters[name], data
                    counters[name] += 1
        finally:
            reader.close()


class SegmentText:
    """Decodes a row's segments to text with the build's tokenizer (special tokens written out)."""

    def __init__(self, info: DatasetInfo, mode: str):
        from repoloom.core.tokenizer import Tokenizer

        if mode not in ("fim", "plain"):
            raise DatasetError(f"text must be 'fim' or 'plain', not {mode!r}")
        if not info.tokenizer:
            raise DatasetError(f"{info.root} has no tokenizer.model to decode text with")
        self.tok = Tokenizer.from_file(info.tokenizer)
        self.mode = mode
        self.special = info.special
        self.names = {i: self.tok.id_to_piece(i) for i in info.special.values()}

    def _decode(self, ids: list[int]) -> str:
        """Text of ids; special ids as their pieces (``decode`` would drop them)."""
        out, run = [], []
        for t in ids:
            if t in self.names:
                if run:
                    out.append(self.tok.decode(run))
                    run = []
                out.append(self.names[t])
            else:
                run.append(t)
        if run:
            out.append(self.tok.decode(run))
        return "".join(out)

    def _unfim(self, ids: list[int]) -> list[int]:
        """One file's ids with its FIM layout put back in reading order: header, prefix, middle, suffix."""
        sp = self.special
        P, M, S = sp["fim_prefix"], sp["fim_middle"], sp["fim_suffix"]
        if P not in ids or M not in ids or S not in ids:
            return ids
        p = ids.index(P)
        head, body = ids[:p], ids[p + 1 :]
        s, m = body.index(S), body.index(M)
        if s == 0:  # SPM: <S>suffix<M>prefix+middle
            return head + body[m + 1 :] + body[1:m]
        return head + body[:s] + body[m + 1 :] + body[s + 1 : m]  # PSM: prefix<S>suffix<M>middle

    def segments(self, row: dict[str, np.ndarray]) -> list[str]:
        tokens, seg = row["targets"].tolist(), row["targets_segment_ids"].tolist()
        out: list[str] = []
        start = 0
        for i in range(1, len(seg) + 1):
            if i == len(seg) or seg[i] != seg[start]:
                if seg[start] != 0:
                    out.append(self._text(tokens[start:i]))
                start = i
        return out

    def _text(self, ids: list[int]) -> str:
        if self.mode == "fim":
            return self._decode(ids)
        sep, eos = self.special["file_separator"], self.special["eos"]
        files, cur = [], []
        for t in ids:
            cur.append(t)
            if t in (sep, eos):
                files.append(cur)
                cur = []
        if cur:
            files.append(cur)
        out = []
        for f in files:
            end = f[-1:] if f and f[-1] in (sep, eos) else []
            out.append(self._decode(self._unfim(f[: len(f) - len(end)]) + end))
        return "".join(out)


def read_rows(directory: str, split: str = "train", text: str | None = None) -> Iterator[dict]:
    """Every row of a build's output directory, in order (see the module docstring for the fields)."""
    if not os.path.isdir(directory):
        raise DatasetError(f"{directory!r} is not a directory")
    info = load_dataset_info(directory)
    if text not in TEXT_MODES:
        raise DatasetError(f"text must be None, 'fim' or 'plain', not {text!r}")
    decoder = SegmentText(info, text) if text else None
    for name, example, data in iter_records(info, split):
        row = parse_record(data)
        row["split"], row["example"] = name, example
        if decoder is not None:
            row["segments"] = decoder.segments(row)
        yield row
