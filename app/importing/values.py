"""Parsing single spreadsheet cells: rupiah, quantities, yes/no, units, barcode lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.catalog import UNITS
from app.errors import ValidationError
from app.money import parse_rupiah, quantize_qty

_TRUE = {"ya", "y", "yes", "true", "1", "x", "v", "benar", "iya", "aktif"}
_FALSE = {"tidak", "t", "no", "n", "false", "0", "", "-", "salah", "tdk", "nonaktif"}
_UNIT_ALIASES = {
    "pc": "pcs", "buah": "pcs", "biji": "pcs", "bh": "pcs", "unit": "pcs", "piece": "pcs",
    "kilogram": "kg", "kilo": "kg", "gram": "g", "gr": "g", "ltr": "liter", "l": "liter",
    "litre": "liter", "pack": "pak", "pck": "pak", "box": "dus", "karton": "dus",
    "bungkus": "bks", "m": "meter", "lbr": "lembar", "btl": "botol",
}
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_price(text: str, label: str) -> int:
    """A rupiah amount (``Rp 12.500``, ``12500``, ``12.500,00``) naming the column on error."""
    try:
        return parse_rupiah(text)
    except ValidationError as exc:
        raise ValidationError("{label}: {exc}", label=label, exc=exc) from exc


def parse_import_qty(text: str, label: str) -> Decimal:
    """A quantity: ``12``, ``1,5``, ``1.5``; ``1.000`` (dot groups of three) is one thousand."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        value = quantize_qty(cleaned)
    except ValidationError:
        raise ValidationError("{label}: '{text}' bukan angka yang sah.", label=label, text=text) from None
    if Decimal(cleaned) != value:
        raise ValidationError("{label}: '{text}' lebih dari 3 angka desimal.", label=label, text=text)
    return value


def parse_bool(text: str, label: str) -> bool:
    """Ya/Tidak, Yes/No, 1/0, true/false, x (checked) or empty (no)."""
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValidationError("{label}: '{text}' harus Ya atau Tidak.", label=label, text=text)


def parse_unit(text: str) -> str:
    """A unit from :data:`app.catalog.UNITS` (common spellings accepted)."""
    word = text.strip().lower()
    word = _UNIT_ALIASES.get(word, word)
    if word not in UNITS:
        raise ValidationError("Satuan '{text}' tidak dikenal; pakai salah satu: {value}.", text=text,
                              value=', '.join(UNITS))
    return word


def parse_barcodes(text: str) -> list[str]:
    """Several barcodes in one cell, separated by comma, semicolon, '|' or spaces."""
    return [code for code in re.split(r"[,;|\s]+", text.strip()) if code]


@dataclass(frozen=True)
class RowError:
    """A bad row: its number in the spreadsheet and why (Indonesian)."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"Baris {self.line}: {self.reason}"
