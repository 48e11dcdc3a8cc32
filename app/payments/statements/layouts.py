"""The statement layouts of BCA, Mandiri, BRI, BNI and Bank Jatim, recognised by their headers.

Column names are matched after normalising (lower case, single spaces, leading ``'`` removed).
A name ending in ``*`` matches by prefix. Each layout says which columns hold the date, the
description (several are joined), the amount and its direction (one amount column with a marker
column or a marker in the cell, or a Debit/Credit pair), and optionally time, reference,
account number, currency and balance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

HEADER_SCAN_ROWS = 40


@dataclass(frozen=True)
class Layout:
    """One bank export layout."""

    code: str
    bank: str
    signature: frozenset[str]
    date: tuple[str, ...]
    description: tuple[str, ...]
    amount: tuple[str, ...] = ()
    marker_after_amount: bool = False
    direction: tuple[str, ...] = ()
    debit: tuple[str, ...] = ()
    credit: tuple[str, ...] = ()
    reference: tuple[str, ...] = ()
    time: tuple[str, ...] = ()
    account: tuple[str, ...] = ()
    currency: tuple[str, ...] = ()


@dataclass(frozen=True)
class Columns:
    """Column indexes of a recognised header row."""

    layout: Layout
    width: int
    date: int
    description: tuple[int, ...]
    amount: int | None
    direction: int | None
    debit: int | None
    credit: int | None
    reference: tuple[int, ...]
    time: int | None
    account: int | None
    currency: int | None


def _sig(*names: str) -> frozenset[str]:
    return frozenset(names)


LAYOUTS: tuple[Layout, ...] = (
    Layout(  # myBCA / BCA personal, English headers; DB/CR in the unnamed column after Amount
        "bca_personal", "BCA", _sig("date", "description", "branch", "amount"),
        date=("date",), description=("description",), amount=("amount",),
        marker_after_amount=True,
    ),
    Layout(  # classic KlikBCA (Jumlah,,Saldo) and KlikBCA Bisnis ("287,490.00 DB" in Jumlah)
        "klikbca", "BCA", _sig("keterangan", "cabang", "jumlah"),
        date=("tanggal transaksi", "tanggal*", "tgl*"), description=("keterangan",),
        amount=("jumlah",), marker_after_amount=True,
    ),
    Layout(  # Mandiri Cash Management; two "Description" columns
        "mandiri_mcm", "Mandiri",
        _sig("account no", "date", "description", "reference no.", "debit", "credit"),
        date=("date",), description=("description",), debit=("debit",), credit=("credit",),
        reference=("reference no.",), account=("account no",),
    ),
    Layout(  # Mandiri Excel statement
        "mandiri_excel", "Mandiri", _sig("tgl.", "rincian transaksi", "debit", "kredit"),
        date=("tgl.",), description=("rincian transaksi",), debit=("debit",),
        credit=("kredit",), reference=("no. referensi",),
    ),
    Layout(  # BRI CMS / QLola; time of day in JAM_TRAN (HHMMSS without leading zero)
        "bri_cms", "BRI", _sig("norek", "tgl_tran", "desk_tran", "mutasi_kredit"),
        date=("tgl_tran",), description=("desk_tran",), debit=("mutasi_debet", "mutasi_debit"),
        credit=("mutasi_kredit",), time=("jam_tran",), account=("norek",),
    ),
    Layout(  # BNI (posting date, journal number, DB/CR or D/C)
        "bni", "BNI", _sig("posting date", "journal", "transaction description", "amount", "db/cr"),
        date=("posting date",), description=("transaction description",), amount=("amount",),
        direction=("db/cr",), reference=("journal",),
    ),
    Layout(  # BNI Excel variant
        "bni_excel", "BNI", _sig("journal no.", "deskripsi", "amount", "db/cr"),
        date=("tanggal*", "tgl*"), description=("deskripsi",), amount=("amount",),
        direction=("db/cr",), reference=("journal no.",),
    ),
    Layout(  # Bank Jatim: counterparty account and name are joined into the description
        "bank_jatim", "Bank Jatim",
        _sig("post date", "description", "debit", "credit", "reference no"),
        date=("post date",), description=("description", "name", "account"),
        debit=("debit",), credit=("credit",), reference=("reference no",),
        currency=("currency",),
    ),
)  # fmt: skip


def normalise_header(cell: str) -> str:
    """Lower case, single spaces, without a leading apostrophe or trailing colon."""
    return " ".join(cell.strip().lstrip("'").replace("\ufeff", "").split()).lower().rstrip(":")


def _indexes(names: Sequence[str], headers: Sequence[str]) -> list[int]:
    found = []
    for name in names:
        for index, header in enumerate(headers):
            matches = header.startswith(name[:-1]) if name.endswith("*") else header == name
            if matches and index not in found:
                found.append(index)
    return found


def _one(names: Sequence[str], headers: Sequence[str]) -> int | None:
    found = _indexes(names, headers)
    return found[0] if found else None


def recognise(cells: Sequence[str]) -> Columns | None:
    """The layout and column indexes of a header row, or None when it is not a header."""
    headers = [normalise_header(cell) for cell in cells]
    present = set(headers)
    for layout in LAYOUTS:
        if not layout.signature <= present:
            continue
        date = _one(layout.date, headers)
        if date is None:
            continue
        amount = _one(layout.amount, headers)
        direction = _one(layout.direction, headers)
        if layout.marker_after_amount and amount is not None and amount + 1 < len(headers):
            direction = amount + 1 if headers[amount + 1] == "" else None
        return Columns(
            layout=layout,
            width=len(headers),
            date=date,
            description=tuple(_indexes(layout.description, headers)),
            amount=amount,
            direction=direction,
            debit=_one(layout.debit, headers),
            credit=_one(layout.credit, headers),
            reference=tuple(_indexes(layout.reference, headers)),
            time=_one(layout.time, headers),
            account=_one(layout.account, headers),
            currency=_one(layout.currency, headers),
        )
    return None
