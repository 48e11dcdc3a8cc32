"""Listing moderation by the city: hide a listing with a reason, show it again.

A hidden listing leaves the catalog, the storefront and new orders at once
(``server.catalog.search.visible``); the shop's devices learn it, with the reason, from a
``listing.moderation`` change ``{product_uuid, hidden, reason}`` in the shop's change log.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.changelog import open_log
from server.errors import invalid, not_found
from server.models import Listing

MODERATION = "listing.moderation"


def _listing(session: Session, listing_uuid: str) -> Listing:
    listing = session.scalar(select(Listing).where(Listing.uuid == listing_uuid.lower()))
    if listing is None:
        raise not_found("listing_not_found", "Produk ini tidak ditemukan.")
    return listing


def hide(session: Session, listing_uuid: str, reason: str) -> Listing:
    """Hide a listing from buyers; the seller's app is told why."""
    text = " ".join(reason.split())
    if not 5 <= len(text) <= 300 or not text.isprintable():
        raise invalid("invalid_reason", "Tulis alasan 5–300 karakter untuk penjual.", "alasan")
    listing = _listing(session, listing_uuid)
    log = open_log(session, listing.seller_id)
    if listing.hidden_reason != text:
        listing.hidden_reason = text
        log.append(MODERATION, {"product_uuid": listing.uuid, "hidden": True, "reason": text},
                   None)
    return listing


def show(session: Session, listing_uuid: str) -> Listing:
    """Show a hidden listing again (the seller's app is told)."""
    listing = _listing(session, listing_uuid)
    log = open_log(session, listing.seller_id)
    if listing.hidden_reason is not None:
        listing.hidden_reason = None
        log.append(MODERATION, {"product_uuid": listing.uuid, "hidden": False, "reason": None},
                   None)
    return listing
