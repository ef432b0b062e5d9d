"""Secret forms added in issue 13's ninth round: a literal under a password's name (or a secret's), in a URL's
userinfo, an SQL statement or on a command line is the password whatever it looks like, word-like defaults
too (`POSTGRES_PASSWORD=nextcloud`, `password: "bluebird"`, `user.password = "638291"`); the default of a
variable (`${DB_PASS:keycloak}`, `os.environ.get("DB_PASSWORD", "lemonade")`); XML element text, an env
assignment inside a string, `--password v`. With the look-alikes each must leave alone: placeholders made of
credential and generic words, variables and templates, names, types, labels, switches and short values.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values, secrets
from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text, value",
    [
        ("      - MARIADB_PASSWORD=wikijs42\n", "wikijs42"),  # compose list, letters and digits (as before)
        ("      - MARIADB_PASSWORD=bookstack\n", "bookstack"),  # compose list, a word
        ("    MYSQL_ROOT_PASSWORD: trombone\n", "trombone"),  # compose mapping
        ("export REDIS_PASSWORD=sunflower\n", "sunflower"),
        ("docker run -d -e POSTGRES_PASSWORD=forgejo -p 5432:5432 postgres:16\n", "forgejo"),
        ("spring.datasource.password=bluebird\n", "bluebird"),  # properties
        ("ENV ADMIN_PASSWORD lighthouse\n", "lighthouse"),  # Dockerfile
        ("password: marmalade\n", "marmalade"),  # YAML
        ('    "password": "bluebird",\n', "bluebird"),  # JSON
        ('user.password = "638291"\n', "638291"),  # digits alone: a weak password, not a placeholder (round 26: a
        # run counted up or down, `654321`, is a stand-in)
        ('let password = "fishbowl";\n', "fishbowl"),  # (round 26: `foobar` is the metasyntactic stand-in)
        ("password: 'pass4321', \n", "pass4321"),  # a credential word with digits chosen with it
        ('user.password_confirmation = "638291"\n', "638291"),
        ('const val DB_PASSWORD = "even-more-hidden"\n', "even-more-hidden"),  # Kotlin
        ('val dbPassword: String = "marmalade"\n', "marmalade"),  # Kotlin, typed
        ('const DB_PASSWORD: &str = "marmalade";\n', "marmalade"),  # Rust, typed
        ("<password>trombone</password>\n", "trombone"),  # XML element text
        ('  <value>"DB_PASSWORD=trombone"</value>\n', "trombone"),  # an env assignment inside a string
        ("wget --ftp-password=kittens ftp://ftp.example.org/pub/\n", "kittens"),
        ("curl --tlspassword s3cretive https://localhost:8443/\n", "s3cretive"),
        ("Server=db;Database=app;User Id=sa;Password=bookstack;\n", "bookstack"),  # ADO.NET
        ("- name: DB_PASSWORD\n  value: bookstack\n", "bookstack"),  # Kubernetes env entry
        ('  - name: POSTGRES_PASSWORD\n    value: "marmalade"\n', "marmalade"),
    ],
)
def test_word_like_passwords_under_a_password_name(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("spring.datasource.password=${DB_PASS:keycloak}\n", "keycloak"),  # Spring default
        ('PGPASSWORD="${PGPASSWORD:-metabase}"\n', "metabase"),  # shell default
        ('db_password = os.environ.get("DB_PASSWORD", "lemonade")\n', "lemonade"),
        ('pw = os.getenv("POSTGRES_PASSWORD", "lemonade")\n', "lemonade"),
        ("define('DB_PASSWORD', 'wpsecret9');\n", "wpsecret9"),  # PHP constant
    ],
)
def test_defaults_of_variables_are_literals(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("DATABASE_URL=postgres://app:marmalade@db:5432/app\n", "marmalade"),
        ("CACHE_URL = 'redis://:hunterpass@cache:6379/0'\n", "hunterpass"),  # no user name
        ("# e.g. amqp://rabbit:carrot99@mq:5672//\n", "carrot99"),
        ("CREATE USER app IDENTIFIED BY 'keystone';\n", "keystone"),
        ("mysql -u root -pmariadb -h 127.0.0.1\n", "mariadb"),
    ],
)
def test_word_like_passwords_in_urls_sql_and_command_lines(cfg, text, value):
    assert ("password", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text, value",
    [
        ("AWS_SECRET_ACCESS_KEY=minioadmin\n", "minioadmin"),
        ("JWT_SECRET: tanglewood\n", "tanglewood"),
        ("   *   clientSecret: 'shhh-dont-tell'\n", "shhh-dont-tell"),
        ('SECRET_KEY = "django-insecure-dev-only"\n', "django-insecure-dev-only"),
    ],
)
def test_word_like_values_under_a_secret_name(cfg, text, value):
    assert secrets_in(text, cfg) == [("key", value)]


@pytest.mark.parametrize(
    "text",
    [
        # placeholders: credential words with generic words only, templates, variables, masks
        "POSTGRES_PASSWORD=mysecretpassword\n",
        "docker run -e MYSQL_ROOT_PASSWORD=my-secret-pw -d mysql:8\n",
        "password: changeme\n",
        'password = "your_password"\n',
        '"password": "new-password",\n',
        '{ port: 6380, password: "password-for-6380" },\n',
        "  password: example\n",
        "  'POSTGRES_PASSWORD': 'unused'\n",
        "REDIS_PASSWORD=${REDIS_PASSWORD}\n",
        "PASSWORD=$DB_PASS\n",
        'password: "{{ vault_db_password }}"\n',
        'password = "%(db_password)s"\n',
        '"password": "<password>"\n',
        "password: xxxxxxxx\n",
        "password: '********'\n",
        "JWT_SECRET: supersecret\n",
        '"secret": "app-secret",\n',
        "CLIENT_SECRET=sk_live_short\n",
        'API_SECRET="abcdefghijklmnopqrstuvwxyz123456"\n',  # typed by hand
        "git clone https://deploy:x-oauth-basic@github.com/acme/app.git\n",
        "url: http://user:password@localhost:8080/\n",
        'MONGO_URL = "mongodb://mongo:${MONGO_PW}@db:27017"\n',
        "password: root\n",  # under six characters
        # names, types, labels and settings
        "password_min_length = 12\n",
        'PASSWORD_FIELD = "password_field"\n',
        'PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]\n',
        "    password: SecretStr\n",
        "    password: Optional[str] = None\n",
        "    self.password = password\n",
        '    "password": "Passwort",\n',  # a translation
        'password = "hashed_password"\n',
        "        aws_secret_key: 'aws_secret_key'\n",  # a field mapped to its name
        "secretName: web-tls\n",  # Kubernetes: the name of a stored secret
        "existingSecret: redis-auth\n",
        "    backward_pass_impl: str = 'triton',\n",  # an algorithm's pass
        "        # First pass: determine maximum length of long option names\n",
        "    askPassSetInConfig: config?.core?.askpass !== undefined,\n",
        # switches and flags that take no password
        "RUN adduser --system --disabled-password appuser\n",
        "echo $TOKEN | docker login --password-stdin ghcr.io\n",
        "Use --password to set the password.\n",
        "information can be provided via the --username and --password options\n",  # prose naming flags
        "    <password>proxypass</password>\n",  # a role and a credential word
        '        self.challenge["pw-algorithm"] = self.challenge.get("pw-algorithm", "SHA-1")\n',
        "    'pass': 'bandpass',\n",  # a filter's kind
        "    secret_string='version_name:foo',\n",  # a reference
        "tornado.httpclient.HTTPRequest.auth_password: attribute\n",  # an API inventory
        "connect(host, password=pw_value)\n",
        "    password=pw_value\n",  # a call's last keyword argument on its own line
    ],
)
def test_placeholders_names_and_switches_are_not_passwords(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "value, word",
    [
        ("petclinic", True),
        ("638291", True),
        ("123456", False),  # round 26: a run of digits is the documented stand-in
        ("s3cr3t", True),
        ("ungithubbed-secret", False),  # round 26: `<word>-secret` in lower case labels itself
        ("nyuknyuknyuk", True),  # a word three times over is still chosen
        ("mysecretpassword", False),
        ("Test-Pass1", True),  # round 12: a credential word with a digit added is a chosen password
        ("db_pass", False),
        ("asdfasdfasdfasdfasdf", False),  # typed by hand
        ("DB_PASSWORD_FILE", False),
        ("PasswordHasher", False),
        ("secret.txt", False),
        ("1.2.3", False),
        ("admin@example.com", False),
        ("guest", False),  # under six characters
    ],
)
def test_word_literal(value, word):
    assert secret_values.word_literal(value) is word


@pytest.mark.parametrize(
    "name, strong",
    [("PGX_SSL_PASSWORD", True), ("DB_PASS", True), ("mysqlpass", True), ("backward_pass_impl", False)],
)
def test_word_key(name, strong):
    assert secrets._word_key(name) is strong
