"""Archives (.zip, .tar, .tar.gz, .tgz) read member by member, never whole.

Every member ends as a SourceFile or a named Drop; one bad member drops only itself:
  too_many_members    past ReadLimits.max_members
  archive_too_large   past max_archive_bytes of declared uncompressed data
  compression_ratio   a zip member (or a compressed tar stream so far) above max_ratio
  read_timeout        a member that takes more than max_seconds to read
  bad_member          a member whose data is corrupt (bad CRC, truncated stream)
  bad_archive         the archive itself (or the unseen rest after a corrupt point), one drop
A tar is read twice as a stream: headers first (names decide whether a GitHub-style top directory
is stripped; the root licence is read), then data. Neither pass holds more than one member. To
reach the next header a stream must inflate the member before it: large members are read watching
their ratio, and once 256 MiB of over-ratio data has been inflated the listing stops (the rest of
the archive is one `bad_archive` drop), so a tar.gz bomb costs seconds, not its inflated size.
"""

from __future__ import annotations

import posixpath
import stat
import tarfile
import tempfile
import time
import zipfile
import zlib
from typing import Callable, Iterator, NamedTuple

from apache_beam.io.filesystems import FileSystems

from repoloom.core.types import Drop, SourceFile
from repoloom.filters.safety import LICENSE_FILES
from repoloom.pipelines.source_common import (
    NotRegular,
    ReadLimits,
    ReadTimeout,
    environment_failure,
    escaped,
    file_cap,
    is_environment_error,
    name_problem,
    open_regular,
    license_meta,
    read_capped,
    read_or_drop,
    safe_text,
)

_MEMBER_ERRORS = (
    zipfile.BadZipFile,
    tarfile.TarError,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)
_RATIO_FLOOR = 256 << 10  # members smaller than this are never judged by their ratio
_BLIND_SKIP = 256 << 20  # a tar stream inflates flagged members to reach the next header: at most this much


class Member(NamedTuple):
    name: str
    kind: str  # "file", "symlink", "other"
    size: int
    ratio_ok: bool = True


def safe_member(name: str) -> str | None:
    """A normalised relative path, or None for absolute paths and '..' escapes."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    norm = posixpath.normpath(name)
    if norm == ".." or norm.startswith("../"):
        return None
    return norm


def _is_local(path: str) -> bool:
    return FileSystems.get_scheme(path) in (None, "file")


def _local(path: str) -> str:
    return path[len("file://") :] if path.startswith("file://") else path


def _open_raw(path: str):
    return open_regular(_local(path)) if _is_local(path) else FileSystems.open(path, compression_type="uncompressed")


def _seekable_copy(path: str):
    """A zip needs random access: local files are used in place, others copied to temp storage."""
    if _is_local(path):
        return open_regular(_local(path))
    try:
        tmp = tempfile.TemporaryFile()
    except OSError as e:
        raise environment_failure(e, "cannot create temporary storage for an archive") from e
    try:
        with FileSystems.open(path, compression_type="uncompressed") as raw:
            while chunk := raw.read(1 << 20):
                try:
                    tmp.write(chunk)
                except OSError as e:
                    raise environment_failure(e, f"temporary storage failed while copying {path}") from e
        tmp.flush()
        tmp.seek(0)
        return tmp
    except BaseException:
        tmp.close()
        raise


def _unreadable(name: str, path: str, e: OSError) -> Drop:
    if is_environment_error(e):
        raise environment_failure(e, f"opening {path}") from e
    return Drop(name, "", "unreadable", safe_text(f"the archive cannot be opened: {e.strerror or type(e).__name__}"))


def _strip_top(names: list[str]) -> bool:
    """GitHub-style archives hold everything under one top directory."""
    raw = [n.replace("\\", "/").removeprefix("./") for n in names]
    if not raw:
        return False
    tops = {r.split("/", 1)[0] for r in raw}
    return len(tops) == 1 and all("/" in r for r in raw) and all((s := safe_member(n)) and "/" in s for n in names)


def _relative(name: str, strip: bool) -> str | None:
    s = safe_member(name)
    if s is None:
        return None
    return s.split("/", 1)[1] if strip else s


def _in_git_dir(rel: str) -> bool:
    return rel == ".git" or rel.startswith(".git/") or "/.git/" in rel


class _Budget:
    """Running limits over one archive's members."""

    def __init__(self, limits: ReadLimits):
        self.limits, self.count, self.declared = limits, 0, 0

    def verdict(self, m: Member) -> tuple[str, str] | None:
        self.count += 1
        if self.count > self.limits.max_members:
            return "too_many_members", f"member {self.count} over the limit of {self.limits.max_members}"
        self.declared += max(0, m.size)
        if self.declared > self.limits.max_archive_bytes:
            return "archive_too_large", f"over {self.limits.max_archive_bytes} uncompressed bytes in the archive"
        if not m.ratio_ok:
            return "compression_ratio", f"compression ratio over {self.limits.max_ratio:g}"
        return None


def _members(
    name: str,
    entries: list[Member],
    limits: ReadLimits,
    max_bytes: int,
    strip: bool,
    read: Callable[[int, Member], bytes],
    meta: dict,
) -> Iterator[SourceFile | Drop]:
    """SourceFile or Drop for each entry; `read(i, m)` reads entry i's data (capped); `meta` goes on each file."""
    budget = _Budget(limits)
    for i, m in enumerate(entries):
        over = budget.verdict(m)
        rel = _relative(m.name, strip)
        shown = escaped(rel if rel is not None else m.name)
        if rel is None:
            yield Drop(name, shown, "unsafe_path", "absolute or '..' path in archive")
            continue
        if _in_git_dir(rel):
            continue
        if problem := name_problem(rel):
            yield Drop(name, shown, "bad_name", problem)
            continue
        if over:
            yield Drop(name, rel, over[0], over[1], max(0, m.size))
            continue
        if m.kind == "symlink":
            yield Drop(name, rel, "symlink", "")
            continue
        if m.kind != "file":
            yield Drop(name, rel, "not_a_file", "")
            continue
        if m.size > max_bytes:
            yield Drop(name, rel, "file_too_large", f"{m.size} bytes", m.size)
            continue
        data = read_or_drop(
            lambda: read(i, m), name, rel, m.size, _MEMBER_ERRORS, "bad_member", f"reading archive member {rel}"
        )
        if isinstance(data, Drop):
            yield data
            continue
        if len(data) > max_bytes:  # the header understated the size
            yield Drop(name, rel, "file_too_large", f"over {max_bytes} bytes", len(data))
            continue
        yield SourceFile(name, rel, data, dict(meta), origin=f"{i:012d}")


# ------------------------------------------------------------------ zip


def _zip_member(info: zipfile.ZipInfo, limits: ReadLimits) -> Member:
    mode = (info.external_attr >> 16) & 0o170000
    kind = "symlink" if mode == stat.S_IFLNK else ("other" if mode and mode not in (stat.S_IFREG,) else "file")
    ratio_ok = info.file_size < _RATIO_FLOOR or info.file_size <= limits.max_ratio * max(1, info.compress_size)
    return Member(info.filename, kind, info.file_size, ratio_ok)


def read_zip(path: str, name: str, max_bytes: int, limits: ReadLimits) -> Iterator[SourceFile | Drop]:
    cap = file_cap(max_bytes, limits)
    try:
        f = _seekable_copy(path)
    except NotRegular as e:
        yield Drop(name, "", "not_a_file", str(e))
        return
    except OSError as e:
        yield _unreadable(name, path, e)
        return
    with f:
        try:
            z = zipfile.ZipFile(f)
            infos = [i for i in z.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
            if is_environment_error(e):
                raise environment_failure(e, f"reading {path}") from e
            yield Drop(name, "", "bad_archive", safe_text(f"{type(e).__name__}: {e}")[:300])
            return
        entries = [_zip_member(i, limits) for i in infos]
        strip = _strip_top([e.name for e in entries])

        def read(i: int, m: Member) -> bytes:
            with z.open(infos[i]) as member:
                return read_capped(member, cap, limits.max_seconds)

        licences = {}
        for i, m in enumerate(entries):
            rel = _relative(m.name, strip)
            if m.kind == "file" and m.size <= cap and rel and "/" not in rel and LICENSE_FILES.match(rel):
                try:
                    licences[rel] = read(i, m)
                except (*_MEMBER_ERRORS, ReadTimeout):  # the member itself is dropped below when read again
                    pass
        yield from _members(name, entries, limits, cap, strip, read, license_meta(licences))


# ------------------------------------------------------------------ tar


def _tar_member(m: tarfile.TarInfo) -> Member:
    kind = "symlink" if (m.issym() or m.islnk()) else ("file" if m.isfile() else "other")
    return Member(m.name, kind, m.size if m.isfile() else 0)


class _Counting:
    """A read-only stream that counts the compressed bytes read from it (for the ratio limit)."""

    def __init__(self, raw):
        self.raw, self.n = raw, 0

    def read(self, size=-1):
        b = self.raw.read(size)
        self.n += len(b)
        return b


def _tar_headers(path: str, limits: ReadLimits, max_bytes: int) -> tuple[list[Member], str, dict[str, bytes]]:
    """Pass 1: every member header (data skipped), why the listing stopped early ('' if it did not),
    and the data of licence files near the top (by raw name)."""
    entries: list[Member] = []
    licences: dict[str, bytes] = {}
    declared, blind, deadline = 0, 0, time.monotonic() + limits.max_seconds * 10
    with _open_raw(path) as raw:
        counted = _Counting(raw)

        def judge_previous() -> None:  # what a member took compressed is known once the next header is read;
            # judged over the stream so far, since reads come in blocks of several KiB
            if entries and entries[-1].size > _RATIO_FLOOR and declared > limits.max_ratio * max(1, counted.n):
                entries[-1] = entries[-1]._replace(ratio_ok=False)

        try:
            with tarfile.open(fileobj=counted, mode="r|*") as t:
                for m in t:
                    if m.isdir():
                        continue
                    judge_previous()
                    member = _tar_member(m)
                    declared += member.size
                    entries.append(member)
                    if len(entries) > limits.max_members or declared > limits.max_archive_bytes:
                        return entries, "stopped listing: archive over its member or size limit", licences
                    if time.monotonic() > deadline:
                        return entries, "stopped listing: over the time limit", licences
                    if m.isfile() and m.name.count("/") <= 1 and LICENSE_FILES.match(posixpath.basename(m.name)):
                        licences[m.name] = read_capped(t.extractfile(m), min(max_bytes, 1 << 20), limits.max_seconds)
                    elif m.isfile() and m.size > _RATIO_FLOOR:
                        done = _skip_checked(t, m, counted, declared - m.size, limits)
                        if done is not None:  # over the ratio: flagged; its rest is inflated only within a budget
                            entries[-1] = entries[-1]._replace(ratio_ok=False)
                            blind += m.size - done
                            if blind > _BLIND_SKIP:
                                return (
                                    entries,
                                    f"stopped listing: over {_BLIND_SKIP >> 20} MiB of members compressed "
                                    f"over {limits.max_ratio:g}:1",
                                    licences,
                                )
                judge_previous()
        except (*_MEMBER_ERRORS, ReadTimeout) as e:
            if is_environment_error(e):
                raise environment_failure(e, f"reading {path}") from e
            return entries, safe_text(f"{type(e).__name__}: {e}")[:300], licences
    return entries, "", licences


def _skip_checked(
    t: tarfile.TarFile, m: tarfile.TarInfo, counted: "_Counting", before: int, limits: ReadLimits
) -> int | None:
    """Read through a large member's data watching inflated against compressed bytes (a plain skip
    would inflate all of it blindly): None when it stays under the ratio, else the bytes read when
    it went over."""
    f, done, deadline = t.extractfile(m), 0, time.monotonic() + limits.max_seconds
    while chunk := f.read(1 << 20):
        done += len(chunk)
        if done > _RATIO_FLOOR and before + done > limits.max_ratio * max(1, counted.n):
            return done
        if time.monotonic() > deadline:
            raise ReadTimeout(f"over {limits.max_seconds:g}s to read {m.name}")
    return None


def read_tar(path: str, name: str, max_bytes: int, limits: ReadLimits) -> Iterator[SourceFile | Drop]:
    cap = file_cap(max_bytes, limits)
    try:
        entries, stopped, licences = _tar_headers(path, limits, cap)
    except NotRegular as e:
        yield Drop(name, "", "not_a_file", str(e))
        return
    except OSError as e:  # the archive itself cannot be opened
        yield _unreadable(name, path, e)
        return
    if not entries and stopped:
        yield Drop(name, "", "bad_archive", stopped)
        return
    strip = _strip_top([e.name for e in entries])
    meta = license_meta({rel: data for raw, data in licences.items() if (rel := _relative(raw, strip))})
    with _open_raw(path) as raw:
        stream = _tar_data(raw, entries, cap, limits)

        def read(i: int, m: Member) -> bytes:
            for j, got in stream:  # members come in order; those _members skips are passed over
                if j == i:
                    if isinstance(got, BaseException):
                        raise got
                    return got
            raise EOFError("the archive ended before this member")

        yield from _members(name, entries, limits, cap, strip, read, meta)
    if stopped:  # what comes after a corrupt point or a limit cannot be seen: one drop says so
        yield Drop(name, "", "bad_archive", f"after {len(entries)} members: {stopped}")


def _tar_data(raw, entries: list[Member], cap: int, limits: ReadLimits) -> Iterator[tuple[int, bytes | BaseException]]:
    """Pass 2: (index, data or the error) for each readable file member, in archive order."""
    i = -1
    try:
        with tarfile.open(fileobj=raw, mode="r|*") as t:
            for m in t:
                if m.isdir():
                    continue
                i += 1
                if i >= len(entries):
                    return
                if m.isfile() and m.size <= cap and entries[i].ratio_ok:
                    try:
                        yield i, read_capped(t.extractfile(m), cap, limits.max_seconds)
                    except ReadTimeout as e:
                        yield i, e
                if i == len(entries) - 1:  # never inflate past what pass 1 listed
                    return
    except _MEMBER_ERRORS as e:
        if is_environment_error(e):
            raise environment_failure(e, "reading an archive") from e
        yield i, e
