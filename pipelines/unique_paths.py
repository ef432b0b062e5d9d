"""(repo, path) is unique by construction: of several input files with the same name (duplicate zip
members or table rows, a directory and an archive of one name in a collection, two inputs holding
one repository), the one with the smallest `origin` (input unit path, then member/row/file number)
is kept and the others are dropped as `duplicate_path`. The rule reads no content and no element
order, so every runner and worker count keeps the same copy.

Only keys and origins cross the shuffle; the per-file stage's output is filtered against the
(small) map of duplicated keys to their winning origin.

`identity_mismatch` is the end-of-build invariant: files_kept == distinct (repo, path) in the lineage.
"""

from __future__ import annotations

import apache_beam as beam
from apache_beam.pvalue import AsDict, TaggedOutput

from repoloom.core import counters as C
from repoloom.core.types import Drop
from repoloom.pipelines.kept_file import KeptFile, byte_size

REASON = "duplicate_path"


def _winner(group):
    key, origins = group
    origins = list(origins)
    if len(origins) > 1:
        yield key, min(origins)


def _route(pf: KeptFile, winners: dict):
    win = winners.get((pf.facts.repo, pf.facts.path))
    if win is None or win == pf.origin:
        yield pf
    else:
        yield TaggedOutput(
            "dropped",
            Drop(pf.facts.repo, pf.facts.path, REASON, "another input holds the same repository path", byte_size(pf)),
        )


class UniquePaths(beam.PTransform):
    """kept files -> {"kept": one KeptFile per (repo, path), "dropped": Drop(duplicate_path) for the rest}.

    The winner of each duplicated key is chosen among all files read (`files`, keys and origins
    only), before the per-file stage could drop any copy: which copy wins never depends on content.
    The filter runs on the per-file stage's output, which the local runner holds anyway, so raw
    bytes are never held for it. A losing copy that the per-file stage dropped keeps that reason.
    """

    def __init__(self, files):
        super().__init__()
        self.files = files

    def expand(self, parsed):
        winners = (
            self.files
            | "KeyOrigin" >> beam.Map(lambda f: ((f.repo, f.path), f.origin))
            | "GroupKeys" >> beam.GroupByKey()
            | "Winners" >> beam.FlatMap(_winner)
        )
        out = parsed | "KeepFirst" >> beam.FlatMap(_route, AsDict(winners)).with_outputs("dropped", main="kept")
        return {"kept": out.kept, "dropped": out.dropped}


class CountLineageFiles(beam.PTransform):
    """(repo, path) of each row's lineage entries -> {C.LINEAGE_FILES: distinct (repo, path) among them}."""

    def expand(self, paths):
        return (
            paths
            | "DistinctPaths" >> beam.Distinct()
            | "CountPaths" >> beam.combiners.Count.Globally()
            | "AsStat" >> beam.Map(lambda n: {C.LINEAGE_FILES: n})
        )


def identity_mismatch(stats: dict) -> str | None:
    """Why the output breaks 'one kept file = one (repo, path) in the lineage', or None."""
    kept, written = stats.get(C.FILES_KEPT, 0), stats.get(C.LINEAGE_FILES, 0)
    if kept != written:
        return f"files_kept {kept} != {written} distinct (repo, path) in the lineage"
    return None
