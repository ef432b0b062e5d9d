"""The output directory's life: refuse to touch what repoloom did not write, lock it against a second
build, write into a staging folder beside it and move that into place only when everything is written.

- A repoloom output holds a marker file (``MARKER``); ``--overwrite`` replaces only such a folder and
  refuses anything else (``--output . --overwrite`` never wipes a working directory).
- Everything is written under ``<parent>/.<name>.repoloom-partial/``; at the end that folder becomes
  ``<name>`` (one rename on local disk; on object stores, file by file with dataset.json last), so a
  folder holding ``dataset.json`` is always complete.
- A lock file ``<parent>/.<name>.repoloom-lock`` (an OS lock on local disk, released by the kernel when
  the process dies) makes a second concurrent build into the same directory fail at once.
- An interrupted build leaves only the staging folder; a rerun keeps the cache in it (the trained
  tokenizer) and starts the rest again.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from typing import Any

from apache_beam.io.filesystems import FileSystems

from repoloom import __version__
from repoloom.pipelines import sink

MARKER = ".repoloom-output"
CACHE = "cache"  # kept across interrupted runs; removed before the output is moved into place
STAGING_SUFFIX = ".repoloom-partial"
LOCK_SUFFIX = ".repoloom-lock"


class OutputError(RuntimeError):
    """The output directory cannot be used as asked (not ours, locked, unwritable)."""


def _is_local(path: str) -> bool:
    return "://" not in path


def _listing(directory: str) -> list[str]:
    if _is_local(directory):
        if not os.path.isdir(directory):
            if os.path.exists(directory):
                raise OutputError(f"output {directory} exists and is not a directory")
            return []
        return [
            os.path.join(r, f)
            for r, dirs, files in os.walk(directory)
            for f in files + [d for d in dirs if not os.listdir(os.path.join(r, d))]
        ]
    return [m.path for m in FileSystems.match([directory.rstrip("/") + "/**"])[0].metadata_list]


def is_repoloom_output(directory: str) -> bool:
    return FileSystems.exists(sink.join(directory, MARKER))


def sibling(target: str, suffix: str) -> str:
    """``<parent>/.<name><suffix>`` beside the target (same filesystem, so a rename moves it)."""
    target = target.rstrip("/")
    if _is_local(target):
        target = os.path.abspath(target)
        return os.path.join(os.path.dirname(target), f".{os.path.basename(target)}{suffix}")
    head, tail = target.rsplit("/", 1)
    return f"{head}/.{tail}{suffix}"


class _Lock:
    """An exclusive, non-blocking OS lock on a file beside the target; the kernel frees it on exit."""

    def __init__(self, path: str):
        import fcntl

        self.path = path
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise OutputError(f"cannot create the lock file {path}: {e.strerror}") from e
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(self.fd, 64, 0).decode(errors="replace").strip()
            os.close(self.fd)
            raise OutputError(
                f"another build is writing to this output (lock {path} held"
                + (f" by process {holder})" if holder else ")")
            ) from None
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, str(os.getpid()).encode(), 0)

    def release(self) -> None:
        if self.fd is not None:  # the file stays: unlinking it would let two builds lock different files
            os.close(self.fd)
            self.fd = None


@dataclass
class Output:
    """Where this build writes (``staging``) and where the result goes (``target``)."""

    target: str
    staging: str
    lock: Any = None

    @property
    def cache(self) -> str:
        return sink.join(self.staging, CACHE)


def open_output(target: str, overwrite: bool) -> Output:
    """Check the target, take the lock and make a clean staging folder (keeping its cache)."""
    target = target.rstrip("/") or "/"
    existing = _listing(target)
    if existing:
        if not is_repoloom_output(target):
            raise OutputError(
                f"output directory {target} is not empty ({len(existing)} entries) and is not a repoloom "
                f"output (no {MARKER} marker); refusing to touch it: choose an empty or new directory"
            )
        if not overwrite:
            raise OutputError(
                f"output directory {target} holds a previous repoloom output; pass --overwrite to replace it"
            )
    lock = None
    if _is_local(target):
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        lock = _Lock(sibling(target, LOCK_SUFFIX))
    out = Output(target, sibling(target, STAGING_SUFFIX), lock)
    try:
        _clean_staging(out)
    except BaseException:
        close(out)
        raise
    return out


def _clean_staging(out: Output) -> None:
    """Remove an interrupted run's files but its cache; write the marker first."""
    for path in _listing(out.staging):
        if not path.startswith(out.cache.rstrip("/") + "/"):
            _remove(path)
    if _is_local(out.staging):
        os.makedirs(out.staging, exist_ok=True)
    sink.write_json(sink.join(out.staging, MARKER), {"tool": "repoloom", "version": __version__})


def _remove(path: str) -> None:
    if _is_local(path):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.unlink(path)
    elif FileSystems.exists(path):
        FileSystems.delete([path])


def commit(out: Output) -> None:
    """Move the finished staging folder into place; the previous output (if any) goes only now."""
    for path in _listing(out.cache):
        _remove(path)
    if _is_local(out.target):
        if os.path.isdir(out.cache):
            shutil.rmtree(out.cache)
        target = os.path.abspath(out.target)
        old = sibling(target, ".repoloom-old")
        if os.path.lexists(old):
            shutil.rmtree(old)
        if os.path.isdir(target) and os.listdir(target):
            os.rename(target, old)
        elif os.path.isdir(target):
            os.rmdir(target)
        os.rename(out.staging, target)
        if os.path.lexists(old):
            shutil.rmtree(old)
        return
    # object stores have no folder rename: replace file by file, dataset.json last
    previous = _listing(out.target)
    if previous:
        FileSystems.delete(previous)
    files = sorted(_listing(out.staging), key=lambda p: p.endswith("/dataset.json"))
    prefix = out.staging.rstrip("/") + "/"
    FileSystems.rename(files, [sink.join(out.target, p[len(prefix) :]) for p in files])


def close(out: Output) -> None:
    if out.lock is not None:
        out.lock.release()
        out.lock = None
