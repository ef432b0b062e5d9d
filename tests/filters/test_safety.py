"""Safety: opt-out lists, licence detection and allowlist, content blocklists, and their off-switches."""

from __future__ import annotations

import glob
import os
import sysconfig

import pytest

from repoloom.core.config import ConfigError
from repoloom.core.config import section
from repoloom.filters.safety import SafetyConfig
from repoloom.pipelines.config import gate_config, load_config
from repoloom.core.types import SourceFile
from repoloom.filters import safety
from repoloom.pipelines.filestage import process_file


SITE = sysconfig.get_paths()["purelib"]


def cfg_with(**safety_over):
    return section(load_config(overrides={"safety": safety_over}), SafetyConfig)


def gate_with(**safety_over):
    return gate_config(load_config(overrides={"safety": safety_over}))


# ---- opt-out ------------------------------------------------------------------------------------


def test_opt_out_by_repo_owner_and_path():
    c = cfg_with(opt_out={"repos": ["acme/secret-sauce"], "owners": ["bigcorp/"], "paths": ["secrets/*", "*.pem"]})
    assert safety.opt_out_reason("acme/secret-sauce", "a.py", c) == "opt_out"
    assert safety.opt_out_reason("acme/secret-sauce-2", "a.py", c) is None  # names are exact
    assert safety.opt_out_reason("bigcorp/anything", "src/x.go", c) == "opt_out"
    assert safety.opt_out_reason("acme/lib", "secrets/prod.py", c) == "opt_out"
    assert safety.opt_out_reason("acme/lib", "keys/server.pem", c) == "opt_out"
    assert safety.opt_out_reason("acme/lib", "src/secrets.py", c) is None


def test_defaults_opt_out_nothing_and_switch_off():
    assert safety.opt_out_reason("any/repo", "any/path.py", SafetyConfig()) is None
    off = section(load_config(overrides={"safety": {"enabled": False, "opt_out": {"repos": ["a/b"]}}}), SafetyConfig)
    assert safety.opt_out_reason("a/b", "x.py", off) is None


# ---- licence detection --------------------------------------------------------------------------


def _dist_license(pattern: str) -> str:
    paths = sorted(glob.glob(os.path.join(SITE, pattern), recursive=True))
    assert paths, pattern
    with open(paths[0], encoding="utf-8", errors="replace") as f:
        return f.read()


@pytest.mark.parametrize(
    "pattern,spdx",
    [
        # licence files of this project's own dependencies, so they are installed wherever tests run
        ("identify-*.dist-info/**/LICENSE*", "MIT"),
        ("[Pp]y[Yy][Aa][Mm][Ll]-*.dist-info/**/LICENSE*", "MIT"),
        ("detect_secrets-*.dist-info/**/LICENSE*", "Apache-2.0"),
        ("networkx-*.dist-info/**/LICENSE*", "BSD-3-Clause"),
    ],
)
def test_detect_license_on_installed_packages(pattern, spdx):
    assert safety.detect_license(_dist_license(pattern)) == spdx


def test_detect_license_vendored_texts_and_fallbacks():
    from identify.vendor.licenses import LICENSES

    texts = dict(LICENSES)
    for spdx in ("GPL-3.0", "MPL-2.0", "ISC", "Unlicense", "LGPL-2.1", "AGPL-3.0", "0BSD"):
        assert safety.detect_license(texts[spdx]) == spdx
    # a licence with a project notice appended: past the 5% edit distance, caught by the phrase rules
    mit = texts["MIT"].replace("[year] [fullname]", "2024 Jane Roe")
    assert safety.detect_license(mit + "\n\nThird-party notices:\n" + "x" * 3000) == "MIT"
    assert safety.detect_license("SPDX-License-Identifier: Apache-2.0 OR MIT\n") == "Apache-2.0 OR MIT"
    assert safety.detect_license("All rights reserved. Do not copy.") is None
    assert safety.detect_license("") is None


def test_detect_license_bad_input_is_fast():
    import time

    for text in ("\n" * 150_000 + "x", "Copyright " * 20_000, ("a " * 5000 + "\n") * 40, "\x00\ufffd" * 50_000):
        t0 = time.perf_counter()
        assert safety.detect_license(text) is None
        assert time.perf_counter() - t0 < 30  # linear; a backtracking pattern takes far longer


@pytest.mark.parametrize(
    "name,is_license",
    [
        ("LICENSE", True),
        ("LICENSE.md", True),
        ("license.txt", True),
        ("COPYING", True),
        ("LICENSE-MIT", True),
        ("UNLICENSE", True),
        ("COPYING.LESSER", True),
        ("licenses.py", False),
        ("license_check.py", False),
        ("README.md", False),
    ],
)
def test_license_file_names(name, is_license):
    assert bool(safety.LICENSE_FILES.match(name)) is is_license


# ---- licence policy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "license,dropped",
    [
        ("MIT", False),
        ("Apache-2.0", False),
        ("apache-2.0", False),
        ("BSD-3-Clause", False),
        ("GPL-3.0", True),
        ("GPL-2.0-only", True),
        ("AGPL-3.0-or-later", True),
        ("Proprietary", True),
        ("MIT OR GPL-3.0", False),  # either may be chosen
        ("MIT AND GPL-3.0", True),  # both apply
        (["MIT", "BSD-2-Clause"], False),
        (["MIT", "GPL-3.0"], True),  # a table's list: all apply
        ("Apache-2.0 WITH LLVM-exception", False),
        ("Apache License 2.0", False),
        ("MIT License", False),
        ("GNU GPL v3", True),  # names, not ids
        (None, False),
        ("", False),
        ("NOASSERTION", False),  # unknown: allowed by default
    ],
)
def test_license_policy_defaults(license, dropped):
    r = safety.license_reason({"license": license}, SafetyConfig())
    assert (r is not None) is dropped
    if dropped:
        assert r[0] == "license"


def test_license_policy_unknown_drop_custom_allowlist_and_off():
    assert safety.license_reason({}, cfg_with(license={"unknown": "drop"})) == ("license", "unknown licence")
    gpl_ok = cfg_with(license={"allow": ["GPL-3.0"]})
    assert safety.license_reason({"license": "GPL-3.0-or-later"}, gpl_ok) is None
    assert safety.license_reason({"license": "MIT"}, gpl_ok) == ("license", "MIT")
    assert safety.license_reason({"license": "GPL-3.0"}, cfg_with(license={"enabled": False})) is None


# ---- blocklists ---------------------------------------------------------------------------------


def test_blocklist_terms_patterns_and_files(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("# one per line\nproject-nightshade\nInternal Only\n", encoding="utf-8")
    pats = tmp_path / "patterns.txt"
    pats.write_text(r"CONFIDENTIAL-\d{4}" + "\n", encoding="utf-8")
    c = cfg_with(blocklist={"term_files": [str(terms)], "pattern_files": [str(pats)], "terms": ["do-not-train"]})
    assert safety.blocklist_reason("# INTERNAL ONLY: see wiki\nx = 1\n", c) == ("blocklist", "INTERNAL ONLY")
    assert safety.blocklist_reason("ref = 'CONFIDENTIAL-2024'", c) == ("blocklist", "CONFIDENTIAL-2024")
    assert safety.blocklist_reason("tag: do-not-train", c)[0] == "blocklist"
    assert safety.blocklist_reason("project-nightshades = 1", c) is None  # whole words only
    assert safety.blocklist_reason("internal = only", c) is None
    assert safety.blocklist_reason("anything", SafetyConfig()) is None  # empty by default
    off = cfg_with(blocklist={"enabled": False, "terms": ["x"]})
    assert safety.blocklist_reason("x", off) is None


def test_unknown_safety_keys_are_errors():
    with pytest.raises(ConfigError):
        cfg_with(optout={"repos": []})


# ---- in the per-file stage ----------------------------------------------------------------------

CODE = b'def add(a, b):\n    """Return the sum."""\n    return a + b\n'


def test_process_file_drops_with_named_reasons():
    c = gate_with(opt_out={"owners": ["optedout/"]}, blocklist={"terms": ["nightshade"]})
    assert process_file(SourceFile("optedout/x", "a.py", CODE), c).reason == "opt_out"
    assert process_file(SourceFile("o/x", "a.py", CODE, {"license": "GPL-3.0"}), c).reason == "license"
    assert process_file(SourceFile("o/x", "a.py", CODE + b"# nightshade\n"), c).reason == "blocklist"
    kept = process_file(SourceFile("o/x", "a.py", CODE, {"license": "MIT"}), c)
    assert kept.facts.path == "a.py"
    assert process_file(SourceFile("o/x", "a.py", CODE), c).facts.path == "a.py"  # no licence: kept


def test_process_file_redacts_counts_and_drops_dense_pii():
    c = gate_config(load_config())
    src = CODE + b"# maintainer: jane.roe@acme-corp.io\nDB = 'postgres://app:Hx7!kq29Lm@db.acme-corp.io/app'\n"
    pf = process_file(SourceFile("o/x", "a.py", src), c)
    assert "jane.roe" not in pf.text and "Hx7!kq29Lm" not in pf.text
    assert "<EMAIL>" in pf.text and "<PASSWORD>" in pf.text
    assert pf.facts.redactions == {"email": 1, "password": 1}
    dense = b"".join(f"u{i} = 'user{i}.name@acme-corp.io'\n".encode() for i in range(40))
    assert process_file(SourceFile("o/x", "emails.py", dense), c).reason == "pii_dense"
    lenient = gate_config(load_config(overrides={"pii": {"max_redacted_share": 1.0}}))
    assert process_file(SourceFile("o/x", "emails.py", dense), lenient).facts.redactions == {"email": 40}
    off = gate_config(load_config(overrides={"pii": {"enabled": False}}))
    assert process_file(SourceFile("o/x", "emails.py", dense), off).facts.redactions == {}
