"""Listing photos reach phones scaled down, cached, and only while the listing is visible."""

from __future__ import annotations

import base64
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import update

from server.models import Listing
from tests.server.helpers import auth
from tests.web.conftest import make_seller


def big_photo() -> str:
    """A 1200×900 PNG with detail (so it does not compress to nothing), as base64."""
    image = Image.effect_noise((1200, 900), 20).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=60)
    return base64.b64encode(out.getvalue()).decode()


def test_photos_are_scaled_cached_and_hidden_with_the_listing(
        client: TestClient, admin: str, web_app: FastAPI) -> None:
    shop = make_seller(client, admin, "Toko Foto")
    original = big_photo()
    product = shop.publish(client, "Keripik Tempe", 9000, photo=original)
    plain = shop.publish(client, "Tanpa Foto", 9000)
    assert f'src="/foto/{product}/kecil"' in client.get("/").text
    assert f'src="/foto/{product}/besar"' in client.get(f"/produk/{product}").text
    sizes = {}
    for size, edge in (("kecil", 192), ("besar", 720)):
        resp = client.get(f"/foto/{product}/{size}")
        assert resp.status_code == 200 and resp.headers["content-type"] == "image/jpeg"
        with Image.open(io.BytesIO(resp.content)) as image:
            assert max(image.size) == edge and image.size[0] > image.size[1]
        sizes[size] = len(resp.content)
        again = client.get(f"/foto/{product}/{size}", headers={"If-None-Match": resp.headers["etag"]})
        assert again.status_code == 304 and not again.content
    assert sizes["kecil"] < len(base64.b64decode(original)) / 10
    assert client.get(f"/foto/{plain}/kecil").status_code == 404
    with web_app.state.db.write_sessions() as session, session.begin():
        session.execute(update(Listing).where(Listing.uuid == plain).values(photo=b"\xff\xd8rusak"))
    broken = client.get(f"/foto/{plain}/kecil")
    assert broken.status_code == 404 and broken.headers["content-type"].startswith("text/html")
    client.post(f"/api/v1/admin/sellers/{shop.id}/suspend", headers=auth(admin))
    assert client.get(f"/foto/{product}/kecil").status_code == 404
    assert client.get(f"/foto/{product}/sedang").status_code == 404
