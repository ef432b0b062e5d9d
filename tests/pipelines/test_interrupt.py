"""Ctrl-C or SIGTERM: one line, exit 130/143, nothing left looking complete; a rerun resumes with the
tokenizer the interrupted run trained."""

import glob
import os
import signal
import subprocess
import sys
import time

from repoloom.pipelines import outdir
from repoloom.pipelines.cli import main
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build

INPUTS = [os.path.join(EXAMPLES, "pyledger"), os.path.join(EXAMPLES, "gokv")]
ARGS = ["--seq-len", "256", "--set", "tokenizer.vocab_size=600"]


def test_ctrl_c_is_one_line_and_the_rerun_reuses_the_tokenizer(tmp_path, capsys):
    out = tmp_path / "out"
    staging = outdir.sibling(str(out), outdir.STAGING_SUFFIX)
    key_file = os.path.join(staging, outdir.CACHE, "tokenizer.key.json")
    cmd = [sys.executable, "-m", "repoloom.pipelines.cli", "build", "--input", *INPUTS, "--output", str(out), *ARGS]
    tmp = tmp_path / "tmp"  # the build's temporary folders: its progress folder there says the job has begun
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp))
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env=env
    )
    deadline = time.time() + 120
    while not glob.glob(str(tmp / "repoloom-progress-*")) and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert os.path.exists(key_file), "the job began before the tokenizer was stored"
    time.sleep(0.3)  # the job is being built or running: a fixed wait after the tokenizer could outlast a fast job
    os.kill(proc.pid, signal.SIGINT)  # the launcher (a terminal Ctrl-C reaches the whole group: see the report)
    _, err = proc.communicate(timeout=60)
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == 130, err
    assert lines[-1].startswith("repoloom build: interrupted (SIGINT)") and "run the same command again" in lines[-1], (
        err
    )
    assert not any(w in err for w in ("Traceback", "Error", "Exception", "WARNING", "INFO")), err  # only that line
    assert not out.exists() and not os.path.exists(os.path.join(staging, "dataset.json"))

    assert main(["build", "--input", *INPUTS, "--output", str(out), *ARGS]) == 0
    assert "reusing the tokenizer trained by an earlier run" in capsys.readouterr().err
    assert (out / "dataset.json").exists() and not os.path.exists(staging)


def test_sigterm_is_one_line_and_exit_143(tmp_path, capsys, monkeypatch, tokenizer_bytes):
    from repoloom.pipelines import build as build_module

    def terminated(*a, **k):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(30)  # the handler interrupts this

    monkeypatch.setattr(build_module, "build_pipeline", terminated)
    model = tmp_path / "tok.model"
    model.write_bytes(tokenizer_bytes)
    out = tmp_path / "out"
    t0 = time.time()
    assert build(INPUTS, out, "--tokenizer", model, "--seq-len", 256) == 143
    assert time.time() - t0 < 25
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert lines == [
        f"repoloom build: interrupted (SIGTERM); {out} was not changed; run the same command again to resume"
    ]
    assert not out.exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the command's handlers are put back


def _workers_of(pid: int) -> list[int]:
    """Beam's SDK worker processes under the launcher `pid`, and the shells that start them."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read()
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            if b"sdk_worker_main" in cmdline and pid in (ppid, _parent(ppid)):
                found.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _parent(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def test_ctrl_c_with_worker_processes_is_one_line(tmp_path, tokenizer_bytes):
    """A terminal's Ctrl-C reaches the launcher, the shells Beam starts workers with and the workers: their
    gRPC threads abort (`terminate called ...`, `Aborted`) below Python; none of it reaches the terminal."""
    import sysconfig

    model = tmp_path / "tok.model"
    model.write_bytes(tokenizer_bytes)
    big = os.path.join(sysconfig.get_paths()["purelib"], "networkx")  # real code, long enough to be mid-job
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "repoloom.pipelines.cli",
        "build",
        "--input",
        big,
        "--output",
        str(out),
        "--tokenizer",
        str(model),
        "--seq-len",
        "256",
        "--direct_num_workers=2",
        "--direct_running_mode=multi_processing",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    workers: list[int] = []
    while len(workers) < 4 and proc.poll() is None and time.time() < deadline:  # 2 workers, 2 shells
        time.sleep(0.2)
        workers = _workers_of(proc.pid)
    assert len(workers) == 4, f"the job never started its 2 worker processes: {workers}"
    time.sleep(2.0)  # they are running bundles
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, err = proc.communicate(timeout=60)
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == 130, err
    assert (
        lines[-1]
        == f"repoloom build: interrupted (SIGINT); {out} was not changed; run the same command again to resume"
    ), err
    assert lines[:-1] and all(not line.startswith(" ") for line in lines[:-1]), err  # the launcher's own lines only
    for noise in ("Traceback", "terminate called", "Aborted", "Error", "WARNING"):
        assert noise not in err, err
    assert not out.exists()
    time.sleep(1.0)
    assert not [w for w in workers if _alive(w)], "worker processes outlived the build"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False
