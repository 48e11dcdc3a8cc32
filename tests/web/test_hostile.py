"""Seller-provided text renders inert on every page; errors are friendly pages, never JSON or
a stack trace (404, 413, 422, 429, 500, 503)."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from starlette.types import Receive, Scope, Send

from server.limits import send_busy
from server.models import BankAccount, Listing, Seller
from server.web import queries
from server.web.errors import HtmlErrorPages
from tests.web.conftest import make_seller
from tests.web.test_pages import MAX_PAGE, add, page

SCRIPT = "<script>alert(1)</script>"
RTL = "\u202e"
HOSTILE_SHOP = f'{SCRIPT}"\'{RTL}Toko Jahat'
HOSTILE_NAME = f'<img src=x onerror=alert(2)>"\'{RTL}gnoreG'
LONG = "Kerupuk " + "<b>x</b>" * 1250  # 10 kB


def assert_inert(html: str) -> None:
    """No hostile markup got through; every RTL override sits inside a <bdi>."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>x</b>" not in html
    assert "onerror=alert(2)>" not in html.replace("onerror=alert(2)&gt;", "")
    for match in re.finditer(RTL, html):
        opened = html.rfind("<bdi>", 0, match.start())
        closed = html.rfind("</bdi>", 0, match.start())
        assert opened > closed, html[max(0, match.start() - 200):match.start() + 50]


def test_hostile_seller_text_is_inert_everywhere(client: TestClient, admin: str,
                                                 web_app: FastAPI) -> None:
    shop = make_seller(client, admin, "Toko Jahat", qris=True)
    evil = shop.publish(client, "Goreng", 15000, unit="<u>kg", category='"><script>x')
    long = shop.publish(client, "Kerupuk", 5000)
    # The API now refuses bidi controls in new text, and names are at most 200 characters;
    # rows written before (or by an older server) may still hold them: write them directly.
    with web_app.state.db.write_sessions() as session, session.begin():
        long_name = LONG if web_app.state.db.is_sqlite else LONG[:200]  # PostgreSQL: varchar(200)
        session.execute(update(Listing).where(Listing.uuid == long).values(name=long_name))
        session.execute(update(Listing).where(Listing.uuid == evil).values(name=HOSTILE_NAME))
        session.execute(update(Seller).where(Seller.id == shop.id).values(
            shop_name=HOSTILE_SHOP, owner_name=HOSTILE_NAME))
        session.execute(update(BankAccount).where(BankAccount.seller_id == shop.id).values(
            holder=HOSTILE_SHOP))
    add(client, evil, "2")
    add(client, long)
    urls = ["/", "/?q=gnoreG", "/?stok=0", f"/produk/{evil}", f"/produk/{long}",
            f"/penjual/{shop.id}", "/keranjang", "/checkout",
            "/?kategori=" + '"><script>x']
    for url in urls:
        html = page(client, url)
        assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page(client, f"/penjual/{shop.id}")
    assert "&lt;img src=x onerror=alert(2)&gt;" in page(client, f"/produk/{evil}")
    placed = client.post("/checkout", data={"nama": SCRIPT, "hp": "081234567890",
                                            "bayar": "transfer"})
    assert placed.status_code == 200 and len(placed.content) < MAX_PAGE
    assert_inert(placed.text)
    link = re.search(r'href="(/pesanan/[^"]+)/bayar"', placed.text)
    assert link is not None
    for url in (link.group(1), link.group(1) + "/bayar", link.group(1) + "/bagian-status",
                "/pesanan-saya"):
        assert_inert(page(client, url))


def test_bad_input_gives_pages_not_json(client: TestClient) -> None:
    big = client.post("/keranjang", content=b"x" * (3 * 1024 * 1024),
                      headers={"content-type": "application/x-www-form-urlencoded"})
    assert big.status_code == 413 and "Isian terlalu besar" in big.text
    nul = client.get("/?q=%00")
    assert nul.status_code == 400 and nul.headers["content-type"].startswith("text/html")
    wrong_method = client.delete("/keranjang")
    assert wrong_method.status_code == 405 and "<html" in wrong_method.text


def test_a_crash_is_a_friendly_500(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("rahasia internal: SELECT * FROM sellers")

    monkeypatch.setattr(queries, "categories", broken)
    resp = client.get("/")
    assert resp.status_code == 500
    assert "Terjadi kesalahan" in resp.text
    assert "rahasia internal" not in resp.text and "Traceback" not in resp.text
    assert resp.headers["content-security-policy"]


def _app_answering(status: int) -> HtmlErrorPages:
    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        if status == 503:
            await send_busy(send, 7)  # the load shedder's own answer
            return
        body = b'{"code": "rate_limited", "message": "Terlalu banyak permintaan."}'
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"retry-after", b"30")]})
        await send({"type": "http.response.body", "body": body})

    return HtmlErrorPages(inner)


@pytest.mark.parametrize(("status", "text", "retry"), [
    (429, "Terlalu banyak permintaan", "30"), (503, "Server sedang sibuk", "7")])
def test_rate_limit_and_busy_pages(status: int, text: str, retry: str) -> None:
    plain = TestClient(_app_answering(status))  # no lifespan: a bare ASGI app
    resp = plain.get("/produk/x")
    assert resp.status_code == status and text in resp.text
    assert resp.headers["retry-after"] == retry and f"dalam {retry} detik" in resp.text
    assert resp.headers["content-type"].startswith("text/html")
    api = plain.get("/api/v1/catalog")
    assert api.status_code == status and api.headers["content-type"] == "application/json"
