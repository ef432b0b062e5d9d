import pytest

from pyledger import AccountError, UnbalancedTransaction
from pyledger.report import account_history, trial_balance


def test_balance_rolls_up_sub_accounts(ledger, eur):
    ledger.post("2026-01-03", "Withdraw", [("assets:cash", eur("50")), ("assets:bank", eur("-50"))])
    assert ledger.balance("assets:bank") == eur("950.00")
    assert ledger.balance("assets") == eur("1000.00")
    assert ledger.is_balanced()


def test_unbalanced_post_changes_nothing(ledger, eur):
    with pytest.raises(UnbalancedTransaction):
        ledger.post("2026-01-04", "Typo", [("expenses:food", eur("10")), ("assets:bank", eur("-1"))])
    assert ledger.balance("assets:bank") == eur("1000.00")
    assert len(ledger.transactions()) == 1


def test_unknown_account_changes_nothing(ledger, eur):
    with pytest.raises(AccountError):
        ledger.post("2026-01-04", "Lunch", [("expenses:lunch", eur("9")), ("assets:bank", eur("-9"))])
    assert ledger.balance("assets:bank") == eur("1000.00")


def test_reports(ledger, eur):
    ledger.post("2026-01-05", "Groceries", [("expenses:food", eur("42.10")), ("assets:bank", eur("-42.10"))])
    text = trial_balance(ledger)
    assert "expenses:food" in text
    assert text.splitlines()[-1].endswith("0.00 EUR")
    history = account_history(ledger, "assets:bank").splitlines()
    assert history[-1].startswith("2026-01-05 Groceries")
    assert history[-1].endswith("957.90 EUR")
