"""Benchmark: the money book on a big shop (10 000 customers, 200 000 kasbon lines, 20 000
purchases).

The shop file is the demo shop plus ``--customers`` customers, ``--entries`` kasbon lines
(about two credit sales for each payment, a few refunds, spread over two years) and
``--purchases`` purchases from 300 suppliers (three lines each, most paid, some returned),
and a year of kas keluar, written with raw ``sqlite3`` executemany and cached under the bench
cache dir (named after the counts and the schema head).

Measured, each the median of several runs on a session of the app (what the screen waits for):

* ``balances_ms`` — every customer's kasbon balance (:func:`app.kasbon.balances`, the
  Pelanggan list's balance column);
* ``aging_ms`` — the piutang aging of every customer as of today
  (:func:`app.reports.books.receivables`: the open credit sales the triggers of migration 0013
  keep, bucketed by age, with the customers' names);
* ``profit_loss_year_ms`` — laba rugi of this year (:func:`app.reports.books.profit_loss`).

Floors (plain ``sqlite3``): ``balances_floor_ms`` the same grouped sum in one raw query;
``aging_floor_ms`` the raw grouped sum of the open credit sales (no buckets, no names);
``profit_floor_ms`` the raw sums of the year's rollups and kas keluar. Budget: each figure
≤ 300 ms.

Run: ``python -m bench.books [--customers N] [--entries N] [--purchases N]``; the last line
is ``RESULT {json}``.
"""

from __future__ import annotations

import os
import random
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench._common import cache_dir, median_ms, option, print_result, print_table, shop_connection

BUDGET_MS = 300
TS = "%Y-%m-%d %H:%M:%S.%f"
CATEGORIES = ("electricity", "wages", "transport", "rent", "supplies", "other", "goods", "drawings")


def _customers(conn: sqlite3.Connection, count: int, now: datetime) -> list[str]:
    uuids = [str(uuid.UUID(int=n + 1)) for n in range(count)]
    stamp = now.strftime(TS)
    conn.executemany(
        "INSERT INTO customers (uuid, name, phone, address, note, group_name, archived, device, stamp, "
        "created_at, updated_at) VALUES (?, ?, ?, '', '', '', 0, 'K1', '', ?, ?)",
        [(u, f"Pelanggan {n:05d}", f"+62812{n:07d}", stamp, stamp) for n, u in enumerate(uuids)])
    return uuids


def _entries(conn: sqlite3.Connection, rng: random.Random, people: list[str], count: int,
             now: datetime) -> None:
    rows = []
    for n in range(count):
        kind = rng.choices(("sale", "payment", "refund"), (64, 33, 3))[0]
        at = (now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))).strftime(TS)
        method = None if kind != "payment" else rng.choice(("cash", "cash", "transfer", "qris"))
        rows.append((str(uuid.uuid4()), rng.choice(people), kind, rng.randint(5, 300) * 1000, method,
                     "confirmed", at, at if kind == "payment" else None, f"K1-{n:07d}"))
    conn.executemany(
        "INSERT INTO credit_entries (uuid, customer_uuid, kind, amount, method, status, created_at, "
        "confirmed_at, order_number, unique_code, note, device, stamp) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', 'K1', '')", rows)


def _purchases(conn: sqlite3.Connection, rng: random.Random, count: int, now: datetime) -> None:
    suppliers = [str(uuid.uuid4()) for _ in range(300)]
    conn.executemany("INSERT INTO suppliers (uuid, name, phone, address, note, archived, device, stamp, "
                     "created_at, updated_at) VALUES (?, ?, '', '', '', 0, 'K1', '', ?, ?)",
                     [(u, f"Pemasok {n:03d}", now.strftime(TS), now.strftime(TS))
                      for n, u in enumerate(suppliers)])
    purchases, lines, pays = [], [], []
    for n in range(count):
        pid, at = str(uuid.uuid4()), now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
        total = 0
        for pos in range(3):
            qty, cost = rng.randint(1, 48), rng.randint(2, 90) * 500
            total += qty * cost
            lines.append((str(uuid.uuid4()), pid, pos, str(uuid.uuid4()), f"Barang {pos}", qty * 1000,
                          qty * 1000, cost))
        due = (at + timedelta(days=30)).date().isoformat()
        purchases.append((pid, f"PB-{n:06d}", rng.choice(suppliers), due, total, at.strftime(TS)))
        if rng.random() < 0.85:
            pays.append((str(uuid.uuid4()), pid, rng.choice(("drawer", "bank")), total, at.strftime(TS)))
    conn.executemany(
        "INSERT INTO purchases (uuid, number, kind, supplier_uuid, invoice_no, due_date, status, total, "
        "note, received_at, created_at, updated_at, device, stamp) "
        "VALUES (?, ?, 'purchase', ?, '', ?, 'received', ?, '', ?6, ?6, ?6, 'K1', '')", purchases)
    conn.executemany(
        "INSERT INTO purchase_lines (uuid, purchase_uuid, position, product_uuid, name, unit, qty_ordered, "
        "qty_received, unit_cost, device, stamp, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'pcs', ?, ?, ?, 'K1', '', '2026-01-01 00:00:00.000000')", lines)
    conn.executemany(
        "INSERT INTO supplier_payments (uuid, purchase_uuid, source, amount, note, created_at, device, "
        "stamp) VALUES (?, ?, ?, ?, '', ?, 'K1', '')", pays)


def _cash(conn: sqlite3.Connection, rng: random.Random, now: datetime) -> None:
    conn.executemany(
        "INSERT INTO cash_movements (uuid, direction, category, amount, note, created_at, device, stamp) "
        "VALUES (?, 'out', ?, ?, '', ?, 'K1', '')",
        [(str(uuid.uuid4()), rng.choice(CATEGORIES), rng.randint(1, 500) * 1000,
          (now - timedelta(hours=rng.randint(0, 365 * 24))).strftime(TS)) for _ in range(5_000)])


def build(path: Path, customers: int, entries: int, purchases: int) -> None:
    """The demo shop plus the money book's rows (raw inserts, one transaction)."""
    from app.db import open_database
    from app.demo import build_demo

    database = open_database(path)
    with database.unit_of_work() as session:
        build_demo(session)
    database.close()
    rng, now = random.Random(12), datetime.now(UTC)
    conn = sqlite3.connect(path)
    with conn:
        _entries(conn, rng, _customers(conn, customers, now), entries, now)
        _purchases(conn, rng, purchases, now)
        _cash(conn, rng, now)
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def shop(customers: int, entries: int, purchases: int) -> Path:
    """The cached big shop (built once per size and schema head)."""
    from app.db import SCHEMA_HEAD

    path = cache_dir() / f"books-{customers}-{entries}-{purchases}-s{SCHEMA_HEAD}.sqlite"
    if not path.exists():
        building = path.with_name(path.name + f".building-{os.getpid()}")
        build(building, customers, entries, purchases)
        building.replace(path)
    return path


def _floors(path: Path, year: tuple[str, str]) -> dict[str, float]:
    conn = shop_connection(path)
    try:
        def balances() -> object:
            return conn.execute("SELECT customer_uuid, sum(CASE kind WHEN 'sale' THEN amount "
                                "ELSE -amount END) FROM credit_entries WHERE status = 'confirmed' "
                                "GROUP BY 1").fetchall()

        def aging() -> object:
            return conn.execute("SELECT customer_uuid, sum(unpaid) FROM kasbon_open GROUP BY 1 "
                                "HAVING sum(unpaid) > 0").fetchall()

        def profit() -> object:
            return (conn.execute("SELECT kind, sum(total) FROM rollup_day_orders WHERE day >= ? AND day <= ? "
                                 "GROUP BY 1", year).fetchall(),
                    conn.execute("SELECT category, sum(amount) FROM cash_movements WHERE direction = 'out' "
                                 "AND created_at >= ? GROUP BY 1", (year[0],)).fetchall())

        return {"balances": median_ms(balances, 7, 1), "aging": median_ms(aging, 5, 1),
                "profit": median_ms(profit, 7, 1)}
    finally:
        conn.close()


def main() -> None:
    """Build or reuse the shop, time the three figures and their floors, print RESULT."""
    from app import kasbon
    from app.clock import today
    from app.db import Database
    from app.reports import this_year
    from app.reports.books import profit_loss, receivables

    customers, entries = option("--customers", 10_000), option("--entries", 200_000)
    purchases = option("--purchases", 20_000)
    path = shop(customers, entries, purchases)
    database = Database(path)
    day, year = today(), this_year()
    try:
        with database.read() as session:
            figures = {
                "balances_ms": median_ms(lambda: kasbon.balances(session), 7, 1),
                "aging_ms": median_ms(lambda: receivables(session, day), 5, 1),
                "profit_loss_year_ms": median_ms(lambda: profit_loss(session, year), 7, 1),
            }
    finally:
        database.close()
    floors = _floors(path, (year.first.isoformat(), year.last.isoformat()))
    rows = [[name, f"{figures[name]:.1f}", f"{floors[key]:.1f}", f"{figures[name] / floors[key]:.2f}",
             BUDGET_MS] for name, key in (("balances_ms", "balances"), ("aging_ms", "aging"),
                              ("profit_loss_year_ms", "profit"))]
    print_table(["figure", "ms", "floor ms", "ratio", "budget ms"], rows)
    print_result({**{k: round(v, 1) for k, v in figures.items()},
                  **{f"{k}_floor_ms": round(v, 2) for k, v in floors.items()},
                  "ratio": round(max(figures[n] / floors[k] for n, k in (
                      ("balances_ms", "balances"), ("aging_ms", "aging"),
                      ("profit_loss_year_ms", "profit"))), 2),
                  "customers": customers, "entries": entries, "purchases": purchases,
                  "budget_ms": BUDGET_MS})


if __name__ == "__main__":
    main()
