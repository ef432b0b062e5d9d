"""Sources: every input file becomes a SourceFile or a Drop with a named reason."""

import gzip
import io
import json
import os
import tarfile
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from repoloom.core.types import Drop, SourceFile
from repoloom.pipelines.sources import InputError, Unit, expand_inputs, read_unit


def _read_all(units, max_bytes=1_000_000):
    out = []
    for u in units:
        out.extend(read_unit(u, max_bytes))
    return out


def _by_path(items):
    return {(x.repo, x.path): x for x in items}


def test_collection_git_repo_and_strays(tmp_path):
    coll = tmp_path / "coll"
    (coll / "alpha" / "pkg").mkdir(parents=True)
    (coll / "alpha" / "pkg" / "a.py").write_text("import os\n")
    (coll / "beta" / ".git").mkdir(parents=True)
    (coll / "beta" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (coll / "beta" / "main.go").write_text("package main\n")
    (coll / "loose.py").write_text("x = 1\n")
    units = expand_inputs([str(coll)])
    assert [u.kind for u in units] == ["repo", "repo", "stray"]
    items = _by_path(_read_all(units))
    assert isinstance(items[("alpha", "pkg/a.py")], SourceFile)
    assert isinstance(items[("beta", "main.go")], SourceFile)
    assert not any(".git" in p for (_, p) in items), ".git contents are skipped"
    assert items[("coll", "loose.py")].reason == "not_in_repository"
    # a directory holding .git given directly is one repository
    assert expand_inputs([str(coll / "beta")]) == [Unit("repo", str(coll / "beta"), "beta")]


def test_a_folder_of_links_to_checkouts_is_a_collection(tmp_path):
    # corpora are often assembled as a folder of symlinks to checkouts kept elsewhere: each link is read as the
    # repository it points to (named after the link), not dropped as a loose file
    store = tmp_path / "store"
    (store / "alpha-checkout" / "src").mkdir(parents=True)
    (store / "alpha-checkout" / "Cargo.toml").write_text('[package]\nname = "alpha"\n')
    (store / "alpha-checkout" / "src" / "lib.rs").write_text("pub fn f() {}\n")
    with tarfile.open(store / "beta.tar.gz", "w:gz") as t:
        data = b"package beta\n"
        info = tarfile.TarInfo("beta/beta.go")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    coll = tmp_path / "coll"
    coll.mkdir()
    (coll / "alpha").symlink_to(store / "alpha-checkout")
    (coll / "beta.tar.gz").symlink_to(store / "beta.tar.gz")
    (coll / "gone").symlink_to(tmp_path / "nowhere")
    units = expand_inputs([str(coll)])
    assert sorted((u.kind, u.name) for u in units) == [("archive", "beta"), ("link", "coll"), ("repo", "alpha")]
    items = _by_path(_read_all(units))
    assert isinstance(items[("alpha", "src/lib.rs")], SourceFile)
    assert isinstance(items[("beta", "beta.go")], SourceFile)
    assert items[("coll", "gone")].reason == "symlink"  # dangling: named, never silent
    # links inside a repository are still not followed
    (store / "alpha-checkout" / "src" / "up").symlink_to(store)
    assert items.keys() <= _by_path(_read_all(expand_inputs([str(coll)]))).keys()
    assert _by_path(_read_all(expand_inputs([str(coll)])))[("alpha", "src/up")].reason == "symlink"


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        expand_inputs([str(tmp_path / "nope")])
    with pytest.raises(InputError, match="matches nothing"):
        expand_inputs([str(tmp_path / "*.tgz")])


def test_symlinks_are_not_followed_outside(tmp_path):
    repo = tmp_path / "coll" / "r"
    repo.mkdir(parents=True)
    (repo / "real.py").write_text("x = 1\n")
    outside = tmp_path / "secret.txt"
    outside.write_text("password\n")
    os.symlink(outside, repo / "escape.txt")
    os.symlink(repo / "real.py", repo / "inside_link.py")
    os.symlink(repo, repo / "loop")  # a directory symlink loop
    items = _by_path(_read_all(expand_inputs([str(tmp_path / "coll")])))
    assert isinstance(items[("r", "real.py")], SourceFile)
    assert items[("r", "escape.txt")].reason == "symlink"
    assert items[("r", "inside_link.py")].reason == "symlink"
    assert items[("r", "loop")].reason == "symlink"
    assert not any(b"password" in getattr(x, "data", b"") for x in items.values())


def test_file_size_limit(tmp_path):
    repo = tmp_path / "c" / "r"
    repo.mkdir(parents=True)
    (repo / "big.py").write_text("x" * 5000)
    (repo / "ok.py").write_text("y = 2\n")
    items = _by_path(_read_all(expand_inputs([str(tmp_path / "c")]), max_bytes=1000))
    assert items[("r", "big.py")].reason == "file_too_large"
    assert items[("r", "big.py")].size == 5000
    assert isinstance(items[("r", "ok.py")], SourceFile)


def _tar(path, members):
    with tarfile.open(path, "w:gz") as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            if data is None:
                info.type = tarfile.SYMTYPE
                info.linkname = "/etc/passwd"
            else:
                info.size = len(data)
            t.addfile(info, io.BytesIO(data or b""))


def test_tar_archive_strips_top_dir_and_rejects_unsafe_paths(tmp_path):
    arc = tmp_path / "proj-main.tar.gz"
    _tar(
        arc,
        [
            ("proj-main/src/a.py", b"import b\n"),
            ("proj-main/src/b.py", b"x = 1\n"),
            ("proj-main/../../evil.py", b"boom\n"),
            ("/abs/evil.py", b"boom\n"),
            ("proj-main/link", None),
            ("proj-main/.git/config", b"[core]\n"),
        ],
    )
    units = expand_inputs([str(arc)])
    assert units == [Unit("archive", str(arc), "proj-main")]
    items = _read_all(units)
    files = {x.path for x in items if isinstance(x, SourceFile)}
    drops = {(x.path, x.reason) for x in items if isinstance(x, Drop)}
    assert files == {"src/a.py", "src/b.py"} or files == {"proj-main/src/a.py", "proj-main/src/b.py"}
    assert ("proj-main/../../evil.py", "unsafe_path") in drops
    assert ("/abs/evil.py", "unsafe_path") in drops
    assert any(r == "symlink" for _, r in drops)


def test_zip_archive_and_corrupt_archive(tmp_path):
    arc = tmp_path / "z.zip"
    with zipfile.ZipFile(arc, "w") as z:
        z.writestr("lib/x.rb", "puts 1\n")
        z.writestr("../up.rb", "puts 2\n")
    items = _read_all(expand_inputs([str(arc)]))
    assert {(x.repo, x.path) for x in items if isinstance(x, SourceFile)} == {("z", "lib/x.rb")}
    assert [x.reason for x in items if isinstance(x, Drop)] == ["unsafe_path"]
    bad = tmp_path / "bad.tgz"
    bad.write_bytes(b"not a tarball at all")
    items = _read_all(expand_inputs([str(bad)]))
    assert [x.reason for x in items] == ["bad_archive"]


def test_parquet_and_jsonl_tables(tmp_path):
    t = pa.table(
        {
            "repo_name": ["o/r", "o/r", "o/s"],
            "path": ["a.py", "b.py", "c.go"],
            "content": ["import b\n", "x = 1\n", None],
            "license": ["MIT", "MIT", "MIT"],
            "stars": [5, 5, 1],
        }
    )
    pq.write_table(t, tmp_path / "t.parquet")
    rows = [{"repo_name": "o/j", "path": "m.js", "content": "let a = 1;\n"}, {"repo_name": "o/j", "path": "n.js"}]
    with gzip.open(tmp_path / "t.jsonl.gz", "wt") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
        f.write("{not json\n")
    items = _read_all(expand_inputs([str(tmp_path / "t.parquet"), str(tmp_path / "t.jsonl.gz")]))
    files = {(x.repo, x.path): x for x in items if isinstance(x, SourceFile)}
    assert set(files) == {("o/r", "a.py"), ("o/r", "b.py"), ("o/j", "m.js")}
    assert files[("o/r", "a.py")].meta == {"license": "MIT", "stars": 5}
    reasons = sorted(x.reason for x in items if isinstance(x, Drop))
    assert reasons == ["bad_record", "bad_record", "bad_record"]


def test_table_missing_columns_is_one_named_drop(tmp_path):
    pq.write_table(pa.table({"repo": ["x"], "text": ["y"]}), tmp_path / "wrong.parquet")
    items = _read_all(expand_inputs([str(tmp_path / "wrong.parquet")]))
    assert len(items) == 1 and items[0].reason == "bad_table" and "missing columns" in items[0].detail


def test_license_file_sets_meta(tmp_path):
    repo = tmp_path / "c" / "r"
    repo.mkdir(parents=True)
    (repo / "LICENSE").write_text("Permission is hereby granted, free of charge, to any person obtaining a copy\n")
    (repo / "a.py").write_text("x = 1\n")
    items = _by_path(_read_all(expand_inputs([str(tmp_path / "c")])))
    assert items[("r", "a.py")].meta.get("license") == "MIT"
