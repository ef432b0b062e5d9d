"""Test pairing, fortieth round (TypeScript/JavaScript and Python: which subject a detected test gets).

- Python: a test named for a class that no file is named for (diskcache's tests/test_deque.py: Deque) tests the one
  module defining a class of that name which the test names (diskcache/persistent.py), a package's __init__.py too;
  not when the test also uses longer names on that word from other modules (click's tests/test_context.py:
  Context of core.py, get_current_context of globals.py, pass_context of decorators.py).
- TypeScript: a module declaring only types is no subject of the import rule, unless the test is named for it and
  its name is not a generic one (hono-node-server's test/server-socket.test.ts imports serve from src/server.ts and
  the type ServerType from src/types.ts: src/server.ts; hookable's test/types.test.ts: no subject; ts-pattern's
  tests/build-many.test.ts keeps src/types/BuildMany.ts).
"""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs

# diskcache (Apache-2.0), shortened: the package re-exports its classes from core.py and persistent.py; each test
# imports the package whole and names the class it tests.
_DISKCACHE = {
    "diskcache/__init__.py": (
        '"""DiskCache API Reference."""\n\n'
        "from .core import ENOVAL, Cache, Disk, Timeout\n"
        "from .fanout import FanoutCache\n"
        "from .persistent import Deque, Index\n\n"
        "__all__ = ['Cache', 'Deque', 'Disk', 'ENOVAL', 'FanoutCache', 'Index', 'Timeout']\n"
    ),
    "diskcache/core.py": (
        '"""Core disk and file backed cache API."""\n\n'
        "import os\n"
        "import sqlite3\n\n\n"
        "class Constant(tuple):\n"
        "    def __new__(cls, name):\n"
        "        return tuple.__new__(cls, (name,))\n\n\n"
        "ENOVAL = Constant('ENOVAL')\n\n\n"
        "class Timeout(Exception):\n"
        '    """Database timeout expired."""\n\n\n'
        "class Disk:\n"
        "    def __init__(self, directory, min_file_size=0):\n"
        "        self._directory = directory\n"
        "        self.min_file_size = min_file_size\n\n"
        "    def put(self, key):\n"
        "        return sqlite3.Binary(key)\n\n\n"
        "class Cache:\n"
        "    def __init__(self, directory=None, timeout=60, disk=Disk):\n"
        "        self._directory = directory or os.getcwd()\n"
        "        self._disk = disk(self._directory)\n"
        "        self._timeout = timeout\n\n"
        "    @property\n"
        "    def directory(self):\n"
        "        return self._directory\n\n"
        "    def push(self, value, prefix=None, side='back'):\n"
        "        return value\n\n"
        "    def pull(self, prefix=None, default=(None, None), side='front'):\n"
        "        return default\n"
    ),
    "diskcache/fanout.py": (
        "from .core import Cache\n\n\n"
        "class FanoutCache:\n"
        "    def __init__(self, directory=None, shards=8):\n"
        "        self._shards = tuple(Cache(directory) for _ in range(shards))\n\n"
        "    def deque(self, name):\n"
        "        from .persistent import Deque\n\n"
        "        return Deque.fromcache(self._shards[0])\n"
    ),
    "diskcache/persistent.py": (
        '"""Persistent Data Types."""\n\n'
        "from collections.abc import MutableMapping, Sequence\n\n"
        "from .core import ENOVAL, Cache\n\n\n"
        "class Deque(Sequence):\n"
        "    def __init__(self, iterable=(), directory=None, maxlen=None):\n"
        "        self._cache = Cache(directory)\n"
        "        self._maxlen = float('inf') if maxlen is None else maxlen\n"
        "        self.extend(iterable)\n\n"
        "    @classmethod\n"
        "    def fromcache(cls, cache, iterable=()):\n"
        "        self = cls.__new__(cls)\n"
        "        self._cache = cache\n"
        "        self.extend(iterable)\n"
        "        return self\n\n"
        "    @property\n"
        "    def directory(self):\n"
        "        return self._cache.directory\n\n"
        "    def __getitem__(self, index):\n"
        "        return self._cache.pull(default=ENOVAL)\n\n"
        "    def __len__(self):\n"
        "        return 0\n\n"
        "    def append(self, value):\n"
        "        self._cache.push(value)\n\n"
        "    def appendleft(self, value):\n"
        "        self._cache.push(value, side='front')\n\n"
        "    def extend(self, iterable):\n"
        "        for value in iterable:\n"
        "            self.append(value)\n\n"
        "    def extendleft(self, iterable):\n"
        "        for value in iterable:\n"
        "            self.appendleft(value)\n\n"
        "    def pop(self):\n"
        "        return self._cache.pull(default=ENOVAL, side='back')\n\n"
        "    def popleft(self):\n"
        "        return self._cache.pull(default=ENOVAL)\n\n"
        "    def rotate(self, steps=1):\n"
        "        for _ in range(steps):\n"
        "            self.appendleft(self.pop())\n\n"
        "    @property\n"
        "    def maxlen(self):\n"
        "        return self._maxlen\n\n\n"
        "class Index(MutableMapping):\n"
        "    def __init__(self, directory=None):\n"
        "        self._cache = Cache(directory)\n\n"
        "    def __getitem__(self, key):\n"
        "        return self._cache.pull(key)\n\n"
        "    def __setitem__(self, key, value):\n"
        "        self._cache.push(value, key)\n\n"
        "    def __delitem__(self, key):\n"
        "        self._cache.pull(key)\n\n"
        "    def __iter__(self):\n"
        "        return iter(())\n\n"
        "    def __len__(self):\n"
        "        return 0\n"
    ),
    "tests/__init__.py": "",
    "tests/test_deque.py": (
        '"""Test diskcache.persistent.Deque."""\n\n'
        "import pickle\n"
        "import shutil\n"
        "import tempfile\n\n"
        "import pytest\n\n"
        "import diskcache as dc\n"
        "from diskcache.core import ENOVAL\n\n\n"
        "def rmdir(directory):\n"
        "    try:\n"
        "        shutil.rmtree(directory)\n"
        "    except OSError:\n"
        "        pass\n\n\n"
        "@pytest.fixture\n"
        "def deque():\n"
        "    deque = dc.Deque()\n"
        "    yield deque\n"
        "    rmdir(deque.directory)\n\n\n"
        "def test_init():\n"
        "    directory = tempfile.mkdtemp()\n"
        "    sequence = list('abcde')\n"
        "    deque = dc.Deque(sequence, None)\n"
        "    assert deque == sequence\n"
        "    rmdir(deque.directory)\n\n\n"
        "def test_getsetdel(deque):\n"
        "    deque.append('a')\n"
        "    deque.appendleft('b')\n"
        "    assert deque[0] != ENOVAL\n\n\n"
        "def test_extend_rotate(deque):\n"
        "    deque.extend('abc')\n"
        "    deque.extendleft('xyz')\n"
        "    deque.rotate(2)\n"
        "    assert deque.pop() == 'a'\n"
        "    assert deque.popleft() == 'z'\n"
        "    assert deque.maxlen == float('inf')\n\n\n"
        "def test_pickle(deque):\n"
        "    data = pickle.dumps(deque)\n"
        "    assert data\n"
    ),
}

# click (BSD-3-Clause), shortened: Context lives in core.py, but the context machinery spans globals.py and
# decorators.py too; tests/test_context.py uses all three (labelled with no subject).
_CLICK = {
    "src/click/__init__.py": (
        "from .core import Command as Command\n"
        "from .core import Context as Context\n"
        "from .decorators import command as command\n"
        "from .decorators import pass_context as pass_context\n"
        "from .decorators import pass_obj as pass_obj\n"
        "from .globals import get_current_context as get_current_context\n"
    ),
    "src/click/core.py": (
        "import enum\n"
        "from contextlib import ExitStack\n\n\n"
        "class ParameterSource(enum.Enum):\n"
        "    COMMANDLINE = enum.auto()\n"
        "    DEFAULT = enum.auto()\n\n\n"
        "class Context:\n"
        "    def __init__(self, command, parent=None, obj=None):\n"
        "        self.command = command\n"
        "        self.parent = parent\n"
        "        self.obj = obj\n"
        "        self._exit_stack = ExitStack()\n\n"
        "    def __enter__(self):\n"
        "        from .globals import push_context\n\n"
        "        push_context(self)\n"
        "        return self\n\n"
        "    def __exit__(self, *args):\n"
        "        from .globals import pop_context\n\n"
        "        pop_context()\n\n"
        "    def with_resource(self, context_manager):\n"
        "        return self._exit_stack.enter_context(context_manager)\n\n"
        "    def find_object(self, object_type):\n"
        "        node = self\n"
        "        while node is not None:\n"
        "            if isinstance(node.obj, object_type):\n"
        "                return node.obj\n"
        "            node = node.parent\n"
        "        return None\n\n\n"
        "class Command:\n"
        "    def __init__(self, name, callback=None):\n"
        "        self.name = name\n"
        "        self.callback = callback\n\n"
        "    def make_context(self, info_name, args, parent=None):\n"
        "        return Context(self, parent=parent)\n"
    ),
    "src/click/globals.py": (
        "_local = []\n\n\n"
        "def get_current_context(silent=False):\n"
        "    if _local:\n"
        "        return _local[-1]\n"
        "    if not silent:\n"
        "        raise RuntimeError('There is no active click context.')\n\n\n"
        "def push_context(ctx):\n"
        "    _local.append(ctx)\n\n\n"
        "def pop_context():\n"
        "    _local.pop()\n"
    ),
    "src/click/decorators.py": (
        "from functools import update_wrapper\n\n"
        "from .core import Command\n"
        "from .globals import get_current_context\n\n\n"
        "def pass_context(f):\n"
        "    def new_func(*args, **kwargs):\n"
        "        return f(get_current_context(), *args, **kwargs)\n\n"
        "    return update_wrapper(new_func, f)\n\n\n"
        "def pass_obj(f):\n"
        "    def new_func(*args, **kwargs):\n"
        "        return f(get_current_context().obj, *args, **kwargs)\n\n"
        "    return update_wrapper(new_func, f)\n\n\n"
        "def pass_meta_key(key, doc_description=None):\n"
        "    def decorator(f):\n"
        "        def new_func(*args, **kwargs):\n"
        "            return f(get_current_context().meta[key], *args, **kwargs)\n\n"
        "        return update_wrapper(new_func, f)\n\n"
        "    return decorator\n\n\n"
        "def command(name=None):\n"
        "    def decorator(f):\n"
        "        return Command(name or f.__name__, callback=f)\n\n"
        "    return decorator\n"
    ),
    "tests/test_context.py": (
        "import pytest\n\n"
        "import click\n"
        "from click import Context\n"
        "from click.core import ParameterSource\n"
        "from click.decorators import pass_meta_key\n\n\n"
        "def test_ensure_context_objects(runner):\n"
        "    class Foo:\n"
        "        def __init__(self):\n"
        "            self.title = 'default'\n\n"
        "    @click.command()\n"
        "    @click.pass_context\n"
        "    def cli(ctx):\n"
        "        ctx.obj = Foo()\n\n"
        "    result = runner.invoke(cli, [])\n"
        "    assert result.exception is None\n\n\n"
        "def test_global_context_object(runner):\n"
        "    @click.command()\n"
        "    @click.pass_obj\n"
        "    def cli(obj):\n"
        "        assert click.get_current_context().obj is obj\n\n"
        "    runner.invoke(cli, [], obj='FOOBAR')\n\n\n"
        "def test_context_pushing():\n"
        "    rv = []\n\n"
        "    @click.command()\n"
        "    def cli():\n"
        "        pass\n\n"
        "    ctx = click.Context(cli)\n"
        "    with ctx:\n"
        "        rv.append(click.get_current_context() is ctx)\n"
        "    assert rv == [True]\n\n\n"
        "def test_make_pass_meta_decorator(runner):\n"
        "    @click.command()\n"
        "    @pass_meta_key('value')\n"
        "    def cli(value):\n"
        "        assert value == 'flag'\n\n"
        "    runner.invoke(cli, [])\n\n\n"
        "def test_parameter_source():\n"
        "    assert ParameterSource.DEFAULT is not ParameterSource.COMMANDLINE\n\n\n"
        "def test_with_resource():\n"
        "    with pytest.raises(RuntimeError):\n"
        "        Context(click.Command('cli')).find_object(int)\n"
    ),
}

# hono-node-server (MIT), shortened: src/types.ts declares types only; the socket test takes serve() from
# src/server.ts and the type ServerType from src/types.ts, beside a helper app.
_HONO_NODE_SERVER = {
    "package.json": '{"name": "@hono/node-server", "main": "dist/index.js"}\n',
    "src/index.ts": (
        "export { serve, createAdaptorServer } from './server'\n"
        "export { getRequestListener } from './listener'\n"
        "export type { HttpBindings, ServerType } from './types'\n"
    ),
    "src/types.ts": (
        "import type { IncomingMessage, ServerResponse, Server, ServerOptions } from 'node:http'\n"
        "import type { Http2Server, Http2SecureServer } from 'node:http2'\n\n"
        "export type HttpBindings = {\n"
        "  incoming: IncomingMessage\n"
        "  outgoing: ServerResponse\n"
        "}\n\n"
        "export type FetchCallback = (request: Request, env: HttpBindings) => Promise<unknown> | unknown\n\n"
        "export type ServerType = Server | Http2Server | Http2SecureServer\n\n"
        "export type Options = {\n"
        "  fetch: FetchCallback\n"
        "  port?: number\n"
        "  hostname?: string\n"
        "  serverOptions?: ServerOptions\n"
        "}\n"
    ),
    "src/listener.ts": (
        "import type { IncomingMessage, ServerResponse } from 'node:http'\n"
        "import type { FetchCallback } from './types'\n\n"
        "export const getRequestListener = (fetchCallback: FetchCallback) => {\n"
        "  return async (incoming: IncomingMessage, outgoing: ServerResponse) => {\n"
        "    const res = (await fetchCallback(new Request('http://localhost' + incoming.url), {\n"
        "      incoming,\n"
        "      outgoing,\n"
        "    })) as Response\n"
        "    outgoing.writeHead(res.status)\n"
        "    outgoing.end(await res.text())\n"
        "  }\n"
        "}\n"
    ),
    "src/server.ts": (
        "import { createServer as createServerHTTP } from 'node:http'\n"
        "import type { AddressInfo } from 'node:net'\n"
        "import { getRequestListener } from './listener'\n"
        "import type { Options, ServerType } from './types'\n\n"
        "export const createAdaptorServer = (options: Options): ServerType => {\n"
        "  const requestListener = getRequestListener(options.fetch)\n"
        "  return createServerHTTP(options.serverOptions || {}, requestListener)\n"
        "}\n\n"
        "export const serve = (options: Options, listeningListener?: (info: AddressInfo) => void): ServerType => {\n"
        "  const server = createAdaptorServer(options)\n"
        "  server.listen(options?.port ?? 3000, options.hostname, () => {\n"
        "    const serverInfo = server.address() as AddressInfo\n"
        "    listeningListener && listeningListener(serverInfo)\n"
        "  })\n"
        "  return server\n"
        "}\n"
    ),
    "test/app.ts": (
        "import { Hono } from 'hono'\n\n"
        "export const app = new Hono()\n"
        "app.get('/', (c) => c.text('Hello! Node!'))\n"
        "app.post('/posts', (c) => c.redirect('/posts'))\n"
    ),
    "test/server-socket.test.ts": (
        "import { request as requestHTTP } from 'node:http'\n"
        "import type { AddressInfo } from 'node:net'\n"
        "import { serve } from '../src/server'\n"
        "import type { ServerType } from '../src/types'\n"
        "import { app } from './app'\n\n"
        "describe('HTTP server', () => {\n"
        "  let address: AddressInfo\n"
        "  let server: ServerType\n"
        "  beforeAll(async () => {\n"
        "    await new Promise<void>((resolve) => {\n"
        "      server = serve({ fetch: app.fetch, port: 0 }, (info) => {\n"
        "        address = info\n"
        "        resolve()\n"
        "      })\n"
        "    })\n"
        "  })\n"
        "  afterAll(() => {\n"
        "    server.close()\n"
        "  })\n\n"
        "  it('Should return 200 response - GET /', async () => {\n"
        "    const res = await new Promise<number>((resolve) => {\n"
        "      requestHTTP({ port: address.port, path: '/' }, (r) => resolve(r.statusCode ?? 0)).end()\n"
        "    })\n"
        "    expect(res).toBe(200)\n"
        "  })\n"
        "})\n"
    ),
}

# hookable (MIT), shortened: a type test of the hooks API named for the types module, which declares types only.
_HOOKABLE = {
    "package.json": '{"name": "hookable", "type": "module", "exports": "./dist/index.mjs"}\n',
    "src/index.ts": "export * from './hookable.ts'\nexport * from './utils.ts'\nexport type * from './types.ts'\n",
    "src/types.ts": (
        "export type HookCallback = (...arguments_: any) => Promise<void> | void\n"
        "export interface Hooks {\n"
        "  [key: string]: HookCallback\n"
        "}\n"
        "export type HookKeys<T> = keyof T & string\n"
        "export type DeprecatedHook<T> = { message?: string; to: HookKeys<T> }\n"
    ),
    "src/utils.ts": (
        "export function flatHooks(configHooks: Record<string, any>, hooks: Record<string, any> = {}) {\n"
        "  for (const key in configHooks) {\n"
        "    hooks[key] = configHooks[key]\n"
        "  }\n"
        "  return hooks\n"
        "}\n"
    ),
    "src/hookable.ts": (
        "import { flatHooks } from './utils.ts'\n"
        "import type { DeprecatedHook, HookCallback, HookKeys } from './types.ts'\n\n"
        "export class Hookable<HooksT extends Record<string, any>, HookNameT extends HookKeys<HooksT>> {\n"
        "  private _hooks: { [key: string]: HookCallback[] } = {}\n"
        "  private _deprecatedHooks: Record<string, DeprecatedHook<HooksT>> = {}\n\n"
        "  hook<NameT extends HookNameT>(name: NameT, function_: HooksT[NameT]) {\n"
        "    this._hooks[name] = this._hooks[name] || []\n"
        "    this._hooks[name].push(function_)\n"
        "    return () => this.removeHook(name, function_)\n"
        "  }\n\n"
        "  removeHook<NameT extends HookNameT>(name: NameT, function_: HooksT[NameT]) {\n"
        "    const index = this._hooks[name]?.indexOf(function_) ?? -1\n"
        "    if (index !== -1) this._hooks[name].splice(index, 1)\n"
        "  }\n\n"
        "  deprecateHooks(deprecatedHooks: Partial<Record<HookNameT, DeprecatedHook<HooksT>>>) {\n"
        "    Object.assign(this._deprecatedHooks, flatHooks(deprecatedHooks))\n"
        "  }\n"
        "}\n\n"
        "export function createHooks<T extends Record<string, any>>(): Hookable<T, HookKeys<T>> {\n"
        "  return new Hookable<T, HookKeys<T>>()\n"
        "}\n"
    ),
    "test/types.test.ts": (
        'import { describe, test } from "vitest";\n'
        'import { expectTypeOf } from "expect-type";\n'
        'import { createHooks } from "../src/index.ts";\n'
        'import type { HookCallback } from "../src/types.ts";\n\n'
        'describe("hook types", () => {\n'
        '  test("correctly handles non-nested hooks", () => {\n'
        "    const hooks = createHooks<{\n"
        "      foo: () => true;\n"
        "      bar: (_arg: string) => 42;\n"
        "    }>();\n\n"
        "    expectTypeOf(hooks.hook).parameter(0).not.toBeAny();\n"
        '    expectTypeOf(hooks.hook).parameter(0).toEqualTypeOf<"foo" | "bar">();\n'
        "  });\n\n"
        '  test("handles a callback type", () => {\n'
        "    const hooks = createHooks<Record<string, HookCallback>>();\n"
        '    hooks.hook("foo", () => {});\n'
        "  });\n"
        "});\n"
    ),
}

# ts-pattern (MIT), shortened: a type test named for the types-only module it imports keeps it.
_TS_PATTERN = {
    "package.json": '{"name": "ts-pattern", "source": "src/index.ts"}\n',
    "src/index.ts": "export { match } from './match';\nexport type { BuildMany } from './types/BuildMany';\n",
    "src/match.ts": (
        "export function match<input>(value: input) {\n"
        "  return {\n"
        "    with(pattern: unknown, handler: (v: input) => unknown) {\n"
        "      return pattern === value ? handler(value) : undefined;\n"
        "    },\n"
        "  };\n"
        "}\n"
    ),
    "src/types/helpers.ts": (
        "export type Primitives = number | boolean | string | undefined | null | symbol | bigint;\n"
        "export type IsPlainObject<o> = o extends object ? (o extends readonly any[] ? false : true) : false;\n"
        "export type Equal<a, b> = (<T>() => T extends a ? 1 : 2) extends <T>() => T extends b ? 1 : 2\n"
        "  ? true\n"
        "  : false;\n"
        "export type Expect<a extends true> = a;\n"
        "export type Update<data, value, path> = path extends readonly [infer head, ...infer tail]\n"
        "  ? data\n"
        "  : value;\n"
    ),
    "src/types/BuildMany.ts": (
        "import { Update } from './helpers';\n\n"
        "// BuildMany :: DataStructure -> Union<[value, path][]> -> Union<DataStructure>\n"
        "export type BuildMany<data, xs extends readonly any[]> = xs extends any\n"
        "  ? BuildOne<data, xs>\n"
        "  : never;\n\n"
        "type BuildOne<data, xs extends readonly any[]> = xs extends [\n"
        "  [infer value, infer path],\n"
        "  ...infer tail\n"
        "]\n"
        "  ? BuildOne<Update<data, value, path>, tail>\n"
        "  : data;\n"
    ),
    "tests/build-many.test.ts": (
        "import { BuildMany } from '../src/types/BuildMany';\n"
        "import { Equal, Expect } from '../src/types/helpers';\n\n"
        "describe('BuildMany', () => {\n"
        "  it('should correctly update the content of a readonly tuple', () => {\n"
        "    type cases = [\n"
        "      Expect<Equal<BuildMany<readonly [number, string], [[string, ['0']]]>, [string, string]>>\n"
        "    ];\n"
        "  });\n"
        "});\n"
    ),
    "src/types/IsMatching.ts": (
        "import { Primitives, IsPlainObject, Equal } from './helpers';\n\n"
        "export type IsMatching<a, b> = true extends IsPlainObject<b>\n"
        "  ? IsMatchingObject<a, b>\n"
        "  : b extends Primitives\n"
        "  ? Equal<a, b>\n"
        "  : a extends b\n"
        "  ? true\n"
        "  : false;\n\n"
        "type IsMatchingObject<a, b> = keyof b extends keyof a ? true : false;\n"
    ),
    "src/is-matching.ts": (
        "import { match } from './match';\n\n"
        "/**\n"
        " * `isMatching` takes pattern and returns a **type guard** function, cheching if a value matches this pattern.\n"
        " */\n"
        "export function isMatching(pattern: unknown, value?: unknown): boolean | ((value: unknown) => boolean) {\n"
        "  if (arguments.length === 1) {\n"
        "    return (value: unknown) => match(value).with(pattern, () => true) === true;\n"
        "  }\n"
        "  return match(value).with(pattern, () => true) === true;\n"
        "}\n"
    ),
    "tests/type-is-matching.test.ts": (
        "import { Equal, Expect, IsPlainObject, Primitives } from '../src/types/helpers';\n"
        "import { IsMatching } from '../src/types/IsMatching';\n\n"
        "describe('IsMatching', () => {\n"
        "  it('Literals', () => {\n"
        "    type cases = [\n"
        "      Expect<Equal<IsMatching<'c' | 'd', 'c'>, true>>,\n"
        "      Expect<Equal<IsMatching<'c' | 'd', 'a'>, false>>,\n"
        "      Expect<Equal<IsMatching<1 | 2, 1>, true>>\n"
        "    ];\n"
        "  });\n"
        "  it('Primitives', () => {\n"
        "    type res1 = IsMatching<3, number>;\n"
        "    type test1 = Expect<Equal<res1, true>>;\n"
        "    type plain = IsPlainObject<{ a: 1 }> | Primitives;\n"
        "  });\n"
        "});\n"
    ),
    "tests/match.test.ts": (
        "import { match } from '../src';\n"
        "import { Equal, Expect } from '../src/types/helpers';\n\n"
        "describe('match', () => {\n"
        "  it('returns the handler result', () => {\n"
        "    const res = match(1).with(1, (x) => x + 1);\n"
        "    type t = Expect<Equal<typeof res, unknown>>;\n"
        "    expect(res).toBe(2);\n"
        "  });\n"
        "});\n"
    ),
}


def test_diskcache_test_named_for_a_class_takes_the_module_defining_it():
    pairs = graph_pairs(_DISKCACHE, repo="diskcache")
    assert pairs["tests/test_deque.py"] == ("diskcache/persistent.py", "name")


def test_click_context_test_spread_over_modules_takes_none():
    pairs = graph_pairs(_CLICK, repo="click")
    assert pairs["tests/test_context.py"][0] is None


def test_hono_node_server_test_takes_the_code_not_the_types_module():
    pairs = graph_pairs(_HONO_NODE_SERVER, repo="hono-node-server")
    assert pairs["test/server-socket.test.ts"][0] == "src/server.ts"


def test_hookable_types_test_is_given_no_types_only_module():
    pairs = graph_pairs(_HOOKABLE, repo="hookable")
    assert pairs["test/types.test.ts"][0] is None


def test_ts_pattern_type_test_named_for_its_types_module_keeps_it():
    pairs = graph_pairs(_TS_PATTERN, repo="ts-pattern")
    assert pairs["tests/build-many.test.ts"][0] == "src/types/BuildMany.ts"
    # the types-only helpers it takes Equal and Expect from are no candidate: the module it is named for is left
    assert pairs["tests/type-is-matching.test.ts"] == ("src/types/IsMatching.ts", "import")
