"""Secret forms added in issue 13's sixth round: a name joined to its value by a hyphen (`prospect-token-<v>`),
names whose last word is `api`, `private`, `access` or `login` with a generated value (`GUMROAD_API = <hex>`),
a token alone on its line, generated values after a name and a space that the vowel tests missed, and dotted
tokens with one long random segment; and the look-alikes each must leave alone.

All secret values here are random fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in

HEX32 = "9be0c4f71a2d83e6b5f04c9a7d12e8b3"
HEX64 = "4f1d9a0c7e3b82d56a0f9c1e7b34d8a2c5e90f1b6d7a3c28e4f05b9d1c6a7e38"
B36 = "k3x9v0qa7m2tz8c4wn5jd1rb6hy"  # one case, letters and digits, more vowels than the fifth round's test allowed
UUID = "5c1f0e2a-8b7d-4e36-9a41-d20c7f5b9e83"
DOTTED = "eyJhbGciOiJIUzI1NiJ9.Q2xpZW50U2VjcmV0OnRva2VuOnVzZXI6YWRtaW4xMjM.k7Vq2ZrX9mLp4TnW8sYd3FbJ6hGc1RzA5uEo0iKx"


@pytest.mark.parametrize(
    "text, value",
    [
        (f"prospect-token-{HEX32}\n", HEX32),  # a name joined to its value by a hyphen
        (f"# datadog-secrettoken-{HEX32}\n", HEX32),
        (f"cloudmersive-secret-key-{UUID}\n", UUID),  # the name's own words are not the value
        (f"loyverse_privatekey-{B36}\n", B36),
        (f"mediastack-ACCESS-{B36}\n", B36),
    ],
)
def test_hyphen_joined_round6(cfg, text, value):
    assert ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text, value",
    [
        (f"GUMROAD_API = {HEX32}\n", HEX32),
        (f"gumroadPRIVATE={HEX64}\n", HEX64),
        (f"sonar.login={HEX32}a1b2c3d4\n", HEX32 + "a1b2c3d4"),
        (f'$sonarLogin = "{HEX32}"\n', HEX32),
        (f"zerobounceACCESS={B36}\n", B36),
        (f"netcore_api: {B36}\n", B36),
        (f"clockify PRIVATE {B36}\n", B36),  # one word (a vendor's name) opens the line
    ],
)
def test_access_named_round6(cfg, text, value):
    assert ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text, value",
    [
        (f"{B36}\n", B36),
        (f"Here is the token for staging:\n\n    {HEX32}\n\nRotate it monthly.\n", HEX32),
    ],
)
def test_lone_token_round6(cfg, text, value):
    assert ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text, value",
    [
        (f"languagelayer SECRET {B36}\n", B36),  # many vowels for random letters, still generated
        (f"# bugsnag secret {UUID}\n", UUID),  # a UUID after a strong name
        (f"appfollow_token ={DOTTED}\n", DOTTED),  # one long random segment in a dotted value
        (f'viewneo_token = "{DOTTED}"\n', DOTTED),
    ],
)
def test_generated_values_round6(cfg, text, value):
    assert ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "vault-secret-7d9f8b6c5d-x2k4j   1/1   Running\n",  # a pod name: too short a tail
        "access-token-refresh-handler-v2\n",  # words
        f"auth-token-{HEX32}.js\n",  # a file name with a content hash
        "API = https://api.example.com/v1/endpoint2\n",
        "access: read-write-2024\n",
        "private = true\n",
        "login = admin42\n",
        "api_version = 2023-05-01preview\n",
        f"{HEX64}\n",  # a lone SHA-256 (or a commit: 40 hex) is a hash
        f"{'a1b2c3d4e5f6a7b8c9d0' * 2}\n",  # hand-typed
        f"# sha256 checksum\n{HEX32}\n",
        f"{B36}\n{HEX32}\n{B36[::-1]}\n",  # a block of tokens: test vectors, hashes
        "primary key id_customer_2024_v1\n",
        "the key sha256WithRSAEncryption2\n",
        f"lookup key {HEX32[:16]}\n",
        "i18n-l10n-a11y-2024\n",
    ],
)
def test_round6_look_alikes(cfg, text):
    assert secrets_in(text, cfg) == []


def test_many_lone_tokens_are_a_data_file(cfg):
    # a word or token list with blank lines between: past 100 such lines no line is taken for a pasted secret
    tokens = [f"{i:04d}{B36[4:]}" for i in range(150)]
    assert secrets_in("\n\n".join(tokens) + "\n", cfg) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        (B36, True),
        (HEX32, True),
        ("sha256WithRSAEncryption", False),
        ("version2release3build", False),
        ("x86_64-linux-gnu2", False),
        ("utf8mb4_unicode_ci", False),
        ("1234567890abcdef", False),  # no letters among digits enough, hand-made
        ("k3x9v0qa7m2t", False),  # short
    ],
)
def test_generated(value, expected):
    assert secret_values.looks_generated(value) is expected
