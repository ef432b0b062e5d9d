"""Outputs any stack can load: repoloom.read_rows, `repoloom export` to Parquet/JSON Lines (loaded with HF
datasets), the segments' text as trained or with FIM undone; progress bars with counts; a readable report."""

import contextlib
import io
import json
import os
import re

import pytest

import repoloom
from repoloom.core.records import decode_example
from repoloom.pipelines.cli import main

FILES = {
    "pyproject.toml": '[project]\nname = "shop"\nversion = "1.0"\n',
    "shop/__init__.py": '"""A tiny shop."""\n',
    "shop/cart.py": "".join(
        f"def price_{i}(qty, unit):\n    total = qty * unit + {i}\n    return round(total, 2)\n\n\n" for i in range(12)
    ),
    "shop/tax.py": "from shop.cart import price_1\n\n\ndef with_tax(qty, unit, rate=0.2):\n"
    "    net = price_1(qty, unit)\n    return net * (1 + rate)\n",
    "tests/test_tax.py": "from shop.tax import with_tax\n\n\ndef test_with_tax():\n    assert with_tax(1, 10) == 13.2\n",
}


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    repo = root / "repos" / "shop"
    for rel, text in FILES.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text)
    (repo / ".git").mkdir()
    out = root / "out"
    terminal = _Terminal()
    with contextlib.redirect_stderr(terminal), contextlib.redirect_stdout(io.StringIO()):
        assert (
            main(
                [
                    "build",
                    "--input",
                    str(root / "repos"),
                    "--output",
                    str(out),
                    "--seq-len",
                    "128",
                    "--set",
                    "tokenizer.vocab_size=500",
                    "--set",
                    "fim.rate=1.0",
                ]
            )
            == 0
        )
    return out, json.loads((out / "dataset.json").read_text()), terminal.getvalue()


def test_progress_bars_show_counts_for_reading_the_per_file_stage_and_writing(built):
    _, ds, err = built
    final = {}
    for m in re.finditer(r"(read|per-file|write)\s*:\s*100%\|[^|]*\|\s*(\d+)/(\d+)", err):
        final[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    shards = len(ds["shards"]) + len(ds["validation_shards"])
    assert final["read"] == (1, 1) and final["write"] == (shards, shards), err[-2000:]
    assert final["per-file"][0] == final["per-file"][1] == ds["files_in"] - ds["dropped"].get("not_in_repository", 0)
    assert "<" in err  # tqdm's elapsed<remaining (ETA) field


def test_read_rows_gives_every_record_in_order(built):
    from array_record.python.array_record_module import ArrayRecordReader

    out, ds, _ = built
    rows = list(repoloom.read_rows(str(out)))
    assert len(rows) == ds["num_examples"] > 0
    expected = []
    for name in ds["shards"]:
        r = ArrayRecordReader(str(out / name))
        expected += [decode_example(b) for b in r.read(list(range(r.num_records())))]
    for i, (row, exp) in enumerate(zip(rows, expected)):
        assert row["example"] == i and row["split"] == "train"
        for k in ("targets", "targets_segment_ids", "targets_positions"):
            assert row[k].tolist() == exp[k], (i, k)


def _pieces(segment: str) -> list[tuple[str, str]]:
    """(path, body) of each piece of a plain-text segment."""
    text = segment.removeprefix("<bos>").removesuffix("<eos>")
    out = []
    for part in text.split("<|file_separator|>"):
        if part:
            path, _, body = part.partition("\n")
            out.append((path, body))
    return out


def test_segment_text_as_trained_and_with_fim_undone(built):
    out, _, _ = built
    fim = [s for r in repoloom.read_rows(str(out), text="fim") for s in r["segments"]]
    plain = [s for r in repoloom.read_rows(str(out), text="plain") for s in r["segments"]]
    assert len(fim) == len(plain) > 0
    assert any("<|fim_prefix|>" in s for s in fim) and not any("<|fim_" in s for s in plain)
    seen = set()
    for seg in plain:
        for path, body in _pieces(seg):
            assert path in FILES, path
            assert body and body in FILES[path], (path, body[:200])  # each piece is the file's own text, in order
            seen.add(path)
    assert seen == set(FILES)


def test_export_parquet_loads_with_hf_datasets_and_jsonl_matches(built, tmp_path, monkeypatch, capsys):
    import datasets  # in the test extra

    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out, ds, _ = built
    assert (
        main(
            [
                "export",
                str(out),
                "--format",
                "parquet",
                "--output",
                str(tmp_path / "pq"),
                "--text",
                "plain",
                "--rows-per-file",
                "4",
            ]
        )
        == 0
    )
    assert f"wrote {ds['num_examples']} rows" in capsys.readouterr().out
    loaded = datasets.load_dataset(
        "parquet", data_files=str(tmp_path / "pq" / "*.parquet"), split="train", cache_dir=str(tmp_path / "hf-cache")
    )
    rows = list(repoloom.read_rows(str(out), text="plain"))
    assert loaded.num_rows == len(rows) == ds["num_examples"]
    by_example = {r["example"]: r for r in loaded}
    for row in rows:
        got = by_example[row["example"]]
        assert got["targets"] == row["targets"].tolist() and got["segments"] == row["segments"]
        assert got["targets_segment_ids"] == row["targets_segment_ids"].tolist()
    assert main(["export", str(out), "--format", "jsonl", "--output", str(tmp_path / "jl")]) == 0
    lines = [json.loads(line) for f in sorted(os.listdir(tmp_path / "jl")) for line in open(tmp_path / "jl" / f)]
    assert [x["targets"] for x in lines] == [r["targets"].tolist() for r in rows] and "segments" not in lines[0]
    assert main(["export", str(out), "--output", str(tmp_path / "jl")]) == 2  # never over other files


def test_report_counts_and_bytes_are_readable(built):
    from repoloom.pipelines.report import human_bytes

    out, _, _ = built
    report = (out / "report.md").read_text()
    assert not re.search(r"\d\.\d+e[+-]\d", report.split("## All counters")[0]), report
    assert [human_bytes(x) for x in (512, 1240500, 3.2e9)] == ["512 B", "1.2 MB", "3.2 GB"]
