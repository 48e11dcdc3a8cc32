"""The buyer's "Saya sudah transfer": tells the seller's devices an unpaid order was paid.

It changes nothing about the order's state (only the seller confirms a payment, from her
statement): the server notes the moment and appends an ``order.buyer_paid`` change
``{order_id, at}`` to the shop's change log, which the desktop app shows on the order's detail.
Pressing it again adds nothing.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from server.changelog import open_log
from server.errors import ApiError
from server.models import Order, utcnow
from server.orders import placement, states
from server.web.orders import OrderId, Secret, buyer_action

router = APIRouter(include_in_schema=False)

BUYER_PAID = "order.buyer_paid"


def tell_seller_paid(session: Session, order_id: str, secret: str) -> Order:
    """Note that the buyer says she paid (once) and log it for the shop's devices.

    Raises the order API's 404 for a wrong link and 409 ``illegal_transition`` when the order
    no longer waits for payment.
    """
    order = placement.buyer_order(session, order_id, secret)
    log = open_log(session, order.seller_id)  # the shop's lock: one change, in seq order
    session.refresh(order)
    if order.status not in states.UNPAID or order.expires_at <= utcnow():
        raise ApiError(409, "illegal_transition", "Pesanan ini tidak sedang menunggu pembayaran.")
    if order.buyer_paid_at is None:
        order.buyer_paid_at = utcnow()
        log.append(BUYER_PAID, {"order_id": order.id,
                                "at": order.buyer_paid_at.isoformat()}, None)
    return order


@router.post("/pesanan/{order_id}/{secret}/sudah-transfer")
def buyer_paid(request: Request, order_id: OrderId, secret: Secret) -> Response:
    """The button "Saya sudah transfer", then back to the status page."""
    return buyer_action(request, order_id, secret, "Tidak bisa dikirim",
                        lambda session: tell_seller_paid(session, order_id, secret))
