"""Held carts (F8/F9): a booth serves several buyers at once; nothing is lost.

A held cart keeps its buyer too: the customer's uuid rides in the cart's JSON ``payload``
(key ``customer_uuid``, which :meth:`app.cart.Cart.from_json` ignores), so resuming it brings
back the customer's kasbon and their group's prices (:func:`take_back`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cart import Cart
from app.errors import NotFoundError, ValidationError
from models import HeldCart
from models.books import Customer


@dataclass(frozen=True)
class HeldSummary:
    """A held cart as listed for resuming."""

    id: int
    label: str
    total: int
    lines: int
    created_at: datetime


CUSTOMER_KEY = "customer_uuid"


@dataclass(frozen=True)
class Resumed:
    """A held cart taken back, with the uuid of the customer it was held for (None: none)."""

    cart: Cart
    customer_uuid: str | None


def hold(session: Session, cart: Cart, label: str = "", user_id: int | None = None,
         customer_uuid: str | None = None) -> int:
    """Put the cart aside under a label (none typed: the customer's name, else "Pembeli n"),
    for ``customer_uuid`` when the sale has a customer; returns its id."""
    if not cart.lines:
        raise ValidationError("Keranjang kosong tidak perlu ditahan.")
    count = len(list(session.scalars(select(HeldCart.id))))
    payload = cart.to_json()
    if customer_uuid:
        payload = json.dumps({**json.loads(payload), CUSTOMER_KEY: customer_uuid})
        label = label.strip() or session.scalar(
            select(Customer.name).where(Customer.uuid == customer_uuid)) or ""
    row = HeldCart(label=label.strip() or f"Pembeli {count + 1}", payload=payload,
                   total=cart.total, user_id=user_id)
    session.add(row)
    session.flush()
    return row.id


def list_held(session: Session) -> list[HeldSummary]:
    """Held carts, oldest first."""
    rows = session.scalars(select(HeldCart).order_by(HeldCart.created_at, HeldCart.id))
    return [HeldSummary(r.id, r.label, r.total, len(Cart.from_json(r.payload).lines), r.created_at)
            for r in rows]


def take_back(session: Session, held_id: int) -> Resumed:
    """Take a held cart back with its customer's uuid (it leaves the held list)."""
    row = session.get(HeldCart, held_id)
    if row is None:
        raise NotFoundError("Keranjang yang ditahan tidak ditemukan (mungkin sudah dilanjutkan).")
    cart = Cart.from_json(row.payload)
    customer = json.loads(row.payload).get(CUSTOMER_KEY)
    session.delete(row)
    return Resumed(cart, str(customer) if customer else None)


def resume(session: Session, held_id: int) -> Cart:
    """Take a held cart back (it leaves the held list); :func:`take_back` gives its customer."""
    return take_back(session, held_id).cart


def discard(session: Session, held_id: int) -> None:
    """Delete a held cart."""
    row = session.get(HeldCart, held_id)
    if row is not None:
        session.delete(row)
