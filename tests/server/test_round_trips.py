"""What the hot requests cost the database, and the shortcuts that keep it low (issue 14).

Under city load every round trip to PostgreSQL is a wait for a busy core; the device
requests therefore read their token, shop and the client's recent failures in one
statement, reads run without ``BEGIN``/``ROLLBACK``, pooled connections are pinged only
after sitting idle, and a push reads whether any order ran out with the shop's lock.
These tests pin the statement counts and show every shortcut keeps its promise.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event, text

import server.db
from server.admin import create_admin
from server.app import create_app
from server.db import Database
from tests.server.conftest import fresh_pg_database, libpq_url, make_settings
from tests.server.helpers import (
    auth,
    listing_state,
    make_shop,
    movement_op,
    place_order,
    push,
    stocked_listing,
)


@contextmanager
def counted(db: Database) -> Iterator[Counter[str]]:
    """Count the statements sent to the database in the block, by their first word
    (SQLite's own ``BEGIN`` is left out: it is no round trip to another process)."""
    seen: Counter[str] = Counter()

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        word = statement.split(None, 1)[0].upper()
        if word != "BEGIN":
            seen[word] += 1

    engines = {db.write_engine, db.read_engine} if db.is_sqlite else {db.write_engine}
    for engine in engines:
        event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", note)


def test_device_requests_cost_few_statements(client: TestClient, server_app: FastAPI,
                                             admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Hemat")
    product = stocked_listing(client, shop, "5")
    token = shop.tokens[0]
    db: Database = server_app.state.db
    with counted(db) as pull:
        assert client.get("/api/v1/sync/changes?since=0", headers=auth(token)).status_code == 200
    assert sum(pull.values()) == 2  # the device with its guard, then the page
    with counted(db) as search:
        assert client.get("/api/v1/catalog?q=minyak").status_code == 200
    assert sum(search.values()) == 1  # hidden sellers are a subquery of the search
    with counted(db) as pushed:
        push(client, token, [movement_op(product, "1", seq=s) for s in (2, 3, 4)])
    # device; lock + due orders; known ops; listings; movements; 3 UPDATEs; 3 INSERTs
    assert sum(pushed.values()) == 11, pushed
    assert pushed["UPDATE"] == 3 and pushed["INSERT"] == 3


def test_push_still_expires_orders_that_ran_out(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path, order_expiry_minutes=0)
    app = create_app(settings)
    with TestClient(app) as client:
        admin = create_admin(settings)
        shop = make_shop(client, admin, "Toko Kedaluwarsa")
        product = stocked_listing(client, shop, "2")
        other = stocked_listing(client, shop, "1", name="Gula")
        placed = place_order(client, shop.id, product, "2").json()
        assert listing_state(client, shop.tokens[0], product)["reserved"] == "2.000"
        with counted(app.state.db) as quiet:
            push(client, shop.tokens[0], [movement_op(other, "1", seq=9)])
        assert listing_state(client, shop.tokens[0], product)["reserved"] == "0.000"
        view = client.get(f"/api/v1/orders/{placed['order_id']}",
                          headers={"X-Buyer-Secret": placed["buyer_secret"]}).json()
        assert view["status"] == "expired"
        with counted(app.state.db) as idle:
            push(client, shop.tokens[0], [movement_op(other, "1", seq=10)])
        assert idle["SELECT"] == 5  # nothing due: no query for orders
        assert quiet["SELECT"] > idle["SELECT"]  # the due order was read and moved
    app.state.db.dispose()


def test_a_throttled_client_is_refused_even_with_a_good_device_token(
        database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path, rate_auth_failures_per_ip=3)
    app = create_app(settings)
    with TestClient(app) as client:
        shop = make_shop(client, create_admin(settings), "Toko Dijaga")
        good = shop.tokens[0]
        assert client.get("/api/v1/sync/changes", headers=auth(good)).status_code == 200
        codes = [client.get("/api/v1/sync/changes", headers=auth(f"pkd_{i}")).status_code
                 for i in range(4)]
        assert codes == [401, 401, 401, 429]
        refused = client.get("/api/v1/sync/changes", headers=auth(good))
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
        assert client.get("/api/v1/sync/changes").status_code == 429  # no token at all
    app.state.db.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database (skips without one)."""
    with fresh_pg_database("peken_ping") as url:
        yield url


def _kill_other_backends(url: str) -> None:
    """Terminate every connection to the database of ``url`` (a restart, as the pool sees it)."""
    name = url.rpartition("/")[2]
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))


def test_postgres_reads_run_without_a_transaction(pg_url: str, tmp_path: Path) -> None:
    db = Database(make_settings(pg_url, tmp_path))
    with db.read_sessions() as session:
        session.execute(text("SELECT 1"))
        raw = session.connection().connection.driver_connection
        assert raw is not None
        assert raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE  # no BEGIN
    with db.read_sessions() as session:  # a snapshot asks for one and still gets it
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        assert session.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"
    with db.write_sessions() as session, session.begin():
        assert session.execute(text("SHOW transaction_isolation")).scalar() == "read committed"
    db.dispose()


@pytest.mark.parametrize("idle_ping_s", [0.0, 3600.0])
def test_a_connection_lost_while_idle(pg_url: str, tmp_path: Path, idle_ping_s: float,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Idle long enough: pinged and replaced unseen. Not yet idle long enough: the request
    that meets the dead connection is a 503 to retry, and the next one works."""
    monkeypatch.setattr(server.db, "IDLE_PING_S", idle_ping_s)
    app = create_app(make_settings(pg_url, tmp_path))
    with TestClient(app) as client:
        assert client.get("/api/v1/catalog").status_code == 200
        _kill_other_backends(pg_url)
        first = client.get("/api/v1/catalog")
        if idle_ping_s == 0.0:
            assert first.status_code == 200
        else:
            assert first.status_code == 503 and first.headers["retry-after"]
            assert first.json()["code"] == "server_busy"
        assert client.get("/api/v1/catalog").status_code == 200
    app.state.db.dispose()


def test_movements_pushed_are_on_hand_once(client: TestClient, admin_token: str) -> None:
    """The device's last seq is raised by a bare UPDATE: a replayed batch changes nothing."""
    shop = make_shop(client, admin_token, "Toko Sekali")
    product = stocked_listing(client, shop, "0")
    batch = [movement_op(product, "2", str(uuid.uuid4()), seq=s) for s in (7, 8)]
    assert [r["status"] for r in push(client, shop.tokens[0], batch)] == ["acknowledged"] * 2
    assert [r["replayed"] for r in push(client, shop.tokens[0], batch)] == [True, True]
    assert listing_state(client, shop.tokens[0], product)["on_hand"] == "4.000"
