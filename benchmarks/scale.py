"""Time and peak memory of a local `repoloom build` as the corpus grows (default 25, 100, 400 MB).

    python benchmarks/scale.py [--sizes 25,100,400] [--work /tmp/repoloom-scale] [--keep]

Corpus: real code on this machine, each top-level package or directory one
repository: the installed packages' sources (this interpreter's site-packages
and standard library), C headers, and any unpacked sdists given with --extra;
identical files taken once (about 320 MB here without --extra). Each size is
a prefix of the same file order, so a larger corpus contains the smaller.
One tokenizer is trained once (its sample is bounded by tokenizer.sample_bytes,
not by the corpus) and passed to every build, so the figures are the job's.
Each build runs alone in a subprocess (DirectRunner, one process, defaults);
its peak RSS is that process tree's ru_maxrss (os.wait4).

Prints, per size: seconds, seconds per MB, peak RSS, peak RSS per input MB, and
whether the peak is within 1.5 GB + 3 bytes per input byte. Corpora are deleted
at the end unless --keep.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import time

EXTS = (".py", ".pyi", ".c", ".h", ".cc", ".cpp", ".hpp", ".js", ".ts", ".go", ".rs", ".java")
MAX_FILE = 500_000


def roots(extra: list[str] = ()) -> list[str]:
    """This interpreter's packages and standard library, the base interpreter's packages, system headers and
    Python/Node packages: the same files in two places are taken once."""
    paths = sysconfig.get_paths()
    base = os.path.join(sys.base_prefix, "lib", f"python{sys.version_info[0]}.{sys.version_info[1]}", "site-packages")
    dirs = [
        paths["purelib"],
        paths["platlib"],
        paths["stdlib"],
        base,
        "/usr/include",
        "/usr/lib/python3",
        "/usr/lib/node_modules",
    ]
    return [d for d in dict.fromkeys(dirs + list(extra)) if os.path.isdir(d)]


def source_files(extra: list[str] = ()):
    """(repository name, relative path, absolute path) in a fixed order, identical contents once."""
    seen: set[bytes] = set()
    for root in roots(extra):
        for top in sorted(os.listdir(root)):
            src = os.path.join(root, top)
            if not os.path.isdir(src) or os.path.islink(src) or top in ("__pycache__", "site-packages"):
                continue
            for dirpath, dirs, files in os.walk(src):
                dirs[:] = sorted(
                    d for d in dirs if d not in ("__pycache__", "site-packages") and not d.endswith(".dist-info")
                )
                for f in sorted(files):
                    p = os.path.join(dirpath, f)
                    if not f.endswith(EXTS) or os.path.islink(p) or not 0 < os.path.getsize(p) <= MAX_FILE:
                        continue
                    with open(p, "rb") as fh:
                        digest = hashlib.blake2b(fh.read(), digest_size=16).digest()
                    if digest in seen:
                        continue
                    seen.add(digest)
                    yield f"{os.path.basename(root)}-{top}", os.path.relpath(p, src), p


def make_corpus(dest: str, mb: float, extra: list[str] = ()) -> int:
    total, budget = 0, mb * 1e6
    for repo, rel, p in source_files(extra):
        if total >= budget:
            break
        out = os.path.join(dest, repo, rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.copyfile(p, out)
        total += os.path.getsize(p)
    return total


def run_measured(cmd: list[str], timeout: float) -> tuple[float, float, bool]:
    """(seconds, peak RSS in bytes, finished) of one subprocess; past `timeout` it is stopped and its
    peak so far is reported as unfinished."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > timeout:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return time.perf_counter() - t0, usage.ru_maxrss * 1024, False
        time.sleep(1)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}")
    return time.perf_counter() - t0, usage.ru_maxrss * 1024, True


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="25,100,400", help="corpus sizes in MB")
    ap.add_argument("--work", default="/tmp/repoloom-scale")
    ap.add_argument("--keep", action="store_true", help="keep the corpora and outputs")
    ap.add_argument("--timeout", type=float, default=float("inf"), help="stop a build after this many seconds")
    ap.add_argument(
        "--extra",
        nargs="*",
        default=[],
        metavar="DIR",
        help="more real code: a folder of unpacked sdists (`pip download --no-binary :all: --no-deps` "
        "then tar xf), each subfolder one repository",
    )
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    os.makedirs(args.work, exist_ok=True)
    repoloom = [sys.executable, "-m", "repoloom.pipelines.cli"]

    model = os.path.join(args.work, "tok.model")
    rows = []
    try:
        for mb in sizes:
            corpus = os.path.join(args.work, f"corpus-{mb:g}")
            shutil.rmtree(corpus, ignore_errors=True)
            nbytes = make_corpus(corpus, mb, args.extra)
            if nbytes < mb * 1e6 * 0.98:
                raise SystemExit(
                    f"only {nbytes / 1e6:.0f} MB of distinct source here; add unpacked sdists with --extra DIR"
                )
            if not os.path.exists(model):
                subprocess.run(
                    repoloom + ["tokenizer", "train", "--input", corpus, "--vocab-size", "32000", "--output", model],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            out = os.path.join(args.work, f"out-{mb:g}")
            seconds, peak, done = run_measured(
                repoloom
                + ["build", "--input", corpus, "--output", out, "--overwrite", "--tokenizer", model, "--quiet"],
                args.timeout,
            )
            bound = 1.5e9 + 3 * nbytes
            rows.append((nbytes, seconds, peak, bound))
            print(
                f"{nbytes / 1e6:7.1f} MB  {seconds:8.1f} s  {seconds / (nbytes / 1e6):6.2f} s/MB  peak RSS {peak / 1e9:5.2f} GB  "
                f"{peak / nbytes:6.1f} B per input byte  bound {bound / 1e9:5.2f} GB  {'within' if peak <= bound else 'OVER'}"
                + ("" if done else f"  (STOPPED after --timeout {args.timeout:g} s: peak so far, not a result)"),
                flush=True,
            )
            if not args.keep:
                shutil.rmtree(corpus, ignore_errors=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)
    if len(rows) > 1:
        (b0, _, p0, _), (b1, _, p1, _) = rows[0], rows[-1]
        print(
            f"growth of peak RSS from the smallest to the largest corpus: {(p1 - p0) / (b1 - b0):.2f} bytes per input byte"
        )
    return 0 if all(p <= b for _, _, p, b in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
