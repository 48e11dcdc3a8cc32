"""Public catalog: search, filters, paging, visibility rules and the turnover cap."""

from __future__ import annotations

import base64
import io
import uuid

from fastapi.testclient import TestClient
from PIL import Image

from tests.server.helpers import (
    auth,
    listing_op,
    make_shop,
    movement_op,
    now_iso,
    op,
    place_order,
    push,
    stocked_listing,
    this_month,
)


def _names(client: TestClient, query: str) -> list[str]:
    resp = client.get(f"/api/v1/catalog?{query}")
    assert resp.status_code == 200, resp.text
    return [item["name"] for item in resp.json()["items"]]


def test_trigram_search_filters_and_paging(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Katalog")
    other = make_shop(client, admin_token, "Toko Lain")
    stocked_listing(client, shop, "5", name="Minyak Goreng Sawit 2L")
    stocked_listing(client, shop, "5", name="Kecap Manis 600ml")
    stocked_listing(client, other, "5", name="Tepung Goreng Crispy")
    hidden = str(uuid.uuid4())
    push(client, shop.tokens[0], [listing_op(hidden, "Goreng Rahasia", published=False),
                                  movement_op(hidden, "9")])
    empty = str(uuid.uuid4())
    push(client, shop.tokens[0], [listing_op(empty, "Goreng Kosong")])
    assert sorted(_names(client, f"q=gor&seller={shop.id}")) == ["Minyak Goreng Sawit 2L"]
    assert len(_names(client, "q=GORENG")) >= 2
    assert _names(client, f"q=goreng sawit&seller={shop.id}") == ["Minyak Goreng Sawit 2L"]
    assert _names(client, f"q=ke&seller={shop.id}") == ["Kecap Manis 600ml"]
    assert _names(client, f"q=%25&seller={shop.id}") == []
    assert len(_names(client, f"category=sembako&seller={shop.id}")) == 2
    page1 = client.get(f"/api/v1/catalog?seller={shop.id}&page_size=1").json()
    page2 = client.get(f"/api/v1/catalog?seller={shop.id}&page_size=1&page=2").json()
    assert page1["has_more"] is True and page2["has_more"] is False
    assert page1["items"][0]["name"] != page2["items"][0]["name"]


def test_available_counts_reservations(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Tersedia")
    product = stocked_listing(client, shop, "2", name="Telur Ayam 1kg")
    assert client.get(f"/api/v1/catalog?seller={shop.id}").json()["items"][0]["available"] \
        == "2.000"
    place_order(client, shop.id, product, "2")
    assert _names(client, f"seller={shop.id}") == []


def test_turnover_cap_hides_a_seller(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Laris")
    product = stocked_listing(client, shop, "3", price=15_000_000, name="Kain Songket")
    order = place_order(client, shop.id, product, "2").json()
    token, oid = shop.tokens[0], order["order_id"]
    push(client, token, [op("order.accept", {"order_id": oid})])
    assert _names(client, f"seller={shop.id}") == ["Kain Songket"]
    push(client, token, [op("order.confirm_payment", {
        "order_id": oid, "amount": order["amount_due"], "reference": "BCA 1",
        "confirmed_at": now_iso()})])
    assert _names(client, f"seller={shop.id}") == []
    resp = place_order(client, shop.id, product, "1")
    assert resp.status_code == 409
    assert resp.json()["code"] == "seller_unavailable"
    report = client.get(f"/api/v1/admin/turnover?month={this_month()}",
                        headers=auth(admin_token)).json()
    assert next(r for r in report if r["seller_id"] == shop.id)["over_cap"] is True


def test_suspended_seller_is_hidden(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Beku")
    stocked_listing(client, shop, "3", name="Sambal Bu Tin")
    assert _names(client, f"seller={shop.id}") == ["Sambal Bu Tin"]
    client.post(f"/api/v1/admin/sellers/{shop.id}/suspend", headers=auth(admin_token))
    assert _names(client, f"seller={shop.id}") == []


def test_photo_is_served_for_visible_listing(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Foto")
    product = str(uuid.uuid4())
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAcCBlCwAAAABJRU5ErkJggg=="
    upsert = listing_op(product, "Keripik Tempe")
    upsert["payload"]["photo"] = png
    push(client, shop.tokens[0], [upsert, movement_op(product, "1")])
    item = client.get(f"/api/v1/catalog?seller={shop.id}").json()["items"][0]
    resp = client.get(item["photo_url"])
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "image/jpeg"  # re-encoded
    assert resp.headers["x-content-type-options"] == "nosniff"
    bad = listing_op(product, "Keripik Tempe")
    bad["payload"]["photo"] = "!!!"
    assert push(client, shop.tokens[0], [bad])[0]["code"] == "invalid_photo"


def _photo_b64(fmt: str, **save: object) -> str:
    image = Image.new("RGB", (40, 30), (200, 120, 40))
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return base64.b64encode(out.getvalue()).decode()


def test_photos_are_sniffed_and_re_encoded(client: TestClient, admin_token: str) -> None:
    """HTML, SVG or a script named a photo is refused; a real photo is stored as a plain JPEG
    without its EXIF (a phone's GPS position of the seller's house)."""
    shop = make_shop(client, admin_token, "Toko Foto Aman")
    product = str(uuid.uuid4())
    for hostile in (b"<html><script>alert(1)</script></html>",
                    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                    b"\xff\xd8\xff\xe0 not really a jpeg", b"GIF89a" + b"\0" * 20):
        bad = listing_op(product, "Keripik Pedas")
        bad["payload"]["photo"] = base64.b64encode(hostile).decode()
        result = push(client, shop.tokens[0], [bad])[0]
        assert (result["status"], result["code"]) == ("rejected", "invalid_photo"), hostile
    exif = Image.Exif()
    exif[0x010F] = "KameraHP"  # Make
    upsert = listing_op(product, "Keripik Pedas")
    upsert["payload"]["photo"] = _photo_b64("JPEG", exif=exif.tobytes())
    assert push(client, shop.tokens[0], [upsert, movement_op(product, "2")])[0]["status"] == \
        "acknowledged"
    item = client.get(f"/api/v1/catalog?seller={shop.id}").json()["items"][0]
    stored = client.get(item["photo_url"]).content
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG" and image.size == (40, 30)
        assert not image.getexif()
