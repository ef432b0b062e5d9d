"""`repoloom scan FILE…`: what the per-file stage would keep, drop and redact, without a build.

    repoloom scan src/*.py --json       one JSON object per file (offsets, never the secrets)
    repoloom scan config.py --redacted  the redacted text
"""
from __future__ import annotations

import argparse
import json
import sys

from repoloom.core.config import ConfigError, load_config, parse_set


def add_parser(sub) -> None:
    p = sub.add_parser("scan", help="show what PII/secret redaction and the file filters do to files",
                       description="Scan files with the per-file rules (safety, quality, PII and secrets).")
    p.add_argument("files", nargs="+", metavar="FILE")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object per file: path, kept, reason, redactions")
    out.add_argument("--redacted", action="store_true", help="print each file's text with findings replaced")
    p.add_argument("--repo", default="", help="repository name the files belong to (for opt-out rules)")
    p.add_argument("--config", metavar="FILE", help="YAML or JSON config over the defaults")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. pii.ips=false")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from repoloom.filters.scan import scan_file

    try:
        cfg = load_config(args.config, parse_set(args.set))
    except (ConfigError, OSError) as e:
        print(f"repoloom scan: error: {e}", file=sys.stderr)
        return 2
    status = 0
    for path in args.files:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            print(f"repoloom scan: {path}: {e.strerror}", file=sys.stderr)
            status = 1
            continue
        result, redacted = scan_file(args.repo, path, data, cfg)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        elif args.redacted:
            if redacted is not None:
                sys.stdout.write(redacted)
        else:
            kinds: dict[str, int] = {}
            for r in result["redactions"]:
                kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
            verdict = "kept" if result["kept"] else f"dropped ({result['reason']})"
            found = ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) or "nothing to redact"
            print(f"{path}: {verdict}; {found}")
    return status
