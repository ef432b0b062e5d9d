"""Ctrl-C or SIGTERM: one line, exit 130/143, nothing left looking complete; a rerun resumes with the
tokenizer the interrupted run trained."""
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
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    while not os.path.exists(key_file) and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # the job (and its worker processes) is starting or running
    os.kill(proc.pid, signal.SIGINT)  # the launcher (a terminal Ctrl-C reaches the whole group: see the report)
    _, err = proc.communicate(timeout=60)
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == 130, err
    assert lines[-1].startswith("repoloom build: interrupted (SIGINT)") and "run the same command again" in lines[-1], err
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
    assert lines == [f"repoloom build: interrupted (SIGTERM); {out} was not changed; run the same command again to resume"]
    assert not out.exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the command's handlers are put back
