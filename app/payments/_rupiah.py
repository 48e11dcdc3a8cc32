"""Tiny rupiah formatter for messages of the payments package (``Rp12.500``)."""

from __future__ import annotations

from decimal import Decimal


def rupiah(amount: int) -> str:
    """Format whole rupiah the Indonesian way: ``Rp1.250.000`` (dot for thousands)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def rupiah_decimal(amount: Decimal) -> str:
    """Format a Decimal amount of rupiah, showing sen only when there are any (``Rp1.250,50``)."""
    if amount == amount.to_integral_value():
        return rupiah(int(amount))
    whole = int(abs(amount))
    cents = f"{abs(amount) - whole:.2f}"[2:]
    sign = "-" if amount < 0 else ""
    return f"{sign}{rupiah(whole)},{cents}"
