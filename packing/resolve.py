"""Resolve import records (syntax/imports.py) to files of the same repository.

Each import becomes candidate repository paths, most specific first; a
candidate matches a file by exact path or by path suffix (CodeGemma's longest
path-suffix match), a module or package resolves to its file (`pkg/__init__.py`,
`mod.rs`, `index.ts`, a Go package directory), and ambiguity is broken by
directory distance to the importer, then path order. Implicit references
(same Java/Kotlin/Scala package, same Go package directory, C# namespaces,
Swift modules) resolve the importer's identifiers against the names other
files declare. Anything that matches no file is outside the repository: it
stays in the facts and makes no edge.

The result per importer is {imported path: importance}; importance grows with
how specific the import is and how many names it brings in.
"""
from __future__ import annotations

import math
import posixpath
from collections import defaultdict
from typing import Sequence

from repoloom.core import counters as C
from repoloom.core.types import FileFacts

JVM = {"java", "kotlin", "scala"}
JVM_EXT = (".java", ".kt", ".scala")
JS = {"javascript", "typescript", "tsx"}
JS_EXT = (".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".json")
C_LIKE = {"c", "cpp"}

# how much an import says about the dependency, by how it was found
KIND_WEIGHT = {"ref": 0.5, "wildcard": 0.6, "dynamic": 0.6, "suffix": 0.8}


def importance(kind_factor: float, n_names: int, specificity: float = 1.0) -> float:
    return round(kind_factor * specificity * (1.0 + 0.5 * math.log2(1 + min(n_names, 15))), 4)


def _dir(path: str) -> str:
    i = path.rfind("/")
    return path[:i] if i >= 0 else ""


def _norm(path: str) -> str | None:
    """Normalise a repository-relative path; None when it climbs out of the repository."""
    parts: list[str] = []
    for p in path.split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(p)
    return "/".join(parts)


def dir_distance(a: str, b: str) -> int:
    """Steps between two directories in the tree ('' is the root)."""
    pa = a.split("/") if a else []
    pb = b.split("/") if b else []
    k = 0
    while k < min(len(pa), len(pb)) and pa[k] == pb[k]:
        k += 1
    return len(pa) + len(pb) - 2 * k


class RepoIndex:
    """Lookups over one repository's files, built once per plan."""

    def __init__(self, facts: list[FileFacts], cfg: dict | None = None):
        g = (cfg or {}).get("graph", {})
        self.min_suffix_parts = int(g.get("min_suffix_parts", 2))
        self.max_fanout = int(g.get("max_fanout", 32))
        self.facts = {f.path: f for f in facts}
        self.paths = sorted(self.facts)
        self.lang = {f.path: f.language for f in facts}
        self.by_dir: dict[str, list[str]] = defaultdict(list)
        self.suffix: dict[str, list[str]] = defaultdict(list)  # 'b/c.py' -> ['a/b/c.py', ...]
        self.dirs: set[str] = set()
        for p in self.paths:
            d = _dir(p)
            self.by_dir[d].append(p)
            parts = p.split("/")
            for i in range(len(parts)):
                self.suffix["/".join(parts[i:])].append(p)
            while d and d not in self.dirs:
                self.dirs.add(d)
                d = _dir(d)
        self.dir_suffix: dict[str, list[str]] = defaultdict(list)
        for d in sorted(self.dirs):
            parts = d.split("/")
            for i in range(len(parts)):
                self.dir_suffix["/".join(parts[i:])].append(d)
        # qualified declarations: 'a.b.C' -> files; package -> {simple name -> files}
        self.qualified: dict[str, list[str]] = defaultdict(list)
        self.packages: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.file_packages: dict[str, list[str]] = defaultdict(list)
        self.gomods: list[tuple[str, str]] = []  # (module path, directory)
        self.tsconfigs: dict[str, dict] = {}  # tsconfig/jsconfig path -> record
        self.psr4: list[tuple[str, str]] = []  # (namespace prefix with '.', directory)
        self.npm: dict[str, tuple[str, str]] = {}  # package name -> (directory, main)
        self.npm_main: dict[str, str] = {}  # directory -> main of its package.json
        self.cache: dict = {}  # per-resolver memo (Go package scopes)
        for f in facts:
            fam = _family(f.language)
            for d in f.declarations:
                if d.startswith("package:"):
                    self.file_packages[f.path].append(d[8:])
            for d in f.declarations:
                if d.startswith("package:"):
                    continue
                self.qualified[d].append(f.path)
                pkg, _, name = d.rpartition(".")
                self.packages[(fam, pkg)][name].append(f.path)
            for r in f.imports:
                kind = r.get("kind")
                if kind == "gomod":
                    self.gomods.append((r["target"], _dir(f.path)))
                elif kind == "tsconfig":
                    self.tsconfigs[f.path] = r
                elif kind == "psr4" and r["target"]:
                    for d in r["names"]:
                        self.psr4.append((r["target"].strip("\\").replace("\\", "."), _norm(posixpath.join(_dir(f.path), d)) or ""))
                elif kind == "package":
                    self.npm[r["target"]] = (_dir(f.path), r["names"][0] if r["names"] else "")
                    if r["names"]:
                        self.npm_main[_dir(f.path)] = r["names"][0]
        self.gomods.sort(key=lambda m: (-len(m[0]), m[1]))
        self.psr4.sort(key=lambda m: (-len(m[0]), m[1]))

    def py_root(self, prefix: str) -> bool:
        """An absolute Python import matches below a directory that is not itself a package
        (repository root, src/, a scripts folder): inside a package the module would have a longer name."""
        return not prefix or (prefix + "/__init__.py") not in self.facts

    # -- choosing among files
    def nearest(self, importer: str, candidates: Sequence[str]) -> str | None:
        if len(candidates) == 1:  # the common case: no ambiguity
            c = candidates[0]
            return c if c != importer else None
        d = _dir(importer)
        best = None
        for c in candidates:
            if c == importer:
                continue
            key = (dir_distance(d, _dir(c)), c)
            if best is None or key < best:
                best = key
        return best[1] if best else None

    def exact(self, path: str | None) -> str | None:
        return path if path is not None and path in self.facts else None

    def by_suffix(self, importer: str, rel: str, min_parts: int | None = None, root_ok=None) -> tuple[str | None, float]:
        """Longest path-suffix match: the file whose path ends with the most trailing parts of rel.

        Returns (path, share of rel's parts matched); rel is tried whole, then without
        leading parts down to min_parts parts.
        """
        parts = [p for p in rel.split("/") if p not in ("", ".")]
        if not parts or ".." in parts:
            return None, 0.0
        floor = len(parts) if min_parts is None else max(1, min(min_parts, len(parts)))
        for k in range(len(parts), floor - 1, -1):
            suffix = "/".join(parts[-k:])
            found = self.suffix.get(suffix, ())
            if root_ok is not None:  # the part of the path before the match must be a source root
                found = [p for p in found if root_ok(p[: len(p) - len(suffix)].rstrip("/"))]
            hit = self.nearest(importer, found)
            if hit:
                return hit, k / len(parts)
        return None, 0.0

    def first_of(self, importer: str, rels: list[str], min_parts: int | None = None, root_ok=None) -> tuple[str | None, float]:
        for rel in rels:
            hit, spec = self.by_suffix(importer, rel, min_parts, root_ok)
            if hit:
                return hit, spec
        return None, 0.0

    def refs(self, importer: str, scopes: list[dict[str, list[str]]]) -> dict[str, int]:
        """Files declaring names the importer uses, within the given name scopes: path -> names used."""
        out: dict[str, int] = defaultdict(int)
        idents = self.facts[importer].identifiers
        for name in idents:
            for scope in scopes:
                files = scope.get(name)
                if files:
                    hit = self.nearest(importer, files)
                    if hit:
                        out[hit] += 1
                    break
        return out


def _family(language: str | None) -> str:
    if language in JVM:
        return "jvm"
    if language in JS:
        return "js"
    if language in C_LIKE:
        return "c"
    return language or ""


class Edges:
    def __init__(self):
        self.w: dict[str, float] = defaultdict(float)
        self.resolved = 0

    def add(self, target: str | None, weight: float) -> bool:
        if target:
            self.w[target] += weight
            return True
        return False


# ---------------------------------------------------------------- per language

def _py_module(ix: RepoIndex, f: FileFacts, rel: str, relative: bool, min_parts: int | None) -> tuple[str | None, float]:
    """A module path ('a/b') to its file: a/b.py, a/b/__init__.py (a stub a/b.pyi last)."""
    cands = [rel + ".py", rel + "/__init__.py", rel + ".pyi"] if rel else ["__init__.py"]
    if relative:
        hit = next((h for c in cands if (h := ix.exact(_norm(c)))), None)
        return hit, 1.0
    return ix.first_of(f.path, cands, min_parts, ix.py_root)


def _python(ix: RepoIndex, f: FileFacts, e: Edges):
    d = _dir(f.path)
    for r in f.imports:
        target = r["target"]
        if r["kind"] == "import":
            hit, spec = _py_module(ix, f, target.replace(".", "/"), False, ix.min_suffix_parts)
            e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, spec))
            continue
        if r["kind"] != "from":
            continue
        names = [n for n in r["names"] if n != "*"]
        level = len(target) - len(target.lstrip("."))
        module = target[level:].replace(".", "/")
        if level:  # relative: exact paths from the importer's package
            dparts = d.split("/") if d else []
            if level - 1 > len(dparts):
                continue  # climbs out of the repository
            base = "/".join(dparts[: len(dparts) - (level - 1)])
            rel = posixpath.join(base, module) if base else module
        else:
            rel = module
        found, plain = False, 0
        for n in names:  # `from pkg import mod`: the submodule itself
            sub = f"{rel}/{n}" if rel else n
            ns = _norm(sub) or "\0"
            if ("/" + f.path).endswith((f"/{ns}.py", f"/{ns}/__init__.py")):
                continue  # `from pkg import me` inside pkg/me.py
            hit, spec = _py_module(ix, f, sub, bool(level), None)
            if hit:
                found |= e.add(hit if hit != f.path else None, importance(1.0, 1, spec))
            elif not (level and _norm(sub) in ix.dirs):  # a package folder whose __init__.py is not kept
                plain += 1
        if plain or not names:  # names defined in the module (or `import *`)
            hit, spec = _py_module(ix, f, rel, bool(level), ix.min_suffix_parts)
            found |= e.add(hit if hit != f.path else None, importance(1.0, plain, spec))
        e.resolved += found


def _jvm_type(ix: RepoIndex, f: FileFacts, fqn: str) -> tuple[str | None, float]:
    parts = fqn.split(".")
    while len(parts) >= 2:  # a.b.C, then a.b for a static member or nested class a.b.C.D -> a.b.C
        q = ".".join(parts)
        hit = ix.nearest(f.path, ix.qualified.get(q, ()))
        if hit:
            return hit, 1.0
        rel = "/".join(parts)  # a file its declarations did not name (parse errors): the whole path
        hit, spec = ix.first_of(f.path, [rel + ext for ext in JVM_EXT], None)
        if hit:
            return hit, spec
        parts = parts[:-1]
    return None, 0.0


def _jvm(ix: RepoIndex, f: FileFacts, e: Edges):
    scopes = []
    for r in f.imports:
        if r["kind"] == "import":
            hit, spec = _jvm_type(ix, f, r["target"])
            e.resolved += e.add(hit, importance(1.0, 1, spec))
        elif r["kind"] == "wildcard":
            scope = ix.packages.get(("jvm", r["target"]))
            if scope:
                scopes.append((scope, KIND_WEIGHT["wildcard"]))
                e.resolved += 1
            else:  # `import a.b.C.*`: the nested members of a type
                hit, spec = _jvm_type(ix, f, r["target"])
                e.resolved += e.add(hit, importance(KIND_WEIGHT["wildcard"], 0, spec))
    for pkg in ix.file_packages.get(f.path, [""])[:1]:
        scope = ix.packages.get(("jvm", pkg))
        if scope:
            scopes.insert(0, (scope, KIND_WEIGHT["ref"]))
    _add_refs(ix, f, e, scopes)


def _add_refs(ix: RepoIndex, f: FileFacts, e: Edges, scopes: list[tuple[dict, float]]):
    if not scopes:
        return
    by_factor: dict[float, list[dict]] = defaultdict(list)
    for scope, factor in scopes:
        by_factor[factor].append(scope)
    done: set[str] = set()
    for factor in sorted(by_factor, reverse=True):
        for target, n in sorted(ix.refs(f.path, by_factor[factor]).items()):
            if target not in done:
                done.add(target)
                e.add(target, importance(factor, n))


def _go_files(ix: RepoIndex, directory: str) -> list[str]:
    return [p for p in ix.by_dir.get(directory, ()) if ix.lang.get(p) == "go" and not p.endswith("_test.go")]


def _go_scope(ix: RepoIndex, directory: str, package: tuple, with_tests: bool) -> dict[str, list[str]]:
    """Declared name -> files, for one package of one directory (cached: every file of a package asks)."""
    key = (directory, package, with_tests)
    scope = ix.cache.get(key)
    if scope is None:
        scope = defaultdict(list)
        for p in ix.by_dir.get(directory, ()):
            if ix.lang.get(p) != "go" or (p.endswith("_test.go") and not with_tests):
                continue
            if package and tuple(ix.file_packages.get(p, [])) != package:
                continue
            for name in ix.facts[p].declarations:
                if not name.startswith("package:") and name not in ("init", "_", "main"):
                    scope[name].append(p)
        ix.cache[key] = scope
    return scope


def _go(ix: RepoIndex, f: FileFacts, e: Edges):
    d = _dir(f.path)
    is_test = f.path.endswith("_test.go")
    pkgs = tuple(ix.file_packages.get(f.path, []))
    for r in f.imports:
        if r["kind"] != "import":
            continue
        path = r["target"]
        target_dir = None
        for module, mdir in ix.gomods:
            if path == module or path.startswith(module + "/"):
                target_dir = _norm(posixpath.join(mdir, path[len(module) + 1:]))
                break
        spec = 1.0
        if target_dir is None or target_dir not in ix.by_dir:  # GOPATH layout or vendored: directory suffix
            parts = path.split("/")
            target_dir = None
            for k in range(len(parts), max(1, ix.min_suffix_parts) - 1, -1):
                dirs = [x for x in ix.dir_suffix.get("/".join(parts[-k:]), ()) if _go_files(ix, x)]
                if dirs:
                    target_dir = min(dirs, key=lambda x: (dir_distance(d, x), x))
                    spec = k / len(parts)
                    break
        files = [p for p in _go_files(ix, target_dir) if p != f.path] if target_dir is not None else []
        if not files:
            continue
        e.resolved += 1
        names = ix.refs(f.path, [_go_scope(ix, target_dir, (), False)])
        if names:  # the files of the package that declare what this file uses
            for p, n in names.items():
                e.add(p, importance(1.0, n, spec))
        else:
            for p in files[: ix.max_fanout]:
                e.add(p, importance(KIND_WEIGHT["ref"], 0, spec))
    # same package directory: files depend on each other's declarations
    for p, n in ix.refs(f.path, [_go_scope(ix, d, pkgs, is_test)]).items():
        e.add(p, importance(KIND_WEIGHT["ref"], n))


def _rust_module_dir(path: str) -> str:
    stem = posixpath.splitext(posixpath.basename(path))[0]
    d = _dir(path)
    return d if stem in ("mod", "lib", "main") else posixpath.join(d, stem)


def _rust_crate_root(ix: RepoIndex, path: str) -> tuple[str, str | None]:
    d = _dir(path)
    while True:
        for root in ("lib.rs", "main.rs"):
            p = posixpath.join(d, root) if d else root
            if p in ix.facts:
                return d, p
        if not d:
            return _dir(path), None
        d = _dir(d)


def _rust_lookup(ix: RepoIndex, base: str, parts: list[str], module_file: str | None) -> str | None:
    """The deepest module file for base/parts (x.rs or x/mod.rs), else the module's own file."""
    for k in range(len(parts), 0, -1):
        rel = posixpath.join(base, *parts[:k]) if base else "/".join(parts[:k])
        hit = ix.exact(_norm(rel + ".rs")) or ix.exact(_norm(rel + "/mod.rs"))
        if hit:
            return hit
    return module_file


def _rust_module_file(ix: RepoIndex, mdir: str) -> str | None:
    return ix.exact(_norm(mdir + ".rs")) or ix.exact(_norm(mdir + "/mod.rs")) or ix.exact(_norm(mdir + "/lib.rs")) or ix.exact(_norm(mdir + "/main.rs"))


def _rust(ix: RepoIndex, f: FileFacts, e: Edges):
    mdir = _rust_module_dir(f.path)
    for r in f.imports:
        if r["kind"] == "mod":
            if r.get("path"):
                hit = ix.exact(_norm(posixpath.join(_dir(f.path), r["path"])))
            else:
                hit = ix.exact(_norm(posixpath.join(mdir, r["target"] + ".rs"))) or ix.exact(_norm(posixpath.join(mdir, r["target"], "mod.rs")))
            e.resolved += e.add(hit, importance(1.0, 1))
            continue
        if r["kind"] != "use":
            continue
        parts = [p for p in r["target"].split("::") if p and p != "*"]
        if not parts:
            continue
        head = parts[0]
        if head == "crate":
            root_dir, root_file = _rust_crate_root(ix, f.path)
            hit = _rust_lookup(ix, root_dir, parts[1:], root_file)
        elif head in ("self", "super"):
            base = mdir
            rest = parts[1:] if head == "self" else parts
            while rest and rest[0] == "super":
                base = _dir(base)
                rest = rest[1:]
            hit = _rust_lookup(ix, base, rest, _rust_module_file(ix, base))
        else:  # another crate of the workspace: <dir named like the crate>/src
            cands = [x for x in (ix.dir_suffix.get(head, []) + ix.dir_suffix.get(head.replace("_", "-"), []))
                     if ix.exact(posixpath.join(x, "src/lib.rs"))]
            if not cands:
                continue
            root = ix.nearest(f.path, [posixpath.join(x, "src/lib.rs") for x in cands])
            hit = _rust_lookup(ix, _dir(root), parts[1:], root)
        e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1))


JS_FIRST = (".js", ".jsx", ".mjs", ".cjs", ".json", ".ts", ".tsx", ".d.ts", ".mts", ".cts")
TS_FIRST = (".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json")
DTS_FIRST = (".d.ts",) + tuple(x for x in TS_FIRST if x != ".d.ts")


def _js_candidates(base: str, importer: str, main: str | None = None) -> list[str]:
    """Node/TypeScript resolution: the path itself, with an extension, then its folder's index file.
    Extensions in the order the importer's own kind resolves them (.d.ts finds .d.ts first)."""
    exts = DTS_FIRST if importer.endswith(".d.ts") else TS_FIRST if importer.endswith((".ts", ".tsx", ".mts", ".cts")) else JS_FIRST
    out = [base] if base else []
    stem, ext = posixpath.splitext(base)
    if ext in (".js", ".jsx", ".mjs", ".cjs") and exts is not JS_FIRST:  # TypeScript names the emitted .js file
        out = [stem + x for x in exts if x not in (".js", ".jsx", ".mjs", ".cjs", ".json")] + out
    if base:
        out += [base + x for x in exts]
    if main:  # a folder with a package.json: its main file
        out += _js_candidates(main, importer)
    out += [posixpath.join(base, "index" + x) for x in exts]
    return out


def _ts_effective(ix: RepoIndex, path: str, depth: int = 0) -> tuple[str | None, dict, str]:
    """(baseUrl directory or None, paths, directory paths are relative to) after following `extends`;
    baseUrl is relative to the config that sets it, paths to baseUrl or else to their own config."""
    key = ("tsconfig", path)
    if key in ix.cache:
        return ix.cache[key]
    rec, here = ix.tsconfigs[path], _dir(path)
    base, paths, root = None, {}, here
    ext = rec.get("extends")
    if ext and depth < 8:
        parent = _norm(posixpath.join(here, ext))
        parent = next((p for p in (parent, (parent or "") + ".json") if p in ix.tsconfigs), None)
        if parent:
            base, paths, root = _ts_effective(ix, parent, depth + 1)
    if not rec.get("nobase"):
        base = _norm(posixpath.join(here, rec["target"] or ".")) or ""
        root = base
    if rec.get("paths"):
        paths, root = rec["paths"], (base if base is not None else here)
    ix.cache[key] = (base, paths, root)
    return ix.cache[key]


def _tsconfig_for(ix: RepoIndex, path: str) -> tuple[str | None, dict, str] | None:
    """The nearest tsconfig.json (or jsconfig.json) above a file, as TypeScript finds it."""
    d = _dir(path)
    while True:
        for name in ("tsconfig.json", "jsconfig.json"):
            p = posixpath.join(d, name) if d else name
            if p in ix.tsconfigs:
                return _ts_effective(ix, p)
        if not d:
            return None
        d = _dir(d)


def _js(ix: RepoIndex, f: FileFacts, e: Edges):
    d = _dir(f.path)
    for r in f.imports:
        spec = r["target"].split("?", 1)[0]
        factor = KIND_WEIGHT["dynamic"] if r["kind"] == "dynamic" else 1.0
        names = [n for n in r["names"] if n != "*"]
        bases: list[str] = []
        if spec.startswith((".", "/")):
            b = _norm(posixpath.join(d, spec)) if not spec.startswith("/") else _norm(spec)
            if b is not None:
                bases.append(b)
        else:
            tc = _tsconfig_for(ix, f.path)
            if tc:
                base_url, paths, root = tc
                for pat, subs in paths.items():
                    pre, star, post = pat.partition("*")
                    if (star and spec.startswith(pre) and spec.endswith(post) and len(spec) >= len(pre) + len(post)) or (not star and spec == pat):
                        mid = spec[len(pre): len(spec) - len(post)] if star else ""
                        for s in subs:
                            b = _norm(posixpath.join(root, s.replace("*", mid)))
                            if b is not None:
                                bases.append(b)
                if base_url is not None:
                    b = _norm(posixpath.join(base_url, spec))
                    if b is not None:
                        bases.append(b)
            parts = spec.split("/")
            if len(parts) > 1 and parts[0] in ix.dirs and not spec.startswith("@"):
                bases.append(_norm(spec) or "")  # 'src/x' from the project root (baseDir-style absolute)
            name = "/".join(parts[:2]) if spec.startswith("@") else parts[0]
            if name in ix.npm:  # a package of this (mono)repository
                pdir, main = ix.npm[name]
                sub = spec[len(name):].lstrip("/")
                bases.append(_norm(posixpath.join(pdir, sub)) or "" if sub else _norm(posixpath.join(pdir, main or "index")) or "")
                if not sub:
                    bases += [posixpath.join(pdir, "src/index"), posixpath.join(pdir, "index")]
        hit = None
        for b in bases:
            main = ix.npm_main.get(b)
            hit = next((c for c in _js_candidates(b, f.path, _norm(posixpath.join(b, main)) if main else None) if c in ix.facts), None)
            if hit:
                break
        e.resolved += e.add(hit if hit != f.path else None, importance(factor, len(names)))


def _c(ix: RepoIndex, f: FileFacts, e: Edges):
    d = _dir(f.path)
    for r in f.imports:
        spec = r["target"]
        hit, s = None, 1.0
        if r["kind"] == "include":
            hit = ix.exact(_norm(posixpath.join(d, spec)))
            if not hit:
                hit, s = ix.by_suffix(f.path, spec, 1)
        elif r["kind"] == "include_system":  # <proj/x.h>: only a whole-path match is ours
            hit, s = ix.by_suffix(f.path, spec, None)
        e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, s))


def _csharp(ix: RepoIndex, f: FileFacts, e: Edges):
    scopes = []
    own = ix.file_packages.get(f.path, [])
    visible = []
    for ns in own:  # the file's namespaces and their parents are in scope
        parts = ns.split(".")
        visible += [".".join(parts[:k]) for k in range(len(parts), 0, -1)]
    visible.append("")
    for ns in dict.fromkeys(visible):
        scope = ix.packages.get(("csharp", ns))
        if scope:
            scopes.append((scope, KIND_WEIGHT["ref"]))
    for r in f.imports:
        if r["kind"] == "using":
            scope = ix.packages.get(("csharp", r["target"]))
            if scope:
                scopes.append((scope, KIND_WEIGHT["wildcard"]))
                e.resolved += 1
        elif r["kind"] in ("using_static", "using_alias"):
            hit = ix.nearest(f.path, ix.qualified.get(r["target"], ()))
            e.resolved += e.add(hit, importance(1.0, 1))
    _add_refs(ix, f, e, scopes)


def _php(ix: RepoIndex, f: FileFacts, e: Edges):
    d = _dir(f.path)
    for r in f.imports:
        if r["kind"] == "use":
            fqn = r["target"].strip("\\").replace("\\", ".")
            hit = ix.nearest(f.path, ix.qualified.get(fqn, ()))
            if not hit:
                for prefix, pdir in ix.psr4:  # PSR-4: namespace prefix -> directory
                    if fqn.startswith(prefix + ".") or not prefix:
                        rest = fqn[len(prefix):].strip(".").replace(".", "/")
                        hit = ix.exact(_norm(posixpath.join(pdir, rest + ".php")))
                        if hit:
                            break
            s = 1.0
            if not hit:
                hit, s = ix.by_suffix(f.path, fqn.replace(".", "/") + ".php", ix.min_suffix_parts)
            e.resolved += e.add(hit, importance(1.0, 1, s))
        elif r["kind"] == "require":
            spec = r["target"]
            hit = ix.exact(_norm(posixpath.join(d, spec)))
            s = 1.0
            if not hit and not spec.startswith("."):
                hit, s = ix.by_suffix(f.path, spec, None)
            e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, s))
    scopes = [(ix.packages[("php", ns)], KIND_WEIGHT["ref"]) for ns in ix.file_packages.get(f.path, []) if ("php", ns) in ix.packages]
    _add_refs(ix, f, e, scopes)


def _ruby(ix: RepoIndex, f: FileFacts, e: Edges):
    d = _dir(f.path)
    for r in f.imports:
        spec = r["target"]
        rb = spec if spec.endswith(".rb") else spec + ".rb"
        if r["kind"] == "require_relative":
            hit, s = ix.exact(_norm(posixpath.join(d, rb))), 1.0
        else:
            hit = ix.exact(_norm(posixpath.join(d, rb))) if spec.startswith(".") else None
            s = 1.0
            if not hit:  # $LOAD_PATH roots: the repository root or a lib/ folder
                hit, s = ix.by_suffix(f.path, rb, None, lambda pre: not pre or pre == "lib" or pre.endswith("/lib"))
        e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, s))


def swift_module(path: str) -> str:
    """Sources/<Module>/… (SwiftPM); otherwise the whole repository is one module."""
    parts = path.split("/")
    for i, p in enumerate(parts[:-2]):
        if p in ("Sources", "Tests"):
            return "/".join(parts[: i + 2])
    return ""


def _swift(ix: RepoIndex, f: FileFacts, e: Edges):
    mods = [swift_module(f.path)]
    for r in f.imports:
        m = r["target"]
        for root in ix.dir_suffix.get(f"Sources/{m}", []):
            mods.append(root)
            e.resolved += 1
    scopes = []
    for m in dict.fromkeys(mods):
        scope = ix.packages.get(("swift-module", m))
        if scope:
            scopes.append((scope, KIND_WEIGHT["ref"]))
    _add_refs(ix, f, e, scopes)


def _index_swift(ix: RepoIndex):
    for p, f in ix.facts.items():
        if f.language == "swift":
            scope = ix.packages[("swift-module", swift_module(p))]
            for name in f.declarations:
                scope[name].append(p)


_RESOLVERS = {
    "python": _python, "java": _jvm, "kotlin": _jvm, "scala": _jvm, "go": _go, "rust": _rust,
    "javascript": _js, "typescript": _js, "tsx": _js, "c": _c, "cpp": _c, "csharp": _csharp,
    "php": _php, "ruby": _ruby, "swift": _swift,
}


def resolve_repository(facts: list[FileFacts], cfg: dict | None = None) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Edges {importer: {imported: importance}} for one repository, and counters."""
    ix = RepoIndex(facts, cfg)
    _index_swift(ix)
    edges: dict[str, dict[str, float]] = {}
    stats = {C.GRAPH_IMPORTS: 0, C.GRAPH_IMPORTS_RESOLVED: 0}
    for p in ix.paths:
        f = ix.facts[p]
        fn = _RESOLVERS.get(f.language or "")
        if fn is None:
            continue
        e = Edges()
        fn(ix, f, e)
        e.w.pop(p, None)  # a file never depends on itself
        stats[C.GRAPH_IMPORTS] += sum(1 for r in f.imports if r.get("kind") not in ("gomod", "tsconfig", "psr4", "package"))
        stats[C.GRAPH_IMPORTS_RESOLVED] += e.resolved
        if e.w:
            edges[p] = {k: round(v, 4) for k, v in sorted(e.w.items())}
    return edges, stats
