"""Which copy of a duplicate group is kept, and the helpers exact dedup needs.

Keeper choice is a total order over files (never arrival order), so every
runner and bundle ordering keeps the same copy. Following the Stack v2 `--rank`
rule: permissive licence first, then no licence, then others; then more stars,
more forks; the (repo, path) pair always closes the tie.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from repoloom.core import counters as C
from repoloom.core.config import choice, items, num, share
from repoloom.core.types import FileFacts, ParsedFile


@dataclass
class DedupConfig:
    KEY: ClassVar[str] = "dedup"
    exact: bool = True
    rank: list[str] = items("license", "stars", "forks", "path")  # keeper choice, see filters/dedup.py
    near: bool = True
    num_perm: int = num(256, 1)
    ngram: int = num(5, 1)
    threshold: float = share(0.7)
    bands: int = num(0, 0)  # 0 = chosen for the threshold (with rows)
    rows: int = num(0, 0)
    # chosen bands make a pair at the threshold a candidate this often (0: bigcode's b/r)
    lsh_recall: float = share(0.99)
    min_tokens: int = num(10, 0)  # shorter files are left to exact dedup
    max_bucket: int = num(64, 2)  # larger LSH buckets link every member to `hubs` members only
    hubs: int = num(8, 1)
    # components: union-find of verified pairs in one task, or distributed rounds
    cc: str = choice("union", "union", "rounds")
    cc_rounds: int = num(8, 0)  # "rounds" only: min-label propagation rounds (each with pointer jumping)
    repo_level: bool = False  # also drop near-duplicate repositories (pipelines/near_dedup.RepoNearDedup)


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


def keeper_rank(facts: FileFacts, d: DedupConfig) -> tuple:
    """Sort key for keeper choice: the lowest tuple in a duplicate group is kept.

    `d.rank` (the `dedup` section) lists the criteria in order (any of RANK_KEYS);
    (repo, path) is always appended so the order is total.
    """
    key: list = []
    meta = facts.meta or {}
    for name in d.rank:
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


def repo_rank(facts: FileFacts, d: DedupConfig) -> tuple:
    """keeper_rank for a whole repository: the same criteria from the repository's meta, path criterion
    and tie-break by repository name only (every file of a repository gives the same key)."""
    key = []
    for part in keeper_rank(facts, d)[:-1]:
        key.append((facts.repo,) if isinstance(part, tuple) else part)
    key.append(facts.repo)
    return tuple(key)


def check_rank_config(d: DedupConfig) -> None:
    """Raise RankConfigError now for an unknown dedup.rank criterion."""
    keeper_rank(FileFacts("", "", None, 0, ""), d)


def file_id(facts: FileFacts) -> str:
    """Unique id of a file in the corpus (repo and path never contain NUL)."""
    return path_id(facts.repo, facts.path)


def path_id(repo: str, path: str) -> str:
    """file_id of a (repo, path)."""
    return f"{repo}\x00{path}"


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
