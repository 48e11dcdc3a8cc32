"""A second laptop is a full till: a booth laptop enrolled after the products were made
starts from the server's snapshot (not a replay of the log) and gets the whole product —
every barcode, the weighed flag, cost, minimum stock; edits merge per field, and of two
edits to one field the one MADE later wins, whatever order the devices reconnect in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app import catalog, inventory, outbox
from app.cart import Cart, CartLine
from app.clock import now_utc
from app.db import Database
from app.sales import PaymentInput, checkout
from app.sync import orders as online
from app.sync import state
from app.sync.client import PekenClient
from app.sync.engine import SyncEngine
from models import Category, Order, Product
from tests.integration.sync.conftest import Catalog
from tests.integration.sync.peken_kit import (
    add_products,
    on_hand_by_uuid,
    place_order,
    server_listing,
)

SHARED = ("sku", "name", "price", "unit", "sold_by_weight", "cost", "min_stock", "published")


class RecordingClient(PekenClient):
    """The real HTTP client, noting which sync endpoints were called and from where."""

    calls: list[tuple[str, int]]

    def snapshot(self) -> dict[str, Any]:
        """Note the call, then ask the server."""
        answer = super().snapshot()
        self.calls.append(("snapshot", int(answer["change_seq"])))
        return answer

    def changes(self, since: int, limit: int = 1000) -> dict[str, Any]:
        """Note ``since``, then ask the server."""
        self.calls.append(("changes", since))
        return super().changes(since, limit)


def recording_engine(db: Database) -> tuple[SyncEngine, list[tuple[str, int]]]:
    """A sync engine whose clients record their calls into the returned list."""
    calls: list[tuple[str, int]] = []

    def factory(url: str, token: str) -> PekenClient:
        client = RecordingClient(url, token)
        client.calls = calls
        return client

    return SyncEngine(db, client_factory=factory), calls


def make_twenty(db: Database) -> dict[str, list[str]]:
    """20 products: some with several barcodes, some sold by weight, all with cost and a
    minimum stock, opening stock; returns ``{sku: barcodes}``."""
    made: dict[str, list[str]] = {}
    with db.unit_of_work() as session:
        category = Category(name="Sembako Curah")
        session.add(category)
        session.flush()
        for i in range(20):
            weighed = i % 4 == 0
            codes = [f"89912340{i:03d}{k}" for k in range(1 + i % 3)]
            sku = f"BT-{i:02d}"
            pid = catalog.create_product(session, catalog.ProductInput(
                sku=sku, name=f"Barang Booth {i:02d}", price=12_000 + 250 * i, cost=9_000 + 100 * i,
                unit="kg" if weighed else "pcs", sold_by_weight=weighed, barcodes=codes,
                min_stock=Decimal("2.500") if weighed else Decimal(3 + i),
                category_id=category.id if i % 2 else None, published=i % 5 != 0))
            inventory.receive(session, pid, Decimal(40))
            made[sku] = codes
    return made


def products(db: Database) -> dict[str, tuple[Any, ...]]:
    """Every product's shared fields (and category name, barcodes) by UUID."""
    with db.read() as session:
        out = {}
        for p in session.scalars(select(Product)):
            category = session.get(Category, p.category_id) if p.category_id else None
            out[p.uuid] = (*(getattr(p, f) for f in SHARED), category.name if category else "",
                           sorted(b.code for b in p.barcodes))
        return out


def _token(db: Database) -> str:
    with db.read() as session:
        return state.get(session, state.DEVICE_TOKEN)


def two_tills(catalog_server: Catalog, shop_factory: Callable[[str], Database],
              count: int = 1) -> tuple[Database, Database, list[str]]:
    """A counter with ``count`` products and a booth laptop, both enrolled and synced."""
    counter, booth = shop_factory("counter"), shop_factory("booth")
    with counter.unit_of_work() as session:
        for i in range(count):
            catalog.create_product(session, catalog.ProductInput(
                sku=f"KP-{i}", name=f"Kopi Bubuk {i}", price=20_000, cost=15_000, published=True))
    seller = catalog_server.new_seller()
    catalog_server.enroll(counter, seller, "Kasir depan")
    catalog_server.enroll(booth, seller, "Laptop booth")
    SyncEngine(counter).run_round()
    SyncEngine(booth).run_round()
    with counter.read() as session:
        uuids = list(session.scalars(select(Product.uuid).order_by(Product.sku)))
    return counter, booth, uuids


def edit(db: Database, product_uuid: str, **changes: object) -> None:
    """Edit a product through the catalog service, as the product form does."""
    with db.unit_of_work() as session:
        product = session.scalars(select(Product).where(Product.uuid == product_uuid)).one()
        data = catalog.input_from_product(product)
        for name, value in changes.items():
            setattr(data, name, value)
        catalog.update_product(session, product.id, data)


def test_booth_enrolled_later_scans_every_barcode_and_sells_by_weight(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    counter, booth = shop_factory("counter"), shop_factory("booth")
    made = make_twenty(counter)
    seller = catalog_server.new_seller()
    catalog_server.enroll(counter, seller, "Kasir depan")
    assert SyncEngine(counter).run_round().rejected == 0
    catalog_server.enroll(booth, seller, "Laptop booth")
    engine, calls = recording_engine(booth)
    assert engine.run_round().rejected == 0

    # started from the snapshot, then followed the log from the snapshot's counter (before
    # applying it, the log up to that counter was read once for the money book: the snapshot
    # has no book records, app.sync.books_backfill)
    assert calls[0][0] == "snapshot" and calls[0][1] > 0
    follows = [c for c in calls if c[0] == "changes"]
    assert follows[-1] == ("changes", calls[0][1])
    assert all(since < calls[0][1] for _kind, since in follows[:-1])
    assert products(booth) == products(counter)
    assert on_hand_by_uuid(booth) == on_hand_by_uuid(counter)
    with booth.read() as session:
        for sku, codes in made.items():
            for code in codes:
                hit = catalog.find_by_code(session, code)
                assert hit is not None and hit.sku == sku, code
    weighed = [sku for sku in made if int(sku[3:]) % 4 == 0]
    with booth.unit_of_work() as session:
        for sku in weighed:
            product = session.scalars(select(Product).where(Product.sku == sku)).one()
            cart = Cart()
            cart.add(CartLine(product.id, product.name, product.unit, Decimal("1.250"),
                              product.price, sold_by_weight=product.sold_by_weight))
            checkout(session, cart, [PaymentInput("cash", cart.total)])
    assert engine.run_round().rejected == 0
    assert SyncEngine(counter).run_round().rejected == 0
    with counter.read() as session:
        for sku in weighed:
            assert session.scalars(select(Product.on_hand).where(Product.sku == sku)).one() \
                == Decimal("38.750")
    assert on_hand_by_uuid(booth) == on_hand_by_uuid(counter)


def test_price_on_one_name_on_another_both_survive(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    counter, booth, [key] = two_tills(catalog_server, shop_factory)
    edit(counter, key, price=23_500)  # both offline
    edit(booth, key, name="Kopi Bubuk Robusta")
    for db in (counter, booth, counter):
        assert SyncEngine(db).run_round().rejected == 0
    for db in (counter, booth):
        with db.read() as session:
            product = session.scalars(select(Product).where(Product.uuid == key)).one()
            assert (product.price, product.name, product.cost) == (23_500, "Kopi Bubuk Robusta",
                                                                   15_000)
    remote = server_listing(catalog_server.url, _token(counter), key)
    assert (remote["price"], remote["name"]) == (23_500, "Kopi Bubuk Robusta")


@pytest.mark.parametrize("reconnect", ["later_edit_first", "later_edit_last"])
def test_edit_made_later_wins_whatever_the_reconnect_order(
    reconnect: str, catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    counter, booth, [key] = two_tills(catalog_server, shop_factory)
    edit(counter, key, price=21_000)  # made first, offline
    edit(booth, key, price=22_000)  # made later, offline
    order = (booth, counter, booth) if reconnect == "later_edit_first" else (counter, booth, counter)
    for db in order:
        assert SyncEngine(db).run_round().rejected == 0
    for db in (counter, booth):
        with db.read() as session:
            assert session.scalars(select(Product.price).where(Product.uuid == key)).one() == 22_000
    assert server_listing(catalog_server.url, _token(counter), key)["price"] == 22_000


def test_private_fields_never_reach_the_public_catalog(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    counter, _booth, [key] = two_tills(catalog_server, shop_factory)
    edit(counter, key, barcodes=["8997777000011"], min_stock=Decimal("7.125"), cost=14_321)
    with counter.unit_of_work() as session:
        product = session.scalars(select(Product).where(Product.uuid == key)).one()
        inventory.receive(session, product.id, Decimal(5))
    SyncEngine(counter).run_round()
    shop = server_listing(catalog_server.url, _token(counter), key)
    assert shop["fields"]["cost"]["value"] == 14_321  # the shop's own devices see it
    assert shop["fields"]["barcodes"]["value"] == ["8997777000011"]
    url = catalog_server.url + "/api/v1/catalog"
    for params in ({}, {"q": "Kopi"}, {"q": "8997777000011"}, {"q": "KP-0"}):
        resp = httpx.get(url, params=params)
        assert resp.status_code == 200
        body = resp.text
        for secret in ("8997777000011", "cost", "14321", "7.125", "min_stock", "barcodes",
                       "sold_by_weight", "archived", "hlc"):
            assert secret not in body, (params, secret)
    items = httpx.get(url, params={"q": "Kopi"}).json()["items"]
    assert [i["listing_id"] for i in items] == [key]  # the listing itself is public


def test_old_listing_upsert_left_in_an_outbox_merges_by_when_it_was_queued(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    counter, booth, [key] = two_tills(catalog_server, shop_factory)
    with counter.unit_of_work() as session:  # queued by the old app an hour ago, never sent
        product = session.scalars(select(Product).where(Product.uuid == key)).one()
        payload = outbox.listing_payload(product, None) | {"price": 30_000}
        op = outbox.enqueue(session, "listing.upsert", payload)
        op.created_at = now_utc() - timedelta(hours=1)
    edit(booth, key, price=31_000)  # made now, on the booth
    for db in (booth, counter, booth):  # the old op reaches the server last
        assert SyncEngine(db).run_round().rejected == 0
    for db in (counter, booth):
        with db.read() as session:
            assert session.scalars(select(Product.price).where(Product.uuid == key)).one() == 31_000
    assert server_listing(catalog_server.url, _token(counter), key)["price"] == 31_000


def test_booth_enrolled_later_gets_the_open_online_orders_once(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    counter = shop_factory("counter")
    [key] = add_products(counter, 1, stock=20, prefix="OL")
    seller = catalog_server.new_seller()
    catalog_server.enroll(counter, seller, "Kasir depan")
    SyncEngine(counter).run_round()
    placed = place_order(catalog_server.url, seller, [(key, 3)])
    SyncEngine(counter).run_round()
    booth = shop_factory("booth")
    catalog_server.enroll(booth, seller, "Laptop booth")
    engine, calls = recording_engine(booth)
    result = engine.run_round()
    assert calls[0][0] == "snapshot" and result.new_orders
    with counter.unit_of_work() as session:
        order_id = session.scalars(select(Order.id).where(
            Order.remote_id == placed["order_id"])).one()
        online.accept(session, order_id)
    SyncEngine(counter).run_round()
    engine.run_round()
    with booth.read() as session:
        rows = session.execute(select(Order.status, Order.total).where(
            Order.remote_id == placed["order_id"])).all()
    assert [tuple(r) for r in rows] == [("pending", placed["total"])]
    assert on_hand_by_uuid(booth) == on_hand_by_uuid(counter) == {key: Decimal(20)}
