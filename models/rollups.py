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

from sqlalchemy import Integer, String
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


# ---- the next level: one row per shop day (migration 0008) -----------------------------------
# The shop day is the UTC time plus the shop zone's offset (settings ``shop.timezone``); the
# triggers read the zone, and a zone change rebuilds these rows from the ledger.
HOURS = tuple(f"{h:02d}" for h in range(24))


class RollupDay(Base):
    """Counted orders of one shop day, kind, channel and source, with the day's 24 shop hours."""

    __tablename__ = "rollup_day_orders"
    __table_args__ = {"sqlite_with_rowid": False}  # stored in key (day) order

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    channel_id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(8), primary_key=True)
    orders: Mapped[int]
    total: Mapped[int]
    discount: Mapped[int]
    rounding: Mapped[int]


for _name in (*(f"n{h}" for h in HOURS), *(f"t{h}" for h in HOURS)):
    # n00…n23: orders in that shop hour; t00…t23: their total
    setattr(RollupDay, _name, mapped_column(_name, Integer, nullable=False))


class RollupDayMethod(Base):
    """Payments (not void) of counted orders of one shop day, order kind and method."""

    __tablename__ = "rollup_day_payments"
    __table_args__ = {"sqlite_with_rowid": False}  # stored in key (day) order

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    method: Mapped[str] = mapped_column(String(10), primary_key=True)
    payments: Mapped[int]
    amount: Mapped[int]
    unique_codes: Mapped[int]


class RollupDayProduct(Base):
    """Order lines of counted orders of one shop day and product (qty in thousandths)."""

    __tablename__ = "rollup_day_products"
    __table_args__ = {"sqlite_with_rowid": False}  # stored in key (day) order

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    product_id: Mapped[int] = mapped_column(primary_key=True)
    lines: Mapped[int]
    qty: Mapped[int]
    total: Mapped[int]
    cost_milli: Mapped[int]


class RollupMonthProduct(Base):
    """Order lines of counted orders of one shop month (``'2026-11'``) and product."""

    __tablename__ = "rollup_month_products"
    __table_args__ = {"sqlite_with_rowid": False}  # stored in key (month) order

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    product_id: Mapped[int] = mapped_column(primary_key=True)
    lines: Mapped[int]
    qty: Mapped[int]
    total: Mapped[int]
    cost_milli: Mapped[int]


class RollupProductCount(Base):
    """How many products are active (``archived`` 0) and archived (1): kept by the triggers
    of migration 0018, read by Produk & Stok instead of counting the catalog."""

    __tablename__ = "rollup_product_counts"

    archived: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    products: Mapped[int]
