"""pyledger: double-entry bookkeeping with exact decimal money.

The public API is re-exported here so callers can write
``from pyledger import Ledger, Money`` without knowing the module layout.
"""
from .money import Money, CurrencyMismatch
from .accounts import Account, AccountError
from .journal import Posting, Transaction, UnbalancedTransaction
from .ledger import Ledger

__version__ = "0.3.1"
__maintainer__ = "Jane Doe"
# Bug reports go to the maintainer; the issue tracker is mirrored there.
__email__ = "jane.doe@pyledger-dev.org"

__all__ = [
    "Account",
    "AccountError",
    "CurrencyMismatch",
    "Ledger",
    "Money",
    "Posting",
    "Transaction",
    "UnbalancedTransaction",
]
