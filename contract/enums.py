"""The codes the shop app and the PEKEN server store, each declared once with its shown word.

Every member is a ``StrEnum`` whose value is exactly the string kept in the databases and sent
over sync (``"pending"``, ``"cash"``...), so comparing with a stored string, using it as a dict
key, binding it in SQL or writing it to JSON all behave as the plain string: no migration.
Each member carries its :class:`~contract.labels.Label` (``PaymentMethod.CASH.label("en")`` →
``"Cash"``); screens, receipts, reports, exports and the server's pages ask the member, never a
copy of the word.

One wording per concept, the one a seller already knows:

- an order whose money is not in yet is **Belum dibayar** (docs/design.md,
  "Payments straight to the seller": a counter sale "waits as
  belum dibayar"), a paid one **Lunas** (the receipt's LUNAS / BELUM LUNAS stamp is the print's
  own convention, kept byte for byte);
- a payment still waiting for the money is **Menunggu konfirmasi** (the seller confirms it);
- the seller's void is **Dibatalkan** (order and payment alike), the buyer's cancel of an online
  order **Dibatalkan pembeli**;
- a bank transfer is **Transfer bank** everywhere (pay dialog, lists, reports, exports).

Pure Python: imports nothing from ``app``, ``server``, ``models`` or ``ui``; no SQLAlchemy, no Qt.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from contract.labels import DEFAULT_LANGUAGE, Label


class Worded(StrEnum):
    """A stored code with its shown word: members are declared ``NAME = "code", Label(...)``."""

    word: Label

    def __new__(cls, value: str, word: Label | None = None) -> Any:
        """The member is the plain string ``value``; ``word`` is what a user reads.

        (``word`` has a default only so that ``PaymentMethod("cash")``, a look-up by value,
        type-checks; every member declares its word.)
        """
        member = str.__new__(cls, value)
        member._value_ = value
        member.word = word or Label(value, value)
        return member

    def label(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The shown word in ``language`` (Indonesian unless ``"en"``)."""
        return self.word.text(language)


class PaymentMethod(Worded):
    """How money came in (``payments.method``; the server's ``pay_method``)."""

    CASH = "cash", Label("Tunai", "Cash")
    TRANSFER = "transfer", Label("Transfer bank", "Bank transfer")
    QRIS = "qris", Label("QRIS", "QRIS")
    OTHER = "other", Label("Lainnya", "Other")
    KASBON = "kasbon", Label("Kasbon", "On credit")
    # A pre-order's DP, paid earlier (and counted in the drawer or bank then) and applied to
    # the sale at pickup: never cash in this shift.
    DEPOSIT = "deposit", Label("DP", "Deposit")


# Money that arrives straight on the seller's account: pending until the seller confirms it.
PENDING_METHODS = frozenset({PaymentMethod.TRANSFER, PaymentMethod.QRIS})


class PaymentStatus(Worded):
    """Whether the money of one payment is in (``payments.status``)."""

    PENDING = "pending", Label("Menunggu konfirmasi", "Awaiting confirmation")
    CONFIRMED = "confirmed", Label("Diterima", "Received")
    VOID = "void", Label("Dibatalkan", "Voided")


class OrderStatus(Worded):
    """An order in the shop app (``orders.status``), counter, event and online alike.

    An online order is ``placed`` until the seller accepts it, then ``pending`` (awaiting the
    buyer's transfer) like an unpaid counter sale.
    """

    PLACED = "placed", Label("Baru", "New")
    PENDING = "pending", Label("Belum dibayar", "Not paid yet")
    PAID = "paid", Label("Lunas", "Paid")
    VOID = "void", Label("Dibatalkan", "Voided")
    EXPIRED = "expired", Label("Kedaluwarsa", "Expired")
    REJECTED = "rejected", Label("Ditolak", "Rejected")
    FULFILLED = "fulfilled", Label("Selesai", "Completed")
    CANCELLED = "cancelled", Label("Dibatalkan pembeli", "Cancelled by buyer")


class OnlineOrderStatus(Worded):
    """A PEKEN online order on the server (``server orders.status``), in the seller's words.

    The shop app keeps ``awaiting_payment`` as :attr:`OrderStatus.PENDING`; the other codes are
    the same on both ends, and so are the words.
    """

    PLACED = "placed", OrderStatus.PLACED.word
    AWAITING_PAYMENT = "awaiting_payment", OrderStatus.PENDING.word
    PAID = "paid", OrderStatus.PAID.word
    FULFILLED = "fulfilled", OrderStatus.FULFILLED.word
    REJECTED = "rejected", OrderStatus.REJECTED.word
    CANCELLED = "cancelled", OrderStatus.CANCELLED.word
    EXPIRED = "expired", OrderStatus.EXPIRED.word


# The same states as the buyer reads them on the storefront (it is the buyer who pays, cancels
# and is refused, so the words speak to the buyer, not to the seller).
BUYER_WORDS: dict[OnlineOrderStatus, Label] = {
    OnlineOrderStatus.PLACED: Label("Menunggu pembayaran", "Awaiting payment"),
    OnlineOrderStatus.AWAITING_PAYMENT: Label("Menunggu pembayaran", "Awaiting payment"),
    OnlineOrderStatus.PAID: Label("Dibayar", "Paid"),
    OnlineOrderStatus.FULFILLED: Label("Selesai", "Completed"),
    OnlineOrderStatus.REJECTED: Label("Ditolak penjual", "Refused by the seller"),
    OnlineOrderStatus.CANCELLED: Label("Dibatalkan", "Cancelled"),
    OnlineOrderStatus.EXPIRED: Label("Kedaluwarsa", "Expired"),
}


class OrderKind(Worded):
    """A sale or the refund of one (``orders.kind``)."""

    SALE = "sale", Label("Penjualan", "Sale")
    REFUND = "refund", Label("Retur", "Refund")


class ChannelKind(Worded):
    """Where a sale happened (``sales_channels.kind`` and ``orders.source``)."""

    COUNTER = "counter", Label("Toko", "Shop")
    EVENT = "event", Label("Acara", "Event")
    ONLINE = "online", Label("PEKEN Online", "PEKEN Online")


class MovementKind(Worded):
    """Why stock moved (``stock_movements.kind``; the ``stock.movement`` sync op)."""

    SALE = "sale", Label("Penjualan", "Sale")
    REFUND = "refund", Label("Retur", "Refund")
    RECEIVE = "receive", Label("Barang masuk", "Goods received")
    ADJUST = "adjust", Label("Penyesuaian", "Adjustment")
    STOCKTAKE = "stocktake", Label("Opname", "Stocktake")
    ONLINE = "online", Label("Pesanan PEKEN", "PEKEN order")
    VOID = "void", Label("Pembatalan", "Void")
    INITIAL = "initial", Label("Stok awal", "Opening stock")
    PURCHASE = "purchase", Label("Pembelian", "Purchase")
    SUPPLIER_RETURN = "sup_return", Label("Retur ke pemasok", "Return to supplier")


class CreditKind(Worded):
    """One line of a customer's kasbon (``credit_entries.kind``): what it does to the balance."""

    SALE = "sale", Label("Belanja kasbon", "Credit sale")
    PAYMENT = "payment", Label("Pembayaran kasbon", "Credit payment")
    REFUND = "refund", Label("Retur kasbon", "Credit refund")
    ADJUST = "adjust", Label("Koreksi", "Correction")


class PreorderStatus(Worded):
    """A pre-order (``preorders.status``): taken with or without a DP, then picked up."""

    OPEN = "open", Label("Dipesan", "Ordered")
    READY = "ready", Label("Siap diambil", "Ready")
    PICKED_UP = "picked_up", Label("Sudah diambil", "Picked up")
    CANCELLED = "cancelled", Label("Dibatalkan", "Cancelled")


class PreorderPaymentKind(Worded):
    """Money of a pre-order (``preorder_payments.kind``)."""

    DEPOSIT = "deposit", Label("DP", "Deposit")
    REFUND = "refund", Label("DP dikembalikan", "Deposit refunded")


class CashDirection(Worded):
    """Money put into or taken out of the drawer (``cash_movements.direction``)."""

    IN = "in", Label("Kas masuk", "Cash in")
    OUT = "out", Label("Kas keluar", "Cash out")


class CashCategory(Worded):
    """Why money went into or out of the drawer (``cash_movements.category``)."""

    GOODS = "goods", Label("Belanja barang", "Stock purchase")
    ELECTRICITY = "electricity", Label("Listrik & air", "Electricity & water")
    WAGES = "wages", Label("Gaji", "Wages")
    TRANSPORT = "transport", Label("Transport", "Transport")
    RENT = "rent", Label("Sewa", "Rent")
    SUPPLIES = "supplies", Label("Perlengkapan", "Supplies")
    DRAWINGS = "drawings", Label("Prive", "Owner's drawings")
    BANK_DEPOSIT = "bank_deposit", Label("Setoran bank", "Bank deposit")
    CAPITAL = "capital", Label("Tambah modal", "Capital added")
    SUPPLIER = "supplier", Label("Bayar pemasok", "Supplier payment")
    OTHER = "other", Label("Lain-lain", "Other")


class PurchaseKind(Worded):
    """A purchase from a supplier or a return to one (``purchases.kind``)."""

    PURCHASE = "purchase", Label("Pembelian", "Purchase")
    RETURN = "return", Label("Retur ke pemasok", "Return to supplier")


class PurchaseStatus(Worded):
    """Where a purchase stands (``purchases.status``)."""

    ORDERED = "ordered", Label("Dipesan", "Ordered")
    PARTIAL = "partial", Label("Diterima sebagian", "Partly received")
    RECEIVED = "received", Label("Diterima", "Received")
    CANCELLED = "cancelled", Label("Dibatalkan", "Cancelled")


class MoneySource(Worded):
    """Where money for a supplier or a refund came from (``supplier_payments.source``)."""

    DRAWER = "drawer", Label("Laci kas", "Cash drawer")
    BANK = "bank", Label("Rekening bank", "Bank account")


class PromoKind(Worded):
    """A promotion's rule (``promotions.kind``)."""

    BUY_GET = "buy_get", Label("Beli X gratis Y", "Buy X get Y")
    BUNDLE = "bundle", Label("Harga paket", "Bundle price")
    PERCENT = "percent", Label("Diskon persen", "Percent off")
    AMOUNT = "amount", Label("Potongan rupiah", "Amount off")


WORDED: tuple[type[Worded], ...] = (PaymentMethod, PaymentStatus, OrderStatus, OnlineOrderStatus,
                                    OrderKind, ChannelKind, MovementKind, CreditKind,
                                    PreorderStatus, PreorderPaymentKind, CashDirection,
                                    CashCategory, PurchaseKind, PurchaseStatus, MoneySource,
                                    PromoKind)
