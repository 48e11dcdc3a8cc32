"""Cash of the money book needs an open shift: a cash kasbon payment, a cash DP, a cash DP
given back and the cash rest of a pickup are refused with no shift open (no shift's expected
cash would ever count them); transfer/QRIS are not drawer money and stay allowed. With a
shift open, each counts once in its expected cash."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import customers, kasbon, preorders, shifts
from app.clock import now_utc
from app.customers import CustomerInput
from app.db import Database
from app.errors import ConflictError
from app.kasbon_payments import PaymentIn
from app.preorder_settle import DepositInput
from app.preorders import LineInput, PreorderInput
from app.sales import PaymentInput, checkout
from contract.enums import PaymentMethod, PaymentStatus, PreorderStatus
from models import OutboxOp
from models.books import CreditEntry, Preorder, PreorderPayment
from tests.conftest import ShopClock
from tests.unit.foundation_kit import add_product, cart_of


def _owing(db: Database, amount: int = 80_000) -> str:
    """Bu Sari owes ``amount`` on kasbon."""
    with db.unit_of_work() as session:
        kopi = add_product(session, "K1", "Kopi", amount, stock=10)
        sari = customers.create_customer(session, CustomerInput("Bu Sari", "081211112222",
                                                                credit_limit=10**7))
        checkout(session, cart_of(session, [(kopi, 1)]), [PaymentInput("kasbon", amount)],
                 customer_uuid=sari.uuid)
        return sari.uuid


def _count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _expected(db: Database) -> int:
    with db.read() as session:
        shift = shifts.current_shift(session)
        assert shift is not None
        return shifts.shift_cash(session, shift, now_utc() + timedelta(seconds=1)).expected_cash


def test_cash_kasbon_payment_needs_an_open_shift_and_counts_once(
        db: Database, shop_clock: ShopClock) -> None:
    sari = _owing(db)
    ops = _count(db, OutboxOp)
    with pytest.raises(ConflictError, match="Buka shift dulu"), db.unit_of_work() as session:
        kasbon.receive_payment(session, sari, PaymentIn(PaymentMethod.CASH, 50_000))
    assert (_count(db, CreditEntry), _count(db, OutboxOp)) == (1, ops)  # only the sale
    with db.unit_of_work() as session:  # a transfer is not drawer money: no shift needed
        sent = kasbon.receive_payment(session, sari, PaymentIn(PaymentMethod.TRANSFER, 10_000))
        assert (sent.status, sent.shift_id) == (PaymentStatus.PENDING, None)
    with db.unit_of_work() as session:
        shifts.open_shift(session, 200_000)
    before = _expected(db)
    with db.unit_of_work() as session:
        paid = kasbon.receive_payment(session, sari, PaymentIn(PaymentMethod.CASH, 50_000))
        kasbon.confirm_payment(session, sent.id, received=10_000)  # bank money: not the drawer
    assert _expected(db) == before + 50_000
    with db.read() as session:
        assert kasbon.balance(session, sari) == 80_000 - 50_000 - 10_000
        cash = shifts.book_cash(session, int(paid.shift_id or 0))
        assert cash["kasbon_cash"] == 50_000


def _preorder(db: Database, deposit: DepositInput | None = None) -> str:
    with db.unit_of_work() as session:
        return preorders.create(session, PreorderInput(
            due_at=now_utc() + timedelta(days=1), customer_name="Bu Sri",
            lines=[LineInput("Kue tart", Decimal(1), 150_000)], deposit=deposit)).uuid


def test_cash_dp_needs_an_open_shift_qris_does_not(db: Database, shop_clock: ShopClock) -> None:
    with pytest.raises(ConflictError, match="DP tunai"):
        _preorder(db, DepositInput(PaymentMethod.CASH, 50_000))
    assert (_count(db, Preorder), _count(db, PreorderPayment)) == (0, 0)  # nothing half-saved
    uuid = _preorder(db, DepositInput(PaymentMethod.QRIS, 20_000))
    with db.unit_of_work() as session:
        assert preorders.confirm_pending_deposits(session, uuid) == 1
    with pytest.raises(ConflictError, match="DP tunai"), db.unit_of_work() as session:
        preorders.add_deposit(session, uuid, DepositInput(PaymentMethod.CASH, 30_000))
    with db.unit_of_work() as session:
        shifts.open_shift(session, 100_000)
    before = _expected(db)
    with db.unit_of_work() as session:
        preorders.add_deposit(session, uuid, DepositInput(PaymentMethod.CASH, 30_000))
    assert _expected(db) == before + 30_000  # the QRIS DP is bank money


def test_cash_dp_given_back_needs_a_shift_keeping_it_does_not(
        db: Database, shop_clock: ShopClock) -> None:
    with db.unit_of_work() as session:
        shift = shifts.open_shift(session, 100_000)
    first = _preorder(db, DepositInput(PaymentMethod.CASH, 40_000))
    second = _preorder(db, DepositInput(PaymentMethod.CASH, 25_000))
    with db.unit_of_work() as session:
        shifts.close_shift(session, shift.id, {})
    with pytest.raises(ConflictError, match="DP disimpan toko"), db.unit_of_work() as session:
        preorders.cancel(session, first, keep_dp=False)
    with db.read() as session:  # refused whole: still open, its DP still counted
        assert preorders.get(session, first).status == PreorderStatus.OPEN
        assert preorders.money(session, preorders.get(session, first)).paid == 40_000
    with db.unit_of_work() as session:  # keeping the DP moves no cash: allowed
        assert preorders.cancel(session, second, keep_dp=True).kept == 25_000
    with db.unit_of_work() as session:
        shifts.open_shift(session, 100_000)
    before = _expected(db)
    with db.unit_of_work() as session:
        preorders.cancel(session, first, keep_dp=False)
    assert _expected(db) == before - 40_000


def test_cash_rest_at_pickup_needs_a_shift(db: Database, shop_clock: ShopClock) -> None:
    uuid = _preorder(db, DepositInput(PaymentMethod.TRANSFER, 50_000))
    with db.unit_of_work() as session:
        preorders.confirm_pending_deposits(session, uuid)
    with pytest.raises(ConflictError, match="sisa bayar tunai"), db.unit_of_work() as session:
        preorders.pickup(session, uuid, [PaymentInput(PaymentMethod.CASH, 100_000)])
    with db.read() as session:
        assert preorders.get(session, uuid).status == PreorderStatus.OPEN
    with db.unit_of_work() as session:
        shifts.open_shift(session, 100_000)
    before = _expected(db)
    with db.unit_of_work() as session:
        preorders.pickup(session, uuid, [PaymentInput(PaymentMethod.CASH, 100_000)])
    assert _expected(db) == before + 100_000  # the rest; the DP came by transfer
