"""An online order's lines carry the product's cost, as a till sale's do, so laba rugi counts
the HPP of what buyers ordered online (before, every online line had cost 0: an online sale
showed as pure profit)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app import catalog, inventory
from app.db import Database
from app.sync.apply import apply_changes
from models import Order, OrderLine, Product
from tests.shop_template import new_shop
from tests.unit.sync.sync_kit import placed


def _shop(db: Database, cost: int) -> str:
    with db.unit_of_work() as session:
        pid = catalog.create_product(session, catalog.ProductInput(
            sku="MIE", name="Indomie Goreng", price=3_500, cost=cost, unit="pcs"))
        inventory.receive(session, pid, Decimal(200))
        return str(session.get(Product, pid).uuid)  # type: ignore[union-attr]


def _costs(db: Database, remote: str) -> list[tuple[Decimal, Decimal, int]]:
    with db.read() as session:
        return [(r[0], r[1], r[2]) for r in session.execute(
            select(OrderLine.qty, OrderLine.pack_factor, OrderLine.unit_cost)
            .join(Order, Order.id == OrderLine.order_id).where(Order.remote_id == remote)
            .order_by(OrderLine.position))]


def test_online_lines_carry_the_cost_per_unit_sold(tmp_path: object) -> None:
    db = new_shop(tmp_path / "shop.sqlite")  # type: ignore[operator]
    key = _shop(db, cost=2_500)
    change = placed(key, 1, "ord-cost", qty="12.000", price=3_300)
    change["payload"]["lines"].append({
        "product_uuid": key, "name": "Indomie Goreng", "unit": "pcs", "price": 3_750,
        "qty": "80.000", "line_total": 300_000, "pack_name": "dus", "pack_factor": "40.000",
        "pack_qty": "2.000", "pack_price": 150_000})
    change["payload"]["total"] = 39_600 + 300_000
    with db.unit_of_work() as session:
        assert apply_changes(session, [change]).applied == 1
    # 12 pcs at cost 2.500 each; 2 dus at 40 × 2.500 each: HPP 30.000 + 200.000
    assert _costs(db, "ord-cost") == [(Decimal("12.000"), Decimal("1.000"), 2_500),
                                      (Decimal("2.000"), Decimal("40.000"), 100_000)]
    db.close()
