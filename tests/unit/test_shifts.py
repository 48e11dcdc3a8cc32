"""Shifts: open, expected cash from the shift's orders, count by denomination, Z report."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from app import orders, users
from app.db import Database
from app.drawer import BY_KEY, DENOMINATIONS
from app.errors import ConflictError, ValidationError
from app.reports.zreport import render_z_report, z_report_escpos
from app.sales import PaymentInput, checkout
from app.shifts import (
    close_shift,
    counted_total,
    current_shift,
    open_shift,
    shift_cash,
    stored_counts,
)
from models import AuditEntry, Shift
from tests.unit.foundation_kit import add_product, cart_of

T0 = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)  # 07:00 WIB


def _sell(session: Session, pid: int, qty: int, payments: list[PaymentInput], minutes: int) -> int:
    cart = cart_of(session, [(pid, qty)])
    return checkout(session, cart, payments, now=T0 + timedelta(minutes=minutes)).order_id


def test_expected_counted_and_difference(db: Database) -> None:
    with db.unit_of_work() as session:
        owner = users.create_user(session, "Siti", "owner", "1234")
        pid = add_product(session, "A", "Kopi", 12_500, stock=100)
        _sell(session, pid, 1, [PaymentInput("cash", 12_500, 20_000)], -30)  # before the shift
        shift = open_shift(session, 200_000, user_id=owner, now=T0)
        sold = _sell(session, pid, 4, [PaymentInput("cash", 50_000, 100_000)], 10)
        _sell(session, pid, 2, [PaymentInput("qris", 25_000)], 20)  # pending, no cash
        _sell(session, pid, 2, [PaymentInput("cash", 10_000, 10_000),
                                PaymentInput("transfer", 15_000)], 30)  # cash part is in the drawer
        voided = _sell(session, pid, 1, [PaymentInput("transfer", 12_500)], 40)
        orders.void_pending(session, voided, "batal")
        order = orders.get_order(session, sold)
        orders.refund(session, sold, [orders.RefundRequest(order.lines[0].id, order.lines[0].qty / 4)],
                      "rusak", now=T0 + timedelta(minutes=50))
        cash = shift_cash(session, shift, T0 + timedelta(hours=8))
        assert (cash.cash_sales, cash.cash_refunds) == (60_000, 12_500)
        assert cash.expected_cash == 200_000 + 60_000 - 12_500 == 247_500
        assert (cash.orders, cash.refunds, cash.voided, cash.pending) == (1, 1, 1, 2)
        counts = {"note_100000": 2, "note_20000": 2, "note_5000": 1, "coin_1000": 2, "coin_500": 0}
        closed = close_shift(session, shift.id, counts, user_id=owner, now=T0 + timedelta(hours=8),
                             shop_name="Toko Berkah")
        assert closed.counted_cash == 247_000 and closed.difference == -500
        shift_id = shift.id
    with db.read() as session:
        row = session.get(Shift, shift_id)
        assert row is not None and row.closed_at is not None
        assert (row.expected_cash, row.counted_cash) == (247_500, 247_000)
        assert stored_counts(row) == {k: v for k, v in counts.items() if v}
        assert json.loads(row.counted_detail)["closed_by"] == owner
        assert "SELISIH (KURANG)" in row.z_report and "-Rp500" in row.z_report
        assert "Rp247.500" in row.z_report and "Rp20.000 x 2" in row.z_report
        assert all(len(line) <= 32 for line in row.z_report.splitlines())
        actions = [a.action for a in session.query(AuditEntry).order_by(AuditEntry.id)]
        assert actions[-1] == "shift.close" and "shift.open" in actions
        assert current_shift(session) is None


def test_open_rules(db: Database) -> None:
    with db.unit_of_work() as session:
        with pytest.raises(ValidationError):
            open_shift(session, -1)
        shift = open_shift(session, 0, now=T0)
        assert current_shift(session) is shift
        with pytest.raises(ConflictError, match="masih terbuka"):
            open_shift(session, 100_000)
        close_shift(session, shift.id, {}, now=T0 + timedelta(hours=1))
        with pytest.raises(ConflictError, match="sudah ditutup"):
            close_shift(session, shift.id, {}, now=T0 + timedelta(hours=2))
        assert open_shift(session, 50_000, now=T0 + timedelta(hours=3)).opening_cash == 50_000


@pytest.mark.parametrize("counts", [{"note_3000": 1}, {"note_1000": -1}, {"coin_500": 10**6}])
def test_bad_counts_refused(counts: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        counted_total(counts)


@given(st.dictionaries(st.sampled_from([d.key for d in DENOMINATIONS]), st.integers(0, 5000)))
def test_counted_total_is_sum_of_pieces(counts: dict[str, int]) -> None:
    assert counted_total(counts) == sum(BY_KEY[k].value * n for k, n in counts.items())


def test_denominations_cover_notes_and_coins() -> None:
    notes = [d.value for d in DENOMINATIONS if not d.coin]
    coins = [d.value for d in DENOMINATIONS if d.coin]
    assert notes == [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000]
    assert coins == [1_000, 500, 200, 100]
    assert BY_KEY["coin_1000"].label == "Rp1.000 logam"


def test_z_report_48_columns_and_escpos(db: Database) -> None:
    with db.unit_of_work() as session:
        shift = open_shift(session, 150_000, now=T0)
        cash = shift_cash(session, shift, T0 + timedelta(hours=1))
    text = render_z_report(cash, {"note_50000": 3}, 150_000, width=48, shop_name="Toko",
                           note="laci dihitung dua kali oleh kasir dan pemilik toko bersama")
    lines = text.splitlines()
    assert all(len(line) <= 48 for line in lines)
    assert any(line.startswith("SELISIH") and line.endswith("Rp0 (PAS)") for line in lines)
    assert "07:00 WIB" in text and "08:00 WIB" in text
    data = z_report_escpos(text)
    assert data.startswith(b"\x1b@") and data.endswith(b"\x1dV\x42\x00")


def test_z_report_follows_the_receipt_language(db: Database) -> None:
    """A shop printing English receipts gets an English Z report at close; the default stays Indonesian."""
    from app import settings

    with db.unit_of_work() as session:
        settings.set_value(session, "receipt.language", "en")
        shift = open_shift(session, 100_000, now=T0)
        closed = close_shift(session, shift.id, {"note_50000": 1}, now=T0 + timedelta(hours=1))
    text = closed.z_report
    assert "Z REPORT - SHIFT CLOSE" in text and "Cash sales" in text and "Bank transfer" in text
    assert "DIFFERENCE (SHORT)" in text and "-Rp50.000" in text
    assert not any(word in text for word in ("Penjualan tunai", "SELISIH", "Tunai", "LAPORAN Z"))
    with db.unit_of_work() as session:
        settings.set_value(session, "receipt.language", "id")
        second = open_shift(session, 0, now=T0 + timedelta(hours=2))
        again = close_shift(session, second.id, {}, now=T0 + timedelta(hours=3))
    assert "LAPORAN Z - TUTUP SHIFT" in again.z_report and "Rp0 (PAS)" in again.z_report
