"""a purchase line keeps the pack it was bought in, so its money is the supplier's invoice

A purchase typed in packs ("10 renteng at Rp40.000", 12 pcs each) was kept in base units only,
at the cost per base unit rounded to the rupiah: 120 × Rp3.333 = Rp399.960, not the Rp400.000
the supplier asks. Each line now also keeps the pack's name, its factor (base units per pack,
thousandths like every quantity) and its cost per pack; the line's money is
``qty ÷ factor × pack_cost`` (:func:`app.pack_units.purchase_line_amount`), while ``unit_cost``
stays the cost per base unit for stock value and HPP. Plain ``ALTER TABLE ADD COLUMN``;
existing lines read as before: no pack (``''``), factor 1 and no pack cost (NULL), so their
money stays ``qty × unit_cost`` and no stored total, debt or stock figure changes.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 07:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

COLUMNS = (
    ("pack_name", "VARCHAR(20) DEFAULT '' NOT NULL"),
    ("pack_factor", "INTEGER DEFAULT 1000 NOT NULL"),
    ("pack_cost", "INTEGER"),
)


def upgrade() -> None:
    """Add the pack columns to purchase_lines."""
    for column, spec in COLUMNS:
        op.execute(f"ALTER TABLE purchase_lines ADD COLUMN {column} {spec}")


def downgrade() -> None:
    """Drop them (native DROP COLUMN, no rebuild)."""
    for column, _spec in reversed(COLUMNS):
        op.execute(f"ALTER TABLE purchase_lines DROP COLUMN {column}")
