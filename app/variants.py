"""Variants: a parent product with options (Ukuran, Warna, Rasa) and its variant products.

The parent (``option_names`` = JSON list) is not sold itself and keeps no stock; each variant
is a full product (its own SKU, barcode, stock and price) with ``parent_id`` set and
``options`` = JSON object, named "Kemeja Batik Parang — L / Merah". ``parent_id`` is a plain
integer (migration 0014): this module keeps it consistent. Every change of these fields is
shared with the shop's other devices (:func:`app.sync.pricing.share_variant`: the parent by
uuid). Functions take a session and do
not commit; the caller's unit of work does.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import catalog
from app.catalog import ProductHit, ProductInput
from app.errors import ValidationError
from app.sync.offer import queue_offer
from app.sync.pricing import share_variant
from models import Barcode, Product, ProductPack

MAX_OPTIONS = 3
MAX_VALUES = 30
MAX_VARIANTS = 200
NAME_MAX = 30
DASH = " — "


@dataclass(frozen=True)
class VariantView:
    """A variant as the grid's picker and the editor show it."""

    id: int
    sku: str
    name: str
    label: str  # "L / Merah"
    options: tuple[str, ...]  # in the parent's option order
    price: int
    on_hand: Decimal
    archived: bool
    barcodes: tuple[str, ...] = ()


def _word(text: str, field_name: str, what: str) -> str:
    word = " ".join(str(text).split())
    if not word or len(word) > NAME_MAX or any(ch in word for ch in "=;:/|[]\"{}"):
        raise ValidationError("{label} '{name}' tidak sah: 1–{count} karakter, tanpa = ; : / | [ ].",
                              field=field_name, label=what, name=word, count=NAME_MAX)
    return word


def clean_option_names(names: list[str]) -> list[str]:
    """1–3 distinct option names ("Ukuran", "Warna"); raises ValidationError on bad ones."""
    cleaned = [_word(n, "option_names", "Nama opsi") for n in names if str(n).strip()]
    if not 1 <= len(cleaned) <= MAX_OPTIONS:
        raise ValidationError("Isi 1 sampai {count} nama opsi (mis. Ukuran, Warna).",
                              field="option_names", count=MAX_OPTIONS)
    lowered = [n.lower() for n in cleaned]
    if len(set(lowered)) != len(lowered):
        raise ValidationError("Nama opsi ditulis dua kali.", field="option_names")
    return cleaned


def option_names_of(product: Product) -> list[str]:
    """The parent's option names ([] for a product that is not a parent)."""
    return list(json.loads(product.option_names)) if product.option_names else []


def options_of(product: Product) -> dict[str, str]:
    """A variant's options ({} for a product that is not a variant)."""
    return dict(json.loads(product.options)) if product.options else {}


def label_of(values: list[str] | tuple[str, ...]) -> str:
    """A variant's label: "L / Merah"."""
    return " / ".join(values)


def variant_name(parent_name: str, values: list[str] | tuple[str, ...]) -> str:
    """"Kemeja Batik Parang — L / Merah" (cut to the 160-character name limit)."""
    return f"{parent_name}{DASH}{label_of(values)}"[:160]


def _parent(session: Session, parent_id: int) -> Product:
    product = catalog.get_product(session, parent_id)
    if not product.option_names:
        raise ValidationError("Produk '{name}' bukan induk varian.", field="parent", name=product.name)
    return product


def make_parent(session: Session, product_id: int, option_names: list[str]) -> None:
    """Make a product the parent of variants with these options (or rename its options).

    A parent is not sold and keeps no stock: a product with stock, packs or that is itself a
    variant is refused; once it has variants the number of options is fixed.
    """
    product = catalog.get_product(session, product_id)
    names = clean_option_names(option_names)
    if product.parent_id is not None:
        raise ValidationError("Varian tidak bisa menjadi induk varian lain.", field="option_names")
    if product.on_hand != 0:
        raise ValidationError("Produk induk tidak menyimpan stok: stok '{name}' masih {qty}. "
                              "Buat produk induk baru, atau nolkan stoknya dulu.",
                              field="option_names", name=product.name,
                              qty=f"{product.on_hand.normalize():f}")
    if session.scalar(select(ProductPack.id).where(ProductPack.product_id == product_id,
                                                   ProductPack.archived.is_(False)).limit(1)):
        raise ValidationError("Produk induk tidak punya kemasan: hapus kemasannya dulu.",
                              field="option_names")
    old = option_names_of(product)
    if old and len(old) != len(names) and _variant_rows(session, product_id):
        raise ValidationError("Jumlah opsi tidak bisa diubah setelah ada varian.", field="option_names")
    product.option_names = json.dumps(names, ensure_ascii=False)
    if old and old != names:
        _rename_option_keys(session, product_id, names)
    session.flush()
    queue_offer(session, product_id)
    share_variant(session, product_id)


def _rename_option_keys(session: Session, parent_id: int, names: list[str]) -> None:
    for variant in _variant_rows(session, parent_id):
        values = list(options_of(variant).values())
        variant.options = json.dumps(dict(zip(names, values, strict=False)), ensure_ascii=False)
        share_variant(session, variant.id)


def _variant_rows(session: Session, parent_id: int) -> list[Product]:
    return list(session.scalars(select(Product).where(Product.parent_id == parent_id)
                                .order_by(Product.id)))


def _slug(values: tuple[str, ...]) -> str:
    return "-".join(re.sub(r"[^0-9A-Za-z]+", "", v).upper()[:8] or "X" for v in values)


def _free_sku(session: Session, wanted: str) -> str:
    sku, n = wanted[:40], 2
    while session.scalar(select(Product.id).where(Product.sku == sku)) is not None:
        suffix = f"-{n}"
        sku, n = wanted[:40 - len(suffix)] + suffix, n + 1
    return sku


def add_variant(session: Session, parent_id: int, values: list[str],
                data: ProductInput | None = None) -> int:
    """Add one variant (its option values in the parent's order); the rest from ``data``
    or the parent (price, unit, category; a SKU made from the parent's and the values)."""
    parent = _parent(session, parent_id)
    names = option_names_of(parent)
    cleaned = tuple(_word(v, "options", "Nilai opsi") for v in values)
    if len(cleaned) != len(names):
        raise ValidationError("Isi nilai untuk setiap opsi: {value}.", field="options",
                              value=", ".join(names))
    key = tuple(v.lower() for v in cleaned)
    for variant in _variant_rows(session, parent_id):
        if tuple(v.lower() for v in options_of(variant).values()) == key:
            raise ValidationError("Varian {name} sudah ada.", field="options", name=label_of(cleaned))
    if len(_variant_rows(session, parent_id)) >= MAX_VARIANTS:
        raise ValidationError("Paling banyak {count} varian per produk.", field="options",
                              count=MAX_VARIANTS)
    base = data or ProductInput(
        sku=_free_sku(session, f"{parent.sku}-{_slug(cleaned)}"), name="", price=parent.price,
        cost=parent.cost, unit=parent.unit, sold_by_weight=parent.sold_by_weight,
        category_id=parent.category_id, published=parent.published)
    base = replace(base, name=variant_name(parent.name, cleaned))
    variant_id = int(catalog.create_product(session, base))
    variant = catalog.get_product(session, variant_id)
    variant.parent_id = parent_id
    variant.options = json.dumps(dict(zip(names, cleaned, strict=True)), ensure_ascii=False)
    session.flush()
    queue_offer(session, variant_id)
    queue_offer(session, parent_id)
    share_variant(session, variant_id)
    return variant_id


def generate_variants(session: Session, parent_id: int, values: dict[str, list[str]]) -> list[int]:
    """Add every missing combination of the option values (in the parent's option order);
    returns the new variants' ids. ``{"Ukuran": ["M", "L"], "Warna": ["Merah"]}`` → 2."""
    parent = _parent(session, parent_id)
    names = option_names_of(parent)
    lists: list[list[str]] = []
    for name in names:
        given = [_word(v, "options", "Nilai opsi") for v in values.get(name, []) if str(v).strip()]
        if not given or len(given) > MAX_VALUES:
            raise ValidationError("Isi 1 sampai {count} nilai untuk opsi {name}.", field="options",
                                  name=name, count=MAX_VALUES)
        lists.append(list(dict.fromkeys(given)))
    have = {tuple(v.lower() for v in options_of(p).values()) for p in _variant_rows(session, parent_id)}
    combos = [c for c in itertools.product(*lists) if tuple(v.lower() for v in c) not in have]
    if len(have) + len(combos) > MAX_VARIANTS:
        raise ValidationError("Paling banyak {count} varian per produk.", field="options",
                              count=MAX_VARIANTS)
    return [add_variant(session, parent_id, list(combo)) for combo in combos]


def update_variant(session: Session, variant_id: int, values: list[str], data: ProductInput) -> None:
    """Edit a variant: its option values (its name follows) and its product fields."""
    variant = catalog.get_product(session, variant_id)
    if variant.parent_id is None:
        raise ValidationError("Produk '{name}' bukan varian.", field="options", name=variant.name)
    parent = _parent(session, variant.parent_id)
    names = option_names_of(parent)
    cleaned = tuple(_word(v, "options", "Nilai opsi") for v in values)
    if len(cleaned) != len(names):
        raise ValidationError("Isi nilai untuk setiap opsi: {value}.", field="options",
                              value=", ".join(names))
    key = tuple(v.lower() for v in cleaned)
    for other in _variant_rows(session, parent.id):
        if other.id != variant_id and tuple(v.lower() for v in options_of(other).values()) == key:
            raise ValidationError("Varian {name} sudah ada.", field="options", name=label_of(cleaned))
    catalog.update_product(session, variant_id, replace(data, name=variant_name(parent.name, cleaned)))
    variant.options = json.dumps(dict(zip(names, cleaned, strict=True)), ensure_ascii=False)
    session.flush()
    queue_offer(session, parent.id)
    share_variant(session, variant_id)


def rename_variants(session: Session, parent_id: int) -> None:
    """After the parent's name changed: every variant's name follows it."""
    parent = _parent(session, parent_id)
    for variant in _variant_rows(session, parent_id):
        values = list(options_of(variant).values())
        data = catalog.input_from_product(variant)
        if data.name != variant_name(parent.name, values):
            catalog.update_product(session, variant.id, replace(data, name=variant_name(parent.name,
                                                                                         values)))


def variants_of(session: Session, parent_id: int, include_archived: bool = False) -> list[VariantView]:
    """A parent's variants in the order they were made, with their barcodes."""
    rows = [p for p in _variant_rows(session, parent_id) if include_archived or not p.archived]
    codes: dict[int, list[str]] = {}
    if rows:
        for code, pid in session.execute(select(Barcode.code, Barcode.product_id).where(
                Barcode.product_id.in_([p.id for p in rows]), Barcode.pack_id.is_(None))
                .order_by(Barcode.id)):
            codes.setdefault(int(pid), []).append(code)
    out = []
    for p in rows:
        values = tuple(options_of(p).values())
        out.append(VariantView(p.id, p.sku, p.name, label_of(values), values, p.price, p.on_hand,
                               p.archived, tuple(codes.get(p.id, ()))))
    return out


def variant_count(session: Session, parent_id: int) -> int:
    """How many (unarchived) variants a parent has."""
    return int(session.scalar(select(func.count()).select_from(Product).where(
        Product.parent_id == parent_id, Product.archived.is_(False))) or 0)


def is_parent(product: Product) -> bool:
    """Whether the product is a parent of variants (not sold itself)."""
    return bool(product.option_names)


def variant_hits(session: Session, parent_id: int) -> list[tuple[ProductHit, str]]:
    """The sellable (unarchived) variants of a parent as the till adds them, with their labels."""
    rows = session.execute(select(Product.id, Product.sku, Product.name, Product.price, Product.unit,
                                  Product.sold_by_weight, Product.on_hand, Product.archived,
                                  Product.options)
                           .where(Product.parent_id == parent_id, Product.archived.is_(False))
                           .order_by(Product.id))
    out = []
    for r in rows:
        values = tuple(json.loads(r[8]).values()) if r[8] else ()
        out.append((ProductHit(*r[:8]), label_of(values)))  # type: ignore[arg-type]
    return out
