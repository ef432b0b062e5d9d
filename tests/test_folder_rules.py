"""The folder rules (README, "Layout"), checked on every module's syntax tree: which of our folders each
folder may import, and that only pipelines/ imports Apache Beam and only train/ the JAX family. Imports
inside functions count too (a lazy import is still a dependency)."""

from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
OURS = {"core", "syntax", "filters", "fim", "packing", "pipelines", "train"}
MAY_IMPORT = {
    "core": {"core"},
    "syntax": {"core", "syntax"},
    "filters": {"core", "syntax", "filters"},
    "fim": {"core", "syntax", "fim"},
    "packing": {"core", "syntax", "packing"},
    "pipelines": {"core", "syntax", "filters", "fim", "packing", "pipelines"},
    "train": {"core", "train"},
}
BEAM = {"apache_beam"}
JAX_FAMILY = {"jax", "jaxlib", "flax", "optax", "orbax", "grain"}


def imported(path: pathlib.Path) -> set[str]:
    """Top-level names of every module a file imports (``repoloom.x`` as ``x``; relative imports as its folder)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                out.add(path.parent.name)
                continue
            names = [node.module or ""]
        else:
            continue
        for name in names:
            parts = name.split(".")
            out.add(parts[1] if parts[0] == "repoloom" and len(parts) > 1 else parts[0])
    return out


def test_each_folder_imports_only_what_the_layout_allows():
    seen = 0
    for folder, allowed in MAY_IMPORT.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            names = imported(path)
            ours = names & OURS
            assert ours <= allowed, (str(path.relative_to(ROOT)), sorted(ours - allowed))
            if folder != "pipelines":
                assert not names & BEAM, str(path.relative_to(ROOT))
            if folder != "train":
                assert not names & JAX_FAMILY, (str(path.relative_to(ROOT)), sorted(names & JAX_FAMILY))
            seen += 1
    assert seen > 100  # the walk found the modules


def test_the_check_sees_lazy_and_relative_imports(tmp_path):
    f = tmp_path / "x.py"
    f.write_text("def f():\n    from repoloom.fim import split\n    import apache_beam as beam\nfrom . import y\n")
    assert imported(f) == {"fim", "apache_beam", tmp_path.name}
