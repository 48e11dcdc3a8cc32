"""A randomized booth day for the fault test: counter sales, price edits, buyer orders and
the seller's order actions, while the sync worker (a child process) and the catalog server
are killed and restarted, all talking through a :class:`FaultyProxy`."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import httpx
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.db import Database
from app.payments import service
from app.sync import orders as online
from app.sync import state
from models import Order, Payment, Product
from tests.integration.sync.fault_proxy import FaultyProxy
from tests.integration.sync.peken_kit import ServerProcess, order_request, spawn
from tests.integration.sync.shop_actions import edit_price, sell
from tests.zygote import Forked

T = TypeVar("T")


def retry_locked(fn: Callable[[], T]) -> T:
    """Run a shop action, again if the other process held the write lock at that instant.

    Two processes (this test as the till, the worker subprocess) write to one WAL file;
    a deferred transaction that read first can get SQLITE_BUSY on its first write. The
    cashier would press again; so does the test.
    """
    for _ in range(50):
        try:
            return fn()
        except OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            time.sleep(0.05)
    return fn()


def _uuid_of(session: Session, product_id: int) -> str:
    product = session.get(Product, product_id)
    assert product is not None
    return product.uuid


@dataclass
class Booth:
    """The shop file, the worker process, the proxy and the server of one scenario."""

    db: Database
    db_path: Path
    server: ServerProcess
    proxy: FaultyProxy
    seller_id: int
    uuids: list[str]
    rng: random.Random
    expected: dict[str, Decimal]
    prices: dict[str, int] = field(default_factory=dict)
    worker: Forked | None = None
    server_down_steps: int = 0
    worker_down_steps: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    # --- processes ----------------------------------------------------------------------------

    def start_worker(self) -> None:
        """``python -m app.sync`` on the shop file (through the proxy URL stored in it)."""
        self.worker = spawn("app.sync.__main__", [
            "--db", str(self.db_path), "--interval", "0.1", "--max-backoff", "0.4", "--batch", "50",
        ], self.db_path.with_suffix(".worker.log"))

    def kill_worker(self) -> None:
        """SIGKILL the worker wherever it is."""
        if self.worker is not None:
            self.worker.kill()
            self.worker.wait(10)
            self.worker = None

    def stop_worker(self) -> None:
        """Stop the worker politely."""
        if self.worker is not None:
            self.worker.terminate()
            self.worker.wait(20)
            self.worker = None

    def _chaos(self) -> None:
        if self.server.proc is None:
            self.server_down_steps -= 1
            if self.server_down_steps <= 0:
                self.server.start()
        elif self.rng.random() < 0.02:
            self.server.kill()
            self.server_down_steps = self.rng.randint(2, 12)
            self._count("server_kill")
        if self.worker is None:
            self.worker_down_steps -= 1
            if self.worker_down_steps <= 0:
                self.start_worker()
        elif self.rng.random() < 0.03:
            self.kill_worker()
            self.worker_down_steps = self.rng.randint(0, 6)
            self._count("worker_kill")

    def _count(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    # --- business -----------------------------------------------------------------------------

    def step(self) -> None:
        """One random operation (and maybe a kill or restart)."""
        self._chaos()
        roll = self.rng.random()
        if roll < 0.35:
            self._sale()
        elif roll < 0.5:
            self._edit()
        elif roll < 0.65:
            self._buyer_order()
        else:
            self._seller_action()
        time.sleep(self.rng.uniform(0, 0.02))

    def _sale(self) -> None:
        key, qty = self.rng.choice(self.uuids), self.rng.randint(1, 3)
        retry_locked(lambda: sell(self.db, key, qty))
        self.expected[key] -= qty
        self._count("sale")

    def _edit(self) -> None:
        key, price = self.rng.choice(self.uuids), self.rng.randrange(5_000, 50_000, 500)
        retry_locked(lambda: edit_price(self.db, key, price))
        self.prices[key] = price
        self._count("edit")

    def _buyer_order(self) -> None:
        if self.server.proc is None:
            self._count("buyer_offline")
            return
        lines = [(key, self.rng.randint(1, 2)) for key in self.rng.sample(self.uuids, 2)]
        try:
            resp = order_request(self.server.url, self.seller_id, lines)
        except httpx.TransportError:
            self._count("buyer_offline")
            return
        if resp.status_code >= 500:  # a server fault is a failure, never a buyer refusal
            raise AssertionError(f"order placement answered {resp.status_code}: {resp.text[:300]}")
        if resp.status_code == 201:
            self._count("buyer_order")
        else:  # 4xx: the seller's stock is short, the listing is hidden, ... (buyer told why)
            assert resp.json().get("code"), resp.text
            self._count("buyer_refused")

    def _seller_action(self) -> None:
        with self.db.read() as session:
            rows = session.execute(select(Order.id, Order.status).where(
                Order.source == "online", Order.status.in_(("placed", "pending", "paid")))).all()
        if not rows:
            self._sale()
            return
        order_id, status = self.rng.choice(rows)
        action = {"placed": self._accept, "pending": self._confirm, "paid": self._fulfil}[status]
        retry_locked(lambda: action(order_id))

    def _accept(self, order_id: int) -> None:
        with self.db.unit_of_work() as session:
            online.accept(session, order_id)
        self._count("accept")

    def _confirm(self, order_id: int) -> None:
        with self.db.unit_of_work() as session:
            payment = session.scalars(select(Payment).where(Payment.order_id == order_id)).one()
            service.confirm_manual(session, payment.id, received=payment.amount +
                                   payment.unique_code, paid_on=date.today(),
                                   reference="TRF BUYER", user_id=None)
        self._count("confirm")

    def _fulfil(self, order_id: int) -> None:
        with self.db.unit_of_work() as session:
            order = online.online_order(session, order_id)
            taken = [(_uuid_of(session, line.product_id), line.qty) for line in order.lines]
            online.fulfil(session, order_id)
        for key, qty in taken:
            self.expected[key] -= qty
        self._count("fulfil")

    # --- healing ------------------------------------------------------------------------------

    def heal(self, timeout: float = 60.0) -> None:
        """Faults off, both sides up; wait until the outbox is empty and the cursor caught up."""
        self.proxy.heal()
        if self.server.proc is None:
            self.server.start()
        if self.worker is None:
            self.start_worker()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._caught_up():
                self.stop_worker()
                return
            time.sleep(0.2)
        raise AssertionError("sync did not converge in time")

    def _caught_up(self) -> bool:
        with self.db.read() as session:
            pending = state.outbox_counts(session).pending
            cursor, token = state.cursor(session), state.get(session, state.DEVICE_TOKEN)
        if pending:
            return False
        resp = httpx.get(self.server.url + "/api/v1/sync/snapshot",
                         headers={"Authorization": f"Bearer {token}"}, timeout=5)
        return resp.status_code == 200 and int(resp.json()["change_seq"]) == cursor
