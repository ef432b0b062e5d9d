"""Rust: a crate root that names its own crate in a use (eyre's eyre/src/lib.rs: `use eyre::WrapErr;` in its doc
examples) is no edge. Before, the workspace lookup found only the root itself and the resolver failed on it
(blind22's eyre, whose benchmark run stopped with an AttributeError)."""

from __future__ import annotations

from repoloom.packing import graph as graphs
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts
from repoloom.syntax.resolving import GraphConfig

FILES = {
    "eyre/Cargo.toml": '[package]\nname = "eyre"\nversion = "0.6.0"\nedition = "2021"\n',
    "eyre/src/lib.rs": (
        "pub mod report;\n\npub use crate::report::Report;\n\n#[allow(unused_imports)]\nuse eyre::Report as _;\n"
    ),
    "eyre/src/report.rs": "pub struct Report {\n    pub msg: String,\n}\n",
    "color-eyre/Cargo.toml": '[package]\nname = "color-eyre"\nversion = "0.6.0"\nedition = "2021"\n',
    "color-eyre/src/lib.rs": "use eyre::report::Report;\n\npub fn wrap(r: Report) -> Report {\n    r\n}\n",
}


def graph_edges() -> set[tuple[str, str]]:
    facts = sorted((file_facts("eyre", p, t, detect_language(p, t)) for p, t in FILES.items()), key=lambda f: f.path)
    rg = graphs.build_graph(facts, GraphConfig())
    return set(rg.graph.edges)


def test_a_crate_root_using_its_own_name_is_no_edge_and_no_failure():
    edges = graph_edges()
    assert not any(a == "eyre/src/lib.rs" and b == "eyre/src/lib.rs" for a, b in edges)
    assert ("eyre/src/lib.rs", "eyre/src/report.rs") in edges  # its own `crate::` path still resolves


def test_another_crate_of_the_workspace_still_resolves_by_name():
    assert ("color-eyre/src/lib.rs", "eyre/src/report.rs") in graph_edges()
