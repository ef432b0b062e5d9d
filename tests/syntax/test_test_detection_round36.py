"""Test detection, thirty-sixth round. A module of a test folder that exports functions writing test cases and runs
none itself is a helper the tests call (yup's test/helpers.ts, unstorage's test/drivers/utils.ts, parse5's
test/utils/generate-parsing-tests.ts), not a test; a test file whose cases sit in callbacks (describe, forEach) or
that only calls a helper of its own stays one."""

from __future__ import annotations

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


# yup's test/helpers.ts: castAll(schema, {valid, invalid}) writes an it() per value for the test that calls it
YUP_HELPERS = (
    "import { describe, it, expect } from 'vitest';\nimport { ISchema } from '../src/types';\n"
    "import printValue from '../src/util/printValue';\n\n"
    "export let castAndShouldFail = (schema: ISchema<any>, value: any) => {\n"
    "  expect(() => schema.cast(value)).toThrowError(TypeError);\n};\n\n"
    "type Options = {\n  invalid?: any[];\n  valid?: any[];\n};\n"
    "export let castAll = (\n  inst: ISchema<any>,\n  { invalid = [], valid = [] }: Options,\n) => {\n"
    "  valid.forEach(([value, result, schema = inst]) => {\n"
    "    it(`should cast ${printValue(value)} to ${printValue(result)}`, () => {\n"
    "      expect(schema.cast(value)).toBe(result);\n    });\n  });\n\n"
    "  invalid.forEach((value) => {\n    it(`should not cast ${printValue(value)}`, () => {\n"
    "      castAndShouldFail(inst, value);\n    });\n  });\n};\n\n"
    "export let validateAll = (\n  inst: ISchema<any>,\n  { valid = [], invalid = [] }: Options,\n) => {\n"
    "  describe('valid:', () => {\n    runValidations(valid, true);\n  });\n"
    "  describe('invalid:', () => {\n    runValidations(invalid, false);\n  });\n\n"
    "  function runValidations(arr: any[], isValid: boolean) {\n    arr.forEach((config) => {\n"
    "      it(`${printValue(config)}`, async () => {\n"
    "        await expect(inst.isValid(config)).resolves.toEqual(isValid);\n      });\n    });\n  }\n};\n"
)
# unstorage's test/drivers/utils.ts: every driver test calls testDriver({driver}) for the shared cases
UNSTORAGE_UTILS = (
    'import { it, expect, beforeAll, afterAll, afterEach } from "vitest";\n'
    'import { type Storage, type Driver, createStorage, restoreSnapshot } from "../../src/index.ts";\n\n'
    "export interface TestContext {\n  storage: Storage;\n  driver: Driver;\n}\n\n"
    "export interface TestOptions {\n  driver: Driver | (() => Driver);\n  noKeysSupport?: boolean;\n}\n\n"
    "export function testDriver(opts: TestOptions): void {\n  const ctx = {} as TestContext;\n\n"
    "  beforeAll(() => {\n"
    '    ctx.driver = typeof opts.driver === "function" ? opts.driver() : opts.driver;\n'
    "    ctx.storage = createStorage({\n      driver: ctx.driver,\n    });\n  });\n\n"
    "  afterEach(async () => {\n    await ctx.storage.clear();\n  });\n\n"
    '  it("init", async () => {\n    await restoreSnapshot(ctx.storage, { initial: "works" });\n'
    '    expect(await ctx.storage.getItem("initial")).toBe("works");\n  });\n\n'
    '  it.skipIf(opts.noKeysSupport)("getKeys", async () => {\n'
    '    await ctx.storage.setItem("s1:a", "test_data");\n'
    '    expect(await ctx.storage.getKeys()).toMatchObject(["s1:a"]);\n  });\n}\n'
)
# unstorage's test/drivers/memory.test.ts: runs the shared cases inside its own describe, and one of its own
UNSTORAGE_MEMORY_TEST = (
    'import { describe, it, expect } from "vitest";\nimport driver from "../../src/drivers/memory.ts";\n'
    'import { testDriver } from "./utils.ts";\n\n'
    'describe("drivers: memory", () => {\n  testDriver({\n    driver: driver(),\n  });\n\n'
    '  it("proactively flushes expired entries after TTL", async () => {\n    const d = driver();\n'
    "    for (let i = 0; i < 10; i++) {\n"
    "      d.setItem!(`key-${i}`, `val-${i}`, { ttl: 0.01 });\n    }\n"
    "    expect(d.getInstance!().size).toBe(10);\n  });\n});\n"
)
# parse5's test/utils/generate-parsing-tests.ts: named like a test (mocha's *-tests.ts), yet only exports the
# generator the parser's tests call
PARSE5_GENERATOR = (
    "import { it } from 'vitest';\nimport type { TreeAdapterTypeMap } from 'parse5';\n"
    "import { generateTestsForEachTreeAdapter } from './common.js';\n\n"
    "export function generateParsingTests(\n    name: string,\n    prefix: string,\n"
    "    parse: ParseMethod<TreeAdapterTypeMap>,\n): void {\n"
    "    generateTestsForEachTreeAdapter(name, (treeAdapter) => {\n"
    "        for (const test of loadTreeConstructionTestData(treePath, treeAdapter)) {\n"
    "            it(\n                `${prefix}(${test.dirName}) - ${test.idx}.${test.setName}`,\n"
    "                createParsingTest(test, treeAdapter, parse),\n            );\n        }\n    });\n}\n"
)
# A CommonJS helper (mocha's style): module.exports = function shouldBehaveLikeAQueue(..) { it(..) }
COMMONJS_HELPER = (
    "'use strict';\n\nconst assert = require('assert');\n\n"
    "module.exports = function shouldBehaveLikeAQueue(makeQueue) {\n"
    "  it('returns items in order', function () {\n    const q = makeQueue();\n    q.push(1);\n    q.push(2);\n"
    "    assert.strictEqual(q.shift(), 1);\n  });\n};\n"
)
# A test whose cases come from a table, each in a forEach callback at the top level (runs when loaded)
TABLE_TEST = (
    "import { expect, test } from 'vitest';\nimport { slugify } from '../src/slugify';\n\n"
    "export const cases = [\n  ['Hello World', 'hello-world'],\n  ['  a  b ', 'a-b'],\n];\n\n"
    "cases.forEach(([input, output]) => {\n  test(`slugify(${input})`, () => {\n"
    "    expect(slugify(input)).toBe(output);\n  });\n});\n"
)
# A test file that runs a local suite function for two implementations (declared, then called at load) and
# exports nothing
LOCAL_SUITE = (
    "import { describe, it, expect } from 'vitest';\nimport { LRU, LFU } from '../src';\n\n"
    "function behavesLikeACache(make: () => Cache) {\n  it('forgets nothing under capacity', () => {\n"
    "    const c = make();\n    c.set('a', 1);\n    expect(c.get('a')).toBe(1);\n  });\n}\n\n"
    "describe('LRU', () => behavesLikeACache(() => new LRU(2)));\n"
    "describe('LFU', () => behavesLikeACache(() => new LFU(2)));\n"
)
# A test that declares its suite in a function and calls it itself: nothing exported, so no helper of others
SELF_RUN = (
    "const assert = require('assert');\nconst { parse } = require('../lib/parse');\n\n"
    "function run(opts) {\n  describe('parse ' + JSON.stringify(opts), function () {\n"
    "    it('reads a number', function () {\n      assert.strictEqual(parse('1', opts), 1);\n    });\n  });\n}\n\n"
    "run({ strict: true });\nrun({ strict: false });\n"
)


def test_exported_test_writers_are_helpers():
    for path, text in (
        ("test/helpers.ts", YUP_HELPERS),
        ("test/drivers/utils.ts", UNSTORAGE_UTILS),
        ("test/utils/generate-parsing-tests.ts", PARSE5_GENERATOR),
        ("test/behaves-like-queue.js", COMMONJS_HELPER),
    ):
        s = signals(path, text)
        assert s["kind"] == "support", path
        assert s["markers"] == 0, path


def test_tests_that_run_cases_when_loaded_stay_tests():
    assert signals("test/drivers/memory.test.ts", UNSTORAGE_MEMORY_TEST)["kind"] == "test"
    # a table test that exports its table: its cases run in a top-level forEach callback
    s = signals("test/slugify.ts", TABLE_TEST)
    assert s["kind"] == "test" and s["markers"] == 1
    s = signals("test/cache.ts", LOCAL_SUITE)
    assert s["kind"] == "test" and s["markers"] == 3
    s = signals("test/parse.js", SELF_RUN)
    assert s["kind"] == "test" and s["markers"] == 2


def test_only_in_test_folders():
    # outside a test folder the file is an ordinary module either way; the helper check is not what decides it
    assert signals("src/helpers.ts", YUP_HELPERS)["kind"] == ""


# Benchmarks kept in a test folder: support, not tests, unless named as a test.

# babel's tests/benchmarks/benchmark_core.py: pytest-benchmark's fixture times Locale.parse in test_ functions
BABEL_BENCHMARK = (
    "from __future__ import annotations\n\nfrom babel import Locale\n"
    "from babel.core import (\n    get_global,\n    negotiate_locale,\n    parse_locale,\n)\n\n\n"
    "def test_locale_parse_language(benchmark, fi_locale):\n"
    "    # The most common shape: a plain language tag, or an already-parsed Locale.\n"
    '    assert benchmark(lambda: Locale.parse(fi_locale)).language == "fi"\n\n\n'
    "def test_negotiate_locale(benchmark):\n"
    '    assert benchmark(negotiate_locale, ["de_DE", "en_US"], ["de_DE", "de_AT"]) == "de_DE"\n'
)
# rou3's test/bench/index.ts: mitata's group imported as describe, bench() per router
ROU3_BENCH_INDEX = (
    'import { bench, group as describe, run } from "mitata";\nimport { requests } from "./input";\n'
    'import { createInstances } from "./impl";\n\nconst instances = createInstances();\n\n'
    'describe("param routes", () => {\n'
    '  const nonStaticRequests = requests.filter((r) => r.data.includes(":"));\n'
    "  for (const [name, _find] of instances) {\n    bench(name, () => {\n"
    "      for (const request of nonStaticRequests) {\n        _find(request.method, request.path);\n"
    "      }\n    });\n  }\n});\n\nawait run();\n"
)
# h3's test/bench/bench.test.ts: named as a test, vitest runs it (it checks the bench instances answer right)
H3_BENCH_TEST = (
    'import { describe, it, expect } from "vitest";\nimport { createInstances } from "./impl";\n'
    'import { requests } from "./input";\n\ndescribe("benchmark", () => {\n'
    "  const instances = createInstances();\n  for (const [name, app] of instances) {\n"
    "    it(`${name} answers every request`, async () => {\n      for (const request of requests) {\n"
    "        const res = await app.fetch(new Request(`http://localhost${request.path}`));\n"
    "        expect(res.status).toBe(200);\n      }\n    });\n  }\n});\n"
)
# attrs' bench/test_benchmarks.py: CodSpeed benchmarks named as tests, run by pytest: tests
ATTRS_BENCHMARKS = (
    '"""\nBenchmark attrs using CodSpeed.\n"""\n\nfrom __future__ import annotations\n\nimport pytest\n\n'
    "import attrs\n\n\npytestmark = pytest.mark.benchmark()\n\nROUNDS = 1_000\n\n\n"
    "def test_create_simple_class():\n    for _ in range(ROUNDS):\n\n"
    "        @attrs.define\n        class LocalC:\n            x: int\n            y: str\n            z: dict[str, int]\n"
)
# cpp-peglib's rust-peglib/tests/bench_sql.rs: Cargo runs every tests/*.rs as a test (benchmarks go to benches/)
CARGO_BENCH_TEST = (
    "use std::fs;\nuse std::time::Instant;\n\n"
    "fn bench<F: FnMut()>(name: &str, iters: usize, mut f: F) {\n    for _ in 0..iters {\n"
    "        let t0 = Instant::now();\n        f();\n"
    '        println!("{name} {:?}", t0.elapsed());\n    }\n}\n\n'
    "#[test]\nfn sql_benchmark() {\n"
    '    let grammar = fs::read_to_string("benchmark/data/sql.peg").unwrap();\n'
    '    bench("parse sql grammar", 5, || {\n        assert!(peglib::parse(&grammar).is_ok());\n    });\n}\n'
)


def test_benchmarks_in_a_test_folder_are_support():
    for path, text in (
        ("tests/benchmarks/benchmark_core.py", BABEL_BENCHMARK),  # a benchmarks folder, a benchmark-named file
        ("testing/benchmark.py", BABEL_BENCHMARK),  # pluggy's testing/benchmark.py
        ("tests/benchmark_plot.py", BABEL_BENCHMARK),  # sortedcontainers' tests/benchmark_plot.py
        ("test/bench/index.ts", ROU3_BENCH_INDEX),
    ):
        s = signals(path, text)
        assert s["markers"] > 0, path
        assert s.get("benchmark") is True, path
        assert s["kind"] == "support", path


def test_benchmarks_named_as_tests_or_outside_test_folders_stay_as_they_were():
    assert signals("test/bench/bench.test.ts", H3_BENCH_TEST)["kind"] == "test"
    assert signals("bench/test_benchmarks.py", ATTRS_BENCHMARKS)["kind"] == "test"
    assert signals("rust-peglib/tests/bench_sql.rs", CARGO_BENCH_TEST)["kind"] == "test"
    # the same module outside any test folder is no test either way, and not marked
    s = signals("benchmarks/benchmark_core.py", BABEL_BENCHMARK)
    assert s["kind"] == "" and "benchmark" not in s
    # a test folder's ordinary test is untouched
    assert signals("tests/test_core.py", BABEL_BENCHMARK)["kind"] == "test"


# C and C++: a copy of the test framework itself is no test of the project.

# libsrtp's test/cutest.h (acutest's ancestor, MIT): the suite's macros and the main() it provides its includer
CUTEST_H = (
    "#ifndef CUTEST_H__\n#define CUTEST_H__\n\n"
    "/* Macro to specify list of unit tests in the suite. */\n"
    "#define TEST_LIST const struct test__ test_list__[]\n\n"
    '#define TEST_CHECK(cond) test_check__((cond), __FILE__, __LINE__, "%s", #cond)\n\n'
    "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n"
    "struct test__ {\n    const char *name;\n    void (*func)(void);\n};\n\n"
    "extern const struct test__ test_list__[];\n\nint test_check__(int cond, const char *file, int line, "
    "const char *fmt, ...);\n\n#ifndef TEST_NO_MAIN\n\n"
    "static int test_count__ = 0;\nstatic int test_stat_failed_units__ = 0;\n\n"
    "static void test_list_names__(void)\n{\n    const struct test__ *test;\n"
    '    printf("Unit tests:\\n");\n    for (test = &test_list__[0]; test->func != NULL; test++)\n'
    '        printf("  %s\\n", test->name);\n}\n\n'
    "static void test_run__(const struct test__ *test)\n{\n    test_count__++;\n    test->func();\n}\n\n"
    "static void test_help__(void)\n{\n"
    '    printf("Usage: %s [options] [test...]\\n", test_argv0__);\n}\n\n'
    "int main(int argc, char **argv)\n{\n    const struct test__ *test;\n"
    "    for (test = &test_list__[0]; test->func != NULL; test++)\n        test_run__(test);\n"
    "    return (test_stat_failed_units__ == 0) ? 0 : 1;\n}\n\n#endif /* #ifndef TEST_NO_MAIN */\n\n"
    "#endif /* #ifndef CUTEST_H__ */\n"
)
# a test of the project written with it (libsrtp's test/test_srtp.c): still a test
CUTEST_USER = (
    '#include "cutest.h"\n#include "srtp.h"\n\n'
    "void srtp_calc_aead_iv_srtcp_all_zero_input_yield_zero_output(void);\n\n"
    "TEST_LIST = {\n"
    '    { "srtp_calc_aead_iv_srtcp_all_zero_input_yield_zero_output()",\n'
    "      srtp_calc_aead_iv_srtcp_all_zero_input_yield_zero_output },\n"
    "    { NULL, NULL } /* End of tests */\n};\n\n"
    "void srtp_calc_aead_iv_srtcp_all_zero_input_yield_zero_output(void)\n{\n"
    "    srtp_session_keys_t session_keys;\n    v128_t init_vector;\n"
    "    memset(&session_keys, 0, sizeof(session_keys));\n"
    "    TEST_CHECK(srtp_calc_aead_iv_srtcp(&session_keys, &init_vector, 0, NULL) == srtp_err_status_ok);\n}\n"
)
# a doctest.h copy's self-registering cases (its own checks of its string and context helpers)
DOCTEST_H = (
    "#ifndef DOCTEST_LIBRARY_INCLUDED\n#define DOCTEST_LIBRARY_INCLUDED\n\n"
    "#define DOCTEST_VERSION_MAJOR 2\n\nnamespace doctest {\nclass String {\npublic:\n"
    "    String() noexcept;\n    const char* c_str() const;\n};\n} // namespace doctest\n\n"
    "#define TEST_CASE(name) DOCTEST_TEST_CASE(name)\n\n"
    '#ifdef DOCTEST_CONFIG_SELF_TEST\nTEST_CASE("String is empty by default") {\n'
    "    doctest::String s;\n    CHECK(s.c_str()[0] == 0);\n}\n#endif\n\n#endif // DOCTEST_LIBRARY_INCLUDED\n"
)


def test_test_framework_copies_are_support():
    for path, text in (
        ("test/cutest.h", CUTEST_H),
        ("src/testing/acutest.h", CUTEST_H),
        ("test/doctest.hpp", DOCTEST_H),
        ("unittests/doctest.h", DOCTEST_H),
        ("test/googletest-1.16.0/googletest/include/gtest/gtest-param-test.h", DOCTEST_H),
    ):
        s = signals(path, text)
        assert s["markers"] == 0, path
        assert s["kind"] == "support", path


def test_tests_written_with_the_framework_stay_tests():
    assert signals("test/test_srtp.c", CUTEST_USER)["kind"] == "test"
    # the same text under a name no framework ships is a test folder's program (libsrtp's cutest.h renamed)
    assert signals("test/suite_main.h", CUTEST_H)["kind"] == "test"
    assert signals("test/selftest.hpp", DOCTEST_H)["kind"] == "test"
