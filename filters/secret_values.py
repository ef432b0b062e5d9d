"""Whether a literal is a real secret or a stand-in, judged from the value alone.

The detectors in secrets.py find where a value sits (under a password's name, in a URL, after `Bearer`);
the functions here say what the value looks like: a placeholder or template (`changeme`, `${PASSWORD}`,
`<your-token>`), a stand-in that describes itself (`my-rabbitmq-secret`), code or a type name rather than
data, a run typed by hand (`1234567890abcdef`), or a random or generated token (character classes, entropy,
vowels, case changes) and a chosen word or name (`SolrRocks`, `mmuser_password`). Pure functions of strings,
so every rule here is tested on values alone (tests/filters/test_secret_forms_round*.py).
"""

from __future__ import annotations

import base64
import collections
import json
import math
import re
import string
from functools import lru_cache

from detect_secrets.filters.heuristic import is_sequential_string, is_templated_secret


_B64_RUN = re.compile(r"[A-Za-z0-9+/=]{16,}")

PW_SUFFIX_WORDS = {
    "bypass",
    "compass",
    "surpass",
    "trespass",
    "overpass",
    "underpass",
    "subpass",
    "multipass",
    "firstpass",
    "secondpass",
    "onepass",
    "twopass",
    "renderpass",
    "bandpass",
    "lowpass",
    "highpass",
    "allpass",
    "shaderpass",
    "mainpass",
}

PW_BAD_VALUES = {
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "none",
    "null",
    "nil",
    "true",
    "false",
    "undefined",
    "required",
    "optional",
    "string",
    "str",
    "text",
    "hidden",
    "changeme",
    "changeit",
    "example",
    "empty",
    "your_password",
    "yourpassword",
    "mypassword",
    "my_password",
    "<password>",
    "********",
    "redacted",
    "default",
    "unknown",
    "admin",
    "root",
    "user",
    "username",
    "test",
    "dummy",
    "foo",
    "bar",
    # the metasyntactic pair joined up: dev labels `foobar`/`foobaz` negative in 15 projects (sets 8-24), a
    # password in one (set 7)
    "foobar",
    "foobaz",
    "os.environ",
    "env",
    "getenv",
    "config",
    "settings",
    "self",
    "this",
    "value",
    "input",
    "anonymous",  # the conventional anonymous FTP/LDAP login, not a secret
}

_PLACEHOLDER = re.compile(r"(?i)^(?:x+|\*+|\.+|-+|_+|#+|0+|1234\d*|abc\d*|your[\w\-]*|some[\w\-]*|<[^>]*>|\[[^\]]*\])$")

_TEMPLATE_MARK = re.compile(
    r"\$\{|\{\{|\}\}|%\(\w+\)[sdifr]|%[sd]\b|^\$[A-Za-z_]\w*$|^\$\(|^%[A-Za-z_]\w*%$|^\{|^<|^[@&*:][A-Za-z_][A-Za-z_.]*$|^#\{|__\w+__|^\?$"
)

DOTTED_IDENT = re.compile(r"[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+")

_OBJECT_NAMES = {
    "self",
    "this",
    "os",
    "config",
    "conf",
    "cfg",
    "settings",
    "env",
    "process",
    "args",
    "opts",
    "options",
    "params",
    "request",
    "req",
    "ctx",
    "context",
    "user",
    "data",
    "props",
    "state",
    "app",
}

_WORDISH = re.compile(r"[A-Z]?[a-z]+(?:[_\-][a-z]+)*|[A-Z][A-Z_]+|[a-z]+(?:[A-Z][a-z]+)+")


def bearer_word(value: str) -> bool:
    """`masterkey`, `s3cr3tword`: a word-like bearer token in an Authorization header is the key it sends; not a
    stand-in (`token`, `yourtoken`, `ACCESS_TOKEN`, `undefined`) or a type or variable name (`accessToken`)."""
    return value.islower() and word_literal(value) and value not in ("bearer", "authorization", "undefined")


# seven letters or eight digits in alphabet order, or a chunk of up to six characters three times over:
# random tokens almost never hold either (a 40-character random base62 token: about 1 in 10^9)
_SEQUENTIAL_RUN = re.compile(
    r"abcdefg|bcdefgh|cdefghi|defghij|efghijk|fghijkl|ghijklm|hijklmn|ijklmno|jklmnop|klmnopq|lmnopqr|mnopqrs|"
    r"nopqrst|opqrstu|pqrstuv|qrstuvw|rstuvwx|stuvwxy|tuvwxyz|12345678|23456789|34567890"
)

_REPEATED_CHUNK = re.compile(r"(.{1,6})\1{2,}")


def words_only(segment: str) -> bool:
    """Letters only, in one case or as capitalised words: a name, not the random tail of a token."""
    return segment.isalpha() and (segment.isupper() or segment.islower() or has_camel_words(segment))


def typed_by_hand(value: str) -> bool:
    """`AIzaSyabcdefghijklmnopqrstuvwxyz…`, `GR1348941123123123123`, `a1B2c3D4e5F6…`: a token shape filled in
    by hand (its letters or its digits alone may be the run).
    Asked only where nothing but the shape says "secret" (provider patterns, prefixed tokens, quoted
    high-entropy strings): under a secret's name even a made-up value is redacted."""
    low = value.lower()
    letters = "".join(c for c in low if c.isalpha())
    digits = "".join(c for c in low if c.isdigit())
    return bool(
        _SEQUENTIAL_RUN.search(low) or _SEQUENTIAL_RUN.search(letters) or _SEQUENTIAL_RUN.search(digits)
    ) or any(m.end() - m.start() >= 12 for m in _REPEATED_CHUNK.finditer(value))


_JWT_HEADER_MEMBERS = frozenset(("alg", "typ", "kid", "cty"))


def jwt_header_only(value: str) -> bool:
    """`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`: a JWT's header segment alone (`{"alg":"HS256","typ":"JWT"}`), no
    payload or signature, signs nothing; dev labels it negative in 4 projects (sets 13-21), positive in none."""
    if not value.startswith("eyJ") or "." in value or len(value) > 200:
        return False
    try:
        header = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except ValueError:
        return False
    return isinstance(header, dict) and bool(header) and header.keys() <= _JWT_HEADER_MEMBERS


def is_placeholder(value: str) -> bool:
    """Example, templated or dummy values that are not secrets (`${API_KEY}`, `xxxx`, `<your-key>`)."""
    if not value or is_templated_secret(value) or _TEMPLATE_MARK.search(value) or jwt_header_only(value):
        return True
    low = value.lower()
    if "example" in low or "xxxx" in low or "dummy" in low or "placeholder" in low or "your" in low:
        return True
    body = value.split("_", 1)[-1] if "_" in value[:12] else value
    distinct = len(set(body))
    # after a prefix, a short body's few letters may be a word (`quarkus_test`, a chosen password), not `sk_xxxx`
    few = 2 if body is not value and len(body) < 8 and body.isalpha() else max(3, min(len(body), 96) // 8)
    if distinct <= few or is_sequential_string(body):
        return True
    # one character dominating (`AKIAAQAAAAAABAAHAM0A` in font data) is not a random token
    return len(body) >= 12 and max(body.count(c) for c in set(body)) > 0.4 * len(body)


def char_classes(value: str) -> int:
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


def shannon_entropy(value: str) -> float:
    """Shannon entropy in bits per character over the string's own characters."""
    n = len(value)
    return -sum(k / n * math.log2(k / n) for k in collections.Counter(value).values())


def looks_random(value: str) -> bool:
    classes = sum((any(c.islower() for c in value), any(c.isupper() for c in value), any(c.isdigit() for c in value)))
    return classes >= 2 and len(set(value)) >= 10


# a whole piece of template or interpolation syntax: `${VAR}`, `{{ var }}`, `{% x %}`, `%(x)s`, `#{x}`, `$(cmd)`,
# `{name}`, `<placeholder>`, `__NAME__`
_TEMPLATE_PIECE = re.compile(
    r"\$\{[^{}\s]{0,128}+\}|\{\{[^{}]{0,128}+\}\}|\{%[^%]{0,128}+%\}|%\(\w{1,64}+\)[sdifr]|#\{[^{}]{0,128}+\}|"
    r"\$\([^()]{0,128}+\)|\{\w{0,64}+\}|<[\w\-]{1,64}+>|__\w{1,64}+__"
)

_OPENERS = {")": "(", "]": "[", "}": "{"}

# statements, logic and calls of (minified) code: `!0}o>-1&&_.splice(o,1);for(var`
_STRUCT_LITERAL = re.compile(r"&[A-Za-z_][\w.]*+\{")  # `&identity.IdentityWithCredentials{`: Go/Rust code

_CODE_SHAPE = re.compile(r"\);|;(?:for|var|let|const|return|if|while)\b|&&|\|\||==|=>|\.[A-Za-z_$][\w$]*\(")


def symbol_literal(value: str) -> bool:
    """A literal full of symbols (`m{{h}o)p${e]nob(ody[finds>-_$#thisone}}`), not code or a template: once the
    whole template pieces (`${VAR}`, `{{ x }}`, `%(x)s`, `{name}`) are taken out, three or more kinds of symbol
    remain and the brackets do not pair up. Code, templates, regexes and format strings pair their brackets."""
    if not 8 <= len(value) <= 128 or any(c.isspace() for c in value) or "://" in value or stand_in(value):
        return False
    if sum(c.isalpha() for c in value) < 4 or _CODE_SHAPE.search(value) or _STRUCT_LITERAL.match(value):
        return False
    rest = _TEMPLATE_PIECE.sub("", value)
    if len({c for c in rest if not c.isalnum() and c not in "._-"}) < 3:
        return False
    stack: list[str] = []
    for c in rest:
        if c in "([{":
            stack.append(c)
        elif c in ")]}" and (not stack or stack.pop() != _OPENERS[c]):
            return True
    return bool(stack)


_BLOCK_REPEAT = re.compile(r"(.{4,16}?)\1{1,63}")


def repeated_block(value: str) -> bool:
    """A value made of one block of letters and digits said over and over (`abcd1234abcd1234…`): typed by hand,
    but under a secret's name a made-up value is still the secret's value (tests, docs, fixtures)."""
    if not 16 <= len(value) <= 512:
        return False
    m = _BLOCK_REPEAT.fullmatch(value)
    if not m:
        return False
    block, low = m.group(1), value.lower()
    if not any(c.isalpha() for c in block) or not any(c.isdigit() for c in block) or not block.isalnum():
        return False
    return not any(w in low for w in ("example", "xxxx", "dummy", "your", "placeholder", "sample", "test"))


def is_b64_line(line: str) -> bool:
    """A line of a key body: base64, maybe quoted, concatenated or with escaped newlines (no regex
    with overlapping character classes here: those backtrack on long lines)."""
    core = line.strip(" \t\"'`,+;").replace("\\n", "").replace("\\r", "").strip(" \t\"'`,+;")
    return bool(_B64_RUN.fullmatch(core))


LEET = re.compile(r"[A-Za-z]\d+[A-Za-z]")


def _leet(value: str) -> bool:
    """Digits inside letters (`passW0rd`, `secur3Pass`) or all four character classes (`Pass123!@#`): a
    password someone chose, not a word or a name."""
    if len(value) < 8:
        return False
    if LEET.search(value) is not None and any(c.isupper() for c in value):
        return True
    return char_classes(value) >= 4  # `Pass123!@#`: upper, lower, digits and symbols


_CMDLET = re.compile(r"[A-Z][a-z]+[A-Za-z]*-[A-Z][a-z]+[A-Za-z]*")


def _case_changes(value: str) -> int:
    return sum(1 for a, b in zip(value, value[1:]) if a.isupper() != b.isupper())


_KEY_ROWS = {c: i for i, row in enumerate(("qwertyuiop", "asdfghjkl", "zxcvbnm")) for c in row}


def keyboard_mash(value: str) -> bool:
    """`qerphqeruqoweurqwerqqeuiqwpavqr`, `klkjhumnzxcjkajahsdqweqqwr`: letters typed by running fingers along
    the keyboard's rows. Vowels are as many as in words (the top row has four), but four letter pairs in five
    stay on one row; in words about two in five do (`typewriter` is the rare word that stays)."""
    low = value.lower()
    if not (16 <= len(low) <= 64 and low.isascii() and low.isalpha()) or len(set(low)) < 8:
        return False
    same = sum(_KEY_ROWS[a] == _KEY_ROWS[b] for a, b in zip(low, low[1:]))
    return same >= 0.75 * (len(low) - 1) and not repeated_block(low)


def random_letters(value: str) -> bool:
    """`qwhTzkRmoPa`, `xkqbzwtrvmn`: letters only, drawn at random rather than written. Mixed case that changes
    case four times or more with few vowels and no capitalised words (names in code are camel-case words), or
    one case, 10 letters or more, with fewer than one vowel in five (words have about one in three)."""
    if not (8 <= len(value) <= 64 and value.isascii() and value.isalpha()):
        return False
    vowels = sum(c in VOWELS for c in value) / len(value)
    if value.islower() or value.isupper():
        if _SEQUENTIAL_RUN.search(value.lower()):
            return False
        return len(value) >= 10 and vowels < 0.2 or keyboard_mash(value)
    return _case_changes(value) >= 4 and vowels < 0.3 and not has_camel_words(value) and not typed_by_hand(value)


def password_value_ok(value: str, quoted: bool, words: bool = False) -> bool:
    """`value` can be a password. `words`: the value is a literal where a password goes (quoted or a config
    value under a password's name, a URL's userinfo, a CLI flag, an SQL statement), so a word-like default
    counts too (`word_literal`)."""
    if not 6 <= len(value) <= 128 or any(c.isspace() for c in value):
        return False
    if stand_in(value) and not (words and suffixed_credential(value)):
        return False  # `!ChangeMe!` is a stand-in; `Password!` a chosen password
    if words and word_literal(value):
        return True
    low = value.lower()
    if (
        value.isalnum()
        and sum(c.isdigit() for c in value) <= 1
        and any(w in low for w in ("pass", "pwd", "secret", "token"))
        and _placeholder_parts(value)
    ):
        return False  # `secret1`, `password1`: credential and generic words with one digit
    if quoted and symbol_literal(value):
        return True  # `"m{{h}o)p${e]nob(ody[…"`: symbols that pair up as neither code nor a template
    low = value.lower()
    if low in PW_BAD_VALUES or _PLACEHOLDER.match(value) or _TEMPLATE_MARK.search(value) or is_templated_secret(value):
        return False
    if "://" in value or value.startswith(("/", "./", "http")):
        return False
    if ("pass" in low or "pwd" in low) and not _leet(value):
        return False  # `mypassword`, `pwd123`; `passW0rd123`, `secur3Pass` are chosen passwords
    if quoted and random_letters(value):
        return True  # `qwhTzkRmoPa`: random letters, which _WORDISH would take for a camel-case name
    if _WORDISH.fullmatch(value) or value.isdigit() and len(value) < 6:
        return False
    if not quoted and (
        re.fullmatch(r"[a-z_][a-z0-9_]*", value)
        or re.fullmatch(r"[A-Za-z_]+", value)
        or value.endswith(":")
        or re.fullmatch(r"[a-z][a-z0-9_]*+:[a-z0-9_]++", value)  # `sha1:6`: a scheme and a setting
    ):
        return False  # a variable or a type (`password: BinaryLike`), not a literal
    if not quoted and _CMDLET.fullmatch(value):
        return False  # `$pw = ConvertTo-SecureString …`: a PowerShell command (Verb-Noun), not a literal
    if not quoted and (m := DOTTED_IDENT.match(value)) and value.startswith("=", m.end()):
        return False  # `x.Minipass=F.isWritable=F.isReadable=void 0`: chained assignments in code
    if not quoted and DOTTED_IDENT.fullmatch(value):
        head = re.split(r"\.|::|->", value)[0].lower()
        if not any(c.isdigit() for c in value) or head in _OBJECT_NAMES:
            return False  # an attribute or call target (`self.password`, `config.db.pw`)
    return True


# Under a password's name (or in a URL's userinfo) a literal is a password whatever it looks like: a default
# such as `postgres`, `nextcloud` or `pass4321` leaks as much as a random one. What is left alone: placeholders
# made of a credential word and generic words only (`mysecretpassword`, `new_password`, `test-pass`, `your-token`,
# `changeme`, `password1`), names and labels (`Password`, `PasswordHasher`, `hashed_password`, `DB_PASSWORD_FILE`),
# module paths, files, URLs and values under six characters (`root`, `guest`, `admin`).
_PLACEHOLDER_PARTS = frozenset(
    (
        "password passwords passwd passwort pass pwd pw passphrase passcode secret secrets token tokens key keys "
        "apikey api access auth credential credentials cred creds login "
        "my your our new old test tests testing bad wrong some secure strong weak super very good valid invalid "
        "other another same example sample default dummy fake mock the a an db database user users dev local prod "
        "here this is change me it changeme changeit put insert enter replace set fill in with to value string "
        "xxx xxxx xxxxx tbd todo fixme none null empty unused dummy placeholder redacted hidden "
        "masked required optional unknown generated random real actual fallback top ssl hashed encrypted too short "
        "long for of from on at and origin target source remote primary secondary main backup first second not "
        "format uuid app application client server service x oauth basic bearer attribute property method function "
        "class module parameter param argument arg option options variable proxy repo repository host fuzz"
    ).split()
)

_LONG_REPEAT = re.compile(r"(.{1,8}?)\1{3,}")  # `asdfasdfasdfasdf…`; `nyuknyuknyuk` (three times) is a chosen word

_PLACEHOLDER_TAILS = frozenset(
    "short long invalid test example sample dummy fake placeholder here format value".split()
)

# value words that make a credential word a field, column or label name (`hashed_password`, `password_field`)
_NAME_PARTS = frozenset(
    "hash hashed hasher hashers salt salted field fields column col label hint prompt input form reset forgot "
    "confirm confirmation policy rule rules encoder encrypted digest type file path url name id attr widget".split()
)

# `_PLACEHOLDER` less `1234…` and `abc…`: `123456` and `abc123` are weak passwords, not placeholders
_WORD_PLACEHOLDER = re.compile(r"(?i)^(?:x+|\*+|\.+|-+|_+|#+|0+|your[\w\-]*|some[\w\-]*|<[^>]*>|\[[^\]]*\])$")

_VALUE_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")

_FILE_END = re.compile(
    r"(?i)\.(?:txt|json|ya?ml|pem|key|crt|cer|p12|pfx|jks|env|ini|cfg|conf|log|db|sqlite|xml|html?|js|ts|py|rb|php|sh)$"
)

_ENV_IDENT = re.compile(r"[A-Z][A-Z0-9]*+(?:_[A-Z0-9]++)++")

_TYPE_NAME = re.compile(r"[A-Z][a-z]++(?:[A-Z][a-z0-9]*+)++|[A-Z][a-z]++|[a-z]++(?:[A-Z][a-z0-9]*+)++")


@lru_cache(maxsize=4096)
def _placeholder_parts(value: str) -> bool:
    """`mysecretpassword`, `new_password`, `Test-Pass1`, `db_pass`, `unused`: only credential and generic words
    (joined up or apart), with at most three digits."""
    parts = _VALUE_PARTS.findall(value)
    if not parts or sum(len(p) for p in parts) < len(value) - 4:
        return False  # symbols (`p@ss:12,wor:34d`) or characters outside words and digits: chosen
    joined = re.findall(r"[A-Za-z]\d+|\d+[A-Za-z]", value)
    if sum(len(j) - 1 for j in joined) > 3:
        return False  # `pass4321`: digits chosen with the word (`password-for-30001` has a port number apart)
    words = "".join(p.lower() for p in parts if not p.isdigit())
    if not words:
        return False  # `123456`: digits alone are a (weak) password, not a placeholder
    # the letters must split into known words: a word-break over the joined-up letters (`mysecretpassword`)
    n = len(words)
    ok = [True] + [False] * n
    for i in range(1, n + 1):
        ok[i] = any(ok[j] and words[j:i] in _PLACEHOLDER_PARTS for j in range(max(0, i - 12), i))
    return ok[n]


def _long_repeat(value: str) -> bool:
    return any(m.end() - m.start() >= 16 for m in _LONG_REPEAT.finditer(value))


_SENTENCE_WORDS = frozenset("a an the is its it not no".split())

_STAND_IN_WORDS = frozenset("password passwd pass pwd secret token key apikey credential credentials".split())

# how a document cuts a token short (`eyJhbGciOi...`, `boQtj0SCGz[...]`): what is left is not the secret; negative
# in 7 dev projects (sets 11-23), positive in none but a tool's fixture
_TRUNCATED_ENDS = ("...", "…", "[...]")
# lower-case words joined by hyphens, then a number (`admin-secret-256`, `secret-0014`, `key-123456789`): with a
# credential word among them, labelled negative in 15 dev projects (sets 4-25) and positive in 3 (two tools' fixtures)
_NUMBERED_WORDS = re.compile(r"([a-z]++(?:-[a-z]++)*+)-\d++")

# marks of a value that stands for something else: an ejson-encrypted value (`EJ[1:…]`), a variable (`$this->`),
# a path's tail (`Password::Md5` read as `Password:` + `:Md5`), a Markdown label (`**DEPRECATED**`)
_STAND_IN_MARK = re.compile(r"EJ\[\d+:|^\$[A-Za-z_]\w*+(?:->|-$|::|\[|\.|$)|^\$\{|^:|^\*\*[A-Za-z][\w ]*+\*\*$")

# type names written where a value would go (`secretKey: number`, `password: "?string"`), host names
# (`password: 'example.com'`), OIDs and dotted numbers (`2.5.13.18`), routes (`"pass": "routes/main"`)
_TYPE_WORDS = frozenset(
    "number string boolean bool bigint any unknown object never void undefined null str int integer float "
    "double bytes buffer char varchar".split()
)

_HOST_NAME = re.compile(
    r"[a-z0-9][a-z0-9\-]*+(?:\.[a-z0-9\-]+)*\.(?:com|org|net|io|dev|local|localhost|localdomain|test|example|"
    r"internal|lan|invalid)"
)

# a stored password hash in crypt's `$id$salt$hash` form (`$2a$10$…` bcrypt, `$1$` md5, `$5$`/`$6$` sha, `$apr1$`,
# `$argon2id$`, `$pbkdf2-sha512$`), Jenkins' `#jbcrypt:` prefix, Django's `pbkdf2_sha256$600000$…`: the hash of a
# password, not the password (dev: negative in 15 projects over sets 11-21, positive in none)
_CRYPT_HASH = re.compile(
    r"(?:#jbcrypt:)?+\$(?:2[abxy]?+|1|5|6|apr1|y|argon2(?:id|i|d)|pbkdf2-sha(?:1|256|512))\$[./A-Za-z0-9$=,+-]{8,}+"
    r"|(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?+|scrypt)\$[./A-Za-z0-9$=,+-]{16,}+"
)

# a lower-case name and its `=` (Vue's `:placeholder="…"`, pgbouncer's `auth_user=`): negative in 4 dev projects
# (sets 14-26), never a labelled secret
_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z_\-]*+=")

_FUZZ_MARK = re.compile(r"FUZZ\d{0,2}")

_DOTTED_NUMBER = re.compile(r"\d++(?:\.\d++){2,}+[:=]*+")

_ROUTE = re.compile(r"[a-z][a-z0-9_\-]*+(?:/[a-z][a-z0-9_\-]*+)++")

# the public half of an SSH key (`AAAAC3NzaC1lZDI1NTE5…` = "\0\0\0\x0bssh-ed25519"): not a secret
_SSH_PUBLIC = ("AAAAB3NzaC1", "AAAAC3NzaC1", "AAAAE2VjZHNh", "AAAAGnNrLX", "AAAAHHNrLX")

# 6-7 characters only with padding (`dGVzdA==`): an unpadded short word is read as itself
_B64_TEXT = re.compile(r"(?:[A-Z]{2,8}_)?+([A-Za-z0-9+/]{8,88}+={0,2}+|[A-Za-z0-9+/]{6,7}+={1,2}+)")


def _weak_text(text: str) -> bool:
    return len(text) >= 4 and (text.lower() in PW_BAD_VALUES or is_placeholder(text) or _placeholder_parts(text))


def encoded_placeholder(value: str) -> bool:
    """`DMS_YWNjZXNzX3Rva2Vu` (base64 of `access_token`): a placeholder's base64 is a placeholder. So is the base64
    of a default (`dGVzdA==` = `test`, `YWRtaW4=`, `Zm9vYmFy`), of an example, or of a `user:pass` pair whose two
    different sides are both such words (`dXNlcm5hbWU6cGFzc3dvcmQ=` = `username:password`): Kubernetes Secrets'
    `data:` and Basic-auth samples, labelled negative in ten dev projects (sets 2-24) and positive in two. A random
    secret's base64 decodes to bytes, not to words; `oauth2:oauth2` (a pair equal on both sides) stays a value."""
    m = _B64_TEXT.fullmatch(value)
    if not m:
        return False
    body = m.group(1)
    try:
        raw = base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except ValueError:
        return False
    raw = raw.rstrip(b"\n")
    if len(raw) < 4 or not all(32 <= b < 127 for b in raw):
        return False
    text = raw.decode("ascii")
    if text.startswith("{"):
        return False  # a JWT's JSON part: a token, judged as one
    if text.count(":") == 1:
        user, secret = text.split(":")
        return user != secret and _weak_text(user) and _weak_text(secret)
    return _weak_text(text)


_VERSION_RANGE = re.compile(r"[\^~<>=]*+v?\d+(?:\.[\dx*]+)*+(?:[ \t]*+\|\|?[ \t]*+[\^~<>=]*+v?\d+(?:\.[\dx*]+)*+)++")


_PAREN_NOTE = re.compile(r"\([A-Za-z]{1,20}+\)")

_CREDENTIAL_FOR = re.compile(r"(?i)(?:password|passwd|pass|pwd|secret|token|key)[-_.](?:to|for|of|from)[-_.][a-z]")


def digit_run(value: str) -> bool:
    """`123456`, `654321`, `12345678`, `888888`: six or more digits counted up or down or one digit repeated, the
    documented default that dev sets label a stand-in in some thirty projects (as a password in two)."""
    return (
        len(value) >= 6
        and value.isdigit()
        and (value in "01234567890" or value in "09876543210" or len(set(value)) == 1)
    )


@lru_cache(maxsize=4096)
def stand_in(value: str) -> bool:
    """A value that stands in for a secret rather than being one: marks (`_STAND_IN_MARK`), a version range
    (`^7.4|^8.0`), a placeholder wrapped in symbols (`!ChangeMe!`), a value that describes itself in three or
    more words ending in a credential word (`my-rabbitmq-secret`, `set-secure-pg-postgres-password`), in
    capitals (`LDAP-PASSWORD`) or in two lower-case words joined by a hyphen (`admin-secret`, `zk-pass`: dev labels
    them negative in 15 projects, positive in 2; snake case, `mmuser_password`, stays a chosen default), a
    credential word with a one-letter tag (`secret-b`)."""
    if _STAND_IN_MARK.search(value) or _VERSION_RANGE.fullmatch(value) or digit_run(value):
        return True
    low = value.lower()
    if low.strip("?[]") in _TYPE_WORDS or _HOST_NAME.fullmatch(value) or _DOTTED_NUMBER.fullmatch(value):
        return True
    if _ROUTE.fullmatch(value) or value.startswith(_SSH_PUBLIC) or encoded_placeholder(value):
        return True
    if _CRYPT_HASH.fullmatch(value):
        return True  # a stored hash of a password (`$2a$10$…`)
    if _ATTRIBUTE_NAME.fullmatch(value):
        return True  # `:placeholder=`, `auth_user=`: an attribute's or a parameter's name, its value after the `=`
    if _FUZZ_MARK.fullmatch(value):
        return True  # `FUZZ`, `FUZZ2`: a fuzzer's insertion point (ffuf, wfuzz) in pentest notes
    if _CREDENTIAL_FOR.match(value):
        return True  # `password-to-keystore`, `secret_for_app`: a description of what goes there, not a value
    if _PAREN_NOTE.fullmatch(value):
        return True  # `(blank)`, `(none)`, `(empty)`: a note in a table of settings, not a value
    if value.endswith(_TRUNCATED_ENDS):
        return True  # `ya29.a0AfH6SMC78...`, `whsec_...`, `7f9cc25de2***...`: a token cut short in a document
    if (m := _NUMBERED_WORDS.fullmatch(value)) and _STAND_IN_WORDS.intersection(m.group(1).split("-")):
        return True  # `admin-secret-256`, `test-admin-key-12345`, `secret-1`: a description and a serial number
    if sum(c.isalpha() and not c.isascii() for c in value) * 2 > len(value):
        return True  # `Κωδικός`, `パスワードの変更中に…`: a translation of the word, not a password
    core = value.strip("!*#_-.~")
    if core != value and core.isalnum() and (core.lower() in PW_BAD_VALUES or _placeholder_parts(core)):
        return True
    words = [w for w in re.split(r"[-_.]+", core) if w]
    low = [w.lower() for w in words]
    if (
        len(words) >= 2
        and low[-1] in _STAND_IN_WORDS
        and all(w.isalpha() for w in words)
        and not _SENTENCE_WORDS.intersection(low)  # `shhh-its-a-secret` is a chosen phrase
    ):
        if len(words) >= 3 or core.isupper() or core.count("-") == 1 and core.islower():
            return True
    return len(words) == 2 and low[0] in _STAND_IN_WORDS and len(words[1]) == 1


# words that make a password word a variable's name in code (`current_password`, `plain_pwd`), not a default
_CODE_MODIFIERS = frozenset(
    "current curr previous prev plain plaintext clear cleartext raw temp tmp temporary initial init stored saved "
    "cached given provided supplied entered typed submitted received expected actual stripped trimmed decoded "
    "encoded verify verified check checked login signup register registration update updated unsafe insecure safe "
    "different".split()
)

_AUTH_METHOD_WORDS = frozenset("sha md caching native clear cleartext scram plain plugin kerberos ntlm".split())


def _chosen_snake(value: str, parts: set[str]) -> bool:
    """`mmuser_password`, `superuser_passwd`, `pass_sha256`: a lowercase snake_case value whose credential word is
    a password word (no key, token or secret word, which name variables: `aws_secret_key`) next to a word of its
    own, a user, a role or a scheme, not a generic or a code word (`user_password`, `current_password`)."""
    if not value.islower() or any(w in value for w in ("secret", "token", "key", "cred", "auth")):
        return False
    own = [p for p in parts if not p.isdigit() and not any(w in p for w in ("pass", "pwd")) and p != "pw"]
    if value.endswith("_password") and any(p in _AUTH_METHOD_WORDS for p in own):
        return False  # `caching_sha2_password`, `mysql_native_password`: an authentication method's name
    return bool(own) and not any(p in _PLACEHOLDER_PARTS or p in _CODE_MODIFIERS or p in _NAME_PARTS for p in own)


# leet digits and symbols read back as letters: `P@ssw0rd` -> `password`, `s3cr3t` -> `secret`
_UNLEET = str.maketrans("0134579@$!", "oieastgasi")
# credential words respelled without leet (`sikrit`): read as the word
_RESPELLED = re.compile(r"(?i)s[ie]+kr[ie]t|secrit|sekret")
# words that make a value an instruction to the reader, whatever is added to it (`Changeme123!`, `YourPass1`)
_INSTRUCTION_WORDS = ("your", "change", "replace", "enter", "insert", "fill", "placeholder", "example", "xxx")
_CREDENTIAL_WORDS = ("pass", "pwd", "secret", "sikrit", "sekrit", "sekret", "secrit")


# `password_1234`, `secret_2024`: a credential word with three or more digits after `_` is typed as a password; a
# name numbers its variants with one or two (`password_1`, `password_2`)
_NUMBERED = re.compile(r"[a-z]+(?:_[a-z]+)*+_\d{3,8}")


@lru_cache(maxsize=4096)
def suffixed_credential(value: str) -> bool:
    """`P@ssw0rd`, `s3cret`, `passw0rd`, `password1`, `password123`, `Password!`, `StrongPassw0rd`, `secret1`,
    `S0ME_SECRET`, `MyComplexPassword1!`, `sikrit`: a credential word (alone or with generic words) respelled, leet,
    or with digits or symbols added is a chosen weak password: people type these into real configs to pass
    complexity rules. The bare word (`password`), self-descriptions without such marks (`mysecretpassword`,
    `top-secret`), instructions (`Changeme123!`, `yourStrong(!)Password`) and names (`password_1`) are not."""
    if not 6 <= len(value) <= 64 or not value.isascii() or not value.isprintable() or " " in value:
        return False
    low = value.lower()
    if any(w in low for w in _INSTRUCTION_WORDS) or _TEMPLATE_MARK.search(value) or value.startswith(("$", "<")):
        return False
    if not value[0].isalnum() or any(c in value for c in "/:=?&,;"):
        return False  # `**password**`, `!ChangeMe!`, `password/reset`, `pass=1`: markup, a path, an assignment
    if (
        re.fullmatch(r"[a-z]+(?:_[a-z0-9]+)+", value)
        and not _NUMBERED.fullmatch(value)
        or _ENV_IDENT.fullmatch(value)
        and not LEET.search(value)
    ):
        return False  # `password_1`, `DB_PASSWORD`, `SECRET_KEY1`: a name (`S0ME_SECRET` has a digit inside a word)
    respelled = _RESPELLED.search(value) is not None
    plain = re.sub(r"[^a-z]", "", low.translate(_UNLEET))
    if not respelled and not any(w in plain for w in _CREDENTIAL_WORDS):
        return False
    marked = respelled or any(c.isdigit() or not c.isalnum() and c not in "_-." for c in value)
    # `PaSsWoRd`, `SeCrEt`: the case flipped at (almost) every letter, as no name or label is written
    marked = marked or value.isalpha() and len(value) - 2 <= _case_changes(value) >= 4
    if not marked:
        return False
    if _SENTENCE_WORDS.intersection(re.split(r"[-_.]+", low)) or "-for-" in low:
        return False  # `password-for-30001`: a description of its role, not a typed password
    if _NUMBERED_WORDS.fullmatch(value):
        return False  # `secret-0014`, `admin-secret-256`: a description with a serial number (`stand_in`)
    letters = re.sub(r"[\d\W_]+$|^[\d\W_]+", "", value)  # the added digits and symbols off both ends
    body = _RESPELLED.sub("secret", letters.lower().translate(_UNLEET))
    body = re.sub(r"[^a-z]", "", body)
    if len(body) < 4 or len(set(body)) <= 2:
        return False
    return _placeholder_parts(body) or body in _CREDENTIAL_WORDS


# one generic word with digits typed onto it (`testing123`, `Test1234!`, `admin2024`): a chosen weak password, where
# the word alone (`testing`) or a credential word with one digit (`password1`) is a stand-in
_WORD_DIGITS = re.compile(r"([A-Za-z][a-z]{3,11}+)\d{2,6}+[!@#$%&*.?]?")
_NOT_CHOSEN_WORDS = frozenset(
    "example sample dummy fake mock placeholder your some changeme change replace enter insert value string "
    "default none null empty unused redacted hidden masked".split()
)


def _word_with_digits(value: str) -> bool:
    m = _WORD_DIGITS.fullmatch(value)
    if not m:
        return _plain_generic(value)
    word = m.group(1).lower()
    return word not in _NOT_CHOSEN_WORDS and not any(w in word for w in _CREDENTIAL_WORDS + ("token", "key"))


# the generic words that say nothing of a credential, of its strength or of filling one in: a value made of these
# alone (`testing`, `testuser`, `devlocal`) is a word someone typed as the password, not a stand-in for one;
# `supersecure`, `strongpass` describe a password and stand in for it
_PLAIN_GENERIC = frozenset(
    "my our new old test tests testing other another same the db database user users dev local prod here this is it "
    "real top not main first second app client server service".split()
)


def _plain_generic(value: str) -> bool:
    """Two or more of `_PLAIN_GENERIC` joined up (`notsecure`, `testuser`), or `testing`, the word test setups type as
    the password; one word alone (`database`, `service`) is as often a reference or a mode."""
    if value == "testing":
        return True
    if not value.isalpha() or not value.islower() or not 6 <= len(value) <= 24 or value in _PLAIN_GENERIC:
        return False
    n = len(value)
    ok = [True] + [False] * n
    for i in range(1, n + 1):
        ok[i] = any(ok[j] and value[j:i] in _PLAIN_GENERIC for j in range(max(0, i - 12), i))
    return ok[n]


def word_literal(value: str) -> bool:
    """A literal that someone chose as a password, whatever its shape: `petclinic`, `whalehello`, `pass4321`,
    `123456`, `s3cr3t`, `ungithubbed-secret`, `nyuknyuknyuk`; not a placeholder, a name or a label."""
    if not 6 <= len(value) <= 64 or not value.isascii() or not value.isprintable() or " " in value:
        return False
    if suffixed_credential(value):
        return True  # `P@ssw0rd`, `password1`, `Password!`, `s3cret`: a chosen weak password, not a placeholder
    if stand_in(value):
        return False
    low = value.lower()
    if low in PW_BAD_VALUES or _WORD_PLACEHOLDER.match(value) or _TEMPLATE_MARK.search(value) or "$" in value:
        return False
    if len(set(low)) <= 2:
        return False  # `xxxxxx`, `******`, `000000`
    if "?." in value or re.search(r"\w=\w", value) or re.fullmatch(r"[a-z][a-z0-9_]*+:[a-z0-9_]++", value):
        return False  # `config?.core?.askpass`, `F.isWritable=F.isReadable`, `version_name:foo`: code or a reference
    if low in PW_SUFFIX_WORDS:
        return False  # `bypass`, `bandpass`: a word that ends like a password's name
    if "your" in low or low.startswith(("&lt;", "#", ".")):
        return False  # `&lt;YOURPASSWORD&gt;`, `#add-password` (a CSS selector)
    if "://" in value or value.startswith(("/", "./", "~/", "http", "-", "=")) or _FILE_END.search(value):
        return False
    typed = _TYPE_NAME.fullmatch(value) and not re.search(r"[a-z][A-Z][a-z]+\d{2,}$", value)
    if _ENV_IDENT.fullmatch(value) or typed or DOTTED_IDENT.fullmatch(value):
        return False  # `DB_PASSWORD_FILE`, `Password`, `SecretStr`, `newPassword`, `django.contrib.auth`: names
        # (`alicePass123`: a user's name, a credential word and digits is a chosen default)
    if (
        _placeholder_parts(value)
        and not _word_with_digits(value)
        or "xxxx" in low
        or _SEQUENTIAL_RUN.search(low)
        or _long_repeat(value)
    ):
        return False  # `abcdefghijklmnopqrstuvwxyz123456`, `asdfasdfasdf…`, `sk_xxxxxxxx…`: filled in by hand
    pieces = re.split(r"[-_.]", low)
    if pieces[-1] in _PLACEHOLDER_TAILS and (len(pieces) > 2 or len(pieces[0]) <= 5):
        return False  # `sk_live_short`, `whsec_test`: a prefix with a placeholder word as the value (a project's
        # name before `_test` is a chosen database password: `quarkus_test`)
    named = any(w in low for w in ("pass", "pwd", "secret", "token", "key", "cred", "auth"))
    parts = {p.lower() for p in _VALUE_PARTS.findall(value)}
    if named and (
        parts & _NAME_PARTS
        or "_" in value
        and re.fullmatch(r"[a-z0-9_]+|[A-Z0-9_]+", value)
        and not _chosen_snake(value, parts)
    ):
        return False  # `hashed_password`, `password-reset`, `aws_secret_key`: a field, file or variable name
    if "@" in value and "." in value.rsplit("@", 1)[-1]:
        return False  # an e-mail address, a user rather than a password
    return not re.fullmatch(r"v?\d+(?:\.\d+)+", value)  # a version


# words that end or make up type and class names (`PasswordHash`, `SecretStr`, `UserInput`): a value in a config
# line made of capitalised words is a type (a YAML schema, a Python annotation) when any of its words is one
_TYPE_PARTS = frozenset(
    "str string text type types field fields value values hash hashed input output data info model schema config "
    "configuration option options entity dto request response object record bytes buffer provider manager service "
    "handler factory class enum list array map set dict optional nullable union literal annotated any promise future "
    "result error exception event state props param params args kind id ref spec form rule policy validator encoder "
    "hasher store client context builder node element component view controller base abstract interface impl "
    "settings secret secrets password passwords passwd token tokens key keys credential credentials auth length "
    "number integer int bool boolean char attribute property method function module format mode level status".split()
)


# capitalised words that a literal under a password's name names a type, a scheme or a setting with, not a password
_CAPITAL_NOT = frozenset(
    "object date datetime time timestamp buffer number symbol unicode binary double decimal float char blob clob "
    "varchar plain plaintext cleartext clear bcrypt argon scrypt pbkdf crypt digest basic bearer custom manual "
    "automatic disabled enabled boolean integer nothing undefined unset always never prompt interactive keyring "
    "vault native legacy simple complex strict lenient masked unmasked visible display normal public private "
    "inherit system static dynamic".split()
)


def capital_word(value: str) -> bool:
    """`Wombat`, `Mellon`: one capitalised word, which `word_literal` reads as a type name; a chosen default where
    the caller has seen it as a literal under a password's name (ActiveMQ's `<cluster-password>Wombat</…>`); not a
    type, a hashing scheme or a setting (`String`, `Bcrypt`, `Plaintext`) nor a placeholder word."""
    if not 6 <= len(value) <= 20 or not re.fullmatch(r"[A-Z][a-z]++", value):
        return False
    low = value.lower()
    return (
        low not in _CAPITAL_NOT
        and low not in _TYPE_PARTS
        and low not in PW_BAD_VALUES
        and not _placeholder_parts(value)
    )


def chosen_camel(value: str) -> bool:
    """`SolrRocks`, `IWantToBelieve`: two or more capitalised words as a config value under a password's name are a
    chosen password; a type name has a type word in it (`PasswordHash`, `SecretStr`, `UserInput`)."""
    if not 6 <= len(value) <= 64 or not value.isascii() or not value.isalpha() or not value[0].isupper():
        return False
    words = re.findall(r"[A-Z][a-z]*+", value)
    if len(words) < 2 or "".join(words) != value or all(len(w) == 1 for w in words):
        return False
    return not any(w.lower() in _TYPE_PARTS or len(w) > 2 and w.lower() in _PLACEHOLDER_PARTS for w in words)


DIGIT_LETTER = re.compile(r"\d[A-Za-z]")

CAMEL_RUN = re.compile(
    r"(?:(?=[AEIOU]|[A-Z][a-z]*[aeiou])[A-Z][a-z]{2,}){3,}"
)  # words have vowels; `YjuePxddOyu` is noise


def has_camel_words(value: str) -> bool:
    """`PKCS7PrivateKeyTypes`, `SpMatFlagAttr`: three capitalised words run together, as in type names;
    random tokens rarely spell that many word-shaped letters in a row."""
    return CAMEL_RUN.search(value) is not None


def short_token(value: str) -> bool:
    """`kjerht2309u`, `ppEuaNXBW4`, `h480djs93hd8`: a short generated token (8-40 letters and digits, both,
    letters and digits changing places) whose letters are no words: few vowels, or the case changing often.
    Names in code (`sha256sum`, `base64url`, `utf8mb4`) are words with a number in them."""
    n = len(value)
    if not 8 <= n <= 40 or not value.isalnum() or not value.isascii():
        return False
    letters = [c for c in value if c.isalpha()]
    digits = n - len(letters)
    if len(letters) < 4 or digits < 1:
        return False
    if digits < 3 and len(re.findall(r"[A-Za-z]\d|\d[A-Za-z]", value)) < 2 and _case_changes(value) < 3:
        return False
    if words_and_numbers(value) or _placeholder_parts(value) or _SEQUENTIAL_RUN.search(value.lower()):
        return False
    if any(VOWELS.intersection(w.group()) for w in re.finditer(r"[A-Z][a-z]{3,}", value)):
        return False  # `kXxh3Secrets`: a capitalised word in it, a constant's name (`HdncFj1Nm` spells none)
    vowels = sum(c in VOWELS for c in letters) / len(letters)
    return vowels < 0.3 or _case_changes(value) >= 3 and vowels < 0.4


_SEGMENTS = re.compile(r"[^/._\-=+:]+")


def words_and_numbers(value: str) -> bool:
    """`jjwt-jackson-0.11.2`, `my-app-production-2023`: segments that are each letters or digits, one of
    them a word; a random token mixes letters and digits inside its segments."""
    segs = _SEGMENTS.findall(value)
    return (
        all(x.isalpha() or x.isdigit() for x in segs)
        and any(WORD_SEGMENT.fullmatch(x) for x in segs)
        and any(x.isdigit() for x in segs)
    )


VOWELS = frozenset("aeiouAEIOU")


def few_vowels(value: str) -> bool:
    """`y7sbilkqxym49dra8fpzc7wbdke3qvlht8mg5tnj6`: one-case letters with few vowels and digits among them,
    as a generated token has them (words, and names made of words, have about one letter in three a vowel)."""
    letters = [c for c in value if c.isalpha()]
    return (
        len(value) >= 20
        and len(letters) >= 12
        and len(DIGIT_LETTER.findall(value)) >= 3
        and sum(c in VOWELS for c in letters) < 0.22 * len(letters)
    )


_VALUE_SEGMENTS = re.compile(r"[-_.:/+=~]+")


def looks_generated(value: str) -> bool:
    """Generated rather than written: 16+ characters, letters with digits among them, no segment a word or a
    camel-case name, and few vowels among the letters (random letters have about one in five, words two in five)."""
    n = len(value)
    if not 16 <= n <= 512 or not any(c.isdigit() for c in value):
        return False
    letters = [c for c in value if c.isalpha()]
    if len(letters) < 6 or len(DIGIT_LETTER.findall(value)) < 2:
        return False
    if any(WORD_SEGMENT.fullmatch(x) for x in _VALUE_SEGMENTS.split(value) if x):
        return False
    if CAMEL_RUN.search(value) or has_camel_words(value):
        return False
    hexish = all(c in string.hexdigits for c in value.replace("-", ""))
    if not hexish and sum(c in VOWELS for c in letters) >= 0.34 * len(letters):
        return False
    return shannon_entropy(value) >= 3.2


WORD_SEGMENT = re.compile(r"[a-z]{5,}|[A-Z]{5,}|[A-Z][a-z]{4,}|[A-Z]?[a-z]{2,}(?:[A-Z][a-z]{2,})+")
