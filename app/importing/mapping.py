"""Column mapping: which spreadsheet header means which product field (Indonesian or English)."""

from __future__ import annotations

import re

# field key → (label shown to the seller, accepted header spellings after normalising)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "sku": ("SKU", ("sku", "kode", "kode produk", "kode barang", "code", "product code", "item code")),
    "barcodes": ("Barcode", ("barcode", "barcodes", "kode barcode", "ean", "upc", "gtin")),
    "name": ("Nama Produk", ("nama produk", "nama", "name", "nama barang", "product name", "produk",
                             "product", "item name")),
    "category": ("Kategori", ("kategori", "category", "kategori produk", "golongan")),
    "unit": ("Satuan", ("satuan", "unit", "uom", "unit of measure")),
    "by_weight": ("Dijual per Berat", ("dijual per berat", "by weight", "sold by weight", "timbang",
                                       "per berat")),
    "price": ("Harga Jual", ("harga jual", "harga", "price", "sell price", "selling price",
                             "sale price")),
    "cost": ("Harga Pokok", ("harga pokok", "modal", "cost", "harga beli", "hpp", "harga modal",
                             "cost price", "purchase price")),
    "stock": ("Stok", ("stok", "stock", "stok awal", "qty", "quantity", "jumlah", "on hand")),
    "min_stock": ("Stok Minimum", ("stok minimum", "min stock", "stok min", "minimum stock",
                                   "minimum", "min stok", "reorder level")),
    "published": ("Terbit PEKEN", ("terbit peken", "published", "peken", "tampil di peken",
                                   "publish")),
    "archived": ("Diarsipkan", ("diarsipkan", "archived", "arsip")),
    "packs": ("Kemasan", ("kemasan", "packs", "pack", "kemasan jual", "pack sizes")),
    "pack_barcodes": ("Barcode Kemasan", ("barcode kemasan", "pack barcodes", "pack barcode",
                                          "barcode dus")),
    "tiers": ("Harga Grosir", ("harga grosir", "grosir", "tiers", "wholesale", "wholesale price",
                               "price tiers")),
    "parent": ("Induk", ("induk", "sku induk", "parent", "parent sku", "produk induk")),
    "options": ("Opsi", ("opsi", "options", "varian", "variant", "opsi varian")),
}
REQUIRED = ("name", "price")
EXPORT_ORDER = ("sku", "barcodes", "name", "category", "unit", "by_weight", "price", "cost", "stock",
                "min_stock", "published", "archived", "packs", "pack_barcodes", "tiers", "parent",
                "options")

_ALIASES = {alias: key for key, (_label, aliases) in FIELDS.items() for alias in aliases}


def normalise_header(header: str) -> str:
    """Lower case, punctuation to spaces, single spaces: ``"Harga Jual (Rp)*"`` → ``"harga jual rp"``."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", header.lower()).split())


def field_for_header(header: str) -> str:
    """The field key a header names, or ``""`` when unknown (the column is ignored)."""
    norm = normalise_header(header)
    if norm in _ALIASES:
        return _ALIASES[norm]
    stripped = re.sub(r"\b(rp|idr|wajib|opsional|optional)\b", "", norm)
    return _ALIASES.get(" ".join(stripped.split()), "")


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field key for every recognised header (first column wins a field)."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for index, header in enumerate(headers):
        key = field_for_header(header)
        if key and key not in used:
            mapping[index] = key
            used.add(key)
    return mapping


def missing_required(mapping: dict[int, str]) -> list[str]:
    """Labels of the required fields that no column maps to."""
    mapped = set(mapping.values())
    return [FIELDS[key][0] for key in REQUIRED if key not in mapped]


def label(key: str) -> str:
    """The Indonesian column label of a field key."""
    return FIELDS[key][0]
