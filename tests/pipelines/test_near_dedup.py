"""NearDedup on Beam's DirectRunner with small real-code inputs."""

from __future__ import annotations

import inspect
import random
import re

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from repoloom.core.config import section
from repoloom.filters.dedup import DedupConfig
from repoloom.pipelines.config import load_config
from repoloom.core.types import FileFacts, ParsedFile
from repoloom.filters import dedup, minhash
from repoloom.pipelines.sink import SumCounters
from repoloom.pipelines.near_dedup import NearDedup


def _pf(repo: str, path: str, text: str, **meta) -> ParsedFile:
    return ParsedFile(text=text, facts=FileFacts(repo, path, "python", len(text), "sha-" + path, meta=meta))


def _real_sources() -> list[str]:
    import json.decoder
    import json.encoder
    import logging.handlers
    import textwrap
    import zipfile

    return [inspect.getsource(m) for m in (json.decoder, json.encoder, textwrap, logging.handlers, zipfile)]


def _edit(text: str, seed: int) -> str:
    """A planted near-duplicate: one identifier renamed, a comment added, some lines re-indented."""
    r = random.Random(seed)
    names = sorted(set(re.findall(r"\b[a-z_][a-z0-9_]{5,}\b", text)))
    old = r.choice(names)
    text = re.sub(rf"\b{old}\b", old + "_renamed", text, count=3)
    lines = text.split("\n")
    lines.insert(r.randrange(len(lines)), "# a comment added by a fork")
    return "\n".join(lines).replace("    return", "    return  ")


@pytest.fixture(scope="module")
def cfg():
    return section(load_config(), DedupConfig)  # dedup.cc "union": one union-find step over the verified pairs


def test_planted_near_duplicates_keep_the_best_ranked_copy(cfg):
    srcs = _real_sources()
    base = srcs[0]
    files = [
        _pf("a/orig", "json/decoder.py", base, license="GPL-3.0", stars=900),
        _pf("b/fork", "vendored/decoder.py", _edit(base, 1), license="MIT", stars=5),  # permissive wins
        _pf("c/fork", "decoder.py", _edit(base, 2), license="MIT", stars=1),
        _pf("d/other", "encoder.py", srcs[1]),
        _pf("e/other", "textwrap.py", srcs[2]),
        _pf("f/other", "tiny.py", "x = 1\n"),  # too short to shingle: always kept
    ]
    kept = [
        ("b/fork", "vendored/decoder.py"),
        ("d/other", "encoder.py"),
        ("e/other", "textwrap.py"),
        ("f/other", "tiny.py"),
    ]
    dropped = [
        ("a/orig", "json/decoder.py", "near_duplicate", "b/fork/vendored/decoder.py"),
        ("c/fork", "decoder.py", "near_duplicate", "b/fork/vendored/decoder.py"),
    ]
    with TestPipeline() as p:
        # Reversed and reshuffled input: arrival order must not choose the keeper.
        out = p | beam.Create(files[::-1], reshuffle=True) | NearDedup(cfg, 0)
        assert_that(out["kept"] | "K" >> beam.Map(lambda f: (f.facts.repo, f.facts.path)), equal_to(kept), label="kept")
        assert_that(
            out["dropped"] | "D" >> beam.Map(lambda d: (d.repo, d.path, d.reason, d.detail)),
            equal_to(dropped),
            label="dropped",
        )
        assert_that(
            out["dropped"] | "S" >> beam.Map(lambda d: d.size),
            equal_to([len(files[0].text.encode()), len(files[2].text.encode())]),
            label="sizes",
        )
        assert_that(
            out["stats"] | "Sum" >> beam.CombineGlobally(SumCounters()),
            equal_to(
                [
                    {
                        "dedup.near.clusters": 1,
                        "dedup.near.cluster_size.3": 1,
                        "dedup.near.files_dropped": 2,
                        "dedup.near.signed": 5,
                        "dedup.near.too_short": 1,
                    }
                ]
            ),
            label="stats",
        )


def _chain(n: int, seed: int = 7) -> list[str]:
    """Files that are windows over one token stream: neighbours are near-duplicates, ends are not."""
    r = random.Random(seed)
    words = [f"w{r.randrange(10**6)}" for _ in range(400)]
    return [" ".join(words[i * 6 : i * 6 + 100]) for i in range(n)]


@pytest.mark.parametrize("mode", ["union", "rounds"])
def test_transitive_chain_is_one_cluster_and_matches_reference(cfg, mode):
    cfg = section(load_config(overrides={"dedup": {"cc": mode, "cc_rounds": 3}}), DedupConfig)
    texts = _chain(14)
    sigs = [minhash.signature(t, cfg, 0) for t in texts]
    assert minhash.estimated_jaccard(sigs[0], sigs[-1]) < 0.2  # the ends are not similar themselves
    files = [_pf("r", f"f{i:02d}.py", t) for i, t in enumerate(texts)]
    ref = minhash.clusters_local([(dedup.file_id(f.facts), s) for f, s in zip(files, sigs)], cfg)
    assert len(ref) == 1 and len(ref[0]) == 14
    with TestPipeline() as p:
        out = p | beam.Create(files) | NearDedup(cfg, 0)
        assert_that(out["kept"] | "K" >> beam.Map(lambda f: f.facts.path), equal_to(["f00.py"]), label="kept")
        assert_that(out["dropped"] | "D" >> beam.Map(lambda d: d.detail), equal_to(["r/f00.py"] * 13), label="detail")
        assert_that(
            out["stats"]
            | "Sum" >> beam.CombineGlobally(SumCounters())
            | "C" >> beam.Map(lambda s: (s.get("dedup.near.cluster_size.11-100", 0), s["dedup.near.signed"])),
            equal_to([(1, 14)]),
            label="stats",
        )


def test_unconverged_components_under_deduplicate_and_report(cfg):
    texts = _chain(14)
    files = [_pf("r", f"f{i:02d}.py", t) for i, t in enumerate(texts)]
    few = section(
        load_config(overrides={"dedup": {"cc": "rounds", "cc_rounds": 0}}), DedupConfig
    )  # labels from direct neighbours only
    with TestPipeline() as p:
        out = p | beam.Create(files) | NearDedup(few, 0)
        kept = out["kept"] | "K" >> beam.Map(lambda f: f.facts.path) | beam.combiners.Count.Globally()
        # More than one copy survives (split components), but not all: neighbours still merge.
        assert_that(kept, lambda got: _between(got[0], 2, len(files) - 1), label="some kept")
        # Every drop names a copy that is itself kept.
        kept_ids = out["kept"] | "KeptIds" >> beam.Map(lambda f: (f"r/{f.facts.path}", "kept"))
        named = out["dropped"] | "Named" >> beam.Map(lambda d: (d.detail, "named"))
        orphans = (
            (kept_ids, named)
            | "Both" >> beam.Flatten()
            | "ById" >> beam.GroupByKey()
            | "Orphans" >> beam.Filter(lambda kv: "kept" not in kv[1])
        )
        assert_that(orphans, equal_to([]), label="orphans")
        unconverged = (
            out["stats"] | beam.Map(lambda s: s.get("dedup.near.cc_unsettled", 0)) | "Sum" >> beam.CombineGlobally(sum)
        )
        assert_that(unconverged, lambda got: _between(got[0], 1, 10_000), label="unconverged")


def _between(x, lo, hi):
    assert lo <= x <= hi, (x, lo, hi)


def test_disabled_keeps_everything(cfg):
    off = section(load_config(overrides={"dedup": {"near": False}}), DedupConfig)
    src = _real_sources()[0]
    files = [_pf("a", "x.py", src), _pf("b", "x.py", src)]
    with TestPipeline() as p:
        out = p | beam.Create(files) | NearDedup(off, 0)
        assert_that(out["kept"] | beam.Map(lambda f: f.facts.repo), equal_to(["a", "b"]), label="kept")
        assert_that(out["dropped"], equal_to([]), label="dropped")


def test_repository_level_drops_every_file_of_a_near_duplicate_repository(cfg):
    from repoloom.pipelines.near_dedup import RepoNearDedup

    srcs = _real_sources()
    repo_cfg = section(load_config(overrides={"dedup": {"repo_level": True}}), DedupConfig)
    files = [
        _pf("up/lib", "a.py", srcs[0], stars=50),
        _pf("up/lib", "b.py", srcs[1], stars=50),
        _pf("fork/lib", "src/a.py", _edit(srcs[0], 3), stars=2),
        _pf("fork/lib", "src/b.py", srcs[1], stars=2),
        _pf("fork/lib", "NOTES.md", "short notes\n", stars=2),  # no signature, still dropped with its repo
        _pf("other/x", "a.py", srcs[2]),
    ]
    with TestPipeline() as p:
        out = p | beam.Create(files) | RepoNearDedup(repo_cfg, 0)
        assert_that(
            out["kept"] | "K" >> beam.Map(lambda f: (f.facts.repo, f.facts.path)),
            equal_to([("up/lib", "a.py"), ("up/lib", "b.py"), ("other/x", "a.py")]),
            label="kept",
        )
        assert_that(
            out["dropped"] | "D" >> beam.Map(lambda d: (d.path, d.reason, d.detail)),
            equal_to(
                [
                    ("src/a.py", "near_duplicate_repo", "up/lib"),
                    ("src/b.py", "near_duplicate_repo", "up/lib"),
                    ("NOTES.md", "near_duplicate_repo", "up/lib"),
                ]
            ),
            label="dropped",
        )
        assert_that(
            out["stats"],
            equal_to([{"dedup.repo.clusters": 1, "dedup.repo.cluster_size.2": 1, "dedup.repo.files_dropped": 1}]),
            label="stats",
        )


def test_file_dedup_exact_then_near_in_one_pass(cfg):
    from repoloom.pipelines.near_dedup import FileDedup

    srcs = _real_sources()
    base = srcs[0]

    def pf(repo, path, text, sha, **meta):
        return ParsedFile(text=text, facts=FileFacts(repo, path, "python", len(text), sha, meta=meta))

    files = [
        pf("a/orig", "json/decoder.py", base, "s-base", license="MIT", stars=900),
        pf("z/copy", "decoder.py", base, "s-base", license="MIT", stars=1),  # exact copy: exact_duplicate
        pf("b/fork", "decoder.py", _edit(base, 1), "s-fork", license="MIT", stars=5),  # near copy
        pf("d/other", "encoder.py", srcs[1], "s-enc"),
    ]
    with TestPipeline() as p:
        out = p | beam.Create(files[::-1], reshuffle=True) | FileDedup(cfg, 0)
        assert_that(
            out["kept"] | "K" >> beam.Map(lambda f: (f.facts.repo, f.facts.path)),
            equal_to([("a/orig", "json/decoder.py"), ("d/other", "encoder.py")]),
            label="kept",
        )
        assert_that(
            out["dropped"] | "D" >> beam.Map(lambda d: (d.repo, d.reason, d.detail, d.size)),
            equal_to(
                [
                    ("z/copy", "exact_duplicate", "a/orig/json/decoder.py", len(base.encode())),
                    ("b/fork", "near_duplicate", "a/orig/json/decoder.py", len(files[2].text.encode())),
                ]
            ),
            label="dropped",
        )
        assert_that(
            out["stats"] | "Sum" >> beam.CombineGlobally(SumCounters()),
            equal_to(
                [
                    {
                        "dedup.exact.cluster_size.2": 1,
                        "dedup.exact.clusters": 1,
                        "dedup.exact.files_dropped": 1,
                        "dedup.near.cluster_size.2": 1,
                        "dedup.near.clusters": 1,
                        "dedup.near.files_dropped": 1,
                        "dedup.near.signed": 3,
                    }
                ]
            ),
            label="stats",
        )


APACHE_HEADER = """/*
 * Licensed to the Apache Software Foundation (ASF) under one
 * or more contributor license agreements.  See the NOTICE file
 * distributed with this work for additional information
 * regarding copyright ownership.  The ASF licenses this file
 * to you under the Apache License, Version 2.0 (the
 * "License"); you may not use this file except in compliance
 * with the License.  You may obtain a copy of the License at
 *
 *   http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an
 * "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
 * KIND, either express or implied.  See the License for the
 * specific language governing permissions and limitations
 * under the License.
 */
"""


def test_a_shared_licence_header_does_not_make_files_of_different_languages_duplicates(cfg):
    """package-info.java is little more than the licence header that a .github/*.txt template also holds:
    alike as text, but a shingle belongs to a language, so only same-language copies are near-duplicates."""
    from repoloom.pipelines.near_dedup import FileDedup

    java = APACHE_HEADER + "/** Readers for the wire format. */\npackage org.example.wire;\n"
    txt = APACHE_HEADER + "\nLicense header template for new files.\n"

    def pf(repo, path, text, language):
        return ParsedFile(text=text, facts=FileFacts(repo, path, language, len(text), f"sha-{repo}/{path}"))

    files = [
        pf("a/lib", "src/org/example/wire/package-info.java", java, "java"),
        pf("a/lib", ".github/license-header.txt", txt, None),
        pf("b/fork", "src/org/example/wire/package-info.java", java.replace("wire", "wires"), "java"),
    ]
    assert (
        minhash.estimated_jaccard(minhash.signature(java, cfg, 0), minhash.signature(txt, cfg, 0)) >= 0.7
    )  # alike as text
    with TestPipeline() as p:
        out = p | beam.Create(files) | FileDedup(cfg, 0)
        assert_that(
            out["kept"] | "K" >> beam.Map(lambda f: (f.facts.repo, f.facts.path)),
            equal_to([("a/lib", "src/org/example/wire/package-info.java"), ("a/lib", ".github/license-header.txt")]),
            label="kept",
        )
        assert_that(
            out["dropped"] | "D" >> beam.Map(lambda d: (d.repo, d.path, d.reason)),
            equal_to([("b/fork", "src/org/example/wire/package-info.java", "near_duplicate")]),
            label="dropped",
        )


def test_band_keys_batched_by_shard_give_the_pairs_of_one_group_per_band_key(cfg, monkeypatch):
    """Batches (flushed every few keys, as a big bundle does) regrouped per shard give exactly the candidate
    pairs that one group per band key gives, hot buckets (over max_bucket) included."""
    from repoloom.pipelines import near_dedup as nd

    srcs = _real_sources()
    texts = [(f"r/{i}\x00f{j}.py", _edit(s, j) if j else s) for i, s in enumerate(srcs) for j in range(5)]
    bands, rows = minhash.band_shape(cfg)
    signed = [(fid, (0, minhash.signature(t, cfg, 0, "python").tobytes())) for fid, t in texts]
    by_key: dict[bytes, list[str]] = {}
    for fid, (_, sig) in signed:
        for k in minhash.band_keys_of_bytes(sig, bands, rows):
            by_key.setdefault(k, []).append(fid)
    max_bucket, hubs = 3, 2  # the five copies of a source share buckets: over max_bucket, so hubs apply
    assert any(len(m) > max_bucket for m in by_key.values())
    want = {p for m in by_key.values() if len(m) > 1 for p in minhash.bucket_pairs(m, max_bucket, hubs)}

    monkeypatch.setattr(nd, "BATCH", 7)
    fn = nd._Batches(lambda kv: nd._band_entries(kv, bands, rows))
    fn.start_bundle()
    out = [x for kv in signed for x in fn.process(kv)]
    out += [w.value for w in fn.finish_bundle()]
    groups: dict[int, list] = {}
    for shard, batch in out:
        assert all(nd.band_shard(k) == shard for k, _ in batch)
        groups.setdefault(shard, []).append(batch)
    assert len(out) > len(groups)  # a shard's keys came in several batches
    assert sum(len(b) for bs in groups.values() for b in bs) == len(signed) * bands
    got = [p for g in groups.items() for p in nd._pairs(g, max_bucket, hubs)]
    assert set(got) == want and len(want) > len(srcs)


def test_losing_copies_of_a_path_leave_at_the_join_and_take_no_part_in_dedup(cfg):
    """With the winners of the files read (unique_paths.Winners), a losing copy of a (repo, path) is dropped
    as duplicate_path at FileDedup's join and its record never reaches dedup: the same files and reasons as
    removing the losers first. Here the loser is the best-ranked copy of another repository's file: had it
    taken part, that file would have dropped as its exact duplicate."""
    import hashlib

    from repoloom.core.types import SourceFile
    from repoloom.pipelines.near_dedup import FileDedup
    from repoloom.pipelines.unique_paths import Winners

    srcs = _real_sources()

    def pf(repo, path, text, origin, **meta):
        facts = FileFacts(repo, path, "python", len(text), hashlib.sha256(text.encode()).hexdigest(), meta=meta)
        return ParsedFile(text=text, facts=facts, origin=origin)

    files = [
        pf("a/lib", "util.py", srcs[0], "u1\x00dir\x00000000000001", stars=5),  # the winner: smallest origin
        pf("a/lib", "util.py", srcs[1], "u2\x00zip\x00000000000000", stars=900),  # its loser
        pf("z/other", "encoder.py", srcs[1], "u3\x00dir\x00000000000000", stars=1),  # exact copy of the loser's text
        pf("b/fork", "decoder.py", _edit(srcs[0], 1), "u4\x00dir\x00000000000000", stars=1),  # near copy of the winner
        pf("q/r", "s.py", srcs[2], "u9\x00dir\x00000000000002"),  # a loser whose winner the per-file stage dropped
    ]
    read = [SourceFile(f.facts.repo, f.facts.path, b"", origin=f.origin) for f in files]
    read.append(SourceFile("q/r", "s.py", b"", origin="u9\x00dir\x00000000000001"))
    with TestPipeline() as p:
        winners = p | "Read" >> beam.Create(read) | Winners()
        out = p | beam.Create(files[::-1], reshuffle=True) | FileDedup(cfg, 0, winners)
        assert_that(
            out["kept"] | "K" >> beam.Map(lambda f: (f.facts.repo, f.facts.path, f.origin)),
            equal_to([("a/lib", "util.py", files[0].origin), ("z/other", "encoder.py", files[2].origin)]),
            label="kept",
        )
        assert_that(
            out["dropped"] | "D" >> beam.Map(lambda d: (d.repo, d.path, d.reason, d.detail, d.size)),
            equal_to(
                [
                    ("a/lib", "util.py", "duplicate_path", _DUPLICATE_PATH_DETAIL, len(srcs[1].encode())),
                    ("q/r", "s.py", "duplicate_path", _DUPLICATE_PATH_DETAIL, len(srcs[2].encode())),
                    ("b/fork", "decoder.py", "near_duplicate", "a/lib/util.py", len(files[3].text.encode())),
                ]
            ),
            label="dropped",
        )
        assert_that(
            out["stats"] | "Sum" >> beam.CombineGlobally(SumCounters()),
            equal_to(
                [
                    {
                        "dedup.near.cluster_size.2": 1,
                        "dedup.near.clusters": 1,
                        "dedup.near.files_dropped": 1,
                        "dedup.near.signed": 3,  # the winner, z/other and b/fork: no loser signed
                    }
                ]
            ),
            label="stats",
        )


_DUPLICATE_PATH_DETAIL = "another input holds the same repository path"
