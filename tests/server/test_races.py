"""Idempotent order placement and same-UUID races between shops (both backends, real HTTP).

On PostgreSQL two shops, each holding its own shop lock, can insert the same new
product or movement UUID at once; the later insert fails only when the first
commits. The push must then be a clean rejection for one of them, never a 500.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.server.helpers import (
    Shop,
    auth,
    listing_op,
    listing_state,
    make_shop,
    now_iso,
    stocked_listing,
)
from tests.server.test_load import serve

ROUNDS = 8


@pytest.fixture(scope="module")
def live(server_app: FastAPI) -> Iterator[str]:
    """The module's app on a real uvicorn."""
    with serve(server_app) as url:
        yield url


def _order_body(seller_id: int, product: str, qty: str = "2") -> dict[str, Any]:
    return {"seller_id": seller_id, "buyer_name": "Bu Ani", "phone": "081234567890",
            "lines": [{"listing_id": product, "qty": qty}], "pay_method": "transfer"}


def test_same_idempotency_key_returns_the_same_order(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Kunci")
    product = stocked_listing(client, shop, "10")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = client.post("/api/v1/orders", json=_order_body(shop.id, product), headers=key)
    again = client.post("/api/v1/orders", json=_order_body(shop.id, product), headers=key)
    assert first.status_code == 201, first.text
    assert again.status_code == 201, again.text
    assert again.json() == first.json()  # same order, same amount, same buyer secret
    assert listing_state(client, shop.tokens[0], product)["reserved"] == "2.000"
    seen = client.get(f"/api/v1/orders/{first.json()['order_id']}",
                      headers={"X-Buyer-Secret": again.json()["buyer_secret"]})
    assert seen.status_code == 200
    other = client.post("/api/v1/orders", json=_order_body(shop.id, product),
                        headers={"Idempotency-Key": str(uuid.uuid4())})
    assert other.json()["order_id"] != first.json()["order_id"]
    assert listing_state(client, shop.tokens[0], product)["reserved"] == "4.000"


def test_idempotency_key_reused_for_another_order_is_refused(
    client: TestClient, admin_token: str
) -> None:
    shop = make_shop(client, admin_token, "Toko Kunci Dua")
    product = stocked_listing(client, shop, "10")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    assert client.post("/api/v1/orders", json=_order_body(shop.id, product),
                       headers=key).status_code == 201
    resp = client.post("/api/v1/orders", json=_order_body(shop.id, product, "3"), headers=key)
    assert resp.status_code == 422, resp.text
    assert resp.json()["code"] == "idempotency_key_reused"
    short = client.post("/api/v1/orders", json=_order_body(shop.id, product),
                        headers={"Idempotency-Key": "123"})
    assert short.status_code == 422


def test_concurrent_retries_with_one_key_make_one_order(
    client: TestClient, admin_token: str, live: str
) -> None:
    shop = make_shop(client, admin_token, "Toko Kunci Serentak")
    product = stocked_listing(client, shop, "100")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    answers = _together(6, lambda _i: httpx.post(
        f"{live}/api/v1/orders", json=_order_body(shop.id, product), headers=key, timeout=30))
    assert [a.status_code for a in answers] == [201] * 6, [a.text for a in answers]
    assert len({a.json()["order_id"] for a in answers}) == 1
    assert listing_state(client, shop.tokens[0], product)["reserved"] == "2.000"


def _together(n: int, call: Any) -> list[httpx.Response]:
    """Run ``call(i)`` for i in 0..n-1 on n threads released at the same instant."""
    barrier = threading.Barrier(n)
    answers: list[Any] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        answers[i] = call(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return answers


def _push(url: str, token: str, ops: list[dict[str, Any]]) -> httpx.Response:
    return httpx.post(f"{url}/api/v1/sync/push", json={"ops": ops}, headers=auth(token),
                      timeout=60)


def _outcomes(answers: list[httpx.Response]) -> list[tuple[str, str | None]]:
    assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
    return sorted((a.json()["results"][0]["status"], a.json()["results"][0]["code"])
                  for a in answers)


@pytest.fixture(scope="module")
def two_shops(client: TestClient, admin_token: str) -> tuple[Shop, Shop]:
    """Two unrelated shops."""
    return make_shop(client, admin_token, "Toko Kiri"), make_shop(client, admin_token, "Toko Kanan")


def test_same_new_product_uuid_from_two_shops(two_shops: tuple[Shop, Shop], live: str) -> None:
    shops = two_shops
    for _ in range(ROUNDS):
        product = str(uuid.uuid4())
        answers = _together(2, lambda i, p=product: _push(
            live, shops[i].tokens[0], [listing_op(p, name=f"Rebutan {i}")]))
        assert _outcomes(answers) == [("acknowledged", None), ("rejected", "listing_foreign")]


def test_same_new_movement_uuid_from_two_shops(
    client: TestClient, two_shops: tuple[Shop, Shop], live: str
) -> None:
    shops = two_shops
    products = [stocked_listing(client, shop, "1") for shop in shops]
    for _ in range(ROUNDS):
        movement = str(uuid.uuid4())
        answers = _together(2, lambda i, m=movement: _push(
            live, shops[i].tokens[0], [{
                "op_id": str(uuid.uuid4()), "seq": 1, "kind": "stock.movement",
                "payload": {"movement_uuid": m, "product_uuid": products[i], "qty": "1",
                            "kind": "receive", "created_at": now_iso()}}]))
        assert _outcomes(answers) == [("acknowledged", None), ("rejected", "movement_foreign")]
