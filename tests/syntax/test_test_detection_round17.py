"""Test detection, seventeenth round: a test of another project's code copied into the repository (vendor/,
third_party/) is that project's, not this repository's, and stays a helper; a file named as a test inside a test
folder's helpers/ (magicast's test/helpers/vite.test.ts, run by vitest's **/*.test.ts) is a test when it has test
cases, while the helpers there stay helpers."""

from __future__ import annotations

import pytest

from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts


def signals(path: str, text: str) -> dict:
    return file_facts("r", path, text, detect_language(path, text)).test


# recast's own mocha test, as magicast vendors it (vendor/recast/test/printer.ts)
RECAST_TEST = (
    'import assert from "assert";\nimport { parse } from "../lib/parser";\nimport { Printer } from "../lib/printer";\n\n'
    'describe("printer", function () {\n  it("reprints a program", function () {\n'
    '    const ast = parse("var x = 1;");\n    assert.strictEqual(new Printer().print(ast).code, "var x = 1;");\n'
    "  });\n});\n"
)
VITE_TEST = (
    "import { describe, expect, it } from 'vitest'\nimport { parseModule } from '../../src'\n"
    "import { addVitePlugin } from '../../src/helpers/vite'\n\n"
    "describe('helpers > vite', () => {\n  it('adds a plugin', async () => {\n"
    "    const mod = parseModule('export default { plugins: [] }')\n"
    "    addVitePlugin(mod, { from: 'vite-plugin-inspect', imported: 'default' })\n"
    "    expect(mod.generate().code).toContain('vite-plugin-inspect')\n  })\n})\n"
)
GO_TEST = (
    'package yaml\n\nimport "testing"\n\nfunc TestUnmarshal(t *testing.T) {\n'
    '\tvar v map[string]int\n\tif err := Unmarshal([]byte("a: 1"), &v); err != nil {\n\t\tt.Fatal(err)\n\t}\n}\n'
)


@pytest.mark.parametrize(
    "path, text",
    [
        ("vendor/recast/test/printer.ts", RECAST_TEST),
        ("third_party/yaml/decode_test.go", GO_TEST),
        ("src/vendored/recast/test/printer.ts", RECAST_TEST),
    ],
)
def test_a_vendored_projects_tests_are_no_tests_here(path, text):
    s = signals(path, text)
    assert s["kind"] == "support" and s.get("vendored")


@pytest.mark.parametrize(
    "path, text",
    [
        ("test/printer.test.ts", RECAST_TEST),  # the repository's own test
        ("decode_test.go", GO_TEST),
        ("tests/vendor_test.go", GO_TEST),  # named for vendoring, not inside a vendored folder
    ],
)
def test_the_repositorys_own_tests_stay_tests(path, text):
    s = signals(path, text)
    assert s["kind"] == "test" and not s.get("vendored")


def test_a_test_named_file_in_a_test_helpers_folder_is_a_test():
    assert signals("test/helpers/vite.test.ts", VITE_TEST)["kind"] == "test"


def test_the_helpers_there_stay_helpers():
    # ava's test/helpers/with-page.ts calls test() yet is a helper; a test-named file without cases is one too
    with_page = (
        "import test from 'ava'\n\nexport function withPage(title: string, run: () => void) {\n"
        "  test(title, async t => {\n    run()\n    t.pass()\n  })\n}\n"
    )
    assert signals("test/helpers/with-page.ts", with_page)["kind"] == "support"
    assert signals("test/helpers/setup.test.ts", "export const root = '/tmp'\n")["kind"] == "support"
