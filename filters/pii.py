"""PII redaction: findings are replaced by placeholders before any later stage sees the text."""
from __future__ import annotations

import re
from typing import NamedTuple

PLACEHOLDERS = {"email": "<EMAIL>", "key": "<KEY>", "password": "<PASSWORD>", "ip_address": "<IP_ADDRESS>"}
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}\b")
_KEEP_DOMAINS = ("example.com", "example.org", "example.net", "localhost")


class Finding(NamedTuple):
    kind: str
    start: int
    end: int


def find_pii(text: str, cfg: dict) -> list[Finding]:
    out = []
    for m in _EMAIL.finditer(text):
        domain = m.group(0).rsplit("@", 1)[1].lower()
        if domain.endswith(_KEEP_DOMAINS):
            continue
        out.append(Finding("email", m.start(), m.end()))
    return out


def apply_redactions(text: str, findings: list[Finding]) -> str:
    parts, pos = [], 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.start < pos:
            continue
        parts.append(text[pos : f.start])
        parts.append(PLACEHOLDERS.get(f.kind, "<REDACTED>"))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
