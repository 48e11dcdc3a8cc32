"""The shop's PEKEN profile: what buyers see of the shop, pushed to the catalog server.

Pengaturan → Toko keeps ``peken.kecamatan``, ``peken.pickup_hours`` and
``peken.buyer_account_id`` (the bank account shown to buyers, 0 = the first); saving queues one
``shop.profile`` op (``contract.shop_profile``) with the active bank accounts and the static
QRIS, stamped with this device's clock. From the server come the profile another laptop saved
(``shop.profile``) and the city's moderation of a listing (``listing.moderation``: hidden with a
reason, or shown again), which :func:`hidden_listings` lists for the seller.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, outbox, settings, shop
from app.sync import hlc
from contract.shop_profile import KIND, ShopProfilePayload
from models import Product

MODERATION_KEY = "peken.moderation"


def profile_payload(session: Session) -> dict[str, Any]:
    """The ``shop.profile`` payload of this shop now (checked against the contract)."""
    accounts = shop.bank_accounts(session)
    chosen = int(settings.get(session, "peken.buyer_account_id"))
    shown = next((i for i, a in enumerate(accounts) if a.id == chosen), 0)
    data: dict[str, Any] = {
        "kecamatan": str(settings.get(session, "peken.kecamatan")),
        "pickup_hours": str(settings.get(session, "peken.pickup_hours")),
        "bank_accounts": [{"bank": a.bank, "number": a.number, "holder": a.holder}
                          for a in accounts[:5]] or None,
        "shown_account": shown if shown < 5 else 0,
        "qris_payload": str(settings.get(session, "qris.static_payload")) or None,
        "hlc": hlc.tick(session),
    }
    return ShopProfilePayload.model_validate(data).model_dump(mode="json")


PROFILE_KEYS = ("peken.kecamatan", "peken.pickup_hours", "peken.buyer_account_id")


def save_shop_profile(session: Session, kecamatan: str, pickup_hours: str, account_id: int,
                 *, force: bool = False) -> bool:
    """Store the profile settings; queue the profile for the server when it changed (or
    ``force``). Whether an op was queued."""
    new = (" ".join(kecamatan.split())[:60], " ".join(pickup_hours.split())[:120], int(account_id))
    old = tuple(settings.get(session, key) for key in PROFILE_KEYS)
    for key, value in zip(PROFILE_KEYS, new, strict=True):
        settings.set_value(session, key, value)
    if old == new and not force:
        return False
    outbox.enqueue(session, KIND, profile_payload(session))
    return True


def apply_profile(session: Session, payload: dict[str, Any]) -> bool:
    """A profile saved on another device of the shop (newest wins on the server)."""
    settings.set_value(session, "peken.kecamatan", str(payload.get("kecamatan") or "")[:60])
    settings.set_value(session, "peken.pickup_hours", str(payload.get("pickup_hours") or "")[:120])
    return True


@dataclass(frozen=True)
class HiddenListing:
    """A product the city hid from buyers, and why."""

    product_uuid: str
    name: str
    reason: str


def _moderation(session: Session) -> dict[str, str]:
    try:
        data = json.loads(str(settings.get(session, MODERATION_KEY)) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def apply_moderation(session: Session, payload: dict[str, Any]) -> bool:
    """Remember (or forget) the city's hiding of a listing; audited with its reason."""
    key = str(payload.get("product_uuid") or "")
    hidden = _moderation(session)
    if payload.get("hidden"):
        hidden[key] = str(payload.get("reason") or "")[:300]
    else:
        hidden.pop(key, None)
    settings.set_value(session, MODERATION_KEY, json.dumps(hidden, ensure_ascii=False))
    audit.record(session, "peken.moderation", None, None, product=key,
                 hidden=bool(payload.get("hidden")), reason=hidden.get(key, ""))
    return True


def hidden_listings(session: Session) -> list[HiddenListing]:
    """The shop's products the city hid from buyers, by name."""
    hidden = _moderation(session)
    rows = session.execute(select(Product.uuid, Product.name)
                           .where(Product.uuid.in_(list(hidden))))
    names = {str(uuid): str(name) for uuid, name in rows}
    return sorted((HiddenListing(k, names.get(k, k), v) for k, v in hidden.items()),
                  key=lambda h: h.name)


CHANGE_HANDLERS = {"shop.profile": apply_profile, "listing.moderation": apply_moderation}
