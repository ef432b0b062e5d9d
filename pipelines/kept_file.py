"""A kept file as it crosses the build's shuffles: facts, token ids as bytes, counters; no text.

The per-file stage does all the work that needs the text in one place (gate, parse, FIM, tokenize,
MinHash signature), so the text never crosses a shuffle: the local runner holds every pending
shuffle in memory, and token ids packed two bytes each are smaller than the text they encode.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from repoloom.core.records import pack_ids
from repoloom.core.types import FileFacts, ParsedFile, Piece
from repoloom.filters import minhash
from repoloom.filters.dedup import DedupConfig


@dataclass
class KeptFile:
    facts: FileFacts  # as the planner needs them: FIM candidates stay behind (they are per-file only)
    pieces: list[tuple]  # (index, pack_ids bytes, char span, fim) per piece, in order
    counters: dict[str, int] = field(default_factory=dict)  # the file's stats, counted once it survives dedup
    nbytes: int = 0  # UTF-8 bytes of the redacted text (Drop.size)
    signature: bytes | None = None  # MinHash signature, when file or repository near dedup is on
    origin: str = ""  # SourceFile.origin: which copy of a duplicated (repo, path) this is


def compact_pieces(pieces: list[Piece]) -> list[tuple]:
    return [(p.index, pack_ids(p.tokens), tuple(p.char_span), p.fim) for p in pieces]


def planning_facts(f: FileFacts) -> FileFacts:
    """Facts as the planner needs them: FIM candidates stay behind (they are per-file only)."""
    return replace(f, fim_nodes=[])


def kept_file(pf: ParsedFile, pieces: list[Piece], counters: dict, d: DedupConfig, seed: int) -> KeptFile:
    sig = minhash.signature(pf.text, d, seed, pf.facts.language) if d.near or d.repo_level else None
    return KeptFile(
        planning_facts(pf.facts),
        compact_pieces(pieces),
        counters,
        len(pf.text.encode("utf-8", "surrogatepass")),
        None if sig is None else sig.tobytes(),
        pf.origin,
    )


def byte_size(f: KeptFile | ParsedFile) -> int:
    """Drop.size in bytes of a kept file, with or without its text."""
    return f.nbytes if isinstance(f, KeptFile) else len(f.text.encode("utf-8", "surrogatepass"))


def signature_bytes(f: KeptFile | ParsedFile, d: DedupConfig, seed: int) -> bytes | None:
    """The file's MinHash signature bytes (None when too short to shingle)."""
    if isinstance(f, KeptFile):
        return f.signature
    sig = minhash.signature(f.text, d, seed, f.facts.language)
    return None if sig is None else sig.tobytes()
