"""Resolve import records (syntax/imports.py) to files of the same repository.

Each language's rules are its registry entry's ``resolve`` (syntax/lang/), built on the toolkit in
syntax/resolving.py (longest path-suffix match, nearest file, declared-name scopes). Anything that
matches no file is outside the repository: it stays in the facts and makes no edge.

The result per importer is {imported path: importance}; importance grows with
how specific the import is and how many names it brings in.
"""

from __future__ import annotations

from repoloom.core import counters as C
from repoloom.core.types import FileFacts
from repoloom.syntax import registry
from repoloom.syntax.resolving import GraphConfig
from repoloom.syntax.resolving import Edges, RepoIndex, dir_distance

__all__ = ["dir_distance", "resolve_repository"]


def resolve_repository(
    facts: list[FileFacts], graph: GraphConfig | None = None
) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Edges {importer: {imported: importance}} for one repository, and counters."""
    ix = RepoIndex(facts, graph or GraphConfig())
    config_kinds = {k for lang in registry.languages() for k in lang.config_kinds}
    edges: dict[str, dict[str, float]] = {}
    stats = {C.GRAPH_IMPORTS: 0, C.GRAPH_IMPORTS_RESOLVED: 0}
    for p in ix.paths:
        f = ix.facts[p]
        lang = registry.get(f.language)
        if lang is None:
            continue
        e = Edges()
        lang.resolve(ix, f, e)
        e.w.pop(p, None)  # a file never depends on itself
        stats[C.GRAPH_IMPORTS] += sum(1 for r in f.imports if r.get("kind") not in config_kinds)
        stats[C.GRAPH_IMPORTS_RESOLVED] += e.resolved
        if e.w:
            edges[p] = {k: round(v, 4) for k, v in sorted(e.w.items())}
    return edges, stats
