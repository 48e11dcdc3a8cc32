"""Held carts (F8/F9): a booth serves several buyers at once; nothing is lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cart import Cart
from app.errors import NotFoundError, ValidationError
from models import HeldCart


@dataclass(frozen=True)
class HeldSummary:
    """A held cart as listed for resuming."""

    id: int
    label: str
    total: int
    lines: int
    created_at: datetime


def hold(session: Session, cart: Cart, label: str = "", user_id: int | None = None) -> int:
    """Put the cart aside under a label; returns its id."""
    if not cart.lines:
        raise ValidationError("Keranjang kosong tidak perlu ditahan.")
    count = len(list(session.scalars(select(HeldCart.id))))
    row = HeldCart(label=label.strip() or f"Pembeli {count + 1}", payload=cart.to_json(),
                   total=cart.total, user_id=user_id)
    session.add(row)
    session.flush()
    return row.id


def list_held(session: Session) -> list[HeldSummary]:
    """Held carts, oldest first."""
    rows = session.scalars(select(HeldCart).order_by(HeldCart.created_at, HeldCart.id))
    return [HeldSummary(r.id, r.label, r.total, len(Cart.from_json(r.payload).lines), r.created_at)
            for r in rows]


def resume(session: Session, held_id: int) -> Cart:
    """Take a held cart back (it leaves the held list)."""
    row = session.get(HeldCart, held_id)
    if row is None:
        raise NotFoundError("Keranjang yang ditahan tidak ditemukan (mungkin sudah dilanjutkan).")
    cart = Cart.from_json(row.payload)
    session.delete(row)
    return cart


def discard(session: Session, held_id: int) -> None:
    """Delete a held cart."""
    row = session.get(HeldCart, held_id)
    if row is not None:
        session.delete(row)
