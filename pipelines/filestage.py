"""The per-file stage as one plain function: decode -> detect -> quality -> safety -> PII -> parse once.

Beam-free, so it is unit-testable and reused by `repoloom scan`. The DoFn in
build.py only calls it and routes the result.
"""
from __future__ import annotations

from repoloom.core.types import Drop, ParsedFile, SourceFile
from repoloom.filters import decontam, pii, quality, safety
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts

_BINARY_SNIFF = 8192


def decode(data: bytes) -> str | None:
    """Text of a file's bytes, or None when it is not text we can decode faithfully."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def is_binary(data: bytes) -> bool:
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and control / len(head) > 0.1


def process_file(f: SourceFile, cfg: dict) -> ParsedFile | Drop:
    size = len(f.data)
    if safety.opt_out_reason(f.repo, f.path, cfg):
        return Drop(f.repo, f.path, "opt_out", "", size)
    lic = safety.license_reason(f.meta, cfg)
    if lic:
        return Drop(f.repo, f.path, lic[0], lic[1], size)
    if size > cfg["max_file_bytes"]:
        return Drop(f.repo, f.path, "file_too_large", f"{size} bytes", size)
    if size == 0:
        return Drop(f.repo, f.path, "empty", "", 0)
    if is_binary(f.data):
        return Drop(f.repo, f.path, "binary", "", size)
    text = decode(f.data)
    if text is None:
        return Drop(f.repo, f.path, "undecodable", "not UTF-8/UTF-16 text", size)
    language = detect_language(f.path, text[:256])
    if language is None:
        return Drop(f.repo, f.path, "unknown_language", "", size)
    scores = quality.quality_scores(text)
    reason = quality.quality_reason(scores, language, cfg, f.path)
    if reason:
        return Drop(f.repo, f.path, reason, quality.explain(reason, scores), size)
    blocked = safety.blocklist_reason(text, cfg)
    if blocked:
        return Drop(f.repo, f.path, blocked[0], blocked[1], size)
    hit = decontam.contamination(text, cfg)  # the benchmark index is built once per process
    if hit:
        return Drop(f.repo, f.path, decontam.REASON, hit, size)
    counts: dict[str, int] = {}
    if cfg["pii"]["enabled"]:
        findings = pii.find_pii(text, cfg)
        if findings:
            share = pii.redacted_share(text, findings)
            if share > cfg["pii"]["max_redacted_share"]:
                return Drop(f.repo, f.path, "pii_dense", f"{share:.0%} of the text redacted", size)
            text = pii.apply_redactions(text, findings, cfg["pii"]["placeholders"])
            counts = pii.count_kinds(findings)
    facts = file_facts(f.repo, f.path, text, language, f.meta)
    facts.scores = scores
    facts.redactions = counts
    return ParsedFile(text=text, facts=facts)
