"""A city runs several server processes on one PostgreSQL: two ``python -m server`` processes
share a database; devices push and buyers order through both at once, and every shop's change
log stays gap-free (seq 1..n, each change once) whichever process is asked."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.admin import create_admin
from server.config import Settings
from tests.integration.sync.peken_kit import ROOT, free_port
from tests.server.conftest import fresh_pg_database
from tests.server.helpers import auth, new_nik

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
SHOPS, MOVES, ORDERS = 3, 30, 12


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database (skipped without ``PEKEN_TEST_PG_URL``)."""
    with fresh_pg_database("peken_two") as url:
        yield url


def start_server(url: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``python -m server`` on the shared database; its process and base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEKEN_")}
    env.update(PYTHONPATH=str(ROOT), PEKEN_DATABASE_URL=url, PEKEN_RATE_ORDERS_PER_IP="0",
               PEKEN_MAX_OPEN_ORDERS_PER_PHONE="0", PEKEN_MAX_OPEN_ORDERS_PER_IP="0",
               PEKEN_RATE_ENROLL_PER_IP="0")
    log = open(data_dir / f"server-{port}.log", "ab")  # noqa: SIM115 - lives with the process
    proc = subprocess.Popen([sys.executable, "-m", "server", "--port", str(port), "--data-dir",
                             str(data_dir)], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/v1/health", timeout=0.5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        threading.Event().wait(0.1)
    proc.kill()
    raise RuntimeError((data_dir / f"server-{port}.log").read_text()[-2000:])


def setup_shop(base: str, admin: str, i: int) -> tuple[int, list[str], str]:
    """A seller with two devices and one stocked listing: (id, device tokens, product)."""
    body = {"shop_name": f"Toko {i}", "owner_name": "Bu Sri", "nik": new_nik(),
            "bank_accounts": [{"bank": "BCA", "number": "1234567890", "holder": "Sri"}]}
    seller = httpx.post(base + "/api/v1/admin/sellers", json=body, headers=auth(admin)).json()
    tokens = []
    for name in ("Laptop A", "Laptop B"):
        code = httpx.post(f"{base}/api/v1/admin/sellers/{seller['id']}/enrollment-codes",
                          headers=auth(admin)).json()["code"]
        tokens.append(httpx.post(base + "/api/v1/devices/enroll",
                                 json={"code": code, "device_name": name}).json()["token"])
    product = str(uuid.uuid4())
    push(base, tokens[0], "listing.upsert", {
        "product_uuid": product, "sku": "MG", "name": "Minyak Goreng", "price": 18000,
        "unit": "pcs", "category": "sembako", "published": True}, 0)
    push(base, tokens[0], "stock.movement", {
        "movement_uuid": str(uuid.uuid4()), "product_uuid": product, "qty": "1000",
        "kind": "receive", "created_at": "2026-11-28T08:00:00+07:00"}, 1)
    return int(seller["id"]), tokens, product


def push(base: str, token: str, kind: str, payload: dict[str, Any], seq: int) -> None:
    """One op through ``base``; it must be acknowledged."""
    body = {"ops": [{"op_id": str(uuid.uuid4()), "seq": seq, "kind": kind, "payload": payload}]}
    resp = httpx.post(base + "/api/v1/sync/push", json=body, headers=auth(token), timeout=30)
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"][0]["status"] == "acknowledged", resp.text


def device_work(base: str, token: str, product: str, first_seq: int) -> None:
    """A device pushing sales one by one."""
    for n in range(MOVES):
        push(base, token, "stock.movement", {
            "movement_uuid": str(uuid.uuid4()), "product_uuid": product, "qty": "-1",
            "kind": "sale", "created_at": "2026-11-28T09:00:00+07:00"}, first_seq + n)


def buyer_work(bases: list[str], seller: int, product: str, placed: list[str]) -> None:
    """A buyer ordering through both servers in turn."""
    for n in range(ORDERS):
        resp = httpx.post(bases[n % 2] + "/api/v1/orders", timeout=30, json={
            "seller_id": seller, "buyer_name": "Pak Budi", "phone": "081234567890",
            "pay_method": "transfer", "lines": [{"listing_id": product, "qty": "1"}]})
        assert resp.status_code == 201, resp.text
        placed.append(resp.json()["order_id"])


def test_two_processes_keep_every_change_log_gap_free(pg_database: str, tmp_path: Path) -> None:
    admin = create_admin(Settings(data_dir=tmp_path, database_url=pg_database), "uji")
    servers = [start_server(pg_database, tmp_path) for _ in range(2)]
    bases = [base for _, base in servers]
    try:
        shops = [setup_shop(bases[i % 2], admin, i) for i in range(SHOPS)]
        placed: dict[int, list[str]] = {seller: [] for seller, _, _ in shops}
        workers = []
        for seller, tokens, product in shops:
            workers += [
                threading.Thread(target=device_work, args=(bases[0], tokens[0], product, 10)),
                threading.Thread(target=device_work, args=(bases[1], tokens[1], product, 10)),
                threading.Thread(target=buyer_work, args=(bases, seller, product, placed[seller]))]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
            assert not worker.is_alive()
        for seller, tokens, _ in shops:
            for base in bases:
                seqs, kinds = [], []
                since = 0
                while True:
                    page = httpx.get(f"{base}/api/v1/sync/changes?since={since}&limit=1000",
                                     headers=auth(tokens[0])).json()
                    seqs += [c["seq"] for c in page["changes"]]
                    kinds += [c["kind"] for c in page["changes"]]
                    since = page["next"]
                    if not page["more"]:
                        break
                assert seqs == list(range(1, len(seqs) + 1)), f"gap in shop {seller}'s log"
                assert kinds.count("stock.movement") == 1 + 2 * MOVES
                assert kinds.count("order.placed") == len(placed[seller]) == ORDERS
    finally:
        for proc, _ in servers:
            proc.terminate()
            proc.wait(10)
