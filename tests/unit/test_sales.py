"""Checkout: one transaction writing order, lines, payments, movements and outbox rows; numbering."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import catalog, inventory, settings, shop
from app.cart import Cart, CartLine, Discount
from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.sales import PaymentInput, checkout, get_order, next_number
from models import Order, OutboxOp, Product, StockMovement
from tests.unit.foundation_kit import add_product, assert_refused, cart_of, cash

NOV28 = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)  # 10:00 WIB


@pytest.fixture
def pids(db: Database) -> dict[str, int]:
    """Kopi (piece, 20 in stock), Beras (kg, 25.5), and an archived Teh."""
    with db.unit_of_work() as session:
        ids = {
            "kopi": add_product(session, "K1", "Kopi Kapal Api", 14_500, stock=20, cost=12_600),
            "beras": add_product(session, "B1", "Beras Pandan Wangi", 15_500, stock=Decimal("25.5"),
                                 weighed=True),
            "teh": add_product(session, "T1", "Teh Celup Sariwangi", 7_500, stock=5),
        }
        catalog.archive_product(session, ids["teh"])
    return ids


def test_cash_checkout_writes_everything(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 2), (pids["beras"], "0.750")])
        assert cart.total == 29_000 + 11_625
        result = checkout(session, cart, cash(cart.total, tendered=50_000), cashier_id=None, now=NOV28)
    assert result.number == "K1-20261128-0001"
    assert (result.total, result.change, result.status) == (40_625, 9_375, "paid")
    with db.read() as session:
        order = get_order(session, result.order_id)
        assert (order.kind, order.source, order.subtotal, order.discount, order.tax) == (
            "sale", "counter", 40_625, 0, 0)
        lines = [(ln.name, ln.qty, ln.unit_price, ln.unit_cost, ln.total) for ln in order.lines]
        assert lines == [
            ("Kopi Kapal Api", Decimal(2), 14_500, 12_600, 29_000),
            ("Beras Pandan Wangi", Decimal("0.75"), 15_500, 0, 11_625)]
        [payment] = order.payments
        assert (payment.method, payment.amount, payment.tendered, payment.change, payment.status) == (
            "cash", 40_625, 50_000, 9_375, "confirmed")
        moves = session.execute(select(StockMovement.product_id, StockMovement.qty, StockMovement.uuid)
                                .where(StockMovement.order_id == order.id)).all()
        assert {(m[0], m[1]) for m in moves} == {
            (pids["kopi"], Decimal(-2)), (pids["beras"], Decimal("-0.75"))}
        assert session.get(Product, pids["kopi"]).on_hand == Decimal(18)  # type: ignore[union-attr]
        ops = [json.loads(p) for p in session.scalars(
            select(OutboxOp.payload).where(OutboxOp.kind == "stock.movement"))]
        assert {m[2] for m in moves} <= {op["movement_uuid"] for op in ops}


def test_discounts_reach_the_order(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 3)], Discount("percent", Decimal(10)))
        cart.lines[0].discount = Discount("amount", Decimal(1_500))
        result = checkout(session, cart, cash(cart.total), now=NOV28)
    with db.read() as session:
        order = get_order(session, result.order_id)
        assert (order.subtotal, order.discount, order.total) == (42_000, 4_200, 37_800)
        assert (order.lines[0].discount, order.lines[0].total) == (1_500, 42_000)
        assert sum(p.amount for p in order.payments) == order.total


def test_split_payment_with_transfer_stays_pending(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        account = shop.add_bank_account(session, "BCA", "1234567890", "Siti")
        cart = cart_of(session, [(pids["kopi"], 4)])
        result = checkout(session, cart, [
            PaymentInput("cash", 20_000, 20_000),
            PaymentInput("transfer", 38_000, bank_account_id=account, unique_code=123),
        ], now=NOV28)
    assert result.status == "pending"
    with db.read() as session:
        order = get_order(session, result.order_id)
        assert [p.status for p in order.payments] == ["confirmed", "pending"]
        assert order.paid_at is None and order.expires_at is None  # goods handed over: waits
        assert session.get(Product, pids["kopi"]).on_hand == Decimal(16)  # type: ignore[union-attr]


def test_order_numbers_per_device_and_shop_day(db: Database, pids: dict[str, int]) -> None:
    late = datetime(2026, 11, 28, 16, 59, tzinfo=UTC)      # 23:59 WIB, still the 28th
    midnight = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)   # 00:00 WIB on the 29th
    numbers = []
    for when in (NOV28, late, midnight, midnight):
        with db.unit_of_work() as session:
            cart = cart_of(session, [(pids["kopi"], 1)])
            numbers.append(checkout(session, cart, cash(cart.total), now=when).number)
    assert numbers == ["K1-20261128-0001", "K1-20261128-0002", "K1-20261129-0001", "K1-20261129-0002"]
    with db.unit_of_work() as session:
        shop.update_profile(session, device_code="K2")
        cart = cart_of(session, [(pids["kopi"], 1)])
        assert checkout(session, cart, cash(cart.total), now=late).number == "K2-20261128-0001"
        assert next_number(session, "K1", late) == ("K1-20261128-0003", 3)
        assert next_number(session, "B7", late) == ("B7-20261128-0001", 1)


def test_event_channel_is_recorded(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        event = shop.create_event(session, "Bazar UMKM Balai Kota")
        cart = cart_of(session, [(pids["kopi"], 1)])
        cart.channel_id = event
        result = checkout(session, cart, cash(cart.total), now=NOV28)
        order = get_order(session, result.order_id)
        assert (order.source, order.channel_id) == ("event", event)


def test_ppn_included_when_enabled(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        settings.set_value(session, "ppn.enabled", True)
        cart = cart_of(session, [(pids["kopi"], 2)])
        result = checkout(session, cart, cash(cart.total), now=NOV28)
        assert get_order(session, result.order_id).tax == 2874  # 29 000 × 11/111


def _line(pid: int, name: str, qty: str, price: int, weighed: bool = False) -> Cart:
    return Cart(lines=[CartLine(pid, name, "kg" if weighed else "pcs", Decimal(qty), price, weighed)])


@pytest.mark.parametrize(("qty", "word"), [
    ("0", "lebih dari nol"), ("-1", "lebih dari nol"), ("10001", "tidak masuk akal"),
    ("99999999", "tidak masuk akal"), ("1.5", "bulat"), ("0.0004", "lebih dari nol"),
])
def test_bad_quantities_are_refused(db: Database, pids: dict[str, int], qty: str, word: str) -> None:
    cart = _line(pids["kopi"], "Kopi Kapal Api", qty, 14_500)
    assert_refused(db, lambda s: checkout(s, cart, cash(14_500)), ValidationError, word, "kopi")


def test_weighed_product_accepts_fractions(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = _line(pids["beras"], "Beras", "0.333", 15_500, weighed=True)
        assert checkout(session, cart, cash(5_162), now=NOV28).total == 5_162  # 5161.5 → 5162


def test_archived_and_unknown_products_are_refused(db: Database, pids: dict[str, int]) -> None:
    archived = _line(pids["teh"], "Teh Celup Sariwangi", "1", 7_500)
    assert_refused(db, lambda s: checkout(s, archived, cash(7_500)), ValidationError, "diarsipkan", "Teh")
    ghost = _line(999, "Barang Hantu", "1", 7_500)
    assert_refused(db, lambda s: checkout(s, ghost, cash(7_500)), NotFoundError, "Barang Hantu")
    assert_refused(db, lambda s: checkout(s, Cart(), cash(1)), ValidationError, "kosong")


def test_bad_price_in_cart_is_refused(db: Database, pids: dict[str, int]) -> None:
    free = _line(pids["kopi"], "Kopi Kapal Api", "1", 0)
    assert_refused(db, lambda s: checkout(s, free, cash(1)), ValidationError, "harga")


@pytest.mark.parametrize(("payments", "word"), [
    ([], "cara bayar"),
    ([PaymentInput("cash", 14_000)], "tidak sama"),                      # less than the total
    ([PaymentInput("cash", 15_000)], "tidak sama"),                      # more than the total
    ([PaymentInput("cash", 14_500), PaymentInput("qris", 500)], "tidak sama"),
    ([PaymentInput("cash", 14_500, tendered=10_000)], "kurang"),
    ([PaymentInput("bitcoin", 14_500)], "tidak dikenal"),
    ([PaymentInput("cash", 0), PaymentInput("cash", 14_500)], "lebih dari nol"),
    ([PaymentInput("cash", -500), PaymentInput("cash", 15_000)], "lebih dari nol"),
    ([PaymentInput("transfer", 14_500, tendered=20_000)], "kembalian"),
    ([PaymentInput("transfer", 14_500, unique_code=1000)], "kode unik"),
])
def test_bad_payments_are_refused(
    db: Database, pids: dict[str, int], payments: list[PaymentInput], word: str
) -> None:
    cart = _line(pids["kopi"], "Kopi Kapal Api", "1", 14_500)
    assert_refused(db, lambda s: checkout(s, cart, payments), ValidationError, word)


def test_float_payment_is_refused(db: Database, pids: dict[str, int]) -> None:
    cart = _line(pids["kopi"], "Kopi Kapal Api", "1", 14_500)
    payments = [PaymentInput("cash", 14_500.0)]  # type: ignore[arg-type]
    assert_refused(db, lambda s: checkout(s, cart, payments), ValidationError, "bayar")


def test_unknown_channel_is_refused(db: Database, pids: dict[str, int]) -> None:
    cart = _line(pids["kopi"], "Kopi Kapal Api", "1", 14_500)
    cart.channel_id = 77
    assert_refused(db, lambda s: checkout(s, cart, cash(14_500)), ValidationError, "saluran")


def test_failed_checkout_leaves_earlier_sales_and_numbers_alone(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 1)])
        checkout(session, cart, cash(cart.total), now=NOV28)
    bad = _line(pids["kopi"], "Kopi Kapal Api", "2", 14_500)
    assert_refused(db, lambda s: checkout(s, bad, cash(1_000), now=NOV28), ValidationError, "tidak sama")
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 1)])
        assert checkout(session, cart, cash(cart.total), now=NOV28).number == "K1-20261128-0002"
        assert session.scalar(select(Order.seq).order_by(Order.id.desc())) == 2
        assert inventory.ledger_sum(session, pids["kopi"]) == Decimal(18)


def test_saved_order_reads_back_in_the_same_unit_of_work(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 2), (pids["beras"], "1.5")])
        result = checkout(session, cart, cash(cart.total), now=NOV28)
        order = get_order(session, result.order_id)
        assert [(line.position, line.qty) for line in order.lines] == [(0, Decimal(2)), (1, Decimal("1.5"))]
        assert session.get(Product, pids["kopi"]).on_hand == Decimal(18)  # type: ignore[union-attr]
