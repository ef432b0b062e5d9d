"""Postings and transactions; a transaction is valid only if it balances."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterable, Sequence

import pyledger.money
from pyledger.util import parse_date


class UnbalancedTransaction(ValueError):
    """The postings of a transaction do not sum to zero."""


@dataclass(frozen=True)
class Posting:
    account: str
    amount: pyledger.money.Money


@dataclass(frozen=True)
class Transaction:
    date: _dt.date
    description: str
    postings: tuple[Posting, ...]

    @classmethod
    def build(cls, date, description: str, lines: Iterable[tuple[str, pyledger.money.Money]]) -> "Transaction":
        postings = tuple(Posting(acct, amt) for acct, amt in lines)
        txn = cls(parse_date(date), description.strip(), postings)
        txn.check()
        return txn

    def currencies(self) -> set[str]:
        return {p.amount.currency for p in self.postings}

    def check(self) -> None:
        """Per-currency sums must be zero: 10 EUR cannot balance 10 USD."""
        if len(self.postings) < 2:
            raise UnbalancedTransaction("a transaction needs at least two postings")
        for cur in sorted(self.currencies()):
            total = pyledger.money.Money.zero(cur)
            for p in self.postings:
                if p.amount.currency == cur:
                    total = total + p.amount
            if not total.is_zero():
                raise UnbalancedTransaction(f"{self.description!r} is off by {total}")

    def touches(self, accounts: Sequence[str]) -> bool:
        return any(p.account in accounts for p in self.postings)
