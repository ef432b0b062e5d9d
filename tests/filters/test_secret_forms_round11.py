"""Secret forms added in issue 13's eleventh round: chosen defaults that read like names (`mmuser_password`,
`pass_sha256`, `password: SolrRocks`), a word sent as a bearer token
(`Authorization: Bearer masterkey`), short Stripe keys, form parameters (`&password=v&`), key material decoded from a
literal (`key = Base64.decode("…")`). And the stand-ins and
code that must stay untouched: type names, host names, routes, OIDs, SSH public keys, a placeholder's base64,
translations, fuzzer marks, getter calls, `${X:?message}`, words in paths, URLs and host names.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text, value",
    [
        # snake_case defaults: a user or scheme name with a password word
        ("POSTGRES_PASSWORD=mmuser_password\n", "mmuser_password"),
        ("    connection_data['password'] = 'pass_sha256'\n", "pass_sha256"),
        ('  "password": "pass_caching_sha2",\n', "pass_caching_sha2"),
        # capitalised words as a config value
        ("  password: SolrRocks\n", "SolrRocks"),
        ("SOLR_AUTH_PASSWORD=IWantToBelieve\n", "IWantToBelieve"),
        # a word as the bearer token of an Authorization header
        ('curl -H "Authorization: Bearer masterkey" http://localhost:1337/parse\n', "masterkey"),
        ("headers = {'Authorization': 'Bearer opensesame42'}\n", "opensesame42"),
        # Stripe keys with a short body (test fixtures)
        ('mocker.patch("stripe.api_key", "sk_test_KOWobxXidxNlIx")\n', "sk_test_KOWobxXidxNlIx"),
        ("STRIPE_KEY=rk_live_q8ZxTmWv2LpRk\n", "rk_live_q8ZxTmWv2LpRk"),
        # a form body's parameter ends at `&`
        ("username=vulcan&email=a%40b.org&password=vulcan77&confirm=vulcan77&next=Next\n", "vulcan77"),
        # a Kubernetes Secret's base64 data ends in `=`: a value, not `NAME=` of the next variable
        (
            "  LDAP_PASSWORD: cVh6OWtMbTJ3UnQ0dlk3cEo4bkIzZ0Q1Zkgxc0E2ZVo=\n",
            "cVh6OWtMbTJ3UnQ0dlk3cEo4bkIzZ0Q1Zkgxc0E2ZVo=",
        ),
        # key material decoded from a literal, under any key-like name
        (
            '    byte[] key = Base64.decode(CodecSupport.toBytes("qR7+vLxm4T2weYzAbcddDw=="));\n',
            "qR7+vLxm4T2weYzAbcddDw==",
        ),
        ("const secret = OTPAuth.Secret.fromBase32('N4Q7ZWRK5TFPJ2XM');\n", "N4Q7ZWRK5TFPJ2XM"),
        ("KEY = bytes.fromhex('9f2c7ab1e04d6538c1f7a2e9b4d06c83')\n", "9f2c7ab1e04d6538c1f7a2e9b4d06c83"),
    ],
)
def test_round11_secrets(cfg, text, value):
    assert value in [v for _, v in secrets_in(text, cfg)]


@pytest.mark.parametrize(
    "text",
    [
        # names, not defaults
        '  "password": "current_password",\n',
        '  "password": "user_password",\n',
        "  password_field = 'hashed_password'\n",
        "ZULIP__POSTGRES_PASSWORD=postgres_password\n",  # the value repeats its name
        '  "password": "unsafe_password",\n',
        # type names
        "  password: SecretStr\n",
        "  password: PasswordHash\n",
        "    password: PlainText\n",
        "  secretKey: number\n",
        '  readonly password: "?string";\n',
        # short URL stand-ins and repeats; five letters are no secret since round 12's label convention
        "sqlalchemy.url = postgresql://scott:tiger@localhost/test\n",
        "jdbc:mysql://app:zebra@db:3306/shop\n",
        "redis://admin:admin@cache:6379/0\n",
        "amqp://guest:guest@rabbit:5672//\n",
        "mysql://user:pass@host/db?debug=true&charset=BIG5_CHINESE_CI&timezone=-0700\n",
        # bearer words that are no key
        "Authorization: Bearer yourtoken\n",
        "the Bearer authentication scheme\n",
        "sk_test_xxxxxxxxxxxxxxxx\n",
        # stand-ins
        "  password: 'example.com'\n",
        '  "pass": "routes/main",\n',
        "userPassword:2.5.13.18:=\\xx\\xx\n",
        "hostkey = 'AAAAC3NzaC1lZDI1NTE5AAAAIIiHpGSf8fla6tCwLpwshvMGmUK+B/0v5CsRu+5v4uT7'\n",
        "export ACCESS_TOKEN='DMS_YWNjZXNzX3Rva2Vu'\n",  # base64 of `access_token`
        '  "Password": "Κωδικός",\n',
        "SELECT * FROM Users WHERE username = 'FUZZ1' AND password = 'FUZZ2';\n",
        "ftp.password = 'anonymous'\n",
        "- FIRST_SUPERUSER_PASSWORD=${FIRST_SUPERUSER_PASSWORD:?Variable not set}\n",
        # decoding a variable, a text or a hand-typed run
        "token = base64.b64decode(encoded)\n",
        'key = codecs.decode("utf-8-encoded", "strict")\n',
        'key = bytes.fromhex("000102030405060708090a0b0c0d0e0f")\n',
        # authentication methods' names and variables in a document
        'To use "sha256_password" or "caching_sha2_password" for authentication,\n',
        '    AuthPlugin::CachingSha2Password => "caching_sha2_password",\n',
        "[Settings]\nnet_connect.password = srx2_pass\n",
        # code and prose
        'password = keyring.get_password("yagmail", user)\n',
        "$ MYSQL_USER=root MYSQL_PASSWORD= FILTER=integration npm test\n",
        "  password: Clear-text password\n",
        "auth_verbose_passwords = sha1:6\n",
        "Credentials: &identity.IdentityWithCredentials{Password: &identity.AdminCredentialsPassword{\n",
        "POST /subscribe?0=cat+/etc/passwd HTTP/1.1\n",
        '"issuer": "https://login.microsoftonline.com/a9b86385-f32c-4803-afc8-4b2312fbdf24/v2.0",\n',
        '"next": "https://x.io/items?page=5\\u0026page_token=eyJvZmZzZXQiOiIyNTAiLCJ2IjoyfQ\\u0026per_page=50",\n',
    ],
)
def test_round11_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "value, chosen",
    [
        ("mmuser_password", True),
        ("pass_sha256", True),
        ("root_password", True),  # a role with a password word: a chosen default
        ("current_password", False),
        ("user_password", False),
        ("aws_secret_key", False),
        ("password_hash", False),
        ("Hashed_Password", False),  # not lowercase snake_case
    ],
)
def test_chosen_snake(value, chosen):
    parts = {p.lower() for p in secret_values._VALUE_PARTS.findall(value)}
    assert secret_values._chosen_snake(value, parts) is chosen


@pytest.mark.parametrize(
    "value, chosen",
    [
        ("SolrRocks", True),
        ("IWantToBelieve", True),
        ("SecretStr", False),
        ("UserInput", False),
        ("Password", False),  # one word
        ("newPassword", False),  # camelCase: a variable
        ("ABCDEF", False),
    ],
)
def test_chosen_camel(value, chosen):
    assert secret_values.chosen_camel(value) is chosen


@pytest.mark.parametrize(
    "value, stand_in",
    [
        ("number", True),
        ("?string", True),
        ("example.com", True),
        ("db.internal", True),
        ("2.5.13.18:=", True),
        ("routes/main", True),
        ("AAAAB3NzaC1yc2EAAAADAQABAAABAQC7", True),
        ("DMS_YWNjZXNzX3Rva2Vu", True),
        ("Κωδικός", True),
        ("FUZZ2", True),
        ("${DB_PASSWORD:?required", True),
        ("petclinic", False),
        ("kjerht2309u", False),
        ("s3cr3t", False),  # leet is chosen (dev sets 7 and 8 label it)
        ("Ab3/xZ9+Qw==", False),  # base64 of random bytes
        ("Tr0ub4dor&3", False),
    ],
)
def test_round11_stand_in(value, stand_in):
    assert secret_values.stand_in(value) is stand_in
