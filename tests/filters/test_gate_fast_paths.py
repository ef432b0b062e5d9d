"""The gate's fast paths give what the plain computations they replace give, on the inputs where the two
could part: run boundaries, the 300-character cut, non-ASCII text, many distinct non-ASCII characters,
texts just under and over a needle's length, and gated provider patterns on real-shaped tokens."""

import inspect
import json as json_module
import re
import string

import numpy as np
import pytest

from repoloom.core.config import section
from repoloom.filters.decontam import DecontamConfig
from repoloom.pipelines.config import load_config
from repoloom.filters import decontam, quality, secret_names, secret_providers
from repoloom.filters.minhash import ngram_hashes

REAL = inspect.getsource(json_module)

RUN_TEXTS = [
    REAL,
    "a" * 700,
    "x " + "b" * 299 + " " + "c" * 301 + "\n" + "d" * 24,
    "_" * 24 + "." + "-" * 3,
    "a" * 23 + " " + "a" * 24 + "/" + "e" * 25,
    "é" + "a" * 30 + " token_" + "Zx9" * 10,  # non-ASCII: the regex path
    "",
    "k" * 24,
]


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_token_runs_are_the_regex_runs(text):
    assert list(secret_names._token_runs(text)) == [m.span() for m in secret_names._TOKEN_RUN.finditer(text)]


def _slow_classes(t):
    return sum(c.isalnum() for c in t), sum(c.isalpha() for c in t), sum(c.isspace() for c in t)


def test_char_classes_with_many_distinct_non_ascii_characters():
    cjk = "".join(chr(0x4E00 + i) for i in range(80))  # more than 32 distinct: the Counter path
    text = REAL + "\n# " + cjk * 3 + " ½ ² \u2003\u00a0 Ω ß\x1c\x1f\x0b" + "١٢٣"
    assert quality.char_classes(text) == _slow_classes(text)
    assert quality.char_classes("abc é") == _slow_classes("abc é")
    assert quality.char_classes("") == (0, 0, 0)


@pytest.mark.parametrize("n", [63, 64, 65])
def test_base64_needle_gate_keeps_every_match(n):
    blob = "".join(string.ascii_letters[(i * 7) % 52] for i in range(n))
    text = "x = 1\nDATA = '" + blob + "'\n"
    spans = [m.span() for m in quality._ENCODED[0][0].finditer(text)]
    longest, share = quality.encoded_data(text)
    assert (longest >= 64) == bool(spans) == (n >= 64)


def test_hex_pattern_with_its_lookahead_matches_like_starcoder2():
    original = re.compile(r"(?:\b(?:0x|\\x)?[0-9a-fA-F]{2}(?:,|\b\s*)){8,}")
    for text in (
        REAL,
        "0x01,0x02,0x03,0x04,0x05,0x06,0x07,0x08",
        "de ad be ef 00 11 22 33 44",
        "a\\x41\\x42\\x43\\x44\\x45\\x46\\x47\\x48",
        "0x12, 0x34, 0x56",
    ):
        assert [m.span() for m in quality._ENCODED[1][0].finditer(text)] == [m.span() for m in original.finditer(text)]


def _plain_encoded_data(text):
    """encoded_data without its pre-checks: every pattern run over the whole text."""
    spans = sorted(m.span() for pat, _ in quality._ENCODED for m in pat.finditer(text))
    covered, end = 0, -1
    for s, e in spans:
        if e > end:
            covered, end = covered + e - max(s, end), e
    return (max(e - s for s, e in spans), covered / len(text)) if spans else (0, 0.0)


HEX_TEXTS = [
    "0x01,0x02,0x03,0x04,0x05,0x06,0x07,0x08",
    "0x01,0x02,0x03,0x04,0x05,0x06,0x07",  # seven: no match
    "de ad be ef 00 11 22 33 44",
    "de\u00a0ad\u2003be\u3000ef 00\x1c11 22\u008533 44",  # Unicode whitespace separates pairs (\s)
    "é de ad be ef 00 11 22 33 44 é",
    "a\\x41\\x42\\x43\\x44\\x45\\x46\\x47\\x48",
    "x = [0x12,0x34 0x56\t\t0x78,9a bc\n de,f0]",
    "0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0",  # comma then space: StarCoder2's pattern misses it
    "deadbeef" * 8,
    "ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89",
    "\ud800 ab cd ef 01 23 45 67 89",  # a lone surrogate, as a surrogateescape'd file holds
]


@pytest.mark.parametrize("text", HEX_TEXTS + [REAL, REAL + "\n# " + HEX_TEXTS[2] + "\n"])
def test_hex_pre_check_keeps_every_match(text):
    assert quality.encoded_data(text) == _plain_encoded_data(text)


def test_hex_pre_check_on_real_code_with_tables():
    import unicodedata  # noqa: F401 - a module whose source, where shipped, has hex tables

    texts = [inspect.getsource(m) for m in (json_module, string, re, inspect)]
    texts.append("TABLE = [" + ", ".join(f"0x{i:02x}" for i in range(300)) + "]\n")
    texts.append("BLOB = b'" + "".join(f"\\x{i:02x}" for i in range(256)) + "'\n")
    for text in texts:
        assert quality.encoded_data(text) == _plain_encoded_data(text)
    assert quality.encoded_data(texts[-1])[0] > 0


IP_TEXTS = [
    "host = '10.1.2.3'\nserver 192.168.10.200:8080\n",
    "addr = 2001:4860:4860::8888 and fe80::1:2:3%eth0\n",
    "v = '1.2.3.4'  # version\n1.20.3.4-beta 14.3.127.18-node.10\n",
    "١٢.٣.٤.٥ 12.3.4.5 ١.١.١.١ 8.8.4.4\n",  # Arabic-Indic digits: \\d matches them, ipaddress does not
    "é 2607:f8b0:4005:80a::200e ü 172.16.254.1 \ud800\n",
    "a:b:c dead::beef x[1:2:3] {'a': 1} ::1 1::2::3 1:::2:3\n",
    "10.0.0.1.5 3.14159.26.5 0.0.0.0 255.255.255.255\n",
]


@pytest.mark.parametrize("text", IP_TEXTS + [REAL])
def test_ip_pre_check_keeps_every_finding(text, monkeypatch):
    from repoloom.filters import pii

    p = pii.PiiConfig()
    fast = pii.find_ips(text, p)
    monkeypatch.setattr(pii, "_may_hold_ips", lambda t: (True, True))
    assert fast == pii.find_ips(text, p)


def test_ip_pre_check_skips_plain_code():
    from repoloom.filters import pii

    assert pii._may_hold_ips(inspect.getsource(quality.encoded_data)) == (False, False)
    assert pii._may_hold_ips("x = '10.1.2.3'") == (True, False)
    assert pii._may_hold_ips("fe80::1:2:3") == (False, True)


@pytest.mark.parametrize(
    "head",
    [
        "// Code generated by protoc-gen-go. DO NOT EDIT.\n",
        "# DO NOT EDIT\n",
        "/* This file is automatically generated */\n",
        "# AUTO-GENERATED FILE\n",
    ],
)
def test_autogen_literal_gate_keeps_the_banners(head):
    assert quality.quality_scores(head + REAL)["autogen"] == 1.0
    assert quality.quality_scores(REAL)["autogen"] == 0.0


@pytest.mark.parametrize(
    "token,detector",
    [
        ("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs", "DiscordBotTokenDetector"),
        ("110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", "TelegramBotTokenDetector"),
    ],
)
def test_shape_gated_providers_still_fire(token, detector):
    for text in (f'BOT = "{token}"\n', f"é = 1\nBOT = '{token}'\n"):  # ASCII (gated) and not
        assert any(h.detector == detector for h in secret_providers._plugin_hits(text, tuple(secret_providers.PLUGINS)))
    assert not any(h.detector == detector for h in secret_providers._plugin_hits(REAL, tuple(secret_providers.PLUGINS)))


def test_decontam_run_prefilter_changes_no_result(tmp_path):
    code = "def remove_occ(s, ch):\n    for i in range(len(s)):\n        if s[i] == ch:\n            s = s[:i] + s[i + 1:]\n            break\n    return s\n"
    path = tmp_path / "bench.jsonl"
    path.write_text(json_module.dumps({"task_id": 7, "code": code}) + "\n")
    cfg = section(
        load_config(
            overrides={
                "decontam": {"packages": [], "n": 10, "files": [{"path": str(path), "name": "b", "fields": ["code"]}]}
            }
        ),
        DecontamConfig,
    )
    index = decontam.load_index(cfg)
    for text in (REAL, "# x\n" + code, code.replace("break", "continue"), code[:40]):
        toks = decontam.normalise_tokens(text)
        h = ngram_hashes(toks, index.n)
        full = int(np.isin(h, index.hashes).sum()) if h.size else 0
        assert sum(decontam.matches(text, index).values()) == full
        if full:
            assert decontam._has_benchmark_run(toks, index)


def test_decontam_byte_tokens_are_the_str_tokens(tmp_path):
    """The ASCII fast path splits bytes: the same tokens as str.split() (encoded), the same n-gram hashes, the
    same matches; text with a separator only str.split() splits on (\\x1c-\\x1f) or non-ASCII takes the str path."""
    code = "def remove_occ(s, ch):\n    for i in range(len(s)):\n        if s[i] == ch:\n            return s\n"
    path = tmp_path / "bench.jsonl"
    path.write_text(json_module.dumps({"task_id": 7, "code": code}) + "\n")
    over = {"decontam": {"packages": [], "n": 6, "files": [{"path": str(path), "name": "b", "fields": ["code"]}]}}
    index = decontam.load_index(section(load_config(overrides=over), DecontamConfig))
    seps = "".join(chr(c) for c in range(33)) + "\x7f\x85\xa0\u2028\u3000"
    texts = [REAL, code, "x" + code, code.replace(" ", "\x1c"), code.replace("\n", "\x1f"), "é " + code]
    texts += [code.replace("    ", c) for c in seps]
    for text in texts:
        toks, as_bytes = decontam._tokens(text)
        want = decontam.normalise_tokens(text)
        assert [t.decode() for t in toks] == want if as_bytes else toks == want
        assert as_bytes == (text.isascii() and not any(c in text for c in "\x1c\x1d\x1e\x1f"))
        h = ngram_hashes(want, index.n)
        assert np.array_equal(ngram_hashes(toks, index.n), h)
        full = {}
        for p in np.searchsorted(index.hashes, h[np.isin(h, index.hashes)]).tolist():
            full[index.owners[p]] = full.get(index.owners[p], 0) + 1
        assert decontam.matches(text, index) == full
    # str.split() splits on \x1c (bytes.split() would not): the text still matches, as before the fast path
    assert decontam.matches(code, index) == decontam.matches(code.replace(" ", "\x1c"), index) == {"b:7": 8}


def test_aws_quoted_value_hint_starts_are_the_patterns():
    """AWSKeyDetector's hint (a quoted 40-character value) found on a translated copy: the starts finditer gives, on
    real code, on runs of 39-41 characters, on two values sharing a quote, and on non-ASCII text (the regex)."""
    hint = secret_providers._AWS_QUOTED_VALUE
    key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # AWS's documented example secret (40 characters)
    texts = [REAL, inspect.getsource(secret_providers), inspect.getsource(string)]
    texts += [
        f"a = \"{key}\"\nb = '{key}'",
        f'"{key}"{key}"{key}"',  # the closing quote of one could open the next: finditer does not reuse it
        f'"{key[:-1]}" "{key}x" `{key}` "{key}\'',
        f'é = "{key}"  # ünïcode',
        "'" * 50 + key + "'" * 3,
        f'"{key}{key}"',
    ]
    for text in texts:
        assert list(hint.starts(text)) == [m.start() for m in hint.pattern.finditer(text)]
    assert list(hint.starts(texts[3])) == [4, 51] and list(hint.starts(texts[4])) == [0, 82]


def test_literal_first_anchored_matches_are_finditers():
    """compared_literals tries _LITERAL_FIRST only where an `==`/`!=` names a start: the same matches as finditer over
    the whole text, on real code, on written cases (spaces before the operator, quotes inside quotes, long literals,
    chained comparisons) and on random text over the characters that matter."""
    from repoloom.filters import secrets

    cases = [
        inspect.getsource(secrets),
        REAL,
        '"s3cr3t!" == password and \'abcd\' != token and `wxyz`!==apiKey and "abcd"===x',
        '"abcd"    == x, "abcd"     == y, "ab cd" == z, \'"abcd"\' == w, "x"y"abcd" == v',
        '"abcd" == "efgh" == name; "' + "a" * 128 + '" == n1; "' + "a" * 129 + '" == n2',
        '"abcd"\t\t== n\n"abcd"=\n= n "abcd" = = n `abcd` != `n` "abc" == n',
    ]
    rng = np.random.default_rng(11)
    pieces = ['"', "'", "`", " ", "  ", "\t", "==", "!=", "===", "=", "!", "abcd", "ab", "x.y", "$k", "\\", "\n", "é"]
    cases += ["".join(rng.choice(pieces, size=int(rng.integers(10, 120)))) for _ in range(3000)]
    assert _same_spans(cases, secrets._LITERAL_FIRST, secrets._literal_first_matches) > 50


def test_quoted_matches_are_finditers():
    """entropy_keys' quoted strings found from a translated copy: the same matches as _QUOTED.finditer on real code,
    on written cases (runs of 15-17 and over 512, a closing quote opening the next, whitespace \\s has beyond ASCII's
    usual, backslashes) and on random text over the characters that matter."""
    v = "Ab3/+=_-.:;xYz9Q"  # 16 characters a run may hold
    cases = [
        REAL,
        inspect.getsource(secret_providers),
        f'"{v}" \'{v}x\' `{v[:-1]}` "{v}"{v}"{v}" "{v}\x1c{v}" "{v}\\n" "{"a" * 512}" "{"a" * 513}"',
        f"'{v}\"{v}' \"{v}é\" '{v}'",
    ]
    rng = np.random.default_rng(5)
    pieces = ['"', "'", "`", " ", "\t", "\\", "\n", "\x1f", v, v[:9], "abc", "é"]
    cases += ["".join(rng.choice(pieces, size=int(rng.integers(5, 80)))) for _ in range(3000)]
    assert _same_spans(cases, secret_providers._QUOTED, secret_providers._quoted_matches) > 500


def _same_spans(cases: list[str], pattern, fast) -> int:
    """Asserts that fast(text) yields the matches pattern.finditer(text) does on every case; returns how many."""
    found = 0
    for text in cases:
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in fast(text)] == want, text
        found += len(want)
    return found
