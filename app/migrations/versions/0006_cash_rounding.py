"""cash rounding: the "Pembulatan" of an order (cash due rounded by the shop's setting)

``orders.rounding`` is the rupiah added to (negative: taken off) the order total so that
the money paid equals ``total + rounding``; 0 for orders without cash rounding.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the rounding column (existing orders were never rounded: 0)."""
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("rounding", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    """Drop the rounding column."""
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("rounding")
