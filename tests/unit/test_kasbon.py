"""Kasbon: credit sales need a customer and stay within the limit (owner PIN above it), refunds
and payments lower the balance (pending transfers only once confirmed), oldest-first
allocation, aging by shop day, statement import confirming a kasbon transfer once."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app import customers, kasbon, shifts, shop, users
from app import settings as app_settings
from app.clock import today
from app.customers import CustomerInput
from app.db import Database
from app.errors import ValidationError
from app.kasbon import KasbonLimitError
from app.kasbon_payments import PaymentIn
from app.orders import RefundRequest, refund
from app.owner_only import OwnerPin
from app.payments import service
from app.sales import PaymentInput, checkout, get_order
from contract.books import RECORD
from contract.enums import CreditKind
from models import Order, OutboxOp, Payment
from models.books import CreditEntry
from tests.unit.foundation_kit import add_product, cart_of
from tests.unit.payments.shop_kit import klikbca_csv

NOV2 = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # 10:00 WIB
ACCOUNT = "1234567890"


@pytest.fixture
def shop_ids(db: Database) -> dict[str, object]:
    """Kopi at Rp10.000 (plenty in stock), Bu Sari (limit Rp100.000), a BCA account."""
    with db.unit_of_work() as session:
        kopi = add_product(session, "K1", "Kopi", 10_000, stock=10_000)
        sari = customers.create_customer(session, CustomerInput("Bu Sari", "081211112222",
                                                                credit_limit=100_000))
        account = shop.add_bank_account(session, "BCA", ACCOUNT, "Siti Aminah")
        return {"kopi": kopi, "sari": sari.uuid, "account": int(account)}


def _sell(db: Database, ids: dict[str, object], qty: int, on_kasbon: int, when: datetime = NOV2,
          **kw: object) -> int:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(int(ids["kopi"]), qty)])  # type: ignore[call-overload]
        pays = [PaymentInput("kasbon", on_kasbon)]
        if cart.total > on_kasbon:
            pays.append(PaymentInput("cash", cart.total - on_kasbon))
        result = checkout(session, cart, pays, customer_uuid=str(ids["sari"]), now=when, **kw)  # type: ignore[arg-type]
        return int(result.order_id)


def _balance(db: Database, uuid: object) -> int:
    with db.read() as session:
        return kasbon.balance(session, str(uuid))


def test_credit_sale_needs_a_customer_and_writes_its_line(db: Database, shop_ids: dict[str, object]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(int(shop_ids["kopi"]), 1)])  # type: ignore[call-overload]
        with pytest.raises(ValidationError, match="pelanggan") as caught:
            checkout(session, cart, [PaymentInput("kasbon", 10_000)])
        assert caught.value.field == "customer"
    order_id = _sell(db, shop_ids, 3, 20_000)  # Rp30.000: 20.000 kasbon + 10.000 cash
    with db.read() as session:
        order = get_order(session, order_id)
        assert (order.customer_uuid, order.status) == (shop_ids["sari"], "paid")
        [entry] = session.scalars(select(CreditEntry)).all()
        assert (entry.kind, entry.amount, entry.order_uuid, entry.order_number) == (
            "sale", 20_000, order.uuid, order.number)
    assert _balance(db, shop_ids["sari"]) == 20_000
    with db.read() as session:  # shared with the shop's other devices in the same transaction
        shared = [json.loads(p) for p in session.scalars(select(OutboxOp.payload)
                                                         .where(OutboxOp.kind == RECORD))]
        assert sorted(p["record"] for p in shared) == ["credit_entry", "customer"]


def test_limit_needs_the_owner(db: Database, shop_ids: dict[str, object]) -> None:
    with db.unit_of_work() as session:
        owner = int(users.create_user(session, "Siti", "owner", "1234"))
        cashier = int(users.create_user(session, "Rina", "cashier", "1111"))
    _sell(db, shop_ids, 9, 90_000, cashier_id=cashier)
    with pytest.raises(KasbonLimitError, match="melebihi batas"):
        _sell(db, shop_ids, 2, 20_000, cashier_id=cashier)
    assert _balance(db, shop_ids["sari"]) == 90_000  # nothing written
    _sell(db, shop_ids, 2, 20_000, cashier_id=cashier, owner_pin=OwnerPin("1234"))
    _sell(db, shop_ids, 1, 10_000, cashier_id=owner)  # the owner sells over the limit herself
    assert _balance(db, shop_ids["sari"]) == 120_000
    with db.read() as session:
        [approved] = session.scalars(select(CreditEntry).where(CreditEntry.amount == 20_000))
        assert approved.user_id == cashier


def test_default_limit_setting(db: Database, shop_ids: dict[str, object]) -> None:
    with db.unit_of_work() as session:
        budi = customers.create_customer(session, CustomerInput("Pak Budi"))
        app_settings.set_value(session, "kasbon.default_limit", 15_000)
        assert kasbon.limit_of(session, budi) == 15_000
        users.create_user(session, "Rina", "cashier", "1111")
        cart = cart_of(session, [(int(shop_ids["kopi"]), 2)])  # type: ignore[call-overload]
        with pytest.raises(KasbonLimitError):
            checkout(session, cart, [PaymentInput("kasbon", 20_000)], customer_uuid=budi.uuid,
                     cashier_id=2)


def test_payments_cash_in_the_shift_transfer_pending_until_confirmed(
        db: Database, shop_ids: dict[str, object]) -> None:
    sari = str(shop_ids["sari"])
    _sell(db, shop_ids, 8, 80_000)
    with db.unit_of_work() as session:
        shift = shifts.open_shift(session, 100_000)
        cash = kasbon.receive_payment(session, sari, PaymentIn("cash", 30_000))
        assert (cash.status, cash.shift_id) == ("confirmed", shift.id)
        code = service.transfer_code(session, int(shop_ids["account"]), 20_000)  # type: ignore[call-overload]
        sent = kasbon.receive_payment(session, sari, PaymentIn(
            "transfer", 20_000, bank_account_id=int(shop_ids["account"]), unique_code=code))  # type: ignore[call-overload]
        assert (sent.status, sent.shift_id) == ("pending", None)
        assert 20_000 + code in service.taken_amounts(session, int(shop_ids["account"]))  # type: ignore[call-overload]
        with pytest.raises(ValidationError, match="melebihi sisa kasbon"):
            kasbon.receive_payment(session, sari, PaymentIn("cash", 30_001))  # 80 − 30 − 20 pending
        entry_id = sent.id
    assert _balance(db, sari) == 50_000  # the pending transfer does not lower it yet
    with db.unit_of_work() as session:
        with pytest.raises(ValidationError, match="tidak sama"):
            kasbon.confirm_payment(session, entry_id, received=20_000)
        kasbon.confirm_payment(session, entry_id, received=20_000 + code)
    assert _balance(db, sari) == 30_000


def test_refund_of_a_kasbon_sale_lowers_the_kasbon_first(db: Database, shop_ids: dict[str, object]) -> None:
    order_id = _sell(db, shop_ids, 3, 20_000)
    with db.unit_of_work() as session:
        line = get_order(session, order_id).lines[0]
        back = refund(session, order_id, [RefundRequest(line.id, Decimal(1))], "rusak", now=NOV2)
        methods = dict(session.execute(select(Payment.method, Payment.amount)
                                       .where(Payment.order_id == back.order_id)).all())
        assert methods == {"kasbon": -10_000}
        assert session.get(Order, back.order_id).customer_uuid == shop_ids["sari"]  # type: ignore[union-attr]
    assert _balance(db, shop_ids["sari"]) == 10_000
    with db.unit_of_work() as session:  # the rest: 10.000 kasbon left, 20.000 back → 10.000 cash
        line = get_order(session, order_id).lines[0]
        back = refund(session, order_id, [RefundRequest(line.id, Decimal(2))], "rusak", now=NOV2)
        methods = dict(session.execute(select(Payment.method, Payment.amount)
                                       .where(Payment.order_id == back.order_id)).all())
        assert methods == {"kasbon": -10_000, "cash": -10_000}
    assert _balance(db, shop_ids["sari"]) == 0


def test_aging_allocates_oldest_first_as_of_the_day_passed(db: Database, shop_ids: dict[str, object]) -> None:
    sari = str(shop_ids["sari"])
    _sell(db, shop_ids, 2, 20_000, when=NOV2 - timedelta(days=40))   # Sep 23
    _sell(db, shop_ids, 3, 30_000, when=NOV2 - timedelta(days=10))   # Oct 23
    _sell(db, shop_ids, 1, 10_000, when=NOV2)
    with db.unit_of_work() as session:
        shifts.open_shift(session, 0, now=NOV2)  # cash goes into an open shift's drawer
        kasbon.receive_payment(session, sari, PaymentIn("cash", 25_000), now=NOV2)
    with db.read() as session:
        day = date(2026, 11, 2)
        assert kasbon.aging(session, sari, day) == kasbon.Aging(10_000, 25_000, 0)
        assert [s.unpaid for s in kasbon.open_sales(session, sari, day)] == [0, 25_000, 10_000]
        before = kasbon.aging(session, sari, date(2026, 11, 1))  # the payment was not made yet
        assert before == kasbon.Aging(0, 30_000, 20_000)
        assert kasbon.aging(session, sari, date(2026, 11, 25)) == kasbon.Aging(0, 10_000, 25_000)
        [reminder] = kasbon.overdue(session, day)
        assert (reminder.customer.uuid, reminder.late, reminder.unpaid) == (sari, 25_000, 35_000)
        assert kasbon.aging_all(session, day) == {sari: kasbon.Aging(10_000, 25_000, 0)}


def test_statement_import_confirms_a_kasbon_transfer_once(
        db: Database, shop_ids: dict[str, object], tmp_path: Path) -> None:
    sari, account = str(shop_ids["sari"]), int(shop_ids["account"])  # type: ignore[call-overload]
    _sell(db, shop_ids, 5, 50_000, when=NOV2)
    with db.unit_of_work() as session:
        code = service.transfer_code(session, account, 50_000)
        entry_id = kasbon.receive_payment(session, sari, PaymentIn(
            "transfer", 50_000, bank_account_id=account, unique_code=code), now=NOV2).id
    statement = klikbca_csv(tmp_path / "bca.csv", [(date(2026, 11, 3), 50_000 + code, "CR", "TRSF BU SARI")],
                            period=(date(2026, 11, 1), date(2026, 11, 30)))
    with db.unit_of_work() as session:
        result = service.import_statement(session, statement, today=date(2026, 11, 4))
        [proposal] = result.proposals
        assert (proposal.payment.kasbon, proposal.payment.payment_id) == (True, entry_id)
        assert proposal.payment.order_number == "Kasbon Bu Sari"
        assert service.confirm_proposals(session, result.proposals, None) == ["Kasbon Bu Sari"]
    assert _balance(db, sari) == 0
    with db.unit_of_work() as session:
        again = service.import_statement(session, statement, today=date(2026, 11, 4))
        assert again.proposals == () and len(again.matches.already_used) == 1
        assert session.scalar(select(func.count()).select_from(CreditEntry)
                              .where(CreditEntry.statement_key.is_not(None))) == 1


# --- properties -------------------------------------------------------------------------------

AMOUNTS = st.integers(min_value=1, max_value=50)  # × Rp1.000


@given(st.lists(st.tuples(st.sampled_from(["sale", "refund", "payment"]), AMOUNTS,
                          st.integers(0, 60)), max_size=30))
def test_allocation_is_oldest_first_and_adds_up(ops: list[tuple[str, int, int]]) -> None:
    base = datetime(2026, 9, 1, tzinfo=UTC)
    rows = [(i, kind, amount * 1000, base + timedelta(days=day), None, f"N{i}")
            for i, (kind, amount, day) in enumerate(ops)]
    sales = kasbon.allocate(rows)
    owed = sum(r[2] for r in rows if r[1] == "sale") - sum(r[2] for r in rows if r[1] != "sale")
    assert sum(s.unpaid for s in sales) == max(0, owed)
    assert all(isinstance(s.unpaid, int) and 0 <= s.unpaid <= s.amount for s in sales)
    assert [s.created_at for s in sales] == sorted(s.created_at for s in sales)
    partly = [i for i, s in enumerate(sales) if s.unpaid < s.amount]  # no refund targets: a prefix
    assert partly == list(range(len(partly)))
    assert all(s.unpaid == 0 for s in sales[:max(0, len(partly) - 1)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["sale", "refund", "cash", "sent", "confirm"]),
                          st.integers(1, 12), st.integers(0, 1)), min_size=1, max_size=12))
def test_balance_is_sales_minus_refunds_minus_confirmed_payments(
        db: Database, ops: list[tuple[str, int, int]]) -> None:
    with db.unit_of_work() as session:
        kopi = add_product(session, f"P{datetime.now(UTC).timestamp()}", "Gula", 1_000, stock=1_000)
        who = customers.create_customer(session, CustomerInput("Pelanggan", credit_limit=10**9)).uuid
        if shifts.current_shift(session) is None:  # cash payments go into its drawer
            shifts.open_shift(session, 0)
    sales: list[int] = []
    pending: list[tuple[int, int]] = []
    for kind, n, pick in ops:
        with db.unit_of_work() as session:
            owed = kasbon.balance(session, who) - kasbon.pending_payments_total(session, who)
            if kind == "sale":
                cart = cart_of(session, [(kopi, n)])
                pays = [PaymentInput("kasbon", n * 1000 - pick * 500)] + (
                    [PaymentInput("cash", 500)] if pick else [])
                sales.append(int(checkout(session, cart, pays, customer_uuid=who).order_id))
            elif kind == "refund" and sales:
                order = get_order(session, sales[pick % len(sales)])
                line = order.lines[0]
                left = line.qty - sum((-r.qty for o in session.scalars(select(Order).where(
                    Order.refund_of_id == order.id)) for r in o.lines), Decimal(0))
                if left > 0:
                    refund(session, order.id, [RefundRequest(line.id, min(left, Decimal(n)))], "x")
            elif kind in ("cash", "sent") and owed > 0:
                method = "cash" if kind == "cash" else "transfer"
                entry = kasbon.receive_payment(session, who, PaymentIn(method, min(owed, n * 700)))
                if method == "transfer":
                    pending.append((entry.id, entry.amount))
            elif kind == "confirm" and pending:
                entry_id, amount = pending.pop(pick % len(pending))
                kasbon.confirm_payment(session, entry_id, received=amount)
    with db.read() as session:
        rows = session.execute(select(CreditEntry.kind, CreditEntry.amount, CreditEntry.status)
                               .where(CreditEntry.customer_uuid == who)).all()
        sold = sum(a for k, a, _s in rows if k == CreditKind.SALE)
        back = sum(a for k, a, _s in rows if k == CreditKind.REFUND)
        paid = sum(a for k, a, s in rows if k == CreditKind.PAYMENT and s == "confirmed")
        balance = kasbon.balance(session, who)
        assert isinstance(balance, int) and balance == sold - back - paid >= 0
        on_orders = session.scalar(select(func.coalesce(func.sum(Payment.amount), 0))
                                   .join(Order, Order.id == Payment.order_id)
                                   .where(Order.customer_uuid == who, Payment.method == "kasbon"))
        assert on_orders == sold - back  # the orders' kasbon payments mirror the ledger
        unpaid = sum(s.unpaid for s in kasbon.open_sales(session, who))
        assert unpaid == balance
        day = today()  # the one-statement aging of every customer = the allocation above
        assert kasbon.aging_all(session, day).get(who, kasbon.Aging()) == kasbon.aging(session, who, day)


def test_a_refund_while_a_transfer_is_on_its_way_never_takes_the_kasbon_below_zero(
        db: Database) -> None:
    """Rp1.000 on kasbon, Rp700 sent by transfer (pending), the goods all returned, then the
    transfer confirmed: the kasbon ends at 0, the Rp700 is not owed back as kasbon."""
    with db.unit_of_work() as session:
        kopi = add_product(session, "PX", "Gula", 1_000, stock=10)
        who = customers.create_customer(session, CustomerInput("Pelanggan", credit_limit=10**9)).uuid
        sale = int(checkout(session, cart_of(session, [(kopi, 1)]), [PaymentInput("kasbon", 1_000)],
                            customer_uuid=who).order_id)
        sent = kasbon.receive_payment(session, who, PaymentIn("transfer", 700))
    with db.unit_of_work() as session:
        line = get_order(session, sale).lines[0]
        refund(session, sale, [RefundRequest(line.id, Decimal(1))], "x")
    with db.unit_of_work() as session:
        kasbon.confirm_payment(session, sent.id, received=700)
    with db.read() as session:
        assert kasbon.balance(session, who) == 0
