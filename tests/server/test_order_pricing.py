"""Online orders are priced like the shop's till prices a public buyer (issue 17): the best
wholesale tier for everyone, packs ordered in packs and reserved in base units, customer-group
tiers never for an anonymous buyer, the price always the server's own."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from contract.changes import OrderPlaced
from tests.server.helpers import (
    Shop,
    changes,
    listing_state,
    make_shop,
    op,
    push,
    stocked_listing,
)

MIE_OFFER = {
    "packs": [{"name": "dus", "factor": "40.000", "price": 150_000}],
    "tiers": [{"min_qty": "12.000", "price": 3_300}, {"min_qty": "48.000", "price": 3_200},
              {"min_qty": "1.000", "price": 2_000, "group": "reseller"},
              {"pack": "dus", "min_qty": "5.000", "price": 145_000}],
}


def _stamp(n: int = 1) -> str:
    return f"{int(datetime.now(UTC).timestamp()) * 1_000_000:016d}-{n:06d}-dev1"


def _edit(client: TestClient, shop: Shop, product: str, fields: dict[str, Any]) -> None:
    stamped = {name: {"value": value, "hlc": _stamp()} for name, value in fields.items()}
    result = push(client, shop.tokens[0], [op("product.edit", {"product_uuid": product,
                                                               "fields": stamped}, 2)])
    assert result[0]["status"] == "acknowledged", result


def _mie(client: TestClient, admin: str, name: str, stock: str = "200") -> tuple[Shop, str]:
    shop = make_shop(client, admin, name)
    product = stocked_listing(client, shop, stock, price=3_500, name="Indomie Goreng")
    _edit(client, shop, product, {"offer": MIE_OFFER})
    return shop, product


def _order(client: TestClient, seller_id: int, *lines: dict[str, Any]) -> Any:
    return client.post("/api/v1/orders", json={
        "seller_id": seller_id, "buyer_name": "Pak Budi", "phone": "081234567890",
        "lines": list(lines), "pay_method": "transfer"})


def _placed_payload(client: TestClient, shop: Shop, order_id: str) -> OrderPlaced:
    found = [c["payload"] for c in changes(client, shop.tokens[0])["changes"]
             if c["kind"] == "order.placed" and c["payload"]["order_id"] == order_id]
    return OrderPlaced.model_validate(found[0])  # what the shop's device checks it against


def test_twelve_pcs_get_the_twelve_tier_and_eleven_do_not(client: TestClient,
                                                          admin_token: str) -> None:
    shop, mie = _mie(client, admin_token, "Toko Grosir Dua Belas")
    twelve = _order(client, shop.id, {"listing_id": mie, "qty": "12"})
    assert twelve.status_code == 201, twelve.text
    line = twelve.json()["lines"][0]
    assert (line["price"], line["line_total"], twelve.json()["total"]) == (3_300, 39_600, 39_600)
    assert line["price_note"] == "harga grosir ≥12 pcs" and line["qty_label"] == "12 pcs"
    eleven = _order(client, shop.id, {"listing_id": mie, "qty": "11"}).json()
    assert eleven["total"] == 11 * 3_500 and eleven["lines"][0]["price_note"] == ""
    two_lines = _order(client, shop.id, {"listing_id": mie, "qty": "6"},
                       {"listing_id": mie, "qty": "6"}).json()  # summed like the till does
    assert two_lines["total"] == 39_600
    payload = _placed_payload(client, shop, twelve.json()["order_id"])
    assert payload.lines[0].price_note == "harga grosir ≥12 pcs"
    assert (payload.lines[0].price, payload.lines[0].qty.strip()) == (3_300, "12.000")


def test_two_dus_cost_two_dus_prices_and_reserve_eighty_pcs(client: TestClient,
                                                           admin_token: str) -> None:
    shop, mie = _mie(client, admin_token, "Toko Dus", stock="400")
    resp = _order(client, shop.id, {"listing_id": mie, "qty": "2", "pack": "dus"})
    assert resp.status_code == 201, resp.text
    body = resp.json()
    line = body["lines"][0]
    assert body["total"] == 300_000 and line["line_total"] == 300_000
    assert (line["price"], line["qty"], line["pack_name"], line["base_qty"]) == (
        150_000, "2.000", "dus", "80.000")
    assert line["qty_label"] == "2 dus (80 pcs)"
    assert listing_state(client, shop.tokens[0], mie)["reserved"] == "80.000"
    device = _placed_payload(client, shop, body["order_id"]).lines[0]
    assert (device.qty.strip(), device.line_total, device.price) == ("80.000", 300_000, 3_750)
    assert (device.pack_name, device.pack_qty, device.pack_factor, device.pack_price) == (
        "dus", "2.000", "40.000", 150_000)
    five = _order(client, shop.id, {"listing_id": mie, "qty": "5", "pack": "dus"}).json()
    assert five["total"] == 5 * 145_000
    assert five["lines"][0]["price_note"] == "harga grosir ≥5 dus"
    cancel = client.post(f"/api/v1/orders/{body['order_id']}/cancel",
                         headers={"X-Buyer-Secret": body["buyer_secret"]})
    assert cancel.status_code == 200, cancel.text
    assert listing_state(client, shop.tokens[0], mie)["reserved"] == "200.000"  # five dus left


def test_a_pack_and_units_of_one_listing_share_its_stock(client: TestClient,
                                                         admin_token: str) -> None:
    shop, mie = _mie(client, admin_token, "Toko Stok Dus", stock="100")
    over = _order(client, shop.id, {"listing_id": mie, "qty": "2", "pack": "dus"},
                  {"listing_id": mie, "qty": "21"})
    assert over.status_code == 409 and over.json()["code"] == "insufficient_stock"
    unknown = _order(client, shop.id, {"listing_id": mie, "qty": "1", "pack": "karton"})
    assert unknown.status_code == 422 and unknown.json()["code"] == "pack_not_found"
    assert listing_state(client, shop.tokens[0], mie)["reserved"] == "0.000"


def test_a_group_tier_is_not_given_to_an_anonymous_buyer(client: TestClient,
                                                         admin_token: str) -> None:
    shop, mie = _mie(client, admin_token, "Toko Reseller")
    one = _order(client, shop.id, {"listing_id": mie, "qty": "1"}).json()
    assert one["total"] == 3_500 and one["lines"][0]["price_note"] == ""
    page = client.get(f"/produk/{mie}").text  # nor offered on the product page
    assert "≥12 pcs" in page and "reseller" not in page and "Rp2.000" not in page


def test_a_price_sent_by_the_client_is_not_charged(client: TestClient, admin_token: str) -> None:
    shop, mie = _mie(client, admin_token, "Toko Harga Palsu")
    tampered = _order(client, shop.id, {"listing_id": mie, "qty": "12", "price": 1})
    assert tampered.status_code == 422  # no price field in a line: refused, nothing reserved
    assert listing_state(client, shop.tokens[0], mie)["reserved"] == "0.000"
    extra = client.post("/api/v1/orders", json={
        "seller_id": shop.id, "buyer_name": "Pak Budi", "phone": "081234567890",
        "lines": [{"listing_id": mie, "qty": "12"}], "pay_method": "transfer", "total": 1})
    assert extra.status_code == 422


def test_minimum_order_counts_the_units_in_packs(client: TestClient, admin_token: str) -> None:
    shop, mie = _mie(client, admin_token, "Toko Minimal Dus")
    _edit(client, shop, mie, {"min_order": "40"})
    assert _order(client, shop.id, {"listing_id": mie, "qty": "39"}).json()["code"] == \
        "below_min_order"
    assert _order(client, shop.id, {"listing_id": mie, "qty": "1", "pack": "dus"}).status_code \
        == 201


def test_the_turnover_cap_sees_the_pack_price(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Karton Mahal")
    product = stocked_listing(client, shop, "100", price=100_000, name="Rokok Slop")
    _edit(client, shop, product, {"offer": {
        "packs": [{"name": "karton", "factor": "10", "price": 9_000_000}]}})
    four = _order(client, shop.id, {"listing_id": product, "qty": "4", "pack": "karton"})
    assert four.status_code == 409 and four.json()["code"] == "over_turnover_cap"  # Rp36 jt
    assert _order(client, shop.id, {"listing_id": product, "qty": "3",
                                    "pack": "karton"}).json()["total"] == 27_000_000


def test_an_order_without_an_offer_is_priced_as_before(client: TestClient,
                                                       admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Biasa")
    product = stocked_listing(client, shop, "10", price=18_000)
    body = _order(client, shop.id, {"listing_id": product, "qty": "2.5"}).json()
    assert body["total"] == 45_000 and body["lines"][0]["qty_label"] == "2,5 pcs"
    other = str(uuid.uuid4())
    assert _order(client, shop.id, {"listing_id": other, "qty": "1"}).status_code == 404
