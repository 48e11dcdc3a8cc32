"""Counter transfers wait for their money (days if need be); only online reservations expire.
Statement lines with placeholder references (``-``) keep their own identity."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import time_machine
from sqlalchemy import func, select

from app import inventory, shop
from app.db import Database
from app.payments import service
from app.payments.statements import parse_statement
from models import Order, Payment, Product
from tests.unit.payments.shop_kit import JUNE2, add_product, online_order, transfer_sale

JUNE5 = date(2025, 6, 5)


def jatim_csv(path: Path, rows: list[tuple[date, int, str, str]]) -> Path:
    """A Bank Jatim export; rows are (date, credit amount, description, reference)."""
    out = ["Post Date,Effective Date,Account,Name,Description,Currency,Debit,Credit,Balance,"
           "Reference No"]
    balance = 2_000_000
    for day, amount, text, reference in rows:
        balance += amount
        stamp = day.strftime("%d-%b-%Y")
        out.append(f'{stamp},{stamp},,,{text},IDR,0.00,"{amount:,}.00","{balance:,}.00",{reference}')
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8")
    return path


def _shop(db: Database) -> tuple[int, int]:
    with db.unit_of_work() as session:
        pid = add_product(session, price=62_500, stock=50)
        account = shop.add_bank_account(session, "Bank Jatim", "0011223344", "Siti Aminah")
    return pid, int(account)


def _state(db: Database, order_id: int) -> tuple[str, object]:
    with db.read() as session:
        order = session.get(Order, order_id)
        assert order is not None
        return order.status, order.expires_at


def _on_hand(db: Database, pid: int) -> Decimal:
    with db.read() as session:
        value = session.scalar(select(Product.on_hand).where(Product.id == pid))
        assert value == inventory.ledger_sum(session, pid)
        return Decimal(value)


def _import_and_confirm(db: Database, path: Path) -> tuple[service.ImportResult, list[str]]:
    with db.unit_of_work() as session:
        result = service.import_statement(session, path)
    with db.unit_of_work() as session:
        numbers = service.confirm_proposals(session, result.proposals, None, bank="Bank Jatim")
    return result, numbers


def test_counter_transfer_matched_three_days_later_while_online_reservation_expires(
    db: Database, tmp_path: Path,
) -> None:
    pid, account = _shop(db)
    with time_machine.travel(JUNE2, tick=False):
        first, _, due = transfer_sale(db, pid, account)
        online, _, _ = online_order(db, pid, qty=2, minutes=120)
    assert due == 62_501 and _on_hand(db, pid) == Decimal(49)
    with time_machine.travel(JUNE2 + timedelta(days=3), tick=False):
        with db.unit_of_work() as session:  # what Konfirmasi pembayaran does on every refresh
            assert service.expire_due(session) == ["PK-20250602-0001"]
        with db.read() as session:
            [view] = service.open_payments(session)
        assert (view.order_id, view.counter, service.format_age(view.age)) == (first, True, "3 hari")
        one_credit = jatim_csv(tmp_path / "jatim1.csv", [(JUNE5, due, "TRANSFER MASUK", "-")])
        result, numbers = _import_and_confirm(db, one_credit)
    assert [p.payment.order_number for p in result.proposals] == ["K1-20250602-0001"]
    assert numbers == ["K1-20250602-0001"]
    assert _state(db, first) == ("paid", None)
    assert _state(db, online)[0] == "expired"
    assert _on_hand(db, pid) == Decimal(49)  # the goods left on day one; nothing came back


def test_two_same_day_same_amount_credits_with_dash_references_pay_two_orders(
    db: Database, tmp_path: Path,
) -> None:
    pid, account = _shop(db)
    with time_machine.travel(JUNE2 + timedelta(days=3), tick=False):
        first, _, due = transfer_sale(db, pid, account, now=JUNE2 + timedelta(days=3))
        credit = (JUNE5, due, "TRANSFER MASUK", "-")
        _, numbers = _import_and_confirm(db, jatim_csv(tmp_path / "morning.csv", [credit]))
        assert numbers == ["K1-20250605-0001"]
        # The first is paid, so the next buyer of the same goods gets the same amount due.
        second, _, second_due = transfer_sale(db, pid, account, now=JUNE2 + timedelta(days=3, hours=2))
        assert second_due == due
        whole_day = jatim_csv(tmp_path / "day.csv", [credit, credit])
        keys = [line.key for line in parse_statement(whole_day, today=JUNE5)]
        assert len(set(keys)) == 2
        result, numbers = _import_and_confirm(db, whole_day)
        assert len(result.matches.already_used) == 1
        assert numbers == ["K1-20250605-0002"]
        assert (_state(db, first)[0], _state(db, second)[0]) == ("paid", "paid")
        again, numbers = _import_and_confirm(db, whole_day)
    assert (again.proposals, numbers, len(again.matches.already_used)) == ((), [], 2)
    with db.read() as session:
        confirmed = session.scalar(select(func.count()).select_from(Payment)
                                   .where(Payment.status == "confirmed"))
    assert confirmed == 2


def test_real_references_keep_their_key_and_placeholders_fall_back() -> None:
    from app.payments.statements.model import is_bank_reference

    assert [is_bank_reference(r) for r in ("-", "", None, "0", "TRF", "000000", "12345", "--/--")] \
        == [False] * 8
    assert [is_bank_reference(r) for r in ("123456", "JTM250603000456", "FT/25/0603")] == [True] * 3


def test_a_reservation_expired_here_follows_the_server_when_it_was_paid_in_time(db: Database) -> None:
    from app.sync.apply import apply_changes

    pid, _ = _shop(db)
    online, _, due = online_order(db, pid, minutes=30, remote_id="srv-9")
    with db.unit_of_work() as session:  # offline: the deadline passes here first
        assert service.expire_due(session, now=JUNE2 + timedelta(hours=1)) == ["PK-20250602-0001"]
    assert _state(db, online)[0] == "expired"
    paid_at = (JUNE2 + timedelta(minutes=20)).isoformat()
    with db.unit_of_work() as session:  # the server had the money confirmed before the deadline
        apply_changes(session, [{"kind": "order.status", "payload": {
            "order_id": "srv-9", "status": "paid", "paid_at": paid_at, "payment_reference": "TRF"}}])
    with db.read() as session:
        order = session.get(Order, online)
        assert order is not None and order.status == "paid"
        assert [(p.status, p.amount + p.unique_code) for p in order.payments] == [("confirmed", due)]


def test_a_counter_sale_from_an_older_version_with_a_deadline_still_never_expires(db: Database) -> None:
    # shop files written before this version gave counter transfers an expires_at of +120 min
    pid, account = _shop(db)
    with time_machine.travel(JUNE2, tick=False):
        first, _, _ = transfer_sale(db, pid, account)
    with db.unit_of_work() as session:
        order = session.get(Order, first)
        assert order is not None
        order.expires_at = JUNE2 + timedelta(minutes=120)
    with time_machine.travel(JUNE2 + timedelta(days=1), tick=False), db.unit_of_work() as session:
        assert service.expire_due(session) == []
    assert _state(db, first)[0] == "pending"
    assert _on_hand(db, pid) == Decimal(49)
