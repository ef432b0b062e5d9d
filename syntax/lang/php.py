"""PHP: `use` of namespaced names (declared names, then composer.json's PSR-4 folders, then path suffix),
require/include of files, PHPUnit test cases."""

from __future__ import annotations

import posixpath

from repoloom.syntax.imports import load_json
from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_xunit
from repoloom.syntax.queries import captures, rec, string_value, walk
from repoloom.syntax.resolving import KIND_WEIGHT, add_refs, importance, norm, parent_dir

IMPORTS = """
    (namespace_use_declaration) @use
    (namespace_definition name: (namespace_name) @ns)
    [(require_expression) (require_once_expression) (include_expression) (include_once_expression)] @require
    [(class_declaration name: (name) @type)
     (interface_declaration name: (name) @type)
     (trait_declaration name: (name) @type)
     (enum_declaration name: (name) @type)]
    (program (function_definition name: (name) @type))
"""
MARKERS = """
    (attribute) @ann
    (method_declaration) @method
    (base_clause) @base
    (function_call_expression) @call
"""


def imports(tree, src) -> list[dict]:
    out = []
    caps = captures(tree, "php", IMPORTS)
    for n in caps.get("use", []):
        if n.parent is not None and n.parent.type in ("declaration_list", "use_declaration"):
            continue  # `use Trait;` inside a class body is a trait use, also an import of sorts
        group_prefix = ""
        pre = next((c for c in n.named_children if c.type == "namespace_name"), None)
        if pre is not None and any(c.type == "namespace_use_group" for c in n.named_children):
            group_prefix = src.node_text(pre).strip("\\") + "\\"
        for clause in walk(n, {"namespace_use_clause"}):
            q = next((c for c in clause.named_children if c.type in ("qualified_name", "name", "namespace_name")), None)
            if q is not None:
                out.append(rec("use", group_prefix + src.node_text(q).strip("\\"), [], n))
    for n in caps.get("require", []):
        arg = n.named_children[-1] if n.named_children else None
        if arg is None:
            continue
        if arg.type == "parenthesized_expression" and arg.named_children:
            arg = arg.named_children[0]
        if arg.type in ("string", "encapsed_string"):
            out.append(rec("require", string_value(arg, src), [], n))
        elif arg.type == "binary_expression":  # __DIR__ . '/x.php', dirname(__FILE__) . "/x.php"
            left, right = arg.named_children[0], arg.named_children[-1]
            if right.type in ("string", "encapsed_string") and any(
                src.node_text(x) in ("__DIR__", "__FILE__") for x in walk(left, {"name"})
            ):
                out.append(rec("require", "." + "/" + string_value(right, src).lstrip("/"), [], n))
    return out


def declarations(tree, src) -> list[str]:
    caps = captures(tree, "php", IMPORTS)
    ns = src.node_text(caps["ns"][0]).strip("\\").replace("\\", ".") if caps.get("ns") else ""
    out = [f"package:{ns}"] if ns else []
    for t in caps.get("type", []):
        out.append(f"{ns}.{src.node_text(t)}" if ns else src.node_text(t))
    return out


def config(name: str, language: str | None, text: str) -> list | None:
    """composer.json's PSR-4 autoload map (namespace prefix -> folders)."""
    if language != "json" or name != "composer.json":
        return None
    data = load_json(text)
    out = []
    for section in ("autoload", "autoload-dev"):
        psr4 = (
            (data.get(section) or {}).get("psr-4")
            if isinstance(data, dict) and isinstance(data.get(section), dict)
            else None
        )
        if isinstance(psr4, dict):
            for prefix, dirs in psr4.items():
                dirs = dirs if isinstance(dirs, list) else [dirs]
                out.append({"kind": "psr4", "target": str(prefix), "names": [str(d) for d in dirs], "line": 0})
    return out


def index(ix) -> None:
    """(namespace prefix with '.', folder) of every PSR-4 entry, longest prefix first."""
    psr4 = []
    for f in ix.facts.values():
        for r in f.imports:
            if r.get("kind") == "psr4" and r["target"]:
                for d in r["names"]:
                    psr4.append(
                        (r["target"].strip("\\").replace("\\", "."), norm(posixpath.join(parent_dir(f.path), d)) or "")
                    )
    ix.state["php.psr4"] = sorted(psr4, key=lambda m: (-len(m[0]), m[1]))


def resolve(ix, f, e) -> None:
    d = parent_dir(f.path)
    for r in f.imports:
        if r["kind"] == "use":
            fqn = r["target"].strip("\\").replace("\\", ".")
            hit = ix.nearest(f.path, ix.qualified.get(fqn, ()))
            if not hit:
                for prefix, pdir in ix.state["php.psr4"]:  # PSR-4: namespace prefix -> directory
                    if fqn.startswith(prefix + ".") or not prefix:
                        rest = fqn[len(prefix) :].strip(".").replace(".", "/")
                        hit = ix.exact(norm(posixpath.join(pdir, rest + ".php")))
                        if hit:
                            break
            s = 1.0
            if not hit:
                hit, s = ix.by_suffix(f.path, fqn.replace(".", "/") + ".php", ix.min_suffix_parts)
            e.resolved += e.add(hit, importance(1.0, 1, s))
        elif r["kind"] == "require":
            spec = r["target"]
            hit = ix.exact(norm(posixpath.join(d, spec)))
            s = 1.0
            if not hit and not spec.startswith("."):
                hit, s = ix.by_suffix(f.path, spec, None)
            e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, s))
    scopes = [
        (ix.packages[("php", ns)], KIND_WEIGHT["ref"])
        for ns in ix.file_packages.get(f.path, [])
        if ("php", ns) in ix.packages
    ]
    add_refs(ix, f, e, scopes)


SAMPLE = Sample(
    files={
        "composer.json": '{"autoload": {"psr-4": {"Acme\\\\Http\\\\": "src/"}}}\n',
        "src/Router.php": (
            "<?php\n\nnamespace Acme\\Http;\n\nfinal class Router\n{\n    private array $routes = [];\n\n"
            "    public function add(string $path, callable $h): void { $this->routes[$path] = $h; }\n\n"
            "    public function has(string $path): bool { return isset($this->routes[$path]); }\n}\n"
        ),
        "tests/RouterTest.php": (
            "<?php\n\nuse Acme\\Http\\Router;\nuse PHPUnit\\Framework\\TestCase;\n\nfinal class RouterTest extends TestCase\n{\n"
            "    public function testAddRegistersPath(): void\n    {\n        $r = new Router();\n"
            "        $r->add('/x', fn () => 1);\n        $this->assertTrue($r->has('/x'));\n    }\n}\n"
        ),
    },
    imports={"tests/RouterTest.php": ("Acme\\Http\\Router", "PHPUnit\\Framework\\TestCase")},
    edges={"tests/RouterTest.php": ("src/Router.php",)},
    pairs={"tests/RouterTest.php": "src/Router.php"},
)

LANGUAGES = (
    Language(
        name="php",
        family="php",
        grammar=("tree_sitter_php", "language_php"),
        extensions=(".php", ".phtml"),
        interpreters=("php",),
        import_query=IMPORTS,
        imports=imports,
        declarations=declarations,
        test_extensions=("php",),
        marker_query=MARKERS,
        markers=count_xunit,
        resolve=resolve,
        index=index,
        config=config,
        config_kinds=("psr4",),
        sample=SAMPLE,
    ),
)
