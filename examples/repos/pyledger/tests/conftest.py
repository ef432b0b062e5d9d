"""Shared fixtures: a small ledger with the usual household accounts."""
import pytest

from pyledger import Ledger, Money


@pytest.fixture
def eur():
    """Shorthand so tests read like bank statements: eur('12.50')."""
    return lambda amount: Money.parse(f"{amount} EUR")


@pytest.fixture
def ledger(eur):
    led = Ledger(currency="EUR")
    for name in ("assets:bank", "assets:cash", "income:salary",
                 "expenses:food", "expenses:rent", "equity:opening"):
        led.open(name)
    led.post("2026-01-01", "Opening balance",
             [("assets:bank", eur("1000.00")), ("equity:opening", eur("-1000.00"))])
    return led
