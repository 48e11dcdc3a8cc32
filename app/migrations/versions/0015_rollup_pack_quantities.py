"""rollups count packs in base units: a line of "1 dus (40 pcs)" adds 40 pcs to the product

Since 0014 an order line's ``qty`` is in the pack it was sold in and ``pack_factor`` says how
many base units one pack holds (1 for every older line). The product rollups (0007 per hour
slot, 0008 per day and month) summed ``qty`` as if it were always base units; their triggers
are re-created here with ``qty × pack_factor`` for the quantity (the line's ``unit_cost`` is
per pack, so the cost sum ``qty × unit_cost`` is unchanged). Old lines have factor 1, so no
rollup row changes and nothing needs refilling.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 03:40:00
"""

from __future__ import annotations

import re

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Quantities are stored in thousandths (models.base.Quantity): base = qty × factor / 1000.
_SUM = ("sum(l.qty)", "sum(l.qty * l.pack_factor / 1000)")
_ROW = (re.compile(r"([-+])(NEW|OLD)\.qty(?=\s*,)"), r"\1\2.qty * \2.pack_factor / 1000")


def _rewrite(sql: str, forward: bool) -> str:
    if forward:
        sql = sql.replace(*_SUM)
        return _ROW[0].sub(_ROW[1], sql)
    sql = sql.replace(_SUM[1], _SUM[0])
    return re.sub(r"([-+])(NEW|OLD)\.qty \* \2\.pack_factor / 1000", r"\1\2.qty", sql)


def _recreate(forward: bool) -> None:
    bind = op.get_bind()
    rows = bind.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup%'").fetchall()
    for name, sql in rows:
        new = _rewrite(sql, forward)
        if new != sql:
            op.execute(f"DROP TRIGGER {name}")
            op.execute(new)


def upgrade() -> None:
    """Re-create the rollup triggers that sum line quantities, counting base units."""
    _recreate(forward=True)


def downgrade() -> None:
    """Back to summing ``qty`` as it is."""
    _recreate(forward=False)
