"""Fixtures for receipt tests (the helpers live in receipt_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from receipt_helpers import Decoded, decode_escpos, make_cash_qris_receipt, make_transfer_receipt

from app.receipts.layout import Receipt


@pytest.fixture
def cash_qris_receipt() -> Receipt:
    """Split payment: Rp100.000 cash now (opens the drawer), the rest by QRIS, pending."""
    return make_cash_qris_receipt()


@pytest.fixture
def transfer_receipt() -> Receipt:
    """A booth order paid by bank transfer with a kode unik, also offering QRIS."""
    return make_transfer_receipt()


@pytest.fixture
def decode() -> Callable[[bytes], Decoded]:
    """The ESC/POS decoder."""
    return decode_escpos
