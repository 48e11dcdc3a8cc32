"""packs, tiers, variants and promotions reach the shop's other devices (pricing.record)

Each synced pricing record keeps the hybrid-logical-clock stamp of its last write: a pack's and
a promotion's in their own row, a product's tier table and variant fields in two new product
columns. A deleted promotion leaves a tombstone (``pricing_tombstones``) so an older edit
never brings it back. Plain ``ALTER TABLE ADD COLUMN`` (no table rebuild: ``products`` keeps
its search triggers); existing rows get NULL, "never shared", and the sync worker shares them
once (:func:`app.sync.pricing.share_unshared`). No product, barcode, pack, tier or stock
figure changes.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 06:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = (
    ("product_packs", "stamp"),
    ("promotions", "stamp"),
    ("products", "tiers_stamp"),
    ("products", "variant_stamp"),
)


def upgrade() -> None:
    """Add the stamp columns and the tombstone table."""
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR(56)")
    op.create_table(
        "pricing_tombstones",
        sa.Column("record", sa.String(length=12), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("stamp", sa.String(length=56), nullable=False),
        sa.PrimaryKeyConstraint("record", "uuid", name=op.f("pk_pricing_tombstones")),
    )


def downgrade() -> None:
    """Drop the table and the columns (native DROP COLUMN, no rebuild)."""
    op.drop_table("pricing_tombstones")
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
