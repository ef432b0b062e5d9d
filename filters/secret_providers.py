"""Provider tokens and keys by their own shape: detect-secrets' provider plugins (run on windows around
their literal hints), providers the library misses, whole private-key blocks, vendor-prefixed tokens, and
high-entropy strings that only count in a key's context.
"""

from __future__ import annotations

import base64
import json
import re
import string
from functools import lru_cache
from typing import Iterator

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
from repoloom.filters.needles import LOW_GATES, TEXT_GATES
from repoloom.filters.secret_names import (
    _B64URL_SET,
    _HASH_CONTEXT,
    _HASH_LENGTHS,
    _IDENTIFIER_VALUE,
    _NOT_A_KEY,
    _RUN_MARK,
    Hit,
    _class_changes,
    _key_name_strength,
    _stem_starts,
    at_word_of,
    _token_runs,
)
from repoloom.filters.secret_values import (
    CAMEL_RUN,
    DIGIT_LETTER,
    WORD_SEGMENT,
    bearer_word,
    char_classes,
    encoded_placeholder,
    has_camel_words,
    is_b64_line,
    is_placeholder,
    looks_generated,
    looks_random,
    password_value_ok,
    shannon_entropy,
    short_token,
    stand_in,
    typed_by_hand,
    word_literal,
    words_only,
)

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


class _Anchored:
    """`pattern.finditer`, tried only where a match can start: on a translated copy of ASCII text (`table` maps each
    character to its class), every start a match can have is an occurrence of `needle`, found by bytes.find at memory
    speed, where the regex would try every position its first class allows; tried in order past the last match's
    end, as finditer tries them. Other text runs the pattern."""

    def __init__(self, pattern: re.Pattern, table: bytes, needle: bytes):
        self.pattern, self.table, self.needle = pattern, table, needle

    def finditer(self, text: str) -> Iterator[re.Match]:
        if not text.isascii():
            yield from self.pattern.finditer(text)
            return
        image = text.encode("ascii").translate(self.table)
        end = 0
        while (p := image.find(self.needle, end)) >= 0:
            m = self.pattern.match(text, p)
            if m:
                end = m.end()
                yield m
            else:
                end = p + 1

    def starts(self, text: str) -> Iterator[int]:
        return (m.start() for m in self.finditer(text))


# `['"][0-9a-zA-Z/+]{40}['"]`: a quote (q), 40 of the value's characters (a), a quote (each occurrence a match)
_AWS_QUOTED_VALUE = _Anchored(
    re.compile(r"['\"][0-9a-zA-Z/+]{40}['\"]"),
    bytes(
        ord("q") if chr(c) in "'\"" else ord("a") if chr(c) in string.ascii_letters + string.digits + "/+" else ord(" ")
        for c in range(256)
    ),
    b"q" + b"a" * 40 + b"q",
)


# Literal hints: a plugin pattern runs only on line-bounded windows around occurrences of its hint.
# Needed where a pattern has an unbounded `.+` (npm), and a large speed-up where a pattern starts
# with a character class or alternation that defeats the regex engine's literal-prefix search.
# Every hint is a substring of any match of the pattern, so recall is unchanged.
_HINTS = {
    ("ArtifactoryDetector", 0): "AKC",
    ("ArtifactoryDetector", 1): re.compile(r"AP[\dABCDEF]"),  # not `AP`: API, APP are everywhere
    ("MailchimpDetector", 0): re.compile(r"-us\d"),
    # the quoted 40-character value the pattern ends with; its `aws.{0,20}?…{0,20}?` prefix is costly
    ("AWSKeyDetector", 1): _AWS_QUOTED_VALUE,
}
# Gates: a pattern runs (on the whole text) only if one of these literals occurs in it, and each match holds one
# of them. All are found in one scan of the text (needles.TEXT_GATES), far cheaper than a regex scan each.
_GITHUB_GATE = ("ghp_", "gho_", "ghu_", "ghs_", "ghr_")
_GITLAB_GATE = tuple(f"gl{k}-" for k in ("pat", "dt", "ft", "soat", "rt", "cbt", "imt", "ptt", "agent", "oas"))
_PYPI_GATE = ("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw")
_GATES = {
    ("AWSKeyDetector", 0): ("A3T", "ABIA", "ACCA", "AKIA", "ASIA"),
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
    ("PypiTokenDetector", 0): _PYPI_GATE,
    ("PypiTokenDetector", 1): _PYPI_GATE,
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


# Generic keys: quoted high-entropy strings assigned to a secret-sounding name on the same line.
_B64_PLUGIN = Base64HighEntropyString()
_HEX_PLUGIN = HexHighEntropyString()
_QUOTED = re.compile(r"""(["'`])([^\s"'`\\]{16,512}+)\1""")
# on ASCII text a match starts at a quote followed by 16 characters of its run: on a translated copy (quote -> q, a
# character the run may hold -> a; whitespace as \s has it, quotes and backslashes end a run) those are the needle's
# occurrences, where finditer would try the pattern at every quote
_quoted_matches = _Anchored(
    _QUOTED,
    bytes(
        ord("q") if chr(c) in "\"'`" else ord(" ") if chr(c).isspace() or c == 92 or c > 127 else ord("a")
        for c in range(256)
    ),
    b"q" + b"a" * 16,
).finditer


_KEY_CONTEXT = re.compile(
    r"(?i)(?:secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|client[_\-]?secret|auth|"
    r"credential|bearer|signing[_\-]?key|encryption[_\-]?key|session[_\-]?key|app[_\-]?key|master[_\-]?key)"
    r"""[\w\-]{0,30}['"\]]?\s{0,4}(?::=|=>|[=:(,]|\s)\s{0,4}[\[({]?\s{0,4}(?:b|r|u|f)?$"""
)


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
                gate_open[id(gate)] = any(TEXT_GATES.contains(text, g) for g in gate)
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
        if not TEXT_GATES.contains(text, hint):
            continue
        for m in pat.finditer(text):
            s = m.start()
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_") and not pat.pattern.startswith("(?:"):
                continue
            if not is_placeholder(m.group(0)) and not typed_by_hand(m.group(0)):
                yield Hit("key", s, m.end(), name)
    yield from _jwts_after_equals(text)
    if TEXT_GATES.contains(text, "eyJ"):
        yield from loose_jwts(text)
    yield from _azure_client_secrets(text)
    if TEXT_GATES.contains(text, "k_live_") or TEXT_GATES.contains(text, "k_test_"):
        for m in _STRIPE_SHORT.finditer(text):
            tail = m.group(1)
            if looks_random(tail) and not is_placeholder(tail) and not typed_by_hand(tail):
                yield Hit("key", m.start(), m.end(), "StripeKey")
    if TEXT_GATES.contains(text, "earer"):
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
    yield from _placed_keys(text)


# Keys that sit in a known place, each behind a literal hint: codecov's badge token (10 characters after
# `?token=`), a TOTP secret inside a URL-encoded otpauth URL (`secret%3D<base32>`), Vault's unseal keys
# (`Unseal Key 1: <b64>`, `vault operator unseal <b64>`), ASP.NET's `<machineKey validationKey="<hex>"`.
_CODECOV_BADGE = re.compile(r"codecov\.io/[^\s\"'()<>]{1,200}?[?&]token=([A-Za-z0-9]{10})(?![A-Za-z0-9])")
_OTPAUTH_ENCODED = re.compile(r"(?i:%3F|%26)secret%3D([A-Z2-7]{16,128}+)(?![A-Za-z0-9])")
_VAULT_UNSEAL = re.compile(
    r"(?:Unseal Key \d{1,2}:|operator[ \t]+unseal(?:[ \t]+-[\w\-=]{1,40}){0,3}+)[ \t]{1,8}+([A-Za-z0-9+/]{40,64}+={0,2})"
)
# The signing secret passed to a JWT library by position: `jwt.sign({ foo: 'bar' }, 'shhhhh')`,
# `jwt.encode(payload, "s3cr3t-key", algorithm="HS256")`, `jwt.verify(token, 'k')`.
_JWT_SECRET_ARG = re.compile(
    r"""\bjwt\.(?:sign|encode|verify|decode)\([ \t]*+(?:\{[^{}\n]{0,200}+\}|[A-Za-z_][\w.]{0,60}+)[ \t]*+,[ \t]*+"""
    r"""(?P<q>["'])(?P<v>[^\s"'\\]{6,128}+)(?P=q)"""
)
# an Azure shared access signature's `sig=` (HMAC-SHA256, base64, URL-encoded) in a URL or a connection string whose
# `sv=<version>` comes first (`?sv=2021-06-08&ss=b&…&sig=…`, `SharedAccessSignature=sv=…&sig=…`)
_SAS_SIG = re.compile(r"[?&;]sig=([A-Za-z0-9%+/]{40,120}+)")
_SAS_VERSION = re.compile(r"[?&;=]sv=\d{4}-\d{2}-\d{2}")
# WordPress' eight secret keys, `define('NONCE_SALT', '…')`, `define('AUTH_KEY', '…')`…: the generator's values
# may hold spaces, which no generic value check takes; `put your unique phrase here` is wp-config-sample's stand-in
_WP_SALT = re.compile(
    r"""define\([ \t]{0,4}+(?P<q>["'])(?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(?:SALT|KEY)(?P=q)[ \t]{0,4}+,[ \t]{0,4}+"""
    r"""(?P<q2>["'])(?P<v>[^"'\\\n]{32,128}+)(?P=q2)"""
)
_MACHINE_KEY = re.compile(r"""(?:validation|decryption)Key[ \t]*+=[ \t]*+["']([A-Fa-f0-9]{32,256}+)["']""")


def _placed_keys(text: str) -> Iterator[Hit]:
    if TEXT_GATES.contains(text, "codecov.io"):
        for m in _CODECOV_BADGE.finditer(text):
            v = m.group(1)
            if not (v.isalpha() and (v.islower() or v.isupper())) and not is_placeholder(v):
                yield Hit("key", m.start(1), m.end(1), "CodecovToken")  # mixed case or digits: generated
    if TEXT_GATES.contains(text, "ecret%3"):  # one scan for `secret%3D` and `secret%3d`
        for m in _OTPAUTH_ENCODED.finditer(text):
            if not typed_by_hand(m.group(1)):
                yield Hit("key", m.start(1), m.end(1), "OtpauthSecret")
    if TEXT_GATES.contains(text, "nseal"):
        for m in _VAULT_UNSEAL.finditer(text):
            if looks_random(m.group(1)):
                yield Hit("key", m.start(1), m.end(1), "VaultUnsealKey")
    if TEXT_GATES.contains(text, "jwt."):
        for m in _JWT_SECRET_ARG.finditer(text):
            v = m.group("v")
            if v.isupper() or is_placeholder(v) or stand_in(v):
                continue  # `HS256` is an algorithm's name; `your-secret-key` a stand-in
            if word_literal(v) or looks_random(v):  # not `secret`, `changeme`
                yield Hit("key", m.start("v"), m.end("v"), "JwtSigningSecret")
    if TEXT_GATES.contains(text, "ionKey"):
        for m in _MACHINE_KEY.finditer(text):
            if len(set(m.group(1).lower())) > 6:  # not `0000…` or `ABCDEF…` repeated
                yield Hit("key", m.start(1), m.end(1), "AspNetMachineKey")
    if TEXT_GATES.contains(text, "sig="):
        for m in _SAS_SIG.finditer(text):
            ls = max(text.rfind("\n", max(0, m.start() - 600), m.start()) + 1, m.start() - 600)
            if _SAS_VERSION.search(text, ls, m.start()) and looks_random(m.group(1)) and not is_placeholder(m.group(1)):
                yield Hit("key", m.start(1), m.end(1), "AzureSasSignature")
    if TEXT_GATES.contains(text, "define("):
        for m in _WP_SALT.finditer(text):
            v = m.group("v")
            if len(set(v)) > 12 and "unique phrase" not in v and not is_placeholder(v):
                yield Hit("key", m.start("v"), m.end("v"), "WordPressSalt")


# `Authorization: Basic <base64 of user:password>`, `Authorization: token <t>` (GitHub), `Token <t>`, `Bot <t>`
_AUTH_HEADER = re.compile(
    r"""uthorization["']?[ \t]{0,4}+[:=,][ \t]{0,4}+["'`]?"""
    r"""(?P<scheme>Basic|token|Token|TOKEN|Bot|SSWS|Splunk|GenieKey|Apikey|ApiKey)[ \t]{1,4}+"""
    r"""(?P<v>[A-Za-z0-9\-._~+/]{8,684}+=*)"""
)


# the header's value alone in a string, without the header's name before it (a multi-line headers map, a
# constant): `"Basic QWxhZGRpbjpvcGVuc2VzYW1l"`; only base64 that decodes to `user:password` counts
_BASIC_QUOTED = re.compile(r"""(?<=["'`])Basic[ \t]{1,4}+(?P<v>[A-Za-z0-9+/]{8,684}+=*)(?=\\?["'`])""")


def _basic_password(v: str, named: bool) -> bool:
    """`v` is base64 of `user:password` with a password in it. Behind the header's name (`named`) the user may be
    empty; a word-like password (`opensesame`) counts where a user is there too."""
    try:
        decoded = base64.b64decode(v + "=" * (-len(v) % 4), validate=True).decode("ascii")
    except (ValueError, UnicodeDecodeError):
        return False
    user, sep, pw = decoded.partition(":")
    if not (sep and decoded.isprintable() and len(pw) >= 4) or not named and not user.strip():
        return False
    if password_value_ok(pw, quoted=True):
        return True
    # a word-like password (`admin:public`, `aladdin:opensesame`) counts once a user comes with it
    return bool(user.strip()) and password_value_ok(pw, quoted=True, words=True)


def _authorization_headers(text: str) -> Iterator[Hit]:
    if TEXT_GATES.contains(text, "Basic "):
        for m in _BASIC_QUOTED.finditer(text):
            if _basic_password(m.group("v"), named=False):
                yield Hit("password", m.start("v"), m.end("v"), "BasicAuthHeader")
    if not TEXT_GATES.contains(text, "uthorization"):
        return
    for m in _AUTH_HEADER.finditer(text):
        v = m.group("v")
        if m.group("scheme") == "Basic":
            if _basic_password(v, named=True):
                yield Hit("password", m.start("v"), m.end("v"), "BasicAuthHeader")
        elif len(v) >= 16 and looks_random(v) and not is_placeholder(v) and not typed_by_hand(v):
            yield Hit("key", m.start("v"), m.end("v"), "AuthorizationToken")


# `user:password` written out and base64-encoded in place, the way HTTP basic auth's header is built:
# `base64.b64encode(b'sakuya:izayoi')`, `btoa("admin:…")`, `Base64.getEncoder().encodeToString("u:p".getBytes())`,
# `Base64.strict_encode64("u:p")`, Go's `EncodeToString([]byte("u:p"))`, `Buffer.from("u:p").toString("base64")`
_ENCODED_PAIR = re.compile(
    r"""(?i:(?:urlsafe_|standard_)?b64encode|btoa|base64_encode|encodetostring|(?:strict_)?encode64|encodebase64|"""
    r"""tobase64|base64\.encode|buffer\.from)[ \t]{0,2}+\([ \t]{0,2}+(?:\[\]byte\(|b(?=["'])|u8(?=["']))?(?P<q>["'`])"""
    r"""(?P<u>[\w.@+\-]{1,64}+):(?P<pw>[^\s"'`\\:%{}$]{4,64}+)(?P=q)"""
)
# a word inside every name _ENCODED_PAIR starts with, lower-cased; the match starts at the word holding it
_ENCODE_HINTS = ("encode", "btoa", "tobase64", "buffer.from")


def encoded_pairs(text: str, low: str) -> Iterator[Hit]:
    """`user:password` literals encoded in place (`_ENCODED_PAIR`), matched only where a hint occurs (str.find)."""
    done = -1
    for i in _stem_starts(low, _ENCODE_HINTS):
        if i < done or not (m := at_word_of(text, i, _ENCODED_PAIR)):
            continue
        done = m.end()
        if low.startswith("buffer", m.start()) and "base64" not in low[m.end() : m.end() + 40]:
            continue  # `Buffer.from("a:b")` alone is bytes, not the header's encoding
        pw = m.group("pw")
        if password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "EncodedBasicCredentials")


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


# a signed JWT whose signature detect-secrets' check refuses (a length no base64 has: a test's tampered or
# re-typed signature); the header and payload must still decode to JSON objects, the header naming `alg`
_JWT_LOOSE = re.compile(r"eyJ[A-Za-z0-9_\-]{8,4096}+\.eyJ[A-Za-z0-9_\-]{4,8192}+\.[A-Za-z0-9_\-]{16,1024}+")


def _b64url_json(part: str) -> object:
    try:
        return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except ValueError:
        return None


def loose_jwts(text: str) -> Iterator[Hit]:
    pos = 0
    while (i := text.find("eyJ", pos)) >= 0:
        pos = i + 3
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_-."):
            continue
        m = _JWT_LOOSE.match(text, i)
        if not m:
            continue
        pos = m.end()
        if m.end() < len(text) and text[m.end()] in "=+/.":
            continue  # runs on as something else (a longer dotted value, padded base64)
        head, body, _ = m.group(0).split(".")
        header = _b64url_json(head)
        if isinstance(header, dict) and "alg" in header and isinstance(_b64url_json(body), dict):
            if not is_placeholder(m.group(0)):
                yield Hit("key", m.start(), m.end(), "JwtTokenDetector")


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


_TOKEN_PREFIX = re.compile(r"(?:[a-z][a-z0-9]{1,9}(?:[_\-.][a-z0-9]{1,6})?|[A-Z][A-Z0-9]{2,9})[_\-.]")
_UUID_PIECES = re.compile(r"[0-9a-fA-F]{4,12}(?:[-_][0-9a-fA-F]{4,12}){1,4}(?:\.[a-z]{2,4})?\"?")
_PREFIX_NOT_VENDOR = re.compile(
    r"(?i)(?:sha\d*|md\d|blake\d*b?|crc\d*|xxh\d*|murmur\d*|etag|commit|rev|ver|version|v\d*|id|uuid|guid|build|"
    r"data|test|tests|sample|example|git|hash|digest|nonce|salt|checksum|integrity|sri|cache|tmp|temp|file|img|"
    r"icon|font|chunk|module|vendor|assets?|static|src|lib|bin|node|npm|pkg|py|js|ts|css|html|min|bundle|main)[_\-.]"
)


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
    # Supabase's secret API keys (2025 format; `sb_publishable_…` is the public half): base64url with few digits,
    # which the generic prefixed-token check wants more of
    "sb_secret_": ("SupabaseSecretKey", re.compile(r"sb_secret_[A-Za-z0-9_\-]{28,64}+(?![A-Za-z0-9_\-])")),
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
# A webhook URL is a credential whole (whoever has it can post): Slack's `hooks.slack.com/services|workflows|triggers/`,
# Teams' `outlook.office.com/webhook/…/IncomingWebhook/…`, `…/webhooks/v1/<app>/<secret>`; scheme optional. Its
# last path segment must be token-like (16+ characters mixing letters and digits, not a placeholder): a docs link
# (`/webhooks/webhook-events`), a templated one (`/webhook/{id}`) or one on an example host is left alone.
_WEBHOOK_URL = re.compile(
    r"(?<![\w.\-/])(?:https?://)?(?:[A-Za-z0-9\-]{1,63}+\.){1,8}+[A-Za-z]{2,24}+(?::\d{1,5}+)?/[\w\-.@%/]{8,400}+"
)
_WEBHOOK_SEGMENT = re.compile(r"(?=[A-Za-z_\-]*+\d)(?=[\d_\-]*+[A-Za-z])[A-Za-z0-9_\-]{16,200}+")


def webhook_urls(text: str, low: str) -> Iterator[Hit]:
    if not (LOW_GATES.contains(low, "webhook") or TEXT_GATES.contains(text, "hooks.slack.com")):
        return
    done = -1
    for at in _stem_starts(low, ("webhook", "hooks.slack.com")):  # each line holding either read once
        if at < done:
            continue
        ls = low.rfind("\n", 0, at) + 1
        le = low.find("\n", at)
        done = len(low) if le < 0 else le
        for m in _WEBHOOK_URL.finditer(text, ls, done):
            url = m.group(0).rstrip(".")
            u = url.lower()
            if "webhook" not in u and "hooks.slack.com/" not in u or "example" in u:
                continue
            # Teams' `<group>@<tenant>/<connector>/…`: only the incoming-webhook connector posts freely
            if "@" in u and "/incomingwebhook/" not in u:
                continue
            last = url.rstrip("/").rsplit("/", 1)[-1]
            if _WEBHOOK_SEGMENT.fullmatch(last) and not is_placeholder(last):
                yield Hit("key", m.start(), m.start() + len(url), "WebhookUrl")


_DISCORD_WEBHOOK = re.compile(r"discord(?:app)?\.com/api/webhooks/\d{5,30}/([A-Za-z0-9_\-]{60,80})(?![A-Za-z0-9_\-])")


def provider_shapes(text: str, runs: list[tuple[int, int]]) -> Iterator[Hit]:
    for s, _ in runs:
        if text.startswith(_SHAPE_PREFIXES, s) and not (s and text[s - 1].isalnum()):
            for prefix, (name, pat) in PROVIDER_SHAPES.items():
                m = pat.match(text, s) if text.startswith(prefix, s) else None
                if m and looks_random(m.group(0)) and not is_placeholder(m.group(0)[len(prefix) :]):
                    yield Hit("key", s, m.end(), name)
                    break
    if TEXT_GATES.contains(text, "1//0"):
        for m in _GOOGLE_REFRESH.finditer(text):
            if looks_random(m.group(0)) and not is_placeholder(m.group(0)):
                yield Hit("key", m.start() + 3, m.end(), "GoogleRefreshToken")
    if TEXT_GATES.contains(text, "/api/webhooks/"):
        for m in _DISCORD_WEBHOOK.finditer(text):
            if looks_random(m.group(1)):
                yield Hit("key", m.start(1), m.end(1), "DiscordWebhook")


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


def entropy_keys(text: str) -> Iterator[Hit]:
    """Quoted strings that detect-secrets' entropy plugins score high, assigned to a secret-sounding name.

    Post-filters: hashes (hex of hash lengths or with hash words on the line), UUIDs, sequential,
    templated and placeholder strings.
    """
    for m in _quoted_matches(text):
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
