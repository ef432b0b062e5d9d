"""Python import extraction on real installed sources, checked against the standard library's ast."""

from __future__ import annotations

import ast

from tests.conftest import real_python_files

from repoloom.syntax.parse import file_facts


def ast_imports(text: str) -> set[tuple]:
    out = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            out |= {("import", a.name, ()) for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            out.add(("from", "." * node.level + (node.module or ""), tuple(a.name for a in node.names)))
    return out


def test_python_imports_match_ast_on_real_files():
    files = real_python_files(40)
    assert len(files) >= 20
    total = 0
    for path in files:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        f = file_facts("r", path, text, "python")
        ours = {(r["kind"], r["target"], tuple(r["names"])) for r in f.imports}
        assert ours == ast_imports(text), path
        total += len(ours)
    assert total > 200
