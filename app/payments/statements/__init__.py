"""Bank statement ("mutasi rekening") import: CSV/XLSX of BCA, Mandiri, BRI, BNI, Bank Jatim.

Use :func:`parse_statement`; it returns a :class:`Statement` whose ``lines`` are
:class:`StatementLine` objects, or raises :class:`StatementError` with an Indonesian message.
"""

from __future__ import annotations

from app.payments.statements.model import (
    CREDIT,
    DEBIT,
    Direction,
    RefusedLine,
    Statement,
    StatementError,
    StatementLine,
)
from app.payments.statements.parser import parse_statement

__all__ = [
    "CREDIT",
    "DEBIT",
    "Direction",
    "RefusedLine",
    "Statement",
    "StatementError",
    "StatementLine",
    "parse_statement",
]
