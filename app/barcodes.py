"""EAN-13 check digits and in-store codes (for goods without a barcode).

New in-store codes start with ``040`` (GS1: restricted circulation within a company), out of
the 20–29 range that label scales print weight and price codes in (:mod:`app.scale`). Codes the
shop made before under ``20`` stay on their products and are still found by exact match.
A scanner set to send UPC-A sends a ``0…`` EAN-13 as 12 digits: :func:`upc_a_as_ean13`.
"""

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


INSTORE_PREFIX = "040"


def upc_a_as_ean13(code: str) -> str | None:
    """A 12-digit UPC-A as the EAN-13 it is (a leading ``0``); None when ``code`` is not one."""
    if len(code) == 12 and code.isdigit() and is_valid_ean13("0" + code):
        return "0" + code
    return None


def next_instore_ean13(session: Session) -> str:
    """A new in-store EAN-13 (prefix ``040``, outside the scale range) not used by any product."""
    last = session.scalar(
        select(func.max(Barcode.code)).where(Barcode.code.like(f"{INSTORE_PREFIX}%"),
                                             func.length(Barcode.code) == 13)
    )
    start = len(INSTORE_PREFIX)
    number = int(last[start:12]) + 1 if last and last.isdigit() else 1
    while True:
        code = make_ean13(f"{INSTORE_PREFIX}{number:09d}")
        if session.scalar(select(Barcode.id).where(Barcode.code == code)) is None:
            return code
        number += 1
