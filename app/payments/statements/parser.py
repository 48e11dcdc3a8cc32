"""``parse_statement``: recognise the bank, read every row, check the footer totals.

Atomic: a broken row makes the whole file refused with the list of bad rows and why. A valid
row whose amount has sen (not whole rupiah) is kept out of the lines and listed in
``Statement.refused`` instead, so interest and tax lines do not block an import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from app import clock
from app.payments.statements.amounts import AmountError, parse_amount, parse_marker
from app.payments.statements.dates import DateError, parse_date, parse_period, parse_time
from app.payments.statements.layouts import HEADER_SCAN_ROWS, Columns, recognise
from app.payments.statements.model import (
    CREDIT,
    DEBIT,
    Direction,
    LineDraft,
    RefusedLine,
    Statement,
    StatementError,
    assign_keys,
)
from app.payments.statements.reader import Row, read_tables
from app.payments.statements.totals import Totals, footer_label
from contract.money import format_rupiah_decimal as rupiah_decimal

ACCOUNT_KEYS = frozenset({"no. rekening", "no rekening", "nomor rekening", "no. rek", "rekening",
                          "account no", "account no.", "account number"})  # fmt: skip
PERIOD_KEYS = frozenset({"periode", "period", "periode transaksi", "periode mutasi"})
CURRENCY_KEYS = frozenset({"mata uang", "currency"})
RUPIAH = frozenset({"IDR", "RP", "360", "RUPIAH"})


class RowError(ValueError):
    """A row that cannot be read; the message (Indonesian) says why."""


@dataclass
class _Collected:
    drafts: list[LineDraft] = field(default_factory=list)
    refused: list[RefusedLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    accounts: set[str] = field(default_factory=set)
    totals: Totals = field(default_factory=Totals)


def parse_statement(path: Path, *, today: date | None = None) -> Statement:
    """Parse a bank statement export (CSV or XLSX) of BCA, Mandiri, BRI, BNI or Bank Jatim.

    ``today`` is the import date, used for year-less dates when the file states no period.
    Raises :class:`StatementError` naming the problem (and the rows) for an unknown or broken
    file.
    """
    table, header_at, columns = _find_header(path)
    preamble = _read_preamble(table[:header_at])
    period = _preamble_period(preamble)
    reference = period[1] if period else (today or clock.today())
    collected = _read_body(table[header_at + 1 :], columns, reference)
    if collected.problems:
        raise StatementError("Berkas mutasi {name} tidak bisa diimpor:", collected.problems, name=path.name)
    account = _account(preamble, collected.accounts)
    layout = columns.layout
    lines = assign_keys(_bank_code(layout.bank), account, collected.drafts)
    checked = collected.totals.check()
    dated = [line.date for line in lines if line.date is not None]
    start, end = period if period else (min(dated, default=None), max(dated, default=None))
    return Statement(
        bank=layout.bank,
        format=_format_code(columns, preamble),
        account_number=account,
        period_start=start,
        period_end=end,
        lines=tuple(lines),
        refused=tuple(collected.refused),
        totals_checked=checked,
    )


def _find_header(path: Path) -> tuple[list[Row], int, Columns]:
    first_rows: list[Row] = []
    for _name, table in read_tables(path):
        first_rows = first_rows or table
        for index, (_number, cells) in enumerate(table[:HEADER_SCAN_ROWS]):
            columns = recognise(cells)
            if columns is not None:
                return table, index, columns
    sample = next((" | ".join(c for c in cells if c) for _, cells in first_rows if any(cells)), "")
    raise StatementError(
        "Berkas {name} tidak dikenali sebagai mutasi BCA, Mandiri, BRI, BNI atau Bank Jatim: judul kolom "
        "tidak ditemukan di {HEADER_SCAN_ROWS} baris pertama (baris 1: {value!r})", name=path.name,
        HEADER_SCAN_ROWS=HEADER_SCAN_ROWS, value=sample[:80]
    )


def _read_preamble(rows: Sequence[Row]) -> dict[str, str]:
    """Key/value lines above the header (``No. Rekening,=,'1234567890``)."""
    found: dict[str, str] = {}
    for _number, cells in rows:
        parts = [c.strip() for c in cells if c.strip()]
        if len(parts) == 1 and ":" in parts[0]:
            parts = [p.strip() for p in parts[0].split(":", 1)]
        if len(parts) >= 3 and parts[1] in ("=", ":"):
            parts = [parts[0], parts[2]]
        if len(parts) >= 2:
            key = " ".join(parts[0].lower().rstrip(":").split())
            found.setdefault(key, parts[1].lstrip("'").strip())
    return found


def _preamble_period(preamble: dict[str, str]) -> tuple[date, date] | None:
    for key in CURRENCY_KEYS:
        if key in preamble and preamble[key].upper() not in RUPIAH:
            raise StatementError("Mata uang rekening harus IDR, tertulis {value!r}", value=preamble[key])
    for key in PERIOD_KEYS:
        if key in preamble:
            period = parse_period(preamble[key])
            if period is None:
                message = f"Periode di kepala berkas tidak bisa dibaca: {preamble[key]!r}"
                raise StatementError(message)
            return period
    return None


def _read_body(rows: Sequence[Row], columns: Columns, reference: date) -> _Collected:
    collected = _Collected()
    for number, raw in rows:
        cells = tuple(c.strip() for c in raw) + ("",) * max(0, columns.width - len(raw))
        if not any(cells) or recognise(cells) is not None:
            continue
        label = footer_label(cells)
        if label is not None:
            _add_footer(collected, number, label, cells)
            continue
        try:
            _read_row(collected, number, raw, cells, columns, reference)
        except (RowError, DateError, AmountError) as error:
            collected.problems.append(f"baris {number}: {error}")
    return collected


def _add_footer(collected: _Collected, number: int, label: str, cells: tuple[str, ...]) -> None:
    values = [c for c in cells[1:] if c and c not in ("=", ":")]
    try:
        collected.totals.footer[label] = parse_amount(values[0])[0] if values else Decimal(0)
    except AmountError as error:
        collected.problems.append(f"baris {number}: {error}")


def _read_row(
    collected: _Collected,
    number: int,
    raw: tuple[str, ...],
    cells: tuple[str, ...],
    columns: Columns,
    reference: date,
) -> None:
    amount = _amount(cells, columns)
    date_text = cells[columns.date].lstrip("'").strip()
    if amount is None:
        if date_text and not any(cells[i] for i in _money_columns(columns)):
            raise RowError("nominal kosong")
        return  # a zero amount, or a row without date and amount: nothing happened
    value, direction = amount
    pending = date_text.upper() == "PEND"
    if not date_text:
        raise RowError("tanggal kosong")
    day, moment = (None, None) if pending else parse_date(date_text, reference)
    if columns.time is not None:
        moment = parse_time(cells[columns.time]) or moment
    _check_currency(cells, columns)
    if columns.account is not None and cells[columns.account]:
        collected.accounts.add(cells[columns.account].lstrip("'").strip())
    collected.totals.add(direction, value, pending)
    if value != value.to_integral_value():
        collected.refused.append(RefusedLine(number, _cents_message(number, value), raw))
        return
    collected.drafts.append(
        LineDraft(
            row_number=number,
            date=day,
            time=moment,
            amount=int(value),
            direction=direction,
            description=" ".join(" ".join(cells[i] for i in columns.description).split()),
            reference=" ".join(cells[i] for i in columns.reference if cells[i]) or None,
            raw=raw,
            pending=pending,
        )
    )


def _cents_message(number: int, value: Decimal) -> str:
    return (
        f"Baris {number}: nominal {rupiah_decimal(value)} tidak bulat rupiah; "
        "baris ini tidak dipakai untuk mencocokkan pembayaran"
    )


def _money_columns(columns: Columns) -> list[int]:
    return [i for i in (columns.amount, columns.debit, columns.credit) if i is not None]


def _amount(cells: tuple[str, ...], columns: Columns) -> tuple[Decimal, Direction] | None:
    """The positive amount and direction of a row, or None for an empty/zero amount."""
    if columns.debit is not None and columns.credit is not None:
        debit = _money(cells[columns.debit])
        credit = _money(cells[columns.credit])
        if debit and credit:
            raise RowError("kolom debit dan kredit sama-sama berisi nominal")
        if not (debit or credit):
            return None
        return (abs(credit), CREDIT) if credit else (abs(debit), DEBIT)
    if columns.amount is None or not cells[columns.amount]:
        return None
    value, marker = parse_amount(cells[columns.amount])
    if columns.direction is not None and cells[columns.direction]:
        marker = parse_marker(cells[columns.direction]) or marker
    if value == 0:
        return None
    if marker is None:
        if value > 0:
            raise RowError(f"arah transaksi (DB/CR) tidak ada untuk {cells[columns.amount]!r}")
        marker = DEBIT
    return abs(value), marker


def _money(text: str) -> Decimal:
    if not text.strip().strip("'"):
        return Decimal(0)
    value, marker = parse_amount(text)
    if marker is not None:
        raise RowError(f"penanda DB/CR tidak diharapkan di kolom debit/kredit: {text!r}")
    return value


def _check_currency(cells: tuple[str, ...], columns: Columns) -> None:
    if columns.currency is None:
        return
    currency = cells[columns.currency].upper()
    if currency and currency not in RUPIAH:
        raise RowError(f"mata uang harus IDR, tertulis {cells[columns.currency]!r}")


def _account(preamble: dict[str, str], accounts: set[str]) -> str | None:
    stated = next((preamble[k] for k in ACCOUNT_KEYS if k in preamble), None)
    if len(accounts) > 1:
        raise StatementError(
            "Berkas mutasi berisi lebih dari satu rekening (" + ", ".join(sorted(accounts)) + "); "
            "ekspor satu berkas per rekening"
        )
    return stated or next(iter(accounts), None)


def _bank_code(bank: str) -> str:
    return bank.lower().replace(" ", "-")


def _format_code(columns: Columns, preamble: dict[str, str]) -> str:
    code = columns.layout.code
    if code == "klikbca" and columns.direction is None and not preamble:
        return "klikbca_bisnis"
    return code
