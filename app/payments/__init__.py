"""Payments straight to the seller: QRIS payloads, bank statements, matching and unique codes.

Everything in this package is pure Python over plain data (no database, no Qt):

* :mod:`contract.qris` parses a static QRIS payload and turns it into a dynamic one.
* :mod:`app.payments.statements` reads the bank statement exports (CSV/XLSX) of BCA, Mandiri,
  BRI, BNI and Bank Jatim into :class:`~app.payments.statements.StatementLine` rows.
* :mod:`app.payments.matching` proposes which credit line pays which open payment.
* :mod:`app.payments.unique_code` picks the "kode unik" added to a transfer amount.
"""

from __future__ import annotations
