"""orders page indexes: the Pesanan list keyset-paged on indexes with a million orders

The list is ordered newest first by (created_at, id) and filtered by status (of sales), refunds,
sales channel and payment method. Each filter gets an index that starts with the filter's
column and continues with created_at, so a page reads its rows straight off the index
instead of sorting every match; refunds of a sale are found by ``refund_of_id`` (a partial
index: only refunds have one), which the list asks for on every row it shows.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_orders_status_created", ["status", "kind", "created_at"]),
    ("ix_orders_kind_created", ["kind", "created_at"]),
    ("ix_orders_channel_created", ["channel_id", "created_at"]),
)


def upgrade() -> None:
    op.create_index("ix_orders_refund_of", "orders", ["refund_of_id"], unique=False,
                    sqlite_where=sa.text("refund_of_id IS NOT NULL"),
                    postgresql_where=sa.text("refund_of_id IS NOT NULL"))
    for name, columns in INDEXES:
        op.create_index(name, "orders", columns, unique=False)


def downgrade() -> None:
    for name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name="orders")
    op.drop_index("ix_orders_refund_of", table_name="orders")
