"""A real dask.distributed cluster for tests: `dask scheduler` and two `dask worker` processes on
127.0.0.1, each a subprocess with its own ports, run from their own working directory (so relative
paths would break), stopped by pid."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time

import pytest

BIN = os.path.dirname(sys.executable)


def _stop(procs) -> None:
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=15)


@contextlib.contextmanager
def dask_cluster(workdir, workers: int = 2, timeout: float = 90.0):
    """Yields the scheduler's address (tcp://127.0.0.1:PORT) once `workers` workers have joined."""
    from distributed import Client

    workdir.mkdir(parents=True, exist_ok=True)
    scheduler_file = workdir / "scheduler.json"
    logs = open(workdir / "cluster.log", "wb")
    common = dict(cwd=workdir, stdout=logs, stderr=subprocess.STDOUT)
    procs = [
        subprocess.Popen(
            [
                os.path.join(BIN, "dask"),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            **common,
        )
    ]
    try:
        deadline = time.time() + timeout
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            if time.time() > deadline or procs[0].poll() is not None:
                raise RuntimeError(f"the dask scheduler did not start; see {workdir / 'cluster.log'}")
            time.sleep(0.2)
        time.sleep(0.2)  # the file is written whole, but let a partial write finish
        for i in range(workers):
            procs.append(
                subprocess.Popen(
                    [
                        os.path.join(BIN, "dask"),
                        "worker",
                        "--scheduler-file",
                        str(scheduler_file),
                        "--host",
                        "127.0.0.1",
                        "--nthreads",
                        "1",
                        "--no-nanny",
                        "--no-dashboard",
                        "--name",
                        f"w{i}",
                        "--local-directory",
                        str(workdir / f"w{i}"),
                    ],
                    **common,
                )
            )
        with Client(scheduler_file=str(scheduler_file), timeout=timeout) as client:
            client.wait_for_workers(workers, timeout=timeout)
            address = client.scheduler.address
        yield address
    finally:
        _stop(procs[1:])
        _stop(procs[:1])
        logs.close()


@pytest.fixture(scope="session")
def dask_address(tmp_path_factory):
    """One cluster for the whole session, started on first use (imported into tests/conftest.py)."""
    with dask_cluster(tmp_path_factory.mktemp("dask-cluster")) as address:
        yield address
