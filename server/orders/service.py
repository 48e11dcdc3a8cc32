"""Placing, showing, cancelling and moving online orders."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contract.datetimes import month_key
from contract.quantity import milli_text
from server.changelog import ChangeWriter
from server.models import Listing, Order, Seller, SellerTurnover, utcnow
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
        "lines": [
            {
                "product_uuid": line.listing_uuid,
                "name": line.name,
                "unit": line.unit,
                "price": line.price,
                "qty": milli_text(line.qty_milli),
                "line_total": line.line_total,
            }
            for line in order.lines
        ],
    }


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
