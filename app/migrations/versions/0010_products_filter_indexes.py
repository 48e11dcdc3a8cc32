"""products filter indexes: "Stok menipis" and "Belum terbit" without a scan of the catalog

With a million products the products table's low-stock and not-yet-published filters read
every row. Two partial indexes on the name hold only the products those filters show (few
in a real shop), so the filter reads them off the index: the query's own terms
(``min_stock > 0 AND on_hand <= min_stock``, ``published = 0``) are the index conditions.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 00:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_products_low_stock": "min_stock > 0 AND on_hand <= min_stock",
    "ix_products_unpublished": "published = 0",
}


def upgrade() -> None:
    """Create the two partial indexes."""
    for name, where in INDEXES.items():
        op.create_index(name, "products", ["name"], unique=False, sqlite_where=sa.text(where))


def downgrade() -> None:
    """Drop them."""
    for name in INDEXES:
        op.drop_index(name, table_name="products")
