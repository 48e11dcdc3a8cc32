"""favourite tiles index: the quick grid's favourites without a scan of the catalog

The sell screen's first page of tiles is the favourites by name. Without an index it reads
every product (125–250 ms at 100 000 products, before the grid can paint). A partial index
on the name holding only the favourites that are not archived answers it from the index;
the condition is written with ``IS`` because that is what the query says
(``favourite IS 1 AND archived IS 0``) and SQLite only uses a partial index whose terms the
query's own terms match. The planner also needs the table's statistics to prefer it.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 01:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

WHERE = "favourite IS 1 AND archived IS 0"


def upgrade() -> None:
    """Create the partial index, then give the planner the catalog's statistics.

    Without statistics SQLite prefers the plain ``archived`` index (and sorts every product);
    with them it reads the few favourites off the new index (35 ms → 0.5 ms at 100 000
    products). ``Database.close`` keeps the statistics current (``PRAGMA optimize``).
    """
    op.create_index("ix_products_favourite_tiles", "products", ["name"], unique=False,
                    sqlite_where=sa.text(WHERE))
    op.execute("ANALYZE products")


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_products_favourite_tiles", table_name="products")
