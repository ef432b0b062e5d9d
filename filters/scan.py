"""What the per-file stage would do to one file, as a JSON-able dict (`repoloom scan`).

`scan_text` applies the build's own decision (filters/gate.judge: opt-out, licence, size,
binary, decoding, language, quality, blocklist, contamination, PII density) and
lists every PII/secret finding by kind and character offsets into the decoded original
text; it never returns the finding's text. Other filters extend the dict they own
(e.g. quality scores) in `scan_file`.
"""

from __future__ import annotations

from repoloom.filters import decontam, gate, pii, quality


def scan_file(
    repo: str, path: str, text_or_bytes: str | bytes, g: gate.GateConfig, meta: dict | None = None
) -> tuple[dict, str | None]:
    """(the scan dict, the redacted text or None when the file is not text)."""
    data = text_or_bytes.encode("utf-8", "surrogatepass") if isinstance(text_or_bytes, str) else text_or_bytes
    v = gate.judge(repo, path, data, meta or {}, g)
    reason, text = v.reason, v.text
    if text is None and not gate.is_binary(data):
        text = gate.decode(data)  # dropped before decoding (opt-out, licence, size): still show its findings
    findings = (
        v.findings
        if reason is None
        else (pii.find_pii(text, g.pii, path) if text is not None and g.pii.enabled else [])
    )
    out = {
        "path": path,
        "kept": reason is None,
        "reason": reason,
        "redactions": [{"kind": f.kind, "start": f.start, "end": f.end} for f in findings],
    }
    if text is not None:  # quality decision and scores, matched benchmark task (or None)
        out["quality"] = quality.scan_report(path, text, g.quality)
        out["contamination"] = decontam.contamination(text, g.decontam)
    redacted = None if text is None else pii.apply_redactions(text, findings, g.pii.placeholders)
    return out, redacted


def scan_text(repo: str, path: str, text_or_bytes: str | bytes, g: gate.GateConfig) -> dict:
    """{"path", "kept", "reason", "redactions": [{"kind", "start", "end"}]} for one file."""
    return scan_file(repo, path, text_or_bytes, g)[0]
