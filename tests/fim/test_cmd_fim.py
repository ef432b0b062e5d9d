import json
import os

from repoloom.pipelines import cli
from repoloom.pipelines.cmd_fim import PLAIN_MIDDLE
from repoloom.pipelines.cmd_inputs import repository_of
from fim_corpus import FIXTURES

FILES = sorted(os.path.join(FIXTURES, f) for f in os.listdir(FIXTURES))


def test_json_one_object_per_file(capsys):
    assert cli.main(["fim", *FILES, "--json", "--seed", "4", "--rate", "1", "--spm-rate", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(FILES)
    for file, line in zip(FILES, lines):
        rec = json.loads(line)
        text = open(file, encoding="utf-8").read()
        assert (rec["repo"], rec["path"]) == repository_of(file)  # named as the build names it
        assert rec["mode"] == "psm" and rec["method"] in ("node", "span", "random")
        (p0, a), (a2, b), (b2, n) = rec["prefix"], rec["middle"], rec["suffix"]
        assert p0 == 0 and a == a2 and b == b2 and n == len(text) and a < b
    # the same seed gives the same answer; --rate 0 leaves files whole
    assert cli.main(["fim", FILES[0], "--json", "--seed", "4", "--rate", "1", "--spm-rate", "0"]) == 0
    assert capsys.readouterr().out.strip() == lines[0]
    assert cli.main(["fim", FILES[0], "--json", "--rate", "0"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["mode"] == "none" and rec["method"] is None and rec["middle"][0] == rec["middle"][1]


def test_repo_option_and_root(capsys, tmp_path):
    d = tmp_path / "proj" / "src"
    d.mkdir(parents=True)
    (d / "notes.txt").write_text("one\ntwo\nthree\nfour\n")
    assert (
        cli.main(
            [
                "fim",
                str(d / "notes.txt"),
                "--json",
                "--rate",
                "1",
                "--root",
                str(tmp_path / "proj"),
                "--set",
                "fim.random_rate=0",
            ]
        )
        == 0
    )
    rec = json.loads(capsys.readouterr().out)
    assert rec["repo"] == "proj" and rec["path"] == "src/notes.txt" and rec["method"] == "line"
    assert cli.main(["fim", str(d / "notes.txt"), "--json", "--rate", "1", "--repo", "other"]) == 0
    assert json.loads(capsys.readouterr().out)["repo"] == "other"


def test_preview_marks_the_middle(capsys):
    assert cli.main(["fim", FILES[0], "--rate", "1", "--lines", "0"]) == 0
    out = capsys.readouterr().out
    text = open(FILES[0], encoding="utf-8").read()
    head, body = out.split("\n", 1)
    assert head.startswith("== %s:%s" % repository_of(FILES[0])) and "middle" in head
    assert body.replace(PLAIN_MIDDLE[0], "").replace(PLAIN_MIDDLE[1], "").rstrip("\n") == text.rstrip("\n")


def test_unreadable_file_is_an_error(capsys, tmp_path):
    assert cli.main(["fim", str(tmp_path / "missing.py"), "--json"]) == 1
    assert "missing.py" in capsys.readouterr().err
