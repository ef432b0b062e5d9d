"""Test detection from path conventions and from the parse, per language (syntax/tests.py)."""

from __future__ import annotations

import glob
import os
import sysconfig

import pytest

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts, parse_tree
from repoloom.syntax.identifiers import defined_names
from repoloom.syntax.tests import is_support, is_test, subject_stem


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


CASES = [
    # pytest / unittest
    ("tests/test_foo.py", "import foo\n\ndef test_a():\n    assert foo.x()\n", "test"),
    ("pkg/foo_test.py", "def test_a():\n    pass\n", "test"),
    (
        "tests/basic.py",
        "import unittest\nclass Basic(unittest.TestCase):\n    def runTest(self):\n        pass\n",
        "test",
    ),
    ("tests/conftest.py", "import pytest\n@pytest.fixture\ndef x():\n    return 1\n", "support"),
    ("tests/__init__.py", "", "support"),
    ("tests/helpers.py", "def make():\n    return 1\n", "support"),
    ("pkg/test_utils.py", "def helper():\n    return 1\n", "support"),  # test-named helper, no test inside
    ("pkg/core.py", "def run():\n    return 1\n", ""),
    ("pkg/testutils.py", "def make_client():\n    return 1\n", "support"),
    ("click/testing.py", "class CliRunner:\n    pass\n", ""),  # a public module named testing
    # JUnit / Kotlin / Scala
    (
        "src/test/java/a/FooTest.java",
        "class FooTest { @Test void a() {} @org.junit.jupiter.api.Test void b() {} }",
        "test",
    ),
    ("src/test/java/a/TestFoo.java", 'class TestFoo { @ParameterizedTest(name = "x") void a(int x) {} }', "test"),
    ("src/test/java/a/FooTestCase.java", "class FooTestCase extends TestCase { public void testA() {} }", "test"),
    (
        "src/test/java/a/FooSuiteTest.java",
        "@RunWith(AllTests.class) class FooSuiteTest { static Object suite() { return null; } }",
        "test",
    ),
    ("src/test/java/a/TestUtils.java", "class TestUtils { static int a() { return 1; } }", "support"),
    ("src/main/java/a/ApiSpec.java", "class ApiSpec { int version; }", ""),
    ("src/test/kotlin/a/FooTest.kt", "class FooTest { @Test fun a() {} }", "test"),
    ("src/test/scala/a/FooSpec.scala", 'class FooSpec extends AnyFunSuite { test("x") { assert(true) } }', "test"),
    # Go
    ("pkg/foo_test.go", 'package pkg\nimport "testing"\nfunc TestFoo(t *testing.T) {}\n', "test"),
    ("pkg/export_test.go", "package pkg\nvar Internal = internal\n", "support"),
    ("pkg/foo.go", "package pkg\nfunc TestLike() {}\n", ""),  # Test* funcs outside _test.go are code
    # Rust
    ("tests/parse.rs", "#[test]\nfn parses() { assert!(true); }\n", "test"),
    ("src/lib.rs", "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n", "inline"),
    ("src/util.rs", "pub fn f() {}\n", ""),
    # JavaScript / TypeScript
    ("src/foo.test.js", "const foo = require('./foo');\ntest('adds', () => { expect(foo(1)).toBe(2); });\n", "test"),
    (
        "src/foo.spec.ts",
        "import { foo } from './foo';\ndescribe('foo', () => { it.each([1])('x', () => {}); });\n",
        "test",
    ),
    ("src/foo.test-d.ts", "import { expectTypeOf } from 'vitest';\ntest('types', () => {});\n", "test"),
    ("src/__tests__/bar.js", "describe('bar', () => { it('works', () => {}); });\n", "test"),
    ("test/parse.js", "var test = require('tape');\ntest('parse', function (t) { t.end(); });\n", "test"),
    ("src/__mocks__/foo.js", "module.exports = jest.fn();\n", "support"),
    ("src/setupTests.ts", "import '@testing-library/jest-dom';\n", "support"),
    ("src/describe.js", "export function describe(x) { return x; }\n", ""),
    # C#, PHP, Ruby, Swift, C/C++
    (
        "Foo.Tests/FooTests.cs",
        "public class FooTests { [Fact] public void A() {} [Theory] public void B() {} }",
        "test",
    ),
    ("tests/FooTest.php", "<?php\nclass FooTest extends TestCase { public function testA() {} }\n", "test"),
    ("spec/foo_spec.rb", "RSpec.describe Foo do\n  it 'works' do\n  end\nend\n", "test"),
    ("spec/spec_helper.rb", "RSpec.configure do |c|\nend\n", "support"),
    ("test/foo_test.rb", "class FooTest < Minitest::Test\n  def test_a; end\nend\n", "test"),
    ("Tests/FooTests.swift", "class FooTests: XCTestCase { func testA() {} }", "test"),
    ("test/foo_test.cc", "#include <gtest/gtest.h>\nTEST(Foo, Bar) { EXPECT_EQ(1, 1); }\n", "test"),
    ("tests/test_foo.c", '#include "foo.h"\nvoid test_foo(void) { }\n', "test"),
    ("src/foo.c", "int foo(void) { return 1; }\n", ""),
    # C test programs: a main in a test folder (utf8proc's test/case.c), or in a test-named file with a
    # calling-convention macro the grammar misreads (cJSON's test.c); helpers without main stay helpers
    ("test/case.c", '#include "tests.h"\nint main(int argc, char **argv) { check(1, "x"); return 0; }\n', "test"),
    ("test.c", '#include "cJSON.h"\nint CJSON_CDECL main(void)\n{\n    return 0;\n}\n', "test"),
    ("test/tests.c", '#include "tests.h"\nvoid check(int cond, const char *msg) { }\n', "support"),
    ("src/main.c", "int main(void) { return 0; }\n", ""),
    # a suite written once in a shared header, instantiated per implementation (crc32c's src/*_unittest.cc)
    (
        "src/crc32c_arm64_unittest.cc",
        '#include "crc32c_extend_unittests.h"\nINSTANTIATE_TYPED_TEST_SUITE_P(Arm64, ExtendTest, Arm64TestTraits);\n',
        "test",
    ),
    # jansson: test functions by name, main in the suite's shared util.h
    (
        "test/suites/api/test_dump.c",
        '#include "util.h"\nstatic void encode_null() { }\nstatic void run_tests() { encode_null(); }\n',
        "test",
    ),
    # glog: one CTest project per folder named for the tests it holds
    (
        "src/dcheck_unittest/glog_dcheck.cc",
        "#include <glog/logging.h>\nint main() { DCHECK(true); return 0; }\n",
        "test",
    ),
    ("src/ab_testing.cc", "int main() { return 0; }\n", ""),
    # test mains: a main that hands over to a runner runs other files' suites (rapidjson's unittest.cpp,
    # nghttp2's tests/main.c, libevent's test/regress_main.c); a main that checks things itself stays a test
    (
        "test/unittest/unittest.cpp",
        '#include "unittest.h"\nint main(int argc, char **argv) {\n  ::testing::InitGoogleTest(&argc, argv);\n'
        "  int ret = RUN_ALL_TESTS();\n  return ret;\n}\n",
        "support",
    ),
    (
        "tests/main.c",
        '#include "munit.h"\n#include "nghttp2_pq_test.h"\nint main(int argc, char *argv[]) {\n'
        "  const MunitSuite suite = {NULL, NULL, suites, 1, MUNIT_SUITE_OPTION_NONE};\n"
        "  return munit_suite_main(&suite, NULL, argc, argv);\n}\n",
        "support",
    ),
    (
        "test/regress_main.c",
        '#include "tinytest.h"\nint\nmain(int argc, const char **argv)\n{\n\tif (tinytest_main(argc, argv, testgroups))\n'
        "\t\treturn 1;\n\treturn 0;\n}\n",
        "support",
    ),
    (
        "test/runner.cpp",
        "#include <gtest/gtest.h>\nTEST(Runner, Own) { EXPECT_TRUE(true); }\n"
        "int main(int argc, char **argv) { return RUN_ALL_TESTS(); }\n",
        "test",
    ),
    # C tests without a framework's macros: Unity's void testX(void) cases, whose runner is generated
    (
        "test/tests/test_unity_core.c",
        '#include "unity.h"\nvoid setUp(void) { }\nvoid tearDown(void) { }\nvoid testTrue(void) { TEST_ASSERT(1); }\n',
        "test",
    ),
    # ... and the generated runner, whose RUN_TEST calls run functions defined elsewhere, is no test
    (
        "test/test_runners/TestProductionCode_Runner.c",
        '#include "unity.h"\nextern void test_FindFunction(void);\nvoid resetTest(void) { tearDown(); setUp(); }\n'
        'int main(void) {\n  UnityBegin("test/TestProductionCode.c");\n  RUN_TEST(test_FindFunction, 20);\n'
        "  return UnityEnd();\n}\n",
        "support",
    ),
    # a hand-written Unity test runs its own static cases with RUN_TEST (cJSON's tests/parse_hex4.c)
    (
        "tests/parse_hex4.c",
        '#include "unity/src/unity.h"\nstatic void parse_hex4_should_parse_mixed_case(void) { TEST_ASSERT(1); }\n'
        "int main(void) {\n    UNITY_BEGIN();\n    RUN_TEST(parse_hex4_should_parse_mixed_case);\n    return UNITY_END();\n}\n",
        "test",
    ),
    # cwalk: test/absolute_test.c's cases are exported functions named after the file, called by test/main.c
    (
        "test/absolute_test.c",
        "#include <cwalk.h>\n#include <stdlib.h>\nint absolute_simple(void)\n{\n  char buffer[64];\n"
        '  cwk_path_get_absolute("/a", "b", buffer, sizeof(buffer));\n  return EXIT_SUCCESS;\n}\n',
        "test",
    ),
    # ... but a test-named helper's functions are not named after it (libcbor's test/test_allocator.c)
    (
        "test/test_allocator.c",
        '#include "test_allocator.h"\nvoid finalize_mock_malloc(void) { }\nvoid *instrumented_malloc(size_t size) { return 0; }\n',
        "support",
    ),
    # pugixml: cases written with the project's own macro, inside #ifndef (a call, then its block)
    (
        "tests/test_xpath_paths.cpp",
        '#ifndef PUGIXML_NO_XPATH\n#include "test.hpp"\nusing namespace pugi;\n'
        'TEST_XML(xpath_paths_axes_child, "<node/>")\n{\n\tCHECK_XPATH_NODESET(doc, STR("child::node()"));\n}\n#endif\n',
        "test",
    ),
    # ... and the header defining those macros and helpers with parameters is the tests' helper
    (
        "tests/test.hpp",
        "#define TEST(name) TEST_FIXTURE(name, dummy_fixture)\n"
        "template <typename Node> inline bool test_node_name_value(const Node& node, const char* name) { return true; }\n",
        "support",
    ),
    # a compile-only check of a header (pugixml's tests/test_header_guard.cpp, stb's tests/test_dxt.c)
    ("tests/test_header_guard.cpp", '#include "../src/pugixml.hpp"\n#include "../src/pugixml.hpp"\n', "test"),
    ("tests/test_dxt.c", '#include "stb_dxt.h"\n', "test"),
    # a test-named header of a test folder declaring a suite is not compile-checked (nghttp2's tests/*_test.h)
    ("tests/nghttp2_map_test.h", '#include "munit.h"\nvoid test_nghttp2_map(void);\n', "support"),
    # pytest collects Test* classes with the test methods they inherit (itsdangerous' test_url_safe.py)
    (
        "tests/test_url_safe.py",
        "from tests.test_serializer import TestSerializer\nclass TestURLSafe(TestSerializer):\n    pass\n",
        "test",
    ),
    ("tests/test_base.py", "class Base(object):\n    pass\n", "support"),
    # ava skips test/helpers/: helpers there, even when they call test()
    (
        "test/helpers/with-page.ts",
        "import test from 'ava';\nexport const withPage = (run: () => void) => test('x', run);\n",
        "support",
    ),
    # Lua: busted specs, luaunit test functions, helpers and plain modules
    (
        "spec/stack_spec.lua",
        'local Stack = require "stack"\ndescribe("Stack", function()\n  it("pops", function() end)\nend)\n',
        "test",
    ),
    ("test/test_stack.lua", "local lu = require('luaunit')\nfunction testPush() lu.assertEquals(1, 1) end\n", "test"),
    ("test/helpers.lua", "local M = {}\nfunction M.fresh() return {} end\nreturn M\n", "support"),
    ("lua/stack.lua", "local M = {}\nfunction M.new() return {} end\nreturn M\n", ""),
    # test data and fixtures
    ("tests/fixtures/sample.py", "def test_like():\n    pass\n", "support"),
    ("pkg/testdata/x.go", "package x\n", "support"),
]


@pytest.mark.parametrize("path,text,kind", CASES, ids=[c[0] for c in CASES])
def test_kind_per_language(path, text, kind):
    s = signals(path, text)
    assert s["kind"] == kind, s
    assert is_test(s) == (kind == "test")
    assert is_support(s) == (kind == "support")


def test_compile_only_checks_are_marked_and_other_tests_are_not():
    assert signals("tests/test_header_guard.cpp", '#include "../src/pugixml.hpp"\n').get("compile_only") is True
    assert signals(
        "tests/test_version.cpp", '#include "../src/pugixml.hpp"\n#if PUGIXML_VERSION != 1150\n#error x\n#endif\n'
    )["compile_only"]
    # a file with functions is no compile-only check, and a source outside the test conventions is no test
    assert "compile_only" not in signals("tests/test_foo.c", '#include "foo.h"\nvoid test_foo(void) { }\n')
    assert signals("src/config_check.c", '#include "config.h"\n')["kind"] == ""


def test_markers_count_test_cases_and_are_unknown_without_a_parse():
    s = signals("tests/test_x.py", "def test_a():\n    pass\n\ndef test_b():\n    pass\n\ndef helper():\n    pass\n")
    assert s["markers"] == 2
    # no grammar: path conventions alone decide
    unparsed = file_facts("r", "tests/test_x.sh", "echo ok\n", "shell").test
    assert unparsed["markers"] == -1 and unparsed["kind"] == "support"
    assert file_facts("r", "t/foo_test.zig", "", None).test.get("name") is None


def test_sources_carry_their_defined_names_and_tests_do_not():
    src = signals(
        "pkg/shapes.py",
        "RATIO = 2\n\nclass Circle:\n    def area(self):\n        local = 1\n        return local\n\ndef make_circle(radius):\n    return Circle()\n",
    )
    assert src["defines"] == ["RATIO", "Circle", "area", "make_circle"]
    assert "defines" not in signals("tests/test_shapes.py", "def test_area():\n    pass\n")


@pytest.mark.parametrize(
    "language,text,expected",
    [
        (
            "java",
            "package a.b; import x.Yy; public class Foo { public Foo() {} void bar(int q) { int loc = 1; baz(); } enum Kind { A } }",
            ["Foo", "bar", "Kind"],
        ),
        ("go", "package a\ntype Foo struct{}\nfunc (f *Foo) Bar() {}\nfunc Baz() {}\n", ["Foo", "Bar", "Baz"]),
        (
            "typescript",
            "import {x} from 'y';\nexport interface Props { label: string }\nexport function render(): void { draw() }\nexport const VERSION = 1\n",
            ["Props", "label", "render", "VERSION"],
        ),
        (
            "rust",
            "use std::io;\npub struct Parser;\nimpl Parser { pub fn parse(&self) -> u8 { let x = 1; x } }\n",
            ["Parser", "parse"],
        ),
        (
            "cpp",
            "namespace ns { class Widget { }; int make_widget(int size) { return size; } }",
            ["Widget", "make_widget"],
        ),
    ],
)
def test_defined_names_leave_out_calls_imports_and_locals(language, text, expected):
    tree, src = parse_tree(text, language)
    assert defined_names(tree, src, language) == expected


@pytest.mark.parametrize(
    "name,stem",
    [
        ("test_foo.py", "foo"),
        ("foo_test.py", "foo"),
        ("foo_test.go", "foo"),
        ("FooTest.java", "Foo"),
        ("FooTests.cs", "Foo"),
        ("TestFoo.java", "Foo"),
        ("FooTestCase.java", "Foo"),
        ("FooIT.java", "Foo"),
        ("FooSpec.scala", "Foo"),
        ("foo.spec.ts", "foo"),
        ("foo.test.tsx", "foo"),
        ("foo.component.spec.ts", "foo.component"),
        ("foo.test-d.ts", "foo"),
        ("foo_spec.rb", "foo"),
        ("foo_spec.lua", "foo"),
        ("test_foo.lua", "foo"),
        ("foo_unittest.cc", "foo"),
        ("test-foo.js", "foo"),
        ("Testimony.java", None),
        ("latest.py", None),
        ("contest.go", None),
        ("test.py", None),
        ("Foo.java", None),
    ],
)
def test_subject_stem_from_test_names(name, stem):
    assert subject_stem(name) == stem


def test_real_pytest_layout_of_an_installed_package():
    """networkx ships its tests in-package (networkx/utils/tests/test_*.py): every test file is found,
    every module and the tests' __init__.py are not tests."""
    site = sysconfig.get_paths()["purelib"]
    root = os.path.join(site, "networkx", "utils")
    files = sorted(glob.glob(os.path.join(root, "*.py")) + glob.glob(os.path.join(root, "tests", "*.py")))
    assert len(files) > 10
    kinds = {}
    for full in files:
        rel = "networkx/utils/" + os.path.relpath(full, root).replace(os.sep, "/")
        with open(full, encoding="utf-8") as f:
            kinds[rel] = file_facts("networkx", rel, f.read(), "python").test["kind"]
    tests = {p for p, k in kinds.items() if k == "test"}
    assert tests == {p for p in kinds if os.path.basename(p).startswith("test_")}
    assert kinds["networkx/utils/tests/__init__.py"] == "support"
    assert all(k == "" for p, k in kinds.items() if "/tests/" not in p)


def test_typescript_modules_of_types_only_are_marked():
    types = signals(
        "source/types/hooks.ts",
        "import type { Options } from './options.js';\nexport type Hook = (o: Options) => void;\nexport interface Hooks { before?: Hook[] }\n",
    )
    assert types["kind"] == "" and types.get("types_only") is True
    runtime = signals(
        "source/utils/body.ts", "export type Size = number;\nexport const getBodySize = (b: unknown): Size => 0;\n"
    )
    assert "types_only" not in runtime
    assert "types_only" not in signals("source/types/empty.ts", "import './x.js';\n")  # no type declared either
