"""Test cases in the tree: the vocabulary several languages share and the readers their marker counters use.

Each language's module holds a tree-sitter query (``marker_query``) whose captures are the only nodes
looked at, and a counter that says which captures are test cases (syntax/tests.py runs both).
"""

from __future__ import annotations

import re
from bisect import bisect_right

# xUnit-style annotations and attributes (JUnit 5, xUnit, MSTest, NUnit, PHPUnit, XCTest, ...).
ANNOTATIONS = frozenset(
    {
        "Test",
        "ParameterizedTest",
        "RepeatedTest",
        "TestFactory",
        "TestTemplate",  # JUnit 5
        "Fact",
        "Theory",
        "TestMethod",
        "DataTestMethod",
        "TestCase",
        "TestCaseSource",  # xUnit, MSTest, NUnit
        "test",
        "Property",
        "RunWith",
        "Suite",
    }
)
# BDD-style test functions (mocha, jest, jasmine, RSpec, busted, Kotest, Quick, ...). Not bench(): vitest's and
# mitata's benchmarks (x.bench.ts, test/bench/*.ts) run under `vitest bench` or node, not as tests.
CALLS = frozenset({"describe", "it", "test", "suite", "context", "specify", "xit", "xdescribe", "fit", "fdescribe"})
# tsd's assertions: a type test file (foo.test-d.ts) is made of them.
# vitest's expectTypeOf / assertType likewise.
TSD_CALLS = frozenset(
    {
        "expectType",
        "expectNotType",
        "expectAssignable",
        "expectNotAssignable",
        "expectError",
        "expectDeprecated",
        "expectTypeOf",
        "assertType",
    }
)
_TYPE_TEST = re.compile(r"\.(?:test|spec)-d\.[cm]?[jt]sx?$")
# Type tests without test functions: a line the compiler must reject, marked by // @ts-expect-error (TypeScript's
# own directive, in a test folder) or by check-dts' // THROWS <message> (its errors.ts files).
_EXPECT_ERROR = re.compile(r"^[ \t]*//[ \t]*@ts-expect-error\b", re.M)
_THROWS = re.compile(r"^[ \t]*//[ \t]*THROWS\b", re.M)
# dtslint's assertions (also eslint-plugin-expect-type's): // $ExpectType T and // $ExpectError above a statement
# (also at a line's end: `_.const_.contramap(..) // $ExpectType Const<boolean, string>`, fp-ts' dtslint/Const.ts)
_EXPECT_TYPE = re.compile(r"//[ \t]*\$Expect(?:Type|Error)\b")
_EXPORTS = re.compile(r"^[ \t]*export\b", re.M)
# Base classes of test classes.
TEST_BASES = re.compile(
    r"(TestCase|\bTest\b|XCTestCase|Spec$|Suite$|FunSuite|FlatSpec|WordSpec|FreeSpec|AnyFunSpec|Minitest|TestBase)"
)


def last_name(src, node) -> str:
    """An annotation's or attribute's name, last part (@org.junit.Test -> Test, #[tokio::test] -> test);
    its arguments are not looked at (@RunWith(AllTests.class) -> RunWith)."""
    named = node.child_by_field_name("name")
    if named is None:
        for c in node.children:
            if c.type in (
                "attribute",
                "user_type",
                "constructor_invocation",
                "identifier",
                "scoped_identifier",
                "type_identifier",
                "qualified_name",
                "name",
                "stable_type_identifier",
            ):
                named = c
                break
    if named is not None and named is not node:
        node = named
        if node.type == "attribute":  # Rust: attribute_item > attribute > path
            return last_name(src, node)
    last = ""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.child_count == 0:
            if n.type in (
                "identifier",
                "type_identifier",
                "name",
                "simple_identifier",
                "constant",
                "property_identifier",
            ):
                last = src.node_text(n)
        else:
            stack.extend(reversed(n.children))
    return last


def name_of(src, node) -> str:
    """A definition's name: its name field, else its first name-like child."""
    n = node.child_by_field_name("name")
    if n is None:
        for c in node.children:
            if c.type in (
                "identifier",
                "name",
                "simple_identifier",
                "type_identifier",
                "constant",
                "property_identifier",
            ):
                n = c
                break
    return src.node_text(n) if n is not None else ""


def callee(src, node) -> str:
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
        if obj is not None and obj.type == "identifier" and src.node_text(obj) in CALLS:
            return src.node_text(obj)
        return src.node_text(prop) if prop is not None else ""
    if fn.type in ("identifier", "name"):
        return src.node_text(fn)
    return ""


# Nodes that hold a function's body: a test call inside one runs only when something calls the function.
_FUNCTIONS = frozenset(
    {
        "function_declaration",
        "generator_function_declaration",
        "function_expression",
        "function",
        "generator_function",
        "arrow_function",
        "method_definition",
    }
)


def _runs_at_load(node) -> bool:
    """The test call runs when the module loads: every function around it is a callback handed to a call
    (describe('x', () => { it(..) }), cases.forEach(c => test(..))), none is declared (export function f() {..})."""
    n = node.parent
    while n is not None:
        if n.type in _FUNCTIONS and (n.parent is None or n.parent.type != "arguments"):
            return False
        n = n.parent
    return True


def _exports(root, src) -> bool:
    """The module exports something: an export statement, or an assignment to module.exports / exports.x."""
    for n in root.children:
        if n.type == "export_statement":
            return True
        if n.type == "expression_statement" and n.named_children:
            e = n.named_children[0]
            left = e.child_by_field_name("left") if e.type == "assignment_expression" else None
            text = src.node_text(left) if left is not None else ""
            if text == "module.exports" or text.startswith(("module.exports.", "exports.")):
                return True
    return False


def _generates_tests(calls, called: list[str], src) -> bool:
    """A module of a test folder that exports functions writing test cases and runs none itself (yup's
    test/helpers.ts: castAll(..) calls it(..); unstorage's test/drivers/utils.ts: testDriver(opts); parse5's
    test/utils/generate-parsing-tests.ts, named like a test): a helper the tests call, like ava's and mocha's
    helpers/ folders. Loading it defines no test, so it has none of its own."""
    if (
        not calls
        or not any(c in CALLS for c in called)
        or any(c in CALLS and _runs_at_load(n) for n, c in zip(calls, called))
    ):
        return False
    root = calls[0]
    while root.parent is not None:
        root = root.parent
    return _exports(root, src)


def count_calls(caps: dict, src, path: str) -> tuple:
    """@call captures that call a BDD test function; in a tsd type test (index.test-d.ts) or a test folder, type
    assertions too (expectType, expectTypeOf at the top level: type tests have no test functions). With no call,
    in TypeScript, the lines a type test expects to fail: check-dts' // THROWS in errors.ts, dtslint's
    // $ExpectType / $ExpectError comments, // @ts-expect-error in a test folder's module that exports nothing."""
    from repoloom.syntax.tests import in_test_dir, in_type_test_dir, type_test_named  # (a cycle at import time)

    name = path.rsplit("/", 1)[-1]
    in_tests = in_test_dir(path) or in_type_test_dir(path)
    names = CALLS | TSD_CALLS if _TYPE_TEST.search(name) or in_tests else CALLS
    calls = caps.get("call", ())
    called = [callee(src, n) for n in calls]
    count = sum(1 for c in called if c in names)
    if count and in_tests and _generates_tests(calls, called, src):
        return 0, False  # a helper that writes test cases for the tests that call it: none of its own
    if count == 0 and name.endswith(("ts", "tsx")):
        if type_test_named(path):  # check-dts' errors.ts (syntax/lang/typescript.py)
            count = len(_THROWS.findall(src.text))
        elif _EXPECT_TYPE.search(src.text):
            count = len(_EXPECT_TYPE.findall(src.text))  # a dtslint type test: its assertions are comments
        elif in_type_test_dir(path) or (in_tests and not _EXPORTS.search(src.text)):
            # a module of a test folder that exports nothing and expects compile errors checks types; a helper
            # exports what the tests use. In dtslint's own folder a type test may export its checks as functions
            # (fp-ts' dtslint/index.ts: export function testIssue536 .. // @ts-expect-error)
            count = len(_EXPECT_ERROR.findall(src.text))
    if count and not any(c in CALLS for c in called):
        return count, False, {"type_test": True}  # no test function: it checks types only
    return count, False


def count_xunit(caps: dict, src, path: str) -> tuple[int, bool]:
    """JVM, .NET, PHP and Swift test cases: test annotations (@ann), test base classes (@base), BDD calls
    (@call) and, after a test base class, methods named test* (@method: JUnit 3, PHPUnit, XCTest).
    Nothing inside an annotation counts (its arguments are data, not tests)."""
    outer: list[tuple[int, int]] = []  # outermost annotation spans, in document order
    for n in sorted(caps.get("ann", ()), key=lambda n: (n.start_byte, -n.end_byte)):
        if not outer or n.start_byte >= outer[-1][1] or n.end_byte > outer[-1][1]:
            outer.append((n.start_byte, n.end_byte))
    starts = [s for s, _ in outer]

    def inside(n, strict: bool) -> bool:
        i = bisect_right(starts, n.start_byte) - 1
        if i < 0 or n.end_byte > outer[i][1]:
            return False
        return not strict or (outer[i][0], outer[i][1]) != (n.start_byte, n.end_byte)

    count = sum(1 for n in caps.get("ann", ()) if not inside(n, True) and last_name(src, n) in ANNOTATIONS)
    bases = [n.start_byte for n in caps.get("base", ()) if not inside(n, False) and TEST_BASES.search(src.node_text(n))]
    count += len(bases)
    first_base = min(bases) if bases else None
    for n in caps.get("method", ()):  # has a test base class been seen before it (in document order)?
        if (
            first_base is not None
            and first_base < n.start_byte
            and not inside(n, False)
            and name_of(src, n).startswith("test")
        ):
            count += 1
    count += sum(1 for n in caps.get("call", ()) if not inside(n, False) and callee(src, n) in CALLS)
    return count, False
