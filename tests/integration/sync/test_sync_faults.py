"""Sync through a faulty link with both sides killed and restarted: after healing, each
order exists once on each side, stock and prices agree per product, every outbox row is
acknowledged, and no movement is lost or counted twice."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.db import Database
from app.inventory import ledger_sum
from app.sync import state
from app.sync.apply import SERVER_TO_LOCAL
from app.sync.engine import SyncEngine
from models import Order, OutboxOp, Product, StockMovement
from tests.integration.sync.chaos import Booth
from tests.integration.sync.fault_proxy import FaultyProxy
from tests.integration.sync.peken_kit import (
    ServerProcess,
    add_products,
    issue_code,
    register_seller,
)

STEPS = 220


def _server_log(url: str, token: str) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    since, more = 0, True
    while more:
        page = httpx.get(f"{url}/api/v1/sync/changes", params={"since": since, "limit": 1000},
                         headers={"Authorization": f"Bearer {token}"}).json()
        changes += page["changes"]
        since, more = page["next"], page["more"]
    return changes


def _check_orders(booth: Booth, token: str, local_orders: dict[str, str],
                  log: list[dict[str, Any]]) -> None:
    url = booth.server.url
    placed = [c["payload"]["order_id"] for c in log if c["kind"] == "order.placed"]
    assert len(placed) == len(set(placed)) == len(local_orders)
    assert set(placed) == set(local_orders)
    for remote_id in placed:
        remote = httpx.get(f"{url}/api/v1/shop/orders/{remote_id}",
                           headers={"Authorization": f"Bearer {token}"}).json()
        assert SERVER_TO_LOCAL[remote["status"]] == local_orders[remote_id]


def _check_converged(booth: Booth) -> None:
    url = booth.server.url
    with booth.db.read() as session:
        token = state.get(session, state.DEVICE_TOKEN)
        assert set(session.scalars(select(OutboxOp.status).distinct())) == {"acked"}
        local_orders = {str(k): v for k, v in session.execute(
            select(Order.remote_id, Order.status).where(Order.source == "online"))}
        log = _server_log(url, token)
        _check_orders(booth, token, local_orders, log)
        server_moves = {c["payload"]["movement_uuid"] for c in log if c["kind"] == "stock.movement"}
        assert len(server_moves) == session.scalar(select(func.count()).select_from(StockMovement))
        for product in session.scalars(select(Product)):
            assert ledger_sum(session, product.id) == product.on_hand
            assert product.on_hand == booth.expected[product.uuid], product.sku
            remote = httpx.get(f"{url}/api/v1/shop/listings/{product.uuid}",
                               headers={"Authorization": f"Bearer {token}"}).json()
            assert remote["on_hand"] == f"{product.on_hand:.3f}"
            assert remote["price"] == product.price == booth.prices.get(product.uuid, product.price)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 23, 37])
def test_sync_converges_through_faults_and_kills(
    seed: int, tmp_path: Path, shop_factory: Callable[[str], Database]
) -> None:
    server = ServerProcess(tmp_path / "catalog")
    server.data_dir.mkdir()
    admin = server.create_admin()
    server.start()
    proxy = FaultyProxy(server.url, seed).start()
    db = shop_factory("booth")
    uuids = add_products(db, 12, stock=1000)
    seller = register_seller(server.url, admin)
    from app.sync import device

    device.enroll(db, server.url, issue_code(server.url, admin, seller), "Booth")
    SyncEngine(db).run_round()  # listings and opening stock online before the day starts
    with db.unit_of_work() as session:
        state.put(session, state.SERVER_URL, proxy.url)
    booth = Booth(db, db.path, server, proxy, seller, uuids, random.Random(seed),
                  {key: Decimal(1000) for key in uuids})
    try:
        booth.start_worker()
        for _ in range(STEPS):
            booth.step()
        booth.heal()
        _check_converged(booth)
        assert booth.counts.get("buyer_order", 0) >= 10
        assert booth.counts.get("fulfil", 0) >= 1
    finally:
        booth.kill_worker()
        proxy.close()
        server.stop()
    print(seed, booth.counts, proxy.counts)
