"""pii.credsweeper: CredSweeper's real scan (rules + ML validation) as a second opinion, value spans exact."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import networkx.classes.graph
import pytest

from repoloom.core.config import section
from repoloom.filters import pii, secret_credsweeper
from repoloom.filters.pii import PiiConfig
from repoloom.filters.secret_credsweeper import credsweeper_hits
from repoloom.pipelines.config import load_config

# shaped like real leaks: AWS's documented key pair layout in a .env, a YAML datasource, a signed HS256 JWT
AWS_ID, AWS_SECRET = "AKIAZ3MSJV4WWNKWW5FG", "Kq9z7Xv2pL0mN4bR8tY6wE1uI3oA5sD7fG9hJ2kL"
DOTENV = f"""# deploy/.env.production
APP_ENV=production
AWS_REGION=eu-west-1
AWS_ACCESS_KEY_ID={AWS_ID}
AWS_SECRET_ACCESS_KEY={AWS_SECRET}
S3_BUCKET=assets-prod
"""
DB_PASSWORD = "Tr0ub4dor&3xK9"
YAML = f"""spring:
  datasource:
    url: jdbc:postgresql://db.internal:5432/orders
    username: orders_svc
    password: {DB_PASSWORD}
  jpa:
    hibernate:
      ddl-auto: validate
"""
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
JS = f"""import axios from "axios";

const client = axios.create({{
  baseURL: "https://api.internal.example/v2",
  headers: {{ Authorization: "Bearer {JWT}" }},
}});
"""


@pytest.fixture(scope="module")
def cfg_on():
    return section(load_config(overrides={"pii": {"credsweeper": True}}), PiiConfig)


def _spans(text, hits):
    return [(h.kind, text[h.start : h.end]) for h in hits]


def test_aws_key_pair_in_dotenv_exact_value_spans():
    hits = credsweeper_hits(DOTENV)
    assert {(h.start, h.end) for h in hits} == {
        (DOTENV.index(AWS_ID), DOTENV.index(AWS_ID) + len(AWS_ID)),
        (DOTENV.index(AWS_SECRET), DOTENV.index(AWS_SECRET) + len(AWS_SECRET)),
    }
    assert set(_spans(DOTENV, hits)) == {("key", AWS_ID), ("key", AWS_SECRET)}
    assert all(h.detector.startswith("CredSweeper: ") for h in hits)


def test_crlf_lines_keep_exact_offsets():
    text = DOTENV.replace("\n", "\r\n")
    hits = credsweeper_hits(text)
    assert {text[h.start : h.end] for h in hits} == {AWS_ID, AWS_SECRET}
    assert min(h.start for h in hits) == text.index(AWS_ID)


def test_password_in_yaml_config_is_a_password():
    hits = credsweeper_hits(YAML)
    assert _spans(YAML, hits) == [("password", DB_PASSWORD)]
    assert hits[0].start == YAML.index(DB_PASSWORD)


def test_jwt_in_a_header_is_a_key():
    hits = credsweeper_hits(JS)
    assert _spans(JS, hits) == [("key", JWT)]


def test_a_value_past_the_first_chunk_of_a_long_line_is_located():
    # CredSweeper scans a line over 8,000 characters in 4,000-character chunks and reports offsets in the chunk
    filler = ", ".join(f'"item_{i:05d}"' for i in range(900))  # a generated array literal, 13 kB on one line
    line = f"const data = [{filler}]; const AWS_SECRET_ACCESS_KEY = '{AWS_SECRET}';"
    text = "// generated\n" + line + "\n"
    hits = credsweeper_hits(text)
    assert len(line) > 8000 and (text.index(AWS_SECRET), text.index(AWS_SECRET) + len(AWS_SECRET)) in {
        (h.start, h.end) for h in hits
    }
    assert all(text[h.start : h.end] == AWS_SECRET for h in hits)


def test_deterministic_and_sorted():
    text = DOTENV + YAML + JS
    first = credsweeper_hits(text)
    assert first == credsweeper_hits(text) == sorted(first, key=lambda h: (h.start, h.end, h.kind))
    assert [text[h.start : h.end] for h in first] == [AWS_ID, AWS_SECRET, DB_PASSWORD, JWT]


def test_report_that_does_not_point_at_its_value_is_not_located():
    text = "password = 'Tr0ub4dor&3xK9'\n"
    lines, starts = [text[:-1], ""], [0, len(text)]
    good = SimpleNamespace(value=DB_PASSWORD, line_num=1, line=lines[0], value_start=12, value_end=26)
    assert secret_credsweeper._locate(text, starts, lines, good) == (12, 26)
    wrong = SimpleNamespace(value="not-there", line_num=1, line=lines[0], value_start=12, value_end=21)
    assert secret_credsweeper._locate(text, starts, lines, wrong) is None
    past = SimpleNamespace(value=DB_PASSWORD, line_num=7, line=lines[0], value_start=12, value_end=26)
    assert secret_credsweeper._locate(text, starts, lines, past) is None


def test_find_pii_adds_its_hits_and_merges_overlaps(cfg, cfg_on):
    text = DOTENV + YAML
    off, on = pii.find_pii(text, cfg), pii.find_pii(text, cfg_on)
    values = [text[f.start : f.end] for f in on]
    assert [values.count(v) for v in (AWS_ID, AWS_SECRET, DB_PASSWORD)] == [1, 1, 1]  # both found them: one finding
    assert all(a.end <= b.start for a, b in zip(on, on[1:]))  # sorted, none overlapping
    assert all(any(g.start <= f.start and f.end <= g.end for g in on) for f in off)  # ours are kept


def test_clean_site_packages_source_stays_unaltered(cfg_on):
    path = networkx.classes.graph.__file__
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert len(text) > 50_000
    assert credsweeper_hits(text) == []
    findings = pii.find_pii(text, cfg_on)
    assert pii.apply_redactions(text, findings) == text


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))


def test_option_off_never_imports_credsweeper():
    r = _run(
        "import sys\n"
        "from repoloom.core.config import section\n"
        "from repoloom.filters import pii\n"
        "from repoloom.pipelines.config import load_config\n"
        "p = section(load_config(), pii.PiiConfig)\n"
        f"assert pii.find_pii({DOTENV!r}, p)\n"
        "print('credsweeper' in sys.modules, any(m.startswith('credsweeper') for m in sys.modules))\n"
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "False"]


def test_missing_package_fails_at_config_time_naming_the_extra():
    # sys.modules[name] = None is how Python marks a module that cannot be imported
    r = _run(
        "import sys\n"
        "sys.modules['credsweeper'] = None\n"
        "from repoloom.pipelines.config import load_config\n"
        "load_config()\n"
        "load_config(overrides={'pii': {'credsweeper': True, 'secrets': False}})\n"
        "load_config(overrides={'pii': {'credsweeper': True}})\n"
    )
    assert r.returncode != 0
    assert "ConfigError" in r.stderr and "pip install 'repoloom[credsweeper]'" in r.stderr
    assert 'File "<string>", line 6' in r.stderr  # the last call raised, not the option-off ones before it


def test_the_gate_passes_the_file_path_and_credsweeper_weighs_it(cfg):
    # a short word-like password our rules take for a stand-in; CredSweeper's model accepts it only when it knows
    # the file's name (the extension is one of its features), which gate.judge hands it as scanning a repo would
    from repoloom.filters import gate
    from repoloom.pipelines.config import gate_config

    text = "redis:\n  host: cache\n  port: 6379\n  password: llama\n"
    span = (text.index("llama"), text.index("llama") + 5)
    assert pii.find_pii(text, cfg) == []
    assert credsweeper_hits(text) == []
    assert [(h.kind, h.start, h.end) for h in credsweeper_hits(text, "deploy/app.yml")] == [("password", *span)]
    g = gate_config(load_config(overrides={"pii": {"credsweeper": True}}))
    v = gate.judge("acme/orders", "deploy/app.yml", text.encode(), {}, g)
    assert v.reason is None and [(f.kind, f.start, f.end) for f in v.findings] == [("password", *span)]
