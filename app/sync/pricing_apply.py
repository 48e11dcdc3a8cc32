"""Merging a pulled ``pricing.record`` (:mod:`contract.pricing`) into the shop database.

:func:`apply_record` is called by :func:`app.sync.apply.apply_changes` for every pricing record
of the shop's change log (this device's own records come back too):

* a record unknown here is inserted (by its uuid);
* a known one takes the pulled fields only when the pulled ``stamp`` is newer than its own
  (last writer wins per record: every device ends with the edit made last whatever order the
  changes arrive in, and a re-delivered change changes nothing);
* a deleted promotion is removed and leaves a tombstone with its stamp: an older edit arriving
  afterwards is ignored, a newer one brings it back;
* references resolve by uuid: a product not here yet is made as a placeholder (the
  ``ensure`` callback, :func:`app.sync.apply.ensure_product`) that the product's own change
  fills when it arrives; a tier's pack not here yet becomes an archived placeholder pack that
  the pack's record fills.

Nothing here writes to the outbox: changes that came from the server never go back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.categories import ensure_category
from app.sync.pricing import keep_tombstone
from contract.pricing import (
    PackRecord,
    PricingRecordPayload,
    PromotionRecord,
    TiersRecord,
    VariantRecord,
)
from models import Barcode, PriceTier, Product, ProductPack, Promotion, PromotionItem, SalesChannel
from models.pricing import PricingTombstone

log = logging.getLogger(__name__)
Ensure = Callable[[str], int]
"""A product's local id from its uuid (a placeholder is made when it is not here yet)."""


def apply_record(session: Session, payload: PricingRecordPayload, ensure: Ensure) -> bool:
    """Merge one pulled record; whether it changed anything here (idempotent)."""
    typed = payload.typed()
    key, stamp = str(payload.uuid), payload.stamp
    if isinstance(typed, PackRecord):
        return _apply_pack(session, key, stamp, typed, ensure)
    if isinstance(typed, TiersRecord):
        return _apply_tiers(session, key, stamp, typed, ensure)
    if isinstance(typed, VariantRecord):
        return _apply_variant(session, key, stamp, typed, ensure)
    assert isinstance(typed, PromotionRecord)
    return _apply_promotion(session, key, stamp, typed, ensure)


def _pack_row(session: Session, key: str, product_id: int) -> ProductPack:
    """The pack with this uuid, or an archived placeholder its own record will fill."""
    pack = session.scalar(select(ProductPack).where(ProductPack.uuid == key))
    if pack is None:
        pack = ProductPack(uuid=key, product_id=product_id, name="?", factor=Decimal(2), price=1,
                           archived=True, stamp="")
        session.add(pack)
        session.flush()
    return pack


def _apply_pack(session: Session, key: str, stamp: str, rec: PackRecord, ensure: Ensure) -> bool:
    pack = session.scalar(select(ProductPack).where(ProductPack.uuid == key))
    if pack is not None and stamp <= (pack.stamp or ""):
        return False
    if pack is None:
        pack = _pack_row(session, key, ensure(str(rec.product_uuid)))
    pack.name, pack.factor, pack.price = rec.name, Decimal(rec.factor), rec.price
    pack.archived, pack.stamp = rec.archived, stamp
    _pack_codes(session, pack, [] if rec.archived else rec.barcodes)
    return True


def _pack_codes(session: Session, pack: ProductPack, codes: list[str]) -> None:
    """Make the pack's barcodes ``codes``: a code of its own product (its unit or another
    pack) moves to it, a code another product owns here stays with that product."""
    owners = dict(session.execute(select(Barcode.code, Barcode.product_id)
                                  .where(Barcode.code.in_(codes))).all())
    wanted = [c for c in codes if owners.get(c, pack.product_id) == pack.product_id]
    if len(wanted) < len(codes):
        log.warning("pack %s: %d barcode(s) belong to another product here", pack.uuid,
                    len(codes) - len(wanted))
    session.execute(delete(Barcode).where(Barcode.pack_id == pack.id, Barcode.code.not_in(wanted)))
    for row in session.scalars(select(Barcode).where(Barcode.code.in_(wanted))):
        row.pack_id = pack.id
    session.add_all(Barcode(code=c, product_id=pack.product_id, pack_id=pack.id)
                    for c in wanted if c not in owners)
    session.flush()


def _apply_tiers(session: Session, key: str, stamp: str, rec: TiersRecord, ensure: Ensure) -> bool:
    product = session.get(Product, ensure(key))
    assert product is not None
    if stamp <= (product.tiers_stamp or ""):
        return False
    rows = []
    for tier in rec.tiers:
        pack_id = None
        if tier.pack_uuid is not None:
            pack_id = _pack_row(session, str(tier.pack_uuid), product.id).id
        rows.append(PriceTier(product_id=product.id, pack_id=pack_id, group_name=tier.group,
                              min_qty=Decimal(tier.min_qty), price=tier.price))
    session.execute(delete(PriceTier).where(PriceTier.product_id == product.id))
    session.add_all(rows)
    product.tiers_stamp = stamp
    session.flush()
    return True


def _apply_variant(session: Session, key: str, stamp: str, rec: VariantRecord,
                   ensure: Ensure) -> bool:
    product = session.get(Product, ensure(key))
    assert product is not None
    if stamp <= (product.variant_stamp or ""):
        return False
    product.parent_id = ensure(str(rec.parent_uuid)) if rec.parent_uuid is not None else None
    product.option_names = json.dumps(rec.option_names, ensure_ascii=False) \
        if rec.option_names else ""
    product.options = json.dumps(rec.options, ensure_ascii=False) if rec.options else ""
    product.variant_stamp = stamp
    session.flush()
    return True


def _apply_promotion(session: Session, key: str, stamp: str, rec: PromotionRecord,
                     ensure: Ensure) -> bool:
    promo = session.scalar(select(Promotion).where(Promotion.uuid == key))
    tomb = session.scalar(select(PricingTombstone.stamp).where(
        PricingTombstone.record == "promotion", PricingTombstone.uuid == key)) or ""
    own = (promo.stamp or "") if promo is not None else ""
    if stamp <= max(own, tomb):
        return False
    if rec.deleted:
        keep_tombstone(session, "promotion", key, stamp)
        if promo is not None:
            session.delete(promo)
            session.flush()
        return promo is not None
    if promo is None:
        promo = Promotion(uuid=key, name=rec.name, kind=str(rec.kind))
        session.add(promo)
    _promotion_values(session, promo, rec)
    promo.stamp = stamp
    session.flush()
    _promotion_items(session, promo, rec, ensure)
    return True


def _promotion_values(session: Session, promo: Promotion, rec: PromotionRecord) -> None:
    values: dict[str, Any] = {
        "name": rec.name, "kind": str(rec.kind), "active": rec.active,
        "buy_qty": Decimal(rec.buy_qty), "free_qty": Decimal(rec.free_qty),
        "bundle_price": rec.bundle_price, "percent": Decimal(rec.percent), "amount": rec.amount,
        "starts_on": rec.starts_on, "ends_on": rec.ends_on,
        "weekdays": "".join(sorted(set(rec.weekdays))), "from_minute": rec.from_minute,
        "to_minute": rec.to_minute, "channel_id": _channel(session, rec),
        "stackable": rec.stackable, "priority": rec.priority,
    }
    for name, value in values.items():
        setattr(promo, name, value)


def _channel(session: Session, rec: PromotionRecord) -> int | None:
    """The local sales channel of this name (made when missing); None = every channel."""
    if not rec.channel:
        return None
    found = session.scalar(select(SalesChannel.id).where(SalesChannel.name == rec.channel))
    if found is not None:
        return int(found)
    channel = SalesChannel(kind=str(rec.channel_kind), name=rec.channel)
    session.add(channel)
    session.flush()
    return channel.id


def _promotion_items(session: Session, promo: Promotion, rec: PromotionRecord,
                     ensure: Ensure) -> None:
    session.execute(delete(PromotionItem).where(PromotionItem.promotion_id == promo.id))
    seen: set[tuple[int | None, int | None]] = set()
    for item in rec.items:
        product_id = ensure(str(item.product_uuid)) if item.product_uuid is not None else None
        category_id = ensure_category(session, item.category) if item.category else None
        if (product_id, category_id) in seen:
            continue
        seen.add((product_id, category_id))
        session.add(PromotionItem(promotion_id=promo.id, product_id=product_id,
                                  category_id=category_id, qty=Decimal(item.qty)))
    session.flush()
