"""One query walk per file (syntax/queries.one_walk): every extractor gets the captures its own query
would give, and file_facts walks the tree once for all of them."""

from __future__ import annotations

import pytest
import tree_sitter

from repoloom.syntax import queries, registry
from repoloom.syntax.parse import file_facts, file_queries, parse_tree
from repoloom.syntax.queries import captures, one_walk

_LANGS = [lang.name for lang in registry.languages()]


def _spans(caps: dict) -> dict:
    return {k: [(n.type, n.start_byte, n.end_byte) for n in v] for k, v in caps.items()}


@pytest.mark.parametrize("language", _LANGS)
def test_one_walk_answers_each_query_as_its_own_walk_would(language):
    lang = registry.get(language)
    for path, text in lang.sample.files.items():
        if not path.endswith(lang.extensions):
            continue  # Cargo.toml, package.json: no grammar of this language
        tree, _ = parse_tree(text, language)
        texts = file_queries(language, path) + [lang.marker_query]
        alone = [_spans(captures(tree, language, t)) for t in texts]
        assert any(alone), path  # the sample captures something, so the comparison means something
        with one_walk(tree, language, texts):
            assert [_spans(captures(tree, language, t)) for t in texts] == alone, path
        other, _ = parse_tree(text, language)
        with one_walk(other, language, texts[:1]):  # another tree, or a text left out, walks on its own
            assert [_spans(captures(tree, language, t)) for t in texts] == alone


def test_predicates_keep_working_in_the_combined_query():
    text = "TEST(Ring, Push) { helper(); }\nstatic int helper(void) { return 0; }\nvoid test_x(void) {}\n"
    lang = registry.get("c")
    tree, _ = parse_tree(text, "c")
    alone = captures(tree, "c", lang.marker_query)
    with one_walk(tree, "c", [lang.import_query, lang.marker_query]):
        walked = captures(tree, "c", lang.marker_query)
    assert [n.start_byte for n in walked["macro"]] == [n.start_byte for n in alone["macro"]] == [0]  # TEST, not helper


class _CountingCursor:
    made = 0

    def __init__(self, *args, **kwargs):
        type(self).made += 1
        self._cursor = _REAL_CURSOR(*args, **kwargs)

    def captures(self, node):
        return self._cursor.captures(node)

    def matches(self, node):
        return self._cursor.matches(node)


_REAL_CURSOR = tree_sitter.QueryCursor


@pytest.mark.parametrize(
    "path, language, text",
    [
        (
            "pkg/core.py",
            "python",
            "import os\nfrom .util import helper\n\nclass Core:\n    def run(self):\n        return helper(os.sep)\n",
        ),
        ("tests/test_core.py", "python", "from pkg.core import Core\n\n\ndef test_run():\n    assert Core().run()\n"),
        (
            "src/Shape.java",
            "java",
            "package geo;\n\nimport java.util.List;\n\npublic class Shape {\n    List<Integer> sides;\n}\n",
        ),
        (
            "src/index.ts",
            "typescript",
            "import { a } from './a';\nconst b = require('./b');\nexport const c = a + b;\n",
        ),
        ("src/lib.rs", "rust", "mod parse;\nuse crate::parse::Token;\npub fn lex() -> Token { Token }\n"),
        ("lib/app.rb", "ruby", "require 'json'\nrequire_relative 'util'\nclass App\nend\n"),
    ],
)
def test_file_facts_walks_the_tree_once(monkeypatch, path, language, text):
    monkeypatch.setattr(tree_sitter, "QueryCursor", _CountingCursor)
    _CountingCursor.made = 0
    facts = file_facts("r", path, text, language)
    assert facts.imports and facts.identifiers  # the queries did run
    assert _CountingCursor.made == 1


def test_combined_query_renames_every_capture():
    texts = (registry.get("c").import_query, registry.get("c").marker_query)
    q = queries._combined("c", texts)
    names = {q.capture_name(i) for i in range(q.capture_count)}
    assert names and all(n.startswith(("q0.", "q1.")) for n in names)


def _own_matches(tree, language, text):
    """tree-sitter's own matches of the query, as (capture name, type, start, end) sets in document order."""
    out = []
    for _, caps in _REAL_CURSOR(queries.compiled(language, text)).matches(tree.root_node):
        out.append(sorted((k, v[0].type, v[0].start_byte, v[0].end_byte) for k, v in caps.items()))
    return sorted(out, key=lambda m: min(x[2] for x in m))


_ANCHORED = {  # language -> (import query's anchor captures, tricky text)
    "javascript": (
        ("import", "export", "call", "dynamic"),
        "import a, {b as c} from './x';\nexport * from \"./y\";\nf('a', require('b'));\nrequire(/* c */ 'z');\n"
        "const m = await import('./m');\nrequire(require('n'));\nx.require('no');\nexport { q } from './q';\n",
    ),
    "typescript": (
        ("import", "export", "call", "dynamic"),
        "import fs = require('fs');\nimport type { T } from './t';\nconst r = require('./r')('arg');\n",
    ),
    "ruby": (("call",), "require 'json'\nrequire_relative('lib/a').freeze\nload 'x.rb'\nfoo 'bar', require('baz')\n"),
    "rust": (
        ("moditem", "use"),
        '#[path = "p.rs"]\nmod a;\nmod b { }\npub use crate::{x::Y, z::*};\nuse super::w as v;\n',
    ),
}


@pytest.mark.parametrize("language", sorted(_ANCHORED))
def test_matches_built_from_captures_equal_tree_sitters_own(language):
    anchors, tricky = _ANCHORED[language]
    lang = registry.get(language)
    texts = [tricky] + [t for p, t in lang.sample.files.items() if p.endswith(lang.extensions)]
    for text in texts:
        tree, _ = parse_tree(text, language)
        want = _own_matches(tree, language, lang.import_query)
        assert want or text != tricky
        got = [
            sorted((k, n.type, n.start_byte, n.end_byte) for k, n in m.items())
            for m in queries.matches(tree, language, lang.import_query, anchors)
        ]
        assert got == want, text
        with one_walk(tree, language, [lang.import_query]):
            assert [
                sorted((k, n.type, n.start_byte, n.end_byte) for k, n in m.items())
                for m in queries.matches(tree, language, lang.import_query, anchors)
            ] == want
