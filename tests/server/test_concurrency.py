"""The change-log cursor never skips a change while devices and buyers write concurrently.

A real uvicorn server on 127.0.0.1 serves the app; device threads push stock
movements, buyer threads place orders, and a reader pulls ``changes?since=N``
the whole time. Every page must continue exactly where the previous one ended,
and the union of pulled seqs must be 1..N with N the final counter.
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

from tests.server.helpers import auth, make_shop, movement_op, stocked_listing
from tests.server.test_load import serve

PUSH_BATCHES = 12
BATCH_SIZE = 5
ORDERS_PER_BUYER = 8
BUYERS = 3


@pytest.fixture(scope="module")
def live_url(server_app: FastAPI) -> Iterator[str]:
    """The app served by a real uvicorn on a loopback port it was handed already bound."""
    with serve(server_app, dispose=False) as url:
        yield url


def _pusher(url: str, token: str, product: str, errors: list[str]) -> None:
    with httpx.Client(base_url=url, timeout=60) as http:
        for batch in range(PUSH_BATCHES):
            ops = [movement_op(product, "1", seq=batch * BATCH_SIZE + i) for i in range(BATCH_SIZE)]
            resp = http.post("/api/v1/sync/push", json={"ops": ops}, headers=auth(token))
            if resp.status_code != 200:
                errors.append(resp.text)


def _buyer(url: str, seller_id: int, product: str, errors: list[str]) -> None:
    with httpx.Client(base_url=url, timeout=60) as http:
        for _ in range(ORDERS_PER_BUYER):
            resp = http.post("/api/v1/orders", json={
                "seller_id": seller_id, "buyer_name": "Pembeli", "phone": "081234567890",
                "lines": [{"listing_id": product, "qty": "1"}], "pay_method": "transfer"})
            if resp.status_code != 201:
                errors.append(resp.text)


class Reader:
    """Pulls the change log page by page, checking each page continues the last."""

    def __init__(self, url: str, token: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=60, headers=auth(token))
        self.since = 0
        self.seqs: list[int] = []
        self.problems: list[str] = []

    def pull_once(self) -> bool:
        """One page; returns ``more``."""
        resp = self.http.get(f"/api/v1/sync/changes?since={self.since}&limit=7")
        body: dict[str, Any] = resp.json()
        got = [c["seq"] for c in body["changes"]]
        if got != list(range(self.since + 1, self.since + 1 + len(got))):
            self.problems.append(f"after {self.since} got {got}")
        self.seqs += got
        self.since = body["next"]
        return bool(body["more"])

    def drain(self) -> None:
        """Pull until the log is exhausted."""
        while self.pull_once():
            pass


def test_cursor_never_skips_under_concurrent_writers(
    client: TestClient, admin_token: str, live_url: str
) -> None:
    shop = make_shop(client, admin_token, "Toko Ramai", devices=2)
    stock_product = stocked_listing(client, shop, "0", name="Air Mineral")
    order_product = stocked_listing(client, shop, "1000", name="Gula Pasir 1kg")
    errors: list[str] = []
    threads = [threading.Thread(target=_pusher, args=(live_url, t, stock_product, errors))
               for t in shop.tokens]
    threads += [threading.Thread(target=_buyer, args=(live_url, shop.id, order_product, errors))
                for _ in range(BUYERS)]
    reader = Reader(live_url, shop.tokens[0])
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        reader.pull_once()
    for thread in threads:
        thread.join()
    reader.drain()
    assert errors == []
    assert reader.problems == []
    counter = client.get("/api/v1/sync/snapshot", headers=auth(shop.tokens[0])).json()
    expected = 4 + 2 * PUSH_BATCHES * BATCH_SIZE + BUYERS * ORDERS_PER_BUYER
    assert counter["change_seq"] == expected
    assert reader.seqs == list(range(1, expected + 1))
    kinds = [c for c in counter["listings"] if c["product_uuid"] == stock_product]
    assert kinds[0]["on_hand"] == f"{2 * PUSH_BATCHES * BATCH_SIZE}.000"
    assert uuid.UUID(stock_product)
