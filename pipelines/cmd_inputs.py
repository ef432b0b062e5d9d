"""Inputs for `scan`, `fim` and `graph`, read exactly as `build` reads them.

A folder, archive or table goes through the build's own expansion and readers (sources.py), so
its repositories, paths and drops are the build's. A single plain file is one file of the
repository the build would put it in: the nearest enclosing directory that is one repository by
the build's rule (`.git` or a root marker), its path relative to that root (the file's folder and
name when no enclosing directory looks like a repository). Special files are never opened.
"""

from __future__ import annotations

import os
from typing import Iterator

from repoloom.core.types import Drop, SourceFile
from repoloom.pipelines.source_common import (
    DEFAULT_LIMITS,
    escaped,
    file_cap,
    name_problem,
    open_regular,
    read_capped,
    read_or_drop,
    special_kind,
)
from repoloom.pipelines.sources import (
    ARCHIVE_SUFFIXES,
    BUILD_MARKERS,
    DOC_MARKERS,
    TABLE_SUFFIXES,
    expand_inputs,
    local_dir_kind,
    read_unit,
)


def repository_of(file: str, root: str | None = None, repo: str | None = None) -> tuple[str, str]:
    """(repository name, path in it) for a plain file, as the build names it."""
    full = os.path.abspath(file)
    if root:
        base = os.path.abspath(root)
    else:
        base = os.path.dirname(full)
        d = base
        while True:
            if _is_repository(d):
                base = d
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
    path = os.path.relpath(full, base).replace(os.sep, "/")
    return repo or os.path.basename(base.rstrip(os.sep)) or "repo", path


def _is_repository(d: str) -> bool:
    try:
        names = os.listdir(d)
    except OSError:
        return False
    if ".git" in names or any(n in BUILD_MARKERS for n in names):
        return True
    # README or LICENSE alone: a repository unless its children are repositories (a collection)
    return any(DOC_MARKERS.match(n) for n in names) and local_dir_kind(d)[0] == "repo"


def is_plain_file(arg: str) -> bool:
    return os.path.lexists(arg) and not os.path.isdir(arg) and not arg.endswith(ARCHIVE_SUFFIXES + TABLE_SUFFIXES)


def read_plain_file(file: str, repo: str, path: str, max_bytes: int) -> SourceFile | Drop:
    cap = file_cap(max_bytes, DEFAULT_LIMITS)
    if problem := name_problem(path):
        return Drop(repo, escaped(path), "bad_name", problem)
    if kind := special_kind(file):
        return Drop(repo, path, "not_a_file", kind)

    def read() -> bytes:
        with open_regular(os.path.realpath(file)) as f:
            return read_capped(f, cap, DEFAULT_LIMITS.max_seconds)

    data = read_or_drop(read, repo, path, 0, (OSError,), "unreadable", f"reading {escaped(file)}")
    if isinstance(data, Drop):
        return data
    if len(data) > cap:
        return Drop(repo, path, "file_too_large", f"over {cap} bytes", len(data))
    return SourceFile(repo, path, data)


def read_inputs(
    args: list[str], max_bytes: int, kind: str = "auto", root: str | None = None, repo: str | None = None
) -> Iterator[SourceFile | Drop]:
    """Every file of the arguments as SourceFile or Drop (an InputError for one that does not exist)."""
    for arg in args:
        if is_plain_file(arg):
            r, p = repository_of(arg, root, repo)
            yield read_plain_file(arg, r, p, max_bytes)
            continue
        for unit in expand_inputs([arg], kind):
            for x in read_unit(unit, max_bytes):
                if repo and isinstance(x, (SourceFile, Drop)):
                    x.repo = repo
                yield x


def shown(x: SourceFile | Drop) -> str:
    """repo:path, safe to print."""
    return f"{escaped(x.repo)}:{escaped(x.path)}" if x.repo else escaped(x.path)
