"""Shared fixtures: small real-code datasets in the data build's output format."""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))


@pytest.fixture(scope="session")
def dataset(tmp_path_factory):
    """seq_len 128, 2 train shards, no validation shards (training holds out its trailing rows)."""
    from repoloom.train.devdata import build_dataset

    d = str(tmp_path_factory.mktemp("data"))
    build_dataset(d, seq_len=128, vocab_size=512, lines_per_file=6, max_files=12, fim_rate=0.6, seed=1)
    return d


@pytest.fixture(scope="session")
def dataset_val(tmp_path_factory):
    """Like ``dataset`` but with a validation shard of 16 rows."""
    from repoloom.train.devdata import build_dataset

    d = str(tmp_path_factory.mktemp("data_val"))
    build_dataset(d, seq_len=64, vocab_size=400, lines_per_file=6, max_files=6, validation_rows=16, seed=2)
    return d
