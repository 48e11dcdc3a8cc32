"""Cell-level parsing: amounts, markers, dates, times and statement periods."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from app.payments.statements.amounts import AmountError, parse_amount, parse_marker
from app.payments.statements.dates import DateError, parse_date, parse_period, parse_time
from app.payments.statements.reader import cell_text

JAN_6 = date(2026, 1, 6)


@pytest.mark.parametrize(
    ("text", "value", "marker"),
    [
        ("1,250,000.00 CR", "1250000", "credit"),
        ("287,490.00 DB", "287490", "debit"),
        ("453,684.00", "453684", None),
        (".00", "0", None),
        ("1.250.000,00", "1250000", None),
        ("Rp 1.250.000", "1250000", None),
        ("IDR 1,250,000", "1250000", None),
        ("72100000.00", "72100000", None),
        ("(5,000.00)", "-5000", None),
        ("-5000", "-5000", None),
        ("5.000-", "-5000", None),
        ("50,456", "50456", None),
        ("12.500", "12500", None),
        ("1234.56", "1234.56", None),
        ("'125345.00", "125345", None),
        ("1.250,00\u00a0K", "1250", "credit"),
    ],
)
def test_amounts(text: str, value: str, marker: str | None) -> None:
    assert parse_amount(text) == (Decimal(value), marker)


@pytest.mark.parametrize("text", ["", "abc", "1,25,000", "12,3456.00", "1.2.3,4.5", "Rp", "1 250"])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)


def test_markers() -> None:
    assert [parse_marker(m) for m in ("CR", "c", "K", "Kredit", "DB", "D", "DR", "Debet", "")] == [
        "credit", "credit", "credit", "credit", "debit", "debit", "debit", "debit", None,
    ]  # fmt: skip
    with pytest.raises(AmountError):
        parse_marker("X")


@pytest.mark.parametrize(
    ("text", "expected", "moment"),
    [
        ("02/06/2025", date(2025, 6, 2), None),
        ("'02/06/25", date(2025, 6, 2), None),
        ("2-6-2025", date(2025, 6, 2), None),
        ("2025-06-02", date(2025, 6, 2), None),
        ("2025-06-02 09:15:02", date(2025, 6, 2), time(9, 15, 2)),
        ("02/06/2025 14.30", date(2025, 6, 2), time(14, 30)),
        ("02-Jun-2025", date(2025, 6, 2), None),
        ("17 Agustus 2025", date(2025, 8, 17), None),
        ("5 Des 2025", date(2025, 12, 5), None),
        ("'31/12", date(2025, 12, 31), None),  # December line in a January import
        ("'06/01", date(2026, 1, 6), None),
        ("29/02", date(2024, 2, 29), None),
    ],
)
def test_dates(text: str, expected: date, moment: time | None) -> None:
    assert parse_date(text, JAN_6) == (expected, moment)


@pytest.mark.parametrize("text", ["31/02/2025", "13/13/2025", "06/2025", "kemarin", "1/2/3/4"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, JAN_6)


def test_times() -> None:
    assert parse_time("91502") == time(9, 15, 2)
    assert parse_time("124141") == time(12, 41, 41)
    assert parse_time("0") == time(0, 0, 0)
    assert parse_time("9:05") == time(9, 5)
    assert parse_time("") is None
    for bad in ("250000", "12:61", "abc"):
        with pytest.raises(DateError):
            parse_time(bad)


def test_periods() -> None:
    assert parse_period("01/06/2025 - 07/06/2025") == (date(2025, 6, 1), date(2025, 6, 7))
    assert parse_period("1 Juni 2025 s/d 30 Juni 2025") == (date(2025, 6, 1), date(2025, 6, 30))
    assert parse_period("2025-12-29 sampai 2026-01-05") == (date(2025, 12, 29), date(2026, 1, 5))
    assert parse_period("07/06/2025 - 01/06/2025") is None
    assert parse_period("Juni 2025") is None


def test_xlsx_cells_become_exact_text() -> None:
    assert cell_text(125345.0) == "125345.00"
    assert cell_text(1.125) == "1.1250"  # never read as thousands
    assert cell_text(1234.5) == "1234.50"
    assert cell_text(91502) == "91502"
    assert cell_text(None) == ""
    assert cell_text(date(2025, 6, 2)) == "2025-06-02"
    assert cell_text(time(9, 15)) == "09:15:00"
