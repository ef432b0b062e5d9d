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
                                   "(e.g. --runner, --direct_num_workers, --project).")
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
    from apache_beam.options.pipeline_options import PipelineOptions
    import apache_beam as beam

    from repoloom.core.tokenizer import Tokenizer, TokenizerError
    from repoloom.pipelines import sink
    from repoloom.pipelines.build import build_pipeline
    from repoloom.pipelines.launch import check_output_dir, finalize, prepare_tokenizer, summary_lines
    from repoloom.pipelines.sources import InputError, expand_inputs

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
    log(f"running the job ({options.get_all_options().get('runner') or 'DirectRunner'})")
    with beam.Pipeline(options=options) as p:
        build_pipeline(p, units, cfg, tok_bytes, args.output)
    ds = finalize(args.output, cfg, tok, ["repoloom", "build"] + sys.argv[2:])
    stats = json.loads(sink.read_bytes(sink.join(args.output, "stats.json")))
    for line in summary_lines(ds, stats, args.output, time.time() - t0):
        print(line)
    return 0
