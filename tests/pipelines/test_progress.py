"""The progress side channel: counts from every process that runs a step reach the launcher's bars."""

import io
import multiprocessing
import os
import time

from repoloom.pipelines import progress


def _worker(n):
    for _ in range(n):
        progress.count("files_done")
    progress.total("shards_total.train", 3)


def test_counts_from_other_processes_are_summed_and_totals_take_the_largest(tmp_path, monkeypatch):
    monkeypatch.setenv(progress.ENV, str(tmp_path))  # as the launcher sets it before the job's workers start
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_worker, args=(n,)) for n in (5, 7)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    counts = progress.read_counts(str(tmp_path))  # each process wrote its last counts as it ended
    assert counts["files_done"] == 12 and counts["max:shards_total.train"] == 3


def test_bars_draw_counts_and_totals_and_stop_writing_on_exit(tmp_path):
    stream = io.StringIO()
    folder = tmp_path / "p"
    with progress.ProgressBars(str(folder), units_total=4, stream=stream, disable=False) as bars:
        for _ in range(4):
            progress.count("units_read")
        for _ in range(9):
            progress.count("files_read")
            progress.count("files_done")
        progress.total("shards_total.train", 2)
        progress.count("shards_written", 2)
    text = stream.getvalue()
    assert "4/4" in text and "9/9" in text and "2/2" in text, text
    assert os.environ.get(progress.ENV) is None
    # the writer thread lives on but writes nothing more: the launcher can remove the folder safely
    before = {f: os.stat(folder / f).st_mtime_ns for f in os.listdir(folder)}
    time.sleep(3 * progress.INTERVAL_S)
    assert {f: os.stat(folder / f).st_mtime_ns for f in os.listdir(folder)} == before
    assert bars.update()["units_total"] == 4
