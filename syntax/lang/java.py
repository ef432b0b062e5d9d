"""Java, and what the JVM languages share (Kotlin, Scala: kotlin.py, scala.py): packages and qualified
type names, imports and wildcards, references to types of the same package, JUnit test cases."""

from __future__ import annotations

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_xunit
from repoloom.syntax.queries import captures, dotted, rec
from repoloom.syntax.resolving import KIND_WEIGHT, add_refs, importance

IMPORTS = """
    (import_declaration) @import
    (package_declaration [(identifier) (scoped_identifier)] @package)
    (program [(class_declaration name: (identifier) @type)
              (interface_declaration name: (identifier) @type)
              (enum_declaration name: (identifier) @type)
              (record_declaration name: (identifier) @type)
              (annotation_type_declaration name: (identifier) @type)])
"""
MARKERS = """
    [(marker_annotation) (annotation)] @ann
    (method_declaration) @method
    (superclass) @base
"""
JVM_EXT = (".java", ".kt", ".scala")


def imports(tree, src) -> list[dict]:
    out = []
    for n in captures(tree, "java", IMPORTS).get("import", []):
        parts = [c for c in n.named_children if c.type in ("identifier", "scoped_identifier")]
        if not parts:
            continue
        target = dotted(parts[0], src)
        wildcard = any(c.type == "asterisk" for c in n.children)
        out.append(rec("wildcard" if wildcard else "import", target, [], n))
    return out


def jvm_declarations(language: str, query: str):
    """'package:a.b' and the qualified names of the file's top-level types (a.b.C)."""

    def declarations(tree, src) -> list[str]:
        caps = captures(tree, language, query)
        pkg = ".".join(dotted(p, src) for p in caps.get("package", []))
        out = [f"package:{pkg}"] if pkg else []
        for t in caps.get("type", []):
            name = src.node_text(t)
            out.append(f"{pkg}.{name}" if pkg else name)
        return out

    return declarations


def _type(ix, f, fqn: str) -> tuple[str | None, float]:
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


def resolve_jvm(ix, f, e) -> None:
    """Imports name types (or packages, with a wildcard); types of the file's own package need no import."""
    scopes = []
    for r in f.imports:
        if r["kind"] == "import":
            hit, spec = _type(ix, f, r["target"])
            e.resolved += e.add(hit, importance(1.0, 1, spec))
        elif r["kind"] == "wildcard":
            scope = ix.packages.get(("jvm", r["target"]))
            if scope:
                scopes.append((scope, KIND_WEIGHT["wildcard"]))
                e.resolved += 1
            else:  # `import a.b.C.*`: the nested members of a type
                hit, spec = _type(ix, f, r["target"])
                e.resolved += e.add(hit, importance(KIND_WEIGHT["wildcard"], 0, spec))
    for pkg in ix.file_packages.get(f.path, [""])[:1]:
        scope = ix.packages.get(("jvm", pkg))
        if scope:
            scopes.insert(0, (scope, KIND_WEIGHT["ref"]))
    add_refs(ix, f, e, scopes)


SAMPLE = Sample(
    files={
        "src/main/java/com/acme/shapes/Circle.java": (
            "package com.acme.shapes;\n\npublic final class Circle {\n    private final double radius;\n\n"
            "    public Circle(double radius) { this.radius = radius; }\n\n"
            "    public double area() { return Math.PI * radius * radius; }\n}\n"
        ),
        "src/test/java/com/acme/shapes/CircleTest.java": (
            "package com.acme.shapes;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
            "import org.junit.jupiter.api.Test;\n\nclass CircleTest {\n    @Test\n    void areaOfUnitCircle() {\n"
            "        assertEquals(Math.PI, new Circle(1).area(), 1e-9);\n    }\n}\n"
        ),
    },
    imports={
        "src/test/java/com/acme/shapes/CircleTest.java": (
            "org.junit.jupiter.api.Assertions.assertEquals",
            "org.junit.jupiter.api.Test",
        )
    },
    edges={"src/test/java/com/acme/shapes/CircleTest.java": ("src/main/java/com/acme/shapes/Circle.java",)},
    pairs={"src/test/java/com/acme/shapes/CircleTest.java": "src/main/java/com/acme/shapes/Circle.java"},
)

LANGUAGES = (
    Language(
        name="java",
        family="jvm",
        grammar=("tree_sitter_java", "language"),
        extensions=(".java",),
        import_query=IMPORTS,
        imports=imports,
        declarations=jvm_declarations("java", IMPORTS),
        test_extensions=("java", "groovy"),
        marker_query=MARKERS,
        markers=count_xunit,
        resolve=resolve_jvm,
        sample=SAMPLE,
    ),
)
