"""A small real-code dataset in the data build's output format, for tests and benchmarks.

It is NOT the data pipeline (that lives in pipelines/): it cuts installed Python
source files into short pseudo-files, applies PSM/SPM fill-in-the-middle on a
share of them, lays them out like the CodeGemma format
(``<bos>path↵content<|file_separator|>…<eos>``), packs segments greedily
into rows of ``seq_len`` and writes ArrayRecord shards (group_size:1) with
``repoloom.core.records.encode_row``, plus ``dataset.json`` and the tokenizer.
"""

from __future__ import annotations

import glob
import json
import os
import random

from repoloom.core import layout
from repoloom.core.records import encode_row
from repoloom.core.tokenizer import Tokenizer, train_tokenizer


def source_texts(max_files: int = 40, lines_per_file: int = 24) -> list[tuple[str, str]]:
    """(path, text) pairs: installed Python files cut into chunks of ``lines_per_file`` lines."""
    import json as _json
    import yaml

    roots = [os.path.dirname(yaml.__file__), os.path.dirname(_json.__file__)]
    files = []
    for r in roots:
        files.extend(sorted(glob.glob(os.path.join(r, "*.py"))))
    out = []
    for f in files[:max_files]:
        with open(f, encoding="utf-8") as fh:
            lines = fh.read().splitlines(keepends=True)
        base = os.path.basename(os.path.dirname(f)) + "/" + os.path.basename(f)
        for i in range(0, len(lines), lines_per_file):
            chunk = "".join(lines[i : i + lines_per_file])
            if chunk.strip():
                out.append((f"{base[:-3]}_{i // lines_per_file}.py", chunk))
    return out


def _fim_tokens(tok: Tokenizer, text: str, rng: random.Random, spm: bool) -> list[int]:
    lines = text.splitlines(keepends=True)
    k = rng.randrange(len(lines))
    prefix, middle, suffix = "".join(lines[:k]), lines[k], "".join(lines[k + 1 :])
    return layout.assemble(
        tok.encode(prefix), tok.encode(middle), tok.encode(suffix), "spm" if spm else "psm", tok.special_ids
    )


def build_dataset(
    out_dir: str,
    *,
    seq_len: int = 128,
    vocab_size: int = 512,
    num_shards: int = 2,
    validation_rows: int = 0,
    fim_rate: float = 0.5,
    spm_rate: float = 0.2,
    files_per_repo: int = 3,
    max_files: int = 40,
    max_rows: int | None = None,
    lines_per_file: int = 24,
    repeat: int = 1,
    seed: int = 0,
) -> dict:
    """Write a dataset to ``out_dir`` and return its dataset.json contents."""
    from array_record.python.array_record_module import ArrayRecordWriter

    os.makedirs(out_dir, exist_ok=True)
    files = source_texts(max_files=max_files, lines_per_file=lines_per_file)
    model = train_tokenizer([t for _, t in files], vocab_size)
    with open(os.path.join(out_dir, "tokenizer.model"), "wb") as f:
        f.write(model)
    tok = Tokenizer(model)
    s = tok.special_ids
    rng = random.Random(seed)
    segments = []
    for _ in range(repeat):
        for i in range(0, len(files), files_per_repo):
            seg = [s["bos"]]
            for path, text in files[i : i + files_per_repo]:
                seg += tok.encode(path + "\n")
                if rng.random() < fim_rate:
                    seg += _fim_tokens(tok, text, rng, spm=rng.random() < spm_rate)
                else:
                    seg += tok.encode(text)
                seg.append(s["file_separator"])
            seg.append(s["eos"])
            # Long repositories are cut into pieces of at most seq_len tokens.
            segments.extend(seg[j : j + seq_len] for j in range(0, len(seg), seq_len))
    # Greedy packing: fill a row with the next segments that fit.
    rows, cur = [], []
    for seg in segments:
        if sum(len(x) for x in cur) + len(seg) > seq_len:
            rows.append(cur)
            cur = []
        cur.append(seg)
    if cur:
        rows.append(cur)
    encoded = []
    for row in rows:
        t, sid, pos = [], [], []
        for n, seg in enumerate(row, 1):
            t += seg
            sid += [n] * len(seg)
            pos += list(range(len(seg)))
        padn = seq_len - len(t)
        encoded.append(encode_row(t + [s["pad"]] * padn, sid + [0] * padn, pos + [0] * padn))
    rng.shuffle(encoded)
    if max_rows:
        encoded = encoded[: max_rows + validation_rows]
    val, train = encoded[:validation_rows], encoded[validation_rows:]

    def write(prefix, recs, n):
        names = []
        per = -(-len(recs) // n)
        for k in range(n):
            name = f"{prefix}-{k:05d}-of-{n:05d}.array_record"
            w = ArrayRecordWriter(os.path.join(out_dir, name), "group_size:1")
            for r in recs[k * per : (k + 1) * per]:
                w.write(r)
            w.close()
            names.append(name)
        return names

    meta = {
        "version": 1,
        "seq_len": seq_len,
        "vocab_size": tok.vocab_size,
        "special_tokens": dict(s),
        "num_examples": len(train),
        "shards": write("train", train, num_shards),
        "validation_shards": write("validation", val, 1) if val else [],
        "tokenizer": "tokenizer.model",
    }
    with open(os.path.join(out_dir, "dataset.json"), "w") as f:
        json.dump(meta, f, indent=2)
    return meta
