"""order number search: Pesanan finds a number (or part of one) off an index, not by reading
every order

The Pesanan search matches anywhere in the order number ("0042", "20261130", "K2-2026"),
which a B-tree index cannot serve. An FTS5 trigram table over the numbers (external content:
it keeps only the index, the numbers stay in ``orders``) finds the orders whose number holds
the typed text; three triggers keep it in step with every insert, renumbering and delete.
A payments index that starts with the method lets the list find the few orders paid by a
rare method without walking the whole history, and a (partial) index on the lines' refunded
line lets the detail of a sale say how much of each line came back without reading every line.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 01:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

UPGRADE = (
    "CREATE VIRTUAL TABLE order_number_fts USING fts5("
    "number, content='orders', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER order_number_fts_ai AFTER INSERT ON orders BEGIN "
    "INSERT INTO order_number_fts(rowid, number) VALUES (new.id, new.number); END",
    "CREATE TRIGGER order_number_fts_ad AFTER DELETE ON orders BEGIN "
    "INSERT INTO order_number_fts(order_number_fts, rowid, number) "
    "VALUES ('delete', old.id, old.number); END",
    "CREATE TRIGGER order_number_fts_au AFTER UPDATE OF number ON orders BEGIN "
    "INSERT INTO order_number_fts(order_number_fts, rowid, number) "
    "VALUES ('delete', old.id, old.number); "
    "INSERT INTO order_number_fts(rowid, number) VALUES (new.id, new.number); END",
    "INSERT INTO order_number_fts(order_number_fts) VALUES ('rebuild')",
    "CREATE INDEX ix_payments_method_order ON payments (method, order_id)",
    "CREATE INDEX ix_order_lines_refund_of_line ON order_lines (refund_of_line_id) "
    "WHERE refund_of_line_id IS NOT NULL",
)
DOWNGRADE = (
    "DROP INDEX IF EXISTS ix_order_lines_refund_of_line",
    "DROP INDEX IF EXISTS ix_payments_method_order",
    "DROP TRIGGER IF EXISTS order_number_fts_au",
    "DROP TRIGGER IF EXISTS order_number_fts_ad",
    "DROP TRIGGER IF EXISTS order_number_fts_ai",
    "DROP TABLE IF EXISTS order_number_fts",
)


def upgrade() -> None:
    """Create the number index (filled from the orders), its triggers and the two indexes."""
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    """Drop them."""
    for statement in DOWNGRADE:
        op.execute(statement)
