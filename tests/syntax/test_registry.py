"""Every registered language is complete: its fields are filled, its queries compile against its grammar,
its grammar wheel is a dependency in setup.py, and its sample repository (syntax/lang/<module>.py)
goes through detection, parse, imports, resolution, test detection, test pairing and FIM."""

from __future__ import annotations

import os
import re
from dataclasses import fields, replace

import pytest

from repoloom.fim.split import FimConfig
from repoloom.syntax.resolving import GraphConfig
from repoloom.packing.testpairs import UnitTestsConfig
from repoloom.fim import split
from repoloom.packing.graph import build_graph
from repoloom.packing.resolve import resolve_repository
from repoloom.packing.testpairs import pair_tests
from repoloom.syntax import registry
from repoloom.syntax.language import Language
from repoloom.syntax.languages import detect_language, has_grammar
from repoloom.syntax.parse import file_facts
from repoloom.syntax.queries import compiled
from repoloom.syntax.tests import is_test, kind

LANGUAGES = registry.languages()
NAMES = [lang.name for lang in LANGUAGES]
SETUP = os.path.join(os.path.dirname(__file__), "..", "..", "setup.py")
REQUIRED = [f.name for f in fields(Language) if f.default is f.default_factory]  # no default: must be given


def sample_facts(lang: Language):
    files = lang.sample.files
    return sorted((file_facts("sample", p, t, detect_language(p, t)) for p, t in files.items()), key=lambda f: f.path)


def test_registry_holds_the_languages_and_lua():
    assert {
        "python",
        "java",
        "kotlin",
        "scala",
        "go",
        "rust",
        "javascript",
        "typescript",
        "tsx",
        "c",
        "cpp",
        "csharp",
        "php",
        "ruby",
        "swift",
        "lua",
    } <= set(NAMES)
    assert len(NAMES) == len(set(NAMES))


@pytest.mark.parametrize("lang", LANGUAGES, ids=NAMES)
def test_fields_are_filled_and_queries_compile(lang: Language):
    for name in REQUIRED:
        assert getattr(lang, name), (lang.name, name)
    assert all(e.startswith(".") and e == e.lower() for e in lang.extensions)
    assert all(not e.startswith(".") for e in lang.test_extensions)
    for ext in lang.extensions:
        assert detect_language("x/y" + ext) == lang.name
    compiled(lang.name, lang.import_query)
    compiled(lang.name, lang.marker_query)
    assert has_grammar(lang.name)


@pytest.mark.parametrize("lang", LANGUAGES, ids=NAMES)
def test_grammar_wheel_is_a_dependency(lang: Language):
    """Adding a language = its module + its grammar wheel in setup.py (the wheel's module name, dashed)."""
    with open(SETUP, encoding="utf-8") as fh:
        deps = set(re.findall(r'"(tree-sitter-[a-z-]+)[<>=]', fh.read()))
    assert lang.grammar[0].replace("_", "-") in deps


@pytest.mark.parametrize("lang", LANGUAGES, ids=NAMES)
def test_sample_parses_cleanly_and_yields_the_imports(lang: Language):
    facts = {f.path: f for f in sample_facts(lang)}
    own = [p for p, f in facts.items() if f.language == lang.name]
    assert own, "the sample holds no file of its own language"
    for p in own:
        assert facts[p].parse_ok and facts[p].error_ratio == 0.0, p
    for path, targets in lang.sample.imports.items():
        assert tuple(r["target"] for r in facts[path].imports) == targets, path


@pytest.mark.parametrize("lang", LANGUAGES, ids=NAMES)
def test_sample_imports_resolve_to_the_expected_files(lang: Language):
    edges, _ = resolve_repository(sample_facts(lang), GraphConfig())
    for importer, targets in lang.sample.edges.items():
        assert sorted(edges.get(importer, {})) == sorted(targets), importer


@pytest.mark.parametrize("lang", LANGUAGES, ids=NAMES)
def test_sample_tests_are_detected_by_their_markers_and_paired(lang: Language):
    facts = sample_facts(lang)
    by_path = {f.path: f for f in facts}
    for test, subject in lang.sample.pairs.items():
        assert is_test(by_path[test].test) and by_path[test].test["markers"] > 0, by_path[test].test
        assert kind(by_path[subject].test) in ("", "inline"), by_path[subject].test
    for f in facts:
        if f.path not in lang.sample.pairs:
            assert not is_test(f.test), f.path
    pairs = pair_tests(facts, build_graph(facts, GraphConfig()), UnitTestsConfig())
    assert {p["test"]: p["subject"] for p in pairs} == lang.sample.pairs


@pytest.mark.parametrize("lang", LANGUAGES, ids=NAMES)
def test_sample_files_offer_fim_middles_on_syntax_nodes(lang: Language):
    cfg = FimConfig(rate=1.0)
    for f in sample_facts(lang):
        if f.language != lang.name:
            continue
        text = lang.sample.files[f.path]
        assert f.fim_nodes, f.path
        choices = [split.choose(text, split.usable_nodes(f, cfg), cfg, seed, "sample", f.path) for seed in range(40)]
        assert any(c is not None and c.method == "node" for c in choices), f.path
        for c in choices:
            assert c is None or 0 <= c.start <= c.end <= len(text)


def test_a_marker_query_that_the_grammar_rejects_is_caught():
    python = registry.get("python")
    broken = replace(python, name="python", marker_query="(no_such_node) @x")
    with pytest.raises(Exception):
        compiled(broken.name, broken.marker_query)


def test_no_file_name_extension_or_interpreter_is_claimed_twice():
    for attr in ("extensions", "filenames", "interpreters"):
        seen: dict[str, str] = {}
        for lang in LANGUAGES:
            for k in getattr(lang, attr):
                assert k not in seen, (attr, k, seen.get(k), lang.name)
                seen[k] = lang.name
