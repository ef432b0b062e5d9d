"""Test pairing, fifteenth round: C libraries whose public header gives short names as macros over prefixed
functions (libdill's #define go dill_go, #define hclose dill_hclose): tests named for a macro and tests calling the
short names find the file defining what the macros stand for; each with a case where the rule must not fire."""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs


# libdill's shape: one public header (libdill.h) declaring dill_* functions and giving them short names by macro;
# the code is spread over cr.c (coroutines), chan.c (channels), handle.c, and libdill.c (sleeping).
HEADER = (
    "#ifndef LIBDILL_H\n#define LIBDILL_H\n\n#include <stdint.h>\n\n"
    "int dill_hclose(int h);\nint dill_msleep(int64_t deadline);\nint64_t dill_now(void);\n"
    "int dill_prologue(void **ctx, int bndl);\nvoid dill_epilogue(void);\nint dill_bundle(void);\n"
    "int dill_chmake(int chv[2]);\nint dill_chsend(int ch, const void *val, int len, int64_t deadline);\n"
    "int dill_chrecv(int ch, void *val, int len, int64_t deadline);\n"
    "int dill_choose(int *clauses, int nclauses, int64_t deadline);\nint dill_fdin(int fd, int64_t deadline);\n\n"
    "#define dill_go_(fn, bndl) \\\n    __extension__ ({\\\n        void *dill_ctx__;\\\n"
    "        int dill_h__ = dill_prologue(&dill_ctx__, (bndl));\\\n"
    "        if(dill_h__ >= 0) { fn; dill_epilogue(); }\\\n        dill_h__;\\\n    })\n"
    "#define dill_go(fn) dill_go_(fn, -1)\n\n"
    "#define go dill_go\n#define bundle dill_bundle\n#define hclose dill_hclose\n#define msleep dill_msleep\n"
    "#define now dill_now\n#define chmake dill_chmake\n#define chsend dill_chsend\n#define chrecv dill_chrecv\n"
    "#define choose dill_choose\n#define fdin dill_fdin\n"
    "#define wait_both(ch, fd) (dill_chrecv((ch), 0, 0, -1) + dill_fdin((fd), -1))\n\n#endif\n"
)
SOURCES = {
    "libdill.h": HEADER,
    "cr.c": (
        '#include "libdill.h"\n\nstatic int running;\n\nint dill_prologue(void **ctx, int bndl) {\n'
        "    (void)ctx;\n    running++;\n    return bndl < 0 ? running : bndl;\n}\n\n"
        "void dill_epilogue(void) {\n    running--;\n}\n\nint dill_bundle(void) {\n    return 1000 + running;\n}\n"
    ),
    "chan.c": (
        '#include <string.h>\n#include "libdill.h"\n\nstatic char slot[64];\n\nint dill_chmake(int chv[2]) {\n'
        "    chv[0] = 1;\n    chv[1] = 2;\n    return 0;\n}\n\n"
        "int dill_chsend(int ch, const void *val, int len, int64_t deadline) {\n"
        "    (void)ch;\n    (void)deadline;\n    memcpy(slot, val, len);\n    return 0;\n}\n\n"
        "int dill_chrecv(int ch, void *val, int len, int64_t deadline) {\n"
        "    (void)ch;\n    (void)deadline;\n    memcpy(val, slot, len);\n    return 0;\n}\n\n"
        "int dill_choose(int *clauses, int nclauses, int64_t deadline) {\n"
        "    (void)clauses;\n    (void)deadline;\n    return nclauses - 1;\n}\n"
    ),
    "handle.c": '#include "libdill.h"\n\nint dill_hclose(int h) {\n    return h < 0 ? -1 : 0;\n}\n',
    "fd.c": '#include "libdill.h"\n\nint dill_fdin(int fd, int64_t deadline) {\n    (void)deadline;\n    return fd;\n}\n',
    "libdill.c": (
        '#include <time.h>\n#include "libdill.h"\n\nint64_t dill_now(void) {\n    return (int64_t)time(NULL) * 1000;\n}\n\n'
        "int dill_msleep(int64_t deadline) {\n    while(dill_now() < deadline) {}\n    return 0;\n}\n"
    ),
    "tests/assert.h": (
        "#include <stdio.h>\n#include <stdlib.h>\n\n"
        '#define errno_assert(x) do { if(!(x)) { perror("assert"); abort(); } } while(0)\n'
    ),
}


def _test(body: str) -> str:
    return '#include "assert.h"\n#include "../libdill.h"\n\n' + body


TESTS = {
    "tests/go1.c": _test(
        "static void worker(int n) {\n    msleep(now() + n);\n}\n\nint main(void) {\n"
        "    int h = go(worker(10));\n    errno_assert(h >= 0);\n    errno_assert(hclose(h) == 0);\n    return 0;\n}\n"
    ),
    "tests/go2.c": _test(
        "static void idle(void) {}\n\nint main(void) {\n    for(int i = 0; i < 3; i++) {\n"
        "        int h = go(idle());\n        errno_assert(hclose(h) == 0);\n    }\n    return 0;\n}\n"
    ),
    "tests/bundle.c": _test(
        "int main(void) {\n    int b = bundle();\n    errno_assert(b >= 0);\n    errno_assert(hclose(b) == 0);\n"
        "    return 0;\n}\n"
    ),
    "tests/rendezvous.c": _test(
        "int main(void) {\n    int ch[2];\n    errno_assert(chmake(ch) == 0);\n    int val = 42;\n"
        "    errno_assert(chsend(ch[0], &val, sizeof(val), -1) == 0);\n    int clauses[4] = {ch[1], 0, 0, 0};\n"
        "    errno_assert(choose(clauses, 1, now() + 100) == 0);\n    errno_assert(hclose(ch[0]) == 0);\n"
        "    return 0;\n}\n"
    ),
    # must not: named for a macro whose expansion is defined in two files (chan.c and fd.c)
    "tests/wait_both.c": _test(
        "int main(void) {\n    int ch[2];\n    errno_assert(chmake(ch) == 0);\n"
        "    errno_assert(wait_both(ch[1], 0) >= 0);\n    return 0;\n}\n"
    ),
}


def test_a_test_named_for_a_macro_pairs_with_the_file_defining_its_expansion():
    pairs = graph_pairs({**SOURCES, **TESTS})
    assert pairs["tests/go1.c"] == ("cr.c", "name")  # go -> dill_go -> dill_go_ -> dill_prologue
    assert pairs["tests/go2.c"] == ("cr.c", "name")  # numbered variants are the same name
    assert pairs["tests/bundle.c"] == ("cr.c", "name")


def test_calls_follow_the_short_names_through_the_macros():
    pairs = graph_pairs({**SOURCES, **TESTS})
    assert pairs["tests/rendezvous.c"] == ("chan.c", "calls")  # chmake, chsend, choose: dill_* of chan.c


def test_a_macro_over_two_files_names_no_subject_by_name():
    pairs = graph_pairs({**SOURCES, **TESTS})
    assert pairs["tests/wait_both.c"][1] != "name"


def test_without_the_header_macros_the_short_names_reach_nothing():
    # the same tests against a header with no aliases: nothing defines go or choose, so neither rule fires
    plain = {**SOURCES, "libdill.h": HEADER.split("#define go dill_go")[0] + "#endif\n"}
    pairs = graph_pairs({**plain, **{k: v for k, v in TESTS.items() if k in ("tests/go1.c", "tests/rendezvous.c")}})
    assert pairs["tests/go1.c"][0] != "cr.c"
    assert pairs["tests/rendezvous.c"] != ("chan.c", "calls")


# io-ts' shape: src/index.ts defines the codecs itself; test/array.ts takes the module whole as a namespace
# (import * as t from '../src/index') beside its own helpers, and is named for a topic no file is named after.
CODECS = (
    "export class Type<A> {\n  constructor(readonly name: string, readonly is: (u: unknown) => u is A) {}\n}\n\n"
    "export const string = new Type<string>('string', (u): u is string => typeof u === 'string')\n"
    "export const number = new Type<number>('number', (u): u is number => typeof u === 'number')\n\n"
    "export function array<A>(item: Type<A>): Type<A[]> {\n"
    "  return new Type('Array', (u): u is A[] => Array.isArray(u) && u.every(item.is))\n}\n\n"
    "export function literal<V extends string>(v: V): Type<V> {\n  return new Type(v, (u): u is V => u === v)\n}\n"
)
HELPERS = (
    "import * as assert from 'assert'\nimport * as t from '../src/index'\n\n"
    "export function assertIs<A>(codec: t.Type<A>, u: unknown): void {\n  assert.ok(codec.is(u))\n}\n"
)
ARRAY_TEST = (
    "import * as t from '../src/index'\nimport { assertIs } from './helpers'\n\n"
    "describe('array', () => {\n  it('accepts arrays of the item', () => {\n"
    "    const T = t.array(t.number)\n    assertIs(T, [1, 2])\n    assertIs(t.array(t.string), ['a'])\n"
    "    assertIs(t.literal('a'), 'a')\n  })\n})\n"
)


def test_a_namespace_import_of_an_entry_defining_the_code_pairs_with_it():
    files = {
        "package.json": '{"name": "codecs", "main": "src/index.ts"}\n',
        # it also re-exports a module of its own, as io-ts' src/index.ts does (PathReporter)
        "src/index.ts": CODECS + "\nexport { report } from './reporter'\n",
        "src/reporter.ts": "export function report(errors: string[]): string {\n  return errors.join('\\n')\n}\n",
        "test/helpers.ts": HELPERS,
        "test/array.ts": ARRAY_TEST,
    }
    assert graph_pairs(files)["test/array.ts"] == ("src/index.ts", "import")


def test_a_namespace_import_of_a_facade_over_two_modules_names_none():
    # must not: src/index.ts only re-exports array (src/array.ts) and literal (src/literal.ts): no single file
    files = {
        "package.json": '{"name": "codecs", "main": "src/index.ts"}\n',
        "src/type.ts": CODECS.split("export function array")[0],
        "src/array.ts": "import { Type } from './type'\n\nexport function array<A>(item: Type<A>): Type<A[]> {\n"
        "  return new Type('Array', (u): u is A[] => Array.isArray(u) && u.every(item.is))\n}\n",
        "src/literal.ts": "import { Type } from './type'\n\nexport function literal<V extends string>(v: V): Type<V> {\n"
        "  return new Type(v, (u): u is V => u === v)\n}\n",
        "src/index.ts": "export { Type, string, number } from './type'\nexport { array } from './array'\n"
        "export { literal } from './literal'\n",
        "test/helpers.ts": HELPERS,
        "test/array.ts": ARRAY_TEST,
    }
    assert graph_pairs(files)["test/array.ts"] != ("src/index.ts", "import")
