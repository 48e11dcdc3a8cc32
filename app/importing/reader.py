"""Reading a product spreadsheet (CSV or XLSX) into a plain table of text cells.

CSV: the encoding is UTF-8 (with or without BOM) or, failing that, cp1252 (old Excel on
Windows); the delimiter (comma, semicolon or tab) is the one the header line uses most.
XLSX: the first sheet, with numbers turned back into text without float noise.
Row numbers are the ones the seller sees in the spreadsheet (the header is usually row 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app import sheets
from app.errors import ValidationError

MAX_ROWS = 200_000
DELIMITERS = (",", ";", "\t")


@dataclass
class RawTable:
    """Header cells and data rows (row number, cells) of a spreadsheet."""

    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def read_table(path: Path) -> RawTable:
    """Read a CSV or XLSX file by its extension; refuses other kinds with a clear message."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise ValidationError("Berkas '{path}' tidak ditemukan.", path=path)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv_bytes(path.read_bytes())
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ValidationError("Jenis berkas '{value}' tidak didukung: pakai CSV atau XLSX.",
                          value=suffix or path.name)


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM or not), else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(first_line: str) -> str:
    """The delimiter used most often outside quotes in the header line (comma when none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_bytes(data: bytes) -> RawTable:
    """Parse CSV bytes into a table; the first non-empty line is the header."""
    text = decode_text(data)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise ValidationError("Berkas kosong: tidak ada baris judul kolom.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first))
    try:
        return _table_from_rows((reader.line_num, list(row)) for row in reader)
    except csv.Error as exc:
        raise ValidationError("Berkas CSV rusak di baris {line_num}: {exc}", line_num=reader.line_num,
                              exc=exc) from exc


def _read_xlsx(path: Path) -> RawTable:
    from openpyxl import load_workbook  # noqa: PLC0415 (openpyxl ~340 ms, only for an .xlsx import)

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ValidationError("Berkas Excel '{name}' tidak bisa dibaca: {exc}", name=path.name,
                              exc=exc) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = (
            (i, [cell_text(v) for v in values])
            for i, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        return _table_from_rows(rows)
    finally:
        workbook.close()


def _plain_number(number: Decimal) -> str:
    """Integral numbers without ``.0``, others without trailing zeros; never an exponent."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def cell_text(value: object) -> str:
    """A price-list cell as text (:func:`app.sheets.cell_text`): ``15000.0`` reads ``15000``."""
    return sheets.cell_text(value, _plain_number).strip()


def _table_from_rows(rows: Iterable[tuple[int, list[str]]]) -> RawTable:
    headers: list[str] | None = None
    table = RawTable(headers=[])
    for number, cells in rows:
        cleaned = [c.strip() for c in cells]
        if not any(cleaned):
            continue
        if headers is None:
            headers = cleaned
            table.headers = headers
            continue
        table.rows.append((number, cleaned))
        if len(table.rows) > MAX_ROWS:
            raise ValidationError("Berkas terlalu besar: lebih dari {rows} baris.",
                                  rows=f"{MAX_ROWS:,}".replace(",", "."))
    if headers is None:
        raise ValidationError("Berkas kosong: tidak ada baris judul kolom.")
    return table
