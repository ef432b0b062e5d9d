"""The keep-or-drop gate on raw bytes: encodings it promises to read, and what it calls binary.

Expectations come from Python's own codecs, not from the gate: a UTF-16 file with a BOM must come back as
exactly the text Python decodes, and be judged like the same text in UTF-8."""

import codecs
import inspect

import pytest

from repoloom.pipelines.config import gate_config, load_config
from repoloom.filters import gate

# real code: the source of a standard-library module, so the text is not shaped for the test
REAL = inspect.getsource(codecs)[:6000]


@pytest.fixture(scope="module")
def cfg():
    return gate_config(load_config())


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom_is_read_as_its_text(cfg, bom, encoding):
    data = bom + REAL.encode(encoding)
    assert not gate.is_binary(data)
    assert gate.decode(data) == REAL
    verdict = gate.judge("r", "codecs_copy.py", data, {}, cfg)
    utf8 = gate.judge("r", "codecs_copy.py", REAL.encode("utf-8"), {}, cfg)
    assert verdict.reason == utf8.reason and verdict.text == REAL and verdict.language == "python"


def test_utf16_without_bom_is_binary(cfg):
    # without a BOM nothing says the NULs are half-characters: the gate must not guess
    assert gate.judge("r", "a.py", REAL.encode("utf-16-le"), {}, cfg).reason == "binary"


def test_utf16_with_bom_but_binary_payload_is_binary():
    payload = "".join(map(chr, range(1, 32))).encode("utf-16-le") * 64  # control characters once decoded
    assert gate.is_binary(codecs.BOM_UTF16_LE + payload)


def test_utf8_bom_is_stripped_and_latin1_is_undecodable(cfg):
    assert gate.decode(codecs.BOM_UTF8 + b"x = 1\n") == "x = 1\n"
    assert gate.judge("r", "a.py", "# caf\xe9\nx = 1\n".encode("latin-1"), {}, cfg).reason == "undecodable"


def test_png_is_binary(cfg):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert gate.judge("r", "logo.png", png, {}, cfg).reason == "binary"


def test_one_nul_byte_in_text_is_binary(cfg):
    # the documented rule: any NUL in the first 8 KiB (without a UTF-16 BOM) means binary, however textual the rest
    data = REAL[:3000].encode() + b"\x00" + REAL[3000:].encode()
    assert gate.judge("r", "a.py", data, {}, cfg).reason == "binary"


def test_binary_is_more_than_a_tenth_control_bytes_in_the_first_8_kib():
    """Tab, LF, FF, CR and ESC are text; any other byte below 32 counts. The share is taken over the first
    8 KiB only, and a share of exactly a tenth is still text."""
    text = b"x = 1\tyes\r\n\x0c\x1b[0m" * 10
    assert not gate.is_binary(text)
    for ctl in (1, 7, 8, 11, 31):
        assert not gate.is_binary(b"a" * 90 + bytes([ctl]) * 10)  # 10%: text
        assert gate.is_binary(b"a" * 89 + bytes([ctl]) * 11)  # 11%: binary
    assert not gate.is_binary(b"a" * 8192 + b"\x01" * 8192)  # the control half lies past the sniffed head
    assert gate.is_binary(b"\x01" * 1000 + b"a" * 8192)
