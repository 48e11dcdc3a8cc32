"""Two devices of one shop sell the same products offline, then sync: both show the same
on-hand as the server, every sale counted once, and the listing edit made later wins."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import func, select

from app.db import Database
from app.sync import state
from app.sync.engine import SyncEngine
from models import OutboxOp, Product, StockMovement
from tests.integration.sync.conftest import Catalog
from tests.integration.sync.peken_kit import add_products, on_hand_by_uuid, server_listing
from tests.integration.sync.shop_actions import edit_price, sell


def _token(db: Database) -> str:
    with db.read() as session:
        return state.get(session, state.DEVICE_TOKEN)


def _price(db: Database, product_uuid: str) -> int:
    with db.read() as session:
        return int(session.scalar(select(Product.price).where(Product.uuid == product_uuid)) or 0)


def test_two_devices_offline_sales_merge_once(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    counter, back = shop_factory("counter"), shop_factory("backoffice")
    uuids = add_products(counter, 10, stock=50)
    seller = catalog_server.new_seller()
    catalog_server.enroll(counter, seller, "Kasir depan")
    catalog_server.enroll(back, seller, "Laptop belakang")
    a, b = SyncEngine(counter), SyncEngine(back)
    a.run_round()
    b.run_round()
    assert on_hand_by_uuid(back) == on_hand_by_uuid(counter)

    sold: dict[str, int] = dict.fromkeys(uuids, 0)
    for i, key in enumerate(uuids * 2):  # both sell every product twice, offline
        sell(counter, key, 1 + i % 3)
        sell(back, key, 2)
        sold[key] += 1 + i % 3 + 2
    edit_price(counter, uuids[0], 15_000)
    edit_price(back, uuids[0], 17_500)  # made later, so it wins everywhere

    for engine in (a, b, a):
        assert engine.run_round().rejected == 0
    expected = {key: Decimal(50 - sold[key]) for key in uuids}
    assert on_hand_by_uuid(counter) == expected
    assert on_hand_by_uuid(back) == expected
    token = _token(counter)
    for key in uuids:
        assert server_listing(catalog_server.url, token, key)["on_hand"] == f"{expected[key]:.3f}"
    assert _price(counter, uuids[0]) == _price(back, uuids[0]) == 17_500
    assert server_listing(catalog_server.url, token, uuids[0])["price"] == 17_500
    for db in (counter, back):
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(StockMovement)) == 10 + 20 * 2
            assert set(session.scalars(select(OutboxOp.status))) == {"acked"}
