"""Import and declaration extraction from the parse tree, per language (tree-sitter queries).

An import record is a small JSON-able dict:
    {"kind": str, "target": str, "names": [str], "line": int}
plus, for a few kinds, one extra key ("path" for Rust's #[path] attribute).
``target`` is the import as written (module, path, namespace, string literal);
``names`` the names it brings in, when the statement lists them. Kinds:

    python      import (a.b) | from (..x, names) -- wildcard is names ["*"]
    java/kotlin/scala   import (a.b.C) | wildcard (a.b)
    go          import ("mod/path/pkg", names [alias])
    rust        mod (x, optional "path") | use (crate::a::b::C, super::x, ...)
    js/ts       import | export | require | dynamic ('./x', names)
    c/cpp       include ("x.h") | include_system (<x.h>)
    csharp      using (Ns) | using_static (Ns.Type) | using_alias (Ns.Type)
    php         use (A\\B\\C) | require (string; "./x" when built from __DIR__)
    ruby        require_relative | require | load
    swift       import (Module)

Declarations are strings: "package:<name>" for the package/namespace a file is in,
and the dotted qualified names of its top-level types (functions too where
they can be imported): "a.b.C"; Go and Swift have no qualified names, so just "C".

Configuration files without a grammar (go.mod, tsconfig.json, composer.json,
package.json) give config records through ``config_records`` (kinds gomod,
tsconfig, psr4, package); facts carry no text, so the resolver reads them there.
Resolution to repository files happens in packing/resolve.py.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

from repoloom.syntax.languages import get_language

MAX_IMPORTS = 500  # a generated file with thousands of imports must not bloat the facts

# One query per language. Captures name the parts an extractor needs; the
# extractors below only read small subtrees of the captured nodes.
_QUERIES: dict[str, str] = {
    "python": """
        (import_statement) @import
        (import_from_statement) @from
        (future_import_statement) @future
    """,
    "java": """
        (import_declaration) @import
        (package_declaration [(identifier) (scoped_identifier)] @package)
        (program [(class_declaration name: (identifier) @type)
                  (interface_declaration name: (identifier) @type)
                  (enum_declaration name: (identifier) @type)
                  (record_declaration name: (identifier) @type)
                  (annotation_type_declaration name: (identifier) @type)])
    """,
    "kotlin": """
        (import) @import
        (package_header (qualified_identifier) @package)
        (source_file [(class_declaration (identifier) @type)
                      (object_declaration (identifier) @type)
                      (function_declaration (identifier) @type)
                      (type_alias (identifier) @type)])
    """,
    "scala": """
        (import_declaration) @import
        (package_clause name: (_) @package)
        (compilation_unit [(class_definition name: (identifier) @type)
                           (object_definition name: (identifier) @type)
                           (trait_definition name: (identifier) @type)
                           (enum_definition name: (identifier) @type)])
    """,
    "go": """
        (import_spec) @import
        (package_clause (package_identifier) @package)
        (source_file (function_declaration name: (identifier) @type))
        (source_file (type_declaration (type_spec name: (type_identifier) @type)))
        (source_file (type_declaration (type_alias name: (type_identifier) @type)))
        (source_file (var_declaration (var_spec name: (identifier) @type)))
        (source_file (const_declaration (const_spec name: (identifier) @type)))
        (source_file (var_declaration (var_spec_list (var_spec name: (identifier) @type))))
    """,
    "rust": """
        (mod_item name: (identifier) @mod !body) @moditem
        (use_declaration argument: (_) @use)
    """,
    "javascript": """
        (import_statement source: (string) @source) @import
        (export_statement source: (string) @source) @export
        (call_expression function: (identifier) @fn arguments: (arguments . (string) @arg)) @call
        (call_expression function: (import) arguments: (arguments . (string) @arg)) @dynamic
    """,
    "c": """
        (preproc_include path: (_) @path)
    """,
    "csharp": """
        (using_directive) @using
        (namespace_declaration name: (_) @ns) @nsdecl
        (file_scoped_namespace_declaration name: (_) @ns) @nsdecl
        [(class_declaration name: (identifier) @type)
         (interface_declaration name: (identifier) @type)
         (struct_declaration name: (identifier) @type)
         (enum_declaration name: (identifier) @type)
         (record_declaration name: (identifier) @type)
         (delegate_declaration name: (identifier) @type)]
    """,
    "php": """
        (namespace_use_declaration) @use
        (namespace_definition name: (namespace_name) @ns)
        [(require_expression) (require_once_expression) (include_expression) (include_once_expression)] @require
        [(class_declaration name: (name) @type)
         (interface_declaration name: (name) @type)
         (trait_declaration name: (name) @type)
         (enum_declaration name: (name) @type)]
        (program (function_definition name: (name) @type))
    """,
    "ruby": """
        (call method: (identifier) @fn arguments: (argument_list . (string) @arg)) @call
    """,
    "swift": """
        (import_declaration (identifier) @module) @import
        (source_file [(class_declaration name: (type_identifier) @type)
                      (protocol_declaration name: (type_identifier) @type)
                      (typealias_declaration name: (type_identifier) @type)
                      (function_declaration name: (simple_identifier) @type)])
    """,
}
_QUERIES["typescript"] = _QUERIES["javascript"] + """
        (import_require_clause source: (string) @arg) @call
"""
_QUERIES["tsx"] = _QUERIES["typescript"]
_QUERIES["cpp"] = _QUERIES["c"]

_TYPE_BODIES = {  # a type declared inside one of these is not top-level
    "class_body", "interface_body", "enum_body", "declaration_list", "template_body", "block",
    "function_body", "compound_statement", "enum_class_body", "protocol_body", "statement_block",
}
_CSHARP_TYPE_PARENTS = {"class_declaration", "struct_declaration", "interface_declaration", "record_declaration"}


@lru_cache(maxsize=None)
def _query(language: str):
    import tree_sitter

    return tree_sitter.Query(get_language(language), _QUERIES[language])


def _captures(tree, language: str) -> dict[str, list]:
    import tree_sitter

    caps = tree_sitter.QueryCursor(_query(language)).captures(tree.root_node)
    return {k: sorted(v, key=lambda n: n.start_byte) for k, v in caps.items()}


def _matches(tree, language: str) -> list[dict[str, Any]]:
    import tree_sitter

    out = []
    for _, caps in tree_sitter.QueryCursor(_query(language)).matches(tree.root_node):
        out.append({k: v[0] for k, v in caps.items()})
    out.sort(key=lambda m: min(n.start_byte for n in m.values()))
    return out


def _rec(kind: str, target: str, names: list[str] | None, node, **extra) -> dict[str, Any]:
    r = {"kind": kind, "target": target, "names": list(names or []), "line": node.start_point[0] + 1}
    r.update(extra)
    return r


def _string_value(node, src) -> str:
    """Text of a string literal node without its quotes (content children when the grammar has them)."""
    parts = [c for c in node.named_children if c.type in ("string_fragment", "string_content", "interpreted_string_literal_content", "raw_string_literal_content")]
    if parts:
        return "".join(src.node_text(c) for c in parts)
    text = src.node_text(node)
    if len(text) >= 2 and text[0] in "\"'`<" and text[-1] in "\"'`>":
        return text[1:-1]
    return text


# ---------------------------------------------------------------- Python

def _py_name(node, src) -> str:
    return src.node_text(node.child_by_field_name("name") if node.type == "aliased_import" else node)


def _python(tree, src) -> list[dict]:
    out = []
    caps = _captures(tree, "python")
    for n in caps.get("import", []):
        for name in n.children_by_field_name("name"):
            out.append(_rec("import", _py_name(name, src), [], n))
    for n in caps.get("from", []):
        module = n.child_by_field_name("module_name")
        names = [_py_name(x, src) for x in n.children_by_field_name("name")]
        if any(c.type == "wildcard_import" for c in n.children):
            names = ["*"]
        out.append(_rec("from", src.node_text(module).replace(" ", "") if module else "", names, n))
    return out


# ---------------------------------------------------------------- JVM

def _dotted(node, src) -> str:
    return "".join(src.node_text(node).split())


def _java(tree, src) -> list[dict]:
    out = []
    for n in _captures(tree, "java").get("import", []):
        parts = [c for c in n.named_children if c.type in ("identifier", "scoped_identifier")]
        if not parts:
            continue
        target = _dotted(parts[0], src)
        wildcard = any(c.type == "asterisk" for c in n.children)
        out.append(_rec("wildcard" if wildcard else "import", target, [], n))
    return out


def _kotlin(tree, src) -> list[dict]:
    out = []
    for n in _captures(tree, "kotlin").get("import", []):
        q = next((c for c in n.named_children if c.type in ("qualified_identifier", "identifier")), None)
        if q is None:
            continue
        wildcard = any(c.type == "*" for c in n.children)
        out.append(_rec("wildcard" if wildcard else "import", _dotted(q, src), [], n))
    return out


def _scala(tree, src) -> list[dict]:
    out = []
    for n in _captures(tree, "scala").get("import", []):
        path = [src.node_text(c) for c in n.children_by_field_name("path") if c.is_named]
        if not path:
            path = [src.node_text(c) for c in n.named_children if c.type == "identifier"]
        base = ".".join(path)
        tail = [c for c in n.named_children if c.type in ("namespace_wildcard", "namespace_selectors")]
        if not tail:
            if base:
                out.append(_rec("import", base, [], n))
        elif tail[0].type == "namespace_wildcard":
            out.append(_rec("wildcard", base, [], n))
        else:
            for sel in tail[0].named_children:
                if sel.type == "identifier":
                    out.append(_rec("import", f"{base}.{src.node_text(sel)}", [], n))
                elif sel.type.endswith("renamed_identifier") and sel.named_children:
                    out.append(_rec("import", f"{base}.{src.node_text(sel.named_children[0])}", [], n))
                elif sel.type == "namespace_wildcard":
                    out.append(_rec("wildcard", base, [], n))
    return out


def _jvm_declarations(tree, src, language: str) -> list[str]:
    caps = _captures(tree, language)
    pkg = ".".join(_dotted(p, src) for p in caps.get("package", []))
    out = [f"package:{pkg}"] if pkg else []
    for t in caps.get("type", []):
        name = src.node_text(t)
        out.append(f"{pkg}.{name}" if pkg else name)
    return out


# ---------------------------------------------------------------- Go

def _go(tree, src) -> list[dict]:
    out = []
    for n in _captures(tree, "go").get("import", []):
        path = n.child_by_field_name("path")
        if path is None:
            continue
        alias = n.child_by_field_name("name")
        out.append(_rec("import", _string_value(path, src), [src.node_text(alias)] if alias else [], n))
    return out


def _go_declarations(tree, src) -> list[str]:
    caps = _captures(tree, "go")
    out = [f"package:{src.node_text(p)}" for p in caps.get("package", [])[:1]]
    out += [src.node_text(t) for t in caps.get("type", []) if src.node_text(t) != "_"]
    return out


# ---------------------------------------------------------------- Rust

def _rust_paths(node, src, prefix: str) -> list[str]:
    """Expand a use tree (`a::{b, c::D}`, `a::*`, `a as b`) into full paths."""
    t = node.type
    join = (lambda p, s: f"{p}::{s}" if p else s)
    if t in ("identifier", "crate", "self", "super", "scoped_identifier", "metavariable"):
        return [join(prefix, "".join(src.node_text(node).split()))]
    if t == "use_as_clause":
        p = node.child_by_field_name("path")
        return _rust_paths(p, src, prefix) if p else []
    if t == "use_wildcard":
        inner = [c for c in node.named_children]
        return [join(join(prefix, "".join(src.node_text(inner[0]).split())) if inner else prefix, "*")]
    if t == "scoped_use_list":
        p = node.child_by_field_name("path")
        lst = node.child_by_field_name("list")
        base = join(prefix, "".join(src.node_text(p).split())) if p else prefix
        return _rust_paths(lst, src, base) if lst else [base]
    if t == "use_list":
        out = []
        for c in node.named_children:
            out += _rust_paths(c, src, prefix)
        return out
    return []


def _rust(tree, src) -> list[dict]:
    out = []
    for m in _matches(tree, "rust"):
        if "moditem" in m:
            item = m["moditem"]
            path = None
            prev = item.prev_named_sibling
            while prev is not None and prev.type == "attribute_item":  # #[path = "x.rs"] mod x;
                attr = prev.named_children[0] if prev.named_children else None
                if attr is not None and attr.named_children and src.node_text(attr.named_children[0]) == "path":
                    val = attr.child_by_field_name("value") or (attr.named_children[-1] if len(attr.named_children) > 1 else None)
                    if val is not None:
                        path = _string_value(val, src)
                prev = prev.prev_named_sibling
            rec = _rec("mod", src.node_text(m["mod"]), [], item)
            if path:
                rec["path"] = path
            out.append(rec)
        elif "use" in m:
            node = m["use"]
            for p in _rust_paths(node, src, ""):
                out.append(_rec("use", p, [], node))
    return out


# ---------------------------------------------------------------- JavaScript / TypeScript

def _js_names(stmt, src) -> list[str]:
    names = []
    stack = [stmt]
    while stack:
        n = stack.pop()
        if n.type in ("import_specifier", "export_specifier"):
            name = n.child_by_field_name("name")
            names.append(src.node_text(name or n))
        elif n.type == "namespace_import" or (n.type == "*" and stmt.type == "export_statement"):
            names.append("*")
        elif n.type == "import_clause":
            for c in n.named_children:
                if c.type == "identifier":
                    names.append("default")
            stack.extend(c for c in n.named_children if c.type != "identifier")
        elif n.type not in ("string",):
            stack.extend(n.children)
    return names


def _js(tree, src, language: str) -> list[dict]:
    out = []
    for m in _matches(tree, language):
        if "import" in m:
            out.append(_rec("import", _string_value(m["source"], src), _js_names(m["import"], src), m["import"]))
        elif "export" in m:
            out.append(_rec("export", _string_value(m["source"], src), _js_names(m["export"], src), m["export"]))
        elif "dynamic" in m:
            out.append(_rec("dynamic", _string_value(m["arg"], src), [], m["dynamic"]))
        elif "call" in m:
            fn = m.get("fn")
            if fn is None or src.node_text(fn) == "require":
                out.append(_rec("require", _string_value(m["arg"], src), [], m["call"]))
    return out


# ---------------------------------------------------------------- C / C++

def _c(tree, src, language: str) -> list[dict]:
    out = []
    for p in _captures(tree, language).get("path", []):
        if p.type == "string_literal":
            out.append(_rec("include", _string_value(p, src), [], p))
        elif p.type == "system_lib_string":
            out.append(_rec("include_system", src.node_text(p)[1:-1].strip(), [], p))
    return out


# ---------------------------------------------------------------- C#

def _csharp(tree, src) -> list[dict]:
    out = []
    for n in _captures(tree, "csharp").get("using", []):
        named = [c for c in n.named_children if c.type in ("identifier", "qualified_name", "alias_qualified_name")]
        if not named:
            continue
        static = any(c.type == "static" for c in n.children)
        if len(named) >= 2 or n.child_by_field_name("name") is not None:  # using E = A.B.C;
            out.append(_rec("using_alias", _dotted(named[-1], src), [], n))
        else:
            out.append(_rec("using_static" if static else "using", _dotted(named[0], src), [], n))
    return out


def _csharp_namespace_of(node, src) -> str:
    parts = []
    p = node.parent
    while p is not None:
        if p.type == "namespace_declaration":
            nm = p.child_by_field_name("name")
            if nm is not None:
                parts.append(_dotted(nm, src))
        p = p.parent
    return ".".join(reversed(parts))


def _csharp_declarations(tree, src) -> list[str]:
    caps = _captures(tree, "csharp")
    out = []
    file_ns = ""
    for nm in caps.get("ns", []):
        if nm.parent.type == "file_scoped_namespace_declaration":
            file_ns = _dotted(nm, src)
            out.append(f"package:{file_ns}")
        else:
            out.append(f"package:{'.'.join(x for x in (_csharp_namespace_of(nm.parent, src), _dotted(nm, src)) if x)}")
    for t in caps.get("type", []):
        decl = t.parent
        if decl.parent is not None and decl.parent.type == "declaration_list" and decl.parent.parent is not None \
                and decl.parent.parent.type in _CSHARP_TYPE_PARENTS:
            continue  # nested type: reachable through its outer type
        ns = _csharp_namespace_of(decl, src) or file_ns
        out.append(f"{ns}.{src.node_text(t)}" if ns else src.node_text(t))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- PHP

def _php(tree, src) -> list[dict]:
    out = []
    caps = _captures(tree, "php")
    for n in caps.get("use", []):
        if n.parent is not None and n.parent.type in ("declaration_list", "use_declaration"):
            continue  # `use Trait;` inside a class body is a trait use, also an import of sorts
        group_prefix = ""
        pre = next((c for c in n.named_children if c.type == "namespace_name"), None)
        if pre is not None and any(c.type == "namespace_use_group" for c in n.named_children):
            group_prefix = src.node_text(pre).strip("\\") + "\\"
        for clause in _walk(n, {"namespace_use_clause"}):
            q = next((c for c in clause.named_children if c.type in ("qualified_name", "name", "namespace_name")), None)
            if q is not None:
                out.append(_rec("use", group_prefix + src.node_text(q).strip("\\"), [], n))
    for n in caps.get("require", []):
        arg = n.named_children[-1] if n.named_children else None
        if arg is None:
            continue
        if arg.type == "parenthesized_expression" and arg.named_children:
            arg = arg.named_children[0]
        if arg.type in ("string", "encapsed_string"):
            out.append(_rec("require", _string_value(arg, src), [], n))
        elif arg.type == "binary_expression":  # __DIR__ . '/x.php', dirname(__FILE__) . "/x.php"
            left, right = arg.named_children[0], arg.named_children[-1]
            if right.type in ("string", "encapsed_string") and any(
                    src.node_text(x) in ("__DIR__", "__FILE__") for x in _walk(left, {"name"})):
                out.append(_rec("require", "." + "/" + _string_value(right, src).lstrip("/"), [], n))
    return out


def _php_declarations(tree, src) -> list[str]:
    caps = _captures(tree, "php")
    ns = src.node_text(caps["ns"][0]).strip("\\").replace("\\", ".") if caps.get("ns") else ""
    out = [f"package:{ns}"] if ns else []
    for t in caps.get("type", []):
        out.append(f"{ns}.{src.node_text(t)}" if ns else src.node_text(t))
    return out


# ---------------------------------------------------------------- Ruby, Swift

def _ruby(tree, src) -> list[dict]:
    out = []
    for m in _matches(tree, "ruby"):
        fn = src.node_text(m["fn"])
        if fn in ("require", "require_relative", "load", "autoload"):
            out.append(_rec(fn, _string_value(m["arg"], src), [], m["call"]))
    return out


def _swift(tree, src) -> list[dict]:
    return [_rec("import", src.node_text(m), [], m) for m in _captures(tree, "swift").get("module", [])]


def _plain_declarations(tree, src, language: str) -> list[str]:
    return list(dict.fromkeys(src.node_text(t) for t in _captures(tree, language).get("type", [])))


def _walk(node, types: set[str]):
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in types:
            yield n
        stack.extend(reversed(n.children))


_EXTRACTORS = {
    "python": lambda t, s: _python(t, s),
    "java": lambda t, s: _java(t, s),
    "kotlin": lambda t, s: _kotlin(t, s),
    "scala": lambda t, s: _scala(t, s),
    "go": lambda t, s: _go(t, s),
    "rust": lambda t, s: _rust(t, s),
    "javascript": lambda t, s: _js(t, s, "javascript"),
    "typescript": lambda t, s: _js(t, s, "typescript"),
    "tsx": lambda t, s: _js(t, s, "tsx"),
    "c": lambda t, s: _c(t, s, "c"),
    "cpp": lambda t, s: _c(t, s, "cpp"),
    "csharp": lambda t, s: _csharp(t, s),
    "php": lambda t, s: _php(t, s),
    "ruby": lambda t, s: _ruby(t, s),
    "swift": lambda t, s: _swift(t, s),
}

_DECLARATIONS = {
    "java": lambda t, s: _jvm_declarations(t, s, "java"),
    "kotlin": lambda t, s: _jvm_declarations(t, s, "kotlin"),
    "scala": lambda t, s: _jvm_declarations(t, s, "scala"),
    "go": _go_declarations,
    "csharp": _csharp_declarations,
    "php": _php_declarations,
    "swift": lambda t, s: _plain_declarations(t, s, "swift"),
}


def extract_imports(tree, src, language: str, path: str) -> list[dict[str, Any]]:
    fn = _EXTRACTORS.get(language)
    if fn is None:
        return []
    out, seen = [], set()
    for r in sorted(fn(tree, src), key=lambda r: r["line"]):
        key = (r["kind"], r["target"], tuple(r["names"]), r.get("path"))
        if r["target"] and key not in seen:
            seen.add(key)
            out.append(r)
    return out[:MAX_IMPORTS]


def extract_declarations(tree, src, language: str, path: str) -> list[str]:
    """Package/namespace and top-level names a file declares (to resolve same-package references)."""
    fn = _DECLARATIONS.get(language)
    return list(dict.fromkeys(fn(tree, src)))[:MAX_IMPORTS] if fn else []


# ---------------------------------------------------------------- configuration files (no grammar)

def _strip_jsonc(text: str) -> str:
    """tsconfig.json allows comments and trailing commas; drop them outside strings."""
    out, i, n, in_str = [], 0, len(text), False
    while i < n:
        c = text[i]
        if in_str:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
            out.append(c)
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        elif c == ",":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] in "]}":
                i += 1
                continue
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _load_json(text: str):
    try:
        return json.loads(text)
    except ValueError:
        try:
            return json.loads(_strip_jsonc(text))
        except ValueError:
            return None


def config_records(text: str, language: str | None, path: str) -> list[dict[str, Any]]:
    """What the resolver needs from go.mod, tsconfig/jsconfig, composer.json and package.json."""
    name = os.path.basename(path)
    if language == "gomod" or name == "go.mod":
        for i, line in enumerate(text.splitlines()):
            words = line.split("//", 1)[0].split()
            if len(words) >= 2 and words[0] == "module":
                return [{"kind": "gomod", "target": words[1].strip('"'), "names": [], "line": i + 1}]
        return []
    if language != "json":
        return []
    if name.startswith(("tsconfig", "jsconfig")) and name.endswith(".json"):
        data = _load_json(text)
        if not isinstance(data, dict):
            return []
        opts = data.get("compilerOptions") if isinstance(data.get("compilerOptions"), dict) else {}
        paths = opts.get("paths") if isinstance(opts.get("paths"), dict) else {}
        paths = {str(k): [str(v) for v in vs] for k, vs in paths.items() if isinstance(vs, list)}
        base = opts.get("baseUrl")
        extends = data.get("extends")
        extends = extends if isinstance(extends, str) and extends.startswith(".") else None  # a file of this repository
        if base is None and not paths and extends is None:
            return []
        rec = {"kind": "tsconfig", "target": str(base) if base is not None else "", "names": [], "line": 0, "paths": paths}
        if base is None:
            rec["nobase"] = True
        if extends:
            rec["extends"] = extends
        return [rec]
    if name == "composer.json":
        data = _load_json(text)
        out = []
        for section in ("autoload", "autoload-dev"):
            psr4 = (data.get(section) or {}).get("psr-4") if isinstance(data, dict) and isinstance(data.get(section), dict) else None
            if isinstance(psr4, dict):
                for prefix, dirs in psr4.items():
                    dirs = dirs if isinstance(dirs, list) else [dirs]
                    out.append({"kind": "psr4", "target": str(prefix), "names": [str(d) for d in dirs], "line": 0})
        return out
    if name == "package.json":
        data = _load_json(text)
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            main = data.get("module") or data.get("main") or ""
            return [{"kind": "package", "target": data["name"], "names": [main] if isinstance(main, str) and main else [], "line": 0}]
    return []
