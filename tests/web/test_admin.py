"""The city console at /admin through the real app: login (hashed password, HttpOnly +
SameSite cookie, idle timeout, logout), CSRF on every form, sellers, enrollment codes, devices,
listing moderation reaching the shop's change log, orders, turnover and the ASN report."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import time_machine
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from server.admin import set_password
from server.app import create_app
from server.config import Settings
from server.models import utcnow
from tests.server.helpers import auth, changes, new_nik
from tests.web.conftest import make_seller
from tests.web.test_pages import add, page

NAME, PASSWORD = "kota", "rahasia-kota-123"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of a console page's forms."""
    found = CSRF_RE.search(html)
    assert found is not None, html[:2000]
    return found.group(1)


def login(client: TestClient, settings: Settings, password: str = PASSWORD) -> str:
    """Log in through the form; the console's CSRF token."""
    set_password(settings, NAME, PASSWORD)
    form = page(client, "/admin/masuk")
    if "Masuk ke konsol" not in form:  # still logged in: the console itself
        return csrf_of(form)
    resp = client.post("/admin/masuk", data={"nama": NAME, "sandi": password,
                                             "csrf": csrf_of(form)}, follow_redirects=False)
    assert resp.status_code == 303, resp.text
    return csrf_of(page(client, "/admin"))


def test_login_cookie_logout_and_idle_timeout(client: TestClient, settings: Settings) -> None:
    set_password(settings, NAME, PASSWORD)
    assert client.get("/admin", follow_redirects=False).headers["location"] == "/admin/masuk"
    token = csrf_of(page(client, "/admin/masuk"))
    wrong = client.post("/admin/masuk", data={"nama": NAME, "sandi": "salah-sekali-123",
                                              "csrf": token})
    assert wrong.status_code == 401 and "Nama atau kata sandi salah" in wrong.text
    no_csrf = client.post("/admin/masuk", data={"nama": NAME, "sandi": PASSWORD})
    assert no_csrf.status_code == 403, "the login form needs its token too"
    resp = client.post("/admin/masuk", data={"nama": NAME, "sandi": PASSWORD,
                                             "csrf": csrf_of(page(client, "/admin/masuk"))},
                       follow_redirects=False)
    assert resp.status_code == 303
    cookie = resp.headers["set-cookie"].lower()
    assert "peken_admin=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    csrf = csrf_of(page(client, "/admin"))
    with time_machine.travel(utcnow() + timedelta(minutes=31), tick=False):
        assert client.get("/admin", follow_redirects=False).status_code == 303, "idle: logged out"
    login(client, settings)
    csrf = csrf_of(page(client, "/admin"))
    out = client.post("/admin/keluar", data={"csrf": csrf}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/admin/masuk"
    assert client.get("/admin", follow_redirects=False).status_code == 303


def test_the_password_is_stored_hashed(client: TestClient, settings: Settings,
                                       web_app: object) -> None:
    set_password(settings, NAME, PASSWORD)
    from sqlalchemy import select

    from server.models import AdminToken
    with client.app.state.db.read_sessions() as session:  # type: ignore[attr-defined]
        stored = session.scalar(select(AdminToken.password_hash).where(AdminToken.name == NAME))
    assert stored is not None and stored.startswith("scrypt$") and PASSWORD not in stored


def test_csrf_less_console_posts_are_refused(client: TestClient, admin: str,
                                             settings: Settings) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    product = sri.publish(client, "Minyak Goreng 1L", 18000)
    login(client, settings)
    device = client.get(f"/api/v1/admin/sellers/{sri.id}/devices", headers=auth(admin)).json()[0]
    posts = {
        "/admin/penjual/baru": {"toko": "Toko Baru", "pemilik": "Bu Ana", "nik": new_nik(),
                                "bank": "BRI", "nomor": "1234567", "atas_nama": "Ana"},
        f"/admin/penjual/{sri.id}/rekening": {"bank0": "BNI", "nomor0": "99999", "nama0": "X"},
        f"/admin/penjual/{sri.id}/bekukan": {},
        f"/admin/penjual/{sri.id}/aktifkan": {},
        f"/admin/penjual/{sri.id}/kode": {},
        f"/admin/perangkat/{device['id']}/cabut": {},
        f"/admin/produk/{product}/sembunyikan": {"alasan": "Foto tidak sesuai"},
        f"/admin/produk/{product}/tampilkan": {},
        "/admin/keluar": {},
    }
    for url, data in posts.items():
        for csrf in ("", "bukan-token-yang-benar"):
            resp = client.post(url, data={**data, "csrf": csrf} if csrf else data)
            assert resp.status_code == 403, (url, resp.status_code)
            assert "Formulir ditolak" in resp.text
    assert "Minyak Goreng 1L" in page(client, "/"), "nothing was hidden"
    assert client.get("/api/v1/sync/changes?since=0",
                      headers=auth(sri.token)).status_code == 200, "device not revoked"


def test_register_issue_code_enroll_and_revoke(client: TestClient, settings: Settings) -> None:
    csrf = login(client, settings)
    form = page(client, "/admin/penjual/baru")
    assert 'for="nik"' in form and 'for="nomor"' in form
    bad = client.post("/admin/penjual/baru", data={"csrf": csrf, "toko": "Toko Ana",
                                                   "pemilik": "Bu Ana", "nik": "123",
                                                   "bank": "BRI", "nomor": "1234567",
                                                   "atas_nama": "Ana"})
    assert bad.status_code == 422 and "NIK" in bad.text and 'value="Toko Ana"' in bad.text
    done = client.post("/admin/penjual/baru", data={
        "csrf": csrf, "toko": "Toko Ana", "pemilik": "Bu Ana", "nik": new_nik(), "bank": "BRI",
        "nomor": "1234567", "atas_nama": "Ana"}, follow_redirects=False)
    assert done.status_code == 303
    seller_path = done.headers["location"].split("?")[0]
    assert "Toko Ana" in page(client, seller_path)
    code_page = client.post(seller_path + "/kode", data={"csrf": csrf})
    assert code_page.status_code == 200
    code = re.search(r'id="kode">([A-Z0-9-]{14})<', code_page.text)
    assert code is not None and 'src="data:image/svg+xml;base64,' in code_page.text
    enrolled = client.post("/api/v1/devices/enroll",
                           json={"code": code.group(1), "device_name": "Laptop Ana"})
    assert enrolled.status_code == 201
    token = enrolled.json()["token"]
    html = page(client, seller_path)
    assert "Laptop Ana" in html
    revoke = re.search(r'action="(/admin/perangkat/\d+/cabut)"', html)
    assert revoke is not None
    assert client.post(revoke.group(1), data={"csrf": csrf}).status_code == 200
    assert client.get("/api/v1/sync/changes?since=0", headers=auth(token)).status_code == 401
    saved = client.post(seller_path + "/rekening", data={
        "csrf": csrf, "bank0": "BRI", "nomor0": "1234567", "nama0": "Ana",
        "bank1": "Mandiri", "nomor1": "7654321", "nama1": "Ana Lestari"})
    assert saved.status_code == 200 and 'value="7654321"' in saved.text
    refused = client.post(seller_path + "/rekening", data={"csrf": csrf, "bank0": "BRI",
                                                          "nomor0": "12", "nama0": "Ana"})
    assert refused.status_code == 422 and "5–20 angka" in refused.text
    assert client.post(seller_path + "/bekukan", data={"csrf": csrf}).status_code == 200
    assert "Dibekukan" in page(client, "/admin")
    assert client.post(seller_path + "/aktifkan", data={"csrf": csrf}).status_code == 200
    assert "Dibekukan" not in page(client, "/admin")


def test_hiding_a_listing_reaches_buyers_and_the_shop(client: TestClient, admin: str,
                                                     settings: Settings) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    product = sri.publish(client, "Minyak Goreng 1L", 18000)
    csrf = login(client, settings)
    hidden = client.post(f"/admin/produk/{product}/sembunyikan",
                         data={"csrf": csrf, "alasan": "Foto tidak sesuai produk"})
    assert hidden.status_code == 200 and "Disembunyikan" in hidden.text
    assert "Minyak Goreng" not in page(client, "/")
    page(client, f"/produk/{product}", 404)
    assert client.get("/api/v1/catalog?q=minyak").json()["items"] == []
    add_resp = client.post("/api/v1/orders", json={
        "seller_id": sri.id, "buyer_name": "Bu Rina", "phone": "081234567890",
        "pay_method": "transfer", "lines": [{"listing_id": product, "qty": "1"}]})
    assert add_resp.status_code == 404, "a hidden listing cannot be ordered"
    told = [c for c in changes(client, sri.token)["changes"] if c["kind"] == "listing.moderation"]
    assert told[-1]["payload"] == {"product_uuid": product, "hidden": True,
                                   "reason": "Foto tidak sesuai produk"}
    short = client.post(f"/admin/produk/{product}/tampilkan", data={"csrf": csrf})
    assert short.status_code == 200 and "Minyak Goreng" in page(client, "/")
    told = [c for c in changes(client, sri.token)["changes"] if c["kind"] == "listing.moderation"]
    assert told[-1]["payload"]["hidden"] is False
    too_short = client.post(f"/admin/produk/{product}/sembunyikan",
                            data={"csrf": csrf, "alasan": "x"})
    assert too_short.status_code == 422


def test_orders_turnover_and_asn_report(client: TestClient, admin: str,
                                        settings: Settings) -> None:
    sri = make_seller(client, admin, "Toko Sri")
    add(client, sri.publish(client, "Minyak Goreng 1L", 18000), "2")
    placed = client.post("/checkout", data={"nama": "=HYPERLINK(1)", "hp": "081234567890",
                                            "nip": "198503152010011001"})
    order_id = re.search(r'href="/pesanan/([0-9a-f-]{36})/', placed.text)
    assert order_id is not None
    sri.move_order(client, "order.accept", {"order_id": order_id.group(1)})
    sri.move_order(client, "order.confirm_payment", {
        "order_id": order_id.group(1), "amount": 36999, "reference": "TRSF",
        "confirmed_at": utcnow().isoformat()})
    csrf = login(client, settings)
    assert csrf
    orders = page(client, f"/admin/pesanan?penjual={sri.id}&status=paid")
    assert "198503152010011001" in orders and "Rp36.000" in orders and "Dibayar" in orders
    assert "198503152010011001" not in page(client, "/admin/pesanan?status=cancelled")
    turnover = page(client, "/admin/omzet")
    assert "Rp36.000" in turnover and "Toko Sri" in turnover
    report = page(client, "/admin/laporan-asn")
    assert "198503152010011001" in report and "Rp36.000" in report
    got = client.get("/admin/laporan-asn?format=csv")
    assert got.headers["content-type"].startswith("text/csv")
    assert "attachment" in got.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert rows[0][1] == "NIP" and rows[1][1] == "198503152010011001"
    assert rows[1][2] == "'=HYPERLINK(1)", "a formula-looking name is quoted"
    assert rows[1][5] == "36000"
    xlsx = client.get("/admin/laporan-asn?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    assert [c.value for c in sheet[2]][1:] == ["198503152010011001", "'=HYPERLINK(1)", 1, 1,
                                               36000]
    assert rows[1][0] == page(client, "/admin/laporan-asn").split("belanja ASN ")[1][:7]


def test_console_pages_are_labelled(client: TestClient, admin: str, settings: Settings) -> None:
    from tests.web.test_a11y import assert_accessible

    sri = make_seller(client, admin, "Toko Sri")
    sri.publish(client, "Minyak Goreng 1L", 18000)
    assert_accessible(page(client, "/admin/masuk"), "/admin/masuk")
    csrf = login(client, settings)
    for url in ("/admin", "/admin/penjual/baru", f"/admin/penjual/{sri.id}", "/admin/pesanan",
                "/admin/omzet", "/admin/laporan-asn"):
        assert_accessible(page(client, url), url)
    code = client.post(f"/admin/penjual/{sri.id}/kode", data={"csrf": csrf})
    assert_accessible(code.text, "kode")


def test_wrong_logins_are_rate_limited(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/c.sqlite3",
                        rate_auth_failures_per_ip=2)
    app = create_app(settings)
    with TestClient(app) as client:
        set_password(settings, NAME, PASSWORD)
        for _ in range(2):
            token = csrf_of(page(client, "/admin/masuk"))
            wrong = client.post("/admin/masuk", data={"nama": NAME, "sandi": "salah-salah-1",
                                                      "csrf": token})
            assert wrong.status_code == 401
        token = csrf_of(page(client, "/admin/masuk"))
        limited = client.post("/admin/masuk", data={"nama": NAME, "sandi": PASSWORD,
                                                    "csrf": token})
        assert limited.status_code == 429 and "Terlalu banyak" in limited.text
        assert int(limited.headers["retry-after"]) > 0
    app.state.db.dispose()
