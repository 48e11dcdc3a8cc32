"""Benchmark of the buyers' storefront pages over real HTTP on loopback.

``python -m bench.web [--db sqlite|postgres] [--listings N] [--sellers N]`` starts
``python -m server`` on a free port (PostgreSQL: a fresh database on ``PEKEN_BENCH_PG_URL``
or ``PEKEN_TEST_PG_URL``), seeds ``--sellers`` sellers (default 2 000, with kecamatan and
pickup hours) and ``--listings`` listings (default 100 000) straight into the database, then
times the home page (browsing, categories), search result pages and product pages
(``--pages`` of each, after a warm-up). The time is measured by the client on loopback, so it
is the server's time plus a little transport. ``page_kb`` is the heaviest of those pages plus
the style sheet and the script (what a phone downloads before photos).

Budgets (issue 15): p95 ≤ 100 ms for each page, ``page_kb`` ≤ 100. The last line is
``RESULT {"home_p95_ms", "search_p95_ms", "product_p95_ms", "page_kb", ...}``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, insert, select, text

from bench.server import (
    CATEGORIES,
    QUERIES,
    database,
    percentile,
    running_server,
    seed_listings,
)
from server.config import Settings
from server.db import Database
from server.models import BankAccount, Listing, Seller

KECAMATAN = ["Tambaksari", "Genteng", "Gubeng", "Wonokromo", "Rungkut", "Sukolilo", "Mulyorejo",
             "Tegalsari", "Sawahan", "Kenjeran", "Lakarsantri", "Benowo"]
BUDGET_MS = 100
BUDGET_KB = 100


def seed_sellers(url: str, count: int) -> list[int]:
    """Insert ``count`` active sellers with a bank account each; their ids."""
    engine = create_engine(url)
    rows = [{"shop_name": f"Toko UMKM {i}", "owner_name": "Pemilik", "nik": f"3578{i:012d}",
             "npwp": None, "qris_payload": None, "status": "active", "change_seq": 0,
             "kecamatan": KECAMATAN[i % len(KECAMATAN)], "pickup_hours": "08.00–16.00"}
            for i in range(count)]
    with engine.begin() as conn:
        conn.execute(insert(Seller), rows)
        ids = [int(x) for x in conn.scalars(select(Seller.id).order_by(Seller.id))]
        conn.execute(insert(BankAccount), [{"seller_id": sid, "position": 0, "bank": "BCA",
                                            "number": "1234567890", "holder": "Pemilik"}
                                           for sid in ids])
    engine.dispose()
    return ids


def some_listings(url: str, count: int) -> list[str]:
    """UUIDs of ``count`` listings spread over the table."""
    engine = create_engine(url)
    with engine.connect() as conn:
        total = int(conn.scalar(text("SELECT count(*) FROM listings")) or 0)
        step = max(1, total // count)
        uuids = [str(u) for u in conn.scalars(select(Listing.uuid).where(
            Listing.id % step == 0).limit(count))]
    engine.dispose()
    return uuids


def timed(http: httpx.Client, paths: list[str]) -> tuple[list[float], int]:
    """Milliseconds per page (each must answer 200 or 404) and the biggest body in bytes."""
    times, biggest = [], 0
    for path in paths:
        started = time.perf_counter()
        resp = http.get(path)
        times.append((time.perf_counter() - started) * 1000)
        if resp.status_code not in (200, 404):
            raise SystemExit(f"{path}: {resp.status_code}")
        biggest = max(biggest, len(resp.content))
    return times, biggest


def page_sets(rng: random.Random, sellers: list[int], products: list[str],
              count: int) -> dict[str, list[str]]:
    """The pages to time: home (browsing pages and categories), search, product."""
    home = [rng.choice(["/", "/?hal=2", "/?stok=0", f"/?kategori={rng.choice(CATEGORIES)}",
                        f"/penjual/{rng.choice(sellers)}"]) for _ in range(count)]
    search = [f"/?q={rng.choice(QUERIES)}" for _ in range(count)]
    product = [f"/produk/{rng.choice(products)}" for _ in range(count)]
    return {"home": home, "search": search, "product": product}


def static_kb(http: httpx.Client) -> float:
    """The style sheet and script of a page, in KB."""
    html = http.get("/").text
    total = 0
    for path in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        total += len(http.get(path).content)
    return total / 1024


def run(kind: str, listings: int, sellers_n: int, pages: int) -> dict[str, Any]:
    """The whole benchmark; returns the measured figures."""
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp, database(kind, Path(tmp)) as url:
        db = Database(Settings(data_dir=Path(tmp), database_url=url))
        db.migrate()
        db.dispose()
        sellers = seed_sellers(url, sellers_n)
        seed_s = seed_listings(url, sellers, listings)
        products = some_listings(url, 500)
        with running_server(Path(tmp), url) as base, \
                httpx.Client(base_url=base, timeout=60) as http:
            warm = page_sets(rng, sellers, products, 20)
            for paths in warm.values():
                timed(http, paths)
            result: dict[str, Any] = {"backend": kind, "listings": listings,
                                      "sellers": sellers_n, "seed_s": round(seed_s, 1)}
            biggest = 0
            for name, paths in page_sets(rng, sellers, products, pages).items():
                times, size = timed(http, paths)
                biggest = max(biggest, size)
                result[f"{name}_p50_ms"] = round(statistics.median(times), 2)
                result[f"{name}_p95_ms"] = round(percentile(times, 95), 2)
            result["page_kb"] = round(biggest / 1024 + static_kb(http), 1)
            floor, _ = timed(http, ["/api/v1/health"] * pages)  # transport + framework only
            result["floor_p50_ms"] = round(statistics.median(floor), 2)
    return result


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    """Run, print the table and the RESULT line."""
    parser = argparse.ArgumentParser(prog="python -m bench.web")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--sellers", type=int, default=2_000)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args(argv)
    result = run(args.db, args.listings, args.sellers, args.pages)
    out(f"{'backend':<28} {result['backend']:>14}")
    out(f"{'seeded':<28} {result['listings']} listings, {result['sellers']} sellers in "
        f"{result['seed_s']} s")
    for name in ("home", "search", "product"):
        out(f"{name + ' page p50 / p95':<28} {result[name + '_p50_ms']:>7} / "
            f"{result[name + '_p95_ms']} ms  (≤ {BUDGET_MS} ms)")
    out(f"{'floor: /api/v1/health p50':<28} {result['floor_p50_ms']:>10} ms")
    out(f"{'heaviest page + css + js':<28} {result['page_kb']:>10} KB  (≤ {BUDGET_KB} KB)")
    result["max_p95_ms"] = max(result[f"{n}_p95_ms"] for n in ("home", "search", "product"))
    keys = ("backend", "home_p95_ms", "search_p95_ms", "product_p95_ms", "page_kb", "max_p95_ms",
            "floor_p50_ms")
    out("RESULT " + json.dumps({k: result[k] for k in keys}
                               | {"budget_ms": BUDGET_MS, "budget_kb": BUDGET_KB}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
