"""Input expansion and reading: directories, git working trees, archives and Stack-style tables,
on local disk or any Beam filesystem (gs://, ...).

An input is expanded (in the launcher) into *units*, each read by one worker:
  ("repo", root, name)     a directory that is one repository
  ("archive", path, name)  .tar/.tar.gz/.tgz/.zip, one repository
  ("table", path, "")      .parquet/.jsonl/.jsonl.gz with repo_name, path, content
  ("stray", path, repo)    a loose file in a collection: dropped with a reason, never silently
Reading yields SourceFile, or Drop for anything that cannot become one.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import posixpath
import stat
import tarfile
import tempfile
import zipfile
from typing import Iterator, NamedTuple

from apache_beam.io.filesystems import FileSystems

from repoloom.core.types import Drop, SourceFile
from repoloom.filters.safety import LICENSE_FILES, detect_license

ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".zip")
TABLE_SUFFIXES = (".parquet", ".jsonl", ".jsonl.gz")
REQUIRED_COLUMNS = ("repo_name", "path", "content")


class Unit(NamedTuple):
    kind: str
    path: str
    name: str


class InputError(ValueError):
    pass


def _is_local(path: str) -> bool:
    return FileSystems.get_scheme(path) in (None, "file")


def _local(path: str) -> str:
    return path[len("file://"):] if path.startswith("file://") else path


def absolute_local(path: str) -> str:
    """A local path (or glob) made absolute, so workers in other directories read the same files; others as given."""
    return os.path.abspath(_local(path)) if _is_local(path) else path


def _strip_suffix(name: str) -> str:
    for s in ARCHIVE_SUFFIXES + TABLE_SUFFIXES:
        if name.endswith(s):
            return name[: -len(s)]
    return name


def _classify_file(path: str, collection_repo: str | None) -> Unit:
    base = posixpath.basename(path.rstrip("/"))
    if base.endswith(ARCHIVE_SUFFIXES):
        return Unit("archive", path, _strip_suffix(base))
    if base.endswith(TABLE_SUFFIXES):
        return Unit("table", path, "")
    return Unit("stray", path, collection_repo or posixpath.dirname(path))


def _expand_local_dir(root: str) -> list[Unit]:
    root = root.rstrip("/") or "/"
    if os.path.isdir(os.path.join(root, ".git")):
        return [Unit("repo", root, os.path.basename(os.path.abspath(root)))]
    units = []
    for entry in sorted(os.listdir(root)):
        p = os.path.join(root, entry)
        if os.path.islink(p):
            units.append(Unit("stray", p, os.path.basename(os.path.abspath(root))))
        elif os.path.isdir(p):
            units.append(Unit("repo", p, entry))
        else:
            units.append(_classify_file(p, os.path.basename(os.path.abspath(root))))
    return units


def _expand_remote_dir(root: str) -> list[Unit]:
    root = root.rstrip("/")
    files = sorted(m.path for m in FileSystems.match([root + "/**"])[0].metadata_list)
    rels = [f[len(root) + 1:] for f in files]
    if any(r.startswith(".git/") for r in rels):
        return [Unit("repo", root, posixpath.basename(root))]
    units, seen = [], set()
    for f, r in zip(files, rels):
        if "/" in r:
            top = r.split("/", 1)[0]
            if top not in seen:
                seen.add(top)
                units.append(Unit("repo", f"{root}/{top}", top))
        else:
            units.append(_classify_file(f, posixpath.basename(root)))
    return units


def expand_inputs(patterns: list[str]) -> list[Unit]:
    """Units for the given paths or globs. Raises InputError for an input that matches nothing."""
    units: list[Unit] = []
    for pattern in patterns:
        if _is_local(pattern):
            import glob as globmod

            local = _local(pattern)
            matches = sorted(globmod.glob(local)) if any(c in local for c in "*?[") else ([local] if os.path.exists(local) else [])
            if not matches:
                raise InputError(f"input {pattern!r} does not exist or matches nothing")
            for m in matches:
                if os.path.isdir(m):
                    units.extend(_expand_local_dir(m))
                else:
                    units.append(_classify_file(m, None))
        else:
            if any(c in pattern for c in "*?["):
                found = [md.path for md in FileSystems.match([pattern])[0].metadata_list]
                if not found:
                    raise InputError(f"input {pattern!r} matches nothing")
                units.extend(_classify_file(f, None) for f in sorted(found))
            elif FileSystems.match([pattern.rstrip("/") + "/**"])[0].metadata_list:
                units.extend(_expand_remote_dir(pattern))
            elif FileSystems.exists(pattern):
                units.append(_classify_file(pattern, None))
            else:
                raise InputError(f"input {pattern!r} does not exist")
    # one unit per path, in a stable order
    return sorted(set(units))


# ---------------------------------------------------------------- reading


def _read_limited(f, limit: int) -> bytes:
    return f.read(limit + 1)


def _license_meta(files: dict[str, bytes]) -> dict:
    for path in sorted(files):
        if "/" not in path and LICENSE_FILES.match(path):
            spdx = detect_license(files[path].decode("utf-8", "replace"))
            if spdx:
                return {"license": spdx}
    return {}


def _walk_local_repo(root: str, name: str, max_bytes: int) -> Iterator[SourceFile | Drop]:
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        # directory symlinks are not descended (os.walk does not follow them); account for them
        for d in list(dirnames):
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                dirnames.remove(d)
                rel = d if rel_dir == "." else f"{rel_dir}/{d}"
                yield Drop(name, rel, "symlink", "directory symlinks are not followed")
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            rel = fn if rel_dir == "." else f"{rel_dir}/{fn}"
            try:
                if os.path.islink(full):
                    target = os.path.realpath(full)
                    if not (target == real_root or target.startswith(real_root + os.sep)) or not os.path.isfile(target):
                        yield Drop(name, rel, "symlink", "points outside the repository or not to a file")
                        continue
                    # a link to a file inside the repository: that file is read in its own right
                    yield Drop(name, rel, "symlink", "duplicate of a file in the repository")
                    continue
                st = os.stat(full)
                if not stat.S_ISREG(st.st_mode):
                    yield Drop(name, rel, "not_a_file", "")
                    continue
                if st.st_size > max_bytes:
                    yield Drop(name, rel, "file_too_large", f"{st.st_size} bytes", st.st_size)
                    continue
                with open(full, "rb") as f:
                    data = _read_limited(f, max_bytes)
            except OSError as e:
                yield Drop(name, rel, "unreadable", type(e).__name__)
                continue
            yield SourceFile(name, rel, data)


def _walk_remote_repo(root: str, name: str, max_bytes: int) -> Iterator[SourceFile | Drop]:
    root = root.rstrip("/")
    for md in sorted(FileSystems.match([root + "/**"])[0].metadata_list, key=lambda m: m.path):
        rel = md.path[len(root) + 1:]
        if rel.startswith(".git/") or "/.git/" in rel:
            continue
        if md.size_in_bytes > max_bytes:
            yield Drop(name, rel, "file_too_large", f"{md.size_in_bytes} bytes", md.size_in_bytes)
            continue
        try:
            with FileSystems.open(md.path, compression_type="uncompressed") as f:
                data = _read_limited(f, max_bytes)
        except Exception as e:  # a filesystem error loses one file, never the job
            yield Drop(name, rel, "unreadable", type(e).__name__)
            continue
        yield SourceFile(name, rel, data)


def _safe_member(name: str) -> str | None:
    """A normalised relative path, or None for absolute paths and '..' escapes."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    norm = posixpath.normpath(name)
    if norm == ".." or norm.startswith("../"):
        return None
    return norm


def _archive_entries(path: str, max_bytes: int) -> Iterator[tuple[str, bytes | None, str]]:
    """(member name, data or None, drop reason) for every regular entry of an archive."""
    with FileSystems.open(path, compression_type="uncompressed") as raw, tempfile.TemporaryFile() as tmp:
        while chunk := raw.read(1 << 20):
            tmp.write(chunk)
        tmp.seek(0)
        if path.endswith(".zip"):
            with zipfile.ZipFile(tmp) as z:
                for info in z.infolist():
                    if info.is_dir():
                        continue
                    mode = (info.external_attr >> 16) & 0o170000
                    if mode == stat.S_IFLNK:
                        yield info.filename, None, "symlink"
                    elif info.file_size > max_bytes:
                        yield info.filename, None, "file_too_large"
                    else:
                        yield info.filename, z.read(info), ""
        else:
            with tarfile.open(fileobj=tmp, mode="r:*") as t:
                for m in t:
                    if m.isdir():
                        continue
                    if m.issym() or m.islnk():
                        yield m.name, None, "symlink"
                    elif not m.isfile():
                        yield m.name, None, "not_a_file"
                    elif m.size > max_bytes:
                        yield m.name, None, "file_too_large"
                    else:
                        yield m.name, t.extractfile(m).read(), ""


def _read_archive(path: str, name: str, max_bytes: int) -> Iterator[SourceFile | Drop]:
    try:
        entries = list(_archive_entries(path, max_bytes))
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError) as e:
        yield Drop(name, "", "bad_archive", f"{type(e).__name__}: {e}")
        return
    safe = [(_safe_member(n), n, d, r) for n, d, r in entries]
    # GitHub-style archives hold everything under one top directory: strip it
    raw = [n.replace("\\", "/").removeprefix("./") for n, _, _ in entries]
    tops = {r.split("/", 1)[0] for r in raw}
    strip = len(tops) == 1 and all("/" in r for r in raw) and all(s and "/" in s for s, _, _, _ in safe)
    for s, original, data, reason in safe:
        if s is None:
            yield Drop(name, original, "unsafe_path", "absolute or '..' path in archive")
            continue
        rel = s.split("/", 1)[1] if strip else s
        if rel.startswith(".git/") or "/.git/" in rel or rel == ".git":
            continue
        if reason:
            yield Drop(name, rel, reason, "")
        else:
            yield SourceFile(name, rel, data)


def _table_rows(path: str) -> Iterator[dict]:
    if path.endswith(".parquet"):
        import pyarrow.parquet as pq

        with FileSystems.open(path, compression_type="uncompressed") as f:
            pf = pq.ParquetFile(f)
            missing = [c for c in REQUIRED_COLUMNS if c not in pf.schema_arrow.names]
            if missing:
                raise InputError(f"missing columns {missing}")
            for batch in pf.iter_batches(batch_size=256):
                yield from batch.to_pylist()
    else:
        with FileSystems.open(path, compression_type="uncompressed") as raw:
            stream = gzip.GzipFile(fileobj=raw) if path.endswith(".gz") else raw
            for lineno, line in enumerate(io.TextIOWrapper(stream, encoding="utf-8", errors="replace"), 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if not isinstance(row, dict):
                        raise ValueError("not an object")
                except ValueError as e:
                    yield {"__bad__": f"line {lineno}: {e}"}
                    continue
                yield row


def _read_table(path: str, max_bytes: int) -> Iterator[SourceFile | Drop]:
    table = posixpath.basename(path)
    try:
        for i, row in enumerate(_table_rows(path)):
            if "__bad__" in row:
                yield Drop(table, f"#{i}", "bad_record", row["__bad__"])
                continue
            missing = [c for c in REQUIRED_COLUMNS if row.get(c) is None]
            if missing:
                yield Drop(str(row.get("repo_name") or table), str(row.get("path") or f"#{i}"), "bad_record", f"missing {missing}")
                continue
            content = row["content"]
            data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else bytes(content)
            repo, rel = str(row["repo_name"]), str(row["path"]).lstrip("/")
            if len(data) > max_bytes:
                yield Drop(repo, rel, "file_too_large", f"{len(data)} bytes", len(data))
                continue
            meta = {k: v for k, v in row.items() if k not in REQUIRED_COLUMNS and isinstance(v, (str, int, float, bool))}
            yield SourceFile(repo, rel, data, meta)
    except InputError as e:
        yield Drop(table, "", "bad_table", str(e))
    except Exception as e:  # a corrupt table loses itself, never the job
        yield Drop(table, "", "bad_table", f"{type(e).__name__}: {e}")


def read_unit(unit: Unit, max_bytes: int) -> Iterator[SourceFile | Drop]:
    """Every file of a unit as SourceFile or Drop; repository licence files set meta['license']."""
    kind, path, name = unit
    if kind == "table":
        yield from _read_table(path, max_bytes)
        return
    if kind == "stray":
        yield Drop(name, posixpath.basename(path), "not_in_repository", "loose file in a collection directory")
        return
    if kind == "archive":  # an archive is read once into memory-bounded temp storage, then listed
        items = list(_read_archive(path, name, max_bytes))
        meta = _license_meta({x.path: x.data for x in items if isinstance(x, SourceFile) and "/" not in x.path})
        stream: Iterator[SourceFile | Drop] = iter(items)
    else:  # directories stream: the licence comes from the root's licence files, read first
        if _is_local(path) and not os.path.isdir(_local(path)):  # e.g. a worker without the input's filesystem
            raise InputError(f"repository {path} is not a directory on this worker ({os.uname().nodename}); "
                             "every worker must reach the input")
        meta = _license_meta(_root_license_files(path, max_bytes))
        stream = _walk_local_repo(_local(path), name, max_bytes) if _is_local(path) else _walk_remote_repo(path, name, max_bytes)
    for x in stream:
        if isinstance(x, SourceFile) and meta:
            x.meta.update(meta)
        yield x


def _root_license_files(root: str, max_bytes: int) -> dict[str, bytes]:
    """Licence files directly under a repository root (LICENSE, COPYING, ...), by name."""
    out: dict[str, bytes] = {}
    try:
        if _is_local(root):
            local = _local(root)
            names = [n for n in os.listdir(local) if LICENSE_FILES.match(n) and os.path.isfile(os.path.join(local, n))
                     and not os.path.islink(os.path.join(local, n))]
            for n in names:
                with open(os.path.join(local, n), "rb") as f:
                    out[n] = _read_limited(f, max_bytes)
        else:
            base = root.rstrip("/")
            for md in FileSystems.match([base + "/*"])[0].metadata_list:
                n = md.path[len(base) + 1:]
                if "/" not in n and LICENSE_FILES.match(n):
                    with FileSystems.open(md.path, compression_type="uncompressed") as f:
                        out[n] = _read_limited(f, max_bytes)
    except Exception:  # noqa: BLE001 - an unreadable licence file only means "licence unknown"
        return out
    return out
