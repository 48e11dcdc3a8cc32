"""The storefront and console against real desktop-app databases through real sync (the server
as ``python -m server`` on loopback): the shop profile saved in the app reaches the seller page,
a delivery order and the buyer's "Saya sudah transfer" reach the app's order note, and the city
hiding a listing reaches the app with its reason."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app import shop
from app.db import Database, open_database
from app.sync import device
from app.sync import profile as peken_profile
from app.sync.engine import SyncEngine
from models import Order
from tests.integration.sync.peken_kit import (
    ROOT,
    ServerProcess,
    add_products,
    issue_code,
    register_seller,
)

PASSWORD = "rahasia-kota-123"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """The catalog server with an admin token and a console password."""
    proc = ServerProcess(tmp_path_factory.mktemp("catalog"))
    proc.start()
    yield proc
    proc.stop()


def set_password(server: ServerProcess, name: str = "kota") -> None:
    """``python -m server set-password`` with the password on stdin."""
    subprocess.run([sys.executable, "-m", "server", "set-password", "--name", name,
                    "--data-dir", str(server.data_dir)], cwd=ROOT, input=PASSWORD + "\n",
                   text=True, check=True, capture_output=True)


@pytest.fixture
def shop_db(tmp_path: Path) -> Iterator[Database]:
    """A real shop file."""
    db = open_database(tmp_path / "toko.sqlite")
    yield db
    db.close()


def console_login(url: str) -> tuple[httpx.Client, str]:
    """An HTTP client logged in to the console; the CSRF token."""
    client = httpx.Client(base_url=url, follow_redirects=True)
    form = client.get("/admin/masuk").text
    token = re.search(r'name="csrf" value="([^"]+)"', form)
    assert token is not None
    page = client.post("/admin/masuk", data={"nama": "kota", "sandi": PASSWORD,
                                             "csrf": token.group(1)})
    assert page.status_code == 200 and "Daftarkan penjual" in page.text, page.text[:500]
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf is not None
    return client, csrf.group(1)


def test_profile_orders_and_moderation_reach_the_app(
        server: ServerProcess, shop_db: Database) -> None:
    admin = server.create_admin()
    set_password(server)
    with shop_db.unit_of_work() as session:
        first = shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
        second = shop.add_bank_account(session, "BRI", "002301234567", "Siti A")
        assert first != second
    uuids = add_products(shop_db, 2, stock=10)
    seller = register_seller(server.url, admin, "Toko Siti")
    device.enroll(shop_db, server.url, issue_code(server.url, admin, seller), "Kasir 1")
    with shop_db.unit_of_work() as session:
        assert peken_profile.save_shop_profile(session, "Tambaksari", "08.00–16.00", second)
    engine = SyncEngine(shop_db)
    assert engine.run_round().rejected == 0
    buyer = httpx.Client(base_url=server.url, follow_redirects=True)
    seller_page = buyer.get(f"/penjual/{seller}").text
    assert "Tambaksari" in seller_page and "08.00–16.00" in seller_page
    buyer.post("/keranjang", data={"listing_id": uuids[0], "qty": "2"})
    placed = buyer.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890",
                                           "nip": "198503152010011001", "kirim": "antar",
                                           "alamat": "Jl. Kenjeran 12", "catatan": "Pagar hijau"})
    link = re.search(r'href="(/pesanan/[0-9a-f-]{36}/[A-Za-z0-9_-]+)/bayar"', placed.text)
    assert link is not None
    assert "002301234567" in buyer.get(link.group(1) + "/bayar").text, "the chosen account"
    assert buyer.post(link.group(1) + "/sudah-transfer").status_code == 200
    console, csrf = console_login(server.url)
    hidden = console.post(f"/admin/produk/{uuids[1]}/sembunyikan",
                          data={"csrf": csrf, "alasan": "Foto tidak sesuai produk"})
    assert hidden.status_code == 200
    assert engine.run_round().rejected == 0
    order_id = link.group(1).split("/")[2]
    with shop_db.read() as session:
        order = session.scalars(select(Order).where(Order.remote_id == order_id)).one()
        assert order.note.splitlines()[:3] == ["198503152010011001", "Diantar ke: Jl. Kenjeran 12",
                                               "Catatan pembeli: Pagar hijau"]
        assert "Pembeli menyatakan sudah transfer" in order.note
        hidden_here = peken_profile.hidden_listings(session)
    assert [(h.product_uuid, h.reason) for h in hidden_here] == [
        (uuids[1], "Foto tidak sesuai produk")]


def test_profile_is_queued_only_when_it_changed(shop_db: Database) -> None:
    with shop_db.unit_of_work() as session:
        assert peken_profile.save_shop_profile(session, "Genteng", "", 0)
        assert not peken_profile.save_shop_profile(session, " Genteng ", "", 0)
        assert peken_profile.save_shop_profile(session, "Genteng", "Pagi", 0)


