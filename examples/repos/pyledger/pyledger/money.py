"""Exact money: a Decimal amount quantized to the currency's minor unit."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

# Minor units per ISO 4217; anything not listed uses two decimals.
_EXPONENT = {"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3}


class CurrencyMismatch(ValueError):
    """Raised when arithmetic mixes currencies; conversion is never implicit."""


def exponent(currency: str) -> int:
    return _EXPONENT.get(currency.upper(), 2)


@dataclass(frozen=True, order=False)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        quantum = Decimal(1).scaleb(-exponent(self.currency))
        # Banker's rounding keeps sums of many rounded values unbiased.
        object.__setattr__(self, "amount", Decimal(self.amount).quantize(quantum, ROUND_HALF_EVEN))
        object.__setattr__(self, "currency", self.currency.upper())

    @classmethod
    def parse(cls, text: str) -> "Money":
        """'12.50 EUR' -> Money(Decimal('12.50'), 'EUR')."""
        try:
            amount, currency = text.split()
            return cls(Decimal(amount), currency)
        except (ValueError, InvalidOperation) as exc:
            raise ValueError(f"cannot parse money {text!r}") from exc

    @classmethod
    def zero(cls, currency: str) -> "Money":
        return cls(Decimal(0), currency)

    def _check(self, other: "Money") -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(f"{self.currency} vs {other.currency}")

    def __add__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> "Money":
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: int | Decimal) -> "Money":
        return Money(self.amount * Decimal(factor), self.currency)

    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
