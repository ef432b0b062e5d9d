"""The build job: repositories in, ArrayRecord shards out (DESIGN.md data flow).

    read -> per-file stage -> exact dedup -> pieces (FIM + tokenize)
      -> plan per repository (facts only) -> join pieces to placements, a planning group per bucket
      -> rows per bucket (packing/rows.py; the buckets' partial last rows packed together)
      -> split/shard by row hash -> shards + lineage
Every stage emits additive counters; they are summed into stats.json.
Randomness and ordering come from hashes of (seed, keys), never element order.
"""
from __future__ import annotations

import logging
import math
from dataclasses import replace
from typing import Any, Tuple

import apache_beam as beam
import numpy as np
from apache_beam.pvalue import AsDict, TaggedOutput

from repoloom.core import counters as C
from repoloom.core.config import OutputConfig, PackingConfig, section
from repoloom.core.rand import stable_hash, uniform
from repoloom.core.records import encode_row
from repoloom.core.tokenizer import Tokenizer
from repoloom.core.types import Drop, FileFacts, ParsedFile
from repoloom.filters import decontam
from repoloom.fim import stats as fim_stats
from repoloom.fim.context import context_fim, fim_token_body
from repoloom.fim.pieces import file_pieces
from repoloom.packing.graph import split_for_planning
from repoloom.packing.plan import plan_repository
from repoloom.packing.rows import (METHODS, SEGMENTS, Cutter, Part, line_slack, make_row, pack_segments, pack_streams,
                                   row_counters, row_length, segment_tokens, tail_streams, token_tables)
from repoloom.pipelines import progress, sink
from repoloom.pipelines.filestage import process_file
from repoloom.pipelines.near_dedup import FileDedup, RepoNearDedup
from repoloom.pipelines.sources import Unit, read_unit
from repoloom.pipelines.unique_paths import CountLineageFiles, UniquePaths
from repoloom.syntax.languages import detect_language

DROP, STATS = "drop", "stats"
PROGRESS = logging.getLogger("repoloom.progress")
LINEAGE_SCHEMA_FIELDS = (
    ("example", "int64"), ("split", "string"), ("shard", "int32"), ("row", "int32"), ("segment", "int32"),
    ("repo", "string"), ("path", "string"), ("piece", "int32"), ("token_start", "int32"), ("token_end", "int32"),
    ("char_start", "int64"), ("char_end", "int64"), ("fim_mode", "string"), ("fim_method", "string"),
)


class SumCounters(beam.CombineFn):
    """Sums dicts of numbers; the result is the corpus-wide stats."""

    def create_accumulator(self):
        return {}

    def add_input(self, acc, d):
        for k, v in d.items():
            acc[k] = acc.get(k, 0) + v
        return acc

    def merge_accumulators(self, accs):
        out: dict = {}
        for a in accs:
            self.add_input(out, a)
        return out

    def extract_output(self, acc):
        return dict(sorted(acc.items()))


def drop_counters(d: Drop) -> dict[str, int]:
    c = {C.DROPPED.key(d.reason): 1, C.DROPPED_BYTES.key(d.reason): d.size}
    if d.reason == decontam.REASON:  # contamination hits by benchmark
        c.update(decontam.hit_counters(d.detail))
    return c


class ReadUnits(beam.DoFn):
    def __init__(self, cfg: dict):
        self.max_bytes = cfg["max_file_bytes"]

    def process(self, unit):
        n = 0
        for x in read_unit(Unit(*unit), self.max_bytes):
            n += 1
            if isinstance(x, Drop):
                yield TaggedOutput(DROP, x)
            else:
                progress.count("files_read")
                yield x
        progress.count("units_read")
        PROGRESS.info("read %s %s: %d files", unit[0], unit[2] or unit[1], n)


class ProcessFiles(beam.DoFn):
    """Per-file stage; an unexpected error drops that file (reason 'error'), never the job."""

    def __init__(self, cfg: dict):
        self.cfg = cfg

    def process(self, f):
        try:
            out = process_file(f, self.cfg)
        except Exception as e:  # noqa: BLE001 - accounted for, with the exception named
            out = Drop(f.repo, f.path, "error", f"{type(e).__name__}: {e}"[:300], len(f.data))
        progress.count("files_done")
        if isinstance(out, Drop):
            yield TaggedOutput(DROP, out)
        else:
            out.origin = f.origin
            yield out


def _planning_facts(f: FileFacts) -> FileFacts:
    """Facts as the planner needs them: FIM candidates stay behind (they are per-file only)."""
    return replace(f, fim_nodes=[])


class MakePieces(beam.DoFn):
    """FIM + tokenize each kept file into pieces that fit a segment."""

    def __init__(self, cfg: dict, tokenizer_bytes: bytes):
        self.cfg, self.fim, self.tokenizer_bytes = cfg, section(cfg, "fim"), tokenizer_bytes

    def setup(self):
        self.tok = Tokenizer(self.tokenizer_bytes)

    def process(self, pf: ParsedFile):
        facts = pf.facts
        try:
            pieces = file_pieces(pf.text, facts, self.tok, self.fim, self.cfg["seq_len"], self.cfg["seed"])
        except Exception as e:  # noqa: BLE001
            yield TaggedOutput(DROP, Drop(facts.repo, facts.path, "error", f"{type(e).__name__}: {e}"[:300], facts.size))
            return
        counters = {C.FILES_KEPT: 1, C.BYTES_KEPT: len(pf.text.encode("utf-8", "surrogatepass")), C.PIECES: len(pieces),
                    C.LANG.key(facts.language): 1}
        for kind, n in facts.redactions.items():
            counters[C.PII.key(kind)] = counters.get(C.PII.key(kind), 0) + n
        if self.fim.level == "document":  # context level counts its FIM after packing
            for p in pieces:
                fim_stats.add(counters, fim_stats.piece_counters(p, facts.language))
        yield TaggedOutput(STATS, counters)
        yield TaggedOutput("plan", (facts.repo, (_planning_facts(facts), [len(p.tokens) for p in pieces])))
        yield ((facts.repo, facts.path), pieces)


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


def plan_repo(group, cfg):
    (repo, gi), items = group
    items = sorted(items, key=lambda it: it[0].path)
    plan = plan_repository(repo, items, cfg)
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
    """Each placed piece, compact (int32 token bytes), keyed by its bucket: a planning group's whole
    stream lands in one bucket, so packing can lay it out in order."""
    (repo, path), joined = group
    pieces_lists = list(joined["pieces"])
    placements = list(joined["place"])
    if not pieces_lists:
        return
    pieces = {p.index: p for p in pieces_lists[0]}
    placed = set()
    buckets = packing.buckets
    for gi, s, pos, idx, imports in placements:
        placed.add(idx)
        p = pieces[idx]
        bucket = stable_hash(seed, "bucket", repo, gi) % buckets
        yield (bucket, ((repo, gi), s, pos, p.path, idx, np.asarray(p.tokens, dtype=np.int32).tobytes(),
                        tuple(p.char_span), p.fim, imports))
    if placed != set(pieces):
        yield TaggedOutput(STATS, {C.PLAN_UNPLACED_PIECES: len(set(pieces) - placed)})


def make_cutter(tok: Tokenizer, cfg: dict) -> Cutter:
    """The stream packer's cutter: line ends from the vocabulary; document-level FIM re-applied to cut parts
    (with the FIM counters moved from the cut piece to its parts)."""
    line_end, continuation = token_tables(tok)
    packing = section(cfg, "packing")
    refim = on_cut = None
    fim = section(cfg, "fim")
    if fim.level == "document":
        def refim(path, char_start, body):
            return fim_token_body(tok, body, fim, cfg["seed"], "", path, char_start)

        def on_cut(part, first, rest):
            lang = detect_language(part.path)
            delta = {k: -v for k, v in fim_stats.fim_counters(part.fim, lang, first=False).items()}
            for x in (first, rest):
                fim_stats.add(delta, fim_stats.fim_counters(x.fim, lang, first=False))
            fim_stats.add(cutter.counters, delta)
    fim_ids = (tok.special("fim_prefix"), tok.special("fim_middle"), tok.special("fim_suffix"))
    cutter = Cutter(line_end, continuation, lambda ids: len(tok.decode([int(t) for t in ids])), fim_ids, refim,
                    line_slack(packing, cfg["seq_len"]), packing.min_part_tokens, on_cut)
    return cutter


def streams_of(items, tok: Tokenizer) -> list[tuple[Any, list[Part]]]:
    """A bucket's placed pieces as streams: one per planning group, in planned order."""
    by_key: dict = {}
    for key, s, pos, path, idx, data, span, fim, imports in items:
        by_key.setdefault(tuple(key), []).append((s, pos, path, idx, data, span, fim, imports))
    headers: dict[str, int] = {}
    streams = []
    for key in sorted(by_key):
        parts = []
        for s, _, path, idx, data, span, fim, imports in sorted(by_key[key], key=lambda x: (x[0], x[1])):
            if path not in headers:
                headers[path] = len(tok.encode(path + "\n"))
            parts.append(Part(path, idx, np.frombuffer(data, dtype=np.int32), headers[path], tuple(span), fim,
                              tuple(imports), s))
        streams.append((key, parts))
    return streams


class PackRows(beam.DoFn):
    """One bucket's streams into rows (packing/rows.py; then context-level FIM if configured). With the
    stream method the bucket's partial last row goes out as ``tail``, to be packed with the other tails."""

    TAIL = "tail"

    def __init__(self, cfg: dict, special: dict[str, int], tokenizer_bytes: bytes):
        self.cfg, self.special, self.tokenizer_bytes = cfg, special, tokenizer_bytes
        self.fim = section(cfg, "fim")
        self.context = self.fim.level == "context"
        self.method, self.output = section(cfg, "packing").method, section(cfg, "output")
        if self.method not in METHODS:
            raise ValueError(f"packing.method must be one of {METHODS}, not {self.method!r}")

    def setup(self):
        self.tok = Tokenizer(self.tokenizer_bytes)
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
        lineages = [[{"path": p.path, "piece": p.number, "token_start": a, "token_end": b, "char_start": p.char_span[0],
                      "char_end": p.char_span[1], "fim_mode": p.fim.get("mode", ""), "fim_method": p.fim.get("method", "")}
                     for p, (a, b) in zip(parts, sp_)] for (_, parts), sp_ in zip(row, spans)]
        yield TaggedOutput(STATS, row_counters(row, spans, self.cfg["seq_len"]))
        if self.context:
            tokens, lineages, counters = self._context_fim(tokens, lineages, key)
            yield TaggedOutput(STATS, counters)
        out = make_row(tokens, self.cfg["seq_len"], self.pad_id)
        split = "validation" if uniform(seed, "split", key) < val else "train"
        lineage, offset = [], 0
        for k, ((skey, _), seg_lineage, seg) in enumerate(zip(row, lineages, tokens), start=1):
            for piece in seg_lineage:
                lineage.append({**piece, "repo": skey[0], "segment": k,
                                "token_start": piece["token_start"] + offset, "token_end": piece["token_end"] + offset})
            offset += len(seg)
        # the row crosses the shard shuffle as its record bytes and token count, not as int lists
        yield (split, key, (encode_row(*out), len(out[1]) - out[1].count(0)), lineage)

    @property
    def pad_id(self):
        return self.special["pad"]

    def _context_fim(self, tokens, lineages, key):
        """FIM after packing (FIM paper's context level); lineage follows the moved token spans."""
        cf = context_fim(tokens, self.tok, self.fim, self.cfg["seed"], key)
        new = []
        for s, lineage in enumerate(lineages):
            files = [f for f in cf.files if f["segment"] == s]
            new.append([{**piece, "token_start": f["token_start"], "token_end": f["token_end"], "fim_mode": f["mode"],
                         "fim_method": f["method"]} for piece, f in zip(lineage, files)])
        return cf.segments, new, cf.counters


class PackTails(PackRows):
    def process(self, group):
        yield from self.pack_tails(group)


def num_shards(output: OutputConfig, split: str, rows: int) -> int:
    fixed = output.num_shards
    if fixed and split == "train":
        return fixed
    return max(1, math.ceil(rows / output.rows_per_shard))


class WriteShard(beam.DoFn):
    def __init__(self, out_dir: str):
        self.out_dir = out_dir

    def process(self, group, split_rows: dict, shard_rows: dict, output: OutputConfig, seq_len: int):
        (split, shard), rows = group
        rows = sorted(rows, key=lambda r: r[1])
        count = num_shards(output, split, split_rows.get(split, 0))
        offset = sum(n for (sp, sh), n in shard_rows.items() if sp == split and sh < shard)
        name = sink.shard_name(split, shard, count)
        sink.write_array_record(sink.join(self.out_dir, name), (r[2][0] for r in rows))
        PROGRESS.info("wrote %s: %d rows", name, len(rows))
        progress.total(f"shards_total.{split}", count)
        progress.count("shards_written")
        lineage = []
        tokens = padding = 0
        for i, (_, _, (_, used), lin) in enumerate(rows):
            padding += seq_len - used
            tokens += used
            for x in lin:
                lineage.append({"example": offset + i, "split": split, "shard": shard, "row": i, **x})
        write_lineage(sink.join(self.out_dir, f"lineage/{name[: -len('.array_record')]}.parquet"), lineage)
        counters = {C.ROWS.key(split): len(rows), C.TOKENS.key(split): tokens, C.PADDING.key(split): padding}
        for _, _, (_, used), _ in rows:
            decile = min(9, 10 * used // seq_len)
            key = C.FILL.key(f"{10 * decile:02d}-{10 * decile + 10}%")
            counters[key] = counters.get(key, 0) + 1
        yield counters


def lineage_schema():
    import pyarrow as pa

    return pa.schema([(n, getattr(pa, t)()) for n, t in LINEAGE_SCHEMA_FIELDS])


def write_lineage(dest: str, rows: list[dict]) -> None:
    sink.write_parquet(dest, [{n: r.get(n) for n, _ in LINEAGE_SCHEMA_FIELDS} for r in rows], lineage_schema())


def shard_of(split_key_row, split_rows, output: OutputConfig):
    split, key = split_key_row[0], split_key_row[1]
    return ((split, key % num_shards(output, split, split_rows.get(split, 0))), split_key_row)


def build_pipeline(p: beam.Pipeline, units: list, cfg: dict, tokenizer_bytes: bytes, out_dir: str) -> None:
    special = Tokenizer(tokenizer_bytes).special_ids
    units = [tuple(u) for u in units]
    read = (p | "Units" >> beam.Create(units) | "SpreadUnits" >> beam.Reshuffle()
            | "Read" >> beam.ParDo(ReadUnits(cfg)).with_outputs(DROP, main="files"))
    files_in = read.files | "CountIn" >> beam.Map(lambda f: {C.FILES_IN: 1, C.BYTES_IN: len(f.data)})
    parsed = read.files | "PerFile" >> beam.ParDo(ProcessFiles(cfg)).with_outputs(DROP, main="kept")
    unique = parsed.kept | "UniquePaths" >> UniquePaths(read.files)  # (repo, path) is unique from here on

    dd = unique["kept"] | "Dedup" >> FileDedup(cfg)  # exact then near; only small records cross its shuffles
    repo_near = dd["kept"] | "RepoNearDedup" >> RepoNearDedup(cfg)  # dedup.repo_level switches it on
    kept = repo_near["kept"]
    exact_drops = [dd["dropped"], repo_near["dropped"]]
    exact_stats = [dd["stats"], repo_near["stats"]]

    pieces = kept | "Pieces" >> beam.ParDo(MakePieces(cfg, tokenizer_bytes)).with_outputs(DROP, STATS, "plan", main="pieces")
    # planning carries facts only; each repository is split into bounded groups of paths first
    group_of = (pieces.plan | "PathOf" >> beam.Map(lambda kv: (kv[0], kv[1][0].path)) | "PathsByRepo" >> beam.GroupByKey()
                | "PlanGroups" >> beam.FlatMap(planning_groups, cfg["graph"]["max_files_per_plan"]))
    items = pieces.plan | "ItemByFile" >> beam.Map(lambda kv: ((kv[0], kv[1][0].path), kv[1]))
    plans = ({"item": items, "group": group_of} | "JoinGroups" >> beam.CoGroupByKey()
             | "ByGroup" >> beam.FlatMap(group_facts).with_output_types(Tuple[Any, Any]) | "GroupPlan" >> beam.GroupByKey()
             | "Plan" >> beam.FlatMap(plan_repo, cfg).with_output_types(Tuple[Any, Any]).with_outputs(STATS, main="place"))
    joined = ({"pieces": pieces.pieces, "place": plans.place} | "JoinPieces" >> beam.CoGroupByKey()
              | "Place" >> beam.FlatMap(join_pieces, section(cfg, "packing"), cfg["seed"]).with_output_types(Tuple[Any, Any])
              .with_outputs(STATS, main="placed"))
    packed = (joined.placed | "GroupBucket" >> beam.GroupByKey()
              | "Pack" >> beam.ParDo(PackRows(cfg, special, tokenizer_bytes)).with_outputs(STATS, PackRows.TAIL, main="rows"))
    tails = (packed[PackRows.TAIL] | "GroupTails" >> beam.GroupByKey()
             | "PackTails" >> beam.ParDo(PackTails(cfg, special, tokenizer_bytes)).with_outputs(STATS, main="rows"))
    rows = (packed.rows, tails.rows) | "AllRows" >> beam.Flatten()
    pack_stats = (packed[STATS], tails[STATS]) | "PackStats" >> beam.Flatten()
    split_rows = AsDict(rows | "SplitOf" >> beam.Map(lambda r: r[0]) | "CountSplit" >> beam.combiners.Count.PerElement())
    keyed = rows | "Shard" >> beam.Map(shard_of, split_rows, section(cfg, "output"))
    shard_rows = AsDict(keyed | "ShardKey" >> beam.Map(lambda kv: kv[0]) | "CountShard" >> beam.combiners.Count.PerElement())
    written = (keyed | "GroupShard" >> beam.GroupByKey()
               | "Write" >> beam.ParDo(WriteShard(out_dir), split_rows, shard_rows, section(cfg, "output"), cfg["seq_len"]))

    lineage_files = rows | "LineageFiles" >> CountLineageFiles()
    drops = ([read[DROP], unique["dropped"], parsed[DROP], pieces[DROP]] + exact_drops) | "AllDrops" >> beam.Flatten()
    read_drop_in = read[DROP] | "CountReadDropsIn" >> beam.Map(lambda d: {C.FILES_IN: 1, C.BYTES_IN: d.size})
    stats = ([files_in, read_drop_in, drops | "DropCounters" >> beam.Map(drop_counters), pieces[STATS], plans[STATS],
              joined[STATS], pack_stats, written, lineage_files] + exact_stats
             | "AllStats" >> beam.Flatten() | "Sum" >> beam.CombineGlobally(SumCounters()))
    stats | "WriteStats" >> beam.Map(lambda s: sink.write_json(sink.join(out_dir, "stats.json"), s))
    (drops | "DropRows" >> beam.Map(lambda d: {"repo": d.repo, "path": d.path, "reason": d.reason, "detail": d.detail, "size": d.size})
     | "DropsByReason" >> beam.Map(lambda r: (r["reason"], r)) | "GroupDrops" >> beam.GroupByKey()
     | "WriteDrops" >> beam.Map(write_drops, out_dir))


def write_drops(group, out_dir: str) -> None:
    """drops/<reason>.parquet: every dropped file, so nothing is lost silently."""
    import pyarrow as pa

    reason, rows = group
    rows = sorted(rows, key=lambda r: (r["repo"], r["path"], r["detail"]))
    schema = pa.schema([("repo", pa.string()), ("path", pa.string()), ("reason", pa.string()), ("detail", pa.string()), ("size", pa.int64())])
    sink.write_parquet(sink.join(out_dir, f"drops/{reason}.parquet"), rows, schema)
