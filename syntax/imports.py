"""Import and declaration extraction from the parse tree, per language.

An import record is a plain dict: {"kind": ..., "target": str, "names": [str], "line": int}.
Resolution to repository files happens in packing/ (longest path-suffix match).
"""
from __future__ import annotations

from typing import Any


def _walk(node, types: set[str]):
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in types:
            yield n
        else:
            stack.extend(reversed(n.children))


def _python_imports(tree, src) -> list[dict[str, Any]]:
    out = []
    for n in _walk(tree.root_node, {"import_statement", "import_from_statement", "future_import_statement"}):
        line = n.start_point[0] + 1
        if n.type == "import_statement":
            for name in n.children_by_field_name("name"):
                target = name.child_by_field_name("name") if name.type == "aliased_import" else name
                out.append({"kind": "import", "target": src.node_text(target), "names": [], "line": line})
        elif n.type == "import_from_statement":
            module = n.child_by_field_name("module_name")
            names = []
            for name in n.children_by_field_name("name"):
                target = name.child_by_field_name("name") if name.type == "aliased_import" else name
                names.append(src.node_text(target))
            out.append({"kind": "from", "target": src.node_text(module) if module else "", "names": names, "line": line})
    return out


_EXTRACTORS = {"python": _python_imports}


def extract_imports(tree, src, language: str, path: str) -> list[dict[str, Any]]:
    fn = _EXTRACTORS.get(language)
    return fn(tree, src) if fn else []


def extract_declarations(tree, src, language: str, path: str) -> list[str]:
    """Package/namespace/type names a file declares (used to resolve same-package references)."""
    return []
