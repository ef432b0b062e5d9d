"""Secret forms added in issue 13's fifth round: a one-case generated value (few vowels, digits among the
letters) after a strong name and a space, and a weak name (`key`) with a space alone when one word, a
vendor's name, opens the line before it (`newsapi KEY <v>`); and the look-alikes each must leave alone.

All secret values here are random fakes made for this file.
"""

from __future__ import annotations

import pytest

from repoloom.filters import secret_values
from tests.filters.secret_samples import secrets_in

LOWER = "q7znkv3wpt9xhm2rjc8bfd4ltw6s"  # one case, few vowels, digits among the letters
UPPER = "K4TZW9QXN2VHM7PLRB3DCF8J"
HEX = "c41e9b07f2a85d3e6b90d1f7a42c8e53"


@pytest.mark.parametrize(
    "text, value",
    [
        (f"# token {LOWER}\n", LOWER),
        (f"clockwork SECRET {LOWER}\n", LOWER),
        (f"acme TOKEN {UPPER}\n", UPPER),
        (f"newsfeed KEY {HEX}\n", HEX),
        (f"# weatherly key {LOWER}\n", LOWER),
        (f"mailpost-v2 Key {UPPER}\n", UPPER),
        (f"the key {LOWER}\n", LOWER),  # any one word before `key` at the line start counts, `the` too
    ],
)
def test_space_after_name_round5(cfg, text, value):
    assert ("key", value) in secrets_in(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        "primary key id_customer_2024_v1\n",
        "foreign KEY fk_order_customer_id_idx\n",
        "Press key 5 to continue\n",
        "# token bananarepublic2024streetview\n",  # words with digits: vowels as words have them
        "hotkey KEY ctrl_shift_alt_f12_binding\n",
        "sort key 20240131120000123456789\n",  # digits only
        f"lookup key {HEX[:16]}\n",  # too short to be generated
        "# token abcdefghijklmnopqrstuvwx\n",  # no digits
    ],
)
def test_space_after_name_look_alikes_round5(cfg, text):
    assert secrets_in(text, cfg) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        (LOWER, True),
        (UPPER, True),
        ("bananarepublic2024streetview", False),
        ("abcdefghijklmnopqrstuvwx", False),
        ("q7znkv3wpt", False),  # short
    ],
)
def test_few_vowels(value, expected):
    assert secret_values.few_vowels(value) is expected
