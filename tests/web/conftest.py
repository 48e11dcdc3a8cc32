"""Fixtures of the storefront tests: the real app on a SQLite file, sellers and listings
published through the real admin and sync APIs (as the desktop sync client does)."""

from __future__ import annotations

import base64
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image

from server.admin import create_admin
from server.app import create_app
from server.config import Settings
from tests.server.conftest import copy_sqlite, fresh_pg_database, pg_template, sqlite_template
from tests.server.helpers import auth, enroll, op, push, register_seller


def jpeg_photo(color: tuple[int, int, int] = (200, 120, 40)) -> str:
    """A small JPEG as base64 (a listing photo)."""
    buffer = io.BytesIO()
    Image.new("RGB", (160, 160), color).save(buffer, "JPEG", quality=70)
    return base64.b64encode(buffer.getvalue()).decode()


@dataclass
class Seller:
    """A registered seller with one enrolled device."""

    id: int
    token: str
    name: str
    seq: int = 0

    def publish(self, client: TestClient, name: str, price: int, stock: str = "10",
                unit: str = "pcs", category: str = "sembako", photo: str | None = None) -> str:
        """Publish a product with ``stock`` on hand through the sync API; its UUID."""
        product = str(uuid.uuid4())
        payload = {"product_uuid": product, "sku": f"SKU-{self.seq}", "name": name,
                   "price": price, "unit": unit, "category": category, "published": True}
        if photo:
            payload["photo"] = photo
        ops = [op("listing.upsert", payload, self.seq + 1)]
        if stock != "0":
            ops.append(op("stock.movement", {
                "movement_uuid": str(uuid.uuid4()), "product_uuid": product, "qty": stock,
                "kind": "receive", "created_at": "2026-11-28T08:00:00+07:00"}, self.seq + 2))
        self.seq += 2
        results = push(client, self.token, ops)
        assert all(r["status"] == "acknowledged" for r in results), results
        return product

    def move_order(self, client: TestClient, kind: str, payload: dict[str, object]) -> None:
        """Push an order op (accept, confirm_payment, ...) as the shop's device."""
        self.seq += 1
        results = push(client, self.token, [op(kind, payload, self.seq)])
        assert results[0]["status"] == "acknowledged", results


def make_seller(client: TestClient, admin: str, name: str, qris: bool = False) -> Seller:
    """Register a seller (one BCA account, optional QRIS) and enroll a device."""
    data = register_seller(client, admin, name, qris=qris)
    _, token = enroll(client, admin, data["id"])
    return Seller(id=int(data["id"]), token=token, name=name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh migrated database: a SQLite file, or (with ``PEKEN_TEST_PG_URL``) a new PostgreSQL
    one; both copies of a template migrated once (``create_app`` finds them at the head)."""
    if request.param == "sqlite":
        target = tmp_path / "catalog.sqlite3"
        yield f"sqlite:///{copy_sqlite(request.getfixturevalue('sqlite_template'), target)}"
        return
    with fresh_pg_database("peken_web", template=request.getfixturevalue("pg_template")) as url:
        yield url


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings on the test's fresh database."""
    return Settings(data_dir=tmp_path, database_url=database_url)


@pytest.fixture
def web_app(settings: Settings) -> Iterator[FastAPI]:
    """The whole server app (API and storefront), migrated."""
    app = create_app(settings)
    yield app
    app.state.db.dispose()


@pytest.fixture
def client(web_app: FastAPI) -> Iterator[TestClient]:
    """An in-process client that keeps cookies like a browser."""
    with TestClient(web_app) as test_client:
        yield test_client


@pytest.fixture
def admin(web_app: FastAPI, settings: Settings) -> str:
    """A fresh admin token."""
    return create_admin(settings, "uji-web")


__all__ = ["Seller", "auth", "jpeg_photo", "make_seller", "pg_template", "sqlite_template"]
