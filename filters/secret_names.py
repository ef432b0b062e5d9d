"""What makes a name a password's or a key's, and the helpers every secret detector shares: the finding
type (Hit), the vocabularies of password and key names (and the names that only look like them), and whether a
value under such a name is a real key rather than a hash, an identifier or a reference.
"""

from __future__ import annotations

import heapq
import re
import string
from functools import lru_cache
from typing import Iterator, NamedTuple

from detect_secrets.filters.heuristic import is_potential_uuid
from repoloom.filters import assignments
from repoloom.filters.needles import NeedleSet, TextMemo
from repoloom.filters.secret_values import (
    DIGIT_LETTER,
    DOTTED_IDENT,
    PW_BAD_VALUES,
    PW_SUFFIX_WORDS,
    VOWELS,
    WORD_SEGMENT,
    chosen_camel,
    has_camel_words,
    is_placeholder,
    random_letters,
    repeated_block,
    shannon_entropy,
    short_token,
    stand_in,
    symbol_literal,
    typed_by_hand,
    word_literal,
    words_and_numbers,
)


class Hit(NamedTuple):
    kind: str  # "key" or "password": the placeholder family
    start: int
    end: int
    detector: str  # which rule fired, for stats and evaluation


_IDENT_CHARS = set(string.ascii_letters + string.digits + "_.-")
_PW_WORDS = (
    "password",
    "passwd",
    "passphrase",
    "passcode",
    "passwort",
    # misspelt in real configs (`LOCAL_HANA_PASSSWORD=…`, `DB_PASSOWRD`): still the password's name
    "passsword",
    "passowrd",
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
# stop words that name whose password it is when they stand before the password word (`service_password`)
_PW_OWNERS = frozenset(("key", "service", "manager", "provider"))
# in an environment variable's name (`PGPOOL_SR_CHECK_PASSWORD`, `HEALTHCHECK_API_PASSWORD`) these words before the
# password word name what the password is for (a health check's user, an API's); in code (`check_password`,
# `passwordCheck`, `verifyPassword`) they name a function
_PW_ENV_OWNERS = frozenset(("check", "api", "endpoint"))
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


_B64URL_SET = frozenset(string.ascii_letters + string.digits + "+/=_-")
_NOT_A_KEY = re.compile(r"://|^[/.$%{<]|[{}]|^[\w.\-]+:\d+$|^[\w.\-]+@[\w.\-]+$")


_DOT_RANDOM = re.compile(r"\.[A-Za-z0-9+/=_\-]{9,128}+")
_HASH_CONTEXT = re.compile(r"(?i)sha|md5|hash|digest|checksum|fingerprint|etag|integrity|crc|nonce|salt|uuid|guid")


_RUN_CHARS = string.ascii_letters + string.digits + "_-."
_RUN_MARK = bytes((ord("a") if chr(c) in _RUN_CHARS else ord(" ")) for c in range(256))  # token characters -> a


def lowered(text: str) -> str:
    """`text` lowercased with the same offsets (str.lower may lengthen a few non-ASCII letters)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


# the offsets of each stem in the text being scanned, kept while the rules read the same text (one per thread:
# pipelines may scan in threads): the rules share stems (`pass`, `auth`, `cred`), and each scan of a long text for a
# literal costs as much as a rule
_OCCURRENCES = TextMemo()


# hints that hold a stem the key and password rules scan for in every text: (the stem, its offset in the hint)
_DERIVED_STEMS = {
    "credential": ("cred", 0),
    "oauthhandler": ("auth", 1),
    "oauth2client": ("auth", 1),
    "secretkey": ("secret", 0),
    "new key": ("key", 4),
    "symmetrickey": ("key", 9),
    "set_access_token": ("token", 11),
    "chpasswd": ("pass", 2),  # the password rules scan for `pass` in every text
}


# the stems the rules look up in the lower case of every text (key and password names, command and call hints), found
# in one pass (prefetch_stems) instead of one str.find scan each. A stem left out of this list is still
# found, by its own scan (occurrences): the list decides the speed, never the findings.
_COMMON_STEMS = (
    "pass",
    "auth",
    "pw",
    "cred",
    "secret",
    "key",
    "token",
    "login",
    "access",
    "private",
    "encode",
    "btoa",
    "tobase64",
    "buffer.from",
    "psw",
    "pssw",
    "pasw",
    "senha",
    "net user",
    "rabbitmqctl",
    "redis-cli",
    "basic",
    "connect",
    "objects.create_",
    "insert",
    "api",
    "hmac",
    "fernet",
    ".new",
    "cookieparser",
    "signedstring",
    "cipheriv",
    "cryptojs",
    "jwt",
    "signwith",
    "inmemory::",
    "twilio",
    "parse.initialize",
    "echo",
    "`/`",
    "` / `",
    "` and `",
    "webhook",
    "hooks.slack.com",
)


_STEM_SET = NeedleSet(_COMMON_STEMS)


def _stems_of(low: str) -> dict[str, list[int]]:
    """The offsets found so far in `low`, by stem (kept for the last two texts scanned: the text and its lower case)."""
    by_stem = _OCCURRENCES.get(low)
    return _OCCURRENCES.put(low, {}) if by_stem is None else by_stem


def prefetch_stems(low: str) -> None:
    """Every offset of each of _COMMON_STEMS in `low` (ASCII text), in one pass (filters/needles.py): every
    occurrence of every stem, overlapping ones too, so each list is the one occurrences' own scan gives."""
    found = _STEM_SET.offsets(low)
    if found is None:
        return
    by_stem = _stems_of(low)
    for stem, offsets in found.items():
        by_stem.setdefault(stem, offsets)


def occurrences(low: str, stem: str) -> list[int]:
    """Every offset of `stem` in `low`, found once per text and stem (str.find in C, or prefetch_stems)."""
    by_stem = _stems_of(low)
    found = by_stem.get(stem)
    if found is None and stem in _DERIVED_STEMS:
        # a longer hint read off a stem the key rules scan for anyway: no scan of its own
        parent, k = _DERIVED_STEMS[stem]
        found = by_stem[stem] = [i - k for i in occurrences(low, parent) if i >= k and low.startswith(stem, i - k)]
    if found is None:
        found, i = [], low.find(stem)
        while i >= 0:
            found.append(i)
            i = low.find(stem, i + 1)
        by_stem[stem] = found
    return found


_WORD_CHARS = frozenset(string.ascii_letters + string.digits + "_$")


def at_word_of(text: str, i: int, pattern: re.Pattern) -> re.Match | None:
    """`pattern` matched where the word holding offset `i` starts (`createHmac` for `hmac` at its end), or failing
    that at the word before a `.`/`::` (`Algorithm.HMAC256`, `CryptoJS.HmacSHA256`, `Base64.encode`): a hint found
    by str.find anchors a pattern whose names it sits inside."""
    ws, lo = i, max(0, i - 40)
    while ws > lo and text[ws - 1] in _WORD_CHARS:
        ws -= 1
    m = pattern.match(text, ws)
    if m is None and ws > 1 and text[ws - 1] in ".:":
        ps = ws - 2 if text[ws - 2] == ":" else ws - 1
        while ps > lo and text[ps - 1] in _WORD_CHARS:
            ps -= 1
        m = pattern.match(text, ps)
    return m


def _stem_starts(low: str, stems: tuple[str, ...]) -> Iterator[int]:
    """Offsets of every occurrence of the stems, in order: str.find in C instead of a case-insensitive
    regex alternation, which the regex engine can only try at every position."""
    found = [offsets for st in stems if (offsets := occurrences(low, st))]
    if len(found) <= 1:  # most texts hold one of the stems or none: no merge (a generator per heap step)
        return iter(found[0] if found else ())
    return heapq.merge(*found)


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
    owners = _PW_OWNERS | _PW_ENV_OWNERS if first and _ENV_NAME.fullmatch(name) and "_" in name else _PW_OWNERS
    # `passwordKey` names where the password is kept; `keyPassword`, `httpsKeyStorePassword` are a key's password;
    # `PasswordService`, `password_manager` are code that handles passwords, `SERVICE_PASSWORD`, `managerPassword`
    # (LDAP's manager DN) a service's or a manager's own password
    return not any(p in _PW_KEY_STOP and not (p in owners and i < first) for i, p in enumerate(parts))


_IDENT_RUN = re.compile(r"[A-Za-z0-9_.\-]*+")
_WORD_OPS = ("is", "was", "to")
_ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]{3,}")


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


_CONN_FIELD_BEFORE = re.compile(r"[;\"'][ \t]{0,2}+[A-Za-z]{2,20}+[ \t]$")
_OPTION_BEFORE = re.compile(r"[\w.\-]=[^\s,=]{1,64}+,$")
_OPTION_AFTER = re.compile(r",[\w.\-]{1,40}+=")


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
    env_end = env_end or (
        op == "="
        and after == ";"
        and start > 0
        and text[run_end:vs] == "="
        # `;Certificate Password=v;`, `"SSL Password=v;"`: a field named by two words, after `;` or the string's quote
        and (text[start - 1] == ";" or _CONN_FIELD_BEFORE.search(text, max(ls, start - 28), start) is not None)
    )
    # `network=tcp,addr=:6379,password=v,db=0`: a comma-separated option list (a DSN) has `k=v` on both sides
    env_end = env_end or (
        op == "="
        and after == ","
        and text[run_end:vs] == "="
        and _OPTION_BEFORE.search(text, max(ls, start - 80), start) is not None
        and _OPTION_AFTER.match(text, end) is not None
    )
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
                    and (
                        _INI_SECTION.search(text, max(0, ls - 20000), ls) is not None
                        or ":" not in value
                        and not text[start:run_end].lower().endswith("passwords")  # a setting about them
                        and _config_block(text, ls, vs + len(value))
                    )
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
            and not _YAML_STR_TAG.sub("", between[1:]).strip()
            and (
                text[ls:start].strip() in ("", "-")
                or not word
                and _COMMENT_LABEL.fullmatch(text, ls, start) is not None
                # `# truststore_password: cassandra`: a YAML line commented out, its key a compound name (a label
                # of prose is a word or words: `# First pass: determine …`); letters in the value (`# jdbc.password:
                # 123456` is a documented stand-in)
                or not value.isdigit()
                and _COMMENTED_KEY.fullmatch(text, start, run_end) is not None
                and _COMMENTED_CONFIG.fullmatch(text, ls, start) is not None
            )
        )
    return op == " " and (flag or _DEFINE.fullmatch(text, ls, start) is not None)


# any case: a commented compose/.env line names the variable in upper case (`# MYSQL_ROOT_PASSWORD: v`)
_COMMENTED_KEY = re.compile(r"[a-z][a-z0-9]*+(?:[_.][a-z0-9]++)*?[_.](?:password|passwd|passphrase)", re.IGNORECASE)
_YAML_STR_TAG = re.compile(r"!!(?:str|binary)\b")

# a line of a config file with no section header: `key = value`, `key: value`, a comment, a blank line
_CONFIG_LINE = re.compile(
    r"[ \t]*+(?:[#;!].*+|(?!self\.|this\.)[A-Za-z_][\w.\-]{0,63}+[ \t]*+[=:][ \t]*+[^\s(){};,\[\]\"'`]*+[ \t]*+)?\r?"
)


def _config_block(text: str, ls: int, le: int) -> bool:
    """The lines around a `key = value` line (three each way) read as a config file, not code: each is another
    `key = value`, a comment or blank (`password = notsecure` in a .cfg or .properties file without a `[section]`;
    code around `password = secret_var` calls, quotes, braces or ends statements)."""
    a = ls
    for _ in range(3):
        if a == 0:
            break
        a = text.rfind("\n", 0, a - 1) + 1
    b = le
    for _ in range(4):
        n = text.find("\n", b + 1)
        if n < 0:
            b = len(text)
            break
        b = n
    return all(_CONFIG_LINE.fullmatch(line) for line in text[a:b].split("\n"))


_COMMENTED_CONFIG = re.compile(
    r"(?i)[ \t]*+(?:#|;|--(?=[ \t])|//|/?\*|<!--)[ \t]*+(?:(?:e\.g\.|example|default|for example)[:,]?[ \t]{1,4}+)?"
)
_SNAKE_VARIABLE = re.compile(r"[a-z_][a-z0-9]*+_[a-z0-9_]*+")
_INI_SECTION = re.compile(r"(?m)^[ \t]*+\[[A-Za-z0-9_ .:\"\-]{1,64}+\][ \t]*+\r?$")
_SYMBOL_RUN = re.compile(r"[^\s\"'`]{8,129}+")
_CLOSER_OPENS = {")": "(", "]": "[", "}": "{", ">": "<"}


# a quoted value that holds the other quote kinds or escapes (`jwtsecret: "7`D'}/vYR)T;W\\5]E…"`), which the
# assignment parser's quoted value leaves out
_WIDE_QUOTED = re.compile(
    r"""['"`]?\]?['"`]?[ \t]{0,40}+(?::=|=>|=|:)[ \t]{0,40}+"""
    r"""(?:"(?P<d>(?:[^"\\\n]|\\.){8,128}+)"|'(?P<s>(?:[^'\\\n]|\\.){8,128}+)')"""
)


def _wide_quoted(text: str, end: int) -> tuple[str, str, int] | None:
    """(its quote, the value, where it starts) of a quoted value after the name ending at `end` (`_WIDE_QUOTED`)."""
    m = _WIDE_QUOTED.match(text, end)
    if not m:
        return None
    g = "d" if m.group("d") is not None else "s"
    return '"' if g == "d" else "'", m.group(g), m.start(g)


def _wide_quoted_symbols(text: str, end: int) -> assignments.Assigned | None:
    """The value after the name ending at `end` when it is quoted, holds other quotes or escapes, and is a
    symbol literal (`symbol_literal`): the parser's own quoted value stops at any quote or backslash."""
    w = _wide_quoted(text, end)
    return assignments.Assigned("=", w[1], w[2], True, False) if w and symbol_literal(w[1]) else None


def _wide_quoted_password(text: str, end: int) -> assignments.Assigned | None:
    r"""The value after the name ending at `end` when it is quoted and holds a quote of another kind (`password =
    ";'[08gn=#"`, `const password = 'g#4624$@F$#v\`'`, `password = '\`123QWERasdf'`): a password may hold any
    character, and the parser's own quoted value stops at the inner quote. The caller judges the value."""
    w = _wide_quoted(text, end)
    if w is None:
        return None
    quote, v, vs = w
    other = "'`" if quote == '"' else '"`'
    if len(v) > 2 and v[0] == v[-1] and v[0] in other:
        v, vs = v[1:-1], vs + 1  # `"'kumquat7'"`: quoted again for a shell or SQL, judged inside
    return assignments.Assigned("=", v, vs, True, False) if any(q in v for q in other) else None


def _symbol_run(text: str, a: assignments.Assigned) -> str | None:
    """An unquoted value that the assignment parser cut at a bracket (`password = m{{h}o)p${e]nob(…`): the whole
    run up to a space or a quote, without a trailing `,`/`;`, when it is a symbol literal (`symbol_literal`)."""
    end = a.start + len(a.value)
    if a.quoted or end >= len(text) or text[end] not in "{}[]()<>":
        return None
    if text[end] in _CLOSER_OPENS:
        # `badge.svg?token=<v>)](…)`: a closer whose opener stands before the value on its line (a Markdown link,
        # a call) ends the value there; it belongs to the syntax around the value, not to the value
        ls = max(text.rfind("\n", max(0, a.start - 400), a.start) + 1, a.start - 400)
        opener = _CLOSER_OPENS[text[end]]
        if text.count(opener, ls, a.start) > text.count(text[end], ls, a.start):
            return None
    m = _SYMBOL_RUN.match(text, a.start)
    if not m or len(m.group(0)) > 128:
        return None
    v = m.group(0).rstrip(",;")
    return v if symbol_literal(v) else None


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
        if last in _KEY_STRONG or last.endswith(("token", "secret", "secrets")):
            return "strong"
        # `secretHashKey`, `SECRET_SIGNING_KEY`-like names opened by `secret` and closed by `key`: the key of a secret
        # (an HMAC's); the stop word in between (`hash`) says what the key does, not that it is no secret
        return "strong" if last in ("key", "keys") and parts[0].endswith("secret") else None
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
    if n > _MAX_VALUE or stand_in(value):
        return False
    if n < (10 if strength == "strong" else 16):
        # under the length floors only a value that is generated through and through counts (`token = 'HdncFj1Nm'`,
        # `LINKEDIN_KEY = "77yg7tx91p4lag"`); a short value's entropy says little
        return _short_generated(value) and not is_placeholder(value) and value.lower() not in PW_BAD_VALUES
    if is_placeholder(value) and not (strength == "strong" and repeated_block(value)):
        return False
    if value.lower() in PW_BAD_VALUES:
        return False
    if (
        _NOT_A_KEY.search(value)
        and not (value[0] == "/" and strength == "strong" and _random_b64(value))
        # a generated secret may start with `.` (`".PbKh2pMAsO1"`); a file name or a relative path has words or `/`
        and not (
            value[0] == "."
            and strength == "strong"
            and _DOT_RANDOM.fullmatch(value)
            and not _NOT_A_KEY.search(value[1:])
            and _key_value_ok(text, value[1:], start + 1, strength)
        )
    ):
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
    # one-case random letters drawn from few keys (`hbfvdkhjbvkdvdfjvbnkhjb`: one hand on the keyboard) spell no vowel
    entropy = shannon_entropy(value)
    if entropy < (3.0 if strength == "strong" else 3.5) and not (
        letters_key and entropy >= 2.75 and not any(c in "aeiou" for c in value.lower())
    ):
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


def _short_generated(value: str) -> bool:
    """`HdncFj1Nm`, `77yg7tx91p4lag`, `k9Xzm43nBGo=`: under the length floors but generated (see `short_token`), a
    base64 value's padding aside, with a lower-case letter: short upper-case runs with digits are ids (Slack's
    `T1JJ3T3L2`, a channel's `C024BE91L`). Letters in alphabet order were typed in order (`AbCeFG123`)."""
    core = value[:-1] if value.endswith("=") and len(value) % 4 == 0 else value
    letters = [c.lower() for c in core if c.isalpha()]
    return (
        len(value) >= 8
        and any(c.islower() for c in core)
        and letters != sorted(letters)
        and not typed_by_hand(core)
        and short_token(core)
    )


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


def _random_mix(value: str) -> bool:
    """Letters and digits mixed as in generated text (a value after `is` in prose must look like this)."""
    return (
        any(c.isalpha() for c in value)
        and any(c.isdigit() for c in value)
        and len(DIGIT_LETTER.findall(value)) >= 2
        and _class_changes(value) >= 0.3 * len(value)
    )


# `cfat_…`, `figd_…`, `lin_api_…`, `xapp-1-…`, `tgp_v1_…`, `HRKU-…`, `GOCSPX-…`, `ya29.…`: a short
# lowercase or uppercase prefix, a separator, then a random body. Found from runs of token characters
# (one fast scan), then checked in Python: prefix shape, body randomness, no hash or version words.
# whole runs only (linear); the first character comes first so the engine can skip ahead by its class
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_\-.](?<![A-Za-z0-9_\-.][A-Za-z0-9_\-.])[A-Za-z0-9_\-.]{23,299}+")


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
