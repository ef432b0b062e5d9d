"""Plain-text reports built on top of the Ledger."""
from __future__ import annotations

from . import util
from .accounts import ROOTS
from .ledger import Ledger


def trial_balance(ledger: Ledger, show_zero: bool = False) -> str:
    """One line per account, a rule, then the grand total (which must be zero)."""
    rows = []
    for acct in ledger.accounts():
        if acct.balance.is_zero() and not show_zero:
            continue
        rows.append((acct.name, str(acct.balance)))
    lines = util.pad_columns(rows)
    width = max((len(line) for line in lines), default=20)
    total = sum((ledger.balance(root) for root in ROOTS), start=ledger.balance("assets") * 0)
    lines.append("-" * width)
    lines.append(util.pad_columns([("total", str(total))])[0])
    return "\n".join(lines)


def account_history(ledger: Ledger, name: str) -> str:
    """Dated postings of one account with a running balance."""
    acct = ledger.account(name)
    running = acct.balance * 0
    rows = []
    for txn in ledger.transactions(name):
        for posting in txn.postings:
            if posting.account != name:
                continue
            running = running + posting.amount
            rows.append((f"{txn.date.isoformat()} {txn.description}", str(running)))
    return "\n".join(util.pad_columns(rows))
