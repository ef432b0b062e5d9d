"""Scala: JVM packages and imports (java.py) with selectors, ScalaTest and JUnit test cases."""

from __future__ import annotations

from repoloom.syntax.lang.java import jvm_declarations, resolve_jvm
from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_xunit
from repoloom.syntax.queries import captures, rec

IMPORTS = """
    (import_declaration) @import
    (package_clause name: (_) @package)
    (compilation_unit [(class_definition name: (identifier) @type)
                       (object_definition name: (identifier) @type)
                       (trait_definition name: (identifier) @type)
                       (enum_definition name: (identifier) @type)])
"""
MARKERS = """
    (annotation) @ann
    (extends_clause) @base
    (call_expression) @call
"""


def imports(tree, src) -> list[dict]:
    out = []
    for n in captures(tree, "scala", IMPORTS).get("import", []):
        path = [src.node_text(c) for c in n.children_by_field_name("path") if c.is_named]
        if not path:
            path = [src.node_text(c) for c in n.named_children if c.type == "identifier"]
        base = ".".join(path)
        tail = [c for c in n.named_children if c.type in ("namespace_wildcard", "namespace_selectors")]
        if not tail:
            if base:
                out.append(rec("import", base, [], n))
        elif tail[0].type == "namespace_wildcard":
            out.append(rec("wildcard", base, [], n))
        else:
            for sel in tail[0].named_children:
                if sel.type == "identifier":
                    out.append(rec("import", f"{base}.{src.node_text(sel)}", [], n))
                elif sel.type.endswith("renamed_identifier") and sel.named_children:
                    out.append(rec("import", f"{base}.{src.node_text(sel.named_children[0])}", [], n))
                elif sel.type == "namespace_wildcard":
                    out.append(rec("wildcard", base, [], n))
    return out


SAMPLE = Sample(
    files={
        "src/main/scala/acme/graph/Graph.scala": (
            "package acme.graph\n\nfinal case class Graph(edges: Map[Int, Set[Int]]) {\n"
            "  def neighbours(n: Int): Set[Int] = edges.getOrElse(n, Set.empty)\n}\n"
        ),
        "src/test/scala/acme/graph/GraphSpec.scala": (
            "package acme.graph\n\nimport org.scalatest.funsuite.AnyFunSuite\n\n"
            'class GraphSpec extends AnyFunSuite {\n  test("a lone node has no neighbours") {\n'
            "    assert(Graph(Map.empty).neighbours(1).isEmpty)\n  }\n}\n"
        ),
    },
    imports={"src/test/scala/acme/graph/GraphSpec.scala": ("org.scalatest.funsuite.AnyFunSuite",)},
    edges={"src/test/scala/acme/graph/GraphSpec.scala": ("src/main/scala/acme/graph/Graph.scala",)},
    pairs={"src/test/scala/acme/graph/GraphSpec.scala": "src/main/scala/acme/graph/Graph.scala"},
)

LANGUAGES = (
    Language(
        name="scala",
        family="jvm",
        grammar=("tree_sitter_scala", "language"),
        extensions=(".scala", ".sc"),
        interpreters=("scala",),
        import_query=IMPORTS,
        imports=imports,
        declarations=jvm_declarations("scala", IMPORTS),
        test_extensions=("scala",),
        marker_query=MARKERS,
        markers=count_xunit,
        resolve=resolve_jvm,
        sample=SAMPLE,
    ),
)
