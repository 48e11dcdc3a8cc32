"""After the sale: refunds that put stock back, void and expiry of pending orders,
and confirming that a transfer/QRIS payment arrived (never twice)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, kasbon
from app.clock import now_utc, shop_day
from app.errors import ConflictError, NotFoundError, StockError, ValidationError
from app.inventory import record_movement
from app.money import format_qty, format_rupiah, line_total, quantize_qty, round_rupiah
from app.payments.rounding import rule as rounding_rule
from app.sales import CheckoutResult, device_code, get_order, next_number
from contract.enums import ChannelKind, MovementKind, OrderKind, OrderStatus, PaymentMethod, PaymentStatus
from models import Order, OrderLine, Payment
from models.base import OrderId


@dataclass(frozen=True)
class RefundRequest:
    """Refund ``qty`` of the order line ``line_id``."""

    line_id: int
    qty: Decimal


def refunded_qty(session: Session, line_id: int) -> Decimal:
    """How much of an order line was already refunded (as a positive quantity)."""
    total = session.scalar(
        select(func.coalesce(func.sum(OrderLine.qty), 0)).where(OrderLine.refund_of_line_id == line_id)
    )
    return -Decimal(total or 0)


def _refunded_amount(session: Session, line_id: int) -> int:
    """Rupiah already paid back for an order line (positive)."""
    total = session.scalar(
        select(func.coalesce(func.sum(OrderLine.total), 0)).where(OrderLine.refund_of_line_id == line_id)
    )
    return -int(total or 0)


def _refund_line(session: Session, line: OrderLine, qty: Decimal) -> OrderLine:
    qty = quantize_qty(qty)
    if qty <= 0:
        raise ValidationError("Jumlah retur '{name}' harus lebih dari nol.", field="qty", name=line.name)
    left = line.qty - refunded_qty(session, line.id)
    if qty > left:
        raise StockError(
            "Retur '{name}' {qty} melebihi yang terjual (sisa yang bisa diretur {left}).", name=line.name,
            qty=format_qty(qty), left=format_qty(left)
        )
    amount = line.total - _refunded_amount(session, line.id) if qty == left else _share(line, qty)
    return OrderLine(position=line.position, product_id=line.product_id, name=line.name,
                     unit=line.unit, qty=-qty, unit_price=line.unit_price,
                     unit_cost=line.unit_cost, discount=0, total=-amount,
                     refund_of_line_id=line.id, pack_name=line.pack_name,
                     pack_factor=line.pack_factor)


def _share(line: OrderLine, qty: Decimal) -> int:
    """The part of a discounted line's total that ``qty`` is worth."""
    if line.discount == 0:
        return line_total(qty, line.unit_price)
    return line_total(qty * line.total / line.qty, 1)


def refund_preview(session: Session, order_id: int, items: list[RefundRequest]) -> int:
    """What :func:`refund` would pay back for ``items`` (positive rupiah); writes nothing.

    Uses the same line amounts, order-discount share and "never more than was paid" rule,
    so the refund dialog shows exactly the amount that will be booked.
    """
    original = get_order(session, order_id)
    asked: dict[int, Decimal] = {}
    for item in items:
        asked[item.line_id] = asked.get(item.line_id, Decimal(0)) + quantize_qty(item.qty)
    subtotal, everything_back = 0, True
    for line in original.lines:
        done = refunded_qty(session, line.id)
        qty = min(asked.get(line.id, Decimal(0)), line.qty - done)
        everything_back = everything_back and done + qty == line.qty
        if qty > 0:
            left = line.qty - done
            subtotal -= (line.total - _refunded_amount(session, line.id) if qty == left
                         else _share(line, qty))
    if subtotal == 0:
        return 0
    return -_refund_total(session, original, subtotal, everything_back)


def _refund_total(session: Session, original: Order, subtotal: int, everything_back: bool) -> int:
    """What a refund of lines worth ``subtotal`` (negative) pays back.

    The order discount is given back in proportion, and all refunds of a sale together
    never pay back more than the buyer paid, its cash rounding included (the last one
    settles any rounding rest). Refunds are paid in cash, so a partial one is rounded by
    the shop's cash rounding (app.payments.rounding) like a cash sale.
    """
    share = 0
    if original.discount and original.subtotal:
        share = round_rupiah(Decimal(original.discount) * subtotal / original.subtotal)
    paid_back = -int(session.scalar(
        select(func.coalesce(func.sum(Order.total), 0)).where(Order.refund_of_id == original.id)
    ) or 0)
    left = original.total + original.rounding - paid_back
    if everything_back:
        return -left
    return -min(rounding_rule(session).apply(share - subtotal), left)


def refund(
    session: Session, order_id: int, items: list[RefundRequest], reason: str,
    *, user_id: int | None = None, approved_by_id: int | None = None, now: datetime | None = None,
) -> CheckoutResult:
    """Return goods of a paid sale: a refund order, cash paid back, stock put back."""
    original = get_order(session, order_id)
    if original.kind != OrderKind.SALE or original.status not in (OrderStatus.PAID, OrderStatus.FULFILLED):
        raise ValidationError("Pesanan {number} belum lunas, tidak bisa diretur.", number=original.number)
    if not reason.strip():
        raise ValidationError("Tulis alasan retur.", field="reason")
    if not items:
        raise ValidationError("Pilih barang yang diretur.")
    by_id = {line.id: line for line in original.lines}
    when = now or now_utc()
    device = device_code(session)
    number, seq = next_number(session, device, when)
    refund_order = Order(number=number, device=device, day=shop_day(when), seq=seq, kind=OrderKind.REFUND,
                         refund_of_id=original.id, channel_id=original.channel_id,
                         source=original.source, status=OrderStatus.PAID, reason=reason.strip(),
                         cashier_id=user_id, created_at=when, paid_at=when)
    session.add(refund_order)  # so each flush below counts this refund's earlier lines too
    for item in items:
        line = by_id.get(item.line_id)
        if line is None:
            raise NotFoundError("Baris #{line_id} bukan bagian dari {number}.", line_id=item.line_id,
                                number=original.number)
        refund_order.lines.append(_refund_line(session, line, item.qty))
        session.flush()
    subtotal = sum(line.total for line in refund_order.lines)
    everything_back = all(refunded_qty(session, line.id) == line.qty for line in original.lines)
    total = _refund_total(session, original, subtotal, everything_back)
    refund_order.subtotal, refund_order.discount, refund_order.total = subtotal, subtotal - total, total
    refund_order.customer_uuid = original.customer_uuid
    customer_uuid, on_kasbon = kasbon.refund_part(session, original.uuid, -total)
    for method, amount in ((PaymentMethod.KASBON, -on_kasbon), (PaymentMethod.CASH, total + on_kasbon)):
        if amount or (method == PaymentMethod.CASH and not on_kasbon):
            refund_order.payments.append(Payment(method=method, amount=amount,
                                                 status=PaymentStatus.CONFIRMED, created_at=when,
                                                 confirmed_at=when))
    session.add(refund_order)
    session.flush()
    if customer_uuid and on_kasbon:  # a kasbon sale's refund lowers the kasbon before any cash
        kasbon.record_refund(session, customer_uuid, on_kasbon, sale_order_uuid=original.uuid,
                             refund_number=number, user_id=user_id, when=when)
    for line in refund_order.lines:
        record_movement(session, line.product_id, MovementKind.REFUND,
                        -quantize_qty(line.qty * line.pack_factor), order_id=refund_order.id,
                        device=device, created_at=when, user_id=user_id)
    audit.record(session, "refund", user_id, approved_by_id, order=original.number,
                 refund=number, amount=total, reason=reason)
    return CheckoutResult(OrderId(refund_order.id), number, total, 0, OrderStatus.PAID)


def _release(session: Session, order: Order, status: str, when: datetime) -> None:
    """Move a pending order to void/expired, void its payments and return its stock."""
    if order.status != OrderStatus.PENDING:
        raise ConflictError("Pesanan {number} tidak tertunda (status: {status_name}).", number=order.number,
                            status_name=order.status)
    if any(p.status == PaymentStatus.CONFIRMED and p.method != PaymentMethod.CASH for p in order.payments):
        raise ConflictError("Pesanan {number} sudah ada pembayaran yang dikonfirmasi.", number=order.number)
    order.status = status
    for payment in order.payments:
        payment.status = PaymentStatus.VOID
    for line in order.lines:
        record_movement(session, line.product_id, MovementKind.VOID,
                        quantize_qty(line.qty * line.pack_factor), order_id=order.id,
                        device=order.device, created_at=when)


def void_pending(
    session: Session, order_id: int, reason: str, *, user_id: int | None = None,
    approved_by_id: int | None = None,
) -> None:
    """Cancel a pending (unpaid) order; its reserved stock returns."""
    if not reason.strip():
        raise ValidationError("Tulis alasan pembatalan.", field="reason")
    order = get_order(session, order_id)
    _release(session, order, OrderStatus.VOID, now_utc())
    order.reason = reason.strip()
    audit.record(session, "void", user_id, approved_by_id, order=order.number, reason=reason)


ONLINE_UNPAID = (OrderStatus.PLACED, OrderStatus.PENDING)


def expire_pending(session: Session, now: datetime | None = None) -> list[str]:
    """Expire the unpaid ONLINE reservations past their time; returns their numbers.

    Only an online order reserves goods that are still in the shop, so only it expires
    (its reservation is its status, see :func:`app.sync.orders.reserved_by_product`, so
    no stock moves; the server expires it at the same deadline). A counter or event sale
    handed its goods over: it has no ``expires_at``, is never expired here, and waits as
    "belum dibayar" until its money is confirmed, days later if need be.
    """
    when = now or now_utc()
    expired = list(session.scalars(
        select(Order).where(Order.status.in_(ONLINE_UNPAID), Order.source == ChannelKind.ONLINE,
                            Order.expires_at.is_not(None), Order.expires_at < when)
    ))
    for order in expired:
        if any(p.status == PaymentStatus.CONFIRMED for p in order.payments):
            continue
        order.status = OrderStatus.EXPIRED
        for payment in order.payments:
            payment.status = PaymentStatus.VOID
    return [o.number for o in expired if o.status == OrderStatus.EXPIRED]


def confirm_payment(
    session: Session, payment_id: int, *, received: int, reference: str = "",
    user_id: int | None = None, statement_key: str | None = None, when: datetime | None = None,
) -> Order:
    """Mark a pending transfer/QRIS payment as received; the order is paid when all are."""
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFoundError("Pembayaran #{payment_id} tidak ditemukan.", payment_id=payment_id)
    if payment.status == PaymentStatus.CONFIRMED:
        raise ConflictError("Pembayaran ini sudah dikonfirmasi sebelumnya.")
    if payment.status != PaymentStatus.PENDING:
        raise ConflictError("Pembayaran ini berstatus '{status_name}', tidak bisa dikonfirmasi.",
                            status_name=payment.status)
    due = payment.amount + payment.unique_code
    if received != due:
        raise ValidationError(
            "Uang masuk {received} tidak sama dengan tagihan {due}.", received=format_rupiah(received),
            due=format_rupiah(due)
        )
    if statement_key and session.scalar(select(Payment.id).where(Payment.statement_key == statement_key)):
        raise ConflictError("Baris mutasi ini sudah dipakai untuk konfirmasi lain.")
    moment = when or now_utc()
    payment.status, payment.confirmed_at = PaymentStatus.CONFIRMED, moment
    payment.confirmed_by_id, payment.reference = user_id, reference.strip()
    payment.statement_key = statement_key
    order = payment.order
    settled = all(p.status == PaymentStatus.CONFIRMED for p in order.payments)
    if settled and order.status == OrderStatus.PENDING:
        order.status, order.paid_at = OrderStatus.PAID, moment
    audit.record(session, "payment.confirm", user_id, None, order=order.number,
                 payment=payment.id, amount=received, reference=reference,
                 statement_key=statement_key)
    return order
