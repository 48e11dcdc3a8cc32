"""Kasbon allocation and aging: what is still unpaid of each credit sale, and how old it is.

Payments pay the oldest credit sales first; a refund first lowers the sale it returns goods
of (``order_uuid`` of a refund line is the returned sale's), then the oldest. Only confirmed
lines count (:data:`app.kasbon_ledger.CONFIRMED`). The unpaid rest of each credit sale is aged
against a shop day passed in (never the PC's date): 0–7, 8–30 and more than 30 days.
Every customer's aging at once is the same rule in one SQL query (:mod:`app.kasbon_aging`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import day_start_utc, shop_day
from app.kasbon_aging import aging_buckets
from app.kasbon_ledger import CONFIRMED
from contract.enums import CreditKind
from models.books import CreditEntry, Customer

BUCKETS = ((0, 7), (8, 30), (31, None))  # days since the credit sale, per aging column


@dataclass(frozen=True)
class OpenSale:
    """A credit sale with what is still unpaid of it after oldest-first allocation."""

    entry_id: int
    created_at: datetime
    order_number: str
    amount: int
    unpaid: int

    def age(self, day: date) -> int:
        """Whole days from the sale's shop day to ``day``."""
        return (day - shop_day(self.created_at)).days


@dataclass(frozen=True)
class Aging:
    """The unpaid kasbon by age: 0–7, 8–30 and more than 30 days."""

    days_0_7: int = 0
    days_8_30: int = 0
    over_30: int = 0

    @property
    def total(self) -> int:
        """All unpaid credit sales together."""
        return self.days_0_7 + self.days_8_30 + self.over_30


Row = tuple[int, str, int, datetime, str | None, str]  # id, kind, amount, at, order uuid, number


@dataclass
class _Left:
    """A credit sale being paid down (mutable while allocating)."""

    row: Row
    unpaid: int

    def take(self, amount: int) -> int:
        """Pay up to ``amount`` of it; what was left of ``amount``."""
        taken = min(self.unpaid, amount)
        self.unpaid -= taken
        return amount - taken


def allocate(rows: Iterable[Row]) -> list[OpenSale]:
    """The credit sales (oldest first) with their unpaid rest after the lowering rows.

    A refund lowers its own sale first (matched by ``order_uuid``); what is left of it and
    every payment or correction pay the oldest sales first. Integers only.
    """
    ordered = sorted(rows, key=lambda r: (r[3], r[0]))
    sales = [_Left(r, r[2]) for r in ordered if r[1] == CreditKind.SALE]
    by_order = {s.row[4]: s for s in sales if s.row[4]}
    pool = 0
    for row in ordered:
        if row[1] == CreditKind.SALE:
            continue
        own = by_order.get(row[4] or "") if row[1] == CreditKind.REFUND else None
        pool += own.take(row[2]) if own is not None else row[2]
    for sale in sales:
        pool = sale.take(pool)
    return [OpenSale(s.row[0], s.row[3], s.row[5], s.row[2], s.unpaid) for s in sales]


def _rows(session: Session, customer_uuid: str | None, day: date | None) -> list[tuple[str, Row]]:
    query = select(CreditEntry.customer_uuid, CreditEntry.id, CreditEntry.kind, CreditEntry.amount,
                   CreditEntry.created_at, CreditEntry.order_uuid, CreditEntry.order_number
                   ).where(CONFIRMED)
    if customer_uuid is not None:
        query = query.where(CreditEntry.customer_uuid == customer_uuid)
    if day is not None:
        query = query.where(CreditEntry.created_at < day_start_utc(day + timedelta(days=1)))
    return [(r[0], (r[1], r[2], r[3], r[4], r[5], r[6])) for r in session.execute(query)]


def open_sales(session: Session, customer_uuid: str, day: date | None = None) -> list[OpenSale]:
    """The customer's credit sales with their unpaid rest (as of the end of shop day ``day``)."""
    return allocate(row for _uuid, row in _rows(session, customer_uuid, day))


def age_of(sales: Iterable[OpenSale], day: date) -> Aging:
    """Sum the unpaid rest of each sale into its age bucket as of shop day ``day``."""
    buckets = [0, 0, 0]
    for sale in sales:
        if sale.unpaid <= 0:
            continue
        age = sale.age(day)
        buckets[0 if age <= BUCKETS[0][1] else 1 if age <= BUCKETS[1][1] else 2] += sale.unpaid
    return Aging(*buckets)


def aging(session: Session, customer_uuid: str, day: date) -> Aging:
    """One customer's aging as of shop day ``day``."""
    return age_of(open_sales(session, customer_uuid, day), day)


def _grouped(session: Session, day: date) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for uuid, row in _rows(session, None, day):
        grouped.setdefault(uuid, []).append(row)
    return grouped


def aging_all(session: Session, day: date) -> dict[str, Aging]:
    """Every customer's aging as of shop day ``day`` (customers with nothing unpaid left out):
    the same allocation in one SQL query (:mod:`app.kasbon_aging`, bench.books)."""
    return {uuid: Aging(*buckets) for uuid, buckets in aging_buckets(session, day).items()}


@dataclass(frozen=True)
class Reminder:
    """A customer with kasbon older than the shop's term: what is late and what is owed."""

    customer: Customer
    late: int
    unpaid: int
    oldest: date


def overdue(session: Session, day: date, after_days: int = 7) -> list[Reminder]:
    """Reminders: customers whose credit sales older than ``after_days`` days (on shop day
    ``day``) are not fully paid, the largest late amount first."""
    late: dict[str, tuple[int, int, date]] = {}
    for uuid, rows in _grouped(session, day).items():
        unpaid = [s for s in allocate(rows) if s.unpaid > 0]
        old = [s for s in unpaid if s.age(day) > after_days]
        if old:
            late[uuid] = (sum(s.unpaid for s in old), sum(s.unpaid for s in unpaid),
                          shop_day(old[0].created_at))
    if not late:
        return []
    customers = session.scalars(select(Customer).where(Customer.uuid.in_(list(late))))
    found = [Reminder(c, *late[c.uuid]) for c in customers]
    return sorted(found, key=lambda r: (-r.late, r.customer.name))
