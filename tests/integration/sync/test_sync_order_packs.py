"""A buyer orders 2 dus and 12 pcs at the grosir tier on a real catalog server on loopback;
the shop's device stores the order as the buyer placed it ("2 dus (80 pcs)" at Rp150.000,
"12 pcs" at the tier price with its note), with the server's total, reserves 92 pcs, and after
the seller fulfils it the stock and the rollups count 92 pcs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import httpx
from sqlalchemy import select, text

from app import catalog, inventory, packs, shop
from app.db import Database
from app.order_queries import load_detail
from app.payments import service
from app.reports import rollups
from app.sync import orders as online
from app.sync.engine import SyncEngine
from models import Order, Product
from tests.integration.sync.conftest import Catalog
from tests.integration.sync.peken_kit import PHONE

TIER = "harga grosir ≥12 pcs"


def _shop(catalog_server: Catalog, db: Database) -> tuple[SyncEngine, int, str]:
    """A shop selling Indomie by the pcs (Rp3.500), the dus of 40 (Rp150.000) and from 12
    pcs at Rp3.300, published on PEKEN: (engine, seller id, product uuid)."""
    with db.unit_of_work() as session:
        shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
        pid = catalog.create_product(session, catalog.ProductInput(
            sku="MIE", name="Indomie Goreng", price=3_500, cost=0, unit="pcs", published=True))
        inventory.receive(session, pid, Decimal(200))
        packs.add_pack(session, pid, packs.PackInput("dus", Decimal(40), 150_000))
        packs.set_tiers(session, pid, [packs.TierInput(Decimal(12), 3_300)])
        key = str(session.get(Product, pid).uuid)  # type: ignore[union-attr]
    seller = catalog_server.new_seller("Toko Grosir Bu Ani")
    catalog_server.enroll(db, seller, "Kasir depan")
    engine = SyncEngine(db)
    assert engine.run_round().rejected == 0
    return engine, seller, key


def _buy(url: str, seller: int, key: str) -> dict[str, object]:
    body = {"seller_id": seller, "buyer_name": "Budi Santoso", "phone": PHONE,
            "pay_method": "transfer", "lines": [{"listing_id": key, "qty": "2", "pack": "dus"},
                                                {"listing_id": key, "qty": "12"}]}
    resp = httpx.post(url + "/api/v1/orders", json=body)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def _pay_and_fulfil(db: Database, order_id: int) -> None:
    with db.unit_of_work() as session:
        online.accept(session, order_id)
    with db.unit_of_work() as session:
        view = service.open_payments(session)[0]
        service.confirm_manual(session, view.payment_id, received=view.amount_due,
                               paid_on=date(2026, 3, 10), reference="TRF BUDI", user_id=None)
    with db.unit_of_work() as session:
        online.fulfil(session, order_id)


def test_two_dus_and_twelve_grosir_pcs_reach_the_till_as_ordered(
        catalog_server: Catalog, shop_factory: Callable[[str], Database]) -> None:
    db = shop_factory("counter")
    engine, seller, key = _shop(catalog_server, db)
    placed = _buy(catalog_server.url, seller, key)
    assert placed["total"] == 300_000 + 12 * 3_300
    assert engine.run_round().rejected == 0
    assert engine.run_round().rejected == 0  # nothing new: the order is there once
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.remote_id == str(placed["order_id"]))).one()
        order_id, total = order.id, order.total
        detail = load_detail(session, order_id)
        pid = session.scalars(select(Product.id)).one()
        assert online.reserved_by_product(session) == {pid: Decimal(92)}
    assert total == placed["total"]  # the server's total, never recomputed
    assert [(x.qty_text, x.unit_price, x.total, x.price_note) for x in detail.lines] == [
        ("2 dus (80 pcs)", 150_000, 300_000, ""), ("12 pcs", 3_300, 39_600, TIER)]
    _pay_and_fulfil(db, order_id)
    assert engine.run_round().rejected == 0
    with db.read() as session:
        assert session.scalar(select(Product.on_hand)) == Decimal(200 - 92)
        assert session.scalar(select(Order.status).where(Order.id == order_id)) == "fulfilled"
        assert session.execute(text("SELECT sum(qty) FROM rollup_day_products")).scalar() == 92_000
        assert rollups.differences(session) == []
