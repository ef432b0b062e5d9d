"""End to end against expectations the test derives itself, never from the code under test.

The corpus is made here: real standard-library modules, a few small original modules with a known import
chain, planted PII at known places, a UTF-16 file, an empty and a binary file, and one module copied into
three repositories (one copy with CRLF line ends and trailing blanks). What must come out follows from the
documented rules alone:
- empty, binary, vendored, generated and language-less files are dropped under those names;
- each kept file's text is its raw bytes decoded, with each planted secret replaced by its placeholder;
- exact dedup keeps the copy ranked first by licence class (permissive, then none, then other), then
  (repo, path), and normalises line ends and trailing blanks before hashing;
- every FIM piece decodes according to the mode its lineage names (PSM or SPM), to exactly its chars;
- a file that imports another comes after it, and a test after its subject, wherever they share a segment.
"""

import codecs
import inspect
import json
import os

import pyarrow.parquet as pq
import pytest

from repoloom.pipelines.cmd_inspect import Dataset
from tests.pipelines.helpers import build

SEQ_LEN = 1024
MIT = """MIT License

Copyright (c) 2024 Example Authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of
the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
"""

# planted secret -> the placeholder the README promises in its place
SECRETS = {
    "jane.roe@acme-corp.io": "<EMAIL>",
    "52.14.201.7": "<IP_ADDRESS>",
    "AKIAQ3EGRT5HXL7WZ2MB": "<KEY>",
    "ghp_4Fq8Zr2Lm7Tn1Xc9Vb3Hk6Pd0Sw5Jy2Ge8Ra": "<KEY>",
    "gward@python.net": "<EMAIL>",  # already in textwrap.py's header
}

SETTINGS = '''"""Deployment settings for the unit converter service."""
# maintainer: jane.roe@acme-corp.io; staging mirror at 52.14.201.7
AWS_ACCESS_KEY_ID = "AKIAQ3EGRT5HXL7WZ2MB"
GITHUB_TOKEN = "ghp_4Fq8Zr2Lm7Tn1Xc9Vb3Hk6Pd0Sw5Jy2Ge8Ra"
TIMEOUT_SECONDS = 30


def describe():
    """A one-line summary of the settings for logs."""
    return f"timeout={TIMEOUT_SECONDS}s"
'''

UNITS = '''"""Length units and their size in metres."""
METRES = {"mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0, "in": 0.0254, "ft": 0.3048}


def factor(unit):
    """Metres in one `unit`."""
    try:
        return METRES[unit]
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}") from None
'''

CONVERT = '''"""Convert lengths between units."""
from alpha.core.units import factor


def convert(value, source, target):
    """`value` in `source` units, expressed in `target` units."""
    return value * factor(source) / factor(target)
'''

APP = '''"""Command line: python -m alpha.app 3 ft m"""
import sys

from alpha.core.convert import convert


def main(argv):
    value, source, target = float(argv[0]), argv[1], argv[2]
    print(f"{convert(value, source, target):.4f} {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
'''

TEST_CONVERT = """from alpha.core.convert import convert


def test_feet_to_metres():
    assert abs(convert(1, "ft", "m") - 0.3048) < 1e-12


def test_round_trip():
    assert abs(convert(convert(5, "km", "in"), "in", "km") - 5) < 1e-9
"""

LEGACY = '''"""Kept in UTF-16 by an old editor; the build must read it as text."""


def legacy_ratio(a, b):
    """Ratio of a to b, or zero when b is zero."""
    return a / b if b else 0.0
'''

# (dependency, dependent): the import chain above, and the test after its subject
ORDER = [
    ("alpha/core/units.py", "alpha/core/convert.py"),
    ("alpha/core/convert.py", "alpha/app.py"),
    ("alpha/core/convert.py", "tests/test_convert.py"),
]


def _stdlib(name):
    import importlib

    return inspect.getsource(importlib.import_module(name))


def _write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus") / "repos"
    dup = _stdlib("colorsys")
    crlf_variant = "".join(line.rstrip("\n") + "  \r\n" for line in dup.splitlines(keepends=True))
    files = {
        ("alpha", "alpha/__init__.py"): b"",
        ("alpha", "alpha/core/units.py"): UNITS,
        ("alpha", "alpha/core/convert.py"): CONVERT,
        ("alpha", "alpha/app.py"): APP,
        ("alpha", "tests/test_convert.py"): TEST_CONVERT,
        ("alpha", "alpha/core/settings.py"): SETTINGS,
        ("alpha", "alpha/core/legacy.py"): codecs.BOM_UTF16_LE + LEGACY.encode("utf-16-le"),
        ("alpha", "alpha/assets/logo.png"): b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        ("alpha", "alpha/util/colorsys.py"): dup,
        ("alpha", "vendor/bisect.py"): _stdlib("bisect"),
        ("beta", "LICENSE"): MIT,
        ("beta", "colour/colorsys.py"): dup,
        ("beta", "colour/textwrap.py"): _stdlib("textwrap"),
        ("gamma", "lib/colorsys.py"): crlf_variant,
        ("gamma", "lib/keyword.py"): _stdlib("keyword"),  # says "generated by" in its header
        ("gamma", "lib/heapq.py"): _stdlib("heapq"),
    }
    for (repo, path), data in files.items():
        _write(str(root / repo / path), data)
    return root, files


def _expected(files):
    """Kept files and their texts, and the drops by (repo, path), from the rules in the module docstring."""
    drops = {
        ("alpha", "alpha/__init__.py"): "empty",
        ("alpha", "alpha/assets/logo.png"): "binary",
        ("beta", "LICENSE"): "unknown_language",
        ("alpha", "vendor/bisect.py"): "vendored",
        ("gamma", "lib/keyword.py"): "autogenerated",
    }
    # keeper: beta's copy (MIT = permissive) beats alpha's and gamma's (no licence), whatever their names
    drops[("alpha", "alpha/util/colorsys.py")] = "exact_duplicate"
    drops[("gamma", "lib/colorsys.py")] = "exact_duplicate"  # equal only after normalisation
    kept = {}
    for key, data in files.items():
        if key in drops:
            continue
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        text = raw[2:].decode("utf-16-le") if raw.startswith(codecs.BOM_UTF16_LE) else raw.decode("utf-8")
        for secret, placeholder in SECRETS.items():
            text = text.replace(secret, placeholder)
        kept[key] = text
    return kept, drops


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    root, _ = corpus
    out = tmp_path_factory.mktemp("out") / "ds"
    assert build([root], out, "--seq-len", SEQ_LEN, "--set", "tokenizer.vocab_size=1200", "--set", "fim.rate=0.9") == 0
    return out


def _decode_piece(ds, toks, mode, header):
    """A piece's source text, read the way its lineage says it was laid out (never inferred from the tokens)."""
    sp = ds.tok.special_ids
    P, S, M = sp["fim_prefix"], sp["fim_suffix"], sp["fim_middle"]
    head = ds.tok.encode(header)
    assert toks[: len(head)] == head, "each piece starts with its path header"
    body = toks[len(head) :]
    if not mode:
        assert not {P, S, M} & set(body), "a plain piece holds no FIM sentinel"
        return ds.tok.decode(body)
    assert [t for t in body if t in (P, S, M)] == [P, S, M]
    s, m = body.index(S), body.index(M)
    assert body[0] == P
    if mode == "psm":  # <P>prefix<S>suffix<M>middle
        return ds.tok.decode(body[1:s]) + ds.tok.decode(body[m + 1 :]) + ds.tok.decode(body[s + 1 : m])
    assert mode == "spm" and s == 1, "SPM: <P><S>suffix<M>prefix middle"
    return ds.tok.decode(body[m + 1 :]) + ds.tok.decode(body[s + 1 : m])


def _pieces(ds):
    for e in range(ds.info["num_examples"]):
        row = ds.row(e)
        for x in ds.lineage(e):
            yield e, x, row["targets"][x["token_start"] : x["token_end"]]


def test_every_file_accounted_for_with_the_documented_reason(built, corpus):
    _, files = corpus
    kept, drops = _expected(files)
    info = json.loads((built / "dataset.json").read_text())
    assert info["files_in"] == len(files)
    assert info["files_kept"] == len(kept)
    listed = {}
    for reason in info["dropped"]:
        for r in pq.read_table(built / "drops" / f"{reason}.parquet").to_pylist():
            listed[(r["repo"], r["path"])] = reason
    assert set(listed) == set(drops)
    assert listed == drops


def test_exact_dedup_keeps_the_best_ranked_copy(built):
    rows = pq.read_table(built / "drops" / "exact_duplicate.parquet").to_pylist()
    assert {(r["repo"], r["path"]) for r in rows} == {("alpha", "alpha/util/colorsys.py"), ("gamma", "lib/colorsys.py")}
    assert all("beta/colour/colorsys.py" in r["detail"] for r in rows), "each drop names the kept copy"


def test_kept_files_rebuild_exactly_from_rows_by_their_labelled_fim_mode(built, corpus):
    _, files = corpus
    kept, _ = _expected(files)
    ds = Dataset(str(built))
    got: dict = {}
    modes = set()
    for _, x, toks in _pieces(ds):
        text = _decode_piece(ds, toks, x["fim_mode"], x["path"] + "\n")
        assert len(text) == x["char_end"] - x["char_start"]
        got.setdefault((x["repo"], x["path"]), {})[x["piece"]] = (x["char_start"], text)
        modes.add(x["fim_mode"])
    assert set(got) == set(kept)
    for key, parts in got.items():
        starts = [parts[i][0] for i in sorted(parts)]
        assert starts == sorted(starts) and starts[0] == 0
        assert "".join(parts[i][1] for i in sorted(parts)) == kept[key], key
    assert {"psm", "spm"} <= modes
    whole = "\n".join("".join(p[1] for p in parts.values()) for parts in got.values())
    for secret in SECRETS:
        assert secret not in whole, "a secret reached a row (possibly cut apart by FIM sentinels)"


def test_imports_and_tests_follow_their_dependencies_within_a_segment(built):
    ds = Dataset(str(built))
    where = {}
    for e, x, _ in _pieces(ds):
        if x["repo"] == "alpha" or x["path"].startswith("tests/"):
            where.setdefault(x["path"], (e, x["segment"], x["token_start"]))
    checked = 0
    for dep, user in ORDER:
        (e1, s1, t1), (e2, s2, t2) = where[dep], where[user]
        if (e1, s1) == (e2, s2):
            assert t1 < t2, f"{user} comes before {dep}"
            checked += 1
    assert checked >= 2, "the small chain repository shares one segment"
