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


def parsed_file(f: SourceFile, v: Verdict, text: str, with_fim_nodes: bool = True) -> ParsedFile:
    """The one parse and its facts, for a file the gate kept (text: judged_text's redacted text)."""
    facts = file_facts(f.repo, f.path, text, v.language, f.meta, with_fim_nodes)
    facts.scores = v.scores
    facts.redactions = pii.count_kinds(v.findings) if v.findings else {}
    return ParsedFile(text=text, facts=facts)


def process_file(f: SourceFile, g: GateConfig) -> ParsedFile | Drop:
    return _after_gate(f, *judged_text(f, g))


def _after_gate(f: SourceFile, v: Verdict, text: str | None, with_fim_nodes: bool = True) -> ParsedFile | Drop:
    if text is None:
        return Drop(f.repo, f.path, v.reason, v.detail, len(f.data))
    return parsed_file(f, v, text, with_fim_nodes)


def error_drop(repo: str, path: str, e: Exception, size: int) -> Drop:
    """An unexpected error drops that file (reason 'error', the exception named), never the job."""
    return Drop(repo, path, "error", f"{type(e).__name__}: {e}"[:300], size)


def process_files(files: list[SourceFile], g: GateConfig, before_parse=None) -> list[ParsedFile | Drop]:
    """process_file of each file, phase by phase over the batch: the gate (and redaction) for every file,
    then every parse. One phase's code and tables (regexes, grammars) stay in the CPU caches across the
    batch instead of being evicted by the next phase at every file: the same results for about 8% less CPU
    than file by file (six back-to-back pairs of 28.7 MB builds). An exception drops only its file (error_drop).

    ``before_parse(f, text)``, a phase of its own between the two over the files the gate kept, says whether a
    file's parse works out its FIM candidate nodes (the build: only when its pieces will read them); it must
    not raise."""
    judged = [_guarded(f, judged_text, f, g) for f in files]
    nodes = [
        True if before_parse is None or isinstance(j, Drop) or j[1] is None else before_parse(f, j[1])
        for f, j in zip(files, judged)
    ]
    return [j if isinstance(j, Drop) else _guarded(f, _after_gate, f, *j, w) for f, j, w in zip(files, judged, nodes)]


def _guarded(f: SourceFile, fn, *args):
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001 - accounted for, with the exception named
        return error_drop(f.repo, f.path, e, len(f.data))
