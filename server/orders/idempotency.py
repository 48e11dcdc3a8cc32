"""Idempotent order placement: the ``Idempotency-Key`` header of ``POST /api/v1/orders``.

A buyer's app that times out sends the same order again with the same key; the
server answers with the order made the first time (no second order, no second
reservation). Only a SHA-256 digest of the key is stored, next to a digest of the
request body: the same key with a different body is refused. The buyer secret of
a keyed order is derived from the key, so the replay can hand it out again
without the server keeping it — the key is therefore as secret as the buyer
secret, and must be long and random (a UUID4 is ideal).
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.errors import ApiError
from server.models import Base, Order, UTCDateTime, utcnow
from server.orders.schemas import OrderIn
from server.security import hash_secret

KEY_PATTERN = r"^[A-Za-z0-9_\-]{22,100}$"


class OrderKey(Base):
    """The idempotency key (digest) under which an order was placed."""

    __tablename__ = "order_keys"
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def request_digest(body: OrderIn) -> str:
    """A digest of the order request (what must match on a replay)."""
    return hashlib.sha256(body.model_dump_json().encode("utf-8")).hexdigest()


def secret_for(key: str) -> str:
    """The buyer secret of the order placed under ``key`` (43 URL-safe characters)."""
    digest = hashlib.sha256(b"peken-order-secret\x00" + key.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def known_order(session: Session, key: str, body: OrderIn) -> Order | None:
    """The order already placed under ``key`` (None when new); 422 if the body differs."""
    entry = session.get(OrderKey, hash_secret(key))
    if entry is None:
        return None
    if entry.request_hash != request_digest(body):
        raise ApiError(422, "idempotency_key_reused",
                       "Idempotency-Key ini sudah dipakai untuk pesanan lain.",
                       field="Idempotency-Key")
    return session.scalar(select(Order).where(Order.id == entry.order_id))


def remember(session: Session, key: str, body: OrderIn, order: Order) -> None:
    """Record that ``order`` was placed under ``key``."""
    session.add(OrderKey(key_hash=hash_secret(key), order_id=order.id,
                         request_hash=request_digest(body)))
