"""The keep-or-drop decision for one file, in one place: size, binary, decoding, language,
opt-out, licence, quality, blocklist, contamination, PII density.

Both the build's per-file stage (pipelines/filestage.py) and `repoloom scan`
(filters/scan.py) call `judge`, so what scan reports is what the build does.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import NamedTuple

from repoloom.filters import decontam, pii, quality, safety
from repoloom.filters.decontam import DecontamConfig
from repoloom.filters.pii import PiiConfig
from repoloom.filters.quality import QualityConfig
from repoloom.filters.safety import SafetyConfig
from repoloom.syntax.languages import detect_language

_BINARY_SNIFF = 8192
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Verdict(NamedTuple):
    reason: str | None  # None = keep
    detail: str
    text: str | None  # the decoded original text (None when it is not text or was not read)
    language: str | None
    scores: dict  # quality scores (tag, then filter)
    findings: list  # PII findings of a kept file (redaction happens in the caller)


def decode(data: bytes) -> str | None:
    """Text of a file's bytes, or None when it is not text we can decode faithfully.

    Classic Mac files end lines with CR alone: they get LF, so their lines are lines (and not one
    line the length of the file) for the quality rules, the parse and the model.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith(_UTF16_BOMS):
        try:
            return _cr_lines(data.decode("utf-16"))
        except UnicodeDecodeError:
            return None
    try:
        return _cr_lines(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def _cr_lines(text: str) -> str:
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else text


def is_binary(data: bytes) -> bool:
    """Too many control characters in the first 8 KiB. A UTF-16 file (with its BOM) is judged on its
    decoded characters: its ASCII half-bytes are NULs, which would otherwise make every such file binary."""
    head = data[:_BINARY_SNIFF]
    if head.startswith(_UTF16_BOMS):
        chars = codecs.getincrementaldecoder("utf-16")(errors="replace").decode(head)
        return _control_share(ord(c) for c in chars) > 0.1
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))  # _control_share's count, in C
    return (control / len(head) if head else 0.0) > 0.1


_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


def _control_share(codes) -> float:
    codes = list(codes)
    control = sum(1 for c in codes if c < 32 and c not in (9, 10, 12, 13, 27))
    return control / len(codes) if codes else 0.0


@dataclass(frozen=True)
class GateConfig:
    """What the gate's rules read: the build's file size limit and the sections of the filters it runs."""

    max_file_bytes: int
    safety: SafetyConfig
    quality: QualityConfig
    decontam: DecontamConfig
    pii: PiiConfig


def judge(repo: str, path: str, data: bytes, meta: dict, g: GateConfig) -> Verdict:
    def drop(reason, detail="", text=None, language=None, scores=None):
        return Verdict(reason, detail, text, language, scores or {}, [])

    if safety.opt_out_reason(repo, path, g.safety):
        return drop("opt_out")
    lic = safety.license_reason(meta, g.safety)
    if lic:
        return drop(lic[0], lic[1])
    size = len(data)
    if size > g.max_file_bytes:
        return drop("file_too_large", f"{size} bytes")
    if size == 0:
        return drop("empty")
    if is_binary(data):
        return drop("binary")
    text = decode(data)
    if text is None:
        return drop("undecodable", "not UTF-8/UTF-16 text")
    language = detect_language(path, text[:256])
    if language is None:  # a lock file (uv.lock, Cargo.lock: TOML by content) is named as one
        return drop(
            "lock_file" if quality.path_reason(path, g.quality) == "lock_file" else "unknown_language", "", text
        )
    scores = quality.quality_scores(text)
    reason = quality.quality_reason(scores, language, g.quality, path)
    if reason:
        return drop(reason, quality.explain(reason, scores), text, language, scores)
    blocked = safety.blocklist_reason(text, g.safety)
    if blocked:
        return drop(blocked[0], blocked[1], text, language, scores)
    hit = decontam.contamination(text, g.decontam)  # the benchmark index is built once per process
    if hit:
        return drop(decontam.REASON, hit, text, language, scores)
    findings = pii.find_pii(text, g.pii, path) if g.pii.enabled else []
    if findings:
        share = pii.redacted_share(text, findings)
        if share > g.pii.max_redacted_share:
            return drop("pii_dense", f"{share:.0%} of the text redacted", text, language, scores)
    return Verdict(None, "", text, language, scores, findings)
