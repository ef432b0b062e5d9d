"""Inputs and outputs on a non-local Beam filesystem registered here (as gs:// would be with the gcp extra)."""

import os

from tests.conftest import EXAMPLES
from tests.pipelines import memfs
from tests.pipelines.helpers import build, file_digest


def test_build_reads_and_writes_through_beam_filesystems(tmp_path):
    memfs.STORE.clear()
    for repo in ("pyledger", "gokv"):
        root = os.path.join(EXAMPLES, repo)
        for dirpath, _, files in os.walk(root):
            for f in files:
                p = os.path.join(dirpath, f)
                rel = os.path.relpath(p, EXAMPLES).replace(os.sep, "/")
                with open(p, "rb") as fh:
                    memfs.STORE[f"memfs://bucket/repos/{rel}"] = fh.read()
    args = ("--seq-len", 512, "--set", "tokenizer.vocab_size=2000")
    assert build(["memfs://bucket/repos"], "memfs://bucket/out", *args) == 0
    remote = {k[len("memfs://bucket/out/") :]: v for k, v in memfs.STORE.items() if k.startswith("memfs://bucket/out/")}
    assert any(k.startswith("train-") and k.endswith(".array_record") for k in remote)
    assert {"dataset.json", "stats.json", "tokenizer.model"} <= set(remote)
    # the same repositories from local disk give the same bytes
    import shutil

    local_in = tmp_path / "repos"
    for repo in ("pyledger", "gokv"):
        shutil.copytree(os.path.join(EXAMPLES, repo), local_in / repo)
    assert build([local_in], tmp_path / "out", *args) == 0
    local = file_digest(tmp_path / "out")
    assert local.keys() == remote.keys()
    for k in local:
        if k != "run.json":  # run.json records the command line, which names other paths
            assert local[k] == remote[k], k
