"""The open cart kept in the shop file, so a close, crash or power cut never loses it.

The sell screen writes the cart here after every change (one small upsert in its own
short transaction); the next start restores it. A sale clears it in the sale's own
transaction, holding (F8) in the hold's, so a crash right after either never brings
back a cart that was already sold or held. Also the till's entry rules and the stock
figure the sell screen checks a typed quantity against.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.cart import Cart, EntryRules
from app.clock import now_utc
from models import OpenCart, Product

log = logging.getLogger(__name__)

SLOT = "main"  # one till per shop file; a second sell window would use its own slot


def save(session: Session, cart: Cart, *, user_id: int | None = None, slot: str = SLOT) -> None:
    """Keep ``cart`` as the open cart of ``slot``; an empty cart removes it."""
    if not cart.lines:
        clear(session, slot)
        return
    row = session.get(OpenCart, slot)
    payload = cart.to_json()
    if row is None:
        session.add(OpenCart(slot=slot, payload=payload, user_id=user_id, updated_at=now_utc()))
    elif row.payload != payload:
        row.payload = payload
        row.user_id = user_id
        row.updated_at = now_utc()


def load(session: Session, slot: str = SLOT) -> Cart | None:
    """The kept cart of ``slot``, or None (nothing kept, or an unreadable payload)."""
    payload = session.scalar(select(OpenCart.payload).where(OpenCart.slot == slot))
    if payload is None:
        return None
    try:
        cart = Cart.from_json(payload)
    except (ValueError, KeyError, TypeError, ArithmeticError):
        log.exception("kept cart of slot %s is unreadable; ignored", slot)
        return None
    return cart if cart.lines else None


def clear(session: Session, slot: str = SLOT) -> None:
    """Forget the kept cart of ``slot`` (sold, held or emptied)."""
    row = session.get(OpenCart, slot)
    if row is not None:
        session.delete(row)


def entry_rules(session: Session) -> EntryRules:
    """The shop's quantity rules for the till, from its settings."""
    return EntryRules(max_qty=int(settings.get(session, "sales.max_qty")),
                      forbid_negative_stock=bool(settings.get(session, "sales.forbid_negative_stock")))


def on_hand(session: Session, product_id: int) -> Decimal:
    """The product's stock on hand now (0 for an unknown product)."""
    value = session.scalar(select(Product.on_hand).where(Product.id == product_id))
    return Decimal(value) if value is not None else Decimal(0)
