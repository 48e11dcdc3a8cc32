"""Packs, wholesale tiers, variants and promotions between the shop's own devices: sharing.

Every writer (:mod:`app.packs`, :mod:`app.variants`, :mod:`app.promotions`) calls a ``share_*``
function right after its change, in the same transaction: it stamps the record with this
device's hybrid logical clock and queues one ``pricing.record`` op (:mod:`contract.pricing`)
carrying the whole record. The server relays it into the shop's change log; every device
(this one too) pulls it back and :mod:`app.sync.pricing_apply` merges it, last writer wins per
record. References travel as uuids (a pack's product, a tier's pack, a variant's parent, a
promotion's products) and categories and channels by name, never as local ids.

Records, and where their stamp is kept:

* a pack (``product_packs.stamp``); deleting a pack is archiving it, and the archived state
  travels (its tier table is shared with it: archiving drops the pack's tiers);
* a product's tier table (``products.tiers_stamp``): one record for the whole table;
* a product's variant fields (``products.variant_stamp``);
* a promotion (``promotions.stamp``); a deletion travels as ``deleted`` and leaves a tombstone.

Rows written before migration 0016 (stamp NULL) are shared once by :func:`share_unshared`.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app import outbox
from app.sync import hlc, state
from contract.pricing import RECORD, PricingRecordPayload
from contract.sync import build
from models import Barcode, Category, PriceTier, Product, ProductPack, Promotion, PromotionItem, SalesChannel
from models.pricing import PricingTombstone

SHARED_KEY = "pricing_shared"
"""``sync_state`` flag: the rows from before migration 0016 were shared once."""


def qty_text(value: object) -> str:
    """A quantity as the contract's decimal text (``"40"``, ``"0.25"``)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def _queue(session: Session, record: str, key: str, stamp: str, fields: dict[str, Any]) -> None:
    payload = build(PricingRecordPayload, record=record, uuid=key, stamp=stamp, fields=fields)
    outbox.enqueue(session, RECORD, payload)


def pack_fields(session: Session, pack: ProductPack) -> dict[str, Any]:
    """A pack's synced fields (its product by uuid, its barcodes)."""
    product_uuid = session.scalar(select(Product.uuid).where(Product.id == pack.product_id))
    codes = list(session.scalars(select(Barcode.code).where(Barcode.pack_id == pack.id)
                                 .order_by(Barcode.id)))
    return {"product_uuid": product_uuid, "name": pack.name, "factor": qty_text(pack.factor),
            "price": int(pack.price), "barcodes": [] if pack.archived else codes,
            "archived": bool(pack.archived)}


def share_pack(session: Session, pack_id: int) -> None:
    """Queue a pack after it was added, edited, archived or restored (in the writer's
    transaction). An archived pack's tier table goes with it (archiving dropped its tiers)."""
    session.flush()
    pack = session.get(ProductPack, pack_id)
    if pack is None:
        return
    pack.stamp = hlc.tick(session)
    _queue(session, "pack", pack.uuid, pack.stamp, pack_fields(session, pack))
    if pack.archived:
        share_tiers(session, pack.product_id)


def tier_fields(session: Session, product_id: int) -> dict[str, Any]:
    """A product's whole tier table, its packs by uuid."""
    packs = dict(session.execute(select(ProductPack.id, ProductPack.uuid)
                                 .where(ProductPack.product_id == product_id)).all())
    rows = session.scalars(select(PriceTier).where(PriceTier.product_id == product_id)
                           .order_by(PriceTier.pack_id, PriceTier.group_name, PriceTier.min_qty))
    return {"tiers": [{"pack_uuid": packs.get(t.pack_id) if t.pack_id is not None else None,
                       "group": t.group_name, "min_qty": qty_text(t.min_qty), "price": int(t.price)}
                      for t in rows if t.pack_id is None or t.pack_id in packs]}


def share_tiers(session: Session, product_id: int) -> None:
    """Queue a product's tier table after it was set (in the writer's transaction)."""
    session.flush()
    product = session.get(Product, product_id)
    if product is None:
        return
    product.tiers_stamp = hlc.tick(session)
    _queue(session, "tiers", product.uuid, product.tiers_stamp, tier_fields(session, product_id))


def variant_fields(session: Session, product: Product) -> dict[str, Any]:
    """A product's variant fields: option names (a parent), parent uuid and values (a variant)."""
    parent = None
    if product.parent_id is not None:
        parent = session.scalar(select(Product.uuid).where(Product.id == product.parent_id))
    return {"parent_uuid": parent,
            "option_names": list(json.loads(product.option_names)) if product.option_names else [],
            "options": dict(json.loads(product.options)) if product.options else {}}


def share_variant(session: Session, product_id: int) -> None:
    """Queue a product's variant fields after they changed (in the writer's transaction)."""
    session.flush()
    product = session.get(Product, product_id)
    if product is None:
        return
    product.variant_stamp = hlc.tick(session)
    _queue(session, "variant", product.uuid, product.variant_stamp,
           variant_fields(session, product))


def promotion_fields(session: Session, promo: Promotion) -> dict[str, Any]:
    """A promotion's synced fields: products by uuid, categories and the channel by name."""
    items = []
    for item in session.scalars(select(PromotionItem).where(PromotionItem.promotion_id == promo.id)
                                .order_by(PromotionItem.id)):
        entry: dict[str, Any] = {"qty": qty_text(item.qty)}
        if item.product_id is not None:
            entry["product_uuid"] = session.scalar(select(Product.uuid)
                                                   .where(Product.id == item.product_id))
        else:
            entry["category"] = session.scalar(select(Category.name)
                                               .where(Category.id == item.category_id))
        items.append(entry)
    channel = session.get(SalesChannel, promo.channel_id) if promo.channel_id else None
    return {
        "name": promo.name, "kind": promo.kind, "active": bool(promo.active),
        "buy_qty": qty_text(promo.buy_qty), "free_qty": qty_text(promo.free_qty),
        "bundle_price": int(promo.bundle_price), "percent": qty_text(promo.percent),
        "amount": int(promo.amount),
        "starts_on": promo.starts_on.isoformat() if promo.starts_on else None,
        "ends_on": promo.ends_on.isoformat() if promo.ends_on else None,
        "weekdays": promo.weekdays, "from_minute": promo.from_minute,
        "to_minute": promo.to_minute, "channel": channel.name if channel else "",
        "channel_kind": channel.kind if channel else "event", "stackable": bool(promo.stackable),
        "priority": int(promo.priority), "items": items,
    }


def share_promotion(session: Session, promo: Promotion) -> None:
    """Queue a promotion after it was created, edited or switched (in the writer's
    transaction)."""
    session.flush()
    promo.stamp = hlc.tick(session)
    _queue(session, "promotion", promo.uuid, promo.stamp, promotion_fields(session, promo))


def share_promotion_deleted(session: Session, promo: Promotion) -> None:
    """Queue a promotion's deletion; call it just BEFORE the row is deleted."""
    session.flush()
    stamp = hlc.tick(session)
    keep_tombstone(session, "promotion", promo.uuid, stamp)
    _queue(session, "promotion", promo.uuid, stamp,
           promotion_fields(session, promo) | {"deleted": True})


def keep_tombstone(session: Session, record: str, key: str, stamp: str) -> None:
    """Remember that the record ``key`` was deleted at ``stamp`` (a newer stamp wins)."""
    stmt = insert(PricingTombstone).values(record=record, uuid=key, stamp=stamp)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["record", "uuid"], set_={"stamp": func.max(stmt.excluded.stamp,
                                                                  PricingTombstone.stamp)}))


def share_unshared(session: Session) -> int:
    """Share, once per shop file, the pricing rows written before they were synced (stamp
    NULL); how many records were queued."""
    if state.get(session, SHARED_KEY):
        return 0
    count = 0
    for pack_id in session.scalars(select(ProductPack.id).where(ProductPack.stamp.is_(None))).all():
        share_pack(session, pack_id)
        count += 1
    tiered = select(PriceTier.product_id).distinct()
    for pid in session.scalars(select(Product.id).where(Product.tiers_stamp.is_(None),
                                                        Product.id.in_(tiered))).all():
        share_tiers(session, pid)
        count += 1
    variant = or_(Product.parent_id.is_not(None), Product.option_names != "")
    for pid in session.scalars(select(Product.id).where(Product.variant_stamp.is_(None), variant)
                               .order_by(Product.parent_id.is_not(None), Product.id)).all():
        share_variant(session, pid)
        count += 1
    for promo in session.scalars(select(Promotion).where(Promotion.stamp.is_(None))).all():
        share_promotion(session, promo)
        count += 1
    state.put(session, SHARED_KEY, "1")
    return count
