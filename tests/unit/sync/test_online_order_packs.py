"""A buyer's online order in packs and at a wholesale tier, as the shop's device stores it:
like a till line ("2 dus" of 40 at the dus price, the tier's note), the server's line totals
and order total kept as they are, 92 pcs reserved, fulfilled and counted in the rollups; a
line from an older server (no pack fields) stays in base units; a re-delivery changes nothing."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from app import shop
from app.db import Database
from app.order_queries import load_detail
from app.payments import service
from app.receipts import render_text
from app.receipts.from_order import receipt_from_order
from app.reports import rollups
from app.sync import orders as online
from app.sync.apply import apply_changes
from models import Order, OrderLine, OutboxOp, Product
from tests.unit.payments.shop_kit import add_product
from tests.unit.sync.sync_kit import NOW, placed

TIER = "harga grosir ≥12 pcs"


def _pack_line(key: str, packs: str = "2.000", factor: str = "40.000", pack_price: int = 150_000,
               base: str = "80.000", total: int = 300_000) -> dict[str, Any]:
    """A dus line as the server sends it: base qty and price per base unit, plus the pack."""
    return {"product_uuid": key, "name": "Indomie Goreng", "unit": "pcs", "price": 3_750,
            "qty": base, "line_total": total, "pack_name": "dus", "pack_factor": factor,
            "pack_qty": packs, "pack_price": pack_price}


def _tier_line(key: str) -> dict[str, Any]:
    return {"product_uuid": key, "name": "Indomie Goreng", "unit": "pcs", "price": 3_300,
            "qty": "12.000", "line_total": 39_600, "price_note": TIER}


def _order(key: str, lines: list[dict[str, Any]], remote: str, seq: int = 1) -> dict[str, Any]:
    change = placed(key, seq, remote)
    change["payload"]["lines"] = lines
    change["payload"]["total"] = sum(int(x["line_total"]) for x in lines)
    return change


def _shop(db: Database, stock: int = 200) -> str:
    with db.unit_of_work() as session:
        known = session.scalar(select(Product.uuid))
        if known is not None:  # the property test's later examples reuse the shop
            return str(known)
        shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
        pid = add_product(session, "MIE", price=3_500, stock=stock)
        for op in session.scalars(select(OutboxOp)):
            op.status = "acked"
        return str(session.get(Product, pid).uuid)  # type: ignore[union-attr]


def _apply(db: Database, *changes: dict[str, Any]) -> int:
    with db.unit_of_work() as session:
        return apply_changes(session, list(changes)).applied


def _rows(db: Database, remote: str) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(row) for row in session.execute(
            select(OrderLine.qty, OrderLine.pack_name, OrderLine.pack_factor, OrderLine.unit_price,
                   OrderLine.total, OrderLine.price_note)
            .join(Order, Order.id == OrderLine.order_id).where(Order.remote_id == remote)
            .order_by(OrderLine.position))]


def _pay_and_fulfil(db: Database, remote: str) -> int:
    with db.unit_of_work() as session:
        order_id = session.scalars(select(Order.id).where(Order.remote_id == remote)).one()
        online.accept(session, order_id)
    with db.unit_of_work() as session:
        view = service.open_payments(session)[0]
        service.confirm_manual(session, view.payment_id, received=view.amount_due,
                               paid_on=NOW.date(), reference="TRF", user_id=None, now=NOW)
    with db.unit_of_work() as session:
        online.fulfil(session, order_id)
    return int(order_id)


def test_two_dus_and_a_tier_are_stored_as_sold_reserved_fulfilled_and_counted_in_base_units(
        db: Database) -> None:
    key, remote = _shop(db), str(uuid.uuid4())
    change = _order(key, [_pack_line(key), _tier_line(key)], remote)
    assert _apply(db, change) == 1
    assert _rows(db, remote) == [
        (Decimal(2), "dus", Decimal(40), 150_000, 300_000, ""),
        (Decimal(12), "", Decimal(1), 3_300, 39_600, TIER)]
    assert _apply(db, change) == 1  # re-delivered: nothing new
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 1
        assert session.scalar(select(Order.total)) == 339_600  # the server's, not recomputed
        pid = session.scalars(select(Product.id)).one()
        assert online.reserved_by_product(session) == {pid: Decimal(92)}
        detail = load_detail(session, session.scalars(select(Order.id)).one())
        assert [(x.qty_text, x.price_note) for x in detail.lines] == [
            ("2 dus (80 pcs)", ""), ("12 pcs", TIER)]
    order_id = _pay_and_fulfil(db, remote)
    with db.read() as session:
        assert session.scalar(select(Product.on_hand)) == Decimal(200 - 92)
        assert online.reserved_by_product(session) == {}
        day = session.execute(text("SELECT sum(qty) FROM rollup_day_products")).scalar()
        assert day == 92_000  # thousandths: 80 + 12 pcs, not 2 + 12
        assert rollups.differences(session) == []
        ticket = online.pick_ticket(session, order_id)
        receipt = render_text(receipt_from_order(session, order_id), 48)
    assert "2 dus (80 pcs)" in ticket and TIER in ticket
    assert "2 dus (80 pcs) x Rp150.000" in receipt and "grosir" in receipt


def test_a_line_from_an_older_server_stays_in_base_units(db: Database) -> None:
    key, remote = _shop(db), str(uuid.uuid4())
    old = {k: v for k, v in _pack_line(key).items() if not k.startswith("pack_")}
    _apply(db, _order(key, [old], remote))
    assert _rows(db, remote) == [(Decimal(80), "", Decimal(1), 3_750, 300_000, "")]
    order_id = _pay_and_fulfil(db, remote)
    with db.read() as session:
        assert session.scalar(select(Product.on_hand)) == Decimal(120)
        assert "80 pcs" in online.pick_ticket(session, order_id)


def test_pack_fields_that_do_not_add_up_to_the_base_qty_are_read_as_base_units(
        db: Database) -> None:
    key, remote = _shop(db), str(uuid.uuid4())
    _apply(db, _order(key, [_pack_line(key, packs="3.000")], remote))  # 3 × 40 ≠ 80
    assert _rows(db, remote) == [(Decimal(80), "", Decimal(1), 3_750, 300_000, "")]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.tuples(st.integers(1, 50), st.sampled_from(["3.000", "12.000", "2.500"]),
                                st.integers(1, 500_000)), min_size=1, max_size=6))
def test_the_stored_totals_are_the_servers_and_the_base_qty_is_kept(
        db: Database, lines: list[tuple[int, str, int]]) -> None:
    key, remote = _shop(db, stock=1), str(uuid.uuid4())
    sent = []
    for packs, factor, pack_price in lines:
        base, total = Decimal(packs) * Decimal(factor), packs * pack_price
        line = _pack_line(key, packs=f"{packs}.000", factor=factor, pack_price=pack_price,
                          base=f"{base:.3f}", total=total)
        line["price"] = max(1, round(total / base))  # per base unit, rounded as the server does
        sent.append(line)
    _apply(db, _order(key, sent, remote))
    with db.unit_of_work() as session:
        order = session.scalars(select(Order).where(Order.remote_id == remote)).one()
        assert order.total == sum(p * price for p, _f, price in lines) == sum(
            x.total for x in order.lines)
        assert [(x.qty, x.pack_factor, x.unit_price) for x in order.lines] == [
            (Decimal(p), Decimal(f), price) for p, f, price in lines]
        held = online.reserved_by_product(session)[order.lines[0].product_id]
        assert held == sum(Decimal(p) * Decimal(f) for p, f, _price in lines)
        order.status = "cancelled"  # the next example starts from no open order
