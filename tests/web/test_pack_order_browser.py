"""A buyer on a 390×844 phone orders Indomie by the dus and by the piece at the grosir price:
the product form shows the price that will be charged, and the order charges exactly that
(Chromium via Playwright, the real server process; skips like :mod:`tests.web.test_browser`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from contract.quantity import wire_milli
from contract.sync import Offer
from server.orders.pricing import price_for
from tests.integration.sync.peken_kit import ServerProcess, register_seller
from tests.web.offer_kit import publish_offers
from tests.web.test_browser import Shop, auth
from tests.web.test_offer_browser import PHONE, _shots, browser, server  # noqa: F401

pytestmark = pytest.mark.slow

MIE = {"packs": [{"name": "dus", "factor": "40.000", "price": 150_000}],  # as offer_kit pushes
       "tiers": [{"min_qty": "12.000", "price": 3_300}, {"min_qty": "48.000", "price": 3_200}]}


def _charge(page: Any, pack: str, qty: str) -> tuple[str, int]:
    """Choose ``pack`` and ``qty`` on the product form; the price line and its total."""
    page.select_option("#kemasan", pack)
    page.fill("#qty", qty)
    out = page.locator("output#harga")
    return out.inner_text(), int(out.get_attribute("data-total") or "0")


def _add(page: Any, base: str) -> None:
    page.get_by_role("button", name="Tambah ke keranjang").click()
    page.wait_for_url(base + "/keranjang")


def _place(page: Any) -> tuple[str, str]:
    page.get_by_role("link", name="Lanjut ke pemesanan").click()
    page.get_by_label("Nama pembeli").fill("Bu Endang")
    page.get_by_label("Nomor HP / WhatsApp").fill("081234567890")
    page.get_by_role("button", name="Pesan sekarang").click()
    page.wait_for_selector("text=Pesanan dibuat")
    link = page.locator("a", has_text="Bayar ke penjual ini").first.get_attribute("href")
    assert link is not None
    order_id, secret = link.split("/")[2:4]
    return order_id, secret


def test_the_page_shows_what_the_order_charges_for_a_dus_and_a_grosir_tier(
        server: ServerProcess, browser: Any, tmp_path: Path) -> None:  # noqa: F811
    admin = server.create_admin()
    shop = Shop(server.url, admin, register_seller(server.url, admin, "Toko Grosir Wati"))
    mie = publish_offers(shop.push)["mie"]
    offer = Offer.model_validate(MIE)
    base, shots = server.url, _shots(tmp_path)
    page = browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{base}/produk/{mie}")
    assert page.locator("output#harga").inner_text() == "Harga: 1 pcs × Rp3.500 = Rp3.500"
    for pack, typed in (("", "0,5"), ("", "11"), ("", "47,999"), ("", "48"), ("dus", "1,25"),
                        ("dus", "4"), ("dus", "5"), ("dus", "12")):
        shown = _charge(page, pack, typed)[1]
        milli = wire_milli(typed.replace(",", "."))
        charged = price_for(offer, 3_500, "pcs", pack, milli).total(milli)
        assert shown == charged, (pack, typed, shown, charged)
    dus_text, dus_total = _charge(page, "dus", "2")
    assert dus_text == "Harga: 2 dus (80 pcs) × Rp150.000 = Rp300.000"
    page.screenshot(path=str(shots / "order-dus-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _add(page, base)
    page.goto(f"{base}/produk/{mie}")
    tier_text, tier_total = _charge(page, "", "12")
    assert tier_text == "Harga: 12 pcs × Rp3.300 = Rp39.600 · harga grosir ≥12 pcs"
    page.evaluate("""() => { const f = document.querySelector('form.addcart');
        for (const n of ['price', 'harga']) { const i = document.createElement('input');
          i.type = 'hidden'; i.name = n; i.value = '1'; f.appendChild(i); } }""")
    _add(page, base)  # a price slipped into the form is not a price the server reads
    cart = page.locator(".group").inner_text()
    assert "2 dus (80 pcs)" in cart and "harga grosir ≥12 pcs" in cart
    assert "Rp339.600" in page.locator(".grand").inner_text()
    page.screenshot(path=str(shots / "order-dus-cart-phone.png"), full_page=True)
    order_id, secret = _place(page)
    view = httpx.get(f"{base}/api/v1/orders/{order_id}", headers={"X-Buyer-Secret": secret})
    assert view.json()["total"] == dus_total + tier_total == 339_600
    page.goto(f"{base}/pesanan/{order_id}/{secret}")
    lines = page.locator("ul.lines").inner_text()
    assert re.search(r"2 dus \(80 pcs\)\s*× Rp150\.000 per dus", lines), lines
    assert "harga grosir ≥12 pcs" in lines
    page.screenshot(path=str(shots / "order-dus-status-phone.png"), full_page=True)
    pulled = httpx.get(f"{base}/api/v1/sync/changes?since=0", headers=auth(shop.token)).json()
    placed = [c["payload"] for c in pulled["changes"] if c["kind"] == "order.placed"]
    got = {(x["qty"], x.get("pack_name", ""), x.get("price_note", "")) for x in placed[0]["lines"]}
    assert got == {("80.000", "dus", ""), ("12.000", "", "harga grosir ≥12 pcs")}
    assert errors == []
    page.close()
