"""The same build on each runner: wall time, and every output file compared byte for byte.

    python benchmarks/runners.py [--mb 100] [--runners direct1,direct2,dask2] [--dask_address tcp://HOST:8786]
                                 [--extra DIR] [--work /tmp/repoloom-runners] [--keep]

Corpus: real code on this machine, as `scale.py` makes it (installed packages' sources, the standard library,
C headers, unpacked sdists given with --extra). One tokenizer is trained once and given to every build.
Each build runs `repoloom build` (the console script's module) in its own subprocess, one after another:

    direct1  DirectRunner, one process (the default)
    direct2  DirectRunner, two worker processes (--direct_num_workers=2 --direct_running_mode=multi_processing)
    dask2    the Dask runner on a LocalCluster of two worker processes (--runner=dask --dask_local_workers=2),
             or on the cluster at --dask_address when one is given

Prints each runner's wall seconds and MB/s of input, then checks that every output file but `run.json` (which
records the runner and its options) is byte-identical to the first runner's; exits 1 if any differs.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import time

from scale import make_corpus

RUNNERS = {
    "direct1": [],
    "direct2": ["--direct_num_workers=2", "--direct_running_mode=multi_processing"],
    "dask2": ["--runner=dask", "--dask_local_workers=2"],
}


def output_files(root: str) -> list[str]:
    """Every file under an output directory, relative, sorted; `run.json` left out (it names the runner)."""
    out = []
    for dirpath, _, files in os.walk(root):
        out.extend(os.path.relpath(os.path.join(dirpath, f), root) for f in files)
    return sorted(p for p in out if p != "run.json")


def differences(a: str, b: str) -> list[str]:
    fa, fb = output_files(a), output_files(b)
    if fa != fb:
        return sorted(set(fa) ^ set(fb))
    return [p for p in fa if not filecmp.cmp(os.path.join(a, p), os.path.join(b, p), shallow=False)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=100.0, help="corpus size in MB")
    ap.add_argument("--runners", default="direct1,direct2,dask2", help=f"comma-separated, of {', '.join(RUNNERS)}")
    ap.add_argument("--dask_address", default="", help="run dask2 on this scheduler instead of a LocalCluster")
    ap.add_argument("--extra", nargs="*", default=[], metavar="DIR", help="more real code (see scale.py)")
    ap.add_argument("--work", default="/tmp/repoloom-runners")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and outputs")
    args = ap.parse_args()
    names = [n for n in args.runners.split(",") if n]
    unknown = [n for n in names if n not in RUNNERS]
    if unknown or not names:
        ap.error(f"unknown runner(s) {unknown}; choose from {', '.join(RUNNERS)}")
    repoloom = [sys.executable, "-m", "repoloom.pipelines.cli"]
    os.makedirs(args.work, exist_ok=True)
    corpus, model = os.path.join(args.work, "corpus"), os.path.join(args.work, "tok.model")
    try:
        shutil.rmtree(corpus, ignore_errors=True)
        nbytes = make_corpus(corpus, args.mb, args.extra)
        if nbytes < args.mb * 1e6 * 0.98:
            raise SystemExit(f"only {nbytes / 1e6:.0f} MB of distinct source here; add unpacked sdists with --extra")
        files = sum(len(fs) for _, _, fs in os.walk(corpus))
        print(f"corpus: {nbytes / 1e6:.1f} MB, {files} files", flush=True)
        subprocess.run(
            repoloom + ["tokenizer", "train", "--input", corpus, "--vocab-size", "32000", "--output", model],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        outs = {}
        for name in names:
            flags = list(RUNNERS[name])
            if name == "dask2" and args.dask_address:
                flags = ["--runner=dask", f"--dask_address={args.dask_address}"]
            out = outs[name] = os.path.join(args.work, f"out-{name}")
            cmd = repoloom + ["build", "--input", corpus, "--output", out, "--overwrite", "--tokenizer", model]
            t0 = time.perf_counter()
            done = subprocess.run(cmd + ["--quiet"] + flags, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            seconds = time.perf_counter() - t0
            if done.returncode:
                sys.stderr.write(done.stderr.decode(errors="replace")[-4000:])
                raise SystemExit(f"{name}: build failed with exit code {done.returncode}")
            print(f"{name:8s} {seconds:8.1f} s  {nbytes / 1e6 / seconds:5.2f} MB/s  {' '.join(flags) or '(defaults)'}")
        first = names[0]
        bad = 0
        for name in names[1:]:
            diff = differences(outs[first], outs[name])
            bad += bool(diff)
            n = len(output_files(outs[name]))
            print(
                f"{name} vs {first}: "
                + (f"{n} output files byte-identical (run.json aside)" if not diff else f"DIFFER: {diff[:10]}")
            )
        return 1 if bad else 0
    finally:
        if not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
