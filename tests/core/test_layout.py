"""The FIM layout in core: written by fim/ and read back by train/ with the same definition."""

import numpy as np
import pytest

from repoloom.core import layout

SP = {"bos": 2, "eos": 1, "pad": 0, "fim_prefix": 4, "fim_middle": 5, "fim_suffix": 6, "file_separator": 7}


@pytest.mark.parametrize("mode", layout.MODES)
def test_written_layout_is_read_back(mode):
    """A row built with ``assemble`` gives its middle back to the trainer's readers: the PSM example
    finder recovers the pieces, and the FIM mask covers what follows ``<|fim_middle|>``."""
    pre, mid, suf, path = [30, 31], [50, 51, 52], [40], [20, 21]
    body = layout.assemble(pre, mid, suf, mode, SP)
    row = [SP["bos"], *path, *body, SP["file_separator"], 22, SP["eos"]]
    seg, pos = [1] * len(row), list(range(len(row)))
    found = layout.find_psm_examples(row, seg, SP)
    mask = layout.middle_mask(np.array(row), np.array(seg), np.array(pos), SP)
    after_mid = row.index(SP["fim_middle"]) + 1
    if mode == "psm":
        assert found == [layout.FimExample(path, pre, suf, mid)]
        assert found[0].prompt(SP) == row[:after_mid]
        assert row[after_mid : after_mid + len(mid)] == mid
    else:  # SPM cannot be told from an empty-prefix PSM: skipped
        assert found == []
        assert row[after_mid : after_mid + len(pre) + len(mid)] == pre + mid
    n = len(row) - after_mid - 2  # the middle span and its <|file_separator|>
    assert np.flatnonzero(mask).tolist() == list(range(after_mid, after_mid + n))


def test_unknown_mode():
    with pytest.raises(ValueError, match="unknown FIM mode"):
        layout.assemble([1], [2], [3], "pms", SP)
