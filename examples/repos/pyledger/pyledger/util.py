"""Small helpers shared by the other modules (no imports from the package)."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: str | _dt.date) -> _dt.date:
    """Accept ISO dates only: ledgers are sorted by date, so ambiguity is a bug."""
    if isinstance(value, _dt.date):
        return value
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"expected YYYY-MM-DD, got {value!r}")
    year, month, day = (int(g) for g in m.groups())
    return _dt.date(year, month, day)


def split_name(name: str) -> list[str]:
    """'assets:bank:checking' -> ['assets', 'bank', 'checking']."""
    parts = [p.strip() for p in name.split(":")]
    if not parts or any(not p for p in parts):
        raise ValueError(f"bad account name {name!r}")
    return parts


def pairwise(items: Iterable[T]) -> Iterator[tuple[T, T]]:
    """Consecutive pairs; kept here because itertools.pairwise needs 3.10."""
    it = iter(items)
    try:
        prev = next(it)
    except StopIteration:
        return
    for cur in it:
        yield prev, cur
        prev = cur


def pad_columns(rows: list[tuple[str, str]], gap: int = 2) -> list[str]:
    """Left-align the first column and right-align the second."""
    if not rows:
        return []
    left = max(len(a) for a, _ in rows)
    right = max(len(b) for _, b in rows)
    return [a.ljust(left + gap) + b.rjust(right) for a, b in rows]
