"""Pembelian in packs keeps the supplier's money exact: 10 renteng (12 pcs) at Rp40.000 is
Rp400.000 owed, not 120 × the rounded Rp3.333; stock moves in pcs at the rounded HPP, and the
line keeps the pack it was bought in for receiving and returns."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app import inventory, purchase_queries, purchases, suppliers
from app.db import Database
from app.errors import ValidationError
from app.money import line_total
from app.pack_units import purchase_line_amount
from app.packs import to_base
from app.purchases import LineInput, PurchaseInput
from app.reports import books as book_reports
from contract.enums import MoneySource, PurchaseKind, PurchaseStatus
from models import Product, Purchase, PurchaseLine
from models.pricing import ProductPack
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product

T0 = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
DAY = date(2026, 11, 30)


def _mie(db: Database) -> tuple[int, int, str]:
    """Mi Goreng (no stock) with a renteng of 12 pcs, and a supplier."""
    with db.unit_of_work() as session:
        pid = add_product(session, "M1", "Mi Goreng", 3_500, cost=3_200)
        pack = ProductPack(product_id=pid, name="renteng", factor=Decimal(12), price=41_000)
        session.add(pack)
        supplier = suppliers.create_supplier(session, suppliers.SupplierInput("CV Sumber Rejeki"))
        session.flush()
        return pid, pack.id, supplier.uuid


def _owed_everywhere(db: Database) -> tuple[int, int, int]:
    """What is owed: by the purchase list, the payables aging and the Laporan utang report."""
    with db.read() as session:
        rows = purchase_queries.purchase_rows(session, DAY, owed_only=True)
        aging = purchase_queries.payables(session, DAY)
        report = book_reports.payables(session, DAY)
        return sum(r.owed for r in rows), sum(p.total for p in aging), report.total


def test_ten_renteng_at_40000_owe_exactly_400000(db: Database) -> None:
    pid, pack_id, supplier = _mie(db)
    with db.unit_of_work() as session:
        bought = purchases.create_purchase(session, PurchaseInput(
            supplier, [LineInput(pid, Decimal(10), 40_000, pack_id=pack_id)],
            invoice_no="INV-10"), now=T0)
        line = purchases.purchase_lines(session, bought.uuid)[0]
        assert bought.total == 400_000 == purchases.owed(session, bought)
        assert (line.qty_received, line.unit_cost) == (Decimal(120), 3_333)  # 40.000 / 12 rounded
        assert (line.pack_name, line.pack_factor, line.pack_cost) == ("renteng", Decimal(12), 40_000)
        product = session.get(Product, pid)
        assert product is not None and product.on_hand == 120 == inventory.ledger_sum(session, pid)
        assert product.cost == 3_333
    assert _owed_everywhere(db) == (400_000, 400_000, 400_000)
    with db.unit_of_work() as session:
        purchases.pay_purchase(session, bought.uuid, 400_000, MoneySource.BANK, now=T0)
        assert purchases.owed(session, purchases.get_purchase(session, bought.uuid)) == 0
    assert _owed_everywhere(db) == (0, 0, 0)


def test_a_return_gives_back_the_pack_bought_at_its_price(db: Database) -> None:
    pid, pack_id, supplier = _mie(db)
    with db.unit_of_work() as session:
        bought = purchases.create_purchase(session, PurchaseInput(
            supplier, [LineInput(pid, Decimal(10), 40_000, pack_id=pack_id)]), now=T0)
        purchases.pay_purchase(session, bought.uuid, 100_000, MoneySource.BANK, now=T0)
        back = purchases.return_to_supplier(session, bought.uuid, {0: Decimal(12)},
                                            refund_source=MoneySource.BANK, now=T0)
        line = purchases.purchase_lines(session, back.uuid)[0]
        assert back.total == 40_000 and back.kind == PurchaseKind.RETURN  # 1 renteng, not 39.996
        assert (line.pack_name, line.pack_factor, line.pack_cost) == ("renteng", Decimal(12), 40_000)
        assert purchases.owed(session, bought) == 400_000 - 100_000 - 40_000
        rest = purchases.return_to_supplier(session, bought.uuid, {0: Decimal(108)},
                                            refund_source=MoneySource.BANK, now=T0)
        assert rest.total == 360_000  # all of it back: exactly what was bought
        assert inventory.ledger_sum(session, pid) == 0
    assert _owed_everywhere(db) == (0, 0, 0)


def test_an_order_in_packs_received_in_part_owes_what_came(db: Database) -> None:
    pid, pack_id, supplier = _mie(db)
    with db.unit_of_work() as session:
        order = purchases.create_purchase(session, PurchaseInput(
            supplier, [LineInput(pid, Decimal(10), 40_000, pack_id=pack_id)], ordered=True), now=T0)
        assert order.total == 0
        purchases.receive_order(session, order.uuid, {0: Decimal(36)}, now=T0)  # 3 renteng came
        assert (order.status, order.total) == (PurchaseStatus.PARTIAL, 120_000)
        purchases.receive_order(session, order.uuid, {0: Decimal(84)}, now=T0 + timedelta(days=1))
        line = purchases.purchase_lines(session, order.uuid)[0]
        assert (order.status, order.total) == (PurchaseStatus.RECEIVED, 400_000)
        assert (line.qty_ordered, line.qty_received, line.pack_cost) == (Decimal(120), Decimal(120), 40_000)
    assert _owed_everywhere(db)[2] == 400_000


def test_a_line_in_base_units_reads_as_before(db: Database) -> None:
    pid, _pack_id, _supplier = _mie(db)
    with db.unit_of_work() as session:
        bought = purchases.create_purchase(session, PurchaseInput(
            None, [LineInput(pid, Decimal(7), 3_333)]), now=T0)
        line = session.scalars(select(PurchaseLine)).one()
        assert bought.total == 23_331
        assert (line.pack_name, line.pack_factor, line.pack_cost) == ("", Decimal(1), None)


def test_packs_that_do_not_fit_three_decimals_are_refused(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "B1", "Beras", 15_000, weighed=True)
        sack = ProductPack(product_id=pid, name="karung", factor=Decimal("1.5"), price=22_000)
        session.add(sack)
        session.flush()
        with pytest.raises(ValidationError, match="3 desimal"):
            purchases.create_purchase(session, PurchaseInput(
                None, [LineInput(pid, Decimal("0.001"), 20_000, pack_id=sack.id)]))
        assert session.scalars(select(Purchase)).all() == []


PACK_FACTORS = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(500), places=3).filter(
    lambda f: f != 1)
PACK_QTYS = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(2_000), places=3)
PACK_COSTS = st.integers(0, 50_000_000)


@settings(max_examples=200, deadline=None)
@given(PACK_FACTORS, PACK_QTYS, PACK_COSTS)
def test_a_pack_line_costs_qty_times_pack_cost(factor: Decimal, qty: Decimal, cost: int) -> None:
    base = qty * factor
    if base != to_base(qty, factor):
        return  # more than 3 decimals in base units: refused when typed (see above)
    amount = purchase_line_amount(base, 0, factor, cost)
    assert amount == line_total(qty, cost)
    if qty == qty.to_integral_value():
        assert amount == int(qty) * cost  # whole packs: exactly, no rounding at all


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One shop for every example (each adds its own product): no file opened per example."""
    database = new_shop(tmp_path_factory.mktemp("packs") / "toko.sqlite")
    yield database
    database.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PACK_FACTORS, st.integers(1, 500), PACK_COSTS)
def test_any_pack_purchase_owes_qty_times_pack_cost(shop: Database, factor: Decimal, qty: int,
                                                    cost: int) -> None:
    with shop.unit_of_work() as session:
        pid = add_product(session, uuid.uuid4().hex[:12], "Beras", 15_000, weighed=True)
        pack = ProductPack(product_id=pid, name="karung", factor=factor, price=1)
        session.add(pack)
        session.flush()
        bought = purchases.create_purchase(session, PurchaseInput(
            None, [LineInput(pid, Decimal(qty), cost, pack_id=pack.id)]), now=T0)
        product = session.get(Product, pid)
        assert bought.total == qty * cost == purchases.owed(session, bought)
        assert product is not None and product.on_hand == to_base(Decimal(qty), factor)
