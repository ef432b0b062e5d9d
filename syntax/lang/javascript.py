"""JavaScript, and what TypeScript shares with it (typescript.py): import/export/require/import(),
Node and TypeScript module resolution (extensions, index files, tsconfig paths, packages of a monorepo),
describe/it/test calls."""

from __future__ import annotations

import posixpath

from repoloom.syntax.imports import load_json
from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_calls
from repoloom.syntax.queries import matches, rec, string_value
from repoloom.syntax.resolving import KIND_WEIGHT, importance, norm, parent_dir

IMPORTS = """
    (import_statement source: (string) @source) @import
    (export_statement source: (string) @source) @export
    (call_expression function: (identifier) @fn arguments: (arguments . (string) @arg)) @call
    (call_expression function: (import) arguments: (arguments . (string) @arg)) @dynamic
"""
MARKERS = "(call_expression) @call"
SUPPORT_NAMES = (
    r"setup[Tt]ests?\.[cm]?[jt]sx?",
    r"jest\.(config|setup)\..+",
    r"vitest\.(config|setup)\..+",
    r"karma\.conf\..+",
    # vitest's benchmark files (its bench include, **/*.{bench,benchmark}.?(c|m)[jt]s?(x)): run by `vitest bench`,
    # not as tests, though they group their bench() calls with describe()
    r".+\.(?:bench|benchmark)\.[cm]?[jt]sx?",
)

JS_FIRST = (".js", ".jsx", ".mjs", ".cjs", ".json", ".ts", ".tsx", ".d.ts", ".mts", ".cts")
TS_FIRST = (".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json")
DTS_FIRST = (".d.ts",) + tuple(x for x in TS_FIRST if x != ".d.ts")


def _names(stmt, src) -> list[str]:
    names = []
    stack = [stmt]
    while stack:
        n = stack.pop()
        if n.type in ("import_specifier", "export_specifier"):
            name = n.child_by_field_name("name")
            names.append(src.node_text(name or n))
        elif n.type == "namespace_import" or (n.type == "*" and stmt.type == "export_statement"):
            names.append("*")
        elif n.type == "import_clause":
            for c in n.named_children:
                if c.type == "identifier":
                    names.append("default")
            stack.extend(c for c in n.named_children if c.type != "identifier")
        elif n.type not in ("string",):
            stack.extend(n.children)
    return names


def js_imports(language: str, query: str):
    def imports(tree, src) -> list[dict]:
        out = []
        for m in matches(tree, language, query, ("import", "export", "call", "dynamic")):
            if "import" in m:
                out.append(rec("import", string_value(m["source"], src), _names(m["import"], src), m["import"]))
            elif "export" in m:
                out.append(rec("export", string_value(m["source"], src), _names(m["export"], src), m["export"]))
            elif "dynamic" in m:
                out.append(rec("dynamic", string_value(m["arg"], src), [], m["dynamic"]))
            elif "call" in m:
                fn = m.get("fn")
                if fn is None or src.node_text(fn) == "require":
                    out.append(rec("require", string_value(m["arg"], src), [], m["call"]))
        return out

    return imports


def config(name: str, language: str | None, text: str) -> list | None:
    """tsconfig/jsconfig (baseUrl, paths, extends) and package.json (name, main) of the repository."""
    if language != "json":
        return None
    if name.startswith(("tsconfig", "jsconfig")) and name.endswith(".json"):
        data = load_json(text)
        if not isinstance(data, dict):
            return []
        opts = data.get("compilerOptions") if isinstance(data.get("compilerOptions"), dict) else {}
        paths = opts.get("paths") if isinstance(opts.get("paths"), dict) else {}
        paths = {str(k): [str(v) for v in vs] for k, vs in paths.items() if isinstance(vs, list)}
        base = opts.get("baseUrl")
        extends = data.get("extends")
        extends = extends if isinstance(extends, str) and extends.startswith(".") else None  # a file of this repository
        if base is None and not paths and extends is None:
            return []
        r = {
            "kind": "tsconfig",
            "target": str(base) if base is not None else "",
            "names": [],
            "line": 0,
            "paths": paths,
        }
        if base is None:
            r["nobase"] = True
        if extends:
            r["extends"] = extends
        return [r]
    if name == "package.json":
        data = load_json(text)
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            main = data.get("module") or data.get("main") or ""
            return [
                {
                    "kind": "package",
                    "target": data["name"],
                    "names": [main] if isinstance(main, str) and main else [],
                    "line": 0,
                }
            ]
        return []
    return None


def index(ix) -> None:
    """tsconfig records by path; packages of the repository by name; the main file of each package folder."""
    tsconfigs, npm, npm_main = {}, {}, {}
    for f in ix.facts.values():
        for r in f.imports:
            if r.get("kind") == "tsconfig":
                tsconfigs[f.path] = r
            elif r.get("kind") == "package":
                npm[r["target"]] = (parent_dir(f.path), r["names"][0] if r["names"] else "")
                if r["names"]:
                    npm_main[parent_dir(f.path)] = r["names"][0]
    ix.state["js.tsconfigs"], ix.state["js.packages"], ix.state["js.package_main"] = tsconfigs, npm, npm_main


def _candidates(base: str, importer: str, main: str | None = None) -> list[str]:
    """Node/TypeScript resolution: the path itself, with an extension, then its folder's index file.
    Extensions in the order the importer's own kind resolves them (.d.ts finds .d.ts first)."""
    exts = (
        DTS_FIRST
        if importer.endswith(".d.ts")
        else TS_FIRST
        if importer.endswith((".ts", ".tsx", ".mts", ".cts"))
        else JS_FIRST
    )
    out = [base] if base else []
    stem, ext = posixpath.splitext(base)
    if ext in (".js", ".jsx", ".mjs", ".cjs") and exts is not JS_FIRST:  # TypeScript names the emitted .js file
        out = [stem + x for x in exts if x not in (".js", ".jsx", ".mjs", ".cjs", ".json")] + out
    if base:
        out += [base + x for x in exts]
    if main:  # a folder with a package.json: its main file
        out += _candidates(main, importer)
    out += [posixpath.join(base, "index" + x) for x in exts]
    return out


def _ts_effective(ix, path: str, depth: int = 0) -> tuple[str | None, dict, str]:
    """(baseUrl directory or None, paths, directory paths are relative to) after following `extends`;
    baseUrl is relative to the config that sets it, paths to baseUrl or else to their own config."""
    key = ("tsconfig", path)
    if key in ix.cache:
        return ix.cache[key]
    tsconfigs = ix.state["js.tsconfigs"]
    r, here = tsconfigs[path], parent_dir(path)
    base, paths, root = None, {}, here
    ext = r.get("extends")
    if ext and depth < 8:
        parent = norm(posixpath.join(here, ext))
        parent = next((p for p in (parent, (parent or "") + ".json") if p in tsconfigs), None)
        if parent:
            base, paths, root = _ts_effective(ix, parent, depth + 1)
    if not r.get("nobase"):
        base = norm(posixpath.join(here, r["target"] or ".")) or ""
        root = base
    if r.get("paths"):
        paths, root = r["paths"], (base if base is not None else here)
    ix.cache[key] = (base, paths, root)
    return ix.cache[key]


def _tsconfig_for(ix, path: str) -> tuple[str | None, dict, str] | None:
    """The nearest tsconfig.json (or jsconfig.json) above a file, as TypeScript finds it."""
    d = parent_dir(path)
    while True:
        for name in ("tsconfig.json", "jsconfig.json"):
            p = posixpath.join(d, name) if d else name
            if p in ix.state["js.tsconfigs"]:
                return _ts_effective(ix, p)
        if not d:
            return None
        d = parent_dir(d)


def resolve(ix, f, e) -> None:
    d = parent_dir(f.path)
    npm, npm_main = ix.state["js.packages"], ix.state["js.package_main"]
    for r in f.imports:
        spec = r["target"].split("?", 1)[0]
        factor = KIND_WEIGHT["dynamic"] if r["kind"] == "dynamic" else 1.0
        names = [n for n in r["names"] if n != "*"]
        bases: list[str] = []
        if spec.startswith((".", "/")):
            b = norm(posixpath.join(d, spec)) if not spec.startswith("/") else norm(spec)
            if b is not None:
                bases.append(b)
        else:
            tc = _tsconfig_for(ix, f.path)
            if tc:
                base_url, paths, root = tc
                for pat, subs in paths.items():
                    pre, star, post = pat.partition("*")
                    if (
                        star and spec.startswith(pre) and spec.endswith(post) and len(spec) >= len(pre) + len(post)
                    ) or (not star and spec == pat):
                        mid = spec[len(pre) : len(spec) - len(post)] if star else ""
                        for s in subs:
                            b = norm(posixpath.join(root, s.replace("*", mid)))
                            if b is not None:
                                bases.append(b)
                if base_url is not None:
                    b = norm(posixpath.join(base_url, spec))
                    if b is not None:
                        bases.append(b)
            parts = spec.split("/")
            if len(parts) > 1 and parts[0] in ix.dirs and not spec.startswith("@"):
                bases.append(norm(spec) or "")  # 'src/x' from the project root (baseDir-style absolute)
            name = "/".join(parts[:2]) if spec.startswith("@") else parts[0]
            if name in npm:  # a package of this (mono)repository
                pdir, main = npm[name]
                sub = spec[len(name) :].lstrip("/")
                bases.append(
                    norm(posixpath.join(pdir, sub)) or "" if sub else norm(posixpath.join(pdir, main or "index")) or ""
                )
                if not sub:
                    bases += [posixpath.join(pdir, "src/index"), posixpath.join(pdir, "index")]
        hit = None
        for b in bases:
            main = npm_main.get(b)
            hit = next(
                (c for c in _candidates(b, f.path, norm(posixpath.join(b, main)) if main else None) if c in ix.facts),
                None,
            )
            if hit:
                break
        e.resolved += e.add(hit if hit != f.path else None, importance(factor, len(names)))


SAMPLE = Sample(
    files={
        "package.json": '{"name": "tiny-slug", "version": "1.0.0", "main": "lib/slug.js"}\n',
        "lib/slug.js": (
            "'use strict';\n\nconst { collapse } = require('./spaces');\n\n"
            "function slugify(text) {\n  return collapse(text.toLowerCase()).replace(/ /g, '-');\n}\n\n"
            "module.exports = { slugify };\n"
        ),
        "lib/spaces.js": "exports.collapse = (s) => s.trim().replace(/\\s+/g, ' ');\n",
        "test/slug.test.js": (
            "const assert = require('node:assert');\nconst { slugify } = require('../lib/slug');\n\n"
            "describe('slugify', () => {\n  it('joins words with dashes', () => {\n"
            "    assert.strictEqual(slugify(' Hello  World '), 'hello-world');\n  });\n});\n"
        ),
    },
    imports={"lib/slug.js": ("./spaces",), "test/slug.test.js": ("node:assert", "../lib/slug")},
    edges={"lib/slug.js": ("lib/spaces.js",), "test/slug.test.js": ("lib/slug.js",)},
    pairs={"test/slug.test.js": "lib/slug.js"},
)

# export [default] [declare] [async] function*/class/const/let/var/interface/type/enum/namespace NAME at a line's start
DECLARATION_LINES = (
    r"(?m)^export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?"
    r"(?:function\s*\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)"
)

LANGUAGES = (
    Language(
        name="javascript",
        family="js",
        grammar=("tree_sitter_javascript", "language"),
        extensions=(".js", ".mjs", ".cjs", ".jsx"),
        interpreters=("node", "nodejs"),
        import_query=IMPORTS,
        imports=js_imports("javascript", IMPORTS),
        test_extensions=("js", "jsx", "mjs", "cjs"),
        support_names=SUPPORT_NAMES,
        marker_query=MARKERS,
        markers=count_calls,
        resolve=resolve,
        index=index,
        config=config,
        config_kinds=("tsconfig", "package"),
        declaration_lines=DECLARATION_LINES,
        sample=SAMPLE,
    ),
)
