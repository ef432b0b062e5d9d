"""Shared by the pairing tests: facts and pairs of a small repository given as {path: text}, through the real
parse, dependency graph and pairing rules (as the build makes them)."""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.packing.testpairs import UnitTestsConfig, pair_tests
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig


def facts_of(files: dict[str, str], repo: str = "r") -> list:
    return sorted((file_facts(repo, p, t, detect_language(p, t)) for p, t in files.items()), key=lambda f: f.path)


def graph_pairs(files: dict[str, str], repo: str = "r", tcfg: UnitTestsConfig | None = None) -> dict[str, tuple]:
    """{test path: (subject path, rule)} with the real dependency graph."""
    facts = facts_of(files, repo)
    rg = graphs.build_graph(facts, GraphConfig())
    return {p["test"]: (p["subject"], p["rule"]) for p in pair_tests(facts, rg, tcfg or UnitTestsConfig())}
