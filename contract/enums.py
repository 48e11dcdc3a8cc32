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


WORDED: tuple[type[Worded], ...] = (PaymentMethod, PaymentStatus, OrderStatus, OnlineOrderStatus,
                                    OrderKind, ChannelKind, MovementKind)
