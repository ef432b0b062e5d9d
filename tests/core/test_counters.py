"""Counters are declared names (core/counters.py): undeclared keys and misspelt names fail, and no
stats key is written as a string literal anywhere else in the package."""

from __future__ import annotations

import ast
import json
import pathlib

import pytest

from repoloom.core import counters as C
from repoloom.core.counters import UndeclaredCounter
from repoloom.filters import dedup
from repoloom.fim import stats as fim_stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCANNED = ("core", "filters", "fim", "packing", "pipelines", "syntax", "train", "benchmarks")
FAMILY_HEADS = tuple(p + "." for p in C._FAMILIES)
UNDOTTED = frozenset(n for n in C._COUNTERS if "." not in n)  # files_in, pieces, ...: also dataset.json fields


def test_every_key_a_build_produces_is_declared():
    stats = {
        C.FILES_IN: 3,
        C.DROPPED.key("binary"): 1,
        C.DROPPED_BYTES.key("binary"): 9,
        C.ROWS.key("train"): 2,
        C.FILL.key("90-100%"): 2,
        C.PACKING_CUT.key("line_end"): 1,
        C.DECONTAM_HITS.key("humaneval"): 1,
        **dedup.cluster_counters(3, C.DEDUP_NEAR),
        **dedup.cluster_counters(2, C.DEDUP_EXACT),
        **fim_stats.fim_counters({"middle": (3, 9), "mode": "spm", "method": "node"}, "go"),
    }
    C.check(stats)
    assert stats["fim.lang.go.method.node"] == 1 and stats["dedup.near.cluster_size.3"] == 1
    assert C.DROPPED.items(stats) == {"binary": 1} and C.ROWS.total(stats) == 2


@pytest.mark.parametrize(
    "key",
    [
        "files_kep",
        "dropped",
        "dedup.near.clusterz",
        "rows.trian",
        "fim.lang.go.psn",
        "fim.lang.go",
        "fim.methods.node",
        "graph.edge",
    ],
)
def test_a_misspelt_key_fails_check_naming_it(key):
    with pytest.raises(UndeclaredCounter, match=key.replace(".", r"\.")):
        C.check({C.FILES_IN: 1, key: 1})


def test_misspelt_names_fail_where_they_are_written():
    with pytest.raises(AttributeError):
        C.FILES_KEPTT  # noqa: B018 - the typo is the test
    with pytest.raises(UndeclaredCounter, match="rows counts only train, validation"):
        C.ROWS.key("trian")
    with pytest.raises(UndeclaredCounter):
        C.fim_by_language("fim.psn", "go")
    with pytest.raises(ValueError, match="declared twice"):
        C.counter(C.FILES_IN, "again")


def test_finalize_refuses_a_stats_json_with_an_undeclared_counter(tmp_path):
    from repoloom.pipelines.launch import finalize

    (tmp_path / "stats.json").write_text(json.dumps({C.FILES_IN: 1, "files_kep": 1}))
    with pytest.raises(UndeclaredCounter, match="files_kep"):
        finalize(str(tmp_path), {}, None)


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for n in ast.walk(tree):
        body = getattr(n, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            out.add(id(body[0].value))
    return out


def _stats_key_literals(path: pathlib.Path, root: pathlib.Path = ROOT) -> list[str]:
    """String literals in one module that spell a stats key: a dotted key or family head anywhere (f-string
    heads included); an undotted one (files_kept, pieces, ...) where it indexes or .get()s a mapping named
    like stats/counters, or as a key of a dict literal whose keys are all counter names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs:
            s = n.value
            if "." in s and (C.declared(s) or s.startswith(FAMILY_HEADS)):
                found.append(f"{path.relative_to(root)}:{n.lineno}: {s!r}")
        elif isinstance(n, ast.Subscript) or (
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in ("get", "setdefault", "pop")
        ):
            target, key = (
                (n.value, n.slice) if isinstance(n, ast.Subscript) else (n.func.value, n.args[0] if n.args else None)
            )
            receiver = ast.unparse(target).lower()
            if (
                isinstance(key, ast.Constant)
                and key.value in UNDOTTED
                and ("stats" in receiver or "counter" in receiver)
            ):
                found.append(f"{path.relative_to(root)}:{n.lineno}: {key.value!r}")
        elif isinstance(n, ast.Dict) and n.keys:
            keys = [k.value if isinstance(k, ast.Constant) else None for k in n.keys]
            if all(k in UNDOTTED for k in keys):
                found += [f"{path.relative_to(root)}:{n.lineno}: {k!r}" for k in keys]
    return found


def test_no_stats_key_literal_outside_the_counters_module():
    found = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path != ROOT / "core" / "counters.py":
                found += _stats_key_literals(path)
    assert not found, "stats keys written as strings (use core/counters.py names):\n" + "\n".join(found)


def test_the_scan_finds_the_forms_it_forbids(tmp_path):
    bad = tmp_path / "probe.py"
    bad.write_text(
        'def f(stats, d, n):\n    """fim.psm in a docstring is fine."""\n    stats.get("files_kept", 0)\n'
        '    d[f"dropped.{n}"] = 1\n    return {"pieces": 1}, {"files_in": n, "version": 1}, "graph.edges"\n'
    )
    found = _stats_key_literals(bad, tmp_path)
    assert sorted(found) == [
        "probe.py:3: 'files_kept'",
        "probe.py:4: 'dropped.'",
        "probe.py:5: 'graph.edges'",
        "probe.py:5: 'pieces'",
    ]
