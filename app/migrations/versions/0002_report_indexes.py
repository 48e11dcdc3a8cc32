"""report indexes: covering indexes so the Laporan figures scan indexes, not tables

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 07:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_orders_report", "orders",
     ["created_at", "status", "kind", "channel_id", "source", "total", "discount"]),
    ("ix_order_lines_report", "order_lines", ["order_id", "product_id", "qty", "total", "unit_cost"]),
    ("ix_payments_report", "payments", ["order_id", "status", "method", "amount"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
