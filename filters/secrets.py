"""Secrets in source text: provider tokens, private keys, generic high-entropy keys, passwords.

Provider tokens come from detect-secrets' own plugins (their compiled patterns and
validators), run over the whole text in memory: no temporary file per document and
no per-line Python loop over every plugin (the slow part of detect-secrets' scanner).
What the library misses or handles weakly is added here: whole private-key blocks,
passwords in assignments and connection strings, credentials in URLs, a few more
providers. The entropy plugins only count behind post-filters (keyword context,
hashes, UUIDs, sequential and templated strings) because code is full of random-looking
data that is not secret.

Every pattern here is linear: bounded repetitions, character classes that cannot
overlap their delimiters, possessive quantifiers where a run is followed by a test,
and plugins whose patterns can backtrack badly (`.+` before a literal) only run on
short windows around a literal hint.
"""

from __future__ import annotations

import base64
import heapq
import re
import string
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, NamedTuple

from detect_secrets.filters.heuristic import is_potential_uuid
from detect_secrets.plugins import (
    artifactory,
    aws,
    azure_storage_key,
    discord,
    github_token,
    gitlab_token,
    jwt,
    mailchimp,
    npm,
    openai,
    pypi_token,
    sendgrid,
    slack,
    square_oauth,
    stripe,
    telegram_token,
    twilio,
)
from detect_secrets.plugins.high_entropy_strings import Base64HighEntropyString, HexHighEntropyString

from repoloom.filters import assignments
from repoloom.filters.secret_values import (
    CAMEL_RUN,
    DIGIT_LETTER,
    DOTTED_IDENT,
    LEET,
    PW_BAD_VALUES,
    PW_SUFFIX_WORDS,
    VOWELS,
    WORD_SEGMENT,
    bearer_word,
    char_classes,
    chosen_camel,
    encoded_placeholder,
    few_vowels,
    has_camel_words,
    is_b64_line,
    is_placeholder,
    looks_generated,
    looks_random,
    password_value_ok,
    random_letters,
    repeated_block,
    shannon_entropy,
    short_token,
    stand_in,
    symbol_literal,
    typed_by_hand,
    word_literal,
    words_and_numbers,
    words_only,
)

if TYPE_CHECKING:  # pii.py imports this module
    from repoloom.filters.pii import PiiConfig


class Hit(NamedTuple):
    kind: str  # "key" or "password": the placeholder family
    start: int
    end: int
    detector: str  # which rule fired, for stats and evaluation


# detect-secrets provider plugins used by default. IBM Cloud IAM / COS HMAC, Cloudant and
# Softlayer are left out: their assignment patterns chain three space quantifiers
# (` *(?:= | +) *`), which backtracks polynomially on long runs of spaces.
PLUGINS = {
    "AWSKeyDetector": aws.AWSKeyDetector,
    "ArtifactoryDetector": artifactory.ArtifactoryDetector,
    "AzureStorageKeyDetector": azure_storage_key.AzureStorageKeyDetector,
    "DiscordBotTokenDetector": discord.DiscordBotTokenDetector,
    "GitHubTokenDetector": github_token.GitHubTokenDetector,
    "GitLabTokenDetector": gitlab_token.GitLabTokenDetector,
    "JwtTokenDetector": jwt.JwtTokenDetector,
    "MailchimpDetector": mailchimp.MailchimpDetector,
    "NpmDetector": npm.NpmDetector,
    "OpenAIDetector": openai.OpenAIDetector,
    "PypiTokenDetector": pypi_token.PypiTokenDetector,
    "SendGridDetector": sendgrid.SendGridDetector,
    "SlackDetector": slack.SlackDetector,
    "SquareOAuthDetector": square_oauth.SquareOAuthDetector,
    "StripeDetector": stripe.StripeDetector,
    "TelegramBotTokenDetector": telegram_token.TelegramBotTokenDetector,
    "TwilioKeyDetector": twilio.TwilioKeyDetector,
}

# Literal hints: a plugin pattern runs only on line-bounded windows around occurrences of its hint.
# Needed where a pattern has an unbounded `.+` (npm), and a large speed-up where a pattern starts
# with a character class or alternation that defeats the regex engine's literal-prefix search.
# Every hint is a substring of any match of the pattern, so recall is unchanged.
_HINTS = {
    ("ArtifactoryDetector", 0): "AKC",
    ("ArtifactoryDetector", 1): re.compile(r"AP[\dABCDEF]"),  # not `AP`: API, APP are everywhere
    ("MailchimpDetector", 0): re.compile(r"-us\d"),
    # the quoted 40-character value the pattern ends with; its `aws.{0,20}?…{0,20}?` prefix is costly
    ("AWSKeyDetector", 1): re.compile(r"['\"][0-9a-zA-Z/+]{40}['\"]"),
}
# Gates: a pattern runs (on the whole text) only if one of these literals occurs in it; `in` on a
# string is far cheaper than a regex scan, and each literal is part of every match.
# One scan per group of literals: a pattern that starts with a literal (`gh`, `gl`, `A`) is searched for
# that literal at C speed, where a tuple of literals would cost one `in` scan each.
_GITHUB_GATE = re.compile(r"gh[pousr]_")
_GITLAB_GATE = re.compile(r"gl(?:pat|dt|ft|soat|rt|cbt|imt|ptt|agent|oas)-")  # one literal first: no top-level `|`
_GATES = {
    ("AWSKeyDetector", 0): re.compile(r"A(?:3T|BIA|CCA|KIA|SIA)"),
    ("AzureStorageKeyDetector", 0): ("AccountKey=",),
    ("GitHubTokenDetector", 0): _GITHUB_GATE,
    ("GitLabTokenDetector", 0): _GITLAB_GATE,
    ("GitLabTokenDetector", 1): ("GR1348941",),
    ("GitLabTokenDetector", 2): _GITLAB_GATE,
    ("GitLabTokenDetector", 3): _GITLAB_GATE,
    ("GitLabTokenDetector", 4): _GITLAB_GATE,
    ("GitLabTokenDetector", 5): _GITLAB_GATE,
    ("GitLabTokenDetector", 6): _GITLAB_GATE,
    ("JwtTokenDetector", 0): ("eyJ",),
    ("OpenAIDetector", 0): ("T3BlbkFJ",),
    ("PypiTokenDetector", 0): re.compile(r"pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)"),
    ("PypiTokenDetector", 1): re.compile(r"pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)"),
    ("SendGridDetector", 0): ("SG.",),
    ("SlackDetector", 1): ("hooks.slack.com", "HOOKS.SLACK.COM", "Hooks.Slack.Com"),
    ("SquareOAuthDetector", 0): ("sq0csp-",),
    ("StripeDetector", 0): ("k_live_",),
    ("SlackDetector", 0): ("xox",),
}
# Patterns rewritten with a leading character class (same matches): the regex engine skips ahead by a
# class it sees first, but tries every position when a pattern starts with a repeat (`\d{8,10}`).
_REWRITTEN = {("TelegramBotTokenDetector", 0): (r"\d{8,10}:", r"\d\d{7,9}:")}
# Patterns rewritten to start only at a token boundary: detect-secrets' JWT pattern re-scans a long
# run of token characters from every `eyJ` inside it (quadratic on `eyJeyJeyJ…`).
_ANCHORED = {("JwtTokenDetector", 0): r"(?<![A-Za-z0-9\-_=])"}
# NpmDetector's `//.+/:_authToken=` is quadratic on long lines; _npm_auth_tokens implements it linearly.
_SPECIAL = {"NpmDetector"}
_HINT_WINDOW = 512
_MAX_WINDOW = 8192

# Providers detect-secrets does not cover (patterns from the providers' documented formats), each with
# a literal hint that must occur for the pattern to be tried. Patterns start with a literal so the
# regex engine can skip ahead; the left word boundary is checked afterwards.
EXTRA_PROVIDERS = {
    "GoogleApiKey": ("AIza", re.compile(r"AIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])")),
    "GitHubFineGrainedToken": ("github_pat_", re.compile(r"github_pat_[0-9A-Za-z_]{82}(?![0-9A-Za-z_])")),
    "AnthropicKey": ("sk-ant-", re.compile(r"sk-ant-(?:api|admin)\d\d-[0-9A-Za-z_\-]{80,120}+(?![0-9A-Za-z_\-])")),
    "OpenAIProjectKey": ("sk-", re.compile(r"sk-(?:proj|svcacct|admin)-[0-9A-Za-z_\-]{40,200}+(?![0-9A-Za-z_\-])")),
    "HuggingFaceToken": ("hf_", re.compile(r"hf_[A-Za-z]{34}(?![0-9A-Za-z_])")),
    "NpmToken": ("npm_", re.compile(r"npm_[A-Za-z0-9]{36}(?![0-9A-Za-z_])")),
    "StripeTestOrRestrictedKey": ("_test_", re.compile(r"[sr]k_test_[0-9A-Za-z]{24,99}+(?![0-9A-Za-z])")),
    "SlackWebhook": (
        "hooks.slack.com",
        re.compile(r"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9_/]{20,120}+"),
    ),
    "DigitalOceanToken": ("_v1_", re.compile(r"do[opr]_v1_[a-f0-9]{64}(?![a-f0-9])")),
    "ShopifyToken": ("shp", re.compile(r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![a-fA-F0-9])")),
    "AlibabaAccessKeyId": ("LTAI", re.compile(r"LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])")),
    "AzureConnectionString": ("Key=", re.compile(r"(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{40,100}+={0,2}")),
    "AstraDbToken": ("AstraCS:", re.compile(r"AstraCS:[A-Za-z]{24}:[a-f0-9]{64}(?![A-Za-z0-9])")),
    # Azure DevOps personal access tokens (2024 format): 84 characters, `JQQJ9` at 52 and `AZDO` at 76
    "AzureDevOpsPat": (
        "AZDO",
        re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ9[0-9A-Z][A-Za-z0-9]{18}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])"),
    ),
    # Salesforce session / access tokens: the 15-character org id (`00D…`), `!`, then the session part
    "SalesforceAccessToken": ("00D", re.compile(r"00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]{80,255}+(?![0-9A-Za-z._])")),
}

_PRIVATE_BEGIN = re.compile(r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_PRIVATE_END = re.compile(r"-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_B64_CHARS = re.compile(r"[A-Za-z0-9+/=]")
_PRIVATE_MAX = 65536

# scheme://user:password@host ; the user part cannot contain ':' or '@', so the split is unique.
# The user part may hold '@' (an e-mail address as the login: `smtps://me@gmail.com:pw@smtp.gmail.com`).
_URL_CRED = re.compile(r"([^\s:/?#'\"<>\\`]{0,128}+):([^\s/?#@'\"<>\\`]{1,256}+)@(?=[A-Za-z0-9\[])")

# Passwords in assignments: the key must contain one of these stems; we find stems by a literal
# search and parse around them with anchored patterns (no scan from every position).
_PW_STEM = re.compile(r"(?i)pass|pwd|pw(?![a-z])|ps+w(?:o?r)?d|pasw(?:o?r)?d|비밀번호|비번|암호|패스워드")
_IDENT_CHARS = set(string.ascii_letters + string.digits + "_.-")
_PW_WORDS = (
    "password",
    "passwd",
    "passphrase",
    "passcode",
    "passwort",
    "contrasena",
    "motdepasse",
    "비밀번호",
    "비번",
    "암호",
    "패스워드",
)
_PW_COMPONENTS = {
    "pass",
    "pwd",
    "pw",
    "pword",
    "pswd",
    "psswd",
    "pswrd",
    "psword",
    "psswrd",
    "pssword",
    "paswd",
    "paswrd",
    "pasword",
    "passwrd",
}
# `mysqlpass`, `adminpwd`: a password stem ending a joined-up name, but not these words
_PW_SUFFIXES = ("pass", "pwd", "passwd")
# Key components that make a password-ish name something else (a label, a rule, a URL, a hash...).
_PW_KEY_STOP = {
    "algorithm",
    "algo",
    "alg",
    "cipher",
    "scheme",
    # switches (`--disabled-password user`, `--no-password`, `--ask-password`) and `--password-stdin`
    "stdin",
    "disabled",
    "disable",
    "no",
    "allow",
    "ask",
    "skip",
    "empty",
    "without",
    "reset",
    "forgot",
    "field",
    "label",
    "hint",
    "prompt",
    "placeholder",
    "policy",
    "length",
    "len",
    "min",
    "max",
    "regex",
    "re",
    "pattern",
    "url",
    "uri",
    "path",
    "file",
    "type",
    "mode",
    "input",
    "column",
    "col",
    "title",
    "text",
    "message",
    "msg",
    "error",
    "err",
    "hash",
    "hashed",
    "salt",
    "validator",
    "strength",
    "expiry",
    "expires",
    "expired",
    "expiration",
    "rule",
    "rules",
    "count",
    "attempts",
    "required",
    "enabled",
    "visible",
    "widget",
    "form",
    "check",
    "compare",
    "verify",
    "encoder",
    "handler",
    "provider",
    "manager",
    "service",
    "strategy",
    "class",
    "id",
    "key",
    "name",
    "template",
    "prefix",
    "suffix",
    "style",
    "icon",
    "button",
    "btn",
    "view",
    "dialog",
    "page",
    "route",
    "endpoint",
    "api",
    "event",
    "callback",
}

# Generic keys: quoted high-entropy strings assigned to a secret-sounding name on the same line.
_B64_PLUGIN = Base64HighEntropyString()
_HEX_PLUGIN = HexHighEntropyString()
_QUOTED = re.compile(r"""(["'`])([^\s"'`\\]{16,512}+)\1""")
_B64URL_SET = frozenset(string.ascii_letters + string.digits + "+/=_-")
_NOT_A_KEY = re.compile(r"://|^[/.$%{<]|[{}]|^[\w.\-]+:\d+$|^[\w.\-]+@[\w.\-]+$")
_KEY_CONTEXT = re.compile(
    r"(?i)(?:secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|client[_\-]?secret|auth|"
    r"credential|bearer|signing[_\-]?key|encryption[_\-]?key|session[_\-]?key|app[_\-]?key|master[_\-]?key)"
    r"""[\w\-]{0,30}['"\]]?\s{0,4}(?::=|=>|[=:(,]|\s)\s{0,4}[\[({]?\s{0,4}(?:b|r|u|f)?$"""
)
_HASH_CONTEXT = re.compile(r"(?i)sha|md5|hash|digest|checksum|fingerprint|etag|integrity|crc|nonce|salt|uuid|guid")
_BEARER_SHORT = re.compile(r"[Bb]earer:?+[ \t]{1,4}([A-Za-z0-9]{8,23}+)(?![A-Za-z0-9\-._~+/=])")
# Stripe secret and restricted keys with a body shorter than real ones (test fixtures, docs): `sk_test_KOWobxXidxNlIx`
_STRIPE_SHORT = re.compile(r"(?<![A-Za-z0-9_])[rs]k_(?:live|test)_([A-Za-z0-9]{10,99}+)(?![A-Za-z0-9_])")
_HEADER_BEFORE = re.compile(r"""uthorization["']?[ \t]{0,4}+[:=,][ \t]{0,4}+["'`]?$""")


_BEARER = re.compile(r"[Bb]earer:?+[ \t]{1,4}([A-Za-z0-9\-._~+/]{24,512}+=*)")  # `Bearer <t>`, `Bearer: <t>`


@lru_cache(maxsize=16)
def _compiled_plugins(names: tuple[str, ...]) -> list[tuple[str, re.Pattern, object, object, object, tuple | None]]:
    out = []
    for name in names:
        cls = PLUGINS[name]
        plugin = cls()
        if name in _SPECIAL:
            continue
        for k, pat in enumerate(plugin.denylist):
            # re.M keeps per-line anchors (`^`/`$`) meaning what they mean in detect-secrets' line scan.
            hint = _HINTS.get((name, k), "")
            source = _ANCHORED.get((name, k), "") + pat.pattern
            if (name, k) in _REWRITTEN:
                was, now = _REWRITTEN[(name, k)]
                assert source.startswith(was), (name, source)
                source = now + source[len(was) :]
            shape = (name, k) if (name, k) in _SHAPE_GATES else None
            out.append((name, re.compile(source, pat.flags | re.M), plugin, hint, _GATES.get((name, k), ()), shape))
    return out


def _windows(text: str, hint) -> Iterator[tuple[int, int]]:
    """Line-bounded windows reaching _HINT_WINDOW characters either side of each occurrence of `hint`.

    Nearby windows merge (so a match is never cut), up to _MAX_WINDOW characters; past that a new
    window starts, overlapping the last, and the caller drops duplicate hits.
    """
    if isinstance(hint, str):

        def occurrences():
            pos = 0
            while (i := text.find(hint, pos)) >= 0:
                yield i
                pos = i + len(hint)

        hits = occurrences()
    else:
        hits = (m.start() for m in hint.finditer(text))
    cur_s = cur_e = -1
    for i in hits:
        lo, hi = max(0, i - _HINT_WINDOW), min(len(text), i + _HINT_WINDOW)
        ls = text.rfind("\n", lo, i) + 1  # searches bounded to the window: no rescans of long lines
        le = text.find("\n", i, hi)
        s, e = max(ls, lo), (hi if le < 0 else le)
        if cur_e >= 0 and s <= cur_e and e - cur_s <= _MAX_WINDOW:
            cur_e = max(cur_e, e)
            continue
        if cur_e >= 0:
            yield cur_s, cur_e
        cur_s, cur_e = s, e
    if cur_e >= 0:
        yield cur_s, cur_e


_RUN_CHARS = string.ascii_letters + string.digits + "_-."
_RUN_MARK = bytes((ord("a") if chr(c) in _RUN_CHARS else ord(" ")) for c in range(256))  # token characters -> a
# Gates for patterns with no literal, on ASCII text: a translated copy holds a fixed needle wherever the
# pattern can match (bytes.find runs at memory speed; the pattern's regex would try every digit/letter).
_DIGIT_MARK = bytes((ord("0") if chr(c).isdigit() else c if chr(c) == ":" else ord(" ")) for c in range(256))
_SHAPE_GATES = {
    # `\d{8,10}:` then the token: eight digits and a colon
    ("TelegramBotTokenDetector", 0): (_DIGIT_MARK, b"00000000:"),
    # `[MNO]…{23,25}\.…{6}\.…{27}`: a run of at least 59 token characters (letters, digits, `_-.`)
    ("DiscordBotTokenDetector", 0): (_RUN_MARK, b"a" * 59),
}


def _shape_gate_open(text: str, key: tuple[str, int], marked: dict) -> bool:
    table, needle = _SHAPE_GATES[key]
    if not text.isascii():
        return True
    if table not in marked:
        marked[table] = text.encode("ascii").translate(table)
    return needle in marked[table]


def _plugin_hits(text: str, names: tuple[str, ...]) -> Iterator[Hit]:
    seen: set[tuple[int, int]] = set()
    gate_open: dict[int, bool] = {}  # a gate shared by several patterns is looked at once
    marked: dict[bytes, bytes] = {}
    for name, pat, plugin, hint, gate, shape in _compiled_plugins(names):
        if shape and not _shape_gate_open(text, shape, marked):
            continue
        if gate:
            if id(gate) not in gate_open:
                gate_open[id(gate)] = (
                    gate.search(text) is not None if isinstance(gate, re.Pattern) else any(g in text for g in gate)
                )
            if not gate_open[id(gate)]:
                continue
        spans = _windows(text, hint) if hint else [(0, len(text))]
        for ws, we in spans:
            for m in pat.finditer(text, ws, we):
                if hint and m.span() in seen:
                    continue
                seen.add(m.span())
                # Like detect-secrets' findall, the first non-empty group is the secret, unless it is
                # only a short prefix alternation (`(ghp|gho|…)_…`): then the whole match is.
                g = next((i for i in range(1, (pat.groups or 0) + 1) if m.group(i)), 0)
                if g and len(m.group(g)) < 16:
                    g = 0
                s, e = m.span(g)
                value = text[s:e]
                if name == "JwtTokenDetector":
                    # the plugin's pattern stops before the signature (lazy tail); redact it too
                    while e < len(text) and (text[e].isalnum() or text[e] in "-_.+/="):
                        e += 1
                    value = text[s:e].rstrip(".")
                    e = s + len(value)
                    if not plugin.is_formally_valid(value):
                        continue
                if name == "ArtifactoryDetector":
                    value = value.strip(' \t\r\n=:"')
                    s = text.find(value, s, e)
                    e = s + len(value)
                if name == "AWSKeyDetector" and not g and (s and text[s - 1].isalnum() or text[e : e + 1].isalnum()):
                    continue  # `TODAYINASIAASACKOFRICEFELLOVER`: inside a longer word
                if name in (
                    "TwilioKeyDetector",
                    "ArtifactoryDetector",
                    "DiscordBotTokenDetector",
                    "TelegramBotTokenDetector",
                    "MailchimpDetector",
                ) and not looks_random(value):
                    continue
                if is_placeholder(value) or is_potential_uuid(value):
                    continue
                if name != "JwtTokenDetector" and typed_by_hand(value):
                    continue
                if name == "SlackDetector" and words_only(value.rsplit("-", 1)[-1]):
                    continue  # `xoxp-1-RANDOMSTRINGHERE`, `xoxe.xoxp-1-initial`
                yield Hit("key", s, e, name)


_NPM_VALUE = re.compile(r"=[ \t]{0,8}+(npm_[A-Za-z0-9_\-]{8,200}+|[A-Fa-f0-9\-]{36}(?![A-Fa-f0-9\-]))")


def _npm_auth_tokens(text: str) -> Iterator[Hit]:
    """NpmDetector's `//…/:_authToken=<token>` (.npmrc), found from the literal instead of from every `//`."""
    pos = 0
    while (i := text.find("/:_authToken", pos)) >= 0:
        pos = i + 12
        lo = max(0, i - _HINT_WINDOW)
        ls = max(text.rfind("\n", lo, i) + 1, lo)
        if text.find("//", ls, i) < 0:
            continue
        m = _NPM_VALUE.match(text, pos)
        if m and not is_placeholder(m.group(1)):
            yield Hit("key", m.start(1), m.end(1), "NpmDetector")


def _extra_hits(text: str) -> Iterator[Hit]:
    for name, (hint, pat) in EXTRA_PROVIDERS.items():
        if hint not in text:
            continue
        for m in pat.finditer(text):
            s = m.start()
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_") and not pat.pattern.startswith("(?:"):
                continue
            if not is_placeholder(m.group(0)) and not typed_by_hand(m.group(0)):
                yield Hit("key", s, m.end(), name)
    yield from _jwts_after_equals(text)
    yield from _azure_client_secrets(text)
    if "k_live_" in text or "k_test_" in text:
        for m in _STRIPE_SHORT.finditer(text):
            tail = m.group(1)
            if looks_random(tail) and not is_placeholder(tail) and not typed_by_hand(tail):
                yield Hit("key", m.start(), m.end(), "StripeKey")
    if "earer" in text:
        for m in _BEARER.finditer(text):
            v = m.group(1)
            if looks_random(v) and not is_placeholder(v):
                yield Hit("key", m.start(1), m.end(1), "BearerToken")
        for m in _BEARER_SHORT.finditer(text):
            if short_token(m.group(1)):  # `Authorization: Bearer h480djs93hd8`: a short generated token
                yield Hit("key", m.start(1), m.end(1), "BearerToken")
            elif _HEADER_BEFORE.search(text, max(0, m.start() - 24), m.start()) and bearer_word(m.group(1)):
                yield Hit("key", m.start(1), m.end(1), "BearerToken")  # `Authorization: Bearer masterkey`
    yield from _authorization_headers(text)


# `Authorization: Basic <base64 of user:password>`, `Authorization: token <t>` (GitHub), `Token <t>`, `Bot <t>`
_AUTH_HEADER = re.compile(
    r"""uthorization["']?[ \t]{0,4}+[:=,][ \t]{0,4}+["'`]?"""
    r"""(?P<scheme>Basic|token|Token|TOKEN|Bot|SSWS|Splunk|GenieKey|Apikey|ApiKey)[ \t]{1,4}+"""
    r"""(?P<v>[A-Za-z0-9\-._~+/]{8,684}+=*)"""
)


def _authorization_headers(text: str) -> Iterator[Hit]:
    if "uthorization" not in text:
        return
    for m in _AUTH_HEADER.finditer(text):
        v = m.group("v")
        if m.group("scheme") == "Basic":
            try:
                decoded = base64.b64decode(v + "=" * (-len(v) % 4), validate=True).decode("ascii")
            except (ValueError, UnicodeDecodeError):
                continue
            user, sep, pw = decoded.partition(":")
            if sep and decoded.isprintable() and len(pw) >= 4 and password_value_ok(pw, quoted=True):
                yield Hit("password", m.start("v"), m.end("v"), "BasicAuthHeader")
        elif len(v) >= 16 and looks_random(v) and not is_placeholder(v) and not typed_by_hand(v):
            yield Hit("key", m.start("v"), m.end("v"), "AuthorizationToken")


# Microsoft Entra (Azure AD) client secrets: three characters, a digit, `Q~`, then 31-34 more
_AZURE_SECRET_TAIL = re.compile(r"Q~[A-Za-z0-9_~.\-]{31,34}+(?![A-Za-z0-9_~.\-])")
_AZURE_SECRET_HEAD = re.compile(r"[A-Za-z0-9_~.]{3}\d")


def _azure_client_secrets(text: str) -> Iterator[Hit]:
    """`abc8Q~…`: found from the `Q~` literal, the four characters before it checked in place."""
    pos = 0
    while (i := text.find("Q~", pos)) >= 0:
        pos = i + 2
        s = i - 4
        if s < 0 or not _AZURE_SECRET_HEAD.fullmatch(text, s, i) or s and text[s - 1] in _AZURE_CHARS:
            continue
        m = _AZURE_SECRET_TAIL.match(text, i)
        if m and looks_random(text[s : m.end()]) and not typed_by_hand(text[s : m.end()]):
            yield Hit("key", s, m.end(), "AzureClientSecret")
            pos = m.end()


_AZURE_CHARS = frozenset(string.ascii_letters + string.digits + "_~.")


_JWT_AT = re.compile(r"eyJ[A-Za-z0-9\-_=]{1,8192}+\.[A-Za-z0-9\-_=]{1,8192}+(?:\.[A-Za-z0-9\-_.+/=]{0,8192}+)?")
_JWT_RUN = re.compile(r"[A-Za-z0-9\-_=]*+")


def _jwts_after_equals(text: str) -> Iterator[Hit]:
    """`…=eyJ…` (query strings, cookies, `KEY=eyJ…` lines): detect-secrets' JWT pattern, anchored there, and
    its validity check (the header and payload decode to JSON). A failed try skips the rest of its run, so
    `=eyJ=eyJ=eyJ…` stays linear."""
    pos = 0
    plugin = None
    while (i := text.find("=eyJ", pos)) >= 0:
        m = _JWT_AT.match(text, i + 1)
        if not m:
            pos = _JWT_RUN.match(text, i + 1).end()
            continue
        pos = m.end()
        value = m.group(0).rstrip(".")
        if plugin is None:
            plugin = jwt.JwtTokenDetector()
        if plugin.is_formally_valid(value) and not is_placeholder(value):
            yield Hit("key", m.start(), m.start() + len(value), "JwtTokenDetector")


def private_key_blocks(text: str) -> Iterator[Hit]:
    """`-----BEGIN … PRIVATE KEY-----` through the matching END (or the base64 lines that follow).

    A bare header without a body (a parser's constant) is not a key and is left alone.
    """
    pos = 0
    while True:
        m = _PRIVATE_BEGIN.search(text, pos)
        if not m:
            return
        end_m = _PRIVATE_END.search(text, m.end(), m.end() + _PRIVATE_MAX)
        if end_m:
            end = end_m.end()
        else:  # no END: take the rest of the header line and the base64 lines after it
            end = text.find("\n", m.end(), m.end() + 4096)  # a one-line (escaped) key fits 4096
            end = min(len(text), m.end() + 4096) if end < 0 else end
            while end < len(text) and end - m.start() < _PRIVATE_MAX:
                nxt = text.find("\n", end + 1, end + 4096)
                if nxt < 0:
                    break
                if not is_b64_line(text[end + 1 : nxt]):
                    break
                end = nxt
        body = text[m.end() : (end_m.start() if end_m else end)].replace("\\n", "")
        if len(_B64_CHARS.findall(body)) >= 64:
            yield Hit("key", m.start(), end, "PrivateKey")
        pos = end if end > m.end() else m.end()


_URL_HOST_END = re.compile(r"[^\s/?#'\"<>\\`]{0,256}+")


def url_credentials(text: str) -> Iterator[Hit]:
    """The password in `scheme://user:password@host`."""
    pos = 0
    while (i := text.find("://", pos)) >= 0:
        pos = i + 3
        if i < 2 or not text[i - 1].isalnum():
            continue
        m = _URL_CRED.match(text, i + 3)
        if not m:
            continue
        user, pw = m.group(1), m.group(2)
        pw_end = m.end(2)
        # `user:p@ss@host`: an unescaped `@` in the password; the host follows the last `@` of the authority
        host = _URL_HOST_END.match(text, m.end())
        last_at = text.rfind("@", m.end(), host.end())
        if last_at >= 0:
            pw_end = last_at
            pw = text[m.start(2) : pw_end]
        if password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start(2), pw_end, "UrlPassword")
        if len(user) >= 20 and looks_random(user) and _key_value_ok(text, user, m.start(1), "strong"):
            # a token as the user name (`https://<token>:x-oauth-basic@github.com`): the user part is the key
            yield Hit("key", m.start(1), m.end(1), "UrlUserToken")


def lowered(text: str) -> str:
    """`text` lowercased with the same offsets (str.lower may lengthen a few non-ASCII letters)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def _stem_starts(low: str, stems: tuple[str, ...]) -> Iterator[int]:
    """Offsets of every occurrence of the stems, in order: str.find in C instead of a case-insensitive
    regex alternation, which the regex engine can only try at every position."""

    def occurrences(stem):
        i = low.find(stem)
        while i >= 0:
            yield i
            i = low.find(stem, i + 1)

    return heapq.merge(*(occurrences(st) for st in stems))


def _key_name(text: str, stem_start: int) -> tuple[int, str]:
    i = stem_start
    lo = max(0, stem_start - 64)
    while i > lo and text[i - 1] in _IDENT_CHARS:
        i -= 1
    return i, text[i:stem_start]


@lru_cache(maxsize=8192)
def _is_password_key(name: str) -> bool:
    name = name.strip("-.")
    parts = [p.lower() for p in re.split(r"[_.\-]+|(?<=[a-z0-9])(?=[A-Z])", name) if p]
    if not parts:
        return False
    pw = [
        p in _PW_COMPONENTS or any(w in p for w in _PW_WORDS) or p.endswith(_PW_SUFFIXES) and p not in PW_SUFFIX_WORDS
        for p in parts
    ]
    if not any(pw):
        return False
    first = pw.index(True)
    # `passwordKey` names where the password is kept; `keyPassword`, `httpsKeyStorePassword` are a key's password
    return not any(p in _PW_KEY_STOP and not (p == "key" and i < first) for i, p in enumerate(parts))


# ---- word-like literals under a password's name: `POSTGRES_PASSWORD=petclinic`, `password: "foobar"` ----


_IDENT_RUN = re.compile(r"[A-Za-z0-9_.\-]*+")
_WORD_OPS = ("is", "was", "to")
_ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]{3,}")


_PW_STEM_WORDS = ("pass", "pw", "psw", "pssw", "pasw", "비밀번호", "비번", "암호", "패스워드")


_LITERAL_END = frozenset(" \t\r\n")
# a comment marker and up to three words before a name: `# pwd: …`, `// db password: …`, `-- staging pass: …`
_COMMENT_LABEL = re.compile(r"[ \t]*+(?:#|//|--|;|\*|/\*|<!--)[ \t]*+(?:[A-Za-z][\w.\-]{0,30}+[ \t]{1,4}+){0,3}+")
# a value that is itself an assignment: `# aws secret: AWS_SECRET_ACCESS_KEY=…` (the inner name is parsed on its own)
_INNER_ASSIGNMENT = re.compile(
    r"(?:[A-Z][A-Z0-9]*+_[A-Z0-9_]++|[A-Za-z][A-Za-z_.\-]{0,40}?(?i:pass|pwd|secret|token|key|auth|cred)[A-Za-z_.\-]{0,40}+)"
    r"=(?!=)"
)


@lru_cache(maxsize=8192)
def _word_key(name: str) -> bool:
    """A name that surely names a password, so that a word-like literal under it is one (`word_literal`): a
    password word in it (`PGX_SSL_PASSWORD`, `passwordConfirmation`) or a password stem ending it (`DB_PASS`,
    `mysqlpass`, `ADMIN_PWD`); `backward_pass_impl`, `pass_count` name a pass of an algorithm."""
    parts = [p.lower() for p in re.split(r"[_.\-]+|(?<=[a-z0-9])(?=[A-Z])", name.strip("-.")) if p]
    if not parts:
        return False
    last = parts[-1]
    return (
        any(any(w in p for w in _PW_WORDS) for p in parts)
        or last in _PW_COMPONENTS
        or last.endswith(_PW_SUFFIXES)
        and last not in PW_SUFFIX_WORDS
    )


def _word_config_value(key: str, value: str) -> bool:
    """A word-like config value (`POSTGRES_PASSWORD=nextcloud`, `spring.datasource.password=petclinic`,
    `password: postgres`): a chosen literal (`word_literal`); under a lowercase name, as code has them
    (`password=pw_value` as a call's last argument), not a snake_case name."""
    if chosen_camel(value):
        return True
    if not word_literal(value):
        return False
    return "_" not in value or _ENV_NAME.fullmatch(key) is not None or "." in key


def _config_literal(
    text: str, ls: int, start: int, run_end: int, value: str, vs: int, op: str, words: bool = False, flag: bool = False
) -> bool:
    """An unquoted value that a config line makes a literal, not a variable: `DB_PASS=kitten42x` (.env,
    shell, properties: `=` with no space around it), `password: kitten42x` (YAML: a key that starts its
    line), `ENV DB_PASSWORD kitten42x`; letters and digits both, and nothing but the line's end after it
    (code goes on with `,`, `)` or `;`). `words`: a word-like value counts too (`POSTGRES_PASSWORD=nextcloud`),
    except after a comment's label (`# First pass: determine …` is prose)."""
    end = vs + len(value)
    if op == ">":
        return 6 <= len(value) <= 128  # `<password>v</password>`: an XML element's text
    after = text[end] if end < len(text) else ""
    # `"DB_PASSWORD=v"`, `<item>DB_PASSWORD=v</item>`, `url="…&amp;pwd=v"`: an env assignment inside a string or
    # an element ends at the quote or the tag
    env_end = op == "=" and after in "\"'<" and text[run_end:vs] == "="
    # `Server=db;User Id=sa;Password=v;`: a connection string's field ends at `;`
    env_end = env_end or op == "=" and after == ";" and start > 0 and text[start - 1] == ";" and text[run_end:vs] == "="
    if not (6 <= len(value) <= 128) or after and after not in _LITERAL_END and not env_end:
        return False
    word = False
    if not (any(c.isalpha() for c in value) and any(c.isdigit() for c in value)) and not random_letters(value):
        if not (words and _word_config_value(text[start:run_end], value)):
            return False
        word = True
    between = text[run_end:vs]
    if op == "=":
        # INI/properties/conf with spaces around `=` (`password = hunter42`): a literal when the key starts its line
        # under a `[section]` header; without one this reads as a variable assignment in code
        return (
            between == "="
            or (
                between.strip() == "="
                and not _SNAKE_VARIABLE.fullmatch(value)  # `net_connect.password = srx2_pass`: code in a document
                and (
                    not text[ls:start].strip()
                    and _INI_SECTION.search(text, max(0, ls - 20000), ls) is not None
                    # `# smtp_password = airflow`, `# Example: db_pass = hunter42`: a config line commented out
                    or _COMMENTED_CONFIG.fullmatch(text, ls, start) is not None
                )
            )
        )
    if op == ":":
        le = text.find("\n", end)
        rest = text[end : len(text) if le < 0 else le].strip()
        if rest and rest[0] not in "#":
            return False  # `password: Clear-text password`: words go on, a sentence rather than a value
        return (
            between.startswith(":")
            and not between[1:].strip()
            and (
                text[ls:start].strip() in ("", "-")
                or not word
                and _COMMENT_LABEL.fullmatch(text, ls, start) is not None
            )
        )
    return op == " " and (flag or _DEFINE.fullmatch(text, ls, start) is not None)


_ENV_PAIR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*+=[^=\s]")
_COMMENTED_CONFIG = re.compile(r"(?i)[ \t]*+(?:#|;)[ \t]*+(?:(?:e\.g\.|example|default|for example)[:,]?[ \t]{1,4}+)?")
_SNAKE_VARIABLE = re.compile(r"[a-z_][a-z0-9]*+_[a-z0-9_]*+")
_INI_SECTION = re.compile(r"(?m)^[ \t]*+\[[A-Za-z0-9_ .:\"\-]{1,64}+\][ \t]*+\r?$")
_SYMBOL_RUN = re.compile(r"[^\s\"'`]{8,129}+")


# a quoted value that holds the other quote kinds or escapes (`jwtsecret: "7`D'}/vYR)T;W\\5]E…"`), which the
# assignment parser's quoted value leaves out
_WIDE_QUOTED = re.compile(
    r"""['"`]?\]?['"`]?[ \t]{0,40}+(?::=|=>|=|:)[ \t]{0,40}+"""
    r"""(?:"(?P<d>(?:[^"\\\n]|\\.){8,128}+)"|'(?P<s>(?:[^'\\\n]|\\.){8,128}+)')"""
)


def _wide_quoted_symbols(text: str, end: int) -> assignments.Assigned | None:
    """The value after the name ending at `end` when it is quoted, holds other quotes or escapes, and is a
    symbol literal (`symbol_literal`): the parser's own quoted value stops at any quote or backslash."""
    m = _WIDE_QUOTED.match(text, end)
    if not m:
        return None
    g = "d" if m.group("d") is not None else "s"
    return assignments.Assigned("=", m.group(g), m.start(g), True, False) if symbol_literal(m.group(g)) else None


def _symbol_run(text: str, a: assignments.Assigned) -> str | None:
    """An unquoted value that the assignment parser cut at a bracket (`password = m{{h}o)p${e]nob(…`): the whole
    run up to a space or a quote, without a trailing `,`/`;`, when it is a symbol literal (`symbol_literal`)."""
    end = a.start + len(a.value)
    if a.quoted or end >= len(text) or text[end] not in "{}[]()<>":
        return None
    m = _SYMBOL_RUN.match(text, a.start)
    if not m or len(m.group(0)) > 128:
        return None
    v = m.group(0).rstrip(",;")
    return v if symbol_literal(v) else None


_PROSE_BEFORE_FLAG = re.compile(
    r"(?i)(?:\b(?:and|or|the|a|an|via|with|use|using|of|your|pass|set|see)|[,(`'\"])[ \t]*+$"
)
_COMMAND_GOES_ON = re.compile(r"[ \t]*+(?:$|\\|[-|>&;/'\"]|https?:|\n)")


def _flag_value_ok(text: str, ls: int, start: int, value: str, vs: int) -> bool:
    """`--password v` on a command line, not in prose that names the flag (`the --username and --password options`):
    no prose word just before the flag, and a value of lower-case letters alone only where the command goes on
    with a flag, a URL, a path or the line's end."""
    if _PROSE_BEFORE_FLAG.search(text, ls, start):
        return False
    if value.isalpha() and value.islower():
        return _COMMAND_GOES_ON.match(text, vs + len(value)) is not None
    return True


# a lookup with a default before a quoted name: `os.environ.get("X", "v")`, `os.getenv`, `ENV.fetch`, `env("X", "v")`,
# `System.getProperty`, `config.get`, `getOrDefault`; and PHP's `define("DB_PASSWORD", "v")`
_GETTER = re.compile(
    r"""\b(?:get|getenv|Getenv|env|fetch|getProperty|getOrDefault|get_env|getenv_or|define)\([ \t]{0,4}+["'`]$"""
)
# a variable with a default (Spring `${NAME:default}`, shell `${NAME:-default}`/`${NAME-default}`)
_GETTER_NAME = re.compile(
    r"(?:get|read|load|fetch|find|lookup|retrieve|check|verify|validate|compare|hash|encrypt|decrypt|has|is)(?:_|[A-Z])"
)
# the default may be quoted inside the braces (`: "${POSTGRES_PASSWORD:="airflow"}"`); `${X:+alt}` is no default
_REF_DEFAULT = re.compile(
    r"""\$\{[A-Za-z_][\w.]{0,80}+(?::-?|-|:=)(?P<q>["']?+)(?P<v>[^\s{}$'"`?+][^\s{}$'"`]{0,127}+)(?P=q)\}"""
)


def password_assignments(text: str, low: str | None = None) -> Iterator[Hit]:
    """Values assigned to password-like keys: `password = "…"`, `DB_PASS=…`, `"pwd": "…"`, `Password=…;`."""
    pos = 0
    for i in _stem_starts(lowered(text) if low is None else low, _PW_STEM_WORDS):
        if i < pos:
            continue
        m = _PW_STEM.match(text, i)
        if not m:
            continue
        # the rest of this identifier; a key is at most 64 characters past its stem, so stems deeper
        # inside a long identifier run cannot start an assignment: skip to the run's last stretch
        run_end = _IDENT_RUN.match(text, m.end()).end()
        pos = max(m.end(), run_end - 72)
        if run_end - m.end() > 64:
            continue
        start, left = _key_name(text, m.start())
        if text.startswith("${", start - 2):
            # `${DB_PASSWORD:?not set}`: a reference to the variable, not its assignment; but the default of a
            # password's own reference is its literal (`: "${POSTGRES_PASSWORD:="airflow"}"`, `${DB_PASS:-letmein1}`)
            d = _REF_DEFAULT.match(text, start - 2)
            if d and _word_key(text[start:run_end]) and password_value_ok(d.group("v"), True, words=True):
                yield Hit("password", d.start("v"), d.end("v"), "PasswordAssignment")
            continue
        key = left + text[m.start() : run_end]
        ls = text.rfind("\n", max(0, start - 200), start) + 1
        # `--password v`, `wget --ftp-password v`: a command line's flag takes the next word
        flag = text.startswith("--", start) and (start == 0 or text[start - 1] in " \t\n")
        a = (
            assignments.after_name(
                text, run_end, name_start=start, allow_space=flag or bool(_DEFINE.fullmatch(text, ls, start))
            )
            or _table_cell(text, ls, start, run_end)
            or _fallback_literal(text, run_end)
        )
        a = a or _wide_quoted_symbols(text, run_end)
        if a is None or not _is_password_key(key) or a.op in _WORD_OPS:
            continue  # `password is …` is prose_passwords' (with its stricter value check)
        default = (
            a.op == ","
            and a.quoted
            and _GETTER.search(text, max(0, start - 40), start) is not None
            and _word_key(key.strip("\"'`"))
        )
        if a.op == "," and not default and not _prose_password_ok(a.value, "password"):
            continue  # `f("HTTPPasswordMgr", "urllib2")`: a call's arguments, not a setter
        if a.op == "(" and not _is_password_key(key.rsplit(".", 1)[-1]):
            continue  # `password.encode("utf-8")`: a method of a password, not a setter
        if a.op == "(" and _GETTER_NAME.match(key.rsplit(".", 1)[-1]):
            continue  # `keyring.get_password("yagmail", user)`: a getter's arguments name what to look up
        value, vs, quoted = a.value, a.start, a.quoted
        d = _REF_DEFAULT.match(text, vs)
        if d:  # `${DB_PASS:petclinic}`, `"${DEV_PASSWORD:-letmein}"`: the variable's default is a literal
            if password_value_ok(d.group("v"), True, words=True):
                yield Hit("password", d.start("v"), d.end("v"), "PasswordAssignment")
            pos = max(pos, d.end())
            continue
        if not quoted and a.op != "=" and _INNER_ASSIGNMENT.match(value):
            continue  # `# db password: DB_PASSWORD=…`: the inner name takes its own value
        sym = _symbol_run(text, a)
        if sym:
            yield Hit("password", vs, vs + len(sym), "PasswordAssignment")
            pos = max(pos, vs + len(sym))
            continue
        if not quoted:
            value = assignments.sentence_trimmed(text, value, vs)
            if start and text[start - 1] in "?&" and "&" in value:
                value = value[: value.index("&")]  # `?user=u&password=<v>&useSSL=false`: a query parameter
        wk = _word_key(key)
        if flag and a.op == " " and not _flag_value_ok(text, ls, start, value, vs):
            continue
        if not quoted and a.op == "=" and text[vs - 1] in " \t" and _ENV_PAIR.match(value):
            continue  # `MYSQL_PASSWORD= FILTER=integration npm test`: empty, then the next variable
        literal = quoted or _config_literal(text, ls, start, run_end, value, vs, a.op, words=wk, flag=flag)
        if not literal and a.op == "=" and start and text[start - 1] in "?&" and text[run_end:vs] == "=":
            # `…&password=vulhub&confirm=…`: a form or query parameter ends at `&`, a quote or the line's end
            literal = text[vs + len(value) : vs + len(value) + 1] in ("", "&", '"', "'", " ", "\t", "\r", "\n", "#")
        if default:  # `os.environ.get("DB_PASSWORD", "postgres")`: the literal used when the variable is unset
            if password_value_ok(value, True, words=True):
                yield Hit("password", vs, vs + len(value), "PasswordAssignment")
            pos = max(pos, vs + len(value))
            continue
        vl = value.lower().replace("-", "_")
        if len(value) > 5 and vl in key.lower().strip("\"'`") and any(w in vl for w in ("pass", "pwd", "secret")):
            pos = max(pos, vs + len(value))
            continue  # `ZULIP__POSTGRES_PASSWORD=postgres_password`: the value repeats its name, a stand-in
        if password_value_ok(value, literal, words=literal and wk):
            yield Hit("password", vs, vs + len(value), "PasswordAssignment")
        pos = max(pos, vs + len(value))


# ---- key-named values: `AWS_SECRET_ACCESS_KEY=…`, `const API_TOKEN: &str = "…"`, `<authToken>…</authToken>` ----

_KEY_STEM = re.compile(r"(?i)secret|token|key|auth|cred")
# name parts that name a secret (strong) or may (weak: `key`, `auth` alone also name dict keys and modes)
_KEY_STRONG = {
    "secret",
    "secrets",
    "token",
    "tokens",
    "apikey",
    "apikeys",
    "credential",
    "credentials",
    "creds",
    "privatekey",
    "accesskey",
    "secretkey",
    "authtoken",
    "accesstoken",
    "refreshtoken",
    "apitoken",
    "clientsecret",
    "appsecret",
    "bearer",
}
_KEY_WEAK = {"key", "keys", "auth", "cred", "pat"}
# `<word>_key` where the word makes it a credential (`api_key`, `signing_key`, `AWS_SECRET_ACCESS_KEY`)
_KEY_QUALIFIERS = {
    "api",
    "access",
    "secret",
    "private",
    "signing",
    "encryption",
    "master",
    "app",
    "client",
    "service",
    "account",
    "license",
    "licence",
    "session",
    "consumer",
    "shared",
    "storage",
    "aws",
    "hmac",
    "jwt",
    "auth",
    "subscription",
    "deploy",
    "admin",
    "write",
    "read",
    "server",
    "webhook",
    "bot",
    "integration",
}
# parts that make a secret-sounding name something else: an id, a name, a length, a file, a UI label ...
_KEY_NAME_STOP = {
    "id",
    "ids",
    "name",
    "names",
    "url",
    "uri",
    "urls",
    "endpoint",
    "file",
    "files",
    "path",
    "dir",
    "length",
    "len",
    "size",
    "type",
    "types",
    "format",
    "fmt",
    "prefix",
    "suffix",
    "header",
    "field",
    "label",
    "hint",
    "count",
    "max",
    "min",
    "policy",
    "pattern",
    "regex",
    "re",
    "alias",
    "store",
    "storetype",
    "ring",
    "pair",
    "public",
    "pub",
    "primary",
    "foreign",
    "sort",
    "event",
    "code",
    "press",
    "pressed",
    "up",
    "down",
    "left",
    "right",
    "board",
    "frame",
    "mesh",
    "selector",
    "version",
    "expiry",
    "expires",
    "expiration",
    "ttl",
    "timeout",
    "lifetime",
    "kind",
    "mode",
    "class",
    "enabled",
    "required",
    "valid",
    "validator",
    "validation",
    "limit",
    "index",
    "idx",
    "column",
    "col",
    "map",
    "placeholder",
    "description",
    "desc",
    "doc",
    "help",
    "title",
    "text",
    "message",
    "msg",
    "error",
    "err",
    "manager",
    "provider",
    "handler",
    "factory",
    "builder",
    "helper",
    "util",
    "utils",
    "template",
    "schema",
    "sequence",
    "csrf",
    "xsrf",
    "bucket",
    "natural",
    "partition",
    "row",
    "range",
    "cursor",
    "page",
    "next",
    "continuation",
    "lookup",
    "cache",
    "hot",
    "ref",
    "arn",
    "hash",
    "hashed",
    "digest",
    "fingerprint",
    "example",
    "sample",
    "samples",
    "dummy",
    "fake",
    "mock",
    "issuer",
    "audience",
    "scope",
    "scopes",
    "usage",
    "algorithm",
    "alg",
    "algo",
    "table",
    "num",
    "number",
    "socket",
    "websocket",
}
_KEY_NAME_HARD_STOP = {
    "public",
    "pub",
    "csrf",
    "xsrf",
    "page",
    "next",
    "continuation",
    "cursor",
    "sync",
    "event",
    "sort",
    "cache",
    "lookup",
    "id",
    "ids",
}
_KEY_PART_SPLIT = re.compile(r"[_.\-]+|(?<=[a-z0-9])(?=[A-Z])")
# values that are words joined up (`auth_token_v2`, `API_KEY`, `getToken`, `TokenProvider`), versions, sizes
_IDENTIFIER_VALUE = re.compile(
    r"[a-z]+(?:[_\-.][a-z]+)*(?:[_\-.]?\d{1,3})?|[A-Z]+(?:[_\-.][A-Z]+)*(?:[_\-.]?\d{1,3})?|"
    r"[a-z]+(?:[A-Z][a-z]+|\d{1,3})+|(?:[A-Z][a-z]+)+\d{0,3}|v?\d+(?:\.\d+)+[\w.\-]{0,12}|\d+(?:\.\d+)?[a-zA-Z]{1,5}"
)
_CAMEL_WORDS = re.compile(r"(?:[A-Z][a-z]{2,}){2}")


_HASH_LENGTHS = (32, 40, 56, 64, 96, 128)
# where whitespace alone gives a name its value: `#define NAME "v"`, Dockerfile `ENV NAME v`, `set NAME v`
_DEFINE = re.compile(
    r"""[ \t]*+(?:(?://|#|--|;|\*)[ \t]*+)?(?:[\w.]{1,40}+[ \t]{0,4}+=[ \t]{0,4}+)?["'`]?(?:#[ \t]*define|define|%define|%global|ENV|ARG|set|SET|setenv|export)"""
    r"[ \t]{1,8}+"
)
_CODE_NAME = re.compile(r"[A-Za-z_$][\w$]*+")


def _class_changes(value: str) -> int:
    """How often the character class (upper, lower, digit) changes along the value."""

    def cls(c):
        return 0 if c.isupper() else 1 if c.islower() else 2 if c.isdigit() else 3

    classes = [cls(c) for c in value if c.isalnum()]
    return sum(a != b for a, b in zip(classes, classes[1:]))


# words that end in `key` and name no key
_KEY_WORDS_NOT_KEYS = {"turnkey", "whiskey", "passkey", "hotkey", "hotkeys", "shortkey", "monkey", "donkey", "jockey"}

_ESCAPE_HEAD = re.compile(r"^u00[0-9a-fA-F]{2}(?=[A-Za-z_])")  # `\u0026page_token`: the escape's tail


@lru_cache(maxsize=8192)  # code repeats its names (`self.tokenizer`, `key`): each is judged once
def _key_name_strength(name: str) -> str | None:
    """ "strong", "weak" or None: how surely a name such as `AWS_SECRET_ACCESS_KEY` names a secret."""
    name = _ESCAPE_HEAD.sub("", name.strip("-._"))
    last = name.rsplit(".", 1)[-1]
    if not _KEY_STEM.search(last):
        return None  # `key_node.tag`: an attribute of something secret-named is not the secret
    parts = [p.lower() for p in _KEY_PART_SPLIT.split(name) if p]
    if not parts or parts[-1] in _KEY_NAME_STOP:
        return None
    if any(p in _KEY_NAME_STOP for p in parts):
        # `MessageBird_TOKEN`, `sumo_access_token`: the last word says what the value is, unless an earlier
        # word makes it public or a position (`publicKeyToken` in .NET configs, `next_page_token`)
        last = parts[-1]
        if any(p in _KEY_NAME_HARD_STOP for p in parts):
            return None
        return "strong" if last in _KEY_STRONG or last.endswith(("token", "secret", "secrets")) else None
    strength = None
    for i, p in enumerate(parts):
        if p in _KEY_STRONG or p.endswith(("token", "secret", "secrets", "apikey", "accesskey", "secretkey")):
            return "strong"
        if p in ("key", "keys") and i and parts[i - 1] in _KEY_QUALIFIERS:
            return "strong"
        if p in _KEY_WEAK or len(p) > 6 and p.endswith("key") and p not in _KEY_WORDS_NOT_KEYS:
            strength = "weak"  # `GITHUBKEY`, `slackkey`: a name and `key` run together read as `githubKey`
    return strength


def _random_segment(value: str) -> bool:
    """A dotted value with one long segment of random text (`eyJ0eXAi….lzQtK1DgZNmC…`, a JWT or a signed token):
    names in a dotted path are short and made of words; random base64 only spells a capitalised syllable now
    and then."""
    return any(
        len(seg) >= 32 and shannon_entropy(seg) >= 4.3 and len(DIGIT_LETTER.findall(seg)) >= 3
        for seg in value.split(".")
    )


def _key_value_ok(text: str, value: str, start: int, strength: str) -> bool:
    """A value that looks like a credential: long, random-looking, not code, a path, a hash or a template."""
    n = len(value)
    if n < (10 if strength == "strong" else 16) or n > _MAX_VALUE or stand_in(value):
        return False
    if is_placeholder(value) and not (strength == "strong" and repeated_block(value)):
        return False
    if value.lower() in PW_BAD_VALUES:
        return False
    if _NOT_A_KEY.search(value) and not (value[0] == "/" and strength == "strong" and _random_b64(value)):
        return False
    if words_and_numbers(value):
        return False
    if strength == "weak" and any(WORD_SEGMENT.fullmatch(x) for x in re.split(r"[-_.:/]+", value)):
        return False  # `key=Counter-1234abcd`: a weak name (`key`, `auth`) with a word in its value
    # generated under a strong name: letters and digits mixed as random text mixes them
    generated = strength == "strong" and n >= 20 and _random_mix(value)
    if value[0] in "-~#*&!@" and not (generated and value[0] == "-" and value[1] != "-"):
        return False  # a flag, a pointer, a comment; a base64url token may start with `-`
    if value.endswith((".py", ".js", ".json", ".yaml", ".yml", ".pem", ".key", ".txt", ".crt")):
        return False
    # one-case random letters (`gcperfxrtqymqmluvskxzy…`, few vowels) under a strong name are a generated key
    letters_key = strength == "strong" and n >= 20 and random_letters(value)
    if (
        _IDENTIFIER_VALUE.fullmatch(value)
        and not (strength == "strong" and short_token(value) or letters_key)
        or n <= 40
        and has_camel_words(value)
        and not generated
    ):
        return False  # `PKCS7PrivateKeyTypes`; random base64 spells three capitalised syllables now and then
    if (
        (_CODE_NAME.fullmatch(value) or DOTTED_IDENT.fullmatch(value))
        and _class_changes(value) < 0.45 * n
        and len(DIGIT_LETTER.findall(value)) < 2
        and not (strength == "strong" and (_unpronounceable(value) or short_token(value)) or letters_key)
    ):
        return False  # `XXH3_initCustomSecret_avx512`, `settings.key2`: names in code; random tokens change case often
    if (
        DOTTED_IDENT.fullmatch(value)
        and any(
            len(seg) >= 4 and _IDENTIFIER_VALUE.fullmatch(seg) or _CAMEL_WORDS.search(seg)
            for seg in re.split(r"\.|::|->", value)
        )
        and not _random_segment(value)
    ):
        return False  # `rust_openssl.hpke.X25519PrivateKey`: a dotted path with words in it
    has_digit = any(c.isdigit() for c in value)
    if not any(c.isalpha() for c in value):
        return False
    if (
        not has_digit
        and not (
            n >= 20
            and any(c.isupper() for c in value)
            and any(c.islower() for c in value)
            and _B64URL_SET.issuperset(value)
            and shannon_entropy(value) >= 4.0
        )
        and not (strength == "strong" and _unpronounceable(value) or letters_key)
    ):
        return False
    if shannon_entropy(value) < (3.0 if strength == "strong" else 3.5):
        return False
    if is_potential_uuid(value) and strength != "strong":
        return False
    if n in _HASH_LENGTHS and all(c in string.hexdigits for c in value):
        lo = max(0, start - 200)
        ls = max(text.rfind("\n", lo, start) + 1, lo)  # a line without a newline near: look 200 back, not to 0
        le = text.find("\n", start, start + n + 200)
        if _HASH_CONTEXT.search(text, ls, start + n + 200 if le < 0 else le):
            return False
    return True


_MAX_VALUE = 4096


def _unpronounceable(value: str) -> bool:
    """`sucnxMGxayRXqS`: mixed-case letters with few vowels. Names in code are made of words (about one
    letter in three a vowel); random letters have one in five."""
    letters = [c for c in value if c.isalpha()]
    return (
        len(letters) >= 12
        and any(c.isupper() for c in letters)
        and any(c.islower() for c in letters)
        and sum(c in VOWELS for c in letters) < 0.22 * len(letters)
    )


def _random_b64(value: str) -> bool:
    """A base64-ish value starting with `/` (`/o0=d5tn…`) rather than a path: no segment is a word, and
    letters and digits alternate as in random text."""
    segs = [x for x in re.split(r"[/._\-=+]+", value) if x]
    return (
        len(value) >= 24
        and not any(WORD_SEGMENT.fullmatch(x) for x in segs)
        and len(DIGIT_LETTER.findall(value)) >= 3
        and shannon_entropy(value) >= 4.0
    )


_KEY_STEM_WORDS = ("secret", "token", "key", "auth", "cred")
# a Markdown table row: `| NAME | value |`, the cells maybe in backticks or bold
_TABLE_ROW_START = re.compile(r"[ \t]*+\|[ \t]*+[`*]{0,2}+")
_TABLE_AFTER = re.compile(r"[`*]{0,2}+[ \t]*+\|[ \t]*+(?P<m>[`*]{0,2}+)(?P<v>[^\s|`*]{6,256}+)(?P=m)[ \t]*+\|")


# a literal given as the fallback of a lookup: `process.env.API_TOKEN || "…"`, `os.environ.get("PASSWORD") or "…"`,
# `ENV["TOKEN"] ?? "…"`
_FALLBACK = re.compile(
    r"""["'`]?\]?\)?[ \t]{0,4}+(?:\|\||\?\?|\?:|(?<=[ \t])or(?=[ \t]))[ \t]{1,4}+(?P<q>["'`])(?P<v>[^"'`\s\\]{1,4096}+)(?P=q)"""
)


def _fallback_literal(text: str, end: int) -> assignments.Assigned | None:
    m = _FALLBACK.match(text, end)
    return assignments.Assigned("||", m.group("v"), m.start("v"), True, False) if m else None


def _table_cell(text: str, ls: int, start: int, end: int) -> assignments.Assigned | None:
    """The next cell's value when the name is the first cell of a Markdown table row."""
    if not _TABLE_ROW_START.fullmatch(text, ls, start):
        return None
    m = _TABLE_AFTER.match(text, end)
    return assignments.Assigned("|", m.group("v"), m.start("v"), True, False) if m else None


# the name given as another field's value: Kubernetes `- name: DB_PASSWORD` / `value: …`, .NET
# `<add key="ApiSecret" value="…" />`, JSON `{"name": "API_TOKEN", "value": "…"}`
_NAME_FIELD = re.compile(
    r"""(?:\b(?:name|key)|["'](?:name|key)["'])[ \t]{0,4}+[:=][ \t]{0,4}+["']?([A-Za-z_][\w.\-]{1,80}+)["']?"""
)


def named_value_pairs(text: str, low: str) -> Iterator[Hit]:
    """`value` fields whose name sits in a `name`/`key` field just before (same line or the line above)."""
    pos = 0
    while (i := low.find("value", pos)) >= 0:
        pos = i + 5
        if i and (text[i - 1].isalnum() or text[i - 1] == "_") or text[i + 5 : i + 6].isalnum():
            continue
        a = assignments.after_name(text, i + 5, name_start=i)
        if a is None or a.op not in ("=", ":"):
            continue
        ls = text.rfind("\n", max(0, i - 300), i)
        ls = text.rfind("\n", max(0, ls - 300), ls) + 1 if ls > 0 else max(0, i - 300)
        if low.find("name", ls, i) < 0 and low.find("key", ls, i) < 0:
            continue
        names = list(_NAME_FIELD.finditer(text, ls, i))
        if not names:
            continue
        name = names[-1].group(1)
        value = a.value if a.quoted else assignments.sentence_trimmed(text, a.value, a.start)
        if _is_password_key(name):
            # `value: petclinic` alone on its line (YAML) is a literal as much as a quoted one
            vls = text.rfind("\n", 0, i) + 1
            end = a.start + len(value)
            yaml = a.op == ":" and text[vls:i].strip() in ("", "-") and (end == len(text) or text[end] in "\r\n")
            literal = (a.quoted or yaml) and _word_key(name)
            if password_value_ok(value, a.quoted, words=literal):
                yield Hit("password", a.start, a.start + len(value), "NamedValuePair")
        else:
            strength = _key_name_strength(name)
            if strength and _key_value_ok(text, value, a.start, strength):
                yield Hit("key", a.start, a.start + len(value), "NamedValuePair")


# a word before a key's name, written apart as in prose and headings: `SECRET KEY: …`, `API key = …`,
# `the access token is …`, `Client Secret: …`
_WORD_BEFORE = re.compile(r"([A-Za-z]{2,12}+)[ \t]$")


def _two_word_strength(text: str, start: int, name: str) -> str | None:
    """ "strong" when the word written before `name` makes a credential's name with it (`secret key`,
    `api key`, `access token`); only ever raises a name's strength."""
    if not name.isalpha() or start < 3:
        return None
    m = _WORD_BEFORE.search(text, max(0, start - 14), start)
    if not m:
        return None
    return "strong" if _key_name_strength(m.group(1) + "_" + name) == "strong" else None


def _random_mix(value: str) -> bool:
    """Letters and digits mixed as in generated text (a value after `is` in prose must look like this)."""
    return (
        any(c.isalpha() for c in value)
        and any(c.isdigit() for c in value)
        and len(DIGIT_LETTER.findall(value)) >= 2
        and _class_changes(value) >= 0.3 * len(value)
    )


# a line opened by one word (a vendor's name) before a key's name: `newsapi KEY <v>`, `# fixer key <v>`
_LEAD_WORD = re.compile(r"[ \t]*+(?:(?:#|//|--|;)[ \t]*+)?[A-Za-z][A-Za-z0-9.\-]{1,30}+[ \t]{1,4}+")
_SPACE_VALUE = re.compile(r"[ \t]{1,4}+([A-Za-z0-9+/=_\-.]{16,512}+)(?![^\s,;:)\]}\"'`])")


# name parts that make a secret's name name something else: a reference to a stored secret (Kubernetes
# `secretName`, Helm `existingSecret`, `secretKeyRef`), where it lives, or its kind
_SECRET_REF_PARTS = frozenset(
    "existing ref name names arn id ids file path store manager provider backend type kind mount volume env var "
    "version vault engine source method".split()
)


def _secret_named(name: str) -> bool:
    """A name that calls its value a secret (`AWS_SECRET_ACCESS_KEY`, `clientSecret`, `JWT_SECRET`,
    `SECRET_KEY`): under it a literal of any shape is the secret (`word_literal`), as under a password's."""
    parts = [p.lower() for p in _KEY_PART_SPLIT.split(name) if p]
    return any(p.endswith("secret") for p in parts) and not any(p in _SECRET_REF_PARTS for p in parts)


# a literal passed through one or two calls (`Base64.decode(CodecSupport.toBytes("…"))`, `bytes.fromhex("…")`)
_DECODE_CALL = re.compile(
    r"""[ \t]{0,4}+(?::=|=(?![=>]))[ \t]{0,4}+(?P<call>(?:[A-Za-z_][\w.]{0,60}+\([ \t]{0,4}+){1,2}+)(?P<q>["'])(?P<v>[A-Za-z0-9+/=_\-]{12,512}+)(?P=q)"""
)
_DECODER = re.compile(r"(?i)decode|unhexlify|fromhex|from_?base(?:32|64)|b(?:32|64)decode|from_?hex|hex2bin|unbase64")


def key_named_values(text: str, low: str | None = None) -> Iterator[Hit]:
    """Values given to secret-named keys in any syntax (see filters/assignments.py), quoted or not,
    in code, config files, comments and prose: `export AWS_SECRET_ACCESS_KEY=…`, `api_token: …`,
    `const API_KEY: &str = "…";`, `<authToken>…</authToken>`, `"client_secret" => "…"`."""
    pos = 0
    for i in _stem_starts(lowered(text) if low is None else low, _KEY_STEM_WORDS):
        if i < pos:
            continue
        m = _KEY_STEM.match(text, i)
        run_end = _IDENT_RUN.match(text, m.end()).end()
        pos = max(m.end(), run_end - 72)
        if run_end - m.end() > 64:
            continue
        start, left = _key_name(text, m.start())
        name = (left + text[m.start() : run_end]).strip(".-")
        pos = max(pos, run_end)
        strength = _key_name_strength(name)
        if strength != "strong" and not _is_password_key(name):
            strength = _two_word_strength(text, start, name) or strength
        if strength is None or _is_password_key(name):
            continue
        ls = text.rfind("\n", max(0, start - 200), start) + 1
        d = _DECODE_CALL.match(text, run_end)
        if d and _DECODER.search(d.group("call")) and _key_value_ok(text, d.group("v"), d.start("v"), "strong"):
            # `key = Base64.decode("kPH+…")`, `secret = OTPAuth.Secret.fromBase32('JBSW…')`: key material decoded
            # from a literal; the decoding says what the literal is, whatever the name's strength
            yield Hit("key", d.start("v"), d.end("v"), "KeyNamedValue")
            pos = max(pos, d.end("v"))
            continue
        # `--token <value>`, `-secret <value>`, also at the start of a line
        flag = text.startswith("-", start) and (start == 0 or text[start - 1] in " \t\n")
        a = (
            assignments.after_name(
                text, run_end, allow_space=flag or bool(_DEFINE.fullmatch(text, ls, start)), name_start=start
            )
            or _table_cell(text, ls, start, run_end)
            or _fallback_literal(text, run_end)
        )
        if (
            a is None
            and (strength == "strong" or _LEAD_WORD.fullmatch(text, ls, start))
            and (sm := _SPACE_VALUE.match(text, run_end))
        ):
            # `# token <value>`, `use the API key <value> to …`: a space alone after a strong name, in comments
            # and prose; only a value that looks generated counts (`token is`, `secret sauce` do not). A weak
            # name (`key`) counts so when one word (a vendor's name) opens the line before it: `newsapi KEY <v>`
            v = sm.group(1)
            if (
                _random_mix(v)
                and (_unpronounceable(v) or few_vowels(v) or len(v) >= 32 and all(c in string.hexdigits for c in v))
                or len(v) >= 20
                and (looks_generated(v) or strength == "strong" and (is_potential_uuid(v) or repeated_block(v)))
            ):
                a = assignments.Assigned(" ", v, sm.start(1), False, False)
        if a is None and strength == "strong":
            a = _wide_quoted_symbols(text, run_end)
        if a is None or a.op == "(" and strength != "strong":
            continue
        prose_is = a.op in ("is", "was") and strength == "strong"
        if a.op in _WORD_OPS and not _ENV_NAME.fullmatch(name) and not prose_is:
            continue  # `Set AWS_SECRET_ACCESS_KEY to …` names a variable; `the key to success` does not
        value = a.value if a.quoted else assignments.sentence_trimmed(text, a.value, a.start)
        if not a.quoted and a.op != "=" and _INNER_ASSIGNMENT.match(value):
            continue  # `# aws secret: AWS_SECRET_ACCESS_KEY=…`: the inner name takes its own value
        if not a.quoted and start and text[start - 1] in "?&" and "&" in value:
            value = value[: value.index("&")]  # `?api_key=<v>&limit=3`: a URL's query parameter ends at `&`
        if not a.quoted and len(value) > 4 and value.startswith("**") and value.endswith("**"):
            value = value[2:-2]  # `Secret: **…**` in Markdown
            a = a._replace(start=a.start + 2)
        if prose_is and not _ENV_NAME.fullmatch(name) and not _random_mix(value):
            continue  # `the token is invalid`, `the secret is stored`: prose needs a value that looks generated
        if (
            not a.quoted
            and _CODE_NAME.fullmatch(value)
            and text[a.start + len(value) : a.start + len(value) + 1] in (";", ")")
            and not (start and text[start - 1] in "?&")  # `badge.svg?token=<v>)`: a query parameter in a link
        ):
            continue  # `ptr = XXH3_kSecret;`: a variable in a statement
        if a.op == "," and not a.quoted and "=" in value:
            continue  # `jnp.array(TOKEN_VALUE, dtype=jnp.int32)`: a keyword argument follows, not a value
        if strength == "strong":
            # symbols that pair up as neither code nor a template: `api_key = "m{{h}o)p${e]nob(…"`
            sym = value if a.quoted and symbol_literal(value) else _symbol_run(text, a)
            if sym:
                yield Hit("key", a.start, a.start + len(sym), "KeyNamedValue")
                pos = max(pos, a.start + len(sym))
                continue
        if _key_value_ok(text, value, a.start, strength) or (
            _secret_named(name)
            and a.op not in ("(", ",", " ", "is", "was", "to")
            and (a.quoted or _config_literal(text, ls, start, run_end, value, a.start, a.op, words=True))
            and word_literal(value)
        ):
            yield Hit("key", a.start, a.start + len(value), "KeyNamedValue")
            pos = max(pos, a.start + len(value))
        elif len(value) > 300:
            pos = max(pos, a.start + len(value))  # names inside one long run are not re-parsed: linear


# ---- names joined to their value by a hyphen; names that end in `api`, `private`, `access`, `login` ------

_JOIN_STEMS = ("secret", "token", "key", "access", "private")
_JOIN_LAST = {"access", "private", "key", "apikey"}
_ACCESS_STEMS = ("api", "private", "access", "login")
_ACCESS_LAST = {"api", "private", "access", "login"}
_JOINED_TAIL = re.compile(r"[A-Za-z0-9_\-]{20,512}+")


def _value_shaped(tail: str) -> bool:
    return (
        looks_generated(tail) or is_potential_uuid(tail) or len(tail) >= 32 and all(c in string.hexdigits for c in tail)
    )


def hyphen_joined_values(text: str, low: str | None = None) -> Iterator[Hit]:
    """`prospect-token-ba98cfe3…`, `cloudmersive-secret-key-123e4567-…`, `bloggerKEY-ab12…`: a secret's name and
    its value written as one hyphen-joined word. The name's last word is a key word (`token`, `secret`,
    `access`…), the rest (20+ characters, no dot) looks generated."""
    low = lowered(text) if low is None else low
    if "-" not in text:
        return
    done = -1
    for i in _stem_starts(low, _JOIN_STEMS):
        if i < done:
            continue
        start, _ = _key_name(text, i)
        run_end = _IDENT_RUN.match(text, i).end()
        done = run_end
        if run_end - start > 600:
            continue  # not a name and a value: each long run is skipped whole (linear)
        if run_end < len(text) and text[run_end] == "." and run_end + 1 < len(text) and text[run_end + 1].isalnum():
            continue  # a file name or a dotted path
        p = text.find("-", i, run_end)
        while 0 <= p < run_end - 19:
            head = text[start:p]
            parts = [x.lower() for x in _KEY_PART_SPLIT.split(head) if x]
            if parts and (
                parts[-1] in _JOIN_LAST or _key_name_strength(head) == "strong" and _KEY_STEM.search(parts[-1])
            ):
                tail = text[p + 1 : run_end].rstrip("-_")
                first = re.split(r"[-_]", tail, maxsplit=1)[0]
                if first.isalpha() and len(first) <= 12:
                    p = text.find("-", p + 1, run_end)
                    continue  # `secret-key-<v>`: the name goes on
                if _JOINED_TAIL.fullmatch(tail) and _value_shaped(tail) and not is_placeholder(tail):
                    yield Hit("key", p + 1, p + 1 + len(tail), "HyphenJoinedKey")
                    break
            p = text.find("-", p + 1, run_end)


def access_named_values(text: str, low: str | None = None) -> Iterator[Hit]:
    """`GUMROAD_API = <hex>`, `gumroadPRIVATE=<hex>`, `sonar.login=<hex>`, `clockify ACCESS <v>`: a name whose
    last word is `api`, `private`, `access` or `login` names a credential only when its value looks generated
    (long hex, or letters and digits mixed with few vowels); anything else under such names is left alone."""
    low = lowered(text) if low is None else low
    done = -1
    for i in _stem_starts(low, _ACCESS_STEMS):
        if i < done:
            continue
        run_end = _IDENT_RUN.match(text, i).end()
        done = run_end
        start, _ = _key_name(text, i)
        if run_end - start > 200:
            continue
        name = text[start:run_end].strip(".-")
        parts = [x.lower() for x in _KEY_PART_SPLIT.split(name) if x]
        if not parts or parts[-1] not in _ACCESS_LAST or _KEY_STEM.search(name) or _is_password_key(name):
            continue  # key-word names are key_named_values' to judge
        ls = text.rfind("\n", max(0, start - 200), start) + 1
        a = assignments.after_name(
            text, run_end, allow_space=bool(_DEFINE.fullmatch(text, ls, start)), name_start=start
        )
        if a is None and _LEAD_WORD.fullmatch(text, ls, start) and (sm := _SPACE_VALUE.match(text, run_end)):
            a = assignments.Assigned(" ", sm.group(1), sm.start(1), False, False)
        if a is None or a.op not in ("=", ":", ":=", "=>", " ", "==", "!=", "==="):
            continue
        value = a.value if a.quoted else assignments.sentence_trimmed(text, a.value, a.start)
        if _value_shaped(value) and _key_value_ok(text, value, a.start, "strong") and not typed_by_hand(value):
            yield Hit("key", a.start, a.start + len(value), "AccessNamedValue")


# ---- passwords introduced by words in comments and documents -----------------------------------

# `password is …`, `Password …`, `--password …`, `PASSWORD(…)`, `login/password-master/…`, `ID/PW: user/…`
_PROSE_PW_WORD = re.compile(
    r"(?i)(?<![A-Za-z0-9_])(?:pass(?:word|wd|wort|phrase)?|pwd|pw|비밀번호|비번|암호|패스워드|(?P<login>login|credentials?|creds))"
    r"(?![A-Za-z0-9_])"
)
_PROSE_PW_AFTER = re.compile(
    r"""\*{0,2}+[ \t]{0,4}+(?:(?:is|was)[ \t]{0,4}+(?=[:=]))?(?:is|was|of|:|=|-|->|\(|：)?[ \t]{0,4}+(?:["'`]?)"""
    r"""(?:(?P<user>[A-Za-z0-9_.\-@]{1,32}+)[ \t]{0,2}+/[ \t]{0,2}+)?(?P<pw>[^\s"'`,;()<>\[\]{}]{6,64}+)"""
)
# after `credentials`/`login`, also `user:password` (`default credentials are admin:…`)
_PROSE_LOGIN_AFTER = re.compile(
    r"""[ \t]{0,4}+(?:are|is|:|=|-|\(|：)?[ \t]{0,4}+(?:["'`]?)"""
    r"""(?P<user>[A-Za-z0-9_.\-@]{1,32}+)[ \t]{0,2}+[/:][ \t]{0,2}+(?P<pw>[^\s"'`,;()<>\[\]{}]{6,64}+)"""
)
# `password for master: …`, `the password for user 'admin' is '…'`: whose password it is, then the value
_PROSE_PW_FOR = re.compile(
    r"""[ \t]{1,4}+for[ \t]{1,4}+(?:the[ \t]{1,4}+)?(?:(?:user|username|account|login)[ \t]{1,4}+)?"""
    r"""(?P<q>["'`]?)[\w.@\-]{1,40}+(?P=q)(?:[ \t]{1,2}+(?!(?:is|was)[ \t])[\w.@\-]{1,40}+){0,3}+[ \t]{0,4}+(?=is[ \t]|was[ \t]|:|=)"""
)
# tokens with letters and digits that prose about passwords is full of: algorithms, encodings, formats
_TECH_TOKEN = re.compile(
    r"(?i)(?:sha|md|crc|aes|rsa|des|ecdsa|ed|x|rc|bcrypt|scrypt|argon|pbkdf|hmac|base|utf|ucs|ascii|http|tls|ssl|ipv|"
    r"oauth|win|py|python|i|l|k|s|ec|v|ver|version|rfc|iso|cve|php|es|ecma|mp|h|u|int|uint|float|mysql|postgres)"
    r"[\-_]?\d+[a-z]{0,3}|\d+(?:[.,]\d+)?(?:st|nd|rd|th|s|ms|chars?|characters?|digits?|bytes?|bits?|times?|x|k|kb|mb|gb|px|%)?"
)


_WORD_EQUALS = re.compile(r"[a-z_]{3,}=")
_VERSIONISH = re.compile(r"(?i)v?\d+(?:[.\-_]\d+)+[a-z]{0,6}\d*|[a-z]{1,12}[\-_]?v?\d+(?:\.\d+)*")


def _labelled_password_ok(value: str) -> bool:
    """A value a colon introduces after `password`, closing its line or sentence (`Password for the staging box:
    hunter2hunter`): one case is enough there, with letters and digits both (or random letters), 8 or more, and
    not a version, an algorithm, a word with a number (`utf8`, `python3`, `sha256`) or an identifier."""
    if not 8 <= len(value) <= 64 or not password_value_ok(value, quoted=True) or _TECH_TOKEN.fullmatch(value):
        return False
    if _VERSIONISH.fullmatch(value) or "_" in value or "." in value or "/" in value:
        return False
    if random_letters(value):
        return True
    return (
        any(c.isalpha() for c in value)
        and sum(c.isdigit() for c in value) >= 1
        and len(DIGIT_LETTER.findall(value)) + len(LEET.findall(value)) >= 1
    )


_HEX_WORD = re.compile(r"(?=(?:[a-f]*+\d){3})[0-9a-f]{12,64}+")


def _prose_password_ok(value: str, word: str) -> bool:
    """Stricter than an assignment's check: in prose the word `pass` or `password` is usually just a word."""
    if not password_value_ok(value, quoted=False) or _TECH_TOKEN.fullmatch(value):
        return False
    if not any(c.isalpha() for c in value) or not any(c.isdigit() for c in value):
        return False
    if value.endswith((".", ":")) or "@" in value[:-1] and "." in value.split("@")[-1] or _WORD_EQUALS.match(value):
        return False  # a sentence end, a label, an e-mail address or a host, an assignment of something else
    if value[0] in "@/.:-=<>~":
        return False  # `pass@host`, a path, a flag, a comparison
    upper, lower = any(c.isupper() for c in value), any(c.islower() for c in value)
    if word.lower() == "pass":  # also the verb: `pass np.float32`, `pass 2 tests`
        return upper and lower
    if looks_generated(value) or short_token(value) or _HEX_WORD.fullmatch(value) and not value.isdigit():
        return True  # `the password 4304d5255378177d`: generated, whatever its case
    symbol = any(not c.isalnum() and c not in "._-" for c in value)
    return (upper and lower) or symbol


_PROSE_STEM_WORDS = ("pass", "pw", "login", "cred", "비밀번호", "비번", "암호", "패스워드")


# the word inside a path (`/etc/passwd`, `../passwd`), a URL's userinfo (`user:pass@`) or a host name (`login.x.com`)
_PROSE_IN_PATH = re.compile(r"(?:[/.~][\w.\-]*+/|[\w.\-]:|@)$")
_PROSE_IN_HOST = re.compile(r"\.[A-Za-z0-9]")


# a label line: a list or comment marker and up to two words before the password word (`- Password : airflow`,
# `* Default admin password: guacadmin1`, `# root pwd: vagrant`)
_LABEL_LINE_HEAD = re.compile(
    r"[ \t]*+(?:[-*+>|#;]+|//|--|\d{1,2}[.)])?[ \t]*+(?:\**[A-Za-z]{2,12}+\**[ \t]{1,3}+){0,2}+\**"
)
_LABEL_END = re.compile(r"[`'\"*]*+[ \t]*+\.?[ \t]*+(?:\r?\n|$)")


def _marked_prose_word(text: str, m: re.Match, after: int, a: re.Match, value: str) -> bool:
    """A word-like password in prose counts where the text marks it as a literal: quoted or in backticks right
    after `password is`/`of`/`:` (`password of \`gophish\``, `the password for all users is "s3cret"`), or alone
    after `Password:` on a label line (`- Password : airflow`). Only the password words (`pass` is also a verb)
    and values a password can be (`word_literal`: no placeholder, name, type or path). `after`: the end of the
    password word, or of its `for <whom>` phrase."""
    word = m.group(0).lower()
    if m.group("login") or word == "pass" or a.group("user"):
        return False
    vs = a.start("pw")
    quote = text[vs - 1 : vs] if vs else ""
    connector = text[after:vs].strip(" \t`'\"*")
    if connector not in ("is", "was", "of", ":", "=", "：", "is:"):
        return False
    if quote in ("`", '"', "'") and text.startswith(quote, vs + len(value)):
        # `password is \`s3cret\``: a word, then a literal; `password: "v"` and `password = "v"` are code or config,
        # password_assignments' (with its checks of the name), unless Markdown marks the value
        if connector not in ("is", "was", "of") and quote != "`":
            return False
        return word_literal(value) or chosen_camel(value)
    ls = text.rfind("\n", 0, m.start()) + 1
    if after != m.end() or connector not in (":", "："):
        return False
    if not _LABEL_LINE_HEAD.fullmatch(text, ls, m.start()) or not _LABEL_END.match(text, vs + len(value)):
        return False
    return word_literal(value)


def prose_passwords(text: str, low: str | None = None) -> Iterator[Hit]:
    """Passwords written after a word in comments and documents (the assignment forms are
    password_assignments'); the value must look like a password, not like a word, a number or code."""
    pos = 0
    for i in _stem_starts(lowered(text) if low is None else low, _PROSE_STEM_WORDS):
        m = _PROSE_PW_WORD.match(text, i) if i >= pos else None
        if not m:
            continue
        pos = m.end()
        if _PROSE_IN_PATH.search(text, max(0, m.start() - 40), m.start()) or _PROSE_IN_HOST.match(text, m.end()):
            continue  # `/etc/passwd HTTP/1.1`, `user:pass@host/db?…`, `login.microsoftonline.com/…`: a path, a URL, a host
        f = _PROSE_PW_FOR.match(text, m.end()) if not m.group("login") else None
        a = _PROSE_PW_AFTER.match(text, f.end() if f else m.end())
        if m.group("login") and not (a and a.group("user")):
            a = _PROSE_LOGIN_AFTER.match(text, m.end())
        if not a or m.group("login") and not a.group("user"):
            continue  # after `login`, only `user / password` pairs: a lone value is the user name
        value = a.group("pw").rstrip(".,;:")
        if _INNER_ASSIGNMENT.match(value):
            continue  # `# db password: DB_PASSWORD=…`: password_assignments takes the inner name's value
        if m.start() and text[m.start() - 1] in "?&" and "&" in value:
            value = value[: value.index("&")]  # a URL's query parameter ends at `&`
        end_char = text[a.end("pw") : a.end("pw") + 1]
        if end_char not in ("(", "[") and _marked_prose_word(text, m, f.end() if f else m.end(), a, value):
            yield Hit("password", a.start("pw"), a.start("pw") + len(value), "ProsePassword")
            continue
        if end_char in ("(", "[") or not _prose_password_ok(value, "password" if m.group("login") else m.group(0)):
            rest = text[a.start("pw") + len(value) : a.start("pw") + len(value) + 2]
            labelled = (
                not m.group("login")
                and m.group(0).lower() != "pass"
                and (":" in text[m.end() : a.start("pw")] or "：" in text[m.end() : a.start("pw")])
                and (rest in ("", "\n", "\r\n", ". ", ".\n", ".") or rest[:1] in ("\n", "\r"))
            )
            if end_char in ("(", "[") or not labelled or not _labelled_password_ok(value):
                continue
        yield Hit("password", a.start("pw"), a.start("pw") + len(value), "ProsePassword")


# ---- prefixed tokens: `<vendor>_<random>` shapes no provider list keeps up with -------------------

# `cfat_…`, `figd_…`, `lin_api_…`, `xapp-1-…`, `tgp_v1_…`, `HRKU-…`, `GOCSPX-…`, `ya29.…`: a short
# lowercase or uppercase prefix, a separator, then a random body. Found from runs of token characters
# (one fast scan), then checked in Python: prefix shape, body randomness, no hash or version words.
# whole runs only (linear); the first character comes first so the engine can skip ahead by its class
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_\-.](?<![A-Za-z0-9_\-.][A-Za-z0-9_\-.])[A-Za-z0-9_\-.]{23,299}+")
_TOKEN_PREFIX = re.compile(r"(?:[a-z][a-z0-9]{1,9}(?:[_\-.][a-z0-9]{1,6})?|[A-Z][A-Z0-9]{2,9})[_\-.]")
_UUID_PIECES = re.compile(r"[0-9a-fA-F]{4,12}(?:[-_][0-9a-fA-F]{4,12}){1,4}(?:\.[a-z]{2,4})?\"?")
_PREFIX_NOT_VENDOR = re.compile(
    r"(?i)(?:sha\d*|md\d|blake\d*b?|crc\d*|xxh\d*|murmur\d*|etag|commit|rev|ver|version|v\d*|id|uuid|guid|build|"
    r"data|test|tests|sample|example|git|hash|digest|nonce|salt|checksum|integrity|sri|cache|tmp|temp|file|img|"
    r"icon|font|chunk|module|vendor|assets?|static|src|lib|bin|node|npm|pkg|py|js|ts|css|html|min|bundle|main)[_\-.]"
)


_RUN_NEEDLE = b"a" * 24


def _token_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans _TOKEN_RUN.finditer gives: each maximal run of token characters of 24 or more, cut at
    300. In ASCII text found with bytes.find on a translated copy, which skips ahead in C where the
    regex engine would try every letter of the file."""
    if not text.isascii():
        yield from (m.span() for m in _TOKEN_RUN.finditer(text))
        return
    marked = text.encode("ascii").translate(_RUN_MARK)
    pos = 0
    while (i := marked.find(_RUN_NEEDLE, pos)) >= 0:
        start = marked.rfind(b" ", pos, i) + 1 if i > pos else i
        start = max(start, pos)
        end = marked.find(b" ", i)
        end = len(marked) if end < 0 else end
        yield start, min(end, start + 300)
        pos = end


def prefixed_tokens(text: str, runs: list[tuple[int, int]] | None = None) -> Iterator[Hit]:
    for s, e in _token_runs(text) if runs is None else runs:
        if s and (text[s - 1] in "/+%\\" or text[s - 1].isalnum()):
            continue  # the middle of a path, a URL or a base64 blob
        pad = e
        while pad < len(text) and pad - e < 2 and text[pad] == "=":
            pad += 1  # base64 padding closes a token (`glc_eyJ…==`) when nothing follows it
        if pad > e and (pad == len(text) or text[pad] in _BARE_RIGHT):
            e = pad
        elif e < len(text) and (text[e] in "/+=%[{(" or text[e].isalnum() or text[e] in "_-."):
            continue  # part of a path, a URL, a base64 blob, a pattern or a call, or a run too long to be a token
        run = text[s:e].rstrip(".-_")
        p = _TOKEN_PREFIX.match(run)
        if not p or _PREFIX_NOT_VENDOR.match(run):
            continue
        body = run[p.end() :]
        n = len(body)
        if run[p.end() - 1] == "." and body[:1].isupper() and body[1:3].islower():
            continue  # `ir.Float8E4M3Type`: an attribute of a module
        if is_potential_uuid(run) or _UUID_PIECES.fullmatch(body) or n <= 40 and has_camel_words(body):
            continue
        if n < 20 or _IDENTIFIER_VALUE.fullmatch(body) or is_potential_uuid(body) or is_placeholder(body):
            continue
        if typed_by_hand(body):
            continue
        if not any(c.isdigit() for c in body) or not any(c.isalpha() for c in body):
            continue
        segments = [x for x in re.split(r"[._\-]+", body) if x]
        if any(WORD_SEGMENT.fullmatch(x) for x in segments):
            continue  # `ser_flatbuf.DType.f8_e4m3`, `DXGI_FORMAT.R8G8B8A8_UNORM`: names made of words
        if any(x.isalpha() for x in segments) and any(
            len(x) >= 32 and all(c in string.hexdigits for c in x) for x in segments
        ):
            continue  # `jit__psum-<sha256>`: a name with a hash in it
        if (
            run[p.end() - 1] == "-"
            and n in _HASH_LENGTHS
            and all(c in string.hexdigits for c in body)
            and run[: p.end() - 1].lower() not in ("key", "token", "secret", "api", "sk")
        ):
            continue  # `inc-cbb1eca3…` (dask keys), `main-<md5>` (bundles): a name and a hash
        if _class_changes(body) < 0.3 * n or len(DIGIT_LETTER.findall(body)) < 2:
            continue
        if shannon_entropy(body) < (3.0 if all(c in string.hexdigits for c in body) else 3.5):
            continue
        if all(c in string.hexdigits for c in body) and n in _HASH_LENGTHS:
            ls = text.rfind("\n", max(0, s - 200), s) + 1
            if _HASH_CONTEXT.search(text, ls, e):
                continue
        yield Hit("key", s, s + len(run), "PrefixedToken")


# ---- provider tokens whose prefix has no separator, looked up at the start of each token run ----------

# Public token formats (each provider's documented prefix and alphabet), tried only where a run of token
# characters starts with the prefix: one `str.startswith` per run instead of one scan of the text each.
PROVIDER_SHAPES = {
    "ATATT3": (
        "AtlassianApiToken",
        re.compile(r"ATATT3[A-Za-z0-9_\-]{100,300}+(?:=|\\=|%3[Dd])[A-F0-9]{8}(?![A-Za-z0-9])"),
    ),
    "dapi": ("DatabricksToken", re.compile(r"dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9])")),
    "AGE-SECRET-KEY-1": (
        "AgeSecretKey",
        re.compile(r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])"),
    ),
    "sntrys_eyJ": ("SentryOrgToken", re.compile(r"sntrys_eyJ[A-Za-z0-9+/=_\-]{50,1000}+")),
    "ops_eyJ": ("OnePasswordServiceToken", re.compile(r"ops_eyJ[A-Za-z0-9+/=_\-]{100,2000}+")),
    "IGQV": ("InstagramToken", re.compile(r"IGQV[A-Za-z0-9_\-]{100,400}+")),
    "cmVmdGtu": ("JFrogReferenceToken", re.compile(r"cmVmdGtu[A-Za-z0-9]{56}(?![A-Za-z0-9])")),
    "AAAAAAAAAAAAAAAAAAAAA": ("TwitterBearerToken", re.compile(r"A{21}[A-Za-z0-9%]{30,200}+")),
    "ATBB": ("BitbucketAppPassword", re.compile(r"ATBB[A-Za-z0-9]{32}(?:[A-F0-9]{8})?(?![A-Za-z0-9])")),
    "oy2": ("NuGetApiKey", re.compile(r"oy2[a-z0-9]{43}(?![A-Za-z0-9])")),
    "pul-": ("PulumiToken", re.compile(r"pul-[a-f0-9]{40}(?![A-Za-z0-9])")),
    "api_org_": ("HuggingFaceOrgToken", re.compile(r"api_org_[A-Za-z]{34}(?![A-Za-z0-9])")),
    "FLWSECK": ("FlutterwaveSecretKey", re.compile(r"FLWSECK(?:_TEST)?-[a-fA-F0-9]{32}-X(?![A-Za-z0-9])")),
    "v1.0-": ("CloudflareOriginCaKey", re.compile(r"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![A-Za-z0-9])")),
    # Heroku's platform API keys: `HRKU-AA` and 58 characters, or (older) `HRKU-` and a UUID
    "HRKU-": (
        "HerokuApiKey",
        re.compile(
            r"HRKU-(?:AA[0-9A-Za-z_\-]{58}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w\-])"
        ),
    ),
}
_SHAPE_PREFIXES = tuple(PROVIDER_SHAPES)
_GOOGLE_REFRESH = re.compile(r"1//0[A-Za-z0-9_\-]{40,400}+")
_DISCORD_WEBHOOK = re.compile(r"discord(?:app)?\.com/api/webhooks/\d{5,30}/([A-Za-z0-9_\-]{60,80})(?![A-Za-z0-9_\-])")


def provider_shapes(text: str, runs: list[tuple[int, int]]) -> Iterator[Hit]:
    for s, _ in runs:
        if text.startswith(_SHAPE_PREFIXES, s) and not (s and text[s - 1].isalnum()):
            for prefix, (name, pat) in PROVIDER_SHAPES.items():
                m = pat.match(text, s) if text.startswith(prefix, s) else None
                if m and looks_random(m.group(0)) and not is_placeholder(m.group(0)[len(prefix) :]):
                    yield Hit("key", s, m.end(), name)
                    break
    if "1//0" in text:
        for m in _GOOGLE_REFRESH.finditer(text):
            if looks_random(m.group(0)) and not is_placeholder(m.group(0)):
                yield Hit("key", m.start() + 3, m.end(), "GoogleRefreshToken")
    if "/api/webhooks/" in text:
        for m in _DISCORD_WEBHOOK.finditer(text):
            if looks_random(m.group(1)):
                yield Hit("key", m.start(1), m.end(1), "DiscordWebhook")


# ---- bare random tokens: no name, no known prefix, only randomness --------------------------------------

_BARE_LEFT = frozenset(" \t\n\"'`=:,;([{<")
_BARE_RIGHT = frozenset(" \t\r\n\"'`,;)]}>")


def bare_random_tokens(text: str, runs: list[tuple[int, int]]) -> Iterator[Hit]:
    """A whole token of 32-512 characters that mixes upper case, lower case and digits as random text does
    (class changes on almost every other character, digits inside letters, high entropy, no words): what
    a provider token is when nothing names it (a value given to a name is the name's to judge). Hashes (hex), UUIDs, base64 blocks (a neighbouring line of
    the same kind), hand-typed shapes and lines with hash words are left alone."""
    for s, e in runs:
        if s and text[s - 1] not in _BARE_LEFT or e < len(text) and text[e] not in _BARE_RIGHT:
            continue
        run = text[s:e].rstrip(".-_")
        n = len(run)
        if not 32 <= n <= 512:
            continue
        if not (any(c.isupper() for c in run) and any(c.islower() for c in run) and any(c.isdigit() for c in run)):
            continue
        if _class_changes(run) < 0.45 * n or len(DIGIT_LETTER.findall(run)) < 4 or shannon_entropy(run) < 4.2:
            continue
        segments = [x for x in re.split(r"[._\-]+", run) if x]
        if any(WORD_SEGMENT.fullmatch(x) for x in segments) or CAMEL_RUN.search(run):
            continue
        if is_placeholder(run) or typed_by_hand(run) or is_potential_uuid(run) or _UUID_PIECES.fullmatch(run):
            continue
        ls = text.rfind("\n", max(0, s - 600), s) + 1
        le = text.find("\n", e, e + 600)
        le = min(len(text), e + 600) if le < 0 else le
        if _HASH_CONTEXT.search(text, ls, le) or _in_base64_block(text, ls, le):
            continue
        named = _NAME_BEFORE.search(text, max(ls, s - 120), s)
        if named and _key_name_strength(named.group(1)) is None:
            continue  # `font_data = "…"`, `public_key: …`: a name that is not a secret's decides
        yield Hit("key", s, s + n, "BareRandomToken")


def lone_tokens(text: str, runs) -> Iterator[Hit]:
    """A line that is one generated-looking token and nothing else (a token pasted into a file or a README):
    not a hash (hex of 40 or 64 characters, hash words nearby), not a UUID, not one of a block of such lines,
    not a MIME boundary or an option (`--e2e4…`). Every look around a token is bounded (linear on any text), and
    a text with more than 100 such lines is a data file (a word or token list), not a place a secret was pasted."""
    lone = []
    for s, e in runs:
        n = e - s
        if n > 200 or text[s] in "-.":
            continue
        ls = text.rfind("\n", max(0, s - 200), s) + 1
        if ls == 0 and s > 200 or text[ls:s].strip():
            continue
        le = text.find("\n", e, e + 200)
        le = len(text) if le < 0 and len(text) - e <= 200 else le
        if le < 0 or text[e:le].strip():
            continue
        prev_s = text.rfind("\n", max(0, ls - 600), max(0, ls - 1)) + 1
        nxt_e = text.find("\n", le + 1, le + 600)
        nxt_e = min(len(text), le + 600) if nxt_e < 0 else nxt_e
        neighbours = (
            text[prev_s : ls - 1].strip() if ls else "",
            text[le + 1 : nxt_e].strip() if le < len(text) else "",
        )
        if any(x and " " not in x and len(x) >= 16 for x in neighbours):
            continue  # a block of tokens: hashes, test vectors, keys of a list
        lone.append((s, e, ls, le))
        if len(lone) > 100:
            return
    for s, e, ls, le in lone:
        n = e - s
        run = text[s:e]
        if not looks_generated(run) or is_potential_uuid(run) or _UUID_PIECES.fullmatch(run):
            continue
        if any(x.isalpha() and len(x) >= 6 for x in re.split(r"[-_.]+", run)):
            continue  # `loyversePRIVATEkey-<v>`: a name runs into the value (hyphen_joined_values' form)
        if n in (40, 64) and all(c in string.hexdigits for c in run):
            continue  # a commit or a SHA-256
        if is_placeholder(run) or typed_by_hand(run):
            continue
        if _HASH_CONTEXT.search(text, max(0, ls - 300), min(len(text), le + 300)) or _in_base64_block(text, ls, le):
            continue
        yield Hit("key", s, e, "LoneToken")


_NAME_BEFORE = re.compile(
    r"""([A-Za-z_][\w.\-]{0,60}+)["'\]]?[ \t]{0,4}+(?:=|:|=>)[ \t]{0,4}+[\[({]?[ \t]{0,4}+[bru]?["'`]?$"""
)
_B64_BLOCK_LINE = re.compile(r"[ \t]*+[\"']?[A-Za-z0-9+/=]{40,}+[\"']?[,;+\\]?[ \t]*+")


def _in_base64_block(text: str, ls: int, le: int) -> bool:
    """The line sits among lines of base64 (an embedded file, a key or certificate body, test data)."""
    prev_s = text.rfind("\n", max(0, ls - 2 - 600), max(0, ls - 1)) + 1
    if ls > 0 and _B64_BLOCK_LINE.fullmatch(text, prev_s, ls - 1):
        return True
    nxt_e = text.find("\n", le + 1, le + 601)
    nxt_e = min(len(text), le + 601) if nxt_e < 0 else nxt_e
    return le < len(text) and _B64_BLOCK_LINE.fullmatch(text, le + 1, nxt_e) is not None


# ---- credentials on command lines: `curl -u user:pass`, `--user 'user:pass'` ---------------------

# starts with the literal `-` (the engine searches for it fast), then looks behind it
_CLI_USER = re.compile(
    r"""-(?<![\w-]-)(?:u|-user)[ \t]{1,4}+(?P<arg>(?P<q>["']?)(?P<user>[^\s"':]{0,64}+):(?P<pq>["']?)"""
    r"""(?P<pw>[^\s"']{0,64}+)(?P=pq)(?P=q))(?![^\s;|&)])"""
)


# `mysql -uroot -pS3cret`, `mysqldump -p'…'`: the password attached to `-p` (a lone `-p` prompts)
_MYSQL_CMD = re.compile(r"\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump)\b")
_MYSQL_P = re.compile(r"""[ \t]-p(?P<q>["']?)(?P<pw>[^\s"'-][^\s"']{3,63}+)(?P=q)(?=[\s;|&)]|$)""")
# `sshpass -p …`, `docker login -u bob -p …`: a password given apart from `-p`
_CLI_P_CMD = re.compile(r"\b(?:sshpass|(?:docker|podman|buildah|skopeo|nerdctl|helm[ \t]+registry)[ \t]+login)\b")
_CLI_P = re.compile(r"""[ \t]-p[ \t]{1,4}+(?P<q>["']?)(?P<pw>[^\s"'-][^\s"']{3,127}+)(?P=q)(?=[\s;|&)]|$)""")


def _line_bounds(text: str, i: int) -> tuple[int, int]:
    ls = text.rfind("\n", max(0, i - 2000), i) + 1
    le = text.find("\n", i, i + 2000)
    return ls, (min(len(text), i + 2000) if le < 0 else le)


def cli_p_passwords(text: str) -> Iterator[Hit]:
    """Passwords given to `-p`: found from literals (`mysql`, `sshpass`, `login`), each line checked once."""
    if " -p" not in text:
        return  # one scan for the flag first: the commands' names are common words in code
    for cmd, flag, hints in ((_MYSQL_CMD, _MYSQL_P, ("mysql", "mariadb")), (_CLI_P_CMD, _CLI_P, ("sshpass", "login"))):
        done = -1
        for i in _stem_starts(text, hints) if any(h in text for h in hints) else ():
            if i < done:
                continue
            ls, le = _line_bounds(text, i)
            done = le
            m = cmd.search(text, ls, le)
            if not m:
                continue
            for f in flag.finditer(text, m.end(), le):
                pw = f.group("pw")
                if password_value_ok(pw, quoted=bool(f.group("q")), words=True) and not pw.startswith("$"):
                    yield Hit("password", f.start("pw"), f.end("pw"), "CliPassword")


# .netrc: `machine <host> login <user> password <pw>`, on one line or over several
_NETRC = re.compile(
    r"\bmachine[ \t\r\n]{1,8}+(?P<host>\S{1,256}+)(?:[ \t\r\n]{1,8}+(?:login|account|port)[ \t\r\n]{1,8}+\S{1,256}+){0,3}+"
    r"[ \t\r\n]{1,8}+password[ \t]{1,8}+(?P<pw>[^\s\"'`]{4,256}+)"
)


def netrc_passwords(text: str, low: str) -> Iterator[Hit]:
    if "machine" not in low:
        return
    for m in _NETRC.finditer(text):
        host, pw = m.group("host"), m.group("pw")
        if ("." in host or host == "localhost") and password_value_ok(pw, quoted=False) and pw.isprintable():
            yield Hit("password", m.start("pw"), m.end("pw"), "NetrcPassword")  # a host name, then a literal


# SQL: `CREATE USER u IDENTIFIED BY <pw>`, `IDENTIFIED WITH mysql_native_password BY '<pw>'` (MySQL, Oracle;
# `IDENTIFIED BY PASSWORD '<hash>'` and `BY VALUES` give a hash, binds and variables are no literal);
# PowerShell: `ConvertTo-SecureString [-String] "<pw>" -AsPlainText` (the string to make a credential of)
_SQL_IDENTIFIED = re.compile(
    r"""(?i)\bidentified[ \t]{1,4}+(?:with[ \t]{1,4}+['"`]?[\w$]{1,40}+['"`]?[ \t]{1,4}+)?by[ \t]{1,4}+"""
    r"""(?!(?:password|values|random)\b)(?P<q>['"`]?)(?P<pw>[^\s'"`;,()\\]{4,128}+)(?P=q)"""
)
# PostgreSQL and others: `CREATE USER u WITH PASSWORD '<pw>'`, `ALTER ROLE r LOGIN PASSWORD '<pw>'` (a quoted
# literal; `PASSWORD NULL`, binds and `ENCRYPTED PASSWORD 'md5…'` hashes are no password)
_SQL_WITH_PASSWORD = re.compile(r"""(?i)\bpassword[ \t]{1,4}+(?P<q>['"])(?P<pw>[^\s'"\\;]{4,128}+)(?P=q)""")
_SQL_STATEMENT = re.compile(
    r"(?i)\b(?:create|alter|grant)[ \t]{1,4}+(?:[\w'\"`@%.]{1,64}+[ \t]{1,4}+){0,3}?(?:user|role|login)\b"
)
_SECURE_STRING = re.compile(
    r"""(?i)\bConvertTo-SecureString(?:[ \t]{1,4}+-(?:String|AsPlainText|Force)\b)*+[ \t]{1,4}+"""
    r"""(?:(?P<q>\\?["'])(?P<qv>[^"'\s\\]{4,128}+)(?P=q)|(?P<uv>[^\s"'`$(\-][^\s"'`]{3,127}+))"""
)


def _sql_passwords(text: str, pattern: re.Pattern, skip_encrypted: bool) -> Iterator[Hit]:
    """The password of each match of pattern that sits in a CREATE/ALTER/GRANT statement of a user or role (not
    in prose: `this hint is identified by *NO* sign`); with skip_encrypted, not after ENCRYPTED (an md5 hash)."""
    for m in pattern.finditer(text):
        pw = m.group("pw")
        ls = max(text.rfind("\n", max(0, m.start() - 300), m.start()) + 1, m.start() - 300)  # bounded: linear
        if not _SQL_STATEMENT.search(text, ls, m.start()):
            continue
        if skip_encrypted and text[max(0, m.start() - 10) : m.start()].lower().strip() == "encrypted":
            continue
        if len(pw) >= 6 and pw[0] not in ":?@$%{&<*" and password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "SqlPassword")


def sql_and_shell_passwords(text: str, low: str) -> Iterator[Hit]:
    if "identified" in low:
        yield from _sql_passwords(text, _SQL_IDENTIFIED, skip_encrypted=False)
    if "password" in low and ("user" in low or "role" in low):
        yield from _sql_passwords(text, _SQL_WITH_PASSWORD, skip_encrypted=True)
    if "convertto-securestring" in low:
        for m in _SECURE_STRING.finditer(text):
            g = "qv" if m.group("qv") is not None else "uv"
            if password_value_ok(m.group(g), quoted=True):
                yield Hit("password", m.start(g), m.end(g), "SecureStringPassword")


def cli_credentials(text: str) -> Iterator[Hit]:
    yield from cli_p_passwords(text)
    if "-u" not in text:
        return
    for m in _CLI_USER.finditer(text):
        user, pw = m.group("user"), m.group("pw")
        if pw.startswith(("//", "{")) or user.startswith(("$", "{", "<")):
            continue
        if len(pw) >= 4 and password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "CliPassword")  # the user name stays
        elif not pw and _prose_password_ok(user, "password"):
            yield Hit("password", m.start("user"), m.end("user"), "CliPassword")  # `-u <key>:`: the key is the user


def entropy_keys(text: str) -> Iterator[Hit]:
    """Quoted strings that detect-secrets' entropy plugins score high, assigned to a secret-sounding name.

    Post-filters: hashes (hex of hash lengths or with hash words on the line), UUIDs, sequential,
    templated and placeholder strings.
    """
    for m in _QUOTED.finditer(text):
        value = m.group(2)
        lo = max(0, m.start() - 80)
        ls = max(text.rfind("\n", lo, m.start()) + 1, lo)
        left = text[ls : m.start()]
        if not _KEY_CONTEXT.search(left):
            continue
        is_hex = all(c in string.hexdigits for c in value)
        if not is_hex and not _B64URL_SET.issuperset(value):
            # symbols too (Django's SECRET_KEY): random over the whole alphabet, not a URL, path or template
            if len(value) < 20 or _NOT_A_KEY.search(value) or char_classes(value) < 3 or shannon_entropy(value) < 4.0:
                continue
            if is_placeholder(value):
                continue
            yield Hit("key", m.start(2), m.end(2), "HighEntropyString")
            continue
        if is_hex:
            if len(value) < 24 or _HEX_PLUGIN.calculate_shannon_entropy(value) <= _HEX_PLUGIN.entropy_limit:
                continue
            le = text.find("\n", m.end(), m.end() + 200)
            line = text[ls : (m.end() + 200 if le < 0 else le)]
            if len(value) in (32, 40, 56, 64, 96, 128) and _HASH_CONTEXT.search(line):
                continue
        else:
            # a digit too: random base64 of 20+ characters almost always has one, identifiers and
            # hyphenated words (`Authorization-Header-Name`) do not
            if len(value) < 20 or not looks_random(value) or not any(c.isdigit() for c in value):
                continue
            if _B64_PLUGIN.calculate_shannon_entropy(value) <= min(_B64_PLUGIN.entropy_limit, 3.0 + len(value) / 32):
                continue
        if is_placeholder(value) or is_potential_uuid(value) or typed_by_hand(value) or encoded_placeholder(value):
            continue
        if CAMEL_RUN.search(value):
            continue  # `clm34688:AgencyIdentificationCodeContentType`: a type name, not a key
        yield Hit("key", m.start(2), m.end(2), "HighEntropyString")


# a literal compared with a secret's name, the literal first (`if ("…" == password)`, Yoda conditions)
_LITERAL_FIRST = re.compile(
    r"""(?P<q>["'`])(?P<v>[^"'`\s\\]{4,128}+)(?P=q)[ \t]{0,4}+[=!]==?[ \t]{0,4}+(?P<n>[A-Za-z_$][\w$.]{0,80}+)"""
)


def compared_literals(text: str) -> Iterator[Hit]:
    """Literals compared with a password- or secret-named variable, the literal written first: the value is what
    the code checks the secret against (`if ("…" === my_private_key)`)."""
    if "==" not in text and "!=" not in text:
        return
    for m in _LITERAL_FIRST.finditer(text):
        name, value, vs = m.group("n").rsplit(".", 1)[-1], m.group("v"), m.start("v")
        if _is_password_key(name):
            if password_value_ok(value, True):
                yield Hit("password", vs, vs + len(value), "ComparedLiteral")
            continue
        strength = _key_name_strength(name)
        if strength == "strong" and symbol_literal(value) or strength and _key_value_ok(text, value, vs, strength):
            yield Hit("key", vs, vs + len(value), "ComparedLiteral")


def find_secrets(text: str, p: PiiConfig) -> list[Hit]:
    """All secret hits in `text` under the `pii` section's switches (may overlap; the caller resolves overlaps)."""
    out: list[Hit] = []
    low = lowered(text)
    if p.providers:
        names = tuple(p.plugins or PLUGINS)
        out.extend(_plugin_hits(text, names))
        if "NpmDetector" in names:
            out.extend(_npm_auth_tokens(text))
        out.extend(_extra_hits(text))
        if not p.plugins:  # a chosen plugin list means those providers only
            runs = list(_token_runs(text))
            out.extend(prefixed_tokens(text, runs))
            out.extend(provider_shapes(text, runs))
            out.extend(bare_random_tokens(text, runs))
            out.extend(lone_tokens(text, runs))
    if p.private_keys:
        out.extend(private_key_blocks(text))
    if p.passwords:
        out.extend(url_credentials(text))
        out.extend(password_assignments(text, low))
        out.extend(prose_passwords(text, low))
        out.extend(cli_credentials(text))
        out.extend(netrc_passwords(text, low))
        out.extend(sql_and_shell_passwords(text, low))
        out.extend(c for c in compared_literals(text) if c.kind == "password")
    if p.entropy:
        out.extend(entropy_keys(text))
        out.extend(key_named_values(text, low))
        out.extend(named_value_pairs(text, low))
        out.extend(hyphen_joined_values(text, low))
        out.extend(access_named_values(text, low))
        out.extend(c for c in compared_literals(text) if c.kind == "key")
    return out
