"""`python -m build --sdist` yields a package that installs into a fresh virtual environment and runs
the job there, as a Dataflow worker does with --setup_file. Dependencies come from this environment
(a .pth line naming its site-packages), so the check needs no network and tests our files alone."""

import os
import subprocess
import sys
import sysconfig

from tests.conftest import EXAMPLES, REPO_ROOT


def test_sdist_installs_and_runs_the_job(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "-o", str(dist), REPO_ROOT],
        check=True,
        capture_output=True,
    )
    (sdist,) = dist.glob("repoloom-*.tar.gz")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    vpy = venv / "bin" / "python"
    site = subprocess.run(
        [str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # dependencies only: a plain path line does not run this environment's .pth files (the editable install)
    with open(os.path.join(site, "_deps.pth"), "w") as f:
        f.write(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(vpy), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", str(sdist)],
        check=True,
        capture_output=True,
    )
    where = subprocess.run(
        [str(vpy), "-c", "import repoloom.pipelines.build as b; print(b.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(venv)), where
    out = tmp_path / "out"
    r = subprocess.run(
        [
            str(venv / "bin" / "repoloom"),
            "build",
            "--input",
            os.path.join(EXAMPLES, "pyledger"),
            "--output",
            str(out),
            "--seq-len",
            "512",
            "--set",
            "tokenizer.vocab_size=1500",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "examples" in r.stdout
    assert any(p.name.startswith("train-") for p in out.iterdir())
