"""Round 27 (dev sets 2-24; a value rule kept only when most projects' labels agree with it): the base64 of a
default or example is a stand-in, as the default or example itself is. Kubernetes Secrets' `data:` holds base64
(`password: dGVzdA==` is `test`), and Basic-auth and Docker `auth` samples encode `username:password`. Dev labels
such values negative in ten projects over sets 2-24 (Kubernetes manifests, Helm values, Docker auth fixtures, a
Kotlin constant) and positive in two. Round 11's rule already covered the base64 of credential words joined up
(`DMS_YWNjZXNzX3Rva2Vu` = `access_token`). This round adds the base64 of a `PW_BAD_VALUES` word (`test`, `admin`,
`foobar`), of an example or placeholder, and of a `user:pass` pair whose two different sides are both such words.
The base64 of a chosen password (`sunflower42`), of random bytes, and of a pair with the same word on both sides
(`oauth2:oauth2`, labelled both ways) stays a secret. A stored password hash in crypt's `$id$salt$hash` form
(`$2a$10$…` bcrypt, `$1$`, `$5$`, `$6$`, `$apr1$`, `$argon2id$`, Jenkins' `#jbcrypt:`, Django's `pbkdf2_sha256$…`)
is the hash of a password, not the password: negative in 15 dev projects over sets 11-21, positive in none.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import base64

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "text",
    [
        # a Kubernetes Secret's data, the decoded value noted after it
        'apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  username: dXNlcg==\n  password: dGVzdA== # "test"\n',
        # a Helm chart's admin Secret
        "data:\n  admin-username: YWRtaW4=\n  admin-password: YWRtaW4=\n",
        # an operator's example Secret with a metasyntactic password
        "metadata:\n  name: postgres-credentials\ndata:\n  user1: dXNlcjE=\n  password1: Zm9vYmFy\n",
        # a Docker auth config in a test fixture (`username:password`)
        '    DOCKER_AUTH_CONFIG=\'{"auths": {"https://myregistry.com": {"auth": "dXNlcm5hbWU6cGFzc3dvcmQ="}}}\'\n',
        # a Kotlin test constant for a Basic header
        '    const val BASE_64_CREDENTIALS = "dXNlcm5hbWU6cGFzc3dvcmQ="\n',
        # an example token in an operator's sample Secret (`previder vault example`)
        "data:\n  previder-vault-token: cHJldmlkZXIgdmF1bHQgZXhhbXBsZQ==\n",
        # a placeholder's base64 in a JSON fixture
        '  "plaintext_key": "cGxhaW50ZXh0LXBsYWNlaG9sZGVy"\n',
    ],
)
def test_the_base64_of_a_default_is_a_stand_in(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, found",
    [
        # the base64 of a chosen password
        ("data:\n  password: c3VuZmxvd2VyNDI=\n", ("password", "c3VuZmxvd2VyNDI=")),
        # a pair with a chosen password (`john:teabag42`), under a credentials name
        ('    const val BASE_64_CREDENTIALS = "am9objp0ZWFiYWc0Mg=="\n', ("key", "am9objp0ZWFiYWc0Mg==")),
        # a pair with the same word on both sides: labelled both ways, left a value
        ("data:\n  password: b2F1dGgyOm9hdXRoMg==\n", ("password", "b2F1dGgyOm9hdXRoMg==")),
        # the base64 of random bytes
        ("data:\n  password: Vm4xK2RfUXpMOWJXcjdUeQ==\n", ("password", "Vm4xK2RfUXpMOWJXcjdUeQ==")),
    ],
)
def test_the_base64_of_a_chosen_password_stays(cfg, text, found):
    assert secrets_in(text, cfg) == [found]


@pytest.mark.parametrize(
    "value, placeholder",
    [
        (b64("test"), True),
        (b64("admin"), True),
        (b64("foobar"), True),
        (b64("username:password"), True),
        (b64("oauth2-proxy-client-secret\n"), True),  # `echo` leaves a newline in it
        (b64("admin@example.com"), True),
        ("DMS_YWNjZXNzX3Rva2Vu", True),  # round 11's joined-up credential words
        (b64("sunflower42"), False),
        (b64("john:teabag42"), False),
        (b64("root:taosdata"), False),
        (b64("oauth2:oauth2"), False),
        (b64('{"iss":"auth0"}'), False),  # a JWT's JSON part is judged as a token
        ("dGVzdA", False),  # unpadded and short: read as itself, not decoded
        ("secret", False),
    ],
)
def test_encoded_placeholder(value, placeholder):
    assert secret_values.encoded_placeholder(value) is placeholder


@pytest.mark.parametrize(
    "text",
    [
        # a seed file's bcrypt hash
        '      "password": "$2a$10$nSaCsTPTtbbPTnFXBH0GZu0ExpNMud3d1IuKOC/6a9gwAHkdhppeu",\n',
        # an Argo CD-style admin password hash in a ConfigMap
        '    "admin.password": "$2a$10$rRyBsGSHK6.uc8fntPwVIuLVHgsAhAX7TcdrqW/RADU0uh7CaChLa",\n',
        # a cloud-init user's sha256-crypt password, commented out
        "#  passwd: $5$hkui88$nvZgIle31cNpryjRfO9uArF7DYiBcWEnjqq7L1AQNN3\n",
        # Jenkins configuration-as-code with a jbcrypt hash
        '          password: "#jbcrypt:$2a$10$LP4bMhwyCPnsDm.XRcTZSuBqWYKGAiDAsQXrSrJGYcEd9padaPgsC"\n',
        # a PHP fixture row with a bcrypt hash
        "        ['username' => 'nate', 'password' => '$2a$10$u05j8FjsvLBNdfhBhc21LOuVMpzpabVXQ9OpC2wO3pSO0q6t7HHMO'],\n",
        # a Django user fixture's stored hash
        '    "password": "pbkdf2_sha256$600000$HEYByn6WXiQUI1D6ezTnAf$qPLekt0t3ZssnzEOvQkeOSfxx7",\n',
    ],
)
def test_a_stored_password_hash_is_not_the_password(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "text, value",
    [
        # dollars inside a chosen password, not a crypt id
        ('    "password": "$super$ecret",\n', "$super$ecret"),
        ('  password: "p$ssw0rd$1"\n', "p$ssw0rd$1"),
    ],
)
def test_dollar_passwords_stay(cfg, text, value):
    assert secrets_in(text, cfg) == [("password", value)]


@pytest.mark.parametrize(
    "value, hashed",
    [
        ("$2y$05$SXWrNM7ldtbRzBvUC3VXyOvUeiUcP45XPwM93P5eeGOEPIiAZmJjC", True),
        ("$6$njERlZMi/7DzNB9E$Abc", True),
        ("$argon2id$v=19$m=10240,t=10,p=8$cWRNmnTQ8X0xq5k$Rjyn2KyN", True),
        ("$pbkdf2-sha512$310000$PeubGcDkDhxS.WUNH6h04g$SQKuwJmU", True),
        ("$2a$short", False),
        ("$super$ecret", False),
        ("2a$10$nSaCsTPTtbbPTnFXBH0GZu0ExpNMud3d1", False),  # no leading `$`: not crypt's form
    ],
)
def test_crypt_hash_is_a_stand_in(value, hashed):
    assert secret_values.stand_in(value) is hashed
