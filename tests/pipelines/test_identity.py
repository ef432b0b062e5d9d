"""The end-of-build identity invariant: one kept file is one distinct (repo, path) in the lineage."""

from repoloom.core.counters import LINEAGE_FILES
from repoloom.pipelines.unique_paths import identity_mismatch


def test_identity_mismatch_names_both_counts():
    assert identity_mismatch({"files_kept": 7, LINEAGE_FILES: 7}) is None
    msg = identity_mismatch({"files_kept": 7, LINEAGE_FILES: 6})
    assert msg and "7" in msg and "6" in msg
    assert identity_mismatch({"files_kept": 5, LINEAGE_FILES: 6})
    assert identity_mismatch({"files_kept": 3}), "a build whose lineage was never counted is not complete"
