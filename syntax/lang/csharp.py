"""C#: using directives and namespaces (types of the file's namespaces and of `using` namespaces resolve by
name), xUnit / NUnit / MSTest attributes."""

from __future__ import annotations

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_xunit
from repoloom.syntax.queries import captures, dotted, rec
from repoloom.syntax.resolving import KIND_WEIGHT, add_refs, importance

IMPORTS = """
    (using_directive) @using
    (namespace_declaration name: (_) @ns) @nsdecl
    (file_scoped_namespace_declaration name: (_) @ns) @nsdecl
    [(class_declaration name: (identifier) @type)
     (interface_declaration name: (identifier) @type)
     (struct_declaration name: (identifier) @type)
     (enum_declaration name: (identifier) @type)
     (record_declaration name: (identifier) @type)
     (delegate_declaration name: (identifier) @type)]
"""
MARKERS = """
    (attribute) @ann
    (base_list) @base
"""
_TYPE_PARENTS = {"class_declaration", "struct_declaration", "interface_declaration", "record_declaration"}


def imports(tree, src) -> list[dict]:
    out = []
    for n in captures(tree, "csharp", IMPORTS).get("using", []):
        named = [c for c in n.named_children if c.type in ("identifier", "qualified_name", "alias_qualified_name")]
        if not named:
            continue
        static = any(c.type == "static" for c in n.children)
        if len(named) >= 2 or n.child_by_field_name("name") is not None:  # using E = A.B.C;
            out.append(rec("using_alias", dotted(named[-1], src), [], n))
        else:
            out.append(rec("using_static" if static else "using", dotted(named[0], src), [], n))
    return out


def _namespace_of(node, src) -> str:
    parts = []
    p = node.parent
    while p is not None:
        if p.type == "namespace_declaration":
            nm = p.child_by_field_name("name")
            if nm is not None:
                parts.append(dotted(nm, src))
        p = p.parent
    return ".".join(reversed(parts))


def declarations(tree, src) -> list[str]:
    caps = captures(tree, "csharp", IMPORTS)
    out = []
    file_ns = ""
    for nm in caps.get("ns", []):
        if nm.parent.type == "file_scoped_namespace_declaration":
            file_ns = dotted(nm, src)
            out.append(f"package:{file_ns}")
        else:
            out.append(f"package:{'.'.join(x for x in (_namespace_of(nm.parent, src), dotted(nm, src)) if x)}")
    for t in caps.get("type", []):
        decl = t.parent
        if (
            decl.parent is not None
            and decl.parent.type == "declaration_list"
            and decl.parent.parent is not None
            and decl.parent.parent.type in _TYPE_PARENTS
        ):
            continue  # nested type: reachable through its outer type
        ns = _namespace_of(decl, src) or file_ns
        out.append(f"{ns}.{src.node_text(t)}" if ns else src.node_text(t))
    return list(dict.fromkeys(out))


def resolve(ix, f, e) -> None:
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
    add_refs(ix, f, e, scopes)


SAMPLE = Sample(
    files={
        "src/Shop/Inventory.cs": (
            "using System.Collections.Generic;\n\nnamespace Shop;\n\npublic class Inventory\n{\n"
            "    private readonly Dictionary<string, int> _stock = new();\n\n"
            "    public void Add(string sku, int n) => _stock[sku] = Count(sku) + n;\n\n"
            "    public int Count(string sku) => _stock.TryGetValue(sku, out var n) ? n : 0;\n}\n"
        ),
        "tests/Shop.Tests/InventoryTests.cs": (
            "using Shop;\nusing Xunit;\n\nnamespace Shop.Tests;\n\npublic class InventoryTests\n{\n    [Fact]\n"
            '    public void AddAccumulates()\n    {\n        var inv = new Inventory();\n        inv.Add("a", 2);\n'
            '        inv.Add("a", 3);\n        Assert.Equal(5, inv.Count("a"));\n    }\n}\n'
        ),
    },
    imports={
        "src/Shop/Inventory.cs": ("System.Collections.Generic",),
        "tests/Shop.Tests/InventoryTests.cs": ("Shop", "Xunit"),
    },
    edges={"tests/Shop.Tests/InventoryTests.cs": ("src/Shop/Inventory.cs",)},
    pairs={"tests/Shop.Tests/InventoryTests.cs": "src/Shop/Inventory.cs"},
)

LANGUAGES = (
    Language(
        name="csharp",
        family="csharp",
        grammar=("tree_sitter_c_sharp", "language"),
        extensions=(".cs",),
        import_query=IMPORTS,
        imports=imports,
        declarations=declarations,
        test_extensions=("cs",),
        marker_query=MARKERS,
        markers=count_xunit,
        resolve=resolve,
        sample=SAMPLE,
    ),
)
