"""Reads of purchases: the list with what is still owed, and the payables aging (utang dagang).

Aging counts the days past the due date (or, without one, since the invoice date, or since
the goods came in): 0–7, 8–30 and more than 30 days. A purchase not due yet is in 0–7.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import shop_day
from contract.enums import PurchaseKind
from models import Purchase, Supplier, SupplierPayment

BUCKETS = ("0–7", "8–30", "> 30")


def bucket_of(days: int) -> int:
    """0 for 0–7 days (or not due yet), 1 for 8–30, 2 for more than 30."""
    return 0 if days <= 7 else 1 if days <= 30 else 2


@dataclass(frozen=True)
class PurchaseRow:
    """One purchase (or return) for the list."""

    uuid: str
    number: str
    kind: str
    status: str
    supplier: str
    invoice_no: str
    created_at: datetime
    due_date: date | None
    total: int
    paid: int
    returned: int
    days: int  # past due (or since the invoice); negative: due in that many days

    @property
    def owed(self) -> int:
        """Still to pay the supplier (0 for a return)."""
        if self.kind != PurchaseKind.PURCHASE:
            return 0
        return max(0, self.total - self.paid - self.returned)

    @property
    def bucket(self) -> int:
        """The aging column (see :func:`bucket_of`)."""
        return bucket_of(self.days)


def _sums(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    paid = dict(session.execute(
        select(SupplierPayment.purchase_uuid, func.sum(SupplierPayment.amount))
        .where(SupplierPayment.purchase_uuid.is_not(None))
        .group_by(SupplierPayment.purchase_uuid)).all())
    returned = dict(session.execute(
        select(Purchase.return_of, func.sum(Purchase.total))
        .where(Purchase.kind == PurchaseKind.RETURN).group_by(Purchase.return_of)).all())
    return ({str(k): int(v or 0) for k, v in paid.items()},
            {str(k): int(v or 0) for k, v in returned.items()})


def purchase_rows(session: Session, today: date, *, owed_only: bool = False, text: str = "",
                  limit: int = 500) -> list[PurchaseRow]:
    """Purchases newest first, with paid, returned and days past due; ``owed_only``: unpaid ones."""
    query = (select(Purchase, Supplier.name).outerjoin(Supplier, Supplier.uuid == Purchase.supplier_uuid)
             .order_by(Purchase.created_at.desc(), Purchase.id.desc()).limit(limit))
    if text.strip():
        like = f"%{text.strip()}%"
        query = query.where(Purchase.number.ilike(like) | Purchase.invoice_no.ilike(like)
                            | Supplier.name.ilike(like))
    paid, returned = _sums(session)
    rows = []
    for purchase, supplier in session.execute(query).all():
        since = purchase.due_date or purchase.invoice_date or shop_day(purchase.created_at)
        row = PurchaseRow(purchase.uuid, purchase.number, purchase.kind, purchase.status,
                          supplier or "", purchase.invoice_no, purchase.created_at, purchase.due_date,
                          purchase.total, paid.get(purchase.uuid, 0), returned.get(purchase.uuid, 0),
                          (today - since).days)
        if not owed_only or row.owed > 0:
            rows.append(row)
    return rows


@dataclass(frozen=True)
class PayableRow:
    """What the shop owes one supplier, by age."""

    supplier: str
    buckets: tuple[int, int, int]

    @property
    def total(self) -> int:
        """All the supplier is owed."""
        return sum(self.buckets)


def payables(session: Session, today: date) -> list[PayableRow]:
    """Utang dagang per supplier in the aging columns 0–7, 8–30, > 30 days (largest first)."""
    per: dict[str, list[int]] = {}
    for row in purchase_rows(session, today, owed_only=True, limit=1_000_000):
        per.setdefault(row.supplier or "—", [0, 0, 0])[row.bucket] += row.owed
    result = [PayableRow(name, (b[0], b[1], b[2])) for name, b in per.items()]
    return sorted(result, key=lambda r: (-r.total, r.supplier))
