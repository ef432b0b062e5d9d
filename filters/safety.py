"""Safety rules that drop whole repositories or files: opt-out, licence allowlist, content blocklists.

Each rule returns a reason (`opt_out`, `license`, `blocklist`) or None; all are
configured in the `safety` section (SafetyConfig) and each can be switched off. Licence detection for a
repository's LICENSE/COPYING file uses `identify` (pre-commit's file identification
library): the SPDX texts from choosealicense.com matched by normalised edit distance,
offline. An `SPDX-License-Identifier:` tag and a few phrase rules cover what the
edit-distance match misses (licence files with extra text around the licence).
"""

from __future__ import annotations

import fnmatch
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

from repoloom.core.config import choice, items


@dataclass
class OptOutConfig:
    repos: list[str] = items()  # exact repository names ("owner/name")
    owners: list[str] = items()  # owner/name prefixes ("someorg/" drops all of someorg)
    paths: list[str] = items()  # fnmatch globs on the file path within its repository ("secrets/*", "*.pem")


@dataclass
class LicenseConfig:
    enabled: bool = True
    allow: list[str] = items(
        "MIT",
        "Apache-2.0",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "BSD-3-Clause-Clear",
        "ISC",
        "0BSD",
        "Unlicense",
        "CC0-1.0",
        "Zlib",
        "BSL-1.0",
        "PostgreSQL",
        "NCSA",
        "UPL-1.0",
        "MIT-0",
        "Python-2.0",
        "PSF-2.0",
        "WTFPL",
        "X11",
        "AFL-3.0",
        "ECL-2.0",
        "MS-PL",
        "Artistic-2.0",
    )
    unknown: str = choice("allow", "allow", "drop")  # no licence found


@dataclass
class BlocklistConfig:
    enabled: bool = True
    terms: list[str] = items()  # case-insensitive whole-word terms
    patterns: list[str] = items()  # Python regular expressions (keep them linear)
    term_files: list[str] = items()  # files with one term per line ('#' comments)
    pattern_files: list[str] = items()  # files with one regular expression per line


@dataclass
class SafetyConfig:
    """Whole repositories or files that must not be trained on (filters/safety.py). Reasons: opt_out,
    license, blocklist. Licence: the repository's LICENSE/COPYING (detected) or a table's `license`
    column lands in meta["license"]; default: permissive SPDX ids pass, other known licences drop, and
    repositories without a detectable licence pass (so licence-less demo repos still build)."""

    KEY: ClassVar[str] = "safety"
    enabled: bool = True
    opt_out: OptOutConfig = field(default_factory=OptOutConfig)
    license: LicenseConfig = field(default_factory=LicenseConfig)
    blocklist: BlocklistConfig = field(default_factory=BlocklistConfig)


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


def opt_out_reason(repo: str, path: str, s: SafetyConfig) -> str | None:
    if not s.enabled:
        return None
    o = s.opt_out
    if repo in o.repos:
        return "opt_out"
    if any(repo.startswith(p) for p in o.owners):
        return "opt_out"
    if any(fnmatch.fnmatchcase(path, g) for g in o.paths):
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


@lru_cache(maxsize=8)
def _allowed(ids: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_canon(x) for x in ids)


def _canon(spdx: str) -> str:
    low = " ".join(spdx.lower().split())
    low = _ALIASES.get(low, low)
    for suffix in ("-only", "-or-later", "+"):
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    return low


def license_reason(meta: dict, s: SafetyConfig) -> tuple[str, str] | None:
    """('license', detail) when the file's licence is not allowed, else None."""
    lc = s.license
    if not s.enabled or not lc.enabled:
        return None
    alts = _ids((meta or {}).get("license"))
    if not alts:
        if lc.unknown == "drop":
            return ("license", "unknown licence")
        return None
    allowed = _allowed(tuple(lc.allow))
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


def blocklist_reason(text: str, s: SafetyConfig) -> tuple[str, str] | None:
    """('blocklist', matched text, cut short) when the content hits a blocklisted term or pattern."""
    b = s.blocklist
    if not s.enabled or not b.enabled:
        return None
    rx = _blocklist_regex(tuple(b.terms), tuple(b.patterns), tuple(b.term_files), tuple(b.pattern_files))
    if rx is None:
        return None
    m = rx.search(text)
    return ("blocklist", m.group(0)[:80]) if m else None
