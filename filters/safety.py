"""Safety rules: opt-out, licence allowlist, content blocklists. Foundation: licence detection only."""
from __future__ import annotations

import re

LICENSE_FILES = re.compile(r"^(licen[sc]e|copying|unlicense)(\.(md|txt|rst))?$", re.IGNORECASE)
_PATTERNS = [
    ("Apache-2.0", re.compile(r"Apache License,?\s+Version 2\.0", re.I)),
    ("MIT", re.compile(r"Permission is hereby granted, free of charge", re.I)),
    ("BSD-3-Clause", re.compile(r"Neither the name of .{0,200} nor the names of its", re.I | re.S)),
    ("BSD-2-Clause", re.compile(r"Redistributions in binary form must reproduce", re.I)),
    ("GPL-3.0", re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 3", re.I)),
    ("GPL-2.0", re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 2", re.I)),
]


def detect_license(text: str) -> str | None:
    """SPDX id of a licence text, or None."""
    for spdx, pat in _PATTERNS:
        if pat.search(text[:20000]):
            return spdx
    return None
