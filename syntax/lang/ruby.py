"""Ruby: require_relative (beside the file), require and load ($LOAD_PATH roots: the repository or a lib/
folder), RSpec blocks, Minitest / Test::Unit test methods and classes."""

from __future__ import annotations

import posixpath

from repoloom.syntax.language import Language, Sample
from repoloom.syntax.markers import CALLS, TEST_BASES, callee, name_of
from repoloom.syntax.queries import matches, rec, string_value
from repoloom.syntax.resolving import importance, norm, parent_dir

IMPORTS = "(call method: (identifier) @fn arguments: (argument_list . (string) @arg)) @call"
MARKERS = """
    (call) @call
    (method) @method
    (superclass) @base
"""


def imports(tree, src) -> list[dict]:
    out = []
    for m in matches(tree, "ruby", IMPORTS, ("call",)):
        fn = src.node_text(m["fn"])
        if fn in ("require", "require_relative", "load", "autoload"):
            out.append(rec(fn, string_value(m["arg"], src), [], m["call"]))
    return out


def markers(caps: dict, src, path: str) -> tuple[int, bool]:
    count = sum(1 for n in caps.get("call", ()) if callee(src, n) in CALLS)
    count += sum(1 for n in caps.get("method", ()) if name_of(src, n).startswith("test_"))
    count += sum(1 for n in caps.get("base", ()) if TEST_BASES.search(src.node_text(n)))
    return count, False


def resolve(ix, f, e) -> None:
    d = parent_dir(f.path)
    for r in f.imports:
        spec = r["target"]
        rb = spec if spec.endswith(".rb") else spec + ".rb"
        if r["kind"] == "require_relative":
            hit, s = ix.exact(norm(posixpath.join(d, rb))), 1.0
        else:
            hit = ix.exact(norm(posixpath.join(d, rb))) if spec.startswith(".") else None
            s = 1.0
            if not hit:  # $LOAD_PATH roots: the repository root or a lib/ folder
                hit, s = ix.by_suffix(f.path, rb, None, lambda pre: not pre or pre == "lib" or pre.endswith("/lib"))
        e.resolved += e.add(hit if hit != f.path else None, importance(1.0, 1, s))


SAMPLE = Sample(
    files={
        "lib/ledger.rb": "require_relative 'ledger/entry'\n\nmodule Ledger\nend\n",
        "lib/ledger/entry.rb": (
            "module Ledger\n  class Entry\n    attr_reader :amount\n\n    def initialize(amount)\n"
            "      @amount = amount\n    end\n\n    def credit?\n      amount.positive?\n    end\n  end\nend\n"
        ),
        "spec/ledger/entry_spec.rb": (
            "require 'ledger/entry'\n\nRSpec.describe Ledger::Entry do\n  it 'is a credit when positive' do\n"
            "    expect(described_class.new(5)).to be_credit\n  end\nend\n"
        ),
    },
    imports={"lib/ledger.rb": ("ledger/entry",), "spec/ledger/entry_spec.rb": ("ledger/entry",)},
    edges={"lib/ledger.rb": ("lib/ledger/entry.rb",), "spec/ledger/entry_spec.rb": ("lib/ledger/entry.rb",)},
    pairs={"spec/ledger/entry_spec.rb": "lib/ledger/entry.rb"},
)

LANGUAGES = (
    Language(
        name="ruby",
        family="ruby",
        grammar=("tree_sitter_ruby", "language"),
        extensions=(".rb", ".rake", ".gemspec"),
        filenames=("Rakefile", "Gemfile", "Podfile", "Vagrantfile"),
        interpreters=("ruby",),
        import_query=IMPORTS,
        imports=imports,
        test_extensions=("rb",),
        support_names=(r"spec_helper\.rb", r"rails_helper\.rb", r"test_helper\.rb"),
        marker_query=MARKERS,
        markers=markers,
        resolve=resolve,
        sample=SAMPLE,
    ),
)
