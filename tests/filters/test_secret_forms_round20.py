"""Round 20: passwords given in sentences, label lines and Markdown tables, a found secret's other spellings on
its line, a project's `<name>_test` database password, and signing keys passed to JWT libraries; each with the
look-alikes it must leave alone (prose about passwords that gives none, placeholders, lookups).

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters.secret_values import is_placeholder, word_literal
from tests.filters.secret_samples import secrets_in, values_in as _values, passwords_in as _passwords


# --- a secret found once is redacted wherever its line spells it again


@pytest.mark.parametrize(
    "text,count",
    [
        ("docker run -e POSTGRES_USER=shopdb_t3st -e POSTGRES_PASSWORD=shopdb_t3st -p 5432:5432 postgres", 2),
        ('\t * "kumquat" Encoded password for jane is "kumquat"', 2),
        (
            "curl --data 'c9a1e0f7b2d84e6a9f3b5c7d1e2f4a6b8c0d2e4f' "
            "-H 'Authorization: Token c9a1e0f7b2d84e6a9f3b5c7d1e2f4a6b8c0d2e4f'",
            2,
        ),
    ],
)
def test_a_found_secret_is_redacted_at_each_spelling_on_its_line(text, count, cfg):
    values = _values(text, cfg)
    assert len(values) == count and len(set(values)) == 1


def test_a_bare_word_password_is_repeated_only_where_quoted(cfg):
    # the user, the host and the database share a default password's word: only the password goes
    assert _values("DATABASE_URL=postgres://kumquat:kumquat@kumquat/kumquat", cfg) == ["kumquat"]
    assert _values("docker run --name kumquat -e POSTGRES_PASSWORD=kumquat kumquat:13", cfg) == ["kumquat"]


def test_repeats_stay_on_the_line_and_whole(cfg):
    text = 'password = "kumquat42"\nprint("kumquat42")\nkumquat42x = 1; a = "kumquat42b"'
    spans = secrets_in(text, cfg)
    assert [v for _, v in spans] == ["kumquat42"]  # the next lines and longer words keep their text


# --- `<project>_test`: a test database's chosen password, not a prefix with a placeholder tail


@pytest.mark.parametrize(
    "text,value",
    [
        ("      - POSTGRES_PASSWORD=quokka_test", "quokka_test"),
        ('      MYSQL_PASSWORD: "bookshelf_test"', "bookshelf_test"),
    ],
)
def test_project_test_passwords_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "STRIPE_SECRET_KEY=sk_test",  # a key prefix with a placeholder tail
        "WEBHOOK_SECRET=whsec_test",
        "  password: app_test",  # a short prefix: still read as one
        "  password: sk_live_short",
    ],
)
def test_prefix_placeholders_are_left(text, cfg):
    assert _values(text, cfg) == []


def test_placeholder_judgements():
    assert not is_placeholder("quokka_test") and word_literal("quokka_test")
    assert is_placeholder("sk_xxxx") and is_placeholder("sk_aaaa1")
    assert not word_literal("whsec_test") and not word_literal("sk_live_sample")


# --- prose: label lines, `password is`, capitalised words where the text marks them, numbered user passwords


@pytest.mark.parametrize(
    "text,value",
    [
        ("Password: user1pass", "user1pass"),
        ("* Password: alice2pwd", "alice2pwd"),
        ("Username: casuser\nPassword: Kumquat", "Kumquat"),  # a user's label line first: a capitalised word too
        ("* Username: `casuser`, Password: Kumquat", "Kumquat"),
        ("Password: `Kumquat`", "Kumquat"),  # backticks mark it
        ("The default password is `Kumquat`.", "Kumquat"),
        ('The default password is "Kumquat".', "Kumquat"),
        ("The default password is Kumquat.", "Kumquat"),
        ("Log in with username `jane` and password `Kumquat`.", "Kumquat"),
        ("The password is: kumquat", "kumquat"),
        ("# password is kumquat", "kumquat"),
        ("The password is kumquat.", "kumquat"),
        ("user: root, pass: kumquat7", "kumquat7"),
    ],
)
def test_prose_passwords_are_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "Password: Account",  # a form's field, a menu or a heading: capitalised words on a bare label line
        "Password: Session",
        "Password: Forgot",
        "Password: Required",
        "Password: Hidden",
        "The password is incorrect.",
        "The password is required.",
        "The password is case-sensitive.",
        "# password is optional",
        "# Password is stored encrypted.",
        "The password is then encrypted.",
        "Password is Required",
        "The default password is Empty.",
        "Password: <your password>",
        "Password: ********",
        "Password: see below",
        "user: root, pass: through",  # a bare `pass` value needs a digit or a symbol
        "user: root, pass: ${PASS}",
        "The password must be at least 8 characters.",
        "the password is stored in the PASSWORD environment variable",
    ],
)
def test_prose_password_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- Markdown tables: the password column of each row


def test_table_password_column_is_redacted(cfg):
    text = (
        "| Username | Password | Role |\n"
        "|----------|:--------:|------|\n"
        "| jane     | kumquat  | admin |\n"
        "| bob      | `Quokka` | user |\n"
        "| carl     | ******** | user |\n"
        "| dan      | required | user |\n"
        "\n"
        "| not | a | row |\n"
    )
    assert _passwords(text, cfg) == ["kumquat", "Quokka"]


@pytest.mark.parametrize(
    "text",
    [
        "| Option | Password |\n|---|---|\n| Basic | Yes |\n| OAuth | supported |",  # a feature matrix
        "| Name | Type | Description |\n|---|---|---|\n| password | string | the password |",  # a field table
        "| User | Password |\n| jane | kumquat |",  # no rule line after the header: not a table
        "| User | Password |\n|---|---|\n| jane | Kumquat |",  # a bare capitalised cell: a word, not marked
        "| User | Password |\n|---|---|\n| jane | `$DB_PASSWORD` |",
    ],
)
def test_table_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- a user and a password named together, then given together


@pytest.mark.parametrize(
    "text,value",
    [
        ("The default username and password are `jane` and `kumquat`.", "kumquat"),
        ("The default username and password are both `kumquat`.", "kumquat"),
        ("Use `kumquat` as both username and password.", "kumquat"),
        (
            "You will set an admin email/password combination. The default values are `admin@example.com` and "
            "`kumquat9`, respectively.",
            "kumquat9",
        ),
    ],
)
def test_user_and_password_pairs_are_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "Enter your username and password in `config.yml` and `secrets.yml`.",
        "The username and password are stored in `USERNAME` and `PASSWORD`.",
        "Pass the username and password (`--user` and `--pass`).",
        "The username/password are read from `$USER` and `$PASS`.",
        "Provide the username and password. See `docs` and `examples`.",  # another sentence, no `respectively`
        "The username and password are `null` and `null`.",
        "The user and password fields are `#user` and `#pass`.",
        "the username and password columns, `name` and `hashed_password`",
    ],
)
def test_user_and_password_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- keys given to JWT libraries


@pytest.mark.parametrize(
    "text,value",
    [
        ("$key = InMemory::plainText('quokka-signing-key-of-32-characters');", "quokka-signing-key-of-32-characters"),
        (
            "$c = Configuration::forSymmetricSigner(new Sha256(), InMemory::base64Encoded('c2lnbmluZy1rZXktZm9yLXF1b2trYTk='));",
            "c2lnbmluZy1rZXktZm9yLXF1b2trYTk=",
        ),
        ("var token = jwt.sign({ foo: 'bar' }, 'k3yb0ardqu0kka');", "k3yb0ardqu0kka"),
        ("const decoded = jwt.verify(token, 'quokka-signing-2021');", "quokka-signing-2021"),
        ('token = jwt.encode({"sub": "1"}, "Xk92mPq7LrT4vNw8ZyB3", algorithm="HS256")', "Xk92mPq7LrT4vNw8ZyB3"),
    ],
)
def test_jwt_library_keys_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "$key = InMemory::file(__DIR__ . '/jwt-key.pem');",
        "$key = InMemory::plainText($secret);",
        "jwt.verify(token, process.env.JWT_SECRET)",
        "jwt.sign(payload, 'secret')",
        "jwt.sign(payload, privateKey, { algorithm: 'RS256' })",
        'jwt.decode(token, options={"verify_signature": False})',
        "myjwt.sign(payload, 'k3yb0ardqu0kka')",  # another object's method of the same name
    ],
)
def test_jwt_library_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


# --- more sentence forms: an owner, `of`, login label lines, `login with`, credentials pairs, prompts


@pytest.mark.parametrize(
    "text,value",
    [
        ("The VM's password is kumquat.", "kumquat"),
        ("the admin user's password is kumquat", "kumquat"),
        ("the password of the admin account is kumquat", "kumquat"),
        ("# Login: jane / kumquat", "kumquat"),
        ("* Credentials: jane/kumquat", "kumquat"),
        ("Use the following credentials: admin / kumquat7", "kumquat7"),
        ("You can login with admin/kumquat7.", "kumquat7"),
        ("Credentials: `jane` / `kumquat`", "kumquat"),
        ("When prompted for a password, enter `kumquat`.", "kumquat"),
        ("At the password prompt, type `Kumquat`.", "Kumquat"),
        ("If asked for the root password, use 'kumquat'.", "kumquat"),
    ],
)
def test_more_prose_forms_are_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "The user's password is hashed with bcrypt.",
        "Each user's password is salted.",
        "The user's password is whatever they chose.",
        "Your account's password is mandatory.",
        "The password of each account is unique.",
        "The password of the user is stored in the database.",
        "# Login: required",
        "- Login: email/password",
        "Login: Google/GitHub",
        "Use the following credentials: admin/wombat",  # a longer head: letters alone may be a path
        "Read about the credentials: docs/setup",
        "Login with google/github.",  # providers: letters alone after `login with`
        "Sign in with Google/Facebook.",
        "Log in and open `settings` / `advanced` tab.",  # no password or credentials word: a menu path
        "When prompted for a password, enter your own.",
        "When prompted for the password, enter the one from `config.yml`.",
        "When prompted for a password, enter `$PASSWORD`.",
        "When asked for the password, use `--password-stdin`.",
        "When prompted for a password, press `Enter`.",
        "You will be prompted for a password. Enter `kumquat`.",  # another sentence
    ],
)
def test_more_prose_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- a config line commented out in C-like, block or HTML comments, as `#` ones already were


@pytest.mark.parametrize(
    "text,value",
    [
        ("// password = kumquat", "kumquat"),
        ("// pwd = kumquat7", "kumquat7"),
        ("/* password = kumquat */", "kumquat"),
        (" * password = kumquat", "kumquat"),
        ("<!-- password = kumquat -->", "kumquat"),
    ],
)
def test_commented_out_config_passwords_are_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "// password = user.password",
        "// password = getPassword();",
        "// password = null",
        '// password = ""',
        "// password = hashed_password",
        "// password = password",
    ],
)
def test_commented_out_code_is_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- other languages' password words on label lines (a Chinese README's `默认密码：admin123`)


@pytest.mark.parametrize(
    "text,value",
    [
        ("密码：kumquat7", "kumquat7"),
        ("默认密码：kumquat7", "kumquat7"),
        ("账号：admin 密码：kumquat7", "kumquat7"),
        ("登录账号：admin，密码：kumquat7", "kumquat7"),
        ("Пароль: kumquat7", "kumquat7"),
        ("contraseña: kumquat7", "kumquat7"),
        ("パスワード: kumquat7", "kumquat7"),
        ("senha: kumquat7", "kumquat7"),
        ("Passwort: kumquat7", "kumquat7"),
    ],
)
def test_other_languages_password_labels_are_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "密码：请输入密码",  # "enter the password": words, not a value
        "密码：******",
        "默认密码为空",  # "the default password is empty"
        "senha: string",
        "Passwort: Ihr Passwort",
        "Пароль: обязательно",
    ],
)
def test_other_languages_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- a setting named, then set: "the password is set to `v`", "Set `ADMIN_PASSWORD` to `v`"; `u` and `p` to log in


@pytest.mark.parametrize(
    "text,value",
    [
        ("The password is set to `kumquat7`.", "kumquat7"),
        ('The admin password was changed to "kumquat".', "kumquat"),
        ("Set `ADMIN_PASSWORD` to `kumquat7`.", "kumquat7"),
        ("Set the `DB_PASSWORD` environment variable to `kumquat7`.", "kumquat7"),
        ("Use `admin` and `kumquat7` to log in.", "kumquat7"),
        ("Sign in with `jane@example.com` and `kumquat7`.", "kumquat7"),
    ],
)
def test_set_to_and_login_pairs_are_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "The password is set to a random value.",
        "The password is set to `$RANDOM`.",
        "Set `ADMIN_PASSWORD` to `changeme`.",
        "Set `ADMIN_PASSWORD` to `${SECRET}`.",
        "Set `PASSWORD_MIN_LENGTH` to `12`.",  # a setting about passwords, not one
        "Set `password_hash` to `bcrypt`.",
        "Set `PASSWORD_RESET_TIMEOUT` to `3600`.",
        "Use `admin` and `kumquat` to log in.",  # joined by `and`: letters alone could be any two names
        "Compare `src` and `lib1234` before you log in.",  # the login verb is not at the pair
        "Install `node` and `npm7` first.",
    ],
)
def test_set_to_and_login_pair_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []
