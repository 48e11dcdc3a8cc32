"""report rollups: sums of counted orders, payments (per UTC hour) and lines (per slot), by triggers

Three tables (``rollup_orders``, ``rollup_payments``, ``rollup_products``; see
``models.rollups``) and SQLite triggers on ``orders``, ``order_lines`` and ``payments`` that
add and subtract each row's share in the same transaction as the write. A row counts while
its order's status is paid or fulfilled. The tables are filled from the existing orders.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COUNTED = "('paid', 'fulfilled')"
HOUR = "substr({r}.created_at, 1, 13)"
# Lines are summed per UTC date and slot: hours 0-14, 15, 16, 17-23 ('2026-11-28 3'), so a shop
# day in WIT, WITA or WIB (starting 15, 16 or 17 UTC) is a range of slots, with far fewer rows
# than one per hour and product.
SLOT = ("substr({r}.created_at, 1, 10) || ' ' || CASE WHEN substr({r}.created_at, 12, 2) < '15' THEN '0' "
        "WHEN substr({r}.created_at, 12, 2) = '15' THEN '1' WHEN substr({r}.created_at, 12, 2) = '16' "
        "THEN '2' ELSE '3' END")
UPSERT = {
    "rollup_orders": ("hour, kind, channel_id, source", ("orders", "total", "discount", "rounding")),
    "rollup_payments": ("hour, kind, method", ("payments", "amount", "unique_codes")),
    "rollup_products": ("slot, product_id", ("lines", "qty", "total", "cost_milli")),
}


def _upsert(table: str, select: str) -> str:
    keys, sums = UPSERT[table]
    added = ", ".join(f"{c} = {c} + excluded.{c}" for c in sums)
    return (f"INSERT INTO {table} ({keys}, {', '.join(sums)}) {select} "
            f"ON CONFLICT ({keys}) DO UPDATE SET {added};")


def _order_share(r: str, s: str) -> str:
    """The order row ``r`` (NEW/OLD) itself, its lines and its payments, times sign ``s``."""
    hour = HOUR.format(r=r)
    return "\n".join([
        _upsert("rollup_orders", f"SELECT {hour}, {r}.kind, coalesce({r}.channel_id, 0), {r}.source, "
                                 f"{s}1, {s}{r}.total, {s}{r}.discount, {s}{r}.rounding WHERE 1"),
        _upsert("rollup_products", f"SELECT {SLOT.format(r=r)}, l.product_id, {s}count(*), {s}sum(l.qty), "
                                   f"{s}sum(l.total), {s}sum(l.qty * l.unit_cost) FROM order_lines l "
                                   f"WHERE l.order_id = {r}.id GROUP BY l.product_id"),
        _upsert("rollup_payments", f"SELECT {hour}, {r}.kind, p.method, {s}count(*), {s}sum(p.amount), "
                                   f"{s}sum(CASE WHEN p.status = 'confirmed' AND p.method = 'transfer' "
                                   f"THEN p.unique_code ELSE 0 END) FROM payments p "
                                   f"WHERE p.order_id = {r}.id AND p.status != 'void' GROUP BY p.method"),
    ])


def _line_share(r: str, s: str) -> str:
    return _upsert("rollup_products", f"SELECT {SLOT.format(r='o')}, {r}.product_id, {s}1, {s}{r}.qty, "
                                      f"{s}{r}.total, {s}{r}.qty * {r}.unit_cost FROM orders o "
                                      f"WHERE o.id = {r}.order_id AND o.status IN {COUNTED}")


def _payment_share(r: str, s: str) -> str:
    return _upsert("rollup_payments", f"SELECT {HOUR.format(r='o')}, o.kind, {r}.method, {s}1, "
                                      f"{s}{r}.amount, {s}(CASE WHEN {r}.status = 'confirmed' "
                                      f"AND {r}.method = 'transfer' "
                                      f"THEN {r}.unique_code ELSE 0 END) FROM orders o "
                                      f"WHERE o.id = {r}.order_id AND o.status IN {COUNTED} "
                                      f"AND {r}.status != 'void'")


ORDER_COLUMNS = "status, created_at, kind, channel_id, source, total, discount, rounding"
TRIGGERS = {
    "rollup_order_insert": f"AFTER INSERT ON orders WHEN NEW.status IN {COUNTED} "
                           f"BEGIN {_order_share('NEW', '+')} END",
    "rollup_order_update_old": f"AFTER UPDATE OF {ORDER_COLUMNS} ON orders WHEN OLD.status IN {COUNTED} "
                               f"BEGIN {_order_share('OLD', '-')} END",
    "rollup_order_update_new": f"AFTER UPDATE OF {ORDER_COLUMNS} ON orders WHEN NEW.status IN {COUNTED} "
                               f"BEGIN {_order_share('NEW', '+')} END",
    "rollup_order_delete": f"BEFORE DELETE ON orders WHEN OLD.status IN {COUNTED} "
                           f"BEGIN {_order_share('OLD', '-')} END",
    "rollup_line_insert": f"AFTER INSERT ON order_lines BEGIN {_line_share('NEW', '+')} END",
    "rollup_line_update": "AFTER UPDATE OF order_id, product_id, qty, total, unit_cost ON order_lines "
                          f"BEGIN {_line_share('OLD', '-')} {_line_share('NEW', '+')} END",
    "rollup_line_delete": f"AFTER DELETE ON order_lines BEGIN {_line_share('OLD', '-')} END",
    "rollup_payment_insert": f"AFTER INSERT ON payments BEGIN {_payment_share('NEW', '+')} END",
    "rollup_payment_update": "AFTER UPDATE OF order_id, method, amount, status, unique_code ON payments "
                             f"BEGIN {_payment_share('OLD', '-')} {_payment_share('NEW', '+')} END",
    "rollup_payment_delete": f"AFTER DELETE ON payments BEGIN {_payment_share('OLD', '-')} END",
}
FILL = {
    "rollup_orders": "SELECT substr(o.created_at, 1, 13), o.kind, coalesce(o.channel_id, 0), o.source, "
                     "count(*), sum(o.total), sum(o.discount), sum(o.rounding) FROM orders o "
                     f"WHERE o.status IN {COUNTED} GROUP BY 1, 2, 3, 4",
    "rollup_payments": "SELECT substr(o.created_at, 1, 13), o.kind, p.method, count(*), sum(p.amount), "
                       "sum(CASE WHEN p.status = 'confirmed' AND p.method = 'transfer' THEN p.unique_code "
                       "ELSE 0 END) FROM payments p JOIN orders o ON o.id = p.order_id "
                       f"WHERE o.status IN {COUNTED} AND p.status != 'void' GROUP BY 1, 2, 3",
    "rollup_products": f"SELECT {SLOT.format(r='o')}, l.product_id, count(*), sum(l.qty), "
                       "sum(l.total), sum(l.qty * l.unit_cost) FROM order_lines l "
                       "JOIN orders o ON o.id = l.order_id "
                       f"WHERE o.status IN {COUNTED} GROUP BY 1, 2",
}


def _table(name: str, keys: list[sa.Column], sums: tuple[str, ...]) -> None:
    op.create_table(name, *keys, *(sa.Column(c, sa.Integer(), nullable=False) for c in sums),
                    sa.PrimaryKeyConstraint(*(k.name for k in keys), name=f"pk_{name}"))


def upgrade() -> None:
    """Create the rollup tables and their triggers, then fill them from the existing orders."""
    def hour() -> sa.Column:
        return sa.Column("hour", sa.String(13), nullable=False)

    _table("rollup_orders", [hour(), sa.Column("kind", sa.String(8), nullable=False),
                             sa.Column("channel_id", sa.Integer(), nullable=False),
                             sa.Column("source", sa.String(8), nullable=False)],
           UPSERT["rollup_orders"][1])
    _table("rollup_payments", [hour(), sa.Column("kind", sa.String(8), nullable=False),
                               sa.Column("method", sa.String(10), nullable=False)],
           UPSERT["rollup_payments"][1])
    _table("rollup_products", [sa.Column("slot", sa.String(12), nullable=False),
                               sa.Column("product_id", sa.Integer(), nullable=False)],
           UPSERT["rollup_products"][1])
    for table, query in FILL.items():
        keys, sums = UPSERT[table]
        op.execute(f"INSERT INTO {table} ({keys}, {', '.join(sums)}) {query}")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    """Drop the triggers and the rollup tables."""
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in UPSERT:
        op.drop_table(table)
