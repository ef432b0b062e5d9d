"""Round 16: Go's one-element slice literal as a key-named map entry's value (`url.Values{"password": {"v"}}`,
`http.Header{"X-Api-Key": {"v"}}`), and the look-alikes it must leave alone.

All secret values here are fakes made for this file.
"""

from __future__ import annotations

import pytest

from tests.filters.secret_samples import values_in as _values


@pytest.mark.parametrize(
    "text,value",
    [
        ('\t\t\t"password": {"gophish"},', "gophish"),
        ('\tdata := url.Values{"password": {"s3cr3tPass"}, "username": {"admin"}}', "s3cr3tPass"),
        (
            '\treq.Header = http.Header{"X-Api-Key": {"8f3a9c2e71b04d5fa6e0c13b9d2f47e8"}}',
            "8f3a9c2e71b04d5fa6e0c13b9d2f47e8",
        ),
        ('    "client_secret": { "Zq81mXv0pLr2" },', "Zq81mXv0pLr2"),
    ],
)
def test_go_slice_literal_value_is_redacted(text, value, cfg):
    assert value in _values(text, cfg)


@pytest.mark.parametrize(
    "text",
    [
        '    password: {"a": "b"}',  # a nested object: the brace does not close after the literal
        '    "password": {"hunter22", "other"}',  # a list of several values is not one credential
        '    "password": {}',
        '    password = {"Xk93jdKq"}',  # only a map entry (`:`) takes a slice literal
        '\tparams := url.Values{"grant_type": {"password"}}',  # the value names the grant, not a secret
    ],
)
def test_go_slice_literal_lookalikes_are_left(text, cfg):
    assert _values(text, cfg) == []
