"""Round 19: chosen passwords the value checks took for stand-ins or names, password names the name checks refused,
and passwords that a call, a command or an SQL row takes by position; each with the look-alikes it must leave alone.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters.secret_names import _is_password_key, occurrences
from repoloom.filters.secret_values import stand_in, suffixed_credential, word_literal
from tests.filters.secret_samples import values_in as _values, passwords_in as _passwords


# --- chosen passwords: a credential word numbered, respelled by case; generic words with digits or joined up


@pytest.mark.parametrize(
    "text,value",
    [
        ('        let password_2 = "password_1234"', "password_1234"),
        ("DB_PASSWORD=secret_2024", "secret_2024"),
        ('      password        = "PaSsWoRd"', "PaSsWoRd"),
        ("  admin_password: SeCrEt", "SeCrEt"),
        ('    const secret = "testing123";', "testing123"),
        ("POSTGRES_PASSWORD: Tester2024!", "Tester2024!"),
        ("   CREATE USER test_user WITH PASSWORD 'testing';", "testing"),
        ("    export swiftusertest1_password=testuser", "testuser"),
        ('    "password": "testtest",', "testtest"),
    ],
)
def test_chosen_word_passwords_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        'password_field = "password_1"',  # a name's variant, numbered by one digit
        'let password_2 = "password_12"',
        "  password: PassWord",  # one capital inside: a camel-case name, not a respelling
        '  password = "PASSWORD"',
        'secret = "dummy12"',  # an instruction word with digits
        'secret = "token123"',  # a credential word with digits is judged by suffixed_credential, not here
        "  password: supersecure",  # words that describe the password stand in for it
        "  password: strongpass",
        "DB_PASSWORD=database",  # one generic word alone: a reference or a mode as often
        "  password: service",
        "ZULIP__POSTGRES_PASSWORD=postgres_password",  # the value repeats its name
        'System.setProperty("javax.net.ssl.trustStorePassword", "password-to-keystore");',  # describes itself
        "secret: secret_for_app",
    ],
)
def test_stand_in_words_are_left(text, cfg):
    assert _values(text, cfg) == []


def test_value_judgements():
    assert suffixed_credential("password_1234") and not suffixed_credential("password_12")
    assert suffixed_credential("PaSsWoRd") and suffixed_credential("pAsSwOrD") and not suffixed_credential("PassWord")
    assert word_literal("testing123") and word_literal("testuser") and word_literal("testing")
    assert not word_literal("example123") and not word_literal("supersecure") and not word_literal("database")
    assert stand_in("password-to-keystore") and stand_in("key-of-life") and not stand_in("password-for-30001x")


# --- password names: misspelt, and environment names with a check/api word before the password word


@pytest.mark.parametrize(
    "text,value",
    [
        ("      - PGPOOL_SR_CHECK_PASSWORD=repmgrpassword", "repmgrpassword"),
        ("      - LOCAL_HANA_PASSSWORD=SQLPad1!", "SQLPad1!"),
        ("DB_PASSOWRD=k1ttenPaws", "k1ttenPaws"),
        ('API_GATEWAY_PASSWORD = "Pa$$4Vendor_1"', "Pa$$4Vendor_1"),
        ("HEALTHCHECK_API_PASSWORD=s3cr3tpw9", "s3cr3tpw9"),
    ],
)
def test_password_names_are_read(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "check_password=repmgrpassword",  # code: a function's name
        "passwordCheck: strongPasswordRule",
        "verify_password = make_verifier(hasher)",
    ],
)
def test_password_function_names_are_left(text, cfg):
    assert _passwords(text, cfg) == []


def test_name_judgements():
    assert _is_password_key("PGPOOL_SR_CHECK_PASSWORD") and _is_password_key("LOCAL_HANA_PASSSWORD")
    assert not _is_password_key("check_password") and not _is_password_key("passwordCheck")
    assert not _is_password_key("PASSWORD_CHECK")  # the stop word after the password word still says "not a value"


# --- passwords by position: DB connections, Django's create_user, Go DSNs, chpasswd, SQL INSERT rows


@pytest.mark.parametrize(
    "text,value",
    [
        ('$conn = mysqli_connect("localhost", "root", "r00tPw!x", "mydb");', "r00tPw!x"),
        ("$mysqli = new mysqli('localhost', 'wpuser', 'wp9pass', 'my_db');", "wp9pass"),
        ("$pdo = new \\PDO('mysql:host=localhost;dbname=test', 'root', 'rootpw99');", "rootpw99"),
        ("$conn = new PDO($dsn, $user, 'sploitme');", "sploitme"),
        (
            'Connection conn = DriverManager.getConnection("jdbc:mysql://localhost/test", "root", "root123");',
            "root123",
        ),
        ('db = MySQLdb.connect("localhost","testuser","test123","TESTDB" )', "test123"),
        ("User.objects.create_user('john', 'lennon@thebeatles.com', 'johnpassword')", "johnpassword"),
        ("User.objects.create_superuser('admin', 'admin@example.com', 'adminpass')", "adminpass"),
        ('db, err := sql.Open("mysql", "root:root123@tcp(127.0.0.1:3306)/db")', "root123"),
        ("RUN echo 'root:Docker!' | chpasswd", "Docker!"),
        ('echo "${USER}:ubuntu22" | sudo chpasswd', "ubuntu22"),
        ("GRANT ALL PRIVILEGES ON *.* TO 'wp'@'%' IDENTIFIED BY 'wp12345';", "wp12345"),
        ("INSERT INTO users (name, password) VALUES ('admin', 'admin123');", "admin123"),
        (
            "INSERT INTO `users` (`id`, `username`, `password`, `email`) VALUES\n"
            "  (1, 'admin', 'Adm1nPass', 'a@example.com'),\n  (2, 'bob', 'b0bsecret', 'b@example.com');",
            "b0bsecret",
        ),
        ("influx -username admin -password admin123", "admin123"),
        ('props.put("password", "hunter22");', "hunter22"),
        ('os.environ.setdefault("DB_PASSWORD", "hunter22")', "hunter22"),
        ('container.withEnv("POSTGRES_PASSWORD", "pgTest99")', "pgTest99"),
        ('os.Setenv("DB_PASSWORD", "gopher99")', "gopher99"),
        ("const sequelize = new Sequelize('app', 'root', 'seqpass99', { dialect: 'mysql' });", "seqpass99"),
    ],
)
def test_positional_passwords_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "$conn = mysqli_connect($host, $user, $pass, $db);",  # variables, no literal
        "$mysqli = new mysqli('localhost', 'my_user', 'my_password', 'my_db');",  # the manual's stand-ins
        'x = foo.connect("localhost", "root", "root1234");',  # not a known connect call
        "x = renew mysqli('a', 'b', 'ccccccc9');",
        'printf("%s", mysqli_connect_error());',
        'dsn := "user:password@tcp(127.0.0.1:3306)/dbname?charset=utf8mb4"',  # the docs' stand-in
        'RUN echo "root:root" | chpasswd',  # short
        "RUN echo 'root:$ROOT_PW' | chpasswd",  # a variable
        "INSERT INTO users (id, username, password_hash) VALUES (1, 'admin', 'xyzzy12345');",  # a hash's column
        "INSERT INTO users (id, username, password) VALUES (1, 'admin', md5('admin123x'));",  # not a plain literal
        "INSERT INTO users (id, username, password) VALUES "
        "(1, 'admin', '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy');",  # bcrypt
        "INSERT INTO users (id, username, password) VALUES (1, 'admin', '21232f297a57a5a743894a0e4a801fc3');",
        "INSERT INTO users (id, name) VALUES (1, 'hunter22x');",  # no password column
        "the -password option sets it",
        "  -password string",
        'params.put("password", password);',
        'm.put("passwordField", "Passwort");',
        'form.set("password", "new-password");',
        "The user is identified by the grant to 'x'@'y' in the log",
    ],
)
def test_positional_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []


def test_derived_hints_match_a_scan():
    low = "new key = cred; credentials(x) oauth2client newkey new key secretkey; set_access_token(a) chpasswd pass"
    for stem in ("credential", "oauth2client", "new key", "secretkey", "set_access_token", "oauthhandler", "chpasswd"):
        expected, i = [], low.find(stem)
        while i >= 0:
            expected.append(i)
            i = low.find(stem, i + 1)
        assert occurrences(low, stem) == expected


# --- Markdown bold marks a password in prose as backticks do


@pytest.mark.parametrize(
    "text,value",
    [
        ("You can log in with the username **demo** and password **demo1234**.", "demo1234"),
        ("- Password: **KoelIsCool**", "KoelIsCool"),
        ("The admin password is **Adm1n!23**", "Adm1n!23"),
    ],
)
def test_bold_prose_passwords_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "Set the password **before** starting the server.",  # stress on a word
        "Change the password **immediately**.",
        "The password **must** be at least 8 characters.",
        "**Password**: **required**",
        "Reset your password **every 90 days**",
        "new Sequelize('database', 'username', 'password', {",  # the docs' stand-ins
    ],
)
def test_bold_words_are_left(text, cfg):
    assert _passwords(text, cfg) == []


# --- keys in a known place: an Azure SAS signature after `sv=`, WordPress' secret keys and salts


@pytest.mark.parametrize(
    "text,value",
    [
        (
            "https://acct.blob.core.windows.net/c?sv=2021-06-08&ss=b&srt=sco&sp=rwdlac&se=2030-01-01"
            "&sig=Xk9mPq2vRt5wYz8bNc3dLf6gHj7KxX9mPq2vRt5w%3D",
            "Xk9mPq2vRt5wYz8bNc3dLf6gHj7KxX9mPq2vRt5w%3D",
        ),
        (
            "BlobEndpoint=https://x.blob.core.windows.net/;SharedAccessSignature=sv=2020-08-04&ss=b&srt=sco&sp=rl"
            "&se=2030-01-01T00:00:00Z&sig=k8Yq2Zp4Rw7Tn1Vm5Xc3Lb9Hd6Fg0Js2Ka8Qe4Wu7Io%3D",
            "k8Yq2Zp4Rw7Tn1Vm5Xc3Lb9Hd6Fg0Js2Ka8Qe4Wu7Io%3D",
        ),
        ("define('NONCE_SALT', 'Xk9mPq2v|Rt5wYz8b<Nc3dLf6g>Hj7K;xX9m');", "Xk9mPq2v|Rt5wYz8b<Nc3dLf6g>Hj7K;xX9m"),
        ("define('AUTH_KEY', 'f@Q3 8k|xZ)2=p!Vd#Lm9^R{wT4yH7*sB1nGj');", "f@Q3 8k|xZ)2=p!Vd#Lm9^R{wT4yH7*sB1nGj"),
    ],
)
def test_placed_keys_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "https://x/?sv=2021-06-08&sig=<signature>",
        "https://example.com/api?sig=Xk9mPq2vRt5wYz8bNc3dLf6gHj7KxX9mPq2vRt5w",  # no SAS version before it
        "define( 'AUTH_SALT',        'put your unique phrase here' );",  # wp-config-sample
        "define('AUTH_KEY', 'abcdefghijklmnopqrstuvwxyz0123456789');",
        "define('WP_CACHE_KEY_SALT', 'example.com');",
    ],
)
def test_placed_key_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


# --- prose: a default given after `defaults to` or bare in the note's parentheses; a user/password pair in backticks


@pytest.mark.parametrize(
    "text,value",
    [
        ("The admin password defaults to `admin1234`.", "admin1234"),
        ("It asks for the root password (default: toor1234).", "toor1234"),
        ("Log in with `admin` / `admin123`.", "admin123"),
        ("Use `admin`/`Gopher!9` to sign in.", "Gopher!9"),
        ("Default credentials: `admin` / `s3cret99`", "s3cret99"),
    ],
)
def test_prose_defaults_and_pairs_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "The password defaults to none.",
        "The password defaults to the user name.",
        "--password (default: $DB_PASSWORD)",
        "password (default: changeme)",
        "Copy `src`/`lib1234` into place.",  # no login word on the line
        "Log in and open `settings` / `advanced` tab.",  # a menu path
        "Sign in, then go to `Admin` / `UserManagement`.",
        "Sign in with `user` / `password`.",
    ],
)
def test_prose_default_lookalikes_are_left(text, cfg):
    assert _passwords(text, cfg) == []
