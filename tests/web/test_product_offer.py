"""The product page shows a listing's packs, wholesale tiers and its variants' picker."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.server.helpers import op, push
from tests.web.conftest import make_seller
from tests.web.offer_kit import offer_edit, publish_offers


def _pusher(client: TestClient, token: str) -> Any:
    seq = [0]

    def run(kind: str, payload: dict[str, Any]) -> None:
        seq[0] += 1
        [result] = push(client, token, [op(kind, payload, seq[0])])
        assert result["status"] == "acknowledged", result

    return run


def _text(html: str) -> str:
    inline = re.sub(r"</?(bdi|strong|small)>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline).split())


def test_packs_tiers_and_variants_on_the_product_page(client: TestClient, admin: str) -> None:
    seller = make_seller(client, admin, "Toko Batik Sri")
    ids = publish_offers(_pusher(client, seller.token))
    page = _text(client.get(f"/produk/{ids['mie']}").text)
    assert "per dus (40 pcs) Rp150.000" in page
    assert "≥12 pcs Rp3.300" in page and "≥48 pcs Rp3.200" in page
    parent = client.get(f"/produk/{ids['parent']}").text
    assert f'href="/produk/{ids["m"]}"' in parent and f'href="/produk/{ids["l"]}"' in parent
    text = _text(parent)
    assert "Pilih varian (Ukuran / Warna)" in text and "L / Merah · Rp155.000" in text
    assert "M / Merah · Rp150.000 · habis" in text and "Stok habis" not in text
    variant = client.get(f"/produk/{ids['l']}").text
    assert 'aria-current="page"' in variant and "Tambah ke keranjang" in variant


def test_a_bad_offer_is_refused_and_a_plain_listing_shows_none(client: TestClient, admin: str) -> None:
    seller = make_seller(client, admin, "Toko Sri")
    run = _pusher(client, seller.token)
    ids = publish_offers(run)
    bad = offer_edit(ids["mie"], {"packs": [{"name": "dus", "factor": "-1", "price": 0}]})
    [result] = push(client, seller.token, [op("product.edit", bad, 99)])
    assert result["status"] == "rejected"
    page = _text(client.get(f"/produk/{ids['mie']}").text)
    assert "per dus (40 pcs) Rp150.000" in page  # the good offer stays
