"""The `repoloom` command line. Each subcommand lives in its own module under
pipelines/ (``cmd_<name>.py`` with ``add_parser(subparsers)`` and ``run(args) -> int``).

``train`` and ``eval`` are dispatched by module name to ``repoloom.train.cli`` only
when asked for, so this package never imports jax (Dataflow workers stay lean).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import signal
import sys
import threading

COMMANDS = ("build", "inspect", "tokenizer", "graph", "fim", "scan", "export")
TRAIN_COMMANDS = ("train", "eval")


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or only `command`'s subcommand when it is known: each command module imports what
    it needs (build's configuration imports every stage), so `inspect` does not pay for `build`'s imports."""
    from repoloom import __version__

    p = argparse.ArgumentParser(prog="repoloom", description="Repository-level pretraining data for code LMs.")
    p.add_argument("--version", action="version", version=f"repoloom {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS if command is None else (command,):
        importlib.import_module(f"repoloom.pipelines.cmd_{name}").add_parser(sub)
    for name in TRAIN_COMMANDS if command is None else ():
        sub.add_parser(
            name, help=f"{name} a model on a build's output (needs `pip install repoloom[train]`)", add_help=False
        )
    return p


class _QuietBeamImports(logging.Filter):
    """Beam warns at import that optional GCP clients are missing; that is expected without the gcp extra."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "apitools not found" not in record.getMessage()


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived; raised in the main thread so everything unwinds (locks, temp files)."""


_received: list[int] = []
_timers: list[threading.Timer] = []
_line: list[str] = ["", ""]  # the command, and what to tell the user when it is interrupted
GRACE_S = 10.0  # if unwinding hangs (a runner waiting on its workers), leave anyway


def interrupted() -> bool:
    """Whether SIGINT or SIGTERM reached this command (its errors are then the interrupt, not failures)."""
    return bool(_received)


def interrupt_hint(hint: str) -> None:
    """What the interrupt line adds after the signal's name (e.g. that a rerun resumes)."""
    _line[1] = hint


def _interrupt_line(signum: int) -> str:
    return f"repoloom {_line[0]}: interrupted ({signal.Signals(signum).name})" + (f"; {_line[1]}" if _line[1] else "")


def _leave(signum: int) -> None:
    with contextlib.suppress(Exception):
        print(_interrupt_line(signum), file=sys.stderr, flush=True)
    os._exit(128 + signum)


def _on_signal(signum, frame):
    if _received:  # a second signal: leave now
        _leave(_received[0])
    _received.append(signum)
    logging.disable(logging.CRITICAL)  # runners log the interrupted work as failures: not news to the user
    threading.excepthook = lambda args: None  # nor their threads' tracebacks (worker exited, channel closed)
    timer = threading.Timer(GRACE_S, _leave, (signum,))
    timer.daemon = True
    timer.start()
    _timers.append(timer)
    raise Interrupted()


def _install_signal_handlers() -> dict:
    """Our handlers for the command's run; returns the previous ones to put back."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}


def main(argv: list[str] | None = None) -> int:
    logging.getLogger().addFilter(_QuietBeamImports())
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in TRAIN_COMMANDS:
        try:
            train_cli = importlib.import_module("repoloom.train.cli")
        except ImportError as e:
            print(
                f"repoloom {argv[0]}: the trainer needs the train extra (pip install 'repoloom[train]'): {e}",
                file=sys.stderr,
            )
            return 2
        return int(train_cli.main(argv) or 0)
    parser = _parser(argv[0] if argv and argv[0] in COMMANDS else None)
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "beam_ok", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.beam_args = extra
    args.argv = ["repoloom", *argv]  # as typed (run.json), also when main() is called in-process
    from repoloom.core.config import ConfigError

    _received.clear()
    _line[:] = [args.command, ""]
    previous = _install_signal_handlers()
    try:
        return int(args.run(args) or 0)
    except ConfigError as e:
        print(f"repoloom {args.command}: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `repoloom inspect out | head`: the reader has gone, as with SIGPIPE's default action
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the exit's flush would fail again
        return 128 + signal.SIGPIPE
    except BaseException as e:  # noqa: BLE001 - an interrupt may reach us wrapped in a runner's own error
        if not (_received or isinstance(e, KeyboardInterrupt)):
            raise
        signum = _received[0] if _received else signal.SIGINT
        print(_interrupt_line(signum), file=sys.stderr)
        return 128 + signum
    finally:
        for timer in _timers:
            timer.cancel()
        _timers.clear()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        threading.excepthook = threading.__excepthook__
        logging.disable(logging.NOTSET)


if __name__ == "__main__":  # `python -m`: run the imported module, whose signal state the commands share
    from repoloom.pipelines.cli import main as _main

    sys.exit(_main())
