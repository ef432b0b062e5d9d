"""Placeholders replace findings exactly: overlapping findings (two detectors on one secret) become one
placeholder over their union's first finding, and the text around them is untouched."""

from repoloom.filters.pii import Finding, apply_redactions

TEXT = 'url = "postgres://svc:Hx7kq29Lm@db1.acme-corp.io/orders"  # owner: ops@acme-corp.io\n'


def test_overlapping_findings_give_one_placeholder():
    pw = TEXT.index("Hx7kq29Lm")
    url_end = TEXT.index('"  #')
    findings = [Finding("password", pw, pw + 9, "a"), Finding("key", pw - 4, url_end, "b")]
    out = apply_redactions(TEXT, findings)
    assert out == 'url = "postgres://<KEY>"  # owner: ops@acme-corp.io\n'


def test_adjacent_findings_each_replaced_in_order():
    mail = TEXT.index("ops@")
    pw = TEXT.index("Hx7kq29Lm")
    findings = [Finding("email", mail, mail + len("ops@acme-corp.io"), "e"), Finding("password", pw, pw + 9, "p")]
    out = apply_redactions(TEXT, findings)
    assert out == 'url = "postgres://svc:<PASSWORD>@db1.acme-corp.io/orders"  # owner: <EMAIL>\n'


def test_findings_cover_exactly_the_secret():
    """An over-wide span would eat code around the secret; a narrow one would leak part of it."""
    from repoloom.filters.pii import PiiConfig, find_pii

    planted = {
        "jane.roe@acme-corp.io": "email",
        "52.14.201.7": "ip_address",
        "AKIAQ3EGRT5HXL7WZ2MB": "key",
        "ghp_4Fq8Zr2Lm7Tn1Xc9Vb3Hk6Pd0Sw5Jy2Ge8Ra": "key",
    }
    text = (
        "# maintainer: jane.roe@acme-corp.io, mirror 52.14.201.7 (eu)\n"
        'AWS_ACCESS_KEY_ID = "AKIAQ3EGRT5HXL7WZ2MB"\ntoken = "ghp_4Fq8Zr2Lm7Tn1Xc9Vb3Hk6Pd0Sw5Jy2Ge8Ra"\n'
    )
    found = {(text[f.start : f.end], f.kind) for f in find_pii(text, PiiConfig())}
    assert found == set(planted.items())
