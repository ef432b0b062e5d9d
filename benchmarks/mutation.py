"""Mutation check: does the test suite notice small, meaningful bugs?

Each mutant is one textual change to one file (the bug a tired engineer could plausibly write: keeping the
worst duplicate, hashing the raw text, swapping two sentinels, not restarting positions, ...), plus the tests
that should notice it. For each mutant the project is copied to a temporary folder, the change applied, and
those tests run against the copy (PYTHONPATH puts the copy's `repoloom` package first). A mutant is
*caught* when the tests fail, *survived* when they pass, and *stale* when its text is no longer in the file
(the code moved on: update the list). The selected tests are first run unmutated: they must pass.

    python benchmarks/mutation.py                 # every mutant (about 15-25 minutes on 2 cores)
    python benchmarks/mutation.py keeper sentinel  # only mutants whose name contains one of the words
    python benchmarks/mutation.py --list

Prints one line per mutant and the caught share. Not a test: it runs the suite many times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDERS = ["core", "syntax", "filters", "packing", "fim", "pipelines", "train"]

E2E = "tests/pipelines/test_expected_output.py"
BUILD = "tests/pipelines/test_build.py"


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


M = Mutant
MUTANTS = [
    # --- dedup
    M(
        "keeper-worst-copy",
        "pipelines/near_dedup.py",
        "recs = sorted(recs, key=lambda r: r[1][1])",
        "recs = sorted(recs, key=lambda r: r[1][1], reverse=True)",
        (E2E,),
    ),
    M(
        "dedup-hash-raw-text",
        "syntax/parse.py",
        'norm = "\\n".join(map(str.rstrip, text.replace("\\r\\n", "\\n").split("\\n"))).strip()',
        "norm = text",
        (E2E, "tests/syntax/test_parse.py"),
    ),
    M(
        "licence-class-swapped",
        "filters/dedup.py",
        "return 0 if all(str(x) in PERMISSIVE for x in ids) else 2",
        "return 2 if all(str(x) in PERMISSIVE for x in ids) else 0",
        (E2E, "tests/filters/test_minhash_keeper_rank.py"),
    ),
    # --- decoding and the gate
    M(
        "utf16-read-as-binary",
        "filters/gate.py",
        "if head.startswith(_UTF16_BOMS):",
        "if False:",
        ("tests/filters/test_gate.py", E2E),
    ),
    M(
        "binary-nul-ignored",
        "filters/gate.py",
        'if b"\\x00" in head:',
        'if b"\\x00\\x00\\x00\\x00" in head:',
        ("tests/filters/test_gate.py", "tests/pipelines/test_bad_input.py"),
    ),
    # --- redaction
    M(
        "redaction-span-one-short",
        "filters/pii.py",
        "        pos = f.end\n",
        "        pos = f.end - 1\n",
        ("tests/filters/test_pii.py", E2E),
    ),
    M(
        "email-placeholder-wrong",
        "filters/pii.py",
        '"email": "<EMAIL>"',
        '"email": "<MAIL>"',
        ("tests/filters/test_pii.py", E2E),
    ),
    M(
        "overlapping-findings-both-applied",
        "filters/pii.py",
        "        if f.start < pos:\n            continue\n",
        "",
        ("tests/filters/test_redaction.py", "tests/filters/test_pii.py"),
    ),
    # --- FIM layout
    M(
        "psm-suffix-middle-swapped",
        "core/layout.py",
        "return [P, *pre, S, *suf, M, *mid]",
        "return [P, *pre, M, *mid, S, *suf]",
        ("tests/core/test_layout.py", "tests/fim/test_fim_layout.py", E2E),
    ),
    M(
        "spm-laid-out-as-psm",
        "core/layout.py",
        "return [P, S, *suf, M, *pre, *mid]",
        "return [P, *pre, S, *suf, M, *mid]",
        ("tests/core/test_layout.py", "tests/fim/test_fim_layout.py", E2E),
    ),
    M(
        "spm-prefix-after-middle",
        "core/layout.py",
        "return [P, S, *suf, M, *pre, *mid]",
        "return [P, S, *suf, M, *mid, *pre]",
        ("tests/core/test_layout.py", "tests/fim/test_fim_layout.py", E2E),
    ),
    # --- rows
    M(
        "segment-ids-not-numbered",
        "packing/rows.py",
        "seg_ids.extend([k] * len(seg))",
        "seg_ids.extend([1] * len(seg))",
        ("tests/packing/", BUILD),
    ),
    M(
        "padding-masked-as-segment",
        "packing/rows.py",
        "seg_ids + [0] * pad",
        "seg_ids + [len(segments) + 1] * pad",
        ("tests/packing/", BUILD),
    ),
    M(
        "positions-not-restarting",
        "packing/rows.py",
        "positions.extend(range(len(seg)))",
        "positions.extend(range(len(positions), len(positions) + len(seg)))",
        ("tests/packing/", BUILD),
    ),
    M(
        "continued-piece-without-header",
        "packing/rows.py",
        "tokens=np.concatenate([header, body])",
        "tokens=np.concatenate([header if number == part.number else header[:0], body])",
        ("tests/packing/", BUILD),
    ),
    M(
        "cut-not-at-line-end",
        "packing/rows.py",
        'k, reason = lo + int(ends[-1]), "line_end"',
        'k, reason = k_max, "line_end"',
        ("tests/packing/", BUILD),
    ),
    M(
        "later-pieces-not-renumbered",
        "packing/rows.py",
        "later.number += 1",
        "later.number += 0",
        ("tests/packing/", BUILD),
    ),
    M(
        "every-row-to-shard-0",
        "pipelines/sink.py",
        "return ((split, key % num_shards(output, split, split_rows.get(split, 0))), split_key_row)",
        "return ((split, 0), split_key_row)",
        ("tests/pipelines/test_readme_commands.py", "tests/pipelines/test_runners.py"),
    ),
    # --- record codec
    M(
        "record-feature-values-swapped",
        "core/records.py",
        '"targets_segment_ids": segment_ids, "targets_positions": positions',
        '"targets_segment_ids": positions, "targets_positions": segment_ids',
        ("tests/core/test_records.py",),
    ),
    # --- accounting and identity
    M(
        "drop-not-counted",
        "pipelines/build.py",
        "c = {C.DROPPED.key(d.reason): 1,",
        "c = {C.DROPPED.key(d.reason): 0,",
        (BUILD, "tests/pipelines/test_bad_input.py"),
    ),
    M(
        "duplicate-path-keeps-last",
        "pipelines/unique_paths.py",
        "yield key, min(origins)",
        "yield key, max(origins)",
        ("tests/pipelines/test_hostile.py", "tests/pipelines/test_sources.py"),
    ),
    M(
        "identity-check-off",
        "pipelines/unique_paths.py",
        "    if kept != written:\n",
        "    if False:\n",
        ("tests/pipelines/test_identity.py", "tests/pipelines/test_hostile.py"),
    ),
    # --- safety and quality
    M(
        "opt-out-paths-ignored",
        "filters/safety.py",
        "if any(fnmatch.fnmatchcase(path, g) for g in o.paths):",
        "if False:",
        ("tests/filters/test_safety.py",),
    ),
    M(
        "long-lines-not-dropped",
        "filters/quality.py",
        'if over("max_mean_line", scores["mean_line"]) or over("max_line", scores["max_line"]):',
        'if over("max_mean_line", scores["mean_line"]):',
        ("tests/filters/test_boundaries.py", "tests/filters/test_quality.py"),
    ),
    M(
        "autogenerated-kept",
        "filters/quality.py",
        'if t["autogen"] and scores["autogen"]:',
        "if False:",
        ("tests/filters/test_quality.py", E2E),
    ),
    M(
        "decontam-threshold-off-by-one",
        "filters/decontam.py",
        "return owner if count >= d.min_hits else None",
        "return owner if count > d.min_hits else None",
        ("tests/filters/test_boundaries.py", "tests/filters/test_decontam.py"),
    ),
    # --- dependency order
    M(
        "dependency-order-reversed",
        "packing/graph.py",
        "deps_left = {v: g.out_degree(v) for v in g.nodes}",
        "deps_left = {v: g.in_degree(v) for v in g.nodes}",
        ("tests/packing/test_graph.py", E2E),
    ),
    M(
        "nearest-first-ignored",
        "packing/graph.py",
        "heapq.heappush(ready, (hop, y))",
        "heapq.heappush(ready, (far, y))",
        ("tests/packing/test_graph.py",),
    ),
    M(
        "tests-placed-before-subjects",
        "packing/testpairs.py",
        "        out.append(p)\n        out.extend(followers.get(p, ()))\n",
        "        out.extend(followers.get(p, ()))\n        out.append(p)\n",
        ("tests/packing/test_testpairs.py", BUILD),
    ),
    # --- sources
    M(
        "symlink-in-archive-read",
        "pipelines/sources_archive.py",
        'if m.kind == "symlink":',
        "if False:",
        ("tests/pipelines/test_sources.py", "tests/pipelines/test_hostile.py"),
    ),
    # --- randomness and FIM rates
    M(
        "hash-ignores-later-parts",
        "core/rand.py",
        "    for p in parts:\n",
        "    for p in parts[:1]:\n",
        ("tests/fim/", "tests/core/"),
    ),
]


def _copy_project(dest: str) -> None:
    files = (
        subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True, capture_output=True
        )
        .stdout.decode()
        .split("\0")
    )
    for rel in filter(None, files):
        src = os.path.join(ROOT, rel)
        if os.path.isfile(src) and not os.path.islink(src):
            os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(dest, rel))


def _package_view(src: str, site: str) -> None:
    """site/repoloom: the package as setup.py lays it out, pointing into the copy."""
    pkg = os.path.join(site, "repoloom")
    shutil.copytree(os.path.join(src, "repoloom_pkg"), pkg)
    for f in FOLDERS:
        os.symlink(os.path.join(src, f), os.path.join(pkg, f))


def _run_tests(src: str, site: str, tests: tuple[str, ...], timeout: int) -> tuple[int, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([site, src]), "PYTHONDONTWRITEBYTECODE": "1"}
    t0 = time.time()
    try:
        r = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd=src,
            env=env,
            capture_output=True,
            timeout=timeout,
        )
        code = r.returncode
    except subprocess.TimeoutExpired:
        code = -1
    return code, time.time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("only", nargs="*", help="run only mutants whose name contains one of these words")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per test run")
    args = ap.parse_args()
    chosen = [m for m in MUTANTS if not args.only or any(w in m.name for w in args.only)]
    if args.list:
        for m in chosen:
            print(f"{m.name:38s} {m.path:24s} {' '.join(m.tests)}")
        return 0
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        src, site = os.path.join(tmp, "src"), os.path.join(tmp, "site")
        _copy_project(src)
        _package_view(src, site)
        where = subprocess.run(
            [sys.executable, "-c", "import repoloom.core.rand as r; print(r.__file__)"],
            env={**os.environ, "PYTHONPATH": site},
            capture_output=True,
            text=True,
        ).stdout.strip()
        if not where.startswith(site):
            print(f"the copy is not what imports: repoloom.core.rand came from {where}")
            return 2
        union = tuple(sorted({t for m in chosen for t in m.tests if os.path.exists(os.path.join(src, t))}))
        code, secs = _run_tests(src, site, union, args.timeout)
        print(f"baseline: {len(union)} test files, exit {code}, {secs:.0f}s")
        if code != 0:
            print("the selected tests fail without any mutant: fix them first")
            return 2
        caught = stale = 0
        for m in chosen:
            path = os.path.join(src, m.path)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            if original.count(m.old) != 1:
                stale += 1
                print(f"STALE    {m.name:38s} {m.path}: the text to change occurs {original.count(m.old)} times")
                continue
            with open(path, "w", encoding="utf-8") as f:
                f.write(original.replace(m.old, m.new))
            try:
                tests = tuple(t for t in m.tests if os.path.exists(os.path.join(src, t)))
                code, secs = _run_tests(src, site, tests, args.timeout)
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original)
            ok = code != 0
            caught += ok
            verdict = "caught" if ok else "SURVIVED"
            print(f"{verdict:8s} {m.name:38s} {m.path:24s} {secs:5.0f}s exit {code}", flush=True)
        total = len(chosen)
        print(
            f"caught {caught} of {total} mutants ({caught / max(1, total):.0%}); stale {stale}; "
            f"survived {total - caught - stale}"
        )
        return 0 if caught == total else 1


if __name__ == "__main__":
    sys.exit(main())
