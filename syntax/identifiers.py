"""Identifiers of a file (for lexical test pairing): distinct names in first-seen order, bounded."""
from __future__ import annotations

import re

from repoloom.syntax import registry

MAX_IDENTIFIERS = 2000
_IDENT_TYPES = {
    "identifier", "type_identifier", "field_identifier", "property_identifier", "simple_identifier",
    "constant", "name", "shorthand_property_identifier", "package_identifier", "namespace_identifier",
}


def _query(language: str):
    """One tree-sitter query capturing every identifier-like node kind the grammar has (runs in C)."""
    q = _QUERIES.get(language)
    if q is None:
        import tree_sitter

        from repoloom.syntax.languages import get_language

        lang = get_language(language)
        kinds = sorted(k for k in _IDENT_TYPES if lang.id_for_node_kind(k, True))
        q = _QUERIES[language] = tree_sitter.Query(lang, "[" + " ".join(f"({k})" for k in kinds) + "] @id") if kinds else False
    return q


_QUERIES: dict = {}


def extract_identifiers(tree, src, language: str) -> list[str]:
    q = _query(language)
    if not q:
        return []
    import tree_sitter

    nodes = tree_sitter.QueryCursor(q).captures(tree.root_node).get("id", [])
    seen: dict[str, None] = {}
    data = src.data
    for n in sorted(nodes, key=lambda n: n.start_byte):  # document order: first seen first
        if n.child_count == 0 and 1 < n.end_byte - n.start_byte:
            t = data[n.start_byte : n.end_byte].decode("utf-8", "replace")
            if 1 < len(t) <= 64:
                seen.setdefault(t, None)
                if len(seen) >= MAX_IDENTIFIERS:
                    break
    return list(seen)


MAX_DEFINED = 500
_NAME_LEAVES = {"identifier", "type_identifier", "field_identifier", "property_identifier", "simple_identifier", "constant", "name", "word"}
_SKIP_DEFINERS = ("parameter", "argument", "import", "package", "label", "lifetime", "use_declaration", "using_directive")
_DEFINER = re.compile(r"(definition|declaration|declarator|_item|_spec|specifier|signature)$|^(method|class|module|singleton_method|singleton_class)$")
_FUNCTION_LIKE = re.compile(r"(^|_)(function|method|constructor|lambda|closure|func)(_(definition|declaration|item|expression|literal))?$|^arrow_function$")
_LOCAL_DEFINERS = {"variable_declarator", "var_spec", "const_spec", "let_declaration", "assignment", "short_var_declaration", "property_declaration", "field_declaration"}


def defined_names(tree, src, language: str) -> list[str]:
    """Names a file defines: functions, methods, classes, types, and top-level variables (for test pairing:
    a test that uses these names tests this file). Local variables and parameters are left out."""
    lang = registry.get(language)
    special = lang.definers if lang is not None else {}  # node type -> the language's own name reader
    seen: dict[str, None] = {}
    stack = [(tree.root_node, 0)]
    while stack and len(seen) < MAX_DEFINED:
        n, depth = stack.pop()
        t = n.type
        name = ""
        if any(s in t for s in _SKIP_DEFINERS):
            continue  # nothing defined inside an import or a parameter list
        reader = special.get(t)
        if reader is not None:
            name = reader(src, n, depth)
        elif _DEFINER.search(t):
            if t not in _LOCAL_DEFINERS or depth <= 3:
                nm = n.child_by_field_name("name")
                if nm is not None and nm.type in _NAME_LEAVES and t != "call":
                    name = src.node_text(nm)
        if 1 < len(name) <= 64:
            seen.setdefault(name, None)
        if name and _FUNCTION_LIKE.search(t):
            # What a named function's body defines is local to it (and walking bodies is most of the cost).
            # Anonymous ones are walked: module.exports = function () { function helper() {} } (the module pattern).
            continue
        if depth < 12:
            stack.extend((c, depth + 1) for c in reversed(n.children) if c.child_count)
    return list(seen)
