"""the shop's money book: customers, kasbon, pre-orders, drawer cash, suppliers, purchases

New tables only (models/books.py), plus ``orders.customer_uuid`` naming the customer of a sale
(nullable: every existing order stays a walk-in sale). Records shared between a shop's devices
refer to each other by uuid.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 03:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.base import Quantity, UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLES = (
    "customers",
    "credit_entries",
    "preorders",
    "preorder_lines",
    "preorder_payments",
    "cash_movements",
    "suppliers",
    "purchases",
    "purchase_lines",
    "supplier_payments",
)


# A customer's unpaid credit sales, redone by the kasbon rule (app.kasbon: a refund lowers its
# own sale first, every other credit pays the oldest sales first) whenever one of their lines
# is written, so aging reads the open sales alone. {c}: the customer (NEW/OLD.customer_uuid).
_BACK = ("coalesce((SELECT sum(r.amount) FROM credit_entries r WHERE r.customer_uuid = e.customer_uuid "
         "AND r.order_uuid = e.order_uuid AND r.kind = 'refund' AND r.status = 'confirmed'), 0)")
REFRESH = (
    "DELETE FROM kasbon_open WHERE customer_uuid = {c}; "
    "INSERT INTO kasbon_open (customer_uuid, entry_id, created_at, unpaid) "
    "SELECT customer_uuid, id, created_at, min(rest, run - pool) FROM ("
    " SELECT customer_uuid, id, created_at, kind, rest,"
    " sum(rest) OVER (ORDER BY created_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run,"
    " sum(credit) OVER (ORDER BY created_at, id ROWS BETWEEN UNBOUNDED PRECEDING"
    " AND UNBOUNDED FOLLOWING) AS pool"
    " FROM (SELECT e.customer_uuid, e.id, e.created_at, e.kind,"
    f" CASE e.kind WHEN 'sale' THEN e.amount - min(e.amount, {_BACK}) ELSE 0 END AS rest,"
    f" CASE e.kind WHEN 'sale' THEN -min(e.amount, {_BACK}) ELSE e.amount END AS credit"
    " FROM credit_entries e WHERE e.customer_uuid = {c} AND e.status = 'confirmed'))"
    " WHERE kind = 'sale' AND run > pool;"
)
TRIGGERS = {
    "kasbon_open_insert": "AFTER INSERT ON credit_entries BEGIN " + REFRESH.format(c="NEW.customer_uuid")
                          + " END",
    "kasbon_open_update": ("AFTER UPDATE OF customer_uuid, kind, amount, status, created_at, order_uuid "
                           "ON credit_entries BEGIN " + REFRESH.format(c="OLD.customer_uuid") + " "
                           + REFRESH.format(c="NEW.customer_uuid") + " END"),
    "kasbon_open_delete": "AFTER DELETE ON credit_entries BEGIN " + REFRESH.format(c="OLD.customer_uuid")
                          + " END",
}


def upgrade() -> None:
    """Create the book's tables and the order's customer column (a plain ADD COLUMN)."""
    _create_tables()
    op.create_table("kasbon_open",
                    sa.Column("customer_uuid", sa.String(length=36), nullable=False),
                    sa.Column("entry_id", sa.Integer(), nullable=False),
                    sa.Column("created_at", UTCDateTime(), nullable=False),
                    sa.Column("unpaid", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint("customer_uuid", "entry_id", name=op.f("pk_kasbon_open")),
                    sqlite_with_rowid=False)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.add_column("orders", sa.Column("customer_uuid", sa.String(length=36), nullable=True))
    op.create_index("ix_orders_customer_uuid", "orders", ["customer_uuid"], unique=False)


def _create_tables() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("group_name", sa.String(length=40), nullable=False),
        sa.Column("credit_limit", sa.Integer(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("uuid", name=op.f("uq_customers_uuid")),
    )
    with op.batch_alter_table("customers") as batch_op:
        batch_op.create_index("ix_customers_name", ["name"], unique=False)
        batch_op.create_index("ix_customers_phone", ["phone"], unique=False)
    op.create_table(
        "preorder_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preorder_uuid", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_uuid", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("unit", sa.String(length=12), nullable=False),
        sa.Column("qty", Quantity(), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preorder_lines")),
        sa.UniqueConstraint("uuid", name=op.f("uq_preorder_lines_uuid")),
    )
    with op.batch_alter_table("preorder_lines") as batch_op:
        batch_op.create_index(batch_op.f("ix_preorder_lines_preorder_uuid"), ["preorder_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_preorder_lines_product_uuid"), ["product_uuid"], unique=False)
    op.create_table(
        "preorders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("customer_uuid", sa.String(length=36), nullable=True),
        sa.Column("customer_name", sa.String(length=120), nullable=False),
        sa.Column("customer_phone", sa.String(length=20), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("delivery", sa.Boolean(), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("dp_kept", sa.Integer(), nullable=False),
        sa.Column("order_uuid", sa.String(length=36), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preorders")),
        sa.UniqueConstraint("number", name=op.f("uq_preorders_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_preorders_uuid")),
    )
    with op.batch_alter_table("preorders") as batch_op:
        batch_op.create_index(batch_op.f("ix_preorders_customer_uuid"), ["customer_uuid"], unique=False)
        batch_op.create_index("ix_preorders_status_due", ["status", "due_at"], unique=False)
    op.create_table(
        "purchase_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purchase_uuid", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("unit", sa.String(length=12), nullable=False),
        sa.Column("qty_ordered", Quantity(), nullable=False),
        sa.Column("qty_received", Quantity(), nullable=False),
        sa.Column("unit_cost", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_lines")),
        sa.UniqueConstraint("uuid", name=op.f("uq_purchase_lines_uuid")),
    )
    with op.batch_alter_table("purchase_lines") as batch_op:
        batch_op.create_index(batch_op.f("ix_purchase_lines_product_uuid"), ["product_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_purchase_lines_purchase_uuid"), ["purchase_uuid"], unique=False)
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
        sa.UniqueConstraint("uuid", name=op.f("uq_suppliers_uuid")),
    )
    op.create_table(
        "purchases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("supplier_uuid", sa.String(length=36), nullable=True),
        sa.Column("invoice_no", sa.String(length=60), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("return_of", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_purchases_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchases")),
        sa.UniqueConstraint("number", name=op.f("uq_purchases_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_purchases_uuid")),
    )
    with op.batch_alter_table("purchases") as batch_op:
        batch_op.create_index("ix_purchases_supplier", ["supplier_uuid", "created_at"], unique=False)
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("purchase_uuid", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_cash_movements_amount_positive")),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["users.id"], name=op.f("fk_cash_movements_approved_by_id_users")
        ),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"], name=op.f("fk_cash_movements_shift_id_shifts")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_cash_movements_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
        sa.UniqueConstraint("uuid", name=op.f("uq_cash_movements_uuid")),
    )
    with op.batch_alter_table("cash_movements") as batch_op:
        batch_op.create_index("ix_cash_movements_created_at", ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_cash_movements_shift_id"), ["shift_id"], unique=False)
    op.create_table(
        "credit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("order_uuid", sa.String(length=36), nullable=True),
        sa.Column("order_number", sa.String(length=40), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("unique_code", sa.Integer(), nullable=False),
        sa.Column("bank_account_id", sa.Integer(), nullable=True),
        sa.Column("statement_key", sa.String(length=120), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", UTCDateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_credit_entries_amount_positive")),
        sa.ForeignKeyConstraint(
            ["bank_account_id"],
            ["bank_accounts.id"],
            name=op.f("fk_credit_entries_bank_account_id_bank_accounts"),
        ),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"], name=op.f("fk_credit_entries_shift_id_shifts")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_credit_entries_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_entries")),
        sa.UniqueConstraint("statement_key", name=op.f("uq_credit_entries_statement_key")),
        sa.UniqueConstraint("uuid", name=op.f("uq_credit_entries_uuid")),
    )
    with op.batch_alter_table("credit_entries") as batch_op:
        # covering: balances and the oldest-first aging read the kasbon from the index alone
        batch_op.create_index("ix_credit_entries_kasbon", ["customer_uuid", "created_at", "id", "status",
                                                           "kind", "amount", "order_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_credit_entries_order_uuid"), ["order_uuid"], unique=False)
    op.create_table(
        "preorder_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preorder_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("unique_code", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_preorder_payments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_preorder_payments_shift_id_shifts")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_preorder_payments_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preorder_payments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_preorder_payments_uuid")),
    )
    with op.batch_alter_table("preorder_payments") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_preorder_payments_preorder_uuid"), ["preorder_uuid"], unique=False
        )
    op.create_table(
        "supplier_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_uuid", sa.String(length=36), nullable=True),
        sa.Column("purchase_uuid", sa.String(length=36), nullable=True),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_supplier_payments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_supplier_payments_shift_id_shifts")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_supplier_payments_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_payments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_supplier_payments_uuid")),
    )
    with op.batch_alter_table("supplier_payments") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplier_payments_purchase_uuid"), ["purchase_uuid"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supplier_payments_supplier_uuid"), ["supplier_uuid"], unique=False
        )


def downgrade() -> None:
    """Drop them."""
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("kasbon_open")
    op.drop_index("ix_orders_customer_uuid", table_name="orders")
    op.execute("ALTER TABLE orders DROP COLUMN customer_uuid")  # native: no rebuild
    for table in reversed(TABLES):
        op.drop_table(table)
