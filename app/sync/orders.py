"""The seller's actions on PEKEN online orders, each with its outbox op in the same
transaction: accept (the stock stays reserved), reject with a reason, confirm the
payment (by hand or by statement match), fulfil (a sale movement). Plus the oversell
check and the pick ticket.

Local statuses of an online order: ``placed`` (new, waiting for the seller), ``pending``
(accepted, awaiting the buyer's transfer — the payment screens match it like any open
transfer), ``paid``, ``fulfilled``, or ``rejected`` / ``cancelled`` / ``expired``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, outbox, settings
from app.clock import local, now_utc
from app.errors import ConflictError, NotFoundError, ValidationError
from app.inventory import record_movement
from app.labels_i18n import status_label
from app.money import format_qty, format_rupiah, quantize_qty
from app.order_queries import line_qty_text
from app.sync.apply import OPEN_ONLINE
from contract.enums import ChannelKind, MovementKind, OrderStatus, PaymentStatus
from contract.sync import OrderRef, OrderReject, PaymentConfirm, build
from models import Order, OrderLine, Product

FULFIL_NAMESPACE = uuid.UUID("6f1c7f0e-8a53-4e43-9b1e-5e6b0a1d2c3f")


@dataclass(frozen=True)
class OversellNotice:
    """A product whose online availability went below zero (counter and online overlapped)."""

    product_id: int
    name: str
    on_hand: Decimal
    reserved: Decimal
    buffer: Decimal
    available: Decimal

    @property
    def message(self) -> str:
        """The Indonesian notice for the seller."""
        return (f"Stok '{self.name}' kurang untuk pesanan online: ada {format_qty(self.on_hand)}, "
                f"dipesan online {format_qty(self.reserved)}. Tambah stok atau tolak pesanan.")


@dataclass(frozen=True)
class OnlineOrderView:
    """An online order as the Pesanan online list shows it."""

    id: int
    number: str
    remote_id: str
    status: str
    status_label: str
    buyer_name: str
    buyer_phone: str
    total: int
    amount_due: int
    method: str
    created_at: datetime
    lines: int


def online_order(session: Session, order_id: int) -> Order:
    """The online order ``order_id`` or :class:`NotFoundError`."""
    order = session.get(Order, order_id)
    if order is None or order.source != ChannelKind.ONLINE or not order.remote_id:
        raise NotFoundError("Pesanan online #{order_id} tidak ditemukan.", order_id=order_id)
    return order


def _require(order: Order, allowed: tuple[str, ...], action: str) -> None:
    if order.status not in allowed:
        label = status_label(order.status)
        raise ConflictError("Pesanan {number} berstatus '{label}', tidak bisa {action}.",
                            number=order.number, label=label, action=action)


def reserved_by_product(session: Session) -> dict[int, Decimal]:
    """Base units held by open online orders (placed, accepted or paid, not yet fulfilled):
    a line of "2 dus" of 40 holds 80 pcs."""
    rows = session.execute(
        select(OrderLine.product_id, OrderLine.qty, OrderLine.pack_factor)
        .join(Order, OrderLine.order_id == Order.id)
        .where(Order.source == ChannelKind.ONLINE, Order.status.in_(OPEN_ONLINE)))
    held: dict[int, Decimal] = {}
    for pid, qty, factor in rows:
        held[int(pid)] = held.get(int(pid), Decimal(0)) + base_qty(qty, factor)
    return held


def base_qty(qty: Decimal, pack_factor: Decimal | None) -> Decimal:
    """A line's quantity in the product's base unit (``qty`` packs × ``pack_factor``)."""
    return quantize_qty(Decimal(qty or 0) * Decimal(pack_factor or 1))


def oversell_notices(session: Session) -> list[OversellNotice]:
    """Products where on-hand − reserved online − safety buffer < 0."""
    reserved = reserved_by_product(session)
    if not reserved:
        return []
    buffer = Decimal(int(settings.get(session, "peken.safety_buffer")))
    notices = []
    for product in session.scalars(select(Product).where(Product.id.in_(reserved))
                                   .order_by(Product.name)):
        held = reserved[product.id].quantize(Decimal("0.001"))
        available = product.on_hand - held - buffer
        if available < 0:
            notices.append(OversellNotice(product.id, product.name, product.on_hand, held,
                                          buffer, available))
    return notices


def accept(session: Session, order_id: int, user_id: int | None = None) -> list[OversellNotice]:
    """Accept a new order (its stock stays reserved); returns oversell notices, if any."""
    order = online_order(session, order_id)
    _require(order, (OrderStatus.PLACED,), "diterima")
    order.status = OrderStatus.PENDING
    outbox.enqueue(session, "order.accept", build(OrderRef, order_id=order.remote_id))
    audit.record(session, "online.accept", user_id, None, order=order.number)
    return oversell_notices(session)


def reject(session: Session, order_id: int, reason: str, user_id: int | None = None) -> None:
    """Refuse an unpaid order with a reason the buyer sees; the reservation ends."""
    text = " ".join(reason.split())
    if not text:
        raise ValidationError("Tulis alasan penolakan untuk pembeli.", field="reason")
    order = online_order(session, order_id)
    _require(order, (OrderStatus.PLACED, OrderStatus.PENDING), "ditolak")
    order.status, order.reason = OrderStatus.REJECTED, text[:300]
    for payment in order.payments:
        if payment.status == PaymentStatus.PENDING:
            payment.status = PaymentStatus.VOID
    outbox.enqueue(session, "order.reject",
                   build(OrderReject, order_id=order.remote_id, reason=text[:300]))
    audit.record(session, "online.reject", user_id, None, order=order.number, reason=text)


def queue_confirmation(session: Session, order: Order, amount: int, reference: str,
                       when: datetime | None = None) -> bool:
    """Queue ``order.confirm_payment`` for an online order that just became paid.

    Called by the payment service after every confirmation (by hand or by statement);
    does nothing for counter orders. Returns whether an op was queued.
    """
    if order.source != ChannelKind.ONLINE or not order.remote_id or order.status != OrderStatus.PAID:
        return False
    clean = " ".join("".join(ch if ch.isprintable() else " " for ch in reference).split())
    outbox.enqueue(session, "order.confirm_payment", build(
        PaymentConfirm, order_id=order.remote_id, amount=int(amount),
        reference=clean[:100] or f"Konfirmasi {order.number}", confirmed_at=when or now_utc()))
    return True


def fulfil_movement_uuid(remote_id: str, line_position: int) -> str:
    """The same movement UUID on every device, so fulfilling twice counts once."""
    return str(uuid.uuid5(FULFIL_NAMESPACE, f"{remote_id}:{line_position}"))


def fulfil(session: Session, order_id: int, user_id: int | None = None) -> None:
    """The goods left with the buyer: a sale movement per line, then ``order.fulfil``."""
    order = online_order(session, order_id)
    _require(order, (OrderStatus.PAID,), "diselesaikan (belum lunas?)")
    when = now_utc()
    for line in order.lines:
        record_movement(session, line.product_id, MovementKind.ONLINE,
                        -base_qty(line.qty, line.pack_factor), order_id=order.id,
                        device=order.device, created_at=when, user_id=user_id,
                        movement_uuid=fulfil_movement_uuid(str(order.remote_id), line.position))
    order.status = OrderStatus.FULFILLED
    outbox.enqueue(session, "order.fulfil", build(OrderRef, order_id=order.remote_id))
    audit.record(session, "online.fulfil", user_id, None, order=order.number)


def list_online(session: Session, statuses: tuple[str, ...] | None = None,
                limit: int = 500) -> list[OnlineOrderView]:
    """Online orders, newest first (optionally only some statuses)."""
    query = select(Order).where(Order.source == ChannelKind.ONLINE, Order.remote_id.is_not(None))
    if statuses:
        query = query.where(Order.status.in_(statuses))
    views = []
    for order in session.scalars(query.order_by(Order.created_at.desc()).limit(limit)):
        payment = order.payments[0] if order.payments else None
        due = order.total + (payment.unique_code if payment else 0)
        views.append(OnlineOrderView(
            order.id, order.number, str(order.remote_id), order.status,
            status_label(order.status), order.buyer_name, order.buyer_phone,
            order.total, due, payment.method if payment else "", order.created_at,
            len(order.lines)))
    return views


def new_order_count(session: Session) -> int:
    """Online orders waiting for the seller's decision (the badge)."""
    return int(session.scalar(select(func.count()).select_from(Order).where(
        Order.source == ChannelKind.ONLINE, Order.status == OrderStatus.PLACED)) or 0)


def pick_ticket(session: Session, order_id: int, width: int = 32) -> str:
    """A plain-text pick list for packing the order (fits a 58 mm roll at 32 columns)."""
    order = online_order(session, order_id)
    rule = "-" * width
    out = ["PESANAN ONLINE PEKEN".center(width), order.number.center(width), rule,
           f"Pembeli: {order.buyer_name}"[:width], f"HP: {order.buyer_phone}"[:width],
           f"Waktu: {local(order.created_at):%d/%m/%Y %H:%M}"[:width],
           f"Status: {status_label(order.status)}"[:width], rule]
    for line in order.lines:
        sku = session.scalar(select(Product.sku).where(Product.id == line.product_id)) or ""
        qty = line_qty_text(line.qty, line.unit, line.pack_name, line.pack_factor)
        out.append(f"[ ] {line.name}"[:width])
        out.append(f"    {sku}".ljust(width - len(qty))[: width - len(qty)] + qty)
        if line.price_note:
            out.append(f"    {line.price_note}"[:width])
    out += [rule, f"Total: {format_rupiah(order.total)}".rjust(width), ""]
    return "\n".join(out)
