"""The shop profile pushed from the desktop app (``shop.profile``): kecamatan, pickup hours
and the bank account buyers see reach the storefront; the newest stamp wins."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.server.helpers import changes, op, push
from tests.web.conftest import Seller, make_seller
from tests.web.test_pages import add, page

ACCOUNTS = [{"bank": "BCA", "number": "1234567890", "holder": "Sri Wahyuni"},
            {"bank": "BRI", "number": "0987-6543-21", "holder": "Sri W"}]


def push_profile(client: TestClient, seller: Seller, hlc: str, **fields: object) -> dict[str, object]:
    """Push one shop.profile op; its result."""
    seller.seq += 1
    payload = {"kecamatan": "Tambaksari", "pickup_hours": "Senin–Sabtu 08.00–16.00",
               "bank_accounts": ACCOUNTS, "shown_account": 1, "hlc": hlc, **fields}
    return push(client, seller.token, [op("shop.profile", payload, seller.seq)])[0]


def test_profile_reaches_the_storefront(client: TestClient, admin: str) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    product = sri.publish(client, "Minyak Goreng 1L", 18000)
    assert push_profile(client, sri, "1795988040545739-000000-abc")["status"] == "acknowledged"
    seller = page(client, f"/penjual/{sri.id}")
    assert "Tambaksari" in seller and "Senin–Sabtu 08.00–16.00" in seller
    assert "Tambaksari" in page(client, f"/produk/{product}")
    home = page(client, "/")
    assert 'href="/kecamatan?nama=Tambaksari"' in home
    assert "Toko Sri" in page(client, "/kecamatan?nama=Tambaksari")
    page(client, "/kecamatan?nama=Antah%20Berantah", 404)
    add(client, product)
    placed = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890"})
    link = re.search(r'href="(/pesanan/[^"]+/bayar)"', placed.text)
    assert link is not None
    pay = page(client, link.group(1))
    assert "0987654321" in pay and "Sri W" in pay and "1234567890" not in pay, \
        "the account the seller chose is shown"
    logged = [c for c in changes(client, sri.token)["changes"] if c["kind"] == "shop.profile"]
    assert logged[0]["payload"]["kecamatan"] == "Tambaksari"


def test_older_profile_loses_and_bad_profile_is_rejected(client: TestClient, admin: str) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    assert push_profile(client, sri, "1795988040545739-000000-abc")["status"] == "acknowledged"
    older = push_profile(client, sri, "1795988040545738-000000-abc", kecamatan="Genteng")
    assert older["status"] == "duplicate" and older["code"] == "profile_older"
    assert "Genteng" not in page(client, f"/penjual/{sri.id}")
    bad = push_profile(client, sri, "1795988040545740-000000-abc",
                       bank_accounts=[{"bank": "BCA", "number": "12", "holder": "Sri"}])
    assert bad["status"] == "rejected" and bad["code"] == "invalid_payload"
    evil = push_profile(client, sri, "1795988040545741-000000-abc", kecamatan="\u202eGenteng")
    assert evil["status"] == "rejected"
