"""The real catalog server as a subprocess on loopback, and the admin/buyer calls the sync
tests need (register a seller, issue enrollment codes, place and read buyer orders).

Import as ``from tests.integration.sync.peken_kit import ...`` (also used by bench/sync.py).
"""

from __future__ import annotations

import atexit
import functools
import os
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from app import catalog, inventory
from app.db import Database
from models import Product
from tests.zygote import Forked, Zygote

ROOT = Path(__file__).resolve().parents[3]
NIK = "3578012345678901"
ACCOUNT = "1234567890"
PHONE = "081234567890"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_taken(log_path: Path, offset: int) -> bool:
    """Whether the server's log since ``offset`` says its port was already in use."""
    with log_path.open("rb") as handle:
        handle.seek(offset)
        return b"address already in use" in handle.read().lower()


@functools.cache
def _zygote() -> Zygote:
    """This process's zygote for ``python -m server`` and ``python -m app.sync`` children: each
    start forks it instead of a new interpreter importing the whole server or app again."""
    zygote = Zygote(("server.__main__", "app.sync.__main__"), env=_env())
    atexit.register(zygote.close)
    return zygote


def spawn(module: str, argv: list[str], log: Path) -> Forked:
    """``python -m module *argv`` (forked from the zygote), stdout and stderr appended to ``log``."""
    with log.open("ab") as handle:  # the child has its own copy of the file
        return _zygote().start(module, argv, log=handle)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEKEN_")}
    env["PYTHONPATH"] = str(ROOT)
    # every test client is 127.0.0.1 with one phone: the server's abuse limits would mix tests
    env.update(PEKEN_RATE_ORDERS_PER_IP="0", PEKEN_MAX_OPEN_ORDERS_PER_PHONE="0",
               PEKEN_RATE_ENROLL_PER_IP="0")
    return env


@dataclass
class ServerProcess:
    """``python -m server --port P --data-dir D`` that can be killed and restarted."""

    data_dir: Path
    port: int = field(default_factory=free_port)
    proc: Forked | None = None
    started_once: bool = False

    @property
    def url(self) -> str:
        """Base URL of the server."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> None:
        """Start the server and wait until /health answers.

        The port was free when picked, but another process may take it before the server
        binds it. Then the first start moves to a new free port; a restart (the devices
        know this URL) tries the same port again until ``timeout``.
        """
        deadline = time.monotonic() + timeout
        while True:
            log_path = self.data_dir / "server.log"
            offset = log_path.stat().st_size if log_path.exists() else 0
            if self._spawn_and_wait(deadline):
                self.started_once = True
                return
            if not _port_taken(log_path, offset) or time.monotonic() >= deadline:
                raise RuntimeError(f"server exited: see {log_path}")
            if self.started_once:
                time.sleep(0.2)
            else:
                self.port = free_port()

    def _spawn_and_wait(self, deadline: float) -> bool:
        """Start the process; True once healthy, False when it exited (RuntimeError on timeout)."""
        self.proc = spawn("server.__main__", ["--port", str(self.port), "--data-dir",
                                              str(self.data_dir)], self.data_dir / "server.log")
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.proc = None
                return False
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=0.5).status_code == 200:
                    return True
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("server did not start in time")

    def kill(self) -> None:
        """SIGKILL the server (no clean shutdown) and reap it."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        """Terminate the server politely."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    def create_admin(self) -> str:
        """A new admin token, as ``python -m server create-admin --data-dir D`` makes it.

        Run in this process (the same ``server.admin.create_admin`` on the same data folder)
        rather than as a second interpreter that imports the whole server for one token; the
        command line itself is tested in tests/server/test_http.py.
        """
        from server.admin import create_admin  # imported here: most importers never need it
        from server.config import Settings

        return create_admin(Settings(data_dir=self.data_dir, database_url=""))


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def register_seller(url: str, admin: str, name: str = "Toko Berkah Jaya") -> int:
    """Register a seller with one BCA account; its id."""
    nik = NIK[:4] + f"{uuid.uuid4().int % 10**12:012d}"  # one active seller per NIK
    body = {"shop_name": name, "owner_name": "Siti Aminah", "nik": nik,
            "bank_accounts": [{"bank": "BCA", "number": ACCOUNT, "holder": "Siti Aminah"}]}
    resp = httpx.post(url + "/api/v1/admin/sellers", json=body, headers=_auth(admin))
    assert resp.status_code == 201, resp.text
    return int(resp.json()["id"])


def issue_code(url: str, admin: str, seller_id: int) -> str:
    """A one-time enrollment code for the seller."""
    resp = httpx.post(f"{url}/api/v1/admin/sellers/{seller_id}/enrollment-codes",
                      headers=_auth(admin))
    assert resp.status_code == 201, resp.text
    return str(resp.json()["code"])


def order_request(url: str, seller_id: int, lines: list[tuple[str, int]],
                  buyer: str = "Budi Santoso", client: httpx.Client | None = None) -> httpx.Response:
    """POST a buyer's transfer order ``[(product uuid, qty)]``; the raw answer."""
    body = {"seller_id": seller_id, "buyer_name": buyer, "phone": PHONE, "pay_method": "transfer",
            "lines": [{"listing_id": u, "qty": q} for u, q in lines]}
    return (client or httpx).post(url + "/api/v1/orders", json=body)


def place_order(url: str, seller_id: int, lines: list[tuple[str, int]],
                buyer: str = "Budi Santoso", client: httpx.Client | None = None) -> dict[str, Any]:
    """A buyer's transfer order ``[(product uuid, qty)]``; the answer with ``buyer_secret``."""
    resp = order_request(url, seller_id, lines, buyer, client)
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def buyer_view(url: str, order_id: str, secret: str) -> dict[str, Any]:
    """The order as its buyer sees it."""
    resp = httpx.get(f"{url}/api/v1/orders/{order_id}", headers={"X-Buyer-Secret": secret})
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def add_products(db: Database, count: int, stock: int = 100, prefix: str = "P",
                 published: bool = True) -> list[str]:
    """``count`` published products with opening stock; their UUIDs."""
    with db.unit_of_work() as session:
        for i in range(count):
            pid = catalog.create_product(session, catalog.ProductInput(
                sku=f"{prefix}{i:04d}", name=f"Produk {prefix}{i:04d}", price=10_000 + 500 * i,
                cost=0, unit="pcs", published=published))
            if stock:
                inventory.receive(session, pid, Decimal(stock))
    with db.read() as session:
        return list(session.scalars(select(Product.uuid).where(Product.sku.like(f"{prefix}%"))
                                    .order_by(Product.sku)))


def on_hand_by_uuid(db: Database) -> dict[str, Decimal]:
    """Every product's on-hand here."""
    with db.read() as session:
        return {u: q for u, q in session.execute(select(Product.uuid, Product.on_hand))}


def server_listing(url: str, token: str, product_uuid: str) -> dict[str, Any]:
    """One listing as the server keeps it (with on-hand)."""
    resp = httpx.get(f"{url}/api/v1/shop/listings/{product_uuid}", headers=_auth(token))
    assert resp.status_code == 200, resp.text
    return dict(resp.json())
