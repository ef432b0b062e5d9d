"""Round 22 (rules kept only when they fix misses of three projects in two dev sets, negatives not rising): a short
generated value under a key's name, below the length floors (`const token = 'HdncFj1Nm'`, `"auth": "k9Xzm43nBGo="`);
each with the look-alikes it must leave alone.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import values_in as _values


# --- a short generated value (8-15 characters) under a key's name


@pytest.mark.parametrize(
    "text,value",
    [
        ("const token = 'HdncFj1Nm'", "HdncFj1Nm"),  # a test's token in a TypeScript file, 9 characters
        ('                "auth": "k9Xzm43nBGo=",', "k9Xzm43nBGo="),  # a weak name, base64 padding
        ('LINKEDIN_KEY = "77yg7tx91p4lag"', "77yg7tx91p4lag"),  # a vendor's key, lower case and digits
        ("    api_token: Rk7pXq2Wz", "Rk7pXq2Wz"),  # YAML, unquoted
        ('export SESSION_SECRET="v8Qm2Lx9"', "v8Qm2Lx9"),  # eight characters
    ],
)
def test_a_short_generated_value_under_a_key_name_is_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '        token_b="A1BRTD4JD",',  # upper case and digits: a Slack team's id
        "key = 'utf8mb4'",  # a charset's name, a word with numbers in it
        "const token = 'Bearer1x'",  # a capitalised word
        "    key: abc12345",  # a sequential run
        "SUMO_ACCESS_KEY: AbCeFG123",  # letters in alphabet order: typed in order (gitleaks' false-positive sample)
        'AUTH_TOKEN = "sha256sum"',  # a tool's name
        'api_key = "Xk9m2"',  # under eight characters
        '"token_type": "Bearer"',  # a word
        'CACHE_KEY = "v2Users"',  # a version and a word
    ],
)
def test_short_values_that_are_names_or_ids_are_left(text, cfg):
    assert _values(text, cfg) == []
