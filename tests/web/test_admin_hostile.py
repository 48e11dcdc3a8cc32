"""The console and the new storefront routes under hostile text and odd input: seller text is
inert on every console page, and no console or storefront route answers 500 or non-HTML."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from server.config import Settings
from server.models import Listing, Seller
from tests.web.conftest import make_seller
from tests.web.test_admin import login
from tests.web.test_fuzz import NASTY, check
from tests.web.test_hostile import HOSTILE_NAME, HOSTILE_SHOP, assert_inert
from tests.web.test_pages import add, page


def test_hostile_seller_text_is_inert_on_console_pages(client: TestClient, admin: str,
                                                      settings: Settings,
                                                      web_app: FastAPI) -> None:
    shop = make_seller(client, admin, "Toko Jahat")
    product = shop.publish(client, "Goreng", 15000)
    add(client, product)
    client.post("/checkout", data={"nama": "<script>alert(1)</script>", "hp": "081234567890",
                                   "nip": "198503152010011001", "kirim": "antar",
                                   "alamat": "<img src=x onerror=alert(2)>",
                                   "catatan": '"><script>alert(1)</script>'})
    with web_app.state.db.write_sessions() as session, session.begin():
        session.execute(update(Listing).where(Listing.uuid == product).values(
            name=HOSTILE_NAME, hidden_reason=HOSTILE_SHOP))
        session.execute(update(Seller).where(Seller.id == shop.id).values(
            shop_name=HOSTILE_SHOP, owner_name=HOSTILE_NAME, kecamatan=HOSTILE_SHOP,
            pickup_hours=HOSTILE_NAME))
    csrf = login(client, settings)
    for url in ("/admin", f"/admin/penjual/{shop.id}", "/admin/pesanan",
                f"/admin/pesanan?penjual={shop.id}", "/admin/omzet", "/admin/laporan-asn"):
        assert_inert(page(client, url))
    code = client.post(f"/admin/penjual/{shop.id}/kode", data={"csrf": csrf})
    assert code.status_code == 200
    assert_inert(code.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page(client, f"/admin/penjual/{shop.id}")
    with web_app.state.db.write_sessions() as session, session.begin():
        session.execute(update(Listing).where(Listing.uuid == product).values(hidden_reason=None))
    for url in (f"/penjual/{shop.id}", f"/produk/{product}", "/",
                "/kecamatan?nama=" + quote(HOSTILE_SHOP, safe="")):
        assert_inert(page(client, url))
    mine = page(client, "/pesanan-saya")
    link = re.search(r'href="(/pesanan/[0-9a-f-]{36}/[A-Za-z0-9_-]+)"', mine)
    assert link is not None
    assert_inert(page(client, link.group(1)))


def test_odd_input_on_console_and_new_routes(client: TestClient, admin: str,
                                             settings: Settings) -> None:
    shop = make_seller(client, admin, "Toko Uji")
    product = shop.publish(client, "Minyak Goreng", 18000)
    csrf = login(client, settings)
    for raw in NASTY:
        text = quote(raw, safe="")
        for url in (f"/admin/penjual/{text or 'x'}", f"/admin/penjual/{shop.id}?q={text}",
                    f"/admin/penjual/{shop.id}?hal={text}", f"/admin/pesanan?penjual={text}",
                    f"/admin/pesanan?status={text}", f"/admin/pesanan?hal={text}",
                    f"/admin/omzet?bulan={text}", f"/admin/laporan-asn?bulan={text}",
                    f"/admin/laporan-asn?format={text}", f"/kecamatan?nama={text}",
                    f"/admin?ok={text}"):
            check(client.get(url))
        for url, data in (
                ("/admin/penjual/baru", {"toko": raw, "pemilik": raw, "nik": raw, "npwp": raw,
                                         "bank": raw, "nomor": raw, "atas_nama": raw,
                                         "qris": raw, "alasan": raw}),
                (f"/admin/penjual/{shop.id}/rekening", {"bank0": raw, "nomor0": raw,
                                                        "nama0": raw, "bank1": raw}),
                (f"/admin/produk/{product}/sembunyikan", {"alasan": raw}),
                (f"/admin/produk/{text or 'x'}/sembunyikan", {"alasan": "alasan yang cukup"}),
                (f"/admin/perangkat/{text or 'x'}/cabut", {}),
                (f"/admin/penjual/{shop.id}/aktifkan", {"alasan": raw}),
                (f"/pesanan/{text or 'x'}/{text or 'y'}/sudah-transfer", {})):
            check(client.post(url, data={**data, "csrf": csrf}))
        client.post(f"/admin/produk/{product}/tampilkan", data={"csrf": csrf})
        client.cookies.set("keranjang", f"{product}:1")
        check(client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890",
                                             "kirim": raw, "alamat": raw, "catatan": raw}))
        check(client.post("/admin/masuk", data={"nama": raw, "sandi": raw, "csrf": raw}))
        csrf = login(client, settings)
