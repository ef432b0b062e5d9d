"""Lock files are named as such, also those whose language is not detected (uv.lock, Cargo.lock are TOML)."""

import pytest

from repoloom.pipelines.config import DEFAULTS, gate_config
from repoloom.filters.gate import judge

LOCK = b'version = 1\nrequires-python = ">=3.10"\n\n[[package]]\nname = "anyio"\nversion = "4.0.0"\n'


@pytest.mark.parametrize("path", ["uv.lock", "sub/uv.lock", "Cargo.lock", "poetry.lock"])
def test_lock_files_drop_as_lock_file(path):
    assert judge("r", path, LOCK, {}, gate_config(DEFAULTS)).reason == "lock_file"


def test_other_unknown_files_stay_unknown_language():
    assert judge("r", "notes.lockx", LOCK, {}, gate_config(DEFAULTS)).reason == "unknown_language"
