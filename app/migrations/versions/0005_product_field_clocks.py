"""product field clocks: the HLC stamp of each shared product field, for per-field merges

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the field clock table (empty: existing values count as older than any edit)."""
    op.create_table(
        "product_field_clocks",
        sa.Column("product_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("product_uuid", "field", name=op.f("pk_product_field_clocks")),
    )


def downgrade() -> None:
    """Drop the field clock table."""
    op.drop_table("product_field_clocks")
