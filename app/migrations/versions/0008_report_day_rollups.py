"""report rollups per shop day: order, payment and line sums per shop day, by triggers

The next level above migration 0007's hourly rows: one row per shop day (and kind, channel,
source / kind, method / product), so a year of any report figure reads at most 366 rows per
key. The order row also holds the day's 24 shop hours (``n00``…``n23`` orders,
``t00``…``t23`` total) for the by-hour chart. Lines are also summed per shop month and
product (``rollup_month_products``), so a year of top products reads the whole months plus
the days at its two ends. The shop day is the UTC time plus the shop's
zone (``shop.timezone``: WIB +7, WITA +8, WIT +9 — no daylight saving), read from
``settings`` by the triggers; changing the zone rebuilds these tables from the ledger in the
same transaction (a trigger on ``settings``). Filled from the existing orders.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 00:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COUNTED = "('paid', 'fulfilled')"
# The shop's offset from UTC in hours, from the stored zone (a JSON string in settings).
OFFSET = ("coalesce((SELECT CASE value WHEN '\"Asia/Makassar\"' THEN 8 WHEN '\"Asia/Jayapura\"' "
          "THEN 9 ELSE 7 END FROM settings WHERE key = 'shop.timezone'), 7)")
DAY = "date({r}.created_at, '+' || " + OFFSET + " || ' hours')"
SHOP_HOUR = "((CAST(substr({r}.created_at, 12, 2) AS INTEGER) + " + OFFSET + ") % 24)"
HOURS = tuple(f"{h:02d}" for h in range(24))
ORDER_SUMS = ("orders", "total", "discount", "rounding", *(f"n{h}" for h in HOURS),
              *(f"t{h}" for h in HOURS))
UPSERT = {
    "rollup_day_orders": ("day, kind, channel_id, source", ORDER_SUMS),
    "rollup_day_payments": ("day, kind, method", ("payments", "amount", "unique_codes")),
    "rollup_day_products": ("day, product_id", ("lines", "qty", "total", "cost_milli")),
    "rollup_month_products": ("month, product_id", ("lines", "qty", "total", "cost_milli")),
}


def _order_values(r: str, s: str, agg: bool = False) -> str:
    """The sums of order row(s) ``r`` times sign ``s`` (``agg``: summed over a GROUP BY)."""
    hour = SHOP_HOUR.format(r=r)

    def one(value: str) -> str:
        return f"sum({value})" if agg else f"{s}{value}"

    by_hour = [one(f"(CASE WHEN {hour} = {int(h)} THEN 1 ELSE 0 END)") for h in HOURS]
    by_hour += [one(f"(CASE WHEN {hour} = {int(h)} THEN {r}.total ELSE 0 END)") for h in HOURS]
    return ", ".join([one("1"), one(f"{r}.total"), one(f"{r}.discount"), one(f"{r}.rounding"),
                      *by_hour])


UNIQUE = "CASE WHEN {p}.status = 'confirmed' AND {p}.method = 'transfer' THEN {p}.unique_code ELSE 0 END"
FILL = {
    "rollup_day_orders": f"SELECT {DAY.format(r='o')}, o.kind, coalesce(o.channel_id, 0), o.source, "
                         f"{_order_values('o', '', agg=True)} FROM orders o "
                         f"WHERE o.status IN {COUNTED} GROUP BY 1, 2, 3, 4",
    "rollup_day_payments": f"SELECT {DAY.format(r='o')}, o.kind, p.method, count(*), sum(p.amount), "
                           f"sum({UNIQUE.format(p='p')}) FROM payments p JOIN orders o ON o.id = p.order_id "
                           f"WHERE o.status IN {COUNTED} AND p.status != 'void' GROUP BY 1, 2, 3",
    "rollup_day_products": f"SELECT {DAY.format(r='o')}, l.product_id, count(*), sum(l.qty), sum(l.total), "
                           "sum(l.qty * l.unit_cost) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                           f"WHERE o.status IN {COUNTED} GROUP BY 1, 2",
    "rollup_month_products": f"SELECT substr({DAY.format(r='o')}, 1, 7), l.product_id, count(*), sum(l.qty), "
                             "sum(l.total), sum(l.qty * l.unit_cost) FROM order_lines l "
                             f"JOIN orders o ON o.id = l.order_id WHERE o.status IN {COUNTED} GROUP BY 1, 2",
}


def _upsert(table: str, select: str) -> str:
    keys, sums = UPSERT[table]
    added = ", ".join(f"{c} = {c} + excluded.{c}" for c in sums)
    return (f"INSERT INTO {table} ({keys}, {', '.join(sums)}) {select} "
            f"ON CONFLICT ({keys}) DO UPDATE SET {added};")


def _products(day: str, rest: str) -> str:
    """The same line sums (``SELECT day, rest``) into the day and the month rows of the products."""
    return "\n".join([_upsert("rollup_day_products", f"SELECT {day}, {rest}"),
                      _upsert("rollup_month_products", f"SELECT substr({day}, 1, 7), {rest}")])


def _order_share(r: str, s: str) -> str:
    """The order row ``r`` (NEW/OLD) itself, its lines and its payments, times sign ``s``."""
    day = DAY.format(r=r)
    return "\n".join([
        _upsert("rollup_day_orders", f"SELECT {day}, {r}.kind, coalesce({r}.channel_id, 0), {r}.source, "
                                     f"{_order_values(r, s)} WHERE 1"),
        _products(day, f"l.product_id, {s}count(*), {s}sum(l.qty), "
                                       f"{s}sum(l.total), {s}sum(l.qty * l.unit_cost) FROM order_lines l "
                                       f"WHERE l.order_id = {r}.id GROUP BY l.product_id"),
        _upsert("rollup_day_payments", f"SELECT {day}, {r}.kind, p.method, {s}count(*), {s}sum(p.amount), "
                                       f"{s}sum({UNIQUE.format(p='p')}) FROM payments p "
                                       f"WHERE p.order_id = {r}.id AND p.status != 'void' GROUP BY p.method"),
    ])


def _line_share(r: str, s: str) -> str:
    return _products(DAY.format(r="o"), f"{r}.product_id, {s}1, {s}{r}.qty, {s}{r}.total, "
                                        f"{s}{r}.qty * {r}.unit_cost FROM orders o "
                                        f"WHERE o.id = {r}.order_id AND o.status IN {COUNTED}")


def _payment_share(r: str, s: str) -> str:
    return _upsert("rollup_day_payments", f"SELECT {DAY.format(r='o')}, o.kind, {r}.method, {s}1, "
                                          f"{s}{r}.amount, {s}({UNIQUE.format(p=r)}) FROM orders o "
                                          f"WHERE o.id = {r}.order_id AND o.status IN {COUNTED} "
                                          f"AND {r}.status != 'void'")


def refill_sql() -> str:
    """Empty the day tables and fill them again from the ledger (the current zone)."""
    parts = []
    for table, query in FILL.items():
        keys, sums = UPSERT[table]
        parts.append(f"DELETE FROM {table}; INSERT INTO {table} ({keys}, {', '.join(sums)}) {query};")
    return "\n".join(parts)


ORDER_COLUMNS = "status, created_at, kind, channel_id, source, total, discount, rounding"
ZONE = "'shop.timezone'"
TRIGGERS = {
    "rollup_day_order_insert": f"AFTER INSERT ON orders WHEN NEW.status IN {COUNTED} "
                               f"BEGIN {_order_share('NEW', '+')} END",
    "rollup_day_order_update_old": f"AFTER UPDATE OF {ORDER_COLUMNS} ON orders "
                                   f"WHEN OLD.status IN {COUNTED} BEGIN {_order_share('OLD', '-')} END",
    "rollup_day_order_update_new": f"AFTER UPDATE OF {ORDER_COLUMNS} ON orders "
                                   f"WHEN NEW.status IN {COUNTED} BEGIN {_order_share('NEW', '+')} END",
    "rollup_day_order_delete": f"BEFORE DELETE ON orders WHEN OLD.status IN {COUNTED} "
                               f"BEGIN {_order_share('OLD', '-')} END",
    "rollup_day_line_insert": f"AFTER INSERT ON order_lines BEGIN {_line_share('NEW', '+')} END",
    "rollup_day_line_update": "AFTER UPDATE OF order_id, product_id, qty, total, unit_cost ON order_lines "
                              f"BEGIN {_line_share('OLD', '-')} {_line_share('NEW', '+')} END",
    "rollup_day_line_delete": f"AFTER DELETE ON order_lines BEGIN {_line_share('OLD', '-')} END",
    "rollup_day_payment_insert": f"AFTER INSERT ON payments BEGIN {_payment_share('NEW', '+')} END",
    "rollup_day_payment_update": "AFTER UPDATE OF order_id, method, amount, status, unique_code ON payments "
                                 f"BEGIN {_payment_share('OLD', '-')} {_payment_share('NEW', '+')} END",
    "rollup_day_payment_delete": f"AFTER DELETE ON payments BEGIN {_payment_share('OLD', '-')} END",
    # A new shop zone moves every order to its new shop day and hour: rebuild from the ledger.
    "rollup_day_zone_insert": f"AFTER INSERT ON settings WHEN NEW.key = {ZONE} BEGIN {refill_sql()} END",
    "rollup_day_zone_update": f"AFTER UPDATE ON settings WHEN (NEW.key = {ZONE} OR OLD.key = {ZONE}) "
                              "AND (NEW.value IS NOT OLD.value OR NEW.key IS NOT OLD.key) "
                              f"BEGIN {refill_sql()} END",
    "rollup_day_zone_delete": f"AFTER DELETE ON settings WHEN OLD.key = {ZONE} BEGIN {refill_sql()} END",
}


def _table(name: str, keys: list[sa.Column], sums: tuple[str, ...]) -> None:
    # WITHOUT ROWID: the rows are stored in key order, so a range of days is read in one sweep
    op.create_table(name, *keys, *(sa.Column(c, sa.Integer(), nullable=False) for c in sums),
                    sa.PrimaryKeyConstraint(*(k.name for k in keys), name=f"pk_{name}"),
                    sqlite_with_rowid=False)


def upgrade() -> None:
    """Create the per-day rollup tables and their triggers, then fill them from the orders."""
    def day() -> sa.Column:
        return sa.Column("day", sa.String(10), nullable=False)

    def text(name: str, size: int) -> sa.Column:
        return sa.Column(name, sa.String(size), nullable=False)

    channel = sa.Column("channel_id", sa.Integer(), nullable=False)
    _table("rollup_day_orders", [day(), text("kind", 8), channel, text("source", 8)], ORDER_SUMS)
    _table("rollup_day_payments", [day(), text("kind", 8), text("method", 10)],
           UPSERT["rollup_day_payments"][1])
    _table("rollup_day_products", [day(), sa.Column("product_id", sa.Integer(), nullable=False)],
           UPSERT["rollup_day_products"][1])
    _table("rollup_month_products", [text("month", 7), sa.Column("product_id", sa.Integer(), nullable=False)],
           UPSERT["rollup_month_products"][1])
    for table, query in FILL.items():
        keys, sums = UPSERT[table]
        op.execute(f"INSERT INTO {table} ({keys}, {', '.join(sums)}) {query}")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    """Drop the triggers and the per-day rollup tables."""
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in UPSERT:
        op.drop_table(table)
