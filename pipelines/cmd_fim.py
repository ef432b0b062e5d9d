"""`repoloom fim FILE…`: show the FIM split the build would choose for each file.

    repoloom fim FILE… --json [--seed N] [--rate R] [--spm-rate R]
        one JSON object per line: {"repo", "path", "language", "mode": "psm"|"spm"|"none",
        "method": "node"|"span"|"random"|"line"|null, "prefix": [0, a], "middle": [a, b],
        "suffix": [b, n]}, character offsets into the file's text (for "none" the
        middle is empty: prefix [0, n], middle [n, n], suffix [n, n]).
    repoloom fim FILE…            a readable preview with the three parts marked.

The split is a pure function of (seed, repository, path, piece), like in the
build. A file is named as the build names it: its repository is the nearest
enclosing directory that the build reads as one repository (`.git` or a root
marker such as pyproject.toml, Cargo.toml, README), the path relative to it;
folders, archives and tables are read as `build --input` reads them
(pipelines/cmd_inputs.py). ``--root DIR`` makes DIR the repository root and
``--repo NAME`` overrides the repository name. The
whole file is treated as piece 0 (the build cuts files longer than a segment
into pieces first) and the text is the file as read, before PII redaction.
Nodes come from the same one parse as in the build (syntax.parse.file_facts).
"""

from __future__ import annotations

import json
import sys

from repoloom.core.config import merge, parse_set, section
from repoloom.filters.gate import decode
from repoloom.fim import split
from repoloom.fim.split import FimConfig
from repoloom.pipelines.config import load_config
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts

MARK_MIDDLE = ("\x1b[7m", "\x1b[0m")  # reverse video on a terminal
PLAIN_MIDDLE = ("⟦", "⟧")


def add_parser(sub) -> None:
    p = sub.add_parser("fim", help="show the syntax-aware FIM split chosen for files")
    p.add_argument("files", nargs="+", metavar="INPUT", help="files, or folders/archives/tables as for build")
    p.add_argument("--json", action="store_true", help="one JSON object per file")
    p.add_argument("--seed", type=int, help="build seed (default: the config's)")
    p.add_argument("--rate", type=float, help="FIM rate (default 0.8)")
    p.add_argument("--spm-rate", type=float, help="SPM share of FIM files (default 0.5)")
    p.add_argument("--repo", help="repository name for the hash (default: the parent directory's name, or --root's)")
    p.add_argument(
        "--root", help="repository root: paths are taken relative to it (default: found as the build finds it)"
    )
    p.add_argument(
        "--input-kind",
        choices=("auto", "repo", "collection"),
        default="auto",
        help="read folders as one repository or a collection, as for build",
    )
    p.add_argument("--lines", type=int, default=3, help="preview: lines of context around the middle (0 = whole file)")
    p.add_argument("--config", help="YAML/JSON config over the defaults")
    p.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. fim.random_rate=0.2"
    )
    p.set_defaults(run=run)


def _config(args) -> dict:
    cfg = load_config(args.config, parse_set(args.set))
    over: dict = {"fim": {}}
    if args.seed is not None:
        over["seed"] = args.seed
    if args.rate is not None:
        over["fim"]["rate"] = args.rate
    if args.spm_rate is not None:
        over["fim"]["spm_rate"] = args.spm_rate
    return merge(cfg, over)


def split_file(text: str, repo: str, path: str, cfg: dict) -> dict:
    """The JSON record for one file's text."""
    language = detect_language(path, text[:256])
    facts = file_facts(repo, path, text, language)
    fim = section(cfg, FimConfig)
    choice = split.choose(text, split.usable_nodes(facts, fim), fim, cfg["seed"], repo, path, 0)
    n = len(text)
    a, b = (choice.start, choice.end) if choice else (n, n)
    return {
        "repo": repo,
        "path": path,
        "language": language,
        "mode": choice.mode if choice else "none",
        "method": choice.method if choice else None,
        "prefix": [0, a],
        "middle": [a, b],
        "suffix": [b, n],
    }


def preview(text: str, rec: dict, lines: int, marks: tuple[str, str]) -> str:
    a, b = rec["middle"]
    head = f"== {rec['repo']}:{rec['path']} [{rec['language']}] {rec['mode']}"
    if rec["mode"] == "none":
        return head + " (left whole)\n"
    head += f" {rec['method']} middle {a}:{b} ({b - a} chars)\n"
    lo, hi = 0, len(text)
    if lines > 0:
        lo = text.rfind("\n", 0, a) + 1  # start of the middle's line, then `lines` lines up
        for _ in range(lines):
            if lo == 0:
                break
            lo = text.rfind("\n", 0, lo - 1) + 1
        hi = b
        for _ in range(lines):
            nl = text.find("\n", hi)
            hi = len(text) if nl < 0 else nl + 1
    body = text[lo:a] + marks[0] + text[a:b] + marks[1] + text[b:hi]
    dots = ("…\n" if lo > 0 else "", "\n…" if hi < len(text) else "")
    return f"{head}{dots[0]}{body}{dots[1]}\n"


def run(args) -> int:
    from repoloom.core.types import Drop
    from repoloom.pipelines.cmd_inputs import read_inputs, shown
    from repoloom.pipelines.sources import InputError

    cfg = _config(args)
    marks = MARK_MIDDLE if sys.stdout.isatty() else PLAIN_MIDDLE
    status = 0
    for arg in args.files:
        try:
            for f in read_inputs([arg], cfg["max_file_bytes"], args.input_kind, root=args.root, repo=args.repo):
                if isinstance(f, Drop):
                    print(f"repoloom fim: {shown(f)}: dropped ({f.reason}) {f.detail}".rstrip(), file=sys.stderr)
                    status = 1
                    continue
                text = decode(f.data)
                if text is None:
                    print(f"repoloom fim: {shown(f)}: not UTF-8/UTF-16 text", file=sys.stderr)
                    status = 1
                    continue
                rec = split_file(text, f.repo, f.path, cfg)
                if args.json:
                    print(json.dumps(rec, ensure_ascii=False))
                else:
                    sys.stdout.write(preview(text, rec, args.lines, marks))
        except InputError as e:
            print(f"repoloom fim: {e}", file=sys.stderr)
            status = 1
    return status
