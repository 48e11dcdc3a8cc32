"""The money book's reports: laba rugi, cash flow by day, piutang and utang aging.

Plain SQL over the shop file, grouped in shop days like every report. Sales and cost of goods
come from the per-day rollups (:func:`app.reports.compute.sales_totals`); expenses, kasbon,
DP, supplier money and drawer movements from their own tables (``models.books``). Pure
figures: the Laporan page, the PDF and the XLSX render them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Row, select, text
from sqlalchemy.orm import Session

from app.kasbon_aging import aging_buckets
from app.reports.compute import sales_totals
from app.reports.periods import Period, utc_offset_hours
from contract.enums import (
    CashCategory,
    CashDirection,
    CreditKind,
    MoneySource,
    PaymentStatus,
    PreorderStatus,
)
from models.books import Customer

# Kas keluar that is a cost of running the shop. Not expenses: stock bought (it becomes cost of
# goods when sold), the owner's drawings, a bank deposit, capital and supplier payments (money
# moved or owed, not spent).
EXPENSES = (CashCategory.ELECTRICITY, CashCategory.WAGES, CashCategory.TRANSPORT, CashCategory.RENT,
            CashCategory.SUPPLIES, CashCategory.OTHER)


@dataclass(frozen=True)
class ExpenseRow:
    """Kas keluar of one category in the period."""

    category: str
    label: str
    amount: int


@dataclass(frozen=True)
class ProfitLoss:
    """Laba rugi sederhana: net sales − cost of goods − expenses (+ rounding and kode unik,
    + the DPs of cancelled pre-orders the shop kept)."""

    period: Period
    net_sales: int
    cost_of_goods: int
    other_income: int
    expenses: tuple[ExpenseRow, ...]
    dp_kept: int = 0  # "DP hangus": income on the shop day the pre-order was cancelled

    @property
    def gross_profit(self) -> int:
        """Laba kotor: net sales − cost of goods."""
        return self.net_sales - self.cost_of_goods

    @property
    def total_expenses(self) -> int:
        """All running costs of the period."""
        return sum(row.amount for row in self.expenses)

    @property
    def net_profit(self) -> int:
        """Laba bersih."""
        return self.gross_profit + self.other_income + self.dp_kept - self.total_expenses


def _local_day(column: str) -> str:
    """SQL for the shop day of a stored UTC time column (WIB unless the shop chose otherwise)."""
    return f"date({column}, '+{utc_offset_hours()} hours')"


def _bounds(period: Period) -> dict[str, str]:
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    return {"lo": period.start_utc.strftime(fmt), "hi": period.end_utc.strftime(fmt)}


def profit_loss(session: Session, period: Period) -> ProfitLoss:
    """Laba rugi of ``period``."""
    totals = sales_totals(session, period)
    rows = session.execute(text(
        "SELECT category, sum(amount) FROM cash_movements WHERE direction = :out "
        "AND created_at >= :lo AND created_at < :hi GROUP BY category"),
        {"out": CashDirection.OUT.value, **_bounds(period)}).all()
    spent = {str(category): int(amount) for category, amount in rows}
    expenses = tuple(ExpenseRow(c.value, c.label(), spent[c.value]) for c in EXPENSES if spent.get(c.value))
    return ProfitLoss(period, totals.net_sales, totals.cost_of_goods,
                      totals.rounding + totals.unique_codes, expenses, _dp_kept(session, period))


def _dp_kept(session: Session, period: Period) -> int:
    """The DPs the shop kept of pre-orders cancelled in ``period``: income the day it was kept
    (a cancelled pre-order changes no more, so its ``updated_at`` is the cancel's moment; the
    DP's cash was counted when it was paid, so keeping it moves no money in :func:`cash_flow`)."""
    kept = session.execute(text(
        "SELECT coalesce(sum(dp_kept), 0) FROM preorders WHERE status = :cancel_status "
        "AND dp_kept > 0 AND updated_at >= :lo AND updated_at < :hi"),
        {"cancel_status": PreorderStatus.CANCELLED.value, **_bounds(period)}).scalar()
    return int(kept or 0)


@dataclass(frozen=True)
class CashDay:
    """Money in and out of the drawer and the bank on one shop day."""

    day: date
    drawer_in: int = 0
    drawer_out: int = 0
    bank_in: int = 0
    bank_out: int = 0

    @property
    def drawer_net(self) -> int:
        """Drawer in − out."""
        return self.drawer_in - self.drawer_out

    @property
    def bank_net(self) -> int:
        """Bank in − out."""
        return self.bank_in - self.bank_out


_CONFIRMED = PaymentStatus.CONFIRMED.value
# (SQL yielding day, where ('drawer' | 'bank'), signed amount), each over one source of money.
_FLOWS = (
    # sales and refunds from the day rollups (refunds are negative)
    "SELECT day, CASE method WHEN 'cash' THEN 'drawer' ELSE 'bank' END, sum(amount) "
    "FROM rollup_day_payments WHERE day >= :dlo AND day <= :dhi "
    "AND method IN ('cash', 'transfer', 'qris') GROUP BY 1, 2",
    # kasbon paid back
    "SELECT {day_c}, CASE method WHEN 'cash' THEN 'drawer' ELSE 'bank' END, sum(amount) "
    "FROM credit_entries WHERE kind = :payment AND status = :ok AND method IN ('cash', 'transfer', 'qris') "
    "AND coalesce(confirmed_at, created_at) >= :lo AND coalesce(confirmed_at, created_at) < :hi "
    "GROUP BY 1, 2",
    # pre-order DP taken (+) and given back (−); a DP the shop keeps at cancel moves no money
    "SELECT {day}, CASE method WHEN 'cash' THEN 'drawer' ELSE 'bank' END, "
    "sum(CASE kind WHEN 'refund' THEN -amount ELSE amount END) FROM preorder_payments "
    "WHERE status = :ok AND method IN ('cash', 'transfer', 'qris') "
    "AND created_at >= :lo AND created_at < :hi GROUP BY 1, 2",
    # kas masuk / keluar; a bank deposit leaves the drawer and reaches the bank
    "SELECT {day}, 'drawer', sum(CASE direction WHEN 'in' THEN amount ELSE -amount END) "
    "FROM cash_movements WHERE created_at >= :lo AND created_at < :hi GROUP BY 1",
    "SELECT {day}, 'bank', sum(amount) FROM cash_movements WHERE direction = 'out' "
    "AND category = :bank_deposit AND created_at >= :lo AND created_at < :hi GROUP BY 1",
    # suppliers paid
    "SELECT {day}, CASE source WHEN :drawer THEN 'drawer' ELSE 'bank' END, -sum(amount) "
    "FROM supplier_payments WHERE created_at >= :lo AND created_at < :hi GROUP BY 1, 2",
)


def cash_flow(session: Session, period: Period) -> list[CashDay]:
    """Money in and out of the drawer and the bank, one row per shop day of ``period``."""
    params = {**_bounds(period), "dlo": period.first.isoformat(), "dhi": period.last.isoformat(),
              "payment": CreditKind.PAYMENT.value, "ok": _CONFIRMED,
              "bank_deposit": CashCategory.BANK_DEPOSIT.value, "drawer": MoneySource.DRAWER.value}
    sums: dict[tuple[str, str], list[int]] = {}
    for sql in _FLOWS:
        query = sql.format(day=_local_day("created_at"),
                           day_c=_local_day("coalesce(confirmed_at, created_at)"))
        for day, where, amount in session.execute(text(query), params):
            cell = sums.setdefault((str(day), str(where)), [0, 0])
            cell[0 if int(amount or 0) >= 0 else 1] += abs(int(amount or 0))
    days = []
    for offset in range(period.days):
        day = period.first + timedelta(days=offset)
        drawer = sums.get((day.isoformat(), "drawer"), [0, 0])
        bank = sums.get((day.isoformat(), "bank"), [0, 0])
        days.append(CashDay(day, drawer[0], drawer[1], bank[0], bank[1]))
    return days


@dataclass(frozen=True)
class AgingRow:
    """What one customer (piutang) or supplier (utang) owes or is owed, by age."""

    uuid: str
    name: str
    phone: str
    balance: int
    buckets: tuple[int, int, int]  # 0–7, 8–30, > 30 days


@dataclass(frozen=True)
class Aging:
    """An aging list as of a shop day, largest balance first, with totals per bucket."""

    as_of: date
    rows: tuple[AgingRow, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        """Everything owed."""
        return sum(row.balance for row in self.rows)

    @property
    def bucket_totals(self) -> tuple[int, int, int]:
        """Per bucket, over all rows."""
        return (sum(r.buckets[0] for r in self.rows), sum(r.buckets[1] for r in self.rows),
                sum(r.buckets[2] for r in self.rows))


def receivables(session: Session, as_of: date) -> Aging:
    """Piutang (kasbon) per customer as of the end of shop day ``as_of``, by the kasbon rules
    (oldest first, a refund lowers its own sale first), in one query (:mod:`app.kasbon_aging`)."""
    buckets = aging_buckets(session, as_of)
    people = {uuid: (name, phone) for uuid, name, phone in session.execute(
        select(Customer.uuid, Customer.name, Customer.phone))}
    rows = []
    for uuid, aged in buckets.items():
        name, phone = people.get(uuid, ("?", ""))
        rows.append(AgingRow(uuid, name, phone, sum(aged), aged))
    rows.sort(key=lambda r: (-r.balance, r.name))
    return Aging(as_of, tuple(rows))


def _aging_row(r: Row[Any]) -> AgingRow:
    uuid, name, phone, balance, b0, b1, b2 = tuple(r)
    return AgingRow(str(uuid), str(name or "?"), str(phone or ""), int(balance or 0),
                    (int(b0 or 0), int(b1 or 0), int(b2 or 0)))


# What is owed per received purchase: its total − what was paid for it − what was returned of
# it; aged by days past its due date (or since it was received when it has none).
_PAYABLES = text("""
WITH owed AS (
  SELECT p.uuid, p.supplier_uuid, coalesce(p.due_date, {received}) AS due,
         p.total - coalesce((SELECT sum(amount) FROM supplier_payments sp
                             WHERE sp.purchase_uuid = p.uuid), 0)
                 - coalesce((SELECT sum(r.total) FROM purchases r
                             WHERE r.return_of = p.uuid AND r.kind = 'return'
                             AND r.status != 'cancelled'), 0) AS left
  FROM purchases p WHERE p.kind = 'purchase' AND p.status IN ('received', 'partial'))
SELECT o.supplier_uuid, s.name, s.phone, sum(o.left),
       sum(CASE WHEN julianday(:day) - julianday(o.due) <= 7 THEN o.left ELSE 0 END),
       sum(CASE WHEN julianday(:day) - julianday(o.due) BETWEEN 8 AND 30 THEN o.left ELSE 0 END),
       sum(CASE WHEN julianday(:day) - julianday(o.due) > 30 THEN o.left ELSE 0 END)
FROM owed o LEFT JOIN suppliers s ON s.uuid = o.supplier_uuid
WHERE o.left > 0 GROUP BY o.supplier_uuid ORDER BY 4 DESC, 2
""")


def payables(session: Session, as_of: date) -> Aging:
    """Utang dagang per supplier as of shop day ``as_of``, aged by days past due."""
    query = text(_PAYABLES.text.format(received=_local_day("coalesce(p.received_at, p.created_at)")))
    rows = session.execute(query, {"day": as_of.isoformat()})
    return Aging(as_of, tuple(_aging_row(r) for r in rows))
