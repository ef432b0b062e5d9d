"""In-package tests for the helpers; shipped so `pytest --pyargs pyledger` works."""
import datetime as dt

import pytest

from pyledger import util


def test_parse_date_accepts_iso():
    assert util.parse_date("2026-02-28") == dt.date(2026, 2, 28)


@pytest.mark.parametrize("bad", ["28/02/2026", "2026-2-28", "", "tomorrow"])
def test_parse_date_rejects_other_formats(bad):
    with pytest.raises(ValueError):
        util.parse_date(bad)


def test_split_name_rejects_empty_parts():
    assert util.split_name("assets:bank") == ["assets", "bank"]
    with pytest.raises(ValueError):
        util.split_name("assets::bank")


def test_pairwise_and_columns():
    assert list(util.pairwise([1, 2, 3])) == [(1, 2), (2, 3)]
    assert list(util.pairwise([])) == []
    assert util.pad_columns([("a", "1"), ("bbb", "22")]) == ["a     1", "bbb  22"]
