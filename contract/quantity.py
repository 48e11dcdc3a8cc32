"""Quantities: :class:`~decimal.Decimal` with exactly three places, never ``float``.

Weighed goods are sold in thousandths (``0.250`` kg). Two spellings exist:

* what a seller types, the Indonesian way (:func:`parse_qty`: ``1,5``, ``1.000``), shown back
  with :func:`format_qty` (``1,5``);
* the wire text of the sync API and the server's columns (:func:`wire_milli` reads
  ``"-2.000"`` into integer thousandths, :func:`milli_text` writes it back).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from contract.errors import ValidationError

QTY_PLACES = Decimal("0.001")
QTY_MAX_DIGITS = 12
QTY_DECIMALS = 3
MILLI = 1000
MAX_QTY_MILLI = 10**15

_DIGITS = re.compile(r"[0-9]+")
_QTY_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


def quantize_qty(qty: Decimal | int | str) -> Decimal:
    """Return ``qty`` as a Decimal with exactly three places (half-up)."""
    try:
        value = Decimal(qty) if not isinstance(qty, Decimal) else qty
        if not value.is_finite():
            raise InvalidOperation
        return value.quantize(QTY_PLACES, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise ValidationError("Jumlah '{qty}' bukan angka yang sah.", field="qty", qty=qty) from exc


def format_number(amount: int) -> str:
    """Format an integer with dots for thousands and no currency: ``12500`` → ``12.500``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".")


def format_qty(qty: Decimal) -> str:
    """Show a quantity with a comma decimal and no trailing zeros: ``1.500`` → ``1,5``."""
    value = quantize_qty(qty)
    sign = "-" if value < 0 else ""
    integer, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0")
    grouped = format_number(int(integer))
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def parse_qty(text: str, *, signed: bool = False) -> Decimal:
    """Read a quantity typed by a seller, the Indonesian way.

    A comma is the decimal mark and a dot groups thousands: ``1,5`` is one and a half,
    ``1.000`` a thousand, ``1.234,5`` is 1234,5. At most three decimals. A minus sign is
    refused unless ``signed`` (a stock correction). Anything else (``1e9``, ``1.5``,
    ``0.250``, ``abc``) raises :class:`ValidationError`.
    """
    raw = str(text)
    cleaned = raw.strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise ValidationError("Jumlah belum diisi.", field="qty")
    negative = cleaned.startswith("-")
    if negative:
        if not signed:
            raise ValidationError("Jumlah tidak boleh negatif.", field="qty")
        cleaned = cleaned[1:]
    whole, comma, fraction = cleaned.partition(",")
    if comma and not _DIGITS.fullmatch(fraction):
        raise _bad_qty(raw)
    if len(fraction) > QTY_DECIMALS:
        raise ValidationError("Jumlah '{text}' punya lebih dari 3 angka di belakang koma.",
                              field="qty", text=raw.strip())
    if "." in whole:
        if not _QTY_GROUPED.fullmatch(whole):
            raise ValidationError(
                "Jumlah '{text}' tidak jelas: pakai koma untuk desimal (1,5) "
                "dan titik untuk ribuan (1.000).", field="qty", text=raw.strip())
        whole = whole.replace(".", "")
    if not _DIGITS.fullmatch(whole or "0"):
        raise _bad_qty(raw)
    if len(whole.lstrip("0")) > QTY_MAX_DIGITS:
        raise ValidationError("Jumlah '{text}' terlalu besar.", field="qty", text=raw.strip())
    value = quantize_qty(f"{whole or '0'}.{fraction or '0'}")
    return -value if negative else value


def _bad_qty(raw: str) -> ValidationError:
    return ValidationError("Jumlah '{text}' bukan angka yang sah.", field="qty", text=raw.strip())


def check_qty_limit(qty: Decimal, max_qty: int) -> Decimal:
    """``qty`` when it is above zero and at most ``max_qty`` (``sales.max_qty``); else refused."""
    value = quantize_qty(qty)
    if value <= 0:
        raise ValidationError("Jumlah harus lebih dari 0.", field="qty")
    if value > max_qty:
        raise ValidationError(
            "Jumlah {qty} terlalu besar: paling banyak {limit} per baris "
            "(batas di Pengaturan → Toko).", field="qty",
            qty=format_qty(value), limit=format_number(max_qty))
    return value


class QuantityError(ValidationError):
    """The wire text is not a quantity with at most 3 decimals (message in Bahasa Indonesia)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="qty")


def wire_milli(value: str | Decimal) -> int:
    """Wire text → thousandths: ``"-2.000"`` → ``-2000``; refuses ``1e3``, NaN and 4 decimals."""
    text = str(value).strip()
    if not text or any(ch not in "0123456789.-+" for ch in text):
        raise QuantityError("Jumlah harus angka desimal seperti \"-2.000\".")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise QuantityError("Jumlah harus angka desimal seperti \"-2.000\".") from exc
    scaled = number * MILLI
    if not number.is_finite() or scaled != scaled.to_integral_value():
        raise QuantityError("Jumlah boleh paling banyak 3 angka di belakang koma.")
    milli = int(scaled)
    if abs(milli) > MAX_QTY_MILLI:
        raise QuantityError("Jumlah terlalu besar.")
    return milli


def milli_qty(milli: int) -> Decimal:
    """Thousandths → a Decimal with 3 places: ``-2000`` → ``Decimal("-2.000")``."""
    return (Decimal(milli) / MILLI).quantize(QTY_PLACES)


def milli_text(milli: int) -> str:
    """Thousandths → wire text: ``-2000`` → ``"-2.000"``."""
    return str(milli_qty(milli))


def wire_qty(qty: Decimal) -> str:
    """A Decimal quantity as wire text with exactly 3 places: ``Decimal("1.5")`` → ``"1.500"``."""
    return f"{quantize_qty(qty):.3f}"
