"""Read-only queries behind the Pesanan page (pure Python, no Qt): filtered pages of orders
and the detail of one order. Pages are keyset-paged on (created_at, id), newest first, so
scrolling a year of orders never loads more than the rows on screen.

Every filter but the number search walks an index that ends in ``created_at`` (migrations
0002 and 0009: status, kind, channel; a payment method is probed per order through the
payments' ``order_id`` index), so a page costs the rows it shows, not the shop's history.
The count stops at :data:`COUNT_CAP`: beyond it the list says "more than"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.orders import refunded_qty
from app.sales import get_order
from contract.enums import ChannelKind, OrderKind, OrderStatus
from models import Order, Payment, SalesChannel, User

REFUND_FILTER = "refund"
COUNT_CAP = 10_000
REFUNDABLE_STATUSES = (OrderStatus.PAID, OrderStatus.FULFILLED)


@dataclass(frozen=True)
class OrderFilter:
    """What the orders list shows: a time range, a status (or refunds), a channel, a payment
    method, a number."""

    since: datetime | None = None
    until: datetime | None = None
    status: str | None = None
    channel_id: int | None = None
    number: str = ""
    method: str | None = None


@dataclass(frozen=True)
class OrderRow:
    """One order as the list shows it."""

    id: int
    number: str
    created_at: datetime
    kind: str
    status: str
    channel: str
    cashier: str
    methods: str
    total: int
    refunded: int
    source: str = "counter"  # counter | event | online


def _filtered(query: Select[Any], flt: OrderFilter) -> Select[Any]:
    if flt.since is not None:
        query = query.where(Order.created_at >= flt.since)
    if flt.until is not None:
        query = query.where(Order.created_at < flt.until)
    if flt.status == REFUND_FILTER:
        query = query.where(Order.kind == "refund")
    elif flt.status:
        query = query.where(Order.status == flt.status, Order.kind == "sale")
    if flt.channel_id is not None:
        query = query.where(Order.channel_id == flt.channel_id)
    if flt.method:
        query = query.where(select(Payment.id).where(Payment.order_id == Order.id,
                                                     Payment.method == flt.method).exists())
    text = flt.number.strip()
    if text:
        query = query.where(Order.number.contains(text, autoescape=True))
    return query


def count_orders(session: Session, flt: OrderFilter, cap: int | None = COUNT_CAP) -> int:
    """How many orders match the filter, counting no further than ``cap`` + 1 (None: all)."""
    matches = _filtered(select(Order.id), flt)
    if cap is not None:
        matches = matches.limit(cap + 1)
    return int(session.scalar(select(func.count()).select_from(matches.subquery())) or 0)


@cache
def _page_statement() -> Select[Any]:
    """The list's columns and order, built once (the filters and the key are added per page)."""
    refunds = aliased(Order)
    methods = (select(func.group_concat(Payment.method.distinct()))
               .where(Payment.order_id == Order.id).scalar_subquery())
    refunded = (select(func.coalesce(func.sum(refunds.total), 0))
                .where(refunds.refund_of_id == Order.id).scalar_subquery())
    return (
        select(Order.id, Order.number, Order.created_at, Order.kind, Order.status,
               func.coalesce(SalesChannel.name, ""), func.coalesce(User.name, ""),
               func.coalesce(methods, ""), Order.total, refunded, Order.source)
        .outerjoin(SalesChannel, SalesChannel.id == Order.channel_id)
        .outerjoin(User, User.id == Order.cashier_id)
        .order_by(Order.created_at.desc(), Order.id.desc())
    )


def fetch_orders(
    session: Session, flt: OrderFilter, after: tuple[datetime, int] | None = None, limit: int = 200
) -> list[OrderRow]:
    """The next ``limit`` matching orders, newest first, after the (created_at, id) key."""
    query = _page_statement().limit(limit)
    if after is not None:
        at, last_id = after
        # the plain range lets SQLite seek to the key instead of walking the index from the top
        query = query.where(Order.created_at <= at,
                            or_(Order.created_at < at, Order.id < last_id))
    rows = session.execute(_filtered(query, flt))
    return [OrderRow(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], int(r[8]), -int(r[9]),
                     r[10]) for r in rows]


@dataclass(frozen=True)
class LineView:
    """One line of an order with how much of it was already returned."""

    id: int
    name: str
    unit: str
    qty: Decimal
    unit_price: int
    discount: int
    total: int
    refunded: Decimal

    @property
    def left(self) -> Decimal:
        """What can still be returned."""
        return self.qty - self.refunded


@dataclass(frozen=True)
class PaymentView:
    """One payment of an order."""

    method: str
    amount: int
    unique_code: int
    status: str
    reference: str


@dataclass(frozen=True)
class RefundView:
    """A refund made from a sale."""

    id: int
    number: str
    created_at: datetime
    total: int
    reason: str


@dataclass
class OrderDetail:
    """Everything the detail panel and the refund dialog show about one order."""

    id: int
    number: str
    created_at: datetime
    kind: str
    status: str
    channel: str
    cashier: str
    subtotal: int
    discount: int
    total: int
    tax: int
    reason: str
    note: str
    refund_of: str = ""
    lines: list[LineView] = field(default_factory=list)
    payments: list[PaymentView] = field(default_factory=list)
    refunds: list[RefundView] = field(default_factory=list)
    rounding: int = 0  # cash rounding ("Pembulatan"): money paid = total + rounding
    source: str = "counter"

    @property
    def unpaid_counter_sale(self) -> bool:
        """A counter sale whose goods left and whose money is awaited ("belum dibayar")."""
        return (self.kind == OrderKind.SALE and self.status == OrderStatus.PENDING
                and self.source != ChannelKind.ONLINE)

    @property
    def refundable(self) -> bool:
        """A paid sale with something left to return."""
        return (self.kind == "sale" and self.status in REFUNDABLE_STATUSES
                and any(line.left > 0 for line in self.lines))

    @property
    def voidable(self) -> bool:
        """A pending (unpaid) order can be cancelled."""
        return self.status == OrderStatus.PENDING


def load_detail(session: Session, order_id: int) -> OrderDetail:
    """The detail of one order (NotFoundError when it is gone)."""
    order = get_order(session, order_id)
    channel = session.get(SalesChannel, order.channel_id) if order.channel_id else None
    cashier = session.get(User, order.cashier_id) if order.cashier_id else None
    original = session.get(Order, order.refund_of_id) if order.refund_of_id else None
    detail = OrderDetail(
        order.id, order.number, order.created_at, order.kind, order.status,
        channel.name if channel else "", cashier.name if cashier else "", order.subtotal,
        order.discount, order.total, order.tax, order.reason, order.note,
        original.number if original else "", rounding=order.rounding, source=order.source,
    )
    for line in order.lines:
        done = refunded_qty(session, line.id) if order.kind == "sale" else Decimal(0)
        detail.lines.append(LineView(line.id, line.name, line.unit, line.qty, line.unit_price,
                                     line.discount, line.total, done))
    detail.payments = [PaymentView(p.method, p.amount, p.unique_code, p.status, p.reference)
                       for p in order.payments]
    refunds = session.scalars(select(Order).where(Order.refund_of_id == order.id).order_by(Order.id))
    detail.refunds = [RefundView(r.id, r.number, r.created_at, r.total, r.reason) for r in refunds]
    return detail
