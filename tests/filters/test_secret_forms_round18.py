"""Round 18: keys the rules did not read, each with the look-alikes it must leave alone: credentials passed by
position to SDK credential constructors and clients, a JSON Web Key's `"k"` on a line of its own, JWTs whose
signature has a length no base64 has, and one-hand letter keys under a strong name.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import values_in as _values


@pytest.mark.parametrize(
    "text,value",
    [
        (
            'let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "Rk3pW9vQz7HsT2mYn8LcB4xJd6FgA1eU0tVrNq5o", '
            'None, None, "static");',
            "Rk3pW9vQz7HsT2mYn8LcB4xJd6FgA1eU0tVrNq5o",
        ),
        (
            '\tcreds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", '
            '"hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3", "")',
            "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3",
        ),
        (
            '        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3")',
            "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3",
        ),
        (
            'sts = AssumeRoleCredentials("AKIAIOSFODNN7EXAMPLE", "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3")',
            "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3",
        ),
        ('Parse.initialize("myAppId", "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3");', "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3"),
        (
            "const client = new Twilio('AC1234567890abcdef1234567890abcdef', 'f3a9c2e7b1d84a6e9c0f5b2d7a4e8c1f');",
            "f3a9c2e7b1d84a6e9c0f5b2d7a4e8c1f",
        ),
        (
            'auth = tweepy.OAuthHandler("Xq9vTz3LmP0aB7cD2eF5", "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3Xq9vTz3LmP0aB7cD")',
            "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3Xq9vTz3LmP0aB7cD",
        ),
        (
            'auth.set_access_token("1234-Xq9vTz3LmP0aB7cD2eF5", "Wm2kQ8rT5vN1xZ7cB4pL9sH3jD6fG0aYeU")',
            "Wm2kQ8rT5vN1xZ7cB4pL9sH3jD6fG0aYeU",
        ),
        ('new OAuth2Client("my-client", "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3")', "hT4rWq0ZpL8sNvKe2mYc7GxB1uDf9Aj3"),
    ],
)
def test_credential_call_arguments_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        'creds = getCredentials("default-profile-name")',  # a getter takes a name
        'provider = loadCredentials("/home/user/.aws/credentials")',  # a loader takes a path
        'c := credentials.NewSharedCredentials("/home/user/.aws/credentials", "production")',
        "new Credentials(username, password)",  # variables, no literal
        'Credentials::new("my-user-name", "my-password", None, None, "static")',  # words
        'credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")',
        'log.info("credentials refreshed for account", "f3a9c2e7b1d84a6e9c0f5b2d7a4e8c1f")',  # the hint in prose
        'val = credentials.get("f3a9c2e7b1d84a6e9c0f5b2d7a4e8c1f")',  # an object named credentials, not the callee
        'raise CredentialError("AKIAXXXXXXXXXXXXXXXX")',
        "def verify_ibm_cos_hmac_credentials(\n    access_key: str,\n    host: str = 's3.us.cloud-object-storage.appdomain.cloud',\n) -> bool:",
        'client = StaticCredentials("s3.eu-central-1.amazonaws.com", "registry.example.internal")',  # hosts
    ],
)
def test_credential_call_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        (
            '            "k": "xQ7fVvQ-WdmXB9qp6qK0SrG-yKW4AJqmcSP66Gm2TrE"',
            "xQ7fVvQ-WdmXB9qp6qK0SrG-yKW4AJqmcSP66Gm2TrE",
        ),
        ('  {"k":"B4uZ7IbZTnjdCQjUBXTpzMUznCYj3wdYDZcceeU0mLg",', "B4uZ7IbZTnjdCQjUBXTpzMUznCYj3wdYDZcceeU0mLg"),
    ],
)
def test_jwk_k_alone_is_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '  "k": "common.button.cancel_subscription_label"',  # a translation key
        '  "k": "f3a9c2e7b1d84a6e9c0f5b2d7a4e8c1fa9c2e7b1"',  # hex: a hash or an id
        '  "k": "ShortValue9"',
        '  "k": "thisIsAVeryLongCamelCaseIdentifierName42"',
    ],
)
def test_jwk_k_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


_HEADER = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9"  # {"typ":"JWT","alg":"HS256"}
_PAYLOAD = "eyJpZCI6MSwibmFtZSI6ImZvbyJ9"  # {"id":1,"name":"foo"}


@pytest.mark.parametrize("sig", ["Q4Kee9E8o0Xfo4ADXvYA8t7dN_X_bU9K5w6tXuiSjlUxx", "Zm9vYmFyYmF6cXV4"])
def test_jwt_with_odd_signature_is_redacted(sig, cfg):
    token = f"{_HEADER}.{_PAYLOAD}.{sig}"
    assert token in _values(f"        $msg = '{token}';", cfg)


@pytest.mark.parametrize(
    "text",
    [
        f"$msg = '{_HEADER}.{_PAYLOAD}.short';",  # too short a signature
        # no `alg` in the header
        "$msg = 'eyJub3RfYV9oZWFkZXIiOjF9.eyJpZCI6MSwibmFtZSI6ImZvbyJ9.Q4Kee9E8o0Xfo4ADXvYA8t7dN_X_bU9K5w6tXuiSjlUxx';",
        "$msg = 'eyJhbGciOiJIUzI1NiJ9garbage.eyJpZCI6MSwibmFtZSI6ImZvbyJ9.Q4Kee9E8o0Xfo4ADXvYA8t7dN_X';",
    ],
)
def test_jwt_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("  refreshToken: 'hbfvdkhjbvkdvdfjvbnkhjb',", "hbfvdkhjbvkdvdfjvbnkhjb"),
        ('ACCESS_TOKEN = "mnbvcxzlkjhgfdsmnbvclkjh"', "mnbvcxzlkjhgfdsmnbvclkjh"),
    ],
)
def test_one_hand_letter_keys_are_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "  refreshToken: 'bbbbbbbbbbbbbbbbbbbbbbbb',",  # one letter
        "  refreshToken: 'abababababababababababab',",  # a repeated block
        "  refreshToken: 'refreshtokenrefreshtoken',",  # words
        "  sortKey: 'hbfvdkhjbvkdvdfjvbnkhjb',",  # not a secret's name
    ],
)
def test_one_hand_letter_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []
