"""MB/s of the per-file gate (filters/gate.judge) on real code, stage by stage, and its decisions.

Corpus: source files of installed packages (real code on every machine after `make test`) plus any
directories given with --root (for instance npm packages unpacked from `npm pack` tarballs). Every
file goes through `gate.judge` with the default config; the gate's stages are then timed apart on the
same texts (quality scores, blocklist, decontamination, e-mails, IPs, secrets), next to one tree-sitter
parse of the files the gate keeps (the floor's parse half; `--tokenizer` adds the SentencePiece encode).
CPU seconds, one process: figures are ratios within one run.

`--decisions FILE` writes every file's verdict, quality scores and redaction spans (JSON lines) and prints their
digest, so two versions of the gate can be compared on the same corpus:

    python benchmarks/gate_speed.py --mb 8 --root /tmp/npm --decisions /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import sysconfig
import time

from repoloom.pipelines.config import gate_config, load_config
from repoloom.filters import decontam, gate, pii, quality, safety

EXTS = (
    ".py",
    ".pyi",
    ".js",
    ".mjs",
    ".cjs",
    ".ts",
    ".c",
    ".h",
    ".cc",
    ".cpp",
    ".go",
    ".rs",
    ".java",
    ".rb",
    ".sh",
    ".yaml",
    ".yml",
    ".json",
    ".toml",
    ".md",
)


def collect(roots: list[str], mb: float) -> list[tuple[str, bytes]]:
    """(path, bytes) of source files under the roots, in path order, about `mb` MB per root."""
    out = []
    for root in roots:
        total = 0
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for fn in sorted(filenames):
                p = os.path.join(dirpath, fn)
                if not fn.endswith(EXTS) or os.path.islink(p) or total >= mb * 1e6:
                    continue
                with open(p, "rb") as f:
                    data = f.read()
                out.append((os.path.relpath(p, root), data))
                total += len(data)
    return out


def credsweeper_cost(named: list[tuple[str, str]], p) -> None:
    """find_pii's MB/s without and with pii.credsweeper (given each file's path, as the gate does), and the files it
    alters that our rules leave alone."""
    import dataclasses

    texts = [t for _, t in named]

    on = dataclasses.replace(p, credsweeper=True)
    pii.find_pii("warm up: load CredSweeper's rules and model = 1", on)
    mb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    runs = {}
    for name, c in (("find_pii", p), ("find_pii + CredSweeper", on)):
        t0, w0 = time.process_time(), time.perf_counter()
        runs[name] = [pii.find_pii(t, c, path) for path, t in named]
        s, w = time.process_time() - t0, time.perf_counter() - w0
        print(f"  {name:23s} {s:6.2f} CPU s = {mb / s:6.2f} MB/s   ({w:6.2f} s wall = {mb / w:6.2f} MB/s)")
    off, both = runs.values()
    changed = [(path, t, b) for (path, t), a, b in zip(named, off, both) if a != b]
    only = sum(1 for t, a, b in zip(texts, off, both) if b and not a)
    print(
        f"  files whose findings CredSweeper changes: {len(changed)}/{len(texts)} = {len(changed) / len(texts):.2%}"
        f"; altered only with it: {only}/{len(texts)} = {only / len(texts):.2%}"
    )
    for path, t, b in changed[:12]:
        for f in b:
            if f.detector.startswith("CredSweeper"):
                print(f"    {path[-50:]:50s} {f.detector:34s} {t[f.start : f.end][:40]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=8.0, help="MB taken from each root")
    ap.add_argument("--root", action="append", default=[], help="more source directories (repeatable)")
    ap.add_argument("--decisions", help="write each file's verdict and redaction spans here (JSON lines)")
    ap.add_argument("--tokenizer", help="a SentencePiece model: time its encode of the kept files too")
    ap.add_argument(
        "--credsweeper",
        action="store_true",
        help="also time find_pii with pii.credsweeper off and on, and count the files only CredSweeper alters",
    )
    args = ap.parse_args()

    cfg = load_config()
    roots = [sysconfig.get_paths()["purelib"]] + args.root
    files = collect(roots, args.mb)
    total = sum(len(d) for _, d in files)

    t0 = time.process_time()
    g = gate_config(cfg)
    verdicts = [gate.judge("r", p, d, {}, g) for p, d in files]
    judge_s = time.process_time() - t0

    lines = []
    for (p, _), v in zip(files, verdicts):
        lines.append(json.dumps([p, v.reason, v.detail, v.scores, [list(f[:3]) for f in v.findings]], sort_keys=True))
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    if args.decisions:
        with open(args.decisions, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    texts = [v.text for v in verdicts if v.text is not None]
    kept = [(v.text, v.language) for v in verdicts if v.reason is None]
    text_mb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    kept_mb = sum(len(t.encode("utf-8", "surrogatepass")) for t, _ in kept) / 1e6
    p = g.pii
    stages = {
        "quality scores": lambda t: quality.quality_scores(t),
        "blocklist": lambda t: safety.blocklist_reason(t, g.safety),
        "decontamination": lambda t: decontam.contamination(t, g.decontam),
        "e-mails": lambda t: pii.find_emails(t, p),
        "IPs": lambda t: pii.find_ips(t, p),
        "secrets": lambda t: pii.secrets.find_secrets(t, p),
    }
    print(
        f"corpus: {len(files)} files, {total / 1e6:.1f} MB from {len(roots)} roots; "
        f"{len(kept)} kept ({kept_mb:.1f} MB); decisions digest {digest}"
    )
    print(f"  gate.judge, whole: {judge_s:6.2f} CPU s = {total / 1e6 / judge_s:6.2f} MB/s")
    for name, fn in stages.items():
        t0 = time.process_time()
        for t in texts:
            fn(t)
        s = time.process_time() - t0
        print(f"  {name:17s}  {s:6.2f} CPU s = {text_mb / s:6.2f} MB/s")
    if args.credsweeper:
        credsweeper_cost([(f[0], v.text) for f, v in zip(files, verdicts) if v.text is not None], p)
    from repoloom.syntax.languages import has_grammar
    from repoloom.syntax.parse import parse_tree

    t0 = time.process_time()
    for t, lang in kept:
        if has_grammar(lang):
            parse_tree(t, lang)
    parse_s = time.process_time() - t0
    print(f"  tree-sitter parse of the kept files: {parse_s:6.2f} CPU s = {kept_mb / parse_s:6.2f} MB/s")
    if args.tokenizer:
        from repoloom.core.tokenizer import Tokenizer

        tok = Tokenizer.from_file(args.tokenizer)
        t0 = time.process_time()
        for t, _ in kept:
            tok.encode(t)
        enc_s = time.process_time() - t0
        print(f"  SentencePiece encode of the kept files: {enc_s:6.2f} CPU s = {kept_mb / enc_s:6.2f} MB/s")
        print(f"  gate / (parse + encode) time: {judge_s / (parse_s + enc_s):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
