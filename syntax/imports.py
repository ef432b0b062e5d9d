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

    lua         require (a.b)

Configuration files without a grammar (go.mod, tsconfig.json, composer.json,
package.json, Cargo.toml) give config records through ``config_records`` (kinds gomod,
tsconfig, psr4, package, cargo); facts carry no text, so the resolver reads them there.
Each language's query and extractors live in its module (syntax/lang/); this
module dispatches. Resolution to repository files happens in packing/resolve.py.
"""

from __future__ import annotations

import json
import os
from typing import Any

from repoloom.syntax import registry

MAX_IMPORTS = 500  # a generated file with thousands of imports must not bloat the facts


def extract_imports(tree, src, language: str, path: str) -> list[dict[str, Any]]:
    lang = registry.get(language)
    if lang is None:
        return []
    out, seen = [], set()
    for r in sorted(lang.imports(tree, src), key=lambda r: r["line"]):
        key = (r["kind"], r["target"], tuple(r["names"]), r.get("path"))
        if r["target"] and key not in seen:
            seen.add(key)
            out.append(r)
    return out[:MAX_IMPORTS]


def extract_declarations(tree, src, language: str, path: str) -> list[str]:
    """Package/namespace and top-level names a file declares (to resolve same-package references)."""
    lang = registry.get(language)
    fn = lang.declarations if lang is not None else None
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


def load_json(text: str):
    try:
        return json.loads(text)
    except ValueError:
        try:
            return json.loads(_strip_jsonc(text))
        except ValueError:
            return None


def config_records(text: str, language: str | None, path: str) -> list[dict[str, Any]]:
    """What the resolver needs from configuration files (go.mod, tsconfig/jsconfig, composer.json, package.json,
    Cargo.toml):
    the first language whose ``config`` reader claims the file answers."""
    name = os.path.basename(path)
    for lang in registry.languages():
        if lang.config is not None:
            records = lang.config(name, language, text)
            if records is not None:
                return records
    return []
