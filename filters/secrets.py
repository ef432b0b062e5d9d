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

find_secrets runs every detector; they live by where a secret sits: secret_providers.py (a provider's token or
key by its own shape, private keys, high-entropy strings in a key's context), secret_passwords.py (passwords in
assignments, prose, command lines, SQL, URLs), this module (values under a key's name), with the names that mark
a password or a key in secret_names.py and judgments of the value itself in secret_values.py.
"""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING, Iterator

from detect_secrets.filters.heuristic import is_potential_uuid
from repoloom.filters import assignments
from repoloom.filters.needles import LOW_GATES, TEXT_GATES
from repoloom.filters.secret_names import (
    _CODE_NAME,
    _DEFINE,
    _ENV_NAME,
    _IDENT_RUN,
    _INNER_ASSIGNMENT,
    _KEY_PART_SPLIT,
    _KEY_STEM,
    _WORD_OPS,
    Hit,
    _config_literal,
    _fallback_literal,
    _is_password_key,
    _key_name,
    _key_name_strength,
    _key_value_ok,
    _random_mix,
    _stem_starts,
    _symbol_run,
    _table_cell,
    _token_runs,
    _unpronounceable,
    _wide_quoted_symbols,
    _word_key,
    at_word_of,
    lowered,
    occurrences,
    prefetch_stems,
)
from repoloom.filters.secret_calls import call_passwords
from repoloom.filters.secret_passwords import (
    cli_credentials,
    credential_pairs,
    directive_passwords,
    file_passwords,
    netrc_passwords,
    positional_passwords,
    password_assignments,
    prose_passwords,
    sql_and_shell_passwords,
    url_credentials,
    _REF_DEFAULT,
)
from repoloom.filters.secret_providers import (
    PLUGINS,
    _extra_hits,
    _npm_auth_tokens,
    _plugin_hits,
    bare_random_tokens,
    encoded_pairs,
    entropy_keys,
    lone_tokens,
    prefixed_tokens,
    private_key_blocks,
    provider_shapes,
    webhook_urls,
)
from repoloom.filters.secret_values import (
    WORD_SEGMENT,
    few_vowels,
    has_camel_words,
    is_placeholder,
    looks_generated,
    looks_random,
    password_value_ok,
    repeated_block,
    stand_in,
    suffixed_credential,
    symbol_literal,
    typed_by_hand,
    word_literal,
)

if TYPE_CHECKING:  # pii.py imports this module
    from repoloom.filters.pii import PiiConfig

_KEY_STEM_WORDS = ("secret", "token", "key", "auth", "cred")


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


# a Kubernetes Secret's name under a camelCase key that names the Secret by what it holds (`existingSecret`,
# `tlsSecret`, `serverCASecret`, `credentialsSecret`, `elasticsearchCertificateSecret` in Helm values and operator
# CRDs): the value is an object's name (an RFC 1123 label of words, `keycloak-tls`, `my-cluster-name-backup-s3`),
# not the secret; dev labels it negative in 5 projects (sets 11-26), positive in none
_HOLDER_SECRET_KEY = re.compile(
    r"(?:[\w\-]*+\.)*+(?:[a-z][a-z0-9]*+(?:[A-Z][a-z0-9]*+)*?)??"
    r"(?:[Ee]xisting|[Tt]ls|TLS|[Ss]sl|SSL|CA|[Cc]a|[Cc]erts?|[Cc]ertificate|[Cc]redentials?|[Cc]reds|[Pp]ull|[Rr]egistry)"
    r"Secret"
)
_OBJECT_NAME = re.compile(r"[a-z][a-z0-9]*+(?:-[a-z0-9]++)++")


def _secret_object_name(name: str, value: str) -> bool:
    """`credentialsSecret: my-cluster-name-backup-s3`: a Secret's name under a key naming what the Secret holds;
    each part a word or a short tag with digits (`s3`, `n8n`), none random."""
    if not _HOLDER_SECRET_KEY.fullmatch(name) or not _OBJECT_NAME.fullmatch(value):
        return False
    return all(p.isalpha() or len(p) <= 3 for p in value.split("-"))


# a literal passed through one or two calls (`Base64.decode(CodecSupport.toBytes("…"))`, `bytes.fromhex("…")`)
_DECODE_CALL = re.compile(
    r"""[ \t]{0,4}+(?::=|=(?![=>]))[ \t]{0,4}+(?P<call>(?:[A-Za-z_][\w.]{0,60}+\([ \t]{0,4}+){1,2}+)(?P<q>["'])(?P<v>[A-Za-z0-9+/=_\-]{12,512}+)(?P=q)"""
)
_DECODER = re.compile(
    r"(?i)decode|unhexlify|fromhex|from_?base(?:32|64)|b(?:32|64)decode|from_?hex|hex2bin|unbase64|hex_?to_?bytes|"
    r"parse_?hex|(?:^|[.\s(])(?:un)?hex[ \t]*+\(|(?:^|[.\s(])atob[ \t]*+\("  # Kotlin/Ktor `hex("…")`, JS `atob("…")`
)


# a list of literals under a key's name, on one line or a few: `SECRET_KEYS = ["…", "…"]`, `api_keys: ['…', '…']`,
# `API_TOKENS = frozenset({"…"})`, `val keys = listOf("…")`, `keys := []string{"…"}`: the operator, a bracket or a
# collection's constructor (not any call: `OAuth('…', '…')` takes different things by position), then the first literal
_LIST_OPEN = re.compile(
    r"""\\?+['"`]?\]?['"`]?[ \t]{0,40}+(?::=|=>|=|:)[ \t]{0,4}+"""
    r"""(?:(?:frozenset|set|tuple|list|[Ll]istOf|[Ss]etOf|[Aa]rrayOf|mutable(?:List|Set)Of|(?:Immutable)?(?:List|Set)\.of|"""
    r"""Arrays\.asList|Array|vec!|new[ \t]{1,4}+[A-Za-z_][\w.<>]{0,30}+(?:\[\])?)[ \t]{0,4}+[({]|\[\][A-Za-z_]\w{0,20}+\{|[\[{])"""
    r"""[ \t]{0,4}+[\[{]?[ \t\r\n]{0,80}+(?=["'`])"""
)
_LIST_ITEM = re.compile(r"""(?P<q>["'`])(?P<v>[^"'`\s\\]{1,4096}+)(?P=q)[ \t]{0,4}+(?P<sep>,?)[ \t\r\n]{0,80}+""")
_HEX = frozenset(string.hexdigits)


# a plural name's keys in one quoted string, separated by spaces (`ENC_KEYS="<k1> <k2>"`)
_SPACED_KEYS = re.compile(
    r"""\\?+['"`]?[ \t]{0,4}+(?::=|=>|=|:)[ \t]{0,4}+(?P<q>["'])"""
    r"""(?P<v>[^"'\s\\]{16,512}+(?:[ \t]{1,3}+[^"'\s\\]{16,512}+){1,15}+)(?P=q)"""
)
_NON_SPACE = re.compile(r"\S++")


def _listed_values(text: str, end: int) -> list[tuple[str, int]]:
    """The literals of a list opened right after a name (`_LIST_OPEN`), up to its closing bracket; [] when the
    name is not given a list of literals (anything but literals and commas inside ends it: code, not data)."""
    m = _LIST_OPEN.match(text, end)
    if not m:
        return []
    out, pos = [], m.end()
    while len(out) < 64 and (it := _LIST_ITEM.match(text, pos)):
        out.append((it.group("v"), it.start("v")))
        pos = it.end()
        if not it.group("sep"):
            break
    return out if pos < len(text) and text[pos] in ")]}" else []


def _worded(value: str) -> bool:
    """A listed value with a word in it (`'+i6t-not-inline'` among `token_variants`): an option's name, not a key."""
    return value[0] in "+-" or any(WORD_SEGMENT.fullmatch(x) for x in re.split(r"[-_.:/+]+", value) if x)


def _generated_list(values: list[str]) -> bool:
    """Short hex keys listed together (`["2b9cd98e", "169d7886", "b6af09f5"]`): one length, hex digits and letters
    mixed in each; alone eight hex characters could be anything, a list of them under a key's name is keys."""
    n = len(values[0])
    return (
        len(values) >= 2
        and 8 <= n <= 128
        and all(len(v) == n and _HEX.issuperset(v) and not v.isdigit() and not v.isalpha() for v in values)
        and len(set(values)) == len(values)
    )


# a literal turned into bytes or a secret type on its way to the name: Go's `hmacSecret := []byte("…")`,
# `const secret = new TextEncoder().encode('…')` (jose), C#'s `Encoding.UTF8.GetBytes("…")`, `Buffer.from('…')`,
# Python's `bytes("…", "utf-8")`, Rust's `SecretString::new("…".into())`
_WRAPPED_LITERAL = re.compile(
    r"""\\?+['"`]?\]?['"`]?[ \t]{0,40}+(?::=|=(?![=>])|:)[ \t]{0,4}+"""
    r"""(?:\[\]byte\(|new[ \t]{1,4}+TextEncoder\(\)\.encode\(|Encoding\.(?:UTF8|ASCII|Default|Unicode)\.GetBytes\(|"""
    r"""Buffer\.from\(|bytes\(|(?:Secret(?:String|Box)?|String)::(?:new|from)\()"""
    r"""[ \t]{0,2}+(?P<q>["'`])(?P<v>[^"'`\s\\]{1,4096}+)(?P=q)"""
)
# a secret's type constructed from a literal: Rust's oauth2 `ClientSecret::new("…".to_string())`, Ruby's
# `ApiKey.new("…")`, Scala/Kotlin `AccessToken.of("…")` (the type's name is the key's name)
_TYPE_CONSTRUCTED = re.compile(
    r"""(?:::new|::from|\.new|\.of)[ \t]{0,2}+\([ \t]{0,2}+(?P<q>["'`])(?P<v>[^"'`\s\\]{1,4096}+)(?P=q)"""
)


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
        if text.startswith("${", start - 2):
            # `${API_KEY:-letmein99}`: a reference, but its default is the literal used when the variable is unset
            d = _REF_DEFAULT.match(text, start - 2)
            # `:-`, `:=` or `:` only: `${secret-credentials-github-username}` is a template's name, not a default
            if d and (strength == "strong" or _secret_named(name)) and ":" in text[d.start() : d.start("v")]:
                v = d.group("v")
                if _key_value_ok(text, v, d.start("v"), strength) or word_literal(v) and not is_placeholder(v):
                    yield Hit("key", d.start("v"), d.end("v"), "KeyNamedValue")
                pos = max(pos, d.end())
            continue
        d = _DECODE_CALL.match(text, run_end)
        if d and _DECODER.search(d.group("call")) and _key_value_ok(text, d.group("v"), d.start("v"), "strong"):
            # `key = Base64.decode("kPH+…")`, `secret = OTPAuth.Secret.fromBase32('JBSW…')`: key material decoded
            # from a literal; the decoding says what the literal is, whatever the name's strength
            yield Hit("key", d.start("v"), d.end("v"), "KeyNamedValue")
            pos = max(pos, d.end("v"))
            continue
        listed = _listed_values(text, run_end)
        if listed:
            # every literal of the list is judged as the name's value; a list of generated-looking hex keys counts
            # as a whole
            together = strength == "strong" and _generated_list([v for v, _ in listed])
            for v, vs in listed:
                if together or _key_value_ok(text, v, vs, strength) and not _worded(v):
                    yield Hit("key", vs, vs + len(v), "KeyNamedValue")
            pos = max(pos, listed[-1][1] + len(listed[-1][0]))
            continue
        sp = _SPACED_KEYS.match(text, run_end) if name[-1:] in "sS" else None
        if sp:
            # `ENC_KEYS="<k1> <k2>"`: a plural name's keys in one string, each judged as the name's value; all or none
            items = [(x.group(), sp.start("v") + x.start()) for x in _NON_SPACE.finditer(sp.group("v"))]
            if all(_key_value_ok(text, v, vs, strength) for v, vs in items):
                yield from (Hit("key", vs, vs + len(v), "KeyNamedValue") for v, vs in items)
                pos = max(pos, sp.end("v"))
                continue
        # `--token <value>`, `-secret <value>`, also at the start of a line
        flag = text.startswith("-", start) and (start == 0 or text[start - 1] in " \t\n")
        # under a strong name only: `GroupKey: []byte("d8e8…")`, `Key::new("…")` are ids as often as keys
        w = strength == "strong" and (_WRAPPED_LITERAL.match(text, run_end) or _TYPE_CONSTRUCTED.match(text, run_end))
        a = (
            assignments.Assigned("=", w.group("v"), w.start("v"), True, False)
            if w
            else assignments.after_name(
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
            (_secret_named(name) or strength == "strong")
            and a.op not in ("(", ",", " ", "is", "was", "to")
            and (a.quoted or _config_literal(text, ls, start, run_end, value, a.start, a.op, words=True))
            # under a secret's name any chosen literal; under a token's or key's only a credential word respelled
            # or with marks (`token: T0pS3cr3t`, `apiKey: "passw0rd"`), which no name, type or id looks like
            and (word_literal(value) if _secret_named(name) else suffixed_credential(value))
        ):
            if _secret_object_name(name, value):
                continue
            yield Hit("key", a.start, a.start + len(value), "KeyNamedValue")
            pos = max(pos, a.start + len(value))
        elif len(value) > 300:
            pos = max(pos, a.start + len(value))  # names inside one long run are not re-parsed: linear


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


# a literal compared with a secret's name, the literal first (`if ("…" == password)`, Yoda conditions)
_LITERAL_FIRST = re.compile(
    r"""(?P<q>["'`])(?P<v>[^"'`\s\\]{4,128}+)(?P=q)[ \t]{0,4}+[=!]==?[ \t]{0,4}+(?P<n>[A-Za-z_$][\w$.]{0,80}+)"""
)


# a test asserting what a secret-named field holds: `assertEquals("…", config.getClientSecret())`,
# `assert_eq!(client.secret(), "…")`, `expect(config.clientSecret).toBe('…')`, `XCTAssertEqual(c.apiKey, "…")`,
# RSpec's `expect(c.secret).to eq('…')`, minitest's `assert_equal '…', @client.secret`;
# the name is the last identifier of the expression (a getter's `get` and call parentheses dropped)
_ASSERT_LIT = r"""(?P<q>["'`])(?P<v>[^"'`\s\\]{4,512}+)(?P=q)"""
_ASSERT_EXPR = r"""(?P<n>[A-Za-z_$@][\w$.@:>\-]{0,80}?)(?:\(\))?"""
_ASSERTED = re.compile(
    r"""(?:[Aa]ssert(?:Equals?|_eq!?|_equal|Equal))[ \t]{0,2}+\([ \t]{0,2}+(?:"""
    + _ASSERT_LIT
    + r"""[ \t]{0,2}+,[ \t]{0,2}+"""
    + _ASSERT_EXPR.replace("?P<n>", "?P<n2>")
    + r"""[ \t]{0,2}+[,)]|"""
    + _ASSERT_EXPR
    + r"""[ \t]{0,2}+,[ \t]{0,2}+"""
    + _ASSERT_LIT.replace("?P<q>", "?P<q2>").replace("(?P=q)", "(?P=q2)").replace("?P<v>", "?P<v2>")
    + r"""[ \t]{0,2}+[,)])"""
    # Ruby's minitest without parentheses: `assert_equal 'v', @client.secret`
    r"""|assert_equal[ \t]{1,2}+"""
    + _ASSERT_LIT.replace("?P<q>", "?P<q4>").replace("(?P=q)", "(?P=q4)").replace("?P<v>", "?P<v4>")
    + r"""[ \t]{0,2}+,[ \t]{0,2}+"""
    + _ASSERT_EXPR.replace("?P<n>", "?P<n4>")
    + r"""[ \t]*+(?=\r?\n|$|\#)"""
    r"""|expect[ \t]{0,2}+\([ \t]{0,2}+"""
    + _ASSERT_EXPR.replace("?P<n>", "?P<n3>")
    + r"""[ \t]{0,2}+\)\.(?:(?:toBe|toEqual|toStrictEqual|to\.equal|to\.eq|to\.be)[ \t]{0,2}+\(|to[ \t]{1,2}+eq[ \t]{0,2}+\(?)"""
    r"""[ \t]{0,2}+""" + _ASSERT_LIT.replace("?P<q>", "?P<q3>").replace("(?P=q)", "(?P=q3)").replace("?P<v>", "?P<v3>")
)


def asserted_literals(text: str) -> Iterator[Hit]:
    """Literals a test asserts a secret- or password-named field to hold (see `_ASSERTED`)."""
    # at each `assert`/`Assert`/`expect` (XCTest's `XCTAssertEqual` holds `Assert`), not a regex scan of the text
    for m in _at_needles(text, ("assert", "Assert", "expect"), _ASSERTED):
        for n, v in (("n", "v2"), ("n2", "v"), ("n3", "v3"), ("n4", "v4")):
            if m.group(v) is None:
                continue
            expr = m.group(n)
            name = re.split(r"\.|::|->|@", expr)[-1]
            name = name[3:] if name[:3] in ("get", "Get") and name[3:4].isupper() else name
            value, vs = m.group(v), m.start(v)
            if "..." not in value and "…" not in value:  # `'a1b2c3d4...'`: an elided example
                hit = _named_value_hit(text, name, value, vs, "AssertedLiteral")
                if hit:
                    yield hit
            break


def _literal_first_matches(text: str) -> Iterator[re.Match]:
    """_LITERAL_FIRST.finditer(text), tried only where a match can start. A match's literal closes at most four
    spaces or tabs before its `==`/`!=` and opens at the previous occurrence of the same quote (the literal holds no
    quote), so each operator names one start; finditer tries every position in order, and a match can start at
    none of the others, so trying these in order (past the last match's end) gives its matches."""
    starts = set()
    for op in ("==", "!="):
        for e in occurrences(text, op):
            q, k = e - 1, 0
            while k < 4 and q >= 0 and text[q] in " \t":
                q, k = q - 1, k + 1
            if q > 0 and text[q] in "\"'`":
                p = text.rfind(text[q], max(0, q - 129), q)
                if p >= 0:
                    starts.add(p)
    end = 0
    for p in sorted(starts):
        if p >= end and (m := _LITERAL_FIRST.match(text, p)):
            end = m.end()
            yield m


def compared_literals(text: str) -> Iterator[Hit]:
    """Literals compared with a password- or secret-named variable, the literal written first: the value is what
    the code checks the secret against (`if ("…" === my_private_key)`)."""
    if not TEXT_GATES.contains(text, "==") and not TEXT_GATES.contains(text, "!="):
        return
    for m in _literal_first_matches(text):
        name, value, vs = m.group("n").rsplit(".", 1)[-1], m.group("v"), m.start("v")
        if _is_password_key(name):
            if password_value_ok(value, True):
                yield Hit("password", vs, vs + len(value), "ComparedLiteral")
            continue
        strength = _key_name_strength(name)
        if strength == "strong" and symbol_literal(value) or strength and _key_value_ok(text, value, vs, strength):
            yield Hit("key", vs, vs + len(value), "ComparedLiteral")


# a JSON Web Key's private members (RFC 7518): `k` (a symmetric key), `d` (the private exponent or scalar), and
# RSA's `p`, `q`, `dp`, `dq`, `qi`; base64url, no padding. `n`, `e`, `x`, `y` are public.
_JWK_MEMBER = re.compile(
    r"""["'](?P<n>k|d|p|q|dp|dq|qi)["'][ \t]{0,4}+:[ \t]{0,4}+["'](?P<v>[A-Za-z0-9_\-]{16,1024}+)["']"""
)
_JWK_MEMBER_NEEDLES = ('"k"', '"d"', '"p"', '"q"', '"dp"', '"dq"', '"qi"', "'k'", "'d'")


def _at_needles(text: str, needles: tuple[str, ...], pattern: re.Pattern) -> Iterator[re.Match]:
    """Matches of `pattern` (which starts with one of the needles, as written) at each occurrence of the needles
    (str.find in C), instead of a regex scan that tries every position of the text."""
    starts = sorted(i for n in needles if TEXT_GATES.contains(text, n) for i in occurrences(text, n))
    done = -1
    for i in starts:
        if i >= done and (m := pattern.match(text, i)):
            done = m.end()
            yield m


def jwk_private_members(text: str) -> Iterator[Hit]:
    """`{"kty":"oct","k":"NJACtF9H…"}`, `"d": "9GJquUJf…"`: a JWK's private members. With `kty` near, any
    base64url of 16 or more; alone (one line of a key file), 32 or more that mixes cases and digits as random
    bytes do, so a one-letter JSON field holding a word or an id is left alone."""
    # with `kty` in the text every member; without it only `d` and `k` (a key set's or a test's one line), under the
    # strict shape below (three str.find scans, not nine)
    for m in _at_needles(
        text, _JWK_MEMBER_NEEDLES if TEXT_GATES.contains(text, "kty") else ('"d"', '"k"'), _JWK_MEMBER
    ):
        v = m.group("v")
        near = text.find("kty", max(0, m.start() - 2000), m.end() + 2000) >= 0
        if is_placeholder(v) or typed_by_hand(v) or _HEX.issuperset(v):
            continue
        if (
            near
            and (len(v) >= 32 or looks_generated(v) or _random_mix(v))
            or (
                len(v) >= 32
                and any(c.isupper() for c in v)
                and any(c.islower() for c in v)
                and any(c.isdigit() for c in v)
                and looks_random(v)
                and not any(WORD_SEGMENT.fullmatch(x) for x in re.split(r"[-_]+", v) if x)
                and not has_camel_words(v)  # `"k": "thisIsAVeryLongCamelCaseName42"`: a name, not a key
            )
        ):
            yield Hit("key", m.start("v"), m.end("v"), "JwkPrivateMember")


# an element named by its attribute, its text the value: Android's `<string name="api_key">…</string>`, Java's
# properties XML `<entry key="api.secret">…</entry>`, `<setting name="ClientSecret">…</setting>`
_XML_NAMED = re.compile(
    r"""<(?P<tag>[A-Za-z][\w:.\-]{0,30}+)[ \t][^<>]{0,200}?\b(?:name|key)=["'](?P<n>[^"'<>\s]{1,80}+)["'][^<>]{0,200}?>"""
    r"""(?P<v>[^<>\s]{4,4096}+)</(?P=tag)>"""
)


def _named_value_hit(text: str, name: str, v: str, vs: int, rule: str) -> Hit | None:
    """A value whose name says what it is (an XML element's name attribute, a Terraform variable's name): a
    password under a password name, a key under a key name; None for anything else."""
    if _is_password_key(name):
        ok = _word_key(name) and password_value_ok(v, True, words=True)
        return Hit("password", vs, vs + len(v), rule) if ok else None
    strength = _key_name_strength(name)
    if strength and (
        _key_value_ok(text, v, vs, strength) or _secret_named(name) and word_literal(v) and not is_placeholder(v)
    ):
        return Hit("key", vs, vs + len(v), rule)
    return None


def xml_named_elements(text: str, low: str) -> Iterator[Hit]:
    if not LOW_GATES.contains(low, "name=") and not LOW_GATES.contains(low, "key="):
        return
    for m in _XML_NAMED.finditer(text):
        hit = _named_value_hit(text, m.group("n"), m.group("v"), m.start("v"), "XmlNamedElement")
        if hit:
            yield hit


# a literal passed where a crypto API takes its key: an HMAC's or a cipher's key, a cookie or session signer's
# secret. `hmac.new(b'…', msg)`, `crypto.createHmac('sha256', '…')`, `Fernet(b'…')`, `AES.new(b'…', AES.MODE_CBC)`,
# `new SecretKeySpec("…".getBytes(), "HmacSHA256")`, Go's `hmac.New(sha256.New, []byte("…"))`,
# `OpenSSL::HMAC.hexdigest('SHA256', '…', data)`, `hash_hmac('sha256', $data, '…')`, `cookieParser('…')`,
# `CryptoJS.AES.encrypt(data, '…')`
_LIT = r"""(?:\[\]byte\(|b(?=["'])|@(?=["']))?(?P<q>["'`])(?P<v>[^"'`\s\\]{6,512}+)(?P=q)"""
_ARG = r"""(?:[A-Za-z_$][\w.$:]{0,40}+|["'][\w\-]{1,20}+["']|\{[^{}\n]{0,200}+\})"""
_CRYPTO_KEY_ARG = re.compile(
    # the key first
    r"""(?:(?:hmac\.(?:new|HMAC)|Fernet|(?:AES|DES3?|Blowfish|ChaCha20|Salsa20|ARC4)\.new|cookieParser|"""
    r"""SecretKeySpec|createSecretKey|Algorithm\.HMAC(?:256|384|512)|hmacShaKeyFor|SignedString|"""
    # lcobucci/jwt's `InMemory::plainText('…')`, `InMemory::base64Encoded('…')`: the signer's key
    r"""InMemory::(?:plainText|base64Encoded)|"""
    r"""SymmetricKey[ \t]{0,2}+\([ \t]{0,2}+data:)[ \t]{0,2}+\(?(?:[ \t]{0,2}+key[ \t]{0,2}+=)?[ \t]{0,2}+"""
    # the key second, after the algorithm, the payload or the message
    r"""|(?:createHmac|createCipheriv|createDecipheriv|hmac\.New|HMAC\.(?:hexdigest|digest|base64digest)|"""
    r"""CryptoJS\.(?:AES|DES|TripleDES|Rabbit|RC4)\.(?:en|de)crypt|CryptoJS\.Hmac\w{3,10}+|JWT(?:\.|::)(?:encode|decode)|"""
    # jsonwebtoken's `jwt.sign(payload, '…')`/`jwt.verify(token, '…')`, PyJWT's `jwt.encode(payload, "…", …)`
    r"""(?<![\w.])jwt\.(?:sign|verify|encode|decode)|"""
    r"""signWith)(?:[ \t]{0,2}+\(|[ \t]{1,2}+(?=[A-Za-z_$]))[ \t]{0,2}+"""
    + _ARG
    + r"""[ \t]{0,2}+,[ \t]{0,2}+|hash_hmac[ \t]{0,2}+\([ \t]{0,2}+"""
    + _ARG
    + r"""[ \t]{0,2}+,[ \t]{0,2}+"""
    + _ARG
    + r"""[ \t]{0,2}+,[ \t]{0,2}+"""
    # php-jwt's `new Key('…', 'HS256')`: an HMAC key (with RS/ES it is a public key's PEM)
    r"""|new[ \t]Key[ \t]{0,2}+\([ \t]{0,2}+(?=["'][^"'\s]{6,512}+["'][ \t]{0,2}+,[ \t]{0,2}+["']HS\d{3}))""" + _LIT
)
# a word inside every name _CRYPTO_KEY_ARG starts with, lower-cased (fewer str.find scans than one per name)
_CRYPTO_HINTS = (
    "hmac",
    "fernet",
    ".new",
    "cookieparser",
    "secretkey",
    "signedstring",
    "symmetrickey",
    "cipheriv",
    "cryptojs",
    "jwt",
    "signwith",
    "new key",
    "inmemory::",
)


def crypto_key_arguments(text: str, low: str) -> Iterator[Hit]:
    """Literals given as a crypto API's key; the call says what the literal is, so a chosen word counts too
    (`hmac.new(b'tornado-secret', …)`), but not a stand-in or placeholder (`'secret'`, `'your-key-here'`)."""
    done = -1
    for i in _stem_starts(low, _CRYPTO_HINTS):
        if i < done or not (m := at_word_of(text, i, _CRYPTO_KEY_ARG)):
            continue
        done = m.end()
        v = m.group("v")
        if is_placeholder(v) or stand_in(v) or v.lower() in ("secret", "password", "changeme"):
            continue
        if _key_value_ok(text, v, m.start("v"), "strong") or word_literal(v) or looks_random(v):
            yield Hit("key", m.start("v"), m.end("v"), "CryptoKeyArgument")


# Terraform's input variable with a default: `variable "api_key" {` then `default = "…"` before the block closes
# (`description`, `type`, `sensitive` may come between)
_TF_VARIABLE = re.compile(
    r"""variable[ ]"(?P<n>[A-Za-z_][\w\-]{0,80}+)"[ \t]{0,4}+\{(?P<body>[^{}]{0,600}?)\bdefault[ \t]{0,8}+=[ \t]{0,4}+"""
    r"""["](?P<v>[^"\s\\$]{1,4096}+)["]"""
)


def terraform_defaults(text: str) -> Iterator[Hit]:
    if not TEXT_GATES.contains(text, "default"):
        return
    for m in _at_needles(text, ('variable "',), _TF_VARIABLE):
        hit = _named_value_hit(text, m.group("n"), m.group("v"), m.start("v"), "TerraformDefault")
        if hit:
            yield hit


# an OAuth client's id and secret by position: OmniAuth's `provider :github, "<id>", "<secret>"` (also
# `config.omniauth :github, …` in Devise), the oauth2 gem's `OAuth2::Client.new('<id>', '<secret>', site: …)`; the
# second literal is the secret
_OAUTH_PAIR = re.compile(
    r"""(?:(?:config\.omniauth|provider)[ \t]{1,4}+:[A-Za-z_]\w{0,40}+[ \t]{0,4}+,|"""
    r"""OAuth2?::Client\.new[ \t]{0,2}+\()[ \t]{0,4}+(?P<q1>["'])[^"'\s]{1,256}+(?P=q1)[ \t]{0,4}+,[ \t]{0,4}+"""
    r"""(?P<q>["'])(?P<v>[^"'\s\\]{6,512}+)(?P=q)"""
)


class _OAuthPairAt:
    """_OAUTH_PAIR matched from a hint: `config.` before `omniauth`, `OAuth2::` before `Client.new`."""

    @staticmethod
    def match(text: str, i: int) -> re.Match | None:
        for back in (0, 7, 8, 7 + 2):  # `provider`; `config.omniauth`; `OAuth2::Client`; `OAuth::Client`
            if i >= back and (m := _OAUTH_PAIR.match(text, i - back)):
                return m
        return None


_OAUTH_PAIR_AT = _OAuthPairAt()


def oauth_client_pairs(text: str) -> Iterator[Hit]:
    for m in _at_needles(text, ("omniauth", "provider", "Client.new"), _OAUTH_PAIR_AT):
        if text[m.start()] != "O" and text[text.rfind("\\n", 0, m.start()) + 1 : m.start()].strip():
            continue  # OmniAuth's `provider` opens its line
        v = m.group("v")
        if _key_value_ok(text, v, m.start("v"), "strong") or word_literal(v) and not is_placeholder(v):
            yield Hit("key", m.start("v"), m.end("v"), "OAuthClientSecret")


# credentials passed by position to an SDK's credential constructor or client: AWS SDKs'
# `Credentials::new("AKIA…", "…", None, None, "static")`, `credentials.NewStaticCredentialsProvider("…", "…", "")`,
# `AwsBasicCredentials.create("…", "…")`, Azure's `ClientSecretCredential("tenant", "client", "…")`, tweepy's
# `OAuthHandler("…", "…")` and `set_access_token("…", "…")`, `new Twilio("AC…", "…")`, `Parse.initialize("…", "…")`;
# the callee's last name holds one of the hints below, the arguments run to the call's closing parenthesis
_CREDENTIAL_CALL_HINTS = (
    "credential",
    "oauthhandler",
    "set_access_token",
    "twilio",
    "parse.initialize",
    "oauth2client",
)
_CALLEE_TAIL = re.compile(r"(?:(?i:parse\.initialize)|\w{0,40}+(?:::new|\.create|\.of)?)[ \t]{0,2}+\(")
_DEFINITION_BEFORE = re.compile(r"(?:\bdef|\bfunction|\bfn|\bfunc|\bsub)[ \t]++$")
_LOWER_DOTTED = re.compile(r"[a-z0-9\-]++(?:\.[a-z0-9\-]++)++")
_CALL_LITERAL = re.compile(r"""(?P<q>["'])(?P<v>[^"'\s\\]{10,512}+)(?P=q)""")


def credential_call_arguments(text: str, low: str) -> Iterator[Hit]:
    done = -1
    for i in _stem_starts(low, _CREDENTIAL_CALL_HINTS):
        if i < done:
            continue
        # the hint inside the callee's name: an identifier (with dots) runs from before it to the `(`
        j = i
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_."):
            j -= 1
        m = _CALLEE_TAIL.match(text, i)  # the hint in the callee's last name, not an object's (`credentials.get(`)
        if not m:
            continue
        callee = text[j : m.end()]
        if _DEFINITION_BEFORE.search(text, max(0, j - 12), j):
            continue  # `def verify_credentials(host="s3.…")`: a definition's defaults, not a call's arguments
        if callee.lower().startswith(("get", "load", "read", "fetch", "find", "parse.")) and "initialize" not in callee:
            continue  # getters and loaders take a name or a path, not the credential
        close = text.find(")", m.end(), m.end() + 600)
        end = close if close >= 0 else min(len(text), m.end() + 600)
        done = end
        for a in _CALL_LITERAL.finditer(text, m.end(), end):
            v, vs = a.group("v"), a.start("v")
            if _LOWER_DOTTED.fullmatch(v):
                continue  # a host or a package name (`s3.us.cloud-object-storage.appdomain.cloud`)
            if not is_placeholder(v) and _key_value_ok(text, v, vs, "strong") and not typed_by_hand(v):
                yield Hit("key", vs, vs + len(v), "CredentialCallArgument")


def _repeats_on_line(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """A secret found once leaks wherever its line spells it again: `"wombat": the password for jane is "wombat"`,
    `` the username is `databend`, for password is `databend` ``, `--data 't0k…' -H 'Authorization: Token t0k…'`;
    its other whole occurrences on that line (not inside a longer word) are redacted too. A password of letters
    alone only where quoted again: a bare `postgres` is also the user, the host and the database
    (`postgres://postgres:postgres@postgres/postgres`)."""
    done: set[tuple[int, int]] = set()
    for h in hits:
        n = h.end - h.start
        if n < 4 or (h.start, h.end) in done:
            continue
        done.add((h.start, h.end))
        v = text[h.start : h.end]
        quoted_only = h.kind == "password" and _PLAIN_WORD.fullmatch(v) is not None
        ls = text.rfind("\n", max(0, h.start - 2000), h.start) + 1
        le = text.find("\n", h.end, h.end + 2000)
        le = le if le >= 0 else min(len(text), h.end + 2000)
        i = text.find(v, max(ls, h.start - 2000), le)
        while i >= 0:
            e = i + n
            if i != h.start and not (i and _wordish(text[i - 1])) and not (e < len(text) and _wordish(text[e])):
                if not quoted_only or i and text[i - 1] in "\"'`" and text.startswith(text[i - 1], e):
                    done.add((i, e))
                    yield Hit(h.kind, i, e, h.detector)
            i = text.find(v, i + 1, le)


_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z_.\-]*+")


def _wordish(c: str) -> bool:
    return c.isalnum() or c == "_"


def find_secrets(text: str, p: PiiConfig) -> list[Hit]:
    """All secret hits in `text` under the `pii` section's switches (may overlap; the caller resolves overlaps)."""
    out: list[Hit] = []
    low = lowered(text)
    prefetch_stems(low)  # the rules' common stems in one pass, not one scan each
    # scanned once: their hits are split by kind between the passwords and the entropy switches below
    compared = list(compared_literals(text)) if p.passwords or p.entropy else []
    asserted = list(asserted_literals(text)) if p.passwords or p.entropy else []
    if p.providers:
        names = tuple(p.plugins or PLUGINS)
        out.extend(_plugin_hits(text, names))
        if "NpmDetector" in names:
            out.extend(_npm_auth_tokens(text))
        out.extend(_extra_hits(text))
        out.extend(encoded_pairs(text, low))
        out.extend(webhook_urls(text, low))
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
        out.extend(cli_credentials(text, low))
        out.extend(netrc_passwords(text, low))
        out.extend(sql_and_shell_passwords(text, low))
        out.extend(positional_passwords(text))
        out.extend(credential_pairs(text, low))
        out.extend(directive_passwords(text, low))
        out.extend(file_passwords(text, low))
        out.extend(call_passwords(text, low))
        out.extend(c for c in compared if c.kind == "password")
        out.extend(c for c in asserted if c.kind == "password")
    if p.entropy:
        out.extend(entropy_keys(text))
        out.extend(key_named_values(text, low))
        out.extend(named_value_pairs(text, low))
        out.extend(hyphen_joined_values(text, low))
        out.extend(access_named_values(text, low))
        out.extend(jwk_private_members(text))
        out.extend(xml_named_elements(text, low))
        out.extend(crypto_key_arguments(text, low))
        out.extend(terraform_defaults(text))
        out.extend(oauth_client_pairs(text))
        out.extend(credential_call_arguments(text, low))
        out.extend(c for c in compared if c.kind == "key")
        out.extend(c for c in asserted if c.kind == "key")
    if out:
        out.extend(list(_repeats_on_line(text, out)))
    return out
