"""Secrets: each detector with real-looking positives and the look-alikes that code is full of."""

from __future__ import annotations

import pytest
from secret_samples import FAMILY, SAMPLES, python_module

from repoloom.core.config import section
from repoloom.filters.pii import PiiConfig
from repoloom.pipelines.config import load_config
from repoloom.filters import pii, secrets


def hits(text, cfg):
    return [(f.kind, text[f.start : f.end]) for f in pii.find_pii(text, cfg)]


@pytest.mark.parametrize("kind,secret,line", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_every_sample_is_redacted_whole(cfg, kind, secret, line):
    found = pii.find_pii(line, cfg)
    covering = [f for f in found if f.start <= line.index(secret) and line.index(secret) + len(secret) <= f.end]
    assert covering, (kind, hits(line, cfg))
    assert covering[0].kind == FAMILY[kind]
    assert secret not in pii.apply_redactions(line, found)


def test_samples_module_keeps_code_and_loses_secrets(cfg):
    text = python_module()
    found = pii.find_pii(text, cfg)
    red = pii.apply_redactions(text, found)
    assert not [k for k, s, _ in SAMPLES if s in red]
    assert "def handler_3(request, retries=3):" in red
    assert pii.redacted_share(text, found) < cfg.max_redacted_share


@pytest.mark.parametrize(
    "line,detector",
    [
        ('aws_access_key_id = "AKIAJ5Q7R2XMPL3TNB6V"', "AWSKeyDetector"),
        ('token: "ghs_9fKq2LmZx7WvB4nT1cR8yH3jD6pE0aUoS5iG"', "GitHubTokenDetector"),
        ("GITLAB_TOKEN=glpat-Xk2_9bPq7LmZ-4vRt8Yw", "GitLabTokenDetector"),
        ("slack = 'xoxp-2716354120-2716354121-9fKq2LmZx7WvB4nT1cR8yH3j'", "SlackDetector"),
        ('key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"', "StripeDetector"),
        ("account_sid = 'AC9f3b2c7d1e8a4f6b0c5d9e2a7f1b3c8d'", "TwilioKeyDetector"),
        ("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", "SendGridDetector"),
        ("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs", "DiscordBotTokenDetector"),
        ("mc = '8c2f5e1b9a7d4c3e6f0b1a2d3c4e5f6a-us14'", "MailchimpDetector"),
        ("//registry.npmjs.org/:_authToken=npm_k4Jd8sLq2Xv9Zt6Wm1Pb3Nc7Rf5Hg0Ye2Ua", "NpmDetector"),
        ("const MAPS = 'AIzaSyD4kq9Zx7WvB4nT1cR8yH3jD6pE0aUoS5i';", "GoogleApiKey"),
        ("HF_TOKEN=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", "HuggingFaceToken"),
        ("curl -H 'Authorization: Bearer 9fKq2LmZx7WvB4nT1cR8yH3jD6pE0aUo'", "BearerToken"),
    ],
)
def test_provider_tokens(cfg, line, detector):
    found = pii.find_pii(line, cfg)
    assert [f.detector for f in found] == [detector]
    assert found[0].kind == "key"


@pytest.mark.parametrize(
    "line",
    [
        'EXAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE"',  # AWS's documented example key
        'token = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',  # templated
        "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
        'api_key = "<your-api-key>"',
        "API_KEY = os.environ['API_KEY']",
        'sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',  # a hash
        'uuid = "123e4567-e89b-12d3-a456-426614174000"',
        'SECRET_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"',  # sequential
        "ACCESS = 'ACCOUNT_DISABLED_BY_ADMINISTRATOR'",  # shaped like Twilio's prefix, not random
        "-----BEGIN RSA PRIVATE KEY-----",  # a parser's marker constant, no key body
    ],
)
def test_secret_lookalikes_kept(cfg, line):
    assert hits(line, cfg) == []


def test_jwt_is_validated_and_redacted_with_its_signature(cfg):
    jwt = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ"
        ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    )
    assert hits(f'token = "{jwt}"', cfg) == [("key", jwt)]
    # `eyJ` followed by base64 that is not JSON: not a JWT
    assert hits('blob = "eyJub3QganNvbiBhdCBhbGw.eyJhbHNvIG5vdA.abc"', cfg) == []


def test_private_key_blocks(cfg):
    body = "\n".join(["MIIEowIBAAKCAQEAx2Lm9vJkqB3fT8uQ1wYp7ZrN5cH0dS4gV6aKjX2eW9bL3mR8tP1n"] * 6)
    block = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"
    text = f'KEY = """{block}"""\nprint(KEY)\n'
    assert hits(text, cfg) == [("key", block)]
    escaped = block.replace("\n", "\\n")
    assert hits(f'{{"private_key": "{escaped}\\n"}}', cfg) == [("key", escaped)]
    # no END marker: the base64 lines after the header go
    cut = f"-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\nrest = 1\n"
    assert hits(cut, cfg) == [("key", f"-----BEGIN OPENSSH PRIVATE KEY-----\n{body}")]


@pytest.mark.parametrize(
    "line,value",
    [
        ('db_password = "Hx7!kq29Lm"', "Hx7!kq29Lm"),
        ("DB_PASSWORD=S3cr3t_Pr0d", "S3cr3t_Pr0d"),
        ('"password": "Tr0ub4dor&3x"', "Tr0ub4dor&3x"),
        ("# login as admin, password: Winter2024!", "Winter2024!"),
        ('userPassword := "q8#Lm2xZ9v"', "q8#Lm2xZ9v"),
        ('String pwd = "a9K!mz27Qp";', "a9K!mz27Qp"),
        ('if password == "Hunter22!":', "Hunter22!"),
        ("Server=sql1;Database=orders;User Id=svc;Password=Pr0d!2024x;", "Pr0d!2024x"),
        ("export PGPASSWORD=zX9!wq7Lm2", "zX9!wq7Lm2"),
        ("<password>Silver7961&Hi</password>", "Silver7961&Hi"),
        ('ds.setPassword("KE=09+&!9juP@");', "KE=09+&!9juP@"),
        ("'password' => 'm4Q!zr8Lw2',", "m4Q!zr8Lw2"),
        ("spring.datasource.password=&FD6Ka51O04", "&FD6Ka51O04"),
    ],
)
def test_password_assignments(cfg, line, value):
    assert hits(line, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "line",
    [
        "def login(username, password=None):",
        "self.password = password",
        "password: str = ''",
        "PASSWORD_MIN_LENGTH = 8",
        'password_reset_url = "/accounts/reset/"',
        "password = getpass.getpass('Password: ')",
        "password = os.environ['DB_PASSWORD']",
        'password = "${DB_PASSWORD}"',
        '<input type="password" name="password" placeholder="Password">',
        "'PASSWORD': '',",
        'bypass = "Abc123xyz9"',
        "passed = run(tests)",
        'msg = "wrong password"',
        "password = '********'",
        'check_password("Hunter22!")',
        "WHERE password = @Password",
        "char *p = &password;",
        "<password>${env.DB_PASSWORD}</password>",
    ],
)
def test_password_lookalikes_kept(cfg, line):
    assert hits(line, cfg) == []


@pytest.mark.parametrize(
    "line,value",
    [
        ('DATABASE_URL = "postgres://app:Hx7!kq29Lm@db.acme-corp.io:5432/app"', "Hx7!kq29Lm"),
        ("amqp://guest:s3cR3t%40x9@rabbit.internal-corp.com//", "s3cR3t%40x9"),
        ("https://deploy:Zq8$mL2xV7@git.acme-corp.io/repo.git", "Zq8$mL2xV7"),
    ],
)
def test_url_credentials(cfg, line, value):
    assert hits(line, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "line",
    [
        "postgres://user:password@localhost/db",
        "redis://:${REDIS_PASSWORD}@cache:6379",
        "https://user:<password>@host.io/",
        "https://github.com/apache/beam",
        "s3://bucket/key:part@2x.png",
    ],
)
def test_url_lookalikes_kept(cfg, line):
    assert [k for k, _ in hits(line, cfg) if k == "password"] == []


def test_generic_high_entropy_keys_need_a_secret_name(cfg):
    value = "q7Z2mK9xW4vB8nT1cR5yH3jD6pE0aUoSlGfXk2"
    assert hits(f'client_secret = "{value}"', cfg) == [("key", value)]
    assert hits(f'SIGNING_KEY: "{value}"', cfg) == [("key", value)]
    assert hits(f'font_data = "{value}"', cfg) == []  # no secret-sounding name: data, not a key
    django = "django-insecure-7x$k2!q9z@m4(w8r^v6e#t1y&u3i*o5p-a0s+d_f=g)h"
    assert hits(f"SECRET_KEY = '{django}'", cfg) == [("key", django)]
    for not_a_key in (
        "https://api.acme-corp.io/v2/tokens",
        "%(asctime)s-%(levelname)s",
        "db.acme-corp.io:5432",
        "{user}:{token}@{host}",
        "Authorization-Header-Name",
    ):
        assert hits(f'auth_token = "{not_a_key}"', cfg) == [], not_a_key
    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    assert hits(f'secret_hash = "{digest}"', cfg) == []


def test_rules_switch_off(cfg):
    line = 'db_password = "Hx7!kq29Lm"; t = "ghp_9fKq2LmZx7WvB4nT1cR8yH3jD6pE0aUoS5iG"'
    assert [k for k, _ in hits(line, section(load_config(overrides={"pii": {"passwords": False}}), PiiConfig))] == [
        "key"
    ]
    assert [k for k, _ in hits(line, section(load_config(overrides={"pii": {"providers": False}}), PiiConfig))] == [
        "password"
    ]
    only_aws = section(load_config(overrides={"pii": {"plugins": ["AWSKeyDetector"], "passwords": False}}), PiiConfig)
    assert hits(line, only_aws) == []


def test_real_code_has_no_secret_findings(real_texts):
    """Installed packages' sources hold no credentials: the secret rules must stay quiet on them."""
    cfg = section(load_config(), PiiConfig)
    noisy = [(t[h.start : h.end][:40], h.detector) for t in real_texts for h in secrets.find_secrets(t, cfg)]
    assert noisy == []
