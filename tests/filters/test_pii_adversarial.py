"""Bad input: multi-megabyte single lines, minified bundles, base64 blobs, non-ASCII text.

The PII stage must finish in time linear in the input. A catastrophic (polynomial or
exponential) backtracking pattern takes minutes to hours on these 1 MB inputs, so a
generous bound (tens of seconds on a loaded 2-core machine) separates linear from
super-linear without depending on the machine's exact speed.
"""

from __future__ import annotations

import base64
import random
import time

import pytest

from repoloom.filters import pii

SIZE = 1_000_000
BOUND_S = 60.0


def _repeat(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


ADVERSARIAL = {
    "one_letter": "a" * SIZE,
    "digits_and_dots": _repeat("1.2.3."),
    "ip_like_run": _repeat("10.200.30.4."),
    "colons_and_hex": _repeat("ab:"),
    "double_colons": _repeat("1::"),
    "at_signs": _repeat("a@"),
    "email_local_run": "a" * (SIZE - 20) + "@",
    "domain_run": "x@" + _repeat("a."),
    "spaces_after_keyword": "password" + " " * SIZE + "x",
    "key_spaces": _repeat("key   =   "),
    "pass_stems": _repeat("pass"),
    "assignments": _repeat("password=pass:"),
    "url_slashes": _repeat("//a/:_authToken="),
    "scheme_run": _repeat("a://b:c"),
    "slashes_no_token": _repeat("//x") + "/:_authToken=npm_",
    "jwt_prefix": _repeat("eyJ"),
    "jwt_dots": "eyJ" + _repeat("a."),
    "begin_markers": _repeat("-----BEGIN RSA PRIVATE KEY-----"),
    "key_body_plus_lines": ("-----BEGIN RSA PRIVATE KEY-----\n" + "+" * 4000 + "!\n") * (SIZE // 4040),
    "quotes": _repeat('"a'),
    "quoted_b64": _repeat('"' + "A" * 100 + '" '),
    "aws_context": _repeat("aws key "),
    "slack_dashes": "xoxb-" + _repeat("1-"),
    "artifactory": _repeat(" AP1aaaa"),
    "mailchimp_us": _repeat("a-us"),
    "bearer": _repeat("Bearer "),
    "non_ascii": _repeat("é中🙂@ü."),
    "hyphen_joined_names": _repeat("secret-token-key-"),
    "access_names": _repeat("x_api=access private "),
    "lone_token_lines": _repeat("k3x9v0qa7m2tz8c4wn5jd1rb6hy\n\n"),
    "one_line_of_tokens": _repeat("a1b2c3d4e5f6g7h8i9j0k1l2 "),
    "compared_literals": _repeat('"abcd1234" == password "x" != '),
    "symbol_values": _repeat("password = m{{h}o)p${e]nob( "),
    "symbol_run": "secret = a" + _repeat("{)"),
    "repeated_blocks": _repeat("api_key=" + "abcd1234" * 8 + " "),
    "comment_labels": "# " + _repeat("db pwd x ") + ": qwhTzkRmoPa",
    "inner_assignments": _repeat("# secret: A_KEY=secret: B_KEY="),
    "password_for_words": _repeat("password for the a b c d "),
    "identified_by": _repeat("identified by identified with x by "),
    "secure_strings": "ConvertTo-SecureString" + _repeat(" -Force") + " x",
    "random_letters": _repeat("pwd: qwhTzkRmoPaqwhTzkRmoPa\n"),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_finish_in_linear_time(cfg, name):
    text = ADVERSARIAL[name]
    t0 = time.perf_counter()
    found = pii.find_pii(text, cfg)
    pii.apply_redactions(text, found)
    assert time.perf_counter() - t0 < BOUND_S, name


def test_minified_bundle_and_base64_blob(cfg):
    r = random.Random(7)
    blob = base64.b64encode(bytes(r.getrandbits(8) for _ in range(750_000))).decode()
    minified = "".join(
        f"var a{i}=function(b){{return b.x+{i}}};if(c&&d.e)f('//cdn.example.com/x.js',{{u:1}});" for i in range(10_000)
    )
    text = f'const DATA="{blob}";' + minified
    t0 = time.perf_counter()
    found = pii.find_pii(text, cfg)
    assert time.perf_counter() - t0 < BOUND_S
    # random base64 data without a secret-sounding name is not a key
    assert [f for f in found if f.kind == "key" and f.end - f.start > 1000] == []
