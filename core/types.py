"""The plain data that flows between stages. No behaviour beyond trivial helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SourceFile:
    """One file as read from a source: raw bytes, not yet decoded or judged."""

    repo: str
    path: str  # relative to the repository root, '/'-separated
    data: bytes
    meta: dict[str, Any] = field(default_factory=dict)  # license, stars, ... from tables
    # where in its input unit the file was found (member or row number): when two inputs give the same
    # (repo, path), the smallest (unit, origin) is kept, whatever the content or runner
    origin: str = ""


@dataclass
class Drop:
    """A file (or an unreadable input) that will not reach a shard, and why."""

    repo: str
    path: str
    reason: str
    detail: str = ""
    size: int = 0


@dataclass
class FileFacts:
    """What later stages need from one file, extracted by the single parse (DESIGN rule 2).

    Facts travel without the text so per-repository grouping stays small.
    """

    repo: str
    path: str
    language: str | None
    size: int  # characters of (redacted) text
    sha: str  # hash of normalised content, for exact dedup
    parse_ok: bool = True
    error_ratio: float = 0.0  # share of the text under ERROR/MISSING nodes
    imports: list[Any] = field(default_factory=list)  # language-specific import records
    declarations: list[str] = field(default_factory=list)  # names/namespaces/packages this file declares
    test: dict[str, Any] = field(default_factory=dict)  # test signals found in the parse
    identifiers: list[str] = field(default_factory=list)
    fim_nodes: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, parent index) char offsets
    scores: dict[str, float] = field(default_factory=dict)  # quality scores, kept for tag-then-filter
    redactions: dict[str, int] = field(default_factory=dict)  # kind -> count
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedFile:
    """A kept file after the per-file stage: its (redacted) text and its facts."""

    text: str
    facts: FileFacts
    origin: str = ""  # SourceFile.origin: which copy of a duplicated (repo, path) this is


@dataclass
class Piece:
    """A tokenized piece of one file: the whole file, or the part of a long file that fits one segment.

    ``tokens`` are laid out as ``path↵`` + body (FIM applied inside the body);
    the file separator is added when pieces are joined into a segment.
    """

    repo: str
    path: str
    index: int  # piece number within the file
    tokens: list[int]
    char_span: tuple[int, int]  # the piece's span in the file text
    fim: dict[str, Any] = field(default_factory=dict)  # mode, method, middle span; empty = no FIM


@dataclass
class Segment:
    """An ordered run of pieces from one repository, laid out `<bos>…<eos>`, at most seq_len tokens."""

    repo: str
    index: tuple[int, int]  # (planning group, segment number) within the repository
    tokens: list[int]
    lineage: list[dict[str, Any]]  # per piece: path, piece, token span within the segment, fim mode
