"""The whole loop in Debian's Chromium, with real desktop-app databases and real sync.

Two sellers publish from their own shop files (``app/``) through the sync engine to
``python -m server`` on loopback. A buyer on a 390×844 phone finds a product, orders from both
at once and sees each payment page with the exact amount. Each seller's app pulls its order;
Toko Sri accepts, imports her bank statement, which confirms the transfer, and the buyer's open
status page turns "Dibayar" without a reload; Pak Darmo's buyer presses "Saya sudah transfer"
and his app shows it. The city admin logs in to the console, issues an enrollment code (text and
QR), hides a listing (the seller's app gets the reason) and downloads the ASN report (CSV and
XLSX). Screenshots of the console pages (phone and desktop) and of the new storefront pages go
to ``$PEKEN_WEB_SCREENSHOTS`` like ``test_browser.py``'s.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import catalog, inventory, shop
from app.clock import local, now_utc
from app.db import open_database
from app.payments import service as payments
from app.sync import device
from app.sync import orders as online
from app.sync import profile as peken_profile
from app.sync.engine import SyncEngine
from models import Order
from tests.integration.sync.peken_kit import ServerProcess, issue_code
from tests.server.helpers import auth, new_nik, sample_qris
from tests.unit.payments.shop_kit import ACCOUNT, klikbca_csv
from tests.web.test_app_roundtrip import PASSWORD, set_password
from tests.web.test_browser import CHROMIUM, DESKTOP, PHONE, snap, sync_api

pytestmark = pytest.mark.slow
NIP = "198503152010011001"


class AppShop:
    """A seller's desktop app: its shop file, enrolled, syncing through the real engine."""

    def __init__(self, path: Path, server: ServerProcess, admin: str, name: str,
                 account: tuple[str, str, str], qris: bool = False) -> None:
        self.db = open_database(path)
        with self.db.unit_of_work() as session:
            self.account_id = shop.add_bank_account(session, *account)
        body: dict[str, Any] = {"shop_name": name, "owner_name": account[2], "nik": new_nik(),
                                "bank_accounts": [{"bank": account[0], "number": account[1],
                                                   "holder": account[2]}]}
        if qris:
            body["qris_payload"] = sample_qris("WARUNG DARMO")
        resp = httpx.post(server.url + "/api/v1/admin/sellers", json=body, headers=auth(admin))
        assert resp.status_code == 201, resp.text
        self.id = int(resp.json()["id"])
        device.enroll(self.db, server.url, issue_code(server.url, admin, self.id), "Kasir 1")
        self.engine = SyncEngine(self.db)

    def add(self, sku: str, name: str, price: int, stock: int, unit: str = "pcs") -> str:
        """A published product with opening stock; its UUID."""
        with self.db.unit_of_work() as session:
            pid = catalog.create_product(session, catalog.ProductInput(
                sku=sku, name=name, price=price, unit=unit, published=True))
            inventory.receive(session, pid, Decimal(stock))
        with self.db.read() as session:
            return str(session.get(catalog.Product, pid).uuid)  # type: ignore[union-attr]

    def sync(self) -> None:
        """One sync round; nothing may be refused."""
        assert self.engine.run_round().rejected == 0

    def order(self, remote_id: str) -> Order:
        """The online order pulled from the server."""
        with self.db.read() as session:
            found = session.scalars(select(Order).where(Order.remote_id == remote_id)).one()
            session.expunge(found)
            return found


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The server, an admin with a console password and two sellers' apps with products."""
    folder = tmp_path_factory.mktemp("city")
    server = ServerProcess(folder / "server")
    (folder / "server").mkdir()
    server.start()
    admin = server.create_admin()
    set_password(server)
    sri = AppShop(folder / "sri.sqlite", server, admin, "Toko Sri Rejeki",
                  ("BCA", ACCOUNT, "SITI AMINAH"))
    darmo = AppShop(folder / "darmo.sqlite", server, admin, "Warung Pak Darmo",
                    ("BRI", "002301234567", "DARMO"), qris=True)
    products = {"minyak": sri.add("MG1", "Minyak Goreng Sawit 1 Liter", 18000, 24),
                "gula": sri.add("GP1", "Gula Pasir Lokal 1 kg", 16500, 15, "kg"),
                "tempe": darmo.add("TM1", "Tempe Murni Papan", 5000, 20),
                "kerupuk": darmo.add("KR1", "Kerupuk Udang Sidoarjo", 12500, 10)}
    with sri.db.unit_of_work() as session:
        peken_profile.save_shop_profile(session, "Tambaksari", "Senin–Sabtu 08.00–16.00",
                                   sri.account_id)
    with darmo.db.unit_of_work() as session:
        peken_profile.save_shop_profile(session, "Genteng", "Setiap hari 07.00–12.00", 0)
    sri.sync()
    darmo.sync()
    yield {"server": server, "sri": sri, "darmo": darmo, "products": products,
           "folder": folder}
    for app_shop in (sri, darmo):
        app_shop.db.close()
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless (never downloaded)."""
    assert CHROMIUM.exists()
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go (``$PEKEN_WEB_SCREENSHOTS`` or a temporary folder)."""
    import os

    target = os.environ.get("PEKEN_WEB_SCREENSHOTS")
    folder = Path(target) if target else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def statement(folder: Path, amount: int) -> Path:
    """Toko Sri's KlikBCA export with the buyer's transfer today (shop time)."""
    today = local(now_utc()).date()
    return klikbca_csv(folder / "mutasi-sri.csv", [(today, amount, "CR", "TRSF BU ENDANG")],
                       period=(date(today.year, today.month, 1), today))


def buy_from_both(page: Any, base: str, shots: Path) -> list[str]:
    """Search, add from both sellers, check out with a NIP; the two payment links."""
    page.goto(base + "/")
    page.fill("#q", "minyak")
    page.press("#q", "Enter")
    page.get_by_role("link", name=re.compile("Minyak Goreng")).first.click()
    assert page.get_by_text("Tambaksari").first.is_visible(), "the seller's kecamatan"
    page.fill("#qty", "2")
    page.get_by_role("button", name="Tambah ke keranjang").click()
    page.wait_for_url(base + "/keranjang")
    page.goto(base + "/")
    page.get_by_role("link", name=re.compile("Genteng")).click()
    snap(page, shots, "13-kecamatan")
    page.get_by_role("link", name=re.compile("Warung Pak Darmo")).click()
    assert page.get_by_text("Setiap hari 07.00–12.00").is_visible()
    page.get_by_role("link", name=re.compile("Tempe Murni")).first.click()
    page.fill("#qty", "3")
    page.get_by_role("button", name="Tambah ke keranjang").click()
    page.wait_for_url(base + "/keranjang")
    page.get_by_role("link", name="Lanjut ke pemesanan").click()
    page.get_by_label("Nama pembeli").fill("Bu Endang")
    page.get_by_label("Nomor HP / WhatsApp").fill("081234567890")
    page.get_by_label("NIP (khusus ASN, boleh kosong)").fill(NIP)
    page.get_by_label(re.compile("Diantar \\(")).check()
    page.get_by_label("Alamat pengiriman (jika diantar)").fill("Jl. Kenjeran 12, Tambaksari")
    page.get_by_label("Catatan untuk penjual (boleh kosong)").fill("Pagar hijau")
    snap(page, shots, "06-pemesanan-antar")
    page.get_by_role("button", name="Pesan sekarang").click()
    page.wait_for_selector("text=Pesanan dibuat")
    return [str(a.get_attribute("href"))
            for a in page.locator("a", has_text="Bayar ke penjual ini").all()]


def test_city_loop_with_real_apps(city: dict[str, Any], browser: Any, shots: Path) -> None:
    base, sri, darmo = city["server"].url, city["sri"], city["darmo"]
    phone = browser.new_context(viewport=PHONE, locale="id-ID", timezone_id="Asia/Jakarta")
    page = phone.new_page()
    links = buy_from_both(page, base, shots)
    assert len(links) == 2
    orders: dict[str, tuple[str, str, int]] = {}
    for link in links:
        order_id, secret = link.split("/")[2:4]
        view = httpx.get(f"{base}/api/v1/orders/{order_id}",
                         headers={"X-Buyer-Secret": secret}).json()
        page.goto(base + link)
        assert page.locator("#amount").inner_text() == "Rp" + f"{view['amount_due']:,}".replace(
            ",", ".")
        orders[view["shop_name"]] = (order_id, secret, view["amount_due"])
    sri.sync()
    darmo.sync()
    sri_id, sri_secret, sri_due = orders["Toko Sri Rejeki"]
    assert sri.order(sri_id).status == "placed", "the seller's app received the order"
    assert "Diantar ke: Jl. Kenjeran 12" in darmo.order(orders["Warung Pak Darmo"][0]).note
    page.goto(f"{base}/pesanan/{sri_id}/{sri_secret}")
    page.evaluate("window.__notReloaded = true")
    with sri.db.unit_of_work() as session:
        online.accept(session, sri.order(sri_id).id)
        imported = payments.import_statement(session, statement(city["folder"], sri_due))
        assert len(imported.proposals) == 1
        payments.confirm_proposals(session, imported.proposals, None)
    sri.sync()
    page.wait_for_selector("#status[data-status=paid]", timeout=15_000)
    assert "Dibayar" in page.locator("#status").inner_text()
    assert page.evaluate("window.__notReloaded") is True, "updated without a reload"
    darmo_id, darmo_secret, _ = orders["Warung Pak Darmo"]
    page.goto(f"{base}/pesanan/{darmo_id}/{darmo_secret}")
    page.get_by_role("button", name="Saya sudah transfer").click()
    page.wait_for_selector("text=Penjual sudah diberi tahu")
    snap(page, shots, "14-status-sudah-transfer")
    darmo.sync()
    assert "Pembeli menyatakan sudah transfer" in darmo.order(darmo_id).note
    admin_pass(browser, base, city, shots, phone)
    phone.close()


def admin_pass(browser: Any, base: str, city: dict[str, Any], shots: Path, phone: Any) -> None:
    """The city's operator at a desktop, then the same console pages on a phone."""
    desk = browser.new_context(viewport=DESKTOP, locale="id-ID", timezone_id="Asia/Jakarta",
                               accept_downloads=True)
    page = desk.new_page()
    page.goto(base + "/admin")
    snap(page, shots, "20-admin-masuk")
    page.get_by_label("Nama admin").fill("kota")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_selector("text=Daftarkan penjual")
    snap(page, shots, "21-admin-penjual")
    sri = city["sri"]
    page.get_by_role("link", name="Toko Sri Rejeki").click()
    page.get_by_role("button", name="Buat kode pendaftaran").click()
    code = page.locator("#kode").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert page.locator("img.qris").is_visible()
    snap(page, shots, "23-admin-kode")
    page.goto(f"{base}/admin/penjual/{sri.id}")
    gula = city["products"]["gula"]
    hide = page.locator(f"form[action='/admin/produk/{gula}/sembunyikan']")
    hide.get_by_label("Alasan untuk penjual").fill("Foto dan nama tidak sesuai")
    hide.get_by_role("button", name="Sembunyikan").click()
    page.wait_for_selector("text=Produk disembunyikan.")
    snap(page, shots, "22-admin-penjual-detail")
    assert httpx.get(f"{base}/produk/{gula}").status_code == 404
    sri.sync()
    with sri.db.read() as session:
        assert [h.reason for h in peken_profile.hidden_listings(session)] == [
            "Foto dan nama tidak sesuai"], "the seller's app got the reason"
    for url, name in (("/admin/pesanan", "24-admin-pesanan"), ("/admin/omzet", "25-admin-omzet"),
                      ("/admin/laporan-asn", "26-admin-laporan-asn")):
        page.goto(base + url)
        snap(page, shots, name)
    assert NIP in page.locator("table").inner_text()
    with page.expect_download() as got:
        page.get_by_role("link", name="Unduh CSV").click()
    rows = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[1][1] == NIP and rows[1][5] == "36000", rows
    with page.expect_download() as got:
        page.get_by_role("link", name="Unduh XLSX").click()
    sheet = load_workbook(io.BytesIO(Path(got.value.path()).read_bytes())).active
    assert sheet is not None and sheet["B2"].value == NIP
    mobile = browser.new_context(viewport=PHONE, storage_state=desk.storage_state())
    small = mobile.new_page()
    for url, name in (("/admin", "21-admin-penjual"), (f"/admin/penjual/{sri.id}",
                                                      "22-admin-penjual-detail"),
                      ("/admin/pesanan", "24-admin-pesanan"), ("/admin/omzet", "25-admin-omzet"),
                      ("/admin/laporan-asn", "26-admin-laporan-asn")):
        small.goto(base + url)
        assert small.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], url
        snap(small, shots, name)
    small.goto(f"{base}/admin/penjual/{sri.id}")
    small.get_by_role("button", name="Buat kode pendaftaran").click()
    snap(small, shots, "23-admin-kode")
    small.get_by_role("button", name=re.compile("^Keluar")).click()
    small.wait_for_selector("text=Masuk ke konsol kota")
    snap(small, shots, "20-admin-masuk")
    mobile.close()
    desk.close()
    phone_status = phone.new_page()
    phone_status.goto(f"{base}/penjual/{sri.id}")
    snap(phone_status, shots, "04-penjual-profil")
