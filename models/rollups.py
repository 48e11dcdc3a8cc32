"""Report rollups: order and payment sums per UTC hour, line sums per slot, kept by SQLite triggers.

Every row sums the *counted* orders (status paid or fulfilled, sales and refunds — refunds
carry negative totals) created in one UTC hour (``'2026-11-28 03'``, the first 13 characters of
``orders.created_at``). A shop zone is a whole number of hours from UTC, so each UTC hour lies
in exactly one shop day and hour. The triggers of migration 0007 keep the rows in the same
transaction as the write that changes an order, line or payment (sale, refund, void, expiry,
confirmation, sync); ``app.reports.rollups.rebuild`` recomputes them from the ledger.
``channel_id`` 0 means no channel. Lines are summed per UTC date and slot — hours 0-14, 15, 16
and 17-23 (``'2026-11-28 3'``) — so a shop day in WIT, WITA or WIB (starting at 15, 16 or 17
UTC) is a range of slots, with far fewer rows than one per hour and product.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class RollupHour(Base):
    """Counted orders of one UTC hour, kind, channel and source."""

    __tablename__ = "rollup_orders"

    hour: Mapped[str] = mapped_column(String(13), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    channel_id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(8), primary_key=True)
    orders: Mapped[int]
    total: Mapped[int]
    discount: Mapped[int]
    rounding: Mapped[int]


class RollupMethod(Base):
    """Payments (not void) of counted orders of one UTC hour, order kind and method."""

    __tablename__ = "rollup_payments"

    hour: Mapped[str] = mapped_column(String(13), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    method: Mapped[str] = mapped_column(String(10), primary_key=True)
    payments: Mapped[int]
    amount: Mapped[int]
    unique_codes: Mapped[int]  # kode unik of confirmed transfers


class RollupProduct(Base):
    """Order lines of counted orders of one slot and product (qty in thousandths)."""

    __tablename__ = "rollup_products"

    slot: Mapped[str] = mapped_column(String(12), primary_key=True)
    product_id: Mapped[int] = mapped_column(primary_key=True)
    lines: Mapped[int]
    qty: Mapped[int]
    total: Mapped[int]
    cost_milli: Mapped[int]  # sum of qty (thousandths) × unit cost
