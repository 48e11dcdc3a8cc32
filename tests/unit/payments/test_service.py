"""Payment service on a real shop file: kode unik, QRIS, statement import and confirmation."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app import audit, inventory, shop
from app.db import Database
from app.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from app.orders import confirm_payment, void_pending
from app.payments import service
from app.payments.statements import StatementError
from app.users import create_user
from contract import qris
from models import Order, Payment, Product, StatementRecord
from tests.shop_template import new_shop
from tests.unit.payments.qris_samples import GOPAY
from tests.unit.payments.shop_kit import (
    ACCOUNT,
    JUNE2,
    klikbca_csv,
    online_order,
    setup_shop,
    transfer_sale,
)

JUNE = date(2025, 6, 2)


def _status(db: Database, order_id: int) -> tuple[str, list[str]]:
    with db.read() as session:
        order = session.get(Order, order_id)
        assert order is not None
        return order.status, [p.status for p in order.payments]


def _on_hand(db: Database, pid: int) -> Decimal:
    with db.read() as session:
        value = session.scalar(select(Product.on_hand).where(Product.id == pid))
        assert value == inventory.ledger_sum(session, pid)
        return Decimal(value)


def _import(db: Database, path: Path) -> service.ImportResult:
    with db.unit_of_work() as session:
        return service.import_statement(session, path, now=JUNE2 + timedelta(hours=5))


def test_transfer_sale_stays_pending_with_stock_reserved(db: Database) -> None:
    pid, account = setup_shop(db)
    order_id, payment_id, due = transfer_sale(db, pid, account, qty=2)
    assert _status(db, order_id) == ("pending", ["pending"])
    assert _on_hand(db, pid) == Decimal(48)
    assert due == 125_001
    with db.read() as session:
        [view] = service.open_payments(session, now=JUNE2 + timedelta(minutes=75))
    assert (view.payment_id, view.amount_due, view.unique_code) == (payment_id, 125_001, 1)
    assert (view.bank, view.account_number, view.method) == ("BCA", ACCOUNT, "transfer")
    assert service.format_age(view.age) == "1 jam 15 mnt"


def test_codes_differ_per_account_and_are_freed_when_paid_or_void(db: Database) -> None:
    pid, account = setup_shop(db)
    with db.unit_of_work() as session:
        other = shop.add_bank_account(session, "Mandiri", "1410009998887", "Siti Aminah")
    first = transfer_sale(db, pid, account)
    second = transfer_sale(db, pid, account)
    third = transfer_sale(db, pid, other)
    assert (first[2], second[2], third[2]) == (62_501, 62_502, 62_501)
    with db.unit_of_work() as session:
        confirm_payment(session, first[1], received=first[2])
        assert service.transfer_code(session, account, 62_500) == 1
        void_pending(session, second[0], "pembeli batal")
        assert service.transfer_code(session, account, 62_500) == 1
        assert service.taken_amounts(session, account) == set()


def test_transfer_quote_refuses_inactive_account(db: Database) -> None:
    _, account = setup_shop(db)
    with db.unit_of_work() as session:
        quote = service.transfer_quote(session, account, 50_000)
        assert (quote.bank, quote.account_number, quote.holder) == ("BCA", ACCOUNT, "SITI AMINAH")
        assert (quote.unique_code, quote.amount_due, quote.code_as_discount) == (1, 50_001, False)
        service.deactivate_bank_account(session, account)
        with pytest.raises(NotFoundError, match="nonaktif"):
            service.transfer_quote(session, account, 50_000)
        assert shop.bank_accounts(session) == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 4), st.sampled_from(["open", "paid", "void"])),
                min_size=1, max_size=12))
def test_allocated_amounts_never_collide_among_open_orders(
    steps: list[tuple[int, str]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = new_shop(Path(folder) / "shop.sqlite")  # a fresh shop per example
        try:
            _check_no_collision(database, steps)
        finally:
            database.close()


def _check_no_collision(db: Database, steps: list[tuple[int, str]]) -> None:
    """Prices 20 000 and 10 000 make bases 10 000..40 000 overlap when codes are added."""
    with db.unit_of_work() as session:
        from tests.unit.payments.shop_kit import add_product

        pid = add_product(session, price=10_000, stock=1000)
        account = shop.add_bank_account(session, "BCA", ACCOUNT, "Siti")
    for qty, fate in steps:
        _, payment_id, due = transfer_sale(db, pid, account, qty=qty)
        with db.unit_of_work() as session:
            if fate == "paid":
                confirm_payment(session, payment_id, received=due)
            elif fate == "void":
                payment = session.get(Payment, payment_id)
                assert payment is not None
                void_pending(session, payment.order_id, "batal")
        with db.read() as session:
            dues = [v.amount_due for v in service.open_payments(session)]
        assert len(dues) == len(set(dues))


def test_import_proposes_confirm_marks_paid_and_reimport_confirms_nothing_twice(
    db: Database, tmp_path: Path,
) -> None:
    pid, account = setup_shop(db)
    order_id, payment_id, due = transfer_sale(db, pid, account)
    week1 = klikbca_csv(tmp_path / "week1.csv", [
        (JUNE, due, "DB", "TRSF E-BANKING DB KE TOKO GROSIR"),  # a debit of the same amount
        (JUNE, due, "CR", "TRSF E-BANKING CR BUDI SANTOSO, PESANAN"),
        (JUNE, 77_777, "CR", "SETORAN TUNAI"),
    ])
    result = _import(db, week1)
    assert [(p.line.amount, p.line.direction, p.payment.payment_id) for p in result.proposals] \
        == [(due, "credit", payment_id)]
    assert [line.amount for line in result.matches.unmatched] == [77_777]
    assert (result.new_lines, result.seen_before, result.account_known) == (3, 0, True)
    with db.unit_of_work() as session:
        numbers = service.confirm_proposals(session, result.proposals, None, bank="BCA")
    assert _status(db, order_id) == ("paid", ["confirmed"])
    with db.read() as session:
        order = session.get(Order, order_id)
        assert order is not None and numbers == [order.number]
        payment = session.get(Payment, payment_id)
        assert payment is not None and payment.statement_key == result.proposals[0].line.key
        record = session.scalar(select(StatementRecord).where(
            StatementRecord.key == payment.statement_key))
        assert record is not None and record.payment_id == payment_id
        assert [e.action for e in audit.recent(session)][:1] == ["payment.confirm"]
    # a second order of the same amount opens; the old credit must not pay it
    transfer_sale(db, pid, account)
    overlap = klikbca_csv(tmp_path / "week1b.csv", [
        (JUNE, due, "DB", "TRSF E-BANKING DB KE TOKO GROSIR"),
        (JUNE, due, "CR", "TRSF E-BANKING CR BUDI SANTOSO, PESANAN"),
        (JUNE, 77_777, "CR", "SETORAN TUNAI"),
    ])
    again = _import(db, overlap)
    assert again.proposals == () and again.matches.ambiguous == ()
    assert [line.amount for line in again.matches.already_used] == [due]
    assert (again.new_lines, again.seen_before) == (0, 3)
    with db.unit_of_work() as session, pytest.raises(ConflictError):
        service.confirm_proposals(session, result.proposals, None)


def test_a_debit_alone_is_never_matched(db: Database, tmp_path: Path) -> None:
    pid, account = setup_shop(db)
    _, _, due = transfer_sale(db, pid, account)
    path = klikbca_csv(tmp_path / "debit.csv", [(JUNE, due, "DB", "TARIK TUNAI ATM")])
    result = _import(db, path)
    assert result.proposals == () and result.matches.unmatched == ()
    assert result.matches.ambiguous == ()


def test_credit_into_another_account_is_not_proposed(db: Database, tmp_path: Path) -> None:
    pid, account = setup_shop(db)
    _, _, due = transfer_sale(db, pid, account)
    path = klikbca_csv(tmp_path / "other.csv", [(JUNE, due, "CR", "TRSF CR")],
                       account="9998887776")
    result = _import(db, path)
    assert result.proposals == ()
    assert not result.account_known
    assert any("9998887776" in note for note in result.warnings)


def test_bad_file_is_refused_and_nothing_is_stored(db: Database, tmp_path: Path) -> None:
    setup_shop(db)
    bad = tmp_path / "bad.csv"
    bad.write_text("nama,harga\nberas,1000\n", encoding="utf-8")
    with pytest.raises(StatementError), db.unit_of_work() as session:
        service.import_statement(session, bad)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(StatementRecord)) == 0


def test_only_the_online_reservation_expires_the_counter_sale_waits(db: Database) -> None:
    pid, account = setup_shop(db)
    counter_id, _, _ = transfer_sale(db, pid, account, qty=3)
    online_id, _, _ = online_order(db, pid, qty=2, minutes=30)
    assert _on_hand(db, pid) == Decimal(47)  # the counter goods left; online is only reserved
    with db.unit_of_work() as session:
        assert service.expire_due(session, now=JUNE2 + timedelta(minutes=29)) == []
    assert _status(db, online_id) == ("pending", ["pending"])
    with db.unit_of_work() as session:
        assert service.expire_due(session, now=JUNE2 + timedelta(days=5)) == ["PK-20250602-0001"]
    assert _status(db, online_id) == ("expired", ["void"])
    assert _status(db, counter_id) == ("pending", ["pending"])
    assert _on_hand(db, pid) == Decimal(47)
    with db.read() as session:
        assert session.get(Order, counter_id).expires_at is None  # type: ignore[union-attr]
        [view] = service.open_payments(session, now=JUNE2 + timedelta(days=5))
    assert (view.order_id, view.counter, service.format_age(view.age)) == (counter_id, True, "5 hari")


def test_manual_confirmation_checks_amount_and_permission(db: Database) -> None:
    pid, account = setup_shop(db)
    _, payment_id, due = transfer_sale(db, pid, account)
    with db.unit_of_work() as session:
        owner = create_user(session, "Bu Siti", "owner", "1234")
        cashier = create_user(session, "Andi", "cashier", "5678")
    with db.unit_of_work() as session, pytest.raises(ValidationError, match="tidak sama"):
        service.confirm_manual(session, payment_id, received=due - 1, paid_on=JUNE,
                               reference="X", user_id=int(owner))
    with db.unit_of_work() as session, pytest.raises(PermissionDenied):
        service.confirm_manual(session, payment_id, received=due, paid_on=JUNE,
                               reference="X", user_id=int(cashier))
    with db.unit_of_work() as session:
        number = service.confirm_manual(session, payment_id, received=due, paid_on=JUNE,
                                        reference="REF 0206", user_id=int(cashier),
                                        approver_pin="1234")
    with db.read() as session:
        payment = session.get(Payment, payment_id)
        assert payment is not None and payment.status == "confirmed"
        assert (payment.reference, payment.note) == ("REF 0206", "Diterima 02/06/2025")
        actions = [e.action for e in audit.recent(session)]
        assert {"payment.manual", "payment.confirm", "perm.payment_confirm"} <= set(actions)
        assert payment.order.number == number


def test_static_qris_stored_and_dynamic_made_from_it(db: Database) -> None:
    with db.unit_of_work() as session:
        with pytest.raises(ValidationError, match="belum diisi"):
            service.qris_for(session, 25_000)
        parsed = service.set_static_qris(session, GOPAY)
        dynamic = service.qris_for(session, 25_000)
    assert qris.parse(dynamic).amount == 25_000
    assert qris.merchant_name(dynamic) == parsed.merchant_name
    with db.unit_of_work() as session, pytest.raises(qris.QrisError, match="dinamis"):
        service.set_static_qris(session, dynamic)
    with db.unit_of_work() as session, pytest.raises(qris.QrisError):
        service.set_static_qris(session, GOPAY[:-1] + "0")
    with db.read() as session:
        stored = service.static_qris(session)
        assert stored is not None and stored.merchant_name == parsed.merchant_name
