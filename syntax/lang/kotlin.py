"""Kotlin: JVM packages and imports (java.py), JUnit and Kotest test cases."""

from __future__ import annotations

from repoloom.syntax.lang.java import jvm_declarations, resolve_jvm
from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_xunit
from repoloom.syntax.queries import captures, dotted, rec

IMPORTS = """
    (import) @import
    (package_header (qualified_identifier) @package)
    (source_file [(class_declaration (identifier) @type)
                  (object_declaration (identifier) @type)
                  (function_declaration (identifier) @type)
                  (type_alias (identifier) @type)])
"""
MARKERS = """
    (annotation) @ann
    (delegation_specifier) @base
    (call_expression) @call
"""


def imports(tree, src) -> list[dict]:
    out = []
    for n in captures(tree, "kotlin", IMPORTS).get("import", []):
        q = next((c for c in n.named_children if c.type in ("qualified_identifier", "identifier")), None)
        if q is None:
            continue
        wildcard = any(c.type == "*" for c in n.children)
        out.append(rec("wildcard" if wildcard else "import", dotted(q, src), [], n))
    return out


SAMPLE = Sample(
    files={
        "src/main/kotlin/com/acme/Matrix.kt": (
            "package com.acme\n\nclass Matrix(val rows: Int, val cols: Int) {\n"
            "    private val cells = DoubleArray(rows * cols)\n\n"
            "    fun get(r: Int, c: Int): Double = cells[r * cols + c]\n}\n"
        ),
        "src/test/kotlin/com/acme/MatrixTest.kt": (
            "package com.acme\n\nimport kotlin.test.Test\nimport kotlin.test.assertEquals\n\n"
            "class MatrixTest {\n    @Test\n    fun startsEmpty() {\n        assertEquals(0.0, Matrix(2, 2).get(1, 1))\n    }\n}\n"
        ),
    },
    imports={"src/test/kotlin/com/acme/MatrixTest.kt": ("kotlin.test.Test", "kotlin.test.assertEquals")},
    edges={"src/test/kotlin/com/acme/MatrixTest.kt": ("src/main/kotlin/com/acme/Matrix.kt",)},
    pairs={"src/test/kotlin/com/acme/MatrixTest.kt": "src/main/kotlin/com/acme/Matrix.kt"},
)

LANGUAGES = (
    Language(
        name="kotlin",
        family="jvm",
        grammar=("tree_sitter_kotlin", "language"),
        extensions=(".kt", ".kts"),
        interpreters=("kotlin",),
        import_query=IMPORTS,
        imports=imports,
        declarations=jvm_declarations("kotlin", IMPORTS),
        test_extensions=("kt", "kts"),
        marker_query=MARKERS,
        markers=count_xunit,
        resolve=resolve_jvm,
        sample=SAMPLE,
    ),
)
