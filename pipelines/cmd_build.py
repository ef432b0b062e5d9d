"""`repoloom build`: run the build job (see build.py) and write the output directory."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import logging
import os
import re
import sys
import tempfile
import time

from repoloom.core import counters as C
from repoloom.core.config import ConfigError, parse_set
from repoloom.pipelines.config import load_config
from repoloom.pipelines.cli import interrupt_hint, interrupted


def add_parser(sub) -> None:
    p = sub.add_parser(
        "build",
        help="repositories in, ArrayRecord shards out",
        description="Build a packed, tokenized dataset. Unknown --options are passed to Apache Beam "
        "(e.g. --runner, --direct_num_workers, --project); --runner=dask runs on "
        "dask.distributed (--dask_address=tcp://HOST:8786, default a local cluster; "
        "--dask_max_partitions).",
    )
    p.add_argument(
        "--input",
        nargs="+",
        action="extend",
        required=True,
        metavar="PATH",
        help="directories, archives, tables or globs (local or gs://); repeat or list several, all are read",
    )
    p.add_argument(
        "--input-kind",
        choices=("auto", "repo", "collection"),
        default="auto",
        help="read each input directory as one repository or as a collection of repositories "
        "(default: a directory with .git or a root marker such as pyproject.toml or README is one repository)",
    )
    p.add_argument("--output", required=True, metavar="DIR")
    p.add_argument("--seq-len", type=int, help="tokens per row (default 8192)")
    p.add_argument(
        "--tokenizer", metavar="MODEL", help="SentencePiece model; default: train one on a sample of the input"
    )
    p.add_argument("--seed", type=int)
    p.add_argument("--config", metavar="FILE", help="YAML or JSON config over the defaults")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. fim.rate=0.5")
    p.add_argument(
        "--overwrite", action="store_true", help="replace a previous repoloom output in DIR (anything else is refused)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress, only the summary")
    p.add_argument("--verbose", action="store_true", help="show Apache Beam's own log lines")
    p.set_defaults(run=run, beam_ok=True)


def run(args: argparse.Namespace) -> int:
    from repoloom.core.tokenizer import TokenizerError
    from repoloom.pipelines.outdir import OutputError, close, open_output
    from repoloom.pipelines.sources import InputError, absolute_local, expand_inputs

    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    try:
        overrides = parse_set(args.set)
        if args.seq_len is not None:
            overrides["seq_len"] = args.seq_len
        if args.seed is not None:
            overrides["seed"] = args.seed
        cfg = load_config(args.config, overrides)
        # workers may run elsewhere or in another directory: local paths are made absolute here, once
        args.input, args.output = [absolute_local(p) for p in args.input], absolute_local(args.output)
        decisions: list[str] = []
        units = expand_inputs(args.input, args.input_kind, decisions)
        for line in decisions:
            log(f"input {line}")
        if not units:
            raise InputError("the inputs hold no repositories")
        out = open_output(args.output, args.overwrite)
    except (ConfigError, InputError, TokenizerError, OutputError, OSError) as e:
        print(f"repoloom build: error: {e}", file=sys.stderr)
        return 2
    interrupt_hint(f"{args.output} was not changed; run the same command again to resume")
    try:
        return _build(args, cfg, units, out, log)
    except Exception as e:  # noqa: BLE001 - environment failures become one line; anything else is a bug
        reason = environment_error(e)
        if reason is None:
            raise
        print(f"repoloom build: error: {reason}; {args.output} was not changed", file=sys.stderr)
        return 1
    finally:
        close(out)


def _build(args, cfg: dict, units: list, out, log) -> int:
    from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
    import apache_beam as beam

    from repoloom.core.tokenizer import Tokenizer, TokenizerError, smaller_vocabulary
    from repoloom.pipelines import sink
    from repoloom.pipelines.build import build_pipeline
    from repoloom.pipelines.launch import (
        fewer_gc_passes,
        finalize,
        memoized_dofn_specs,
        prepare_tokenizer,
        summary_lines,
        write_run_info,
    )
    from repoloom.pipelines.outdir import commit
    from repoloom.pipelines.progress import ProgressBars
    from repoloom.pipelines.resume import cached_tokenizer, store_tokenizer, tokenizer_key

    t0 = time.time()
    bars = not args.quiet and sys.stderr.isatty()
    lines = not args.quiet and not bars  # per-repository and per-shard lines from the job's workers (logs, CI)
    progress = logging.getLogger("repoloom.progress")
    if lines and not progress.handlers:
        handler = _StderrNow()
        handler.setFormatter(logging.Formatter("  %(message)s"))
        progress.addHandler(handler)
    progress.setLevel(logging.INFO if lines else logging.WARNING)  # a process may run several builds
    progress.propagate = False
    log(f"{len(units)} input units; preparing the tokenizer")
    key = None if args.tokenizer else tokenizer_key(units, cfg)
    tok_bytes = cached_tokenizer(out.cache, out.target, key) if key else None
    if tok_bytes is not None:
        log("reusing the tokenizer trained by an earlier run on the same inputs and settings")
    else:
        try:
            tok_bytes = prepare_tokenizer(units, cfg, args.tokenizer, log)
        except (TokenizerError, RuntimeError, OSError) as e:
            print(f"repoloom build: error: {args.tokenizer + ': ' if args.tokenizer else ''}{e}", file=sys.stderr)
            return 2
        if key:
            store_tokenizer(out.cache, key, tok_bytes)
    tok = Tokenizer(tok_bytes)
    vocab_note = None if args.tokenizer else smaller_vocabulary(tok.vocab_size, cfg["tokenizer"]["vocab_size"])
    if vocab_note:
        print(f"repoloom build: warning: {vocab_note}", file=sys.stderr)
    sink.write_bytes(sink.join(out.staging, "tokenizer.model"), tok_bytes)
    beam_args = list(args.beam_args or [])
    if not args.verbose:  # Beam's own INFO/WARNING lines, also from DirectRunner worker processes
        logging.getLogger("apache_beam").setLevel(logging.CRITICAL)  # failures reach the user as one line
        if not any(a.startswith("--default_sdk_harness_log_level") for a in beam_args):
            beam_args.append("--default_sdk_harness_log_level=ERROR")
    if "--no_pipeline_type_check" not in beam_args:
        # Beam's construction-time type inference decompiles every lambda and builds an options view per
        # transform: 15% of a small build's CPU. Nothing here depends on it: shuffle keys are plain tuples
        # and strings, values bytes, whose default coders are deterministic (tests compare every output byte).
        beam_args.append("--no_pipeline_type_check")
    options = PipelineOptions(beam_args)
    runner_name = options.view_as(StandardOptions).runner or "DirectRunner"
    runner = _runner(runner_name)  # before options are read whole: it declares the --dask_* options
    log(f"running the job ({runner_name})")
    # local even for gs:// outputs; a worker process may still write its last counts while it is removed
    with tempfile.TemporaryDirectory(prefix="repoloom-progress-", ignore_cleanup_errors=True) as progress_dir:
        with worker_processes_env(progress_dir, args.verbose), ProgressBars(progress_dir, len(units), disable=not bars):
            with fewer_gc_passes(), memoized_dofn_specs(), beam.Pipeline(runner=runner, options=options) as p:
                build_pipeline(p, units, cfg, tok_bytes, out.staging)
    stats = json.loads(sink.read_bytes(sink.join(out.staging, "stats.json")))
    if stats.get(C.FILES_IN, 0) == 0:  # the launcher saw units; workers that read nothing is a set-up error
        print(
            f"repoloom build: error: the job read no files from {len(units)} input units; can every worker read "
            f"{', '.join(args.input)}?",
            file=sys.stderr,
        )
        return 1
    extra = {"tokenizer_vocab_requested": cfg["tokenizer"]["vocab_size"]} if vocab_note else {}
    ds = finalize(out.staging, cfg, tok, extra)
    write_run_info(out.staging, args.argv, runner_name, options, time.time() - t0)
    if key:  # in run.json (about this run, names paths), not dataset.json (the same wherever the input lies)
        run_info = json.loads(sink.read_bytes(sink.join(out.staging, "run.json")))
        sink.write_json(sink.join(out.staging, "run.json"), {**run_info, "tokenizer_key": key})
    commit(out)
    empty = ds["num_examples"] == 0
    for line in summary_lines(ds, stats, args.output, time.time() - t0)[: -1 if empty else None]:
        print(line)
    if failed := stats.get(C.PLAN_FAILED_REPOS, 0):
        print(
            f"repoloom build: warning: planning raised for {failed} repositories; their files were kept in path "
            "order without dependency edges or test pairs (the log names each exception)",
            file=sys.stderr,
        )
    if empty:
        print(
            f"repoloom build: error: the build produced no rows: {empty_reason(ds)}; "
            f"see {args.output.rstrip('/')}/report.md and drops/",
            file=sys.stderr,
        )
        return 1
    return 0


class _StderrNow(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a line is logged (not the one at the first build)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


@contextlib.contextmanager
def worker_processes_env(scratch: str, verbose: bool):
    """DirectRunner worker processes are this launcher's children: a sitecustomize on their PYTHONPATH makes
    them ignore SIGINT (Ctrl-C reaches the whole process group; the launcher alone answers it, and the
    workers end with it) and, unless verbose, drops the Beam import warnings and start-up lines their
    root logger would print before any option reaches them (the handler that forwards their errors to
    the launcher is added later and still works)."""
    site = os.path.join(scratch, "worker-site")
    os.makedirs(site, exist_ok=True)
    with open(os.path.join(site, "sitecustomize.py"), "w") as f:
        f.write("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n")
        if not verbose:
            f.write("import logging\nlogging.getLogger().addHandler(logging.NullHandler())\n")
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = site + (os.pathsep + previous if previous else "")
    try:
        with contextlib.nullcontext() if verbose else workers_stderr_to(os.path.join(scratch, "workers.log")):
            yield
    finally:
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous


WORKER_LOG_TAIL = 30  # lines of the workers' own output shown when the job fails


@contextlib.contextmanager
def workers_stderr_to(log_path: str):
    """Worker processes inherit file descriptor 2 when they start, and write to it below Python: gRPC's
    C++ threads print `terminate called without an active exception` when a worker is stopped mid-job,
    and the shell Beam starts them with reports `Aborted`. So while the job runs, descriptor 2 is a log
    file, and this process's own messages (progress, the interrupt line) go to the terminal through a
    copy of the old descriptor. When the job fails (not on Ctrl-C), the log's last lines are shown."""
    sys.stderr.flush()
    terminal = os.dup(2)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    previous = sys.stderr
    try:
        on_fd2 = previous.fileno() == 2
    except (AttributeError, OSError, ValueError):  # pytest's capsys: not a descriptor, keep writing to it
        on_fd2 = False
    if on_fd2:
        sys.stderr = open(
            terminal,
            "w",
            buffering=1,
            closefd=False,
            encoding=getattr(previous, "encoding", None),
            errors="backslashreplace",
        )
    failed = False
    try:
        yield
    except BaseException:
        failed = not interrupted()
        raise
    finally:
        if on_fd2:
            sys.stderr.flush()
            sys.stderr = previous
        os.dup2(terminal, 2)
        os.close(terminal)
        if failed:
            _show_tail(log_path)


def _show_tail(log_path: str) -> None:
    with contextlib.suppress(OSError):
        with open(log_path, errors="replace") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()][-WORKER_LOG_TAIL:]
        if lines:
            print(
                "repoloom build: the job's worker processes printed (last lines):", *lines, sep="\n  ", file=sys.stderr
            )


def empty_reason(ds: dict) -> str:
    if not ds["files_in"]:
        return "the inputs hold no files"
    if not ds["files_kept"]:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(ds["dropped"].items(), key=lambda kv: -kv[1]))
        hint = ""
        if set(ds["dropped"]) == {"not_in_repository"}:
            hint = "; a loose file is not a repository: pass the folder that holds it"
        return f"all {ds['files_in']} files were dropped ({reasons}){hint}"
    return f"{ds['files_kept']} files were kept but none reached a row"


_ENV_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT, errno.EIO, errno.EMFILE}


def environment_error(e: BaseException) -> str | None:
    """A disk, permission or quota failure anywhere in the exception chain (Beam wraps them in its own
    errors, often as text), as one line; None for anything else."""
    seen = set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, OSError) and e.errno in _ENV_ERRNOS:
            where = f" ({e.filename})" if e.filename else ""
            return f"{e.strerror or os.strerror(e.errno)}{where}"
        m = _ERRNO_TEXT.search(str(e))
        if m and int(m.group(1)) in _ENV_ERRNOS:
            return m.group(2).strip() + (f" ({m.group(3)})" if m.group(3) else "")
        e = e.__cause__ or e.__context__
    return None


_ERRNO_TEXT = re.compile(r"\[Errno (\d+)\] ([^:\n']+)(?::\s*'([^'\n]*)')?")


def _runner(name: str):
    """repoloom's Dask runner for --runner=dask (Beam's own cannot run this job); the DirectRunner without
    its Prism download (launch.direct_runner); None lets Beam choose."""
    if name.lower() in ("dask", "daskrunner"):
        try:
            from repoloom.pipelines.dask_runner import DaskRunner
        except ImportError as e:
            raise SystemExit(
                f"repoloom build: error: --runner=dask needs the dask extra (pip install 'repoloom[dask]'): {e}"
            )

        return DaskRunner()
    if name.lower() in ("direct", "directrunner"):
        from repoloom.pipelines.launch import direct_runner

        return direct_runner()
    return None
