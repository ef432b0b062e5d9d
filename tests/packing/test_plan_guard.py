"""A planning rule that raises on one repository's code never stops the build: that repository is planned in
path order (no edges, no test pairs), every piece is still placed, and the failure is counted and logged."""

from __future__ import annotations

import json
import logging

from repoloom.core import counters as C
from repoloom.core.types import FileFacts
from repoloom.packing import plan as plan_mod
from repoloom.packing.plan import PlanConfig, plan_repository
from repoloom.packing.testpairs import UnitTestsConfig
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig
from tests.pipelines.helpers import build

UTIL = "def slugify(text):\n    return '-'.join(text.lower().split())\n"
VIEWS = "from app.util import slugify\n\n\ndef page(title):\n    return {'slug': slugify(title)}\n"
TEST = "from app.util import slugify\n\n\ndef test_slugify():\n    assert slugify('A b') == 'a-b'\n"


def _items(repo: str) -> list[tuple[FileFacts, list[int]]]:
    files = {"app/views.py": VIEWS, "app/util.py": UTIL, "tests/test_util.py": TEST}
    return [(file_facts(repo, path, text, "python"), [40, 30]) for path, text in files.items()]


def _config() -> PlanConfig:
    return PlanConfig(GraphConfig(), UnitTestsConfig(), seq_len=256)


def _raise_on_bad(real):
    def pair_tests(facts, rg, cfg):
        if facts and facts[0].repo == "bad":
            raise AttributeError("'NoneType' object has no attribute 'name'")
        return real(facts, rg, cfg)

    return pair_tests


def test_a_raising_rule_plans_the_repository_in_path_order(monkeypatch, caplog):
    monkeypatch.setattr(plan_mod.testpairs, "pair_tests", _raise_on_bad(plan_mod.testpairs.pair_tests))
    good = plan_repository("good", _items("good"), _config())
    with caplog.at_level(logging.WARNING):
        bad = plan_repository("bad", _items("bad"), _config())
    assert good.edges and good.tests and C.PLAN_FAILED_REPOS not in good.stats
    assert bad.order == ["app/util.py", "app/views.py", "tests/test_util.py"]
    assert bad.edges == [] and bad.tests == []
    placed = sorted(piece for seg in bad.segments for piece in seg)
    assert placed == sorted((path, i) for path in bad.order for i in (0, 1))
    assert bad.stats[C.PLAN_FAILED_REPOS] == 1 and bad.stats[C.PLAN_FILES] == 3
    assert "planning bad failed" in caplog.text and "AttributeError" in caplog.text


def test_a_build_keeps_every_file_of_a_repository_whose_planning_raised(tmp_path, monkeypatch, capsys):
    for repo in ("good", "bad"):
        for path, text in {"app/views.py": VIEWS, "app/util.py": UTIL, "tests/test_util.py": TEST}.items():
            f = tmp_path / "coll" / repo / path
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(f"# {repo}: {path}\n" + text.replace("slugify", f"slugify_{repo}") * 3)  # not duplicates
    monkeypatch.setattr(plan_mod.testpairs, "pair_tests", _raise_on_bad(plan_mod.testpairs.pair_tests))
    out = tmp_path / "out"
    assert build([tmp_path / "coll"], out, "--seq-len", 256, "--set", "tokenizer.vocab_size=500") == 0
    stats = json.loads((out / "stats.json").read_text())
    info = json.loads((out / "dataset.json").read_text())
    assert stats[C.PLAN_FAILED_REPOS] == 1 and stats[C.PLAN_REPOS] == 2
    assert info["files_kept"] == 6 and stats.get(C.PLAN_UNPLACED_PIECES, 0) == 0
    assert "planning raised for 1 repositories" in capsys.readouterr().err
