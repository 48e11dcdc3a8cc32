"""Buyer orders: availability, reservation, payment details, state machine."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from contract import qris
from server.admin import create_admin
from server.app import create_app
from server.config import Settings
from tests.server.helpers import (
    auth,
    changes,
    listing_state,
    make_shop,
    now_iso,
    op,
    place_order,
    push,
    stocked_listing,
    this_month,
)


def _move(client: TestClient, token: str, kind: str, order_id: str, **extra: object) -> dict:
    return push(client, token, [op(kind, {"order_id": order_id, **extra})])[0]


def _confirm(client: TestClient, token: str, order_id: str, amount: int) -> dict:
    return _move(client, token, "order.confirm_payment", order_id, amount=amount,
                 reference="TRSF 123", confirmed_at=now_iso())


def test_order_reserves_stock_and_tells_where_to_pay(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Pesanan")
    product = stocked_listing(client, shop, "10", price=18000)
    resp = place_order(client, shop.id, product, "3")
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["status"] == "placed"
    assert body["total"] == 54000
    assert 1 <= body["unique_code"] <= 999
    assert body["amount_due"] == 54000 + body["unique_code"]
    assert body["bank_account"] == {"bank": "BCA", "number": "1234567890", "holder": "Sri Wahyuni"}
    assert body["buyer_secret"]
    assert listing_state(client, shop.tokens[0], product)["reserved"] == "3.000"
    placed = [c for c in changes(client, shop.tokens[0])["changes"] if c["kind"] == "order.placed"]
    assert placed[0]["payload"]["order_id"] == body["order_id"]
    assert placed[0]["origin_device_id"] is None


def test_unique_codes_differ_among_open_orders(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Kode Unik")
    product = stocked_listing(client, shop, "100", price=10000)
    codes = [place_order(client, shop.id, product, "1").json()["unique_code"] for _ in range(15)]
    assert len(set(codes)) == 15


def test_qris_order_gets_a_dynamic_payload_with_the_amount(
    client: TestClient, admin_token: str
) -> None:
    shop = make_shop(client, admin_token, "Toko QRIS")
    product = stocked_listing(client, shop, "5", price=25000)
    body = place_order(client, shop.id, product, "2", "qris").json()
    payload = body["qris_payload"]
    items = {item.tag: item.value for item in qris.parse(payload).objects}
    assert items["01"] == "12"
    assert items["54"] == str(body["amount_due"])
    assert body["bank_account"] is None


def test_insufficient_stock_is_refused(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Habis")
    product = stocked_listing(client, shop, "2")
    assert place_order(client, shop.id, product, "2").status_code == 201
    resp = place_order(client, shop.id, product, "1")
    assert resp.status_code == 409
    assert resp.json()["code"] == "insufficient_stock"
    assert "tidak cukup" in resp.json()["message"]


def test_buyer_reads_only_with_the_secret(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Rahasia")
    product = stocked_listing(client, shop, "5")
    mine = place_order(client, shop.id, product).json()
    other = place_order(client, shop.id, product).json()
    url = f"/api/v1/orders/{mine['order_id']}"
    assert client.get(url, headers={"X-Buyer-Secret": mine["buyer_secret"]}).status_code == 200
    for secret in (other["buyer_secret"], "salah", None):
        headers = {"X-Buyer-Secret": secret} if secret else {}
        resp = client.get(url, headers=headers)
        assert resp.status_code == 404
        assert resp.json()["code"] == "order_not_found"


def test_happy_path_and_reservation_release(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Lancar")
    product = stocked_listing(client, shop, "5", price=20000)
    order = place_order(client, shop.id, product, "2").json()
    oid, token = order["order_id"], shop.tokens[0]
    assert _move(client, token, "order.accept", oid)["status"] == "acknowledged"
    assert _confirm(client, token, oid, order["amount_due"])["status"] == "acknowledged"
    assert _confirm(client, token, oid, order["amount_due"])["status"] == "duplicate"
    assert listing_state(client, token, product)["reserved"] == "2.000"
    assert _move(client, token, "order.fulfil", oid)["status"] == "acknowledged"
    assert listing_state(client, token, product)["reserved"] == "0.000"
    view = client.get(f"/api/v1/orders/{oid}", headers={"X-Buyer-Secret": order["buyer_secret"]})
    assert view.json()["status"] == "fulfilled"
    turnover = client.get(f"/api/v1/admin/turnover?month={this_month()}",
                          headers=auth(admin_token))
    row = next(r for r in turnover.json() if r["seller_id"] == shop.id)
    assert row["amount"] == 40000


def test_illegal_moves_are_refused(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Aturan")
    product = stocked_listing(client, shop, "20")
    token = shop.tokens[0]
    placed = place_order(client, shop.id, product).json()
    for kind in ("order.fulfil",):
        result = _move(client, token, kind, placed["order_id"])
        assert (result["status"], result["code"]) == ("rejected", "illegal_transition")
    result = _confirm(client, token, placed["order_id"], placed["amount_due"])
    assert (result["status"], result["code"]) == ("rejected", "illegal_transition")
    cancelled = place_order(client, shop.id, product).json()
    resp = client.post(f"/api/v1/orders/{cancelled['order_id']}/cancel",
                       headers={"X-Buyer-Secret": cancelled["buyer_secret"]})
    assert resp.json()["status"] == "cancelled"
    for kind in ("order.accept", "order.fulfil"):
        result = _move(client, token, kind, cancelled["order_id"])
        assert (result["status"], result["code"]) == ("rejected", "illegal_transition")
    assert "dibatalkan" in result["message"]
    paid = place_order(client, shop.id, product).json()
    _move(client, token, "order.accept", paid["order_id"])
    short = _confirm(client, token, paid["order_id"], 1)
    assert (short["status"], short["code"]) == ("rejected", "payment_short")
    _confirm(client, token, paid["order_id"], paid["amount_due"])
    resp = client.post(f"/api/v1/orders/{paid['order_id']}/cancel",
                       headers={"X-Buyer-Secret": paid["buyer_secret"]})
    assert resp.status_code == 409
    assert resp.json()["code"] == "illegal_transition"
    rejected = _move(client, token, "order.reject", paid["order_id"], reason="stok habis")
    assert (rejected["status"], rejected["code"]) == ("rejected", "illegal_transition")


def test_reject_releases_and_logs_the_reason(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Tolak Pesanan")
    product = stocked_listing(client, shop, "3")
    order = place_order(client, shop.id, product, "3").json()
    result = _move(client, shop.tokens[0], "order.reject", order["order_id"], reason="Stok rusak")
    assert result["status"] == "acknowledged"
    assert listing_state(client, shop.tokens[0], product)["reserved"] == "0.000"
    last = changes(client, shop.tokens[0])["changes"][-1]
    assert last["kind"] == "order.status"
    assert last["payload"]["status"] == "rejected"
    assert last["payload"]["reason"] == "Stok rusak"


def test_order_validation_errors(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Validasi")
    product = stocked_listing(client, shop, "3")
    resp = client.post("/api/v1/orders", json={
        "seller_id": shop.id, "buyer_name": "X", "phone": "12", "lines": [
            {"listing_id": product, "qty": "1"}], "pay_method": "transfer"})
    assert resp.status_code == 422
    assert resp.json()["code"] == "invalid_phone"
    resp = place_order(client, shop.id, str(uuid.uuid4()))
    assert resp.status_code == 404
    assert resp.json()["code"] == "listing_not_found"
    resp = place_order(client, 999_999, product)
    assert resp.status_code == 404


def test_unpaid_orders_expire_and_release_stock(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, order_expiry_minutes=0)
    app = create_app(settings)
    with TestClient(app) as fresh:
        admin = create_admin(settings)
        shop = make_shop(fresh, admin, "Toko Kedaluwarsa")
        product = stocked_listing(fresh, shop, "2")
        order = place_order(fresh, shop.id, product, "2").json()
        assert listing_state(fresh, shop.tokens[0], product)["reserved"] == "2.000"
        push(fresh, shop.tokens[0], [])  # any write to the shop applies expiry
        assert listing_state(fresh, shop.tokens[0], product)["reserved"] == "0.000"
        view = fresh.get(f"/api/v1/orders/{order['order_id']}",
                         headers={"X-Buyer-Secret": order["buyer_secret"]}).json()
        assert view["status"] == "expired"
        late = _move(fresh, shop.tokens[0], "order.accept", order["order_id"])
        assert (late["status"], late["code"]) == ("rejected", "illegal_transition")
    app.state.db.dispose()


def test_several_moves_in_one_batch_all_take_effect(client: TestClient, admin_token: str) -> None:
    """accept + confirm of one order, and confirms of two orders, in ONE push batch."""
    shop = make_shop(client, admin_token, "Toko Satu Kiriman")
    product = stocked_listing(client, shop, "10", price=10000)
    first = place_order(client, shop.id, product, "1").json()
    second = place_order(client, shop.id, product, "2").json()
    ops = []
    for seq, order in enumerate((first, second), start=1):
        ops.append(op("order.accept", {"order_id": order["order_id"]}, seq=seq * 10))
        ops.append(op("order.confirm_payment", {
            "order_id": order["order_id"], "amount": order["amount_due"],
            "reference": f"TRSF {seq}", "confirmed_at": now_iso()}, seq=seq * 10 + 1))
    results = push(client, shop.tokens[0], ops)
    assert [r["status"] for r in results] == ["acknowledged"] * 4, results
    for order in (first, second):
        got = client.get(f"/api/v1/orders/{order['order_id']}",
                         headers={"X-Buyer-Secret": order["buyer_secret"]})
        assert got.json()["status"] == "paid"


def test_minimum_order_quantity_comes_from_the_listing(client: TestClient, admin_token: str) -> None:
    """A seller who sells rice by the kilo from 5 kg sets ``min_order``; smaller orders are
    refused with the minimum in the message, not reserved."""
    shop = make_shop(client, admin_token, "Toko Grosir")
    product = stocked_listing(client, shop, "100")
    stamp = f"{int(datetime.now(UTC).timestamp()) * 1_000_000:016d}-000001-dev1"
    edit = push(client, shop.tokens[0], [op("product.edit", {"product_uuid": product, "fields": {
        "min_order": {"value": "5", "hlc": stamp}}}, 2)])
    assert edit[0]["status"] == "acknowledged", edit
    small = place_order(client, shop.id, product, "4.999")
    assert small.status_code == 422 and small.json()["code"] == "below_min_order"
    assert "5.000" in small.json()["message"]
    assert listing_state(client, shop.tokens[0], product)["reserved"] == "0.000"
    assert place_order(client, shop.id, product, "5").status_code == 201
