"""A buyer in Chromium on a 390×844 phone: search, product, cart from two sellers, checkout,
each payment page with the exact amount, and the status page turning "Dibayar" by itself.

The real server runs as ``python -m server`` on loopback; the sellers, their devices and
products are made through the real admin and sync APIs. Debian's Chromium
(``/usr/bin/chromium``, installed by ``.ci/run``) is driven by Playwright from pip; no browser
is ever downloaded. Without it the test skips locally and fails under CI (``CI`` set).
Screenshots of every page at phone and desktop width go to ``$PEKEN_WEB_SCREENSHOTS`` (e.g.
``docs/screenshots/web``), else to a temporary folder.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.sync.peken_kit import ServerProcess, issue_code, register_seller
from tests.server.helpers import auth, new_nik, sample_qris
from tests.web.conftest import jpeg_photo

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

pytestmark = pytest.mark.slow

if not CHROMIUM.exists():
    WHY = ("/usr/bin/chromium is missing: the storefront browser test did not run "
           "(apt-get install chromium; .ci/run installs it)")
    if os.environ.get("CI"):
        pytest.fail(WHY, pytrace=False)
    pytest.skip(WHY, allow_module_level=True)

try:
    from playwright import sync_api
except ImportError:  # pragma: no cover - the dev extras install it
    if os.environ.get("CI"):
        pytest.fail("playwright is not installed (pip install -e '.[dev]')", pytrace=False)
    pytest.skip("playwright is not installed: the storefront browser test did not run",
                allow_module_level=True)


class Shop:
    """A seller with one enrolled device, pushing ops like the desktop sync client."""

    def __init__(self, url: str, admin: str, seller_id: int) -> None:
        self.url = url
        self.id = seller_id
        code = issue_code(url, admin, self.id)
        resp = httpx.post(url + "/api/v1/devices/enroll",
                          json={"code": code, "device_name": "Laptop kasir"})
        assert resp.status_code == 201, resp.text
        self.token = str(resp.json()["token"])
        self.seq = 0

    def push(self, kind: str, payload: dict[str, Any]) -> None:
        """Push one op; it must be acknowledged."""
        self.seq += 1
        body = {"ops": [{"op_id": str(uuid.uuid4()), "seq": self.seq, "kind": kind,
                         "payload": payload}]}
        resp = httpx.post(self.url + "/api/v1/sync/push", json=body, headers=auth(self.token))
        assert resp.status_code == 200, resp.text
        assert resp.json()["results"][0]["status"] == "acknowledged", resp.text

    def publish(self, name: str, price: int, stock: str, unit: str = "pcs",
                category: str = "sembako", photo: str | None = None) -> str:
        """A published product with stock on hand; its UUID."""
        product = str(uuid.uuid4())
        payload: dict[str, Any] = {"product_uuid": product, "sku": name[:10], "name": name,
                                   "price": price, "unit": unit, "category": category,
                                   "published": True}
        if photo:
            payload["photo"] = photo
        self.push("listing.upsert", payload)
        self.push("stock.movement", {"movement_uuid": str(uuid.uuid4()), "product_uuid": product,
                                     "qty": stock, "kind": "receive",
                                     "created_at": "2026-11-28T08:00:00+07:00"})
        return product


def register_qris_seller(url: str, admin: str, name: str) -> int:
    """A seller with a bank account and a static QRIS."""
    body = {"shop_name": name, "owner_name": "Pak Darmo", "nik": new_nik(),
            "bank_accounts": [{"bank": "BRI", "number": "002301234567", "holder": "Darmo"}],
            "qris_payload": sample_qris("WARUNG DARMO")}
    resp = httpx.post(url + "/api/v1/admin/sellers", json=body, headers=auth(admin))
    assert resp.status_code == 201, resp.text
    return int(resp.json()["id"])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """``python -m server`` on a free loopback port."""
    proc = ServerProcess(tmp_path_factory.mktemp("server"))
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def shops(server: ServerProcess) -> dict[str, Any]:
    """Two sellers with products (published through the sync API)."""
    admin = server.create_admin()
    sri = Shop(server.url, admin, register_seller(server.url, admin, "Toko Sri Rejeki"))
    sri.publish("Minyak Goreng Sawit 1 Liter", 18000, "24", photo=jpeg_photo((230, 180, 40)))
    sri.publish("Beras Pandan Wangi 5 kg", 72500, "8", unit="sak")
    sri.publish("Gula Pasir Lokal 1 kg", 16500, "15", unit="kg")
    sri.publish("Teh Celup Melati isi 25", 6500, "30", category="minuman")
    darmo = Shop(server.url, admin, register_qris_seller(server.url, admin, "Warung Pak Darmo"))
    darmo.publish("Telur Ayam Kampung", 28000, "6.5", unit="kg", category="protein",
                  photo=jpeg_photo((240, 230, 210)))
    darmo.publish("Tempe Murni Papan", 5000, "20", category="protein")
    return {"sri": sri, "darmo": darmo, "admin": admin}


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go."""
    target = os.environ.get("PEKEN_WEB_SCREENSHOTS")
    folder = Path(target) if target else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless."""
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def snap(page: Any, shots: Path, name: str) -> None:
    """A full-page screenshot at the page's viewport."""
    width = page.viewport_size["width"]
    page.screenshot(path=str(shots / f"{name}-{'phone' if width < 500 else 'desktop'}.png"),
                    full_page=True)


def add_to_cart(page: Any, base: str, query: str, product: str, qty: str) -> None:
    """Search from the home page, open the product, add ``qty`` to the cart."""
    page.goto(base + "/")
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.get_by_role("link", name=re.compile(product)).first.click()
    page.wait_for_selector("h1")
    page.fill("#qty", qty)
    page.get_by_role("button", name="Tambah ke keranjang").click()
    page.wait_for_url(base + "/keranjang")


def test_buyer_orders_from_two_sellers(server: ServerProcess, shops: dict[str, Any],
                                       browser: Any, shots: Path) -> None:
    base = server.url
    context = browser.new_context(viewport=PHONE, locale="id-ID", timezone_id="Asia/Jakarta")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(base + "/")
    assert page.get_by_text("Minyak Goreng Sawit 1 Liter").is_visible()
    snap(page, shots, "01-beranda")
    page.fill("#q", "goreng")
    page.press("#q", "Enter")
    assert page.locator(".card").count() == 1
    snap(page, shots, "02-cari")
    page.get_by_role("link", name=re.compile("Minyak Goreng")).click()
    assert page.locator(".bigprice").inner_text().startswith("Rp18.000")
    snap(page, shots, "03-produk")
    page.fill("#qty", "2")
    page.get_by_role("button", name="Tambah ke keranjang").click()
    page.wait_for_url(base + "/keranjang")
    add_to_cart(page, base, "telur", "Telur Ayam Kampung", "1,5")
    add_to_cart(page, base, "beras", "Beras Pandan", "1")
    assert page.locator(".group").count() == 2
    assert "Rp150.500" in page.locator(".grand").inner_text()  # 36000 + 72500 + 42000
    snap(page, shots, "05-keranjang")
    page.get_by_role("link", name="Lanjut ke pemesanan").click()
    page.get_by_label("Nomor HP / WhatsApp").fill("0812")
    page.get_by_role("button", name="Pesan sekarang").click()
    assert page.get_by_text("Nomor HP harus").is_visible() and page.get_by_text("Tulis nama").is_visible()
    snap(page, shots, "06-pemesanan-salah")
    page.get_by_label("Nama pembeli").fill("Bu Endang")
    page.get_by_label("Nomor HP / WhatsApp").fill("081234567890")
    page.get_by_label("NIP (khusus ASN, boleh kosong)").fill("198503152010011001")
    page.get_by_label(re.compile("QRIS")).check()
    snap(page, shots, "06-pemesanan")
    page.get_by_role("button", name="Pesan sekarang").click()
    page.wait_for_selector("text=Pesanan dibuat")
    snap(page, shots, "07-pesanan-dibuat")
    links = [a.get_attribute("href") for a in page.locator("a", has_text="Bayar ke penjual ini").all()]
    assert len(links) == 2
    seen, methods = {}, {}
    for link in links:
        order_id, secret = link.split("/")[2:4]
        view = httpx.get(f"{base}/api/v1/orders/{order_id}", headers={"X-Buyer-Secret": secret})
        assert view.status_code == 200
        page.goto(base + link)
        shown = page.locator("#amount").inner_text()
        assert shown == "Rp" + f"{view.json()['amount_due']:,}".replace(",", "."), shown
        assert view.json()["amount_due"] - view.json()["total"] in range(1, 1000)
        if view.json()["pay_method"] == "qris":  # Warung Pak Darmo has a QRIS
            assert page.locator("img.qris").is_visible()
        else:  # Toko Sri has none: transfer to her account
            assert page.get_by_text(view.json()["bank_account"]["number"]).is_visible()
        seen[view.json()["shop_name"]] = (order_id, secret, view.json()["amount_due"])
        methods[view.json()["shop_name"]] = view.json()["pay_method"]
        snap(page, shots, "08-bayar-" + ("sri" if "Sri" in view.json()["shop_name"] else "darmo"))
    assert set(seen) == {"Toko Sri Rejeki", "Warung Pak Darmo"}
    assert methods == {"Toko Sri Rejeki": "transfer", "Warung Pak Darmo": "qris"}
    order_id, secret, amount = seen["Warung Pak Darmo"]
    darmo = shops["darmo"]
    pulled = httpx.get(f"{base}/api/v1/sync/changes?since=0", headers=auth(darmo.token)).json()
    placed = [c["payload"] for c in pulled["changes"] if c["kind"] == "order.placed"]
    assert [(p["order_id"], p["buyer_name"], p["nip"], p["amount_due"]) for p in placed] == [
        (order_id, "Bu Endang", "198503152010011001", amount)], "the seller's device gets it"
    page.goto(f"{base}/pesanan/{order_id}/{secret}")
    assert "Menunggu pembayaran" in page.locator("#status").inner_text()
    snap(page, shots, "09-status")
    page.evaluate("window.__notReloaded = true")
    darmo.push("order.accept", {"order_id": order_id})
    darmo.push("order.confirm_payment", {"order_id": order_id, "amount": amount,
                                         "reference": "TRSF BU ENDANG",
                                         "confirmed_at": datetime.now(UTC).isoformat()})
    page.wait_for_selector("#status[data-status=paid]", timeout=15_000)
    assert "Dibayar" in page.locator("#status").inner_text()
    assert page.evaluate("window.__notReloaded") is True, "the page updated without a reload"
    assert page.locator("form.cancel").count() == 0
    snap(page, shots, "10-status-dibayar")
    page.goto(base + "/pesanan-saya")
    assert page.locator(".orders li").count() == 2
    snap(page, shots, "11-pesanan-saya")
    assert [e for e in errors if "status of 422" not in e] == [], errors  # 422: the form errors
    log = (server.data_dir / "server.log").read_text()
    assert f"/pesanan/{order_id}/***" in log, "page visits are in the access log..."
    assert secret not in log, "...but never a buyer secret"
    desktop_pass(browser, context, base, shops, shots)
    context.close()


def desktop_pass(browser: Any, phone: Any, base: str, shops: dict[str, Any], shots: Path) -> None:
    """The same pages at 1280×800 (same cookies), the seller page and a 404."""
    desk = browser.new_context(viewport=DESKTOP, storage_state=phone.storage_state())
    page = desk.new_page()
    page.goto(base + "/")
    snap(page, shots, "01-beranda")
    product = page.get_by_role("link", name=re.compile("Minyak Goreng")).first.get_attribute("href")
    page.goto(base + product)
    snap(page, shots, "03-produk")
    for target in (page, phone.new_page()):
        target.goto(f"{base}/penjual/{shops['sri'].id}")
        assert target.get_by_text("Toko Sri Rejeki").first.is_visible()
        snap(target, shots, "04-penjual")
        target.goto(base + "/tidak-ada")
        assert target.get_by_text("Halaman tidak ditemukan").is_visible()
        snap(target, shots, "12-tidak-ditemukan")
    page.goto(base + "/pesanan-saya")
    snap(page, shots, "11-pesanan-saya")
    link = page.locator(".orders a").first.get_attribute("href")
    page.goto(base + link + "/bayar")
    snap(page, shots, "08-bayar")
    desk.close()


def test_nothing_is_wider_than_a_360_px_phone(server: ServerProcess, shops: dict[str, Any],
                                              browser: Any) -> None:
    sri = shops["sri"]
    long_word = "Kerupuk" + "Udang" * 38  # 197 letters without a space
    product = sri.publish(long_word, 12500, "3", unit="bungkus", category="camilan-khas-sidoarjo")
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    base = server.url
    page.goto(f"{base}/produk/{product}")
    page.get_by_role("button", name="Tambah ke keranjang").click()
    page.wait_for_url(base + "/keranjang")
    for url in ("/", "/?q=Kerupuk", f"/produk/{product}", f"/penjual/{sri.id}", "/keranjang",
                "/checkout", "/pesanan-saya", "/tidak-ada"):
        page.goto(base + url)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 360, (url, wide)
    context.close()
