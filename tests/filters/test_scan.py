"""`repoloom scan`: per-file JSON (offsets, never the secrets), redacted text, the same verdicts as the build."""

from __future__ import annotations

import json

import pytest
from secret_samples import SAMPLES, python_module

from repoloom.pipelines.config import gate_config, load_config
from repoloom.filters.scan import scan_file, scan_text
from repoloom.pipelines import cli

SRC = (
    'import os\n\nDB_URL = "postgres://svc:Hx7!kq29Lm@db1.acme-corp.io:5432/orders"\n'
    "# maintainer: jane.roe@acme-corp.io, upstream 52.14.201.7\n\n\n"
    'def connect(url=None):\n    """Open a connection to the orders database."""\n'
    "    return os.environ.get('DB', url or DB_URL)\n"
)


@pytest.fixture(scope="module")
def cfg():
    return gate_config(load_config())


def test_scan_text_reports_kinds_and_offsets(cfg):
    r = scan_text("acme/orders", "db.py", SRC, cfg)
    assert list(r)[:4] == ["path", "kept", "reason", "redactions"]  # quality, contamination follow
    assert r["path"] == "db.py" and r["kept"] is True and r["reason"] is None
    got = [(d["kind"], SRC[d["start"] : d["end"]]) for d in r["redactions"]]
    assert got == [("password", "Hx7!kq29Lm"), ("email", "jane.roe@acme-corp.io"), ("ip_address", "52.14.201.7")]
    assert "Hx7!kq29Lm" not in json.dumps(r)


def test_scan_bytes_offsets_are_characters_of_the_decoded_text(cfg):
    text = "# é中 jane.roe@acme-corp.io\n"
    r = scan_text("", "a.py", b"\xef\xbb\xbf" + text.encode("utf-8"), cfg)
    (d,) = r["redactions"]
    assert text[d["start"] : d["end"]] == "jane.roe@acme-corp.io"


def test_scan_verdicts(cfg):
    assert scan_text("", "a.py", b"\x00\x01\x02binary", cfg)["reason"] == "binary"
    assert scan_text("", "a.py", b"\xff\xfe\xfa\x00bad", cfg)["reason"] == "undecodable"
    assert scan_text("", "notes.unknownext", "hello\n", cfg)["reason"] == "unknown_language"
    dense = "".join(f"u{i} = 'user{i}.name@acme-corp.io'\n" for i in range(40))
    r = scan_text("", "emails.py", dense, cfg)
    assert (r["kept"], r["reason"], len(r["redactions"])) == (False, "pii_dense", 40)
    c = gate_config(load_config(overrides={"safety": {"opt_out": {"paths": ["vendor/*"]}}}))
    assert scan_text("", "vendor/x.py", SRC, c)["reason"] == "opt_out"


def test_scan_file_redacted_text_has_no_sample_secret(cfg):
    result, redacted = scan_file("", "settings.py", python_module(), cfg)
    assert result["kept"], result["reason"]
    assert not [k for k, s, _ in SAMPLES if s in redacted]
    assert len(result["redactions"]) == len(SAMPLES)


def test_cli_json_redacted_and_summary(tmp_path, capsys):
    f = tmp_path / "db.py"
    f.write_text(SRC, encoding="utf-8")
    assert cli.main(["scan", str(f), "--json"]) == 0
    line = capsys.readouterr().out.strip()
    obj = json.loads(line)
    assert obj["path"] == str(f) and obj["kept"] is True
    assert [d["kind"] for d in obj["redactions"]] == ["password", "email", "ip_address"]
    assert "Hx7!kq29Lm" not in line and "jane.roe" not in line

    assert cli.main(["scan", str(f), "--redacted"]) == 0
    out = capsys.readouterr().out
    assert "postgres://svc:<PASSWORD>@db1" in out and "<EMAIL>" in out and "<IP_ADDRESS>" in out
    assert "Hx7!kq29Lm" not in out

    assert cli.main(["scan", str(f), "--set", "pii.ips=false"]) == 0
    assert capsys.readouterr().out.strip() == f"{f}: kept; email: 1, password: 1"

    assert cli.main(["scan", str(tmp_path / "missing.py"), "--json"]) == 1
