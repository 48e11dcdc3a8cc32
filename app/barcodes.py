"""EAN-13 check digits and in-store codes (prefix 2, for goods without a barcode)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Barcode


def ean13_check_digit(first12: str) -> int:
    """The EAN-13 check digit of 12 digits."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError("EAN-13 needs 12 digits before the check digit")
    odd = sum(int(d) for d in first12[0::2])
    even = sum(int(d) for d in first12[1::2])
    return (10 - (odd + 3 * even) % 10) % 10


def make_ean13(first12: str) -> str:
    """12 digits plus their check digit."""
    return first12 + str(ean13_check_digit(first12))


def is_valid_ean13(code: str) -> bool:
    """Whether ``code`` is 13 digits with a correct check digit."""
    return len(code) == 13 and code.isdigit() and ean13_check_digit(code[:12]) == int(code[12])


def next_instore_ean13(session: Session) -> str:
    """A new in-store EAN-13 (prefix ``20``) not used by any product."""
    last = session.scalar(
        select(func.max(Barcode.code)).where(Barcode.code.like("20%"), func.length(Barcode.code) == 13)
    )
    number = int(last[2:12]) + 1 if last and last.isdigit() else 1
    while True:
        code = make_ean13(f"20{number:010d}")
        if session.scalar(select(Barcode.id).where(Barcode.code == code)) is None:
            return code
        number += 1
