"""Cash rounding ("Pembulatan"): the cash part of an order rounded to coins the drawer has.

A shop setting picks the step (none, Rp100, Rp500, Rp1.000) and the mode: ``down`` (the
buyer never pays more than the total, the usual practice) or ``nearest`` (half up).
Only cash is rounded; transfers and QRIS are paid to the rupiah (their exact amount is
what the statement matching looks for). The order stores the difference as
``Order.rounding`` (money paid = total + rounding), printed as "Pembulatan", counted in
the shift's expected cash, the Z report and the reports.

An amount smaller than one step is never rounded (a Rp40 cash rest is not rounded to Rp0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import settings
from app.errors import ValidationError
from contract.enums import PaymentMethod

STEPS = (0, 100, 500, 1_000)
MODES = ("down", "nearest")
STEP_KEY = "sales.cash_rounding_step"
MODE_KEY = "sales.cash_rounding_mode"


@dataclass(frozen=True)
class CashRounding:
    """A rounding rule: ``step`` rupiah (0 = none) and ``mode`` (``down`` or ``nearest``)."""

    step: int = 0
    mode: str = "down"

    def __post_init__(self) -> None:
        if self.step not in STEPS:
            raise ValidationError("Pembulatan tunai {step} tidak dikenal.", step=self.step,
                                  field="rounding")
        if self.mode not in MODES:
            raise ValidationError("Cara pembulatan '{mode}' tidak dikenal.", mode=self.mode,
                                  field="rounding")

    @property
    def active(self) -> bool:
        """Whether cash is rounded at all."""
        return self.step > 0

    def apply(self, amount: int) -> int:
        """``amount`` rounded (a negative amount by its size, keeping the sign)."""
        if amount < 0:
            return -self.apply(-amount)
        if not self.active or amount < self.step:
            return amount
        low = amount - amount % self.step
        if self.mode == "nearest" and amount - low >= (self.step + 1) // 2:
            return low + self.step
        return low

    def adjustment(self, amount: int) -> int:
        """What rounding adds to ``amount`` (negative when it takes off)."""
        return self.apply(amount) - amount

    def for_payments(self, total: int, payments: Iterable[tuple[str, int]]) -> int:
        """The order's rounding when paid by ``(method, amount)`` rows: the rule applied to
        the cash part (total minus what other methods pay); 0 without any cash."""
        rows = list(payments)
        if not any(method == PaymentMethod.CASH for method, _ in rows):
            return 0
        return self.adjustment(total - sum(amount for method, amount in rows
                                           if method != PaymentMethod.CASH))


def rule(session: Session) -> CashRounding:
    """The shop's cash rounding rule (settings ``sales.cash_rounding_step`` and ``_mode``)."""
    step = int(settings.get(session, STEP_KEY))
    mode = str(settings.get(session, MODE_KEY))
    return CashRounding(step if step in STEPS else 0, mode if mode in MODES else "down")


def set_rule(session: Session, step: int, mode: str) -> CashRounding:
    """Store a cash rounding rule (checked first)."""
    chosen = CashRounding(step, mode)
    settings.set_value(session, STEP_KEY, chosen.step)
    settings.set_value(session, MODE_KEY, chosen.mode)
    return chosen
