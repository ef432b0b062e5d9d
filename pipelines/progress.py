"""Progress bars for a running build (reading, the per-file stage, writing), with counts and ETA.

Beam gives a launcher no counters while a DirectRunner job runs, so the job's steps report through a
side channel: each process that runs a step adds to its own counts and a background thread writes
them every half second to ``<dir>/<pid>.json`` (``dir`` comes from the environment variable below,
which the launcher sets before the job starts, so DirectRunner worker processes inherit it). The
launcher sums the files and draws the bars. Without the variable (Dataflow, Flink workers) counting
is a no-op.
"""

from __future__ import annotations

import atexit
import json
import os
import threading
import time

ENV = "REPOLOOM_PROGRESS_DIR"
INTERVAL_S = 0.5

_lock = threading.Lock()
_counts: dict[str, int] = {}
_dir: list[str] = [""]  # the folder the counts belong to (a new build in this process starts from zero)
_writer: threading.Thread | None = None


def _use(directory: str) -> None:
    with _lock:
        if _dir[0] != directory:
            _dir[0] = directory
            _counts.clear()


def count(name: str, n: int = 1) -> None:
    """Add n to a named count of this process (a no-op unless the launcher asked for progress)."""
    directory = os.environ.get(ENV)
    if not directory:
        return
    _use(directory)
    with _lock:
        _counts[name] = _counts.get(name, 0) + n
    _start_writer()


def total(name: str, value: int) -> None:
    """A total some step knows (shards of a split): the largest reported by any process wins."""
    directory = os.environ.get(ENV)
    if not directory:
        return
    _use(directory)
    with _lock:
        _counts["max:" + name] = max(value, _counts.get("max:" + name, 0))
    _start_writer()


def _flush() -> None:
    with _lock:  # held while writing, so stop() never returns with a write under way
        directory = _dir[0]
        if not directory:
            return
        path = os.path.join(directory, f"{os.getpid()}.json")
        try:
            with open(path + ".tmp", "w") as f:
                f.write(json.dumps(_counts))
            os.replace(path + ".tmp", path)
        except OSError:  # the launcher has finished and removed the folder
            pass


def stop() -> None:
    """Write this process's last counts and stop writing (the launcher removes the folder next)."""
    _flush()
    with _lock:
        _dir[0] = ""
        _counts.clear()


def _start_writer() -> None:
    global _writer
    if _writer is not None and _writer.is_alive():
        return
    with _lock:
        if _writer is not None and _writer.is_alive():
            return

        def loop():
            while True:
                _flush()
                time.sleep(INTERVAL_S)

        _writer = threading.Thread(target=loop, name="repoloom-progress", daemon=True)
        _writer.start()
        atexit.register(_flush)  # worker processes end with the job: their last counts still arrive


def read_counts(directory: str) -> dict[str, int]:
    """The counts of every process, summed."""
    summed: dict[str, int] = {}
    try:
        names = os.listdir(directory)
    except OSError:
        return summed
    for name in names:
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(directory, name)) as f:
                for k, v in json.load(f).items():
                    if k.startswith("max:"):
                        summed[k] = max(summed.get(k, 0), int(v))
                    else:
                        summed[k] = summed.get(k, 0) + int(v)
        except (OSError, ValueError):  # being replaced right now: next poll
            continue
    return summed


# (count name, its total's count name or a fixed total, bar label, unit)
BARS = (
    ("units_read", "units_total", "read", "repos"),
    ("files_done", "files_read", "per-file", "files"),
    ("shards_written", "shards_total", "write", "shards"),
)


class ProgressBars:
    """Polls the side channel and draws one tqdm bar per phase (on stderr, when it is a terminal)."""

    def __init__(self, directory: str, units_total: int, stream=None, disable: bool | None = None):
        from tqdm import tqdm

        self.directory = directory
        self.fixed = {"units_total": units_total}
        self.bars = [
            tqdm(
                total=None,
                desc=label.ljust(8),
                unit=f" {unit}",
                position=i,
                file=stream,
                disable=disable,
                dynamic_ncols=True,
                leave=True,
                mininterval=0.2,
            )
            for i, (_, _, label, unit) in enumerate(BARS)
        ]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="repoloom-progress-bars", daemon=True)

    def __enter__(self):
        os.makedirs(self.directory, exist_ok=True)
        self._previous = os.environ.get(ENV)
        os.environ[ENV] = self.directory
        self._thread.start()
        return self

    def update(self) -> dict[str, int]:
        counts = {**read_counts(self.directory), **self.fixed}
        counts["shards_total"] = sum(v for k, v in counts.items() if k.startswith("max:shards_total."))
        for bar, (name, total, _, _) in zip(self.bars, BARS):
            t = counts.get(total)
            if t and bar.total != t:
                bar.total = t
            bar.n = counts.get(name, 0)
            bar.refresh()
        return counts

    def _loop(self):
        while not self._stop.wait(INTERVAL_S):
            self.update()

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        stop()
        if exc[0] is None:
            self.update()
        for bar in reversed(self.bars):
            bar.close()
        if self._previous is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = self._previous
        return False
