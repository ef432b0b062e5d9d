"""Accounts and the colon-separated account hierarchy."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import util
from .money import Money

# The five roots of double-entry bookkeeping; every account lives under one.
ROOTS = ("assets", "liabilities", "equity", "income", "expenses")


class AccountError(KeyError):
    """Unknown, duplicate or closed account."""


@dataclass
class Account:
    name: str
    currency: str
    balance: Money = field(init=False)
    closed: bool = False

    def __post_init__(self) -> None:
        parts = util.split_name(self.name)
        if parts[0] not in ROOTS:
            raise AccountError(f"{self.name!r} is not under one of {ROOTS}")
        self.balance = Money.zero(self.currency)

    @property
    def root(self) -> str:
        return util.split_name(self.name)[0]

    @property
    def parent(self) -> str | None:
        parts = util.split_name(self.name)
        return ":".join(parts[:-1]) if len(parts) > 1 else None

    def is_under(self, prefix: str) -> bool:
        """True for the account itself and all of its descendants."""
        return self.name == prefix or self.name.startswith(prefix + ":")

    def apply(self, amount: Money) -> None:
        if self.closed:
            raise AccountError(f"{self.name} is closed")
        self.balance = self.balance + amount

    def close(self) -> None:
        # Closing a non-empty account would silently lose money.
        if not self.balance.is_zero():
            raise AccountError(f"{self.name} still holds {self.balance}")
        self.closed = True
