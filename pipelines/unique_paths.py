"""(repo, path) is unique by construction: of several input files with the same name (duplicate zip
members or table rows, a directory and an archive of one name in a collection, two inputs holding
one repository), the one with the smallest `origin` (input unit path, then member/row/file number)
is kept and the others are dropped as `duplicate_path`. The rule reads no content and no element
order, so every runner and worker count keeps the same copy.

Only keys and origins cross the shuffle that picks the winners (`Winners`: a small map of the duplicated
keys to their winning origin). The losing copies leave in dedup (near_dedup.FileDedup): their small dedup
records are filtered against the map before any dedup decision (`first_copy`), and the files themselves
at its one join of files and decisions, keyed by the same id (`is_loser`, `duplicate_drop`). So a kept file
crosses one shuffle there, not also a side-input wait of its own (the local runner encodes and decodes
every file that waits for a side input).

`identity_mismatch` is the end-of-build invariant: files_kept == distinct (repo, path) in the lineage.
"""

from __future__ import annotations

import apache_beam as beam

from repoloom.core import counters as C
from repoloom.core.types import Drop
from repoloom.filters.dedup import path_id
from repoloom.pipelines.kept_file import KeptFile, byte_size

REASON = "duplicate_path"
DETAIL = "another input holds the same repository path"


def _winner(group):
    key, origins = group
    origins = list(origins)
    if len(origins) > 1:
        yield key, min(origins)


class Winners(beam.PTransform):
    """files read -> (dedup file id, winning origin) for each (repo, path) read more than once.

    The winner of each duplicated key is chosen among all files read (keys and origins only), before the
    per-file stage could drop any copy: which copy wins never depends on content. A losing copy that the
    per-file stage dropped keeps that reason."""

    def expand(self, files):
        return (
            files
            | "KeyOrigin" >> beam.Map(lambda f: (path_id(f.repo, f.path), f.origin))
            | "GroupKeys" >> beam.GroupByKey()
            | "Winners" >> beam.FlatMap(_winner)
        )


def is_loser(origin: str, winners) -> bool:
    """Whether a copy with this origin loses to another copy of its (repo, path); winners: the key's
    winning origins (none when the key was read once)."""
    return any(w != origin for w in winners)


def first_copy(origin_and_record, winners: dict):
    """A kept file's dedup record (id, ...) unless its copy loses: only winners take part in dedup."""
    origin, record = origin_and_record
    win = winners.get(record[0])
    if win is None or win == origin:
        yield record


def duplicate_drop(f: KeptFile) -> Drop:
    return Drop(f.facts.repo, f.facts.path, REASON, DETAIL, byte_size(f))


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
