"""Checkout with pickup or delivery (address, note) and the buyer's "Saya sudah transfer":
both reach the seller's devices through the shop's change log."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.server.helpers import changes
from tests.web.conftest import make_seller
from tests.web.test_pages import add, page


def _order_link(client: TestClient, data: dict[str, str]) -> str:
    resp = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890", **data})
    assert resp.status_code == 200, resp.text
    link = re.search(r'href="(/pesanan/[0-9a-f-]{36}/[A-Za-z0-9_-]+)/bayar"', resp.text)
    assert link is not None, resp.text
    return link.group(1)


def test_delivery_needs_an_address_and_reaches_the_seller(client: TestClient, admin: str) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    add(client, sri.publish(client, "Minyak Goreng 1L", 18000))
    form = page(client, "/checkout")
    assert 'for="alamat"' in form and 'for="catatan"' in form and 'value="antar"' in form
    refused = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890",
                                             "kirim": "antar", "alamat": "  "})
    assert refused.status_code == 422 and 'id="e-alamat"' in refused.text
    link = _order_link(client, {"kirim": "antar", "alamat": "Jl. Kenjeran 12\nRT 3",
                                "catatan": "Pagar hijau"})
    status = page(client, link)
    assert "Diantar ke: <bdi>Jl. Kenjeran 12 RT 3</bdi>" in status and "Pagar hijau" in status
    placed = [c for c in changes(client, sri.token)["changes"] if c["kind"] == "order.placed"]
    assert placed[0]["payload"]["fulfilment"] == "antar"
    assert placed[0]["payload"]["address"] == "Jl. Kenjeran 12 RT 3"
    assert placed[0]["payload"]["note"] == "Pagar hijau"


def test_pickup_is_the_default(client: TestClient, admin: str) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    add(client, sri.publish(client, "Minyak Goreng 1L", 18000))
    link = _order_link(client, {})
    assert "Diambil di tempat penjual" in page(client, link)
    placed = [c for c in changes(client, sri.token)["changes"] if c["kind"] == "order.placed"]
    assert placed[0]["payload"]["fulfilment"] == "ambil" and placed[0]["payload"]["address"] is None


def test_buyer_says_paid_tells_the_seller_once(client: TestClient, admin: str) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    add(client, sri.publish(client, "Minyak Goreng 1L", 18000))
    link = _order_link(client, {})
    assert "Saya sudah transfer" in page(client, link)
    for _ in range(2):
        resp = client.post(link + "/sudah-transfer", follow_redirects=False)
        assert resp.status_code == 303 and resp.headers["location"] == link
    status = page(client, link)
    assert "Penjual sudah diberi tahu" in status and "Saya sudah transfer" not in status
    told = [c for c in changes(client, sri.token)["changes"] if c["kind"] == "order.buyer_paid"]
    assert len(told) == 1, "pressing twice tells the seller once"
    order_id = link.split("/")[2]
    assert told[0]["payload"]["order_id"] == order_id and told[0]["origin_device_id"] is None
    wrong = client.post(f"/pesanan/{order_id}/{'x' * 43}/sudah-transfer")
    assert wrong.status_code == 404


def test_buyer_says_paid_refused_after_cancel(client: TestClient, admin: str) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    add(client, sri.publish(client, "Minyak Goreng 1L", 18000))
    link = _order_link(client, {})
    assert client.post(link + "/batal").status_code == 200
    resp = client.post(link + "/sudah-transfer")
    assert resp.status_code == 409 and "tidak sedang menunggu pembayaran" in resp.text
