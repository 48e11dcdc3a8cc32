"""A product's offer for PEKEN buyers: its packs, wholesale tiers and variants (the
``offer`` field of a ``product.edit``, :class:`contract.sync.Offer`).

Queued by :mod:`app.packs` and :mod:`app.variants` whenever these change; the server keeps it
with the listing's other fields and the storefront's product page shows it ("per dus (40 pcs)
Rp150.000", "≥12 pcs Rp3.300", a picker of the variants).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import outbox
from models import PriceTier, Product, ProductPack


def _qty(value: object) -> str:
    return f"{value:.3f}"


def offer_of(session: Session, product: Product) -> dict[str, Any]:
    """The product's offer as the contract's JSON (empty lists when it has none)."""
    packs = list(session.scalars(select(ProductPack).where(
        ProductPack.product_id == product.id, ProductPack.archived.is_(False))
        .order_by(ProductPack.factor, ProductPack.id)))
    names = {p.id: p.name for p in packs}
    tiers = session.scalars(select(PriceTier).where(PriceTier.product_id == product.id)
                            .order_by(PriceTier.pack_id, PriceTier.group_name, PriceTier.min_qty))
    offer: dict[str, Any] = {
        "packs": [{"name": p.name, "factor": _qty(p.factor), "price": int(p.price)} for p in packs],
        "tiers": [{"pack": names.get(t.pack_id, "") if t.pack_id else "", "min_qty": _qty(t.min_qty),
                   "price": int(t.price), "group": t.group_name} for t in tiers
                  if t.pack_id is None or t.pack_id in names][:20],
        "options": list(json.loads(product.option_names)) if product.option_names else [],
        "variants": [],
        "parent_uuid": None,
    }
    if product.option_names:
        rows = session.execute(select(Product.uuid, Product.options, Product.price).where(
            Product.parent_id == product.id, Product.archived.is_(False)).order_by(Product.id))
        offer["variants"] = [{"product_uuid": u, "values": list(json.loads(o).values()) if o else [],
                              "price": int(price)} for u, o, price in rows][:200]
    if product.parent_id is not None:
        offer["parent_uuid"] = session.scalar(select(Product.uuid).where(Product.id == product.parent_id))
    return offer


def queue_offer(session: Session, product_id: int) -> None:
    """Queue the product's offer for PEKEN (a ``product.edit`` of its ``offer`` field)."""
    session.flush()
    product = session.get(Product, product_id)
    if product is not None:
        outbox.queue_fields(session, product.uuid, {"offer": offer_of(session, product)})
