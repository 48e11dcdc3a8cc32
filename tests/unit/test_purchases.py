"""Suppliers and purchases: stock in through the ledger, moving-average cost, paying, aging, returns."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app import inventory, purchase_queries, purchases, suppliers
from app.db import Database
from app.errors import ConflictError, StockError, ValidationError
from app.purchases import LineInput, PurchaseInput
from app.sales import PaymentInput, checkout
from app.shifts import open_shift, shift_cash
from contract.enums import CashDirection, MoneySource, MovementKind, PurchaseStatus
from models import AuditEntry, CashMovement, Product, StockMovement
from models.pricing import ProductPack
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product, cart_of

T0 = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
DRAWER, BANK = MoneySource.DRAWER, MoneySource.BANK


def _cost(db: Database, pid: int) -> tuple[int, Decimal]:
    with db.read() as session:
        product = session.get(Product, pid)
        assert product is not None
        assert product.on_hand == inventory.ledger_sum(session, pid)
        return product.cost, product.on_hand


def test_moving_average_formula() -> None:
    avg = inventory.moving_average
    assert avg(Decimal(10), 1_000, Decimal(10), 2_000) == 1_500
    assert avg(Decimal(1), 1_000, Decimal(2), 1_001) == 1_001  # 1000.67 → 1001
    assert avg(Decimal(1), 1_000, Decimal(1), 1_001) == 1_001  # 1000.5 rounds half up
    assert avg(Decimal(-4), 1_000, Decimal(2), 1_300) == 1_300  # stock below zero counts as none
    assert avg(Decimal(5), 0, Decimal(5), 900) == 900  # cost never filled in: unknown
    assert avg(Decimal(3), 1_000, Decimal(-3), 1_000) == 1_000  # nothing left: the unit cost


def test_purchase_with_pack_paid_from_the_drawer(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "M1", "Mi Goreng", 3_500, stock=20, cost=2_500)
        pack = ProductPack(product_id=pid, name="dus", factor=Decimal(40), price=120_000)
        session.add(pack)
        supplier = suppliers.create_supplier(session, suppliers.SupplierInput("CV Sumber Rejeki"))
        shift = open_shift(session, 500_000, now=T0)
        session.flush()
        bought = purchases.create_purchase(session, PurchaseInput(
            supplier.uuid, [LineInput(pid, Decimal(2), 108_000, pack_id=pack.id)],
            invoice_no="INV-77", pay_source=DRAWER), now=T0 + timedelta(minutes=5))
        assert bought.total == 80 * 2_700 == 216_000 and bought.status == PurchaseStatus.RECEIVED
        assert purchases.owed(session, bought) == 0
        cash = shift_cash(session, shift, T0 + timedelta(hours=1))
        assert cash.supplier_cash == 216_000 and cash.expected_cash == 500_000 - 216_000
        moves = session.scalars(select(StockMovement).where(
            StockMovement.kind == MovementKind.PURCHASE)).all()
        assert [(m.qty, m.unit_cost) for m in moves] == [(Decimal(80), 2_700)]
        actions = {a for (a,) in session.execute(select(AuditEntry.action))}
        assert {"supplier.create", "purchase.create", "purchase.pay"} <= actions
    assert _cost(db, pid) == ((20 * 2_500 + 80 * 2_700 + 50) // 100, Decimal(100))  # 2660


def test_owed_paid_later_aging_and_returns(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "K1", "Kopi Sachet", 1_500, cost=1_000)
        supplier = suppliers.create_supplier(session, suppliers.SupplierInput("UD Makmur"))
        bought = purchases.create_purchase(session, PurchaseInput(
            supplier.uuid, [LineInput(pid, Decimal(100), 1_000)], invoice_no="F-1",
            invoice_date=date(2026, 11, 1), due_date=date(2026, 11, 15)), now=T0)
        uuid = bought.uuid
        assert purchases.owed(session, bought) == 100_000
        rows = purchase_queries.purchase_rows(session, date(2026, 11, 28), owed_only=True)
        assert [(r.owed, r.days, r.bucket) for r in rows] == [(100_000, 13, 1)]
        assert purchase_queries.payables(session, date(2026, 12, 20))[0].buckets == (0, 0, 100_000)
        purchases.pay_purchase(session, uuid, 30_000, BANK)
        with pytest.raises(ValidationError, match="melebihi sisa utang"):
            purchases.pay_purchase(session, uuid, 70_001, BANK)
        with pytest.raises(ConflictError, match="Belum ada shift"):
            purchases.pay_purchase(session, uuid, 1_000, DRAWER)
        back = purchases.return_to_supplier(session, uuid, {0: Decimal(10)}, reason="rusak")
        assert back.total == 10_000 and purchases.owed(session, bought) == 60_000
        with pytest.raises(StockError, match="melebihi"):
            purchases.return_to_supplier(session, uuid, {0: Decimal(91)})
        ret = session.scalars(select(StockMovement).where(
            StockMovement.kind == MovementKind.SUPPLIER_RETURN)).one()
        assert (ret.qty, ret.unit_cost) == (Decimal(-10), 1_000)
        purchases.pay_purchase(session, uuid, 60_000, BANK)
        assert purchase_queries.payables(session, date(2026, 12, 20)) == []
    assert _cost(db, pid) == (1_000, Decimal(90))


def test_return_beyond_what_is_owed_is_refunded_into_the_drawer(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "T1", "Teh", 5_000)
        shift = open_shift(session, 0, now=T0)
        bought = purchases.create_purchase(session, PurchaseInput(
            None, [LineInput(pid, Decimal(10), 3_000)], pay_source=DRAWER), now=T0)
        purchases.return_to_supplier(session, bought.uuid, {0: Decimal(2)}, refund_source=DRAWER)
        refund = session.scalars(select(CashMovement)).one()
        assert (refund.direction, refund.amount) == (CashDirection.IN, 6_000)
        cash = shift_cash(session, shift, T0 + timedelta(hours=1))
        assert cash.expected_cash == -30_000 + 6_000


def test_purchase_order_received_in_part(db: Database) -> None:
    with db.unit_of_work() as session:
        a = add_product(session, "A", "Gula", 15_000, cost=12_000, stock=10)
        b = add_product(session, "B", "Minyak", 20_000, cost=16_000)
        order = purchases.create_purchase(session, PurchaseInput(
            None, [LineInput(a, Decimal(10), 13_000), LineInput(b, Decimal(6), 17_000)],
            ordered=True), now=T0)
        assert (order.status, order.total) == (PurchaseStatus.ORDERED, 0)
        purchases.receive_order(session, order.uuid, {0: Decimal(10), 1: Decimal(0)})
        assert (order.status, order.total) == (PurchaseStatus.PARTIAL, 130_000)
        purchases.receive_order(session, order.uuid, {1: Decimal(6)})
        assert (order.status, order.total) == (PurchaseStatus.RECEIVED, 232_000)
        with pytest.raises(ConflictError, match="sudah diterima"):
            purchases.receive_order(session, order.uuid, {1: Decimal(1)})
    assert _cost(db, a) == (12_500, Decimal(20))
    assert _cost(db, b) == (17_000, Decimal(6))


def test_refused_purchases_write_nothing(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "A", "Gula", 15_000)
    for bad in (PurchaseInput(None, []), PurchaseInput(None, [LineInput(pid, Decimal("1.5"), 100)]),
                PurchaseInput(None, [LineInput(pid, Decimal(1), -1)]),
                PurchaseInput(None, [LineInput(pid, Decimal(1), 1)], invoice_date=date(2026, 11, 2),
                              due_date=date(2026, 11, 1))):
        with pytest.raises(ValidationError), db.unit_of_work() as session:
            purchases.create_purchase(session, bad)
    with db.read() as session:
        assert session.scalars(select(StockMovement).where(
            StockMovement.kind == MovementKind.PURCHASE)).all() == []


# a cost of 0 means "not known" (never averaged in), so every receipt here has a real cost
RECEIPTS = st.lists(st.tuples(st.integers(1, 60), st.integers(1, 250_000)), min_size=1, max_size=6)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECEIPTS, st.integers(0, 5))
def test_cost_is_the_weighted_average_of_receipts(receipts: list[tuple[int, int]], sold: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = new_shop(Path(folder) / "toko.sqlite")  # a fresh shop per example
        try:
            with database.unit_of_work() as session:
                pid = add_product(session, "A", "Beras", 10_000)
                for qty, cost in receipts:
                    purchases.create_purchase(session, PurchaseInput(
                        None, [LineInput(pid, Decimal(qty), cost)]))
            cost, on_hand = _cost(database, pid)
            units = sum(q for q, _c in receipts)
            exact = Decimal(sum(q * c for q, c in receipts)) / units
            assert on_hand == units and isinstance(cost, int)
            if exact > 0:  # each step rounds to the rupiah: at most half a rupiah per receipt
                assert abs(cost - exact) <= Decimal(len(receipts)) / 2
            with database.unit_of_work() as session:
                if sold:
                    checkout(session, cart_of(session, [(pid, min(sold, units))]),
                             [PaymentInput("cash", 10_000 * min(sold, units))])
            assert _cost(database, pid)[0] == cost  # selling never moves the cost
        finally:
            database.close()
