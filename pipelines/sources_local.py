"""One local repository directory, walked without following links and without opening anything
but regular files (lstat before open).

Named drops: `symlink`, `not_a_file` (FIFO, device, socket), `bad_name`, `unreadable` (a file
that could be seen but not read), `unreadable_directory` (one drop per directory whose contents
could not be listed: what is inside cannot be counted), `untracked` / `ignored` (git working
trees: only tracked files are read), `file_too_large`.
"""

from __future__ import annotations

import os
import stat
from typing import Iterator

from repoloom.core.types import Drop, SourceFile
from repoloom.pipelines.source_common import (
    ReadLimits,
    environment_failure,
    escaped,
    file_cap,
    is_environment_error,
    name_problem,
    open_regular,
    read_capped,
    read_or_drop,
)
from repoloom.pipelines.sources_git import tracked_files


def walk_local_repo(
    root: str, name: str, max_bytes: int, limits: ReadLimits, part: int = 0, parts: int = 1
) -> Iterator[SourceFile | Drop]:
    """Every entry of the repository as SourceFile or Drop; with `parts` > 1 only slice `part`: the entries
    whose number in the sorted walk is `part` modulo `parts` (what cannot be listed goes to slice 0), so the
    slices together give what one whole walk gives, origins included."""
    cap = file_cap(max_bytes, limits)
    real_root = os.path.realpath(root)
    git = tracked_files(root)
    n = 0
    for rel, full, st in _entries(root, name):
        if isinstance(st, Drop):
            if part == 0:
                yield st
            continue
        n += 1
        if n % parts != part:
            continue  # another slice's entry: not opened here
        if problem := name_problem(rel):
            yield Drop(name, escaped(rel), "bad_name", problem, st.st_size if stat.S_ISREG(st.st_mode) else 0)
            continue
        if git is not None and rel not in git.tracked:
            reason = "ignored" if rel in git.ignored else "untracked"
            yield Drop(name, rel, reason, "not tracked by git", st.st_size if stat.S_ISREG(st.st_mode) else 0)
            continue
        if stat.S_ISLNK(st.st_mode):
            yield _symlink_drop(full, real_root, name, rel)
            continue
        if not stat.S_ISREG(st.st_mode):
            yield Drop(name, rel, "not_a_file", _mode_name(st.st_mode))
            continue
        if st.st_size > cap:
            yield Drop(name, rel, "file_too_large", f"{st.st_size} bytes", st.st_size)
            continue
        data = read_or_drop(
            lambda: _read_file(full, cap, limits),
            name,
            rel,
            st.st_size,
            (OSError,),
            "unreadable",
            f"reading {escaped(full)}",
        )
        if isinstance(data, Drop):
            yield data
            continue
        if len(data) > cap:  # grew while being read
            yield Drop(name, rel, "file_too_large", f"over {cap} bytes", len(data))
            continue
        yield SourceFile(name, rel, data, origin=f"{n:012d}")


def local_tree_bytes(root: str) -> int:
    """Bytes of the regular files under `root` (the walk's entries, without opening any): how big a unit is."""
    return sum(st.st_size for _, _, st in _entries(root, "") if not isinstance(st, Drop) and stat.S_ISREG(st.st_mode))


def _read_file(full: str, cap: int, limits: ReadLimits) -> bytes:
    with open_regular(full) as f:
        return read_capped(f, cap, limits.max_seconds)


def _symlink_drop(full: str, real_root: str, name: str, rel: str) -> Drop:
    target = os.path.realpath(full)
    if not (target == real_root or target.startswith(real_root + os.sep)) or not os.path.isfile(target):
        if os.path.isdir(target) and (target == real_root or target.startswith(real_root + os.sep)):
            return Drop(name, rel, "symlink", "directory symlinks are not followed")
        return Drop(name, rel, "symlink", "points outside the repository or not to a file")
    return Drop(name, rel, "symlink", "duplicate of a file in the repository")  # the target is read in its own right


def _mode_name(mode: int) -> str:
    for test, what in (
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return what
    return "special file"


def _entries(root: str, name: str) -> Iterator[tuple[str, str, os.stat_result | Drop]]:
    """(relative path, full path, lstat) of every non-directory entry, sorted, depth first; a Drop
    in place of the lstat for what cannot be seen. `.git` (directory or file) is skipped."""
    stack = [("", root)]
    while stack:
        rel_dir, full_dir = stack.pop()
        try:
            with os.scandir(full_dir) as it:
                names = sorted(e.name for e in it)
        except OSError as e:
            if is_environment_error(e):
                raise environment_failure(e, f"listing {escaped(full_dir)}") from e
            yield (
                rel_dir,
                full_dir,
                Drop(
                    name,
                    escaped(rel_dir) or ".",
                    "unreadable_directory",
                    f"{os.strerror(e.errno) if e.errno else type(e).__name__}: its contents cannot be counted",
                ),
            )
            continue
        subdirs = []
        for entry in names:
            if entry == ".git":
                continue
            rel = f"{rel_dir}/{entry}" if rel_dir else entry
            full = os.path.join(full_dir, entry)
            try:
                st = os.lstat(full)
            except OSError as e:  # the name is visible, the file is not (a directory without search permission)
                if is_environment_error(e):
                    raise environment_failure(e, f"reading {escaped(full)}") from e
                yield (
                    rel,
                    full,
                    Drop(name, escaped(rel), "unreadable", os.strerror(e.errno) if e.errno else type(e).__name__),
                )
                continue
            if stat.S_ISDIR(st.st_mode):
                subdirs.append((rel, full))
            else:
                yield rel, full, st
        stack.extend(reversed(subdirs))
