"""Test signals of one file, from path conventions and from the parse (test markers).

``test_signals`` runs inside the one parse (syntax/parse.py) and returns a small
dict that travels in FileFacts.test:

    name     the file name follows a test convention (test_foo.py, FooTest.java, foo.spec.ts, ...)
    dir      the file sits under a test folder (tests/, src/test/, __tests__/, spec/, ...)
    support  a helper or fixture of tests (conftest.py, __mocks__/, testdata/, spec_helper.rb, ...)
    markers  test cases seen in the tree (def test_x, @Test, #[test], it(...), TEST(...)); -1 = not looked
             for (no parse, or no name/folder convention points at the file: only those can be tests)
    inline   Rust source that carries its own ``#[cfg(test)]`` tests (it stays where it is)
    types_only  (TypeScript) the module declares only types and interfaces: no behaviour a runtime test exercises
    kind     the verdict: "test", "support", "inline" or "" (an ordinary file)
    defines  (files that are not tests) names the file defines: functions, classes, types, top-level
             variables; a test that uses them likely tests this file (lexical pairing)

Packing reads ``kind`` and ``defines``; the other keys say why.
"""
from __future__ import annotations

import os
import re
from typing import Any

from repoloom.syntax import identifiers

# Test-affixed file names. Each pattern's group "stem" is the subject's name.
_CODE_EXT = r"\.(?:py|pyi|java|kt|kts|scala|groovy|go|rs|[cm]?[jt]sx?|cs|php|rb|swift|c|cc|cpp|cxx|h|hpp|m|mm)$"
_NAME_PATTERNS = [
    re.compile(r"^(?:test|tests)[_-](?P<stem>.+?)" + _CODE_EXT),  # test_foo.py, test-foo.js, test_foo.c
    re.compile(r"^(?P<stem>.+?)[_-](?:test|tests|spec|unittest|unittests)" + _CODE_EXT),  # foo_test.go, foo_spec.rb
    re.compile(r"^(?P<stem>.+?)\.(?:test|tests|spec|unit|e2e)(?:-d)?" + _CODE_EXT),  # foo.spec.ts, foo.test.jsx, foo.test-d.ts
    re.compile(r"^(?P<stem>[A-Za-z0-9_$]+?)(?:Tests?|TestCase|IT|Spec|Suite)" + _CODE_EXT),  # FooTest.java, FooSpec.scala
    re.compile(r"^Tests?(?P<stem>[A-Z][A-Za-z0-9_$]*)" + _CODE_EXT),  # TestFoo.java, TestsFoo.cs
]
_BARE_TEST = re.compile(r"^(?:tests?|spec)" + _CODE_EXT)  # tests.rs, test.ts: tests of the enclosing module
TEST_DIRS = frozenset({"test", "tests", "__tests__", "spec", "specs", "testing", "unittests", "unit_tests", "test_suite"})
_SUPPORT_DIRS = frozenset({"__mocks__", "__fixtures__", "testdata", "test_data", "fixtures", "__snapshots__", "mocks", "testutils", "testutil", "testhelpers"})
# Names that are always helpers, whatever they contain.
_SUPPORT_NAMES = re.compile(
    r"^(conftest\.py|spec_helper\.rb|rails_helper\.rb|test_helper\.rb|setup[Tt]ests?\.[cm]?[jt]sx?|"
    r"jest\.(config|setup)\..+|vitest\.(config|setup)\..+|karma\.conf\..+|.*_mock\.go|mock_.+\.go)$"
)
# Test-named helpers: support when no test case is found in them (a test_utils.py with tests tests utils).
_HELPER_NAMES = re.compile(r"^(tests?[-_]?(utils?|helpers?|support|common|base)|testing([-_]?utils?)?|Tests?(Utils?|Helpers?|Support|Base|Common)\w*)\.[a-z]+$")

# Markers found in the tree.
_ANNOTATIONS = frozenset({
    "Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate",  # JUnit 5
    "Fact", "Theory", "TestMethod", "DataTestMethod", "TestCase", "TestCaseSource",  # xUnit, MSTest, NUnit
    "test", "Property", "RunWith", "Suite",
})
_CALLS = frozenset({"describe", "it", "test", "suite", "context", "specify", "xit", "xdescribe", "fit", "fdescribe", "bench"})
_C_MACROS = frozenset({
    "TEST", "TEST_F", "TEST_P", "TYPED_TEST", "TYPED_TEST_P", "TEST_CASE", "TEST_CASE_METHOD", "SCENARIO",
    "BOOST_AUTO_TEST_CASE", "BOOST_FIXTURE_TEST_CASE", "START_TEST", "RUN_TEST", "CU_add_test", "UTEST", "UTEST_F",
})
_TEST_BASES = re.compile(r"(TestCase|\bTest\b|XCTestCase|Spec$|Suite$|FunSuite|FlatSpec|WordSpec|FreeSpec|AnyFunSpec|Minitest|TestBase)")
_GO_TEST_FUNC = re.compile(r"^(Test|Benchmark|Fuzz|Example)([A-Z_0-9]|$)")


def subject_stem(name: str) -> str | None:
    """The subject's name encoded in a test-affixed file name (test_foo.py -> foo), or None."""
    for pat in _NAME_PATTERNS:
        m = pat.match(name)
        if m and m.group("stem").strip("._-"):
            return m.group("stem")
    return None


def _in_test_helpers(parts: list[str]) -> bool:
    """test/helpers/with-page.ts: a helpers folder inside a test folder holds helpers (ava skips it; so do jasmine
    and mocha setups by convention), even when they call test functions."""
    low = [p.lower() for p in parts]
    return any(p in ("helpers", "helper") and any(q in TEST_DIRS for q in low[:i]) for i, p in enumerate(low))


def in_test_dir(path: str) -> bool:
    parts = path.split("/")[:-1]
    return any(p.lower() in TEST_DIRS for p in parts) or "/test/" in "/" + path


def _last_name(src, node) -> str:
    """An annotation's or attribute's name, last part (@org.junit.Test -> Test, #[tokio::test] -> test);
    its arguments are not looked at (@RunWith(AllTests.class) -> RunWith)."""
    named = node.child_by_field_name("name")
    if named is None:
        for c in node.children:
            if c.type in ("attribute", "user_type", "constructor_invocation", "identifier", "scoped_identifier", "type_identifier", "qualified_name", "name", "stable_type_identifier"):
                named = c
                break
    if named is not None and named is not node:
        node = named
        if node.type == "attribute":  # Rust: attribute_item > attribute > path
            return _last_name(src, node)
    last = ""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.child_count == 0:
            if n.type in ("identifier", "type_identifier", "name", "simple_identifier", "constant", "property_identifier"):
                last = src.node_text(n)
        else:
            stack.extend(reversed(n.children))
    return last


def _name_of(src, node) -> str:
    n = node.child_by_field_name("name")
    if n is None:
        for c in node.children:
            if c.type in ("identifier", "name", "simple_identifier", "type_identifier", "constant", "property_identifier"):
                n = c
                break
    return src.node_text(n) if n is not None else ""


def _callee(src, node) -> str:
    """Name called by a call node: describe(...), it.only(...) -> it, test.each(..)(..) -> test, tap.test -> test."""
    fn = node.child_by_field_name("function") or node.child_by_field_name("method")
    if fn is None and node.children:
        fn = node.children[0]
    while fn is not None and fn.type in ("call_expression", "call"):
        inner = fn.child_by_field_name("function") or fn.child_by_field_name("method")
        fn = inner if inner is not None else (fn.children[0] if fn.children else None)
    if fn is None:
        return ""
    if fn.type in ("member_expression", "field_expression", "navigation_expression", "selector_expression"):
        obj = fn.child_by_field_name("object")
        prop = fn.child_by_field_name("property") or fn.child_by_field_name("field")
        if obj is not None and obj.type == "identifier" and src.node_text(obj) in _CALLS:
            return src.node_text(obj)
        return src.node_text(prop) if prop is not None else ""
    if fn.type in ("identifier", "name"):
        return src.node_text(fn)
    return ""


_C_MAIN = re.compile(r"\bmain\s*\(")


def _is_c_test_program(function: str, path: str) -> bool:
    """A C/C++ ``main`` in a test folder or a test-named file is a test program (CTest's add_test and
    Makefile check targets run executables: utf8proc's test/case.c, cJSON's test.c), whatever checks it uses."""
    return function == "main" and (in_test_dir(path) or bool(_BARE_TEST.match(os.path.basename(path))) or subject_stem(os.path.basename(path)) is not None)


# Top-level TypeScript statements that declare types only (an export wrapping one of them counts too).
_TYPE_ONLY_NODES = frozenset({"interface_declaration", "type_alias_declaration", "import_statement", "comment", "empty_statement"})


def _declares_only_types(tree) -> bool:
    """source/types/hooks.ts: interfaces and type aliases only, so no runtime test exercises it."""
    seen_type = False
    for n in tree.root_node.children:
        t = n.type
        if t == "export_statement":
            decl = n.child_by_field_name("declaration")
            if decl is not None:
                t = decl.type
            elif any(c.type == "type" for c in n.children):  # export type {A, B} from './x'
                t = "type_alias_declaration"
            else:
                return False
        if t not in _TYPE_ONLY_NODES:
            return False
        seen_type = seen_type or t in ("interface_declaration", "type_alias_declaration")
    return seen_type


def _markers(tree, src, language: str, path: str) -> tuple[int, bool]:
    """(number of test cases in the tree, Rust #[cfg(test)] seen)."""
    count, cfg_test, has_base = 0, False, False
    stack = [tree.root_node]
    is_go_test = path.endswith("_test.go")
    while stack:
        n = stack.pop()
        t = n.type
        if language == "python":
            if t == "function_definition" and _name_of(src, n).startswith("test"):
                count += 1
            elif t == "class_definition":
                sup = n.child_by_field_name("superclasses")
                if sup is not None and "TestCase" in src.node_text(sup):
                    count += 1
        elif language in ("java", "kotlin", "scala", "csharp", "php", "swift"):
            if t in ("marker_annotation", "annotation", "attribute"):
                if _last_name(src, n) in _ANNOTATIONS:
                    count += 1
                continue
            if t in ("method_declaration", "function_declaration") and language in ("php", "swift", "java"):
                # JUnit 3 / PHPUnit / XCTest: testFoo methods of a class with a test base class
                if has_base and _name_of(src, n).startswith("test"):
                    count += 1
            if t in ("superclass", "base_clause", "extends_clause", "inheritance_specifier", "delegation_specifier", "base_list"):
                if _TEST_BASES.search(src.node_text(n)):
                    count += 1
                    has_base = True
            if t in ("call_expression", "function_call_expression", "call") and _callee(src, n) in _CALLS:
                count += 1
        elif language == "go":
            if is_go_test and t == "function_declaration" and _GO_TEST_FUNC.match(_name_of(src, n)):
                count += 1
        elif language == "rust":
            if t == "attribute_item":
                text = src.node_text(n)
                if re.match(r"#\[\s*cfg\s*\(\s*test\s*\)\s*\]", text):
                    cfg_test = True
                elif _last_name(src, n) == "test" or re.match(r"#\[\s*(\w+::)*test\b", text):
                    count += 1
                continue
        elif language in ("javascript", "typescript", "tsx"):
            if t == "call_expression" and _callee(src, n) in _CALLS:
                count += 1
        elif language == "ruby":
            if t == "call" and _callee(src, n) in _CALLS:
                count += 1
            elif t == "method" and _name_of(src, n).startswith("test_"):
                count += 1
            elif t == "superclass" and _TEST_BASES.search(src.node_text(n)):
                count += 1
        elif language in ("c", "cpp"):
            if n.child_count == 0 and t in ("identifier", "type_identifier") and src.node_text(n) in _C_MACROS:
                count += 1
            elif t == "function_definition":
                d = n.child_by_field_name("declarator")
                while d is not None and d.type in ("function_declarator", "pointer_declarator", "parenthesized_declarator"):
                    d = d.child_by_field_name("declarator")
                name = src.node_text(d) if d is not None and d.type == "identifier" else ""
                if not name and _C_MAIN.search(src.node_text(n).split("{", 1)[0]):
                    name = "main"  # int CJSON_CDECL main(void): a calling-convention macro confuses the grammar
                if name.startswith("test_") or _is_c_test_program(name, path):
                    count += 1
        stack.extend(reversed(n.children))
    return count, cfg_test


def test_signals(tree, src, language: str | None, path: str) -> dict[str, Any]:
    name = os.path.basename(path)
    parts = path.split("/")[:-1]
    signals: dict[str, Any] = {}
    stem = subject_stem(name)
    if stem is not None or _BARE_TEST.match(name):
        signals["name"] = True
    if in_test_dir(path):
        signals["dir"] = True
    if _SUPPORT_NAMES.match(name) or any(p in _SUPPORT_DIRS for p in parts) or _in_test_helpers(parts):
        signals["support"] = True
    markers, inline = -1, False
    if tree is not None and (signals.get("name") or signals.get("dir") or language == "rust"):
        # Only a file a convention points at can be a test (and only Rust hides tests in sources),
        # so the tree walk is spared for the rest: markers stay -1 there.
        markers, inline = _markers(tree, src, language or "", path)
    signals["markers"] = markers
    if language == "rust" and (inline or markers > 0) and not signals.get("dir") and not signals.get("name"):
        signals["inline"] = True
    signals["kind"] = _kind(signals, name)
    if tree is not None and signals["kind"] == "" and language in ("typescript", "tsx") and _declares_only_types(tree):
        signals["types_only"] = True
    if tree is not None and signals["kind"] != "test":
        # What a source defines is what its tests use: the vocabulary of lexical pairing (packing/testpairs.py).
        signals["defines"] = identifiers.defined_names(tree, src, language or "")
    return signals


def _kind(s: dict[str, Any], name: str) -> str:
    markers = s.get("markers", -1)
    if s.get("support"):
        return "support"
    if s.get("inline"):
        return "inline"
    if s.get("name"):
        if markers != 0:
            return "test"
        # Test-named but no test case in the tree: a base class or helper inside a test folder
        # (TestUtils.java, export_test.go), an ordinary file elsewhere (ApiSpec.java).
        return "support" if s.get("dir") or _HELPER_NAMES.match(name) or name.endswith(("_test.go", "_test.py", "_spec.rb")) else ""
    if markers <= 0 and _HELPER_NAMES.match(name) and not name.startswith("testing."):
        return "support"  # pkg/testutils.py, TestHelpers.java wherever they are (testing.py may be a public module)
    if s.get("dir"):
        # In a test folder: test cases make a test, their absence a helper (tests/__init__.py, tests/utils.py).
        return "test" if markers > 0 else "support"
    return ""  # test cases outside any convention are too rare to risk calling ordinary code a test


def kind(signals: dict[str, Any]) -> str:
    return signals.get("kind", "")


def is_test(signals: dict[str, Any]) -> bool:
    return signals.get("kind") == "test"


def is_support(signals: dict[str, Any]) -> bool:
    return signals.get("kind") == "support"
