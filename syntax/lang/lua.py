"""Lua: require("a.b") through package.path's usual roots (a/b.lua, a/b/init.lua, by path suffix),
busted's describe/it blocks and luaunit-style test functions."""

from __future__ import annotations

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import CALLS
from repoloom.syntax.queries import captures, rec, string_value
from repoloom.syntax.resolving import importance

IMPORTS = """
    (function_call name: (identifier) @fn arguments: (arguments . (string)))
"""
MARKERS = """
    (function_call name: (identifier) @callee)
    (function_declaration name: [(identifier) @function
                                 (dot_index_expression field: (identifier) @function)
                                 (method_index_expression method: (identifier) @function)])
"""


def imports(tree, src) -> list[dict]:
    caps = captures(tree, "lua", IMPORTS)
    out = []
    for fn in caps.get("fn", []):
        if src.node_text(fn) == "require":
            call = fn.parent
            arg = call.child_by_field_name("arguments").named_children[0]
            out.append(rec("require", string_value(arg, src), [], call))
    return out


def markers(caps: dict, src, path: str) -> tuple[int, bool]:
    """describe/it/... calls (busted) and functions named test* (luaunit: function TestX:testY())."""
    count = sum(1 for n in caps.get("callee", ()) if src.node_text(n) in CALLS)
    count += sum(1 for n in caps.get("function", ()) if src.node_text(n).lower().startswith("test"))
    return count, False


def resolve(ix, f, e) -> None:
    for r in f.imports:
        if r["kind"] != "require" or r["target"].startswith((".", "/")):
            continue
        rel = r["target"].replace(".", "/")
        hit, spec = ix.first_of(f.path, [rel + ".lua", rel + "/init.lua"], ix.min_suffix_parts)
        e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, spec))


SAMPLE = Sample(
    files={
        "lua/stack/init.lua": 'local Stack = require("stack.core")\n\nreturn { new = Stack.new }\n',
        "lua/stack/core.lua": (
            "local Stack = {}\nStack.__index = Stack\n\nfunction Stack.new()\n  return setmetatable({ items = {}, n = 0 }, Stack)\nend\n\n"
            "function Stack:push(v)\n  self.n = self.n + 1\n  self.items[self.n] = v\nend\n\n"
            "function Stack:pop()\n  local v = self.items[self.n]\n  self.items[self.n] = nil\n  self.n = self.n - 1\n  return v\nend\n\n"
            "return Stack\n"
        ),
        "spec/core_spec.lua": (
            'local Stack = require "stack.core"\n\ndescribe("Stack", function()\n  it("pops what was pushed", function()\n'
            "    local s = Stack.new()\n    s:push(1)\n    assert.are.equal(1, s:pop())\n  end)\nend)\n"
        ),
        "test/test_core.lua": (
            'local lu = require("luaunit")\nlocal Stack = require("stack.core")\n\nTestStack = {}\n\n'
            "function TestStack:testPushPop()\n  local s = Stack.new()\n  s:push(2)\n  lu.assertEquals(s:pop(), 2)\nend\n\n"
            "os.exit(lu.LuaUnit.run())\n"
        ),
    },
    imports={
        "lua/stack/init.lua": ("stack.core",),
        "spec/core_spec.lua": ("stack.core",),
        "test/test_core.lua": ("luaunit", "stack.core"),
    },
    edges={
        "lua/stack/init.lua": ("lua/stack/core.lua",),
        "spec/core_spec.lua": ("lua/stack/core.lua",),
        "test/test_core.lua": ("lua/stack/core.lua",),
    },
    pairs={"spec/core_spec.lua": "lua/stack/core.lua", "test/test_core.lua": "lua/stack/core.lua"},
)

LANGUAGES = (
    Language(
        name="lua",
        family="lua",
        grammar=("tree_sitter_lua", "language"),
        extensions=(".lua",),
        interpreters=("lua", "luajit"),
        import_query=IMPORTS,
        imports=imports,
        test_extensions=("lua",),
        marker_query=MARKERS,
        markers=markers,
        resolve=resolve,
        sample=SAMPLE,
    ),
)
