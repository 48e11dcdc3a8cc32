"""How a product is priced beyond its one price: packs, wholesale tiers and promotions.

A product keeps its stock in its base unit (``products.unit``); a pack (renteng, pak, dus) is
``factor`` base units with its own price and barcodes (``barcodes.pack_id``). A tier lowers the
price from a quantity (per product or pack, per customer group). A promotion is a rule the
pricing engine (:mod:`app.pricing`) applies to the cart.

The codes and their words: :class:`contract.enums.PromoKind`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, new_uuid, utcnow


class ProductPack(Base):
    """A pack of a product: ``factor`` base units sold together at ``price``."""

    __tablename__ = "product_packs"
    __table_args__ = (
        CheckConstraint("price > 0", name="price_positive"),
        CheckConstraint("factor > 0", name="factor_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(20))  # dus, renteng, pak
    factor: Mapped[Decimal]  # base units in one pack
    price: Mapped[int]
    archived: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # the HLC stamp of its last write (app.sync.pricing); NULL = never shared (before 0016)
    stamp: Mapped[str | None] = mapped_column(String(56))


class PriceTier(Base):
    """A wholesale price (harga grosir): from ``min_qty`` of the product (or pack), for a group."""

    __tablename__ = "price_tiers"
    __table_args__ = (
        CheckConstraint("price > 0", name="price_positive"),
        Index("ix_price_tiers_product", "product_id", "pack_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    pack_id: Mapped[int | None] = mapped_column(ForeignKey("product_packs.id", ondelete="CASCADE"))
    group_name: Mapped[str] = mapped_column(String(40), default="")  # "" = every buyer
    min_qty: Mapped[Decimal]  # in the unit or pack it prices
    price: Mapped[int]


class Promotion(Base):
    """A promotion: buy X get Y, a bundle price, or % / Rp off, in a time window and channel."""

    __tablename__ = "promotions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(10))  # PromoKind
    active: Mapped[bool] = mapped_column(default=True)
    buy_qty: Mapped[Decimal] = mapped_column(default=Decimal(0))  # buy_get: X
    free_qty: Mapped[Decimal] = mapped_column(default=Decimal(0))  # buy_get: Y
    bundle_price: Mapped[int] = mapped_column(default=0)  # bundle: the paket's price
    percent: Mapped[Decimal] = mapped_column(default=Decimal(0))  # percent: 0–100
    amount: Mapped[int] = mapped_column(default=0)  # amount: rupiah off per unit
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)  # inclusive
    weekdays: Mapped[str] = mapped_column(String(7), default="1234567")  # ISO 1 = Monday
    from_minute: Mapped[int | None]  # shop local time of day, minutes; None = all day
    to_minute: Mapped[int | None]
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("sales_channels.id"))
    stackable: Mapped[bool] = mapped_column(default=False)
    priority: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    stamp: Mapped[str | None] = mapped_column(String(56))  # as ProductPack.stamp


class PromotionItem(Base):
    """What a promotion applies to: a product or a whole category (``qty``: a bundle's count)."""

    __tablename__ = "promotion_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    promotion_id: Mapped[int] = mapped_column(ForeignKey("promotions.id", ondelete="CASCADE"),
                                              index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id",
                                                               ondelete="CASCADE"))
    qty: Mapped[Decimal] = mapped_column(default=Decimal(1))


class PricingTombstone(Base):
    """A deleted synced pricing record (a promotion): its uuid and the stamp of the deletion,
    so an older edit arriving later never brings it back (:mod:`app.sync.pricing`)."""

    __tablename__ = "pricing_tombstones"

    record: Mapped[str] = mapped_column(String(12), primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(56))
