"""Packs, wholesale tiers and variants in a product spreadsheet: the cells, their checks, the write.

Cells (the same text the export writes):

- **Kemasan**: ``dus=40@150000;renteng=10@38000`` (name = base units @ price);
- **Barcode Kemasan**: ``dus=8991234000012 8991234000029;renteng=8991234000036``;
- **Harga Grosir**: ``12@3300;48@3200`` (from 12 units Rp3.300), ``dus:5@145000`` (from 5 dus),
  ``1@3200[reseller]`` (for a customer group);
- **Induk**: the parent's SKU on a variant's row; **Opsi**: on the parent's row its option
  names (``Ukuran, Warna``), on a variant's row its values (``Ukuran=L; Warna=Merah``).

A blank cell keeps what the product has; a given Kemasan cell replaces the product's packs
(unlisted ones are archived), a given Harga Grosir cell its tiers. Every bad cell is named
with its column; the writer (:func:`write_extras`) runs in the import's one transaction, so
a clash found while writing refuses the whole file, naming the row.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import packs, variants
from app.errors import UserError, ValidationError
from app.importing.values import RowError, parse_barcodes, parse_import_qty, parse_price
from app.packs import PackInput, TierInput
from app.sync.pricing import share_variant
from models import Product

LABELS = {"packs": "Kemasan", "pack_barcodes": "Barcode Kemasan", "tiers": "Harga Grosir",
          "parent": "Induk", "options": "Opsi"}
_TIER = re.compile(r"^(?:(?P<pack>[^:@\[\]]+):)?(?P<qty>[^@\[\]]+)@(?P<price>[^@\[\]]+)"
                   r"(?:\[(?P<group>[^\]]*)\])?$")


@dataclass
class RowExtras:
    """What a row says about packs, tiers and variants (None: the cell was blank → keep)."""

    packs: list[PackInput] | None = None
    tiers: list[TierInput] | None = None
    option_names: list[str] | None = None  # a parent's row
    parent_sku: str = ""  # a variant's row
    values: list[str] | None = None  # a variant's row: its option values, in the parent's order
    value_names: list[str] | None = None  # the option names the row gave with its values

    @property
    def pack_codes(self) -> list[str]:
        """Every pack barcode the row gives."""
        return [c for p in self.packs or [] for c in p.barcodes]


def _parts(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


def parse_packs(text: str) -> list[PackInput]:
    """``dus=40@150000;renteng=10@38000`` → packs (prices in any rupiah spelling)."""
    out: list[PackInput] = []
    for part in _parts(text):
        name, eq, rest = part.partition("=")
        qty, at, price = rest.partition("@")
        if not eq or not at or not name.strip():
            raise ValidationError("'{text}' harus ditulis nama=isi@harga, mis. dus=40@150000.", text=part)
        out.append(PackInput(name.strip(), parse_import_qty(qty, name.strip()),
                             parse_price(price, name.strip())))
    return out


def parse_pack_codes(text: str) -> dict[str, list[str]]:
    """``dus=111 222;renteng=333`` → {pack name: its barcodes}."""
    out: dict[str, list[str]] = {}
    for part in _parts(text):
        name, eq, codes = part.partition("=")
        if not eq or not name.strip():
            raise ValidationError("'{text}' harus ditulis nama=barcode, mis. dus=8991234000012.",
                                  text=part)
        out.setdefault(" ".join(name.split()).lower(), []).extend(parse_barcodes(codes))
    return out


def parse_tiers(text: str) -> list[TierInput]:
    """``12@3300;dus:5@145000;1@3200[reseller]`` → tiers."""
    out: list[TierInput] = []
    for part in _parts(text):
        match = _TIER.match(part)
        if match is None:
            raise ValidationError("'{text}' harus ditulis jumlah@harga, mis. 12@3300 atau "
                                  "dus:5@145000 atau 1@3200[reseller].", text=part)
        out.append(TierInput(parse_import_qty(match["qty"], part), parse_price(match["price"], part),
                             group=match["group"] or "", pack=(match["pack"] or "").strip()))
    return out


def parse_options(text: str) -> tuple[list[str], list[str] | None]:
    """A parent's ``Ukuran, Warna`` → (names, None); a variant's ``Ukuran=L; Warna=Merah`` →
    (names, values)."""
    if "=" not in text:
        return variants.clean_option_names(re.split(r"[,;]", text)), None
    names, values = [], []
    for part in _parts(text.replace(",", ";")):
        name, eq, value = part.partition("=")
        if not eq or not name.strip() or not value.strip():
            raise ValidationError("'{text}' harus ditulis opsi=nilai, mis. Ukuran=L.", text=part)
        names.append(" ".join(name.split()))
        values.append(" ".join(value.split()))
    return names, values


def _cell(cells: dict[str, str], key: str, reasons: list[str], parse: object) -> object:
    text = cells.get(key, "").strip()
    if not text:
        return None
    try:
        return parse(text)  # type: ignore[operator]
    except UserError as exc:
        reasons.append(f"{LABELS[key]}: {exc}")
        return None


def parse_extras(cells: dict[str, str], reasons: list[str]) -> RowExtras:
    """The row's pack, tier and variant cells; each bad cell adds a reason naming its column."""
    extras = RowExtras()
    found = _cell(cells, "packs", reasons, parse_packs)
    codes = _cell(cells, "pack_barcodes", reasons, parse_pack_codes)
    if isinstance(found, list):
        extras.packs = found
        _attach_codes(found, codes if isinstance(codes, dict) else {}, reasons)
    elif isinstance(codes, dict) and codes:
        reasons.append(f"{LABELS['pack_barcodes']}: isi juga kolom {LABELS['packs']}.")
    tiers = _cell(cells, "tiers", reasons, parse_tiers)
    extras.tiers = tiers if isinstance(tiers, list) else None
    extras.parent_sku = cells.get("parent", "").strip()
    options = _cell(cells, "options", reasons, parse_options)
    if isinstance(options, tuple):
        names, values = options
        if values is None:
            extras.option_names = names
        else:
            extras.value_names, extras.values = names, values
    if extras.parent_sku and extras.values is None:
        reasons.append(f"{LABELS['options']}: varian perlu nilai opsinya, mis. Ukuran=L; Warna=Merah.")
    if extras.values is not None and not extras.parent_sku:
        reasons.append(f"{LABELS['parent']}: varian perlu SKU produk induknya.")
    return extras


def _attach_codes(found: list[PackInput], codes: dict[str, list[str]], reasons: list[str]) -> None:
    by_name = {" ".join(p.name.split()).lower(): p for p in found}
    for name, given in codes.items():
        if name not in by_name:
            reasons.append(f"{LABELS['pack_barcodes']}: kemasan '{name}' tidak ada di kolom "
                           f"{LABELS['packs']}.")
            continue
        by_name[name].barcodes = given


def check_extras(extras: RowExtras, unit: str, price: int, reasons: list[str]) -> None:
    """Each pack and tier valid, and each tier below the price of what it prices."""
    prices: dict[str, int] = {"": price}
    for data in extras.packs or []:
        try:
            packs.validate_pack(data, unit)
            prices[data.name] = data.price
        except UserError as exc:
            reasons.append(f"{LABELS['packs']}: {exc}")
    for tier in extras.tiers or []:
        try:
            packs.validate_tier(tier)
        except UserError as exc:
            reasons.append(f"{LABELS['tiers']}: {exc}")
            continue
        normal = prices.get(tier.pack)
        if normal is not None and tier.price >= normal:
            reasons.append(f"{LABELS['tiers']}: harga grosir Rp{tier.price} harus di bawah harga "
                           f"biasa Rp{normal}.")


@dataclass
class ExtrasItem:
    """A written row's extras, for :func:`write_extras`."""

    line: int
    sku: str
    extras: RowExtras


def check_parents(session: Session, items: list[ExtrasItem]) -> list[Any]:
    """Every variant row's parent is a parent row of the file or a parent in the shop, with
    the same option names; returns the bad rows (as :class:`app.importing.values.RowError`)."""

    in_file = {i.sku: i.extras.option_names for i in items if i.extras.option_names is not None}
    wanted = sorted({i.extras.parent_sku for i in items if i.extras.values is not None} - set(in_file))
    in_shop = {sku: json.loads(names) if names else None for sku, names in session.execute(
        select(Product.sku, Product.option_names).where(Product.sku.in_(wanted)))} if wanted else {}
    errors = []
    for item in items:
        if item.extras.values is None:
            continue
        names = in_file.get(item.extras.parent_sku) or in_shop.get(item.extras.parent_sku)
        given = [n.lower() for n in item.extras.value_names or []]
        if not names:
            errors.append(RowError(item.line, f"{LABELS['parent']}: produk induk "
                                              f"'{item.extras.parent_sku}' tidak ada (atau belum "
                                              f"punya opsi) di berkas maupun di toko."))
        elif [n.lower() for n in names] != given:
            errors.append(RowError(item.line, f"{LABELS['options']}: opsi varian harus "
                                              f"{', '.join(names)} seperti induknya."))
    return errors


def write_extras(session: Session, items: list[ExtrasItem], ids: dict[str, int]) -> None:
    """Write packs, tiers, parents and variants of imported rows (``ids``: SKU → product id).

    Parents first, so their variants find them; a refusal names the row.
    """
    order = sorted(items, key=lambda i: (i.extras.option_names is None, i.line))
    for item in order:
        try:
            _write_one(session, item, ids)
        except UserError as exc:
            raise ValidationError("Baris {line}: {exc} Tidak ada yang disimpan.", line=item.line,
                                  exc=exc) from exc


def _write_one(session: Session, item: ExtrasItem, ids: dict[str, int]) -> None:
    pid, extras = ids[item.sku], item.extras
    if extras.option_names is not None:
        variants.make_parent(session, pid, extras.option_names)
    if extras.values is not None:
        parent_id = ids.get(extras.parent_sku) or session.scalar(
            select(Product.id).where(Product.sku == extras.parent_sku))
        if parent_id is None:
            raise ValidationError("produk induk '{sku}' tidak ditemukan.", sku=extras.parent_sku)
        parent = session.get(Product, parent_id)
        names = variants.option_names_of(parent) if parent is not None else []
        if not names or [n.lower() for n in names] != [n.lower() for n in extras.value_names or []]:
            raise ValidationError("opsi varian harus {value} seperti induknya.",
                                  value=", ".join(names) or "diisi")
        session.execute(update(Product).where(Product.id == pid).values(
            parent_id=parent_id,
            options=json.dumps(dict(zip(names, extras.values, strict=True)), ensure_ascii=False)))
        share_variant(session, pid)
    if extras.packs is not None:
        packs.set_packs(session, pid, extras.packs)
    if extras.tiers is not None:
        packs.set_tiers(session, pid, extras.tiers)


def format_packs(views: list[packs.PackView]) -> tuple[str, str]:
    """The Kemasan and Barcode Kemasan cells of a product's packs."""
    cells = ";".join(f"{p.name}={_qty(p.factor)}@{p.price}" for p in views)
    codes = ";".join(f"{p.name}={' '.join(p.barcodes)}" for p in views if p.barcodes)
    return cells, codes


def format_tiers(views: list[packs.TierView]) -> str:
    """The Harga Grosir cell of a product's tiers."""
    return ";".join(f"{t.pack + ':' if t.pack else ''}{_qty(t.min_qty)}@{t.price}"
                    f"{'[' + t.group + ']' if t.group else ''}" for t in views)


def format_options(option_names: str, options: str) -> str:
    """The Opsi cell: a parent's option names or a variant's ``name=value`` pairs."""
    if option_names:
        return ", ".join(json.loads(option_names))
    if options:
        return "; ".join(f"{k}={v}" for k, v in json.loads(options).items())
    return ""


def _qty(value: Decimal) -> str:
    return f"{Decimal(value).normalize():f}".replace(".", ",")
