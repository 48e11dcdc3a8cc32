"""Pre-order reads: one pre-order, its lines and DP payments, its money (total, DP counted,
DP pending, DP kept), the stock kept aside by reserved lines, and the upcoming pickups by day.

Reservation: a reserved line of an open or ready pre-order (:data:`OPEN`) holds its quantity,
so a product's available stock is ``on_hand − reserved`` (:func:`available`). Pre-orders are
taken in :mod:`app.preorders` and paid, cancelled or picked up in :mod:`app.preorder_settle`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import now_utc, shop_day
from app.errors import NotFoundError
from app.money import quantize_qty
from contract.enums import PaymentStatus, PreorderPaymentKind, PreorderStatus
from models import Product
from models.books import Preorder, PreorderLine, PreorderPayment

OPEN = (PreorderStatus.OPEN, PreorderStatus.READY)


@dataclass(frozen=True)
class Money:
    """A pre-order's money: total, DP counted, DP still pending, and what is left to pay."""

    total: int
    paid: int
    pending: int
    kept: int = 0

    @property
    def due(self) -> int:
        """What the customer still pays at pickup."""
        return max(self.total - self.paid, 0)


@dataclass
class DayGroup:
    """The pre-orders due on one shop day (upcoming pickups list)."""

    day: date
    orders: list[Preorder] = field(default_factory=list)


def get(session: Session, uuid: str) -> Preorder:
    """The pre-order with this uuid (NotFoundError when unknown here)."""
    row = session.scalar(select(Preorder).where(Preorder.uuid == uuid))
    if row is None:
        raise NotFoundError("Pesanan tidak ditemukan.")
    return row


def lines_of(session: Session, uuid: str) -> list[PreorderLine]:
    """The pre-order's lines in order."""
    return list(session.scalars(select(PreorderLine).where(PreorderLine.preorder_uuid == uuid)
                                .order_by(PreorderLine.position, PreorderLine.id)))


def payments_of(session: Session, uuid: str) -> list[PreorderPayment]:
    """The pre-order's DP payments and refunds, oldest first."""
    return list(session.scalars(select(PreorderPayment)
                                .where(PreorderPayment.preorder_uuid == uuid)
                                .order_by(PreorderPayment.created_at, PreorderPayment.id)))


def money(session: Session, order: Preorder) -> Money:
    """Total, DP counted (confirmed deposits − refunds), DP pending, DP kept."""
    paid = pending = 0
    for p in payments_of(session, order.uuid):
        sign = 1 if p.kind == PreorderPaymentKind.DEPOSIT else -1
        if p.status == PaymentStatus.CONFIRMED:
            paid += sign * p.amount
        elif p.status == PaymentStatus.PENDING and sign > 0:
            pending += p.amount
    return Money(order.total, paid, pending, order.dp_kept)


def reserved_by_product(session: Session, *, without: str | None = None) -> dict[str, Decimal]:
    """Quantity kept aside per product uuid by reserved lines of open pre-orders."""
    query = (select(PreorderLine.product_uuid, func.sum(PreorderLine.qty))
             .join(Preorder, Preorder.uuid == PreorderLine.preorder_uuid)
             .where(PreorderLine.reserved.is_(True), PreorderLine.product_uuid.is_not(None),
                    Preorder.status.in_(OPEN))
             .group_by(PreorderLine.product_uuid))
    if without:
        query = query.where(Preorder.uuid != without)
    return {str(k): quantize_qty(Decimal(str(v))) for k, v in session.execute(query)}


def available(session: Session, product_uuids: Iterable[str]) -> dict[str, Decimal]:
    """``on_hand − reserved`` per product uuid (products unknown here are left out)."""
    keys = list(product_uuids)
    reserved = reserved_by_product(session)
    rows = session.execute(select(Product.uuid, Product.on_hand).where(Product.uuid.in_(keys)))
    return {str(k): quantize_qty(Decimal(on_hand) - reserved.get(str(k), Decimal(0)))
            for k, on_hand in rows}


def upcoming(session: Session, days: int = 14, *, today: date | None = None) -> list[DayGroup]:
    """Open pre-orders by due shop day: every overdue one first, then up to ``days`` ahead."""
    first = today or shop_day(now_utc())
    rows = session.scalars(select(Preorder).where(Preorder.status.in_(OPEN))
                           .order_by(Preorder.due_at, Preorder.id))
    groups: dict[date, DayGroup] = {}
    for row in rows:
        day = shop_day(row.due_at)
        if (day - first).days > days:
            break
        groups.setdefault(day, DayGroup(day)).orders.append(row)
    return list(groups.values())


def urgency(order: Preorder, today: date) -> str:
    """``overdue``, ``today``, ``tomorrow`` or ``later`` for the list's highlight."""
    delta = (shop_day(order.due_at) - today).days
    return "overdue" if delta < 0 else "today" if delta == 0 else \
        "tomorrow" if delta == 1 else "later"
