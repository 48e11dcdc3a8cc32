"""One reading of spreadsheet cells for the product import and the bank statement import."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from app.importing.reader import cell_text as price_cell
from app.payments.statements.reader import cell_text as statement_cell


@pytest.mark.parametrize("read", [price_cell, statement_cell])
@pytest.mark.parametrize(("value", "text"), [
    (None, ""),
    (True, "ya"),
    (False, "tidak"),
    (datetime(2026, 11, 30), "2026-11-30"),
    (datetime(2026, 11, 30, 14, 5, 9, 1234), "2026-11-30 14:05:09"),
    (date(2026, 1, 2), "2026-01-02"),
    (time(7, 30), "07:30:00"),
    (12, "12"),
    ("Kopi\u00a0Susu", "Kopi Susu"),
])
def test_both_imports_read_cells_alike(read: object, value: object, text: str) -> None:
    assert callable(read)
    assert read(value) == text


def test_numbers_are_exact_and_each_import_writes_them_its_way() -> None:
    assert price_cell(15000.0) == "15000" and price_cell(0.1 + 0.2) == "0.30000000000000004"
    assert price_cell(Decimal("2.500")) == "2.5"
    assert statement_cell(15000.0) == "15000.00"   # an amount never reads as thousands
    assert statement_cell(1.125) == "1.1250"
