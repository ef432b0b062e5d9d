"""The per-file stage as one plain function: the keep-or-drop decision (filters/gate.py),
then PII redaction, then the one parse.

Beam-free, so it is unit-testable; the DoFn in build.py only calls it and routes the result.
"""

from __future__ import annotations

from repoloom.core.types import Drop, ParsedFile, SourceFile
from repoloom.filters import pii
from repoloom.filters.gate import GateConfig, Verdict, judge
from repoloom.syntax.parse import file_facts


def judged_text(f: SourceFile, g: GateConfig) -> tuple[Verdict, str | None]:
    """The verdict and, for a kept file, its redacted text: everything before the parse."""
    v = judge(f.repo, f.path, f.data, f.meta, g)
    if v.reason:
        return v, None
    return v, pii.apply_redactions(v.text, v.findings, g.pii.placeholders) if v.findings else v.text


def process_file(f: SourceFile, g: GateConfig) -> ParsedFile | Drop:
    v, text = judged_text(f, g)
    if text is None:
        return Drop(f.repo, f.path, v.reason, v.detail, len(f.data))
    facts = file_facts(f.repo, f.path, text, v.language, f.meta)
    facts.scores = v.scores
    facts.redactions = pii.count_kinds(v.findings) if v.findings else {}
    return ParsedFile(text=text, facts=facts)
