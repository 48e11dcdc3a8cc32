"""Tiny rupiah formatter for messages of the payments package (``Rp12.500``)."""

from __future__ import annotations


def rupiah(amount: int) -> str:
    """Format whole rupiah the Indonesian way: ``Rp1.250.000`` (dot for thousands)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")
