"""Test detection, fourteenth round: the test crates' and type checkers' conventions of whole ecosystems (Rust test
attribute macros and property-test macros; TypeScript type tests without test functions), each with a file that
must not be taken for a test."""

from __future__ import annotations

import pytest

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


RUST = [
    # rstest (time's tests/integration/date.rs): #[rstest] alone, cases as #[case(...)] attributes
    (
        "time/tests/integration/date.rs",
        "use rstest::rstest;\nuse time::Date;\n\n#[rstest]\n#[case(2019, 1)]\n#[case(2020, 366)]\n"
        "fn ordinal(#[case] year: i32, #[case] expected: u16) {\n"
        "    assert!(Date::from_ordinal_date(year, expected).is_ok());\n}\n",
        "test",
    ),
    ("tests/paths.rs", "#[rstest::rstest]\nfn joins() {\n    assert_eq!(1 + 1, 2);\n}\n", "test"),
    # test-case
    (
        "tests/parse.rs",
        'use test_case::test_case;\n\n#[test_case("1" => 1 ; "one")]\n#[test_case("2" => 2)]\n'
        "fn parses(s: &str) -> u32 {\n    s.parse().unwrap()\n}\n",
        "test",
    ),
    (
        "tests/matrix.rs",
        "use test_case::test_matrix;\n\n#[test_matrix([1, 2], [3, 4])]\nfn adds(a: u8, b: u8) {\n"
        "    assert!(a + b > 3);\n}\n",
        "test",
    ),
    # wasm-bindgen-test
    (
        "tests/web.rs",
        "use wasm_bindgen_test::*;\n\n#[wasm_bindgen_test]\nfn pass() {\n    assert_eq!(1 + 1, 2);\n}\n",
        "test",
    ),
    # proptest! and quickcheck! bodies: their functions are tokens of the macro, not items of the tree
    (
        "tests/roundtrip.rs",
        "use proptest::prelude::*;\n\nproptest! {\n    #[test]\n    fn roundtrips(x in 0u32..1000) {\n"
        "        prop_assert_eq!(x.to_string().parse::<u32>().unwrap(), x);\n    }\n}\n",
        "test",
    ),
    (
        "tests/quick.rs",
        "use quickcheck::quickcheck;\n\nquickcheck! {\n    fn reverse_twice(xs: Vec<u32>) -> bool {\n"
        "        let mut r = xs.clone();\n        r.reverse();\n        r.reverse();\n        r == xs\n    }\n}\n",
        "test",
    ),
    (
        "tests/props.rs",
        "use quickcheck_macros::quickcheck;\n\n#[quickcheck]\nfn double_reverse(xs: Vec<u32>) -> bool {\n"
        "    xs == xs.iter().rev().rev().cloned().collect::<Vec<_>>()\n}\n",
        "test",
    ),
    # a src/tests.rs module of #[rstest] cases (time's src/tests.rs) is a test file like one of #[test]s
    ("src/tests.rs", "use rstest::rstest;\n\n#[rstest]\nfn sizes() {\n    assert_eq!(4, 4);\n}\n", "test"),
    # must not: a helper module of tests/ holding rstest fixtures and a #[case]-like derive, no test function
    (
        "tests/integration/util.rs",
        "use rstest::fixture;\n\n#[fixture]\npub fn date() -> u32 {\n    2020\n}\n\n#[derive(Debug, Clone)]\n"
        "pub struct Case {\n    pub input: u32,\n}\n",
        "support",
    ),
    # must not: a source that calls proptest strategies outside any proptest! block
    (
        "src/strategy.rs",
        "pub fn small() -> std::ops::Range<u32> {\n    0..10\n}\n\nmacro_rules! quick {\n    ($e:expr) => { $e };\n}\n",
        "",
    ),
]


@pytest.mark.parametrize("path,text,kind", RUST)
def test_rust_test_attribute_macros_and_property_macros(path, text, kind):
    assert signals(path, text)["kind"] == kind


def test_rstest_in_a_cfg_test_module_keeps_the_source_inline():
    s = signals(
        "src/date.rs",
        "pub fn days() -> u16 {\n    365\n}\n\n#[cfg(test)]\nmod tests {\n    use rstest::rstest;\n\n"
        "    #[rstest]\n    fn counts() {\n        assert_eq!(super::days(), 365);\n    }\n}\n",
    )
    assert s["kind"] == "inline" and s["markers"] == 1


# nanostores' check-dts type tests: computed/errors.ts, lines marked // THROWS must fail to compile
CHECK_DTS = (
    "import { computed, atom } from '../index.js'\n\nlet $a = atom(1)\nlet $c = computed($a, a => a * 2)\n\n"
    "// THROWS not assignable to parameter of type 'number'\n$c.set('2')\n"
)


TYPESCRIPT = [
    ("computed/errors.ts", CHECK_DTS, "test"),
    ("src/map.errors.ts", CHECK_DTS, "test"),
    # must not: an ordinary errors module (no // THROWS line)
    (
        "src/errors.ts",
        "export class HttpError extends Error {\n  constructor(public status: number) {\n    super(`HTTP ${status}`)\n"
        "  }\n}\n",
        "",
    ),
    # vitest's expectTypeOf / assertType at the top level of a type test
    (
        "test/pick.test-d.ts",
        "import { expectTypeOf } from 'vitest'\nimport { pick } from '../src/pick'\n\n"
        "expectTypeOf(pick({ a: 1, b: '' }, ['a'])).toEqualTypeOf<{ a: number }>()\n",
        "test",
    ),
    (
        "test/types.ts",
        "import { assertType } from 'vitest'\nimport { pick } from '../src/pick'\n\n"
        "assertType<{ a: number }>(pick({ a: 1 }, ['a']))\n",
        "test",
    ),
    # a test folder's module that exports nothing and expects compile errors
    (
        "test/types/schema.ts",
        "import { object, string } from '../../src'\n\nconst schema = object({ name: string() })\n"
        "// @ts-expect-error name is a string\nschema.cast({ name: 1 }).name.toFixed()\n",
        "test",
    ),
    # must not: a helper of the test folder (it exports) that silences one error
    (
        "test/helpers.ts",
        "// @ts-expect-error untyped module\nimport glob from 'tiny-glob'\n\nexport async function files() {\n"
        "  return glob('**/*.ts')\n}\n",
        "support",
    ),
    # must not: a source file with the directive
    (
        "src/load.ts",
        "// @ts-expect-error untyped module\nimport glob from 'tiny-glob'\n\nconst all = glob('*')\nvoid all\n",
        "",
    ),
]


@pytest.mark.parametrize("path,text,kind", TYPESCRIPT)
def test_typescript_type_tests_without_test_functions(path, text, kind):
    assert signals(path, text)["kind"] == kind


def test_type_tests_are_marked_and_runtime_tests_are_not():
    assert signals("computed/errors.ts", CHECK_DTS).get("type_test") is True
    runtime = signals(
        "test/pick.test.ts",
        "import { expect, expectTypeOf, it } from 'vitest'\nimport { pick } from '../src/pick'\n\n"
        "it('picks', () => {\n  expectTypeOf(pick).toBeFunction()\n  expect(pick({ a: 1 }, ['a'])).toEqual({ a: 1 })\n})\n",
    )
    assert runtime["kind"] == "test" and not runtime.get("type_test")
