"""Near-duplicate removal as a Beam stage: MinHash LSH, verified pairs, distributed connected components.

    ParsedFile ─▶ (id, (keeper rank, signature))   per file (filters.minhash, filters.dedup)
      ─▶ (band shard, [(band key, id)...]) ─▶ GroupByKey     band keys, batched (below)
      ─▶ each shard's buckets ─▶ candidate pairs (a, b)       bounded per bucket (minhash.bucket_pairs)
      ─▶ join a's signature, then b's, by id shard ─▶ edges  pairs whose estimated Jaccard >= threshold
      ─▶ components, one of two ways (`dedup.cc`):
           "union" (default): every verified pair to one task, union-find there
                              (datatrove's MinHash cluster stage): one step, exact
           "rounds": min-label propagation + pointer jumping, `cc_rounds` times,
                     for duplicate graphs too large for one worker
      ─▶ settle: files whose label is a root       kept ParsedFile / Drop(reason="near_duplicate")

The local runner's cost is per element shuffled, and a file has one band key per band (tens), nearly
all alone in their bucket, and candidate pairs are as many as files. So the LSH steps shuffle batches:
a bundle buffers its values per shard (at most BATCH) and sends one batch per shard. Band keys go to
their band shard (the key's digest modulo SHARDS), whose group is split into its buckets in memory;
pairs go to the shard of their first id, where the group's signatures (1/SHARDS of the corpus's) are
attached and a pair found in several buckets is taken once; then to the shard of the second id to be
verified. The edges are the same as with one group per band key and per id.

Verified pairs are a few ids per duplicate, far smaller than the corpus, so
"union" holds them in one task as datatrove does; "rounds" never does. In
"rounds", a label is a (keeper rank, id) pair, so the minimum that propagation spreads
over a component is the copy to keep (keeper_rank, never arrival order). No
step holds more than one key's values (a batched LSH step's key is a shard: about
1/SHARDS of its values): every global decision is a GroupByKey, CoGroupByKey or
CombinePerKey, so the result is the same on any runner and bundle order. Labels are node labels of the same component and only decrease.
A file is dropped only when its label's owner is a root (labelled by itself),
and roots are kept, so every drop names a kept copy even if some component has
not converged after `cc_rounds` (its diameter outgrew the doubling): then it
keeps a few copies instead of one, and the level's cc_unsettled counter
(core/counters.py) counts the files kept for that reason.
"""

from __future__ import annotations

import pickle
import zlib
from functools import partial

import apache_beam as beam
from apache_beam.pvalue import AsDict
from apache_beam.transforms.window import GlobalWindows

from repoloom.core import counters as C
from repoloom.core.types import Drop, ParsedFile
from repoloom.filters import dedup, minhash
from repoloom.filters.dedup import DedupConfig
from repoloom.pipelines import unique_paths
from repoloom.pipelines.kept_file import byte_size, signature_bytes
from repoloom.pipelines.sink import SumPerBundle

KEPT, DROPPED, STATS = "kept", "dropped", "stats"
REASON = "near_duplicate"
REPO_REASON = "near_duplicate_repo"


def _sign_counters(signed: bool) -> dict[str, int]:
    return {C.NEAR_SIGNED if signed else C.NEAR_TOO_SHORT: 1}


class _Sign(beam.DoFn):
    """(id, (keeper rank, signature bytes)) for each file long enough to shingle."""

    def __init__(self, d: DedupConfig, seed: int):
        self.d, self.seed = d, seed

    def process(self, f: ParsedFile):
        sig = signature_bytes(f, self.d, self.seed)
        yield beam.pvalue.TaggedOutput(STATS, _sign_counters(sig is not None))
        if sig is not None:
            yield dedup.file_id(f.facts), (dedup.keeper_rank(f.facts, self.d), sig)


SHARDS = 1024  # groups a batched shuffle's keys fall into (a group holds about this share of its values)
BATCH = 1 << 15  # values a bundle buffers before it sends them, one batch per shard


def band_shard(key: bytes) -> int:
    return int.from_bytes(key[-2:], "big") % SHARDS  # a band key ends in a digest


def id_shard(fid: str) -> int:
    return zlib.crc32(fid.encode("utf-8", "surrogatepass")) % SHARDS  # the same in every process


class _Batches(beam.DoFn):
    """element -> (shard, [value...]): the (shard, value) entries ``entries(element)`` gives, buffered over
    the bundle (at most BATCH) and sent as one batch per shard."""

    def __init__(self, entries):
        self.entries = entries

    def start_bundle(self):
        self.batches: dict[int, list] = {}
        self.buffered = 0

    def process(self, x):
        for shard, value in self.entries(x):
            self.batches.setdefault(shard, []).append(value)
            self.buffered += 1
        if self.buffered >= BATCH:
            yield from self._take()

    def finish_bundle(self):
        for out in self._take():  # outputs of finish_bundle carry their window
            yield GlobalWindows.windowed_value(out)

    def _take(self):
        batches, self.batches, self.buffered = self.batches, {}, 0
        return sorted(batches.items())


def _band_entries(kv, bands: int, rows: int):
    """(id, (rank, signature bytes)) -> (band shard, (band key, id)) per band."""
    fid, (_, sig) = kv
    return [(band_shard(k), (k, fid)) for k in minhash.band_keys_of_bytes(sig, bands, rows)]


def _by_first(x):
    """A pair (a, b) or an attached pair (b, a, rank_a, sig_a), to the shard of its first id."""
    return [(id_shard(x[0]), x)]


def _pairs(group, max_bucket: int, hubs: int):
    """A band shard's batches -> the candidate pairs of each of its buckets (one bucket per band key)."""
    _, batches = group
    buckets: dict[bytes, list] = {}
    for batch in batches:
        for key, fid in batch:
            buckets.setdefault(key, []).append(fid)
    pairs = set()
    for members in buckets.values():
        if len(members) > 1:
            pairs.update(minhash.bucket_pairs(members, max_bucket, hubs))
    return sorted(pairs)


def _attach_first(item):
    """(shard, {pair: [[(a, b)...]...], sig: [(a, (rank_a, sig_a))...]}) -> (b, a, rank_a, sig_a) once per
    pair: a pair found in several band shards comes in several batches, all to a's shard."""
    _, grouped = item
    sigs = dict(grouped["sig"])
    for a, b in sorted({p for batch in grouped["pair"] for p in batch}):
        if a in sigs:
            rank, sig = sigs[a]
            yield b, a, rank, sig


def _verify(item, threshold: float):
    """(shard, {pair: [[(b, a, rank_a, sig_a)...]...], sig: [(b, (rank_b, sig_b))...]}) -> edges
    ((rank_a, a), (rank_b, b)) of the pairs whose estimated Jaccard reaches the threshold."""
    _, grouped = item
    sigs = dict(grouped["sig"])
    for batch in grouped["pair"]:
        for b, a, rank_a, sig_a in batch:
            if b in sigs:
                rank_b, sig_b = sigs[b]
                if minhash.estimated_jaccard(sig_a, sig_b) >= threshold:
                    yield (rank_a, a), (rank_b, b)


def _init_labels(edge):
    """Each end starts with the smaller of the two (rank, id) labels."""
    low = min(edge)
    return [(edge[0][1], low), (edge[1][1], low)]


def _propagate(item):
    """A node sends its label to itself and its neighbours."""
    node, grouped = item
    labels = list(grouped["label"])
    if not labels:
        return
    label = labels[0]
    yield node, label
    for v in grouped["adj"]:
        yield v, label


def _jump(item):
    """Pointer jumping: a node labelled x takes x's own label when smaller (labels only decrease)."""
    _, grouped = item
    own = list(grouped["label"])
    for child, label in grouped["child"]:
        yield child, min([label] + own)


def _settle(item, level: C.Dedup):
    """(x, {child: [(node, label)...], label: [x's label]}): if x is a root (its label is itself) it is
    kept and every other node labelled x is dropped in its favour; otherwise nothing is dropped here."""
    x, grouped = item
    own = list(grouped["label"])
    children = list(grouped["child"])
    if own and own[0][1] == x:
        others = [node for node, _ in children if node != x]
        for node in others:
            yield node, x
        if others:
            yield beam.pvalue.TaggedOutput(STATS, dedup.cluster_counters(len(others) + 1, level))
    elif children:
        yield beam.pvalue.TaggedOutput(STATS, {level.cc_unsettled: len(children)})


def _union_components(item, level: C.Dedup):
    """All verified edges in one task: union-find, then each component's lowest (rank, id) keeps and
    every other member is dropped in its favour (the same result "rounds" reaches when it converges)."""
    _, edges = item
    parent: dict = {}

    def find(x):
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b in edges:  # labels are (rank, id): the smaller root wins, so a root is its component's keeper
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict = {}
    for node in parent:
        members.setdefault(find(node), []).append(node)
    for root, nodes in sorted(members.items()):
        for _, node in sorted(n for n in nodes if n != root):
            yield node, root[1]
        yield beam.pvalue.TaggedOutput(STATS, dedup.cluster_counters(len(nodes), level))


def _bytes(f) -> bytes:
    """A file crosses the decision join as one bytes value (the local runner holds a pending join's
    values decoded: a file's object graph would cost several times its pickle)."""
    return pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL)


class _Route(beam.DoFn):
    def __init__(self, reason: str, repo_level: bool = False):
        self.reason, self.repo_level = reason, repo_level

    def process(self, item):
        _, grouped = item
        keepers = list(grouped["drop"])
        for f in map(pickle.loads, grouped["file"]):
            if keepers:
                where = keepers[0] if self.repo_level else dedup.display_id(keepers[0])
                yield beam.pvalue.TaggedOutput(
                    DROPPED, Drop(f.facts.repo, f.facts.path, self.reason, where, byte_size(f))
                )
            else:
                yield f


class MinHashClusters(beam.PTransform):
    """PCollection[(id, (rank, signature bytes))] -> {"drops": (id, keeper id), "stats": counters}.

    The LSH + verification + connected-components core, shared by file- and
    repository-level dedup; `level` (core/counters.py) names the counters.
    """

    def __init__(self, d: DedupConfig, level: C.Dedup = C.DEDUP_NEAR):
        super().__init__()
        self.d, self.level = d, level

    def expand(self, signed):
        d = self.d
        bands, rows = minhash.band_shape(d)
        pairs = (
            signed
            | "BandKeys" >> beam.ParDo(_Batches(partial(_band_entries, bands=bands, rows=rows)))
            | "Buckets" >> beam.GroupByKey()
            | "Pairs" >> beam.FlatMap(_pairs, d.max_bucket, d.hubs)
        )
        sig_by_shard = signed | "SigShard" >> beam.Map(lambda kv: (id_shard(kv[0]), kv))
        first = (
            {"pair": pairs | "PairBatches" >> beam.ParDo(_Batches(_by_first)), "sig": sig_by_shard}
            | "JoinSigA" >> beam.CoGroupByKey()
            | "AttachSigA" >> beam.FlatMap(_attach_first)
        )
        edges = (
            {"pair": first | "AttachedBatches" >> beam.ParDo(_Batches(_by_first)), "sig": sig_by_shard}
            | "JoinSigB" >> beam.CoGroupByKey()
            | "Verify" >> beam.FlatMap(_verify, float(d.threshold))
        )

        if d.cc == "union":
            settled = (
                edges
                | "OneKey" >> beam.Map(lambda e: (b"", e))
                | "AllEdges" >> beam.GroupByKey()
                | "Union" >> beam.FlatMap(_union_components, self.level).with_outputs(STATS, main="drops")
            )
            return {"drops": settled.drops, STATS: settled[STATS]}
        if d.cc != "rounds":
            raise ValueError(f"dedup.cc must be 'union' or 'rounds', got {d['cc']!r}")
        adj = edges | "Undirected" >> beam.FlatMap(lambda e: [(e[0][1], e[1][1]), (e[1][1], e[0][1])])
        labels = edges | "InitLabels" >> beam.FlatMap(_init_labels) | "InitMin" >> beam.CombinePerKey(min)
        for i in range(d.cc_rounds):
            labels = (
                {"adj": adj, "label": labels}
                | f"Propagate{i}" >> beam.CoGroupByKey()
                | f"Send{i}" >> beam.FlatMap(_propagate)
                | f"Min{i}" >> beam.CombinePerKey(min)
            )
            children = labels | f"Children{i}" >> beam.Map(lambda kv: (kv[1][1], kv))
            labels = (
                {"child": children, "label": labels}
                | f"JumpJoin{i}" >> beam.CoGroupByKey()
                | f"Jump{i}" >> beam.FlatMap(_jump)
                | f"JumpMin{i}" >> beam.CombinePerKey(min)
            )

        children = labels | "ChildrenFinal" >> beam.Map(lambda kv: (kv[1][1], kv))
        settled = (
            {"child": children, "label": labels}
            | "SettleJoin" >> beam.CoGroupByKey()
            | "Settle" >> beam.FlatMap(_settle, self.level).with_outputs(STATS, main="drops")
        )
        return {"drops": settled.drops, STATS: settled[STATS]}


def _no_dedup(files):
    p = files.pipeline
    return {KEPT: files, DROPPED: p | "NoDrops" >> beam.Create([]), STATS: p | "NoStats" >> beam.Create([])}


class NearDedup(beam.PTransform):
    """PCollection[ParsedFile] -> {"kept": ParsedFile, "dropped": Drop, "stats": dict[str, int]}.

    "stats" holds additive counters (core/counters.py, DEDUP_NEAR and NEAR_SIGNED/NEAR_TOO_SHORT): one
    dict per file signed or too short, one per duplicate cluster, and, when components did not
    converge, the files kept unsettled.
    """

    def __init__(self, d: DedupConfig, seed: int):
        super().__init__()
        self.d, self.seed = d, seed

    def expand(self, files):
        d = self.d
        if not d.near:
            return _no_dedup(files)
        minhash.band_shape(d)
        dedup.check_rank_config(d)  # fail at construction, not on a worker
        sign = files | "Sign" >> beam.ParDo(_Sign(d, self.seed)).with_outputs(STATS, main="signed")
        signed = sign.signed  # (id, (rank, signature bytes))
        clusters = signed | "Clusters" >> MinHashClusters(d, C.DEDUP_NEAR)
        keyed = files | "KeyFiles" >> beam.Map(lambda f: (dedup.file_id(f.facts), _bytes(f)))
        routed = (
            {"file": keyed, "drop": clusters["drops"]}
            | "JoinFiles" >> beam.CoGroupByKey()
            | "Route" >> beam.ParDo(_Route(REASON)).with_outputs(DROPPED, main=KEPT)
        )
        stats = (sign[STATS], clusters[STATS]) | "AllStats" >> beam.Flatten()
        return {KEPT: routed[KEPT], DROPPED: routed[DROPPED], STATS: stats}


EXACT_REASON = "exact_duplicate"


def _dedup_record(f, d: DedupConfig, seed: int):
    """What dedup needs of a file, without its text: (id, (exact key, keeper rank, signature bytes or None))."""
    return dedup.file_id(f.facts), (
        dedup.exact_key(f.facts),
        dedup.keeper_rank(f.facts, d),
        signature_bytes(f, d, seed) if d.near else None,
    )


def _exact_group(group):
    """One exact-duplicate group of records: the best-ranked keeps; each other id gets the keeper's name."""
    _, recs = group
    recs = sorted(recs, key=lambda r: r[1][1])
    yield recs[0]
    if len(recs) > 1:
        where = dedup.display_id(recs[0][0])
        for fid, _ in recs[1:]:
            yield beam.pvalue.TaggedOutput(DROPPED, (fid, (EXACT_REASON, where)))
        yield beam.pvalue.TaggedOutput(STATS, dedup.cluster_counters(len(recs), C.DEDUP_EXACT))


class _RouteFiles(beam.DoFn):
    """(id, {file: [KeptFile pickles], decision: [(reason, detail)], winner: [origin]}) -> the kept file or its
    Drop: a losing copy of a duplicated (repo, path) as duplicate_path, else the dedup decision."""

    def process(self, item):
        _, grouped = item
        decisions = list(grouped.get("decision", ()))
        winners = list(grouped.get("winner", ()))
        for f in map(pickle.loads, grouped["file"]):
            if winners and unique_paths.is_loser(f.origin, winners):
                yield beam.pvalue.TaggedOutput(DROPPED, unique_paths.duplicate_drop(f))
            elif decisions:
                reason, where = decisions[0]
                yield beam.pvalue.TaggedOutput(DROPPED, Drop(f.facts.repo, f.facts.path, reason, where, byte_size(f)))
            else:
                yield f


class FileDedup(beam.PTransform):
    """Exact then near dedup of files: PCollection[KeptFile or ParsedFile] -> {"kept", "dropped", "stats"}.

    Only small records cross the dedup shuffles (id, content hash, keeper rank,
    MinHash signature, computed where the text already is); the files themselves
    cross one join with the decisions. Same decisions as exact dedup by content
    hash followed by NearDedup on the exact keepers.

    With `winners` (unique_paths.Winners of the files read) the input may hold several copies of a
    (repo, path): only the winning copy's record takes part in dedup, and the others are dropped as
    duplicate_path at the join (the same files and reasons as removing them before dedup)."""

    def __init__(self, d: DedupConfig, seed: int, winners=None):
        super().__init__()
        self.d, self.seed, self.winners = d, seed, winners

    def expand(self, files):
        d, exact, near, winners = self.d, self.d.exact, self.d.near, self.winners
        if not exact and not near and winners is None:
            return _no_dedup(files)
        decisions, stats = [], []
        if exact or near:
            if near:
                minhash.band_shape(d)
            dedup.check_rank_config(d)
            if winners is None:
                recs = files | "DedupRecord" >> beam.Map(_dedup_record, d, self.seed)
            else:  # only the small records wait for the winners (a side input), never the files
                recs = (
                    files
                    | "DedupRecord" >> beam.Map(lambda f: (f.origin, _dedup_record(f, d, self.seed)))
                    | "FirstCopies" >> beam.FlatMap(unique_paths.first_copy, AsDict(winners))
                )
        if exact:
            ex = (
                recs
                | "BySha" >> beam.Map(lambda r: (r[1][0], r))
                | "GroupSha" >> beam.GroupByKey()
                | "ExactDedup" >> beam.FlatMap(_exact_group).with_outputs(DROPPED, STATS, main="kept")
            )
            recs = ex.kept
            decisions.append(ex[DROPPED])
            stats.append(ex[STATS])
        if near:
            signed = recs | "Signed" >> beam.FlatMap(
                lambda r: [(r[0], (r[1][1], r[1][2]))] if r[1][2] is not None else []
            )
            stats.append(recs | "SignCounts" >> beam.ParDo(SumPerBundle(lambda r: _sign_counters(r[1][2] is not None))))
            clusters = signed | "Clusters" >> MinHashClusters(d, C.DEDUP_NEAR)
            decisions.append(
                clusters["drops"] | "NearReason" >> beam.Map(lambda kv: (kv[0], (REASON, dedup.display_id(kv[1]))))
            )
            stats.append(clusters[STATS])
        keyed = files | "KeyFiles" >> beam.Map(lambda f: (dedup.file_id(f.facts), _bytes(f)))
        joined = {"file": keyed}
        if decisions:
            joined["decision"] = decisions | "AllDecisions" >> beam.Flatten()
        if winners is not None:
            joined["winner"] = winners
        routed = (
            joined
            | "JoinFiles" >> beam.CoGroupByKey()
            | "Route" >> beam.ParDo(_RouteFiles()).with_outputs(DROPPED, main=KEPT)
        )
        if not stats:
            stats.append(files.pipeline | "NoStats" >> beam.Create([]))
        return {KEPT: routed[KEPT], DROPPED: routed[DROPPED], STATS: stats | "AllStats" >> beam.Flatten()}


def _min_signature(sigs) -> bytes:
    """Elementwise minimum of MinHash signatures = the signature of the union of their shingle sets."""
    out = None
    for s in sigs:
        a = minhash.np.frombuffer(s, dtype=minhash.np.uint32)
        out = a.copy() if out is None else minhash.np.minimum(out, a)
    return out.tobytes()


class _RepoSign(beam.DoFn):
    """(repo, (repo rank, file signature)): the repository's rank ignores paths."""

    def __init__(self, d: DedupConfig, seed: int):
        self.d, self.seed = d, seed

    def process(self, f):
        sig = signature_bytes(f, self.d, self.seed)
        if sig is not None:
            yield f.facts.repo, (dedup.repo_rank(f.facts, self.d), sig)


class RepoNearDedup(beam.PTransform):
    """Repository-level near dedup (DeepSeek-Coder style), optional (`dedup.repo_level`).

    A repository's signature is the elementwise minimum of its files' signatures,
    which is exactly the MinHash of the union of their shingle sets (the
    concatenated code, less the shingles that would span two files), so no text
    is ever grouped by repository. Near-duplicate repositories are clustered like
    files; every file of a non-keeper repository is dropped (`near_duplicate_repo`,
    detail = the kept repository).
    """

    def __init__(self, d: DedupConfig, seed: int):
        super().__init__()
        self.d, self.seed = d, seed

    def expand(self, files):
        d = self.d
        if not d.repo_level:
            return _no_dedup(files)
        dedup.check_rank_config(d)
        signed = (
            files
            | "RepoSign" >> beam.ParDo(_RepoSign(d, self.seed))
            | "RepoSig" >> beam.CombinePerKey(lambda vs: _combine_repo(vs))
        )
        clusters = signed | "RepoClusters" >> MinHashClusters(d, C.DEDUP_REPO)
        keyed = files | "KeyByRepo" >> beam.Map(lambda f: (f.facts.repo, _bytes(f)))
        routed = (
            {"file": keyed, "drop": clusters["drops"]}
            | "JoinRepos" >> beam.CoGroupByKey()
            | "RouteRepo" >> beam.ParDo(_Route(REPO_REASON, repo_level=True)).with_outputs(DROPPED, main=KEPT)
        )
        return {KEPT: routed[KEPT], DROPPED: routed[DROPPED], STATS: clusters[STATS]}


def _combine_repo(values):
    """CombinePerKey body: values are (rank, sig) or already-combined (rank, sig); min rank, min signature."""
    values = list(values)
    return min(v[0] for v in values), _min_signature(v[1] for v in values)
