"""The product as the shop's devices share it: its fields, their HLC clocks, and writing
field values (local edits and remote ones) into a product.

Shared fields: ``sku``, ``name``, ``price``, ``unit``, ``category`` and ``published`` also
reach the public catalog; ``archived``, ``sold_by_weight``, ``cost``, ``min_stock``,
``barcodes`` and ``photo_ref`` stay with the shop's own devices. Each field's last write
is stamped (``product_field_clocks``); a remote value is applied only when its stamp is
newer than the local one, so every device ends with the same product.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.categories import ensure_category
from app.money import quantize_qty
from contract.sync import PRIVATE_FIELDS, PUBLIC_FIELDS
from models import Barcode, Category, FieldClock, Product

log = logging.getLogger(__name__)

# every field of the contract but the photo reference (photos travel apart: app.catalog)
SHARED_FIELDS = PUBLIC_FIELDS + tuple(name for name in PRIVATE_FIELDS if name != "photo_ref")
LEGACY_FIELDS = PUBLIC_FIELDS  # what an old-style ``listing.upsert`` carries
Clocks = dict[tuple[str, str], str]


def category_name(session: Session, product: Product) -> str:
    """The name of the product's category ('' when none)."""
    if product.category_id is None:
        return ""
    category = session.get(Category, product.category_id)
    return category.name if category is not None else ""


def product_fields(product: Product, category: str) -> dict[str, Any]:
    """Every shared field of a product as JSON-ready values."""
    return {
        "sku": product.sku, "name": product.name, "price": int(product.price),
        "unit": product.unit, "category": category or "", "published": bool(product.published),
        "archived": bool(product.archived), "sold_by_weight": bool(product.sold_by_weight),
        "cost": int(product.cost or 0),
        "min_stock": f"{quantize_qty(Decimal(product.min_stock or 0)):.3f}",
        "barcodes": [b.code for b in product.barcodes if b.pack_id is None],  # packs' apart
    }


def set_clocks(session: Session, product_uuid: str, names: Iterable[str], stamp: str) -> None:
    """Record ``stamp`` as the last write of these fields of the product."""
    rows = [{"product_uuid": product_uuid, "field": n, "hlc": stamp} for n in names]
    if rows:
        stmt = insert(FieldClock)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["product_uuid", "field"], set_={"hlc": stmt.excluded.hlc}), rows)


def clocks_of(session: Session, product_uuids: Iterable[str]) -> Clocks:
    """The stored clocks of these products' fields."""
    wanted = sorted(set(product_uuids))
    out: Clocks = {}
    for start in range(0, len(wanted), 500):
        rows = session.execute(select(FieldClock.product_uuid, FieldClock.field, FieldClock.hlc)
                               .where(FieldClock.product_uuid.in_(wanted[start:start + 500])))
        out.update({(u, f): h for u, f, h in rows})
    return out


def newer(clocks: Clocks, product_uuid: str,
          fields: dict[str, Any]) -> dict[str, tuple[Any, str]]:
    """The fields of a remote change whose stamp beats the local one (clocks updated)."""
    out: dict[str, tuple[Any, str]] = {}
    for name, item in fields.items():
        if not isinstance(item, dict) or not isinstance(item.get("hlc"), str):
            continue
        stamp = item["hlc"]
        if stamp > clocks.get((product_uuid, name), ""):
            out[name] = (item.get("value"), stamp)
            clocks[(product_uuid, name)] = stamp
    return out


def free_sku(session: Session, wanted: str, product_uuid: str, own_id: int | None) -> str:
    """``wanted`` when no other product here uses it, else a placeholder from the UUID."""
    sku = (wanted or "").strip()[:40]
    if sku:
        owner = session.scalar(select(Product.id).where(Product.sku == sku))
        if owner is None or owner == own_id:
            return sku
    return f"PK-{product_uuid[:8]}"


def category_id(session: Session, name: str) -> int | None:
    """The id of the category with this name, created when missing; None for ''.

    The same rule as the product editor (:func:`app.categories.ensure_category`: case and
    spacing ignored), so a synced "minuman" lands in "Minuman" instead of beside it.
    """
    return ensure_category(session, " ".join((name or "").split())[:80])


def _barcodes(session: Session, product: Product, codes: list[str]) -> None:
    """Replace the product's barcodes (a code another product here owns is left to it)."""
    wanted = [str(c).strip()[:48] for c in codes if str(c).strip()]
    taken = set(session.scalars(select(Barcode.code).where(
        Barcode.code.in_(wanted), Barcode.product_id != product.id)))
    wanted = [c for c in dict.fromkeys(wanted) if c not in taken]
    keep = [b for b in product.barcodes if b.code in wanted or b.pack_id is not None]
    have = {b.code for b in keep}
    product.barcodes = keep + [Barcode(code=c) for c in wanted if c not in have]
    session.flush()


def _set(session: Session, product: Product, name: str, value: Any) -> None:
    if name == "sku":
        product.sku = free_sku(session, str(value), product.uuid, product.id)
    elif name == "name" and str(value).strip():
        product.name = str(value)[:160]
    elif name in ("price", "cost") and isinstance(value, int) and not isinstance(value, bool):
        if value > 0 or (name == "cost" and value == 0):
            setattr(product, name, value)
    elif name == "unit" and str(value).strip():
        product.unit = str(value)[:12]
    elif name == "category":
        product.category_id = category_id(session, str(value or ""))
    elif name in ("published", "archived", "sold_by_weight"):
        setattr(product, name, bool(value))
    elif name == "min_stock":
        qty = quantize_qty(Decimal(str(value)))
        product.min_stock = max(qty, Decimal(0))
    elif name == "barcodes" and isinstance(value, list):
        _barcodes(session, product, value)


def apply_values(session: Session, product: Product, values: dict[str, Any]) -> None:
    """Write field values into a product (unknown fields and bad values are skipped)."""
    for name in SHARED_FIELDS:
        if name not in values:
            continue
        try:
            _set(session, product, name, values[name])
        except (InvalidOperation, TypeError, ValueError):
            log.warning("skipped a bad value of field %s", name)
