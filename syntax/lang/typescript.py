"""TypeScript and TSX: JavaScript's imports and resolution (javascript.py) plus `import x = require()`,
and modules that declare types only (no runtime test exercises them)."""

from __future__ import annotations

from repoloom.syntax.lang import javascript as js
from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_calls

IMPORTS = (
    js.IMPORTS
    + """
    (import_require_clause source: (string) @arg) @call
"""
)
# Top-level statements that declare types only (an export wrapping one of them counts too).
_TYPE_ONLY_NODES = frozenset(
    {"interface_declaration", "type_alias_declaration", "import_statement", "comment", "empty_statement"}
)


def types_only(tree) -> bool:
    """source/types/hooks.ts: interfaces and type aliases only, so no runtime test exercises it."""
    seen_type = False
    for n in tree.root_node.children:
        t = n.type
        if t == "export_statement":
            decl = n.child_by_field_name("declaration")
            if decl is not None:
                t = decl.type
            elif any(c.type == "type" for c in n.children):  # export type {A, B} from './x'
                t = "type_alias_declaration"
            else:
                return False
        if t not in _TYPE_ONLY_NODES:
            return False
        seen_type = seen_type or t in ("interface_declaration", "type_alias_declaration")
    return seen_type


SAMPLE = Sample(
    files={
        "tsconfig.json": '{\n  // path aliases\n  "compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["src/*"]}},\n}\n',
        "src/types.ts": "export interface Range {\n  start: number;\n  end: number;\n}\n",
        "src/range.ts": (
            "import type { Range } from './types';\n\nexport function overlaps(a: Range, b: Range): boolean {\n"
            "  return a.start < b.end && b.start < a.end;\n}\n"
        ),
        "src/range.test.ts": (
            "import { describe, expect, it } from 'vitest';\nimport { overlaps } from '@/range';\n\n"
            "describe('overlaps', () => {\n  it('sees a shared point', () => {\n"
            "    expect(overlaps({ start: 0, end: 2 }, { start: 1, end: 3 })).toBe(true);\n  });\n});\n"
        ),
    },
    imports={"src/range.ts": ("./types",), "src/range.test.ts": ("vitest", "@/range")},
    edges={"src/range.ts": ("src/types.ts",), "src/range.test.ts": ("src/range.ts",)},
    pairs={"src/range.test.ts": "src/range.ts"},
)
TSX_SAMPLE = Sample(
    files={
        "src/Badge.tsx": (
            "import React from 'react';\n\nexport function Badge({ count }: { count: number }) {\n"
            "  return <span className=\"badge\">{count > 99 ? '99+' : count}</span>;\n}\n"
        ),
        "src/Badge.test.tsx": (
            "import { render } from '@testing-library/react';\nimport { Badge } from './Badge';\n\n"
            "test('caps large counts', () => {\n  const { getByText } = render(<Badge count={120} />);\n"
            "  getByText('99+');\n});\n"
        ),
    },
    imports={"src/Badge.tsx": ("react",), "src/Badge.test.tsx": ("@testing-library/react", "./Badge")},
    edges={"src/Badge.test.tsx": ("src/Badge.tsx",)},
    pairs={"src/Badge.test.tsx": "src/Badge.tsx"},
)


def _typescript(
    name: str, function: str, extensions: tuple[str, ...], test_extensions: tuple[str, ...], sample: Sample, **kw
) -> Language:
    return Language(
        name=name,
        family="js",
        grammar=("tree_sitter_typescript", function),
        extensions=extensions,
        import_query=IMPORTS,
        imports=js.js_imports(name, IMPORTS),
        test_extensions=test_extensions,
        marker_query=js.MARKERS,
        markers=count_calls,
        type_test_names=r"^(?:.+\.)?errors\.[cm]?tsx?$",  # check-dts: lines marked // THROWS must fail to compile
        types_only=types_only,
        declaration_lines=js.DECLARATION_LINES,
        resolve=js.resolve,
        sample=sample,
        **kw,
    )


LANGUAGES = (
    _typescript(
        "typescript",
        "language_typescript",
        (".ts", ".mts", ".cts"),
        ("ts", "mts", "cts"),
        SAMPLE,
        interpreters=("deno", "ts-node"),
    ),
    _typescript("tsx", "language_tsx", (".tsx",), ("tsx",), TSX_SAMPLE),
)
