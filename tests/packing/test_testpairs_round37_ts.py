"""Test pairing, thirty-seventh round (TypeScript/JavaScript: which subject a detected test gets).

- A test kept beside the code, outside any test folder, that no other rule pairs (named for a topic, reaching the code
  through the package's entry point) tests the module its folder's index file is: nanostores' map/production.test.js
  (imports map from the root index.js) -> map/index.js; htmlparser2's src/FeedHandler.spec.ts -> src/index.ts; parse5's
  lib/tokenizer/tokenizer-location-info.test.ts -> lib/tokenizer/index.ts. The index is the one the test's own kind
  resolves the folder to: TypeScript takes index.d.ts before index.js (nanostores' map/errors.ts, a check-dts type test,
  -> map/index.d.ts). A test in a test folder is not given its folder's helper index.
"""

from __future__ import annotations

from tests.packing.pairing_helpers import graph_pairs

# nanostores (MIT), shortened: each store kind is a folder (map/, atom/, lifecycle/) with index.js, its declarations
# index.d.ts and its tests beside them; every test imports the package's root index.js.
_NANOSTORES = {
    "package.json": '{"name": "nanostores", "type": "module", "types": "./index.d.ts"}\n',
    "index.js": (
        "export { atom, batch, readonlyType } from './atom/index.js'\n"
        "export { onMount, onNotify, onSet, onStart, onStop } from './lifecycle/index.js'\n"
        "export { map } from './map/index.js'\n"
    ),
    "index.d.ts": (
        "export { atom, ReadableAtom, WritableAtom } from './atom/index.js'\n"
        "export { onMount, onSet } from './lifecycle/index.js'\n"
        "export { map, MapStore, MapStoreKeys } from './map/index.js'\n"
    ),
    "atom/index.js": (
        "export let atom = (initialValue) => {\n"
        "  let listeners = []\n"
        "  let $atom = {\n"
        "    lc: 0,\n"
        "    listen(listener) {\n"
        "      $atom.lc = listeners.push(listener)\n"
        "      return () => { listeners.splice(listeners.indexOf(listener), 1) }\n"
        "    },\n"
        "    notify(oldValue, changedKey) {\n"
        "      for (let listener of listeners) listener($atom.value, oldValue, changedKey)\n"
        "    },\n"
        "    set(newValue) {\n"
        "      let oldValue = $atom.value\n"
        "      if (oldValue !== newValue) {\n"
        "        $atom.value = newValue\n"
        "        $atom.notify(oldValue)\n"
        "      }\n"
        "    },\n"
        "    value: initialValue\n"
        "  }\n"
        "  return $atom\n"
        "}\n\n"
        "export let batch = (cb) => cb()\n"
        "export let readonlyType = (store) => store\n"
    ),
    "atom/index.d.ts": (
        "export interface ReadableAtom<Value = any> {\n"
        "  listen(listener: (value: Value, oldValue: Value) => void): () => void\n"
        "  readonly value: Value | undefined\n"
        "}\n"
        "export interface WritableAtom<Value = any> extends ReadableAtom<Value> {\n"
        "  set(newValue: Value): void\n"
        "}\n"
        "export function atom<Value>(initialValue?: Value): WritableAtom<Value>\n"
    ),
    "lifecycle/index.js": (
        "export let onStart = ($store, listener) => $store.listen(listener)\n"
        "export let onStop = ($store, listener) => $store.listen(listener)\n"
        "export let onSet = ($store, listener) => $store.listen(listener)\n"
        "export let onNotify = ($store, listener) => $store.listen(listener)\n"
        "export let onMount = ($store, initialize) => {\n"
        "  let destroy\n"
        "  onStart($store, () => { destroy = initialize() })\n"
        "  onStop($store, () => { if (destroy) destroy() })\n"
        "}\n"
    ),
    "lifecycle/index.d.ts": (
        "import type { ReadableAtom } from '../atom/index.js'\n"
        "export function onMount(store: ReadableAtom, initialize?: () => void | (() => void)): () => void\n"
        "export function onSet(store: ReadableAtom, listener: () => void): () => void\n"
    ),
    "map/index.js": (
        "import { atom } from '../atom/index.js'\n\n"
        "export const map = (initial = {}) => {\n"
        "  let $map = atom(initial)\n"
        "  $map.setKey = function (key, value) {\n"
        "    let oldMap = $map.value\n"
        "    if (typeof value === 'undefined' && key in $map.value) {\n"
        "      $map.value = { ...$map.value }\n"
        "      delete $map.value[key]\n"
        "      $map.notify(oldMap, key)\n"
        "    } else if ($map.value[key] !== value) {\n"
        "      $map.value = { ...$map.value, [key]: value }\n"
        "      $map.notify(oldMap, key)\n"
        "    }\n"
        "  }\n"
        "  return $map\n"
        "}\n"
    ),
    "map/index.d.ts": (
        "import type { WritableAtom } from '../atom/index.js'\n\n"
        "export type MapStoreKeys<TheStore> = TheStore extends { setKey: (key: infer K, ...args: any[]) => any }\n"
        "  ? K\n"
        "  : never\n\n"
        "export interface MapStore<Value extends object = any> extends WritableAtom<Value> {\n"
        "  setKey<Key extends keyof Value>(key: Key, value: Value[Key]): void\n"
        "}\n\n"
        "export function map<Value extends object>(value?: Value): MapStore<Value>\n"
    ),
    # deep-map/ keeps path helpers beside its index: two declaration files in the folder, as in nanostores
    "map/path.js": (
        "export function getPath(obj, path) {\n"
        "  let allKeys = getAllKeysFromPath(path)\n"
        "  let res = obj\n"
        "  for (let key of allKeys) {\n"
        "    if (res === undefined) break\n"
        "    res = res[key]\n"
        "  }\n"
        "  return res\n"
        "}\n\n"
        "export function getAllKeysFromPath(path) {\n"
        "  return path.split(/\\.|\\[|\\]/).filter(Boolean)\n"
        "}\n"
    ),
    "map/path.d.ts": "export function getPath<T extends object>(obj: T, path: string): unknown\n",
    "map/index.test.ts": (
        "import { deepStrictEqual } from 'node:assert'\n"
        "import { test } from 'node:test'\n\n"
        "import { map } from '../index.js'\n\n"
        "test('has unchanging initial value', () => {\n"
        "  let $store = map({ value: 'initial' })\n"
        "  deepStrictEqual($store.value, { value: 'initial' })\n"
        "})\n"
    ),
    "map/production.test.js": (
        "import '../test/set-production.js'\n\n"
        "import { deepStrictEqual } from 'node:assert'\n"
        "import { test } from 'node:test'\n\n"
        "import { map, onMount } from '../index.js'\n\n"
        "test('combines multiple changes for the same store', () => {\n"
        "  let changes = []\n"
        "  let store = map()\n"
        "  onMount(store, () => {\n"
        "    store.setKey('a', 1)\n"
        "    return () => { changes.push('destroy') }\n"
        "  })\n"
        "  let unbind = store.listen((value, oldValue, key) => { changes.push(key) })\n"
        "  store.setKey('a', 2)\n"
        "  unbind()\n"
        "  deepStrictEqual(changes, ['a', 'destroy'])\n"
        "})\n"
    ),
    "map/errors.ts": (
        "import { map, type MapStoreKeys } from '../index.js'\n\n"
        "type TestType =\n"
        "  | { id: string; isLoading: true }\n"
        "  | { isLoading: false; a: string; b: number; c?: number }\n\n"
        "let $test = map<TestType>({ id: '', isLoading: true })\n\n"
        "$test.listen((_, __, changedKey) => {\n"
        "  // THROWS have no overlap\n"
        "  if (changedKey === 'z') {\n"
        "  }\n"
        "})\n\n"
        "let key: MapStoreKeys<typeof $test> = 'id'\n"
        "// THROWS not assignable to parameter\n"
        "$test.setKey('z', 1)\n"
    ),
    "test/set-production.js": "process.env.NODE_ENV = 'production'\n",
    # the same topic-named test in a test folder, beside the folder's helper index.js (support, never a subject)
    "test/index.js": "export function setup(store) {\n  return store.listen(() => {})\n}\n",
    "test/production.test.js": (
        "import './set-production.js'\n\n"
        "import { deepStrictEqual } from 'node:assert'\n"
        "import { test } from 'node:test'\n\n"
        "import { map, onMount } from '../index.js'\n\n"
        "test('runs in production', () => {\n"
        "  let store = map()\n"
        "  onMount(store, () => {})\n"
        "  deepStrictEqual(store.value, {})\n"
        "})\n"
    ),
}

# htmlparser2 (MIT), shortened: the spec of the feed parser sits in src/ beside the package's index.ts, which defines
# parseFeed itself and re-exports the Parser.
_HTMLPARSER2 = {
    "package.json": '{"name": "htmlparser2", "type": "module", "main": "dist/commonjs/index.js"}\n',
    "src/Parser.ts": (
        "import Tokenizer from './Tokenizer.js';\n\n"
        "export interface ParserOptions {\n"
        "    xmlMode?: boolean;\n"
        "    decodeEntities?: boolean;\n"
        "}\n\n"
        "export class Parser {\n"
        "    private readonly tokenizer = new Tokenizer();\n"
        "    constructor(private readonly cbs: Record<string, (...args: any[]) => void>, options: ParserOptions = {}) {\n"
        "        this.options = options;\n"
        "    }\n"
        "    options: ParserOptions;\n"
        "    public write(chunk: string): void {\n"
        "        this.tokenizer.write(chunk);\n"
        "        this.cbs.ontext?.(chunk);\n"
        "    }\n"
        "    public end(chunk?: string): void {\n"
        "        if (chunk) this.write(chunk);\n"
        "        this.cbs.onend?.();\n"
        "    }\n"
        "}\n"
    ),
    "src/Tokenizer.ts": (
        "export const enum QuoteType {\n"
        "    NoValue = 0,\n"
        "    Unquoted = 1,\n"
        "}\n\n"
        "export default class Tokenizer {\n"
        "    private buffer = '';\n"
        "    private index = 0;\n"
        "    public write(chunk: string): void {\n"
        "        this.buffer += chunk;\n"
        "        this.index = this.buffer.length;\n"
        "    }\n"
        "}\n"
    ),
    "src/index.ts": (
        "import { Parser, type ParserOptions } from './Parser.js';\n\n"
        "export { Parser, type ParserOptions } from './Parser.js';\n"
        "export { default as Tokenizer, QuoteType } from './Tokenizer.js';\n\n"
        "export interface Feed {\n"
        "    type: string;\n"
        "    items: { title?: string }[];\n"
        "}\n\n"
        "/**\n"
        " * Parse a feed.\n"
        " *\n"
        " * @param feed The feed that should be parsed, as a string.\n"
        " * @param options Optionally, options for parsing. When using this, you should set `xmlMode` to `true`.\n"
        " */\n"
        "export function parseFeed(feed: string, options: ParserOptions = { xmlMode: true }): Feed | null {\n"
        "    const items: { title?: string }[] = [];\n"
        "    const parser = new Parser({ ontext: (text: string) => items.push({ title: text }) }, options);\n"
        "    parser.end(feed);\n"
        "    return items.length > 0 ? { type: 'rss', items } : null;\n"
        "}\n"
    ),
    "src/FeedHandler.spec.ts": (
        "import fs from 'node:fs/promises';\n"
        "import { describe, it, expect } from 'vitest';\n"
        "import { parseFeed } from './index.js';\n\n"
        "const documents = new URL('__fixtures__/Documents/', import.meta.url);\n\n"
        "describe('parseFeed', () => {\n"
        "    it('(rssFeed)', async () =>\n"
        "        expect(parseFeed(await fs.readFile(new URL('RSS_Example.xml', documents), 'utf8'))).toMatchSnapshot());\n"
        "    it('(atomFeed)', async () =>\n"
        "        expect(parseFeed(await fs.readFile(new URL('Atom_Example.xml', documents), 'utf8'))).toMatchSnapshot());\n"
        "});\n"
    ),
}


def test_nanostores_topic_test_beside_its_store_takes_the_folders_index():
    pairs = graph_pairs(_NANOSTORES, repo="nanostores")
    assert pairs["map/production.test.js"][0] == "map/index.js"  # named for a topic, beside map/index.js
    assert pairs["map/index.test.ts"][0] == "map/index.js"  # named for the index: the path rule, as before


def test_typescript_type_test_beside_a_javascript_store_takes_its_declarations():
    pairs = graph_pairs(_NANOSTORES, repo="nanostores")
    # a .ts file resolves the folder as TypeScript does: index.d.ts before index.js
    assert pairs["map/errors.ts"][0] == "map/index.d.ts"


def test_topic_test_in_a_test_folder_is_not_given_an_index():
    pairs = graph_pairs(_NANOSTORES, repo="nanostores")
    assert "test/production.test.js" in pairs
    assert pairs["test/production.test.js"][0] != "test/index.js"


def test_htmlparser2_feed_spec_beside_the_index_takes_it():
    pairs = graph_pairs(_HTMLPARSER2, repo="htmlparser2")
    assert pairs["src/FeedHandler.spec.ts"][0] == "src/index.ts"
