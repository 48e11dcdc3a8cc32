"""A 5-line cash checkout through the service against raw ``sqlite3`` (``python -m bench.checkout``).

On a private copy of the cached 100 000-product shop, each round times one checkout
through ``app.sales.checkout`` (fresh Cart, one unit of work) and one raw checkout that
writes the same rows with plain ``sqlite3`` and the same pragmas (WAL, synchronous=FULL,
foreign keys): the order, 5 lines, 1 payment, 5 stock movements, 5 on-hand updates and
5 outbox rows, in one transaction. The two alternate so both see the same disk.
Budget: checkout_ms / raw_ms ≤ 3 (medians; issue 19).
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from bench._common import describe, print_result, print_table, seeded_shop, shop_connection, working_copy

ROUNDS = 200
WARMUP = 10
LINES = 5
BUDGET_RATIO = 3.0


@dataclass(frozen=True)
class Item:
    """What the sell screen already holds for a scanned product."""

    id: int
    uuid: str
    name: str
    unit: str
    price: int
    cost: int


def _pick_items(conn: sqlite3.Connection, rng: random.Random) -> list[list[Item]]:
    rows = conn.execute("SELECT id, uuid, name, unit, price, cost FROM products "
                        "WHERE sold_by_weight = 0 AND archived = 0").fetchall()
    return [[Item(*row) for row in rng.sample(rows, LINES)] for _ in range(ROUNDS + WARMUP)]


def _service_checkout(database: object, items: list[Item]) -> None:
    from app.cart import Cart, CartLine
    from app.sales import PaymentInput, checkout

    cart = Cart()
    for item in items:
        cart.add(CartLine(item.id, item.name, item.unit, Decimal(1), item.price))
    with database.unit_of_work() as session:  # type: ignore[attr-defined]
        checkout(session, cart, [PaymentInput("cash", cart.total, cart.total + 5_000)])


def _raw_checkout(conn: sqlite3.Connection, items: list[Item]) -> None:
    """The same rows as the service writes, in one transaction, with nothing else."""
    now = datetime.now(UTC).replace(tzinfo=None)
    day = now.date().isoformat()
    total = sum(item.price for item in items)
    conn.execute("BEGIN")
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM orders WHERE device = 'RAW' AND day = ?",
                       (day,)).fetchone()[0]
    order_id = conn.execute(
        "INSERT INTO orders (uuid, number, device, day, seq, kind, source, status, subtotal, discount, "
        "total, tax, note, reason, buyer_name, buyer_phone, created_at, paid_at) "
        "VALUES (?, ?, 'RAW', ?, ?, 'sale', 'counter', 'paid', ?, 0, ?, 0, '', '', '', '', ?, ?)",
        (str(uuid.uuid4()), f"RAW-{day}-{seq:04d}", day, seq, total, total, now, now)).lastrowid
    for position, item in enumerate(items):
        conn.execute(
            "INSERT INTO order_lines (uuid, order_id, position, product_id, name, unit, qty, unit_price, "
            "unit_cost, discount, total) VALUES (?, ?, ?, ?, ?, ?, 1000, ?, ?, 0, ?)",
            (str(uuid.uuid4()), order_id, position, item.id, item.name, item.unit, item.price,
             item.cost, item.price))
    conn.execute(
        "INSERT INTO payments (uuid, order_id, method, amount, tendered, change, status, unique_code, "
        "reference, note, created_at, confirmed_at) VALUES (?, ?, 'cash', ?, ?, 5000, 'confirmed', 0, "
        "'', '', ?, ?)", (str(uuid.uuid4()), order_id, total, total + 5_000, now, now))
    for item in items:
        move = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO stock_movements (uuid, product_id, kind, qty, reason, note, order_id, device, "
            "remote, created_at) VALUES (?, ?, 'sale', -1000, '', '', ?, 'RAW', 0, ?)",
            (move, item.id, order_id, now))
        conn.execute("UPDATE products SET on_hand = on_hand - 1000, has_history = 1 WHERE id = ?", (item.id,))
        payload = json.dumps({"movement_uuid": move, "product_uuid": item.uuid, "qty": "-1.000",
                              "kind": "sale", "created_at": now.isoformat()})
        conn.execute("INSERT INTO outbox (op_id, kind, payload, status, attempts, last_error, created_at) "
                     "VALUES (?, 'stock.movement', ?, 'pending', 0, '', ?)",
                     (str(uuid.uuid4()), payload, now))
    conn.execute("COMMIT")


def _timed(fn: object, *args: object) -> float:
    start = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def run(path: Path) -> tuple[list[float], list[float]]:
    """Alternate service and raw checkouts; returns their timings in ms."""
    from app.db import open_database

    database = open_database(path)
    conn = shop_connection(path)
    carts = _pick_items(conn, random.Random(42))
    service: list[float] = []
    raw: list[float] = []
    try:
        for n, items in enumerate(carts):
            s, r = _timed(_service_checkout, database, items), _timed(_raw_checkout, conn, items)
            if n >= WARMUP:
                service.append(s)
                raw.append(r)
    finally:
        conn.close()
        database.close()
    return service, raw


def main() -> int:
    """Build or reuse the shop, run the rounds, print the table and the RESULT line."""
    shop = seeded_shop(rebuild="--rebuild" in sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        service, raw = run(working_copy(shop, Path(folder)))
    checkout_ms, raw_ms = statistics.median(service), statistics.median(raw)
    print(f"5-line cash checkout, {len(service)} rounds, shop {shop.name}")
    print_table(["what", "median ms", "p10 ms", "p90 ms", "n"], [
        ["service checkout (app.sales)", *describe(service)],
        ["raw sqlite3, same rows", *describe(raw)],
    ])
    ratio = checkout_ms / raw_ms
    verdict = "OK" if ratio <= BUDGET_RATIO else "OVER BUDGET"
    print(f"ratio {ratio:.2f} (budget ≤ {BUDGET_RATIO:g}): {verdict}")
    print_result({"checkout_ms": checkout_ms, "raw_ms": raw_ms, "ratio": ratio, "budget_ratio": BUDGET_RATIO})
    return 0


if __name__ == "__main__":
    sys.exit(main())
