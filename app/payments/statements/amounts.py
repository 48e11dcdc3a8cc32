"""Amounts and debit/credit markers as banks write them, parsed with Decimal only.

Accepted: ``1,250,000.00 CR``, ``"453,684.00"``, ``.00``, ``1.250.000,00``, ``Rp 1.250.000``,
``72100000.00``, ``50,456`` (three digits after a single separator are thousands), ``-5000``,
``(5,000.00)``. The later of ``.`` and ``,`` is the decimal mark.
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.payments.statements.model import CREDIT, DEBIT, Direction

CREDIT_MARKERS = frozenset({"C", "CR", "K", "KR", "KREDIT", "CREDIT"})
DEBIT_MARKERS = frozenset({"D", "DB", "DR", "DEBIT", "DEBET"})
_MARKER_AT_END = re.compile(r"^(.*?[\d.,)])\s*(KREDIT|CREDIT|DEBIT|DEBET|CR|DB|DR|KR|C|D|K)$")
_CURRENCY = re.compile(r"^(?:RP|IDR)\.?\s*")
_NUMBER = re.compile(r"[\d.,]*\d[\d.,]*|[.,]\d+")


class AmountError(ValueError):
    """The text is not an amount; the message (Indonesian) says why."""


def parse_marker(text: str) -> Direction | None:
    """``CR``/``C``/``K``... → credit, ``DB``/``D``/``DR``... → debit, empty → None."""
    word = text.strip().strip("'").strip().upper().rstrip(".")
    if not word:
        return None
    if word in CREDIT_MARKERS:
        return CREDIT
    if word in DEBIT_MARKERS:
        return DEBIT
    raise AmountError(f"penanda debit/kredit tidak dikenal: {text.strip()!r}")


def parse_amount(text: str) -> tuple[Decimal, Direction | None]:
    """Parse an amount cell into a signed Decimal and the DB/CR marker written in it, if any."""
    work = text.replace("\u00a0", " ").strip().strip("'").strip().upper()
    if not work:
        raise AmountError("nominal kosong")
    marker: Direction | None = None
    found = _MARKER_AT_END.match(work)
    if found:
        work, marker = found.group(1).strip(), parse_marker(found.group(2))
    negative = False
    if work.startswith("(") and work.endswith(")"):
        negative, work = True, work[1:-1].strip()
    for _ in range(2):  # the sign may stand before or after "Rp"
        if work[:1] in ("-", "+"):
            negative, work = negative or work[0] == "-", work[1:].strip()
        work = _CURRENCY.sub("", work)
    if work.endswith("-"):
        negative, work = True, work[:-1].strip()
    value = parse_number(work, text)
    return (-value if negative else value), marker


def _grouped(digits: str, separator: str) -> bool:
    groups = digits.split(separator)
    return (
        1 <= len(groups[0]) <= 3
        and all(len(g) == 3 for g in groups[1:])
        and all(g.isdigit() for g in groups)
    )


def parse_number(work: str, original: str) -> Decimal:
    """Parse digits with thousands separators and an optional decimal mark (either style)."""
    if not _NUMBER.fullmatch(work):
        raise AmountError(f"nominal tidak bisa dibaca: {original.strip()!r}")
    dots, commas = work.count("."), work.count(",")
    whole, fraction = work, ""
    if dots and commas:
        mark = "." if work.rfind(".") > work.rfind(",") else ","
        thousands = "," if mark == "." else "."
        if work.count(mark) > 1:
            raise AmountError(f"nominal tidak bisa dibaca: {original.strip()!r}")
        whole, fraction = work.split(mark)
        if not _grouped(whole, thousands):
            raise AmountError(f"pemisah ribuan salah: {original.strip()!r}")
        whole = whole.replace(thousands, "")
    elif dots or commas:
        sep = "." if dots else ","
        head, _, tail = work.partition(sep)
        if work.count(sep) > 1 or (head and len(tail) == 3):
            if not _grouped(work, sep):
                raise AmountError(f"pemisah ribuan salah: {original.strip()!r}")
            whole = work.replace(sep, "")
        else:
            whole, fraction = head, tail
    if not fraction.isdigit() and fraction:
        raise AmountError(f"nominal tidak bisa dibaca: {original.strip()!r}")
    return Decimal(f"{whole or '0'}.{fraction or '0'}")
