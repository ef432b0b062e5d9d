"""How code, config files and prose give a value to a name: the part after a key's name.

One parser for every syntax the secret rules meet after a name such as `db_password` or
`AWS_SECRET_ACCESS_KEY`:

    name = "v"   name: v   name := "v"   name ::= v   name ?= v   name .= "v"   "name" => "v"
    name == "v"  name("v") ("NAME", "v")  name = b"v"  name = @"v" (C#, Objective-C; raw and f-strings
    are regexes and templates, not literals)  export NAME=v  NAME=v (.env, shell, Dockerfile ENV, INI,
    properties)  name: 'v' (YAML)  name = "v" (TOML)  "name": "v" (JSON)  <name>v</name> (XML)
    const NAME: &str = "v"  val name: String = "v"  let name: String = "v"  NAME string = "v" (Go)
    "name": {"v"} (Go's url.Values)  final String NAME = "v"  #define NAME "v"  NAME "v"  name is v (prose)

`after_name(text, end)` parses from the end of a name; the caller decides whether the name and the
value make a secret. Every repetition is bounded and possessive: linear on any input.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Assigned(NamedTuple):
    op: str  # the operator as written: "=", ":", ":=", "=>", "(", ",", ">", " " (whitespace), "is"...
    value: str
    start: int  # offset of the value in the text
    quoted: bool
    typed: bool  # a type annotation stood between the name and the operator (`: &str`, ` string`)


# closing quote/bracket of a quoted or indexed key, then an optional type annotation, then the operator
_AFTER = re.compile(
    r"""(?:\\?+['"`]?\]?['"`]?)(?P<arr>\[\d{0,5}+\])?"""  # C's `char PASSWORD[] = "v"`, `key[32] = "v"`
    r"""(?P<type>[ \t]{0,4}+:[ \t]{0,4}+(?:&(?:'static[ \t]{1,4}+)?|\*[ \t]{0,2}+)?(?:const[ \t]{1,4}+)?"""
    r"""[A-Za-z_][\w:.]{0,40}+(?:<[\w, ]{0,40}+>)?\??(?=[ \t]{1,4}+=[^=>])"""
    r"""|[ \t]{1,4}+(?:string|String|str|\[\]byte)(?=[ \t]{0,4}+=[^=>]))?"""
    r"""(?:\*\*(?=:[ \t]))?[ \t]{0,40}+(?P<op>:{1,3}=|\?=|\.=|=>|[=!]==?|=|:|\((?=[ \t]{0,4}+["'`])|,|(?<=[ \t])(?:is|was|to|<<?-)[ \t]+)"""
    r"""(?:(?<=:)\*\*(?=[ \t]))?[ \t]{0,40}+"""  # Markdown's bold label (`**API key:** v`, `**API key**: v`);
    # aligned columns (`api_key:            "…"`) are common in config files
    # a quoted value, also with escaped quotes inside another string (`"--password=\"v\" …"`, `"{\"pw\": \"v\"}"`)
    # Go's one-element slice (`url.Values{"password": {"v"}}`, `http.Header{"X-Api-Key": {"v"}}`): the brace must
    # close right after the literal, so `key: {"a": …}` stays a nested object
    r"""(?P<br>\{[ \t]{0,2}+(?=["'`][^"'`\s\\]{1,4096}+["'`][ \t]{0,2}+\}))?"""
    # YAML's explicit string tag (`api_key: !!str 0123…`, which keeps a number-like value a string)
    r"""(?:(?<=[ \t:])!!(?:str|binary)[ \t]{1,4}+)?"""
    r"""(?:(?:@|[bBuUL](?=["']))?+\\?+(?P<q>["'`])(?P<qv>[^"'`\s\\]{1,4096}+)\\?+(?P=q)"""
    r"""|(?P<uv>[^\s"'`,;(){}\[\]<>\\]{1,4096}+))"""
)
# whitespace alone as the operator (`#define NAME "v"`, Objective-C's `#define NAME @"v"`, `--password v`, `Password v`
# in prose):
# only where the caller allows it, because `return token` and `if key` read the same way
_AFTER_SPACE = re.compile(
    r"""[ \t]{1,4}+(?:@?+(?P<q>["'`])(?P<qv>[^"'`\s\\]{1,4096}+)(?P=q)|(?P<uv>[^\s"'`,;(){}\[\]<>\\]{1,4096}+))"""
)
_CHAR_ARRAY = re.compile(r"\b(?:w?char|TCHAR|wchar_t|char16_t|char32_t|u?int8_t|u8|byte|BYTE|gchar)\b")
_CALLED = re.compile(r"[ \t]{0,2}+[(\[]")
# <name>v</name>, the value maybe on its own line
_XML_AFTER = re.compile(r"[^<>\s]{0,64}+>[ \t\r\n]{0,40}+([^<\s]{1,4096}+)[ \t\r\n]{0,40}+</")


def after_name(text: str, end: int, allow_space: bool = False, name_start: int = -1) -> Assigned | None:
    """The value assigned to the name that ends at `end`, or None.

    `name_start` (where the name begins) lets `<name>v</name>` be recognised; `allow_space` accepts a
    value separated by whitespace only.
    """
    m = _AFTER.match(text, end)
    if m and m.group("arr") is not None:
        # an array declared with a character type (`static const char API_KEY[] = "v"`); PHP's `$pass[] = 'v'`
        # appends to a list
        ls = max(text.rfind("\n", max(0, end - 200), end) + 1, end - 200)
        if not _CHAR_ARRAY.search(text, ls, end):
            m = None
    if m:
        op = m.group("op").strip()
        if op == "," and not _call_argument(text, name_start):
            m = None  # `'a', 'b'` in a list; only `f("NAME", "v")` pairs a name with the next argument
    if m:
        if op in ("==", "!=", "===", "!==") and m.group("qv") is None:
            return None  # a comparison with a variable, not a literal
        if op in ("<-", "<<-") and m.group("qv") is None:
            return None  # R's `api_key <- "v"` assigns a literal; `key <- other` (or `k < -1`) is code
        if m.group("br") is not None and op != ":":
            return None  # the slice literal is a map entry's value only
        if m.group("qv") is not None:
            return Assigned(op, m.group("qv"), m.start("qv"), True, bool(m.group("type")))
        if op == "(" or _CALLED.match(text, m.end("uv")):
            return None  # `key = make_key(…)`, `token = tokens[0]`: code, not a literal
        return Assigned(op, m.group("uv"), m.start("uv"), False, bool(m.group("type")))
    if name_start > 0 and text[name_start - 1] == "<":
        x = _XML_AFTER.match(text, end)
        if x:
            return Assigned(">", x.group(1), x.start(1), False, False)
    if allow_space:
        s = _AFTER_SPACE.match(text, end)
        if s:
            if s.group("qv") is not None:
                return Assigned(" ", s.group("qv"), s.start("qv"), True, False)
            if _CALLED.match(text, s.end("uv")):
                return None
            return Assigned(" ", s.group("uv"), s.start("uv"), False, False)
    return None


def _call_argument(text: str, name_start: int) -> bool:
    """The name at `name_start` is a call's argument naming the next one: `setProperty("NAME", …)`,
    `define('PASSWORD', …)`, `curl_easy_setopt(curl, CURLOPT_USERPWD, …)`."""
    if name_start < 2:
        return False
    if text[name_start - 1] in "\"'`":
        return text[max(0, name_start - 12) : name_start - 1].rstrip().endswith("(")
    end = name_start
    while end < len(text) and (text[end].isupper() or text[end].isdigit() or text[end] == "_"):
        end += 1
    return end - name_start >= 4 and text[max(0, name_start - 40) : name_start].rstrip().endswith((",", "("))


def sentence_trimmed(text: str, value: str, start: int) -> str:
    """An unquoted value without the punctuation that ends a sentence or a call (`…key=abc123.`)."""
    nxt = text[start + len(value) : start + len(value) + 1]
    if not nxt or nxt.isspace():
        if value.endswith(".") and value.count(".") >= 2:
            return value.rstrip(",;")  # `header.payload.`: a JWT with an empty signature
        return value.rstrip(".,;")
    return value
