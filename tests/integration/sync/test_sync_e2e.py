"""End to end with the real catalog server on loopback: enroll, publish 50 products, a buyer
orders, the app pulls it, the seller accepts, a statement confirms the payment, the buyer
sees it paid, the seller fulfils; listings and stock agree on both sides."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app import catalog, shop
from app.clock import local, now_utc
from app.db import Database
from app.payments import service
from app.sync import orders as online
from app.sync import state
from app.sync.engine import SyncEngine
from models import Order, OutboxOp
from tests.integration.sync.conftest import Catalog
from tests.integration.sync.peken_kit import (
    ACCOUNT,
    add_products,
    buyer_view,
    on_hand_by_uuid,
    place_order,
    server_listing,
)
from tests.unit.payments.shop_kit import klikbca_csv


def _token(db: Database) -> str:
    with db.read() as session:
        return state.get(session, state.DEVICE_TOKEN)


def _statement(tmp: Path, amount: int, text: str) -> Path:
    today = local(now_utc()).date()
    first = date(today.year, today.month, 1)
    return klikbca_csv(tmp / "mutasi.csv", [(today, amount, "CR", text)],
                       period=(first, today))


def _assert_same_everywhere(db: Database, url: str) -> None:
    token = _token(db)
    with db.read() as session:
        for product in session.scalars(select(catalog.Product)):
            remote = server_listing(url, token, product.uuid)
            assert remote["name"] == product.name and remote["price"] == product.price
            assert remote["published"] == product.published
            assert remote["on_hand"] == f"{product.on_hand:.3f}", product.sku


def test_enroll_publish_order_confirm_fulfil(
    catalog_server: Catalog, shop_factory: Callable[[str], Database], tmp_path: Path
) -> None:
    db = shop_factory("toko")
    with db.unit_of_work() as session:
        shop.add_bank_account(session, "BCA", ACCOUNT, "Siti Aminah")
    uuids = add_products(db, 50, stock=20)
    seller = catalog_server.new_seller()
    catalog_server.enroll(db, seller)
    engine = SyncEngine(db)
    first = engine.run_round()
    assert first.rejected == 0 and first.acked == 100  # 50 listings + 50 opening movements

    placed = place_order(catalog_server.url, seller, [(uuids[0], 2), (uuids[7], 1)])
    pulled = engine.run_round()
    assert len(pulled.new_orders) == 1
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.remote_id == placed["order_id"])).one()
        assert (order.status, order.total, order.source) == ("placed", placed["total"], "online")
        order_id = order.id
    with db.unit_of_work() as session:
        assert online.accept(session, order_id) == []
    engine.run_round()
    assert buyer_view(catalog_server.url, placed["order_id"],
                      placed["buyer_secret"])["status"] == "awaiting_payment"

    due = placed["amount_due"]
    with db.unit_of_work() as session:
        imported = service.import_statement(session, _statement(tmp_path, due, "TRSF BUDI"))
        assert len(imported.proposals) == 1
        service.confirm_proposals(session, imported.proposals, None)
    engine.run_round()
    view = buyer_view(catalog_server.url, placed["order_id"], placed["buyer_secret"])
    assert view["status"] == "paid" and view["paid_at"] is not None

    with db.unit_of_work() as session:
        online.fulfil(session, order_id)
    done = engine.run_round()
    assert done.rejected == 0
    assert buyer_view(catalog_server.url, placed["order_id"],
                      placed["buyer_secret"])["status"] == "fulfilled"
    stock = on_hand_by_uuid(db)
    assert stock[uuids[0]] == 18 and stock[uuids[7]] == 19
    _assert_same_everywhere(db, catalog_server.url)
    with db.read() as session:
        assert set(session.scalars(select(OutboxOp.status))) == {"acked"}
