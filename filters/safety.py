"""Safety rules that drop whole repositories or files: opt-out, licence allowlist, content blocklists.

Each rule returns a reason (`opt_out`, `license`, `blocklist`) or None; all are
configured in cfg["safety"] and each can be switched off. Licence detection for a
repository's LICENSE/COPYING file uses `identify` (pre-commit's file identification
library): the SPDX texts from choosealicense.com matched by normalised edit distance,
offline. An `SPDX-License-Identifier:` tag and a few phrase rules cover what the
edit-distance match misses (licence files with extra text around the licence).
"""

from __future__ import annotations

import fnmatch
import math
import re
from functools import lru_cache

# LICENSE, LICENSE.md, LICENSE-MIT, COPYING.LESSER, UNLICENSE ... but not license_check.py
LICENSE_FILES = re.compile(
    r"^(?!.*\.(?:py|js|mjs|ts|go|rs|java|kt|c|h|cc|cpp|hpp|cs|rb|php|sh|json|ya?ml|toml|html?|css|swift|scala)$)"
    r"(licen[sc]e|copying|unlicense)([.\-_][\w.\-]*)?$",
    re.IGNORECASE,
)
_SPDX_TAG = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+\-]+(?:\s+(?:OR|AND|WITH)\s+[A-Za-z0-9.+\-]+)*)")
# Fallback phrases, tried when the edit-distance match fails (e.g. a licence followed by notices).
_PHRASES = [
    ("Apache-2.0", re.compile(r"Apache License,?\s+Version 2\.0", re.I)),
    ("MIT", re.compile(r"Permission is hereby granted, free of charge", re.I)),
    ("BSD-3-Clause", re.compile(r"Neither the name of .{0,200}? nor the names of its", re.I | re.S)),
    ("BSD-2-Clause", re.compile(r"Redistributions in binary form must reproduce", re.I)),
    ("AGPL-3.0", re.compile(r"GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3", re.I)),
    ("LGPL-3.0", re.compile(r"GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3", re.I)),
    ("LGPL-2.1", re.compile(r"GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1", re.I)),
    ("GPL-3.0", re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 3", re.I)),
    ("GPL-2.0", re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 2", re.I)),
    ("MPL-2.0", re.compile(r"Mozilla Public License,?\s+(?:Version|v\.?)\s*2\.0", re.I)),
    ("ISC", re.compile(r"Permission to use, copy, modify, and(?:/or)? distribute this software for any", re.I)),
    ("Unlicense", re.compile(r"This is free and unencumbered software released into the public domain", re.I)),
]
_COPYRIGHT = re.compile(r"^[ \t]*(Copyright|\(C\)) .*$", re.I | re.M)  # not `^\s*`: blank runs backtrack
_WS = re.compile(r"\s+")
_MAX_LICENSE_CHARS = 200_000


def _norm(s: str) -> str:
    # identify.identify.license_id's normalisation (copyright lines out, whitespace collapsed)
    return _WS.sub(" ", _COPYRIGHT.sub("", s)).strip()


@lru_cache(maxsize=1)
def _known_licenses() -> list[tuple[str, str]]:
    from identify.vendor.licenses import LICENSES

    return [(spdx, _norm(text)) for spdx, text in LICENSES]


def _identify_match(text: str) -> str | None:
    """identify's algorithm (exact, else < 5% edit distance) on a string instead of a file."""
    import ukkonen

    norm = _norm(text)
    if not norm:
        return None
    cutoff = math.ceil(0.05 * len(norm))
    best, best_d = None, cutoff
    for spdx, ref in _known_licenses():
        if norm == ref:
            return spdx
        if abs(len(norm) - len(ref)) / len(norm) > 0.05:
            continue
        d = ukkonen.distance(norm, ref, cutoff)
        if d < best_d:
            best, best_d = spdx, d
    return best


def detect_license(text: str) -> str | None:
    """SPDX id of a licence file's text, or None when no licence is recognised."""
    text = text[:_MAX_LICENSE_CHARS]
    tag = _SPDX_TAG.search(text[:4000])
    if tag:
        return tag.group(1).strip()
    spdx = _identify_match(text)
    if spdx:
        return spdx
    head = text[:20000]
    for spdx, pat in _PHRASES:
        if pat.search(head):
            return spdx
    return None


# ---- opt-out ------------------------------------------------------------------------------------


def opt_out_reason(repo: str, path: str, cfg: dict) -> str | None:
    s = cfg["safety"]
    if not s.get("enabled", True):
        return None
    o = s.get("opt_out", {})
    if repo in o.get("repos", ()):
        return "opt_out"
    if any(repo.startswith(p) for p in o.get("owners", ())):
        return "opt_out"
    if any(fnmatch.fnmatchcase(path, g) for g in o.get("paths", ())):
        return "opt_out"
    return None


# ---- licence ------------------------------------------------------------------------------------

_UNKNOWN = {"", "none", "noassertion", "unknown", "other", "no_license", "no-license", "null"}


def _ids(value) -> list[list[str]]:
    """A licence value (SPDX id, expression or list of ids) as alternatives of required ids.

    "MIT OR GPL-2.0" -> [["MIT"], ["GPL-2.0"]]; ["MIT", "BSD-3-Clause"] (a table's list) -> [["MIT", "BSD-3-Clause"]].
    """
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        ids = [str(v).strip() for v in value if str(v).strip().lower() not in _UNKNOWN]
        return [ids] if ids else []
    text = str(value).strip().strip("()")
    if text.lower() in _UNKNOWN:
        return []
    alts = []
    for alt in re.split(r"\s+OR\s+|\s*/\s*", text):
        ids = [re.split(r"\s+WITH\s+", x)[0].strip("() ") for x in re.split(r"\s+AND\s+", alt)]
        ids = [x for x in ids if x]
        if ids:
            alts.append(ids)
    return alts


# Common licence names that tables carry instead of SPDX ids.
_ALIASES = {
    "apache 2.0": "apache-2.0",
    "apache license 2.0": "apache-2.0",
    "apache license, version 2.0": "apache-2.0",
    "apache2": "apache-2.0",
    "apache-2": "apache-2.0",
    "mit license": "mit",
    "expat": "mit",
    "bsd 3-clause": "bsd-3-clause",
    "bsd-3": "bsd-3-clause",
    "new bsd": "bsd-3-clause",
    "bsd 2-clause": "bsd-2-clause",
    "bsd-2": "bsd-2-clause",
    "simplified bsd": "bsd-2-clause",
    "isc license": "isc",
    "the unlicense": "unlicense",
    "public domain": "unlicense",
}


def _canon(spdx: str) -> str:
    low = " ".join(spdx.lower().split())
    low = _ALIASES.get(low, low)
    for suffix in ("-only", "-or-later", "+"):
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    return low


def license_reason(meta: dict, cfg: dict) -> tuple[str, str] | None:
    """('license', detail) when the file's licence is not allowed, else None."""
    s = cfg["safety"]
    lc = s.get("license", {})
    if not s.get("enabled", True) or not lc.get("enabled", True):
        return None
    alts = _ids((meta or {}).get("license"))
    if not alts:
        if lc.get("unknown", "allow") == "drop":
            return ("license", "unknown licence")
        return None
    allowed = {_canon(x) for x in lc.get("allow", ())}
    if any(all(_canon(i) in allowed for i in alt) for alt in alts):
        return None
    return ("license", str(meta.get("license")))


# ---- content blocklists -------------------------------------------------------------------------


def _read_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=8)
def _blocklist_regex(
    terms: tuple[str, ...], patterns: tuple[str, ...], term_files: tuple[str, ...], pattern_files: tuple[str, ...]
) -> re.Pattern | None:
    all_terms = list(terms) + [t for f in term_files for t in _read_lines(f)]
    all_patterns = list(patterns) + [p for f in pattern_files for p in _read_lines(f)]
    alts = [rf"(?<!\w){re.escape(t)}(?!\w)" for t in sorted(set(all_terms), key=len, reverse=True)]
    alts += [f"(?:{p})" for p in all_patterns]
    return re.compile("|".join(alts), re.IGNORECASE) if alts else None


def blocklist_reason(text: str, cfg: dict) -> tuple[str, str] | None:
    """('blocklist', matched text, cut short) when the content hits a blocklisted term or pattern."""
    s = cfg["safety"]
    b = s.get("blocklist", {})
    if not s.get("enabled", True) or not b.get("enabled", True):
        return None
    rx = _blocklist_regex(
        tuple(b.get("terms", ())),
        tuple(b.get("patterns", ())),
        tuple(b.get("term_files", ())),
        tuple(b.get("pattern_files", ())),
    )
    if rx is None:
        return None
    m = rx.search(text)
    return ("blocklist", m.group(0)[:80]) if m else None
