"""open cart: the cart being rung up is kept in the shop file across close, crash and power cut

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """One row per till slot with the cart as JSON."""
    op.create_table(
        "open_carts",
        sa.Column("slot", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_open_carts_user_id_users")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_open_carts")),
    )


def downgrade() -> None:
    """Drop the kept cart (an older app does not know it)."""
    op.drop_table("open_carts")
