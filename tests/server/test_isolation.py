"""Shop A's devices can neither read nor change shop B's listings, orders or payments."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.server.helpers import (
    auth,
    changes,
    listing_op,
    listing_state,
    make_shop,
    movement_op,
    op,
    place_order,
    push,
    stocked_listing,
)


def test_isolation_matrix(client: TestClient, admin_token: str) -> None:
    shop_a = make_shop(client, admin_token, "Toko A")
    shop_b = make_shop(client, admin_token, "Toko B")
    product_b = stocked_listing(client, shop_b, "5", price=10000, name="Batik Tulis")
    order_b = place_order(client, shop_b.id, product_b, "1").json()
    token_a, token_b = shop_a.tokens[0], shop_b.tokens[0]
    before = listing_state(client, token_b, product_b)
    # reading
    assert client.get(f"/api/v1/shop/listings/{product_b}", headers=auth(token_a)).status_code \
        == 404
    assert client.get(f"/api/v1/shop/orders/{order_b['order_id']}",
                      headers=auth(token_a)).status_code == 404
    assert changes(client, token_a)["changes"] == []
    snap = client.get("/api/v1/sync/snapshot", headers=auth(token_a)).json()
    assert snap["listings"] == [] and snap["open_orders"] == []
    # changing
    oid = order_b["order_id"]
    results = push(client, token_a, [
        listing_op(product_b, "Dibajak", 1),
        movement_op(product_b, "-5"),
        op("order.accept", {"order_id": oid}),
        op("order.reject", {"order_id": oid, "reason": "x"}),
        op("order.confirm_payment", {"order_id": oid, "amount": order_b["amount_due"],
                                     "reference": "X", "confirmed_at": "2026-11-28T10:00:00Z"}),
        op("order.fulfil", {"order_id": oid}),
    ])
    assert [r["status"] for r in results] == ["rejected"] * 6
    assert [r["code"] for r in results] == ["listing_foreign", "listing_foreign"] + \
        ["order_not_found"] * 4
    assert listing_state(client, token_b, product_b) == before
    b_order = client.get(f"/api/v1/shop/orders/{oid}", headers=auth(token_b)).json()
    assert b_order["status"] == "placed"
    assert b_order["paid_amount"] is None
    assert all(c["origin_device_id"] != shop_a.device_ids[0]
               for c in changes(client, token_b)["changes"])


def test_reused_movement_uuid_of_another_shop_is_rejected(
    client: TestClient, admin_token: str
) -> None:
    shop_a = make_shop(client, admin_token, "Toko C")
    shop_b = make_shop(client, admin_token, "Toko D")
    product_a = stocked_listing(client, shop_a, "1")
    product_b = stocked_listing(client, shop_b, "1")
    movement = movement_op(product_a, "1")
    push(client, shop_a.tokens[0], [movement])
    stolen = movement_op(product_b, "1", movement["payload"]["movement_uuid"])
    result = push(client, shop_b.tokens[0], [stolen])[0]
    assert (result["status"], result["code"]) == ("rejected", "movement_foreign")


def test_buyer_cannot_cancel_another_buyers_order(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko E")
    product = stocked_listing(client, shop, "4")
    mine = place_order(client, shop.id, product).json()
    theirs = place_order(client, shop.id, product).json()
    resp = client.post(f"/api/v1/orders/{theirs['order_id']}/cancel",
                       headers={"X-Buyer-Secret": mine["buyer_secret"]})
    assert resp.status_code == 404
    view = client.get(f"/api/v1/orders/{theirs['order_id']}",
                      headers={"X-Buyer-Secret": theirs["buyer_secret"]})
    assert view.json()["status"] == "placed"


def test_revoked_device_and_suspended_shop_are_locked_out(
    client: TestClient, admin_token: str
) -> None:
    shop = make_shop(client, admin_token, "Toko F", devices=2)
    resp = client.post(f"/api/v1/admin/devices/{shop.device_ids[0]}/revoke",
                       headers=auth(admin_token))
    assert resp.json()["revoked"] is True
    assert client.get("/api/v1/sync/changes", headers=auth(shop.tokens[0])).status_code == 401
    assert client.get("/api/v1/sync/changes", headers=auth(shop.tokens[1])).status_code == 200
    client.post(f"/api/v1/admin/sellers/{shop.id}/suspend", headers=auth(admin_token))
    resp = client.get("/api/v1/sync/changes", headers=auth(shop.tokens[1]))
    assert resp.status_code == 403
    assert resp.json()["code"] == "seller_suspended"
    client.post(f"/api/v1/admin/sellers/{shop.id}/activate", headers=auth(admin_token))
    log = changes(client, shop.tokens[1])["changes"]
    assert [c["payload"]["status"] for c in log if c["kind"] == "shop.status"] == [
        "suspended", "active"]
