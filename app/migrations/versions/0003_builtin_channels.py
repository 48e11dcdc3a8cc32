"""built-in sales channels exist in every shop file

The counter ("Toko") and "PEKEN Online" channels used to be created lazily on first
read, which made read-only sessions write. They are now data of the schema.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 08:12:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BUILT_IN = (("counter", "Toko"), ("online", "PEKEN Online"))


def upgrade() -> None:
    """Insert the built-in channels unless a shop already has them."""
    for kind, name in BUILT_IN:
        op.execute(
            "INSERT INTO sales_channels (kind, name, active, created_at) "
            f"SELECT '{kind}', '{name}', 1, CURRENT_TIMESTAMP "
            f"WHERE NOT EXISTS (SELECT 1 FROM sales_channels WHERE name = '{name}')"
        )


def downgrade() -> None:
    """Leave the channels: orders may point at them."""
