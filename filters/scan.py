"""What the per-file stage would do to one file, as a JSON-able dict (`repoloom scan`).

`scan_text` applies the same rules, in the same order, as pipelines/filestage.process_file
(opt-out, licence, size, binary, decoding, language, quality, blocklist, PII density) and
lists every PII/secret finding by kind and character offsets into the decoded original
text; it never returns the finding's text. Other filters extend the dict they own
(e.g. quality scores) in `scan_file`.
"""
from __future__ import annotations

from repoloom.filters import decontam, pii, quality, safety
from repoloom.syntax.languages import detect_language


def _decode(data: bytes) -> str | None:
    # mirrors pipelines/filestage.decode (filters/ may not import pipelines/)
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


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and control / len(head) > 0.1


def _verdict(repo: str, path: str, data: bytes, text: str | None, meta: dict, cfg: dict) -> str | None:
    if safety.opt_out_reason(repo, path, cfg):
        return "opt_out"
    lic = safety.license_reason(meta, cfg)
    if lic:
        return lic[0]
    if len(data) > cfg["max_file_bytes"]:
        return "file_too_large"
    if not data:
        return "empty"
    if _is_binary(data):
        return "binary"
    if text is None:
        return "undecodable"
    language = detect_language(path, text[:256])
    if language is None:
        return "unknown_language"
    if cfg["quality"].get("enabled", True):
        reason = quality.quality_reason(quality.quality_scores(text), language, cfg, path)
        if reason:
            return reason
    blocked = safety.blocklist_reason(text, cfg)
    if blocked:
        return blocked[0]
    return decontam.REASON if decontam.contamination(text, cfg) else None


def scan_file(repo: str, path: str, text_or_bytes: str | bytes, cfg: dict, meta: dict | None = None
              ) -> tuple[dict, str | None]:
    """(the scan dict, the redacted text or None when the file is not text)."""
    if isinstance(text_or_bytes, str):
        text = text_or_bytes
        data = text.encode("utf-8", "surrogatepass")
    else:
        data = text_or_bytes
        text = None if _is_binary(data) else _decode(data)
    reason = _verdict(repo, path, data, text, meta or {}, cfg)
    findings = pii.find_pii(text, cfg) if text is not None and cfg["pii"]["enabled"] else []
    if reason is None and findings and pii.redacted_share(text, findings) > cfg["pii"]["max_redacted_share"]:
        reason = "pii_dense"
    out = {
        "path": path,
        "kept": reason is None,
        "reason": reason,
        "redactions": [{"kind": f.kind, "start": f.start, "end": f.end} for f in findings],
    }
    if text is not None:  # quality decision and scores, matched benchmark task (or None)
        out["quality"] = quality.scan_report(path, text, cfg)
        out["contamination"] = decontam.contamination(text, cfg)
    redacted = None if text is None else pii.apply_redactions(text, findings, cfg["pii"]["placeholders"])
    return out, redacted


def scan_text(repo: str, path: str, text_or_bytes: str | bytes, cfg: dict) -> dict:
    """{"path", "kept", "reason", "redactions": [{"kind", "start", "end"}]} for one file."""
    return scan_file(repo, path, text_or_bytes, cfg)[0]
