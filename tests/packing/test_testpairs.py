"""Unit-test pairing rules on real layouts, and placement of tests after their subjects (packing/testpairs.py)."""
from __future__ import annotations

import glob
import os
import sysconfig

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from repoloom.core.config import DEFAULTS
from repoloom.packing import graph as graphs
from repoloom.packing.graph import RepoGraph
from repoloom.packing.testpairs import pair_tests, place_tests, split_identifier
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def facts_of(files: dict[str, str]):
    return sorted((file_facts("r", p, t, detect_language(p, t)) for p, t in files.items()), key=lambda f: f.path)


def bare_graph(facts, edges=()) -> RepoGraph:
    g = nx.DiGraph()
    g.add_nodes_from(f.path for f in facts)
    g.add_edges_from(edges)
    return RepoGraph(g)


def pairs_of(files: dict[str, str], edges=(), cfg=None):
    facts = facts_of(files)
    rg = bare_graph(facts, edges)
    pairs = pair_tests(facts, rg, cfg or DEFAULTS)
    return {p["test"]: (p["subject"], p["rule"]) for p in pairs}, rg, pairs


JUNIT = "package com.acme.{pkg};\nimport org.junit.jupiter.api.Test;\nclass {name} {{ @Test void works() {{ }} }}\n"
JAVA = "package com.acme.{pkg};\npublic class {name} {{ public int size() {{ return 1; }} }}\n"


def test_maven_mirrored_paths_pick_the_right_module():
    files = {
        "core/src/main/java/com/acme/core/Parser.java": JAVA.format(pkg="core", name="Parser"),
        "web/src/main/java/com/acme/web/Parser.java": JAVA.format(pkg="web", name="Parser"),
        "core/src/main/java/com/acme/core/Lexer.java": JAVA.format(pkg="core", name="Lexer"),
        "core/src/test/java/com/acme/core/ParserTest.java": JUNIT.format(pkg="core", name="ParserTest"),
        "web/src/test/java/com/acme/web/ParserTests.java": JUNIT.format(pkg="web", name="ParserTests"),
        "core/src/test/java/com/acme/core/TestLexer.java": JUNIT.format(pkg="core", name="TestLexer"),
        "core/src/test/java/com/acme/core/TestUtils.java": "package com.acme.core;\nclass TestUtils { static int one() { return 1; } }\n",
    }
    got, rg, _ = pairs_of(files)
    assert got["core/src/test/java/com/acme/core/ParserTest.java"] == ("core/src/main/java/com/acme/core/Parser.java", "path")
    assert got["web/src/test/java/com/acme/web/ParserTests.java"] == ("web/src/main/java/com/acme/web/Parser.java", "path")
    assert got["core/src/test/java/com/acme/core/TestLexer.java"] == ("core/src/main/java/com/acme/core/Lexer.java", "path")
    assert "core/src/test/java/com/acme/core/TestUtils.java" not in got  # a helper, not a test
    assert rg.stats["tests.files"] == 3 and rg.stats["tests.support"] == 1
    assert rg.stats["tests.paired"] == 3 and rg.stats["tests.rule.path"] == 3


def test_go_package_tests_sit_beside_their_files():
    files = {
        "flag/flag.go": "package flag\nfunc Parse() {}\n",
        "flag/int_slice.go": "package flag\ntype intSlice []int\n",
        "flag/flag_test.go": 'package flag\nimport "testing"\nfunc TestParse(t *testing.T) { Parse() }\n',
        "flag/int_slice_test.go": 'package flag\nimport "testing"\nfunc TestIntSlice(t *testing.T) {}\n',
        "flag/func_go1.21_test.go": 'package flag\nimport "testing"\nfunc TestFunc(t *testing.T) {}\n',
        "flag/func.go": "package flag\nfunc funcValue() {}\n",
        "flag/export_test.go": "package flag\nvar ParseForTest = Parse\n",
        "flag/example_test.go": 'package flag_test\nimport "fmt"\nfunc Example() { fmt.Println(1) }\n',
    }
    got, rg, _ = pairs_of(files)
    assert got["flag/flag_test.go"] == ("flag/flag.go", "name")
    assert got["flag/int_slice_test.go"] == ("flag/int_slice.go", "name")
    assert got["flag/func_go1.21_test.go"] == ("flag/func.go", "name")  # build-constraint suffix
    assert got["flag/example_test.go"][1] != "name"  # example_test.go names no file
    assert "flag/export_test.go" not in got and rg.stats["tests.support"] == 1


def test_pytest_in_tests_folder_mirrors_the_package():
    files = {
        "src/shop/cart/models.py": "class Cart:\n    def add(self, item):\n        pass\n",
        "src/shop/billing/models.py": "class Invoice:\n    def total(self):\n        return 0\n",
        "src/shop/_compat.py": "PY3 = True\n",
        "tests/cart/test_models.py": "from shop.cart.models import Cart\n\ndef test_add():\n    Cart().add(1)\n",
        "tests/test_compat.py": "from shop import _compat\n\ndef test_py3():\n    assert _compat.PY3\n",
        "tests/conftest.py": "import pytest\n",
        "tests/__init__.py": "",
    }
    got, rg, _ = pairs_of(files)
    assert got["tests/cart/test_models.py"] == ("src/shop/cart/models.py", "path")
    assert got["tests/test_compat.py"] == ("src/shop/_compat.py", "name")  # _compat.py answers to compat
    assert set(got) == {"tests/cart/test_models.py", "tests/test_compat.py"}


def test_pytest_in_package_layout_of_an_installed_package():
    """networkx/utils/tests/test_*.py: real files, names decide (test_config.py -> configs.py too)."""
    site = sysconfig.get_paths()["purelib"]
    root = os.path.join(site, "networkx", "utils")
    files = {}
    for full in sorted(glob.glob(os.path.join(root, "*.py")) + glob.glob(os.path.join(root, "tests", "*.py"))):
        with open(full, encoding="utf-8") as f:
            files["networkx/utils/" + os.path.relpath(full, root).replace(os.sep, "/")] = f.read()
    got, rg, pairs = pairs_of(files)
    base = "networkx/utils/"
    assert got[base + "tests/test_heaps.py"] == (base + "heaps.py", "name")
    assert got[base + "tests/test_decorators.py"] == (base + "decorators.py", "name")
    assert got[base + "tests/test_mapped_queue.py"] == (base + "mapped_queue.py", "name")
    assert got[base + "tests/test_config.py"][0] == base + "configs.py"
    for test, (subject, rule) in got.items():  # whatever pairs, pairs with a module of the package
        assert subject is None or (subject.startswith(base) and "/tests/" not in subject)
    assert rg.stats["tests.paired"] == sum(1 for p in pairs if p["subject"])


def test_jest_tests_folder_and_spec_files():
    files = {
        "src/Button.tsx": "export function Button(props: { label: string }) { return props.label; }\n",
        "src/utils/format.ts": "export function formatDate(d: Date): string { return ''; }\n",
        "src/utils/index.ts": "export * from './format';\n",
        "src/__tests__/Button.test.tsx": "import { Button } from '../Button';\ndescribe('Button', () => { it('renders', () => {}); });\n",
        "src/utils/__tests__/format.ts": "import { formatDate } from '../format';\ntest('formats', () => {});\n",
        "src/utils/format.spec.ts": "import { formatDate } from './format';\nit('x', () => {});\n",
        "src/utils/utils.test.ts": "import * as u from '.';\ntest('index', () => {});\n",
        "src/__mocks__/Button.tsx": "export const Button = jest.fn();\n",
    }
    got, _, _ = pairs_of(files)
    assert got["src/__tests__/Button.test.tsx"] == ("src/Button.tsx", "name")
    assert got["src/utils/__tests__/format.ts"] == ("src/utils/format.ts", "path")  # test folder, no affix
    assert got["src/utils/format.spec.ts"] == ("src/utils/format.ts", "name")
    assert got["src/utils/utils.test.ts"] == ("src/utils/index.ts", "name")  # index.ts stands for its folder
    assert "src/__mocks__/Button.tsx" not in got


def test_rust_integration_tests_and_inline_tests():
    files = {
        "src/lib.rs": "pub mod parser;\npub fn version() -> u8 { 1 }\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn v() { assert_eq!(super::version(), 1); }\n}\n",
        "src/parser.rs": "pub fn parse(s: &str) -> u8 { s.len() as u8 }\n",
        "tests/parser.rs": "#[test]\nfn parses() { assert_eq!(mycrate::parser::parse(\"a\"), 1); }\n",
        "tests/common/mod.rs": "pub fn setup() {}\n",
    }
    got, rg, _ = pairs_of(files)
    assert got == {"tests/parser.rs": ("src/parser.rs", "path")}
    assert rg.stats["tests.inline"] == 1  # src/lib.rs keeps its own tests and its place
    assert rg.stats["tests.support"] == 1


def test_import_rule_needs_the_import_and_the_vocabulary():
    files = {
        "app/pricing.py": "def apply_discount(price, rate):\n    return price\n\ndef round_cents(x):\n    return x\n",
        "app/inventory.py": "def reserve_stock(item):\n    pass\n",
        "app/compat.py": "PY3 = True\n",
        "tests/test_checkout.py": "from app import pricing, compat\n\ndef test_discount():\n    assert pricing.apply_discount(10, 0.5) and pricing.round_cents(1)\n",
        "tests/test_flags.py": "from app import compat\n\ndef test_reserve():\n    assert reserve_stock\n",
    }
    edges = [("tests/test_checkout.py", "app/pricing.py"), ("tests/test_checkout.py", "app/compat.py"),
             ("tests/test_flags.py", "app/compat.py")]
    got, rg, _ = pairs_of(files, edges)
    assert got["tests/test_checkout.py"] == ("app/pricing.py", "import")
    # imports compat only for a flag while its names point elsewhere: the import does not decide
    assert got["tests/test_flags.py"][1] != "import"
    assert rg.stats["tests.rule.import"] == 1
    # without the graph's edge the same test is left to the lexical rule
    got2, _, _ = pairs_of(files)
    assert got2["tests/test_checkout.py"][1] == "lexical"


def test_lexical_rule_matches_defined_names_and_abstains_when_unsure():
    files = {
        "lib/geometry.py": "class Polygon:\n    def perimeter(self):\n        return 0\n\ndef triangulate(polygon):\n    return []\n",
        "lib/colors.py": "def blend_rgb(a, b):\n    return a\n\nPALETTE = []\n",
        "lib/io.py": "def read_shapefile(path):\n    return None\n",
        "tests/test_shapes.py": "from lib import *\n\ndef test_perimeter():\n    p = Polygon()\n    assert p.perimeter() == 0\n    assert triangulate(p) == []\n",
        "tests/test_misc.py": "import os\n\ndef test_env():\n    assert os.environ is not None\n",
    }
    got, rg, pairs = pairs_of(files)
    assert got["tests/test_shapes.py"] == ("lib/geometry.py", "lexical")
    assert got["tests/test_misc.py"] == (None, None)
    score = {p["test"]: p["score"] for p in pairs}
    assert 0 < score["tests/test_shapes.py"] <= 1 and score["tests/test_misc.py"] == 0.0
    off = {**DEFAULTS, "tests": {**DEFAULTS["tests"], "lexical": False}}
    assert pairs_of(files, cfg=off)[0]["tests/test_shapes.py"] == (None, None)


def test_a_test_of_a_helper_and_sources_preferred_over_helpers():
    files = {
        "src/pkg/utils.py": "def quote(s):\n    return s\n",
        "tests/utils.py": "def simple_class():\n    return object\n",
        "tests/test_utils.py": "from pkg.utils import quote\n\ndef test_quote():\n    assert quote('a')\n",
    }
    assert pairs_of(files)[0]["tests/test_utils.py"] == ("src/pkg/utils.py", "name")
    del files["src/pkg/utils.py"]
    assert pairs_of(files)[0]["tests/test_utils.py"] == ("tests/utils.py", "name")


def test_qualified_and_folder_names():
    files = {
        "src/main/java/a/JsonArray.java": JAVA.format(pkg="a", name="JsonArray"),
        "src/test/java/a/JsonArrayAsListTest.java": JUNIT.format(pkg="a", name="JsonArrayAsListTest"),
        "src/click/types.py": "class Choice:\n    pass\n",
        "tests/test_types/test_Choice.py": "import click\n\ndef test_choice():\n    click.Choice\n",
    }
    files["src/query/index.ts"] = "export const version = 1;\n"
    files["src/query/tests/queryFn.test.ts"] = "test('queryFn', () => {});\n"
    files["src/listener/index.ts"] = "export function createListener() {}\n"
    files["src/listener/tests/listener.withTypes.test.ts"] = "import { createListener } from '..';\ntest('x', () => {});\n"
    got, _, _ = pairs_of(files)
    assert got["src/test/java/a/JsonArrayAsListTest.java"][0] == "src/main/java/a/JsonArray.java"
    assert got["src/query/tests/queryFn.test.ts"][0] != "src/query/index.ts"  # a shortened name never means a whole folder
    assert got["src/listener/tests/listener.withTypes.test.ts"][0] == "src/listener/index.ts"  # a dotted variant does
    assert got["tests/test_types/test_Choice.py"] == ("src/click/types.py", "path")


def test_languages_do_not_cross():
    files = {
        "lib/parser.py": "def parse():\n    pass\n",
        "web/parser.test.js": "test('parse', () => {});\n",
    }
    assert pairs_of(files)[0]["web/parser.test.js"] == (None, None)


def test_disabled_pairing_lists_tests_without_subjects():
    files = {"a.go": "package a\n", "a_test.go": 'package a\nimport "testing"\nfunc TestA(t *testing.T) {}\n'}
    off = {**DEFAULTS, "tests": {**DEFAULTS["tests"], "enabled": False}}
    assert pairs_of(files, cfg=off)[0] == {"a_test.go": (None, None)}


# ---------------------------------------------------------------- placement


def _check_placement(order, pairs, out):
    subject = {p["test"]: p["subject"] for p in pairs if p["subject"] in order and p["test"] in order}
    assert sorted(out) == sorted(order)
    moved = set(subject)
    # files that do not move keep their relative order (so the dependency order of the rest holds)
    assert [p for p in out if p not in moved] == [p for p in order if p not in moved]
    for test, subj in subject.items():
        i, j = out.index(subj), out.index(test)
        # right after the subject, only other tests of the same subject in between, in their original order
        between = out[i + 1 : j]
        assert all(subject.get(b) == subj for b in between)
        mates = [t for t in order if subject.get(t) == subj]
        assert [p for p in out[i + 1 : i + 1 + len(mates)]] == mates


def test_tests_follow_their_subject_and_the_rest_keeps_its_order():
    order = ["tests/test_b.py", "pkg/util.py", "pkg/a.py", "tests/test_a2.py", "pkg/b.py", "tests/test_a.py", "tests/test_x.py"]
    pairs = [
        {"test": "tests/test_a.py", "subject": "pkg/a.py", "rule": "name", "score": 1.0},
        {"test": "tests/test_a2.py", "subject": "pkg/a.py", "rule": "lexical", "score": 0.4},
        {"test": "tests/test_b.py", "subject": "pkg/b.py", "rule": "name", "score": 1.0},
        {"test": "tests/test_x.py", "subject": None, "rule": None, "score": 0.0},
        {"test": "tests/gone.py", "subject": "pkg/a.py", "rule": "name", "score": 1.0},  # not in the order
    ]
    out = place_tests(order, pairs, None)
    assert out == ["pkg/util.py", "pkg/a.py", "tests/test_a2.py", "tests/test_a.py", "pkg/b.py", "tests/test_b.py", "tests/test_x.py"]
    _check_placement(order, pairs, out)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_placement_properties_on_random_orders(data):
    n = data.draw(st.integers(2, 14))
    order = [f"f{i}" for i in data.draw(st.permutations(range(n)))]
    tests = data.draw(st.lists(st.sampled_from(order), unique=True, max_size=n - 1))
    sources = [p for p in order if p not in tests]
    pairs = [{"test": t, "subject": data.draw(st.sampled_from(sources + [None])), "rule": "name", "score": 1.0} for t in tests]
    out = place_tests(order, pairs, None)
    _check_placement(order, pairs, out)


def test_plan_places_tests_after_subjects_and_keeps_the_dependency_order():
    """Through packing/plan.py with the real graph: each test right after its subject; importers after imports."""
    from repoloom.packing.plan import plan_repository

    files = {
        "src/pkg/__init__.py": "from .core import run\n",
        "src/pkg/core.py": "from pkg.util import helper\n\ndef run():\n    return helper()\n",
        "src/pkg/util.py": "def helper():\n    return 1\n",
        "tests/test_core.py": "from pkg.core import run\n\ndef test_run():\n    assert run() == 1\n",
        "tests/test_util.py": "from pkg.util import helper\n\ndef test_helper():\n    assert helper() == 1\n",
    }
    facts = facts_of(files)
    plan = plan_repository("r", [(f, [10]) for f in facts], DEFAULTS)
    o = plan.order
    assert o.index("tests/test_core.py") == o.index("src/pkg/core.py") + 1
    assert o.index("tests/test_util.py") == o.index("src/pkg/util.py") + 1
    rg = graphs.build_graph(facts, DEFAULTS)
    base = [p for p in graphs.linearize(rg, DEFAULTS) if not p.startswith("tests/")]
    assert [p for p in o if not p.startswith("tests/")] == base
    assert {t["test"]: t["rule"] for t in plan.tests} == {"tests/test_core.py": "name", "tests/test_util.py": "name"}
    assert plan.stats["tests.files"] == 2 and plan.stats["tests.rule.name"] == 2


def test_graph_command_json_has_tests(tmp_path, capsys):
    from repoloom.pipelines import cli

    (tmp_path / "calc").mkdir()
    (tmp_path / "calc" / "ops.go").write_text("package calc\n\nfunc Add(a, b int) int { return a + b }\n")
    (tmp_path / "calc" / "ops_test.go").write_text('package calc\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n\tif Add(1, 2) != 3 {\n\t\tt.Fatal("add")\n\t}\n}\n')
    import json

    assert cli.main(["graph", str(tmp_path), "--json", "--input-kind", "repo"]) == 0  # no marker: say it is one repository
    out = json.loads(capsys.readouterr().out)
    assert out["tests"] == [{"test": "calc/ops_test.go", "subject": "calc/ops.go", "rule": "name", "score": 1.0}]
    assert out["order"].index("calc/ops_test.go") == out["order"].index("calc/ops.go") + 1


def test_split_identifier():
    assert split_identifier("parseHTTPHeader_v2") == ["parse", "http", "header", "v", "2"]
    assert split_identifier("JsonArrayAsList") == ["json", "array", "as", "list"]


def test_placement_never_puts_a_test_before_its_own_imports():
    # order is dependency-first: a, test_a imports helper which comes after a
    order = ["a.py", "b.py", "helper.py", "test_a.py", "c.py"]
    g = nx.DiGraph()
    g.add_nodes_from(order)
    g.add_edges_from([("test_a.py", "a.py"), ("test_a.py", "helper.py"), ("c.py", "test_a.py")])
    rg = RepoGraph(g)
    pairs = [{"test": "test_a.py", "subject": "a.py", "rule": "name", "score": 1.0}]
    out = place_tests(order, pairs, rg)
    pos = {p: i for i, p in enumerate(out)}
    assert all(pos[b] < pos[a] for a, b in g.edges)
    assert pos["test_a.py"] == pos["helper.py"] + 1, "right after the last of its imports"
    # without the importing file, the test follows the helper; with no helper edge it follows its subject
    g2 = nx.DiGraph()
    g2.add_nodes_from(order)
    g2.add_edge("test_a.py", "a.py")
    assert place_tests(order, pairs, RepoGraph(g2))[:2] == ["a.py", "test_a.py"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=30), st.lists(st.integers(0, 11), max_size=6))
def test_placement_keeps_every_edge_dependency_first(raw_edges, tests):
    order = [f"f{i:02d}" for i in range(12)]
    g = nx.DiGraph()
    g.add_nodes_from(order)
    g.add_edges_from((order[max(a, b)], order[min(a, b)]) for a, b in raw_edges if a != b)  # order is dep-first
    pairs = [{"test": order[t], "subject": order[(t * 7 + 3) % 12], "rule": "name", "score": 1.0} for t in set(tests)]
    out = place_tests(order, pairs, RepoGraph(g))
    assert sorted(out) == order
    pos = {p: i for i, p in enumerate(out)}
    assert all(pos[b] < pos[a] for a, b in g.edges)
