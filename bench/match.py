"""Benchmark: a 10 000-line bank statement imported against 10 000 open payments (budget ≤ 1 s).

Run as ``python -m bench.match``. Times the product path the seller waits for after picking
the file: ``app.payments.service.import_statement`` in one unit of work, committed — parse
the KlikBCA Bisnis CSV, query the open payments and the statement keys already used, match,
record the new lines. The shop is the demo shop plus 10 000 older confirmed transfers (whose
statement keys are "used") and 10 000 open transfers, written fresh with bulk SQL; each run
starts from its own copy of it.

Floor (like for like, plain ``sqlite3`` + ``csv`` on another copy, same durability): read the
same CSV rows and their amounts, one query for the open payments' amounts due, one for the
used keys, one dict lookup per credit, the new lines inserted with ``executemany``, committed.
The last line is ``RESULT {json}``.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.payments.unique_code import allocate_unique_code
from bench._common import print_result, print_table, shop_connection, working_copy

LINES = 10_000
ORDERS = 10_000
RUNS = 5
BUDGET_SECONDS = 1.0
START = datetime(2025, 6, 1, 8, 0)
TODAY = date(2025, 6, 30)
NOW = datetime(2025, 6, 30, 5, tzinfo=UTC)
TS = "%Y-%m-%d %H:%M:%S.%f"
ORDER_COLUMNS = ("uuid, number, device, day, seq, kind, channel_id, source, status, subtotal, discount, "
                 "total, tax, note, reason, buyer_name, buyer_phone, cashier_id, created_at, paid_at, "
                 "rounding")
PAYMENT_COLUMNS = ("uuid, order_id, method, amount, change, status, unique_code, bank_account_id, "
                   "reference, note, created_at, confirmed_at, statement_key")

OPEN_SQL = ("SELECT p.id, p.amount + p.unique_code FROM payments p JOIN orders o ON o.id = p.order_id "
            "WHERE p.status = 'pending' AND p.method IN ('transfer', 'qris') AND o.status = 'pending'")
USED_SQL = ("SELECT statement_key FROM payments WHERE statement_key IS NOT NULL "
            "UNION SELECT key FROM statement_lines WHERE payment_id IS NOT NULL")
INSERT_SQL = ("INSERT INTO statement_lines (key, bank, amount, line_date, description, imported_at) "
              "VALUES (?, 'bca', ?, ?, ?, ?)")


def _orders(conn: sqlite3.Connection, rng: random.Random, first_seq: int, status: str) -> list[int]:
    """ORDERS transfer orders with unique amounts due; returns the amounts due."""
    taken: set[int] = set()
    orders, dues = [], []
    for n in range(ORDERS):
        base = rng.randrange(10, 500) * 1000
        code = allocate_unique_code(base, taken, rng)
        taken.add(base + code)
        created = START + timedelta(minutes=n) - (timedelta(days=60) if status == "paid" else timedelta())
        stamp, seq = created.strftime(TS), first_seq + n
        orders.append((str(uuid.uuid4()), f"K1-{seq:06d}", "K1", created.date().isoformat(), seq, "sale", 1,
                       "counter", status, base, 0, base, 0, "", "", "", "", 1, stamp,
                       stamp if status == "paid" else None, 0))
        dues.append((base, code, stamp))
    conn.executemany(f"INSERT INTO orders ({ORDER_COLUMNS}) VALUES ({','.join('?' * 21)})", orders)
    ids = [r[0] for r in conn.execute("SELECT id FROM orders WHERE seq >= ? ORDER BY seq LIMIT ?",
                                      (first_seq, ORDERS))]
    paid = status == "paid"
    conn.executemany(f"INSERT INTO payments ({PAYMENT_COLUMNS}) VALUES ({','.join('?' * 13)})", [
        (str(uuid.uuid4()), oid, "transfer", base, 0, "confirmed" if paid else "pending", code, 1, "", "",
         stamp, stamp if paid else None, f"bca:old:{oid}" if paid else None)
        for oid, (base, code, stamp) in zip(ids, dues, strict=True)])
    return [base + code for base, code, _stamp in dues]


def build_shop(folder: Path, rng: random.Random) -> tuple[Path, list[int]]:
    """The demo shop + 10 000 confirmed and 10 000 open transfers; (path, open amounts due)."""
    from app.db import open_database
    from app.demo import build_demo

    path = folder / "match-shop.sqlite"
    database = open_database(path)
    with database.unit_of_work() as session:
        build_demo(session)
    database.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    _orders(conn, rng, 100_000, "paid")
    dues = _orders(conn, rng, 200_000, "pending")
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path, dues


def write_statement(folder: Path, rng: random.Random, dues: list[int]) -> Path:
    """A KlikBCA Bisnis CSV: 7 000 credits paying open transfers, 1 000 debits, 2 000 other credits."""
    rows = []
    for i in range(LINES):
        kind = i % 10
        amount = dues[i] if kind < 7 else rng.randrange(1000, 9_000_000)
        side = "DB" if kind == 7 else "CR"
        rows.append(f'{8 + i % 20:02d}/06/2025,"TRSF E-BANKING CR {i:05d}/FTSCY/WS95031 PEMBELI, SBY",'
                    f'"0000","{amount:,}.00 {side}"')
    rng.shuffle(rows)
    path = folder / "mutasi.csv"
    path.write_text("Tanggal Transaksi,Keterangan,Cabang,Jumlah\n" + "\n".join(rows) + "\n")
    return path


def product_path(shop: Path, statement: Path) -> tuple[float, object]:
    """Seconds of one import (unit of work, committed) on ``shop``, and its result."""
    from app.db import open_database
    from app.payments.service import import_statement

    database = open_database(shop)
    try:
        start = time.perf_counter()
        with database.unit_of_work() as session:
            result = import_statement(session, statement, today=TODAY, now=NOW)
        return time.perf_counter() - start, result
    finally:
        database.close()


def floor_path(shop: Path, statement: Path) -> tuple[float, int]:
    """Seconds of the raw equivalent on ``shop``, and how many credits found a payment."""
    conn = shop_connection(shop)
    try:
        start = time.perf_counter()
        with statement.open(newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        lines = [(f"raw:{n}", row[0], row[1], int(row[3].split(".")[0].replace(",", "")),
                  row[3].endswith("CR")) for n, row in enumerate(rows)]
        conn.execute("BEGIN IMMEDIATE")
        due = {a: pid for pid, a in conn.execute(OPEN_SQL)}
        used = {k for (k,) in conn.execute(USED_SQL)}
        found = sum(1 for key, _d, _t, amount, cr in lines if cr and key not in used and amount in due)
        conn.executemany(INSERT_SQL, [
            (key, amount if credit else -amount, f"2025-06-{day[:2]}", text, "2025-06-30")
            for key, day, text, amount, credit in lines])
        conn.execute("COMMIT")
        return time.perf_counter() - start, found
    finally:
        conn.close()


def _median_fresh(folder: Path, shop: Path,
                  run: Callable[[Path], tuple[float, object]]) -> tuple[float, object]:
    """Median seconds of RUNS runs, each on a fresh copy of the shop."""
    samples, last = [], None
    for n in range(RUNS):
        copy_dir = folder / f"run-{run.__name__}-{n}"
        copy_dir.mkdir()
        seconds, last = run(working_copy(shop, copy_dir))
        samples.append(seconds)
    return statistics.median(samples), last


def main() -> None:
    """Build the shop and the statement, run both paths, print the table and the RESULT line."""
    rng = random.Random(20250601)
    with tempfile.TemporaryDirectory(prefix="peken-match-") as name:
        folder = Path(name)
        shop, dues = build_shop(folder, rng)
        statement = write_statement(folder, rng, dues)

        def product(copy: Path) -> tuple[float, object]:
            return product_path(copy, statement)

        def floor(copy: Path) -> tuple[float, object]:
            return floor_path(copy, statement)

        seconds, result = _median_fresh(folder, shop, product)
        floor_seconds, found = _median_fresh(folder, shop, floor)
    matched = result.matches  # type: ignore[attr-defined]
    ratio = seconds / floor_seconds
    print_table(["what", "seconds"], [
        [f"import_statement: {LINES:,} lines × {ORDERS:,} open payments", f"{seconds:.4f}"],
        ["floor: csv + 2 queries + dict lookups + executemany", f"{floor_seconds:.4f}"]])
    print(f"proposals {len(matched.proposals)} (floor found {found}), ambiguous {len(matched.ambiguous)}, "
          f"unmatched {len(matched.unmatched)}; ratio {ratio:.1f}× floor; budget {BUDGET_SECONDS} s: "
          f"{'OK' if seconds <= BUDGET_SECONDS else 'OVER'}")
    print_result({"lines": LINES, "orders": ORDERS, "seconds": seconds, "floor_seconds": floor_seconds,
                  "ratio": ratio, "proposals": len(matched.proposals), "budget_seconds": BUDGET_SECONDS})


if __name__ == "__main__":
    main()
