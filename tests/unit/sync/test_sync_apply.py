"""Applying server changes: product fields (the edit made later wins), movements once,
online orders once, states only forward."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from app.catalog import find_by_code
from app.db import Database
from app.sync import hlc
from app.sync.apply import apply_changes, should_move
from models import Order, OutboxOp, Payment, Product, StockMovement
from tests.unit.payments.shop_kit import add_product
from tests.unit.sync.sync_kit import fields, listing, movement, placed, stamp, status


def _product(db: Database, key: str) -> Product:
    with db.read() as session:
        product = session.scalars(select(Product).where(Product.uuid == key)).one()
        session.expunge(product)
        return product


def test_listing_from_another_device_creates_then_later_edit_wins(db: Database) -> None:
    key = str(uuid.uuid4())
    with db.unit_of_work() as session:
        apply_changes(session, [listing(key, 1, price=60_000), listing(key, 2, price=62_500,
                                                                       name="Beras Premium")])
    product = _product(db, key)
    assert (product.price, product.name, product.published) == (62_500, "Beras Premium", True)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0  # nothing echoes back


def test_remote_field_applies_only_when_made_after_the_local_edit(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "KOPI", price=20_000)  # stamped now by this device's clock
        key = session.get(Product, pid).uuid  # type: ignore[union-attr]
    made = datetime.now(UTC)
    with db.unit_of_work() as session:  # an older edit of another device arrives later
        apply_changes(session, [fields(key, 5, stamp(made - timedelta(hours=1)), price=18_000),
                                listing(key, 6, sku="KOPI", price=17_000)])
    assert _product(db, key).price == 20_000
    with db.unit_of_work() as session:  # a newer one wins, whether ours is acked or not
        apply_changes(session, [fields(key, 7, stamp(made + timedelta(seconds=5)), price=18_000,
                                       cost=12_000, min_stock="2.500", barcodes=["8990001"])])
    product = _product(db, key)
    assert (product.price, product.cost, product.min_stock) == (18_000, 12_000, Decimal("2.500"))
    with db.read() as session:
        assert find_by_code(session, "8990001") is not None
        # this device's clock moved past the remote stamp: its next edit is later
        assert hlc.tick(session) > stamp(made + timedelta(seconds=5))


def test_movements_merge_once_even_when_the_page_repeats(db: Database) -> None:
    key = str(uuid.uuid4())
    page = [listing(key, 1), movement(key, 2, "10.000"), movement(key, 3, "-2.500")]
    for _ in range(2):
        with db.unit_of_work() as session:
            apply_changes(session, page)
    assert _product(db, key).on_hand == Decimal("7.500")
    with db.read() as session:
        rows = list(session.scalars(select(StockMovement)))
        assert len(rows) == 2 and all(m.remote for m in rows)


def test_movement_before_its_listing_gets_a_placeholder(db: Database) -> None:
    key = str(uuid.uuid4())
    with db.unit_of_work() as session:
        apply_changes(session, [movement(key, 1, "3.000")])
    product = _product(db, key)
    assert product.on_hand == 3 and not product.published
    with db.unit_of_work() as session:
        apply_changes(session, [listing(key, 2, name="Gula 1 kg", sku="GL1")])
    assert _product(db, key).name == "Gula 1 kg"


def test_new_order_once_with_pending_payment_then_states_forward(db: Database) -> None:
    key, order_id = str(uuid.uuid4()), str(uuid.uuid4())
    page = [listing(key, 1), placed(key, 2, order_id)]
    for _ in range(2):
        with db.unit_of_work() as session:
            result = apply_changes(session, page)
    assert result.new_orders == []
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.remote_id == order_id)).one()
        assert (order.status, order.total, order.source) == ("placed", 130_000, "online")
        assert [(p.status, p.amount, p.unique_code) for p in order.payments] == [
            ("pending", 130_000, 123)]
    with db.unit_of_work() as session:
        apply_changes(session, [status(order_id, 3, "paid"), status(order_id, 4, "awaiting_payment")])
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.remote_id == order_id)).one()
        assert order.status == "paid" and order.payments[0].status == "confirmed"


def test_buyer_cancel_voids_the_pending_payment(db: Database) -> None:
    key, order_id = str(uuid.uuid4()), str(uuid.uuid4())
    with db.unit_of_work() as session:
        apply_changes(session, [listing(key, 1), placed(key, 2, order_id),
                                status(order_id, 3, "cancelled", "Dibatalkan pembeli")])
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.remote_id == order_id)).one()
        assert (order.status, order.reason) == ("cancelled", "Dibatalkan pembeli")
        assert session.scalars(select(Payment.status)).one() == "void"


def test_states_never_go_backwards() -> None:
    assert should_move("placed", "pending") and should_move("pending", "paid")
    assert not should_move("paid", "pending") and not should_move("fulfilled", "paid")
    assert should_move("pending", "expired") and not should_move("fulfilled", "cancelled")
    assert not should_move("rejected", "paid")


def test_a_synced_category_joins_the_one_spelled_differently(db: Database) -> None:
    """Case and spacing are ignored as in the product editor: no "minuman" beside "Minuman"."""
    from app.categories import ensure_category
    from app.sync.fields import category_id

    with db.unit_of_work() as s:
        existing = ensure_category(s, "Minuman Dingin")
        assert category_id(s, "  minuman   dingin ") == existing
        assert category_id(s, "") is None
        assert category_id(s, "Camilan") not in (None, existing)
