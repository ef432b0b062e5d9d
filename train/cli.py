"""``repoloom train`` and ``repoloom eval``.

    repoloom train --data OUT_DIR --preset tiny --steps N --batch-size B --workdir RUN_DIR
                   [--config FILE.yaml] [--set key=value ...] [--resume [--reschedule]]
    repoloom eval  --data OUT_DIR --workdir RUN_DIR [--step N] [--set key=value ...]

The project's console script calls ``main(sys.argv[1:])`` with argv[0] the
subcommand; ``python -m repoloom.train.cli train ...`` works too.
"""

from __future__ import annotations

import argparse
import sys

from repoloom.core.config import ConfigError

from .config import PRESETS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="repoloom", description="Train or evaluate a Gemma-architecture code model on repoloom data."
    )
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train a model on a repoloom output directory")
    t.add_argument("--data", required=True, help="output directory of a repoloom build (holds dataset.json)")
    t.add_argument("--workdir", required=True, help="run directory: checkpoints/, metrics.jsonl, config.json")
    t.add_argument("--preset", help=f"model preset: {', '.join(PRESETS)} (default tiny)")
    t.add_argument("--steps", type=int, help="total training steps")
    t.add_argument("--batch-size", type=int, help="global batch size in rows")
    t.add_argument("--config", help="YAML or JSON config file (see repoloom.train.config.DEFAULTS)")
    t.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a config key, e.g. train.lr=1e-3 (repeatable)",
    )
    t.add_argument("--resume", action="store_true", help="continue from the latest checkpoint in --workdir")
    t.add_argument(
        "--reschedule",
        action="store_true",
        help="with --resume: fit the learning-rate schedule to the new --steps (by default a resumed run keeps its schedule)",
    )
    e = sub.add_parser("eval", help="held-out loss, FIM-middle loss and FIM exact match of a trained run")
    e.add_argument("--data", help="output directory of a repoloom build (default: the one the run trained on)")
    e.add_argument("--workdir", required=True, help="run directory of `repoloom train`")
    e.add_argument("--step", type=int, help="checkpoint step (default: latest)")
    e.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a config key, e.g. eval.fim_examples=64",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # argparse exits on --help and on bad usage
        return int(e.code or 0)
    from .data import DataError

    try:
        if args.command == "train":
            return _train(args)
        return _eval(args)
    except (ConfigError, DataError) as e:
        print(f"repoloom {args.command}: error: {e}", file=sys.stderr)
        return 2


def _train(args) -> int:
    from .config import build_config

    over: dict = {}
    if args.preset is not None:
        over["model"] = {"preset": args.preset}
    t = {}
    if args.steps is not None:
        t["steps"] = args.steps
    if args.batch_size is not None:
        t["batch_size"] = args.batch_size
    if t:
        over["train"] = t
    cfg = build_config(args.config, args.set, over)
    from . import data as data_lib

    data_lib.load_dataset_info(args.data)  # fail fast, before any device work
    from . import trainer

    trainer.maybe_initialize_distributed(cfg["distributed"])
    trainer.train(cfg, args.data, args.workdir, resume=args.resume, reschedule=args.reschedule)
    return 0


def _eval(args) -> int:
    import json
    import os

    from repoloom.core.config import merge, parse_set

    from .config import validate
    from .evaluate import evaluate, load_run_config

    cfg = load_run_config(args.workdir)
    if args.set:
        cfg = merge(cfg, parse_set(args.set))
    validate(cfg)
    data_dir = args.data
    if data_dir is None:
        with open(os.path.join(args.workdir, "config.json"), encoding="utf-8") as f:
            data_dir = json.load(f).get("data")
    from . import data as data_lib

    data_lib.load_dataset_info(data_dir)
    from . import trainer

    trainer.maybe_initialize_distributed(cfg["distributed"])
    evaluate(cfg, data_dir, args.workdir, step=args.step)
    return 0


if __name__ == "__main__":
    sys.exit(main())
