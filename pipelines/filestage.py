"""The per-file stage as one plain function: the keep-or-drop decision (filters/gate.py),
then PII redaction, then the one parse.

Beam-free, so it is unit-testable; the DoFn in build.py only calls it and routes the result.
"""

from __future__ import annotations

from repoloom.core.types import Drop, FileFacts, ParsedFile, SourceFile
from repoloom.filters import pii
from repoloom.filters.gate import GateConfig, Verdict, judge
from repoloom.syntax import fim_nodes
from repoloom.syntax.parse import file_facts, parse_facts

# Text held in a batch's trees for FIM candidates computed on demand (a tree takes about 24 bytes a byte
# of text); a file beyond it gets its candidates at once.
LATER_NODES_CHARS = 1 << 20


def judged_text(f: SourceFile, g: GateConfig) -> tuple[Verdict, str | None]:
    """The verdict and, for a kept file, its redacted text: everything before the parse."""
    v = judge(f.repo, f.path, f.data, f.meta, g)
    if v.reason:
        return v, None
    return v, pii.apply_redactions(v.text, v.findings, g.pii.placeholders) if v.findings else v.text


def parsed_file(f: SourceFile, v: Verdict, text: str) -> ParsedFile:
    """The one parse and its facts, for a file the gate kept (text: judged_text's redacted text)."""
    return _parsed(file_facts(f.repo, f.path, text, v.language, f.meta), v, text)


def _parsed(facts: FileFacts, v: Verdict, text: str) -> ParsedFile:
    facts.scores = v.scores
    facts.redactions = pii.count_kinds(v.findings) if v.findings else {}
    return ParsedFile(text=text, facts=facts)


def process_file(f: SourceFile, g: GateConfig) -> ParsedFile | Drop:
    return _after_gate(f, *judged_text(f, g))


def _after_gate(f: SourceFile, v: Verdict, text: str | None) -> ParsedFile | Drop:
    return Drop(f.repo, f.path, v.reason, v.detail, len(f.data)) if text is None else parsed_file(f, v, text)


def error_drop(repo: str, path: str, e: Exception, size: int) -> Drop:
    """An unexpected error drops that file (reason 'error', the exception named), never the job."""
    return Drop(repo, path, "error", f"{type(e).__name__}: {e}"[:300], size)


def process_files(files: list[SourceFile], g: GateConfig, later: list | None = None) -> list[ParsedFile | Drop]:
    """process_file of each file, phase by phase over the batch: the gate (and redaction) for every file,
    then every parse. One phase's code and tables (regexes, grammars) stay in the CPU caches across the
    batch instead of being evicted by the next phase at every file: the same results for about 8% less CPU
    than file by file (six back-to-back pairs of 28.7 MB builds). An exception drops only its file (error_drop).

    With ``later`` (a list), kept files' FIM candidates are left out of their facts: one entry per file is
    appended, a zero-argument callable that computes them from the file's tree (fim.pieces.file_pieces'
    ``nodes``), or None (no tree, or a dropped file). Up to LATER_NODES_CHARS of the batch's text keeps its
    trees for that; a file beyond gets its candidates at once (and None)."""
    judged = [_guarded(f, judged_text, f, g) for f in files]
    if later is None:
        return [j if isinstance(j, Drop) else _guarded(f, _after_gate, f, *j) for f, j in zip(files, judged)]
    room, out = [LATER_NODES_CHARS], []
    for f, j in zip(files, judged):
        got = j if isinstance(j, Drop) else _guarded(f, _parse_later, f, *j, room)
        out.append(got if isinstance(got, Drop) else got[0])
        later.append(None if isinstance(got, Drop) else got[1])
    return out


def _parse_later(f: SourceFile, v: Verdict, text: str | None, room: list[int]):
    """(_after_gate's result, a callable giving the FIM candidates or None)."""
    if text is None:
        return _after_gate(f, v, text), None
    facts, tree, src = parse_facts(f.repo, f.path, text, v.language, f.meta)
    nodes = None
    if tree is not None:
        if len(text) <= room[0]:
            room[0] -= len(text)
            language = v.language

            def nodes():
                return fim_nodes.candidates(tree, src, language)

        else:
            facts.fim_nodes = fim_nodes.candidates(tree, src, v.language)
    return _parsed(facts, v, text), nodes


def _guarded(f: SourceFile, fn, *args):
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001 - accounted for, with the exception named
        return error_drop(f.repo, f.path, e, len(f.data))
