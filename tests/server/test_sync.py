"""Push idempotency, merge rules, relay between devices, change-log paging, snapshot."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.server.helpers import (
    auth,
    changes,
    listing_op,
    listing_state,
    make_shop,
    movement_op,
    op,
    push,
)


def test_same_batch_three_times_has_one_effect(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Idempoten")
    product = str(uuid.uuid4())
    batch = [listing_op(product, seq=1), movement_op(product, "5.500", seq=2),
             movement_op(product, "-2.000", seq=3)]
    first = push(client, shop.tokens[0], batch)
    second = push(client, shop.tokens[0], batch)
    third = push(client, shop.tokens[0], batch)
    assert [r["status"] for r in first] == ["acknowledged"] * 3
    for replay in (second, third):
        assert [r["status"] for r in replay] == ["acknowledged"] * 3
        assert all(r["replayed"] for r in replay)
        assert [r["change_seq"] for r in replay] == [r["change_seq"] for r in first]
    assert listing_state(client, shop.tokens[0], product)["on_hand"] == "3.500"
    log = changes(client, shop.tokens[0])
    assert [c["seq"] for c in log["changes"]] == [1, 2, 3]


def test_replay_of_a_rejected_op_gets_the_stored_rejection(
    client: TestClient, admin_token: str
) -> None:
    shop = make_shop(client, admin_token, "Toko Tolak")
    bad = op("listing.upsert", {"product_uuid": "bukan-uuid"})
    first = push(client, shop.tokens[0], [bad])
    again = push(client, shop.tokens[0], [bad])
    assert first[0]["status"] == again[0]["status"] == "rejected"
    assert first[0]["code"] == again[0]["code"] == "invalid_payload"
    assert again[0]["replayed"] is True
    unknown = push(client, shop.tokens[0], [op("stock.teleport", {})])
    assert unknown[0]["code"] == "unknown_kind"


def test_movements_merge_as_a_set_by_uuid(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Set", devices=2)
    product = str(uuid.uuid4())
    movement = str(uuid.uuid4())
    push(client, shop.tokens[0], [listing_op(product), movement_op(product, "4", movement)])
    # the same movement under a new op id from the other device: no second effect
    again = push(client, shop.tokens[1], [movement_op(product, "4", movement)])
    assert again[0]["status"] == "duplicate"
    assert again[0]["code"] == "movement_known"
    assert listing_state(client, shop.tokens[0], product)["on_hand"] == "4.000"


def test_later_listing_edit_wins_and_is_relayed(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Dua Laptop", devices=2)
    product = str(uuid.uuid4())
    push(client, shop.tokens[0], [listing_op(product, "Gula 1kg", 15000)])
    push(client, shop.tokens[1], [listing_op(product, "Gula Pasir 1kg", 16000)])
    state = listing_state(client, shop.tokens[0], product)
    assert (state["name"], state["price"]) == ("Gula Pasir 1kg", 16000)
    log = changes(client, shop.tokens[0])["changes"]
    origins = [c["origin_device_id"] for c in log]
    assert origins == shop.device_ids
    # relayed as the fields that won, each with its stamp (old ops: stamped on arrival)
    assert [c["kind"] for c in log] == ["product.fields", "product.fields"]
    assert log[1]["payload"]["fields"]["name"]["value"] == "Gula Pasir 1kg"


def test_movement_before_listing_creates_unpublished_stub(
    client: TestClient, admin_token: str
) -> None:
    shop = make_shop(client, admin_token, "Toko Urutan")
    product = str(uuid.uuid4())
    assert push(client, shop.tokens[0], [movement_op(product, "2")])[0]["status"] == "acknowledged"
    state = listing_state(client, shop.tokens[0], product)
    assert (state["published"], state["on_hand"]) == (False, "2.000")
    push(client, shop.tokens[0], [listing_op(product, "Beras 5kg", 70000)])
    assert listing_state(client, shop.tokens[0], product)["on_hand"] == "2.000"


def test_bad_quantities_are_rejected(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Kuantitas")
    product = str(uuid.uuid4())
    results = push(client, shop.tokens[0], [
        movement_op(product, "1.2345"), movement_op(product, "1e3"), movement_op(product, "NaN"),
    ])
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert all(r["message"] for r in results)


def test_changes_paging_never_skips(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Halaman")
    product = str(uuid.uuid4())
    push(client, shop.tokens[0], [listing_op(product)] + [
        movement_op(product, "1", seq=i) for i in range(2, 26)
    ])
    seen: list[int] = []
    since = 0
    while True:
        page = changes(client, shop.tokens[0], since, limit=7)
        seen += [c["seq"] for c in page["changes"]]
        since = page["next"]
        if not page["more"]:
            break
    assert seen == list(range(1, 26))
    assert changes(client, shop.tokens[0], since)["changes"] == []


def test_snapshot_holds_listings_orders_and_counter(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Snapshot")
    product = str(uuid.uuid4())
    push(client, shop.tokens[0], [listing_op(product), movement_op(product, "3")])
    order = client.post("/api/v1/orders", json={
        "seller_id": shop.id, "buyer_name": "Bu Ani", "phone": "08123456789",
        "lines": [{"listing_id": product, "qty": "1"}], "pay_method": "transfer"})
    assert order.status_code == 201, order.text
    snap = client.get("/api/v1/sync/snapshot", headers=auth(shop.tokens[0])).json()
    assert snap["change_seq"] == 3
    assert snap["listings"][0]["on_hand"] == "3.000"
    assert snap["listings"][0]["reserved"] == "1.000"
    assert [o["order_id"] for o in snap["open_orders"]] == [order.json()["order_id"]]


def test_push_needs_a_valid_device_token(client: TestClient, admin_token: str) -> None:
    resp = client.post("/api/v1/sync/push", json={"ops": []}, headers=auth("pkd_palsu"))
    assert resp.status_code == 401
    assert resp.json()["code"] == "unauthorized"
    resp = client.post("/api/v1/sync/push", json={"ops": []}, headers=auth(admin_token))
    assert resp.status_code == 401


def _stamp(micros: int, counter: int = 0, node: str = "dev1") -> str:
    return f"{micros:016d}-{counter:06d}-{node}"


NOW_US = int(datetime.now(UTC).timestamp()) * 1_000_000


def edit_op(product: str, seq: int = 1, **fields: tuple[object, str]) -> dict[str, Any]:
    """A ``product.edit`` op: ``field=(value, hlc)``."""
    return op("product.edit", {"product_uuid": product, "fields": {
        k: {"value": v, "hlc": h} for k, (v, h) in fields.items()}}, seq)


def test_field_edits_merge_by_stamp_not_by_arrival(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Jam", devices=2)
    product = str(uuid.uuid4())
    made_first, made_later = _stamp(NOW_US - 60_000_000), _stamp(NOW_US - 1_000_000, node="dev2")
    push(client, shop.tokens[0], [edit_op(product, name=("Kopi Tubruk", made_first),
                                          price=(20_000, made_first), cost=(15_000, made_first))])
    # device 2 pushes a later price; then device 1's older rename and price arrive last
    push(client, shop.tokens[1], [edit_op(product, price=(22_000, made_later))])
    late = push(client, shop.tokens[0], [edit_op(product, 2, price=(21_000, made_first[:-1] + "2"),
                                                 name=("Kopi Tubruk Robusta", made_first[:-1] + "2"))])
    assert late[0]["status"] == "acknowledged"
    state = listing_state(client, shop.tokens[0], product)
    assert (state["name"], state["price"]) == ("Kopi Tubruk Robusta", 22_000)
    assert state["fields"]["cost"] == {"value": 15_000, "hlc": made_first}
    relayed = changes(client, shop.tokens[1])["changes"][-1]
    assert relayed["kind"] == "product.fields"
    assert set(relayed["payload"]["fields"]) == {"name"}  # the losing price is not relayed
    snap = client.get("/api/v1/sync/snapshot", headers=auth(shop.tokens[1])).json()
    assert snap["listings"][0]["fields"]["price"]["value"] == 22_000


@pytest.mark.parametrize(("fields", "code"), [
    ({"price": {"value": "15000", "hlc": _stamp(NOW_US)}}, "invalid_payload"),
    ({"price": {"value": 0, "hlc": _stamp(NOW_US)}}, "invalid_payload"),
    ({"published": {"value": 1, "hlc": _stamp(NOW_US)}}, "invalid_payload"),
    ({"min_stock": {"value": "-1", "hlc": _stamp(NOW_US)}}, "invalid_payload"),
    ({"barcodes": {"value": "899123", "hlc": _stamp(NOW_US)}}, "invalid_payload"),
    ({"barcodes": {"value": ["x\n"], "hlc": _stamp(NOW_US)}}, "invalid_payload"),
    ({"colour": {"value": "red", "hlc": _stamp(NOW_US)}}, "invalid_payload"),
    ({"name": {"value": "Teh", "hlc": "kemarin"}}, "invalid_payload"),
    ({"name": {"value": "Teh"}}, "invalid_payload"),
    ({"name": {"value": "Teh", "hlc": _stamp(NOW_US + 3 * 86_400_000_000)}}, "clock_ahead"),
    ({}, "no_fields"),
    ("semua", "invalid_payload"),
])
def test_bad_product_edits_are_rejected_with_a_code(
    client: TestClient, admin_token: str, fields: object, code: str
) -> None:
    shop = make_shop(client, admin_token, "Toko Teliti")
    product = str(uuid.uuid4())
    [result] = push(client, shop.tokens[0], [op("product.edit", {"product_uuid": product,
                                                                 "fields": fields})])
    assert (result["status"], result["code"]) == ("rejected", code)
    assert result["message"]
    assert changes(client, shop.tokens[0])["changes"] == []


def test_private_fields_stay_out_of_the_public_catalog(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Rahasia")
    product = str(uuid.uuid4())
    stamp = _stamp(NOW_US)
    push(client, shop.tokens[0], [
        edit_op(product, name=("Beras Pandan Wangi", stamp), price=(70_000, stamp),
                sku=("BPW-5", stamp), unit=("kg", stamp), published=(True, stamp),
                cost=(61_234, stamp), min_stock=("4.750", stamp), sold_by_weight=(True, stamp),
                barcodes=(["8998887776665"], stamp)),
        movement_op(product, "12", seq=2)])
    for params in ({}, {"q": "Pandan"}, {"q": "8998887776665"}, {"seller": shop.id}):
        resp = client.get("/api/v1/catalog", params=params)
        assert resp.status_code == 200
        for secret in ("61234", "4.750", "8998887776665", "cost", "barcodes", "min_stock",
                       "sold_by_weight", "hlc", "fields"):
            assert secret not in resp.text, (params, secret)
    items = client.get("/api/v1/catalog", params={"seller": shop.id}).json()["items"]
    assert [(i["name"], i["price"], i["sku"]) for i in items] == [("Beras Pandan Wangi", 70_000,
                                                                   "BPW-5")]
