"""keeper_rank and the exact-dedup helpers (filters/dedup.py)."""

from __future__ import annotations

import itertools

import pytest

from repoloom.core.config import section
from repoloom.filters.dedup import DedupConfig
from repoloom.pipelines.config import load_config
from repoloom.core.types import FileFacts
from repoloom.core.counters import DEDUP_EXACT, DEDUP_NEAR
from repoloom.filters import dedup


def _f(repo, path, **meta):
    return FileFacts(repo, path, "python", 10, "same", meta=meta)


@pytest.fixture(scope="module")
def cfg():
    return section(load_config(), DedupConfig)


def test_licence_then_stars_then_path(cfg):
    gpl_popular = _f("z/gpl", "a.py", license="GPL-3.0", stars=10_000)
    mit_few = _f("y/mit", "a.py", license="MIT", stars=2)
    mit_many = _f("x/mit", "b.py", license="Apache-2.0", stars="50")
    unlicensed = _f("w/none", "a.py", stars=99_999)
    mit_tie_a = _f("a/mit", "a.py", license="MIT", stars=2)
    ordered = [mit_many, mit_tie_a, mit_few, unlicensed, gpl_popular]
    for perm in itertools.permutations(ordered):
        assert sorted(perm, key=lambda f: dedup.keeper_rank(f, cfg)) == ordered


def test_rank_is_configurable_and_validated(cfg):
    by_path = section(load_config(overrides={"dedup": {"rank": ["path"]}}), DedupConfig)
    a, b = _f("a", "x.py", license="GPL-3.0"), _f("b", "x.py", license="MIT", stars=5)
    assert min([a, b], key=lambda f: dedup.keeper_rank(f, by_path)) is a
    assert min([a, b], key=lambda f: dedup.keeper_rank(f, cfg)) is b
    with pytest.raises(dedup.RankConfigError):
        dedup.keeper_rank(a, section(load_config(overrides={"dedup": {"rank": ["age"]}}), DedupConfig))
    with pytest.raises(dedup.RankConfigError):
        dedup.check_rank_config(section(load_config(overrides={"dedup": {"rank": ["license", "age"]}}), DedupConfig))
    dedup.check_rank_config(cfg)


def test_licence_classes():
    assert dedup.license_class("MIT") == 0
    assert dedup.license_class(["MIT", "BSD-3-Clause"]) == 0
    assert dedup.license_class(None) == 1 and dedup.license_class([]) == 1
    assert dedup.license_class("GPL-2.0") == 2
    assert dedup.license_class(["MIT", "GPL-2.0"]) == 2


def test_cluster_counters():
    assert dedup.cluster_counters(2, DEDUP_EXACT) == {
        "dedup.exact.clusters": 1,
        "dedup.exact.cluster_size.2": 1,
        "dedup.exact.files_dropped": 1,
    }
    assert dedup.cluster_counters(57, DEDUP_NEAR)["dedup.near.cluster_size.11-100"] == 1
    assert dedup.size_bucket(5000) == "1001+"


def test_exact_key_is_the_normalised_content_hash():
    assert dedup.exact_key(_f("b", "x.py")) == "same"
