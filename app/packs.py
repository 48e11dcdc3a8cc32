"""Packs (renteng, pak, dus) and wholesale tiers (harga grosir) of a product.

A product keeps its stock in its base unit (``products.unit``); a pack is ``factor`` base
units sold at its own price, with its own barcodes (``barcodes.pack_id``; a code is unique
across products and packs, :func:`app.catalog.check_codes_free`). A tier lowers the price
from ``min_qty`` (of the base unit or of one pack) for a customer group ("" = everyone).

Receiving and counting in a pack convert with :func:`to_base`. Functions take a session and
do not commit; the caller's unit of work does. ``barcodes.pack_id`` and the tiers'
``pack_id`` are plain integers (migration 0014): this module keeps them consistent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.catalog import BARCODE_RE, check_codes_free, get_product
from app.errors import NotFoundError, ValidationError
from app.money import MAX_AMOUNT, quantize_qty
from app.sync.offer import queue_offer
from app.sync.pricing import share_pack, share_tiers
from models import Barcode, PriceTier, Product, ProductPack

MAX_PACKS = 10
MAX_TIERS = 20
PACK_NAME_MAX = 20
GROUP_MAX = 40


@dataclass
class PackInput:
    """A pack as the seller fills it in: ``factor`` base units for ``price``."""

    name: str
    factor: Decimal
    price: int
    barcodes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PackView:
    """A stored pack with its barcodes."""

    id: int
    name: str
    factor: Decimal
    price: int
    barcodes: tuple[str, ...]
    archived: bool = False


@dataclass
class TierInput:
    """A wholesale price from ``min_qty`` (of the base unit, or of the pack named)."""

    min_qty: Decimal
    price: int
    group: str = ""
    pack: str = ""  # a pack's name; "" = the base unit


@dataclass(frozen=True)
class TierView:
    """A stored tier; ``pack`` is the pack's name ("" = the base unit)."""

    id: int
    min_qty: Decimal
    price: int
    group: str
    pack_id: int | None
    pack: str


def to_base(qty: Decimal, factor: Decimal) -> Decimal:
    """``qty`` packs of ``factor`` base units, in base units (3 decimals).

    ``to_base(Decimal(2), Decimal(40))`` → ``Decimal("80.000")``: 2 dus of 40 pcs.
    """
    return quantize_qty(Decimal(qty) * Decimal(factor))


def _money(value: object, field_name: str, label: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("{label} harus bilangan bulat rupiah.", field=field_name, label=label)
    if value <= 0:
        raise ValidationError("{label} harus lebih dari nol.", field=field_name, label=label)
    if value > MAX_AMOUNT:
        raise ValidationError("{label} terlalu besar.", field=field_name, label=label)
    return value


def _qty(value: object, field_name: str, label: str) -> Decimal:
    try:
        qty = Decimal(str(value))
    except ArithmeticError:
        raise ValidationError("{label} bukan angka.", field=field_name, label=label) from None
    if not qty.is_finite() or qty <= 0 or qty > Decimal(1_000_000):
        raise ValidationError("{label} harus lebih dari nol.", field=field_name, label=label)
    if qty != quantize_qty(qty):
        raise ValidationError("{label} paling banyak 3 angka desimal.", field=field_name, label=label)
    return quantize_qty(qty)


def validate_pack(data: PackInput, unit: str = "") -> PackInput:
    """Check and normalise a pack; raises ValidationError naming the field."""
    data.name = " ".join(data.name.split()).lower()
    if not data.name or len(data.name) > PACK_NAME_MAX:
        raise ValidationError("Nama kemasan wajib diisi (maks. {count} karakter).", field="pack_name",
                              count=PACK_NAME_MAX)
    if any(ch in data.name for ch in "=@;:[]|"):
        raise ValidationError("Nama kemasan '{name}' tidak boleh memuat = @ ; : [ ] |.",
                              field="pack_name", name=data.name)
    if unit and data.name == unit.lower():
        raise ValidationError("Kemasan '{name}' sama dengan satuan dasar produk.", field="pack_name",
                              name=data.name)
    data.factor = _qty(data.factor, "pack_factor", "Isi kemasan")
    if data.factor == 1:
        raise ValidationError("Isi kemasan '{name}' harus selain 1 {unit}.", field="pack_factor",
                              name=data.name, unit=unit or "satuan")
    data.price = _money(data.price, "pack_price", "Harga kemasan")
    data.barcodes = _clean_codes(data.barcodes)
    return data


def _clean_codes(codes: list[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in codes:
        code = raw.strip()
        if not code:
            continue
        if not BARCODE_RE.match(code):
            raise ValidationError("Barcode '{code_name}' tidak sah.", field="pack_barcodes",
                                  code_name=code)
        if code in cleaned:
            raise ValidationError("Barcode '{code_name}' ditulis dua kali.", field="pack_barcodes",
                                  code_name=code)
        cleaned.append(code)
    return cleaned


def _pack(session: Session, pack_id: int) -> ProductPack:
    pack = session.get(ProductPack, pack_id)
    if pack is None:
        raise NotFoundError("Kemasan #{pack_id} tidak ditemukan.", pack_id=pack_id)
    return pack


def _check_name_free(session: Session, product_id: int, name: str, own_id: int | None) -> None:
    clash = session.scalar(select(ProductPack.id).where(
        ProductPack.product_id == product_id, ProductPack.name == name,
        ProductPack.archived.is_(False)))
    if clash is not None and clash != own_id:
        raise ValidationError("Kemasan '{name}' sudah ada di produk ini.", field="pack_name", name=name)


def _set_codes(session: Session, product_id: int, pack_id: int, codes: list[str]) -> None:
    check_codes_free(session, codes, product_id, pack_id, field_name="pack_barcodes")
    session.execute(delete(Barcode).where(Barcode.pack_id == pack_id, Barcode.code.not_in(codes)))
    have = set(session.scalars(select(Barcode.code).where(Barcode.pack_id == pack_id)))
    session.add_all(Barcode(code=c, product_id=product_id, pack_id=pack_id)
                    for c in codes if c not in have)
    session.flush()


def _sellable(session: Session, product_id: int) -> Product:
    product = get_product(session, product_id)
    if product.option_names:
        raise ValidationError("Produk induk varian tidak punya kemasan: atur di tiap varian.",
                              field="packs")
    return product


def add_pack(session: Session, product_id: int, data: PackInput) -> int:
    """Add a pack to a product; its barcodes must be free. Returns the pack's id."""
    product = _sellable(session, product_id)
    validate_pack(data, product.unit)
    _check_name_free(session, product_id, data.name, None)
    count = session.scalar(select(ProductPack.id).where(
        ProductPack.product_id == product_id, ProductPack.archived.is_(False)).limit(MAX_PACKS)
        .offset(MAX_PACKS - 1))
    if count is not None:
        raise ValidationError("Paling banyak {count} kemasan per produk.", field="packs", count=MAX_PACKS)
    check_codes_free(session, data.barcodes, product_id, -1, field_name="pack_barcodes")
    pack = ProductPack(product_id=product_id, name=data.name, factor=data.factor, price=data.price)
    session.add(pack)
    session.flush()
    _set_codes(session, product_id, pack.id, data.barcodes)
    queue_offer(session, product_id)
    share_pack(session, pack.id)
    return pack.id


def update_pack(session: Session, pack_id: int, data: PackInput) -> None:
    """Edit a pack's name, factor, price and barcodes."""
    pack = _pack(session, pack_id)
    product = get_product(session, pack.product_id)
    validate_pack(data, product.unit)
    _check_name_free(session, pack.product_id, data.name, pack.id)
    pack.name, pack.factor, pack.price = data.name, data.factor, data.price
    _set_codes(session, pack.product_id, pack.id, data.barcodes)
    queue_offer(session, pack.product_id)
    share_pack(session, pack.id)


def archive_pack(session: Session, pack_id: int, archived: bool = True) -> None:
    """Stop (or restart) selling a pack; its barcodes are freed when archived.

    Old order lines keep the pack's name and factor, so history is untouched.
    """
    pack = _pack(session, pack_id)
    if not archived:
        _check_name_free(session, pack.product_id, pack.name, pack.id)
    pack.archived = archived
    if archived:
        session.execute(delete(Barcode).where(Barcode.pack_id == pack_id))
        session.execute(delete(PriceTier).where(PriceTier.pack_id == pack_id))
    session.flush()
    queue_offer(session, pack.product_id)
    share_pack(session, pack.id)


def packs_of(session: Session, product_id: int, include_archived: bool = False) -> list[PackView]:
    """A product's packs, smallest first, with their barcodes."""
    stmt = select(ProductPack).where(ProductPack.product_id == product_id)
    if not include_archived:
        stmt = stmt.where(ProductPack.archived.is_(False))
    packs = list(session.scalars(stmt.order_by(ProductPack.factor, ProductPack.id)))
    codes: dict[int, list[str]] = {}
    if packs:
        for code, pid in session.execute(select(Barcode.code, Barcode.pack_id).where(
                Barcode.pack_id.in_([p.id for p in packs])).order_by(Barcode.id)):
            codes.setdefault(int(pid or 0), []).append(code)
    return [PackView(p.id, p.name, p.factor, p.price, tuple(codes.get(p.id, ())), p.archived)
            for p in packs]


def set_packs(session: Session, product_id: int, packs: list[PackInput]) -> dict[str, int]:
    """Make the product's packs exactly ``packs`` (matched by name): new ones are added,
    listed ones edited, unlisted ones archived. Returns name → pack id."""
    names = [" ".join(p.name.split()).lower() for p in packs]
    dup = next((n for n in names if names.count(n) > 1), None)
    if dup is not None:
        raise ValidationError("Kemasan '{name}' ditulis dua kali.", field="pack_name", name=dup)
    current = {p.name: p.id for p in packs_of(session, product_id)}
    wanted = {n: set(_clean_codes(p.barcodes)) for n, p in zip(names, packs, strict=True)}
    for name, pack_id in current.items():  # free codes first: a code may move between packs
        session.execute(delete(Barcode).where(Barcode.pack_id == pack_id,
                                              Barcode.code.not_in(wanted.get(name, set()))))
    for name, pack_id in current.items():
        if name not in names:
            archive_pack(session, pack_id)
    ids: dict[str, int] = {}
    for data in packs:
        key = " ".join(data.name.split()).lower()
        if key in current:
            update_pack(session, current[key], data)
            ids[data.name] = current[key]
        else:
            ids[data.name] = add_pack(session, product_id, data)
    return ids


def validate_tier(data: TierInput) -> TierInput:
    """Check and normalise a tier; raises ValidationError naming the field."""
    data.group = " ".join(data.group.split()).lower()
    if len(data.group) > GROUP_MAX or any(ch in data.group for ch in "=@;:[]|"):
        raise ValidationError("Grup pelanggan '{name}' tidak sah (maks. {count} karakter).",
                              field="tier_group", name=data.group, count=GROUP_MAX)
    data.pack = " ".join(data.pack.split()).lower()
    data.min_qty = _qty(data.min_qty, "tier_min_qty", "Jumlah minimum grosir")
    data.price = _money(data.price, "tier_price", "Harga grosir")
    return data


def set_tiers(session: Session, product_id: int, tiers: list[TierInput]) -> None:
    """Make the product's tiers exactly ``tiers`` (each for the base unit or a named pack).

    A tier's price must be below the normal price of what it prices; one (pack, group,
    minimum) is given once.
    """
    product = _sellable(session, product_id)
    if len(tiers) > MAX_TIERS:
        raise ValidationError("Paling banyak {count} harga grosir per produk.", field="tiers",
                              count=MAX_TIERS)
    packs = {p.name: p for p in packs_of(session, product_id)}
    seen: set[tuple[str, str, Decimal]] = set()
    rows: list[PriceTier] = []
    for data in tiers:
        validate_tier(data)
        pack = packs.get(data.pack) if data.pack else None
        if data.pack and pack is None:
            raise ValidationError("Harga grosir untuk kemasan '{name}' yang tidak ada.",
                                  field="tier_pack", name=data.pack)
        normal = pack.price if pack is not None else product.price
        if data.price >= normal:
            raise ValidationError("Harga grosir Rp{price} harus di bawah harga biasa Rp{value}.",
                                  field="tier_price", price=data.price, value=normal)
        key = (data.pack, data.group, data.min_qty)
        if key in seen:
            raise ValidationError("Harga grosir dari {qty} ditulis dua kali.", field="tier_min_qty",
                                  qty=f"{data.min_qty.normalize():f}")
        seen.add(key)
        rows.append(PriceTier(product_id=product_id, pack_id=pack.id if pack else None,
                              group_name=data.group, min_qty=data.min_qty, price=data.price))
    session.execute(delete(PriceTier).where(PriceTier.product_id == product_id))
    session.add_all(rows)
    session.flush()
    queue_offer(session, product_id)
    share_tiers(session, product_id)


def tiers_of(session: Session, product_id: int) -> list[TierView]:
    """A product's tiers: base unit first, then by pack, group and minimum."""
    names = dict(session.execute(select(ProductPack.id, ProductPack.name)
                                 .where(ProductPack.product_id == product_id)).all())
    rows = session.scalars(select(PriceTier).where(PriceTier.product_id == product_id))
    views = [TierView(t.id, t.min_qty, t.price, t.group_name, t.pack_id,
                      names.get(t.pack_id, "") if t.pack_id is not None else "") for t in rows]
    return sorted(views, key=lambda t: (t.pack, t.group, t.min_qty))
