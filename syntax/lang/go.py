"""Go: import paths through go.mod's module path (or a directory suffix), packages as directories whose
files see each other's declarations, testing.T / Benchmark / Fuzz / Example functions."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import name_of
from repoloom.syntax.queries import captures, rec, string_value
from repoloom.syntax.resolving import KIND_WEIGHT, dir_distance, importance, norm, parent_dir

IMPORTS = """
    (import_spec) @import
    (package_clause (package_identifier) @package)
    (source_file (function_declaration name: (identifier) @type))
    (source_file (type_declaration (type_spec name: (type_identifier) @type)))
    (source_file (type_declaration (type_alias name: (type_identifier) @type)))
    (source_file (var_declaration (var_spec name: (identifier) @type)))
    (source_file (const_declaration (const_spec name: (identifier) @type)))
    (source_file (var_declaration (var_spec_list (var_spec name: (identifier) @type))))
"""
MARKERS = "(function_declaration) @function"
_TEST_FUNC = re.compile(r"^(Test|Benchmark|Fuzz|Example)([A-Z_0-9]|$)")


def imports(tree, src) -> list[dict]:
    out = []
    for n in captures(tree, "go", IMPORTS).get("import", []):
        path = n.child_by_field_name("path")
        if path is None:
            continue
        alias = n.child_by_field_name("name")
        out.append(rec("import", string_value(path, src), [src.node_text(alias)] if alias else [], n))
    return out


def declarations(tree, src) -> list[str]:
    caps = captures(tree, "go", IMPORTS)
    out = [f"package:{src.node_text(p)}" for p in caps.get("package", [])[:1]]
    out += [src.node_text(t) for t in caps.get("type", []) if src.node_text(t) != "_"]
    return out


def markers(caps: dict, src, path: str) -> tuple[int, bool]:
    if not path.endswith("_test.go"):
        return 0, False
    return sum(1 for n in caps.get("function", ()) if _TEST_FUNC.match(name_of(src, n))), False


def config(name: str, language: str | None, text: str) -> list | None:
    """go.mod's module path (imports of this module's packages start with it)."""
    if language != "gomod" and name != "go.mod":
        return None
    for i, line in enumerate(text.splitlines()):
        words = line.split("//", 1)[0].split()
        if len(words) >= 2 and words[0] == "module":
            return [{"kind": "gomod", "target": words[1].strip('"'), "names": [], "line": i + 1}]
    return []


def index(ix) -> None:
    """(module path, directory) of every go.mod, longest module path first."""
    mods = [(r["target"], parent_dir(f.path)) for f in ix.facts.values() for r in f.imports if r.get("kind") == "gomod"]
    ix.state["go.modules"] = sorted(mods, key=lambda m: (-len(m[0]), m[1]))


def _files(ix, directory: str) -> list[str]:
    return [p for p in ix.by_dir.get(directory, ()) if ix.lang.get(p) == "go" and not p.endswith("_test.go")]


def _scope(ix, directory: str, package: tuple, with_tests: bool) -> dict[str, list[str]]:
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


def resolve(ix, f, e) -> None:
    d = parent_dir(f.path)
    is_test = f.path.endswith("_test.go")
    pkgs = tuple(ix.file_packages.get(f.path, []))
    for r in f.imports:
        if r["kind"] != "import":
            continue
        path = r["target"]
        target_dir = None
        for module, mdir in ix.state["go.modules"]:
            if path == module or path.startswith(module + "/"):
                target_dir = norm(posixpath.join(mdir, path[len(module) + 1 :]))
                break
        spec = 1.0
        if target_dir is None or target_dir not in ix.by_dir:  # GOPATH layout or vendored: directory suffix
            parts = path.split("/")
            target_dir = None
            for k in range(len(parts), max(1, ix.min_suffix_parts) - 1, -1):
                dirs = [x for x in ix.dir_suffix.get("/".join(parts[-k:]), ()) if _files(ix, x)]
                if dirs:
                    target_dir = min(dirs, key=lambda x: (dir_distance(d, x), x))
                    spec = k / len(parts)
                    break
        files = [p for p in _files(ix, target_dir) if p != f.path] if target_dir is not None else []
        if not files:
            continue
        e.resolved += 1
        names = ix.refs(f.path, [_scope(ix, target_dir, (), False)])
        if names:  # the files of the package that declare what this file uses
            for p, n in names.items():
                e.add(p, importance(1.0, n, spec))
        else:
            for p in files[: ix.max_fanout]:
                e.add(p, importance(KIND_WEIGHT["ref"], 0, spec))
    # same package directory: files depend on each other's declarations
    for p, n in ix.refs(f.path, [_scope(ix, d, pkgs, is_test)]).items():
        e.add(p, importance(KIND_WEIGHT["ref"], n))


SAMPLE = Sample(
    files={
        "go.mod": "module example.com/kv\n\ngo 1.22\n",
        "store/store.go": (
            "package store\n\n// Store keeps values by key.\ntype Store struct {\n\tm map[string]string\n}\n\n"
            "// New returns an empty store.\nfunc New() *Store { return &Store{m: map[string]string{}} }\n\n"
            "func (s *Store) Put(k, v string) { s.m[k] = v }\n\nfunc (s *Store) Get(k string) (string, bool) {\n"
            "\tv, ok := s.m[k]\n\treturn v, ok\n}\n"
        ),
        "store/store_test.go": (
            'package store\n\nimport "testing"\n\nfunc TestPutGet(t *testing.T) {\n\ts := New()\n\ts.Put("a", "1")\n'
            '\tif v, ok := s.Get("a"); !ok || v != "1" {\n\t\tt.Fatalf("got %q", v)\n\t}\n}\n'
        ),
        "cmd/kv/main.go": (
            'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/kv/store"\n)\n\n'
            'func main() {\n\ts := store.New()\n\ts.Put("k", "v")\n\tfmt.Println(s.Get("k"))\n}\n'
        ),
    },
    imports={"store/store_test.go": ("testing",), "cmd/kv/main.go": ("fmt", "example.com/kv/store")},
    edges={"cmd/kv/main.go": ("store/store.go",), "store/store_test.go": ("store/store.go",)},
    pairs={"store/store_test.go": "store/store.go"},
)

LANGUAGES = (
    Language(
        name="go",
        family="go",
        grammar=("tree_sitter_go", "language"),
        extensions=(".go",),
        import_query=IMPORTS,
        imports=imports,
        declarations=declarations,
        test_extensions=("go",),
        support_names=(r".*_mock\.go", r"mock_.+\.go"),
        marker_query=MARKERS,
        markers=markers,
        resolve=resolve,
        index=index,
        config=config,
        config_kinds=("gomod",),
        sample=SAMPLE,
        tests_call_subjects=True,
        # bench_x_test.go benchmarks x.go where x.go sits beside it (goquery): "subject" names it
        role_test_names=r"^(example|examples)(_\w+)?_test\.go$|^(bench|benchmark|benchmarks)(_(?P<subject>\w+))?_test\.go$",
        # x_example_test.go holds the examples of x.go (fastjson's update_example_test.go, lo's it/find_example_test.go)
        build_qualifiers=(
            r"(_go\d+(\.\d+)*|_examples?|_(linux|windows|darwin|freebsd|openbsd|netbsd|unix|plan9|js|wasip1|amd64|arm64|arm|386|wasm))+$"
        ),
        tests_pair_within_folder=True,
    ),
)
