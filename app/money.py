"""Money and quantities for the desktop app: the rules live in :mod:`contract.money` and
:mod:`contract.quantity` (shared with the catalog server); this module names them for ``app/``.

Money is whole rupiah held in ``int``; quantities are :class:`~decimal.Decimal`
with three places (weighed goods: ``0.250`` kg). Nothing here ever uses ``float``.
"""

from __future__ import annotations

from contract.money import (
    DEFAULT_PPN_DENOMINATOR,
    DEFAULT_PPN_NUMERATOR,
    MAX_AMOUNT,
    format_rupiah,
    format_rupiah_decimal,
    line_total,
    parse_rupiah,
    percent_of,
    ppn_included,
    round_rupiah,
)
from contract.quantity import (
    QTY_DECIMALS,
    QTY_MAX_DIGITS,
    QTY_PLACES,
    check_qty_limit,
    format_number,
    format_qty,
    parse_qty,
    quantize_qty,
)

__all__ = [
    "DEFAULT_PPN_DENOMINATOR", "DEFAULT_PPN_NUMERATOR", "MAX_AMOUNT", "QTY_DECIMALS",
    "QTY_MAX_DIGITS", "QTY_PLACES", "check_qty_limit", "format_number", "format_qty",
    "format_rupiah", "format_rupiah_decimal", "line_total", "parse_qty", "parse_rupiah",
    "percent_of", "ppn_included", "quantize_qty", "round_rupiah",
]
