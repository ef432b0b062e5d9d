"""Round 24 (rules kept only when they fix dev misses of three projects in two sets, negatives not rising; the
twenty-third set's misses read first, as it was never tuned on): a word-like password in a named `Authorization:
Basic` header once a user comes with it (`admin:public`, `aladdin:opensesame`); a password given after a comma that
closes a line about one login (`# eg: tom has role [user], password is quokkabeat`, `(username: postgres, password:
pgpass)`); each with the look-alikes it must leave alone.

All secret values here are fakes made for this file (the base64 pairs encode made-up logins).
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import passwords_in as _passwords


# --- a named Basic header whose decoded password is a word: redacted once a user is there


@pytest.mark.parametrize(
    "text,value",
    [
        # curl in a README: `admin:quokkamq`
        ("curl -i --header 'Authorization: Basic YWRtaW46cXVva2thbXE=' \\", "YWRtaW46cXVva2thbXE="),
        # a REST example with a body after the header: `root:wombatdata`
        (
            "curl -H 'Authorization: Basic cm9vdDp3b21iYXRkYXRh' -d 'show databases;' 192.168.1.93:6041/rest/sql",
            "cm9vdDp3b21iYXRkYXRh",
        ),
        # a Scaladoc comment naming the proxy's header: `aladdin:opensesame`
        ("   * Proxy-Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l", "YWxhZGRpbjpvcGVuc2VzYW1l"),
    ],
)
def test_a_word_password_in_a_named_basic_header_is_redacted(text, value, cfg):
    assert _passwords(text, cfg) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Authorization: Basic OnF1b2trYW1x",  # `:quokkamq`: no user, so a word is not enough
        "Authorization: Basic dXNlcjpwYXNzd29yZA==",  # `user:password`: a stand-in
        "Authorization: Basic YWRtaW46Y2hhbmdlbWU=",  # `admin:changeme`: a stand-in
        "Authorization: Basic YWRtaW46YWRtaW4=",  # `admin:admin`: too short to tell
        "Authorization: Basic dXNlcjp5b3VyLXBhc3N3b3Jk",  # `user:your-password`: a stand-in
        '        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==".parse().unwrap(),',  # RFC 7617's `open sesame`: a phrase
        "Authorization: Basic <base64 of user:password>",  # a template
    ],
)
def test_basic_header_look_alikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- `…, password is v` / `…, password: v`: the second half of a line about one login


@pytest.mark.parametrize(
    "text,value",
    [
        # an access-control sample config's comments: the account and its roles, then its password
        ("# eg: bob has role [user], password is quokkabeat", "quokkabeat"),
        ("    # eg: admin has role [admin,user], password is quokkabeat", "quokkabeat"),
        ("# eg: lisa has role3, password is wombat123", "wombat123"),
        # a README's list of test services: the login in a parenthesis
        ("- MySQL localhost:3306 (username: root, password: quokkadb)", "quokkadb"),
    ],
)
def test_a_password_after_a_comma_closing_a_login_line_is_redacted(text, value, cfg):
    assert _passwords(text, cfg) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "If unset, password is generated.",  # says how the password comes about
        "By default, password is empty.",
        "In this mode, password is optional",
        "For single sign-on, password is ignored.",
        "# for each user, password is hashed",
        "# if the key is missing, password is None",
        "# eg: tom has role [user], password is changeme",  # a stand-in
        "For the demo, password is quokka42x, and user is admin.",  # the value does not close the line
        "- PostgreSQL localhost:5432 (username: postgres, password: ${PG_PASSWORD})",  # a template
        "- PostgreSQL localhost:5432 (username: postgres, password: <your password>)",
        "    username: String, password: String",  # types
        "  user: Mapping[str, str], password: SecretStr",
    ],
)
def test_comma_login_look_alikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []
