"""Pre-orders with a DP: reservation (available = on hand − reserved), cancel with the DP
refunded or kept (shop rule or the seller's choice), pickup as one sale with the DP as DEPOSIT."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app import preorders, shifts
from app import settings as shop_settings
from app.clock import now_utc
from app.db import Database
from app.errors import ValidationError
from app.preorder_settle import DepositInput
from app.preorders import LineInput, PreorderInput
from app.sales import PaymentInput
from contract.enums import (
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    PreorderPaymentKind,
    PreorderStatus,
)
from models import Order, OutboxOp, Payment, Product
from models.books import PreorderPayment
from tests.conftest import ShopClock
from tests.unit.foundation_kit import add_product


def _product_uuid(db: Database, stock: int = 10) -> str:
    with db.unit_of_work() as session:
        pid = add_product(session, "TART", "Kue tart coklat", 150_000, stock=stock)
        product = session.get(Product, pid)
        assert product is not None
        return product.uuid


def _order(db: Database, key: str, *, qty: int = 2, dp: DepositInput | None = None,
           reserved: bool = True) -> str:
    with db.unit_of_work() as session:
        order = preorders.create(session, PreorderInput(
            due_at=now_utc() + timedelta(days=2), customer_name="Bu Sri",
            customer_phone="081234567890", deposit=dp, lines=[
                LineInput("Kue tart coklat", Decimal(qty), 150_000, product_uuid=key,
                          reserved=reserved, note="Tulisan: Selamat ulang tahun Dina"),
                LineInput("Lilin angka 7", Decimal(1), 5_000, note="warna pink")]))
        return order.uuid


def _drawer(db: Database) -> int:
    with db.read() as session:
        shift = shifts.current_shift(session)
        assert shift is not None
        return shifts.book_cash(session, shift.id)["deposits_cash"]


def _open_shift(db: Database) -> None:
    with db.unit_of_work() as session:
        shifts.open_shift(session, 200_000)


def test_reserved_lines_hold_stock_until_picked_up_or_cancelled(
    db: Database, shop_clock: ShopClock,
) -> None:
    key = _product_uuid(db, stock=10)
    first = _order(db, key, qty=3)
    _order(db, key, qty=2, reserved=False)  # made to order: holds nothing
    second = _order(db, key, qty=4)
    with db.read() as session:
        assert preorders.available(session, [key]) == {key: Decimal(3)}
        assert preorders.reserved_by_product(session, without=first) == {key: Decimal(4)}
    with db.unit_of_work() as session:
        preorders.cancel(session, second, keep_dp=False)
    with db.read() as session:
        assert preorders.available(session, [key]) == {key: Decimal(7)}


def test_cancel_refunds_the_dp_by_default_out_of_the_drawer(db: Database,
                                                             shop_clock: ShopClock) -> None:
    _open_shift(db)
    key = _product_uuid(db)
    uuid = _order(db, key, dp=DepositInput(PaymentMethod.CASH, 100_000))
    assert _drawer(db) == 100_000
    with db.unit_of_work() as session:
        left = preorders.cancel(session, uuid)
        assert (left.paid, left.kept) == (0, 0)
        assert preorders.get(session, uuid).status == PreorderStatus.CANCELLED
    assert _drawer(db) == 0
    with db.read() as session:
        kinds = [(p.kind, p.amount) for p in session.scalars(select(PreorderPayment))]
        assert kinds == [(PreorderPaymentKind.DEPOSIT, 100_000), (PreorderPaymentKind.REFUND, 100_000)]
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        preorders.cancel(session, uuid)  # once


@pytest.mark.parametrize(("rule", "choice", "kept"), [
    (True, None, 60_000), (False, True, 60_000), (True, False, 0)])
def test_dp_kept_by_shop_rule_or_by_choice(db: Database, shop_clock: ShopClock, rule: bool,
                                            choice: bool | None, kept: int) -> None:
    _open_shift(db)
    with db.unit_of_work() as session:
        shop_settings.set_value(session, "preorder.keep_dp_on_cancel", rule)
    uuid = _order(db, _product_uuid(db), dp=DepositInput(PaymentMethod.CASH, 60_000))
    with db.unit_of_work() as session:
        assert preorders.cancel(session, uuid, keep_dp=choice).kept == kept
    assert _drawer(db) == kept  # a kept DP stays in the drawer, a refunded one left it


def test_pending_transfer_dp_is_voided_on_cancel_and_blocks_pickup(db: Database,
                                                                   shop_clock: ShopClock) -> None:
    uuid = _order(db, _product_uuid(db), dp=DepositInput(PaymentMethod.TRANSFER, 50_000))
    with db.read() as session:
        assert preorders.money(session, preorders.get(session, uuid)).pending == 50_000
    with pytest.raises(ValidationError, match="konfirmasi"), db.unit_of_work() as session:
        preorders.pickup(session, uuid, [PaymentInput(PaymentMethod.CASH, 255_000)])
    with db.unit_of_work() as session:
        preorders.cancel(session, uuid, keep_dp=False)
    with db.read() as session:
        assert list(session.scalars(select(PreorderPayment.status))) == [PaymentStatus.VOID]


def test_pickup_is_one_sale_with_the_dp_as_deposit(db: Database, shop_clock: ShopClock) -> None:
    _open_shift(db)
    key = _product_uuid(db, stock=10)
    uuid = _order(db, key, dp=DepositInput(PaymentMethod.CASH, 100_000))
    with db.unit_of_work() as session:
        result = preorders.pickup(session, uuid, [PaymentInput(PaymentMethod.CASH, 205_000,
                                                               tendered=210_000)])
    assert (result.total, result.change) == (305_000, 5_000)
    with db.read() as session:
        order = preorders.get(session, uuid)
        sale = session.scalars(select(Order)).one()
        assert (order.status, order.order_uuid) == (PreorderStatus.PICKED_UP, sale.uuid)
        assert (sale.status, sale.buyer_name) == (OrderStatus.PAID, "Bu Sri")
        pays = {p.method: p.amount for p in session.scalars(select(Payment))}
        assert pays == {PaymentMethod.DEPOSIT: 100_000, PaymentMethod.CASH: 205_000}
        assert preorders.available(session, [key]) == {key: Decimal(8)}  # sold, not reserved
        assert (session.scalar(select(func.count()).select_from(OutboxOp)
                               .where(OutboxOp.kind == "book.record")) or 0) >= 5
        shift = shifts.current_shift(session)
        assert shift is not None
        cash = shifts.shift_cash(session, shift, now_utc() + timedelta(seconds=1))
        assert cash.by_method[PaymentMethod.CASH] == 205_000  # the DP is not pickup cash
        assert cash.deposits_cash == 100_000  # it was counted when taken


def test_refusals(db: Database, shop_clock: ShopClock) -> None:
    key = _product_uuid(db)
    due = now_utc() + timedelta(days=1)
    bad = [
        PreorderInput(due_at=due, customer_name="Ani", lines=[]),
        PreorderInput(due_at=due, customer_name="", lines=[LineInput("Kue", Decimal(1), 1000)]),
        PreorderInput(due_at=now_utc() - timedelta(hours=1), customer_name="Ani",
                      lines=[LineInput("Kue", Decimal(1), 1000)]),
        PreorderInput(due_at=due, customer_name="Ani",
                      lines=[LineInput("Kue", Decimal(1), 1000, reserved=True)]),
        PreorderInput(due_at=due, customer_name="Ani", lines=[LineInput("Kue", Decimal(0), 1000)]),
        PreorderInput(due_at=due, customer_name="Ani", deposit=DepositInput("cash", 2000),
                      lines=[LineInput("Kue", Decimal(1), 1000, product_uuid=key)]),
    ]
    for data in bad:
        with pytest.raises(ValidationError), db.unit_of_work() as session:
            preorders.create(session, data)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)
                              .where(OutboxOp.kind == "book.record")) == 0


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dps=st.lists(st.tuples(st.sampled_from([PaymentMethod.CASH, PaymentMethod.QRIS,
                                               PaymentMethod.TRANSFER]),
                              st.integers(1, 40_000)), max_size=4),
       confirm=st.lists(st.booleans(), min_size=4, max_size=4), keep=st.booleans())
def test_cancel_gives_back_exactly_the_confirmed_dp(
    db: Database, dps: list[tuple[str, int]], confirm: list[bool], keep: bool,
) -> None:
    """Whatever DPs came in (some transfers still pending), cancel refunds or keeps exactly
    the confirmed ones, per method, and leaves nothing counted."""
    key = getattr(db, "_tart", None)
    if key is None:  # first example: the product, and the shift cash DPs go into
        key = _product_uuid(db)
        _open_shift(db)
    db._tart = key  # type: ignore[attr-defined]
    uuid = _order(db, key)
    confirmed = 0
    with db.unit_of_work() as session:
        for (method, amount), ok in zip(dps, confirm, strict=False):
            payment = preorders.add_deposit(session, uuid, DepositInput(method, amount))
            if payment.status == PaymentStatus.PENDING and ok:
                preorders.confirm_deposit(session, payment.uuid)
            confirmed += amount if payment.status == PaymentStatus.CONFIRMED else 0
    with db.unit_of_work() as session:
        left = preorders.cancel(session, uuid, keep_dp=keep)
        refunds = session.scalar(select(func.coalesce(func.sum(PreorderPayment.amount), 0)).where(
            PreorderPayment.preorder_uuid == uuid, PreorderPayment.kind == PreorderPaymentKind.REFUND))
    assert left.kept == (confirmed if keep else 0)
    assert refunds == (0 if keep else confirmed)
    assert left.paid == (confirmed if keep else 0) and left.pending == 0


def test_pickup_keeps_the_agreed_prices_when_a_promotion_starts_meanwhile(
        db: Database, shop_clock: ShopClock) -> None:
    """The tart was agreed at Rp150.000; a '20% off' promotion started since does not change
    what the buyer owes at pickup (nor refuse the payment as not matching the total)."""
    from app import promotions
    from contract.enums import PromoKind

    _open_shift(db)
    key = _product_uuid(db, stock=10)
    uuid = _order(db, key, dp=DepositInput(PaymentMethod.CASH, 100_000))
    with db.unit_of_work() as session:
        pid = session.scalar(select(Product.id).where(Product.uuid == key))
        promotions.create_promotion(session, promotions.PromotionInput(
            "Diskon tart", PromoKind.PERCENT, [promotions.PromoTarget(product_id=pid)],
            percent=Decimal(20)))
    with db.unit_of_work() as session:
        result = preorders.pickup(session, uuid, [PaymentInput(PaymentMethod.CASH, 205_000)])
    assert result.total == 305_000
