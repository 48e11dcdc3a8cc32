"""Exact quantities (3 decimals, stored as integer thousandths) and rupiah rounding."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MILLI = 1000
MAX_QTY_MILLI = 10**15
WIB = timezone(timedelta(hours=7), "WIB")


class QuantityError(ValueError):
    """The text is not a quantity with at most 3 decimals."""


def parse_qty(value: str | Decimal) -> int:
    """``"-2.000"`` → ``-2000`` thousandths; refuses floats-in-disguise like ``1e3`` or NaN."""
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


def format_qty(milli: int) -> str:
    """``-2000`` → ``"-2.000"`` (the wire format of quantities)."""
    return str((Decimal(milli) / MILLI).quantize(Decimal("0.001")))


def line_total(price: int, qty_milli: int) -> int:
    """Price × quantity in whole rupiah, rounded half-up."""
    exact = Decimal(price) * Decimal(qty_milli) / MILLI
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_key(moment: datetime) -> str:
    """The turnover month (``YYYY-MM``) of a moment, in Surabaya time (WIB, UTC+7)."""
    return moment.astimezone(WIB).strftime("%Y-%m")
