"""Passwords by where they stand: assignments and config lines under a password's name, prose and
comments ("the default password is ..."), command lines (mysql -p..., --password), SQL, .netrc, and credentials
in URLs.
"""

from __future__ import annotations

import base64
import heapq
import re
import string
from typing import Iterator

from repoloom.filters import assignments
from repoloom.filters.needles import LOW_GATES, TEXT_GATES
from repoloom.filters.secret_names import (
    _DEFINE,
    _IDENT_RUN,
    _INNER_ASSIGNMENT,
    _WORD_OPS,
    Hit,
    _config_literal,
    _fallback_literal,
    _is_password_key,
    _key_name,
    _key_value_ok,
    _stem_starts,
    _symbol_run,
    _table_cell,
    _wide_quoted_symbols,
    _wide_quoted_password,
    _word_key,
    lowered,
    occurrences,
)
from repoloom.filters.secret_values import (
    DIGIT_LETTER,
    LEET,
    capital_word,
    chosen_camel,
    looks_generated,
    looks_random,
    password_value_ok,
    random_letters,
    short_token,
    stand_in,
    suffixed_credential,
    word_literal,
)

# scheme://user:password@host ; the user part cannot contain ':' or '@', so the split is unique.
# The user part may hold '@' (an e-mail address as the login: `smtps://me@gmail.com:pw@smtp.gmail.com`).
_URL_CRED = re.compile(r"([^\s:/?#'\"<>\\`]{0,128}+):([^\s/?#@'\"<>\\`]{1,256}+)@(?=[A-Za-z0-9\[])")

# Passwords in assignments: the key must contain one of these stems; we find stems by a literal
# search and parse around them with anchored patterns (no scan from every position).
_PW_STEM = re.compile(r"(?i)pass|pwd|pw(?![a-z])|ps+w(?:o?r)?d|pasw(?:o?r)?d|비밀번호|비번|암호|패스워드")


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


_PW_STEM_WORDS = ("pass", "pw", "psw", "pssw", "pasw", "비밀번호", "비번", "암호", "패스워드")


_ENV_PAIR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*+=[^=\s]")


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
# `System.getProperty`, `config.get`, `getOrDefault`; and PHP's `define("DB_PASSWORD", "v")`; setters that take the
# name, then the value: `props.put("password", "v")`, `System.setProperty("…keyStorePassword", "v")`,
# `os.environ.setdefault("DB_PASSWORD", "v")`, `os.Setenv`, testcontainers' `.withEnv("POSTGRES_PASSWORD", "v")`
_GETTER = re.compile(
    r"""\b(?:get|getenv|Getenv|env|fetch|getProperty|getOrDefault|get_env|getenv_or|define|"""
    r"""put|putenv|set|setProperty|setdefault|setenv|Setenv|withEnv|with_env|addEnv|add|Add)\([ \t]{0,4}+["'`]$"""
)
# a variable with a default (Spring `${NAME:default}`, shell `${NAME:-default}`/`${NAME-default}`)
_GETTER_NAME = re.compile(
    r"(?:get|read|load|fetch|find|lookup|retrieve|check|verify|validate|compare|hash|encrypt|decrypt|has|is)(?:_|[A-Z])"
)
# the default may be quoted inside the braces (`: "${POSTGRES_PASSWORD:="airflow"}"`); `${X:+alt}` is no default
_REF_DEFAULT = re.compile(
    r"""\$\{[A-Za-z_][\w.]{0,80}+(?::-?|-|:=)(?P<q>["']?+)(?P<v>[^\s{}$'"`?+][^\s{}$'"`]{0,127}+)(?P=q)\}"""
)


# a literal wrapped in a type's constructor, not looked up: `Password: aws.String("v")`, `pulumi.String`,
# `EncryptedData("v")`, `password = SecretStr("v")`, `String::from("v")`, `Some("v".to_string())`; a getter
# (`os.getenv("X")`, `t("Password")`) has another name
_WRAPPED_PASSWORD = re.compile(
    r"""["'`]?+[ \t]{0,40}+(?P<op>:=|=>|=(?!=)|:)[ \t]{0,40}+(?:[A-Za-z_]\w{0,20}+(?:\.|::))?+"""
    r"""(?:Secret(?:Str|String|Bytes)|Sensitive|EncryptedData|String(?:Ptr)?|"""
    r"""Some|from)\([ \t]{0,2}+[bB]?(?P<q>["'`])(?P<v>[^"'`\s\\]{1,256}+)(?P=q)"""
    r"""(?:\.(?:to_string|to_owned|into)\(\))?[ \t]{0,2}+\)"""
)


_SINGLE_DASH_FLAG = re.compile(r"(?i)-(?:password|passwd|pass|pwd)")


# a JVM system property or a Gradle project property on a command line: `-Dname=v`, `-Pname=v`
_PROPERTY_FLAG = re.compile(r"(?<![^\s\"'])-[DP][A-Za-z_][\w.\-]{0,80}+")


# a compound name, unquoted: `casAdminPassword`, `cluster-password`, `-Pduct.password` (not `password`, `"PW"`)
_CAPITAL_NAME = re.compile(r"(?i)-?[A-Za-z][\w.\-]*?[a-z0-9][._\-]?(?:pass(?:word|wd)?|pwd)")
# a form's or a message's words in a name: `confirmPassword: "Confirmer"` is a translated label
_UI_PARTS = frozenset(
    "confirm confirmation new old current repeat retype label hint prompt reset forgot change enter show hide "
    "placeholder title text message msg error invalid wrong missing required forgotten your".split()
)
_NAME_SPLIT = re.compile(r"[_.\-]+|(?<=[a-z0-9])(?=[A-Z])")
_LOWER_FLAG = re.compile(r"--?[a-z][a-z\-]*+")


# a form body's next field: `&grant_type=password`
_NEXT_FIELD = re.compile(r"&[A-Za-z_][\w.\-\[\]]{0,40}+=")


def form_opened(text: str, start: int, value: str) -> bool:
    """The name opens a form body inside quotes (`-d "password=<v>&grant_type=password"`, `data = 'client_secret=<v>&…'`):
    the value ends at the next `&field=`, as a query parameter's does. Only after a quote: a bare `name=v&x=y` at a line's
    start may be a value with `&x=` in it."""
    if text[start - 1] not in "\"'":
        return False
    i = value.find("&")
    return i > 0 and _NEXT_FIELD.match(value, i) is not None


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
        # Go's and Java's single-dash long flags: `influx -username u -password v`, `-pass v` (not `-p`: cli_credentials)
        flag = flag or _SINGLE_DASH_FLAG.fullmatch(text, start, run_end) is not None and text[start - 1] in " \t"
        a = (
            assignments.after_name(
                text, run_end, name_start=start, allow_space=flag or bool(_DEFINE.fullmatch(text, ls, start))
            )
            or _table_cell(text, ls, start, run_end)
            or _fallback_literal(text, run_end)
        )
        a = a or _wide_quoted_symbols(text, run_end) or _wide_quoted_password(text, run_end)
        if a is None and (w := _WRAPPED_PASSWORD.match(text, run_end)):
            a = assignments.Assigned(w.group("op"), w.group("v"), w.start("v"), True, False)
        # a setter's receiver is an object, not the password's owner: `loginPage.SetPassword("v")`
        owner = key.rsplit(".", 1)[-1] if a is not None and a.op == "(" else key
        if a is None or not _is_password_key(owner) or a.op in _WORD_OPS:
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
            elif start and form_opened(text, start, value) and not password_value_ok(value, False):
                value = value[: value.index("&")]  # only where the whole run is no password: never a loss
        wk = _word_key(key)
        if flag and a.op == " " and not _flag_value_ok(text, ls, start, value, vs):
            continue
        if not quoted and _LOWER_FLAG.fullmatch(value):
            continue  # `openssl … -passout pass: -nokeys`: an empty value, then the next flag
        if not quoted and a.op == "=" and text[vs - 1] in " \t" and _ENV_PAIR.match(value):
            continue  # `MYSQL_PASSWORD= FILTER=integration npm test`: empty, then the next variable
        literal = quoted or _config_literal(text, ls, start, run_end, value, vs, a.op, words=wk, flag=flag)
        if not literal and a.op == "=" and _PROPERTY_FLAG.match(text, start) and text[run_end:vs] == "=":
            # `-Dspring.datasource.password=v`, `gradle -Pduct.password=v`: a command line's property, a literal
            # up to the next space
            literal = text[vs + len(value) : vs + len(value) + 1] in ("", " ", "\t", "\r", "\n", '"', "'")
        if (
            not literal
            and a.op == "="
            and start
            and (text[start - 1] in "?&" or form_opened(text, start, a.value))
            and text[run_end:vs] == "="
        ):
            # `…&password=vulhub&confirm=…`: a form or query parameter ends at `&`, a quote or the line's end
            literal = text[vs + len(value) : vs + len(value) + 1] in ("", "&", '"', "'", " ", "\t", "\r", "\n", "#")
        if default:  # `os.environ.get("DB_PASSWORD", "postgres")`: the literal used when the variable is unset
            if password_value_ok(value, True, words=True):
                yield Hit("password", vs, vs + len(value), "PasswordAssignment")
            pos = max(pos, vs + len(value))
            continue
        vl = value.lower().replace("-", "_")
        if (
            len(value) > 5
            and vl in key.lower().strip("\"'`")
            and any(w in vl for w in ("pass", "pwd", "secret"))
            and not suffixed_credential(value)  # `password = "PaSsWoRd"`: the name respelled is a chosen password
        ):
            pos = max(pos, vs + len(value))
            continue  # `ZULIP__POSTGRES_PASSWORD=postgres_password`: the value repeats its name, a stand-in
        if password_value_ok(value, literal, words=literal and wk) or (
            literal
            and wk
            and capital_word(value)
            and (a.op == ">" or _CAPITAL_NAME.fullmatch(key) is not None)
            and not _UI_PARTS.intersection(p.lower() for p in _NAME_SPLIT.split(key))
        ):
            # one capitalised word (`Wombat`) as an element's text, or under a name with more than the password word
            # in it and not JSON's quoted key: `"password": "Contrasenya"` and `"PW": "Palaos"` are translations
            yield Hit("password", vs, vs + len(value), "PasswordAssignment")
        pos = max(pos, vs + len(value))


# CJK, kana and Hangul text and full-width punctuation: where a value written in such text ends (`密码：123456，端口：3306`);
# no dev label has a password or key with such a character in it
_WIDE_TEXT = "\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"

# Chinese `为`/`是` (is), `均为`/`都是` (both are), maybe with a colon: `密码均为：\`sentinel\``
_CJK_IS = re.compile(r"(?:均|都)?(?:为|為|是)[ \t]{0,2}+[：:]?")

# `password is …`, `Password …`, `--password …`, `PASSWORD(…)`, `login/password-master/…`, `ID/PW: user/…`
_PROSE_PW_WORD = re.compile(
    r"(?i)(?<![A-Za-z0-9_])(?:(?:pass(?:word|wd|wort|phrase)?|pwd|pw|비밀번호|비번|암호|패스워드|"
    # other languages' password words: Russian, Spanish, Portuguese, Polish (German's Passwort above)
    r"пароль|contraseña|senha|hasło|"
    r"(?P<login>login|credentials?|creds))"
    r"(?![A-Za-z0-9_])"
    # Chinese and Japanese: words run on without spaces, a Latin value too (`登录名和密码admin/maxkey`)
    r"|密码|密碼|口令|パスワード)"
)
_PROSE_PW_AFTER = re.compile(
    r"""\*{0,2}+[ \t]{0,4}+(?:(?:is|was)[ \t]{0,4}+(?=[:=]))?"""
    r"""(?:(?:is|was)[ \t]{1,3}+(?:set|changed|reset)[ \t]{1,3}+to(?=[ \t])|is|was|of|to(?=[ \t])|:\*{0,2}+|=|-|->|\(|：|"""
    + _CJK_IS.pattern
    + r""")?[ \t]{0,4}+"""
    r"""(?:["'`]?)"""
    r"""(?:(?P<user>[A-Za-z0-9_.\-@]{1,32}+)[ \t]{0,2}+/[ \t]{0,2}+)?(?P<pw>[^\s"'`,;()<>\[\]{}"""
    + _WIDE_TEXT
    + r"""]{6,64}+)"""
)
# after `credentials`/`login`, also `user:password` (`default credentials are admin:…`)
_PROSE_LOGIN_AFTER = re.compile(
    r"""[ \t]{0,4}+(?:are|is|:|=|-|\(|：|with|using)?[ \t]{0,4}+(?:["'`]?)"""
    r"""(?P<user>[A-Za-z0-9_.\-@]{1,32}+)[ \t]{0,2}+[/:][ \t]{0,2}+(?P<pw>[^\s"'`,;()<>\[\]{}"""
    + _WIDE_TEXT
    + r"""]{6,64}+)"""
)
# `password for master: …`, `the password for user 'admin' is '…'`: whose password it is, then the value
_PROSE_PW_FOR = re.compile(
    r"""[ \t]{1,4}+(?:for|of)[ \t]{1,4}+(?:the[ \t]{1,4}+)?(?:(?:user|username|account|login)[ \t]{1,4}+)?"""
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


_PROSE_STEM_WORDS = ("pass", "pw", "login", "cred", "senha")
# scanned for only in text that is not ASCII (str.isascii reads a flag): no str.find at all in most source files
_PROSE_WIDE_STEMS = (
    "비밀번호",
    "비번",
    "암호",
    "패스워드",
    "密码",
    "密碼",
    "口令",
    "パスワード",
    "пароль",
    "contraseña",
    "hasło",
)


# the word inside a path (`/etc/passwd`, `../passwd`), a URL's userinfo (`user:pass@`) or a host name (`login.x.com`)
_PROSE_IN_PATH = re.compile(r"(?:[/.~][\w.\-]*+/|[\w.\-]:|@)$")
_PROSE_IN_HOST = re.compile(r"\.[A-Za-z0-9]")


# a label line: a list or comment marker and up to two words before the password word (`- Password : airflow`,
# `* Default admin password: guacadmin1`, `# root pwd: vagrant`)
_LABEL_LINE_HEAD = re.compile(
    r"[ \t]*+(?:[-*+>|#;]+|//|--|\d{1,2}[.)])?[ \t]*+(?:\**[A-Za-z]{2,12}+\**[ \t]{1,3}+){0,2}+\**"
    r"(?:[\u4e00-\u9fff\u3040-\u30ff]{1,8}+[ \t]?)?"  # `默认密码：`, `管理员密码：`: words run on in CJK text
)
# a user's label and name before the password's on one line: `Username: admin Password: gopher`,
# `* user: root, password: vagrant`
_USER_LABEL_HEAD = re.compile(
    r"""(?i)[ \t]*+(?:[-*+>|#;]+|//|--)?[ \t]*+\**(?:user(?:[ \t]?name)?|login|[\u4e00-\u9fff]{0,4}?(?:账号|帳號|帐号|用户名|用户|使用者))"""
    r"""\**[ \t]*+[:=：][ \t]*+\**[`'"]?[\w.@\-]{1,32}+"""
    r"""[`'"]?\**[ \t]*+(?:[,;|/，；、][ \t]*+)?(?:and[ \t]{1,4}+)?\**"""
)
# a comment that lists a connection's settings as `label: value` pairs, the user's pair right before the password's:
# `# SID: XE user: system password: oracle`, `* url:jdbc:oracle:thin:@localhost:49161:xe name:system password:oracle`
_SETTINGS_HEAD = re.compile(
    r"""(?i)[ \t]*+(?:[-*+>|#;]++|//|--)[ \t]*+(?:[^\s:=]{1,16}+[ \t]{1,3}+)?"""
    r"""(?:[A-Za-z][\w.\-]{0,20}+[ \t]*+[:=](?:[ \t]*+[^\s]{1,80}+)?[ \t,;]{1,3}+){1,4}"""
    r"""(?:user(?:[ \t]?name)?|name|login)[ \t]*+[:=][ \t]*+[\w.@\-]{1,32}+(?:[ \t]*+[,;])?[ \t]{1,3}+"""
)
_LABEL_END = re.compile(r"[`'\"*]*+[ \t]*+\.?[ \t]*+(?:\r?\n|$)")


# Bare words in prose that say something about a password rather than give one (`the password is empty.`)
_NOT_A_VALUE = frozenset(
    "empty blank none null unset random required optional same different incorrect wrong invalid correct secure "
    "insecure stored hashed encrypted generated changed needed displayed printed shown configured provided missing "
    "disabled enabled expired ignored specified defined available applied sent saved visible hidden known unknown "
    "strong longer shorter valid mandatory sensitive something anything nothing whatever blank. printed. "
    "unique temporary personal private public shared individual different identical mine yours".split()
)
_ADJECTIVE_END = ("ed", "ly", "ing", "able", "ible", "ive", "ous", "ful", "less")


# the end of a clause after a bare value: `.`/`,`/`;`/`)`/`:` then a space or the line's end, or the line's end
_CLAUSE_END = re.compile(r"[`'\"*]*+(?:[.,;:!)](?:[ \t]|\r?\n|$)|[ \t]*+(?:\r?\n|$))")


# a sentence that gives the default login: `The default password is raspberry.`
_DEFAULT_WORD = re.compile(r"(?i)\b(?:default|initial|preset|factory)\b|默认|默認|初始|預設|预设")


# a user named just before the password word: `Log in with user admin and password gopher.`, `login as root,
# password: manila`, `user 'rundeck' with password`
_USER_BEFORE = re.compile(
    r"""(?i)(?:\buser(?:name)?|\blog(?:in|[ \t]in)[ \t]{1,4}+as|\baccount)[ \t]{1,4}+(?!(?:and|or|with|the|is|name|id)\b)["'`]?[\w.@\-]{2,32}+["'`]?"""
    r"""[ \t]*+(?:,[ \t]*+)?(?:(?:and|with)[ \t]{1,4}+)?(?:(?:the|a)[ \t]{1,4}+)?$"""
)


# a clause, then a comma, just before the password word: `…, password is v`
_AFTER_COMMA = re.compile(r"[^\s,][ \t]*+,[ \t]{1,3}+$")


# an owner in the possessive before the password word: `The VM's password`, `the admin user's root password`
_OWNER_BEFORE = re.compile(r"(?i)\b[a-z][\w\-]{1,30}+['’]s[ \t]{1,3}+(?:[a-z]{2,12}+[ \t]{1,3}+)?$")


# `set the root password to`, `change the password to`
_SET_BEFORE = re.compile(r"(?i)\b(?:set|change|reset)s?\b")


_WITH_BEFORE = re.compile(r"(?i)\b(?:with|using)[ \t]{1,4}+(?:the[ \t]{1,4}+)?$")


# `for user guest`, `for 'admin'`: whose password it is (not `the password for this is simple`)
_WHOM = re.compile(r"(?i)\b(?:user|username|account|login)\b|[`'\"]")


_HASH_VALUE = re.compile(r"(?i)(?:md5|sha\d*)?[0-9a-f]{32,}+|SCRAM-SHA-256\$.*")


# a user's name, digits and a password word: `user1pass`, `alice2pwd` (the digits make it a value, not a field)
_NUMBERED_PASS = re.compile(r"[a-z]{2,12}+\d{1,4}+(?:pass|pwd|pw)\d{0,4}+")


def _prose_word(value: str, capitals: bool = True) -> bool:
    """A word a sentence or a label line gives as the password: `word_literal`'s, a user's numbered password
    (`user1pass`) or, where the text marks it as the value (`capitals`), one capitalised word (`Mellon`, which code
    would read as a type; a bare label line's `Password: Account` is a form's field)."""
    if word_literal(value) or _NUMBERED_PASS.fullmatch(value):
        return True
    return capitals and capital_word(value) and value.lower() not in _NOT_A_VALUE


def _bare_word_ok(value: str, capitals: bool = True) -> bool:
    low = value.lower()
    return _prose_word(value, capitals) and low not in _NOT_A_VALUE and not low.endswith(_ADJECTIVE_END)


# up to four words before a login or credentials label that a user/password pair follows
_PAIR_LABEL_HEAD = re.compile(r"[ \t]*+(?:[-*+>|#;]+|//)?[ \t]*+(?:\**[A-Za-z]{2,12}+\**[ \t]{1,3}+){0,4}+\**")


# a line that labels a user (`Username: casuser`, `* Login: admin`): a bare label line after it gives that user's
# password, whatever its word
_USER_LABEL_LINE = re.compile(
    r"""(?i)[ \t]*+(?:[-*+>|#;]+|//)?[ \t]*+\**(?:user(?:[ \t]?name)?|login)\**[ \t]*+[:=][ \t]*+\**[`'"]?[\w.@\-]{1,64}+"""
    r"""[`'"]?\**[ \t]*+\r?\n"""
)


def _user_labelled(text: str, ls: int, start: int) -> bool:
    """A user's label on the password's line before it, or alone on the line before."""
    if _USER_LABEL_HEAD.fullmatch(text, ls, start):
        return True
    ps = text.rfind("\n", max(0, ls - 200), max(0, ls - 1)) + 1
    return ls > 0 and _USER_LABEL_LINE.fullmatch(text, ps, ls) is not None


def _given_in_prose(text: str, m: re.Match, after: int, a: re.Match, value: str, connector: str) -> bool:
    r"""Word-like passwords a sentence gives: quoted right after the password word (`with password \`gopher\``,
    `password 'rundeckpw'`, `set the password to "macaron"`), or bare where the sentence says whose or which
    (`The default password is raspberry.`, `user admin and password gopher.`, `Set the root password to manila:`,
    `username/password: admin/artemis`); a bare value must close its clause and not read as an adjective."""
    vs = a.start("pw")
    ls = text.rfind("\n", 0, m.start()) + 1
    quote = text[vs - 1 : vs] if vs else ""
    quoted = quote in ("`", '"', "'") and text.startswith(quote, vs + len(value))
    if connector in ("is set to", "was set to", "is changed to", "was changed to", "is reset to", "was reset to"):
        connector = "to"  # `the password is set to \`v\``: the setting is in the sentence
        if not quoted:
            return False
    elif connector == "to" and quoted and not _SET_BEFORE.search(text, ls, m.start()):
        return False
    if quoted and text[m.start() - 1 : m.start()] not in ("`", '"', "'") and connector in ("", "to", "-"):
        if _HASH_VALUE.fullmatch(value) or text[max(0, m.start() - 10) : m.start()].lower().strip() == "encrypted":
            return False  # `ENCRYPTED PASSWORD 'md5…'`: a stored hash
        return _prose_word(value) or chosen_camel(value) or _dollar_word(value)
    if quoted or not _CLAUSE_END.match(text, vs + len(value)) or not _bare_word_ok(value):
        return False
    if a.group("user"):  # `username/password: admin/artemis`
        if re.search(r"(?i)\b(?:user(?:name)?|login)[ \t]*+/[ \t]*+$", text[ls : m.start()]) is not None:
            return True
        # a default login's user and password after the password word: `the default account password is
        # admin/hertzbeat.`, `默认管理员登录名和密码admin/maxkey`
        return connector in ("", "is", ":", "：") and _DEFAULT_WORD.search(text, ls, m.start()) is not None
    if (
        connector in ("is", "was", ":")
        and after == m.end()
        and m.group(0).lower() != "pass"  # `user: root, pass: through`: the verb's word needs a digit or a symbol
        and _AFTER_COMMA.search(text, ls, m.start())
    ):
        # the second half of a line about one login: `# eg: tom has role [user], password is quokkabeat`,
        # `(username: postgres, password: pgpass)`: the value closes the line (or its parenthesis)
        end = vs + len(value) + text.startswith(")", vs + len(value))
        if _LABEL_END.match(text, end):
            return True
    if connector in ("is", "was"):  # `the default password is …`, `the password for user guest is …`
        whom = _WHOM.search(text, m.end(), after) if after != m.end() else None
        if whom is not None or _DEFAULT_WORD.search(text, ls, m.start()) is not None:
            return True
        # `The VM's password is vagrant.`, `the admin user's password is kumquat`: whose password it is
        return _OWNER_BEFORE.search(text, max(ls, m.start() - 60), m.start()) is not None
    if connector == "to":
        return _SET_BEFORE.search(text, ls, m.start()) is not None
    if connector in ("", ":") and after == m.end() and _USER_BEFORE.search(text, ls, m.start()):
        return True
    # `created with the password testpassword123.`: a chosen value with digits or symbols, not a plain word
    return connector == "" and not value.isalpha() and _WITH_BEFORE.search(text, ls, m.start()) is not None
    return False


_DOLLAR_WORD = re.compile(r"[A-Za-z0-9]++\$(?![A-Z_]{2})[A-Za-z0-9$]++")


def _dollar_word(value: str) -> bool:
    """`super$ecure`, `pa$word99`: `$` for `s` inside a word, quoted in prose, where no template interpolates it."""
    # the `$` marks it as typed, as a leet digit does (`supersecure` alone is a self-description)
    return _DOLLAR_WORD.fullmatch(value) is not None and 6 <= len(value) <= 64 and not stand_in(value)


def _marked_prose_word(text: str, m: re.Match, after: int, a: re.Match, value: str) -> bool:
    r"""A word-like password in prose counts where the text marks it as a literal: quoted or in backticks right
    after `password is`/`of`/`:` (`password of \`gophish\``, `the password for all users is "s3cret"`), or alone
    after `Password:` on a label line (`- Password : airflow`). Only the password words (`pass` is also a verb)
    and values a password can be (`word_literal`: no placeholder, name, type or path). `after`: the end of the
    password word, or of its `for <whom>` phrase."""
    word = m.group(0).lower()
    if m.group("login") and a.group("user"):
        # `The default login is admin / gopher.`, `Default credentials: admin/gopher`: a default user and its
        # password, the pair closing its clause
        ls = text.rfind("\n", 0, m.start()) + 1
        if _CLAUSE_END.match(text, a.start("pw") + len(value)) is None:
            return False
        if _DEFAULT_WORD.search(text, ls, m.start()) is not None:
            return _bare_word_ok(value)
        connector = text[m.end() : a.start("user")].strip(" \t`'\"*")
        if connector in (":", "："):
            # a label line that gives the pair: `# Login: admin / kumquat7`, `* Credentials: jane/wombat`, `Use the
            # following credentials: admin / kumquat7`
            head = _LABEL_LINE_HEAD.fullmatch(text, ls, m.start())
            if head is None and not value.isalpha():  # a longer head: a digit or a symbol (not `docs/setup`)
                head = _PAIR_LABEL_HEAD.fullmatch(text, ls, m.start())
            return (
                head is not None
                and _LABEL_END.match(text, a.start("pw") + len(value)) is not None
                and _bare_word_ok(value, capitals=False)
            )
        # `login with admin/admin123`: with a digit or a symbol (`login with google/github` names providers)
        return connector in ("with", "using") and _bare_word_ok(value, capitals=False) and not value.isalpha()
    ls = text.rfind("\n", 0, m.start()) + 1
    if m.group("login") or word == "pw" or word == "pass" and not _USER_LABEL_HEAD.fullmatch(text, ls, m.start()):
        return False  # `pass` is also a verb; after `user: root,` it labels the password (`user: root, pass: toor`)
    vs = a.start("pw")
    quote = text[vs - 1 : vs] if vs else ""
    connector = text[after:vs].strip(" \t`'\"*")
    if a.group("user"):
        connector = text[after : a.start("user")].strip(" \t`'\"*")
    if _CJK_IS.fullmatch(connector):
        connector = "is"  # `密码为 \`v\``, `用户名和密码均为：\`v\``: the password is (both are) v
    if _given_in_prose(text, m, after, a, value, connector):
        return True
    if connector not in ("is", "was", "of", ":", "=", "：", "is:") or a.group("user"):
        return False
    if quote in ("`", '"', "'") and text.startswith(quote, vs + len(value)):
        # `password is \`s3cret\``: a word, then a literal; `password: "v"` and `password = "v"` are code or config,
        # password_assignments' (with its checks of the name), unless Markdown marks the value
        if connector not in ("is", "was", "of") and quote != "`":
            return False
        return _prose_word(value) or chosen_camel(value) or _dollar_word(value)
    if after != m.end():
        return False
    if connector in ("is", "was", "is:"):
        # a line that only says it: `# password is gopher12`, `The password is: Mellon`, `Password is tiger99.`
        head = _LABEL_LINE_HEAD.fullmatch(text, ls, m.start())
        if head is None or _LABEL_END.match(text, vs + len(value)) is None:
            return False
        return _bare_word_ok(value, capitals=_user_labelled(text, ls, m.start()))
    if connector not in (":", "："):
        return False
    if m.start() and text[m.start() - 1] == "(" and text.startswith(")", vs + len(value) + (quote in ("`", "'", '"'))):
        # `log in as admin (password: gophish)`: a parenthesis that gives the password alone
        return _prose_word(value)
    head = (
        _LABEL_LINE_HEAD.fullmatch(text, ls, m.start())
        or _USER_LABEL_HEAD.fullmatch(text, ls, m.start())
        or _SETTINGS_HEAD.fullmatch(text, ls, m.start())
    )
    if not head or not _LABEL_END.match(text, vs + len(value)):
        return False
    if word == "pass" and quote not in ("`", '"', "'") and (value.isalpha() or not word_literal(value)):
        return False  # `user: root, pass: through`: a bare `pass` value needs a digit or a symbol
    return _prose_word(value, capitals=quote == "`" or _user_labelled(text, ls, m.start()))


# Chinese text labels a password with a word and a connector, no space needed on either side: `密码：vd3aig`,
# `密码是 herodotus。`, `账号密码：sentinel/sentinel`, `账号/密码：test/test123.` (the pair after a label naming both).
# The value is ASCII and ends where the Chinese text or its full-width punctuation resumes.
_CJK_PAIR_LABEL = re.compile(r"(?:账号|帐号|帳號|账户|帐户|帳戶|用户名|用戶名)[ \t]{0,2}+[/／]?[ \t]{0,2}+$")
_CJK_PW_LABEL = re.compile(
    r"(?:密码|密碼|口令)"
    r"[ \t]{0,2}+(?:(?:均|都)?(?:为|為|是)[ \t]{0,2}+[：:]?|[：:])[ \t]{0,4}+(?P<q>[`'\"“]?)"
    r"(?:(?P<user>[A-Za-z0-9_.\-@]{1,32}+)[ \t]{0,2}+/[ \t]{0,2}+)?"
    r"(?P<pw>[^\s\"'`“”,;()<>\[\]{}\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{6,64}+)"
)
# where the value ends: a space, the line's end, Chinese text or punctuation, or the quote that opened it
_CJK_VALUE_END = re.compile(r"[.,;:!]?+(?:[ \t]|\r?\n|$|[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef）)])")
_CJK_STEMS = ("密码", "密碼", "口令")


def _cjk_labelled_passwords(text: str) -> Iterator[Hit]:
    """`密码：v`, `密码是 v。`, `账号密码：user/v`: a password word, `is` or a colon, then the value; with a user and a
    slash only after a label naming both (`账号密码`, `账号/密码`). The value must be one a person chose
    (`word_literal`: not a stand-in, a placeholder, a name or a path)."""
    for stem in _CJK_STEMS:
        i = text.find(stem)
        while i >= 0:
            m = _CJK_PW_LABEL.match(text, i)
            if m is not None and m.group("user") and not _CJK_PAIR_LABEL.search(text, max(0, i - 8), i):
                m = None
            i = text.find(stem, i + len(stem))
            if m is None:
                continue
            value = m.group("pw").rstrip(".,;:!")
            end = m.start("pw") + len(value)
            q = m.group("q")
            if q and not text.startswith("”" if q == "“" else q, end):
                continue
            if not q and not _CJK_VALUE_END.match(text, end):
                continue
            if word_literal(value) or password_value_ok(value, quoted=bool(q)):
                yield Hit("password", m.start("pw"), end, "ProsePassword")


def prose_passwords(text: str, low: str | None = None) -> Iterator[Hit]:
    """Passwords written after a word in comments and documents (the assignment forms are
    password_assignments'); the value must look like a password, not like a word, a number or code."""
    pos = 0
    low = lowered(text) if low is None else low
    yield from _defaults_after_password(text, low)
    if not low.isascii():
        yield from _cjk_labelled_passwords(text)
    if "|" in text:
        yield from _table_column_passwords(text, low)
    if "`" in text:
        yield from _ticked_pairs(text, low)
    for i in _stem_starts(low, _PROSE_STEM_WORDS if low.isascii() else _PROSE_STEM_WORDS + _PROSE_WIDE_STEMS):
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
        if len(value) > 8 and value.startswith("**") and value.endswith("**"):
            # `and password **demo1234**`, `Password: **s3cret**`: Markdown's bold marks a literal as backticks do
            inner, after = value[2:-2], f.end() if f else m.end()
            if (
                not m.group("login")
                and m.group(0).lower() not in ("pass", "pw")
                and text[after : a.start("pw")].strip(" \t*") in ("", "is", "was", "of", ":", "is:", "=")
                and "*" not in inner
                # bold also stresses words (`set the password **before** starting`): letters alone only camel-cased
                and (word_literal(inner) and not inner.isalpha() or chosen_camel(inner))
            ):
                yield Hit("password", a.start("pw") + 2, a.start("pw") + 2 + len(inner), "ProsePassword")
            continue
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


# an option's description that ends with the password word, then its default, quoted: `The administrator password.
# The default is \`artemis\`.`, `Admin password (default: "kitten42")`, `Password of the admin user, defaults to 'x'`
_PW_DEFAULT = re.compile(
    r"""(?i)(?:pass(?:word|wd|phrase)|pwd)\**[ \t]{0,2}+(?:[.,;\-(]|(?=defaults?[ \t]{1,3}+to\b))[ \t]{0,3}+"""
    r"""(?:the[ \t]{1,3}+)?defaults?(?:[ \t]{1,3}+value)?(?:[ \t]{1,3}+(?:is|to)|[ \t]{0,2}+[:=])?[ \t]{0,3}+"""
    # quoted, or bare inside the parentheses that opened the note: `root password (default: toor1234)`
    r"""(?:(?P<q>[`'"])(?P<pw>[^\s`'"]{6,64}+)(?P=q)|(?<=[:=] )(?P<upw>[^\s`'"()]{6,64}+)(?=\)))"""
)


_SNAKE_NAME = re.compile(r"[a-z0-9]++(?:[_.][a-z0-9]++)++")


# a quoted value, then what it is: `assume you used \`gopher\` as password`, `Use "kitten42" as the admin password.`
_QUOTED_AS_PASSWORD = re.compile(
    r"""(?P<q>[`'"])(?P<pw>[^\s`'"]{6,64}+)(?P=q)[ \t]{1,3}+as[ \t]{1,3}+(?:(?:the|a|your|its|their)[ \t]{1,3}+)?"""
    r"""(?:[A-Za-z]{2,12}+[ \t]{1,3}+)?(?i:pass(?:word|wd|phrase)?)\b"""
)


# a user and its password in backticks on a line about logging in: "Log in with `admin` / `admin123`", "Use
# `admin`/`gopher12` to sign in", "Default credentials: `admin` / `s3cret9`" (a pair of paths or names has no login word)
_TICKED_PAIR = re.compile(r"`(?P<user>[\w.@+\-]{1,64}+)`[ \t]{0,2}+(?P<and>/|and)[ \t]{0,2}+`(?P<pw>[^\s`/]{6,64}+)`")
_LOGIN_LINE = re.compile(
    r"(?i)\blog[ \-]?in\b|\bsign[ \-]?in\b|\bcredentials?\b|\busername\b|\bdefault[ \t]+(?:user|account|admin)"
)


_LOGIN_VERB = re.compile(r"(?i)\b(?:log[ \-]?in|sign[ \-]?in|log[ \t]into)\b")
_LOGIN_AFTER = re.compile(r"(?i)[ \t]{1,3}+(?:to[ \t]{1,3}+)?(?:log[ \-]?in|sign[ \-]?in)\b")


def _and_pair_login(text: str, ls: int, start: int, end: int) -> bool:
    r"""A login verb just before `\`u\` and \`p\`` (`Sign in with …`) or right after it (`… to log in`)."""
    return _LOGIN_VERB.search(text, max(ls, start - 60), start) is not None or _LOGIN_AFTER.match(text, end) is not None


_PASSWORD_WORD = re.compile(r"(?i)\bpass(?:word|wd)s?\b|\bcredentials?\b")


def _ticked_pairs(text: str, low: str) -> Iterator[Hit]:
    for hint in ("`/`", "` / `", "` and `"):
        for i in occurrences(low, hint):  # the hints hold no letter: the lower case's offsets, its cached scans
            j = text.rfind("`", max(0, i - 66), i)
            m = _TICKED_PAIR.match(text, j) if j >= 0 else None
            if not m or m.end("user") != i:
                continue
            ls, le = _line_bounds(text, i)
            if not _LOGIN_LINE.search(text, max(ls, i - 200), min(le, i + 200)):
                continue
            pw = m.group("pw")
            # letters alone only camel-cased: docs name menus the same way (`Settings` / `Advanced`); or where the
            # line names a password or credentials (`Credentials: \`jane\` / \`wombat\``)
            letters_ok = chosen_camel(pw) or (
                _PASSWORD_WORD.search(text, max(ls, i - 200), min(le, i + 200)) is not None and _bare_word_ok(pw)
            )
            if m.group("and") == "and" and (pw.isalpha() or not _and_pair_login(text, ls, m.start(), m.end())):
                continue  # `Use \`admin\` and \`gopher12\` to log in`: joined by `and`, a digit or symbol and a login verb
            if password_value_ok(pw, quoted=True, words=True) and (not pw.isalpha() or letters_ok):
                yield Hit("password", m.start("pw"), m.end("pw"), "ProsePassword")


# a Markdown table with a password column: `| User | Password |`, `|------|----------|`, `| jane | wombat12 |`
_TABLE_PW_HEADER = re.compile(r"(?i)[ \t]*+[*_`]{0,2}+(?:pass(?:word|wd)?|pwd)[*_`]{0,2}+[ \t]*+")
_TABLE_RULE = re.compile(r"[ \t]*+\|?(?:[ \t]*+:?-{2,}+:?[ \t]*+\|)++[ \t]*+(?:[ \t]*+:?-{2,}+:?[ \t]*+)?\r?")
_TABLE_VALUE = re.compile(r"""[ \t]*+(?P<q>[`'"]?)(?P<v>[^\s|`'"]{6,64}+)(?P=q)[ \t]*+""")


def _cells(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """The cells of a Markdown table row `| a | b |` as spans (the text between its bars)."""
    bars = [j for j in range(ls, le) if text[j] == "|" and text[j - 1] != "\\"]
    return [(bars[k] + 1, bars[k + 1]) for k in range(len(bars) - 1)]


def _table_column_passwords(text: str, low: str) -> Iterator[Hit]:
    """The password column of a Markdown table gives each row's password: `| admin | gopher12 |` under `| User |
    Password |` and its rule line. A cell's word counts as a label line's does (not `******`, `required`, `N/A`)."""
    done = -1
    for i in _stem_starts(low, ("pass", "pw")):  # the prose rules' stems (`pw` also finds `pwd`): no scan of its own
        if i < done:
            continue
        ls, le = _line_bounds(text, i)
        done = le
        if not text[ls:le].lstrip().startswith("|"):
            continue
        cells = _cells(text, ls, le)
        col = next((k for k, (a, b) in enumerate(cells) if a <= i < b), None)
        if col is None or not _TABLE_PW_HEADER.fullmatch(text, *cells[col]):
            continue
        rs = le + 1
        re_ = text.find("\n", rs, rs + 2000)
        re_ = len(text) if re_ < 0 else re_
        if not _TABLE_RULE.fullmatch(text, rs, re_):
            continue
        for _ in range(50):  # the table's rows, until a line that is not one
            rs = re_ + 1
            if rs >= len(text) or not text[rs : rs + 200].lstrip(" \t").startswith("|"):
                break
            re_ = text.find("\n", rs, rs + 2000)
            re_ = len(text) if re_ < 0 else re_
            row = _cells(text, rs, re_)
            if len(row) != len(cells):
                break
            m = _TABLE_VALUE.fullmatch(text, *row[col])
            if m and _bare_word_ok(m.group("v"), capitals=m.group("q") == "`"):
                yield Hit("password", m.start("v"), m.end("v"), "ProsePassword")
        done = max(done, re_)


# a sentence that names a user and a password, then gives both: "The default username and password are `admin` and
# `gopher12`", "set an admin email/password combination. The default values are `a@b.c` and `test123`,
# respectively", "username and password are both `gopher`", "Use `gopher` as both username and password"
_USER_AND_PW = re.compile(r"(?i)\b(?:user[ \t]?name|user|login|e-?mail)[ \t]{0,2}+(?:and|/|&)[ \t]{0,2}+$")
_GIVEN_PAIR = re.compile(
    r"""(?P<q>[`'"])(?P<user>[^\s`'"]{1,64}+)(?P=q)[ \t]{0,2}+(?:and|/|,)[ \t]{0,2}+"""
    r"""(?P<q2>[`'"])(?P<pw>[^\s`'"]{6,64}+)(?P=q2)(?P<resp>,?[ \t]{1,2}+respectively)?"""
)
_GIVEN_BOTH = re.compile(r"""(?i)(?:are|is)[ \t]{1,3}+both[ \t]{1,3}+(?P<q>[`'"])(?P<pw>[^\s`'"]{6,64}+)(?P=q)""")
_BOTH_BEFORE = re.compile(
    r"""(?i)(?P<q>[`'"])(?P<pw>[^\s`'"]{6,64}+)(?P=q)[ \t]{1,3}+(?:as|for)[ \t]{1,3}+(?:both[ \t]{1,3}+)?"""
    r"""(?:the[ \t]{1,3}+)?(?:user[ \t]?name|user|login)[ \t]{0,2}+(?:and|/|&)[ \t]{0,2}+$"""
)


# the pair's words, then one value for both: "the login and password are `wallabag`", or a `user:password` pair in one
# quote: "The default username and password are `wallabag:wallabag`" (not "… are `admin` and `x`": _GIVEN_PAIR's)
_GIVEN_ONE = re.compile(
    r"""(?i)(?:password|passwd|pass)s?+[ \t]{1,3}+(?:are|is)[ \t]{1,3}+(?P<q>[`'"])(?:[^\s`'":/]{1,64}+[:/])?+"""
    r"""(?P<pw>[^\s`'":/]{6,64}+)(?P=q)(?![ \t]{0,2}+(?:(?:and|or)\b|[/,]))"""
)


def _user_and_password(text: str, i: int) -> Iterator[Hit]:
    """A user and a password named together at `i` (the password word's start), then given together."""
    ls, le = _line_bounds(text, i)
    if not _USER_AND_PW.search(text, max(ls, i - 16), i):
        return
    if b := _BOTH_BEFORE.search(text, max(ls, i - 120), i):
        if _prose_word(b.group("pw")):
            yield Hit("password", b.start("pw"), b.end("pw"), "ProsePassword")
        return
    if (m := _GIVEN_ONE.match(text, i, le)) and _prose_word(m.group("pw")):
        yield Hit("password", m.start("pw"), m.end("pw"), "ProsePassword")
        return
    end = min(le, i + 240)
    if (m := _GIVEN_BOTH.search(text, i, end)) and _prose_word(m.group("pw")):
        if "." not in text[i : m.start()]:
            yield Hit("password", m.start("pw"), m.end("pw"), "ProsePassword")
        return
    m = _GIVEN_PAIR.search(text, i, end)
    if not m or not _prose_word(m.group("pw")):
        return
    # within the sentence, or the next one's "…, respectively"
    if m.group("resp") or not re.search(r"[.!?:;][ \t]", text[i : m.start()]):
        yield Hit("password", m.start("pw"), m.end("pw"), "ProsePassword")


# a prompt for the password, then what to type: "When prompted for a password, enter `kumquat`", "At the password
# prompt, type `kumquat`", "If asked for the root password, use 'kumquat'"
_PROMPTED_BEFORE = re.compile(r"(?i)\b(?:prompt(?:ed|s)?|ask(?:ed|s)?|request(?:ed|s)?)\b[^.!?\n]{0,40}+$")
_PROMPT_AFTER = re.compile(r"(?i)(?:word|wd|phrase)?[ \t]{1,3}+prompt\b")
_ENTER_QUOTED = re.compile(
    r"""(?i)\b(?:enter|type|use|input|provide)[ \t]{1,3}+(?P<q>[`'"])(?P<pw>[^\s`'"]{6,64}+)(?P=q)"""
)


_ENTER_HINT = re.compile(r"enter|type|use|input|provide")


# a password's setting named in docs, then its value: "Set `ADMIN_PASSWORD` to `kumquat7`", "set the `DB_PASSWORD`
# environment variable to 'kumquat7'"
_SET_NAMED_TO = re.compile(
    r"""(?i)\b(?:set|change|update)[ \t]{1,3}+(?:the[ \t]{1,3}+)?(?P<q>[`'"])(?P<name>[A-Za-z_][\w.\-]{1,60}+)(?P=q)"""
    r"""(?:[ \t]{1,3}+(?:environment|env|config(?:uration)?|setting|option|variable|property|value|field)){0,2}+"""
    r"""[ \t]{1,3}+to[ \t]{1,3}+(?P<q2>[`'"])(?P<pw>[^\s`'"]{6,64}+)(?P=q2)"""
)


def _set_named_password(text: str, i: int) -> Iterator[Hit]:
    ls, le = _line_bounds(text, i)
    m = _SET_NAMED_TO.search(text, max(ls, i - 80), min(le, i + 160))
    if m and m.start("name") <= i < m.end("name") and _is_password_key(m.group("name")):
        pw = m.group("pw")
        if _prose_word(pw) or password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "ProsePassword")


def _prompted_password(text: str, i: int) -> Iterator[Hit]:
    ls, le = _line_bounds(text, i)
    word_end = i + 4
    if not (_PROMPTED_BEFORE.search(text, max(ls, i - 60), i) or _PROMPT_AFTER.match(text, word_end)):
        return
    m = _ENTER_QUOTED.search(text, word_end, min(le, i + 80))
    if m and not re.search(r"[.!?][ \t]", text[word_end : m.start()]) and _prose_word(m.group("pw")):
        yield Hit("password", m.start("pw"), m.end("pw"), "ProsePassword")


def _defaults_after_password(text: str, low: str) -> Iterator[Hit]:
    r"""`\`x\` as the password` and `The admin password. The default is \`x\``, both found from the password word
    (str.find), each read in a window around it."""
    for i in _stem_starts(low, ("pass", "pw")):
        if i and text[i - 1].isalnum() or low.startswith("pw", i) and not low.startswith("pwd", i):
            continue
        if i and text[i - 1] in "`'\"_" and " to " in low[i : i + 120]:
            yield from _set_named_password(text, i)
        if i and text[i - 1] in " \t/&":
            yield from _user_and_password(text, i)
            near = low[max(0, i - 60) : i + 24]
            if ("prompt" in near or "ask" in near or "request" in near) and _ENTER_HINT.search(low, i, i + 80):
                yield from _prompted_password(text, i)
        if " as " in low[max(0, i - 40) : i]:
            m = _QUOTED_AS_PASSWORD.search(text, max(0, i - 120), min(len(text), i + 12))
            if m and m.end() > i and (word_literal(pw := m.group("pw")) or chosen_camel(pw) or _dollar_word(pw)):
                yield Hit("password", m.start("pw"), m.end("pw"), "ProsePassword")
        if "default" in low[i : i + 40] and (m := _PW_DEFAULT.match(text, i)):
            g = "pw" if m.group("pw") is not None else "upw"
            if g == "upw" and "(" not in text[i : m.start(g)]:
                continue  # a bare value only inside the note's parentheses
            pw = m.group(g)
            if (word_literal(pw) or chosen_camel(pw)) and not _SNAKE_NAME.fullmatch(pw) and not _TECH_TOKEN.match(pw):
                yield Hit("password", m.start(g), m.end(g), "ProsePassword")  # not `pbkdf2_sha256`, `argon2id`


# starts with the literal `-` (the engine searches for it fast), then looks behind it
_CLI_USER = re.compile(
    r"""-(?<![\w-]-)(?:u|-user)[ \t]{1,4}+(?P<arg>(?P<q>["']?)(?P<user>[^\s"':]{0,64}+):(?P<pq>["']?)"""
    r"""(?P<pw>[^\s"']{0,64}+)(?P=pq)(?P=q))(?![^\s;|&)])"""
)


# `mysql -uroot -pS3cret`, `mysqldump -p'…'`: the password attached to `-p` (a lone `-p` prompts)
_MYSQL_CMD = re.compile(r"\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump)\b")
_MYSQL_P = re.compile(r"""[ \t]-p(?P<q>["']?)(?P<pw>[^\s"'-][^\s"']{3,63}+)(?P=q)(?=[\s;|&)]|$)""")
# `sshpass -p …`, `docker login -u bob -p …`: a password given apart from `-p`
_CLI_P_CMD = re.compile(
    r"\b(?:sshpass|(?:docker|podman|buildah|skopeo|nerdctl|helm[ \t]+registry)[ \t]+login|"
    r"mongo(?:sh|dump|restore|export|import)?)\b"
)
_CLI_P = re.compile(r"""[ \t]-p[ \t]{1,4}+(?P<q>["']?)(?P<pw>[^\s"'-][^\s"']{3,127}+)(?P=q)(?=[\s;|&)]|$)""")


def _line_bounds(text: str, i: int) -> tuple[int, int]:
    ls = text.rfind("\n", max(0, i - 2000), i) + 1
    le = text.find("\n", i, i + 2000)
    return ls, (min(len(text), i + 2000) if le < 0 else le)


def cli_p_passwords(text: str) -> Iterator[Hit]:
    """Passwords given to `-p`: found from literals (`mysql`, `sshpass`, `login`), each line checked once."""
    if not TEXT_GATES.contains(text, " -p"):
        return  # one scan for the flag first: the commands' names are common words in code
    for cmd, flag, hints in (
        (_MYSQL_CMD, _MYSQL_P, ("mysql", "mariadb")),
        (_CLI_P_CMD, _CLI_P, ("sshpass", "login", "mongo")),
    ):
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
    if not LOW_GATES.contains(low, "machine"):
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
    # MySQL 5's `GRANT ALL PRIVILEGES ON *.* TO 'wp'@'%' IDENTIFIED BY '…'`: a grant to an account
    r"|\bgrant[ \t]{1,4}+[^;\n]{1,160}?[ \t]to[ \t]{1,4}+['\"`]?[\w.\-]{1,64}+['\"`]?@"
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
    if LOW_GATES.contains(low, "identified"):
        yield from _sql_passwords(text, _SQL_IDENTIFIED, skip_encrypted=False)
    if LOW_GATES.contains(low, "password") and (LOW_GATES.contains(low, "user") or LOW_GATES.contains(low, "role")):
        yield from _sql_passwords(text, _SQL_WITH_PASSWORD, skip_encrypted=True)
    if LOW_GATES.contains(low, "convertto-securestring"):
        for m in _SECURE_STRING.finditer(text):
            g = "qv" if m.group("qv") is not None else "uv"
            if password_value_ok(m.group(g), quoted=True):
                yield Hit("password", m.start(g), m.end(g), "SecureStringPassword")


# openssl's `-passin pass:<pw>` (also `-passout`, `-pass`, `-password`, `-passwd`; `env:`, `file:` and `fd:` name
# where the password is) and keytool's/jarsigner's `-storepass <pw>`, `-keypass <pw>` (and their src/dest forms)
_PASS_FLAG = re.compile(
    r"""(?<![\w\-])-(?:(?P<ssl>pass(?:in|out|wd|word)?)[ \t]{1,4}+["']?pass:|"""
    r"""(?P<kt>(?:src|dest|new)?(?:store|key)pass|kspass|keypasswd|storepasswd)[ \t]{1,4}+)"""
    r"""(?P<q>["']?)(?P<pw>[^\s"'$%\-][^\s"']{0,127}+)(?P=q)(?![^\s;|&)"'\\])"""
)


# a literal echoed into a command that reads a password from its input: `echo 'vagrant' | sudo -S …`,
# `echo "$X" | docker login --password-stdin` (a variable: no literal), `echo pw | passwd --stdin user`
_ECHO_TO_STDIN = re.compile(
    r"""\becho[ \t]{1,4}+(?:-[ne][ \t]{1,4}+)?(?P<q>\\?["']?)(?P<pw>[^\s"'$`|;&\\<>(){}\-][^\s"'$`|;&\\<>(){}]{3,63}+)(?P=q)"""
    r"""[ \t]{0,4}+\|[ \t]{0,4}+(?:sudo[ \t]{1,4}+(?:-[A-Za-z][ \t]{1,4}+){0,3}?-S\b|passwd[ \t]{1,4}+--stdin\b|"""
    r"""[^|\n;&]{0,80}?[ \t]--password-stdin\b)"""
)


def _anchored(text: str, low: str, hints: tuple[str, ...], pattern: re.Pattern) -> Iterator[re.Match]:
    """Matches of `pattern` (which starts with one of the hints, in lower case) at each occurrence of the hints
    (str.find), instead of a regex scan of the whole text."""
    done = -1
    for i in _stem_starts(low, hints):
        if i >= done and (m := pattern.match(text, i)):
            done = m.end()
            yield m


def _echoed_passwords(text: str, low: str) -> Iterator[Hit]:
    if "|" not in text:
        return
    for m in _anchored(text, low, ("echo",), _ECHO_TO_STDIN):
        pw = m.group("pw")
        if password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "CliPassword")


# commands that take a password by position: `htpasswd -b [<file>] <user> <pw>`, Windows' `net user <name> <pw> /add`,
# `rabbitmqctl add_user <user> <pw>`, `redis-cli -a <pw>`
_PW_BY_POSITION = re.compile(
    r"""\b(?:htpasswd(?:[ \t]{1,4}+-[A-Za-z]{1,6}+)*?[ \t]{1,4}+-[ac-zA-Z]{0,5}+b[A-Za-z]{0,5}+(?:[ \t]{1,4}+-[A-Za-z]{1,6}+)*+"""
    r"""(?:[ \t]{1,4}+[^\s-][^\s]{0,200}+)?[ \t]{1,4}+[^\s-][^\s]{0,64}+|net[ \t]{1,4}+user[ \t]{1,4}+[^\s/*][^\s]{0,64}+(?=[ \t]{1,4}+[^\s/*]\S{0,127}+[ \t]{1,4}+/)|"""
    r"""rabbitmqctl[ \t]{1,4}+(?:add_user|change_password)[ \t]{1,4}+[^\s-][^\s]{0,64}+|redis-cli\b[^\n|;&]{0,80}?[ \t]-a)"""
    r"""[ \t]{1,4}+(?P<q>["']?)(?P<pw>[^\s"'$%<\-][^\s"']{0,127}+)(?P=q)(?=[\s;|&)]|$)"""
)
_PW_BY_POSITION_HINTS = ("net user", "rabbitmqctl", "redis-cli")


def _passwords_by_position(text: str, low: str) -> Iterator[Hit]:
    # `htpasswd` from the shared `pass` offsets (two letters before), the other commands by name
    htpasswd = [i - 2 for i in occurrences(low, "pass") if low.startswith("htpasswd", i - 2)]
    done = -1
    for i in heapq.merge(htpasswd, _stem_starts(low, _PW_BY_POSITION_HINTS)):
        if i < done or not (m := _PW_BY_POSITION.match(text, i)):
            continue
        done = m.end()
        pw = m.group("pw")
        if password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "CliPassword")


# a config directive and its value alone on a line, apart by spaces: redis.conf's `requirepass <pw>` and
# `masterauth <pw>`, keepalived's `auth_pass <pw>`, slapd.conf's `rootpw <pw>` (commented out too); a compound,
# lower-case name, as directives are (not `Password <v>`, a label in prose)
_DIRECTIVE_LINE = re.compile(
    r"""[ \t]*+(?:#[ \t]?)?(?P<k>[a-z][a-z0-9_]{1,30}?(?:pass(?:word|wd)?|pw|auth)[a-z0-9_]{0,10}+)[ \t]{1,8}+"""
    r"""(?P<q>["']?)(?P<pw>[^\s"'#;]{6,64}+)(?P=q)[ \t]*+(?=\r?\n|\Z)"""
)
_BARE_PW_NAMES = frozenset(("pass", "password", "passwd", "pwd", "pw", "auth", "passphrase", "oauth"))


# network devices' configs (Cisco IOS, Arista EOS, napalm's and netmiko's fixtures): `enable secret 0 <pw>`,
# `username admin privilege 15 password 0 <pw>`, and ` password <pw>` under `line vty 0 4` (indented by one space,
# as the device prints it). Types 5, 8 and 9 are hashes; 0 (or none) is the password itself, 7 its reversible form
_DEVICE_LINE = re.compile(
    r"""(?:enable[ ](?:secret|password)|username[ ][^\s]{1,64}+(?:[ ]privilege[ ]\d{1,2}+)?[ ](?:secret|password)|"""
    r"""[ ](?:password|secret))(?:[ ](?P<t>[07]))?[ ](?P<pw>[^\s"'`]{4,64}+)[ \t]*+(?=\r?\n|\Z)"""
)


def _device_password(text: str, ls: int) -> re.Match | None:
    m = _DEVICE_LINE.match(text, ls)
    if not m:
        return None
    pw = m.group("pw")
    if m.group("t") == "7":
        return m if len(pw) >= 8 and all(c in string.hexdigits for c in pw) else None
    if m.group(0)[0] == " " and pw.isalpha() and pw.islower() and pw.endswith(_ADJECTIVE_END + ("tion", "ment", "s")):
        return None  # ` password authentication`, ` password settings`: a wrapped line of prose
    return m if password_value_ok(pw, quoted=True, words=True) and not pw.startswith("$") else None


def directive_passwords(text: str, low: str) -> Iterator[Hit]:
    """Each line with a stem is read once, from its start (str.find; no regex scan of every line)."""
    done = -1
    for i in _stem_starts(low, ("pass", "pw", "auth", "secret")):
        if i < done:
            continue
        ls = low.rfind("\n", 0, i) + 1
        le = low.find("\n", i)
        done = len(low) if le < 0 else le
        if i - ls > 44 or done - ls > 140:
            continue  # a directive's name opens a short line
        d = _device_password(text, ls)
        if d:
            yield Hit("password", d.start("pw"), d.end("pw"), "DevicePassword")
            continue
        m = _DIRECTIVE_LINE.match(text, ls)
        if not m:
            continue
        k, pw = m.group("k"), m.group("pw")
        if k in _BARE_PW_NAMES or not (_is_password_key(k) or k in ("masterauth", "rootpw")):
            continue
        if password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "PasswordAssignment")


# Windows answer files (autounattend.xml, packer templates): `<AdministratorPassword><Value>pw</Value>`,
# `<Password><Value>pw</Value><PlainText>true</PlainText>` (with PlainText false, base64 of the password: a secret too)
_UNATTEND_VALUE = re.compile(r"""(?i)<(?:[\w:]{0,40}?password)>[ \t\r\n]{0,80}+<value>(?P<pw>[^<\s]{6,128}+)</value>""")
# a .pgpass line, `host:port:database:user:password`, in a file or echoed into one (only where `pgpass` is named)
_PGPASS_LINE = re.compile(
    r"""(?<![\w:.\-])(?:[\w.\-]{1,253}+|\*):(?:\d{1,5}+|\*):[\w.\-*]{1,63}+:[\w.\-*@]{1,63}+:"""
    r"""(?P<pw>[^\s:"'`\\]{6,128}+)(?![^\s"'`>|;])"""
)


def _empty_unattend(value: str) -> bool:
    """An answer file's encoded password that holds only the element's name (Windows encodes `<pw>Password` in
    UTF-16 base64): `UABhAHMAcwB3AG8AcgBkAA==` is an empty password."""
    if len(value) % 4 or not value.endswith("="):
        return False
    try:
        plain = base64.b64decode(value, validate=True).decode("utf-16-le")
    except (ValueError, UnicodeDecodeError):
        return False
    return plain.endswith("Password") and not plain[: -len("Password")].removesuffix("Administrator")


def file_passwords(text: str, low: str) -> Iterator[Hit]:
    """Passwords in files of a known layout: Windows answer files and .pgpass lines."""
    done, pgpass = -1, False
    for i in occurrences(low, "pass"):
        pgpass = pgpass or low.startswith("pgpass", i - 2)
        # `<…Password>` then `<Value>`: read a window after each `password>`, not the text
        if not low.startswith("password>", i) or i < done or "<value>" not in low[i : i + 100]:
            continue
        m = _UNATTEND_VALUE.search(text, max(done, i - 50), i + 240)
        if m:
            done = m.end()
            pw = m.group("pw")
            if pw.startswith("*") or _empty_unattend(pw):
                continue  # `*SENSITIVE*DATA*DELETED*`: Windows' own scrubbing
            if password_value_ok(pw, quoted=True, words=True):
                yield Hit("password", m.start("pw"), m.end("pw"), "PasswordAssignment")
    if pgpass:
        for m in _PGPASS_LINE.finditer(text):
            if password_value_ok(m.group("pw"), quoted=True, words=True):
                yield Hit("password", m.start("pw"), m.end("pw"), "PasswordAssignment")


def _pass_flags(text: str, low: str) -> Iterator[Hit]:
    """Found from each `pass` (str.find, shared with the other rules): the flag's `-` stands right before it
    (`-passin`) or at most 12 characters before (keytool's `-deststorepass`)."""
    done = -1
    for i in occurrences(low, "pass"):
        f = low.rfind("-", max(0, i - 12), i)
        if f > done and (i == f + 1 or low[f + 1 : i].endswith(("store", "key", "ks"))):
            if m := _PASS_FLAG.match(text, f):
                done = m.end()
                if password_value_ok(m.group("pw"), quoted=True, words=True):
                    yield Hit("password", m.start("pw"), m.end("pw"), "CliPassword")


# a call that takes a user name and a password by position: HTTP basic auth (`basic("jesse", "…")`, requests'
# `HTTPBasicAuth("u", "…")` and `auth=("u", "…")`, Go's `SetBasicAuth`, reqwest's `.basic_auth("u", Some("…"))`)
# and credential objects (`new UsernamePasswordCredentials("u", "…")`, .NET `NetworkCredential`, Java's
# `PasswordAuthentication("u", "…".toCharArray())`); the second literal is the password
_PAIR_NAME = re.compile(
    r"""(?i)(?:set|with|http)?_?basic_?auth(?:entication)?|http_?digest_?auth|basic|basic_?credentials|"""
    r"""username_?password_?credentials?|network_?credential|password_?authentication"""
)
_PAIR_ARGS = re.compile(
    r"""(?P<op>[ \t]{0,2}+=)?[ \t]{0,2}+\([ \t]{0,4}+(?P<q>["'])[^"'\\\s]{1,64}+(?P=q)[ \t]{0,4}+,"""
    r"""[ \t]{0,4}+(?:Some\([ \t]{0,2}+)?(?P<q2>["'])(?P<pw>[^"'\\\s]{6,64}+)(?P=q2)"""
)
_PAIR_HINTS = ("basic", "cred", "auth")  # `cred` and `auth` shared with key_named_values
_NAME_REST = re.compile(r"(?P<name>\w{0,40}+)[ \t]{0,2}+=?[ \t]{0,2}+\(")
_NAME_BACK = re.compile(r"\w{0,40}+$")


def credential_pairs(text: str, low: str) -> Iterator[Hit]:
    """Found from the names' words (str.find), each name read whole once: no scan of the text by a regex."""
    done = -1
    for i in _stem_starts(low, _PAIR_HINTS):
        if i < done or low.startswith("auth", i) and not low.startswith(("authentication(", "auth=(", "auth = ("), i):
            continue
        if (p := low.find("(", i, i + 48)) < 0 or not (n := _NAME_REST.match(text, i, p + 1)):
            continue  # the name goes on to its call's `(` (or `= (`) within a few characters
        end = done = n.end("name")
        ns = i - len(_NAME_BACK.search(text, max(0, i - 40), i).group(0))
        a = _PAIR_ARGS.match(text, end)
        if not a:
            continue
        if a.group("op") is not None:
            if low[ns:end] != "auth":
                continue  # only `auth=("u", "…")`: other keyword arguments hold other pairs
        elif not _PAIR_NAME.fullmatch(text, ns, end):
            continue
        pw = a.group("pw")
        if password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", a.start("pw"), a.end("pw"), "CredentialPair")


def cli_credentials(text: str, low: str | None = None) -> Iterator[Hit]:
    low = lowered(text) if low is None else low
    yield from cli_p_passwords(text)
    yield from _pass_flags(text, low)
    yield from _echoed_passwords(text, low)
    yield from _passwords_by_position(text, low)
    if not TEXT_GATES.contains(text, "-u"):
        return
    for m in _CLI_USER.finditer(text):
        user, pw = m.group("user"), m.group("pw")
        if pw.startswith(("//", "{")) or user.startswith(("$", "{", "<")):
            continue
        if len(pw) >= 4 and password_value_ok(pw, quoted=True, words=True):
            yield Hit("password", m.start("pw"), m.end("pw"), "CliPassword")  # the user name stays
        elif not pw and _prose_password_ok(user, "password"):
            yield Hit("password", m.start("user"), m.end("user"), "CliPassword")  # `-u <key>:`: the key is the user


# A password passed by position right after the user's e-mail address: `Credentials("john@example.com",
# "topsecret")`, `new DirectoryEntry("LDAP://…", "admin@corp.com", "Rrhh1234")`, SQL `VALUES ('a@b.com', 'P@ssw0rd')`.
# Bounded runs keep the scan linear. Not a second address or a package spec (`@`), nor a key (`"license": …`).
_EMAIL_THEN_LITERAL = re.compile(
    r"""@[A-Za-z0-9\-]{1,63}+(?:\.[A-Za-z0-9\-]{1,63}+){1,6}+(?P<q>["'])"""
    r"""[ \t\r\n]{0,16}+,[ \t\r\n]{0,16}+(?P<q2>["'])(?P<pw>[^\s"'\\]{6,64}+)(?P=q2)(?![ \t]*+:)"""
)


# the address's local part back to its opening quote (the pattern above starts at `@`, which the engine finds fast)
_LOCAL_PART = re.compile(r"""(["'])[\w.+\-]{1,64}+$""")


# The words before the e-mail that say the next literal is a password, not a name or a role.
_CREDENTIAL_CALL = re.compile(
    r"(?i)credential|login|log_in|logon|sign_?in|auth(?!or)|passw|pwd|DirectoryEntry|\binsert[ \t]+into[ \t]+\w*users?\b"
)


_HEX_ID = re.compile(r"[0-9a-fA-F\-]{16,}+")


# a second address (`'carl@example.com'`, `'root@example'`) or a package spec (`abbrev@1.1.1`), not `P@ssw0rd`
_AT_ADDRESS = re.compile(r"@[A-Za-z0-9\-]{1,63}+\.[A-Za-z0-9]|@\d|^[a-z0-9._\-]{2,}+@[a-z]{3,}+$")


def positional_passwords(text: str) -> Iterator[Hit]:
    if "@" not in text:
        return
    pos = 0
    # search, not finditer: in `'a@x.com', 'b@y.com', 'pw'` the second address is the first one's rejected
    # candidate and must still be tried as an address itself (every match is bounded: linear)
    while m := _EMAIL_THEN_LITERAL.search(text, pos):
        pos = m.start("pw")
        q = _LOCAL_PART.search(text, max(0, m.start() - 66), m.start())
        if not q or q.group(1) != m.group("q"):
            continue
        pw = m.group("pw")
        if _HEX_ID.fullmatch(pw) or _AT_ADDRESS.search(pw) or not password_value_ok(pw, quoted=True, words=True):
            continue  # a hex id or hash after the address (`'root1@root.com', '05fb3246-9387-…'`) is no password
        # After an e-mail there are also names, roles, phone numbers and user names: only a chosen password's
        # shape (`P@ssw0rd`, `Rrhh1234`: a credential word with marks, or upper, lower and digits) stands alone;
        # anything else needs a credential word before it (the call's name, the statement) on its line.
        strong = suffixed_credential(pw) or (
            any(c.isupper() for c in pw) and any(c.islower() for c in pw) and any(c.isdigit() for c in pw)
        )
        if not strong:
            if not any(c.isalpha() for c in pw):
                continue  # `"415-555-5555"`, `"9798789212"`: a phone number
            ls = max(text.rfind("\n", max(0, q.start() - 160), q.start()) + 1, q.start() - 160)
            if not _CREDENTIAL_CALL.search(text, ls, q.start()):
                continue
        yield Hit("password", m.start("pw"), m.end("pw"), "PositionalPassword")
        pos = m.end("pw")
