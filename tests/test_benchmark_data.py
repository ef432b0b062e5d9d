"""The benchmarks' frozen data sets load as their readers expect: every pairing set's JSON files (paths only, as
benchmarks/test_pairing_accuracy.py reads them) and every frozen secrets set's cases (as benchmarks/pii_eval.py reads
them, their digest the one frozen in benchmarks/pii_refs.py). Only the data is read: no rule of ours runs on it, so
a held-out set stays unseen."""

from __future__ import annotations

import glob
import json
import os
import re
import sys

import pytest

BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks")
sys.path.insert(0, BENCH)

import pii_eval  # noqa: E402
import pii_refs  # noqa: E402
import test_pairing_accuracy as pairing  # noqa: E402

COMMIT = re.compile(r"[0-9a-f]{40}")


@pytest.mark.parametrize("name", sorted(pairing.SETS))
def test_each_pairing_set_loads_with_one_row_per_test(name):
    paths = sorted(glob.glob(os.path.join(pairing.SETS[name], "*.json")))
    assert paths, name
    for path in paths:
        truth = pairing.load_truth(path)
        assert truth["name"] and truth["language"] and truth["pairs"], path
        tests = [p["test"] for p in truth["pairs"]]
        assert len(tests) == len(set(tests)), path  # no test listed twice
        for p in truth["pairs"]:
            assert isinstance(p["test"], str) and (p["subject"] is None or isinstance(p["subject"], str)), path
            scope = truth.get("scope", "")
            if scope:
                assert p["test"].startswith(scope + "/"), (path, p["test"])
        if truth["source"]["kind"] == "github":
            assert COMMIT.fullmatch(truth["source"]["commit"]), path


def test_every_pairing_group_names_known_sets():
    for group, names in pairing.GROUPS.items():
        assert set(names) <= set(pairing.SETS), group
    assert set(pairing.GROUPS["dev"]) <= set(pairing.GROUPS["all"])


@pytest.mark.parametrize("n", sorted(pii_eval.FROZEN_SETS))
def test_each_frozen_secrets_set_matches_its_digest(n):
    cases = pii_eval._frozen_cases(n)
    assert cases
    bare = [{k: v for k, v in c.items() if k not in ("gitleaks", "credsweeper")} for c in cases]
    assert pii_refs.cases_digest(bare) == getattr(pii_refs, f"FROZEN{n}_DIGEST")
    for c in cases:
        assert "gitleaks" in c and "credsweeper" in c  # both tools' spans, stored at freeze time
        for lab in c["labels"]:
            s, e = lab["secret"]
            assert 0 <= s < e <= len(c["text"])
    labels = os.path.join(BENCH, "data", f"secrets_frozen{n}_labels.jsonl")
    if os.path.exists(labels):  # sets 7 on are made from hand labels, one case per labelled line
        with open(labels, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        assert len(rows) == len(cases)
        assert all(c["positive"] == bool(c["labels"]) for c in cases)
        assert sum(len(r["values"]) for r in rows) == sum(len(c["labels"]) for c in cases)
