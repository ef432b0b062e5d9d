from decimal import Decimal

import pytest

from pyledger.money import CurrencyMismatch, Money, exponent


def test_parse_and_str_round_trip():
    m = Money.parse("12.5 eur")
    assert m.amount == Decimal("12.50")
    assert m.currency == "EUR"
    assert str(m) == "12.50 EUR"


def test_minor_units_follow_currency():
    assert exponent("JPY") == 0
    assert str(Money(Decimal("100.4"), "JPY")) == "100 JPY"
    assert str(Money(Decimal("1.2345"), "KWD")) == "1.234 KWD"


def test_bankers_rounding():
    assert Money(Decimal("0.125"), "EUR").amount == Decimal("0.12")
    assert Money(Decimal("0.135"), "EUR").amount == Decimal("0.14")


def test_arithmetic_and_mismatch():
    a, b = Money.parse("3.00 EUR"), Money.parse("1.25 EUR")
    assert a + b == Money.parse("4.25 EUR")
    assert a - b == Money.parse("1.75 EUR")
    assert -a == Money.parse("-3.00 EUR")
    assert a * 3 == Money.parse("9.00 EUR")
    with pytest.raises(CurrencyMismatch):
        a + Money.parse("1.00 USD")


def test_parse_rejects_garbage():
    with pytest.raises(ValueError):
        Money.parse("twelve euros")
