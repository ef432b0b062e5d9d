"""The Ledger facade: open accounts, post transactions, ask for balances."""
from __future__ import annotations

from typing import Iterable, Iterator

from .accounts import Account, AccountError
from .journal import Transaction
from .money import Money


class Ledger:
    def __init__(self, currency: str = "EUR") -> None:
        self.currency = currency.upper()
        self._accounts: dict[str, Account] = {}
        self._journal: list[Transaction] = []

    # -- accounts -----------------------------------------------------------
    def open(self, name: str, currency: str | None = None) -> Account:
        if name in self._accounts:
            raise AccountError(f"{name} already open")
        acct = Account(name, currency or self.currency)
        self._accounts[name] = acct
        return acct

    def account(self, name: str) -> Account:
        try:
            return self._accounts[name]
        except KeyError:
            raise AccountError(f"unknown account {name}") from None

    def accounts(self) -> Iterator[Account]:
        yield from sorted(self._accounts.values(), key=lambda a: a.name)

    # -- posting ------------------------------------------------------------
    def post(self, date, description: str, lines: Iterable[tuple[str, Money]]) -> Transaction:
        txn = Transaction.build(date, description, lines)
        # Validate every account before touching any balance, so a bad
        # posting leaves the ledger unchanged.
        targets = [self.account(p.account) for p in txn.postings]
        for acct, posting in zip(targets, txn.postings):
            acct.apply(posting.amount)
        self._journal.append(txn)
        return txn

    def transactions(self, account: str | None = None) -> list[Transaction]:
        if account is None:
            return list(self._journal)
        return [t for t in self._journal if t.touches([account])]

    # -- queries ------------------------------------------------------------
    def balance(self, prefix: str) -> Money:
        """Sum over an account and its sub-accounts (same currency only)."""
        total = Money.zero(self.currency)
        for acct in self._accounts.values():
            if acct.is_under(prefix) and acct.currency == self.currency:
                total = total + acct.balance
        return total

    def is_balanced(self) -> bool:
        return self.balance("assets") + self.balance("expenses") + self.balance("liabilities") \
            + self.balance("equity") + self.balance("income") == Money.zero(self.currency)
