"""The output directory is never destroyed or left looking complete: settings checked before anything
runs, --overwrite only over a previous output, a lock against concurrent builds, an empty result and
environment failures are non-zero exits with one line, a rerun reuses the trained tokenizer."""

import errno
import json
import os

import pytest

from repoloom.pipelines import outdir, sink
from repoloom.pipelines.cli import main
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build

REPO = os.path.join(EXAMPLES, "pyledger")


@pytest.fixture
def model(tmp_path, tokenizer_bytes):
    path = tmp_path / "tok.model"
    path.write_bytes(tokenizer_bytes)
    return path


def _err_lines(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--set", "fim.rate=abc"], "'fim.rate' must be a number in [0, 1]; got 'abc'"),
        (["--set", "fim.rate=2"], "'fim.rate' must be a number in [0, 1]; got 2"),
        (["--set", "output.validation_fraction=1.5"], "'output.validation_fraction' must be a number in [0, 0.5]"),
        (["--seq-len", "32"], "'seq_len' must be an integer in [64,"),
    ],
)
def test_bad_settings_stop_before_anything_runs(tmp_path, capsys, args, expected):
    out = tmp_path / "out"
    assert build([REPO], out, *args) == 2
    lines = _err_lines(capsys)
    assert len(lines) == 1 and expected in lines[0], lines
    assert not os.path.exists(out) and not os.path.exists(outdir.sibling(str(out), outdir.STAGING_SUFFIX))


def test_non_integer_seq_len_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        build([REPO], tmp_path / "out", "--seq-len", "abc")
    assert e.value.code == 2 and "invalid int value: 'abc'" in capsys.readouterr().err


def test_overwrite_replaces_only_a_previous_output(tmp_path, capsys):
    mine = tmp_path / "work"
    mine.mkdir()
    (mine / "notes.txt").write_text("precious")
    assert build([REPO], mine, "--overwrite", "--seq-len", 256) == 2
    assert "is not a repoloom output" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text() == "precious" and os.listdir(mine) == ["notes.txt"]

    out = tmp_path / "out"  # a tokenizer asked larger than the sample allows: said, and recorded
    assert build([REPO], out, "--seq-len", 256, "--set", "tokenizer.vocab_size=30000") == 0
    err = capsys.readouterr().err
    ds = json.loads((out / "dataset.json").read_text())
    assert "warning: the trained tokenizer has" in err and "fewer than the 30000 asked" in err
    assert ds["vocab_size"] < 30000 and ds["tokenizer_vocab_requested"] == 30000
    assert (out / outdir.MARKER).exists()
    (out / "stale.array_record").write_text("from another build")
    assert build([REPO], out, "--seq-len", 256, "--set", "tokenizer.vocab_size=30000") == 2
    assert "pass --overwrite" in capsys.readouterr().err
    assert (
        main(
            [
                "build",
                "--input",
                REPO,
                "--output",
                str(out),
                "--seq-len",
                "256",
                "--set",
                "tokenizer.vocab_size=30000",
                "--overwrite",
            ]
        )
        == 0
    )
    assert "reusing the tokenizer" in capsys.readouterr().err  # same inputs and settings: not trained again
    assert not (out / "stale.array_record").exists() and (out / "dataset.json").exists()
    leftovers = sorted(p for p in os.listdir(tmp_path) if p.startswith(".out."))
    assert leftovers == [".out.repoloom-lock"], leftovers  # no staging or old copy left beside it


def test_a_second_build_into_a_locked_output_fails_fast(tmp_path, capsys, model):
    out = tmp_path / "out"
    held = outdir._Lock(outdir.sibling(str(out), outdir.LOCK_SUFFIX))  # as a running build holds it
    try:
        assert build([REPO], out, "--tokenizer", model, "--seq-len", 256) == 2
        assert "another build is writing to this output" in capsys.readouterr().err
        assert not out.exists()
        assert not os.path.exists(outdir.sibling(str(out), outdir.STAGING_SUFFIX))
    finally:
        held.release()


def test_an_empty_result_is_an_error_with_the_reason(tmp_path, capsys, model):
    r = tmp_path / "coll" / "r"
    r.mkdir(parents=True)
    (r / "a.bin").write_bytes(b"\x00\x01" * 50)
    out = tmp_path / "out"
    assert (
        main(
            [
                "build",
                "--input",
                str(tmp_path / "coll"),
                "--output",
                str(out),
                "--tokenizer",
                str(model),
                "--seq-len",
                "256",
            ]
        )
        == 1
    )
    captured = capsys.readouterr()
    assert "the build produced no rows: all 1 files were dropped (binary 1)" in captured.err
    assert "inspect" not in captured.out  # the next step would fail: not suggested
    assert json.loads((out / "dataset.json").read_text())["num_examples"] == 0  # drops/ and report stay readable


def test_disk_full_output_is_one_line_and_nothing_looks_complete(tmp_path, capsys, monkeypatch, model):
    text = "No space left on device"

    def fail(dest, records):
        raise OSError(errno.ENOSPC, text, dest)

    monkeypatch.setattr(sink, "write_array_record", fail)
    out = tmp_path / "out"
    assert build([REPO], out, "--tokenizer", model, "--seq-len", 256) == 1
    lines = _err_lines(capsys)
    assert len(lines) == 1 and lines[0].startswith(f"repoloom build: error: {text}"), lines
    assert not out.exists()
    staging = outdir.sibling(str(out), outdir.STAGING_SUFFIX)
    assert not os.path.exists(os.path.join(staging, "dataset.json"))


def test_an_unwritable_output_place_is_one_line(tmp_path, capsys, model):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert build([REPO], blocker / "out", "--tokenizer", model, "--seq-len", 256) == 2
    lines = _err_lines(capsys)
    assert len(lines) == 1 and lines[0].startswith("repoloom build: error:"), lines


def test_non_model_tokenizer_and_version(tmp_path, capsys, model):
    bogus = tmp_path / "bogus.model"
    bogus.write_text("not a model")
    assert build([REPO], tmp_path / "out", "--tokenizer", bogus) == 2
    assert f"{bogus}: not a SentencePiece model" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    from repoloom import __version__

    assert e.value.code == 0 and capsys.readouterr().out.strip() == f"repoloom {__version__}"


def test_environment_failures_are_found_in_whatever_the_runner_wraps_them_in():
    from repoloom.pipelines.cmd_build import environment_error

    try:
        try:
            raise OSError(errno.EROFS, "Read-only file system", "/data/out/x")
        except OSError as e:
            raise RuntimeError("while running 'Write'") from e
    except RuntimeError as wrapped:
        assert environment_error(wrapped) == "Read-only file system (/data/out/x)"
    # a worker process's failure arrives as text only
    text = RuntimeError(
        "Traceback ...\nOSError: [Errno 28] No space left on device: '/tmp/shard' [while running 'Write']"
    )
    assert environment_error(text) == "No space left on device (/tmp/shard)"
    assert environment_error(ValueError("a bug, not the disk")) is None


def test_tokenizer_train_says_when_the_vocabulary_is_smaller_than_asked(tmp_path, capsys):
    assert (
        main(["tokenizer", "train", "--input", REPO, "--vocab-size", "30000", "--output", str(tmp_path / "t.model")])
        == 0
    )
    err = capsys.readouterr().err
    assert "warning: the trained tokenizer has" in err and "fewer than the 30000 asked" in err


def test_a_build_of_loose_files_says_to_pass_their_folder():
    from repoloom.pipelines.cmd_build import empty_reason

    loose = {"files_in": 1, "files_kept": 0, "dropped": {"not_in_repository": 1}}
    assert empty_reason(loose).endswith("a loose file is not a repository: pass the folder that holds it")
    mixed = {"files_in": 2, "files_kept": 0, "dropped": {"not_in_repository": 1, "binary": 1}}
    assert "loose file" not in empty_reason(mixed)  # only when loose files are the whole story
