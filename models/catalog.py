"""Categories, products and their barcodes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, new_uuid, utcnow


class Category(Base):
    """A product category (Sembako, Makanan Beku, Batik, ...), with a tile colour."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="#607d8b")


class Product(Base):
    """Something the shop sells; ``on_hand`` is the projection of the stock ledger."""

    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price > 0", name="price_positive"),
        CheckConstraint("cost >= 0", name="cost_not_negative"),
        Index("ix_products_name_nocase", "name"),
        # the products table's "Stok menipis" and "Belum terbit" filters (migration 0010)
        Index("ix_products_low_stock", "name", sqlite_where=text("min_stock > 0 AND on_hand <= min_stock")),
        Index("ix_products_unpublished", "name", sqlite_where=text("published = 0")),
        Index("ix_products_favourite_tiles", "name",
              sqlite_where=text("favourite IS 1 AND archived IS 0")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    unit: Mapped[str] = mapped_column(String(12), default="pcs")
    sold_by_weight: Mapped[bool] = mapped_column(default=False)
    price: Mapped[int]
    cost: Mapped[int] = mapped_column(default=0)
    min_stock: Mapped[Decimal] = mapped_column(default=Decimal(0))
    on_hand: Mapped[Decimal] = mapped_column(default=Decimal(0))
    archived: Mapped[bool] = mapped_column(default=False, index=True)
    published: Mapped[bool] = mapped_column(default=False)
    favourite: Mapped[bool] = mapped_column(default=False)
    color: Mapped[str | None] = mapped_column(String(9))
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    has_history: Mapped[bool] = mapped_column(default=False)
    # Variants: a parent product (``option_names`` ["Ukuran", "Warna"], not sold itself) and its
    # variant products (``parent_id`` set, ``options`` {"Ukuran": "L", "Warna": "Merah"}), each
    # with its own SKU, barcode, stock and price. JSON text; "" when not used.
    parent_id: Mapped[int | None] = mapped_column(index=True)  # products.id (no FK, 0014)
    option_names: Mapped[str] = mapped_column(String(200), default="", server_default="")
    options: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # HLC stamps of the last write of its tier table and of its variant fields (app.sync.pricing);
    # NULL = never shared (rows from before migration 0016)
    tiers_stamp: Mapped[str | None] = mapped_column(String(56))
    variant_stamp: Mapped[str | None] = mapped_column(String(56))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    barcodes: Mapped[list[Barcode]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="Barcode.id"
    )
    category: Mapped[Category | None] = relationship()


class Barcode(Base):
    """One of a product's barcodes (EAN-13, UPC, Code 128, in-store codes)."""

    __tablename__ = "barcodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    # A pack's barcode (the dus's EAN): scanning it sells one pack (models.pricing.ProductPack).
    pack_id: Mapped[int | None]  # no FK: added by ALTER TABLE (migration 0014)

    product: Mapped[Product] = relationship(back_populates="barcodes")
