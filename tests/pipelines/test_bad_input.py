"""Bad input never crashes the job and is never lost silently; a wrong command line is a clear error."""

import io
import json
import os

import pytest
import sentencepiece as spm

from repoloom.pipelines.cli import main
from tests.pipelines.helpers import build


def _messy_collection(root):
    r = root / "coll" / "messy"
    r.mkdir(parents=True)
    (r / "ok.py").write_text("def add(a, b):\n    return a + b\n")
    (r / "empty.py").write_text("")
    (r / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (r / "latin1.py").write_bytes("# caf\xe9\nx = 1\n".encode("latin-1"))
    (r / "huge.py").write_text("x = 1\n" * 400)
    (r / "notes.unknownext").write_text("hello\n")
    os.symlink(r, r / "loop")
    os.symlink("/etc/hostname", r / "outside")
    only_bad = root / "coll" / "allbad"
    only_bad.mkdir()
    (only_bad / "blob.bin").write_bytes(b"\x00" * 100)
    return root / "coll"


def test_messy_input_is_accounted_for(tmp_path):
    coll = _messy_collection(tmp_path)
    out = tmp_path / "out"
    assert (
        build([coll], out, "--seq-len", 256, "--set", "max_file_bytes=1000", "--set", "tokenizer.vocab_size=500") == 0
    )
    info = json.loads((out / "dataset.json").read_text())
    assert info["files_in"] == info["files_kept"] + sum(info["dropped"].values())
    assert info["files_kept"] == 1
    for reason in ("empty", "binary", "undecodable", "file_too_large", "unknown_language", "symlink"):
        assert info["dropped"].get(reason, 0) >= 1, reason


def test_everything_dropped_still_writes_a_valid_output(tmp_path, tokenizer_bytes):
    r = tmp_path / "coll" / "r"
    r.mkdir(parents=True)
    (r / "a.bin").write_bytes(b"\x00\x01" * 50)
    model = tmp_path / "tok.model"
    model.write_bytes(tokenizer_bytes)
    out = tmp_path / "out"
    assert build([tmp_path / "coll"], out, "--tokenizer", model, "--seq-len", 256) == 1  # no rows: an error
    info = json.loads((out / "dataset.json").read_text())
    assert info["num_examples"] == 0 and info["files_kept"] == 0 and info["dropped"] == {"binary": 1}
    assert info["shards"] == ["train-00000-of-00001.array_record"]
    from array_record.python.array_record_module import ArrayRecordReader

    assert ArrayRecordReader(str(out / info["shards"][0])).num_records() == 0


def test_command_line_errors(tmp_path, capsys, real_texts):
    assert main(["build", "--input", str(tmp_path / "missing"), "--output", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "a.py").write_text("x = 1\n")
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("x")
    assert main(["build", "--input", str(tmp_path / "repo"), "--output", str(full)]) == 2
    assert "not a repoloom output" in capsys.readouterr().err
    assert (
        main(["build", "--input", str(tmp_path / "repo"), "--output", str(tmp_path / "o2"), "--set", "no_such_key=1"])
        == 2
    )
    assert "unknown config key" in capsys.readouterr().err
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([l for t in real_texts[:5] for l in t.splitlines() if l.strip()]),
        model_writer=buf,
        vocab_size=300,
        minloglevel=2,
    )
    (tmp_path / "plain.model").write_bytes(buf.getvalue())
    assert (
        main(
            [
                "build",
                "--input",
                str(tmp_path / "repo"),
                "--output",
                str(tmp_path / "o3"),
                "--tokenizer",
                str(tmp_path / "plain.model"),
            ]
        )
        == 2
    )
    assert "lacks required pieces" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["build"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["inspect", str(tmp_path), "--bogus"])
    assert e.value.code == 2
    assert main(["inspect", str(tmp_path / "nothing-here")]) == 2
