"""Which copy of a duplicate group is kept, and the helpers exact dedup needs.

Keeper choice is a total order over files (never arrival order), so every
runner and bundle ordering keeps the same copy. Following the Stack v2 `--rank`
rule: permissive licence first, then no licence, then others; then more stars,
more forks; the (repo, path) pair always closes the tie.
"""

from __future__ import annotations

from typing import Any

from repoloom.core import counters as C
from repoloom.core.types import FileFacts, ParsedFile

# SPDX ids counted as permissive for keeper choice (lower class = preferred).
PERMISSIVE = frozenset(
    {
        "MIT",
        "MIT-0",
        "Apache-2.0",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "BSD-3-Clause-Clear",
        "0BSD",
        "ISC",
        "Zlib",
        "Unlicense",
        "CC0-1.0",
        "PSF-2.0",
        "Python-2.0",
        "BSL-1.0",
        "X11",
        "NCSA",
        "UPL-1.0",
        "MPL-2.0",
        "Artistic-2.0",
        "WTFPL",
    }
)

RANK_KEYS = ("license", "stars", "forks", "path")


class RankConfigError(ValueError):
    pass


def license_class(license: Any) -> int:
    """0 permissive, 1 no licence known, 2 anything else (copyleft, proprietary, unknown string)."""
    if license is None or license == "" or (isinstance(license, (list, tuple)) and not license):
        return 1
    ids = license if isinstance(license, (list, tuple)) else [license]
    return 0 if all(str(x) in PERMISSIVE for x in ids) else 2


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def keeper_rank(facts: FileFacts, cfg: dict) -> tuple:
    """Sort key for keeper choice: the lowest tuple in a duplicate group is kept.

    `cfg["dedup"]["rank"]` lists the criteria in order (any of RANK_KEYS);
    (repo, path) is always appended so the order is total.
    """
    key: list = []
    meta = facts.meta or {}
    for name in cfg["dedup"]["rank"]:
        if name == "license":
            key.append(license_class(meta.get("license")))
        elif name in ("stars", "forks"):
            key.append(-_number(meta.get(name)))
        elif name == "path":
            key.append((facts.repo, facts.path))
        else:
            raise RankConfigError(f"dedup.rank: unknown criterion {name!r}; known: {RANK_KEYS}")
    key.append((facts.repo, facts.path))
    return tuple(key)


def repo_rank(facts: FileFacts, cfg: dict) -> tuple:
    """keeper_rank for a whole repository: the same criteria from the repository's meta, path criterion
    and tie-break by repository name only (every file of a repository gives the same key)."""
    key = []
    for part in keeper_rank(facts, cfg)[:-1]:
        key.append((facts.repo,) if isinstance(part, tuple) else part)
    key.append(facts.repo)
    return tuple(key)


def check_rank_config(cfg: dict) -> None:
    """Raise RankConfigError now for an unknown dedup.rank criterion."""
    keeper_rank(FileFacts("", "", None, 0, ""), cfg)


def file_id(facts: FileFacts) -> str:
    """Unique id of a file in the corpus (repo and path never contain NUL)."""
    return f"{facts.repo}\x00{facts.path}"


def display_id(facts_or_id: FileFacts | str) -> str:
    """'repo/path' for Drop.detail."""
    if isinstance(facts_or_id, FileFacts):
        return f"{facts_or_id.repo}/{facts_or_id.path}"
    repo, _, path = facts_or_id.partition("\x00")
    return f"{repo}/{path}"


def exact_key(facts: FileFacts) -> str:
    """Group key for exact dedup: the normalised-content hash computed by the single parse."""
    return facts.sha


def byte_size(f: ParsedFile) -> int:
    """Drop.size in bytes, like the per-file stage's drops (facts.size counts characters)."""
    return len(f.text.encode("utf-8", "surrogatepass"))


def cluster_counters(size: int, level: C.Dedup) -> dict[str, int]:
    """Additive counters for one duplicate cluster of `size` files (size >= 2) at one dedup level."""
    return {level.clusters: 1, level.cluster_size.key(size_bucket(size)): 1, level.files_dropped: size - 1}


def size_bucket(size: int) -> str:
    """Exact sizes up to 10, then power-of-ten buckets, so the counter set stays small."""
    if size <= 10:
        return str(size)
    if size <= 100:
        return "11-100"
    if size <= 1000:
        return "101-1000"
    return "1001+"
