"""Round 26 (dev sets 2-24; a rule kept only when the labels of most projects agree with it): six or more digits
counted up or down or one digit repeated (`123456`, `654321`, `12345678`, `888888`) are the documented default, a
stand-in like `changeme`, not a password to redact: dev sets label them negative in 32 projects over sets 10-24
(Flink SQL `WITH` options, Spring `${DB_PWD:123456}` defaults, compose files, Redis `--requirepass`) and positive
in two (sets 7 and 9). Other digit passwords (`638291`, `111049`) and word-like defaults stay passwords. Likewise
two lower-case words joined by a hyphen, the second a credential word (`admin-secret`, `zk-pass`, `smtp-secret`),
label themselves: negative in 15 projects over sets 12-24, positive in two (sets 7 and 8); snake case
(`concourse_pass`), leet (`kafka-s3cret`) and other last words (`bookstack-db`) stay passwords. And `foobar`,
`foobaz` (the metasyntactic pair joined up) are stand-ins like `foo` and `bar`: negative in 15 projects over sets
8-24, a password in one (set 7). A JWT's header segment alone (`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`, no payload or
signature) signs nothing: negative in 4 projects over sets 13-21, positive in none.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text",
    [
        # a Flink SQL table's connector options in a quickstart
        "CREATE TABLE orders (id INT) WITH (\n    'connector' = 'mysql-cdc',\n    'password' = '123456',\n);\n",
        # a Spring profile's datasource default behind an environment variable
        "spring:\n  datasource:\n    username: ${DB_USER:root}\n    password: ${DB_PWD:123456}\n",
        # a compose service's root password, with a comment after it
        "      - MYSQL_ROOT_PASSWORD=123456 # the root user's password\n",
        # Redis started with a password on its command line
        "    command: redis-server /etc/redis/redis.conf --requirepass 654321 --appendonly no\n",
        # a Java test constant
        '    private static final String DEFAULT_PASSWORD = "12345678";\n',
        # a YAML password of one digit repeated
        "  password: 888888\n",
        # a Python test fixture's login
        '        self.client.login(username="test_user", password="123456789")\n',
    ],
)
def test_a_run_of_digits_is_a_stand_in(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        # digits that do not count up or down: a chosen (weak) password, as before
        ("CREATE TABLE t (id INT) WITH (\n    'password' = '638291',\n);\n", "638291"),
        ("#   password: 111049\n", "111049"),
        ("      - MYSQL_ROOT_PASSWORD=1234567a\n", "1234567a"),  # a letter after the run: chosen
        ('    private static final String DEFAULT_PASSWORD = "teabag42";\n', "teabag42"),
        ("export REDIS_PASSWORD=sunflower\n", "sunflower"),
    ],
)
def test_other_digit_and_word_passwords_stay(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "value, run",
    [
        ("123456", True),
        ("654321", True),
        ("1234567890", True),
        ("0123456789", True),
        ("987654321", True),
        ("888888", True),
        ("000000", True),
        ("12345", False),  # under six: short values are judged elsewhere
        ("638291", False),
        ("123457", False),
        ("1234567a", False),
        ("112233", False),
    ],
)
def test_digit_run(value, run):
    assert secret_values.digit_run(value) is run


@pytest.mark.parametrize(
    "text",
    [
        # a SASL client's password in a Rust example
        'config.security_sasl_password = "admin-secret".to_string();\n',
        # a Kafka broker's compose environment
        "      KAFKA_INTER_BROKER_PASSWORD: admin-secret\n",
        # a settings fixture in JSON
        '      "smtpPassword": "smtp-secret",\n',
        # a shell profile for a Spring app
        'export SPRING_PORTAL_DATASOURCE_PASSWORD="apollo-password"\n',
        # a ZooKeeper SASL password in a Helm values file
        "      security.zookeeper.sasl.plain.password: zk-pass\n",
    ],
)
def test_a_hyphenated_word_and_credential_word_is_a_stand_in(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("      POSTGRES_PASSWORD: concourse_pass\n", "concourse_pass"),  # snake case: a chosen default
        ('    password: "kafka-s3cret"\n', "kafka-s3cret"),  # leet: typed as a password
        ('    password: "bookstack-db"\n', "bookstack-db"),  # the last word is not a credential word
    ],
)
def test_other_hyphenated_passwords_stay(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text",
    [
        'let password = "foobar";\n',  # a Rust test client
        "      - REDIS_PASSWORD=foobar\n",  # a compose service
        '  user_password = "foobar"\n',  # a Terraform module example
        "    App.rodauth.change_password(account_id: 1, password: 'foobaz')\n",  # a Ruby spec
    ],
)
def test_foobar_is_a_stand_in(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ('let password = "foobar42";\n', "foobar42"),  # digits chosen with it: a password
        ("      - REDIS_PASSWORD=barfoo7\n", "barfoo7"),
    ],
)
def test_foobar_with_more_stays_a_password(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text",
    [
        '    let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";\n',  # a JWT library's header test
        '        "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"\n',  # an HTTP client's header fixture
        '\t\t\t"access_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9",\n',  # RS256, in a Go test table
    ],
)
def test_a_jwt_header_alone_is_not_a_token(cfg, text):
    assert secrets_in(text, cfg) == []


def test_a_whole_jwt_stays_a_token(cfg):
    jwt = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MjcxOSIsIm5hbWUiOiJNaXJhIiwiaWF0IjoxNzAwMDAwMDAwfQ."
        "q3Vb9Xk2Lm7Rt1Yw5Zp8Hs4Jd6Fg0Nc3Bv7Mx2Kl9Qa"
    )
    assert secrets_in(f'    token = "{jwt}"\n', cfg) == [("key", jwt)]


@pytest.mark.parametrize(
    "value, header",
    [
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", True),  # {"alg":"HS256","typ":"JWT"}
        ("eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ", True),  # {"alg":"RS256","kid":"1"}
        ("eyJpc3MiOiJhdXRoMCJ9", False),  # {"iss":"auth0"}: claims, not a header
        ("eyJrIjoiY21sM1JRYjB6RnVYSTNLenRWQkFEaWN2bXI2V202U2IiLCJuIjoiYWRtaW5rZXkiLCJpZCI6MX0=", False),  # Grafana
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9asdf", False),  # does not decode to JSON
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", False),  # a whole token
    ],
)
def test_jwt_header_only(value, header):
    assert secret_values.jwt_header_only(value) is header
