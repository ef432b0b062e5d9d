"""Input expansion and reading: directories, git working trees, archives and Stack-style tables,
on local disk or any Beam filesystem (gs://, ...).

An input is expanded (in the launcher) into *units*, each read by one worker:
  ("repo", root, name)       a directory that is one repository
  ("archive", path, name)    .tar/.tar.gz/.tgz/.zip, one repository
  ("table", path, "")        .parquet/.jsonl/.jsonl.gz with repo_name, path, content
  ("stray", path, repo)      a loose file in a collection: dropped with a reason, never silently
  ("special", path, repo)    a FIFO, device or socket: `not_a_file`, never opened
  ("link", path, repo)       a collection's symlink whose target is gone: `symlink` (links to a directory or file
                             are followed: the user put them there)
  ("bad_name", shown, repo)  an entry whose name is not UTF-8 or holds control characters
A directory repository bigger than SLICE_BYTES is read in slices (``slice_unit``): slice i of k reads
every k-th entry of the same sorted walk, so one large repository is shared by several workers and the
slices together yield exactly the files, drops and origins of reading it whole.
A directory is one repository when it looks like one (`.git`, directory or file, or a root marker
such as pyproject.toml, Cargo.toml, package.json, Makefile, README, LICENSE); otherwise it is a
collection whose child directories are repositories. `--input-kind` overrides the guess.
Reading yields SourceFile, or Drop for anything that cannot become one (sources_local.py,
sources_archive.py, sources_table.py say which reasons).
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from typing import Iterator, NamedTuple

from apache_beam.io.filesystems import FileSystems

from repoloom.core.types import Drop, SourceFile
from repoloom.filters.safety import LICENSE_FILES
from repoloom.pipelines.source_common import (
    DEFAULT_LIMITS,
    EnvironmentFailure,
    ReadLimits,
    escaped,
    license_meta,
    name_problem,
    safe_text,
    special_kind,
)
from repoloom.pipelines.sources_archive import read_tar, read_zip
from repoloom.pipelines.sources_local import local_tree_bytes, walk_local_repo
from repoloom.pipelines.sources_table import read_table

ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".zip")
TABLE_SUFFIXES = (".parquet", ".jsonl", ".jsonl.gz")
BUILD_MARKERS = (
    "pyproject.toml",
    "setup.py",
    "setup.cfg",
    "package.json",
    "Cargo.toml",
    "go.mod",
    "pom.xml",
    "build.gradle",
    "build.gradle.kts",
    "CMakeLists.txt",
    "Makefile",
    "meson.build",
    "composer.json",
    "Gemfile",
    "mix.exs",
    "build.sbt",
    "Package.swift",
)
DOC_MARKERS = re.compile(r"^(readme|license|licence|copying)(\.[a-z0-9]+)?$", re.IGNORECASE)
INPUT_KINDS = ("auto", "repo", "collection")


class Unit(NamedTuple):
    kind: str
    path: str
    name: str
    part: int = 0  # a directory read in slices: this slice's number, of `parts`
    parts: int = 1


# A directory repository over this many bytes is read in slices of about this size: reading and the per-file stage
# follow the unit, so without slices one large repository keeps one worker busy while the others idle.
SLICE_BYTES = 8 << 20
MAX_SLICES = 64


class InputError(ValueError):
    pass


def _is_local(path: str) -> bool:
    return FileSystems.get_scheme(path) in (None, "file")


def _local(path: str) -> str:
    return path[len("file://") :] if path.startswith("file://") else path


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


def _marker(names: list[str], isfile) -> str | None:
    """The name that makes a directory look like a repository root, or None."""
    if ".git" in names:
        return ".git"
    for n in names:
        if n in BUILD_MARKERS and isfile(n):
            return n
    return None


def _listdir(path: str) -> list[str]:
    try:
        return sorted(os.listdir(path))
    except OSError:
        return []


def local_dir_kind(root: str) -> tuple[str, str]:
    """("repo" | "collection", why) for a local directory, by the rule in the module docstring."""
    try:
        names = sorted(os.listdir(root))
    except OSError as e:
        raise InputError(f"cannot list input directory {root!r}: {e.strerror}") from e
    isfile = lambda n: os.path.isfile(os.path.join(root, n))  # noqa: E731
    if m := _marker(names, isfile):
        return "repo", f"has {m}"
    children = [n for n in names if os.path.isdir(os.path.join(root, n)) and _looks_like_repo(os.path.join(root, n))]
    if children:
        return "collection", f"{len(children)} child directories look like repositories"
    docs = [n for n in names if DOC_MARKERS.match(n) and isfile(n)]
    if docs:
        return "repo", f"has {docs[0]}"
    return "collection", "no repository marker; each child directory is a repository"


def _looks_like_repo(path: str) -> bool:
    names = _listdir(path)
    return bool(
        _marker(names, lambda n: os.path.isfile(os.path.join(path, n))) or any(DOC_MARKERS.match(n) for n in names)
    )


def _expand_local_dir(root: str, kind: str) -> list[Unit]:
    root = root.rstrip("/") or "/"
    parent = os.path.basename(os.path.abspath(root))
    if kind == "repo":
        return [Unit("repo", root, parent)]
    units = []
    for entry in _listdir(root):
        p = os.path.join(root, entry)
        if name_problem(entry):
            units.append(Unit("bad_name", escaped(entry), parent))
            continue
        try:
            mode = os.lstat(p).st_mode
        except OSError:
            units.append(Unit("stray", p, parent))
            continue
        if stat.S_ISLNK(mode):  # an entry the user linked in is followed, as `find -H` follows its arguments
            units.append(_linked_unit(p, entry, parent))
        elif stat.S_ISDIR(mode):
            units.append(Unit("repo", p, entry))
        elif stat.S_ISREG(mode):
            units.append(_classify_file(p, parent))
        else:  # a FIFO named like an archive must never be opened
            units.append(Unit("special", p, parent))
    return units


def _linked_unit(path: str, entry: str, parent: str) -> Unit:
    """A collection's entry that is a symlink: a folder of links to checkouts is a collection like any other, so a
    link to a directory is a repository named after the link and a link to a file is classified as that file. Links
    inside a repository are never followed (sources_local.py)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return Unit("link", path, parent)  # dangling, or a loop
    if stat.S_ISDIR(mode):
        return Unit("repo", path, entry)
    if stat.S_ISREG(mode):  # the readers refuse links: they read the target, under the link's name
        unit = _classify_file(path, parent)
        return unit._replace(path=os.path.realpath(path)) if unit.kind in ("archive", "table") else unit
    return Unit("special", path, parent)


def _remote_rels(root: str) -> tuple[list[str], list[str]]:
    files = sorted(m.path for m in FileSystems.match([root + "/**"])[0].metadata_list)
    return files, [f[len(root) + 1 :] for f in files]


def remote_dir_kind(root: str) -> tuple[str, str]:
    _, rels = _remote_rels(root.rstrip("/"))
    if any(r.startswith(".git/") or r == ".git" for r in rels):
        return "repo", "has .git"
    top = [r for r in rels if "/" not in r]
    if m := _marker(top, lambda n: True):
        return "repo", f"has {m}"
    return "collection", "each child directory is a repository"


def _expand_remote_dir(root: str, kind: str) -> list[Unit]:
    root = root.rstrip("/")
    if kind == "repo":
        return [Unit("repo", root, posixpath.basename(root))]
    files, rels = _remote_rels(root)
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


def _input_file(path: str) -> Unit:
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError as e:
        raise InputError(f"input {path!r} cannot be read: {e.strerror}") from e
    if not regular:
        return Unit("special", path, os.path.basename(os.path.dirname(os.path.abspath(path))))
    return _classify_file(path, None)


def expand_inputs(patterns: list[str], kind: str = "auto", decisions: list[str] | None = None) -> list[Unit]:
    """Units for the given paths or globs; every pattern counts. Raises InputError for an input that
    matches nothing. `kind` forces how a directory is read ("repo" or "collection"); each directory's
    reading, and why, is appended to `decisions` when given."""
    if kind not in INPUT_KINDS:
        raise InputError(f"--input-kind must be one of {', '.join(INPUT_KINDS)}, not {kind!r}")
    units: list[Unit] = []

    def directory(path: str, local: bool) -> None:
        found, why = (
            (local_dir_kind(path) if local else remote_dir_kind(path)) if kind == "auto" else (kind, "--input-kind")
        )
        got = _expand_local_dir(path, found) if local else _expand_remote_dir(path, found)
        if decisions is not None:
            what = (
                "one repository"
                if found == "repo"
                else f"a collection of {sum(u.kind == 'repo' for u in got)} repositories"
            )
            decisions.append(f"{path}: {what} ({why})")
        units.extend(got)

    for pattern in patterns:
        if _is_local(pattern):
            import glob as globmod

            local = _local(pattern)
            matches = (
                sorted(globmod.glob(local))
                if any(c in local for c in "*?[")
                else ([local] if os.path.lexists(local) else [])
            )
            if not matches:
                raise InputError(f"input {pattern!r} does not exist or matches nothing")
            for m in matches:
                if os.path.isdir(m):
                    directory(m, True)
                else:
                    units.append(_input_file(m))
        else:
            if any(c in pattern for c in "*?["):
                found = [md.path for md in FileSystems.match([pattern])[0].metadata_list]
                if not found:
                    raise InputError(f"input {pattern!r} matches nothing")
                units.extend(_classify_file(f, None) for f in sorted(found))
            elif FileSystems.match([pattern.rstrip("/") + "/**"])[0].metadata_list:
                directory(pattern, False)
            elif FileSystems.exists(pattern):
                units.append(_classify_file(pattern, None))
            else:
                raise InputError(f"input {pattern!r} does not exist")
    # one unit per path, in a stable order
    return sorted(set(units))


# ---------------------------------------------------------------- reading


def slice_unit(unit) -> list[tuple]:
    """A directory repository of more than SLICE_BYTES as that many slices (at most MAX_SLICES), each a unit
    that reads every `parts`-th entry of the walk; any other unit, or a directory that cannot be listed here
    (reading it reports why), whole. Plain tuples, as units travel in the pipeline."""
    unit = Unit(*unit)
    if unit.kind != "repo" or unit.parts != 1:
        return [tuple(unit)]
    try:
        if _is_local(unit.path):
            total = local_tree_bytes(_local(unit.path)) if os.path.isdir(_local(unit.path)) else 0
        else:
            total = sum(m.size_in_bytes for m in FileSystems.match([unit.path.rstrip("/") + "/**"])[0].metadata_list)
    except Exception:  # noqa: BLE001 - sizing is only a hint: the whole unit is read and reports its own errors
        total = 0
    parts = max(1, min(MAX_SLICES, -(-total // SLICE_BYTES)))
    return [tuple(unit._replace(part=i, parts=parts)) for i in range(parts)]


def _walk_remote_repo(
    root: str, name: str, max_bytes: int, limits: ReadLimits, part: int = 0, parts: int = 1
) -> Iterator[SourceFile | Drop]:
    from repoloom.pipelines.source_common import file_cap, read_capped

    cap = file_cap(max_bytes, limits)
    root = root.rstrip("/")
    for n, md in enumerate(sorted(FileSystems.match([root + "/**"])[0].metadata_list, key=lambda m: m.path)):
        if n % parts != part:
            continue  # another slice's entry
        rel = md.path[len(root) + 1 :]
        if rel.startswith(".git/") or "/.git/" in rel:
            continue
        if problem := name_problem(rel):
            yield Drop(name, escaped(rel), "bad_name", problem, md.size_in_bytes)
            continue
        if md.size_in_bytes > cap:
            yield Drop(name, rel, "file_too_large", f"{md.size_in_bytes} bytes", md.size_in_bytes)
            continue
        try:
            with FileSystems.open(md.path, compression_type="uncompressed") as f:
                data = read_capped(f, cap, limits.max_seconds)
        except Exception as e:  # noqa: BLE001 - a filesystem error loses one file, never the job
            yield Drop(name, rel, "unreadable", type(e).__name__)
            continue
        yield SourceFile(name, rel, data, origin=f"{n:012d}")


def _root_license_files(root: str, max_bytes: int) -> dict[str, bytes]:
    """Licence files directly under a repository root (LICENSE, COPYING, ...), by name."""
    from repoloom.pipelines.source_common import open_regular

    out: dict[str, bytes] = {}
    try:
        if _is_local(root):
            local = _local(root)
            for n in _listdir(local):
                if LICENSE_FILES.match(n):
                    try:
                        with open_regular(os.path.join(local, n)) as f:
                            out[n] = f.read(min(max_bytes, 1 << 20))
                    except Exception:  # noqa: BLE001 - not a regular file, unreadable: the walk names it
                        continue
        else:
            base = root.rstrip("/")
            for md in FileSystems.match([base + "/*"])[0].metadata_list:
                n = md.path[len(base) + 1 :]
                if "/" not in n and LICENSE_FILES.match(n):
                    with FileSystems.open(md.path, compression_type="uncompressed") as f:
                        out[n] = f.read(min(max_bytes, 1 << 20))
    except Exception:  # noqa: BLE001 - an unreadable licence file only means "licence unknown"
        return out
    return out


def _unit_items(unit: Unit, max_bytes: int, limits: ReadLimits) -> Iterator[SourceFile | Drop]:
    kind, path, name, part, parts = unit
    if kind == "table":
        yield from read_table(path, max_bytes, limits)
    elif kind == "stray":
        yield Drop(
            name,
            posixpath.basename(path),
            "not_in_repository",
            "a loose file, not in a repository folder, archive or table",
        )
    elif kind == "link":
        yield Drop(name, posixpath.basename(path), "symlink", "a link in a collection whose target cannot be read")
    elif kind == "special":
        yield Drop(name, posixpath.basename(path), "not_a_file", special_kind(_local(path)) or "not a regular file")
    elif kind == "bad_name":
        yield Drop(name, path, "bad_name", "not valid UTF-8 or a control character in the name")
    elif kind == "archive":
        yield from (read_zip if path.endswith(".zip") else read_tar)(path, name, max_bytes, limits)
    else:  # directories stream: the licence comes from the root's licence files, read first
        if _is_local(path) and not os.path.isdir(_local(path)):  # e.g. a worker without the input's filesystem
            raise EnvironmentFailure(
                f"repository {path} is not a directory on this worker ({os.uname().nodename}); "
                "every worker must reach the input"
            )
        meta = license_meta(_root_license_files(path, max_bytes))
        stream = (
            walk_local_repo(_local(path), name, max_bytes, limits, part, parts)
            if _is_local(path)
            else _walk_remote_repo(path, name, max_bytes, limits, part, parts)
        )
        for x in stream:
            if isinstance(x, SourceFile) and meta:
                x.meta.update(meta)
            yield x


def read_unit(unit: Unit, max_bytes: int, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[SourceFile | Drop]:
    """Every file of a unit as SourceFile or Drop; repository licence files set meta['license'].

    Each SourceFile's `origin` places it in the corpus (unit path, then its number in the unit): of
    two files with the same (repo, path), the build keeps the one with the smaller origin.
    Names in drops are made safe to store (escaped); an EnvironmentFailure propagates and stops the build.
    """
    unit = Unit(*unit)
    for x in _unit_items(unit, max_bytes, limits):
        if isinstance(x, Drop):
            x.repo, x.path, x.detail = safe_text(x.repo), safe_text(x.path), safe_text(x.detail)
        else:
            x.origin = f"{unit.path}\0{unit.kind}\0{x.origin}"
        yield x
