"""The seller's online-order actions write their outbox ops in the same transaction;
oversell notices, pick ticket and the monthly turnover."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import settings, shop
from app.db import Database
from app.errors import ConflictError, ValidationError
from app.payments import service
from app.sync import orders as online
from app.sync import turnover
from app.sync.apply import apply_changes
from models import Order, OutboxOp, Product, StockMovement
from tests.unit.payments.shop_kit import add_product
from tests.unit.sync.sync_kit import NOW, placed, status


def _shop_with_order(db: Database, stock: int = 10, qty: str = "2.000") -> tuple[int, str, str]:
    """A product with stock and a new online order for it: (order id, product uuid, remote id)."""
    remote = str(uuid.uuid4())
    with db.unit_of_work() as session:
        shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
        pid = add_product(session, "BRS5", price=65_000, stock=stock)
        key = session.get(Product, pid).uuid  # type: ignore[union-attr]
        for op in session.scalars(select(OutboxOp)):
            op.status = "acked"
        apply_changes(session, [placed(key, 1, remote, qty=qty)])
    with db.read() as session:
        order_id = session.scalars(select(Order.id).where(Order.remote_id == remote)).one()
    return order_id, key, remote


def _pending_ops(db: Database) -> list[tuple[str, dict[str, object]]]:
    with db.read() as session:
        return [(op.kind, json.loads(op.payload)) for op in session.scalars(
            select(OutboxOp).where(OutboxOp.status == "pending").order_by(OutboxOp.seq))]


def test_accept_confirm_fulfil_queue_their_ops(db: Database) -> None:
    order_id, _key, remote = _shop_with_order(db)
    with db.unit_of_work() as session:
        assert online.accept(session, order_id) == []
    with db.unit_of_work() as session:
        views = service.open_payments(session)
        assert [v.amount_due for v in views] == [130_123]  # matched like any open transfer
        service.confirm_manual(session, views[0].payment_id, received=130_123,
                               paid_on=NOW.date(), reference="TRF\tBUDI", user_id=None, now=NOW)
    with db.unit_of_work() as session:
        online.fulfil(session, order_id)
    kinds = [k for k, _ in _pending_ops(db)]
    assert kinds == ["order.accept", "order.confirm_payment", "stock.movement", "order.fulfil"]
    confirm = _pending_ops(db)[1][1]
    assert confirm == {"order_id": remote, "amount": 130_123, "reference": "TRF BUDI",
                       "confirmed_at": NOW.isoformat()}
    with db.read() as session:
        move = session.scalars(select(StockMovement).where(StockMovement.kind == "online")).one()
        assert move.qty == Decimal(-2) and move.uuid == online.fulfil_movement_uuid(remote, 0)
        assert session.get(Order, order_id).status == "fulfilled"  # type: ignore[union-attr]


def test_reject_needs_a_reason_and_voids_the_payment(db: Database) -> None:
    order_id, _, remote = _shop_with_order(db)
    with db.unit_of_work() as session, pytest.raises(ValidationError):
        online.reject(session, order_id, "   ")
    with db.unit_of_work() as session:
        online.reject(session, order_id, "Stok habis")
    assert _pending_ops(db) == [("order.reject", {"order_id": remote, "reason": "Stok habis"})]
    with db.unit_of_work() as session, pytest.raises(ConflictError):
        online.accept(session, order_id)


def test_fulfil_before_payment_is_refused(db: Database) -> None:
    order_id, _, _ = _shop_with_order(db)
    with db.unit_of_work() as session:
        online.accept(session, order_id)
    with db.unit_of_work() as session, pytest.raises(ConflictError, match="belum lunas"):
        online.fulfil(session, order_id)


def test_oversell_notice_when_counter_and_online_overlap(db: Database) -> None:
    order_id, _, _ = _shop_with_order(db, stock=3, qty="2.000")
    with db.unit_of_work() as session:
        settings.set_value(session, "peken.safety_buffer", 2)
        notices = online.accept(session, order_id)
    assert len(notices) == 1 and notices[0].available == Decimal(-1)
    assert "Tambah stok atau tolak pesanan" in notices[0].message


def test_pick_ticket_lists_the_goods(db: Database) -> None:
    order_id, _, _ = _shop_with_order(db)
    with db.read() as session:
        ticket = online.pick_ticket(session, order_id)
        assert online.new_order_count(session) == 1
    assert "PESANAN ONLINE PEKEN" in ticket and "Beras 5 kg" in ticket and "BRS5" in ticket
    assert all(len(line) <= 32 for line in ticket.splitlines())


def test_turnover_counts_paid_online_orders_of_the_month(db: Database) -> None:
    _, _key, remote = _shop_with_order(db)
    with db.unit_of_work() as session:
        apply_changes(session, [status(remote, 2, "paid")])
        settings.set_value(session, "peken.turnover_cap", 200_000)
    with db.read() as session:
        now = turnover.this_month(session, NOW + timedelta(days=1))
        later = turnover.this_month(session, NOW + timedelta(days=40))
    assert (now.amount, now.cap, now.percent, now.over_cap) == (130_000, 200_000, 65, False)
    assert later.amount == 0
    assert "Omzet PEKEN 03/2026" in now.summary
