"""Odd input on every storefront route never gives a 500 nor a non-HTML answer."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.web.conftest import make_seller

NASTY = ["", " ", "'", '"', "<script>x</script>", "\u202e", "a" * 5000, "-1", "0", "1e9",
         "99999999999999999999", "NaN", "../../etc/passwd", "😀", "%", "1,5,6", "0.0001",
         "00000000-0000-0000-0000-000000000000", "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ"]


def check(resp: object) -> None:
    """No crash, and a page (the HTML routes never answer JSON)."""
    status = resp.status_code  # type: ignore[attr-defined]
    assert status < 500, (resp.request.url, status)  # type: ignore[attr-defined]
    assert resp.headers["content-type"].startswith("text/html"), resp.request.url  # type: ignore[attr-defined]


def test_odd_input_never_crashes(client: TestClient, admin: str) -> None:
    shop = make_seller(client, admin, "Toko Uji")
    product = shop.publish(client, "Minyak Goreng", 18000)
    for raw in NASTY:
        text = quote(raw, safe="")
        for url in (f"/?q={text}", f"/?kategori={text}", f"/?hal={text}", f"/?stok={text}",
                    f"/produk/{text or 'x'}", f"/penjual/{text or 'x'}",
                    f"/penjual/{shop.id}?hal={text}", f"/pesanan/{text or 'x'}/{text or 'y'}",
                    f"/pesanan/{text or 'x'}/{text or 'y'}/bayar", f"/checkout/selesai?baru={text}",
                    f"/foto/{text or 'x'}/kecil", f"/foto/{product}/{text or 'x'}"):
            check(client.get(url))
        check(client.post("/keranjang", data={"listing_id": raw, "qty": raw, "aksi": raw}))
        check(client.post("/keranjang", data={"listing_id": product, "qty": raw}))
        cookie = raw if raw.isascii() else text  # a header carries ASCII only
        client.cookies.set("keranjang", f"{product}:{cookie}|{cookie}")
        client.cookies.set("pesanan", f"{cookie}.{cookie}")
        client.cookies.set("pesanan_gagal", cookie)
        check(client.get("/keranjang"))
        check(client.get("/pesanan-saya"))
        check(client.get("/checkout/selesai?baru=3"))
        client.cookies.set("keranjang", f"{product}:1")
        check(client.post("/checkout", data={"nama": raw, "hp": raw, "nip": raw, "bayar": raw}))
        check(client.post(f"/pesanan/{text or 'x'}/{text or 'y'}/batal"))
