import pytest

from pyledger.accounts import Account, AccountError
from pyledger.money import Money


def test_account_hierarchy():
    acct = Account("assets:bank:checking", "EUR")
    assert acct.root == "assets"
    assert acct.parent == "assets:bank"
    assert acct.is_under("assets:bank")
    assert not acct.is_under("assets:ban")


def test_unknown_root_is_rejected():
    with pytest.raises(AccountError):
        Account("savings:jar", "EUR")


def test_apply_and_close():
    acct = Account("expenses:food", "EUR")
    acct.apply(Money.parse("4.20 EUR"))
    with pytest.raises(AccountError):
        acct.close()
    acct.apply(Money.parse("-4.20 EUR"))
    acct.close()
    with pytest.raises(AccountError):
        acct.apply(Money.parse("1.00 EUR"))
