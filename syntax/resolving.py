"""The toolkit every language's import resolver uses (syntax/lang/*: ``resolve``; packing/resolve.py runs them).

Each import becomes candidate repository paths, most specific first; a
candidate matches a file by exact path or by path suffix (CodeGemma's longest
path-suffix match), a module or package resolves to its file, and ambiguity is
broken by directory distance to the importer, then path order. Implicit
references (same package, same namespace) resolve the importer's identifiers
against the names other files declare (``RepoIndex.refs``, ``add_refs``).
Importance grows with how specific the import is and how many names it brings in.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar, Sequence

from repoloom.core.config import num
from repoloom.core.types import FileFacts
from repoloom.syntax import registry


@dataclass
class GraphConfig:
    """Dependency-graph packing (packing/graph.py, packing/resolve.py)."""

    KEY: ClassVar[str] = "graph"
    min_suffix_parts: int = num(2, 1)  # a path-suffix match must keep at least this many trailing parts of the import
    max_fanout: int = num(32, 1)  # edges from one package-level import (Go) when names do not narrow it
    distance_bound: int = num(4, 1)  # BFS hops for nearest-first ordering (farther counts as far)
    segment_penalty: float = num(2.0, 0.0)  # cost of one more segment, in edge-importance units, when cutting
    split_piece_cost: float = num(1.0, 0.0)  # cost of cutting between two pieces of one file
    readd_budget: int = num(300_000, 0)  # work allowed to put back removed edges that close no cycle
    max_files_per_plan: int = num(5000, 1)  # giant repositories are split by directory above this (split_for_planning)


# how much an import says about the dependency, by how it was found
KIND_WEIGHT = {"ref": 0.5, "wildcard": 0.6, "dynamic": 0.6, "suffix": 0.8}


def importance(kind_factor: float, n_names: int, specificity: float = 1.0) -> float:
    return round(kind_factor * specificity * (1.0 + 0.5 * math.log2(1 + min(n_names, 15))), 4)


def parent_dir(path: str) -> str:
    i = path.rfind("/")
    return path[:i] if i >= 0 else ""


def norm(path: str) -> str | None:
    """Normalise a repository-relative path; None when it climbs out of the repository."""
    parts: list[str] = []
    for p in path.split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(p)
    return "/".join(parts)


def dir_distance(a: str, b: str) -> int:
    """Steps between two directories in the tree ('' is the root)."""
    pa = a.split("/") if a else []
    pb = b.split("/") if b else []
    k = 0
    while k < min(len(pa), len(pb)) and pa[k] == pb[k]:
        k += 1
    return len(pa) + len(pb) - 2 * k


class RepoIndex:
    """Lookups over one repository's files, built once per plan."""

    def __init__(self, facts: list[FileFacts], graph: GraphConfig):
        self.min_suffix_parts = int(graph.min_suffix_parts)
        self.max_fanout = int(graph.max_fanout)
        self.facts = {f.path: f for f in facts}
        self.paths = sorted(self.facts)
        self.lang = {f.path: f.language for f in facts}
        self.by_dir: dict[str, list[str]] = defaultdict(list)
        self.suffix: dict[str, list[str]] = defaultdict(list)  # 'b/c.py' -> ['a/b/c.py', ...]
        self.dirs: set[str] = set()
        for p in self.paths:
            d = parent_dir(p)
            self.by_dir[d].append(p)
            parts = p.split("/")
            for i in range(len(parts)):
                self.suffix["/".join(parts[i:])].append(p)
            while d and d not in self.dirs:
                self.dirs.add(d)
                d = parent_dir(d)
        self.dir_suffix: dict[str, list[str]] = defaultdict(list)
        for d in sorted(self.dirs):
            parts = d.split("/")
            for i in range(len(parts)):
                self.dir_suffix["/".join(parts[i:])].append(d)
        # qualified declarations: 'a.b.C' -> files; package -> {simple name -> files}
        self.qualified: dict[str, list[str]] = defaultdict(list)
        self.packages: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.file_packages: dict[str, list[str]] = defaultdict(list)
        self.cache: dict = {}  # per-resolver memo (Go package scopes)
        self.state: dict = {}  # per-language lookups, filled by each language's ``index`` (go.mod modules, ...)
        for f in facts:
            fam = registry.family(f.language) or f.language or ""
            for d in f.declarations:
                if d.startswith("package:"):
                    self.file_packages[f.path].append(d[8:])
            for d in f.declarations:
                if d.startswith("package:"):
                    continue
                self.qualified[d].append(f.path)
                pkg, _, name = d.rpartition(".")
                self.packages[(fam, pkg)][name].append(f.path)
        for lang in registry.languages():
            if lang.index is not None:
                lang.index(self)

    # -- choosing among files
    def nearest(self, importer: str, candidates: Sequence[str]) -> str | None:
        if len(candidates) == 1:  # the common case: no ambiguity
            c = candidates[0]
            return c if c != importer else None
        d = parent_dir(importer)
        best = None
        for c in candidates:
            if c == importer:
                continue
            key = (dir_distance(d, parent_dir(c)), c)
            if best is None or key < best:
                best = key
        return best[1] if best else None

    def exact(self, path: str | None) -> str | None:
        return path if path is not None and path in self.facts else None

    def by_suffix(
        self, importer: str, rel: str, min_parts: int | None = None, root_ok=None
    ) -> tuple[str | None, float]:
        """Longest path-suffix match: the file whose path ends with the most trailing parts of rel.

        Returns (path, share of rel's parts matched); rel is tried whole, then without
        leading parts down to min_parts parts.
        """
        parts = [p for p in rel.split("/") if p not in ("", ".")]
        if not parts or ".." in parts:
            return None, 0.0
        floor = len(parts) if min_parts is None else max(1, min(min_parts, len(parts)))
        if (parts[-1] if floor == 1 else "/".join(parts[-floor:])) not in self.suffix:
            # no path ends with the shortest suffix tried, so none ends with a longer one (most imports: the
            # standard library's and other packages')
            return None, 0.0
        for k in range(len(parts), floor - 1, -1):
            suffix = "/".join(parts[-k:])
            found = self.suffix.get(suffix, ())
            if root_ok is not None:  # the part of the path before the match must be a source root
                found = [p for p in found if root_ok(p[: len(p) - len(suffix)].rstrip("/"))]
            hit = self.nearest(importer, found)
            if hit:
                return hit, k / len(parts)
        return None, 0.0

    def first_of(
        self, importer: str, rels: list[str], min_parts: int | None = None, root_ok=None
    ) -> tuple[str | None, float]:
        for rel in rels:
            hit, spec = self.by_suffix(importer, rel, min_parts, root_ok)
            if hit:
                return hit, spec
        return None, 0.0

    def refs(self, importer: str, scopes: list[dict[str, list[str]]]) -> dict[str, int]:
        """Files declaring names the importer uses, within the given name scopes: path -> names used."""
        out: dict[str, int] = defaultdict(int)
        idents = self.facts[importer].identifiers
        for name in idents:
            for scope in scopes:
                files = scope.get(name)
                if files:
                    hit = self.nearest(importer, files)
                    if hit:
                        out[hit] += 1
                    break
        return out


class Edges:
    def __init__(self):
        self.w: dict[str, float] = defaultdict(float)
        self.resolved = 0

    def add(self, target: str | None, weight: float) -> bool:
        if target:
            self.w[target] += weight
            return True
        return False


def add_refs(ix: RepoIndex, f: FileFacts, e: Edges, scopes: list[tuple[dict, float]]):
    if not scopes:
        return
    by_factor: dict[float, list[dict]] = defaultdict(list)
    for scope, factor in scopes:
        by_factor[factor].append(scope)
    done: set[str] = set()
    for factor in sorted(by_factor, reverse=True):
        for target, n in sorted(ix.refs(f.path, by_factor[factor]).items()):
            if target not in done:
                done.add(target)
                e.add(target, importance(factor, n))
