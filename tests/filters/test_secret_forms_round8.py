"""Secret forms added in issue 13's eighth round: passwords of random letters alone (`# pwd: qwhTzkRmoPa`), a
password introduced by words and a colon in a comment or prose (`Password for the staging box: hunter2hunter`),
and two spans made narrower: a comment label before an assignment (`# aws secret: AWS_SECRET_ACCESS_KEY=…`)
leaves the inner name, and `curl -u user:password` leaves the user name. With the look-alikes each must leave
alone: camel-case names, words, versions, algorithm names, prose that names a password without giving one.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import pii
from repoloom.filters.secret_values import random_letters
from tests.filters.secret_samples import secrets_in

LETTERS = "qwhTzkRmoPa"  # 11 random letters, no digit
LOWER = "xkqbzwtrvmnh"  # one case, few vowels
AWS = "Jk3mW9xQ2vLp8RtY5nBz4HcE7uAs1dFg6oKi0ZeX"
PW = "Xk93mPq2Lzw"


@pytest.mark.parametrize(
    "text, value",
    [
        (f"# pwd: {LETTERS}\n", LETTERS),
        (f"    // staging password: {LETTERS}\n", LETTERS),
        (f"# admin pwd: {LOWER}\n", LOWER),
        (f"DB_PASSWORD={LETTERS}\n", LETTERS),  # .env
        (f"password = '{LETTERS}'\n", LETTERS),
        (f'    "password": "{LOWER}",\n', LOWER),
        ("# password: hunter2hunter\n", "hunter2hunter"),  # a comment label, one case with digits
        ("-- db pass: kitten42cat\n", "kitten42cat"),  # SQL comment
    ],
)
def test_random_letter_and_comment_label_passwords(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Password for the staging box: hunter2hunter\n", "hunter2hunter"),
        ("The password: hunter2hunter\n", "hunter2hunter"),
        ("Password for admin: hunter2hunter.\n", "hunter2hunter"),
        (f"Password for the staging box: {LETTERS}\n", LETTERS),
        ("* Password for the demo account: r3dfox77\n", "r3dfox77"),
    ],
)
def test_passwords_introduced_by_words_and_a_colon(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Password for the staging box: see the vault\n",
        "Password for the root user: python3\n",
        "Password hashing: bcrypt12\n",
        "Password for the staging box: hunter2hunter and the rest of the sentence\n",  # not the line's end
        "# password: required\n",
        "# pwd: getUserPassword\n",
        "# password: PasswordField\n",
        "password = someVariableName\n",
        "# TODO: password: check length\n",
        "# pwd: ABCDEFGHIJKL\n",  # letters in order, typed by hand
        "Password reset: v2.1.0\n",
        "the pass: throughput2x\n",  # `pass` is also a verb
        "Login for the staging box: admin42admin\n",  # after `login`, a lone value is the user name
    ],
)
def test_words_and_names_are_not_passwords(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, kind, value",
    [
        (f"# aws secret: AWS_SECRET_ACCESS_KEY={AWS}\n", "key", AWS),
        (f"# db password: DB_PASSWORD={PW}\n", "password", PW),
        (f"    // api token: API_TOKEN={AWS}\n", "key", AWS),
    ],
)
def test_a_comment_label_before_an_assignment_keeps_the_inner_name(cfg, text, kind, value):
    assert secrets_in(text, cfg) == [(kind, value)]
    redacted = pii.apply_redactions(text, pii.find_pii(text, cfg))
    assert text.split("=")[0] in redacted


@pytest.mark.parametrize(
    "text, value",
    [
        (f"curl -u admin:{PW} https://api.acme-corp.io/v1/health", PW),
        (f"curl -s --user 'deploy:{PW}' https://ci.acme-corp.io/hook", PW),
        (f"curl --user kevin:'{PW}' -X PATCH", PW),
        (f"wget --user ops -u backup:{PW} https://dl.acme-corp.io/db.tgz", PW),
    ],
)
def test_curl_user_keeps_the_user_name(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]
    redacted = pii.apply_redactions(text, pii.find_pii(text, cfg))
    user = text.split(f":{PW}")[0].split(":'")[0].rsplit(" ", 1)[-1].strip("'")
    assert user in redacted


def test_random_letters():
    for v in (LETTERS, LOWER, "ZmQpTxWvRk", "bXtQwZrKmPs"):
        assert random_letters(v), v
    for v in (
        "PasswordField",
        "getUserPassword",
        "someVariableName",
        "required",
        "strengthening",
        "XMLHttpRequest",
        "aBcDeFgHiJ",  # alphabet order, typed by hand
        "abcdefghijkl",
        "Qwerty",  # too short
        "qwh7zkRmoPa",  # a digit: not letters alone
    ):
        assert not random_letters(v), v


@pytest.mark.parametrize(
    "text, value",
    [
        (f"ALTER USER app_rw IDENTIFIED BY {PW};\n", PW),  # Oracle, unquoted
        (f"CREATE USER 'app'@'%' IDENTIFIED BY '{PW}';\n", PW),  # MySQL
        (f"CREATE USER 'app'@'localhost' IDENTIFIED WITH mysql_native_password BY '{PW}';\n", PW),
        (f'    cursor.execute("CREATE USER reporting IDENTIFIED BY {PW}")\n', PW),
        (f"$cred = ConvertTo-SecureString -String '{PW}!' -AsPlainText -Force\n", PW + "!"),
        (f'$pw = ConvertTo-SecureString "{PW}" -AsPlainText -Force\n', PW),
    ],
)
def test_sql_and_powershell_passwords(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text",
    [
        "CREATE USER app IDENTIFIED BY :new_password;\n",  # a bind variable
        "ALTER USER app IDENTIFIED BY ${DB_PASS};\n",
        "CREATE USER app IDENTIFIED BY 'password';\n",
        "-- the user is identified by name, not by the key fingerprint\n",
        "CREATE USER app IDENTIFIED EXTERNALLY;\n",
        "$secure = ConvertTo-SecureString $plain -AsPlainText -Force\n",
        "$secure = ConvertTo-SecureString -String $env:DEPLOY_PW -AsPlainText -Force\n",
        "$pw = ConvertTo-SecureString (Get-Content pw.txt)\n",
        "    # If this hint is identified by *NO* sign, this hint is either:\n",  # prose, not a statement
        "# a user identified by kerberos5 principal\n",
    ],
)
def test_sql_and_powershell_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []
