"""What every source reader shares: read limits, file names that can travel, safe opening of local
files, and the line between a bad input (a named drop) and a broken environment (an error).

Names: a path that is not valid UTF-8 or holds a control character (newline, ESC, DEL, C1) cannot
go into the token stream or a terminal as it is; such a file is dropped as `bad_name`, its name
shown escaped (`\\xff`, `\\n`, `\\x1b`) in drops/bad_name.parquet.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from typing import NamedTuple


class ReadLimits(NamedTuple):
    """Bounds on one archive or table: each member or row past a bound is dropped by name."""

    max_members: int = 200_000  # entries per archive (`too_many_members`)
    max_archive_bytes: int = 8 << 30  # declared uncompressed bytes per archive (`archive_too_large`)
    max_ratio: float = 200.0  # uncompressed / compressed bytes (`compression_ratio`)
    max_seconds: float = 60.0  # to read one member, row or file (`read_timeout`)
    # the per-file stage takes memory and time in proportion to a file (a 4 MB file: ~180 MB over the
    # process's base; 15 MB: over 1 GB and minutes): nothing larger is read, whatever max_file_bytes
    # says (`file_too_large`)
    max_file_bytes_ceiling: int = 4 << 20


DEFAULT_LIMITS = ReadLimits()


def file_cap(max_bytes: int, limits: ReadLimits) -> int:
    return min(max_bytes, limits.max_file_bytes_ceiling)


def license_meta(files: dict[str, bytes]) -> dict:
    """{'license': SPDX id} from a repository's root licence files (LICENSE, COPYING, ...), by name."""
    from repoloom.filters.safety import LICENSE_FILES, detect_license

    for path in sorted(files):
        if "/" not in path and LICENSE_FILES.match(path):
            spdx = detect_license(files[path].decode("utf-8", "replace"))
            if spdx:
                return {"license": spdx}
    return {}


class EnvironmentFailure(RuntimeError):
    """The machine, not the input, failed (disk full, temp storage, out of file handles): stop the build."""


_ENVIRONMENT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.ENOMEM, errno.EMFILE, errno.ENFILE, errno.EROFS}


def is_environment_error(e: BaseException) -> bool:
    return isinstance(e, EnvironmentFailure) or (isinstance(e, OSError) and e.errno in _ENVIRONMENT_ERRNOS)


def environment_failure(e: BaseException, doing: str) -> EnvironmentFailure:
    return e if isinstance(e, EnvironmentFailure) else EnvironmentFailure(f"{doing}: {type(e).__name__}: {e}")


_CONTROL = {c for c in range(0x20)} | {0x7F} | set(range(0x80, 0xA0))
_ESCAPES = {c: f"\\x{c:02x}" for c in _CONTROL}
_ESCAPES.update({0x0A: "\\n", 0x09: "\\t", 0x0D: "\\r", 0x5C: "\\\\"})


def escaped(name: str) -> str:
    """A printable, UTF-8-safe spelling of a name: undecodable bytes and control characters escaped."""
    if isinstance(name, bytes):
        name = name.decode("utf-8", "surrogateescape")
    out = []
    for ch in name:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{o - 0xDC00:02x}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append(f"\\u{o:04x}")
        elif o in _ESCAPES:
            out.append(_ESCAPES[o])
        else:
            out.append(ch)
    return "".join(out)


def name_problem(name: str) -> str | None:
    """Why a path cannot be a training file name as it is, or None."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "not valid UTF-8"
    if any(ord(c) in _CONTROL for c in name):
        return "control character in the name"
    return None


def safe_text(s: str) -> str:
    """Detail strings (exception messages) may quote hostile names: make them safe to store."""
    return escaped(s) if name_problem(s) else s


def open_regular(path: str):
    """A binary file object for a local regular file, never a FIFO, device or socket.

    lstat first (a special file is never opened), then open without blocking and check the opened
    file is still regular. Raises NotRegular for anything else, OSError when it cannot be opened.
    """
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(_kind(st.st_mode))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(_kind(st.st_mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class NotRegular(Exception):
    pass


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISLNK, "symlink"),
        (stat.S_ISDIR, "directory"),
    ):
        if test(mode):
            return name
    return "special file"


def special_kind(path: str) -> str | None:
    """'fifo', 'character device', ... for a local path that is neither a regular file nor a directory."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
        return None
    return _kind(mode)


class ReadTimeout(Exception):
    pass


def read_capped(f, cap: int, max_seconds: float, chunk: int = 1 << 20) -> bytes:
    """At most cap + 1 bytes (so the caller sees 'too large'), within max_seconds."""
    deadline = time.monotonic() + max_seconds
    parts, n = [], 0
    while n <= cap:
        b = f.read(min(chunk, cap + 1 - n))
        if not b:
            break
        parts.append(b)
        n += len(b)
        if time.monotonic() > deadline:
            raise ReadTimeout(f"over {max_seconds:g}s to read")
    return b"".join(parts)


def read_or_drop(read, repo: str, rel: str, size: int, errors: tuple, bad_reason: str, doing: str):
    """read()'s bytes, or the Drop that names why they could not be read; environment failures raise."""
    from repoloom.core.types import Drop

    try:
        return read()
    except NotRegular as e:  # replaced by a special file between lstat and open
        return Drop(repo, rel, "not_a_file", str(e))
    except ReadTimeout as e:
        return Drop(repo, rel, "read_timeout", str(e), size)
    except errors as e:
        if is_environment_error(e):
            raise environment_failure(e, doing) from e
        if bad_reason == "unreadable" and isinstance(e, OSError) and e.errno:
            return Drop(repo, rel, bad_reason, os.strerror(e.errno), size)
        return Drop(repo, rel, bad_reason, safe_text(f"{type(e).__name__}: {e}")[:300], size)
