"""The same job gives byte-identical output under every runner (DESIGN: determinism), run as a user runs it:
the installed `repoloom` console script, from another working directory, with relative paths. Only
run.json (command line, runner, options, time) differs."""

import json
import os
import subprocess
import sys

from tests.conftest import EXAMPLES
from tests.pipelines.helpers import file_digest

REPOLOOM = os.path.join(os.path.dirname(sys.executable), "repoloom")
MODES = {
    "direct": [],
    "direct-2-processes": ["--direct_num_workers=2", "--direct_running_mode=multi_processing"],
    "portable-embed": ["--runner=PortableRunner", "--job_endpoint=embed", "--environment_type=LOOPBACK"],
    "dask": ["--runner=dask"],  # + the test cluster's address
}


def test_runners_identical_from_the_console_script(tmp_path, dask_address):
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    inputs = [os.path.relpath(os.path.join(EXAMPLES, r), cwd) for r in ("pyledger", "gokv", "tsquery")]
    digests, runs = {}, {}
    for name, opts in MODES.items():
        opts = opts + [f"--dask_address={dask_address}"] if name == "dask" else opts
        argv = [
            REPOLOOM,
            "build",
            "--input",
            *inputs,
            "--output",
            f"out/{name}",
            "--quiet",
            "--seq-len",
            "512",
            "--set",
            "tokenizer.vocab_size=2000",
            "--set",
            "output.rows_per_shard=8",
            "--set",
            "output.validation_fraction=0.2",
            *opts,
        ]
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=400)
        assert done.returncode == 0, f"{name}: {done.stderr[-3000:]}"
        digests[name] = file_digest(cwd / "out" / name)
        runs[name] = json.loads(digests[name].pop("run.json"))
        assert runs[name]["command"] == ["repoloom", *argv[1:]]
    base = digests["direct"]
    assert sum(1 for k in base if k.startswith("train-")) >= 2, "several shards, so shard assignment is exercised"
    assert any(k.startswith("validation-") for k in base), "a validation split"
    assert "dataset.json" in base and json.loads(base["dataset.json"])["files_in"] > 0
    for name, d in digests.items():
        assert d.keys() == base.keys(), name
        for k in base:
            assert d[k] == base[k], f"{name}: {k} differs"
    assert runs["dask"]["runner"] == "dask" and runs["dask"]["pipeline_options"]["dask_address"] == dask_address


def test_unreadable_input_fails_instead_of_an_empty_dataset(tmp_path):
    """A unit the job reads no file from (here an empty repository; on a cluster, a path workers cannot see)
    is an error with a message, not exit 0 with 'files in 0'."""
    (tmp_path / "repos" / "empty").mkdir(parents=True)
    tok = tmp_path / "tok.model"
    from repoloom.core.tokenizer import train_tokenizer

    with open(os.path.join(EXAMPLES, "pyledger", "README.md")) as f:
        tok.write_bytes(train_tokenizer([f.read()] * 20, 400))
    done = subprocess.run(
        [REPOLOOM, "build", "--input", "repos", "--output", "out", "--tokenizer", str(tok), "--quiet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "read no files" in done.stderr


def test_a_repository_missing_on_the_worker_is_an_error(tmp_path):
    import pytest

    from repoloom.pipelines.source_common import EnvironmentFailure
    from repoloom.pipelines.sources import Unit, read_unit

    with pytest.raises(EnvironmentFailure, match="every worker must reach the input"):
        list(read_unit(Unit("repo", str(tmp_path / "gone"), "gone"), 1000))
