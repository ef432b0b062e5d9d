"""A hostile corpus, made at test time: one case per way an input can try to take the build down,
lose a file or mix two up. `scale` grows the archive cases (tests use 1; benchmarks/hostile.py more).

Each case is a folder under the root with its own inputs, what the build must name, and how many
files it must keep (None: not checked). Everything is bounded: at scale 1 the corpus is < 1 MB.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

PY = "def f{i}(x):\n    return x + {i}\n"


@dataclass
class Case:
    name: str
    inputs: list[str]
    reasons: dict[str, int] = field(default_factory=dict)  # drop reason -> at least this many
    kept: int | None = None
    note: str = ""


def _py(i: int, lines: int = 2) -> bytes:
    return "".join(PY.format(i=i * 1000 + k) for k in range(max(1, lines // 2))).encode()


def _zip(path: Path, members: list[tuple[str, bytes]], level: int = 6) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members:
            z.writestr(name, data)


def dup_zip_members(root: Path, scale: int) -> Case:
    """Two members with one name and different lengths: cut into different numbers of pieces."""
    d = root / "dup_zip_members"
    d.mkdir()
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
        _zip(d / "dupzip.zip", [("src/a.py", _py(1, 2)), ("src/a.py", _py(2, 400)), ("src/b.py", _py(3, 4))])
    return Case("dup_zip_members", [str(d / "dupzip.zip")], {"duplicate_path": 1}, kept=2)


def dup_table_rows(root: Path, scale: int) -> Case:
    d = root / "dup_table_rows"
    d.mkdir()
    rows = [
        {"repo_name": "o/t", "path": "x.py", "content": _py(1, 2).decode()},
        {"repo_name": "o/t", "path": "x.py", "content": _py(2, 300).decode()},
        {"repo_name": "o/t", "path": "y.py", "content": _py(3, 4).decode()},
    ]
    (d / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return Case("dup_table_rows", [str(d / "rows.jsonl")], {"duplicate_path": 1}, kept=2)


def dir_and_archive(root: Path, scale: int) -> Case:
    """A directory and an archive of the same name in one collection are one repository, twice."""
    d = root / "dir_and_archive"
    (d / "proj").mkdir(parents=True)
    (d / "proj" / "a.py").write_bytes(_py(1, 2))
    (d / "proj" / "c.py").write_bytes(_py(5, 2))
    _zip(d / "proj.zip", [("a.py", _py(2, 300)), ("b.py", _py(3, 2))])
    return Case("dir_and_archive", [str(d)], {"duplicate_path": 1}, kept=3)


BAD_NAMES = [b"caf\xe9.py", b"new\nline.py", b"\x1b[31mred.py", b"tab\tbell\x07.py"]


def bad_names(root: Path, scale: int) -> Case:
    """Names that are not UTF-8 or hold control characters: dropped by name, never in the token stream."""
    d = root / "bad_names"
    repo = d / "names"
    repo.mkdir(parents=True)
    (repo / "ok.py").write_bytes(_py(1))
    (repo / "ansi.py").write_bytes(
        b"RED = '\x1b[31m'\nCLEAR = '\x1b[2J\x1b[H'\nprint(RED + 'hi')\n"
    )  # kept: text, not names
    for i, n in enumerate(BAD_NAMES):
        with open(os.path.join(os.fsencode(repo), n), "wb") as f:
            f.write(_py(10 + i))
    os.mkdir(os.path.join(os.fsencode(d), b"dir\xff"))
    _zip(d / "zipnames.zip", [("z/ok.py", _py(2)), ("z/\x1b]0;title\x07.py", _py(3))])
    (d / "names.jsonl").write_text(
        json.dumps({"repo_name": "o/n", "path": "\x1b[2Jclear.py", "content": "x = 1\n"})
        + "\n"
        + json.dumps({"repo_name": "o/n", "path": "fine.py", "content": "y = 2\n"})
        + "\n"
        + '{"repo_name": "o/n", "path": "lone\\ud800.py", "content": "z = 3\\n"}\n'
    )
    return Case("bad_names", [str(d)], {"bad_name": len(BAD_NAMES) + 4}, kept=4)


def special_files(root: Path, scale: int) -> Case:
    """FIFOs named like an archive and a table in a collection, and a FIFO inside a repository."""
    d = root / "special_files"
    (d / "r").mkdir(parents=True)
    (d / "r" / "ok.py").write_bytes(_py(1))
    os.mkfifo(d / "trap.zip")
    os.mkfifo(d / "trap.parquet")
    os.mkfifo(d / "r" / "pipe.py")
    n = 3
    try:  # a character device, where allowed (root in a container); /dev/zero would never end
        os.mknod(d / "r" / "zero.tar.gz", 0o600 | 0o020000, os.makedev(1, 5))
        n += 1
    except (OSError, AttributeError):
        pass
    return Case("special_files", [str(d)], {"not_a_file": n}, kept=1)


def archive_limits(root: Path, scale: int) -> Case:
    """Members that compress far too well (whitespace and zeros): dropped from the header, the rest read."""
    d = root / "archive_limits"
    d.mkdir()
    n = 4 * scale
    members = [(f"pkg/blank{i}.py", b" " * (512 << 10)) for i in range(n)]
    members += [(f"pkg/zeros{i}.txt", b"\0" * (512 << 10)) for i in range(n)]
    members += [("pkg/good.py", _py(1, 4))]
    _zip(d / "bomb.zip", members, level=9)
    with tarfile.open(d / "bombtar.tar.gz", "w:gz") as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return Case(
        "archive_limits", [str(d / "bomb.zip"), str(d / "bombtar.tar.gz")], {"compression_ratio": 2 * n + 1}, kept=None
    )  # all the zip's, some of the tar's


def bad_rows(root: Path, scale: int) -> Case:
    """Mistyped content (float, dict, list, a huge integer, bool) drops its row; later rows are read."""
    d = root / "bad_rows"
    d.mkdir()
    lines = [
        {"repo_name": "o/b", "path": f"bad{i}.py", "content": c}
        for i, c in enumerate([1.5, {"a": 1}, [1, 2], 4_000_000_000, True])
    ]
    lines += [
        {"repo_name": "o/b", "path": "good.py", "content": "x = 1\n"},
        {"repo_name": "o/b", "path": 7, "content": "y"},
    ]
    (d / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines) + "{broken json\n")
    pq.write_table(
        pa.table({"repo_name": ["o/p", "o/p"], "path": ["a.py", "b.py"], "content": [5, 6]}), d / "ints.parquet"
    )
    return Case("bad_rows", [str(d / "rows.jsonl"), str(d / "ints.parquet")], {"bad_record": 9}, kept=1)


def bad_crc_zip(root: Path, scale: int) -> Case:
    """One member's data is corrupt: only that member is dropped."""
    d = root / "bad_crc_zip"
    d.mkdir()
    good = [_py(1, 40), b"MIDDLE" + _py(2, 40), _py(3, 40)]
    _zip(d / "crc.zip", [("r/a.py", good[0]), ("r/b.py", good[1]), ("r/c.py", good[2])], level=0)
    raw = bytearray((d / "crc.zip").read_bytes())
    at = raw.index(b"MIDDLE")
    raw[at : at + 6] = b"middle"  # stored, so the bytes change and the CRC no longer matches
    (d / "crc.zip").write_bytes(bytes(raw))
    return Case("bad_crc_zip", [str(d / "crc.zip")], {"bad_member": 1}, kept=2)


def truncated_targz(root: Path, scale: int) -> Case:
    """A tar.gz cut short: the members before the cut are kept, the rest named."""
    d = root / "truncated_targz"
    d.mkdir()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        for i in range(6):
            data = os.urandom(3000).hex().encode() if i == 3 else _py(i, 20)  # incompressible in the middle
            info = tarfile.TarInfo(f"proj/m{i}.py")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    whole = buf.getvalue()
    (d / "cut.tar.gz").write_bytes(whole[: int(len(whole) * 0.7)])
    return Case("truncated_targz", [str(d / "cut.tar.gz")], {"bad_member": 1, "bad_archive": 1})


def git_file_root(root: Path, scale: int) -> Case:
    """A `.git` FILE (worktree, submodule) marks a repository root."""
    d = root / "git_file_root" / "wt"
    (d / "src").mkdir(parents=True)
    (d / "lib").mkdir()
    (d / ".git").write_text("gitdir: /nonexistent/worktrees/wt\n")
    (d / "src" / "a.py").write_bytes(_py(701))
    (d / "lib" / "b.py").write_bytes(_py(702))
    (d / "top.py").write_bytes(_py(703))
    return Case("git_file_root", [str(d)], {}, kept=3)


def git_untracked(root: Path, scale: int) -> Case | None:
    """Only tracked files of a git working tree are read."""
    if shutil.which("git") is None:
        return None
    d = root / "git_untracked" / "gitrepo"
    (d / "build").mkdir(parents=True)
    (d / "a.py").write_bytes(_py(1))
    (d / ".gitignore").write_text("build/\n")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    subprocess.run(["git", "init", "-q", str(d)], check=True, env=env)
    subprocess.run(["git", "-C", str(d), "add", "a.py", ".gitignore"], check=True, env=env)
    (d / "notes.py").write_bytes(_py(2))
    (d / "build" / "out.py").write_bytes(_py(3))
    return Case("git_untracked", [str(d)], {"untracked": 1, "ignored": 1}, kept=1)


def crate(root: Path, scale: int) -> Case:
    """A repository folder without .git (an extracted release) is one repository, not a collection."""
    d = root / "crate" / "some-crate"
    (d / "src").mkdir(parents=True)
    (d / "tests").mkdir()
    (d / "Cargo.toml").write_text('[package]\nname = "some-crate"\nversion = "0.1.0"\n')
    (d / "README.md").write_text("# some-crate\n\nAdds numbers.\n")
    (d / "src" / "lib.rs").write_text("pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n")
    (d / "tests" / "add.rs").write_text(
        "use some_crate::add;\n#[test]\nfn adds() {\n    assert_eq!(add(1, 2), 3);\n}\n"
    )
    return Case("crate", [str(d)], {}, kept=4)


def cr_only(root: Path, scale: int) -> Case:
    """Classic Mac line endings: lines, not one long line."""
    d = root / "cr_only" / "mac"
    d.mkdir(parents=True)
    (d / "old.py").write_bytes(b"\r".join(b"def f%d(x):\r    return x * %d\r" % (i, i) for i in range(120)))
    return Case("cr_only", [str(d.parent)], {}, kept=1)


def unreadable(root: Path, scale: int) -> Case:
    """A directory that cannot be listed and a file that cannot be read (only effective when not root)."""
    d = root / "unreadable" / "r"
    (d / "locked").mkdir(parents=True)
    (d / "ok.py").write_bytes(_py(1))
    (d / "locked" / "hidden.py").write_bytes(_py(2))
    (d / "secret.py").write_bytes(_py(3))
    os.chmod(d / "locked", 0)
    os.chmod(d / "secret.py", 0)
    if os.geteuid() == 0:  # root reads everything: nothing to name
        return Case("unreadable", [str(d.parent)], {}, kept=3, note="run as root: permissions do not apply")
    return Case("unreadable", [str(d.parent)], {"unreadable_directory": 1, "unreadable": 1}, kept=1)


CASES = (
    dup_zip_members,
    dup_table_rows,
    dir_and_archive,
    bad_names,
    special_files,
    archive_limits,
    bad_rows,
    bad_crc_zip,
    truncated_targz,
    git_file_root,
    git_untracked,
    crate,
    cr_only,
    unreadable,
)


def make_corpus(root: Path, scale: int = 1, only: tuple[str, ...] = ()) -> list[Case]:
    root.mkdir(parents=True, exist_ok=True)
    cases = [make(root, scale) for make in CASES if not only or make.__name__ in only]
    return [c for c in cases if c is not None]


def restore_permissions(root: Path) -> None:
    """chmod back what `unreadable` locked, so temporary folders can be removed."""
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames + filenames:
            p = os.path.join(dirpath, n)
            if not os.path.islink(p):
                try:
                    os.chmod(p, 0o755)
                except OSError:
                    pass
