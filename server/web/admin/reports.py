"""Console reads: orders by seller and state, and the monthly ASN purchases report.

The ASN report lists, per NIP and month (Surabaya time, by the moment the order was paid),
the orders civil servants paid at PEKEN sellers: the city checks the buy-from-UMKM rule with
it. It is offered as CSV and XLSX; texts that a spreadsheet would read as a formula are
quoted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.models import Order, Seller
from server.orders import states

WIB = timezone(timedelta(hours=7))
PAID = (states.PAID, states.FULFILLED)
ORDERS_PAGE = 50


def month_range(month: str) -> tuple[datetime, datetime]:
    """The UTC bounds ``[start, end)`` of a ``YYYY-MM`` month in Surabaya time."""
    year, mon = int(month[:4]), int(month[5:7])
    start = datetime(year, mon, 1, tzinfo=WIB)
    end = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=WIB)
    return start.astimezone(UTC), end.astimezone(UTC)


@dataclass(frozen=True)
class OrderFilter:
    """The orders page's choice: a seller, a state, a page."""

    seller_id: int | None = None
    status: str | None = None
    page: int = 1


def orders(session: Session, flt: OrderFilter) -> tuple[list[Any], bool]:
    """A page of orders (newest first) with their shop name; whether there are more."""
    stmt = (select(Order.id, Order.created_at, Order.status, Order.buyer_name, Order.nip,
                   Order.total, Order.amount_due, Order.fulfilment, Order.seller_id,
                   Seller.shop_name)
            .join(Seller, Seller.id == Order.seller_id))
    if flt.seller_id is not None:
        stmt = stmt.where(Order.seller_id == flt.seller_id)
    if flt.status:
        stmt = stmt.where(Order.status == flt.status)
    stmt = stmt.order_by(Order.created_at.desc(), Order.id).offset(
        (flt.page - 1) * ORDERS_PAGE).limit(ORDERS_PAGE + 1)
    rows = session.execute(stmt).all()
    return list(rows[:ORDERS_PAGE]), len(rows) > ORDERS_PAGE


@dataclass(frozen=True)
class AsnRow:
    """What one civil servant (NIP) paid at PEKEN sellers in one month."""

    month: str
    nip: str
    buyer_name: str
    orders: int
    sellers: int
    total: int


def asn_report(session: Session, month: str) -> list[AsnRow]:
    """The month's paid orders with a NIP, one row per NIP (by NIP)."""
    start, end = month_range(month)
    stmt = (select(Order.nip, func.max(Order.buyer_name), func.count(),
                   func.count(func.distinct(Order.seller_id)), func.sum(Order.total))
            .where(Order.nip.isnot(None), Order.status.in_(PAID),
                   Order.paid_at >= start, Order.paid_at < end)
            .group_by(Order.nip).order_by(Order.nip))
    return [AsnRow(month, str(nip), str(name), int(n), int(sellers), int(total or 0))
            for nip, name, n, sellers, total in session.execute(stmt)]


HEADER = ("Bulan", "NIP", "Nama pembeli", "Jumlah pesanan", "Jumlah penjual", "Total belanja (Rp)")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A text a spreadsheet must not run as a formula (CSV/formula injection)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _values(row: AsnRow) -> tuple[str, str, str, int, int, int]:
    return (row.month, row.nip, _cell(row.buyer_name), row.orders, row.sellers, row.total)


def asn_csv(rows: list[AsnRow]) -> bytes:
    """The report as CSV (UTF-8 with BOM, so spreadsheet programs read the names right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(_values(r) for r in rows)
    return ("\ufeff" + out.getvalue()).encode()


def asn_xlsx(rows: list[AsnRow]) -> bytes:
    """The report as an Excel workbook (NIP kept as text: 18 digits are not a number)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Belanja ASN"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(_values(row))
        sheet.cell(sheet.max_row, 2).number_format = "@"
    for col, width in zip("ABCDEF", (9, 21, 30, 15, 15, 20), strict=True):
        sheet.column_dimensions[col].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
