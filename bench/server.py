"""Benchmark of the catalog server over real HTTP on loopback.

``python -m bench.server [--db sqlite|postgres]`` starts ``python -m server`` on a
free port (PostgreSQL: a fresh database on ``PEKEN_BENCH_PG_URL`` or
``PEKEN_TEST_PG_URL``), seeds 100 000 listings straight into the database,
pushes 10 000 ops through ``/api/v1/sync/push`` in batches of 500 and measures
the catalog search latency (p50/p95 over ~200 queries). Budgets: push ≤ 10 s,
search p95 ≤ 50 ms. The last line is ``RESULT {json}``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import create_engine, insert, text

from server.admin import create_admin
from server.config import Settings
from server.models import Listing

ROOT = Path(__file__).resolve().parents[1]
PRODUCTS = ["Minyak Goreng", "Beras Pandan", "Gula Pasir", "Kecap Manis", "Tepung Terigu",
            "Telur Ayam", "Kopi Bubuk", "Teh Celup", "Sabun Cuci", "Batik Tulis", "Keripik Tempe",
            "Sambal Bawang", "Kerupuk Udang", "Susu Kental", "Mie Instan", "Bumbu Pecel",
            "Rengginang", "Kain Songket", "Madu Hutan", "Jamu Kunyit"]
BRANDS = ["Sari", "Jaya", "Makmur", "Suroboyo", "Berkah", "Arek", "Lestari", "Mekar"]
SIZES = ["250g", "500g", "1kg", "2L", "1L", "5kg", "sachet", "pack"]
CATEGORIES = ["sembako", "makanan", "minuman", "kerajinan", "kebutuhan rumah"]
QUERIES = ["gor", "goreng", "beras", "kecap manis", "tepung", "telur", "kopi", "batik tulis",
           "keripik", "sambal", "udang", "susu", "mie", "pecel", "songket", "madu", "jamu",
           "suroboyo", "berkah 1kg", "sari"]


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def database(kind: str, data_dir: Path) -> Iterator[str]:
    """A fresh database URL for the run (dropped afterwards on PostgreSQL)."""
    if kind == "sqlite":
        yield f"sqlite:///{data_dir / 'catalog.sqlite3'}"
        return
    admin_url = os.environ.get("PEKEN_BENCH_PG_URL") or os.environ.get("PEKEN_TEST_PG_URL")
    if not admin_url:
        raise SystemExit("Set PEKEN_BENCH_PG_URL or PEKEN_TEST_PG_URL for --db postgres")
    libpq = admin_url.replace("postgresql+psycopg://", "postgresql://", 1)
    name = f"peken_bench_{secrets.token_hex(5)}"
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{admin_url.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _spawn(data_dir: Path, url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PEKEN_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "server", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _healthy(proc: subprocess.Popen[bytes], base: str, deadline: float) -> bool:
    """Wait until ``base`` answers /health (True) or the process exited (False)."""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


@contextmanager
def running_server(data_dir: Path, url: str) -> Iterator[str]:
    """``python -m server`` as a child process on a free port; yields its base URL.

    A port free when picked can be taken before the server binds it: on "address
    already in use" the server is started again on another port.
    """
    deadline = time.monotonic() + 30
    while True:
        port = free_port()
        proc = _spawn(data_dir, url, port)
        base = f"http://127.0.0.1:{port}"
        if _healthy(proc, base, deadline):
            break
        error = proc.stderr.read() if proc.stderr else b""
        if b"address already in use" not in error.lower():
            raise SystemExit(f"server exited: {error.decode(errors='replace')[-2000:]}")
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def register_sellers(http: httpx.Client, admin: str, count: int) -> list[int]:
    """Register ``count`` sellers through the admin API."""
    ids = []
    for i in range(count):
        resp = http.post("/api/v1/admin/sellers", headers={"Authorization": f"Bearer {admin}"},
                         json={"shop_name": f"Toko {i}", "owner_name": "Pemilik",
                               "nik": f"3578{i:012d}", "bank_accounts": [
                                   {"bank": "BCA", "number": "1234567890", "holder": "P"}]})
        resp.raise_for_status()
        ids.append(int(resp.json()["id"]))
    return ids


def enroll_device(http: httpx.Client, admin: str, seller_id: int) -> str:
    """A device token of ``seller_id``."""
    code = http.post(f"/api/v1/admin/sellers/{seller_id}/enrollment-codes",
                     headers={"Authorization": f"Bearer {admin}"}).json()["code"]
    resp = http.post("/api/v1/devices/enroll", json={"code": code, "device_name": "bench"})
    resp.raise_for_status()
    return str(resp.json()["token"])


def seed_listings(url: str, sellers: list[int], count: int) -> float:
    """Bulk-insert ``count`` published listings; returns seconds taken."""
    rng = random.Random(7)
    started = time.perf_counter()
    engine = create_engine(url)
    rows = [
        {"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
         "seller_id": sellers[i % len(sellers)], "sku": f"SKU-{i:06d}",
         "name": f"{rng.choice(PRODUCTS)} {rng.choice(BRANDS)} {rng.choice(SIZES)}",
         "price": rng.randrange(1000, 500_000, 500), "unit": "pcs",
         "category": rng.choice(CATEGORIES), "published": True, "photo": None,
         "on_hand_milli": rng.randrange(0, 50_000), "reserved_milli": 0}
        for i in range(count)
    ]
    with engine.begin() as conn:
        for start in range(0, count, 10_000):
            conn.execute(insert(Listing), rows[start : start + 10_000])
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


def make_ops(total: int) -> list[dict[str, Any]]:
    """One listing.upsert per 5 ops, followed by stock movements on those listings."""
    ops: list[dict[str, Any]] = []
    products: list[str] = []
    for seq in range(1, total + 1):
        if seq % 5 == 1:
            product = str(uuid.uuid4())
            products.append(product)
            payload: dict[str, Any] = {
                "product_uuid": product, "sku": f"B-{seq}", "name": f"Produk Bench {seq}",
                "price": 12500, "unit": "pcs", "category": "sembako", "published": True}
            ops.append({"op_id": str(uuid.uuid4()), "seq": seq, "kind": "listing.upsert",
                        "payload": payload})
        else:
            payload = {"movement_uuid": str(uuid.uuid4()), "product_uuid": products[-1],
                       "qty": "3.000", "kind": "receive",
                       "created_at": "2026-11-28T08:00:00+07:00"}
            ops.append({"op_id": str(uuid.uuid4()), "seq": seq, "kind": "stock.movement",
                        "payload": payload})
    return ops


def push_all(http: httpx.Client, token: str, ops: list[dict[str, Any]], batch: int) -> float:
    """Push every op in batches; returns seconds taken. Fails on any non-acknowledged op."""
    headers = {"Authorization": f"Bearer {token}"}
    started = time.perf_counter()
    for start in range(0, len(ops), batch):
        resp = http.post("/api/v1/sync/push", json={"ops": ops[start : start + batch]},
                         headers=headers)
        resp.raise_for_status()
        bad = [r for r in resp.json()["results"] if r["status"] != "acknowledged"]
        if bad:
            raise SystemExit(f"push refused: {bad[:3]}")
    return time.perf_counter() - started


def search_latencies(http: httpx.Client, sellers: list[int], count: int) -> list[float]:
    """Milliseconds per catalog query (text, category, seller and plain pages mixed)."""
    rng = random.Random(11)
    times = []
    for i in range(count):
        params: dict[str, Any] = {"q": rng.choice(QUERIES)}
        if i % 4 == 1:
            params["category"] = rng.choice(CATEGORIES)
        elif i % 4 == 2:
            params["seller"] = rng.choice(sellers)
        elif i % 10 == 3:
            params = {"page": rng.randint(1, 20)}
        started = time.perf_counter()
        resp = http.get("/api/v1/catalog", params=params)
        times.append((time.perf_counter() - started) * 1000)
        resp.raise_for_status()
    return times


def percentile(values: list[float], pct: float) -> float:
    """The ``pct`` percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def run(kind: str, listings: int, ops: int, batch: int, queries: int) -> dict[str, Any]:
    """The whole benchmark; returns the measured figures."""
    with tempfile.TemporaryDirectory() as tmp, database(kind, Path(tmp)) as url:
        settings = Settings(data_dir=Path(tmp), database_url=url)
        admin = create_admin(settings, "bench")
        with running_server(Path(tmp), url) as base, \
                httpx.Client(base_url=base, timeout=120) as http:
            sellers = register_sellers(http, admin, 50)
            token = enroll_device(http, admin, sellers[0])
            seed_s = seed_listings(url, sellers, listings)
            search_latencies(http, sellers, 20)  # warm-up
            push_s = push_all(http, token, make_ops(ops), batch)
            times = search_latencies(http, sellers, queries)
    return {"backend": kind, "listings": listings, "ops": ops, "seed_s": round(seed_s, 2),
            "push_10k_s": round(push_s, 3), "search_p50_ms": round(statistics.median(times), 2),
            "search_p95_ms": round(percentile(times, 95), 2),
            "push_budget_s": 10, "search_budget_ms": 50}


def main(argv: list[str] | None = None) -> int:
    """Run and print the table and the RESULT line."""
    parser = argparse.ArgumentParser(prog="python -m bench.server")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    result = run(args.db, args.listings, args.ops, args.batch, args.queries)
    rows = [
        ("backend", result["backend"], ""),
        ("listings seeded", f"{result['listings']} in {result['seed_s']} s", ""),
        (f"push {result['ops']} ops (batches of {args.batch})", f"{result['push_10k_s']} s",
         "≤ 10 s"),
        ("catalog search p50", f"{result['search_p50_ms']} ms", ""),
        ("catalog search p95", f"{result['search_p95_ms']} ms", "≤ 50 ms"),
    ]
    for name, value, budget in rows:
        print(f"{name:<36} {value:>22} {budget:>8}")
    print("RESULT " + json.dumps({k: result[k] for k in (
        "backend", "push_10k_s", "search_p95_ms", "search_p50_ms", "push_budget_s",
        "search_budget_ms")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
