"""Footer totals (Saldo Awal, Mutasi Kredit, Mutasi Debet, Saldo Akhir) checked against the lines.

A file whose footer disagrees with its own lines was cut or edited: it is refused.
Pending (``PEND``) lines are not part of the bank's totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from app.payments.statements.model import CREDIT, Direction, StatementError
from contract.money import format_rupiah_decimal as rupiah_decimal

FOOTER_LABELS = {
    "saldo awal": "opening", "opening balance": "opening",
    "mutasi kredit": "credit", "mutasi credit": "credit", "total kredit": "credit",
    "total credit": "credit",
    "mutasi debet": "debit", "mutasi debit": "debit", "total debet": "debit",
    "total debit": "debit",
    "saldo akhir": "closing", "closing balance": "closing",
}  # fmt: skip
LABEL_NAMES = {"opening": "Saldo Awal", "credit": "Mutasi Kredit", "debit": "Mutasi Debet",
               "closing": "Saldo Akhir"}  # fmt: skip


def footer_label(cells: Sequence[str]) -> str | None:
    """``opening``/``credit``/``debit``/``closing`` when the row is a footer line, else None."""
    first = next((c for c in cells if c), "")
    return FOOTER_LABELS.get(" ".join(first.lower().rstrip(":").split()))


@dataclass
class Totals:
    """Sums of the settled lines and the footer figures the file states."""

    credit: Decimal = Decimal(0)
    debit: Decimal = Decimal(0)
    footer: dict[str, Decimal] = field(default_factory=dict)

    def add(self, direction: Direction, value: Decimal, pending: bool) -> None:
        """Count one line (pending lines are not in the bank's totals)."""
        if pending:
            return
        if direction == CREDIT:
            self.credit += value
        else:
            self.debit += value

    def check(self) -> bool:
        """Raise :class:`StatementError` on a mismatch; True when there was a footer to check."""
        if not self.footer:
            return False
        problems = []
        for label, computed in (("credit", self.credit), ("debit", self.debit)):
            stated = self.footer.get(label)
            if stated is not None and stated != computed:
                problems.append(
                    f"{LABEL_NAMES[label]} tertulis {rupiah_decimal(stated)}, "
                    f"jumlah barisnya {rupiah_decimal(computed)}"
                )
        opening, closing = self.footer.get("opening"), self.footer.get("closing")
        if opening is not None and closing is not None:
            expected = opening + self.credit - self.debit
            if expected != closing:
                problems.append(
                    f"Saldo Akhir tertulis {rupiah_decimal(closing)}, "
                    f"Saldo Awal + kredit − debet "
                    f"= {rupiah_decimal(expected)}"
                )
        if problems:
            raise StatementError(
                "Total di akhir berkas tidak cocok dengan baris-barisnya; berkas mungkin terpotong "
                "atau diubah:",
                problems,
            )
        return True
