"""The shop's money book: customers, kasbon, pre-orders, drawer cash, suppliers and purchases.

Records that travel between a shop's devices (through the server's per-shop change log, never
the public catalog) refer to each other by ``uuid`` (``customer_uuid``, ``preorder_uuid``...),
because integer ids differ per device; ``stamp`` is the hybrid-logical-clock stamp of the last
change (last writer wins per record). Ledger rows (credit entries, payments, cash movements) are
written once and never edited: a correction is a new row.

The codes and their words: :mod:`contract.enums` (``CreditKind``, ``PreorderStatus``,
``CashDirection``, ``CashCategory``, ``PurchaseKind``, ``PurchaseStatus``, ``MoneySource``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from contract.enums import (
    PaymentStatus,
    PreorderPaymentKind,
    PreorderStatus,
    PurchaseKind,
    PurchaseStatus,
)
from models.base import Base, new_uuid, utcnow


class _Synced:
    """Columns every record shared between the shop's devices has."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    device: Mapped[str] = mapped_column(String(40), default="")  # who made it
    stamp: Mapped[str] = mapped_column(String(40), default="")  # HLC of the last change
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Customer(_Synced, Base):
    """A buyer the shop knows: found at the till by phone or name; may buy on kasbon."""

    __tablename__ = "customers"
    __table_args__ = (Index("ix_customers_name", "name"), Index("ix_customers_phone", "phone"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(20), default="")  # +62…, normalised
    address: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    group_name: Mapped[str] = mapped_column(String(40), default="")  # "" = umum; "reseller"…
    credit_limit: Mapped[int | None]  # None = the shop's default limit
    merged_into: Mapped[str | None] = mapped_column(String(36))  # uuid of the kept customer
    archived: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CreditEntry(_Synced, Base):
    """One line of a customer's kasbon: a credit sale, a payment, a refund or a correction.

    ``amount`` is always positive; :class:`contract.enums.CreditKind` says its sign (a sale
    raises the balance, the others lower it). A transfer or QRIS payment is ``pending`` until
    the money is seen (statement import or the seller), like any transfer.
    """

    __tablename__ = "credit_entries"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        # covering: balances and the oldest-first aging read the kasbon from the index alone
        Index("ix_credit_entries_kasbon", "customer_uuid", "created_at", "id", "status", "kind", "amount",
              "order_uuid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))  # CreditKind
    amount: Mapped[int]
    order_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    order_number: Mapped[str] = mapped_column(String(40), default="")
    method: Mapped[str | None] = mapped_column(String(10))  # PaymentMethod of a payment
    status: Mapped[str] = mapped_column(String(10), default=PaymentStatus.CONFIRMED.value)
    unique_code: Mapped[int] = mapped_column(default=0)
    bank_account_id: Mapped[int | None] = mapped_column(ForeignKey("bank_accounts.id"))
    statement_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))  # local drawer only
    confirmed_at: Mapped[datetime | None]


class KasbonOpen(Base):
    """A credit sale not yet fully paid, with its unpaid rest: kept by triggers on
    ``credit_entries`` (migration 0013), the customer's allocation redone on every change of
    one of their lines, so "who owes what since when" is read without the whole ledger."""

    __tablename__ = "kasbon_open"
    __table_args__ = {"sqlite_with_rowid": False}

    customer_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    entry_id: Mapped[int] = mapped_column(primary_key=True)  # the credit sale (credit_entries.id)
    created_at: Mapped[datetime]
    unpaid: Mapped[int]


class Preorder(_Synced, Base):
    """A pre-order (pesanan) for later pickup or delivery, with or without a DP."""

    __tablename__ = "preorders"
    __table_args__ = (Index("ix_preorders_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # PO-K1-20261130-0001
    customer_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    customer_name: Mapped[str] = mapped_column(String(120), default="")
    customer_phone: Mapped[str] = mapped_column(String(20), default="")
    due_at: Mapped[datetime]
    delivery: Mapped[bool] = mapped_column(default=False)  # delivered, not picked up
    address: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default=PreorderStatus.OPEN.value)
    total: Mapped[int] = mapped_column(default=0)
    dp_kept: Mapped[int] = mapped_column(default=0)  # a cancelled order's DP kept by the shop
    order_uuid: Mapped[str | None] = mapped_column(String(36))  # the sale at pickup
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PreorderLine(_Synced, Base):
    """One item of a pre-order: a product (by uuid, for every device) or made to order."""

    __tablename__ = "preorder_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    preorder_uuid: Mapped[str] = mapped_column(String(36), index=True)
    position: Mapped[int] = mapped_column(default=0)
    product_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(160))
    unit: Mapped[str] = mapped_column(String(12), default="pcs")
    qty: Mapped[Decimal]
    unit_price: Mapped[int]
    reserved: Mapped[bool] = mapped_column(default=False)  # taken from stock, kept aside
    note: Mapped[str] = mapped_column(String(300), default="")  # ukuran, tulisan di kue…


class PreorderPayment(_Synced, Base):
    """A DP taken (or refunded) for a pre-order; the rest is paid in the sale at pickup."""

    __tablename__ = "preorder_payments"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    preorder_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(10), default=PreorderPaymentKind.DEPOSIT.value)
    method: Mapped[str] = mapped_column(String(10))  # PaymentMethod
    amount: Mapped[int]
    status: Mapped[str] = mapped_column(String(10), default=PaymentStatus.CONFIRMED.value)
    unique_code: Mapped[int] = mapped_column(default=0)
    reference: Mapped[str] = mapped_column(String(120), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))


class CashMovement(_Synced, Base):
    """Money put into (kas masuk) or taken out of (kas keluar) the drawer, with its reason."""

    __tablename__ = "cash_movements"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_cash_movements_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(4))  # CashDirection
    category: Mapped[str] = mapped_column(String(20))  # CashCategory
    amount: Mapped[int]
    note: Mapped[str] = mapped_column(String(300), default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # the nota
    purchase_uuid: Mapped[str | None] = mapped_column(String(36))  # paid a supplier
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)


class Supplier(_Synced, Base):
    """Who the shop buys from."""

    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Purchase(_Synced, Base):
    """Goods bought from (or returned to) a supplier; an ``ordered`` one is a purchase order."""

    __tablename__ = "purchases"
    __table_args__ = (Index("ix_purchases_supplier", "supplier_uuid", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # PB-K1-20261130-0001
    kind: Mapped[str] = mapped_column(String(10), default=PurchaseKind.PURCHASE.value)
    supplier_uuid: Mapped[str | None] = mapped_column(String(36))
    invoice_no: Mapped[str] = mapped_column(String(60), default="")
    invoice_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=PurchaseStatus.RECEIVED.value)
    total: Mapped[int] = mapped_column(default=0)  # of what was received (returns: given back)
    note: Mapped[str] = mapped_column(Text, default="")
    return_of: Mapped[str | None] = mapped_column(String(36))  # the purchase a return is from
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PurchaseLine(_Synced, Base):
    """One product of a purchase: ordered, received so far (base units), at what unit cost, and
    the pack it was bought in."""

    __tablename__ = "purchase_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    purchase_uuid: Mapped[str] = mapped_column(String(36), index=True)
    position: Mapped[int] = mapped_column(default=0)
    product_uuid: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(160))
    unit: Mapped[str] = mapped_column(String(12), default="pcs")
    qty_ordered: Mapped[Decimal] = mapped_column(default=Decimal(0))
    qty_received: Mapped[Decimal] = mapped_column(default=Decimal(0))
    unit_cost: Mapped[int] = mapped_column(default=0)  # per base unit (stock value, HPP)
    # the pack it was bought in: ``pack_factor`` base units at ``pack_cost`` each (NULL: none);
    # the line's money is then qty ÷ factor × pack_cost (app.pack_units.purchase_line_amount)
    pack_name: Mapped[str] = mapped_column(String(20), default="", server_default="")
    pack_factor: Mapped[Decimal] = mapped_column(default=Decimal(1), server_default="1000")
    pack_cost: Mapped[int | None] = mapped_column(default=None)


class SupplierPayment(_Synced, Base):
    """Money paid to a supplier (from the drawer or the bank), for a purchase or on account."""

    __tablename__ = "supplier_payments"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    purchase_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    source: Mapped[str] = mapped_column(String(10))  # MoneySource
    amount: Mapped[int]
    note: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))
