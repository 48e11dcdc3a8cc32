"""Catalog service: products, barcodes, categories, lookup and name search.

Functions take a session and do not commit; the caller's unit of work does.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from threading import Lock
from weakref import WeakKeyDictionary

from sqlalchemy import BindParameter, CompoundSelect, bindparam, literal, null, select, union_all, update
from sqlalchemy.orm import Session

from app import outbox, scale, settings
from app.barcodes import upc_a_as_ean13
from app.errors import ConflictError, NotFoundError, ValidationError
from app.hits import ProductHit
from app.money import MAX_AMOUNT, quantize_qty
from app.sync.fields import category_name
from app.sync.fields import product_fields as shared_fields
from models import Barcode, Category, Product, ProductPack
from models.base import ProductId

_PER_KG = {"g": 1000, "ml": 1000, "ons": 10}  # a scale weighs in kg; these units are smaller
UNITS = (
    "pcs", "kg", "g", "ons", "liter", "ml", "pak", "dus", "lusin", "kodi", "meter", "lembar",
    "botol", "bks", "kaleng", "sachet", "butir", "ikat", "porsi", "gelas", "set", "pasang", "rim",
)
PHOTO_MAX_PX = 512
WEIGHT_UNITS = ("kg", "g", "liter", "ml", "meter")
BARCODE_RE = re.compile(r"^[0-9A-Za-z\-\.\/\+ ]{3,48}$")
SKU_RE = re.compile(r"^[0-9A-Za-z\-_.\/]{1,40}$")


@dataclass
class ProductInput:
    """What a seller fills in for a product; validated by :func:`validate`."""

    sku: str
    name: str
    price: int
    cost: int = 0
    unit: str = "pcs"
    sold_by_weight: bool = False
    category_id: int | None = None
    barcodes: list[str] = field(default_factory=list)
    min_stock: Decimal = Decimal(0)
    published: bool = False
    favourite: bool = False
    color: str | None = None


def validate(data: ProductInput) -> ProductInput:
    """Check and normalise a product's fields; raises ValidationError naming the field."""
    data.sku = data.sku.strip()
    data.name = " ".join(data.name.split())
    if not SKU_RE.match(data.sku):
        raise ValidationError("SKU wajib diisi: huruf, angka, '-', '_' atau '.', maks. 40.", field="sku")
    if len(data.name) < 2 or len(data.name) > 160:
        raise ValidationError("Nama produk wajib diisi (2–160 karakter).", field="name")
    _check_amount(data.price, "price", "Harga jual", minimum=1)
    _check_amount(data.cost, "cost", "Harga pokok", minimum=0)
    if data.unit not in UNITS:
        raise ValidationError("Satuan '{unit}' tidak dikenal.", field="unit", unit=data.unit)
    data.min_stock = quantize_qty(data.min_stock)
    if data.min_stock < 0:
        raise ValidationError("Stok minimum tidak boleh negatif.", field="min_stock")
    data.barcodes = _clean_barcodes(data.barcodes)
    return data


def _check_amount(value: object, field_name: str, label: str, minimum: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("{label} harus bilangan bulat rupiah.", field=field_name, label=label)
    if value < minimum:
        word = "lebih dari nol" if minimum > 0 else "nol atau lebih"
        raise ValidationError("{label} harus {word}.", field=field_name, label=label, word=word)
    if value > MAX_AMOUNT:
        raise ValidationError("{label} terlalu besar.", field=field_name, label=label)


def _clean_barcodes(codes: list[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in codes:
        code = raw.strip()
        if not code:
            continue
        if not BARCODE_RE.match(code):
            raise ValidationError("Barcode '{code_name}' tidak sah.", field="barcodes", code_name=code)
        if code in cleaned:
            raise ValidationError("Barcode '{code_name}' ditulis dua kali.", field="barcodes",
                                  code_name=code)
        cleaned.append(code)
    return cleaned


def check_codes_free(session: Session, codes: list[str], product_id: int | None,
                     pack_id: int | None = None, field_name: str = "barcodes") -> None:
    """Refuse a barcode that another product, or another pack of this product, already owns.

    Barcodes are unique across products and packs: a code is the product's own
    (``pack_id`` None) or one pack's (renteng, dus), never both.
    """
    if not codes:
        return
    rows = session.execute(
        select(Barcode.code, Barcode.product_id, Barcode.pack_id).where(Barcode.code.in_(codes))
    ).all()
    for code, owner, owner_pack in rows:
        if owner != product_id:
            raise ConflictError("Barcode '{code_name}' sudah dipakai produk lain.", field=field_name,
                                code_name=code)
        if owner_pack != pack_id:
            raise ConflictError("Barcode '{code_name}' sudah dipakai kemasan lain produk ini.",
                                field=field_name, code_name=code)


def _check_unique(session: Session, data: ProductInput, product_id: int | None) -> None:
    clash = session.scalar(select(Product.id).where(Product.sku == data.sku))
    if clash is not None and clash != product_id:
        raise ConflictError("SKU '{sku}' sudah dipakai produk lain.", field="sku", sku=data.sku)
    check_codes_free(session, data.barcodes, product_id)
    if data.category_id is not None and session.get(Category, data.category_id) is None:
        raise ValidationError("Kategori tidak ditemukan.", field="category_id")


def _apply(product: Product, data: ProductInput) -> None:
    product.sku = data.sku
    product.name = data.name
    product.price = data.price
    product.cost = data.cost
    product.unit = data.unit
    product.sold_by_weight = data.sold_by_weight
    product.category_id = data.category_id
    product.min_stock = data.min_stock
    product.published = data.published
    product.favourite = data.favourite
    product.color = data.color


def _sync_barcodes(product: Product, codes: list[str]) -> None:
    """The product's own barcodes become ``codes``; its packs' barcodes stay (app.packs)."""
    keep = [b for b in product.barcodes if b.code in codes or b.pack_id is not None]
    existing = {b.code for b in keep}
    product.barcodes = keep + [Barcode(code=c) for c in codes if c not in existing]


def _shared(session: Session, product: Product) -> dict[str, object]:
    """The product's shared fields before an edit (to queue only what changed)."""
    return shared_fields(product, category_name(session, product))


def _queue_listing(session: Session, product: Product,
                   before: dict[str, object] | None = None) -> None:
    outbox.queue_product_edit(session, product, category_name(session, product), before)


def create_product(session: Session, data: ProductInput) -> ProductId:
    """Create a product after validation; refuses duplicate SKU or barcode."""
    validate(data)
    _check_unique(session, data, None)
    product = Product()
    _apply(product, data)
    product.barcodes = [Barcode(code=c) for c in data.barcodes]
    session.add(product)
    session.flush()
    _queue_listing(session, product)
    return ProductId(product.id)


def update_product(session: Session, product_id: int, data: ProductInput) -> None:
    """Edit a product's fields and barcodes; stock is changed only through the ledger."""
    product = get_product(session, product_id)
    validate(data)
    _check_unique(session, data, product.id)
    before = _shared(session, product)
    _apply(product, data)
    _sync_barcodes(product, data.barcodes)
    session.flush()
    _queue_listing(session, product, before)


def archive_product(session: Session, product_id: int, archived: bool = True) -> None:
    """Archive (hide from selling) or restore a product; history is kept."""
    product = get_product(session, product_id)
    before = _shared(session, product)
    product.archived = archived
    session.flush()
    _queue_listing(session, product, before)


def get_product(session: Session, product_id: int) -> Product:
    """The product with this id, or NotFoundError."""
    product = session.get(Product, product_id)
    if product is None:
        raise NotFoundError("Produk #{product_id} tidak ditemukan.", product_id=product_id)
    return product


def input_from_product(product: Product) -> ProductInput:
    """A ProductInput prefilled from a stored product (for editing)."""
    return ProductInput(
        sku=product.sku, name=product.name, price=product.price, cost=product.cost,
        unit=product.unit, sold_by_weight=product.sold_by_weight,
        category_id=product.category_id,
        barcodes=[b.code for b in product.barcodes if b.pack_id is None],
        min_stock=product.min_stock, published=product.published,
        favourite=product.favourite, color=product.color,
    )


_HIT_COLUMNS = (
    Product.id, Product.sku, Product.name, Product.price, Product.unit,
    Product.sold_by_weight, Product.on_hand, Product.archived, Product.option_names,
)


def _hit(row: tuple[object, ...]) -> ProductHit:
    return ProductHit(*row)  # type: ignore[arg-type]


def find_by_code(session: Session, code: str) -> ProductHit | None:
    """Exact lookup by barcode, then by SKU (both indexed); then, when the shop reads scale
    labels and the code is one, the label's product with its weight or price; None when unknown.

    An exact match always wins, so the shop's old in-store codes in 20… keep working; a UPC-A
    (12 digits, as some scanners send a ``0…`` EAN-13 such as the in-store ``040…``) is tried
    as its EAN-13.
    """
    code = code.strip()
    if not code:
        return None
    label = _label(session, code)
    if label is not None:
        return _label_hit(session, code, label)
    hit = _exact(session, code)
    if hit is None:
        upc = upc_a_as_ean13(code)
        hit = _exact(session, upc) if upc else None
    return hit


_PACK_COLUMNS = (Barcode.pack_id, ProductPack.name, ProductPack.factor, ProductPack.price,
                 ProductPack.archived)
_BY_BARCODE = (
    select(*_HIT_COLUMNS, *_PACK_COLUMNS)
    .join(Barcode, Barcode.product_id == Product.id)
    .outerjoin(ProductPack, ProductPack.id == Barcode.pack_id)
    .where(Barcode.code == bindparam("code"))
)
_BY_SKU = select(*_HIT_COLUMNS).where(Product.sku == bindparam("code"))
_CODES: BindParameter[list[str]] = bindparam("codes", expanding=True)
_BY_KEYS: CompoundSelect = union_all(  # barcodes (kind 0) and SKUs (kind 1) equal to one of several codes
    select(*_HIT_COLUMNS, *_PACK_COLUMNS, Barcode.code, literal(0))
    .join(Barcode, Barcode.product_id == Product.id)
    .outerjoin(ProductPack, ProductPack.id == Barcode.pack_id)
    .where(Barcode.code.in_(_CODES)),
    select(*_HIT_COLUMNS, *(null() for _ in _PACK_COLUMNS), Product.sku, literal(1))
    .where(Product.sku.in_(_CODES)),
)
_HIT_WIDTH = len(_HIT_COLUMNS)


def _exact(session: Session, code: str) -> ProductHit | None:
    """By barcode (a pack's barcode gives the pack), then SKU: Core statements on the session's
    connection (the ORM's execute path cost ~1 ms a scan, more than the query; bench.scan)."""
    connection = session.connection()
    found = connection.execute(_BY_BARCODE, {"code": code}).first()
    if found is not None:
        return _barcode_hit(tuple(found))
    row = connection.execute(_BY_SKU, {"code": code}).first()
    return _hit(tuple(row)) if row is not None else None


def _barcode_hit(row: tuple[object, ...]) -> ProductHit:
    """A product hit, or its pack's: name, factor and price; an archived pack is not sold."""
    hit = _hit(row[:_HIT_WIDTH])
    pack_id, name, factor, price, archived = row[_HIT_WIDTH:]
    if pack_id is None or name is None:
        return hit
    return replace(hit, pack_id=int(pack_id), pack_name=str(name),  # type: ignore[call-overload]
                   pack_factor=Decimal(factor), pack_price=int(price),  # type: ignore[arg-type,call-overload]
                   archived=hit.archived or bool(archived))


_layouts: WeakKeyDictionary[object, tuple[int, scale.ScaleLayout | None]] = WeakKeyDictionary()
_layouts_lock = Lock()


def scale_layout(session: Session) -> scale.ScaleLayout | None:
    """The shop's scale layout, read from the settings once per shop file and again only after
    a setting was saved (:func:`app.settings.generation`); None when labels are not read."""
    bind = session.get_bind()
    generation = settings.generation()
    with _layouts_lock:
        cached = _layouts.get(bind)
    if cached is not None and cached[0] == generation:
        return cached[1]
    layout = scale.layout_from_settings(lambda key: settings.get(session, key))
    with _layouts_lock:
        _layouts[bind] = (generation, layout)
    return layout


def _label(session: Session, code: str) -> scale.ScaleLabel | None:
    """The scale label ``code`` is under the shop's layout (no settings read for other codes)."""
    if len(code) != 13 or code[:2] not in scale.SCALE_PREFIXES or not code.isdigit():
        return None
    layout = scale_layout(session)
    return scale.parse(layout, code) if layout is not None else None


def _label_hit(session: Session, code: str, label: scale.ScaleLabel) -> ProductHit | None:
    """A code that reads as a label: the product it names exactly (an old in-store code in 20…)
    or else its PLU's (as printed, then without zeros), barcode before SKU for each: all in one
    query (three failed exact lookups before the PLU's cost ~1 ms a label; bench.scan)."""
    keys = (code, *scale.plu_keys(label.plu))
    rows = session.connection().execute(_BY_KEYS, {"codes": list(keys)}).all()
    if not rows:
        return None
    best = min(rows, key=lambda r: (keys.index(str(r[-2])), int(r[-1])))
    hit = _barcode_hit(tuple(best[:-2]))
    return hit if best[-2] == code else _labelled(hit, label)


def _labelled(hit: ProductHit, label: scale.ScaleLabel) -> ProductHit:
    """``hit`` with what its label says: the quantity, and for a price label the price."""
    if label.weight_kg is not None:
        per_kg = _PER_KG.get(hit.unit, 1)
        return replace(hit, label_qty=quantize_qty(label.weight_kg * per_kg))
    if label.price is None or label.price <= 0 or hit.price <= 0:
        return hit
    qty, off = scale.qty_for_price(label.price, hit.price, whole=not hit.sold_by_weight)
    return replace(hit, label_qty=qty, label_price=label.price, label_discount=off)


def photo_jpeg(data: bytes, max_px: int = PHOTO_MAX_PX) -> bytes:
    """A product photo (any format Pillow reads) as JPEG bytes, at most ``max_px`` on each side."""
    # Pillow costs ~100 ms to import; the catalog is loaded at start-up, photos are rare.
    from PIL import Image, ImageOps, UnidentifiedImageError  # noqa: PLC0415 (Pillow ~20 ms; app.catalog loads before the first frame, photos are rare)

    try:
        with Image.open(io.BytesIO(data)) as raw:
            image = ImageOps.exif_transpose(raw) or raw
            image = image.convert("RGB")
            image.thumbnail((max_px, max_px))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError("Berkas itu bukan foto yang bisa dibaca (pakai JPG atau PNG).",
                              field="photo") from exc


def set_photo(session: Session, product_id: int, photo: bytes | None) -> None:
    """Store (already resized) JPEG bytes as the product's photo, or remove it."""
    session.execute(update(Product).where(Product.id == product_id).values(photo=photo))
    product_uuid = session.scalar(select(Product.uuid).where(Product.id == product_id))
    if product_uuid is not None:
        ref = hashlib.sha256(photo).hexdigest() if photo is not None else ""
        outbox.queue_fields(session, str(product_uuid), {"photo_ref": ref})


def delete_product(session: Session, product_id: int) -> None:
    """Delete a product that has no stock history; one with history must be archived instead."""
    product = get_product(session, product_id)
    if product.has_history:
        raise ConflictError("Produk ini sudah punya riwayat stok atau penjualan: arsipkan, jangan hapus.")
    # the shop's other devices keep the product (it may have history there), archived
    outbox.queue_fields(session, product.uuid, {"published": False, "archived": True})
    session.delete(product)
    session.flush()
