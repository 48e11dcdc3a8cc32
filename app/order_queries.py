"""Read-only queries behind the Pesanan page (pure Python, no Qt): filtered pages of orders
and the detail of one order. Pages are keyset-paged on (created_at, id), newest first, so
scrolling a year of orders never loads more than the rows on screen.

A page costs the rows it shows, not the shop's history:

* status, refunds and channel walk an index that ends in ``created_at`` (migrations 0002, 0009);
* a payment method or a number search first asks its own index how many orders it can match
  at most (a LIMIT-bounded probe): when few (:data:`SPARSE`), those orders are fetched by id
  and sorted; when many, the time index is walked and each order tested, which finds a page
  after about ``page / share`` orders. Numbers are found in an FTS5 trigram index (migration
  0011), so "0042" anywhere in a number costs the matches, not every number;
* the count stops at :data:`COUNT_CAP` (two pages): beyond it the list says "more than"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Select, column, func, or_, select, table
from sqlalchemy.orm import Session, aliased

from app.money import format_qty, quantize_qty
from app.orders import refunded_qty
from app.sales import get_order
from contract.enums import ChannelKind, OrderKind, OrderStatus
from models import Order, Payment, SalesChannel, User

REFUND_FILTER = "refund"
NUMBER_FTS = table("order_number_fts", column("rowid"), column("order_number_fts"))
COUNT_CAP = 400  # two pages: past that the list says "more than", counting costs history
SPARSE = 2_000  # at most this many candidates: fetch them by id and sort, else walk the time index
TRIGRAM = 3  # the number index holds three-character pieces: shorter text is tested per order
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


def _sparse(session: Session, candidates: Select[Any]) -> bool:
    """Whether ``candidates`` (ids from an index) are few enough to fetch by id and sort."""
    bounded = candidates.limit(SPARSE + 1).subquery()
    return int(session.scalar(select(func.count()).select_from(bounded)) or 0) <= SPARSE


def _number_ids(text: str) -> Select[Any]:
    """Ids of the orders whose number holds ``text`` (three characters or more), off the index."""
    phrase = '"' + text.replace('"', '""') + '"'
    return select(NUMBER_FTS.c.rowid).where(NUMBER_FTS.c.order_number_fts.op("MATCH")(phrase))


def _filtered(query: Select[Any], flt: OrderFilter, session: Session) -> Select[Any]:
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
        paid_by = select(Payment.order_id).where(Payment.method == flt.method)
        if _sparse(session, paid_by):
            query = query.where(Order.id.in_(paid_by))
        else:
            query = query.where(select(Payment.id).where(Payment.order_id == Order.id,
                                                         Payment.method == flt.method).exists())
    text = flt.number.strip()
    if len(text) >= TRIGRAM and _sparse(session, _number_ids(text)):
        query = query.where(Order.id.in_(_number_ids(text)))
    elif text:
        query = query.where(Order.number.contains(text, autoescape=True))
    return query


def count_orders(session: Session, flt: OrderFilter, cap: int | None = COUNT_CAP) -> int:
    """How many orders match the filter, counting no further than ``cap`` + 1 (None: all)."""
    matches = _filtered(select(Order.id), flt, session)
    if cap is not None:
        matches = matches.limit(cap + 1)
    return int(session.scalar(select(func.count()).select_from(matches.subquery())) or 0)


def page_keys(flt: OrderFilter, session: Session, after: tuple[datetime, int] | None,
              limit: int) -> Select[Any]:
    """The ids of one page: the only part that meets the history (filters, keyset, LIMIT)."""
    keys = select(Order.id).order_by(Order.created_at.desc(), Order.id.desc()).limit(limit)
    if after is not None:
        at, last_id = after
        # the plain range lets SQLite seek to the key instead of walking the index from the top
        keys = keys.where(Order.created_at <= at, or_(Order.created_at < at, Order.id < last_id))
    return _filtered(keys, flt, session)


@cache
def _page_statement() -> Select[Any]:
    """The list's columns and order, built once (joined to the page's ids per page)."""
    refunds = aliased(Order)
    methods = (select(func.group_concat(Payment.method.distinct()))
               .where(Payment.order_id == Order.id).scalar_subquery())
    refunded = (select(func.coalesce(func.sum(refunds.total), 0))
                .where(refunds.refund_of_id == Order.id).scalar_subquery())
    statement = (
        select(Order.id, Order.number, Order.created_at, Order.kind, Order.status,
               func.coalesce(SalesChannel.name, ""), func.coalesce(User.name, ""),
               func.coalesce(methods, ""), Order.total, refunded, Order.source)
        .outerjoin(SalesChannel, SalesChannel.id == Order.channel_id)
        .outerjoin(User, User.id == Order.cashier_id)
        .order_by(Order.created_at.desc(), Order.id.desc())
    )
    return statement


def fetch_orders(
    session: Session, flt: OrderFilter, after: tuple[datetime, int] | None = None, limit: int = 200
) -> list[OrderRow]:
    """The next ``limit`` matching orders, newest first, after the (created_at, id) key.

    The page's ids are found first (:func:`page_keys`), then its columns (payment methods,
    refunds, names) are read for those ids only, however many orders match."""
    keys = page_keys(flt, session, after, limit).subquery("page")
    query = _page_statement().join(keys, keys.c.id == Order.id)
    rows = session.execute(query)
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
    pack_name: str = ""
    pack_factor: Decimal = Decimal(1)
    price_note: str = ""  # the wholesale tier that priced it ("harga grosir ≥12 pcs")

    @property
    def left(self) -> Decimal:
        """What can still be returned."""
        return self.qty - self.refunded

    @property
    def qty_text(self) -> str:
        """``12 pcs``, or for a pack ``2 dus (80 pcs)``."""
        return line_qty_text(self.qty, self.unit, self.pack_name, self.pack_factor)


def line_qty_text(qty: Decimal, unit: str, pack_name: str = "",
                  pack_factor: Decimal = Decimal(1)) -> str:
    """An order line's quantity as sold: ``12 pcs``, or ``2 dus (80 pcs)`` for a line in packs
    (``qty`` packs of ``pack_factor`` base units, the till's and online orders' convention)."""
    if not pack_name:
        return f"{format_qty(qty)} {unit}"
    return f"{format_qty(qty)} {pack_name} ({format_qty(quantize_qty(qty * pack_factor))} {unit})"


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
                                     line.discount, line.total, done, line.pack_name or "",
                                     line.pack_factor or Decimal(1), line.price_note or ""))
    detail.payments = [PaymentView(p.method, p.amount, p.unique_code, p.status, p.reference)
                       for p in order.payments]
    refunds = session.scalars(select(Order).where(Order.refund_of_id == order.id).order_by(Order.id))
    detail.refunds = [RefundView(r.id, r.number, r.created_at, r.total, r.reason) for r in refunds]
    return detail
