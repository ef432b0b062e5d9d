"""Thresholds at their edges, from the documented settings: one line over `quality.max_line` drops a file
whose mean line is short (StarCoder's rule), and `decontam.min_hits` is the least number of matching n-grams
that drops a file (so exactly min_hits drops it, one fewer does not)."""

import inspect
import json as json_module

from repoloom.core.config import section
from repoloom.filters.decontam import DecontamConfig
from repoloom.filters.quality import QualityConfig
from repoloom.pipelines.config import load_config
from repoloom.filters import decontam, quality

REAL = inspect.getsource(json_module)


def _reason(text, cfg, path="m.py"):
    return quality.quality_reason(quality.quality_scores(text), "python", cfg, path)


def test_one_overlong_line_drops_a_file_with_short_mean_lines():
    cfg = section(load_config(), QualityConfig)
    limit = int(cfg.max_line)
    assert _reason(REAL, cfg) is None
    words = " ".join(["value"] * (limit // 6 + 1))  # ordinary words and spaces: long, not minified
    at_limit = REAL + f'\nDOC = "{words[: limit - 8]}"\n'
    over_limit = REAL + f'\nDOC = "{words[: limit - 7]}"\n'
    assert max(map(len, at_limit.split("\n"))) == limit and _reason(at_limit, cfg) is None
    assert max(map(len, over_limit.split("\n"))) == limit + 1 and _reason(over_limit, cfg) == "long_lines"


def test_min_hits_is_inclusive(tmp_path):
    path = tmp_path / "bench.jsonl"
    code = "def remove_occ(s, ch):\n    for i in range(len(s)):\n        if s[i] == ch:\n            s = s[:i] + s[i + 1:]\n            break\n    return s\n"
    path.write_text(json_module.dumps({"task_id": 7, "code": code}) + "\n")
    base = {"packages": [], "n": 10, "files": [{"path": str(path), "name": "bench", "fields": ["code"]}]}
    cfg = section(load_config(overrides={"decontam": base}), DecontamConfig)
    pasted = "# helper\n" + code
    hits = decontam.matches(pasted, decontam.load_index(cfg))["bench:7"]
    assert hits > 1
    at = section(load_config(overrides={"decontam": {**base, "min_hits": hits}}), DecontamConfig)
    above = section(load_config(overrides={"decontam": {**base, "min_hits": hits + 1}}), DecontamConfig)
    assert decontam.contamination(pasted, at) == "bench:7"
    assert decontam.contamination(pasted, above) is None
