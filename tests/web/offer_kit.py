"""Listings with an offer (packs, tiers, variants) pushed like the desktop app pushes them."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

Push = Callable[[str, dict[str, Any]], None]


def stamp() -> str:
    """An HLC stamp of now for the test device."""
    return f"{time.time_ns() // 1000:016d}-000000-tesdev"


def offer_edit(product: str, offer: dict[str, Any]) -> dict[str, Any]:
    """A ``product.edit`` of the ``offer`` field."""
    return {"product_uuid": product, "fields": {"offer": {"value": offer, "hlc": stamp()}}}


def listing(push: Push, name: str, price: int, stock: str, unit: str = "pcs") -> str:
    """A published listing with stock; its UUID."""
    product = str(uuid.uuid4())
    push("listing.upsert", {"product_uuid": product, "sku": name[:10], "name": name, "price": price,
                            "unit": unit, "category": "sembako", "published": True})
    if stock != "0":
        push("stock.movement", {"movement_uuid": str(uuid.uuid4()), "product_uuid": product,
                                "qty": stock, "kind": "receive",
                                "created_at": "2026-11-28T08:00:00+07:00"})
    return product


def publish_offers(push: Push) -> dict[str, str]:
    """Indomie with a dus and grosir tiers; a batik shirt (parent, no stock) with two variants."""
    mie = listing(push, "Indomie Goreng", 3_500, "200")
    push("product.edit", offer_edit(mie, {
        "packs": [{"name": "dus", "factor": "40.000", "price": 150_000}],
        "tiers": [{"min_qty": "12.000", "price": 3_300}, {"min_qty": "48.000", "price": 3_200}]}))
    parent = listing(push, "Kemeja Batik Parang", 150_000, "0")
    red = listing(push, "Kemeja Batik Parang — M / Merah", 150_000, "0")
    blue = listing(push, "Kemeja Batik Parang — L / Merah", 155_000, "3")
    push("product.edit", offer_edit(parent, {
        "options": ["Ukuran", "Warna"],
        "variants": [{"product_uuid": red, "values": ["M", "Merah"], "price": 150_000},
                     {"product_uuid": blue, "values": ["L", "Merah"], "price": 155_000}]}))
    for variant in (red, blue):
        push("product.edit", offer_edit(variant, {"parent_uuid": parent}))
    return {"mie": mie, "parent": parent, "m": red, "l": blue}
