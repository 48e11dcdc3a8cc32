"""Placing, showing, cancelling and moving online orders."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contract.datetimes import month_key
from contract.quantity import milli_text
from server.changelog import ChangeWriter
from server.models import Listing, Order, OrderLine, Seller, SellerTurnover, utcnow
from server.orders import states
from server.sellers.service import turnover


def order_payload(order: Order) -> dict[str, Any]:
    """The change-log / snapshot form of an order (JSON-ready)."""
    return {
        "order_id": order.id,
        "status": order.status,
        "buyer_name": order.buyer_name,
        "phone": order.phone,
        "nip": order.nip,
        "pay_method": order.pay_method,
        "total": order.total,
        "unique_code": order.unique_code,
        "amount_due": order.amount_due,
        "created_at": order.created_at.isoformat(),
        "expires_at": order.expires_at.isoformat(),
        "fulfilment": order.fulfilment or "ambil",
        "address": order.address,
        "note": order.buyer_note,
        "lines": [line_payload(line) for line in order.lines],
    }


def line_payload(line: OrderLine) -> dict[str, Any]:
    """An order line for the shop's devices. ``qty`` is always in base units and ``price``
    per base unit (what a device that knows no packs reserves, fulfils and shows); a pack line
    adds ``pack_name``, ``pack_factor``, ``pack_qty`` and ``pack_price``, a tier-priced line
    ``price_note`` (optional fields: older devices ignore them)."""
    out: dict[str, Any] = {
        "product_uuid": line.listing_uuid, "name": line.name, "unit": line.unit,
        "price": line.price, "qty": milli_text(line.qty_milli), "line_total": line.line_total,
    }
    if line.pack_name:
        factor = line.pack_factor_milli or 1000
        out["price"] = _per_base(line.line_total, line.qty_milli)
        out.update(pack_name=line.pack_name, pack_factor=milli_text(factor),
                   pack_qty=milli_text(line.qty_milli * 1000 // factor), pack_price=line.price)
    if line.price_note:
        out["price_note"] = line.price_note
    return out


def _per_base(total: int, base_milli: int) -> int:
    """Rupiah per base unit of a line, half-up (at least 1; the total is what counts)."""
    return max(1, (2 * total * 1000 + base_milli) // (2 * base_milli)) if base_milli else total


def status_payload(order: Order) -> dict[str, Any]:
    """The change-log form of a state change."""
    return {
        "order_id": order.id,
        "status": order.status,
        "reason": order.reason,
        "paid_amount": order.paid_amount,
        "payment_reference": order.payment_reference,
        "paid_at": order.paid_at.isoformat() if order.paid_at else None,
        "updated_at": order.updated_at.isoformat(),
    }


def release(session: Session, order: Order) -> None:
    """Give the order's reserved stock back to its listings."""
    for line in order.lines:
        listing = session.get(Listing, line.listing_id)
        if listing is not None:
            listing.reserved_milli -= line.qty_milli


def apply_move(
    session: Session, log: ChangeWriter, order: Order, move: states.Move, origin: int | None
) -> int:
    """Move ``order`` (already checked legal) and log it; returns the change seq."""
    order.status = move.target
    order.updated_at = utcnow()
    if move.target not in states.RESERVING:
        release(session, order)
    return log.append("order.status", status_payload(order), origin)


def add_turnover(session: Session, order: Order, _confirmed_at: datetime | None = None) -> None:
    """Count a paid order's goods total in the seller's turnover of **this** month.

    The month is the server's receive time in shop time, never the device's confirmation
    time (kept on the order for display): a backdated confirmation cannot move turnover
    into a past month and keep the seller under this month's cap.
    """
    key = (order.seller_id, month_key(utcnow()))
    row = session.get(SellerTurnover, key)
    if row is None:
        row = SellerTurnover(seller_id=key[0], month=key[1], amount=0)
        session.add(row)
    row.amount += order.total


def expire_due(session: Session, log: ChangeWriter, now: datetime) -> None:
    """Expire the shop's unpaid orders whose time ran out."""
    due = session.scalars(
        select(Order).where(
            Order.seller_id == log.seller.id,
            Order.status.in_(states.UNPAID),
            Order.expires_at <= now,
        )
    )
    for order in list(due):
        apply_move(session, log, order, states.MOVES["expire"], None)


def is_visible(session: Session, seller: Seller, cap: int) -> bool:
    """An active seller under this month's turnover cap."""
    return seller.status == "active" and turnover(
        session, seller.id, month_key(utcnow())
    ) < cap
