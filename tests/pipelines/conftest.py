"""A dask cluster shared by the tests that run the job on it (started once, on first use)."""
import pytest

from tests.pipelines.dask_cluster import dask_cluster


@pytest.fixture(scope="session")
def dask_address(tmp_path_factory):
    with dask_cluster(tmp_path_factory.mktemp("dask-cluster")) as address:
        yield address
