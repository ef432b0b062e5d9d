"""Secret forms added in issue 13's third round: command-line flags at the start of a line, key names
written as two words in prose (`SECRET KEY: …`, `the access token is …`), `password for <user>: …`,
URLs whose login is an e-mail address or a token, documented Bitbucket and Heroku key shapes, and
random values under a strong name that start with `-` or spell capitalised syllables by chance; and the
look-alikes each of these must leave alone.

All secret values here are random fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secrets
from tests.filters.secret_samples import secrets_in

TOKEN = "Qm4vT8xR2kLp9WzN3bYc7HdF"
PASSWORD = "Vb6!qz8Rw2"


@pytest.mark.parametrize(
    "text, value",
    [
        # flags at the start of a line (a wrapped command in a README)
        (f"docker run app \\\n--token {TOKEN}\n", TOKEN),
        (f"usage:\n-secret {TOKEN}\n", TOKEN),
        # two-word names in prose and headings
        (f"SECRET KEY: {TOKEN}\n", TOKEN),
        (f"Your API key = {TOKEN}\n", TOKEN),
        (f"# the access token is {TOKEN}\n", TOKEN),
        (f"Client Secret: {TOKEN}\n", TOKEN),
        # `is` after a strong name
        (f"// the token is {TOKEN}\n", TOKEN),
        # a strong name, a base64url value that starts with `-`
        ("API_TOKEN=-r_kUhBh0x3yGEOKQdbFj1c_ZNtvCgCtZPrh\n", "-r_kUhBh0x3yGEOKQdbFj1c_ZNtvCgCtZPrh"),
        # random base64 that happens to spell three capitalised syllables (`Wnoa`, `Izb`, `Alppph`)
        ("set AWS_SECRET_ACCESS_KEY to NzqeEefY51FKWnoaIzbAlppph7nYdfkNxo/wNJG7 first\n", None),
    ],
)
def test_key_named_values_round3(cfg, text, value):
    if value is None:
        value = "NzqeEefY51FKWnoaIzbAlppph7nYdfkNxo/wNJG7"
    assert ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "the token is invalid\n",
        "# the secret is stored in the vault\n",
        "the key is 5 chars long\n",
        "The access token is refreshed every 3600 seconds.\n",
        "the token is abc-def\n",
        "SECRET KEY: see the wiki\n",
        "Your API key = os.environ['API_KEY']\n",
        "gcc -Wno-deprecated-declarations -o x x.c\n",
        'token = "-enable-feature-flags"\n',
        "api_token: PKCS7PrivateKeyTypes\n",
        # found on installed packages before this round: a keyword argument after a name, chained assignments
        "  token = jnp.array(TOP_LEVEL_TOKEN_VALUE, dtype=jnp.int32)\n",
        'Object.defineProperty(F,"__esModule",{value:!0});F.Minipass=F.isWritable=F.isReadable=F.isStream=void 0;\n',
    ],
)
def test_round3_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("password for master:IhqSb1Gg\n", "IhqSb1Gg"),
        (f"# the password for user 'admin' is '{PASSWORD}'\n", PASSWORD),
        (f"Password for the db: {PASSWORD}\n", PASSWORD),
        (f"The default password for account deploy is {PASSWORD}\n", PASSWORD),
    ],
)
def test_password_for_a_user(cfg, text, value):
    assert ("password", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "the password for this is simple\n",
        "password for 5 minutes\n",
        "Enter the password for your account: \n",
        "password for admin: changeme\n",
    ],
)
def test_password_for_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


def test_url_with_an_email_login_loses_the_password(cfg):
    text = 'email_url = "smtps://ops.team@gmail.com:Fq83JZs7x@smtp.gmail.com:465"\n'
    assert ("password", "Fq83JZs7x") in secrets_in(text, cfg)


def test_url_with_a_token_as_login_loses_it(cfg):
    user = "Zq8XkP2mNw7Rt5Lv9Bc3Hd6Fg1"
    text = f"git clone https://{user}:x-oauth-basic@github.com/acme/app.git\n"
    assert ("key", user) in secrets_in(text, cfg)
    # an ordinary login stays
    assert secrets_in("https://deploy:x-oauth-basic@github.com/acme/app.git\n", cfg) == []


@pytest.mark.parametrize(
    "token",
    [
        "ATBBcCe6fczW96Vzwgvb4r8F2gZS54D5Q1C4",
        "HRKU-f1274537-88fb-4eaf-beda-453bd9a496ef",
        "HRKU-AA" + "x7Kp2QmZ9vRt4LwN8bYc3HdF6gJs1TqW5eUo0iAy2Mn7Bv4Cx9Zl3Rk8Pq6Tw1",
    ],
)
def test_documented_provider_shapes(cfg, token):
    if token.startswith("HRKU-AA"):
        token = token[: len("HRKU-AA") + 58]
    assert secrets_in(f"app_sample:{token}\n", cfg) == [("key", token)]


@pytest.mark.parametrize(
    "token",
    [
        "oy2k7d9x0q3m5z8w2r4t6y1u3i5o7p9a2s4d6f8g0h2j4k",  # NuGet
        "pul-3f9a0c27e4b81d56a9e03c7f2b4d18e6a05c9f31",  # Pulumi
        "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",  # Hugging Face organisation
        "FLWSECK_TEST-3f9a0c27e4b81d56a9e03c7f2b4d18e6-X",  # Flutterwave
        "AstraCS:QwErTyUiOpAsDfGhJkLzXcVb:" + "3f9a0c27e4b81d56a9e03c7f2b4d18e6" * 2,  # DataStax Astra
        "v1.0-3f9a0c27e4b81d56a9e03c7f-" + ("3f9a0c27e4b81d56a9e03c7f2b4d18e6" * 5)[:146],  # Cloudflare origin CA
        "Xk48Q~Zq8XkP2mNw7Rt5Lv9Bc3Hd6Fg1Jp0Ws",  # Microsoft Entra client secret
    ],
)
def test_documented_shapes_without_a_name(cfg, token):
    assert secrets_in(f"{token}\n", cfg) == [("key", token)]
    assert secrets_in(f'x = "{token}";\n', cfg) == [("key", token)]


@pytest.mark.parametrize(
    "text",
    [
        "pul-3f9a0c27\n",  # too short
        "if (x ~= 1) { y = aQ~b; }\n",  # `Q~` in code
        # too long for NuGet, lowercase: no shape (inside a line: alone on its line, lone_tokens' rule takes it)
        "ref oy2k7d9x0q3m5z8w2r4t6y1u3i5o7p9a2s4d6f8g0h2j4k6zz in the log\n",
    ],
)
def test_documented_shape_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


def test_provider_shape_needs_its_length(cfg):
    # inside a line: a random token alone on its line is lone_tokens' to judge
    assert secrets_in("ref ATBBcCe6fczW96Vzwgvb4r8F in the log\n", cfg) == []
    assert secrets_in("HRKU-f1274537-88fb\n", cfg) == []


def test_two_word_names_only_raise_strength():
    text = "public key: x"
    # `public key` is not a credential's name: no strength added (the weak `key` alone stays as it was)
    assert secrets._two_word_strength(text, text.index("key"), "key") is None
    text = "SECRET KEY: x"
    assert secrets._two_word_strength(text, text.index("KEY"), "KEY") == "strong"


@pytest.mark.parametrize(
    "text, value",
    [
        ("mysql -u root -pS3cr3tPw9 orders < dump.sql\n", "S3cr3tPw9"),
        (f"mysqldump -uadmin -p'{PASSWORD}' --all-databases > all.sql\n", PASSWORD),
        (f"sshpass -p '{PASSWORD}' ssh deploy@build-01\n", PASSWORD),
        ("docker login -u bob -p Zq8XkP2mNw7R registry.example.com\n", "Zq8XkP2mNw7R"),
        ("RUN mariadb -h db -uroot -pZq8XkP2mNw7R -e 'select 1'\n", "Zq8XkP2mNw7R"),
    ],
)
def test_passwords_given_to_dash_p(cfg, text, value):
    assert ("password", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "mysql -u root -p orders\n",  # a lone -p prompts for the password
        "mkdir -p build/output && ssh -p 2222 host\n",
        "docker login -u bob -p $REGISTRY_PASSWORD registry.example.com\n",
        "docker login -u bob --password-stdin < token.txt\n",
        "sshpass -p password ssh host\n",
    ],
)
def test_dash_p_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("| password | Xy7#kq29Lm |\n", "password", "Xy7#kq29Lm"),
        ("| `DB_PASSWORD` | `Xy7#kq29Lm` | staging |\n", "password", "Xy7#kq29Lm"),
        (f"| **api_token** | {TOKEN} |\n", "key", TOKEN),
        # the name as another field's value: Kubernetes env, .NET appSettings, JSON name/value lists
        (f"env:\n  - name: API_TOKEN\n    value: {TOKEN}\n", "key", TOKEN),
        (f'        - name: DB_PASSWORD\n          value: "{PASSWORD}"\n', "password", PASSWORD),
        (f'<add key="ApiSecret" value="{TOKEN}" />\n', "key", TOKEN),
        (f'[{{"name": "SMTP_PASSWORD", "value": "{PASSWORD}"}}]\n', "password", PASSWORD),
    ],
)
def test_tables_and_name_value_pairs(cfg, text, kind, value):
    assert (kind, value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "| token | description of the token |\n",
        "| password | required |\n",
        '- name: DB_HOST\n  value: "db.internal.example.com"\n',
        '<add key="PageSize" value="Xy7kq29LmXy7kq29Lm" />\n',
        "- name: API_TOKEN\n  valueFrom:\n    secretKeyRef: {name: app, key: token}\n",
        "for key, value in token_map.items():\n    value = normalise(value)\n",
        '{"name": "API_TOKEN", "value": "${API_TOKEN}"}\n',
    ],
)
def test_tables_and_name_value_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, kind, value",
    [
        (f'const token = process.env.API_TOKEN || "{TOKEN}";\n', "key", TOKEN),
        (f'API_SECRET = ENV["API_SECRET"] ?? "{TOKEN}"\n', "key", TOKEN),
        (f'PASSWORD = os.environ.get("PASSWORD") or "{PASSWORD}"\n', "password", PASSWORD),
        # `user:Xy7kq29Lm` in base64
        ('curl -H "Authorization: Basic dXNlcjpYeTdrcTI5TG0=" https://api.example.com\n', "password", None),
        (f"curl -H 'Authorization: token {TOKEN}' https://api.github.com/user\n", "key", TOKEN),
        (f'headers = {{"Authorization": "Bot {TOKEN}"}}\n', "key", TOKEN),
    ],
)
def test_fallbacks_and_authorization_headers(cfg, text, kind, value):
    if value is None:
        value = "dXNlcjpYeTdrcTI5TG0="
    assert (kind, value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        'x = token || "default"\n',
        'name = user.password or "unknown"\n',
        'const token = process.env.API_TOKEN || "";\n',
        'curl -H "Authorization: Basic dXNlcjpwYXNzd29yZA==" https://api.example.com\n',  # user:password
        "Basic authentication is used; see Basic HTTP docs\n",
        "Authorization: token <your-token-here>\n",
    ],
)
def test_fallback_and_header_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, kind, value",
    [
        (f"Your API key is `{TOKEN}`.\n", "key", TOKEN),
        (f"Secret: **{TOKEN}**\n", "key", TOKEN),
        (f"The password is: `{PASSWORD}`\n", "password", PASSWORD),
        (f"default credentials are admin:{PASSWORD}\n", "password", PASSWORD),
        (f'private val apiKey = BuildConfig.API_KEY ?: "{TOKEN}"\n', "key", TOKEN),
    ],
)
def test_markdown_and_prose_round3(cfg, text, kind, value):
    assert (kind, value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "the key is `config.yaml`\n",
        'the token is "$TOKEN"\n',
        "login: admin\n",
        "credentials are stored in ~/.aws/credentials\n",
        "Login: http://example.com:8080\n",
        "credentials: dict[str, str]\n",
        "the password is: secret\n",
        "Secret: **required**\n",
    ],
)
def test_markdown_and_prose_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []
