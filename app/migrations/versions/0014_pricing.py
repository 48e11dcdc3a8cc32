"""packs, wholesale tiers, promotions and variants

New tables (models/pricing.py) and new columns added with plain ``ALTER TABLE ADD COLUMN``
(no table rebuild: ``products`` keeps its search triggers and a shop with a million order
lines migrates in moments). Every existing product, barcode and stock figure is untouched:
a product without packs sells in its unit as before, an old order line is 1 unit = 1 base
unit (``pack_factor`` 1), an old barcode is the product's own (``pack_id`` NULL).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 03:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.base import Quantity, UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("promotions", "product_packs", "promotion_items", "price_tiers")


def upgrade() -> None:
    """Create the pricing tables, then add the new columns."""
    _create_tables()
    _add_columns()


def _add_columns() -> None:
    # Plain ADD/DROP COLUMN: a batch rebuild of products or order_lines would drop their
    # triggers (search, rollups), and SQLite cannot drop a column that has a REFERENCES clause,
    # so parent_id, pack_id and promotion_id are plain integers the code keeps consistent.
    for sql in (
        "ALTER TABLE products ADD COLUMN parent_id INTEGER",
        "ALTER TABLE products ADD COLUMN option_names VARCHAR(200) DEFAULT '' NOT NULL",
        "ALTER TABLE products ADD COLUMN options VARCHAR(300) DEFAULT '' NOT NULL",
        "CREATE INDEX ix_products_parent_id ON products (parent_id)",
        "ALTER TABLE barcodes ADD COLUMN pack_id INTEGER",
        "ALTER TABLE order_lines ADD COLUMN pack_name VARCHAR(20) DEFAULT '' NOT NULL",
        "ALTER TABLE order_lines ADD COLUMN pack_factor INTEGER DEFAULT 1000 NOT NULL",
        "ALTER TABLE order_lines ADD COLUMN price_note VARCHAR(40) DEFAULT '' NOT NULL",
        "ALTER TABLE order_lines ADD COLUMN promotion_id INTEGER",
        "ALTER TABLE order_lines ADD COLUMN promo_discount INTEGER DEFAULT 0 NOT NULL",
        "CREATE INDEX ix_order_lines_promotion ON order_lines (promotion_id) WHERE promotion_id IS NOT NULL",
    ):
        op.execute(sql)


def _create_tables() -> None:
    op.create_table(
        "promotions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("buy_qty", Quantity(), nullable=False),
        sa.Column("free_qty", Quantity(), nullable=False),
        sa.Column("bundle_price", sa.Integer(), nullable=False),
        sa.Column("percent", Quantity(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("weekdays", sa.String(length=7), nullable=False),
        sa.Column("from_minute", sa.Integer(), nullable=True),
        sa.Column("to_minute", sa.Integer(), nullable=True),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("stackable", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"], ["sales_channels.id"], name=op.f("fk_promotions_channel_id_sales_channels")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_promotions_uuid")),
    )
    op.create_table(
        "product_packs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("factor", Quantity(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("factor > 0", name=op.f("ck_product_packs_factor_positive")),
        sa.CheckConstraint("price > 0", name=op.f("ck_product_packs_price_positive")),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_packs_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_packs")),
        sa.UniqueConstraint("uuid", name=op.f("uq_product_packs_uuid")),
    )
    with op.batch_alter_table("product_packs") as batch_op:
        batch_op.create_index(batch_op.f("ix_product_packs_product_id"), ["product_id"], unique=False)
    op.create_table(
        "promotion_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("promotion_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("qty", Quantity(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_promotion_items_category_id_categories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_promotion_items_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["promotion_id"],
            ["promotions.id"],
            name=op.f("fk_promotion_items_promotion_id_promotions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotion_items")),
    )
    with op.batch_alter_table("promotion_items") as batch_op:
        batch_op.create_index(batch_op.f("ix_promotion_items_promotion_id"), ["promotion_id"], unique=False)
    op.create_table(
        "price_tiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.Integer(), nullable=True),
        sa.Column("group_name", sa.String(length=40), nullable=False),
        sa.Column("min_qty", Quantity(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.CheckConstraint("price > 0", name=op.f("ck_price_tiers_price_positive")),
        sa.ForeignKeyConstraint(
            ["pack_id"],
            ["product_packs.id"],
            name=op.f("fk_price_tiers_pack_id_product_packs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_price_tiers_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_tiers")),
        sa.UniqueConstraint("uuid", name=op.f("uq_price_tiers_uuid")),
    )
    with op.batch_alter_table("price_tiers") as batch_op:
        batch_op.create_index("ix_price_tiers_product", ["product_id", "pack_id"], unique=False)


def downgrade() -> None:
    """Drop the columns (native DROP COLUMN, no rebuild) and the tables."""
    op.drop_index("ix_products_parent_id", table_name="products")
    op.drop_index("ix_order_lines_promotion", table_name="order_lines")
    for table, columns in (
        ("order_lines", ("pack_name", "pack_factor", "price_note", "promotion_id", "promo_discount")),
        ("barcodes", ("pack_id",)),
        ("products", ("parent_id", "option_names", "options")),
    ):
        for column in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for table in reversed(TABLES):
        op.drop_table(table)
