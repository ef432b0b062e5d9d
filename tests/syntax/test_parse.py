"""Exact-dedup key: the README promises that copies differing only in line ends and trailing blanks are one
file, while any change a reader can see (indentation, a character) makes them two."""

import inspect
import json

from repoloom.syntax.parse import content_sha

REAL = inspect.getsource(json)


def test_line_ends_and_trailing_blanks_do_not_matter():
    crlf = REAL.replace("\n", "\r\n")
    padded = "".join(line + "   \t\n" for line in REAL.split("\n"))
    assert content_sha(crlf) == content_sha(REAL) == content_sha(padded) == content_sha("\n\n" + REAL + "\n\n")


def test_visible_changes_do_matter():
    assert content_sha(REAL.replace("    ", "  ", 1)) != content_sha(REAL)  # indentation is meaning in Python
    assert content_sha(REAL.replace("import", "imports", 1)) != content_sha(REAL)
    assert content_sha(REAL.replace("\n", " ", 1)) != content_sha(REAL)
