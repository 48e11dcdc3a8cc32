"""Spreadsheet cells as text: one reading of an ``.xlsx`` cell for every import.

openpyxl hands back Python values (numbers as float, dates as datetime, booleans); the
importers parse text, as they do for CSV. The rules: empty → ``""``; a boolean → ``ya`` /
``tidak``; a date at midnight → ``2026-11-30``, with a time → ``2026-11-30 14:05:00``;
non-breaking spaces → spaces; numbers exact (through ``repr``, never float noise), written
by the caller's ``number`` rule, because a price list and a bank statement read numbers
differently (see :func:`app.importing.reader.cell_text` and
:func:`app.payments.statements.reader.cell_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal


def cell_text(value: object, number: Callable[[Decimal], str]) -> str:
    """The text of one cell value; ``number`` writes numbers (given exactly, as Decimal)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return number(Decimal(repr(value)) if isinstance(value, float) else value)
    return str(value).replace("\u00a0", " ")
