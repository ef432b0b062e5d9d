"""Hostile inputs (tests/pipelines/hostile_corpus.py): nothing crashes, hangs, is lost or mixed up.

One build reads the whole corpus (every case, each given by its own --input); the tests after it
check each case at the source level, where each fails alone on the old reader.
"""

import collections
import errno
import json
import os
import tempfile
import zipfile

import pyarrow.parquet as pq
import pytest

from repoloom.core.types import Drop, SourceFile
from repoloom.pipelines.cli import main
from repoloom.pipelines.sources import expand_inputs, read_unit
from tests.pipelines import hostile_corpus as hc
from tests.pipelines import memfs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    cases = {c.name: c for c in hc.make_corpus(root)}
    yield root, cases
    hc.restore_permissions(root)


def _read(inputs, limits=None, max_bytes=1_000_000, kind=None):
    units = expand_inputs(inputs, kind) if kind else expand_inputs(inputs)
    return [x for u in units for x in (read_unit(u, max_bytes, limits) if limits else read_unit(u, max_bytes))]


def name_problem(s: str):
    from repoloom.pipelines.source_common import name_problem

    return name_problem(s)


def _reasons(items):
    return collections.Counter(x.reason for x in items if isinstance(x, Drop))


def _files(items):
    return [(x.repo, x.path) for x in items if isinstance(x, SourceFile)]


def test_whole_hostile_corpus_builds_with_exact_accounting(corpus, tmp_path, capsys):
    root, cases = corpus
    out = tmp_path / "out"
    argv = ["build", "--output", str(out), "--quiet", "--seq-len", "256", "--set", "tokenizer.vocab_size=400"]
    for c in cases.values():
        for i in c.inputs:
            argv += ["--input", i]  # every --input counts
    assert main(argv) == 0
    info = json.loads((out / "dataset.json").read_text())
    stats = json.loads((out / "stats.json").read_text())
    assert info["files_in"] == info["files_kept"] + sum(info["dropped"].values())
    assert stats["lineage_files"] == info["files_kept"]  # identity: one kept file = one (repo, path)
    lineage = [r for p in sorted((out / "lineage").glob("*.parquet")) for r in pq.read_table(p).to_pylist()]
    assert len({(r["repo"], r["path"]) for r in lineage}) == info["files_kept"]
    for r in lineage:
        assert name_problem(r["path"]) is None and name_problem(r["repo"]) is None
    want = collections.Counter()
    for c in cases.values():
        want.update(c.reasons)
    for reason, n in want.items():
        assert info["dropped"].get(reason, 0) >= n, reason
    # the copy kept of a duplicated path is the first one (member 0 of dupzip.zip, the short one)
    dups = pq.read_table(out / "drops" / "duplicate_path.parquet").to_pylist()
    assert {"repo": "dupzip", "path": "a.py"} in [{"repo": d["repo"], "path": d["path"]} for d in dups]
    assert max(d["size"] for d in dups if d["repo"] == "dupzip") == len(hc._py(2, 400))
    # a repository folder without .git is one repository; a .git file marks a root
    assert {r["repo"] for r in lineage if r["path"] in ("src/lib.rs", "tests/add.rs")} == {"some-crate"}
    assert {r["path"] for r in lineage if r["repo"] == "wt"} >= {"src/a.py", "lib/b.py"}
    assert "long_lines" not in info["dropped"]  # the CR-only file is kept
    assert any(r["repo"] == "mac" for r in lineage)
    # inspect never prints a control character raw (the ANSI escapes of names/ansi.py are in the rows)
    assert any(r["path"] == "ansi.py" for r in lineage)
    capsys.readouterr()
    for example in range(info["num_train_examples"]):
        assert main(["inspect", str(out), "--example", str(example)]) == 0
        assert main(["inspect", str(out), "--example", str(example), "--json"]) == 0
    shown = capsys.readouterr().out
    assert "\\x1b[31m" in shown and not any(c in shown for c in "\x1b\x07\r\x7f\x9b")


def test_duplicate_paths_are_kept_once_by_origin(corpus):
    _, cases = corpus
    for name in ("dup_zip_members", "dup_table_rows", "dir_and_archive"):
        items = _read(cases[name].inputs)
        files = [x for x in items if isinstance(x, SourceFile)]
        keys = [(f.repo, f.path) for f in files]
        assert len(keys) > len(set(keys)), name  # the reader reports every copy ...
        assert len({f.origin for f in files}) == len(files), name  # ... each with its own origin


def test_one_and_two_worker_processes_keep_the_same_copy_of_a_duplicated_path(corpus, tmp_path, tokenizer_bytes):
    """The old build kept whichever copy a process saw last: 1 and 2 processes kept different copies."""
    _, cases = corpus
    model = tmp_path / "tok.model"
    model.write_bytes(tokenizer_bytes)
    inputs = [i for name in ("dup_zip_members", "dup_table_rows", "dir_and_archive") for i in cases[name].inputs]
    outs = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        beam = ["--direct_num_workers=2", "--direct_running_mode=multi_processing"] if workers == 2 else []
        assert (
            main(
                [
                    "build",
                    "--input",
                    *inputs,
                    "--output",
                    str(out),
                    "--quiet",
                    "--tokenizer",
                    str(model),
                    "--seq-len",
                    "256",
                    *beam,
                ]
            )
            == 0
        )
        outs[workers] = out
    dups = [
        sorted(
            (d["repo"], d["path"], d["size"]) for d in pq.read_table(o / "drops" / "duplicate_path.parquet").to_pylist()
        )
        for o in outs.values()
    ]
    assert dups[0] == dups[1] and len(dups[0]) == 3
    shards = [sorted((p.name, p.read_bytes()) for p in o.glob("*.array_record")) for o in outs.values()]
    assert shards[0] == shards[1] and shards[0]


def test_special_files_are_never_opened(corpus):
    _, cases = corpus
    items = _read(cases["special_files"].inputs)
    assert _reasons(items)["not_a_file"] == cases["special_files"].reasons["not_a_file"]
    assert _files(items) == [("r", "ok.py")]


def test_bad_names_are_named_drops_shown_escaped(corpus):
    _, cases = corpus
    items = _read(cases["bad_names"].inputs)
    bad = [x for x in items if isinstance(x, Drop) and x.reason == "bad_name"]
    assert len(bad) == cases["bad_names"].reasons["bad_name"]
    for d in bad:
        assert name_problem(d.path) is None and name_problem(d.repo) is None  # safe to store and print
    assert "caf\\xe9.py" in {d.path for d in bad}
    assert sorted(_files(items)) == [
        ("names", "ansi.py"),
        ("names", "ok.py"),
        ("o/n", "fine.py"),
        ("zipnames", "ok.py"),
    ]
    from repoloom.pipelines.source_common import escaped

    assert escaped("a\nb\x1b[1m") == "a\\nb\\x1b[1m"


def test_compression_bombs_are_dropped_by_member_and_the_rest_read(corpus):
    _, cases = corpus
    c = cases["archive_limits"]
    zip_items = _read(c.inputs[:1])
    assert _reasons(zip_items) == {"compression_ratio": 8}
    assert _files(zip_items) == [("bomb", "good.py")]
    tar_items = _read(c.inputs[1:])
    assert _reasons(tar_items)["compression_ratio"] >= 1 and ("bombtar", "good.py") in _files(tar_items)


def test_member_count_and_size_limits_drop_each_member_past_them(tmp_path):
    from repoloom.pipelines.source_common import ReadLimits

    arc = tmp_path / "many.zip"
    hc._zip(arc, [(f"m{i}.py", hc._py(i)) for i in range(10)])
    items = _read([str(arc)], ReadLimits(max_members=4))
    assert _reasons(items) == {"too_many_members": 6} and len(_files(items)) == 4
    items = _read([str(arc)], ReadLimits(max_archive_bytes=3 * len(hc._py(1))))
    assert _reasons(items)["archive_too_large"] >= 6 and len(_files(items)) == 3


def test_a_bad_row_drops_only_itself(corpus):
    _, cases = corpus
    items = _read(cases["bad_rows"].inputs)
    assert _reasons(items) == {"bad_record": 9}
    assert _files(items) == [("o/b", "good.py")]
    assert all(len(getattr(x, "data", b"")) < 100 for x in items)  # 4,000,000,000 never became NUL bytes


def test_a_corrupt_member_drops_only_itself(corpus):
    _, cases = corpus
    items = _read(cases["bad_crc_zip"].inputs)
    assert _reasons(items) == {"bad_member": 1} and sorted(_files(items)) == [("crc", "a.py"), ("crc", "c.py")]
    items = _read(cases["truncated_targz"].inputs)
    kept = _files(items)
    assert ("cut", "m0.py") in kept and ("cut", "m2.py") in kept
    assert _reasons(items)["bad_archive"] == 1


def test_unreadable_directories_and_files_are_named(tmp_path, monkeypatch):
    repo = tmp_path / "c" / "r"
    (repo / "locked").mkdir(parents=True)
    (repo / "locked" / "hidden.py").write_text("x = 1\n")
    (repo / "ok.py").write_text("x = 1\n")
    (repo / "secret.py").write_text("x = 2\n")
    real_scandir, real_open = os.scandir, os.open

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)

    def fake_open(path, *a, **k):
        if os.fspath(path).endswith("secret.py"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", fake_open)
    items = _read([str(tmp_path / "c")])
    assert _reasons(items) == {"unreadable_directory": 1, "unreadable": 1}
    assert {(x.path, x.reason) for x in items if isinstance(x, Drop)} == {
        ("locked", "unreadable_directory"),
        ("secret.py", "unreadable"),
    }
    assert _files(items) == [("r", "ok.py")]


def test_git_file_marks_a_root_and_only_tracked_files_are_read(corpus):
    _, cases = corpus
    decisions = []
    units = expand_inputs(cases["git_file_root"].inputs, "auto", decisions)
    assert [u.kind for u in units] == ["repo"] and "one repository" in decisions[0] and ".git" in decisions[0]
    if "git_untracked" in cases:
        items = _read(cases["git_untracked"].inputs)
        assert _reasons(items) == {"untracked": 1, "ignored": 1}
        assert sorted(_files(items)) == [("gitrepo", ".gitignore"), ("gitrepo", "a.py")]


def test_a_repository_folder_without_git_is_one_repository(corpus):
    _, cases = corpus
    crate = cases["crate"].inputs
    decisions = []
    assert [u.kind for u in expand_inputs(crate, "auto", decisions)] == ["repo"]
    assert "Cargo.toml" in decisions[0]
    assert sorted(_files(_read(crate)))[0] == ("some-crate", "Cargo.toml")
    # overridable both ways
    assert {u.kind for u in expand_inputs(crate, "collection")} == {"repo", "stray"}
    coll = os.path.dirname(crate[0])
    assert [u.kind for u in expand_inputs([coll])] == ["repo"]  # its parent: a collection of one
    assert [u.kind for u in expand_inputs([coll], "repo")] == ["repo"]


def test_every_input_counts(tmp_path):
    from repoloom.pipelines.cli import _parser

    args, _ = _parser().parse_known_args(["build", "--input", "a", "--input", "b", "c", "--output", "o"])
    assert args.input == ["a", "b", "c"]


def test_cr_only_files_have_lines():
    from repoloom.filters.gate import judge
    from repoloom.pipelines.config import gate_config, load_config

    data = b"\r".join(b"def f%d(x):\r    return x * %d\r" % (i, i) for i in range(120))
    v = judge("r", "old.py", data, {}, gate_config(load_config(None)))
    assert v.reason is None and v.text.count("\n") >= 240


def test_tokenizer_trainer_takes_texts_over_its_sentence_limit():
    from repoloom.core.tokenizer import trainer_sentences

    text = "".join(f"line {i} " + "x" * 70 + "\n" for i in range(2000))
    parts = list(trainer_sentences([text, "short"], max_bytes=10_000))
    assert "".join(parts[:-1]) == text and parts[-1] == "short"
    assert all(len(p.encode()) <= 10_000 for p in parts) and all(p.endswith("\n") for p in parts[:-1])


def test_file_memory_ceiling_holds_whatever_max_file_bytes_says(tmp_path):
    from repoloom.pipelines.source_common import ReadLimits

    repo = tmp_path / "c" / "r"
    repo.mkdir(parents=True)
    (repo / "big.py").write_text("x = 1\n" * 1000)
    items = _read([str(tmp_path / "c")], ReadLimits(max_file_bytes_ceiling=1000), max_bytes=10**9)
    assert _reasons(items) == {"file_too_large": 1}


def test_temp_storage_failure_stops_the_read(tmp_path, monkeypatch):
    from repoloom.pipelines.source_common import EnvironmentFailure

    memfs.STORE.clear()
    buf = tmp_path / "r.zip"
    hc._zip(buf, [("a.py", b"x = 1\n")])
    memfs.STORE["memfs://bucket/r.zip"] = buf.read_bytes()

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    with pytest.raises(EnvironmentFailure, match="No space left"):
        list(read_unit(expand_inputs(["memfs://bucket/r.zip"])[0], 1_000_000))
    memfs.STORE.clear()


def test_zip_members_are_read_one_at_a_time(tmp_path, monkeypatch):
    """The zip reader never asks for a member's whole data at once, nor for the archive's."""
    arc = tmp_path / "z.zip"
    hc._zip(arc, [("a.py", hc._py(1, 200)), ("b.py", hc._py(2, 200))])
    calls = []
    real = zipfile.ZipFile.read
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda self, *a, **k: calls.append(a) or real(self, *a, **k))
    items = _read([str(arc)])
    assert len(_files(items)) == 2 and calls == []


def test_graph_fim_and_scan_take_the_builds_inputs_and_decisions(corpus, capsys):
    _, cases = corpus
    # graph: an archive; a repository folder without .git is one repository, as in the build
    assert main(["graph", cases["bad_crc_zip"].inputs[0], "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["repo"] == "crc" and got["dropped"] == {"b.py": "bad_member"}
    crate = cases["crate"].inputs[0]
    assert main(["graph", os.path.dirname(crate), "--json"]) == 0
    assert [json.loads(line)["repo"] for line in capsys.readouterr().out.splitlines()] == ["some-crate"]
    # fim: the build's split without --root (repository found as the build finds it); never opens a FIFO
    assert main(["fim", os.path.join(crate, "src", "lib.rs"), "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert (rec["repo"], rec["path"]) == ("some-crate", "src/lib.rs")
    special = os.path.dirname(cases["special_files"].inputs[0] + "/")
    assert main(["fim", os.path.join(special, "r", "pipe.py"), "--json"]) == 1
    assert "not_a_file" in capsys.readouterr().err
    # scan: folders and archives as the build reads them; FIFOs named, not opened
    assert main(["scan", special, "--json"]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted((r["path"], r["reason"]) for r in rows) == sorted(
        [("ok.py", None)]
        + [
            (p, "not_a_file")
            for p in ("pipe.py", "trap.parquet", "trap.zip", "zero.tar.gz")
            if os.path.lexists(os.path.join(special, p)) or os.path.lexists(os.path.join(special, "r", p))
        ]
    )
    assert main(["scan", cases["bad_crc_zip"].inputs[0]]) == 0
    assert "crc:b.py: dropped (bad_member)" in capsys.readouterr().out


def test_a_tar_bomb_is_never_inflated_past_a_budget(tmp_path, monkeypatch):
    import io
    import tarfile

    from repoloom.pipelines import sources_archive

    arc = tmp_path / "bomb.tar.gz"
    with tarfile.open(arc, "w:gz") as t:
        for name, data in [
            ("p/a.py", hc._py(1)),
            ("p/z1.txt", bytes(8 << 20)),
            ("p/z2.txt", bytes(8 << 20)),
            ("p/b.py", hc._py(2)),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    items = _read([str(arc)])
    assert _reasons(items) == {"compression_ratio": 2} and sorted(_files(items)) == [("bomb", "a.py"), ("bomb", "b.py")]
    monkeypatch.setattr(sources_archive, "_BLIND_SKIP", 4 << 20)
    items = _read([str(arc)])
    assert _reasons(items) == {"compression_ratio": 1, "bad_archive": 1} and _files(items) == [("bomb", "a.py")]


def test_an_archive_or_table_that_cannot_be_opened_is_one_named_drop(tmp_path, monkeypatch):
    hc._zip(tmp_path / "a.zip", [("x.py", b"x = 1\n")])
    hc._zip(tmp_path / "b.tar.gz", [])  # any bytes: it is never opened
    (tmp_path / "c.jsonl").write_text("{}\n")
    real_open = os.open

    def fake_open(path, *a, **k):
        if os.fspath(path).endswith((".zip", ".tar.gz", ".jsonl")):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr(os, "open", fake_open)
    items = _read([str(tmp_path / n) for n in ("a.zip", "b.tar.gz", "c.jsonl")])
    assert _reasons(items) == {"unreadable": 3} and not _files(items)
