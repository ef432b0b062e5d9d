"""Identifiers of a file (for lexical test pairing): distinct names in first-seen order, bounded."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from repoloom.syntax import registry
from repoloom.syntax.queries import captures

MAX_IDENTIFIERS = 2000
_IDENT_TYPES = {
    "identifier",
    "type_identifier",
    "field_identifier",
    "property_identifier",
    "simple_identifier",
    "constant",
    "name",
    "shorthand_property_identifier",
    "package_identifier",
    "namespace_identifier",
}


@lru_cache(maxsize=None)
def query(language: str) -> str:
    """One tree-sitter query capturing every identifier-like node kind the grammar has ("" when none)."""
    from repoloom.syntax.languages import get_language

    lang = get_language(language)
    kinds = sorted(k for k in _IDENT_TYPES if lang.id_for_node_kind(k, True))
    return "[" + " ".join(f"({k})" for k in kinds) + "] @id" if kinds else ""


def extract_identifiers(tree, src, language: str) -> list[str]:
    text = query(language)
    if not text:
        return []
    nodes = captures(tree, language, text).get("id", [])  # document order: first seen first
    # A name seen once is looked at no further (most captures repeat one): the checks run per distinct name.
    seen: dict[str, None] = {}
    if src.ascii:  # byte offsets are character offsets: slice the text, no decoding
        text = src.text
        for n in nodes:
            t = text[n.start_byte : n.end_byte]
            if t in seen or not 1 < len(t) <= 64 or n.child_count:
                continue
            seen[t] = None
            if len(seen) >= MAX_IDENTIFIERS:
                break
        return list(seen)
    data, decoded = src.data, set()  # decoded: byte strings whose text was already taken or refused
    for n in nodes:
        b = data[n.start_byte : n.end_byte]
        if b in decoded or len(b) <= 1 or n.child_count:
            continue
        decoded.add(b)
        t = b.decode("utf-8", "replace")
        if 1 < len(t) <= 64:
            seen.setdefault(t, None)
            if len(seen) >= MAX_IDENTIFIERS:
                break
    return list(seen)


MAX_DEFINED = 500
_NAME_LEAVES = {
    "identifier",
    "type_identifier",
    "field_identifier",
    "property_identifier",
    "simple_identifier",
    "constant",
    "name",
    "word",
}
_SKIP_DEFINERS = (
    "parameter",
    "argument",
    "import",
    "package",
    "label",
    "lifetime",
    "use_declaration",
    "using_directive",
)
_DEFINER = re.compile(
    r"(definition|declaration|declarator|_item|_spec|specifier|signature)$|^(method|class|module|singleton_method|singleton_class)$"
)
_FUNCTION_LIKE = re.compile(
    r"(^|_)(function|method|constructor|lambda|closure|func)(_(definition|declaration|item|expression|literal))?$|^arrow_function$"
)
_LOCAL_DEFINERS = {
    "variable_declarator",
    "var_spec",
    "const_spec",
    "let_declaration",
    "assignment",
    "short_var_declaration",
    "property_declaration",
    "field_declaration",
}


_SKIP, _PLAIN = object(), object()
_ROLES: dict[str, dict[int, Any]] = {}  # language -> node kind id -> _SKIP, _PLAIN or (reader, local, function-like)


def _role(language: str, node):
    """What a node kind is to defined_names, from its type name (worked out once per kind and process)."""
    t = node.type
    if any(s in t for s in _SKIP_DEFINERS):
        return _SKIP  # nothing defined inside an import or a parameter list
    lang = registry.get(language)
    reader = (lang.definers if lang is not None else {}).get(t)  # the language's own name reader
    if reader is None and not _DEFINER.search(t):
        return _PLAIN
    return (reader, t in _LOCAL_DEFINERS, bool(_FUNCTION_LIKE.search(t)))


def defined_names(tree, src, language: str) -> list[str]:
    """Names a file defines: functions, methods, classes, types, and top-level variables (for test pairing:
    a test that uses these names tests this file). Local variables and parameters are left out."""
    roles = _ROLES.setdefault(language, {})
    seen: dict[str, None] = {}
    stack = [(tree.root_node, 0)]
    while stack and len(seen) < MAX_DEFINED:
        n, depth = stack.pop()
        kind = n.kind_id
        role = roles.get(kind)
        if role is None:
            role = roles[kind] = _role(language, n)
        if role is _SKIP:
            continue
        if role is not _PLAIN:
            reader, local, function_like = role
            name = ""
            if reader is not None:
                name = reader(src, n, depth)
            elif not local or depth <= 3:
                nm = n.child_by_field_name("name")
                if nm is not None and nm.type in _NAME_LEAVES:
                    name = src.node_text(nm)
            if 1 < len(name) <= 64:
                seen.setdefault(name, None)
            if name and function_like:
                # What a named function's body defines is local to it (and walking bodies is most of the cost).
                # Anonymous ones are walked: module.exports = function () { function helper() {} } (the module pattern).
                continue
        if depth < 12:
            below = depth + 1
            stack.extend([(c, below) for c in reversed(n.children) if c.child_count])
    return list(seen)
