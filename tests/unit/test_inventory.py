"""Inventory: receive, adjust, stocktake as deltas, history, low stock; ledger = on-hand; outbox."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import inventory
from app.db import Database
from app.errors import NotFoundError, ValidationError
from models import OutboxOp, Product, StockMovement
from tests.unit.foundation_kit import add_product, assert_refused


@pytest.fixture
def pids(db: Database) -> dict[str, int]:
    """Gula (piece, stock 10, min 5) and Beras (by weight, stock 25.5 kg)."""
    with db.unit_of_work() as session:
        return {
            "gula": add_product(session, "G1", "Gula Pasir 1 kg", 18_500, stock=10, min_stock=5),
            "beras": add_product(session, "B1", "Beras Pandan Wangi", 15_500, stock=Decimal("25.5"),
                                 weighed=True, min_stock=2),
        }


def _on_hand(db: Database, pid: int) -> Decimal:
    with db.read() as session:
        product = session.get(Product, pid)
        assert product is not None
        assert product.on_hand == inventory.ledger_sum(session, pid)
        return product.on_hand


def _movement_ops(db: Database) -> list[dict[str, str]]:
    with db.read() as session:
        rows = session.scalars(select(OutboxOp.payload).where(OutboxOp.kind == "stock.movement")
                               .order_by(OutboxOp.seq))
        return [json.loads(r) for r in rows]


def test_receive_adds_stock_updates_cost_and_queues_movement(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        movement = inventory.receive(session, pids["gula"], Decimal(12), unit_cost=16_400, note="Toko Grosir")
        movement_uuid = movement.uuid
    assert _on_hand(db, pids["gula"]) == Decimal(22)
    with db.read() as session:
        assert session.get(Product, pids["gula"]).cost == 16_400  # type: ignore[union-attr]
    last = _movement_ops(db)[-1]
    assert last["movement_uuid"] == movement_uuid
    assert last["qty"] == "12.000" and last["kind"] == "receive"


@pytest.mark.parametrize(("qty", "word"), [
    (Decimal(0), "nol"), (Decimal(-3), "lebih dari nol"), (Decimal("0.0004"), "nol"),
    (Decimal(2_000_000), "tidak masuk akal"), ("tiga", "bukan angka"),
])
def test_receive_refuses_bad_quantities(db: Database, pids: dict[str, int], qty: object, word: str) -> None:
    assert_refused(db, lambda s: inventory.receive(s, pids["gula"], qty), ValidationError, word)  # type: ignore[arg-type]


def test_receive_refuses_fraction_of_a_piece_product(db: Database, pids: dict[str, int]) -> None:
    assert_refused(db, lambda s: inventory.receive(s, pids["gula"], Decimal("1.5")), ValidationError,
                   "bulat")
    with db.unit_of_work() as session:
        inventory.receive(session, pids["beras"], Decimal("0.250"))
    assert _on_hand(db, pids["beras"]) == Decimal("25.750")


def test_receive_refuses_unknown_product_and_bad_cost(db: Database, pids: dict[str, int]) -> None:
    assert_refused(db, lambda s: inventory.receive(s, 999, Decimal(1)), NotFoundError, "tidak ditemukan")
    assert_refused(db, lambda s: inventory.receive(s, pids["gula"], Decimal(1), unit_cost=-5),
                   ValidationError, "harga pokok")


def test_adjust_with_reason(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        inventory.adjust(session, pids["gula"], Decimal(-2), "rusak", note="Bungkus sobek")
        inventory.adjust(session, pids["gula"], Decimal(1), "lainnya", note="Ketemu di gudang")
    assert _on_hand(db, pids["gula"]) == Decimal(9)
    with db.read() as session:
        views = inventory.history(session, pids["gula"])
    assert [(v.kind, v.qty, v.reason) for v in views[:2]] == [
        ("adjust", Decimal(1), "lainnya"), ("adjust", Decimal(-2), "rusak")]
    assert views[-1].kind == "receive"


@pytest.mark.parametrize(("delta", "reason", "note", "word"), [
    (Decimal(-1), "", "", "alasan"),
    (Decimal(-1), "dicuri", "", "alasan"),
    (Decimal(-1), "lainnya", "  ", "keterangan"),
    (Decimal(0), "rusak", "", "nol"),
    (Decimal(-5_000_000), "hilang", "", "tidak masuk akal"),
    (Decimal("-0.5"), "rusak", "", "bulat"),
])
def test_adjust_refuses_bad_input(
    db: Database, pids: dict[str, int], delta: Decimal, reason: str, note: str, word: str
) -> None:
    assert_refused(db, lambda s: inventory.adjust(s, pids["gula"], delta, reason, note=note),
                   ValidationError, word)


def test_stocktake_writes_deltas_only_for_changes(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        moves = inventory.stocktake(session, {pids["gula"]: Decimal(7), pids["beras"]: Decimal("25.5")})
        assert [(m.kind, m.qty) for m in moves] == [("stocktake", Decimal(-3))]
    assert _on_hand(db, pids["gula"]) == Decimal(7)
    assert _on_hand(db, pids["beras"]) == Decimal("25.5")
    with db.unit_of_work() as session:
        inventory.stocktake(session, {pids["beras"]: Decimal("30.125")})
    assert _on_hand(db, pids["beras"]) == Decimal("30.125")
    assert _movement_ops(db)[-1]["qty"] == "4.625"


def test_stocktake_is_all_or_nothing(db: Database, pids: dict[str, int]) -> None:
    good_then_unknown = {pids["gula"]: Decimal(3), 999: Decimal(1)}
    assert_refused(db, lambda s: inventory.stocktake(s, good_then_unknown), NotFoundError, "#999")
    good_then_negative = {pids["gula"]: Decimal(3), pids["beras"]: Decimal(-1)}
    assert_refused(db, lambda s: inventory.stocktake(s, good_then_negative), ValidationError, "tidak sah")
    assert_refused(db, lambda s: inventory.stocktake(s, {}), ValidationError, "dihitung")
    piece_fraction = {pids["gula"]: Decimal("2.5")}
    assert_refused(db, lambda s: inventory.stocktake(s, piece_fraction), ValidationError, "bulat")


def test_low_stock_lists_active_products_at_or_below_minimum(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        assert inventory.low_stock(session) == []
        inventory.adjust(session, pids["gula"], Decimal(-5), "hilang")
        add_product(session, "X1", "Tanpa Minimum", 1_000)
    with db.read() as session:
        low = inventory.low_stock(session)
    assert [(r.sku, r.on_hand, r.min_stock) for r in low] == [("G1", Decimal(5), Decimal(5))]


def test_every_movement_has_one_outbox_row_in_the_same_transaction(
    db: Database, pids: dict[str, int]
) -> None:
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        inventory.receive(session, pids["gula"], Decimal(1))
        inventory.receive(session, 999, Decimal(1))
    with db.read() as session:
        movements = session.scalars(select(StockMovement.uuid)).all()
    ops = _movement_ops(db)
    assert sorted(op["movement_uuid"] for op in ops) == sorted(movements)
    assert len(movements) == 2  # the two opening receipts only


def test_record_movement_from_another_device_writes_no_outbox(db: Database, pids: dict[str, int]) -> None:
    before = len(_movement_ops(db))
    with db.unit_of_work() as session:
        inventory.record_movement(session, pids["gula"], "sale", Decimal(-1), remote=True,
                                  device="K2", movement_uuid="11111111-2222-3333-4444-555555555555")
    assert len(_movement_ops(db)) == before
    assert _on_hand(db, pids["gula"]) == Decimal(9)


def test_record_movements_batch_matches_single_movements(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        gula = session.get(Product, pids["gula"])
        assert gula is not None and gula.on_hand == Decimal(10)  # now cached in the session
        uuids = inventory.record_movements(
            session, "adjust", [(pids["gula"], Decimal(-2)), (pids["beras"], Decimal("0.5")),
                                (pids["gula"], Decimal(-1))], device="K1")
        assert gula.on_hand == Decimal(7)  # the cached product sees the new on-hand
    assert _on_hand(db, pids["gula"]) == Decimal(7)
    assert _on_hand(db, pids["beras"]) == Decimal(26)
    ops = {op["movement_uuid"]: op for op in _movement_ops(db)}
    assert [ops[u]["qty"] for u in uuids] == ["-2.000", "0.500", "-1.000"]
    assert all(ops[u]["product_uuid"] for u in uuids)


def test_record_movements_refuses_unknown_product(db: Database, pids: dict[str, int]) -> None:
    deltas = [(pids["gula"], Decimal(-1)), (4242, Decimal(-1))]
    assert_refused(db, lambda s: inventory.record_movements(s, "sale", deltas), NotFoundError, "#4242")
    assert_refused(db, lambda s: inventory.record_movement(s, 4243, "adjust", Decimal(1)),
                   NotFoundError, "#4243")


def test_movement_for_a_product_created_in_the_same_action(db: Database) -> None:
    with db.unit_of_work() as session:
        product = Product(sku="NEW", name="Produk Baru", price=1_000)
        session.add(product)  # not flushed yet
        session.flush()
        inventory.record_movement(session, product.id, "receive", Decimal(3))
        pid = product.id
    assert _on_hand(db, pid) == Decimal(3)


def test_receive_moves_cost_to_the_moving_average_not_the_last_price(db: Database) -> None:
    """Barang masuk at a new price averages it with the stock on hand (HPP rata-rata)."""
    with db.unit_of_work() as session:
        pid = add_product(session, "K1", "Kopi", 2_000, cost=1_000, stock=30)
        inventory.receive(session, pid, Decimal(10), unit_cost=1_400)
        assert session.get(Product, pid).cost == 1_100  # type: ignore[union-attr]
        inventory.receive(session, pid, Decimal(40))  # no cost given: cost unchanged
        assert session.get(Product, pid).cost == 1_100  # type: ignore[union-attr]
