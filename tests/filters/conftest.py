"""Fixtures the filter tests share."""

import pytest

from repoloom.core.config import section
from repoloom.filters.pii import PiiConfig
from repoloom.pipelines.config import load_config


@pytest.fixture(scope="session")
def cfg():
    """The `pii` section with the build's defaults (a test module that needs another section defines its own)."""
    return section(load_config(), PiiConfig)
