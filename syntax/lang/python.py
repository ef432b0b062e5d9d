"""Python: imports (import / from, relative levels), module files, pytest and unittest test cases."""

from __future__ import annotations

import posixpath

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import name_of
from repoloom.syntax.queries import captures, rec
from repoloom.syntax.resolving import importance, norm, parent_dir

IMPORTS = """
    (import_statement) @import
    (import_from_statement) @from
    (future_import_statement) @future
"""
MARKERS = """
    (function_definition) @function
    (class_definition) @class
"""


def _name(node, src) -> str:
    return src.node_text(node.child_by_field_name("name") if node.type == "aliased_import" else node)


def imports(tree, src) -> list[dict]:
    out = []
    caps = captures(tree, "python", IMPORTS)
    for n in caps.get("import", []):
        for name in n.children_by_field_name("name"):
            out.append(rec("import", _name(name, src), [], n))
    for n in caps.get("from", []):
        module = n.child_by_field_name("module_name")
        names = [_name(x, src) for x in n.children_by_field_name("name")]
        if any(c.type == "wildcard_import" for c in n.children):
            names = ["*"]
        out.append(rec("from", src.node_text(module).replace(" ", "") if module else "", names, n))
    return out


def _inherits_tests(name: str, bases: str) -> bool:
    """class TestURLSafe(TestSerializer): pytest collects it with the test methods it inherits."""
    return name.startswith("Test") and any(
        b.strip().split(".")[-1].startswith("Test") for b in bases.strip("()").split(",")
    )


def markers(caps: dict, src, path: str) -> tuple[int, bool]:
    """def test_x (pytest, anywhere) and classes deriving from a TestCase."""
    count = sum(1 for n in caps.get("function", ()) if name_of(src, n).startswith("test"))
    for n in caps.get("class", ()):
        sup = n.child_by_field_name("superclasses")
        if sup is not None and (
            "TestCase" in src.node_text(sup) or _inherits_tests(name_of(src, n), src.node_text(sup))
        ):
            count += 1
    return count, False


def _assigned_name(src, node, depth: int) -> str:
    """A module-level `NAME = ...` defines NAME (deeper assignments are local)."""
    if depth > 2:
        return ""
    left = node.child_by_field_name("left")
    return src.node_text(left) if left is not None and left.type == "identifier" else ""


def _module(ix, f, rel: str, relative: bool, min_parts: int | None) -> tuple[str | None, float]:
    """A module path ('a/b') to its file: a/b.py, a/b/__init__.py (a stub a/b.pyi last)."""
    cands = [rel + ".py", rel + "/__init__.py", rel + ".pyi"] if rel else ["__init__.py"]
    if relative:
        hit = next((h for c in cands if (h := ix.exact(norm(c)))), None)
        return hit, 1.0
    # An absolute import matches below a directory that is not itself a package (repository root, src/,
    # a scripts folder): inside a package the module would have a longer name.
    return ix.first_of(f.path, cands, min_parts, lambda prefix: not prefix or (prefix + "/__init__.py") not in ix.facts)


def resolve(ix, f, e) -> None:
    d = parent_dir(f.path)
    for r in f.imports:
        target = r["target"]
        if r["kind"] == "import":
            hit, spec = _module(ix, f, target.replace(".", "/"), False, ix.min_suffix_parts)
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
            ns = norm(sub) or "\0"
            if ("/" + f.path).endswith((f"/{ns}.py", f"/{ns}/__init__.py")):
                continue  # `from pkg import me` inside pkg/me.py
            hit, spec = _module(ix, f, sub, bool(level), None)
            if hit:
                found |= e.add(hit if hit != f.path else None, importance(1.0, 1, spec))
            elif not (level and norm(sub) in ix.dirs):  # a package folder whose __init__.py is not kept
                plain += 1
        if plain or not names:  # names defined in the module (or `import *`)
            hit, spec = _module(ix, f, rel, bool(level), ix.min_suffix_parts)
            found |= e.add(hit if hit != f.path else None, importance(1.0, plain, spec))
        e.resolved += found


SAMPLE = Sample(
    files={
        "ledger/__init__.py": 'from .book import Ledger\n\n__all__ = ["Ledger"]\n',
        "ledger/book.py": (
            "class Ledger:\n    def __init__(self):\n        self.entries = []\n\n"
            "    def post(self, amount: int) -> None:\n        self.entries.append(amount)\n\n"
            "    def balance(self) -> int:\n        return sum(self.entries)\n"
        ),
        "tests/test_book.py": (
            "import pytest\n\nfrom ledger.book import Ledger\n\n\n"
            "def test_balance_sums_entries():\n    book = Ledger()\n    book.post(3)\n    book.post(4)\n    assert book.balance() == 7\n"
        ),
    },
    imports={"ledger/__init__.py": (".book",), "tests/test_book.py": ("pytest", "ledger.book")},
    edges={"ledger/__init__.py": ("ledger/book.py",), "tests/test_book.py": ("ledger/book.py",)},
    pairs={"tests/test_book.py": "ledger/book.py"},
)

LANGUAGES = (
    Language(
        name="python",
        family="python",
        grammar=("tree_sitter_python", "language"),
        extensions=(".py", ".pyi", ".pyw", ".bzl"),  # Starlark (Bazel) parses as Python
        filenames=("SConstruct", "SConscript", "BUILD", "WORKSPACE", "BUILD.bazel", "WORKSPACE.bazel", "MODULE.bazel"),
        interpreters=("python", "python2", "python3", "pypy", "pypy3"),
        import_query=IMPORTS,
        imports=imports,
        test_extensions=("py", "pyi"),
        support_names=(r"conftest\.py",),
        marker_query=MARKERS,
        markers=markers,
        resolve=resolve,
        definers={"assignment": _assigned_name},
        sample=SAMPLE,
    ),
)
