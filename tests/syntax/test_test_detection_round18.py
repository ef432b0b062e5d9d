"""Test detection, eighteenth round: benchmarks are no tests. A file whose only cases are bench() calls (mitata's or
vitest's: h3's test/bench/bench.ts) and a vitest benchmark file named x.bench.ts (run by `vitest bench`, though it
groups its bench() calls with describe(): ohash's test/benchmarks.bench.ts) are helpers; a test beside them that
has describe/it cases, whatever words its name holds (test/benchmark.test.ts), stays a test."""

from __future__ import annotations

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


MITATA = (
    'import { bench, run, summary } from "mitata";\nimport { H3 } from "../../src";\n\n'
    "const app = new H3().get('/', () => 'ok');\n\nsummary(() => {\n"
    '  bench("h3 GET /", async () => {\n    await app.fetch(new Request("http://localhost/"));\n  });\n});\n\n'
    "await run();\n"
)
VITEST_BENCH = (
    'import { bench, describe } from "vitest";\nimport { serialize } from "../src";\n\n'
    'describe("benchmarks", () => {\n  describe("serialize", () => {\n'
    '    bench("object", () => {\n      serialize({ a: 1, b: [1, 2, 3] });\n    });\n  });\n});\n'
)
VITEST_TEST = (
    'import { describe, expect, it } from "vitest";\nimport { serialize } from "../src";\n\n'
    'describe("serialize", () => {\n  it("sorts keys", () => {\n'
    "    expect(serialize({ b: 1, a: 2 })).toBe(serialize({ a: 2, b: 1 }));\n  });\n});\n"
)


def test_a_file_of_bench_calls_is_no_test():
    s = signals("test/bench/bench.ts", MITATA)
    assert s["kind"] != "test"


def test_a_vitest_benchmark_file_is_no_test():
    s = signals("test/benchmarks.bench.ts", VITEST_BENCH)
    assert s["kind"] != "test"
    s = signals("src/serialize.bench.mts", VITEST_BENCH)
    assert s["kind"] != "test"


def test_tests_beside_benchmarks_stay_tests():
    assert signals("test/benchmark.test.ts", VITEST_TEST)["kind"] == "test"
    assert signals("test/bench/serialize.test.ts", VITEST_TEST)["kind"] == "test"
    # a test file that measures as well as asserts keeps its describe/it cases
    mixed = VITEST_TEST.replace(
        'import { describe, expect, it } from "vitest";', 'import { bench, describe, expect, it } from "vitest";'
    )
    assert signals("test/serialize.test.ts", mixed + '\nbench("serialize", () => serialize({}));\n')["kind"] == "test"


# fp-ts' dtslint type tests: an assertion written at the end of the line it checks, and a test that exports its
# checks as functions with // @ts-expect-error inside
CONST_DTSLINT = (
    "import * as _ from '../src/Const'\n\n//\n// contramap\n//\n\n"
    "_.const_.contramap(_.make<boolean>(true), (s: string) => s.length) // $ExpectType Const<boolean, string>\n"
)
INDEX_DTSLINT = (
    "import * as _ from '../src/HKT'\nimport * as T from '../src/Task'\n\n// issue #536\n"
    "export function testIssue536<F extends _.URIS, G extends _.URIS, A>(x: _.Kind<F, A>): _.Kind<G, A> {\n"
    "  // @ts-expect-error\n  return x\n}\n\nexport const testURI = <F extends _.URIS>(ma: T.Task<number>): _.Kind<F, number> => {\n"
    "  // @ts-expect-error\n  return ma\n}\n"
)


def test_dtslint_assertions_at_a_lines_end_and_exported_checks_are_type_tests():
    s = signals("dtslint/Const.ts", CONST_DTSLINT)
    assert s["kind"] == "test" and s.get("type_test")
    s = signals("dtslint/index.ts", INDEX_DTSLINT)
    assert s["kind"] == "test" and s.get("type_test")


def test_an_exporting_helper_of_an_ordinary_test_folder_stays_a_helper():
    # outside a type-test folder, a module that exports stays the tests' helper even with an expected error
    s = signals("test/helpers.ts", INDEX_DTSLINT)
    assert s["kind"] != "test"
