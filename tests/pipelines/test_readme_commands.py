"""Features the README documents, used the way it shows: a validation split, `inspect` with `--example`,
`--json` and `--split`, and `repoloom tokenizer train` whose model a build then uses as given."""

import json
import os
import shutil

import pyarrow.parquet as pq
import pytest

from repoloom.core.tokenizer import Tokenizer
from repoloom.pipelines.cli import main
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build

SEQ_LEN = 512


@pytest.fixture(scope="module")
def repos(tmp_path_factory):
    """A collection of two of the example repositories."""
    root = tmp_path_factory.mktemp("coll") / "repos"
    for name in ("pyledger", "gokv"):
        shutil.copytree(os.path.join(EXAMPLES, name), root / name)
    return root


@pytest.fixture(scope="module")
def tokenizer(repos, tmp_path_factory):
    model = tmp_path_factory.mktemp("tok") / "tok.model"
    assert main(["tokenizer", "train", "--input", str(repos), "--vocab-size", "900", "--output", str(model)]) == 0
    return model


@pytest.fixture(scope="module")
def built(repos, tokenizer, tmp_path_factory):
    out = tmp_path_factory.mktemp("val") / "out"
    assert (
        build(
            [repos],
            out,
            "--seq-len",
            SEQ_LEN,
            "--tokenizer",
            tokenizer,
            "--set",
            "output.validation_fraction=0.3",
            "--set",
            "output.rows_per_shard=4",
        )
        == 0
    )
    return out


def test_tokenizer_train_writes_a_model_with_the_special_pieces(tokenizer):
    tok = Tokenizer(tokenizer.read_bytes())
    assert 0 < tok.vocab_size <= 900
    for name in ("fim_prefix", "fim_middle", "fim_suffix", "file_separator"):
        assert tok.id_to_piece(tok.special(name)) == f"<|{name}|>"
    with open(os.path.join(EXAMPLES, "pyledger", "pyledger", "ledger.py"), encoding="utf-8") as f:
        text = f.read()
    assert tok.decode(tok.encode(text)) == text


def test_a_given_tokenizer_is_used_and_copied_unchanged(built, tokenizer):
    info = json.loads((built / "dataset.json").read_text())
    assert (built / info["tokenizer"]).read_bytes() == tokenizer.read_bytes()
    assert info["vocab_size"] == Tokenizer(tokenizer.read_bytes()).vocab_size


def _lineage(out, shards):
    rows = []
    for name in shards:
        rows += pq.read_table(out / "lineage" / f"{name[: -len('.array_record')]}.parquet").to_pylist()
    return rows


def test_validation_split_holds_its_share_of_rows_and_no_piece_twice(built):
    info = json.loads((built / "dataset.json").read_text())
    train, val = info["num_train_examples"], info["num_validation_examples"]
    assert info["num_examples"] == train + val
    assert val > 0 and train > 0 and info["validation_shards"]
    assert 0.05 < val / (train + val) < 0.6, "about 30% of rows, by a hash per row"
    train_pieces = {(x["repo"], x["path"], x["piece"]) for x in _lineage(built, info["shards"])}
    val_rows = _lineage(built, info["validation_shards"])
    val_pieces = {(x["repo"], x["path"], x["piece"]) for x in val_rows}
    assert not train_pieces & val_pieces
    assert {x["split"] for x in val_rows} == {"validation"}
    assert len({(r, p) for r, p, _ in train_pieces | val_pieces}) == info["files_kept"]


def test_inspect_examples_as_json_on_both_splits(built, capsys):
    capsys.readouterr()
    assert main(["inspect", str(built), "--example", "0", "--example", "1", "--json"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    objs = [json.loads(line) for line in lines]
    assert [o["example"] for o in objs] == [0, 1] and {o["split"] for o in objs} == {"train"}
    for o in objs:
        assert o["seq_len"] == SEQ_LEN and o["segments"]
        seg = o["segments"][0]
        assert seg["text"].startswith("<bos>") and seg["pieces"][0]["repo"] in ("pyledger", "gokv")
        assert sum(s["tokens"][1] - s["tokens"][0] for s in o["segments"]) + o["padding"] == SEQ_LEN
    assert main(["inspect", str(built), "--split", "validation", "--example", "0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["split"] == "validation"


def test_inspect_plain_text_and_out_of_range(built, capsys):
    capsys.readouterr()
    assert main(["inspect", str(built)]) == 0
    out = capsys.readouterr().out
    assert "=== example 0 (train)" in out and "--- segment 1" in out and "<bos>" in out
    n = json.loads((built / "dataset.json").read_text())["num_examples"]
    assert main(["inspect", str(built), "--example", str(n)]) == 2
    assert "out of range" in capsys.readouterr().err


def test_rows_spread_over_the_listed_shards(built):
    """rows_per_shard sets the shard count; rows go to shards by a hash, so none holds most of them."""
    from array_record.python.array_record_module import ArrayRecordReader

    info = json.loads((built / "dataset.json").read_text())
    for split, shards, total in (
        ("train", info["shards"], info["num_train_examples"]),
        ("validation", info["validation_shards"], info["num_validation_examples"]),
    ):
        assert len(shards) == -(-total // 4), f"{split}: one shard per 4 rows (rows_per_shard=4)"
        counts = [ArrayRecordReader(str(built / name)).num_records() for name in shards]
        assert sum(counts) == total
        if len(shards) >= 4:
            assert max(counts) <= total // 2, f"{split}: rows not spread over the shards {counts}"
