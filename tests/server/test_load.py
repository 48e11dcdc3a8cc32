"""Requests that cannot wedge the server: load shedding, busy database, pool per request.

Real uvicorn on loopback and real SQLite/PostgreSQL; the SQLite write lock is held
from outside (a plain ``sqlite3`` connection in ``BEGIN IMMEDIATE``) to make the
server's writers wait exactly as they do under a storm of writes.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx
import psycopg
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from server.admin import create_admin
from server.app import create_app
from server.config import Settings
from tests.server.conftest import NO_ABUSE_LIMITS, libpq_url, make_settings
from tests.server.helpers import auth, changes, make_shop, movement_op, push, stocked_listing

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def serve(app: FastAPI, *, dispose: bool = True) -> Iterator[str]:
    """``app`` on a real uvicorn bound to a free loopback port; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()
        if dispose:
            app.state.db.dispose()


@contextmanager
def write_lock_held(settings: Settings) -> Iterator[None]:
    """Hold the SQLite write lock from another connection for the duration of the block."""
    path = settings.resolved_database_url().removeprefix("sqlite:///")
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _order(url: str, seller_id: int, product: str, timeout: float = 30) -> httpx.Response:
    return httpx.post(f"{url}/api/v1/orders", timeout=timeout, json={
        "seller_id": seller_id, "buyer_name": "Pembeli", "phone": "081234567890",
        "lines": [{"listing_id": product, "qty": "1"}], "pay_method": "transfer"})


def _seeded_app(tmp_path: Path, **overrides: object) -> tuple[FastAPI, Settings, int, str]:
    """An SQLite app with one shop and a stocked listing; returns (app, settings, shop, product)."""
    settings = Settings(data_dir=tmp_path, **{**NO_ABUSE_LIMITS, **overrides})  # type: ignore[arg-type]
    app = create_app(settings)
    admin = create_admin(settings)
    with TestClient(app) as client:
        shop = make_shop(client, admin, "Toko Sibuk")
        product = stocked_listing(client, shop, "500")
    return app, settings, shop.id, product


def test_overload_is_shed_with_503_and_retry_after(tmp_path: Path) -> None:
    app, settings, shop_id, product = _seeded_app(
        tmp_path, max_concurrent_requests=2, max_queued_requests=1, queue_timeout_s=0.2,
        retry_after_s=7, sqlite_busy_timeout_ms=20_000)
    with serve(app) as url, ThreadPoolExecutor(8) as pool:
        with write_lock_held(settings):
            stuck = [pool.submit(_order, url, shop_id, product) for _ in range(2)]
            time.sleep(0.5)  # both admitted and waiting for the write lock
            started = time.monotonic()
            shed = [_order(url, shop_id, product, timeout=5) for _ in range(3)]
            shed_in = time.monotonic() - started
            health = httpx.get(f"{url}/api/v1/health", timeout=1)
        done = [f.result(timeout=20) for f in stuck]
    assert [r.status_code for r in shed] == [503, 503, 503]
    assert all(r.headers["retry-after"] == "7" for r in shed)
    assert shed[0].json()["code"] == "server_busy"
    assert shed_in < 2.5  # answered at once (queue timeout), not after the lock is gone
    assert health.status_code == 200
    assert [r.status_code for r in done] == [201, 201]


def test_locked_database_answers_503_not_500(tmp_path: Path) -> None:
    app, settings, shop_id, product = _seeded_app(tmp_path, sqlite_busy_timeout_ms=300)
    with serve(app) as url:
        with write_lock_held(settings):
            resp = _order(url, shop_id, product)
        after = _order(url, shop_id, product)
    assert resp.status_code == 503, resp.text
    assert resp.json()["code"] == "server_busy"
    assert int(resp.headers["retry-after"]) >= 1
    assert after.status_code == 201, after.text


def test_burst_of_buyers_never_gets_500_and_health_stays_fast(tmp_path: Path) -> None:
    app, _settings, shop_id, product = _seeded_app(
        tmp_path, max_concurrent_requests=3, max_queued_requests=4, queue_timeout_s=0.5)
    with serve(app) as url, ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(lambda _: _order(url, shop_id, product).status_code, range(120)))
        started = time.monotonic()
        health = httpx.get(f"{url}/api/v1/health", timeout=1)
        health_s = time.monotonic() - started
    assert set(answers) <= {201, 503}, answers
    assert 201 in answers
    assert health.status_code == 200 and health_s < 1


@pytest.fixture
def tiny_pool_client(database_url: str, tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    """The app with a single pooled connection per engine and a 1 s pool timeout."""
    settings = make_settings(database_url, tmp_path, db_pool_size=1, db_pool_timeout_s=1)
    app = create_app(settings)
    admin = create_admin(settings)
    with TestClient(app) as client:
        yield client, admin
    app.state.db.dispose()


def test_a_request_holds_one_connection_at_a_time(
    tiny_pool_client: tuple[TestClient, str]
) -> None:
    """Authentication releases its connection before the endpoint takes one (one is enough)."""
    client, admin = tiny_pool_client
    shop = make_shop(client, admin, "Toko Satu Koneksi")
    product = stocked_listing(client, shop, "3")
    assert push(client, shop.tokens[0], [movement_op(product, "2")])[0]["status"] == "acknowledged"
    assert changes(client, shop.tokens[0])["changes"]
    devices = client.get(f"/api/v1/admin/sellers/{shop.id}/devices", headers=auth(admin))
    assert devices.status_code == 200, devices.text


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("server did not start")


def _hammer(url: str, stop: threading.Event, codes: list[int]) -> None:
    with httpx.Client(base_url=url, timeout=30) as http:
        while not stop.is_set():
            try:
                codes.append(http.get("/api/v1/catalog?q=minyak").status_code)
            except httpx.HTTPError:
                return  # the server stopped accepting: expected after SIGTERM


def test_sigterm_under_load_drains_and_exits(tmp_path: Path) -> None:
    """A server busy with clients and with requests stuck on a lock exits soon after SIGTERM."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEKEN_SHUTDOWN_TIMEOUT_S": "2",
           "PEKEN_SQLITE_BUSY_TIMEOUT_MS": "120000"}
    env.pop("PEKEN_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "server", "--data-dir", str(tmp_path),
                             "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_healthy(url, proc)
        settings = Settings(data_dir=tmp_path)
        stop, codes = threading.Event(), list[int]()
        readers = [threading.Thread(target=_hammer, args=(url, stop, codes)) for _ in range(6)]
        for thread in readers:
            thread.start()
        warm_up = time.monotonic() + 20  # a busy machine: let the readers get answers first
        while len(codes) < 6 and time.monotonic() < warm_up:
            time.sleep(0.05)
        with write_lock_held(settings), ThreadPoolExecutor(4) as pool:
            stuck = [pool.submit(_order, url, 1, "0" * 36, 60) for _ in range(4)]
            time.sleep(1.0)
            proc.send_signal(signal.SIGTERM)
            started = time.monotonic()
            returncode = proc.wait(timeout=15)
            exit_s = time.monotonic() - started
            stop.set()
            for future in stuck:
                with suppress(httpx.HTTPError):  # cut off at the end of the grace period
                    future.result(timeout=5)
        for thread in readers:
            thread.join(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    log = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    assert exit_s < 6, exit_s
    # uvicorn re-raises the SIGTERM it handled once it has shut down cleanly
    assert returncode in (0, -signal.SIGTERM), log
    assert "Finished server process" in log, log
    assert codes and set(codes) <= {200, 503}, set(codes)


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)  # SQLite: test_locked_database_…
def test_postgres_lock_timeout_answers_503(database_url: str, tmp_path: Path) -> None:
    """A seller row locked elsewhere makes the order wait at most lock_timeout, then 503."""
    settings = make_settings(database_url, tmp_path, pg_lock_timeout_ms=300)
    app = create_app(settings)
    admin = create_admin(settings)
    with TestClient(app) as client:
        with app.state.db.write_engine.connect() as conn:  # migrate() left the timeouts on
            assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "300ms"
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "15s"
        shop = make_shop(client, admin, "Toko Terkunci")
        product = stocked_listing(client, shop, "5")
        with psycopg.connect(libpq_url(database_url)) as other:
            other.execute("SELECT id FROM sellers WHERE id = %s FOR UPDATE", (shop.id,))
            started = time.monotonic()
            resp = client.post("/api/v1/orders", json={
                "seller_id": shop.id, "buyer_name": "Pembeli", "phone": "081234567890",
                "lines": [{"listing_id": product, "qty": "1"}], "pay_method": "transfer"})
            waited = time.monotonic() - started
    app.state.db.dispose()
    assert resp.status_code == 503, resp.text
    assert resp.json()["code"] == "server_busy" and resp.headers["retry-after"]
    assert waited < 5


def test_a_client_gone_while_queued_is_never_run(tmp_path: Path) -> None:
    """Clients that time out while their request waits for a slot are dropped from the queue:
    once the server is free it does not place their orders for nobody."""
    app, settings, shop_id, product = _seeded_app(
        tmp_path, max_concurrent_requests=1, max_queued_requests=50, queue_timeout_s=30,
        sqlite_busy_timeout_ms=30_000)
    with serve(app) as url, ThreadPoolExecutor(8) as pool:
        with write_lock_held(settings):
            in_flight = pool.submit(_order, url, shop_id, product)  # holds the only slot
            time.sleep(0.5)
            impatient = [pool.submit(_order, url, shop_id, product, 0.5) for _ in range(6)]
            for future in impatient:
                with pytest.raises(httpx.TimeoutException):
                    future.result(timeout=10)
            time.sleep(0.3)  # let the server notice the hang-ups
            assert app.state.limits.abandoned == 6
        assert in_flight.result(timeout=30).status_code == 201
        time.sleep(1.0)
        with app.state.db.read_sessions() as session:
            placed = session.scalar(text("SELECT COUNT(*) FROM orders WHERE seller_id = :s"),
                                    {"s": shop_id})
    assert placed == 1
