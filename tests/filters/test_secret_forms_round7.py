"""Secret forms added in issue 13's seventh round: values full of symbols whose brackets do not pair up (neither
code nor a template) under a password's or a secret's name, quoted or not; a literal compared with a secret's
name, the literal first (`if ("…" == password)`); string prefixes before the quote (`@"…"` in C# and
Objective-C, `b"…"` in Python); a value made of one block said over and over under a strong name; and the
look-alikes each must leave alone (whole templates, regexes, format strings).

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in

SYM = "q7{Xr)p$W]m2(zK!vb#8"  # symbols whose brackets do not pair up
SYM2 = "T4}n(Wq$z]8vL{e#3s%j"
B64 = "x8Fj2kLq9ZpR4tW7yB3nC6vM1sD5"
BLOCK = "a9f3k2m7" * 4


@pytest.mark.parametrize(
    "text, kind, value",
    [
        (f'DB_PASSWORD = "{SYM}"\n', "password", SYM),  # Python
        (f"password: {SYM}\n", "password", SYM),  # YAML, unquoted
        (f"db_pass := {SYM},\n", "password", SYM),  # unquoted, the comma not part of it
        (f"const apiSecret = '{SYM2}';\n", "key", SYM2),
        (f"apiKey := `{SYM2}`\n", "key", SYM2),  # Go raw string
        (f"client_secret = {SYM2}\n", "key", SYM2),  # .ini, unquoted
        (f'if (password === "{SYM}") {{\n', "password", SYM),
        (f'    string password = @"{SYM}";\n', "password", SYM),  # C# verbatim string
        (
            '  jwt_secret: "9`Q\'}/vXk)T;W\\\\4]EBmf;_&p>"\n',
            "key",
            "9`Q'}/vXk)T;W\\\\4]EBmf;_&p>",
        ),  # other quotes inside
        ("db_password = 'x(7\"Lp]q2!Zw'\n", "password", 'x(7"Lp]q2!Zw'),
    ],
)
def test_symbol_values_round7(cfg, text, kind, value):
    assert (kind, value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text, kind, value",
    [
        (f'if ("{SYM}" == password) {{\n', "password", SYM),  # the literal first
        (f'if ("{SYM2}" !== my_private_key) {{\n', "key", SYM2),
        ('if ("s3cr3tP4ss!" == self.password):\n', "password", "s3cr3tP4ss!"),
        (f'if ("{B64}" === api_token) {{\n', "key", B64),
    ],
)
def test_compared_literals_round7(cfg, text, kind, value):
    assert (kind, value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text, value",
    [
        (f'NSString *clientSecret = @"{B64}";\n', B64),  # Objective-C string literal
        (f'SECRET_KEY = b"{B64}"\n', B64),  # Python bytes
        (f'api_token = u"{B64}"\n', B64),
    ],
)
def test_string_prefixes_round7(cfg, text, value):
    assert ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        f'SOFTLAYER_API_KEY = "{BLOCK}"\n',
        f"softlayer_api_key: {BLOCK}\n",
        f"--softlayer-api-key={BLOCK}\n",
        f"flightapi SECRET {BLOCK}\n",  # a space after a strong name
    ],
)
def test_repeated_block_under_strong_name_round7(cfg, text):
    assert ("key", BLOCK) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        'password = "${DB_PASSWORD}"\n',  # whole templates
        'api_key = "{{api_key}}"\n',
        'secret = "%(secret)s"\n',
        'secret_key = "${prefix}:${name}"\n',
        'client_secret = "{0}{1}"\n',
        'api_token = "<your-token-here>"\n',
        'TOKEN_PATTERN = "[A-Za-z0-9_-]{32,}"\n',  # a regex: its brackets pair up
        'password_rule = "^(?=.*[A-Z])(?=.*[0-9]).{8,}$"\n',
        'token = r"\\w+"\n',
        "password_re = r'([0-9a-f]{64})'\n",  # raw strings hold regexes
        'api_secret = f"{prefix}{SECRET_SUFFIX}x"\n',  # f-strings are templates
        'if ("" == password) {\n',
        'if ("POST" === method) {\n',
        'if (token == "Bearer") {\n',
        'api_key = "example1example1example1"\n',  # a repeated block that says it is an example
        'secret = "abcabcabcabcabcabcabc"\n',  # no digits: not a key's shape
        "checksum = abcd1234abcd1234abcd1234abcd1234\n",  # not a secret's name
        "key = (a[0] + b{1}) * c\n",  # code
        'secret_key: "don\'t (use) this"\n',  # prose in quotes: spaces
        'message = "it\'s a (test) of \\"quotes\\""\n',
        "var pass=!0}o>-1&&_.splice(o,1);for(var i=0;\n",  # minified code
    ],
)
def test_round7_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        (SYM, True),
        ("m{{h}o)p${e]nob(ody[finds>-_$#thisone", True),
        ("${DB_PASSWORD}", False),  # a whole template
        ("{{token}}", False),
        ("[A-Za-z0-9]{32}", False),  # pairs up
        ("f(x)[y]{z}abc", False),
        ("a{b", False),  # too short
        ("abcdefgh{", False),  # one kind of symbol
        ("!0}o>-1&&_.splice(o,1)", False),  # minified code
        ("x}(a,b);return(c", False),
    ],
)
def test_symbol_literal(value, expected):
    assert secret_values.symbol_literal(value) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (BLOCK, True),
        ("abcd1234" * 8, True),
        ("abcdabcdabcdabcd", False),  # letters only
        ("1234" * 6, False),
        ("example1" * 3, False),
        ("a9f3k2m7" * 2 + "x", False),  # not whole blocks
    ],
)
def test_repeated_block(value, expected):
    assert secret_values.repeated_block(value) is expected
