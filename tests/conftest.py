"""Shared fixtures: real code from installed packages and a tokenizer trained on it."""

from __future__ import annotations

import glob
import os
import sysconfig

import pytest

from tests.pipelines.dask_cluster import dask_address  # noqa: F401 - a session fixture (scheduler + 2 workers)

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(REPO_ROOT, "examples", "repos")
SITE = sysconfig.get_paths()["purelib"]


def real_python_files(limit: int = 40) -> list[str]:
    """Source files of installed packages (real code present on every machine after install)."""
    pats = ["networkx/algorithms/*.py", "yaml/*.py", "apache_beam/transforms/*.py", "pyarrow/*.py"]
    files: list[str] = []
    for p in pats:
        files.extend(sorted(glob.glob(os.path.join(SITE, p))))
    return [f for f in files if os.path.getsize(f) > 200][:limit]


@pytest.fixture(scope="session")
def real_texts() -> list[str]:
    texts = []
    for f in real_python_files(60):
        with open(f, encoding="utf-8") as fh:
            texts.append(fh.read())
    return texts


@pytest.fixture(scope="session")
def tokenizer_bytes(real_texts) -> bytes:
    from repoloom.core.tokenizer import train_tokenizer

    return train_tokenizer(real_texts, 3000)


@pytest.fixture(scope="session")
def tok(tokenizer_bytes):
    from repoloom.core.tokenizer import Tokenizer

    return Tokenizer(tokenizer_bytes)
