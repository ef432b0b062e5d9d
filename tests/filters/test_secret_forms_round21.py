"""Round 21: a connection string's field named by two words (`Certificate Password=v;`), one value given for a
user and a password together in a sentence ("the login and password are `v`", "`u:p`"), a password wrapped in a
type's constructor (`aws.String("v")`), a setter on a page object, and a plural key name's keys in one string; each
with the look-alikes it must leave alone.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import passwords_in as _passwords, values_in as _values


# --- a connection string's field named by two words, ended by `;`


@pytest.mark.parametrize(
    "text,value",
    [
        (
            '\t\t\t"Connection Protocol=Pipe;Pipe Name=MyPipe;SSL Mode=VerifyFull;Certificate File=client.pfx;'
            'Certificate Password=Quok7721;" +',
            "Quok7721",
        ),
        ('\t\t\t\t"certificate password=Quok7721;" +', "Quok7721"),
        ('var cs = "Host=db;SSL Password=wombat93;Database=shop;";', "wombat93"),
    ],
)
def test_a_two_word_connection_field_is_redacted(text, value, cfg):
    assert value in _passwords(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '"Certificate Password=;"',  # empty
        'builder.Append("Certificate Password=" + certPassword + ";");',  # a variable joined in
        "the certificate password=secret; see below",  # prose, no quote or `;` opens the field
        '"Certificate Password=password;"',  # a stand-in
    ],
)
def test_two_word_connection_fields_without_a_literal_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- one value for the user and the password: "the login and password are `v`", "`u:p`"


@pytest.mark.parametrize(
    "text,value",
    [
        ("We have already created a user: the login and password are `quokkabag`.", "quokkabag"),
        (
            "The default username and password are `quokkabag:quokkabag`. For more information, see the image's page.",
            "quokkabag",
        ),
        ("The default user and password is 'numbat42'.", "numbat42"),
        ("Both the username and password are `admin/numbat42`", "numbat42"),
    ],
)
def test_one_value_for_user_and_password_is_redacted(text, value, cfg):
    assert _passwords(text, cfg) == [value]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a pair is _GIVEN_PAIR's: only the second value is the password
        ("The default username and password are `admin` and `numbat42`.", ["numbat42"]),
        ("The username and password are `admin` / `numbat42`.", ["numbat42"]),
        # no value
        ("The username and password are `required` for every request.", []),
        ("The login and password are `<your-password>`.", []),
        ("The username and password are `None` by default.", []),
        # a password alone, no user named first: not this rule's sentence
        ("Make sure the username and the password are set in `config.yml`.", []),
    ],
)
def test_user_and_password_sentences_without_one_value(text, expected, cfg):
    assert _passwords(text, cfg) == expected


# --- a literal wrapped in a type's constructor under a password's name; a setter on a page object


@pytest.mark.parametrize(
    "text,value",
    [
        ('\t\tPassword:         EncryptedData("wombat93"),', "wombat93"),
        ('\tPassword: pulumi.String("Quok7721"),', "Quok7721"),
        ('\tMasterUserPassword: aws.String("Quok7721"),', "Quok7721"),
        ('    db_password = SecretStr("wombat93")', "wombat93"),
        ('let password = String::from("wombat93");', "wombat93"),
        ('    password: Some("wombat93".to_string()),', "wombat93"),
        ('        await loginPage.SetPassword("l33tquok!");', "l33tquok!"),
    ],
)
def test_wrapped_and_set_passwords_are_redacted(text, value, cfg):
    assert _passwords(text, cfg) == [value]


@pytest.mark.parametrize(
    "text",
    [
        'password = os.getenv("DB_PASSWORD")',  # a lookup
        'password: t("Password")',  # a translated label
        'password = SecretStr("changeme")',  # a stand-in
        'Password: aws.String(os.Getenv("DB_PASS")),',  # a variable inside
        'password = get_secret("wombat93")',  # a lookup by name, not a wrapper
        'passwordPage.setText("Enter it here")',  # a page object's text, not a password setter
    ],
)
def test_wrapped_lookups_and_stand_ins_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- a plural key name's keys in one quoted string, separated by spaces


@pytest.mark.parametrize(
    "text,values",
    [
        (
            'ENC_KEYS="Qm9vbTRrZXlzX3dvbWJhdDkzX2Zha2Vf Zm9vYmFyX3F1b2s3NzIxX2Zha2VfeHl6"',
            ["Qm9vbTRrZXlzX3dvbWJhdDkzX2Zha2Vf", "Zm9vYmFyX3F1b2s3NzIxX2Zha2VfeHl6"],
        ),
        (
            "  api_tokens: 'Xk39dkfjq0w9eKdj3lA0qq Pq8sk2Ldk39fjWm20aQzx'",
            ["Xk39dkfjq0w9eKdj3lA0qq", "Pq8sk2Ldk39fjWm20aQzx"],
        ),
    ],
)
def test_spaced_keys_under_a_plural_name_are_redacted(text, values, cfg):
    assert _values(text, cfg) == values


@pytest.mark.parametrize(
    "text",
    [
        'API_KEYS="your_api_key_here another_api_key_here"',  # placeholders
        'SECRET_KEYS="Xk39dkfjq0w9eKdj3lA0qq and_some_words_here_x"',  # one item is words: all or none
        'SSH_KEYS="/etc/ssh/ssh_host_rsa_key /etc/ssh/ssh_host_ed25519_key"',  # paths
        'ENC_KEY="first_key_name second_key_name"',  # a singular name's value with a space is no key
    ],
)
def test_spaced_lists_that_are_not_keys_are_left(text, cfg):
    assert _values(text, cfg) == []


# --- a YAML line commented out, its key a compound password name


@pytest.mark.parametrize(
    "text,value",
    [
        ("    # truststore_password: quokkadb", "quokkadb"),
        ("# spring.datasource.password: numbat", "numbat"),
        ("  #keystore_passphrase: wombatkeys", "wombatkeys"),
        # a compose file's environment commented out: the variable in upper case (lead, stop 33: a syntax probe of
        # dev's found passwords rewritten as `# NAME: v` found 332 of 499, code 457)
        ("      # MYSQL_ROOT_PASSWORD: whalehello", "whalehello"),
        ("#   POSTGRES_PASSWORD: nextcloud", "nextcloud"),
    ],
)
def test_a_commented_config_line_under_a_compound_name_is_redacted(text, value, cfg):
    assert _passwords(text, cfg) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "# Password: required",  # a bare label: prose
        "# first_pass: determine the order",  # no password word; words go on
        "# admin_password: optional",  # a word that says something about it
        "#          jdbc.password: 123456",  # digits alone: a documented stand-in
        "# TODO fix admin_password: quokkadb",  # words before the key: prose, not a commented line
        "# POSTGRES_PASSWORD: required",  # upper case too: a word that says something about it
        "# DB_PASSWORD: 123456",  # digits alone
    ],
)
def test_commented_lines_that_give_no_password_are_left(text, cfg):
    assert _passwords(text, cfg) == []
