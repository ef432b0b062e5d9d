"""Secret forms added in issue 13's tenth round: short generated tokens under a token's name, in a URL's query
(`badge.svg?token=…`, `?oauth_token=…&oauth_token_secret=…`) and after `Bearer`; PostgreSQL's
`CREATE USER … WITH PASSWORD '…'`; INI/conf `password = value` with spaces under a `[section]` header. And the
stand-ins that must stay untouched: encrypted values, variables, version ranges, placeholders wrapped in
symbols, values that describe themselves (`my-rabbitmq-secret`, `LDAP-PASSWORD`), a credential word with a tag.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text, value",
    [
        # a coverage badge's upload token in a README link (the `)` of the link ends it)
        (
            "[![codecov](https://codecov.io/gh/acme/widgets/graph/badge.svg?token=Qm7TzX2pLw)](https://x.io)\n",
            "Qm7TzX2pLw",
        ),
        ("    'oauth_token': 'vbrtk4471qz',\n", "vbrtk4471qz"),  # a dict value under a token's name
        ("    callback = 'https://127.0.0.1/cb?oauth_token=wqrtz8841mx&oauth_verifier=done'\n", "wqrtz8841mx"),
        ("curl -H 'Authorization: Bearer k93jdh4k2lq8' https://api.example.com/v1/me\n", "k93jdh4k2lq8"),
    ],
)
def test_short_generated_tokens(cfg, text, value):
    assert secrets_in(text, cfg) == [("key", value)]


@pytest.mark.parametrize(
    "text",
    [
        "token = 'sha256sum'\n",  # words with a number: a name in code
        "api_key = 'base64url'\n",
        "    token = 'utf8mb4_general'\n",
        "the Bearer masterkey scheme\n",  # a word after `Bearer` outside an Authorization header (round 11 takes
        # `Authorization: Bearer masterkey`, a word sent as the key: tests/filters/test_secret_forms_round11.py)
        "the Bearer token1234 is sent\n",
        "https://example.com/items?page_token=abc123&limit=10\n",
        "f(x?token=abc)\n",
        "    static constexpr auto secret = kXxh3Secrets + AlgNum;\n",
    ],
)
def test_short_token_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("CREATE USER shopapp WITH PASSWORD 'shopapp-pw-88';\n", "shopapp-pw-88"),
        ("psql -c \"CREATE USER ledger WITH PASSWORD 'ledgerkeeper';\"\n", "ledgerkeeper"),
        ("ALTER ROLE reporting WITH LOGIN PASSWORD 'quarterly7';\n", "quarterly7"),
        ("[retriever]\ntype = SimplePOP3Retriever\nusername = mailer\npassword = tigerwood\n", "tigerwood"),
        ("[mysqld]\nuser = root\npassword = lanternfish\n", "lanternfish"),
    ],
)
def test_sql_and_ini_passwords(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text",
    [
        "CREATE USER bob WITH ENCRYPTED PASSWORD 'md53175bce1d3201d16594cebf9d7eb3f9d';\n",  # a hash
        "ALTER USER app PASSWORD 'password';\n",  # a placeholder
        "the user must change the password 'foo' later\n",  # prose, not a statement
        "def f():\n    password = lanternfish\n",  # no section header: a variable in code
        "[db]\npassword = get_password()\n",
        "[db]\npassword = settings.DB_PASSWORD\n",
        "[client]\npassword = ${DB_PASS}\n",
    ],
)
def test_sql_and_ini_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text",
    [
        '  "github_key": "EJ[1:q6LxVw/YXXjK7a4vQV/B8mvJPkn0EfUSH1aznzBSbnM=:kcyxzJ6mSDbQJEDGTZOByfzRosnPaSOe:8mPtWq]",\n',
        "$passwordHasher = $this->getContainer()->get(UserPasswordHasherInterface::class);\n",  # a PHP variable
        '"symfony/password-hasher": "^7.4|^8.0",\n',  # a version range
        "black_box(Password::Md5 {\n",  # a path
        ":param passwd: **DEPRECATED** Alias for password.\n",  # a Markdown label
        '# DATABASE_URL="mysql://app:!ChangeMe!@127.0.0.1:3306/app"\n',  # a placeholder wrapped in symbols
        "existingPasswordSecret: my-rabbitmq-secret\n",  # describes itself: names a stored secret
        "password: external-memcached-password\n",
        "postgresPassword: set-secure-pg-postgres-password\n",
        'ldap_password = "LDAP-PASSWORD"\n',  # capitals that name the value
        '    Password:        "secret-b",\n',  # a credential word with a tag
    ],
)
def test_stand_ins_are_not_secrets(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("    clientSecret: 'shhh-its-a-secret'\n", "shhh-its-a-secret"),  # a chosen phrase, not a label
        ('    "password": "Pass123!@#",\n', "Pass123!@#"),  # symbols: chosen
        ("const API_URL = 'https://user:secret123@api.example.com/endpoint';\n", "secret123"),  # three digits
        ('    password:     "pa:ss@!#",\n', "pa:ss@!#"),
    ],
)
def test_chosen_values_next_to_stand_ins_stay_secrets(cfg, text, value):
    assert (secrets_in(text, cfg)[0][1]) == value


@pytest.mark.parametrize(
    "value, token",
    [
        ("kjerht2309u", True),
        ("ppEuaNXBW4", True),
        ("h480djs93hd8", True),
        ("sha256sum", False),
        ("base64url", False),
        ("utf8mb4", False),  # too short
        ("password1", False),
        ("abcdef123456", False),  # typed in order
        ("release2024", False),  # a word and a year
        ("kXxh3Secrets", False),  # a constant's name
    ],
)
def test_short_token(value, token):
    assert secret_values.short_token(value) is token


@pytest.mark.parametrize(
    "value, stand_in",
    [
        ("my-rabbitmq-secret", True),
        ("LDAP-PASSWORD", True),
        ("secret-b", True),
        ("!ChangeMe!", True),
        ("^7.4|^8.0", True),
        # round 26: a word and a credential word, hyphenated in lower case, labels itself (dev labels it negative in
        # 15 projects, positive in 2); snake case (`mmuser_password`) still reads as a chosen default
        ("sentinel-pass", True),
        ("mmuser_password", False),
        ("shhh-its-a-secret", False),
        ("pa:ss@!#", False),
    ],
)
def test_stand_in(value, stand_in):
    assert secret_values.stand_in(value) is stand_in
