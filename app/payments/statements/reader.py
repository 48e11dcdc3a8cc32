"""Reading a statement file into rows of text cells (CSV of any common dialect, or XLSX).

CSV: UTF-8 with or without BOM, else cp1252 (else latin-1); comma, semicolon or tab
(every candidate is tried, the most frequent first; the caller keeps the one whose header it
recognises); quoted fields; CRLF. XLSX: every sheet, read-only; numbers become plain decimal
text (never through float formatting), dates become ISO text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from app import sheets
from app.payments.statements.model import StatementError

Row = tuple[int, tuple[str, ...]]
"""A row number (1-based, as a spreadsheet shows it) and its cells."""

DELIMITERS = (",", ";", "\t")
MAX_BYTES = 50 * 1024 * 1024


def read_tables(path: Path) -> Iterator[tuple[str, list[Row]]]:
    """Yield candidate tables of the file: one per CSV delimiter, or one per XLSX sheet."""
    data = _read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        yield from _xlsx_tables(data)
        return
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise StatementError(
            "Berkas Excel lama (.xls) belum bisa dibaca; buka di Excel lalu simpan sebagai "
            ".xlsx atau CSV"
        )
    text = decode(data)
    if "\x00" in text:
        raise StatementError("Berkas ini bukan berkas teks CSV atau XLSX")
    sample = text[:4000]
    for delimiter in sorted(DELIMITERS, key=lambda d: -sample.count(d)):
        yield _delimiter_name(delimiter), csv_rows(text, delimiter)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise StatementError("Berkas {name} terlalu besar untuk mutasi rekening", name=path.name)
        data = path.read_bytes()
    except OSError as error:
        raise StatementError("Berkas {name} tidak bisa dibuka: {strerror}", name=path.name,
                             strerror=error.strerror) from None
    if not data.strip():
        raise StatementError("Berkas {name} kosong", name=path.name)
    return data


def decode(data: bytes) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, else cp1252, else latin-1; NBSP → space."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return text.replace("\u00a0", " ").lstrip("\ufeff")


def _delimiter_name(delimiter: str) -> str:
    return {",": "koma", ";": "titik koma", "\t": "tab"}[delimiter]


def csv_rows(text: str, delimiter: str) -> list[Row]:
    """Split CSV text into rows; the row number is the line where the record starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    rows: list[Row] = []
    start = 1
    try:
        for cells in reader:
            rows.append((start, tuple(cells)))
            start = reader.line_num + 1
    except csv.Error as error:
        raise StatementError("CSV rusak di baris {line_num}: {error}", line_num=reader.line_num,
                             error=error) from None
    return rows


def _xlsx_tables(data: bytes) -> Iterator[tuple[str, list[Row]]]:
    import openpyxl  # noqa: PLC0415 (openpyxl ~340 ms, only for an .xlsx statement)

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise StatementError("Berkas XLSX rusak atau tidak bisa dibaca ({error})", error=error) from None
    try:
        tables = []
        for sheet in book.worksheets:
            rows = [
                (number, tuple(cell_text(value) for value in values))
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            tables.append((f"lembar {sheet.title}", rows))
    except Exception as error:
        raise StatementError("Berkas XLSX rusak atau tidak bisa dibaca ({error})", error=error) from None
    finally:
        book.close()
    yield from tables


def cell_text(value: object) -> str:
    """A statement cell as text (:func:`app.sheets.cell_text`), amounts with ≥ 2 decimals."""
    return sheets.cell_text(value, _number_text)


def _number_text(number: Decimal) -> str:
    text = format(number, "f")
    whole, _, fraction = text.partition(".")
    # at least two decimals, so "1.125" can never be read as thousands
    return f"{whole}.{fraction.ljust(2, '0')}" if len(fraction) != 3 else f"{text}0"
