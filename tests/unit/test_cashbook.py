"""Kas masuk / kas keluar and the drawer: every money-book row that moves cash is in the shift."""

from __future__ import annotations

import io
import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import cashbook, orders, users
from app import settings as shop_settings
from app.cashbook import CashApprovalNeeded, CashInput, record_cash
from app.db import Database
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.reports.zreport import render_z_report
from app.sales import PaymentInput, checkout
from app.shifts import close_shift, open_shift, shift_cash
from contract.enums import (
    CashCategory,
    CashDirection,
    CreditKind,
    MoneySource,
    PaymentMethod,
    PreorderPaymentKind,
)
from models import AuditEntry, CashMovement, CreditEntry, Customer, PreorderPayment, SupplierPayment
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product, cart_of

T0 = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
OUT, IN = CashDirection.OUT, CashDirection.IN


def _out(amount: int, category: CashCategory = CashCategory.ELECTRICITY, **kw: object) -> CashInput:
    return CashInput(OUT, category, amount, **kw)  # type: ignore[arg-type]


def test_kas_keluar_needs_an_open_shift_and_is_audited(db: Database) -> None:
    with db.unit_of_work() as session:
        with pytest.raises(ConflictError, match="Belum ada shift"):
            record_cash(session, _out(50_000))
        shift = open_shift(session, 100_000, now=T0)
        row = record_cash(session, _out(50_000, note=" token listrik "))
        record_cash(session, CashInput(IN, CashCategory.CAPITAL, 20_000))
        assert (row.shift_id, row.note, row.amount) == (shift.id, "token listrik", 50_000)
        cash = shift_cash(session, shift, T0 + timedelta(hours=1))
        assert (cash.cash_in, cash.cash_out) == (20_000, 50_000)
        assert cash.expected_cash == 100_000 + 20_000 - 50_000
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("cash.%"))).all()
        assert [e.action for e in entries] == ["cash.out", "cash.in"]
        assert json.loads(entries[0].detail)["amount"] == 50_000
        listed = cashbook.shift_movements(session, shift.id)
        assert [r.signed for r in listed] == [-50_000, 20_000]


@pytest.mark.parametrize("amount", [0, -5, 10**15])
def test_bad_amounts_refused(db: Database, amount: int) -> None:
    with db.unit_of_work() as session:
        open_shift(session, 0, now=T0)
        with pytest.raises(ValidationError):
            record_cash(session, _out(amount))


def test_other_needs_a_note(db: Database) -> None:
    with db.unit_of_work() as session:
        open_shift(session, 0, now=T0)
        with pytest.raises(ValidationError, match="perlu catatan"):
            record_cash(session, _out(1_000, CashCategory.OTHER))


def test_above_the_limit_needs_an_owner(db: Database) -> None:
    with db.unit_of_work() as session:
        owner = users.create_user(session, "Siti", "owner", "1234")
        cashier = users.create_user(session, "Budi", "cashier", "5678")
        shop_settings.set_value(session, "cash.approval_limit", 100_000)
        open_shift(session, 0, now=T0)
        record_cash(session, _out(100_000), user_id=cashier)  # at the limit: allowed
        with pytest.raises(CashApprovalNeeded, match="perlu PIN pemilik") as refused:
            record_cash(session, _out(100_001), user_id=cashier)
        assert refused.value.action == "cash_large"
        with pytest.raises(PermissionDenied):
            record_cash(session, _out(100_001), user_id=cashier, approved_by_id=cashier)
        row = record_cash(session, _out(100_001), user_id=cashier, approved_by_id=owner)
        assert row.approved_by_id == owner
        assert record_cash(session, _out(900_000), user_id=owner).approved_by_id is None


def test_nota_photo_is_shrunk_and_kept_apart(db: Database) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (3000, 2000), "white").save(picture, "PNG")
    with db.unit_of_work() as session:
        open_shift(session, 0, now=T0)
        row = record_cash(session, _out(5_000, CashCategory.TRANSPORT, photo=picture.getvalue()))
        stored = cashbook.movement_photo(session, row.id)
        assert stored is not None
        with Image.open(io.BytesIO(stored)) as image:
            assert max(image.size) == cashbook.PHOTO_MAX_PX and image.format == "JPEG"
        assert cashbook.shift_movements(session, row.shift_id or 0)[0].has_photo
        with pytest.raises(ValidationError, match="bukan foto"):
            record_cash(session, _out(5_000, photo=b"not a picture"))
        with pytest.raises(ValidationError, match="terlalu besar"):
            record_cash(session, _out(5_000, photo=b"x" * (cashbook.PHOTO_MAX_BYTES + 1)))


def _book_rows(session: Session, shift_id: int) -> None:
    """One of each money-book drawer row (as the kasbon and pre-order services write them)."""
    session.add_all([
        CreditEntry(customer_uuid="c1", kind=CreditKind.PAYMENT, amount=30_000,
                    method=PaymentMethod.CASH, shift_id=shift_id),
        CreditEntry(customer_uuid="c1", kind=CreditKind.PAYMENT, amount=7_000,
                    method=PaymentMethod.TRANSFER, shift_id=shift_id),  # the bank's, not the drawer's
        CreditEntry(customer_uuid="c1", kind=CreditKind.SALE, amount=40_000, shift_id=shift_id),
        PreorderPayment(preorder_uuid="p1", kind=PreorderPaymentKind.DEPOSIT, amount=50_000,
                        method=PaymentMethod.CASH, shift_id=shift_id),
        PreorderPayment(preorder_uuid="p1", kind=PreorderPaymentKind.REFUND, amount=10_000,
                        method=PaymentMethod.CASH, shift_id=shift_id),
        PreorderPayment(preorder_uuid="p2", kind=PreorderPaymentKind.DEPOSIT, amount=25_000,
                        method=PaymentMethod.QRIS, shift_id=shift_id),
        SupplierPayment(source=MoneySource.DRAWER, amount=60_000, shift_id=shift_id),
        SupplierPayment(source=MoneySource.BANK, amount=99_000, shift_id=shift_id),
    ])
    session.flush()


def test_every_book_line_in_expected_cash_and_the_z_report(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "A", "Gula", 15_000, stock=50)
        shift = open_shift(session, 200_000, now=T0)
        checkout(session, cart_of(session, [(pid, 2)]), [PaymentInput("cash", 30_000, 50_000)],
                 now=T0 + timedelta(minutes=5))
        buyer = Customer(name="Bu Ani")
        session.add(buyer)
        session.flush()
        checkout(session, cart_of(session, [(pid, 1)]), [PaymentInput("kasbon", 15_000)],
                 now=T0 + timedelta(minutes=6), customer_uuid=buyer.uuid)
        checkout(session, cart_of(session, [(pid, 1)]), [PaymentInput("deposit", 10_000),
                                                         PaymentInput("cash", 5_000, 5_000)],
                 now=T0 + timedelta(minutes=7))
        record_cash(session, _out(12_000), now=T0 + timedelta(minutes=8))
        record_cash(session, CashInput(IN, CashCategory.CAPITAL, 100_000), now=T0)
        _book_rows(session, shift.id)
        cash = shift_cash(session, shift, T0 + timedelta(hours=2))
        assert (cash.cash_sales, cash.kasbon_cash, cash.deposits_cash, cash.supplier_cash) == (
            35_000, 30_000, 40_000, 60_000)
        assert cash.by_method[PaymentMethod.KASBON] == 15_000
        assert cash.by_method[PaymentMethod.DEPOSIT] == 10_000
        expected = 200_000 + 35_000 + 100_000 - 12_000 + 30_000 + 40_000 - 60_000
        assert cash.expected_cash == expected
        closed = close_shift(session, shift.id, {"note_100000": 3, "note_20000": 1, "note_10000": 1,
                                                 "coin_1000": 3}, now=T0 + timedelta(hours=2))
    assert closed.counted_cash == expected and closed.difference == 0
    z = closed.z_report
    for line in ("Kas masuk", "Rp100.000", "Kas keluar", "-Rp12.000", "Bayar kasbon tunai",
                 "Rp30.000", "DP pesanan tunai", "Rp40.000", "Bayar pemasok", "-Rp60.000",
                 "SELISIH", "Rp0 (PAS)"):
        assert line in z, line
    assert all(len(line) <= 32 for line in z.splitlines())
    # sold on kasbon or with an earlier DP: listed apart, not money taken in this shift
    rows = dict(line.rsplit(" ", 1) for line in z.splitlines() if line.startswith(("Kasbon", "Dibayar")))
    assert {k.strip(): v for k, v in rows.items()} == {"Kasbon (belum dibayar)": "Rp15.000",
                                                        "Dibayar dengan DP": "Rp10.000"}


def test_z_report_golden_48(db: Database) -> None:
    with db.unit_of_work() as session:
        shift = open_shift(session, 150_000, now=T0)
        record_cash(session, _out(25_000, CashCategory.WAGES), now=T0)
        _book_rows(session, shift.id)
        cash = shift_cash(session, shift, T0 + timedelta(hours=3))
    text = render_z_report(cash, {"note_100000": 2, "note_5000": 1}, 205_000, width=48)
    golden = Path(__file__).parent / "golden" / "zreport_books_48.txt"
    assert text == golden.read_text(encoding="utf-8")


# --- the drawer's sum, for random days ---------------------------------------------------------
STEPS = st.one_of(
    st.tuples(st.just("sale"), st.integers(1, 5)),
    st.tuples(st.just("refund"), st.integers(0, 10)),
    st.tuples(st.just("kas"), st.sampled_from([IN, OUT]), st.integers(1, 300_000)),
    st.tuples(st.just("kasbon"), st.integers(1, 300_000)),
    st.tuples(st.just("dp"), st.sampled_from(list(PreorderPaymentKind)), st.integers(1, 300_000)),
    st.tuples(st.just("supplier"), st.sampled_from(list(MoneySource)), st.integers(1, 300_000)),
)


def _apply(session: Session, pid: int, shift_id: int, step: tuple[object, ...], at: datetime,
           sold: list[int]) -> int:
    """Do one step; returns the cash it moved in (+) or out (−) of the drawer."""
    kind = step[0]
    if kind == "sale":
        qty = int(step[1])  # type: ignore[call-overload]
        result = checkout(session, cart_of(session, [(pid, qty)]),
                          [PaymentInput("cash", qty * 1_500, qty * 1_500)], now=at)
        sold.append(result.order_id)
        return result.total
    if kind == "refund":
        if not sold:
            return 0
        order = orders.get_order(session, sold.pop(int(step[1]) % len(sold)))  # type: ignore[call-overload]
        line = order.lines[0]
        back = orders.refund(session, order.id, [orders.RefundRequest(line.id, line.qty)], "rusak",
                             now=at)
        return -abs(back.total)
    amount = int(step[-1])  # type: ignore[call-overload]
    if kind == "kas":
        record_cash(session, CashInput(step[1], CashCategory.OTHER, amount, note="uji"),  # type: ignore[arg-type]
                    now=at)
        return amount if step[1] == IN else -amount
    if kind == "kasbon":
        session.add(CreditEntry(customer_uuid="c", kind=CreditKind.PAYMENT, amount=amount,
                                method=PaymentMethod.CASH, shift_id=shift_id, created_at=at))
        return amount
    if kind == "dp":
        session.add(PreorderPayment(preorder_uuid="p", kind=step[1], amount=amount,
                                    method=PaymentMethod.CASH, shift_id=shift_id, created_at=at))
        return amount if step[1] == PreorderPaymentKind.DEPOSIT else -amount
    session.add(SupplierPayment(source=step[1], amount=amount, shift_id=shift_id, created_at=at))
    return -amount if step[1] == MoneySource.DRAWER else 0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 1_000_000), st.lists(STEPS, max_size=12))
def test_expected_cash_is_the_signed_sum_of_the_drawer(opening: int, plan: list[tuple[object, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = new_shop(Path(folder) / "toko.sqlite")  # a fresh shop per example
        try:
            with database.unit_of_work() as session:
                pid = add_product(session, "A", "Teh", 1_500, stock=1_000)
                shift = open_shift(session, opening, now=T0)
                sold: list[int] = []
                moved = [_apply(session, pid, shift.id, step, T0 + timedelta(minutes=i + 1), sold)
                         for i, step in enumerate(plan)]
                session.flush()
                cash = shift_cash(session, shift, T0 + timedelta(hours=1))
                assert cash.expected_cash == opening + sum(moved)
                assert all(isinstance(v, int) for v in (cash.cash_in, cash.cash_out, cash.kasbon_cash,
                                                        cash.deposits_cash, cash.supplier_cash))
                rows = session.scalars(select(CashMovement.amount)).all()
                assert all(isinstance(v, int) for v in rows)
        finally:
            database.close()
