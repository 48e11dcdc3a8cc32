"""Orders, their lines and payments, held carts and imported statement lines."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contract.enums import ChannelKind, OrderKind, OrderStatus, PaymentStatus
from models.base import Base, new_uuid, utcnow

# The stored codes and their shown words: contract.enums (OrderStatus, PaymentMethod...).


class Order(Base):
    """A sale (or a refund of one): counter, event or PEKEN online."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("device", "day", "seq", name="device_day_seq"),
        Index("ix_orders_created_at", "created_at"),
        Index("ix_orders_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    device: Mapped[str] = mapped_column(String(8))
    day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(8), default=OrderKind.SALE.value)  # OrderKind
    refund_of_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("sales_channels.id"), index=True)
    source: Mapped[str] = mapped_column(String(8), default=ChannelKind.COUNTER.value)  # ChannelKind
    remote_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # server order id
    status: Mapped[str] = mapped_column(String(10), default=OrderStatus.PAID.value)  # OrderStatus
    subtotal: Mapped[int] = mapped_column(default=0)
    discount: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    tax: Mapped[int] = mapped_column(default=0)
    # Cash rounding ("Pembulatan"): money paid = total + rounding (negative when rounded down).
    rounding: Mapped[int] = mapped_column(default=0, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    buyer_name: Mapped[str] = mapped_column(String(120), default="")
    buyer_phone: Mapped[str] = mapped_column(String(40), default="")
    customer_uuid: Mapped[str | None] = mapped_column(String(36), index=True)  # models.books
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    paid_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.position"
    )
    payments: Mapped[list[Payment]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Payment.id"
    )


class OrderLine(Base):
    """One product line of an order; name, unit and price are snapshots."""

    __tablename__ = "order_lines"
    # the lines a promotion discounted (few): the per-promotion report reads them alone (0014)
    __table_args__ = (Index("ix_order_lines_promotion", "promotion_id",
                            sqlite_where=text("promotion_id IS NOT NULL")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    unit: Mapped[str] = mapped_column(String(12))
    qty: Mapped[Decimal]
    unit_price: Mapped[int]
    unit_cost: Mapped[int] = mapped_column(default=0)
    discount: Mapped[int] = mapped_column(default=0)
    total: Mapped[int]
    refund_of_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    # Packs: ``qty`` is in the pack sold ("1 dus"); stock moved qty × pack_factor base units.
    pack_name: Mapped[str] = mapped_column(String(20), default="", server_default="")
    pack_factor: Mapped[Decimal] = mapped_column(default=Decimal(1), server_default="1000")
    price_note: Mapped[str] = mapped_column(String(40), default="", server_default="")  # tier
    promotion_id: Mapped[int | None]  # promotions.id (no FK: added by ALTER TABLE, 0014)
    promo_discount: Mapped[int] = mapped_column(default=0, server_default="0")  # in ``discount``

    order: Mapped[Order] = relationship(back_populates="lines")


class Payment(Base):
    """Money for an order: cash (confirmed at once), or transfer/QRIS pending until confirmed."""

    __tablename__ = "payments"
    __table_args__ = (Index("ix_payments_status_method", "status", "method"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(10))  # PaymentMethod
    amount: Mapped[int]
    tendered: Mapped[int | None]
    change: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(10), default=PaymentStatus.CONFIRMED.value)
    unique_code: Mapped[int] = mapped_column(default=0)
    bank_account_id: Mapped[int | None] = mapped_column(ForeignKey("bank_accounts.id"))
    qris_payload: Mapped[str | None] = mapped_column(Text)
    reference: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None]
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    statement_key: Mapped[str | None] = mapped_column(String(120), unique=True)

    order: Mapped[Order] = relationship(back_populates="payments")


class HeldCart(Base):
    """A cart put aside (F8) to serve another buyer; ``payload`` is the cart as JSON."""

    __tablename__ = "held_carts"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    payload: Mapped[str] = mapped_column(Text)
    total: Mapped[int] = mapped_column(default=0)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OpenCart(Base):
    """The cart being rung up right now, kept so a close, crash or power cut never loses it.

    One row per till slot (``main``); written on every cart change, deleted with the sale.
    """

    __tablename__ = "open_carts"

    slot: Mapped[str] = mapped_column(String(40), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatementRecord(Base):
    """A bank statement line already imported; its key confirms at most one payment, ever."""

    __tablename__ = "statement_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    bank: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int]
    line_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
