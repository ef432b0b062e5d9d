"""Identifiers of a file (for lexical test pairing): distinct names in first-seen order, bounded."""
from __future__ import annotations

MAX_IDENTIFIERS = 2000
_IDENT_TYPES = {
    "identifier", "type_identifier", "field_identifier", "property_identifier", "simple_identifier",
    "constant", "name", "shorthand_property_identifier", "package_identifier", "namespace_identifier",
}


def extract_identifiers(tree, src, language: str) -> list[str]:
    seen: dict[str, None] = {}
    stack = [tree.root_node]
    while stack and len(seen) < MAX_IDENTIFIERS:
        n = stack.pop()
        if n.type in _IDENT_TYPES and n.child_count == 0:
            t = src.node_text(n)
            if 1 < len(t) <= 64:
                seen.setdefault(t, None)
        else:
            stack.extend(reversed(n.children))
    return list(seen)
