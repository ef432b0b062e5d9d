"""Secret forms added in issue 13's fourteenth round, and the look-alikes they must leave alone.

- Keys: the default of a key-named variable's reference (`${API_KEY:-…}`), a credential word respelled under a
  token's or key's name (`token: T0pS3cr3t`), key material decoded by `hex("…")`/`atob("…")`, names opened by
  `secret` and closed by `key` with a stop word between (`secretHashKey`).
- Passwords: one capitalised word quoted or as an element's text under a password's name (`Wombat`), `-D`/`-P`
  property flags, openssl's `pass:<pw>` and keytool's `-storepass`, a user and a password passed to basic auth or a
  credential object, a comma-separated option list (`addr=:6379,password=…,db=0`), an option's description that ends
  with the password word and gives its default, and `$`-for-`s` words quoted in prose.
- Two bugs: an unquoted value ends at a closer whose opener stands before it (a Markdown link's `)](`), and the
  positional rule tries a second e-mail address after rejecting it as the first one's password.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text, value",
    [
        # keys
        ("API_KEY=${API_KEY:-letmein99}\n", "letmein99"),
        ('  api_token: "${API_TOKEN:-q7Rt2xLm9KpW4vZn}"\n', "q7Rt2xLm9KpW4vZn"),
        ("auth:\n    token: T0pS3cr3t\n", "T0pS3cr3t"),
        ('  "apiKey": "passw0rd",\n', "passw0rd"),
        ('val secretHashKey = hex("6819b57a326945c1968f4523658a")\n', "6819b57a326945c1968f4523658a"),
        ('const apiKey = atob("k3J9dXp2QmR0Znl1ZWxkc2Fma2xq");\n', "k3J9dXp2QmR0Znl1ZWxkc2Fma2xq"),
        # passwords: capitalised words as literals, property flags
        ("      <cluster-password>Wombat</cluster-password>\n", "Wombat"),
        ("casAdminPassword: 'Mellon'\n", "Mellon"),
        ('let adminPassword: String = "Monkey"\n', "Monkey"),
        ("    ./gradlew test -Pduct.password=Mellon\n", "Mellon"),
        ("mvn verify -Dapp.db.password=kitten42 -DskipTests\n", "kitten42"),
        # command lines
        ("  openssl pkcs12 -export -password pass:rocket -in cert.pem \\\n", "rocket"),
        ("openssl rsa -in key.pem -passin pass:hunter22 -out plain.pem\n", "hunter22"),
        ("keytool -genkey -alias app -storepass kitten42 -keypass s3cretkey -keystore app.jks\n", "kitten42"),
        ("keytool -genkey -alias app -storepass kitten42 -keypass s3cretkey -keystore app.jks\n", "s3cretkey"),
        # user and password by position
        ('    val credential = basic("jesse", "password1")\n', "password1"),
        ('r = requests.get(url, auth=("admin", "kitten42"))\n', "kitten42"),
        ('auth = HTTPBasicAuth("user", "s3cr3tpw")\n', "s3cr3tpw"),
        ('req.SetBasicAuth("admin", "hunter22")\n', "hunter22"),
        ('client.get(url).basic_auth("bob", Some("bobpass99"))\n', "bobpass99"),
        ('var cred = new NetworkCredential("svc", "Winter2024!");\n', "Winter2024!"),
        ('new PasswordAuthentication("u", "pa55word".toCharArray())\n', "pa55word"),
        ("login('ops@example.com', 'cc@example.org', 'Tr0ub4dor9')\n", "Tr0ub4dor9"),
        ('  "shutdown_command": "echo \'vagrant\' | sudo -S shutdown -P now",\n', "vagrant"),
        ('echo "Hunter22x" | docker login -u me --password-stdin registry.example.com\n', "Hunter22x"),
        ("echo kitten42 | passwd --stdin bob\n", "kitten42"),
        ("htpasswd -b -c /etc/nginx/.htpasswd admin gocubsgo\n", "gocubsgo"),
        ("htpasswd -nb admin gocubsgo\n", "gocubsgo"),
        ("net user admin Tr0ub4dor9 /add\n", "Tr0ub4dor9"),
        ("rabbitmqctl add_user admin gocubsgo\n", "gocubsgo"),
        ('redis-cli -h cache -p 6379 -a "Tr0ub4dor9" info\n', "Tr0ub4dor9"),
        ("mongo -u admin -p gocubsgo --authenticationDatabase admin\n", "gocubsgo"),
        # config directives alone on their line, C arrays of characters
        ("requirepass gocubsgo\n", "gocubsgo"),
        ("masterauth gocubsgo\n", "gocubsgo"),
        ("vrrp_instance VI_1 {\n    authentication {\n        auth_pass Tr0ub4dor9\n    }\n}\n", "Tr0ub4dor9"),
        ('const char PASSWORD[] = "gocubsgo";\n', "gocubsgo"),
        ('static const char api_key[33] = "q7Rt2xLm9KpW4vZn8c";\n', "q7Rt2xLm9KpW4vZn8c"),
        # files of a known layout: Windows answer files, .pgpass lines
        ("          <Password><Value>gocubsgo</Value><PlainText>true</PlainText></Password>\n", "gocubsgo"),
        ("<AdministratorPassword>\n  <Value>Tr0ub4dor9</Value>\n</AdministratorPassword>\n", "Tr0ub4dor9"),
        ('echo "localhost:5432:mydb:admin:gocubsgo" > ~/.pgpass\n', "gocubsgo"),
        ("# ~/.pgpass\n*:*:*:replicator:Tr0ub4dor9\n", "Tr0ub4dor9"),
        # option lists and prose
        ("; - redis: network=tcp,addr=:6379,password=macaron,db=0,pool_size=100\n", "macaron"),
        ('dsn = "host=db,user=app,password=s3cretive,port=5432"\n', "s3cretive"),
        ("| `admin.password` | The administrator password. The default is `artemis`. |\n", "artemis"),
        ('  --admin-password  Admin password (default: "kitten42")\n', "kitten42"),
        ('# example, a password of "super$ecure" would need to be entered as\n', "super$ecure"),
        ("The default login is admin / gocubsgo.\n", "gocubsgo"),
        ("Default credentials: admin/gocubsgo\n", "gocubsgo"),
        ("Username: admin Password: gocubsgo\n", "gocubsgo"),
        ("* user: root, password: vagrant\n", "vagrant"),
        ("The following steps assume you used `gocubsgo` as password.\n", "gocubsgo"),
        ('Use "kitten42" as the admin password.\n', "kitten42"),
    ],
)
def test_round14_secrets(cfg, text, value):
    assert value in [v for _, v in secrets_in(text, cfg)]


def test_markdown_link_ends_an_unquoted_value(cfg):
    text = "[![codecov](https://codecov.io/gh/a/b/branch/main/graph/badge.svg?token=G7pQ2LxK9e)](https://x.io/a)\n"
    assert [v for _, v in secrets_in(text, cfg)] == ["G7pQ2LxK9e"]
    text = "See [the docs](https://x.io/a?api_token=Zx9Qw3Er7Ty1Ui5Op2As) for more.\n"
    assert [v for _, v in secrets_in(text, cfg)] == ["Zx9Qw3Er7Ty1Ui5Op2As"]


def test_symbol_passwords_still_run_past_their_own_brackets(cfg):
    text = "api_token = m{{h}o)p${e]nob(ody[finds>-_$#thisone}}\n"
    assert [v for _, v in secrets_in(text, cfg)] == ["m{{h}o)p${e]nob(ody[finds>-_$#thisone}}"]


@pytest.mark.parametrize(
    "text",
    [
        # markdown badges with a stand-in, references without a default, placeholders as defaults
        "[![codecov](https://codecov.io/gh/a/b/branch/main/graph/badge.svg?token=TOKENTOKEN)](https://x.io/a)\n",
        "api_key: ${API_KEY:-changeme}\n",
        "TOKEN=${TOKEN:-}\n",
        "token = ${TOKEN:-token_value}\n",
        'index_key = hex("0123456789abcdef0123")\n',
        "val signKey = hex(0x1234)\n",
        'secret_name_key = "db_credentials"\n',
        # capitalised words that name a type or a scheme
        "password: String\n",
        'password_type = "Plaintext"\n',
        '"password": "Hidden"\n',
        "label: 'Password'\n",
        'password = "Secure"\n',
        # translations: a label in another language, a country's name under its code
        '    "password": "Contrasenya",\n',
        '  "PW": "Palaos",\n',
        'confirmPassword: "Confirmer"\n',
        # a template's name that reads like a shell default
        "  username: ${secret-credentials-github-username}\n",
        # flags without a literal
        "openssl pkcs12 -in a.p12 -passout pass: -nokeys\n",
        "openssl rsa -in k.pem -passin env:KEY_PASSWORD\n",
        "openssl rsa -in k.pem -passin pass:$PW\n",
        'keytool -list -storepass "${STOREPASS}"\n',
        "java -Dpassword=${PW} -jar app.jar\n",
        # pairs without a literal password
        'auth=("user", "password")\n',
        "HTTPBasicAuth(user, pw)\n",
        'basic("ab", "Hello world")\n',
        # code, not an option list
        "f(user=u,password=pw_value,db=0)\n",
        # prose about a password's default, not a password
        "Length of the password. The default is `12345678`.\n",
        "Used to hash the password. The default is `pbkdf2_sha256`.\n",
        "The password hasher. The default is `argon2id`.\n",
        "The admin password. The default is `changeme`.\n",
        'the password of "abc$PASSWORD"\n',
        # answer files Windows scrubbed or left empty, .pgpass's own header
        "<Password><Value>*SENSITIVE*DATA*DELETED*</Value></Password>\n",
        "<Password>\n  <Value>UABhAHMAcwB3AG8AcgBkAA==</Value>\n</Password>\n",
        "# pgpass: hostname:port:database:username:password\n",
        # command lines without a literal password
        'echo "$PW" | docker login --password-stdin\n',
        'echo "$(cat pw.txt)" | sudo -S ls\n',
        "htpasswd -c /etc/nginx/.htpasswd admin\n",
        "net user admin * /add\n",
        "rabbitmqctl add_user $RABBIT_USER $RABBIT_PASS\n",
        "mongosh -u admin -p\n",
        # lines that are not directives: a word, a label in prose, a reference
        "bypass something\n",
        "Password gocubsgo\n",
        "  requirepass ${REDIS_PASSWORD}\n",
        # arrays that are not declared with a character type: PHP appends to a list
        "$db_pass[] = 'm{{h}o)p${e]nob(ody[finds>-_$#thisone}}';\n",
        "password[i] = c;\n",
        # prose about logins without a default pair
        "The login is handled by admin/settings.\n",
        "Credentials: foo/bar\n",
        "Username: admin Password: required\n",
        "Use `--password` as the password flag.\n",
    ],
)
def test_round14_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []


def test_shared_stem_offsets_follow_the_text():
    """The rules share each stem's offsets per text: a cache keyed by the text object, never by its content."""
    from repoloom.filters.secret_names import occurrences

    a, b = "pass x pass", "xx pass"
    assert occurrences(a, "pass") == [0, 7]
    assert occurrences(b, "pass") == [3]
    assert occurrences(a, "pass") == [0, 7]
    c = "".join(["pa", "ss pass"])  # equal content, another object
    assert occurrences(c, "pass") == [0, 5]
    assert occurrences(b, "pass") == [3]


def test_threads_scan_their_own_texts(cfg):
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"requirepass Tr0ub4dor{n}\nredis-cli -a gocubsgo{n} ping\n" * 50 for n in range(8)]
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda t: sorted({v for _, v in secrets_in(t, cfg)}), texts * 3))
    assert found == [sorted({f"Tr0ub4dor{n}", f"gocubsgo{n}"}) for n in range(8)] * 3
