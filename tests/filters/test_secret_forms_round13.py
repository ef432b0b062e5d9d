"""Secret forms added in issue 13's thirteenth round, and the look-alikes they must leave alone.

- Positional passwords: the literal right after the user's e-mail address in a call or an SQL VALUES tuple
  (`Credentials("john@example.com", "…")`, `new DirectoryEntry("LDAP://…", "admin@corp", "…")`). A chosen
  password's shape stands alone; any other word needs a credential word before it on its line.
- Keys in known places: codecov's badge token, a URL-encoded otpauth secret, Vault unseal keys, ASP.NET's machineKey,
  a JWT library's signing secret passed by position.
- A `key = value` config line without a `[section]` header where the lines around it read as config, not code.
- Word-like passwords a sentence gives: quoted right after the password word, or bare where the sentence says which
  (`The default password is …`, `user admin and password …`, `set the root password to …`,
  `username/password: admin/…`), closing its clause and not read as an adjective.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import secrets_in


@pytest.mark.parametrize(
    "text, value",
    [
        # positional passwords after the user's address
        ('    creds = Credentials("jane.doe@example.com", "Tr0ub4dor9")\n', "Tr0ub4dor9"),
        ('        client.login("ops@example.org", "hunter2go")\n', "hunter2go"),
        (
            'DirectoryEntry entry = new DirectoryEntry("LDAP://CORP.EXAMPLE",\n    "SVC@CORP.EXAMPLE",\n    "Wq7mPz41");\n',
            "Wq7mPz41",
        ),
        ("INSERT INTO users (email, password) VALUES ('admin@example.com', 'P@ssw0rd');\n", "P@ssw0rd"),
        ('  ("alice@example.com", "S3cretive!"),\n', "S3cretive!"),
        ("    auth = BasicAuth('bot@example.com', 'letmein99')\n", "letmein99"),
        # keys in known places
        (
            "[![codecov](https://codecov.io/gh/acme/widgets/branch/main/graph/badge.svg?token=Qe7xT2bLmZ)]"
            "(https://codecov.io/gh/acme/widgets)\n",
            "Qe7xT2bLmZ",
        ),
        (
            "'https://chart.googleapis.com/chart?chs=200x200&cht=qr&chl=otpauth%3A%2F%2Ftotp%2Fme%40example.com"
            "%3Fsecret%3DJBSWY3DPEHPK3PXQ%26issuer%3DAcme',\n",
            "JBSWY3DPEHPK3PXQ",
        ),
        (
            "Unseal Key 1: t3QmVx9bK2pR7wYz1cFh5nJd8sLq4gAe6uXo0iTyBvMk\n",
            "t3QmVx9bK2pR7wYz1cFh5nJd8sLq4gAe6uXo0iTyBvMk",
        ),
        (
            "$ kubectl exec vault-0 -- vault operator unseal Hd4kP9qW2mX7zR1vT6yB3nL8cF5gJ0sA+e/uYoIwQt\n",
            "Hd4kP9qW2mX7zR1vT6yB3nL8cF5gJ0sA+e/uYoIwQt",
        ),
        (
            '<machineKey validationKey="5F2A9C7E1B3D8F4A6C0E2B9D7F1A3C5E8B0D4F6A" decryptionKey="A7C3E9F1B5D2"'
            ' validation="SHA1" />\n',
            "5F2A9C7E1B3D8F4A6C0E2B9D7F1A3C5E8B0D4F6A",
        ),
        ("const token = jwt.sign({ sub: user.id }, 'Zq8vLp2mXr', { expiresIn: '1h' });\n", "Zq8vLp2mXr"),
        ("    token = jwt.encode(payload, 'k8s-Xq91-signing', algorithm='HS256')\n", "k8s-Xq91-signing"),
        # a config file with no [section] header: the lines around read as config, not code
        ("quarkus.datasource.username = quarkus\nquarkus.datasource.password = manila42\n", "manila42"),
        ("host = db.example.com\nport = 5432\nbind_pw = ldapsecret\n", "ldapsecret"),
        # word-like passwords a sentence gives
        ("The default password is raspberry.\n", "raspberry"),
        ("Log in with user admin and password gopher.\n", "gopher"),
        ("Login with username `shiori` and password `gopher`.\n", "gopher"),
        ("The default login is `pi` with password `raspberry`.\n", "raspberry"),
        ("# user 'rundeck' with password 'rundeckpw'\n", "rundeckpw"),
        ("Set the root password to macaron:\n", "macaron"),
        ("Default username/password: admin/artemis\n", "artemis"),
        ("login as root, password: manila\n", "manila"),
        ("* password - `customer`\n", "customer"),
        ("# the password for user guest is guest123\n", "guest123"),
        ("The admin user is created with the password testpassword123.\n", "testpassword123"),
    ],
)
def test_round13_secrets(cfg, text, value):
    assert value in [v for _, v in secrets_in(text, cfg)]


@pytest.mark.parametrize(
    "text",
    [
        # after an e-mail: names, roles, phone numbers, user names, other addresses, keys, ids
        'User user = new User("email@example.com", "9798789212", "Pass", ERole.ROLE_USER);\n',
        'Customer c = new Customer(1L, "Arthur Dent", "Dockerland", "ad@null.com", "415-555-5555");\n',
        '    2, "pr_level2@example.com", "pr_level2_user", "old-password", 2);\n',
        '    ("bob@example.com", "bobsmith"),\n',
        "    'emails': ['carl@email.com', 'carl@example.com'],\n",
        '{"email": {"$in": ["admin@example.com", "root@example", "ana@example.org"]}}\n',
        '    "email": "dev@example.com",\n    "license": "MIT",\n',
        "INSERT INTO USERS (EMAIL, ID) VALUES ('root1@root.com', '05fb3246-9387-4d04-a27f-fa0107c33883');\n",
        "  mail('a@example.com', 'notifications')\n",
        # keys in known places: stand-ins and names
        "[![codecov](https://codecov.io/gh/acme/w/branch/main/graph/badge.svg?token=TOKENTOKEN)\n",
        "vault operator unseal <unseal-key-1>\n",
        '<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />\n',
        "token = jwt.encode(payload, 'secret', algorithm='HS256')\n",
        "token = jwt.encode(payload, SECRET_KEY, algorithm='HS256')\n",
        "jwt.verify(token, 'your-secret-key')\n",
        "claims = jwt.decode(token, 'HS256')\n",
        # `key = word` in code: calls, statements, attributes of self, settings about passwords
        "import getpass\nuser = getuser()\npassword = kitten42x\nconnect(user, password)\n",
        "    self.password = manila\n",
        "auth_verbose_passwords = sha1:6\n",
        # prose that says something about a password without giving one
        "The password for the database is stored in vault.\n",
        "Protect it with the password manager.\n",
        "The password is hashed.\n",
        "The default password is empty.\n",
        "The default password is the same as the user name.\n",
        "Set the password to something secure.\n",
        "The default password is randomly generated on first start.\n",
        "| passport-local | Sign-in with Username and Password plugin. |\n",
        "Login with your username and password.\n",
        "The keystore password is `changeit`.\n",
    ],
)
def test_round13_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []
