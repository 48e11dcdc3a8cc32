"""Money: whole rupiah held in ``int``, rounded half-up, written the Indonesian way.

Nothing here ever uses ``float``. Amounts are formatted ``Rp12.500`` (dot for thousands);
typed or imported amounts (``Rp 12.500``, ``12.500,00``) are read by :func:`parse_rupiah`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from contract.errors import ValidationError
from contract.quantity import milli_qty, quantize_qty

DEFAULT_PPN_NUMERATOR = 11
DEFAULT_PPN_DENOMINATOR = 111
MAX_AMOUNT = 10_000_000_000  # Rp10 miliar: anything above is a typing mistake


def format_rupiah(amount: int) -> str:
    """Format whole rupiah the Indonesian way: ``12500`` → ``Rp12.500``."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"rupiah must be int, got {type(amount).__name__}")
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def format_rupiah_decimal(amount: Decimal) -> str:
    """A Decimal amount of rupiah, showing sen only when there are any (``Rp1.250,50``)."""
    if amount == amount.to_integral_value():
        return format_rupiah(int(amount))
    whole = int(abs(amount))
    cents = f"{abs(amount) - whole:.2f}"[2:]
    sign = "-" if amount < 0 else ""
    return f"{sign}{format_rupiah(whole)},{cents}"


def round_rupiah(value: Decimal) -> int:
    """Round a Decimal amount half-up to whole rupiah."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def line_total(qty: Decimal, unit_price: int) -> int:
    """Total of ``qty`` × ``unit_price``, rounded half-up to whole rupiah."""
    return round_rupiah(quantize_qty(qty) * unit_price)


def milli_line_total(unit_price: int, qty_milli: int) -> int:
    """:func:`line_total` of a quantity held in thousandths (the server's columns)."""
    return line_total(milli_qty(qty_milli), unit_price)


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
