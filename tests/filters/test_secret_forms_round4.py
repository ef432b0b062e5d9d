"""Secret forms added in issue 13's fourth round: values after a strong name and a space alone in comments
and prose, aligned config columns, URL query parameters that end at `&`, chosen passwords with digits
inside letters (`s3cur3Pass`), an `@` inside a URL's password, .netrc entries, `Bearer: <token>`, base64
padding after a prefixed token, and the documented Azure DevOps PAT and Salesforce token shapes; and the
look-alikes each of these must leave alone.

All secret values here are random fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values, secrets
from tests.filters.secret_samples import secrets_in

TOKEN = "Tq8vWm3RzX6kPb2NcJ7sYd4H"
HEX = "a3f91c07d2b84e6f5c19e0b7d4a26f83"


@pytest.mark.parametrize(
    "text, value",
    [
        # a strong name, a space, a generated value: comments and prose
        (f"# token {TOKEN}\n", TOKEN),
        (f"Use the access token {TOKEN} to call the API.\n", TOKEN),
        (f"Your API key {HEX} was created.\n", HEX),
        # aligned columns in config files
        (f'     apiKey:            "{TOKEN}",\n', TOKEN),
        (f'client_secret             = "{TOKEN}"\n', TOKEN),
    ],
)
def test_key_named_values_round4(cfg, text, value):
    assert ("key", value) in secrets_in(text, cfg)


def test_query_parameter_ends_at_ampersand(cfg):
    text = f'curl "https://api.example.com/v1/items?api_key={HEX}&limit=3"\n'
    assert secrets_in(text, cfg) == [("key", HEX)]


@pytest.mark.parametrize(
    "text",
    [
        "return token\n",
        "the secret sauce is in utf8ToUnicode16 handling\n",
        "// Access token expired: refreshTokenV2Handler retries\n",
        "# the token a1b2c3d4e5f6a7b8 is reused\n",  # too short to be generated
        f"# sha256 token {HEX}{HEX}\n",  # a hash, named so
        "// Parse the token stream tokenStreamReader2Impl first\n",
    ],
)
def test_round4_lookalikes_kept(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("mongodb+srv://appuser:passW0rd123@prod-cluster.mongodb.net/production", "passW0rd123"),
        ('PG_URI = "postgresql://pguser:s3cur3Pass@db.example.com:5432/app"', "s3cur3Pass"),
        ('MONGO = "mongodb+srv://app:Kx7R@mq2Lw9@cluster0.mongodb.net/db"', "Kx7R@mq2Lw9"),
        ("machine api.example.com login deploy password Zq4xW8mR2vLk", "Zq4xW8mR2vLk"),
        ("machine api.example.com\n  login deploy\n  password Zq4xW8mR2vLk\n", "Zq4xW8mR2vLk"),
    ],
)
def test_passwords_round4(cfg, text, value):
    assert ("password", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "postgres://admin:mypassword@localhost/db",
        "This machine has no password set\n",
        "machine learning password hashing: see passlib\n",
        "https://user@host.example.com/a@b",
    ],
)
def test_round4_password_lookalikes_kept(cfg, text):
    assert [k for k, _ in secrets_in(text, cfg) if k == "password"] == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Bearer: Rk2Vx8mQ4zLp7WnT3cYb9HdJ6s\n", "Rk2Vx8mQ4zLp7WnT3cYb9HdJ6s"),
        (
            "AZURE_DEVOPS_EXT_PAT=Xk4mR8vQ2zLp7WnT3cYb9HdJ6sFg1VtB5nMw0KqE8yUo2AaRiTe4JQQJ99BHACAAAAAXm3kpAAASAZDO7Rtq\n",
            "Xk4mR8vQ2zLp7WnT3cYb9HdJ6sFg1VtB5nMw0KqE8yUo2AaRiTe4JQQJ99BHACAAAAAXm3kpAAASAZDO7Rtq",
        ),
        (
            "sf session 00D5g000004Xk2QEAS!AQ4AQBvT3mZ8kRp2xWq7LnC9sYd4HfJ6gVtB1nMw0KqE8yUo2AaRiTe5Xk4mR8vQ2zLp7WnT3cYb9HdJ6sFg1Vt\n",
            "00D5g000004Xk2QEAS!AQ4AQBvT3mZ8kRp2xWq7LnC9sYd4HfJ6gVtB1nMw0KqE8yUo2AaRiTe5Xk4mR8vQ2zLp7WnT3cYb9HdJ6sFg1Vt",
        ),
        ("GRAFANA=glc_eyJvIjoiNzM5MjEiLCJuIjoiZGVwbG95IiwiayI6Ilg0bTdRIn0=\n", None),
    ],
)
def test_token_shapes_round4(cfg, text, value):
    if value is None:  # base64 padding belongs to the token
        value = "glc_eyJvIjoiNzM5MjEiLCJuIjoiZGVwbG95IiwiayI6Ilg0bTdRIn0="
    assert ("key", value) in secrets_in(text, cfg)


def test_azure_devops_pat_needs_its_markers():
    body = "Xk4mR8vQ2zLp7WnT3cYb9HdJ6sFg1VtB5nMw0KqE8yUo2AaRiTe4"
    good = body + "JQQJ99BHACAAAAAXm3kpAAASAZDO7Rtq"
    assert [h.detector for h in secrets._extra_hits(good)] == ["AzureDevOpsPat"]
    assert "AzureDevOpsPat" not in [h.detector for h in secrets._extra_hits(body + "XQQJ99BHACAAAAAXm3kpAAASAZDO7Rtq")]
    assert "AzureDevOpsPat" not in [h.detector for h in secrets._extra_hits(good + "Q")]  # 85 characters


def test_leet_marks_chosen_passwords():
    assert (
        secret_values._leet("passW0rd123") and secret_values._leet("s3cur3Pass") and secret_values._leet("Pass123!@#")
    )
    assert (
        not secret_values._leet("password123")
        and not secret_values._leet("mypassword")
        and not secret_values._leet("pass1word")
    )
    assert not secret_values._leet("pass_word_1") and not secret_values._leet("Password1")


@pytest.mark.parametrize(
    "text",
    [
        "machine api.example.com login deploy password Zq4xW8mR2vLk\n",
        '"""\nmachine api.wandb.ai\n  login user\n  password 7cc938e45e63e9014f88f811be240ba0395c02dd\n"""\n',
    ],
)
def test_netrc_rule_finds_the_password_itself(text):
    found = [(h.detector, text[h.start : h.end]) for h in secrets.netrc_passwords(text, text.lower())]
    assert found == [("NetrcPassword", text.split("password ")[1].split()[0])]


@pytest.mark.parametrize(
    "text",
    [
        "db_password=kitten42x\n",
        "export MYSQL_ROOT_PASSWORD=kitten42x\n",
        "spring.datasource.password=kitten42x\n",
        "ENV DB_PASSWORD kitten42x\n",
        "credentials:\n  password: kitten42x\n",
        "DB_USER=admin DB_PASS=kitten42x\n",
    ],
)
def test_unquoted_config_literals_are_passwords(cfg, text):
    assert ("password", "kitten42x") in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "login(password=user_pw2)\n",
        "connect(host, password=pw_var1, user=u)\n",
        "password = pw_var1\n",
        "const password = process.env.PW2;\n",
        "e.password=t1}\n",
        "  password: String\n",  # a type (issue 13's ninth round: a word-like YAML value is a password)
    ],
)
def test_unquoted_variables_are_not_passwords(cfg, text):
    assert secrets_in(text, cfg) == []


def test_password_query_parameter_ends_at_ampersand(cfg):
    text = "jdbc:mysql://localhost/authority?user=admin&password=Kitten42xQ&useSSL=false\n"
    assert secrets_in(text, cfg) == [("password", "Kitten42xQ")]


@pytest.mark.parametrize("name", ["GITHUBKEY", "SLACKKEY", "stripekey"])
def test_name_and_key_run_together(cfg, name):
    assert ("key", TOKEN) in secrets_in(f"{name}={TOKEN}\n", cfg)


@pytest.mark.parametrize("name", ["hotkey", "turnkey", "monkey", "sortkey"])
def test_words_ending_in_key_are_not_keys(cfg, name):
    assert secrets_in(f'{name} = "lastModifiedDate2"\n', cfg) == []
    assert secrets._key_name_strength(name) in (None, "weak")
    if name != "sortkey":
        assert secrets._key_name_strength(name) is None
