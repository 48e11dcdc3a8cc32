"""The stock ledger: immutable movements whose sum is a product's on-hand."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, new_uuid, utcnow

# The kinds of movement (sale, refund, receive...) and their words: contract.enums.MovementKind.


class StockMovement(Base):
    """One immutable change of stock: ``qty`` is the signed delta (sale negative)."""

    __tablename__ = "stock_movements"
    __table_args__ = (Index("ix_stock_movements_product_at", "product_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    kind: Mapped[str] = mapped_column(String(12))  # MovementKind
    qty: Mapped[Decimal]
    unit_cost: Mapped[int | None]
    reason: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    device: Mapped[str] = mapped_column(String(40), default="")
    remote: Mapped[bool] = mapped_column(default=False)  # came from another device via sync
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
