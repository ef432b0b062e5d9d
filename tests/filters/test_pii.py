"""E-mails and IP addresses: positives, look-alikes that must stay, placeholders, overlaps, offsets."""

from __future__ import annotations

import pytest

from repoloom.core.config import section
from repoloom.filters.pii import PiiConfig, PlaceholdersConfig
from repoloom.pipelines.config import load_config
from repoloom.filters import pii


def spans(text, cfg, kind=None):
    return [text[f.start : f.end] for f in pii.find_pii(text, cfg) if kind is None or f.kind == kind]


@pytest.mark.parametrize(
    "text,email",
    [
        ("# Author: Jane Roe <jane.roe@acme-corp.io>", "jane.roe@acme-corp.io"),
        ('__author__ = "k.tanaka+pypi@uni-tokyo.ac.jp"', "k.tanaka+pypi@uni-tokyo.ac.jp"),
        ("mailto:ops_team@startup.dev?subject=x", "ops_team@startup.dev"),
        ("// contact mário.silva@gmail.com.", "silva@gmail.com"),  # non-ASCII local part: the ASCII tail is caught
        ("email = 'a.b-c@mail.co.uk'", "a.b-c@mail.co.uk"),
    ],
)
def test_emails_found(cfg, text, email):
    assert email in spans(text, cfg, "email")[0]


@pytest.mark.parametrize(
    "text",
    [
        "user@example.com and admin@sub.example.org",  # documentation domains
        "noreply@github.com; no-reply@corp.io",  # placeholder local parts
        "git@github.com:apache/beam.git",  # ssh remote
        "y = x@self.weight",  # matrix product
        "<img src='logo@2x.png'>",  # retina asset
        "npm install @babel/core@7.24.0",
        "ssh user@localhost",
        "host = 'postgres://u:p4ssW0rd1@db.internal-corp.com'",  # a URL credential, not an e-mail
    ],
)
def test_email_lookalikes_kept(cfg, text):
    assert spans(text, cfg, "email") == []


def test_email_keep_lists_are_configurable(cfg):
    c = section(
        load_config(overrides={"pii": {"keep_email_domains": ["acme-corp.io"], "keep_email_locals": []}}), PiiConfig
    )
    assert spans("jane@acme-corp.io", c, "email") == []
    assert spans("noreply@corp.io", c, "email") == ["noreply@corp.io"]
    assert spans("noreply@corp.io", cfg, "email") == []


@pytest.mark.parametrize(
    "text,ip",
    [
        ("server = '52.14.201.7'", "52.14.201.7"),
        ("curl http://185.199.108.153:8080/api", "185.199.108.153"),
        ("bind [2a03:2880:f12f:83:face:b00c::25de]:443", "2a03:2880:f12f:83:face:b00c::25de"),
        ("upstream 2607:f8b0:4005:80a::200e;", "2607:f8b0:4005:80a::200e"),
    ],
)
def test_public_ips_found(cfg, text, ip):
    assert spans(text, cfg, "ip_address") == [ip]


@pytest.mark.parametrize(
    "text",
    [
        "listen 127.0.0.1:8000; 10.0.0.12; 192.168.1.20; 172.16.4.2",  # loopback and private
        "example 192.0.2.10, 198.51.100.7, 203.0.113.99, 2001:db8::1",  # documentation ranges
        "nameserver 8.8.8.8 1.1.1.1 2001:4860:4860::8888",  # public resolvers
        '__version__ = "2.14.155.3"; VERSION 10.15.120.2',  # versions
        "OID 1.3.6.1.4.1.311.21.7 and v1.2.3.4 and 1.2.3.4",
        "v8: '14.3.127.18-node.10'",
        "std::vector<int>::iterator it; a::b::c; dead::beef; 12:30:45; 00:1a:2b:3c:4d:5e",
        "0.0.0.0 255.255.255.255 300.1.2.3 123.123.123.123",
    ],
)
def test_ip_lookalikes_kept(cfg, text):
    assert spans(text, cfg, "ip_address") == []


def test_non_public_ips_can_be_redacted_too():
    c = section(load_config(overrides={"pii": {"skip_non_public_ips": False, "keep_ips": []}}), PiiConfig)
    assert spans("db at 10.0.0.12 and 208.67.222.222", c, "ip_address") == ["10.0.0.12", "208.67.222.222"]


def test_redaction_placeholders_and_offsets(cfg):
    text = "# ping jane.roe@acme-corp.io at 52.14.201.7 ok\n"
    found = pii.find_pii(text, cfg)
    assert [(f.kind, text[f.start : f.end]) for f in found] == [
        ("email", "jane.roe@acme-corp.io"),
        ("ip_address", "52.14.201.7"),
    ]
    assert pii.apply_redactions(text, found) == "# ping <EMAIL> at <IP_ADDRESS> ok\n"
    custom = pii.apply_redactions(text, found, PlaceholdersConfig(email="[mail]"))
    assert custom == "# ping [mail] at <IP_ADDRESS> ok\n"
    assert pii.count_kinds(found) == {"email": 1, "ip_address": 1}


def test_kinds_switch_off(cfg):
    text = "jane.roe@acme-corp.io 52.14.201.7 password = 'Hx7!kq29Lm'"
    c = section(load_config(overrides={"pii": {"emails": False, "ips": False}}), PiiConfig)
    assert [f.kind for f in pii.find_pii(text, c)] == ["password"]
    c = section(load_config(overrides={"pii": {"secrets": False}}), PiiConfig)
    assert [f.kind for f in pii.find_pii(text, c)] == ["email", "ip_address"]


def test_overlaps_resolve_to_the_more_sensitive_kind():
    found = pii._resolve(
        [pii.Finding("email", 5, 30), pii.Finding("password", 0, 12), pii.Finding("ip_address", 40, 50)]
    )
    assert found == [pii.Finding("password", 0, 12), pii.Finding("ip_address", 40, 50)]
    # many findings resolve in one sweep (no quadratic pairwise check)
    many = [pii.Finding("ip_address", i * 20, i * 20 + 11) for i in range(50_000)]
    assert len(pii._resolve(many)) == 50_000


def test_redacted_share(cfg):
    text = "x" * 90 + "jane@acme.io"[:10]
    assert pii.redacted_share(text, [pii.Finding("email", 90, 100)]) == pytest.approx(0.1)
    assert pii.redacted_share("", []) == 0.0


def test_non_ascii_text_offsets_are_characters(cfg):
    text = "# 作者: 王伟 <wei.wang@tsinghua.edu.cn> — serveur 52.14.201.7 ✓"
    found = pii.find_pii(text, cfg)
    assert [text[f.start : f.end] for f in found] == ["wei.wang@tsinghua.edu.cn", "52.14.201.7"]
