"""The build job: repositories in, ArrayRecord shards out (DESIGN.md data flow).

    read -> per-file stage -> exact dedup -> pieces (FIM + tokenize)
      -> plan per repository (facts only) -> join pieces to placements -> segments
      -> best-fit pack per bucket -> split/shard by row hash -> shards + lineage
Every stage emits additive counters; they are summed into stats.json.
Randomness and ordering come from hashes of (seed, keys), never element order.
"""
from __future__ import annotations

import logging
import math
from dataclasses import replace
from typing import Any, Tuple

import apache_beam as beam
from apache_beam.pvalue import AsDict, TaggedOutput

from repoloom.core.rand import stable_hash, uniform
from repoloom.core.records import encode_row
from repoloom.core.tokenizer import Tokenizer
from repoloom.core.types import Drop, FileFacts, ParsedFile, Segment
from repoloom.filters import decontam, dedup
from repoloom.fim import split as fim_split
from repoloom.fim import stats as fim_stats
from repoloom.fim.context import context_fim
from repoloom.packing.pieces import file_pieces
from repoloom.packing.graph import split_for_planning
from repoloom.packing.plan import plan_repository
from repoloom.packing.rows import best_fit_decreasing, make_row
from repoloom.pipelines import sink
from repoloom.pipelines.filestage import process_file
from repoloom.pipelines.near_dedup import NearDedup, RepoNearDedup
from repoloom.pipelines.sources import Unit, read_unit
from repoloom.pipelines.unique_paths import CountLineageFiles, UniquePaths

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
    c = {f"dropped.{d.reason}": 1, f"dropped_bytes.{d.reason}": d.size}
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
                yield x
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
        if isinstance(out, Drop):
            yield TaggedOutput(DROP, out)
        else:
            out.origin = f.origin
            yield out


def exact_dedup(group, cfg):
    _, files = group
    files = list(files)
    if len(files) == 1:
        yield files[0]
        return
    kept, drops = dedup.split_duplicates(files, cfg)
    yield kept
    for d in drops:
        yield TaggedOutput(DROP, d)
    yield TaggedOutput(STATS, dedup.cluster_counters(len(files), "dedup.exact"))


def _planning_facts(f: FileFacts) -> FileFacts:
    """Facts as the planner needs them: FIM candidates stay behind (they are per-file only)."""
    return replace(f, fim_nodes=[])


class MakePieces(beam.DoFn):
    """FIM + tokenize each kept file into pieces that fit a segment."""

    def __init__(self, cfg: dict, tokenizer_bytes: bytes):
        self.cfg, self.tokenizer_bytes = cfg, tokenizer_bytes

    def setup(self):
        self.tok = Tokenizer(self.tokenizer_bytes)

    def process(self, pf: ParsedFile):
        facts = pf.facts
        try:
            pieces = file_pieces(pf.text, facts, self.tok, self.cfg)
        except Exception as e:  # noqa: BLE001
            yield TaggedOutput(DROP, Drop(facts.repo, facts.path, "error", f"{type(e).__name__}: {e}"[:300], facts.size))
            return
        counters = {"files_kept": 1, "bytes_kept": len(pf.text.encode("utf-8", "surrogatepass")), "pieces": len(pieces),
                    f"lang.{facts.language}": 1}
        for kind, n in facts.redactions.items():
            counters[f"pii.{kind}"] = counters.get(f"pii.{kind}", 0) + n
        if fim_split.level(self.cfg) == "document":  # context level counts its FIM after packing
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
    for s, seg in enumerate(plan.segments):
        for pos, (path, piece) in enumerate(seg):
            yield ((repo, path), (gi, s, pos, piece))
    stats = dict(plan.stats)
    stats["plan.repos"] = int(gi == 0)  # a repository planned in several groups counts once
    stats["plan.groups"] = 1
    yield TaggedOutput(STATS, stats)


def join_pieces(group):
    (repo, path), joined = group
    pieces_lists = list(joined["pieces"])
    placements = list(joined["place"])
    if not pieces_lists:
        return
    pieces = {p.index: p for p in pieces_lists[0]}
    placed = set()
    for gi, s, pos, idx in placements:
        placed.add(idx)
        yield ((repo, gi, s), (pos, pieces[idx]))
    if placed != set(pieces):
        yield TaggedOutput(STATS, {"plan.unplaced_pieces": len(set(pieces) - placed)})


class AssembleSegments(beam.DoFn):
    def __init__(self, cfg: dict, special: dict[str, int]):
        self.seq_len, self.special = cfg["seq_len"], special

    def process(self, group):
        (repo, gi, s), items = group
        items = sorted(items, key=lambda x: x[0])
        bos, eos, sep = self.special["bos"], self.special["eos"], self.special["file_separator"]
        tokens, lineage = [bos], []
        for i, (_, p) in enumerate(items):
            if i:
                tokens.append(sep)
            start = len(tokens)
            tokens.extend(p.tokens)
            lineage.append({"path": p.path, "piece": p.index, "token_start": start, "token_end": len(tokens),
                            "char_start": p.char_span[0], "char_end": p.char_span[1],
                            "fim_mode": p.fim.get("mode", ""), "fim_method": p.fim.get("method", "")})
        tokens.append(eos)
        if len(tokens) > self.seq_len:
            raise ValueError(f"segment {repo}#{s} has {len(tokens)} tokens > seq_len {self.seq_len}")
        yield Segment(repo, (gi, s), tokens, lineage)


class PackRows(beam.DoFn):
    """Best-fit-decreasing packing of one bucket's segments into rows (then context-level FIM if configured)."""

    def __init__(self, cfg: dict, pad_id: int, tokenizer_bytes: bytes):
        self.cfg, self.pad_id, self.tokenizer_bytes = cfg, pad_id, tokenizer_bytes
        self.context = fim_split.level(cfg) == "context"

    def setup(self):
        self.tok = Tokenizer(self.tokenizer_bytes) if self.context else None

    def process(self, group):
        bucket, segs = group
        segs = sorted(segs, key=lambda g: (g.repo, g.index))
        bins = best_fit_decreasing([len(g.tokens) for g in segs], self.cfg["seq_len"])
        seed, val = self.cfg["seed"], self.cfg["output"]["validation_fraction"]
        for b, members in enumerate(bins):
            members = sorted(members, key=lambda i: (segs[i].repo, segs[i].index))
            key = stable_hash(seed, "row", bucket, b)
            tokens = [segs[i].tokens for i in members]
            lineages = [segs[i].lineage for i in members]
            if self.context:
                tokens, lineages, counters = self._context_fim(tokens, lineages, key)
                yield TaggedOutput(STATS, counters)
            row = make_row(tokens, self.cfg["seq_len"], self.pad_id)
            split = "validation" if uniform(seed, "split", key) < val else "train"
            lineage = []
            for k, i in enumerate(members, start=1):
                offset = row[1].index(k)
                for piece in lineages[k - 1]:
                    lineage.append({**piece, "repo": segs[i].repo, "segment": k,
                                    "token_start": piece["token_start"] + offset, "token_end": piece["token_end"] + offset})
            # the row crosses the shard shuffle as its record bytes and token count, not as int lists
            yield (split, key, (encode_row(*row), len(row[1]) - row[1].count(0)), lineage)


    def _context_fim(self, tokens, lineages, key):
        """FIM after packing (FIM paper's context level); lineage follows the moved token spans."""
        cf = context_fim(tokens, self.tok, self.cfg, self.cfg["seed"], key)
        new = []
        for s, lineage in enumerate(lineages):
            files = [f for f in cf.files if f["segment"] == s]
            new.append([{**piece, "token_start": f["token_start"], "token_end": f["token_end"], "fim_mode": f["mode"],
                         "fim_method": f["method"]} for piece, f in zip(lineage, files)])
        return cf.segments, new, cf.counters


def num_shards(cfg: dict, split: str, rows: int) -> int:
    fixed = cfg["output"]["num_shards"]
    if fixed and split == "train":
        return fixed
    return max(1, math.ceil(rows / cfg["output"]["rows_per_shard"]))


class WriteShard(beam.DoFn):
    def __init__(self, out_dir: str):
        self.out_dir = out_dir

    def process(self, group, split_rows: dict, shard_rows: dict, cfg: dict):
        (split, shard), rows = group
        rows = sorted(rows, key=lambda r: r[1])
        count = num_shards(cfg, split, split_rows.get(split, 0))
        offset = sum(n for (sp, sh), n in shard_rows.items() if sp == split and sh < shard)
        name = sink.shard_name(split, shard, count)
        sink.write_array_record(sink.join(self.out_dir, name), (r[2][0] for r in rows))
        PROGRESS.info("wrote %s: %d rows", name, len(rows))
        lineage = []
        tokens = padding = 0
        seq_len = cfg["seq_len"]
        for i, (_, _, (_, used), lin) in enumerate(rows):
            padding += seq_len - used
            tokens += used
            for x in lin:
                lineage.append({"example": offset + i, "split": split, "shard": shard, "row": i, **x})
        write_lineage(sink.join(self.out_dir, f"lineage/{name[: -len('.array_record')]}.parquet"), lineage)
        counters = {f"rows.{split}": len(rows), f"tokens.{split}": tokens, f"padding.{split}": padding}
        for _, _, (_, used), _ in rows:
            decile = min(9, 10 * used // seq_len)
            key = f"fill.{10 * decile:02d}-{10 * decile + 10}%"
            counters[key] = counters.get(key, 0) + 1
        yield counters


def lineage_schema():
    import pyarrow as pa

    return pa.schema([(n, getattr(pa, t)()) for n, t in LINEAGE_SCHEMA_FIELDS])


def write_lineage(dest: str, rows: list[dict]) -> None:
    sink.write_parquet(dest, [{n: r.get(n) for n, _ in LINEAGE_SCHEMA_FIELDS} for r in rows], lineage_schema())


def shard_of(split_key_row, split_rows, cfg):
    split, key = split_key_row[0], split_key_row[1]
    return ((split, key % num_shards(cfg, split, split_rows.get(split, 0))), split_key_row)


def build_pipeline(p: beam.Pipeline, units: list, cfg: dict, tokenizer_bytes: bytes, out_dir: str) -> None:
    special = Tokenizer(tokenizer_bytes).special_ids
    units = [tuple(u) for u in units]
    read = (p | "Units" >> beam.Create(units) | "SpreadUnits" >> beam.Reshuffle()
            | "Read" >> beam.ParDo(ReadUnits(cfg)).with_outputs(DROP, main="files"))
    files_in = read.files | "CountIn" >> beam.Map(lambda f: {"files_in": 1, "bytes_in": len(f.data)})
    parsed = read.files | "PerFile" >> beam.ParDo(ProcessFiles(cfg)).with_outputs(DROP, main="kept")
    unique = parsed.kept | "UniquePaths" >> UniquePaths(read.files)  # (repo, path) is unique from here on

    kept = unique["kept"]
    exact_stats = []
    if cfg["dedup"]["exact"]:
        ex = (kept | "BySha" >> beam.Map(lambda pf: (dedup.exact_key(pf.facts), pf)) | "GroupSha" >> beam.GroupByKey()
              | "ExactDedup" >> beam.FlatMap(exact_dedup, cfg).with_output_types(Any).with_outputs(DROP, STATS, main="kept"))
        kept, exact_drops, exact_stats = ex.kept, [ex[DROP]], [ex[STATS]]
    else:
        exact_drops = []
    near = kept | "NearDedup" >> NearDedup(cfg)  # dedup.near / dedup.repo_level switch these off or on
    repo_near = near["kept"] | "RepoNearDedup" >> RepoNearDedup(cfg)
    kept = repo_near["kept"]
    exact_drops += [near["dropped"], repo_near["dropped"]]
    exact_stats += [near["stats"], repo_near["stats"]]

    pieces = kept | "Pieces" >> beam.ParDo(MakePieces(cfg, tokenizer_bytes)).with_outputs(DROP, STATS, "plan", main="pieces")
    # planning carries facts only; each repository is split into bounded groups of paths first
    group_of = (pieces.plan | "PathOf" >> beam.Map(lambda kv: (kv[0], kv[1][0].path)) | "PathsByRepo" >> beam.GroupByKey()
                | "PlanGroups" >> beam.FlatMap(planning_groups, cfg["graph"]["max_files_per_plan"]))
    items = pieces.plan | "ItemByFile" >> beam.Map(lambda kv: ((kv[0], kv[1][0].path), kv[1]))
    plans = ({"item": items, "group": group_of} | "JoinGroups" >> beam.CoGroupByKey()
             | "ByGroup" >> beam.FlatMap(group_facts).with_output_types(Tuple[Any, Any]) | "GroupPlan" >> beam.GroupByKey()
             | "Plan" >> beam.FlatMap(plan_repo, cfg).with_output_types(Tuple[Any, Any]).with_outputs(STATS, main="place"))
    joined = ({"pieces": pieces.pieces, "place": plans.place} | "JoinPieces" >> beam.CoGroupByKey()
              | "Place" >> beam.FlatMap(join_pieces).with_output_types(Tuple[Any, Any]).with_outputs(STATS, main="placed"))
    segments = (joined.placed | "GroupSegment" >> beam.GroupByKey()
                | "Assemble" >> beam.ParDo(AssembleSegments(cfg, special)))
    buckets = cfg["packing"]["buckets"]
    rows = (segments
            | "Bucket" >> beam.Map(lambda g: (stable_hash(cfg["seed"], "bucket", g.repo, g.index) % buckets, g))
            | "GroupBucket" >> beam.GroupByKey()
            | "Pack" >> beam.ParDo(PackRows(cfg, special["pad"], tokenizer_bytes)).with_outputs(STATS, main="rows"))
    pack_stats, rows = rows[STATS], rows.rows
    split_rows = AsDict(rows | "SplitOf" >> beam.Map(lambda r: r[0]) | "CountSplit" >> beam.combiners.Count.PerElement())
    keyed = rows | "Shard" >> beam.Map(shard_of, split_rows, cfg)
    shard_rows = AsDict(keyed | "ShardKey" >> beam.Map(lambda kv: kv[0]) | "CountShard" >> beam.combiners.Count.PerElement())
    written = (keyed | "GroupShard" >> beam.GroupByKey()
               | "Write" >> beam.ParDo(WriteShard(out_dir), split_rows, shard_rows, cfg))

    lineage_files = rows | "LineageFiles" >> CountLineageFiles()
    drops = ([read[DROP], unique["dropped"], parsed[DROP], pieces[DROP]] + exact_drops) | "AllDrops" >> beam.Flatten()
    read_drop_in = read[DROP] | "CountReadDropsIn" >> beam.Map(lambda d: {"files_in": 1, "bytes_in": d.size})
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
