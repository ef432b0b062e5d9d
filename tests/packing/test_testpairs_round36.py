"""Test pairing, thirty-sixth round (which subject a detected test gets).

- (Python, TypeScript) A test file that another test takes names from is that test's helper, as a support file is: a
  test never tests a test. So a test reaching the code through the package's entry point alone, beside another test's
  module (tqdm's tests/tests_pandas.py: closing from tests_tqdm.py; parse5's sax-parser.test.ts: a shared
  test/utils/common.ts that calls describe() and so is a test itself), still counts as reaching it through the entry
  point only, and its name must be one it imports to name the module defining it (h3's test/status.test.ts, beside
  test/_setup.ts: noContent of src/utils/response.ts, not the status field of src/event.ts).
"""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs

# tqdm (MPL-2.0 AND MIT), shortened: the package's entry point re-exports tqdm from std.py, whose pandas() the test is
# named for; tests_tqdm.py is a test module whose helpers the other tests import.
_TQDM = {
    "tqdm/__init__.py": (
        "from ._monitor import TMonitor, TqdmSynchronisationWarning\n"
        "from ._tqdm_pandas import tqdm_pandas\n"
        "from .std import TqdmDeprecationWarning, TqdmWarning, tqdm, trange\n"
        "from .version import __version__\n\n"
        "__all__ = ['tqdm', 'trange', 'tqdm_pandas', 'TMonitor', 'TqdmWarning', 'TqdmDeprecationWarning',\n"
        "           'TqdmSynchronisationWarning', '__version__']\n"
    ),
    "tqdm/version.py": "__version__ = '4.67.1'\n",
    "tqdm/_tqdm_pandas.py": (
        "import sys\n\n__all__ = ['tqdm_pandas']\n\n\n"
        "def tqdm_pandas(tclass, **tqdm_kwargs):\n"
        '    """Registers the given `tqdm` instance with `pandas.core.groupby.DataFrameGroupBy.progress_apply`."""\n'
        "    from tqdm import TqdmDeprecationWarning\n\n"
        "    if isinstance(tclass, type):\n"
        "        tclass.pandas(**tqdm_kwargs)\n"
        "    else:\n"
        "        type(tclass).pandas(deprecated_t=tclass)\n"
    ),
    "tqdm/_monitor.py": (
        "from threading import Event, Thread\n\n\n"
        "class TqdmSynchronisationWarning(RuntimeWarning):\n"
        '    """tqdm multi-thread/-process errors which may cause incorrect nesting"""\n\n\n'
        "class TMonitor(Thread):\n"
        '    """Monitoring thread for tqdm bars."""\n\n'
        "    def __init__(self, tqdm_cls, sleep_interval):\n"
        "        Thread.__init__(self)\n"
        "        self.daemon = True\n"
        "        self.woken = 0\n"
        "        self.tqdm_cls = tqdm_cls\n"
        "        self.sleep_interval = sleep_interval\n"
        "        self.was_killed = Event()\n\n"
        "    def exit(self):\n"
        "        self.was_killed.set()\n"
        "        return self.report()\n\n"
        "    def report(self):\n"
        "        return not self.was_killed.is_set()\n"
    ),
    "tqdm/std.py": (
        "import sys\n\nfrom ._monitor import TMonitor\n\n\n"
        "class TqdmWarning(Warning):\n"
        '    """base class for all tqdm warnings."""\n\n\n'
        "class TqdmDeprecationWarning(TqdmWarning, DeprecationWarning):\n"
        "    pass\n\n\n"
        "class tqdm:\n"
        '    """Decorate an iterable object, returning an iterator which acts exactly like the original."""\n\n'
        "    monitor_interval = 10\n"
        "    monitor = None\n\n"
        "    def __init__(self, iterable=None, total=None, file=None, leave=True, ascii=None):\n"
        "        self.iterable = iterable\n"
        "        self.total = total\n"
        "        self.fp = file or sys.stderr\n"
        "        self.n = 0\n\n"
        "    @classmethod\n"
        "    def pandas(cls, **tqdm_kwargs):\n"
        '        """Registers the current `tqdm` class with pandas (progress_apply)."""\n'
        "        from pandas.core.frame import DataFrame\n\n"
        "        def inner_generator(df_function='apply'):\n"
        "            def inner(df, func, *args, **kwargs):\n"
        "                t = cls(total=len(df), **tqdm_kwargs)\n"
        "                return getattr(df, df_function)(func, *args, **kwargs)\n\n"
        "            return inner\n\n"
        "        DataFrame.progress_apply = inner_generator()\n\n"
        "    def update(self, n=1):\n"
        "        self.n += n\n\n\n"
        "def trange(*args, **kwargs):\n"
        '    """Shortcut for tqdm(range(*args), **kwargs)."""\n'
        "    return tqdm(range(*args), **kwargs)\n"
    ),
    "tests/__init__.py": "",
    "tests/tests_tqdm.py": (
        "import sys\nfrom contextlib import contextmanager\nfrom io import StringIO\n\n"
        "from pytest import importorskip, mark, raises, skip\n\n"
        "from tqdm import TqdmDeprecationWarning, TqdmWarning, tqdm, trange\n\n\n"
        "@contextmanager\n"
        "def closing(fp):\n"
        "    try:\n"
        "        yield fp\n"
        "    finally:\n"
        "        fp.close()\n\n\n"
        "def test_iterate_over_csv_rows():\n"
        "    with closing(StringIO()) as our_file:\n"
        "        for _ in tqdm(range(3), file=our_file):\n"
        "            pass\n\n\n"
        "def test_trange():\n"
        "    with closing(StringIO()) as our_file:\n"
        "        assert list(trange(3, file=our_file)) == [0, 1, 2]\n"
    ),
    "tests/tests_pandas.py": (
        "from tqdm import tqdm\n\n"
        "from .tests_tqdm import StringIO, closing, importorskip, mark, skip\n\n"
        "pytestmark = mark.slow\n\n"
        "pd = importorskip('pandas')\n\n\n"
        "def test_pandas_setup():\n"
        '    """Test tqdm.pandas()"""\n'
        "    with closing(StringIO()) as our_file:\n"
        "        tqdm.pandas(file=our_file, leave=True, ascii=True, total=123)\n"
        "        series = pd.Series(range(100))\n"
        "        series.progress_apply(lambda x: x + 10)\n"
        "        res = our_file.getvalue()\n"
        "        assert '100/123' in res\n\n\n"
        "def test_pandas_deprecation():\n"
        '    """Test bar object instance as argument deprecation"""\n'
        "    try:\n"
        "        from tqdm import tqdm_pandas\n"
        "    except ImportError as err:\n"
        "        skip(str(err))\n\n"
        "    with closing(StringIO()) as our_file:\n"
        "        tqdm_pandas(tqdm(file=our_file, leave=False, ascii=True, ncols=20))\n"
        "        df = pd.DataFrame(range(500))\n"
        "        df.groupby(0).progress_apply(lambda x: None)\n"
        "        assert 'TqdmDeprecationWarning' in our_file.getvalue()\n"
    ),
}

# parse5 (MIT), one package of the monorepo shortened: lib/index.ts defines SAXParser itself; the repository's shared
# test/utils/common.ts wraps describe() for every tree adapter, so it is detected as a test too.
_PARSE5 = {
    "packages/parse5-sax-parser/package.json": (
        '{\n  "name": "parse5-sax-parser",\n  "type": "module",\n  "main": "dist/index.js"\n}\n'
    ),
    "packages/parse5-sax-parser/lib/parser-feedback-simulator.ts": (
        "export class ParserFeedbackSimulator {\n"
        "    private namespaceStack: string[] = [];\n"
        "    public inForeignContent = false;\n\n"
        "    constructor(private handler: { onStartTag(name: string): void }) {}\n\n"
        "    onStartTag(name: string): void {\n"
        "        this.namespaceStack.unshift(name);\n"
        "        this.handler.onStartTag(name);\n"
        "    }\n"
        "}\n"
    ),
    "packages/parse5-sax-parser/lib/index.ts": (
        "import { Transform } from 'node:stream';\n"
        "import { ParserFeedbackSimulator } from './parser-feedback-simulator.js';\n\n"
        "export interface SAXParserOptions {\n"
        "    sourceCodeLocationInfo?: boolean;\n"
        "}\n\n"
        "export class SAXParser extends Transform {\n"
        "    protected parserFeedbackSimulator: ParserFeedbackSimulator;\n"
        "    private pendingText = '';\n"
        "    private stopped = false;\n\n"
        "    constructor(protected options: SAXParserOptions = {}) {\n"
        "        super({ encoding: 'utf8', decodeStrings: false });\n"
        "        this.parserFeedbackSimulator = new ParserFeedbackSimulator(this);\n"
        "    }\n\n"
        "    public stop(): void {\n"
        "        this.stopped = true;\n"
        "    }\n\n"
        "    public onStartTag(name: string): void {\n"
        "        this.pendingText += name;\n"
        "    }\n"
        "}\n"
    ),
    "packages/parse5-parser-stream/package.json": (
        '{\n  "name": "parse5-parser-stream",\n  "type": "module",\n  "main": "dist/index.js"\n}\n'
    ),
    "packages/parse5-parser-stream/lib/index.ts": (
        "import { Writable } from 'node:stream';\n\n"
        "export interface ParserOptions {\n"
        "    sourceCodeLocationInfo?: boolean;\n"
        "}\n\n"
        "export class ParserStream extends Writable {\n"
        "    private lastChunkWritten = false;\n"
        "    private writeCallback: undefined | (() => void) = undefined;\n"
        "    private pendingHtmlInsertions: string[] = [];\n\n"
        "    constructor(protected options: ParserOptions = {}) {\n"
        "        super({ decodeStrings: false });\n"
        "    }\n\n"
        "    public stop(): void {\n"
        "        this.lastChunkWritten = true;\n"
        "    }\n\n"
        "    public onStartTag(name: string): void {\n"
        "        this.pendingHtmlInsertions.push(name);\n"
        "    }\n"
        "}\n"
    ),
    "test/utils/common.ts": (
        "import { describe, assert } from 'vitest';\n"
        "import { Writable } from 'node:stream';\n\n"
        "export const treeAdapters = { default: {}, htmlparser2: {} } as const;\n\n"
        "export function removeNewLines(str: string): string {\n"
        "    return str.replace(/\\r/g, '').replace(/\\n/g, '');\n"
        "}\n\n"
        "export function generateTestsForEachTreeAdapter(name: string, ctor: (adapter: object) => void): void {\n"
        "    describe(name, () => {\n"
        "        for (const adapterName of Object.keys(treeAdapters)) {\n"
        "            describe(`Tree adapter: ${adapterName}`, () => {\n"
        "                ctor(treeAdapters[adapterName as keyof typeof treeAdapters]);\n"
        "            });\n"
        "        }\n"
        "    });\n"
        "}\n\n"
        "export class WritableStreamStub extends Writable {\n"
        "    writtenData = '';\n"
        "}\n\n"
        "export function getStringDiffMsg(actual: string, expected: string): string {\n"
        "    assert.ok(actual !== undefined);\n"
        "    return `${actual} / ${expected}`;\n"
        "}\n"
    ),
    "packages/parse5-sax-parser/test/sax-parser.test.ts": (
        "import { it, assert, describe } from 'vitest';\n"
        "import { SAXParser } from '../lib/index.js';\n"
        "import { WritableStreamStub, removeNewLines, getStringDiffMsg } from '../../../test/utils/common.js';\n\n"
        "describe('SAX parser', () => {\n"
        "    it('Piping and .stop()', () => {\n"
        "        const parser = new SAXParser();\n"
        "        const writable = new WritableStreamStub();\n"
        "        parser.on('startTag', () => parser.stop());\n"
        "        parser.pipe(writable);\n"
        "        assert.strictEqual(removeNewLines(writable.writtenData), '', getStringDiffMsg('', ''));\n"
        "    });\n"
        "});\n"
    ),
}

# h3 (MIT), shortened: src/index.ts re-exports noContent from src/utils/response.ts; src/event.ts has a status field;
# test/_setup.ts wraps describe() for each runtime (a test itself) and every test takes describeMatrix from it.
_H3 = {
    "package.json": '{\n  "name": "h3",\n  "type": "module",\n  "main": "./dist/index.mjs"\n}\n',
    "src/index.ts": (
        "export { H3 } from './h3';\n"
        "export { H3Event } from './event';\n"
        "export { noContent, redirect } from './utils/response';\n"
    ),
    "src/h3.ts": (
        "import { H3Event } from './event';\n\n"
        "export class H3 {\n"
        "  routes: Array<[string, (event: H3Event) => unknown]> = [];\n\n"
        "  all(route: string, handler: (event: H3Event) => unknown): this {\n"
        "    this.routes.push([route, handler]);\n"
        "    return this;\n"
        "  }\n"
        "}\n"
    ),
    "src/event.ts": (
        "export class H3Event {\n"
        "  status?: number;\n"
        "  statusText?: string;\n"
        "  constructor(public req: Request) {}\n"
        "}\n\n"
        "export function status(event: H3Event): number {\n"
        "  return event.status ?? 200;\n"
        "}\n"
    ),
    "src/utils/response.ts": (
        "import type { H3Event } from '../event';\n\n"
        "export function noContent(event: H3Event, code?: number): '' {\n"
        "  event.status = code ?? 204;\n"
        "  return '';\n"
        "}\n\n"
        "export function redirect(event: H3Event, location: string, code = 302): string {\n"
        "  event.status = code;\n"
        "  return location;\n"
        "}\n"
    ),
    "test/_setup.ts": (
        "import { it, describe, expect, beforeEach } from 'vitest';\n"
        "import { H3 } from '../src';\n\n"
        "export function describeMatrix(title: string, fn: (ctx: { app: H3 }, utils: object) => void): void {\n"
        "  for (const target of ['web', 'node']) {\n"
        "    describe(`${title} (${target})`, () => {\n"
        "      const ctx = { app: new H3() };\n"
        "      beforeEach(() => {\n"
        "        ctx.app = new H3();\n"
        "      });\n"
        "      fn(ctx, { it, describe, expect });\n"
        "    });\n"
        "  }\n"
        "}\n"
    ),
    "test/status.test.ts": (
        "import { noContent } from '../src';\n"
        "import { describeMatrix } from './_setup';\n\n"
        "describeMatrix('event response', (t, { it, describe, expect }) => {\n"
        "  describe('content response', () => {\n"
        "    it('sets status 204 for no content', async () => {\n"
        "      t.app.all('/test', (event) => noContent(event));\n"
        "      expect(t.app.routes.length).toBe(1);\n"
        "    });\n"
        "  });\n"
        "});\n"
    ),
}


def test_tqdm_test_importing_another_tests_helpers_pairs_through_the_entry_point():
    pairs = graph_pairs(_TQDM, repo="tqdm")
    assert pairs["tests/tests_pandas.py"][0] == "tqdm/std.py"  # tqdm.pandas, named by the test, defined there
    assert "tests/tests_tqdm.py" in pairs  # the imported module is a test of its own, no one's subject
    assert all(s != "tests/tests_tqdm.py" for s, _ in pairs.values())


def test_parse5_test_beside_a_shared_test_utility_takes_its_packages_entry_point():
    pairs = graph_pairs(_PARSE5, repo="parse5")
    # round 36's detection (syntax/markers.py) takes it for a helper: it exports functions writing cases, runs none
    assert "test/utils/common.ts" not in pairs
    assert pairs["packages/parse5-sax-parser/test/sax-parser.test.ts"][0] == "packages/parse5-sax-parser/lib/index.ts"


def test_h3_test_named_for_a_field_takes_the_module_of_the_one_name_it_imports():
    pairs = graph_pairs(_H3, repo="h3")
    assert "test/_setup.ts" not in pairs  # a helper to round 36's detection, as parse5's test/utils/common.ts
    # named "status" (src/event.ts defines status), but it imports noContent only: the test is of response.ts
    assert pairs["test/status.test.ts"][0] == "src/utils/response.ts"
