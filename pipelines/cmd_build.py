"""`repoloom build`: run the build job (see build.py) and write the output directory."""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time

from repoloom.core.config import ConfigError, load_config, parse_set


def add_parser(sub) -> None:
    p = sub.add_parser("build", help="repositories in, ArrayRecord shards out",
                       description="Build a packed, tokenized dataset. Unknown --options are passed to Apache Beam "
                                   "(e.g. --runner, --direct_num_workers, --project); --runner=dask runs on "
                                   "dask.distributed (--dask_address=tcp://HOST:8786, default a local cluster; "
                                   "--dask_max_partitions).")
    p.add_argument("--input", nargs="+", action="extend", required=True, metavar="PATH",
                   help="directories, archives, tables or globs (local or gs://); repeat or list several, all are read")
    p.add_argument("--input-kind", choices=("auto", "repo", "collection"), default="auto",
                   help="read each input directory as one repository or as a collection of repositories "
                        "(default: a directory with .git or a root marker such as pyproject.toml or README is one repository)")
    p.add_argument("--output", required=True, metavar="DIR")
    p.add_argument("--seq-len", type=int, help="tokens per row (default 8192)")
    p.add_argument("--tokenizer", metavar="MODEL", help="SentencePiece model; default: train one on a sample of the input")
    p.add_argument("--seed", type=int)
    p.add_argument("--config", metavar="FILE", help="YAML or JSON config over the defaults")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. fim.rate=0.5")
    p.add_argument("--overwrite", action="store_true", help="replace the contents of a non-empty output directory")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(run=run, beam_ok=True)


def run(args: argparse.Namespace) -> int:
    from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
    import apache_beam as beam

    from repoloom.core.tokenizer import Tokenizer, TokenizerError
    from repoloom.pipelines import sink
    from repoloom.pipelines.build import build_pipeline
    from repoloom.pipelines.launch import check_output_dir, finalize, prepare_tokenizer, summary_lines, write_run_info
    from repoloom.pipelines.sources import InputError, absolute_local, expand_inputs

    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    if not args.quiet:  # per-repository and per-shard progress lines from the job's workers
        progress = logging.getLogger("repoloom.progress")
        if not progress.handlers:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("  %(message)s"))
            progress.addHandler(handler)
        progress.setLevel(logging.INFO)
        progress.propagate = False
    try:
        overrides = parse_set(args.set)
        if args.seq_len is not None:
            overrides["seq_len"] = args.seq_len
        if args.seed is not None:
            overrides["seed"] = args.seed
        cfg = load_config(args.config, overrides)
        if cfg["seq_len"] < 64:
            raise ConfigError("seq_len must be at least 64")
        # workers may run elsewhere or in another directory: local paths are made absolute here, once
        args.input, args.output = [absolute_local(p) for p in args.input], absolute_local(args.output)
        decisions: list[str] = []
        units = expand_inputs(args.input, args.input_kind, decisions)
        for line in decisions:
            log(f"input {line}")
        if not units:
            raise InputError("the inputs hold no repositories")
        check_output_dir(args.output, args.overwrite)
        t0 = time.time()
        log(f"{len(units)} input units; preparing the tokenizer")
        tok_bytes = prepare_tokenizer(units, cfg, args.tokenizer, log)
    except (ConfigError, InputError, TokenizerError, FileExistsError, OSError, RuntimeError) as e:
        print(f"repoloom build: error: {e}", file=sys.stderr)
        return 2
    tok = Tokenizer(tok_bytes)
    sink.write_bytes(sink.join(args.output, "tokenizer.model"), tok_bytes)
    options = PipelineOptions(args.beam_args or [])
    runner_name = options.view_as(StandardOptions).runner or "DirectRunner"
    runner = _runner(runner_name)  # before options are read whole: it declares the --dask_* options
    log(f"running the job ({runner_name})")
    with beam.Pipeline(runner=runner, options=options) as p:
        build_pipeline(p, units, cfg, tok_bytes, args.output)
    stats = json.loads(sink.read_bytes(sink.join(args.output, "stats.json")))
    if stats.get("files_in", 0) == 0:  # the launcher saw units; workers that read nothing is a set-up error
        print(f"repoloom build: error: the job read no files from {len(units)} input units; can every worker read "
              f"{', '.join(args.input)}?", file=sys.stderr)
        return 1
    ds = finalize(args.output, cfg, tok)
    write_run_info(args.output, args.argv, runner_name, options, time.time() - t0)
    for line in summary_lines(ds, stats, args.output, time.time() - t0):
        print(line)
    return 0


def _runner(name: str):
    """repoloom's Dask runner for --runner=dask (Beam's own cannot run this job); None lets Beam choose."""
    if name.lower() in ("dask", "daskrunner"):
        try:
            from repoloom.pipelines.dask_runner import DaskRunner
        except ImportError as e:
            raise SystemExit(f"repoloom build: error: --runner=dask needs the dask extra "
                             f"(pip install 'repoloom[dask]'): {e}")

        return DaskRunner()
    return None
