"""Near-duplicate removal as a Beam stage: MinHash LSH, verified pairs, distributed connected components.

    ParsedFile ─▶ (id, signature)           per file (filters.minhash)
      ─▶ (band key, id) ─▶ GroupByKey      one bucket per band key
      ─▶ candidate pairs ─▶ Distinct       bounded per bucket (minhash.bucket_pairs)
      ─▶ join signatures twice ─▶ edges    pairs whose estimated Jaccard >= threshold
      ─▶ min-label propagation + pointer jumping, `cc_rounds` times ─▶ (id, cluster label)
      ─▶ keeper per label by keeper_rank   CombinePerKey(min), never arrival order
      ─▶ join back to the files            kept ParsedFile / Drop(reason="near_duplicate")

No step holds more than one key's values: every global decision is a GroupByKey,
CoGroupByKey or CombinePerKey, so the result is the same on any runner and
bundle order. Labels are always node ids of the same component and only
decrease, so if a component has not fully converged after `cc_rounds` (its
diameter outgrew the doubling), it is split in parts that each keep a copy:
we under-deduplicate, never drop a file whose cluster kept nothing. The
`dedup.near.cc_unconverged_edges` counter says when that happened.
"""
from __future__ import annotations

import apache_beam as beam
from apache_beam.metrics import Metrics

from repoloom.core.types import Drop, ParsedFile
from repoloom.filters import dedup, minhash

KEPT, DROPPED, STATS = "kept", "dropped", "stats"
REASON = "near_duplicate"


class _Sign(beam.DoFn):
    """(id, (keeper rank, signature bytes)) for each file long enough to shingle."""

    def __init__(self, cfg: dict):
        self.cfg = cfg
        self.signed = Metrics.counter("dedup", "near.signed")
        self.short = Metrics.counter("dedup", "near.too_short")

    def process(self, f: ParsedFile):
        sig = minhash.signature(f.text, self.cfg)
        if sig is None:
            self.short.inc()
            return
        self.signed.inc()
        yield dedup.file_id(f.facts), (dedup.keeper_rank(f.facts, self.cfg), sig.tobytes())


def _pairs(bucket, max_bucket: int, hubs: int):
    _, members = bucket
    members = list(members)
    if len(members) > 1:
        yield from minhash.bucket_pairs(members, max_bucket, hubs)


def _attach_first(item):
    """(a, {pair: [b...], sig: [sig_a]}) -> (b, (a, sig_a))."""
    a, grouped = item
    sigs = list(grouped["sig"])
    if not sigs:
        return
    for b in grouped["pair"]:
        yield b, (a, sigs[0])


def _verify(item, threshold: float):
    """(b, {pair: [(a, sig_a)...], sig: [sig_b]}) -> edges (a, b) that pass the estimated Jaccard."""
    b, grouped = item
    sigs = list(grouped["sig"])
    if not sigs:
        return
    for a, sig_a in grouped["pair"]:
        if minhash.estimated_jaccard(sig_a, sigs[0]) >= threshold:
            yield a, b


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
    """Pointer jumping: each node whose label is x takes x's own label (labels only decrease)."""
    x, grouped = item
    own = list(grouped["label"])
    best = min([x] + own)
    for child in grouped["child"]:
        yield child, best


def _unconverged(item):
    """1 for each edge whose ends ended with different labels."""
    _, grouped = item
    labels = list(grouped["label"])
    for other_label in grouped["edge"]:
        if labels and labels[0] != other_label:
            yield 1


def _members(item):
    node, grouped = item
    labels, ranks = list(grouped["label"]), list(grouped["rank"])
    if labels and ranks:
        yield labels[0], (ranks[0], node)


def _drops_of_cluster(item):
    """(label, {member: [(rank, id)...], keeper: [(rank, id)]}) -> (id, keeper id) for the non-keepers."""
    _, grouped = item
    keeper = list(grouped["keeper"])[0][1]
    for _, node in grouped["member"]:
        if node != keeper:
            yield node, keeper


class _Route(beam.DoFn):
    def __init__(self):
        self.dropped = Metrics.counter("dedup", "near.dropped")

    def process(self, item):
        _, grouped = item
        keepers = list(grouped["drop"])
        for f in grouped["file"]:
            if keepers:
                self.dropped.inc()
                yield beam.pvalue.TaggedOutput(
                    DROPPED, Drop(f.facts.repo, f.facts.path, REASON, dedup.display_id(keepers[0]), f.facts.size))
            else:
                yield f


class NearDedup(beam.PTransform):
    """PCollection[ParsedFile] -> {"kept": ParsedFile, "dropped": Drop, "stats": dict[str, int]}.

    "stats" holds additive counters, one dict per duplicate cluster
    (`dedup.near.clusters`, `dedup.near.cluster_size.<n>`, `dedup.near.files_dropped`)
    and, when components did not converge, `dedup.near.cc_unconverged_edges`.
    """

    def __init__(self, cfg: dict):
        super().__init__()
        self.cfg = cfg

    def expand(self, files):
        cfg, d = self.cfg, self.cfg["dedup"]
        if not d["near"]:
            p = files.pipeline
            return {KEPT: files, DROPPED: p | "NoDrops" >> beam.Create([]), STATS: p | "NoStats" >> beam.Create([])}
        bands, rows = minhash.band_shape(cfg)

        signed = files | "Sign" >> beam.ParDo(_Sign(cfg))
        sigs = signed | "SigOnly" >> beam.Map(lambda kv: (kv[0], kv[1][1]))
        ranks = signed | "RankOnly" >> beam.Map(lambda kv: (kv[0], kv[1][0]))

        pairs = (
            signed
            | "BandKeys" >> beam.FlatMap(lambda kv: [(k, kv[0]) for k in minhash.band_keys(
                minhash.np.frombuffer(kv[1][1], dtype=minhash.np.uint32), bands, rows)])
            | "Buckets" >> beam.GroupByKey()
            | "Pairs" >> beam.FlatMap(_pairs, d["max_bucket"], d["hubs"])
            | "DistinctPairs" >> beam.Distinct()
        )
        first = ({"pair": pairs, "sig": sigs} | "JoinSigA" >> beam.CoGroupByKey()
                 | "AttachSigA" >> beam.FlatMap(_attach_first))
        edges = ({"pair": first, "sig": sigs} | "JoinSigB" >> beam.CoGroupByKey()
                 | "Verify" >> beam.FlatMap(_verify, float(d["threshold"])))

        adj = edges | "Undirected" >> beam.FlatMap(lambda e: [(e[0], e[1]), (e[1], e[0])])
        labels = (edges | "InitLabels" >> beam.FlatMap(lambda e: [(e[0], e[0]), (e[1], min(e))])
                  | "InitMin" >> beam.CombinePerKey(min))
        for i in range(d["cc_rounds"]):
            labels = ({"adj": adj, "label": labels} | f"Propagate{i}" >> beam.CoGroupByKey()
                      | f"Send{i}" >> beam.FlatMap(_propagate) | f"Min{i}" >> beam.CombinePerKey(min))
            children = labels | f"Children{i}" >> beam.Map(lambda kv: (kv[1], kv[0]))
            labels = ({"child": children, "label": labels} | f"JumpJoin{i}" >> beam.CoGroupByKey()
                      | f"Jump{i}" >> beam.FlatMap(_jump) | f"JumpMin{i}" >> beam.CombinePerKey(min))

        # Convergence check: edge (a, b) -> label(a) sent to b, compared with label(b).
        a_labels = ({"edge": edges, "label": labels} | "EdgeJoinA" >> beam.CoGroupByKey()
                    | "SendA" >> beam.FlatMap(lambda kv: [(b, kv[1]["label"][0]) for b in kv[1]["edge"]]
                                              if list(kv[1]["label"]) else []))
        unconverged = ({"edge": a_labels, "label": labels} | "EdgeJoinB" >> beam.CoGroupByKey()
                       | "Unconverged" >> beam.FlatMap(_unconverged)
                       | "CountUnconverged" >> beam.CombineGlobally(sum).without_defaults()
                       | "UnconvergedStat" >> beam.Map(lambda n: {"dedup.near.cc_unconverged_edges": n}))

        members = ({"label": labels, "rank": ranks} | "JoinRank" >> beam.CoGroupByKey()
                   | "Members" >> beam.FlatMap(_members))
        keepers = members | "Keeper" >> beam.CombinePerKey(min)
        sizes = (members | "ClusterSize" >> beam.combiners.Count.PerKey()
                 | "SizeStats" >> beam.Map(lambda kv: dedup.cluster_counters(kv[1], "dedup.near")))
        drop_ids = ({"member": members, "keeper": keepers} | "JoinKeeper" >> beam.CoGroupByKey()
                    | "DropIds" >> beam.FlatMap(_drops_of_cluster))

        keyed = files | "KeyFiles" >> beam.Map(lambda f: (dedup.file_id(f.facts), f))
        routed = ({"file": keyed, "drop": drop_ids} | "JoinFiles" >> beam.CoGroupByKey()
                  | "Route" >> beam.ParDo(_Route()).with_outputs(DROPPED, main=KEPT))
        stats = (sizes, unconverged) | "Stats" >> beam.Flatten()
        return {KEPT: routed[KEPT], DROPPED: routed[DROPPED], STATS: stats}
