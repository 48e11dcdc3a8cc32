"""Applying the server's snapshot on a shop file: fields merged by stamp, on-hand brought to
the server's plus this device's movements not yet pushed, the cursor set, idempotent."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update

from app import inventory
from app.db import Database
from app.sync import state
from app.sync.snapshot import apply_snapshot
from models import OutboxOp, Product, StockMovement
from tests.unit.payments.shop_kit import add_product
from tests.unit.sync.sync_kit import NOW, stamp


def _listing(key: str, on_hand: str, **values: Any) -> dict[str, Any]:
    old = stamp(NOW)
    return {"product_uuid": key, "on_hand": on_hand, "reserved": "0.000",
            "fields": {k: {"value": v, "hlc": old} for k, v in values.items()}}


def test_snapshot_builds_products_and_aligns_stock_with_pending_movements(db: Database) -> None:
    remote = str(uuid.uuid4())
    with db.unit_of_work() as session:
        pid = add_product(session, "KOPI", price=20_000, stock=10)  # acked by the server…
        key = session.get(Product, pid).uuid  # type: ignore[union-attr]
        session.execute(update(OutboxOp).values(status="acked"))
        inventory.receive(session, pid, Decimal(2))  # …and one receipt still in the outbox
    snap = {"change_seq": 41, "open_orders": [], "listings": [
        _listing(key, "7.000", price=18_000),  # older than this device's own price
        _listing(remote, "3.250", sku="GL-1", name="Gula Curah", price=16_000, unit="kg",
                 sold_by_weight=True, cost=14_000, min_stock="5.000",
                 barcodes=["2000000000015", "8991111222233"]),
    ]}
    for _ in range(2):  # the same snapshot twice changes nothing more
        with db.unit_of_work() as session:
            apply_snapshot(session, snap)
    with db.read() as session:
        own = session.get(Product, pid)
        assert own is not None and (own.price, own.on_hand) == (20_000, Decimal(9))
        new = session.scalars(select(Product).where(Product.uuid == remote)).one()
        assert (new.sku, new.name, new.unit, new.sold_by_weight, new.cost, new.min_stock) == (
            "GL-1", "Gula Curah", "kg", True, 14_000, Decimal(5))
        assert sorted(b.code for b in new.barcodes) == ["2000000000015", "8991111222233"]
        assert new.on_hand == Decimal("3.250")
        assert state.cursor(session) == 41
        assert session.scalar(select(func.count()).select_from(StockMovement)
                              .where(StockMovement.remote.is_(True))) == 2
