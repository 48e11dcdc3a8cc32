"""product counts: the products table's row count kept by triggers, not counted per open

Produk & Stok shows how many products match; with no filter but the archived flag that was a
``COUNT(*)`` over the ``archived`` index, 100–150 ms at 1 000 000 products and growing with
the catalog, on every open. ``rollup_product_counts`` holds one row per ``archived`` value,
kept by triggers in the same transaction as the insert, delete or (un)archiving that changes
it (the app, an import, a sync); ``app.reports.rollups.rebuild`` recomputes it with the other
rollups and ``differences`` checks it.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_ADD = ("INSERT INTO rollup_product_counts (archived, products) VALUES ({side}.archived, 1) "
        "ON CONFLICT (archived) DO UPDATE SET products = products + 1;")
_TAKE = "UPDATE rollup_product_counts SET products = products - 1 WHERE archived = {side}.archived;"
TRIGGERS = {
    "rollup_product_counts_insert": f"AFTER INSERT ON products BEGIN {_ADD.format(side='NEW')} END",
    "rollup_product_counts_delete": f"AFTER DELETE ON products BEGIN {_TAKE.format(side='OLD')} END",
    "rollup_product_counts_archive": (
        "AFTER UPDATE OF archived ON products WHEN OLD.archived IS NOT NEW.archived BEGIN "
        f"{_TAKE.format(side='OLD')} {_ADD.format(side='NEW')} END"),
}


def upgrade() -> None:
    """Create the table, fill it from the products, then keep it with the triggers."""
    op.create_table(
        "rollup_product_counts",
        sa.Column("archived", sa.Integer(), primary_key=True),
        sa.Column("products", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO rollup_product_counts (archived, products) "
               "SELECT archived, count(*) FROM products GROUP BY archived")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    """Drop the triggers and the table."""
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("rollup_product_counts")
