"""What a buyer tells the seller about an online order, as the order's note on this device.

The note of an online order (shown as "Catatan" on its detail) holds, one per line: the buyer's
NIP (ASN), pickup or delivery with the address, the buyer's note, and — once the buyer pressed
"Saya sudah transfer" on the order page — when she says she paid (an ``order.buyer_paid``
change; only the seller's statement import or her own confirmation makes the order paid).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import local
from models import Order

NOTE_LIMIT = 2000


def order_note(payload: dict[str, Any]) -> str:
    """The note of a new online order from its ``order.placed`` payload.

    An order for pickup without a note keeps the plain NIP (as before delivery existed).
    """
    parts = [str(payload.get("nip") or "")]
    if payload.get("fulfilment") == "antar":
        parts.append(f"Diantar ke: {str(payload.get('address') or '')[:300]}")
    if payload.get("note"):
        parts.append(f"Catatan pembeli: {str(payload['note'])[:300]}")
    return "\n".join(p for p in parts if p)[:NOTE_LIMIT]


def _moment(text: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def apply_buyer_paid(session: Session, payload: dict[str, Any]) -> bool:
    """Add "Pembeli sudah transfer (time)" to the order's note once; False if unknown."""
    order = session.scalar(select(Order).where(Order.remote_id == str(payload.get("order_id"))))
    if order is None:
        return False
    moment = _moment(payload.get("at"))
    line = "Pembeli menyatakan sudah transfer" + (
        f" ({local(moment):%d/%m %H:%M})" if moment else "") + "."
    if "Pembeli menyatakan sudah transfer" not in (order.note or ""):
        order.note = "\n".join(p for p in (order.note, line) if p)[:NOTE_LIMIT]
    return True
