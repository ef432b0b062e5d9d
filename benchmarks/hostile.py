"""Hostile inputs at size: one `repoloom build` per case, each in its own process with a time limit.

    python benchmarks/hostile.py [--scale N] [--limit SECONDS] [--keep DIR] [--only CASE ...]

Prints, per case: exit code, wall time, peak RSS of the build process, accounting (files_in =
kept + dropped, and kept = distinct (repo, path) in the lineage), the named outcome (drop reasons)
and a verdict. Targets (issue 17): 0 crashes, 0 hangs (each case under the limit), 0 silent losses,
peak RSS < 2 GB per case. The cases are tests/pipelines/hostile_corpus.py at `--scale`, plus
cases too large for the test suite: a zip of 1 MB members that compress 1000:1, a 100 MB JSONL
line, a 50 MB file with max_file_bytes lifted, and the duplicate-path case with 1 and 2 workers
(the same copy must be kept).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repoloom.core import counters as C  # noqa: E402
from tests.pipelines.hostile_corpus import Case, make_corpus, restore_permissions  # noqa: E402

CEILING_CASE_MB = int(os.environ.get("HOSTILE_CEILING_MB", "2"))
BUILD = [
    sys.executable,
    "-m",
    "repoloom.pipelines.cli",
    "build",
    "--quiet",
    "--seq-len",
    "512",
    "--set",
    "tokenizer.vocab_size=500",
]


def big_cases(root: Path, scale: int) -> list[tuple[Case, list[str]]]:
    out = []
    d = root / "zip_of_1mb_members"
    d.mkdir()
    n = 500 * scale
    with zipfile.ZipFile(d / "many.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for i in range(n):
            z.writestr(f"m/f{i}.py", b" " * 1_000_000)
        z.writestr("m/good.py", b"def good():\n    return 1\n")
    out.append(
        (
            Case(
                "zip_of_1mb_members",
                [str(d / "many.zip")],
                {"compression_ratio": n},
                kept=1,
                note=f"{n} members of 1 MB whitespace, zip {os.path.getsize(d / 'many.zip') / 1e6:.1f} MB",
            ),
            [],
        )
    )
    d = root / "huge_jsonl_line"
    d.mkdir()
    with open(d / "t.jsonl", "w") as f:
        f.write(json.dumps({"repo_name": "o/h", "path": "huge.py", "content": "x" * (100 << 20)}) + "\n")
        f.write(json.dumps({"repo_name": "o/h", "path": "small.py", "content": "def f():\n    return 2\n"}) + "\n")
    out.append(
        (Case("huge_jsonl_line", [str(d / "t.jsonl")], {"file_too_large": 1}, kept=1, note="one 100 MB row"), [])
    )
    d = root / "file_50mb" / "r"
    d.mkdir(parents=True)
    (d / "big.py").write_bytes(b"x = 1\n" * ((50 << 20) // 6))
    (d / "ok.py").write_bytes(b"def ok():\n    return 3\n")
    out.append(
        (
            Case(
                "file_50mb_limits_lifted",
                [str(d.parent)],
                {"file_too_large": 1},
                kept=1,
                note="max_file_bytes=200000000",
            ),
            ["--set", "max_file_bytes=200000000", "--set", "quality.max_chars=200000000"],
        )
    )
    d = root / "file_under_ceiling" / "r"
    d.mkdir(parents=True)
    body = "".join(f"def f{i}(x):\n    return x * {i} + len(str(x))\n\n" for i in range(400_000))
    (d / "big.py").write_text(body[: CEILING_CASE_MB << 20])
    (d / "ok.py").write_bytes(b"def ok():\n    return 4\n")
    out.append(
        (
            Case(
                f"file_{CEILING_CASE_MB}mb_under_ceiling",
                [str(d.parent)],
                {},
                kept=None,
                note=f"a {CEILING_CASE_MB} MB file read and processed",
            ),
            [
                "--set",
                "max_file_bytes=200000000",
                "--set",
                "quality.max_chars=200000000",
                "--set",
                "quality.max_lines=10000000",
            ],
        )
    )
    return out


def run_case(case: Case, out: Path, extra: list[str], limit: float) -> dict:
    argv = BUILD + [a for i in case.inputs for a in ("--input", i)] + ["--output", str(out)] + extra
    t0 = time.time()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, cwd=ROOT)
    deadline = t0 + limit
    status, rusage, hung = None, None, False
    while status is None:
        pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status, rusage = st, ru
        elif time.time() > deadline:
            hung = True
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
        else:
            time.sleep(0.1)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stdout.close()
    proc.stderr.close()
    rc = os.waitstatus_to_exitcode(status)
    res = {
        "case": case.name,
        "rc": rc,
        "seconds": round(time.time() - t0, 1),
        "peak_rss_mb": rusage.ru_maxrss // 1024,
        "hung": hung,
        "note": case.note,
    }
    ds = out / "dataset.json"
    if rc == 0 and ds.exists():
        info = json.loads(ds.read_text())
        stats = json.loads((out / "stats.json").read_text())
        res.update(
            files_in=info["files_in"],
            kept=info["files_kept"],
            dropped=info["dropped"],
            balanced=info["files_in"] == info["files_kept"] + sum(info["dropped"].values()),
            identity=stats.get(C.LINEAGE_FILES) == info["files_kept"],
        )
        missing = {r: n for r, n in case.reasons.items() if info["dropped"].get(r, 0) < n}
        res["silent_loss"] = (
            not res["balanced"] or not res["identity"] or (case.kept is not None and info["files_kept"] != case.kept)
        )
        res["expected_missing"] = missing
    else:
        res["error"] = err.strip().splitlines()[-1][:200] if err.strip() else ""
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=4)
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per case before it counts as a hang")
    ap.add_argument("--keep", help="build the corpus here and keep it (default: a temporary folder)")
    ap.add_argument("--only", nargs="*", default=[])
    args = ap.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="hostile-"))
    corpus = root / "corpus"
    t0 = time.time()
    cases = [(c, []) for c in make_corpus(corpus, args.scale)] + big_cases(corpus, args.scale)
    if args.only:
        cases = [(c, e) for c, e in cases if c.name in args.only]
    print(f"corpus made in {time.time() - t0:.1f}s at scale {args.scale} under {corpus}")
    results = []
    for case, extra in cases:
        r = run_case(case, root / "out" / case.name, extra, args.limit)
        results.append(r)
        outcome = ", ".join(f"{k} {v}" for k, v in sorted(r.get("dropped", {}).items(), key=lambda kv: -kv[1]))
        acct = (
            (
                f"in {r['files_in']} = kept {r['kept']} + dropped {sum(r['dropped'].values())} "
                f"{'balanced' if r['balanced'] else 'UNBALANCED'}, identity {'ok' if r['identity'] else 'BROKEN'}"
            )
            if "files_in" in r
            else r.get("error", "")
        )
        verdict = (
            "HANG"
            if r["hung"]
            else "CRASH"
            if r["rc"]
            else "LOSS"
            if r.get("silent_loss")
            else "MISSING " + str(r["expected_missing"])
            if r.get("expected_missing")
            else "ok"
        )
        print(
            f"{case.name:26s} rc {r['rc']:>3} {r['seconds']:6.1f}s rss {r['peak_rss_mb']:6d} MB  {acct}  [{outcome}]  {verdict}"
            + (f"  ({case.note})" if case.note else ""),
            flush=True,
        )
    dup = next((c for c, _ in cases if c.name == "dup_zip_members"), None)
    if dup is not None:  # the copy kept of a duplicated path does not depend on the worker count
        two = run_case(
            dup,
            root / "out" / "dup_2_workers",
            ["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"],
            args.limit,
        )
        import pyarrow.parquet as pq

        same = (
            all(
                (root / "out" / n / "drops" / "duplicate_path.parquet").exists()
                for n in ("dup_zip_members", "dup_2_workers")
            )
            and pq.read_table(root / "out" / "dup_zip_members" / "drops" / "duplicate_path.parquet").to_pylist()
            == pq.read_table(root / "out" / "dup_2_workers" / "drops" / "duplicate_path.parquet").to_pylist()
        )
        print(
            f"{'dup_zip_members, 2 workers':26s} rc {two['rc']:>3} {two['seconds']:6.1f}s rss {two['peak_rss_mb']:6d} MB  "
            f"same copy dropped as with 1 worker: {same}"
        )
        results.append({**two, "silent_loss": two.get("silent_loss") or not same})
    crashes = sum(1 for r in results if r["rc"] and not r["hung"])
    hangs = sum(1 for r in results if r["hung"])
    losses = sum(1 for r in results if r.get("silent_loss"))
    peak = max(r["peak_rss_mb"] for r in results)
    print(
        f"\n{len(results)} runs: {crashes} crashes, {hangs} hangs, {losses} silent losses, "
        f"max peak RSS {peak} MB, slowest {max(r['seconds'] for r in results):.1f}s"
    )
    restore_permissions(corpus)
    return int(bool(crashes or hangs or losses or peak >= 2048))


if __name__ == "__main__":
    sys.exit(main())
