"""Test detection, fifteenth round: TypeScript type tests by their tools' conventions (dtslint's $ExpectType /
$ExpectError comments, and the folders dtslint and tsd keep type tests in), each with files that must not be taken
for tests."""

from __future__ import annotations

import pytest

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


# io-ts' dtslint/Codec.ts: no test function, the assertions are comments that dtslint checks against tsc
DTSLINT = (
    "import * as _ from '../src/Codec'\n\ndeclare const NumberFromString: _.Codec<string, string, number>\n\n"
    "// $ExpectType Codec<unknown, { a: string; }, { a: string; }>\n_.struct({\n  a: _.string\n})\n\n"
    "// $ExpectError\n_.struct(1)\n"
)

CASES = [
    ("dtslint/Codec.ts", DTSLINT, "test"),
    ("packages/core/dtslint/index.ts", DTSLINT, "test"),
    # DefinitelyTyped's layout: types/<package>/<package>-tests.ts is named as a test already; the comments count
    (
        "types/left-pad/left-pad-tests.ts",
        "import leftPad = require('left-pad')\n\n// $ExpectType string\nleftPad('a', 3)\n",
        "test",
    ),
    # tsd's default folder: test-d/index.ts, expectType calls at the top level
    (
        "test-d/index.ts",
        "import { expectType } from 'tsd'\nimport pMap from '../index.js'\n\n"
        "expectType<Promise<number[]>>(pMap([1], async x => x))\n",
        "test",
    ),
    # must not: dtslint's version header beside the tests (no assertion), a helper
    ("dtslint/index.d.ts", "// Minimum TypeScript Version: 3.9\n", "support"),
    # must not: a source file whose comment merely mentions the marker in prose
    (
        "src/expect.ts",
        "/** Mirrors dtslint: a line like `// $ExpectType T` states a type. */\nexport const marker = '$ExpectType'\n",
        "",
    ),
    # must not: a source file holding the comment is not a test outside the conventions
    ("src/codec.ts", "export const n = 1\n// $ExpectType number\nn\n", ""),
    # must not: a plain module in a folder named like a type-test folder of no language of it (Python)
    ("dtslint/build.py", "def main():\n    return 0\n", ""),
]


@pytest.mark.parametrize("path,text,kind", CASES)
def test_typescript_type_tests_by_dtslint_and_tsd_conventions(path, text, kind):
    assert signals(path, text)["kind"] == kind


def test_dtslint_files_are_type_tests():
    s = signals("dtslint/Codec.ts", DTSLINT)
    assert s.get("type_test") is True and s["markers"] == 2


def test_c_headers_record_what_their_macros_stand_for():
    header = (
        "#define dill_go(fn) dill_go_(fn, NULL, 0, -1)\n#define go dill_go\n#define hclose dill_hclose\n"
        "#define DILL_VERSION 3\n#define wrap(x) \\\n    dill_wrap_impl((x), __LINE__)\n"
    )
    macros = signals("libdill.h", header)["macros"]
    assert macros["go"] == ["dill_go"] and macros["hclose"] == ["dill_hclose"]
    assert macros["dill_go"] == ["dill_go_"]  # the parameter and NULL are left out
    assert macros["wrap"] == ["dill_wrap_impl"]  # continued lines count; __LINE__ does not
    assert "DILL_VERSION" not in macros  # a constant stands for no name
    # must not: a source file's own macros, and a test's
    assert "macros" not in signals("cr.c", "#define go dill_go\nint dill_go_(void) { return 0; }\n")
    assert "macros" not in signals("tests/assert.h", "#define check(x) do_check(x)\n")
