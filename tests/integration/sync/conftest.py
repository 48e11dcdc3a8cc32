"""Fixtures of the sync integration tests: one real catalog server process per module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.db import Database
from app.sync import device
from tests.integration.sync.peken_kit import ServerProcess, issue_code, register_seller
from tests.shop_template import new_shop


@dataclass
class Catalog:
    """The running server and an admin token."""

    server: ServerProcess
    admin: str

    @property
    def url(self) -> str:
        """Base URL."""
        return self.server.url

    def new_seller(self, name: str = "Toko Berkah Jaya") -> int:
        """Register a seller (each test gets its own shop on the server)."""
        return register_seller(self.url, self.admin, name)

    def enroll(self, db: Database, seller_id: int, name: str = "Kasir 1") -> None:
        """Enroll a shop file as a device of the seller."""
        device.enroll(db, self.url, issue_code(self.url, self.admin, seller_id), name)


@pytest.fixture(scope="module")
def catalog_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    """``python -m server`` on a free loopback port with a fresh data dir."""
    server = ServerProcess(tmp_path_factory.mktemp("catalog"))
    token = server.create_admin()
    server.start()
    try:
        yield Catalog(server, token)
    finally:
        server.stop()


@pytest.fixture
def shop_factory(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    """Opens new shop files in tmp_path by name (copies of the migrated template); closes them."""
    opened: list[Database] = []

    def make(name: str) -> Database:
        db = new_shop(tmp_path / f"{name}.sqlite")
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()
