"""Swift: modules (SwiftPM's Sources/<Module>, else the whole repository) whose files see each other's
declarations, imported modules of the repository, XCTest and Quick test cases."""

from __future__ import annotations

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import count_xunit
from repoloom.syntax.queries import captures, declared_names, rec
from repoloom.syntax.resolving import KIND_WEIGHT, add_refs

IMPORTS = """
    (import_declaration (identifier) @module) @import
    (source_file [(class_declaration name: (type_identifier) @type)
                  (protocol_declaration name: (type_identifier) @type)
                  (typealias_declaration name: (type_identifier) @type)
                  (function_declaration name: (simple_identifier) @type)])
"""
MARKERS = """
    (attribute) @ann
    (function_declaration) @method
    (inheritance_specifier) @base
    (call_expression) @call
"""


def imports(tree, src) -> list[dict]:
    return [rec("import", src.node_text(m), [], m) for m in captures(tree, "swift", IMPORTS).get("module", [])]


def declarations(tree, src) -> list[str]:
    return declared_names(tree, src, "swift", IMPORTS)


def module_of(path: str) -> str:
    """Sources/<Module>/… (SwiftPM); otherwise the whole repository is one module."""
    parts = path.split("/")
    for i, p in enumerate(parts[:-2]):
        if p in ("Sources", "Tests"):
            return "/".join(parts[: i + 2])
    return ""


def index(ix) -> None:
    """Declared name -> files, per module."""
    for p, f in ix.facts.items():
        if f.language == "swift":
            scope = ix.packages[("swift-module", module_of(p))]
            for name in f.declarations:
                scope[name].append(p)


def resolve(ix, f, e) -> None:
    mods = [module_of(f.path)]
    for r in f.imports:
        m = r["target"]
        for root in ix.dir_suffix.get(f"Sources/{m}", []):
            mods.append(root)
            e.resolved += 1
    scopes = []
    for m in dict.fromkeys(mods):
        scope = ix.packages.get(("swift-module", m))
        if scope:
            scopes.append((scope, KIND_WEIGHT["ref"]))
    add_refs(ix, f, e, scopes)


SAMPLE = Sample(
    files={
        "Sources/Units/Temperature.swift": (
            "public struct Temperature {\n    public let celsius: Double\n\n    public init(celsius: Double) { self.celsius = celsius }\n\n"
            "    public var fahrenheit: Double { celsius * 9 / 5 + 32 }\n}\n\npublic func freezing() -> Temperature { Temperature(celsius: 0) }\n"
        ),
        "Tests/UnitsTests/TemperatureTests.swift": (
            "import XCTest\n@testable import Units\n\nfinal class TemperatureTests: XCTestCase {\n"
            "    func testFreezingIs32F() {\n        XCTAssertEqual(freezing().fahrenheit, 32)\n    }\n}\n"
        ),
    },
    imports={"Tests/UnitsTests/TemperatureTests.swift": ("XCTest", "Units")},
    edges={"Tests/UnitsTests/TemperatureTests.swift": ("Sources/Units/Temperature.swift",)},
    pairs={"Tests/UnitsTests/TemperatureTests.swift": "Sources/Units/Temperature.swift"},
)

LANGUAGES = (
    Language(
        name="swift",
        family="swift",
        grammar=("tree_sitter_swift", "language"),
        extensions=(".swift",),
        interpreters=("swift",),
        import_query=IMPORTS,
        imports=imports,
        declarations=declarations,
        test_extensions=("swift",),
        marker_query=MARKERS,
        markers=count_xunit,
        resolve=resolve,
        index=index,
        sample=SAMPLE,
    ),
)
