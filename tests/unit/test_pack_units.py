"""Receiving, counting and buying in packs: units typed or chosen, stock always in base units."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app import inventory, purchases
from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.money import format_qty
from app.pack_units import (
    UnitChoice,
    base_choice,
    describe_base,
    from_base,
    parse_amount,
    parse_count,
    parse_parts,
    unit_choices,
)
from app.packs import PackInput, add_pack, to_base
from app.purchases import LineInput, PurchaseInput
from models import Product, PurchaseLine, StockMovement
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product

T0 = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)


def _mie(db: Database, stock: int = 0, cost: int = 0) -> tuple[int, int, int]:
    """Mi goreng in pcs, with a renteng of 5 and a dus of 40; (product, renteng, dus) ids."""
    with db.unit_of_work() as session:
        pid = add_product(session, "M1", "Mi Goreng", 3_500, stock=stock, cost=cost)
        dus = add_pack(session, pid, PackInput("dus", Decimal(40), 130_000, ["8990000000401"]))
        renteng = add_pack(session, pid, PackInput("renteng", Decimal(5), 17_000, []))
    return pid, renteng, dus


def test_choices_list_the_base_unit_then_packs_smallest_first(db: Database) -> None:
    pid, renteng, dus = _mie(db)
    with db.read() as session:
        choices = unit_choices(session, pid)
    assert [c.label for c in choices] == ["pcs", "renteng (5 pcs)", "dus (40 pcs)"]
    assert [c.pack_id for c in choices] == [None, renteng, dus]
    assert choices[2].describe(Decimal(3)) == "3 dus (120 pcs)"
    assert choices[0].describe(Decimal(7)) == "7 pcs"
    assert choices[2].cost_per_base(150_000) == 3_750 and choices[0].cost_per_base(150_000) == 150_000
    with pytest.raises(NotFoundError), db.read() as session:
        unit_choices(session, 999)


def test_a_typed_quantity_may_name_its_unit(db: Database) -> None:
    pid, _renteng, _dus = _mie(db)
    with db.read() as session:
        choices = unit_choices(session, pid)
    pcs, renteng, dus = choices
    assert parse_amount("3", choices, dus) == (Decimal(3), dus)  # in the unit chosen
    assert parse_amount(" 3  DUS ", choices) == (Decimal(3), dus)
    assert parse_amount("2,5 pcs", choices, dus) == (Decimal("2.5"), pcs)
    assert parse_parts("2 dus 1 renteng + 3", choices) == [(Decimal(2), dus), (Decimal(1), renteng),
                                                           (Decimal(3), pcs)]
    assert parse_count("2 dus 5", choices) == Decimal(85)
    assert parse_count("1.000", choices) == Decimal(1000)
    for bad, says in (("3 karung", "karung"), ("dus", "bukan angka"), ("", "belum diisi"),
                      ("2 dus 3", "satu jumlah")):
        with pytest.raises(ValidationError, match=says):
            parse_amount(bad, choices)
    assert describe_base(Decimal(80), choices) == "80 pcs (2 dus)"
    assert describe_base(Decimal(15), choices) == "15 pcs (3 renteng)"
    assert describe_base(Decimal(7), choices) == "7 pcs"
    assert describe_base(Decimal(0), choices) == "0 pcs"


def test_receive_three_dus_is_120_pcs_with_the_pack_in_the_note(db: Database) -> None:
    pid, _renteng, dus = _mie(db, stock=40, cost=3_500)
    with db.unit_of_work() as session:
        inventory.receive(session, pid, Decimal(3), 150_000, note="CV Sumber Rejeki", pack_id=dus)
    with db.read() as session:
        product = session.get(Product, pid)
        move = session.scalars(select(StockMovement).order_by(StockMovement.id.desc())).first()
        assert product is not None and move is not None
        assert product.on_hand == Decimal(160) == inventory.ledger_sum(session, pid)
        assert (move.qty, move.unit_cost, move.note) == (Decimal(120), 3_750,
                                                         "3 dus (120 pcs) · CV Sumber Rejeki")
        assert product.cost == 3_688  # moving average per pcs: (40 × 3.500 + 120 × 3.750) / 160 = 3687,5


def test_receive_refuses_a_pack_of_another_product(db: Database) -> None:
    _pid, _renteng, dus = _mie(db)
    with db.unit_of_work() as session:
        other = add_product(session, "G1", "Gula", 18_000)
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        inventory.receive(session, other, Decimal(1), pack_id=dus)


def test_purchase_of_two_dus_at_150000_is_80_pcs_at_3750(db: Database) -> None:
    pid, _renteng, dus = _mie(db)
    with db.unit_of_work() as session:
        bought = purchases.create_purchase(
            session, PurchaseInput(None, [LineInput(pid, Decimal(2), 150_000, pack_id=dus)]), now=T0)
        uuid = bought.uuid
    with db.read() as session:
        product = session.get(Product, pid)
        line = session.scalars(select(PurchaseLine).where(PurchaseLine.purchase_uuid == uuid)).one()
        assert product is not None and product.on_hand == Decimal(80) and product.cost == 3_750
        assert (line.qty_received, line.unit_cost, line.unit) == (Decimal(80), 3_750, "pcs")
        assert purchases.get_purchase(session, uuid).total == 300_000


FACTORS_PCS = st.integers(min_value=2, max_value=1000).map(Decimal)
FACTORS_KG = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(100), places=3).filter(
    lambda f: f != 1)


def test_stock_moves_by_exactly_qty_times_factor_and_back(tmp_path: Path) -> None:
    """Received or bought in any pack, stock moves by exactly qty × factor base units, and that
    many base units are exactly qty packs again (one shop file; a new product per example)."""
    db = new_shop(tmp_path / "shop.sqlite")
    made = iter(range(1, 10_000))

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(weighed=st.booleans(), factor_pcs=FACTORS_PCS, factor_kg=FACTORS_KG,
           qty=st.integers(min_value=1, max_value=500), bought=st.booleans())
    def check(weighed: bool, factor_pcs: Decimal, factor_kg: Decimal, qty: int, bought: bool) -> None:
        factor = factor_kg if weighed else factor_pcs
        with db.unit_of_work() as session:
            n = next(made)
            pid = add_product(session, f"P{n}", f"Barang {n}", 5_000, weighed=weighed)
            pack = add_pack(session, pid, PackInput("karung", factor, 100_000, []))
            if bought:
                purchases.create_purchase(session, PurchaseInput(
                    None, [LineInput(pid, Decimal(qty), 100_000, pack_id=pack)]), now=T0)
            else:
                inventory.receive(session, pid, Decimal(qty), 100_000, pack_id=pack)
        with db.read() as session:
            on_hand = session.scalar(select(Product.on_hand).where(Product.id == pid))
            assert on_hand == inventory.ledger_sum(session, pid)
        assert on_hand == to_base(Decimal(qty), factor) == Decimal(qty) * factor  # exactly
        assert from_base(on_hand, factor) == qty  # and back

    try:
        check()
    finally:
        db.close()


def test_base_choice_converts_nothing() -> None:
    pcs = base_choice("pcs")
    assert pcs.label == "pcs" and pcs.to_base(Decimal(7)) == Decimal(7) and pcs.factor == 1


@settings(max_examples=60, deadline=None)
@given(factor=FACTORS_PCS, packs=st.integers(min_value=0, max_value=5000),
       loose=st.integers(min_value=0, max_value=5000), plus=st.booleans())
def test_a_typed_count_is_packs_times_factor_plus_loose(factor: Decimal, packs: int, loose: int,
                                                       plus: bool) -> None:
    choices = [base_choice("pcs"), UnitChoice(7, "dus", factor, "pcs")]
    text = f"{format_qty(Decimal(packs))} dus {'+ ' if plus else ''}{format_qty(Decimal(loose))}"
    assert parse_count(text, choices) == packs * factor + loose
    if loose == 0 and packs:
        assert describe_base(packs * factor, choices) == (
            f"{format_qty(packs * factor)} pcs ({format_qty(Decimal(packs))} dus)")
