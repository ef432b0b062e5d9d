"""PII redaction: findings are replaced by placeholders before any later stage sees the text.

`find_pii(text, p)` (p: the `pii` section, PiiConfig) returns non-overlapping findings with character offsets into
`text`; `apply_redactions` swaps each for its kind's placeholder. Kinds: `email`,
`ip_address`, `key` (provider tokens, private keys, JWTs, high-entropy secrets) and
`password` (see filters/secrets.py). The file stays; only its findings change.

All scans are linear in the text: e-mails are found from their '@' outwards, IPs by
bounded patterns, secrets as described in secrets.py.
"""

from __future__ import annotations

import ipaddress
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar, NamedTuple

from repoloom.core.config import items, share
from repoloom.filters import secrets


@dataclass
class PlaceholdersConfig:
    email: str = "<EMAIL>"
    key: str = "<KEY>"
    password: str = "<PASSWORD>"
    ip_address: str = "<IP_ADDRESS>"


@dataclass
class PiiConfig:
    """PII and secrets are redacted in place (filters/pii.py, filters/secrets.py); counts go to stats by kind."""

    KEY: ClassVar[str] = "pii"
    enabled: bool = True
    emails: bool = True
    ips: bool = True
    secrets: bool = True  # all of the secret rules below; each can be switched off alone
    providers: bool = True  # provider tokens: detect-secrets plugins + extra providers
    plugins: list[str] = items()  # detect-secrets plugin class names; empty = all in filters/secrets.PLUGINS
    private_keys: bool = True
    passwords: bool = True  # password assignments, connection strings, URL credentials
    entropy: bool = True  # quoted high-entropy strings assigned to secret-sounding names
    # CredSweeper's rules and ML validation as a second opinion on secrets (filters/secret_credsweeper.py): more recall,
    # ~17x the stage's CPU (README); needs `pip install 'repoloom[credsweeper]'`
    credsweeper: bool = False
    placeholders: PlaceholdersConfig = field(default_factory=PlaceholdersConfig)
    keep_email_domains: list[str] = items(
        "example.com",
        "example.org",
        "example.net",
        "example",
        "test",
        "invalid",
        "localhost",
        "localdomain",
        "domain.com",
        "email.com",
        "test.com",
        "invalid.com",
    )
    keep_email_locals: list[str] = items(
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "nobody",
        "user",
        "username",
        "you",
        "your.name",
        "yourname",
        "your-email",
        "youremail",
        "someone",
        "somebody",
        "foo",
        "bar",
        "foobar",
        "test",
        "name",
        "email",
        "me",
    )
    keep_emails: list[str] = items("git@github.com", "git@gitlab.com", "git@bitbucket.org", "user@localhost")
    skip_non_public_ips: bool = True  # private, loopback, link-local, documentation, reserved, multicast
    keep_ips: list[str] = items(  # public DNS resolvers
        "8.8.8.8",
        "8.8.4.4",
        "1.1.1.1",
        "1.0.0.1",
        "9.9.9.9",
        "149.112.112.112",
        "208.67.222.222",
        "208.67.220.220",
        "64.6.64.6",
        "64.6.65.6",
        "4.2.2.2",
        "4.2.2.1",
        "2001:4860:4860::8888",
        "2001:4860:4860::8844",
        "2606:4700:4700::1111",
        "2606:4700:4700::1001",
        "2620:fe::fe",
        "2620:fe::9",
    )
    max_redacted_share: float = share(0.4)  # a file whose findings cover more of its text is dropped (pii_dense)


PLACEHOLDERS = {"email": "<EMAIL>", "key": "<KEY>", "password": "<PASSWORD>", "ip_address": "<IP_ADDRESS>"}
# When findings overlap, the more sensitive kind wins (a URL password over the e-mail-shaped tail).
_PRIORITY = {"key": 0, "password": 1, "email": 2, "ip_address": 3}


class Finding(NamedTuple):
    kind: str
    start: int
    end: int
    detector: str = ""


# ---- e-mail -------------------------------------------------------------------------------------

_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?")
# Generic and common TLDs; any two-letter TLD (country codes) is accepted as well. A closed list keeps
# `x@self.weight` (matrix products), `icon@2x.png` and friends out.
_TLDS = frozenset(
    "com org net edu gov mil int info biz name pro aero coop museum mobi jobs travel tel asia cat post xxx "
    "io ai co me tv dev app cloud tech online site xyz email systems solutions digital software network "
    "agency company group team services studio design media news blog shop store live life world global "
    "academy center consulting engineering finance capital ventures partners science works tools codes "
    "space page link click one top club fun host website zone "
    "berlin london paris nyc tokyo amsterdam".split()
)


def _email_keep(p: PiiConfig):
    domains = tuple(d.lower().lstrip("*.") for d in p.keep_email_domains)
    locals_ = frozenset(x.lower() for x in p.keep_email_locals)
    exact = frozenset(x.lower() for x in p.keep_emails)
    return domains, locals_, exact


# Local part, '@', then a dotted domain. The lookbehind makes the pattern start only where a local
# part can start (not inside a longer run), and possessive runs never backtrack: linear time.
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])([A-Za-z0-9._%+\-]{1,64}+)@([A-Za-z0-9][A-Za-z0-9\-]{0,62}+(?:\.[A-Za-z0-9\-]{1,63}+){1,8}+)"
)


def _email_matches(text: str):
    """_EMAIL matches, searched only in windows around the '@'s (most code has few)."""
    n = len(text)
    pos = 0
    ws = we = -1
    last_end = 0
    while True:
        at = text.find("@", pos)
        s, e = max(0, at - 65), min(n, at + 576)
        if at >= 0 and we >= 0 and s <= we and e - ws <= 16384:
            we = e
            pos = at + 1
            continue
        if we >= 0:
            for m in _EMAIL.finditer(text, max(ws, last_end), we):
                last_end = m.end()
                yield m
        if at < 0:
            return
        ws, we = s, e
        pos = at + 1


def find_emails(text: str, p: PiiConfig) -> list[Finding]:
    domains, keep_locals, keep_exact = _email_keep(p)
    out = []
    for m in _email_matches(text):
        local, domain = m.group(1), m.group(2)
        i = m.start(1)
        stripped = local.lstrip(".-")
        i += len(local) - len(stripped)
        local = stripped
        if not local or local.endswith(".") or ".." in local:
            continue
        if i >= 3 and text[i - 1] == ":":
            seg = text[max(0, i - 140) : i - 1]
            j = seg.rfind("://")
            if j >= 0 and not any(c.isspace() or c in "\"'<>/@" for c in seg[j + 3 :]):
                continue  # `scheme://user:pass@host`: the URL-credential rule owns it
        labels = domain.split(".")
        if not all(_LABEL.fullmatch(lb) for lb in labels):
            continue
        tld = labels[-1].lower()
        if not (tld.isalpha() and (len(tld) == 2 or tld in _TLDS)):
            continue
        end = m.end(2)
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue
        low_domain = domain.lower()
        if local.lower() in keep_locals or f"{local}@{domain}".lower() in keep_exact:
            continue
        if any(low_domain == d or low_domain.endswith("." + d) for d in domains):
            continue
        out.append(Finding("email", i, end, "Email"))
    return out


# ---- IP addresses -------------------------------------------------------------------------------

# Patterns start with a character class (the engine scans for it quickly); the left boundary,
# which a lookbehind would check at every position, is checked on the few candidates instead.
_IPV4 = re.compile(
    r"\d\d{0,2}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)"
)  # `\d\d{0,2}`, not `\d{1,3}`: a leading class lets the engine skip ahead
# Hex groups and colons, at least two colons; validated by `ipaddress` afterwards.
_IPV6 = re.compile(
    r"(?=[0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:|:){2,8}+(?:[0-9A-Fa-f]{1,4})?(?![\w:.])"
)  # lookahead: skip ahead by class
# A reported address is ASCII (ipaddress rejects other digits), so a class image of the UTF-8 bytes says
# cheaply which texts can hold one: d a digit, a a hex letter, p a dot, c a colon, " " anything else.
# IPv4 needs an octet between two dots (pdp, pddp or pdddp); IPv6 of three or more groups needs a group
# of 1-4 hex digits between two colons. Most code has neither, and its regex scans are skipped.
_IP_MARK = bytes(
    ord(
        "d"
        if chr(c) in string.digits
        else "a"
        if chr(c) in "abcdefABCDEF"
        else "p"
        if c == 46
        else "c"
        if c == 58
        else " "
    )
    for c in range(256)
)
_IPV6_IMAGE = re.compile(rb"c[da]{1,4}c")
_VERSION_CONTEXT = re.compile(
    r"(?i)(?:version|\bver\b|\bv\b|release|\brev\b|build|sdk|==|>=|<=|~=|\^|@)[\s:=\"'(_]{0,6}$"
)
_DOC_NETS = tuple(
    ipaddress.ip_network(n)
    for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "100.64.0.0/10")
)


@lru_cache(maxsize=16)
def _keep_ips(items: tuple[str, ...]) -> frozenset:
    return frozenset(ipaddress.ip_address(x) for x in items)


def _ip_skipped(ip, p: PiiConfig) -> bool:
    if ip in _keep_ips(tuple(p.keep_ips)):
        return True
    if not p.skip_non_public_ips:
        return False
    return (
        not ip.is_global
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or any(ip in net for net in _DOC_NETS if net.version == ip.version)
    )


def _may_hold_ips(text: str) -> tuple[bool, bool]:
    """Whether the text can hold a reportable IPv4 and IPv6 address (see _IP_MARK)."""
    image = text.encode("utf-8", "surrogatepass").translate(_IP_MARK)
    return b"pdp" in image or b"pddp" in image or b"pdddp" in image, bool(_IPV6_IMAGE.search(image))


def find_ips(text: str, p: PiiConfig) -> list[Finding]:
    out = []
    v4, v6 = _may_hold_ips(text)
    for m in _IPV4.finditer(text) if v4 else ():
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_."):
            continue
        s = m.group(0)
        parts = s.split(".")
        if sum(len(p) == 1 for p in parts) >= 3 or len(set(parts)) == 1:
            continue  # 1.2.3.4, 2.4.8.19, 123.123.123.123: versions and placeholders far more than addresses
        if text.startswith("-", m.end()) and text[m.end() + 1 : m.end() + 2].isalpha():
            continue  # 14.3.127.18-node.10, 1.20.3.4-beta: a version with a suffix
        lo = max(0, m.start() - 24)
        ls = text.rfind("\n", lo, m.start()) + 1  # bounded: long lines must not make this quadratic
        if _VERSION_CONTEXT.search(text, max(ls, lo), m.start()):
            continue
        try:
            ip = ipaddress.IPv4Address(s)
        except ValueError:
            continue
        if not _ip_skipped(ip, p):
            out.append(Finding("ip_address", m.start(), m.end(), "IPv4"))
    if v6:
        for m in _IPV6.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_:."):
                continue
            s = m.group(0)
            groups = [g for g in s.split(":") if g]
            if len(groups) < 3 or not any(c.isdigit() for c in s):
                continue  # `dead::beef`, `a:b:c` and other code tokens
            try:
                ip = ipaddress.IPv6Address(s)
            except ValueError:
                continue
            if not _ip_skipped(ip, p):
                out.append(Finding("ip_address", m.start(), m.end(), "IPv6"))
    return out


# ---- all together -------------------------------------------------------------------------------


def _pick(cluster: list[Finding]) -> list[Finding]:
    ordered = sorted(cluster, key=lambda f: (_PRIORITY.get(f.kind, 9), -(f.end - f.start), f.start))
    out: list[Finding] = []
    for f in ordered:
        if not any(f.start < g.end and g.start < f.end for g in out):
            out.append(f)
    return out


def _resolve(findings: list[Finding]) -> list[Finding]:
    """Drop findings that overlap a more sensitive (then longer, then earlier) one; sort by start.

    Findings are swept into clusters of mutually overlapping spans, so the cost stays
    O(n log n) however many findings a file has; only (rare) clusters are compared pairwise.
    """
    out: list[Finding] = []
    cluster: list[Finding] = []
    cluster_end = -1
    for f in sorted((f for f in findings if f.end > f.start), key=lambda f: (f.start, -f.end)):
        if cluster and f.start >= cluster_end:
            out.extend(_pick(cluster) if len(cluster) > 1 else cluster)
            cluster = []
        cluster.append(f)
        cluster_end = max(cluster_end, f.end) if len(cluster) > 1 else f.end
    if cluster:
        out.extend(_pick(cluster) if len(cluster) > 1 else cluster)
    return sorted(out, key=lambda f: f.start)


def find_pii(text: str, p: PiiConfig, path: str = "") -> list[Finding]:
    """Non-overlapping PII/secret findings in `text`, sorted by offset, under the `pii` section. `path` (the file's
    name in its repository) is read only by the CredSweeper pass, whose rules and model weigh the extension."""
    found: list[Finding] = []
    if p.emails:
        found.extend(find_emails(text, p))
    if p.ips:
        found.extend(find_ips(text, p))
    if p.secrets:
        found.extend(Finding(h.kind, h.start, h.end, h.detector) for h in secrets.find_secrets(text, p))
        if p.credsweeper:  # after our rules; _resolve merges what both found
            from repoloom.filters.secret_credsweeper import credsweeper_hits

            found.extend(Finding(h.kind, h.start, h.end, h.detector) for h in credsweeper_hits(text, path))
    return _resolve(found)


def redacted_share(text: str, findings: list[Finding]) -> float:
    """Share of the text's characters covered by findings (findings do not overlap)."""
    if not text:
        return 0.0
    return sum(f.end - f.start for f in findings) / len(text)


def apply_redactions(text: str, findings: list[Finding], placeholders: PlaceholdersConfig | None = None) -> str:
    ph = {**PLACEHOLDERS, **(vars(placeholders) if placeholders else {})}
    parts, pos = [], 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.start < pos:
            continue
        parts.append(text[pos : f.start])
        parts.append(ph.get(f.kind, "<REDACTED>"))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def count_kinds(findings: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return counts
