"""The build job: repositories in, ArrayRecord shards out (DESIGN.md data flow), as six named composites:

    ReadAndJudge  read; per file: gate, redaction, the one parse, FIM + tokenize into pieces, MinHash
                  signature; which copy of a (repo, path) read twice wins. Out: KeptFile (facts + token ids
                  as bytes, no text)
    Dedup         one copy per (repo, path), then exact then near dedup (small records cross its shuffles),
                  repository-level if configured
    Plan          per repository (facts only, giant ones split into planning groups): graph, order, segments
    Assemble      pieces joined to their places, keyed by packing bucket
    Pack          rows per bucket (packing/rows.py); the buckets' partial last rows packed together
    Write         the sink (sink.WriteOutput): split/shard by row hash -> shards, lineage, drops, stats.json

Every stage emits additive counters; they are summed into stats.json. What crosses a shuffle is bytes
(token ids two bytes each, pickled facts), because the local runner holds pending shuffles decoded.
Randomness and ordering come from hashes of (seed, keys), never element order.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any, Tuple

import apache_beam as beam
import numpy as np
from apache_beam.pvalue import TaggedOutput
from apache_beam.transforms.window import GlobalWindows

from repoloom.core import counters as C
from repoloom.core.config import section
from repoloom.core.rand import stable_hash, uniform
from repoloom.core.records import dumps, loads, pack_ids, packed_len, unpack_ids
from repoloom.core.tokenizer import Tokenizer
from repoloom.core.types import Drop, ParsedFile
from repoloom.filters import decontam
from repoloom.filters.dedup import DedupConfig
from repoloom.fim import stats as fim_stats
from repoloom.fim.context import context_fim, fim_token_body
from repoloom.fim.lines import encode_ids
from repoloom.fim.pieces import file_pieces, reads_nodes
from repoloom.fim.split import FimConfig
from repoloom.packing.graph import split_for_planning
from repoloom.packing.plan import PlanConfig, plan_repository
from repoloom.packing.rows import (
    METHODS,
    SEGMENTS,
    Cutter,
    PackingConfig,
    Part,
    line_slack,
    pack_segments,
    pack_streams,
    row_counters,
    row_length,
    segment_tokens,
    tail_streams,
    token_tables,
)
from repoloom.pipelines import malloc, progress, sink
from repoloom.pipelines.config import OutputConfig, gate_config, plan_config
from repoloom.pipelines.filestage import error_drop, process_files
from repoloom.pipelines.kept_file import KeptFile, kept_file
from repoloom.pipelines.near_dedup import FileDedup, RepoNearDedup
from repoloom.pipelines.sources import Unit, read_unit, slice_unit
from repoloom.pipelines.unique_paths import Winners
from repoloom.syntax.languages import detect_language
from repoloom.syntax.resolving import GraphConfig

DROP, STATS, WINNERS = "drop", "stats", "winners"
PROGRESS = logging.getLogger("repoloom.progress")


def drop_counters(d: Drop) -> dict[str, int]:
    c = {C.DROPPED.key(d.reason): 1, C.DROPPED_BYTES.key(d.reason): d.size}
    if d.reason == decontam.REASON:  # contamination hits by benchmark
        c.update(decontam.hit_counters(d.detail))
    return c


_TOKENIZERS: dict[bytes, Tokenizer] = {}
_TABLES: dict[int, tuple[Tokenizer, tuple]] = {}


def shared_tokenizer(model: bytes) -> Tokenizer:
    """One Tokenizer per model in a process, shared by the stages that encode or cut (its token tables are
    built once; SentencePiece encodes from several threads)."""
    key = hashlib.blake2b(model, digest_size=16).digest()
    tok = _TOKENIZERS.get(key)
    if tok is None:
        if len(_TOKENIZERS) >= 4:  # a process that builds with many models keeps the last few
            _TOKENIZERS.clear()
            _TABLES.clear()
        tok = _TOKENIZERS[key] = Tokenizer(model)
    return tok


class TokenizerModel:
    """The SentencePiece model as the job's DoFns carry it: its digest and where the launcher staged it
    (the output's tokenizer.model, written before the job starts), not its bytes. Beam pickles a DoFn
    (bz2 at level 9) several times while it builds and translates the job and unpickles it for every
    bundle processor: carrying a 0.5 MB model that way took 0.6 s of a demo build's 2 s, and a 4 MB
    model (Gemma's) several seconds. A process loads the model once: from its own cache when it is the
    launcher's process (the local runner), else from the staged file, checked against the digest."""

    def __init__(self, model: bytes, staged: str):
        self.digest, self.staged = hashlib.blake2b(model, digest_size=16).digest(), staged

    def load(self) -> Tokenizer:
        tok = _TOKENIZERS.get(self.digest)
        if tok is not None:
            return tok
        model = sink.read_bytes(self.staged)
        if hashlib.blake2b(model, digest_size=16).digest() != self.digest:
            raise RuntimeError(f"{self.staged} is not the tokenizer this job was built with")
        return shared_tokenizer(model)


def load_tokenizer(model: bytes | TokenizerModel) -> Tokenizer:
    """The Tokenizer of a DoFn's model: given as bytes (a DoFn made outside the job) or as a TokenizerModel."""
    return model.load() if isinstance(model, TokenizerModel) else shared_tokenizer(model)


def shared_token_tables(tok: Tokenizer) -> tuple:
    """packing.rows.token_tables of a tokenizer, once per Tokenizer object (a loop over the vocabulary)."""
    hit = _TABLES.get(id(tok))
    if hit is None or hit[0] is not tok:  # the Tokenizer is held, so its id is not reused while cached
        hit = _TABLES[id(tok)] = (tok, token_tables(tok))
    return hit[1]


class ReadUnits(beam.DoFn):
    def __init__(self, cfg: dict):
        self.max_bytes = cfg["max_file_bytes"]

    def process(self, unit):
        unit, n = Unit(*unit), 0
        for x in read_unit(unit, self.max_bytes):
            n += 1
            if isinstance(x, Drop):
                yield TaggedOutput(DROP, x)
            else:
                progress.count("files_read")
                yield x
        if unit.part == 0:  # a unit read in slices counts once
            progress.count("units_read")
        where = f" (slice {unit.part + 1} of {unit.parts})" if unit.parts > 1 else ""
        PROGRESS.info("read %s %s%s: %d files", unit.kind, unit.name or unit.path, where, n)


class JudgeFiles(beam.DoFn):
    """Everything a file's text is needed for, in one place: gate, redaction, the one parse, FIM + tokenize
    into pieces, MinHash signature. Out goes a KeptFile (facts, token ids as bytes, counters) or a Drop;
    the text never crosses a shuffle. An unexpected error drops that file (reason 'error'), never the job.

    Files are taken in small batches (BATCH_FILES files or BATCH_BYTES bytes, whichever comes first; the
    rest at the end of the bundle) and each phase runs over the whole batch (filestage.process_files, then
    the pieces and signatures): the same outputs as file by file, for less CPU."""

    BATCH_FILES = 64
    BATCH_BYTES = 16 << 20  # bounds the batch's memory when files are large

    def __init__(self, cfg: dict, tokenizer: bytes | TokenizerModel):
        self.cfg, self.fim, self.tokenizer = cfg, section(cfg, FimConfig), tokenizer
        self.gate, self.dedup = gate_config(cfg), section(cfg, DedupConfig)

    def setup(self):
        self.tok = load_tokenizer(self.tokenizer)
        malloc.return_freed_memory()  # the first stage of every worker process: shuffles it frees go back

    def start_bundle(self):
        self.batch, self.batch_bytes = [], 0

    def process(self, f):
        self.batch.append(f)
        self.batch_bytes += len(f.data)
        if len(self.batch) >= self.BATCH_FILES or self.batch_bytes >= self.BATCH_BYTES:
            yield from self.judge(self._take())

    def finish_bundle(self):
        for out in self.judge(self._take()):  # outputs of finish_bundle carry their window
            if isinstance(out, TaggedOutput):
                yield TaggedOutput(out.tag, GlobalWindows.windowed_value(out.value))
            else:
                yield GlobalWindows.windowed_value(out)

    def _take(self) -> list:
        batch, self.batch, self.batch_bytes = self.batch, [], 0
        return batch

    def judge(self, files: list):
        """The outputs for a batch of files: a KeptFile or a TaggedOutput(DROP, Drop) per file."""
        parsed = []
        wholes: dict[int, np.ndarray] = {}  # id(text) -> its encoding, worked out before the parse

        def before_parse(f, text: str) -> bool:
            """Encode the kept text first, so the parse knows whether its pieces read FIM candidate nodes."""
            try:
                whole = wholes[id(text)] = encode_ids(self.tok, text)
                return reads_nodes(
                    text, whole, f.repo, f.path, self.tok, self.fim, self.cfg["seq_len"], self.cfg["seed"]
                )
            except Exception:  # noqa: BLE001 - file_pieces meets the same error again and drops the file
                wholes.pop(id(text), None)
                return True

        for f, out in zip(files, process_files(files, self.gate, before_parse)):
            progress.count("files_done")
            if isinstance(out, Drop):
                yield TaggedOutput(DROP, out)
            else:
                out.origin = f.origin
                parsed.append(out)
        pieces = []
        for pf in parsed:
            facts = pf.facts
            try:
                whole = wholes.get(id(pf.text))
                pieces.append(
                    file_pieces(pf.text, facts, self.tok, self.fim, self.cfg["seq_len"], self.cfg["seed"], whole)
                )
            except Exception as e:  # noqa: BLE001 - accounted for, with the exception named
                pieces.append(error_drop(facts.repo, facts.path, e, facts.size))
        for pf, ps in zip(parsed, pieces):
            if isinstance(ps, Drop):
                yield TaggedOutput(DROP, ps)
            else:
                yield kept_file(pf, ps, self.kept_counters(pf, ps), self.dedup, self.cfg["seed"])

    def kept_counters(self, pf: ParsedFile, pieces) -> dict[str, int]:
        """The file's stats; they count only if it survives dedup (emitted after it, by KeptStats)."""
        facts = pf.facts
        counters = {
            C.FILES_KEPT: 1,
            C.BYTES_KEPT: len(pf.text.encode("utf-8", "surrogatepass")),
            C.PIECES: len(pieces),
            C.LANG.key(facts.language): 1,
        }
        for kind, n in facts.redactions.items():
            counters[C.PII.key(kind)] = counters.get(C.PII.key(kind), 0) + n
        if self.fim.level == "document":  # context level counts its FIM after packing
            for p in pieces:
                fim_stats.add(counters, fim_stats.piece_counters(p, facts.language))
        return counters


def plan_item(k: KeptFile):
    """(repo, path, pickled (facts, piece lengths)): what planning needs of a kept file."""
    return k.facts.repo, k.facts.path, dumps((k.facts, [packed_len(p[1]) for p in k.pieces]))


def planning_groups(group, max_files: int):
    """Split a repository's paths into bounded planning groups (giant repositories are planned in parts)."""
    repo, paths = group
    for gi, members in enumerate(split_for_planning(list(paths), max_files)):
        for path in members:
            yield ((repo, path), gi)


def group_facts(group):
    (repo, _), joined = group
    for gi in joined["group"]:
        for item in joined["item"]:
            yield ((repo, gi), item)


def plan_repo(group, p: PlanConfig):
    (repo, gi), items = group
    items = sorted((loads(it) for it in items), key=lambda it: it[0].path)
    plan = plan_repository(repo, items, p)
    removed = set(plan.removed_edges)
    imports: dict[str, list[str]] = {}
    for u, v in plan.edges:  # kept edges travel with their importer's pieces (edges-in-segment after packing)
        if (u, v) not in removed:
            imports.setdefault(u, []).append(v)
    for s, seg in enumerate(plan.segments):
        for pos, (path, piece) in enumerate(seg):
            yield ((repo, path), (gi, s, pos, piece, tuple(imports.get(path, ()))))
    stats = dict(plan.stats)
    stats[C.PLAN_REPOS] = int(gi == 0)  # a repository planned in several groups counts once
    stats[C.PLAN_GROUPS] = 1
    yield TaggedOutput(STATS, stats)


def join_pieces(group, packing: PackingConfig, seed: int):
    """Each placed piece, compact (token ids as pack_ids bytes), keyed by its bucket: a planning group's whole
    stream lands in one bucket, so packing can lay it out in order."""
    (repo, path), joined = group
    pieces_lists = list(joined["pieces"])
    placements = list(joined["place"])
    if not pieces_lists:
        return
    language, kept_pieces = loads(pieces_lists[0])
    pieces = {p[0]: p for p in kept_pieces}  # (index, packed ids, char span, fim): KeptFile.pieces
    placed = set()
    buckets = packing.buckets
    for gi, s, pos, idx, imports in placements:
        placed.add(idx)
        _, ids, span, fim = pieces[idx]
        bucket = stable_hash(seed, "bucket", repo, gi) % buckets
        yield (bucket, dumps(((repo, gi), s, pos, path, idx, ids, tuple(span), fim, imports, language)))
    if placed != set(pieces):
        yield TaggedOutput(STATS, {C.PLAN_UNPLACED_PIECES: len(set(pieces) - placed)})


def make_cutter(tok: Tokenizer, cfg: dict) -> Cutter:
    """The stream packer's cutter: line ends from the vocabulary; document-level FIM re-applied to cut parts
    (with the FIM counters moved from the cut piece to its parts)."""
    line_end, continuation = shared_token_tables(tok)
    packing = section(cfg, PackingConfig)
    refim = on_cut = None
    fim = section(cfg, FimConfig)
    # the text of the last body measured: a cut measures its first part, then re-FIMs that same part
    measured: list = [None, ""]

    def char_count(ids: np.ndarray) -> int:  # ids: a slice of Part.tokens
        text = tok.decode(ids.tolist())
        measured[0], measured[1] = ids, text
        return len(text)

    if fim.level == "document":

        def refim(path, char_start, body):
            m = measured[0]
            text = measured[1] if m is not None and len(m) == len(body) and np.array_equal(m, body) else None
            return fim_token_body(tok, body, fim, cfg["seed"], "", path, char_start, text)

        def on_cut(part, first, rest):
            lang = part.language or detect_language(part.path)  # a shebang script's language is not in its path
            delta = {k: -v for k, v in fim_stats.fim_counters(part.fim, lang, first=False).items()}
            for x in (first, rest):
                fim_stats.add(delta, fim_stats.fim_counters(x.fim, lang, first=False))
            fim_stats.add(cutter.counters, delta)

    fim_ids = (tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix"))
    cutter = Cutter(
        line_end,
        continuation,
        char_count,
        fim_ids,
        refim,
        line_slack(packing, cfg["seq_len"]),
        packing.min_part_tokens,
        on_cut,
    )
    return cutter


def streams_of(items, tok: Tokenizer) -> list[tuple[Any, list[Part]]]:
    """A bucket's placed pieces as streams: one per planning group, in planned order."""
    by_key: dict = {}
    for key, s, pos, path, idx, data, span, fim, imports, language in map(loads, items):
        by_key.setdefault(tuple(key), []).append((s, pos, path, idx, data, span, fim, imports, language))
    headers: dict[str, int] = {}
    streams = []
    for key in sorted(by_key):
        parts = []
        for s, _, path, idx, data, span, fim, imports, language in sorted(by_key[key], key=lambda x: (x[0], x[1])):
            if path not in headers:
                headers[path] = len(tok.encode(path + "\n"))
            parts.append(
                Part(path, idx, unpack_ids(data), headers[path], tuple(span), fim, tuple(imports), s, language)
            )
        streams.append((key, parts))
    return streams


class PackRows(beam.DoFn):
    """One bucket's streams into rows (packing/rows.py; then context-level FIM if configured). With the
    stream method the bucket's partial last row goes out as ``tail``, to be packed with the other tails."""

    TAIL = "tail"

    def __init__(self, cfg: dict, special: dict[str, int], tokenizer: bytes | TokenizerModel):
        self.cfg, self.special, self.tokenizer = cfg, special, tokenizer
        self.fim = section(cfg, FimConfig)
        self.context = self.fim.level == "context"
        self.method, self.output = section(cfg, PackingConfig).method, section(cfg, OutputConfig)
        if self.method not in METHODS:
            raise ValueError(f"packing.method must be one of {METHODS}, not {self.method!r}")

    def setup(self):
        self.tok = load_tokenizer(self.tokenizer)
        self.cutter = make_cutter(self.tok, self.cfg)

    def process(self, group):
        bucket, items = group
        streams = streams_of(items, self.tok)
        seq_len = self.cfg["seq_len"]
        if self.method == SEGMENTS:
            rows = pack_segments(streams, seq_len)
        else:
            self.cutter.counters = {}
            rows = pack_streams(streams, seq_len, self.cutter)
            yield TaggedOutput(STATS, self.cutter.counters)
            if rows and row_length(rows[-1]) < seq_len:
                yield TaggedOutput(self.TAIL, (0, (bucket, tail_streams(rows.pop()))))
        for b, row in enumerate(rows):
            yield from self.emit(row, stable_hash(self.cfg["seed"], "row", bucket, b))

    def pack_tails(self, group):
        """The partial last rows of all buckets, packed together: at most one partial row in the job."""
        _, tails = group
        streams = [st for _, sts in sorted(tails, key=lambda t: t[0]) for st in sts]
        self.cutter.counters = {}
        rows = pack_streams(streams, self.cfg["seq_len"], self.cutter)
        yield TaggedOutput(STATS, self.cutter.counters)
        for b, row in enumerate(rows):
            yield from self.emit(row, stable_hash(self.cfg["seed"], "row", "tail", b))

    def emit(self, row, key):
        seed, val, sp = self.cfg["seed"], self.output.validation_fraction, self.special
        built = [segment_tokens(parts, sp["bos"], sp["eos"], sp["file_separator"]) for _, parts in row]
        tokens = [t for t, _ in built]
        spans = [sp_ for _, sp_ in built]
        lineages = [
            [
                {
                    "path": p.path,
                    "piece": p.number,
                    "token_start": a,
                    "token_end": b,
                    "char_start": p.char_span[0],
                    "char_end": p.char_span[1],
                    "fim_mode": p.fim.get("mode", ""),
                    "fim_method": p.fim.get("method", ""),
                }
                for p, (a, b) in zip(parts, sp_)
            ]
            for (_, parts), sp_ in zip(row, spans)
        ]
        yield TaggedOutput(STATS, row_counters(row, spans, self.cfg["seq_len"]))
        if self.context:
            languages = [[p.language for p in parts] for _, parts in row]
            tokens, lineages, counters = self._context_fim(tokens, lineages, key, languages)
            yield TaggedOutput(STATS, counters)
        split = "validation" if uniform(seed, "split", key) < val else "train"
        lineage, offset = [], 0
        for k, ((skey, _), seg_lineage, seg) in enumerate(zip(row, lineages, tokens), start=1):
            for piece in seg_lineage:
                lineage.append(
                    {
                        **piece,
                        "repo": skey[0],
                        "segment": k,
                        "token_start": piece["token_start"] + offset,
                        "token_end": piece["token_end"] + offset,
                    }
                )
            offset += len(seg)
        # the row crosses the shard shuffle compact: its ids packed, its segment lengths, its lineage pickled;
        # WriteShard lays out the record (segment ids and positions follow from the lengths)
        yield (
            split,
            key,
            (pack_ids(np.concatenate(tokens) if tokens else []), tuple(len(seg) for seg in tokens)),
            dumps(lineage),
        )

    @property
    def pad_id(self):
        return self.special["pad"]

    def _context_fim(self, tokens, lineages, key, languages):
        """FIM after packing (FIM paper's context level); lineage follows the moved token spans."""
        cf = context_fim([t.tolist() for t in tokens], self.tok, self.fim, self.cfg["seed"], key, languages)
        new = []
        for s, lineage in enumerate(lineages):
            files = [f for f in cf.files if f["segment"] == s]
            new.append(
                [
                    {
                        **piece,
                        "token_start": f["token_start"],
                        "token_end": f["token_end"],
                        "fim_mode": f["mode"],
                        "fim_method": f["method"],
                    }
                    for piece, f in zip(lineage, files)
                ]
            )
        return cf.segments, new, cf.counters


class PackTails(PackRows):
    def process(self, group):
        yield from self.pack_tails(group)


class ReadAndJudge(beam.PTransform):
    """units -> {"files": KeptFile, "winners": unique_paths.Winners, "drops": Drop, "stats": files_in counters}:
    read, the per-file stage (filters, parse, pieces, signature), and the winning copy of each (repo, path)
    read more than once (the others leave in Dedup)."""

    def __init__(self, units: list, cfg: dict, tokenizer: bytes | TokenizerModel):
        super().__init__()
        self.units, self.cfg, self.tokenizer = [tuple(u) for u in units], cfg, tokenizer

    def expand(self, p):
        read = (
            p
            | "Units" >> beam.Create(self.units)
            | "SpreadUnits" >> beam.Reshuffle()
            | "Slice" >> beam.FlatMap(slice_unit)  # a large directory in slices, so workers share it
            | "SpreadSlices" >> beam.Reshuffle()
            | "Read" >> beam.ParDo(ReadUnits(self.cfg)).with_outputs(DROP, main="files")
        )
        files_in = read.files | "CountIn" >> beam.ParDo(
            sink.SumPerBundle(lambda f: {C.FILES_IN: 1, C.BYTES_IN: len(f.data)})
        )
        read_drop_in = read[DROP] | "CountReadDropsIn" >> beam.ParDo(
            sink.SumPerBundle(lambda d: {C.FILES_IN: 1, C.BYTES_IN: d.size})
        )
        judged = read.files | "PerFile" >> beam.ParDo(JudgeFiles(self.cfg, self.tokenizer)).with_outputs(
            DROP, main="kept"
        )
        return {
            "files": judged.kept,
            WINNERS: read.files | "UniquePaths" >> Winners(),
            "drops": (read[DROP], judged[DROP]) | "Drops" >> beam.Flatten(),
            STATS: (files_in, read_drop_in) | "Stats" >> beam.Flatten(),
        }


class Dedup(beam.PTransform):
    """files -> {"kept", "drops", "stats"}: one copy per (repo, path) (the losers of `winners` dropped as
    duplicate_path), exact then near dedup of files (only small records cross their shuffles), then
    repository-level near dedup when dedup.repo_level is on."""

    def __init__(self, cfg: dict, winners=None):
        super().__init__()
        self.cfg, self.winners = cfg, winners

    def expand(self, files):
        d, seed = section(self.cfg, DedupConfig), self.cfg["seed"]
        dd = files | "Files" >> FileDedup(d, seed, self.winners)  # (repo, path) is unique from here on
        repo = dd["kept"] | "Repos" >> RepoNearDedup(d, seed)
        return {
            "kept": repo["kept"],
            "drops": (dd["dropped"], repo["dropped"]) | "Drops" >> beam.Flatten(),
            STATS: (dd["stats"], repo["stats"]) | "Stats" >> beam.Flatten(),
        }


class Plan(beam.PTransform):
    """kept files -> {"place": ((repo, path), (group, segment, position, piece, imports)), "stats"}.
    Planning carries facts only; each repository is split into bounded planning groups first."""

    def __init__(self, cfg: dict):
        super().__init__()
        self.cfg = cfg

    def expand(self, kept):
        items = kept | "Items" >> beam.Map(plan_item)
        group_of = (
            items
            | "PathOf" >> beam.Map(lambda it: (it[0], it[1]))
            | "PathsByRepo" >> beam.GroupByKey()
            | "PlanGroups" >> beam.FlatMap(planning_groups, section(self.cfg, GraphConfig).max_files_per_plan)
        )
        by_file = items | "ItemByFile" >> beam.Map(lambda it: ((it[0], it[1]), it[2]))
        plans = (
            {"item": by_file, "group": group_of}
            | "JoinGroups" >> beam.CoGroupByKey()
            | "ByGroup" >> beam.FlatMap(group_facts).with_output_types(Tuple[Any, Any])
            | "GroupPlan" >> beam.GroupByKey()
            | "Plan"
            >> beam.FlatMap(plan_repo, plan_config(self.cfg))
            .with_output_types(Tuple[Any, Any])
            .with_outputs(STATS, main="place")
        )
        return {"place": plans.place, STATS: plans[STATS]}


class Assemble(beam.PTransform):
    """(kept files, placements) -> {"placed": (bucket, placed piece), "stats"}: each file's pieces joined to
    their places; the kept files' own counters (they survived dedup) join the stats here."""

    def __init__(self, cfg: dict):
        super().__init__()
        self.cfg = cfg

    def expand(self, kept_and_places):
        kept, place = kept_and_places
        pieces = kept | "PiecesOf" >> beam.Map(
            lambda k: ((k.facts.repo, k.facts.path), dumps((k.facts.language, k.pieces)))
        )
        joined = (
            {"pieces": pieces, "place": place}
            | "JoinPieces" >> beam.CoGroupByKey()
            | "Place"
            >> beam.FlatMap(join_pieces, section(self.cfg, PackingConfig), self.cfg["seed"])
            .with_output_types(Tuple[Any, Any])
            .with_outputs(STATS, main="placed")
        )
        kept_stats = kept | "KeptStats" >> beam.ParDo(sink.SumPerBundle(lambda k: k.counters))
        return {"placed": joined.placed, STATS: (joined[STATS], kept_stats) | "Stats" >> beam.Flatten()}


class Pack(beam.PTransform):
    """placed pieces -> {"rows": (split, key, (record bytes, used tokens), lineage), "stats"}: rows per bucket,
    then the buckets' partial last rows packed together."""

    def __init__(self, cfg: dict, special: dict[str, int], tokenizer: bytes | TokenizerModel):
        super().__init__()
        self.cfg, self.special, self.tokenizer = cfg, special, tokenizer

    def expand(self, placed):
        packed = (
            placed
            | "GroupBucket" >> beam.GroupByKey()
            | "Pack"
            >> beam.ParDo(PackRows(self.cfg, self.special, self.tokenizer)).with_outputs(
                STATS, PackRows.TAIL, main="rows"
            )
        )
        tails = (
            packed[PackRows.TAIL]
            | "GroupTails" >> beam.GroupByKey()
            | "PackTails"
            >> beam.ParDo(PackTails(self.cfg, self.special, self.tokenizer)).with_outputs(STATS, main="rows")
        )
        return {
            "rows": (packed.rows, tails.rows) | "AllRows" >> beam.Flatten(),
            STATS: (packed[STATS], tails[STATS]) | "Stats" >> beam.Flatten(),
        }


def build_pipeline(p: beam.Pipeline, units: list, cfg: dict, tokenizer_bytes: bytes, out_dir: str) -> None:
    """The job; out_dir already holds tokenizer.model (tokenizer_bytes): the DoFns load it from there."""
    special = shared_tokenizer(tokenizer_bytes).special_ids
    model = TokenizerModel(tokenizer_bytes, sink.join(out_dir, "tokenizer.model"))
    judged = p | "ReadAndJudge" >> ReadAndJudge(units, cfg, model)
    deduped = judged["files"] | "Dedup" >> Dedup(cfg, judged[WINNERS])
    plans = deduped["kept"] | "Plan" >> Plan(cfg)
    placed = (deduped["kept"], plans["place"]) | "Assemble" >> Assemble(cfg)
    packed = placed["placed"] | "Pack" >> Pack(cfg, special, model)
    drops = (judged["drops"], deduped["drops"]) | "AllDrops" >> beam.Flatten()
    stats = (
        *(stage[STATS] for stage in (judged, deduped, plans, placed, packed)),
        drops | "DropCounters" >> beam.ParDo(sink.SumPerBundle(drop_counters)),
    ) | "AllStats" >> beam.Flatten()
    (packed["rows"], drops, stats) | "Write" >> sink.WriteOutput(cfg, out_dir, special["pad"])
