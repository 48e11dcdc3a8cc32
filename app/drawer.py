"""The cash drawer's money, as plain values: rupiah notes and coins, and a shift's cash.

:mod:`app.shifts` computes these from the orders; :mod:`app.reports.zreport` prints them.
Both import this module and neither imports the other's back (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

MAX_PIECES = 100_000


@dataclass(frozen=True)
class Denomination:
    """One kind of rupiah note or coin in the drawer."""

    key: str
    value: int
    coin: bool

    @property
    def label(self) -> str:
        """``Rp100.000`` (notes) or ``Rp500 logam`` (coins)."""
        amount = f"Rp{self.value:,}".replace(",", ".")
        return f"{amount} logam" if self.coin else amount


DENOMINATIONS: tuple[Denomination, ...] = (
    *(Denomination(f"note_{v}", v, False) for v in (100_000, 50_000, 20_000, 10_000, 5_000, 2_000,
                                                     1_000)),
    *(Denomination(f"coin_{v}", v, True) for v in (1_000, 500, 200, 100)),
)
BY_KEY = {d.key: d for d in DENOMINATIONS}


@dataclass(frozen=True)
class ShiftCash:
    """The money of a shift so far (or at its close)."""

    shift_id: int
    opened_at: datetime
    until: datetime
    opening_cash: int
    cash_sales: int
    cash_refunds: int
    orders: int
    refunds: int
    voided: int
    pending: int
    by_method: dict[str, int] = field(default_factory=dict)
    rounding: int = 0
    unique_codes: int = 0
    cash_in: int = 0  # kas masuk
    cash_out: int = 0  # kas keluar
    kasbon_cash: int = 0  # kasbon paid back in cash
    deposits_cash: int = 0  # pre-order DPs taken in cash, less DPs given back in cash
    supplier_cash: int = 0  # suppliers paid from the drawer

    @property
    def book_cash(self) -> int:
        """What the money book moved in the drawer (signed): kas, kasbon, DPs, suppliers."""
        return (self.cash_in - self.cash_out + self.kasbon_cash + self.deposits_cash
                - self.supplier_cash)

    @property
    def expected_cash(self) -> int:
        """What the drawer should hold: opening + cash sales − cash refunds + the book's cash.

        Cash sales are the money taken, so the cash rounding ("Pembulatan", ``rounding``:
        what it added, negative when it took off) is already in them. A pickup sale's DP
        (method ``deposit``) was counted when it was taken, never here; a kasbon sale brings
        no cash (its later cash payments are ``kasbon_cash``).
        """
        return self.opening_cash + self.cash_sales - self.cash_refunds + self.book_cash

    @property
    def net_sales(self) -> int:
        """All money taken for sales minus refunds, every method."""
        return sum(self.by_method.values())
