"""The server's rate limits hold on the storefront too: placing orders per client, and wrong
order links per client; a limited buyer gets the 429 page with Retry-After."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.admin import create_admin
from server.app import create_app
from server.config import Settings
from tests.web.test_pages import add, shops


@pytest.fixture
def strict(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    """An app allowing one order and three wrong order links per client and window."""
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/c.sqlite3",
                        rate_orders_per_ip=1, rate_secret_failures_per_ip=3)
    app = create_app(settings)
    with TestClient(app) as client:
        yield client, create_admin(settings, "uji")
    app.state.db.dispose()


def test_ordering_is_rate_limited(strict: tuple[TestClient, str]) -> None:
    client, admin = strict
    _, _, products = shops(client, admin)
    add(client, products["minyak"])
    add(client, products["telur"])
    done = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890"})
    assert done.status_code == 200
    assert done.text.count("Bayar ke penjual ini") == 1, "the second seller's order is refused"
    assert "Belum dipesan" in done.text and "Terlalu banyak percobaan" in done.text
    again = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890"})
    assert again.status_code == 429 and "Terlalu banyak permintaan" in again.text
    assert int(again.headers["retry-after"]) > 0
    assert again.headers["content-type"].startswith("text/html")


def test_guessing_order_links_is_rate_limited(strict: tuple[TestClient, str]) -> None:
    client, admin = strict
    _, _, products = shops(client, admin)
    add(client, products["minyak"])
    done = client.post("/checkout", data={"nama": "Bu Rina", "hp": "081234567890"})
    link = re.search(r'href="(/pesanan/[^"]+)/bayar"', done.text)
    assert link is not None
    order_id = link.group(1).split("/")[2]
    assert client.get(link.group(1)).status_code == 200
    for _ in range(3):
        assert client.get(f"/pesanan/{order_id}/{'x' * 43}").status_code == 404
    guessed = client.get(f"/pesanan/{order_id}/{'y' * 43}")
    assert guessed.status_code == 429 and "Retry-After" in guessed.headers
    assert client.post(f"/pesanan/{order_id}/{'y' * 43}/batal").status_code == 429
    assert client.get(link.group(1)).status_code == 429, "this client waits, even with the link"


def test_storefront_orders_count_against_the_per_address_cap(tmp_path: Path) -> None:
    """Made-up phone numbers from one phone's browser: the address cap holds on the storefront
    as on the API (the checkout passes the client's address to the placement)."""
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/c.sqlite3",
                        max_open_orders_per_ip=2, max_open_orders_per_phone=0)
    app = create_app(settings)
    with TestClient(app) as client:
        _, _, products = shops(client, create_admin(settings, "uji"))
        pages = []
        for i in range(3):
            add(client, products["minyak"])
            pages.append(client.post("/checkout", data={"nama": "Pembeli", "hp": f"0813000000{i:02d}"}))
    app.state.db.dispose()
    assert [p.text.count("Bayar ke penjual ini") for p in pages] == [1, 1, 0]
    assert "Belum dipesan" in pages[2].text
