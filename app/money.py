"""Money and quantities.

Money is whole rupiah held in ``int``; quantities are :class:`~decimal.Decimal`
with three places (weighed goods: ``0.250`` kg). Nothing here ever uses
``float``.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.errors import ValidationError

QTY_PLACES = Decimal("0.001")
DEFAULT_PPN_NUMERATOR = 11
DEFAULT_PPN_DENOMINATOR = 111
MAX_AMOUNT = 10_000_000_000  # Rp10 miliar: anything above is a typing mistake


def format_rupiah(amount: int) -> str:
    """Format whole rupiah the Indonesian way: ``12500`` → ``Rp12.500``."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"rupiah must be int, got {type(amount).__name__}")
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def format_number(amount: int) -> str:
    """Format an integer with dots for thousands and no currency: ``12500`` → ``12.500``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".")


def quantize_qty(qty: Decimal | int | str) -> Decimal:
    """Return ``qty`` as a Decimal with exactly three places (half-up)."""
    try:
        value = Decimal(qty) if not isinstance(qty, Decimal) else qty
        if not value.is_finite():
            raise InvalidOperation
        return value.quantize(QTY_PLACES, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise ValidationError("Jumlah '{qty}' bukan angka yang sah.", field="qty", qty=qty) from exc


def format_qty(qty: Decimal) -> str:
    """Show a quantity with a comma decimal and no trailing zeros: ``1.500`` → ``1,5``."""
    value = quantize_qty(qty)
    sign = "-" if value < 0 else ""
    integer, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0")
    grouped = format_number(int(integer))
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


_DIGITS = re.compile(r"[0-9]+")
_QTY_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
QTY_MAX_DIGITS = 12
QTY_DECIMALS = 3


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


def round_rupiah(value: Decimal) -> int:
    """Round a Decimal amount half-up to whole rupiah."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def line_total(qty: Decimal, unit_price: int) -> int:
    """Total of ``qty`` × ``unit_price``, rounded half-up to whole rupiah."""
    return round_rupiah(quantize_qty(qty) * unit_price)


def percent_of(amount: int, percent: Decimal) -> int:
    """``percent`` % of ``amount``, rounded half-up to whole rupiah."""
    return round_rupiah(Decimal(amount) * Decimal(percent) / 100)


def ppn_included(
    total: int,
    numerator: int = DEFAULT_PPN_NUMERATOR,
    denominator: int = DEFAULT_PPN_DENOMINATOR,
) -> int:
    """PPN contained in a tax-inclusive ``total`` (default 11/111), half-up."""
    return round_rupiah(Decimal(total) * numerator / denominator)


def parse_rupiah(text: str | int) -> int:
    """Parse a rupiah amount typed or imported: ``Rp 12.500``, ``12500``, ``12.500,00``.

    Cents other than ``,00``/``.00`` are refused: rupiah has no cents here.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    raw = str(text).strip()
    cleaned = raw.upper().replace("RP", "").replace(" ", "").replace("\u00a0", "")
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("-+")
    if not cleaned or not all(ch.isdigit() or ch in ".," for ch in cleaned):
        raise ValidationError("'{raw}' bukan jumlah rupiah yang sah.", field="amount", raw=raw)
    whole = _strip_decimal_part(cleaned, raw)
    digits = whole.replace(".", "").replace(",", "")
    if not digits:
        raise ValidationError("'{raw}' bukan jumlah rupiah yang sah.", field="amount", raw=raw)
    value = int(digits)
    return -value if negative else value


def _strip_decimal_part(cleaned: str, raw: str) -> str:
    """Remove a trailing ``,00``/``.00`` decimal part; refuse real cents."""
    for sep in (",", "."):
        head, found, tail = cleaned.rpartition(sep)
        if found and len(tail) in (1, 2) and tail.isdigit():
            if int(tail) != 0:
                raise ValidationError(
                    "'{raw}' memakai sen; rupiah harus bilangan bulat.", field="amount", raw=raw
                )
            return head
    return cleaned
