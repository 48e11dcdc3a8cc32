"""Abuse control: guessing is throttled and a flood of orders cannot lock out a real buyer.

Clients are told apart by address: each ``TestClient`` here presents its own
client IP to the same app.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from server.admin import create_admin
from server.app import create_app
from tests.server.conftest import make_settings
from tests.server.helpers import auth, make_shop, stocked_listing

LIMITS = {"rate_window_s": 600, "rate_enroll_per_ip": 5, "rate_auth_failures_per_ip": 8,
          "rate_secret_failures_per_ip": 6, "rate_secret_failures_per_order": 4,
          "rate_orders_per_ip": 30, "max_open_orders_per_phone": 3, "max_open_orders_per_ip": 5}


@pytest.fixture(scope="module")
def abuse_app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The app with the abuse limits above, on the module's database."""
    settings = make_settings(database_url, Path(tmp_path_factory.mktemp("abuse")), **LIMITS)
    app = create_app(settings)
    app.state.admin = create_admin(settings)
    yield app
    app.state.db.dispose()


def from_ip(app: FastAPI, ip: str) -> TestClient:
    """A client of ``app`` whose requests come from ``ip``."""
    return TestClient(app, client=(ip, 40000))


@pytest.fixture(autouse=True)
def fresh_counters(abuse_app: FastAPI) -> None:
    """Every test starts with empty rate-limit counters."""
    abuse_app.state.limiter.clear()


def test_enrollment_code_guessing_is_throttled(abuse_app: FastAPI) -> None:
    admin = abuse_app.state.admin
    office = from_ip(abuse_app, "10.0.0.1")
    shop = make_shop(office, admin, "Toko Tebak Kode", devices=0)
    guesser = from_ip(abuse_app, "10.6.6.6")
    answers = [guesser.post("/api/v1/devices/enroll",
                            json={"code": f"AAAA-BBBB-{i:04d}", "device_name": "x"})
               for i in range(7)]
    assert [a.status_code for a in answers] == [400] * 5 + [429] * 2
    assert int(answers[-1].headers["retry-after"]) > 0
    assert answers[-1].json()["code"] == "too_many_requests"
    code = office.post(f"/api/v1/admin/sellers/{shop.id}/enrollment-codes", headers=auth(admin))
    stolen = guesser.post("/api/v1/devices/enroll",
                          json={"code": code.json()["code"], "device_name": "x"})
    assert stolen.status_code == 429  # even a right guess is refused while throttled
    real = office.post("/api/v1/devices/enroll",
                       json={"code": code.json()["code"], "device_name": "Kasir"})
    assert real.status_code == 201, real.text


def test_admin_and_device_token_guessing_is_throttled(abuse_app: FastAPI) -> None:
    admin = abuse_app.state.admin
    guesser = from_ip(abuse_app, "10.6.6.7")
    codes = [guesser.get("/api/v1/admin/sellers", headers=auth(f"pka_{i}")).status_code
             for i in range(5)]
    codes += [guesser.get("/api/v1/sync/changes", headers=auth(f"pkd_{i}")).status_code
              for i in range(5)]
    assert codes == [401] * 8 + [429] * 2
    assert guesser.get("/api/v1/admin/sellers", headers=auth(admin)).status_code == 429
    office = from_ip(abuse_app, "10.0.0.1")
    assert office.get("/api/v1/admin/sellers", headers=auth(admin)).status_code == 200


def _order(client: TestClient, seller_id: int, product: str, phone: str,
           qty: str = "0.001") -> int:
    return client.post("/api/v1/orders", json={
        "seller_id": seller_id, "buyer_name": "Pembeli", "phone": phone,
        "lines": [{"listing_id": product, "qty": qty}], "pay_method": "transfer"}).status_code


def test_buyer_secret_guessing_is_throttled(abuse_app: FastAPI) -> None:
    admin = abuse_app.state.admin
    buyer = from_ip(abuse_app, "10.0.0.2")
    shop = make_shop(buyer, admin, "Toko Rahasia")
    product = stocked_listing(buyer, shop, "10")
    placed = buyer.post("/api/v1/orders", json={
        "seller_id": shop.id, "buyer_name": "Bu Ani", "phone": "081200000001",
        "lines": [{"listing_id": product, "qty": "1"}], "pay_method": "transfer"}).json()
    guesser = from_ip(abuse_app, "10.6.6.8")
    tries = [guesser.get(f"/api/v1/orders/{uuid.uuid4()}",
                         headers={"X-Buyer-Secret": f"tebak{i}"}).status_code for i in range(8)]
    assert tries == [404] * 6 + [429] * 2
    right = {"X-Buyer-Secret": placed["buyer_secret"]}
    assert guesser.get(f"/api/v1/orders/{placed['order_id']}", headers=right).status_code == 429
    assert buyer.get(f"/api/v1/orders/{placed['order_id']}", headers=right).status_code == 200
    # many guessers on one order: the order itself stops answering guesses
    hits = [from_ip(abuse_app, f"10.7.0.{i}").post(
        f"/api/v1/orders/{placed['order_id']}/cancel", headers={"X-Buyer-Secret": "salah"})
        .status_code for i in range(6)]
    assert hits == [404] * 4 + [429] * 2


def test_order_flood_does_not_lock_out_a_real_buyer(abuse_app: FastAPI) -> None:
    admin = abuse_app.state.admin
    office = from_ip(abuse_app, "10.0.0.3")
    shop = make_shop(office, admin, "Toko Banjir")
    product = stocked_listing(office, shop, "5")
    flooder = from_ip(abuse_app, "10.6.6.9")
    same_phone = [_order(flooder, shop.id, product, "081299999999") for _ in range(5)]
    assert same_phone == [201] * 3 + [409] * 2  # open orders per phone and seller
    # three times rate_orders_per_ip: every order past the limit is refused, as far as it goes
    flood = [_order(flooder, shop.id, product, f"0812{i:08d}") for i in range(90)]
    assert flood.count(201) == 2 and set(flood) <= {201, 409, 429}  # 5 open per address
    assert flood[-1] == 429
    real = from_ip(abuse_app, "10.0.0.4")
    assert _order(real, shop.id, product, "081311112222", qty="1") == 201


def test_reservations_are_short_and_set_per_seller(abuse_app: FastAPI) -> None:
    admin = abuse_app.state.admin
    office = from_ip(abuse_app, "10.0.0.5")
    shop = make_shop(office, admin, "Toko Tahan Sebentar")
    product = stocked_listing(office, shop, "5")
    path = f"/api/v1/admin/sellers/{shop.id}/order-hold"
    for bad in (2, 24 * 60 + 1, True, "30"):
        assert office.post(path, json={"minutes": bad}, headers=auth(admin)).status_code == 422
    resp = office.post(path, json={"minutes": 30}, headers=auth(admin))
    assert resp.status_code == 200 and resp.json()["order_hold_minutes"] == 30
    placed = office.post("/api/v1/orders", json={
        "seller_id": shop.id, "buyer_name": "Bu Ani", "phone": "081200000009",
        "lines": [{"listing_id": product, "qty": "1"}], "pay_method": "transfer"}).json()
    held = datetime.fromisoformat(placed["expires_at"]) - datetime.fromisoformat(
        placed["created_at"])
    assert held == timedelta(minutes=30)
    reset = office.post(path, json={"minutes": None}, headers=auth(admin))
    assert reset.json()["order_hold_minutes"] == 120  # the server default


def test_worker_processes_share_one_limit(abuse_app: FastAPI) -> None:
    """``--workers N``: each worker is an app of its own on the same database; a guesser
    spreading attempts over the workers still meets one limit, not N of them."""
    settings = abuse_app.state.settings
    other_worker = create_app(settings, migrate=False)
    try:
        workers = [from_ip(abuse_app, "10.7.7.7"), from_ip(other_worker, "10.7.7.7")]
        codes = [workers[i % 2].post("/api/v1/devices/enroll", json={
            "code": f"CCCC-DDDD-{i:04d}", "device_name": "x"}).status_code for i in range(8)]
    finally:
        other_worker.state.db.dispose()
    assert codes == [400] * 5 + [429] * 3


def test_open_orders_per_address_are_capped_per_seller(abuse_app: FastAPI) -> None:
    """Made-up phone numbers from one address: at most 5 unpaid orders at one seller."""
    admin = abuse_app.state.admin
    office = from_ip(abuse_app, "10.0.0.8")
    shops = [make_shop(office, admin, f"Toko Alamat {i}") for i in range(2)]
    products = [stocked_listing(office, shop, "50") for shop in shops]
    flooder = from_ip(abuse_app, "10.6.6.10")
    answers = [flooder.post("/api/v1/orders", json={
        "seller_id": shops[0].id, "buyer_name": "Pembeli", "phone": f"0813{i:08d}",
        "lines": [{"listing_id": products[0], "qty": "0.001"}], "pay_method": "transfer"})
        for i in range(7)]
    assert [a.status_code for a in answers] == [201] * 5 + [409] * 2
    assert answers[-1].json()["code"] == "too_many_open_orders_ip"
    assert _order(flooder, shops[1].id, products[1], "081400000001") == 201  # another seller
    assert _order(from_ip(abuse_app, "10.0.0.9"), shops[0].id, products[0],
                  "081400000002") == 201  # another address
    placed = answers[0].json()
    cancelled = flooder.post(f"/api/v1/orders/{placed['order_id']}/cancel",
                             headers={"X-Buyer-Secret": placed["buyer_secret"]})
    assert cancelled.status_code == 200
    assert _order(flooder, shops[0].id, products[0], "081400000003") == 201  # room again
