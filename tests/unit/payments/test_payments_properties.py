"""Property tests: fuzzed files never crash the parser, amounts parse exactly, codes never
collide, and matching proposes exactly the unambiguous payments."""

from __future__ import annotations

import contextlib
import random
import tempfile
from collections import Counter
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.payments.matching import OpenPayment, match
from app.payments.statements import StatementError, parse_statement
from app.payments.statements.amounts import parse_amount
from app.payments.unique_code import allocate_unique_code

HEADERS = [
    "Tanggal Transaksi,Keterangan,Cabang,Jumlah",
    "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo",
    "Date,Description,Branch,Amount,,Balance",
    "Account No,Date,Val. Date,Transaction Code,Description,Description,Reference No.,Debit,Credit",
    "ID,NOREK,TGL_TRAN,TGL_EFEKTIF,JAM_TRAN,SEQ,DESK_TRAN,SALDO_AWAL_MUTASI,MUTASI_DEBET,"
    "MUTASI_KREDIT,SALDO_AKHIR_MUTASI",
    "Posting Date,Effective Date,Branch,Journal,Transaction Description,Amount,DB/CR,Balance",
    "Post Date,Effective Date,Account,Name,Description,Currency,Debit,Credit,Balance,Reference No",
]
TOKENS = st.sampled_from(
    ["02/06/2025", "'PEND", "31/12", "2025-06-02", "02-Jun-2025", "1,250,000.00 CR", ".00",
     "1.250.000,00", "Rp 1.250", "CR", "DB", "D", "C", "91502", "IDR", "USD", "=", "", "'0000",
     "Saldo Awal", "Mutasi Kredit", "99/99/9999", "1e5", "(5,000.00)", "-", "\u00a0", '"', "x"]
)  # fmt: skip
CELLS = st.one_of(TOKENS, st.text(max_size=12))


def _parse_bytes(content: bytes, suffix: str = ".csv") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"mutasi{suffix}"
        path.write_bytes(content)
        with contextlib.suppress(StatementError):
            parse_statement(path)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(content: bytes) -> None:
    _parse_bytes(content)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_random_zip_like_bytes_never_crash(content: bytes) -> None:
    _parse_bytes(b"PK\x03\x04" + content, ".xlsx")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(HEADERS),
    st.sampled_from([",", ";", "\t"]),
    st.lists(st.lists(CELLS, max_size=12), max_size=8),
)
def test_fuzzed_rows_under_a_real_header_never_crash(
    header: str, delimiter: str, rows: list[list[str]]
) -> None:
    lines = [header.replace(",", delimiter)] + [delimiter.join(row) for row in rows]
    _parse_bytes("\r\n".join(lines).encode("utf-8"))


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(["us", "id", "plain", "rp", "rp_cents"]),
    st.sampled_from(["", " CR", " DB", "CR"]),
)
def test_amount_formats_parse_exactly(value: int, style: str, suffix: str) -> None:
    us = f"{value:,}"
    text = {
        "us": f"{us}.00",
        "id": us.replace(",", ".") + ",00",
        "plain": f"{value}.00",
        "rp": "Rp " + us.replace(",", "."),
        "rp_cents": "Rp" + us.replace(",", ".") + ",00",
    }[style] + suffix
    amount, marker = parse_amount(text)
    assert amount == Decimal(value)
    assert marker == {"": None, " CR": "credit", "CR": "credit", " DB": "debit"}[suffix]


@given(
    st.lists(st.sampled_from([10_000, 10_500, 11_000, 125_000]), max_size=300),
    st.booleans(),
    st.integers(min_value=0, max_value=2**32),
)
def test_allocated_amounts_never_collide(bases: list[int], randomised: bool, seed: int) -> None:
    rng = random.Random(seed) if randomised else None
    taken: set[int] = set()
    for base in bases:
        code = allocate_unique_code(base, taken, rng)
        assert 1 <= code <= 999
        assert base + code not in taken
        taken.add(base + code)
    assert len(taken) == len(bases)


AMOUNTS = st.integers(min_value=10_001, max_value=10_012)
LINE = st.tuples(AMOUNTS, st.sampled_from(["CR", "CR", "DB"]), st.booleans())  # pending?


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=30), st.lists(AMOUNTS, max_size=12), st.data())
def test_exactly_the_unambiguous_payments_are_proposed(
    rows: list[tuple[int, str, bool]], dues: list[int], data: st.DataObject
) -> None:
    body = "".join(
        f"{'PEND' if pending else '05/06'},TRF {i},'0000,{amount}.00,{marker},\n"
        for i, (amount, marker, pending) in enumerate(rows)
    )
    text = f"Periode,=,01/06/2025 - 07/06/2025\nTanggal,Keterangan,Cabang,Jumlah,,Saldo\n{body}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutasi.csv"
        path.write_text(text)
        statement = parse_statement(path)
    payments = [OpenPayment(i, due, datetime(2025, 6, 1, 9), None, f"K1-{i}") for i, due in
                enumerate(dues)]  # fmt: skip
    settled = [ln for ln in statement.lines if ln.direction == "credit" and not ln.pending]
    used = set(data.draw(st.lists(st.sampled_from([ln.key for ln in settled] or ["-"]))))
    credit_counts = Counter(ln.amount for ln in settled if ln.key not in used)
    due_counts = Counter(dues)
    expected = {p.payment_id for p in payments
                if credit_counts[p.amount_due] == 1 and due_counts[p.amount_due] == 1}  # fmt: skip
    result = match(statement.lines, payments, used)
    assert {p.payment.payment_id for p in result.proposals} == expected
    for proposal in result.proposals:
        assert proposal.line.amount == proposal.payment.amount_due
        assert proposal.line.key not in used and not proposal.line.pending
    assert len({p.line.key for p in result.proposals}) == len(result.proposals)
