"""The `repoloom` command line. Each subcommand lives in its own module under
pipelines/ (``cmd_<name>.py`` with ``add_parser(subparsers)`` and ``run(args) -> int``).

``train`` and ``eval`` are dispatched by module name to ``repoloom.train.cli`` only
when asked for, so this package never imports jax (Dataflow workers stay lean).
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

COMMANDS = ("build", "inspect", "tokenizer", "graph", "fim", "scan")
TRAIN_COMMANDS = ("train", "eval")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="repoloom", description="Repository-level pretraining data for code LMs.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"repoloom.pipelines.cmd_{name}").add_parser(sub)
    for name in TRAIN_COMMANDS:
        sub.add_parser(name, help=f"{name} a model on a build's output (needs `pip install repoloom[train]`)", add_help=False)
    return p


class _QuietBeamImports(logging.Filter):
    """Beam warns at import that optional GCP clients are missing; that is expected without the gcp extra."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "apitools not found" not in record.getMessage()


def main(argv: list[str] | None = None) -> int:
    logging.getLogger().addFilter(_QuietBeamImports())
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in TRAIN_COMMANDS:
        try:
            train_cli = importlib.import_module("repoloom.train.cli")
        except ImportError as e:
            print(f"repoloom {argv[0]}: the trainer needs the train extra (pip install 'repoloom[train]'): {e}", file=sys.stderr)
            return 2
        return int(train_cli.main(argv) or 0)
    args, extra = _parser().parse_known_args(argv)
    if extra and not getattr(args, "beam_ok", False):
        _parser().error(f"unrecognized arguments: {' '.join(extra)}")
    args.beam_args = extra
    args.argv = ["repoloom", *argv]  # as typed (run.json), also when main() is called in-process
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
