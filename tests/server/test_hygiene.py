"""Hygiene: no personal data in logged errors, private files, API docs for admins only,
``nosniff`` / ``no-store`` headers, 413 for any oversized body (also chunked)."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from server.admin import create_admin
from server.app import create_app
from server.config import Settings
from server.db import Database
from tests.server.conftest import NO_ABUSE_LIMITS
from tests.server.helpers import auth, enroll, make_shop, place_order, register_seller, stocked_listing


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_files_are_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = Settings(data_dir=data)
    admin = create_admin(settings)  # migrates and writes: the WAL file exists now
    db = Database(settings)
    with db.write_sessions() as session, session.begin():
        session.execute(text("SELECT 1"))
        assert _mode(data) == 0o700
        files = sorted(p.name for p in data.iterdir())
        assert "catalog.sqlite3" in files
        assert all(_mode(data / name) == 0o600 for name in files), {
            name: oct(_mode(data / name)) for name in files}
    db.dispose()
    assert admin.startswith("pka_")


def test_failed_statements_do_not_carry_personal_data(tmp_path: Path) -> None:
    db = Database(Settings(data_dir=tmp_path))
    db.migrate()
    with pytest.raises(IntegrityError) as failure, db.write_engine.begin() as conn:
        conn.execute(text("INSERT INTO sellers (shop_name, owner_name, nik) "
                          "VALUES (:shop, :owner, NULL)"),
                     {"shop": "Toko Rahasia", "owner": "Budi Santoso 081234567890"})
    db.dispose()
    assert "Budi Santoso" not in str(failure.value)
    assert "081234567890" not in str(failure.value)


@pytest.fixture
def app_with(tmp_path: Path) -> Iterator[object]:
    """Build apps with settings overrides; disposes them at the end."""
    made: list[TestClient] = []

    def build(**overrides: object) -> tuple[TestClient, str]:
        settings = Settings(data_dir=tmp_path / f"d{len(made)}",
                            **{**NO_ABUSE_LIMITS, "api_docs": "admin", **overrides})  # type: ignore[arg-type]
        client = TestClient(create_app(settings))
        made.append(client)
        return client, create_admin(settings)

    yield build
    for client in made:
        client.app.state.db.dispose()  # type: ignore[attr-defined]


def test_api_docs_are_for_admins_and_have_no_pages(app_with: object) -> None:
    client, admin = app_with()  # type: ignore[operator]
    assert client.get("/openapi.json").status_code == 401
    spec = client.get("/openapi.json", headers=auth(admin))
    assert spec.status_code == 200 and "/api/v1/orders" in spec.json()["paths"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    off, admin_off = app_with(api_docs="off")  # type: ignore[operator]
    assert off.get("/openapi.json", headers=auth(admin_off)).status_code == 404
    public, _ = app_with(api_docs="public")  # type: ignore[operator]
    assert public.get("/openapi.json").status_code == 200


def test_nosniff_everywhere_and_no_store_on_secrets(app_with: object) -> None:
    client, admin = app_with()  # type: ignore[operator]
    shop = make_shop(client, admin, "Toko Rapi")
    product = stocked_listing(client, shop, "5")
    placed = place_order(client, shop.id, product)
    code = client.post(f"/api/v1/admin/sellers/{shop.id}/enrollment-codes", headers=auth(admin))
    enrolled = client.post("/api/v1/devices/enroll",
                           json={"code": code.json()["code"], "device_name": "Kasir 2"})
    seen = client.get(f"/api/v1/orders/{placed.json()['order_id']}",
                      headers={"X-Buyer-Secret": placed.json()["buyer_secret"]})
    secret_bearing = [placed, code, enrolled, seen,
                      client.get("/api/v1/admin/sellers", headers=auth(admin))]
    for resp in secret_bearing:
        assert resp.status_code < 300, resp.text
        assert resp.headers["cache-control"] == "no-store", resp.request.url
    catalog = client.get("/api/v1/catalog")
    assert "no-store" not in catalog.headers.get("cache-control", "")
    for resp in [*secret_bearing, catalog, client.get("/api/v1/health"),
                 client.get("/api/v1/nope"), client.get("/")]:
        assert resp.headers["x-content-type-options"] == "nosniff", resp.request.url


def test_oversized_chunked_body_is_413(app_with: object) -> None:
    client, admin = app_with(max_body_bytes=2000)  # type: ignore[operator]
    seller = register_seller(client, admin, "Toko Besar")
    _device, token = enroll(client, admin, seller["id"])

    def chunks(total: int) -> Iterator[bytes]:
        yield b'{"ops": ['
        for _ in range(total // 100):
            yield b" " * 100
        yield b"]}"

    headers = {**auth(token), "content-type": "application/json"}
    big = client.post("/api/v1/sync/push", content=chunks(5000), headers=headers)
    assert "content-length" not in big.request.headers  # really chunked
    assert big.status_code == 413, big.text
    assert big.json()["code"] == "payload_too_large"
    small = client.post("/api/v1/sync/push", content=chunks(500), headers=headers)
    assert small.status_code == 200, small.text


def test_a_crash_is_logged_once_without_personal_data(
    app_with: object, caplog: pytest.LogCaptureFixture
) -> None:
    client, _admin = app_with()  # type: ignore[operator]
    name, phone, email, nik = "Budi Santoso", "081234567890", "budi@contoh.id", "3578012345678901"

    def explode() -> None:
        raise ValueError(f"pesanan {name!r} {phone} {email} NIK {nik}")

    client.app.add_api_route("/api/v1/meledak", explode)
    with caplog.at_level(logging.DEBUG):
        resp = client.get("/api/v1/meledak")  # a crash that escaped would raise here
    assert resp.status_code == 500 and resp.json()["code"] == "internal_error"
    assert resp.headers["x-content-type-options"] == "nosniff"
    crashes = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(crashes) == 1, [r.getMessage() for r in crashes]
    logged = crashes[0].getMessage() + (crashes[0].exc_text or "")
    assert "ValueError" in logged and "explode" in logged  # still useful to a developer
    for secret in (name, phone, email, nik):
        assert secret not in logged
