"""`repoloom scan FILE…`: what the per-file stage would keep, drop and redact, without a build.

    repoloom scan src/*.py --json       one JSON object per file (offsets, never the secrets)
    repoloom scan config.py --redacted  the redacted text
    repoloom scan repo/ data.parquet    folders, archives and tables, read as `build` reads them

Each file is named repo:path as the build names it; files the build's reader drops (special
files, bad names, archive limits, ...) are shown with that reason and never opened.
"""

from __future__ import annotations

import argparse
import json
import sys

from repoloom.core.config import ConfigError, parse_set
from repoloom.pipelines.source_common import escaped

UNREAD = ("not_a_file", "unreadable", "unreadable_directory", "bad_name", "read_timeout")  # exit 1: not read at all


def add_parser(sub) -> None:
    p = sub.add_parser(
        "scan",
        help="show what PII/secret redaction and the file filters do to files",
        description="Scan files with the per-file rules (safety, quality, PII and secrets). Takes what "
        "`build --input` takes: files, folders, archives, tables.",
    )
    p.add_argument("files", nargs="+", metavar="INPUT", help="files, or folders/archives/tables as for build")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object per file: path, kept, reason, redactions")
    out.add_argument("--redacted", action="store_true", help="print each file's text with findings replaced")
    p.add_argument("--repo", default=None, help="repository name the files belong to (default: as the build names it)")
    p.add_argument(
        "--input-kind",
        choices=("auto", "repo", "collection"),
        default="auto",
        help="read folders as one repository or a collection, as for build",
    )
    p.add_argument("--config", metavar="FILE", help="YAML or JSON config over the defaults")
    p.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. pii.ips=false"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from repoloom.pipelines.cmd_inputs import read_inputs
    from repoloom.pipelines.config import gate_config, load_config
    from repoloom.pipelines.sources import InputError

    try:
        cfg = load_config(args.config, parse_set(args.set))
    except (ConfigError, OSError) as e:
        print(f"repoloom scan: error: {e}", file=sys.stderr)
        return 2
    status, gate = 0, gate_config(cfg)
    for arg in args.files:
        try:
            for f in read_inputs([arg], cfg["max_file_bytes"], args.input_kind, repo=args.repo):
                status = max(status, _report(f, arg, args, gate))
        except InputError as e:
            print(f"repoloom scan: {e}", file=sys.stderr)
            status = 1
    return status


def _report(f, arg: str, args: argparse.Namespace, gate) -> int:
    """Print one file's verdict; 1 when it could not be read at all."""
    from repoloom.core.types import Drop
    from repoloom.filters.scan import scan_file
    from repoloom.pipelines.cmd_inputs import is_plain_file, shown

    label = escaped(arg) if is_plain_file(arg) else shown(f)  # a file named on the command line keeps its name
    if isinstance(f, Drop):  # what the build's reader drops never reaches the per-file rules
        if args.json:
            print(
                json.dumps(
                    {
                        "repo": f.repo,
                        "path": label if is_plain_file(arg) else f.path,
                        "kept": False,
                        "reason": f.reason,
                        "redactions": [],
                    },
                    ensure_ascii=True,
                )
            )
        elif not args.redacted:
            print(f"{label}: dropped ({f.reason}); {f.detail or 'not read'}")
        return 1 if f.reason in UNREAD else 0
    result, redacted = scan_file(f.repo, f.path, f.data, gate, f.meta)
    result = {"repo": f.repo, **result, "path": arg if is_plain_file(arg) else f.path}
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
        print(f"{label}: {verdict}; {found}")
    return 0
