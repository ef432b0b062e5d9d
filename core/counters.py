"""Every counter of stats.json, declared once: its name and what it counts.

Every stage emits additive counters (dicts of name -> number) that the build sums into
stats.json; the report and dataset.json are computed from the sums. A counter is a declared
name, never a string literal in the stage that counts it or the code that reads it:

    from repoloom.core import counters as C
    {C.FILES_KEPT: 1, C.LANG.key(language): 1}      # produce: a counter is its key; a Family makes keys
    stats.get(C.FILES_KEPT, 0), C.DROPPED.items(stats)  # read

A misspelt name is an AttributeError where it is written; a key that no declaration covers
fails ``check`` (run on every build's stats.json by the launcher). To add a counter, declare it
here, in its stage's section.
"""

from __future__ import annotations

import functools
from typing import Iterable, Mapping, Union

Number = Union[int, float]
_COUNTERS: dict[str, str] = {}  # name -> what it counts
_FAMILIES: dict[str, "Family"] = {}


class UndeclaredCounter(KeyError):
    """A stats key that no declaration in core/counters.py covers (a typo, or a counter never declared)."""


def counter(name: str, doc: str) -> str:
    """Declare one stats.json key; returns the key (a plain str, so ``{FILES_KEPT: 1}`` is a counters dict)."""
    if name in _COUNTERS or any(name.startswith(p + ".") for p in _FAMILIES):
        raise ValueError(f"counter {name!r} is declared twice")
    _COUNTERS[name] = doc
    return name


class Family:
    """Keys ``<prefix>.<part>`` for parts known only at run time (a drop reason, a language, a split).
    ``parts``, when given, is the closed set of parts: any other part is an error."""

    def __init__(self, prefix: str, doc: str, parts: Iterable[str] | None = None):
        if prefix in _FAMILIES or any(n.startswith(prefix + ".") for n in _COUNTERS):
            raise ValueError(f"counter family {prefix!r} overlaps an earlier declaration")
        self.prefix, self.doc = prefix, doc
        self.parts = None if parts is None else tuple(parts)
        _FAMILIES[prefix] = self

    def key(self, part: object) -> str:
        part = str(part)
        if not self.allows(part):
            raise UndeclaredCounter(f"{self.prefix}.{part}: {self.prefix} counts only {', '.join(self.parts)}")
        return f"{self.prefix}.{part}"

    def allows(self, part: str) -> bool:
        return bool(part) and (self.parts is None or part in self.parts)

    def items(self, stats: Mapping[str, Number]) -> dict[str, Number]:
        """{part: value} of this family's keys in ``stats``, in key order."""
        head = self.prefix + "."
        return {k[len(head) :]: v for k, v in sorted(stats.items()) if k.startswith(head)}

    def get(self, stats: Mapping[str, Number], part: object) -> Number:
        return stats.get(self.key(part), 0)

    def total(self, stats: Mapping[str, Number]) -> Number:
        return sum(self.items(stats).values())

    def __repr__(self) -> str:
        return f"Family({self.prefix!r})"


def declared(key: str) -> bool:
    if key in _COUNTERS:
        return True
    head = key
    while "." in head:  # the longest declared prefix decides (fim.lang.* before fim.*)
        head, _, _ = head.rpartition(".")
        if head in _FAMILIES:
            return _FAMILIES[head].allows(key[len(head) + 1 :])
    return False


def check(stats: Mapping[str, Number]) -> None:
    """Raise UndeclaredCounter naming every key of ``stats`` that no declaration covers."""
    bad = sorted(k for k in stats if not declared(k))
    if bad:
        raise UndeclaredCounter(f"undeclared counters (declare them in core/counters.py): {', '.join(bad)}")


def add(total: dict[str, Number], counts: Mapping[str, Number]) -> dict[str, Number]:
    """Sum ``counts`` into ``total`` (returned)."""
    for k, v in counts.items():
        total[k] = total.get(k, 0) + v
    return total


SPLITS = ("train", "validation")

# --- reading (pipelines/sources.py, pipelines/build.py)
FILES_IN = counter("files_in", "input files read, kept or dropped (files_in == files_kept + sum of dropped.*)")
BYTES_IN = counter("bytes_in", "bytes of the input files")
DROPPED = Family("dropped", "files dropped, by reason (drops/<reason>.parquet lists them)")
DROPPED_BYTES = Family("dropped_bytes", "bytes of the dropped files, by reason")

# --- per-file stage (filters/)
PII = Family("pii", "PII and secrets redacted in kept files, by kind")
DECONTAM_HITS = Family("decontam.hits", "files dropped as contaminated, by benchmark")


# --- dedup (filters/dedup.py, pipelines/near_dedup.py); one namespace per level
class Dedup:
    """The counters of one dedup level (exact, near, repo): duplicate clusters and what they dropped."""

    def __init__(self, level: str):
        self.level = level
        self.clusters = counter(f"dedup.{level}.clusters", f"{level}-duplicate clusters (two or more copies)")
        self.cluster_size = Family(f"dedup.{level}.cluster_size", "clusters by size (exact to 10, then buckets)")
        self.files_dropped = counter(f"dedup.{level}.files_dropped", "copies dropped (all but the keeper)")
        self.cc_unsettled = counter(
            f"dedup.{level}.cc_unsettled", "files kept because connected components did not converge (dedup.cc=rounds)"
        )


DEDUP_EXACT, DEDUP_NEAR, DEDUP_REPO = Dedup("exact"), Dedup("near"), Dedup("repo")
NEAR_SIGNED = counter("dedup.near.signed", "files given a MinHash signature (long enough to shingle)")
NEAR_TOO_SHORT = counter("dedup.near.too_short", "files too short to shingle (never near duplicates)")

# --- pieces (pipelines/build.py MakePieces): kept files, after dedup
FILES_KEPT = counter("files_kept", "files kept (each is one (repo, path) in the lineage)")
BYTES_KEPT = counter("bytes_kept", "UTF-8 bytes of the kept files")
PIECES = counter("pieces", "pieces the kept files were cut into (a short file is one piece)")
LANG = Family("lang", "kept files by language")

# --- FIM (fim/stats.py), one decision per piece; each also per language as fim.lang.<language>.<name>
FIM_PIECES = counter("fim.pieces", "FIM decisions taken (one per piece)")
FIM_FILES = counter("fim.files", "files (counted on their first piece)")
FIM_APPLIED = counter("fim.applied", "pieces split into prefix, middle and suffix")
FIM_NONE = counter("fim.none", "pieces left whole")
FIM_PSM = counter("fim.psm", "applied pieces in PSM layout")
FIM_SPM = counter("fim.spm", "applied pieces in SPM layout")
FIM_MIDDLE_CHARS = counter("fim.middle_chars", "sum of middle lengths in characters")
FIM_MIDDLE_TOKENS = counter("fim.middle_tokens", "sum of middle lengths in tokens")
FIM_METHOD = Family("fim.method", "applied pieces by span method (node, span, random, line)")
FIM_CONTEXT_TRIMMED = counter(
    "fim.context.trimmed_tokens", "context-level FIM only: tokens cut from segment tails to fit the sentinels"
)
FIM_MODES = {"psm": FIM_PSM, "spm": FIM_SPM}


class _PerLanguage(Family):
    """fim.lang.<language>.<fim counter without its fim. head>."""

    def key(self, part: object) -> str:
        raise TypeError("use fim_by_language(counter, language)")

    def allows(self, part: str) -> bool:
        lang, _, name = part.partition(".")
        return bool(lang) and name != "" and declared(f"fim.{name}") and not name.startswith("lang.")


FIM_LANG = _PerLanguage("fim.lang", "the fim.* counters per language: fim.lang.<language>.<name>")


@functools.lru_cache(maxsize=4096)  # called for every FIM decision
def fim_by_language(key: str, language: str) -> str:
    """The per-language twin of a fim.* key: fim.psm -> fim.lang.<language>.psm."""
    if not key.startswith("fim.") or key.startswith(FIM_LANG.prefix + ".") or not declared(key):
        raise UndeclaredCounter(f"{key} is not a fim counter")
    return f"{FIM_LANG.prefix}.{language}.{key[len('fim.') :]}"


def fim_languages(stats: Mapping[str, Number]) -> list[str]:
    return sorted({part.split(".", 1)[0] for part in FIM_LANG.items(stats)})


def fim_of_language(stats: Mapping[str, Number], language: str) -> dict[str, Number]:
    """One language's fim counters under their overall names (fim.lang.go.psm -> fim.psm)."""
    head = language + "."
    return {"fim." + k[len(head) :]: v for k, v in FIM_LANG.items(stats).items() if k.startswith(head)}


# --- planning (packing/resolve.py, graph.py, testpairs.py, plan.py), per repository
GRAPH_IMPORTS = counter("graph.imports", "imports extracted (module-level declarations excluded)")
GRAPH_IMPORTS_RESOLVED = counter("graph.imports_resolved", "imports resolved to a file of the same repository")
GRAPH_FILES = counter("graph.files", "files in dependency graphs")
GRAPH_EDGES = counter("graph.edges", "dependency edges before cycles were broken")
GRAPH_FILES_WITH_EDGES = counter("graph.files_with_edges", "files with at least one edge")
GRAPH_CYCLES_BROKEN = counter("graph.cycles_broken", "cycles broken by removing their weakest edges")
GRAPH_REMOVED_EDGES = counter("graph.removed_edges", "edges removed to break cycles")
GRAPH_EDGES_KEPT = counter("graph.edges_kept", "edges after cycles were broken")
GRAPH_EDGES_IN_SEGMENT = counter("graph.edges_in_segment", "kept edges whose two files the planner put in one segment")
GRAPH_EDGES_DEP_FIRST = counter("graph.edges_dep_first", "kept edges whose dependency comes first in the order")
TESTS_FILES = counter("tests.files", "test files")
TESTS_SUPPORT = counter("tests.support", "test support files (fixtures, helpers)")
TESTS_INLINE = counter("tests.inline", "files holding their own tests")
TESTS_PAIRED = counter("tests.paired", "test files placed beside their subject")
TESTS_RULE = Family("tests.rule", "paired test files by the rule that paired them")
PLAN_REPOS = counter("plan.repos", "repositories planned")
PLAN_GROUPS = counter("plan.groups", "planning groups (a giant repository is planned in several)")
PLAN_FILES = counter("plan.files", "files planned")
PLAN_SEGMENTS = counter("plan.segments", "segments the planner cut")
PLAN_UNPLACED_PIECES = counter("plan.unplaced_pieces", "pieces the plan did not place (should stay 0)")
PLAN_FAILED_REPOS = counter(
    "plan.failed_repos",
    "repositories whose planning raised, planned in path order without edges or test pairs (should stay 0; the log names the exception)",
)

# --- packing (packing/rows.py), per row
PACKING_SEGMENTS = counter("packing.segments", "segments in rows")
PACKING_SEGMENT_TOKENS = Family("packing.segment_tokens", "segments by length, in tenths of seq_len")
PACKING_PARTS = counter("packing.parts", "pieces in rows")
PACKING_FILES_SPLIT = counter("packing.files_split", "files in more than one piece")
PACKING_CONTEXT_TOKENS = counter("packing.context_tokens", "same-repository tokens before each piece, summed")
PACKING_EDGES_IN_SEGMENT = counter("packing.edges_in_segment", "kept edges whose two files share a segment in the rows")
PACKING_CUT = Family("packing.cut", "why pieces were cut or rows closed early (and slack_tokens: the padding it left)")

# --- writing (pipelines/build.py WriteShard, pipelines/unique_paths.py)
ROWS = Family("rows", "rows written, by split", SPLITS)
TOKENS = Family("tokens", "tokens in rows that are not padding, by split", SPLITS)
PADDING = Family("padding", "padding tokens, by split", SPLITS)
FILL = Family("fill", "rows by share of tokens that are not padding (deciles)")
LINEAGE_FILES = counter("lineage_files", "distinct (repo, path) in the lineage (must equal files_kept)")
