"""Copied-in code folders are named once (syntax/folders.py) and every stage that cares reads that one list: the
quality filter drops a file there as vendored, test detection keeps a test there as a helper, and test pairing never
takes a file there as a test's subject. A name added to the list reaches all three."""

import pytest
from repoloom.filters.quality import QualityConfig, quality_reason, quality_scores
from repoloom.packing.pairing.conventions import _usable
from repoloom.syntax.folders import VENDORED_DIRS, in_vendored_dir
from repoloom.syntax.languages import detect_language
from repoloom.syntax.parse import file_facts

SRC = "def decode(data):\n    return data.decode('utf-8')\n"
TEST = "from yaml import decode\n\n\ndef test_decode():\n    assert decode(b'a') == 'a'\n"


@pytest.mark.parametrize("folder", sorted(VENDORED_DIRS))
def test_every_stage_reads_the_one_list(folder):
    path = f"pkg/{folder}/yaml/decode.py"
    assert quality_reason(quality_scores(SRC), "python", QualityConfig(), path) == "vendored"
    test_path = f"pkg/{folder}/yaml/tests/test_decode.py"
    s = file_facts("r", test_path, TEST, detect_language(test_path, TEST)).test
    assert s["kind"] == "support" and s.get("vendored")
    assert not _usable("tests/test_decode.py", path)
    assert _usable("tests/test_decode.py", "pkg/yaml/decode.py")  # the same file outside it is a subject


@pytest.mark.parametrize(
    "path, inside",
    [
        ("src/pip/_vendor/rich/text.py", True),
        ("Third_Party/zlib/inflate.c", True),  # any case
        ("src/vendors.py", False),  # the file's own name is not a folder
        ("tests/vendor_test.go", False),
        ("vendoring/tool.py", False),
    ],
)
def test_in_vendored_dir(path, inside):
    assert in_vendored_dir(path) is inside
