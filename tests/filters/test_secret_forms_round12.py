"""Secret forms added in issue 13's twelfth round, and the look-alikes they must leave alone.

- The label convention written in benchmarks/data/secrets_sources.md (twelfth set): a credential word respelled, leet
  or with digits or symbols added (`P@ssw0rd`, `s3cret`, `password1`, `Password!`) is a chosen weak password; the
  bare word, self-descriptions, instructions and names stay placeholders; values under 6 characters are no secret,
  so five-letter URL passwords (`scott:tiger@`) are left alone.
- The default of a password's own reference (`${POSTGRES_PASSWORD:="airflow"}`).
- Passwords in prose that the text marks as literals: quoted or in backticks after `password is/of/:`, alone on a
  label line (`- Password : airflow`), or generated (`the password 4304d5255378177d`).
- A key's or key store's password (`keyPassword`, `httpsKeyStorePassword`).
- Values in escaped quotes inside another string (`"--password=\\"v\\""`).
- One-case random letters under a strong key name (`"credential_value": "gcperfxrtq…"`).
- A config line commented out (`# smtp_password = airflow`).

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text, value",
    [
        # leet, respelled or suffixed credential words under a password's name
        ('  "password": "P@ssw0rd",\n', "P@ssw0rd"),
        ("SEED_DEFAULT_USER_PASSWORD=s3cret\n", "s3cret"),
        ("      password: 'password1',\n", "password1"),
        ("mongodb://app:password1@mongo:27017/shop\n", "password1"),
        ("cache = 'memcached://user:secret1@10.0.0.5:11211;'\n", "secret1"),
        ("  - SA_PASSWORD=Password!\n", "Password!"),
        ('  administrator_login_password = "AdminPassword123!"\n', "AdminPassword123!"),
        ("    env.sudo_password = 'sikrit'\n", "sikrit"),
        ('String password = "antrikshPass123";\n', "antrikshPass123"),
        # a password's own reference with a default
        (': "${POSTGRES_PASSWORD:="airflow"}"\n', "airflow"),
        ("command: --requirepass '${REDIS_PASS:-letmein1}'\n", "letmein1"),
        # prose marking its value as a literal
        ("Releases before v0.10 have a default username of `admin` and password of `gophish`.\n", "gophish"),
        ("> The default password for all users is `s3cret`.\n", "s3cret"),
        ("- Password : airflow\n", "airflow"),
        ("* **Password**: `vagrant`\n", "vagrant"),
        ('msg="Please login with the username admin and the password 4304d5255378177d"\n', "4304d5255378177d"),
        # a key's or key store's password
        ('ENV JENKINS_OPTS="--httpPort=-1 --httpsKeyStorePassword=Password12"\n', "Password12"),
        ('  key_password = "Xk39sdlq2"\n', "Xk39sdlq2"),
        # escaped quotes inside another string
        ('  not_if "mysql --user=\\"root\\" --password=\\"sploitme\\" --execute=\\"SHOW DATABASES\\""\n', "sploitme"),
        ('payload = "{\\"password\\": \\"Xk2m9q7z\\"}"\n', "Xk2m9q7z"),
        # random letters under a strong key name
        (
            '    "credential_value": "gcperfxrtqymqmluvskxzyiyxxfnjduzncoukyqehkrkamofwz",\n',
            "gcperfxrtqymqmluvskxzyiyxxfnjduzncoukyqehkrkamofwz",
        ),
        # a config line commented out
        ("# Example: smtp_password = airflow\n", "airflow"),
        ("# e.g. db_password = s3cr3tpw\n", "s3cr3tpw"),
    ],
)
def test_round12_secrets(cfg, text, value):
    assert value in [v for _, v in secrets_in(text, cfg)]


@pytest.mark.parametrize(
    "text",
    [
        # placeholders: the bare word, self-descriptions, instructions, names, role descriptions
        '  "password": "password",\n',
        "MYSQL_ROOT_PASSWORD=mysecretpassword\n",
        "KAFKA_SSL_KEYSTORE_PASSWORD=top-secret\n",
        "    - User Objects With Default password (Changeme123!)\n",
        "docker run -e 'SA_PASSWORD=yourStrong(!)Password' -p 1433:1433 mssql\n",
        '  "password": "password_1",\n',
        '{ port: 30001, password: "password-for-30001" },\n',
        '    Password:        "secret-b",\n',
        # five letters: no secret by the convention
        "sqlalchemy.url = postgresql://scott:tiger@localhost/test\n",
        "BROKER_URL = 'rediss://:bosco@vandelay.com:123//1'\n",
        # references without a default, or an alternative value
        'case "${MVNW_PASSWORD:+has-password}" in\n',
        "      - FIRST_SUPERUSER_PASSWORD=${FIRST_SUPERUSER_PASSWORD:?Variable not set}\n",
        "url: ${DB_PASSWORD:-}\n",
        # prose that names no password, or gives a placeholder or a type
        "Password for the root user: python3\n",
        "Set the password to `changeme` before the first start.\n",
        'The password is "required".\n',
        "- Password: Enter your password\n",
        "Password: Encrypted\n",
        "you must pass `--force` to the command\n",
        "The password field is `password_hash`.\n",
        "the password 123456789012 is rejected\n",
        "password hash 5f4dcc3b5aa765d61d8327deb882cf99\n",
        # names that keep a password, not its value
        'passwordKey = "db-password-key1"\n',
        'KEY_PASSWORD_FIELD = "hunter42x"\n',
        # commented code, not a config line
        "# password = user_input\n",
        "# password = getpass()\n",
        "# First pass = determine the order\n",
        # words and runs under key names
        'token = "transformersconfigurationloader"\n',
        'secret_key: "abcdefghijklmnopqrstuvwxyz"\n',
    ],
)
def test_round12_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "value, chosen",
    [
        ("P@ssw0rd", True),
        ("s3cret", True),
        ("passw0rd", True),
        ("password1", True),
        ("password123", True),
        ("Password!", True),
        ("StrongPassw0rd", True),
        ("S0ME_SECRET", True),
        ("sikrit", True),
        ("pa$$word", True),
        ("password", False),
        ("mysecretpassword", False),
        ("top-secret", False),
        ("Changeme123!", False),
        ("yourStrong(!)Password", False),
        ("password_1", False),
        ("DB_PASSWORD", False),
        ("SECRET_KEY1", False),
        ("**password**", False),
        ("password/reset", False),
        ("password-for-30001", False),
        ("pass1", False),  # under 6 characters
    ],
)
def test_suffixed_credential(value, chosen):
    assert secret_values.suffixed_credential(value) is chosen
