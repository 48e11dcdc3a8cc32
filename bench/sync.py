"""Sync benchmark against the real catalog server on loopback.

* ``push_10k_s``: one sync round that pushes 10 000 queued changes (listings and stock
  movements, in batches of 1000) and pulls their echoes back — budget 10 s;
* ``pull_1k_orders_s``: one round that pulls and applies 1 000 buyer orders (order, lines,
  pending payment each) — budget 2 s.

Run ``python -m bench.sync``; the last line is ``RESULT {json}``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import httpx
from sqlalchemy import func, select

from app.db import open_database
from app.inventory import record_movement
from app.sync import device
from app.sync.engine import SyncEngine
from models import Order, OutboxOp, Product
from tests.integration.sync.peken_kit import (
    ServerProcess,
    add_products,
    issue_code,
    place_order,
    register_seller,
)

PRODUCTS = 100
CHANGES = 10_000
ORDERS = 1_000
PUSH_BUDGET_S = 10.0
PULL_BUDGET_S = 2.0


def _queue_changes(db_path: Path, uuids: list[str]) -> int:
    db = open_database(db_path)
    with db.unit_of_work() as session:
        ids = dict(session.execute(select(Product.uuid, Product.id)).all())
        queued = int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)
        for i in range(CHANGES - queued):
            key = uuids[i % len(uuids)]
            record_movement(session, ids[key], "adjust", Decimal(-1 if i % 2 else 2),
                            reason="lainnya", product_uuid=key)
    with db.read() as session:
        total = int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)
    db.close()
    return total


def _place_orders(url: str, seller: int, uuids: list[str]) -> None:
    with httpx.Client(timeout=30) as client:
        first = None
        for i in range(ORDERS):
            if i == 999 and first is not None:  # the server has 999 kode unik per shop
                client.post(f"{url}/api/v1/orders/{first['order_id']}/cancel",
                            headers={"X-Buyer-Secret": first["buyer_secret"]})
            placed = place_order(url, seller, [(uuids[i % len(uuids)], 1),
                                               (uuids[(i * 7 + 3) % len(uuids)], 1)],
                                 buyer=f"Pembeli {i}", client=client)
            first = first or placed


def main() -> int:
    """Run both measurements and print the table and the RESULT line."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        server = ServerProcess(root / "catalog")
        server.data_dir.mkdir()
        admin = server.create_admin()
        server.start()
        try:
            db = open_database(root / "shop.sqlite")
            uuids = add_products(db, PRODUCTS, stock=100_000)
            db.close()
            queued = _queue_changes(root / "shop.sqlite", uuids)
            db = open_database(root / "shop.sqlite")
            seller = register_seller(server.url, admin)
            device.enroll(db, server.url, issue_code(server.url, admin, seller), "Bench")
            engine = SyncEngine(db)
            start = time.perf_counter()
            pushed = engine.run_round()
            push_s = time.perf_counter() - start
            _place_orders(server.url, seller, uuids)
            start = time.perf_counter()
            pulled = engine.run_round()
            pull_s = time.perf_counter() - start
            with db.read() as session:
                orders = int(session.scalar(select(func.count()).select_from(Order)
                                            .where(Order.source == "online")) or 0)
            db.close()
        finally:
            server.stop()
    print(f"{'what':<36}{'count':>8}{'seconds':>10}{'budget':>9}")
    print(f"{'push queued changes (+ echoes)':<36}{queued:>8}{push_s:>10.2f}{PUSH_BUDGET_S:>9.1f}")
    print(f"{'pull online orders':<36}{orders:>8}{pull_s:>10.2f}{PULL_BUDGET_S:>9.1f}")
    assert pushed.acked == queued and pulled.new_orders and orders == ORDERS
    print("RESULT " + json.dumps({
        "push_10k_s": round(push_s, 3), "pull_1k_orders_s": round(pull_s, 3),
        "changes": queued, "orders": orders, "push_budget_s": PUSH_BUDGET_S,
        "pull_budget_s": PULL_BUDGET_S, "push_ratio": round(push_s / PUSH_BUDGET_S, 3),
        "pull_ratio": round(pull_s / PULL_BUDGET_S, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
