"""Share of files and bytes each quality heuristic drops on real code, with examples to check by eye.

    python benchmarks/quality_drops.py [ROOT] [--examples 3] [--limit N]

ROOT defaults to this environment's site-packages. Every file whose language
repoloom detects is scored once (quality_scores) and judged (quality_reason,
paths relative to ROOT, as a repository would give them); decontamination
(the per-file stage's next check) runs on the kept ones. Prints, per reason,
files and bytes dropped and their shares, the scoring speed, and a few dropped
paths with the score that decided.
"""

from __future__ import annotations

import argparse
import os
import sysconfig
import time
from collections import Counter, defaultdict

from repoloom.pipelines.config import gate_config, load_config
from repoloom.filters import decontam
from repoloom.filters.quality import DECIDING, quality_reason, quality_scores
from repoloom.filters.gate import decode, is_binary
from repoloom.syntax.languages import detect_language


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=sysconfig.get_paths()["purelib"])
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    cfg = load_config()
    g = gate_config(cfg)
    files = bytes_ = 0
    drops: Counter = Counter()
    drop_bytes: Counter = Counter()
    examples: dict[str, list] = defaultdict(list)
    by_lang: Counter = Counter()
    t_score = 0.0
    for root, dirs, names in os.walk(args.root):
        dirs.sort()
        for name in sorted(names):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, args.root).replace(os.sep, "/")
            if ".dist-info/" in rel or "__pycache__" in rel:
                continue
            try:
                data = open(full, "rb").read()
            except OSError:
                continue
            if not data or len(data) > cfg["max_file_bytes"] or is_binary(data):
                continue
            text = decode(data)
            if text is None:
                continue
            lang = detect_language(rel, text[:256])
            if lang is None:
                continue
            files += 1
            bytes_ += len(data)
            by_lang[lang] += 1
            t0 = time.perf_counter()
            scores = quality_scores(text)
            reason = quality_reason(scores, lang, g.quality, rel)
            if reason is None:
                hit = decontam.contamination(text, g.decontam)
                reason, scores = ("contaminated", {"hit": hit}) if hit else (None, scores)
            t_score += time.perf_counter() - t0
            if reason:
                drops[reason] += 1
                drop_bytes[reason] += len(data)
                if len(examples[reason]) < args.examples or (reason == "contaminated"):
                    keys = DECIDING.get(reason, ())
                    examples[reason].append((rel, {k: round(scores[k], 3) for k in keys if k in scores} or scores))
            if args.limit and files >= args.limit:
                break
        if args.limit and files >= args.limit:
            break
    print(f"root: {args.root}")
    print(f"files scored: {files}  bytes: {bytes_ / 1e6:.1f} MB  languages: {dict(by_lang.most_common(8))}")
    print(
        f"scoring + judging + decontam: {t_score:.1f} s  ({bytes_ / 1e6 / max(t_score, 1e-9):.1f} MB/s, "
        f"{1e3 * t_score / max(files, 1):.2f} ms/file)"
    )
    print(f"{'reason':16} {'files':>7} {'files %':>8} {'MB':>8} {'bytes %':>8}")
    for reason, n in drops.most_common():
        print(
            f"{reason:16} {n:7d} {100 * n / files:7.2f}% {drop_bytes[reason] / 1e6:8.2f} {100 * drop_bytes[reason] / bytes_:7.2f}%"
        )
    total, total_b = sum(drops.values()), sum(drop_bytes.values())
    print(
        f"{'all drops':16} {total:7d} {100 * total / files:7.2f}% {total_b / 1e6:8.2f} {100 * total_b / bytes_:7.2f}%"
    )
    print("examples:")
    for reason, ex in sorted(examples.items()):
        for rel, sc in ex[: max(args.examples, 1) if reason != "contaminated" else 10]:
            print(f"  {reason:16} {rel}  {sc}")


if __name__ == "__main__":
    main()
