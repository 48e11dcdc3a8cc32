"""Every storefront page through the real app: browse, cart, checkout into one order per
seller, payment, status, cancel; headers, sizes and friendly errors."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from server.models import Order
from tests.web.conftest import Seller, jpeg_photo, make_seller

MAX_PAGE = 100 * 1024


def page(client: TestClient, url: str, status: int = 200) -> str:
    """GET a page, check status, security headers and size; its HTML."""
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.status_code, resp.text[:500])
    assert resp.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["referrer-policy"] == "no-referrer"
    assert len(resp.content) < MAX_PAGE, (url, len(resp.content))
    return resp.text


def shops(client: TestClient, admin: str) -> tuple[Seller, Seller, dict[str, str]]:
    """Two sellers (the second with QRIS) and their products."""
    sri = make_seller(client, admin, "Toko Sri")
    budi = make_seller(client, admin, "Warung Budi", qris=True)
    products = {
        "minyak": sri.publish(client, "Minyak Goreng 1L", 18000, photo=jpeg_photo()),
        "beras": sri.publish(client, "Beras Pandan Wangi 5kg", 72500, unit="sak"),
        "gula": sri.publish(client, "Gula Pasir", 16000, stock="0"),
        "telur": budi.publish(client, "Telur Ayam", 28000, stock="2.5", unit="kg",
                              category="protein"),
    }
    return sri, budi, products


def add(client: TestClient, product: str, qty: str = "1", aksi: str = "tambah") -> None:
    """Post the add-to-cart form, as the product page does."""
    resp = client.post("/keranjang", data={"listing_id": product, "qty": qty, "aksi": aksi},
                       follow_redirects=False)
    assert resp.status_code == 303, resp.text
    assert resp.headers["location"] == "/keranjang"


def test_home_search_categories_and_stock_filter(client: TestClient, admin: str) -> None:
    _, _, products = shops(client, admin)
    home = page(client, "/")
    assert "Minyak Goreng 1L" in home and "Rp18.000" in home and "Telur Ayam" in home
    assert "Gula Pasir" not in home, "out of stock is hidden by default"
    assert f'/foto/{products["minyak"]}/kecil' in home
    assert 'href="/?kategori=protein' in home
    found = page(client, "/?q=gor")
    assert "Minyak Goreng 1L" in found and "Beras" not in found
    protein = page(client, "/?kategori=protein")
    assert "Telur Ayam" in protein and "Minyak" not in protein
    everything = page(client, "/?stok=0")
    assert "Gula Pasir" in everything and "Stok habis" in everything
    assert "Tidak ada produk yang cocok" in page(client, "/?q=zzzzzz")


def test_product_and_seller_pages(client: TestClient, admin: str) -> None:
    sri, _, products = shops(client, admin)
    html = page(client, f"/produk/{products['minyak']}")
    assert "Rp18.000" in html and "per <bdi>pcs</bdi>" in html
    assert "Stok tersedia: 10" in html and f'href="/penjual/{sri.id}"' in html
    assert "Produk lain dari" in html and "Beras Pandan Wangi 5kg" in html
    assert "<img class=\"photo\"" in html
    telur = page(client, f"/produk/{products['telur']}")
    assert "Stok tersedia: 2,5 <bdi>kg</bdi>" in telur
    gula = page(client, f"/produk/{products['gula']}")
    assert "Stok habis" in gula and "Tambah ke keranjang" not in gula
    seller = page(client, f"/penjual/{sri.id}")
    assert "Toko Sri" in seller and "Beras Pandan Wangi 5kg" in seller
    assert "Bu Sri" not in seller and "3578" not in seller, "no owner name or NIK on the page"
    assert "Tidak ditemukan" in page(client, "/penjual/9999", 404)
    assert "Tidak ditemukan" in page(client, "/produk/00000000-0000-0000-0000-000000000000", 404)


def test_suspended_seller_disappears(client: TestClient, admin: str) -> None:
    sri, _, products = shops(client, admin)
    resp = client.post(f"/api/v1/admin/sellers/{sri.id}/suspend",
                       headers={"Authorization": f"Bearer {admin}"})
    assert resp.status_code == 200
    assert "Minyak Goreng" not in page(client, "/")
    page(client, f"/produk/{products['minyak']}", 404)
    page(client, f"/penjual/{sri.id}", 404)


def checkout_two_sellers(client: TestClient, admin: str, bayar: str = "transfer") -> tuple[
        list[str], dict[str, str], Seller]:
    """Cart from two sellers, checkout; the order links and the products."""
    _, budi, products = shops(client, admin)
    add(client, products["minyak"], "2")
    add(client, products["beras"])
    add(client, products["telur"], "1,5")
    cart = page(client, "/keranjang")
    assert "Toko Sri" in cart and "Warung Budi" in cart
    assert "Rp36.000" in cart and "Rp108.500" in cart and "Rp42.000" in cart  # 2×18000, 72500+36000
    assert "Rp150.500" in cart
    form = page(client, "/checkout")
    assert "dibagi menjadi 2 pesanan" in form and 'for="nama"' in form and 'for="nip"' in form
    resp = client.post("/checkout", data={"nama": "Pak Andi", "hp": "0812 3456 7890",
                                          "nip": "", "bayar": bayar})
    assert resp.status_code == 200, resp.text
    links = re.findall(r'href="(/pesanan/[0-9a-f-]{36}/[A-Za-z0-9_-]+)/bayar"', resp.text)
    assert len(links) == 2, resp.text
    return links, products, budi


def test_checkout_splits_into_one_order_per_seller(client: TestClient, admin: str) -> None:
    links, _, _ = checkout_two_sellers(client, admin)
    assert "Keranjang masih kosong" in page(client, "/keranjang")
    amounts = []
    for link in links:
        pay = page(client, link + "/bayar")
        due = re.search(r'<span id="amount">Rp([\d.]+)</span>', pay)
        assert due is not None
        amounts.append(int(due.group(1).replace(".", "")))
        assert "1234567890" in pay and "Sri Wahyuni" in pay and 'data-copy="1234567890"' in pay
        assert f'data-copy="{amounts[-1]}"' in pay
    for amount, total in zip(sorted(amounts), [42000, 108500], strict=True):
        assert 1 <= amount - total <= 999, "the exact amount is the goods total plus kode unik"
    mine = page(client, "/pesanan-saya")
    assert mine.count("Menunggu pembayaran") == 2


def test_qris_order_shows_the_dynamic_qris(client: TestClient, admin: str) -> None:
    links, _, _ = checkout_two_sellers(client, admin, bayar="qris")
    pays = [page(client, link + "/bayar") for link in links]
    qris = [p for p in pays if 'class="qris"' in p]
    assert len(qris) == 1, "only Warung Budi has a QRIS; Toko Sri stays on transfer"
    assert 'src="data:image/svg+xml;base64,' in qris[0]
    assert sum("Nomor rekening" in p for p in pays) == 1


def test_status_updates_and_cancel(client: TestClient, admin: str) -> None:
    links, _, budi = checkout_two_sellers(client, admin)
    status_html = [page(client, link) for link in links]
    budi_link = next(link for link, html in zip(links, status_html, strict=True)
                     if "Warung Budi" in html)
    order_id = budi_link.split("/")[2]
    part = page(client, budi_link + "/bagian-status")
    assert 'data-status="placed"' in part
    budi.move_order(client, "order.accept", {"order_id": order_id})
    pay = page(client, budi_link + "/bayar")
    amount = int(re.search(r'data-copy="(\d+)"', pay).group(1))  # type: ignore[union-attr]
    budi.move_order(client, "order.confirm_payment", {
        "order_id": order_id, "amount": amount, "reference": "TRSF",
        "confirmed_at": "2026-11-28T10:00:00+07:00"})
    part = page(client, budi_link + "/bagian-status")
    assert 'data-status="paid"' in part and "<b>Dibayar</b>" in part
    assert "Batalkan pesanan" not in page(client, budi_link)
    refused = client.post(budi_link + "/batal")
    assert refused.status_code == 409 and "tidak bisa dibatalkan" in refused.text.lower()
    other = next(link for link in links if link != budi_link)
    assert "Batalkan pesanan" in page(client, other)
    resp = client.post(other + "/batal", follow_redirects=False)
    assert resp.status_code == 303
    assert "<b>Dibatalkan</b>" in page(client, other)


def test_wrong_secret_is_the_same_404(client: TestClient, admin: str) -> None:
    links, _, _ = checkout_two_sellers(client, admin)
    order_id = links[0].split("/")[2]
    wrong = page(client, f"/pesanan/{order_id}/{'x' * 43}", 404)
    unknown = page(client, f"/pesanan/{'0' * 8}-0000-0000-0000-{'0' * 12}/{'x' * 43}", 404)
    assert wrong == unknown
    assert client.post(f"/pesanan/{order_id}/{'x' * 43}/batal").status_code == 404


def test_checkout_form_errors_keep_the_cart(client: TestClient, admin: str) -> None:
    _, _, products = shops(client, admin)
    add(client, products["minyak"])
    resp = client.post("/checkout", data={"nama": "", "hp": "12", "nip": "123"})
    assert resp.status_code == 422
    assert "Tulis nama Anda." in resp.text and "Nomor HP harus" in resp.text
    assert "NIP harus terdiri dari 18 angka." in resp.text
    assert "Minyak Goreng 1L" in page(client, "/keranjang")


def test_out_of_stock_at_checkout_is_reported_per_seller(client: TestClient, admin: str) -> None:
    _, _, products = shops(client, admin)
    add(client, products["minyak"])
    add(client, products["telur"], "3")  # only 2,5 kg
    cart = page(client, "/keranjang")
    assert "Stok tinggal 2,5" in cart
    resp = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890"})
    assert resp.status_code == 200
    assert "Belum dipesan" in resp.text and "tidak cukup" in resp.text
    assert len(re.findall(r"/bayar\"", resp.text)) == 1
    cart = page(client, "/keranjang")
    assert "Telur Ayam" in cart and "Minyak Goreng" not in cart


def test_cart_change_and_remove(client: TestClient, admin: str) -> None:
    _, _, products = shops(client, admin)
    add(client, products["minyak"])
    add(client, products["minyak"], "2")
    assert 'value="3"' in page(client, "/keranjang")
    add(client, products["minyak"], "5", "ubah")
    assert "Rp90.000" in page(client, "/keranjang")
    add(client, products["minyak"], "", "hapus")
    assert "Keranjang masih kosong" in page(client, "/keranjang")
    bad = client.post("/keranjang", data={"listing_id": products["minyak"], "qty": "dua"})
    assert bad.status_code == 422 and "Jumlah tidak valid" in bad.text
    assert client.get("/checkout", follow_redirects=False).headers["location"] == "/keranjang"


def test_error_pages_are_friendly(client: TestClient) -> None:
    html = page(client, "/tidak-ada", 404)
    assert "Halaman tidak ditemukan" in html and "{" not in html.split("<main>")[1][:200]
    assert page(client, "/produk/bukan-uuid", 404)
    resp = client.get("/?hal=0")
    assert resp.status_code == 422 and resp.headers["content-type"].startswith("text/html")
    assert client.get("/api/v1/nothing").headers["content-type"] == "application/json"
    css = client.get("/static/web.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/../app.py").status_code == 404


def test_reloading_the_result_never_orders_twice(client: TestClient, admin: str) -> None:
    _, _, products = shops(client, admin)
    add(client, products["minyak"])
    add(client, products["telur"], "9")  # more than the 2,5 kg in stock
    resp = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890"},
                       follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == "/checkout/selesai?baru=1"
    first = page(client, resp.headers["location"])
    assert "Toko Sri" in first and "Belum dipesan" in first and "tidak cukup" in first
    again = page(client, resp.headers["location"])
    assert again.count("Bayar ke penjual ini") == 1, "a reload shows the same order, no new one"
    assert "Belum dipesan" not in again
    assert page(client, "/pesanan-saya").count("Lihat pesanan") == 1


def test_an_unpaid_order_past_its_deadline_shows_expired(client: TestClient, admin: str) -> None:
    links, _, _ = checkout_two_sellers(client, admin)
    assert "Batalkan pesanan" in page(client, links[0])
    with time_machine.travel(datetime.now(UTC) + timedelta(days=2)):
        html = page(client, links[0])
        pay = page(client, links[0] + "/bayar")
    assert "<b>Kedaluwarsa</b>" in html and "Batas waktu pembayaran sudah lewat" in html
    assert "Batalkan pesanan" not in html
    assert "tidak perlu dibayar lagi" in pay and 'id="amount"' not in pay


def test_a_resent_checkout_form_places_no_second_order(client: TestClient, admin: str,
                                                       web_app: FastAPI) -> None:
    _, _, products = shops(client, admin)
    add(client, products["minyak"])
    add(client, products["telur"])
    form = page(client, "/checkout")
    kunci = re.search(r'name="kunci" value="([^"]+)"', form)
    assert kunci is not None
    cart = client.cookies.get("keranjang")
    data = {"nama": "Bu Rina", "hp": "081234567890", "kunci": kunci.group(1)}
    first = client.post("/checkout", data=data)
    client.cookies.set("keranjang", cart or "")  # the first answer was lost on the way
    second = client.post("/checkout", data=data)
    links = re.findall(r'href="(/pesanan/[^"]+)/bayar"', first.text)
    assert len(links) == 2 and re.findall(r'href="(/pesanan/[^"]+)/bayar"', second.text) == links
    with web_app.state.db.read_sessions() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 2
    assert page(client, "/pesanan-saya").count("Lihat pesanan") == 2
    data["kunci"] = "tebakan"  # not a key we made: an ordinary new order
    client.cookies.set("keranjang", cart or "")
    assert client.post("/checkout", data=data).status_code == 200
    with web_app.state.db.read_sessions() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 4


def test_pages_of_results_keep_the_search(client: TestClient, admin: str) -> None:
    shop = make_seller(client, admin, "Toko Banyak")
    for i in range(23):
        shop.publish(client, f"Kue Lapis {i:02d}", 3000 + i, category="kue")
    shop.publish(client, "Sapu Ijuk", 25000, category="rumah")
    first = page(client, "/?q=lapis&kategori=kue")
    assert first.count('class="card"') == 20 and "Kue Lapis 19" in first
    nxt = re.search(r'href="([^"]+)">Berikutnya', first)
    assert nxt is not None and "q=lapis" in nxt.group(1) and "kategori=kue" in nxt.group(1)
    second = page(client, nxt.group(1).replace("&amp;", "&"))
    assert second.count('class="card"') == 3 and "Kue Lapis 22" in second
    assert "Berikutnya" not in second and "Sebelumnya" in second
    assert "Sapu Ijuk" not in first + second
