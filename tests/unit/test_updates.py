"""The update check: version order (properties), and the real server on loopback answering it.

The server is the real catalog app on uvicorn in a thread; what it announces is its
``app_release`` (the ``PEKEN_APP_*`` environment, set per test here).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

from app import settings, updates
from app.db import Database
from app.sync import state
from app.updates import Release
from server.app import create_app
from server.appinfo.router import AppRelease
from server.config import Settings
from tests.server.test_load import serve
from tests.shop_template import new_shop

NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
parts = st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=4)


def dotted(numbers: list[int]) -> str:
    """``[1, 2, 0]`` → ``"1.2.0"``."""
    return ".".join(str(n) for n in numbers)


def padded(numbers: list[int]) -> tuple[int, ...]:
    """Trailing zeros do not count: 1.2 == 1.2.0."""
    return tuple(numbers) + (0,) * (4 - len(numbers))


@given(parts, parts)
def test_numeric_versions_order_like_padded_tuples(a: list[int], b: list[int]) -> None:
    assert updates.is_newer(dotted(a), dotted(b)) == (padded(a) > padded(b))


@given(st.text(max_size=12), st.text(max_size=12))
def test_never_both_newer_and_never_raises(a: str, b: str) -> None:
    assert not (updates.is_newer(a, b) and updates.is_newer(b, a))
    assert not updates.is_newer(a, a)


@pytest.mark.parametrize(("latest", "current", "newer"), [
    ("0.2.0", "0.1.0", True), ("0.10.0", "0.9.9", True), ("1.0.0", "1.0.0rc1", True),
    ("0.1.0", "0.1.0", False), ("0.1.0", "0.2.0", False), ("1.0.0rc1", "1.0.0", False),
    ("versi-baru", "0.1.0", False), ("0.2.0", "", False),
])
def test_known_orders(latest: str, current: str, newer: bool) -> None:
    assert updates.is_newer(latest, current) is newer


@dataclass
class Catalog:
    """The running server and its app (whose announced release a test sets)."""

    url: str
    app: FastAPI

    def announce(self, version: str = "", notes: str = "", url: str = "https://peken.example/unduh") -> None:
        """What ``PEKEN_APP_*`` would say."""
        self.app.state.app_release = AppRelease(latest_version=version, notes=notes, download_url=url)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    """The catalog server on a free loopback port."""
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("server")))
    with serve(app) as url:
        yield Catalog(url, app)
        app.state.db.dispose()


@pytest.fixture
def db(tmp_path: Path, catalog: Catalog) -> Iterator[Database]:
    """A shop enrolled with the catalog server (only its address matters here)."""
    database = new_shop(tmp_path / "toko.sqlite")
    with database.unit_of_work() as session:
        state.put(session, state.SERVER_URL, catalog.url)
    yield database
    database.close()


def test_the_endpoint_answers_without_auth(catalog: Catalog) -> None:
    catalog.announce("0.2.0", "Cari printer otomatis.")
    response = httpx.get(catalog.url + updates.PATH)
    assert response.status_code == 200
    assert response.json() == {"version": "0.2.0", "notes": "Cari printer otomatis.",
                               "download_url": "https://peken.example/unduh"}
    catalog.announce("")
    assert httpx.get(catalog.url + updates.PATH).status_code == 404
    catalog.announce("0.2.0", url="javascript:alert(1)")
    assert httpx.get(catalog.url + updates.PATH).status_code == 404


def test_a_newer_version_is_reported_once_a_day(catalog: Catalog, db: Database) -> None:
    catalog.announce("0.2.0", "Perbaikan struk.")
    assert updates.check(db, current="0.1.0", now=NOW) == Release(
        "0.2.0", "Perbaikan struk.", "https://peken.example/unduh")
    assert updates.check(db, current="0.1.0", now=NOW + timedelta(hours=23)) is None  # not asked
    assert updates.check(db, current="0.1.0", now=NOW + timedelta(hours=25)) is not None


@pytest.mark.parametrize("announced", ["0.1.0", "0.0.9", ""])
def test_same_older_or_none_announced_gives_nothing(catalog: Catalog, db: Database, announced: str) -> None:
    catalog.announce(announced)
    assert updates.check(db, current="0.1.0", now=NOW) is None
    with db.read() as session:
        assert settings.get(session, updates.CHECKED_KEY) == NOW.isoformat()  # the server answered


def test_a_dismissed_version_is_not_shown_again_but_a_later_one_is(catalog: Catalog, db: Database) -> None:
    catalog.announce("0.2.0")
    updates.dismiss(db, "0.2.0")
    assert updates.check(db, current="0.1.0", now=NOW) is None
    catalog.announce("0.3.0")
    assert updates.check(db, current="0.1.0", now=NOW + timedelta(days=2)) is not None


def test_no_network_no_notice_no_error_and_asks_again(tmp_path: Path) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there
    database = new_shop(tmp_path / "offline.sqlite")
    with database.unit_of_work() as session:
        state.put(session, state.SERVER_URL, f"http://127.0.0.1:{port}")
    try:
        assert updates.check(database, current="0.1.0", now=NOW) is None
        with database.read() as session:
            assert settings.get(session, updates.CHECKED_KEY) == ""  # not counted as the day's check
    finally:
        database.close()


def test_a_shop_without_a_server_asks_nobody(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(updates.SERVER_ENV, raising=False)
    database = new_shop(tmp_path / "lokal.sqlite")
    asked: list[str] = []

    def fetch(url: str) -> None:
        asked.append(url)

    try:
        assert updates.check(database, current="0.1.0", now=NOW, fetch=fetch) is None
        assert asked == []
    finally:
        database.close()


def test_this_program_knows_its_version() -> None:
    version = updates.current_version()
    assert version is not None and not updates.is_newer("0.0.1", version)
