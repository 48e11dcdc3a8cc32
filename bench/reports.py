"""Benchmark: the Laporan dashboard opened on a year of data (200 000 orders).

The shop file is generated once with bulk SQL inserts (orders, lines, payments,
realistic hours, channels, methods, refunds, voids) and cached in the temp dir.
Measured: building the page, the figures for "this month" and for the last 365 days
(computed as the page does, three scans at once), each the median of five runs.
``open_s`` = page built + this month's figures shown + the year's figures computed.
Budget: ≤ 1 s.

Run: ``python -m bench.reports`` (``--rebuild`` regenerates the cached shop).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app import demo
from app.clock import now_local, now_utc, shop_day
from app.db import SCHEMA_HEAD, Database, open_database
from app.reports import build_report_parallel, this_month, this_year
from app.reports.periods import Period, custom

ORDERS = 200_000
DATA_VERSION = 2
BUDGET_S = 1.0
HOUR_WEIGHTS = [0, 0, 0, 0, 0, 1, 3, 6, 8, 9, 9, 10, 12, 11, 9, 8, 9, 11, 12, 10, 7, 4, 2, 1]
METHODS = ["cash"] * 12 + ["qris"] * 4 + ["transfer"] * 3 + ["other"]
TS = "%Y-%m-%d %H:%M:%S.%f"


def cached_shop() -> Path:
    """The path of the cached year-of-data shop file (built when missing)."""
    name = f"peken_bench_reports_v{DATA_VERSION}_{SCHEMA_HEAD}_{ORDERS}.sqlite"
    return Path(tempfile.gettempdir()) / name


def _base_shop(path: Path) -> None:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    database = open_database(path)
    with database.unit_of_work() as session:
        demo.build_demo(session)
        demo.shop.create_event(session, "Pameran Batik Grand City")
    database.close()


class _Writer:
    """Bulk rows for orders, lines and payments, written in chunks by executemany."""

    def __init__(self, conn: sqlite3.Connection, start_id: int) -> None:
        self.conn = conn
        self.order_id = start_id
        self.line_id = conn.execute("SELECT coalesce(max(id), 0) FROM order_lines").fetchone()[0]
        self.pay_id = conn.execute("SELECT coalesce(max(id), 0) FROM payments").fetchone()[0]
        self.orders: list[tuple[object, ...]] = []
        self.lines: list[tuple[object, ...]] = []
        self.pays: list[tuple[object, ...]] = []

    def flush(self) -> None:
        """Write the buffered rows."""
        self.conn.executemany(f"INSERT INTO orders VALUES ({','.join('?' * 25)})", self.orders)
        self.conn.executemany(f"INSERT INTO order_lines VALUES ({','.join('?' * 13)})", self.lines)
        self.conn.executemany(f"INSERT INTO payments VALUES ({','.join('?' * 17)})", self.pays)
        self.orders, self.lines, self.pays = [], [], []


def _when(rng: random.Random, day: datetime) -> datetime:
    hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
    local = day.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59))
    return local.astimezone(UTC)


def _order(w: _Writer, rng: random.Random, ctx: dict[str, object], when: datetime, seq: int) -> None:
    products: list[tuple[int, str, str, int, int]] = ctx["products"]  # type: ignore[assignment]
    channels: list[tuple[int, str]] = ctx["channels"]  # type: ignore[assignment]
    weights: list[int] = ctx["channel_weights"]  # type: ignore[assignment]
    channel, source = rng.choices(channels, weights)[0]
    w.order_id += 1
    oid, subtotal = w.order_id, 0
    for pos, (pid, name, unit, price, cost) in enumerate(rng.sample(products, rng.randint(1, 4))):
        qty = rng.choice((1, 1, 1, 2, 3))
        w.line_id += 1
        subtotal += qty * price
        w.lines.append((w.line_id, str(uuid.uuid4()), oid, pos, pid, name, unit, qty * 1000, price,
                        cost, 0, qty * price, None))
    roll = rng.random()
    status = "void" if roll < 0.01 else "expired" if roll < 0.015 else "paid"
    kind, total = "sale", subtotal
    if 0.015 <= roll < 0.025:  # a refund of the whole basket
        kind, total = "refund", -subtotal
        for i in range(len(w.lines) - 1, -1, -1):
            if w.lines[i][2] != oid:
                break
            row = list(w.lines[i])
            row[7], row[11] = -int(row[7]), -int(row[11])  # type: ignore[call-overload]
            w.lines[i] = tuple(row)
    method = "cash" if kind == "refund" else rng.choice(METHODS)
    day = shop_day(when)
    stamp = when.replace(tzinfo=None).strftime(TS)
    w.orders.append((oid, str(uuid.uuid4()), f"K1-{day:%Y%m%d}-{seq:04d}", "K1", day.isoformat(), seq,
                     kind, None, channel, source, None, status, abs(total) if kind == "sale" else total,
                     0, total, 0, "", "", "", "", ctx["cashier"], None, stamp,
                     stamp if status == "paid" else None, None))
    w.pay_id += 1
    pay_status = "void" if status != "paid" else "confirmed"
    tendered = ((total // 50_000) + 1) * 50_000 if method == "cash" and total > 0 else None
    w.pays.append((w.pay_id, str(uuid.uuid4()), oid, method, total, tendered,
                   (tendered - total) if tendered else 0, pay_status, 0, None, None, "", "", stamp,
                   stamp if pay_status == "confirmed" else None, None, None))


def _context(conn: sqlite3.Connection) -> dict[str, object]:
    products = conn.execute("SELECT id, name, unit, price, cost FROM products WHERE sold_by_weight = 0"
                            ).fetchall()
    chans = conn.execute("SELECT id, kind FROM sales_channels ORDER BY id").fetchall()
    weights = {"counter": 70, "event": 6, "online": 12}
    return {"products": products, "channels": chans,
            "channel_weights": [weights.get(k, 5) for _id, k in chans],
            "cashier": conn.execute("SELECT min(id) FROM users").fetchone()[0]}


def generate(path: Path, orders: int = ORDERS, seed: int = 2026) -> None:
    """Build the shop file: the demo shop plus ``orders`` orders over the last 365 days."""
    _base_shop(path)
    rng = random.Random(seed)
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    ctx = _context(conn)
    w = _Writer(conn, conn.execute("SELECT coalesce(max(id), 0) FROM orders").fetchone()[0])
    today = now_local().replace(hour=0, minute=0, second=0, microsecond=0)
    per_day = orders // 365
    for back in range(364, -1, -1):
        day = today - timedelta(days=back)
        count = per_day + (orders - per_day * 365 if back == 0 else 0)
        stamps = sorted(_when(rng, day) for _ in range(count))
        for seq, when in enumerate(stamps, start=1000):
            _order(w, rng, ctx, min(when, now_utc() - timedelta(seconds=1)), seq)
        if len(w.orders) > 20_000:
            w.flush()
    w.flush()
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _median(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _figures(database: Database, period: Period) -> Callable[[], object]:
    def run() -> object:
        return build_report_parallel(database, period)
    return run


def _page_open(database: Database) -> tuple[float, float]:
    """(seconds to build the page, seconds to build it and show this month's figures)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.context import AppContext
    from ui.reports.page import ReportsPage

    app = QApplication.instance() or QApplication(sys.argv)
    ctx = AppContext(db=database, user_id=1, user_name="Siti", user_role="owner")

    def build() -> object:
        page = ReportsPage(ctx, autoload=False)
        page.resize(1280, 800)
        return page

    def build_and_show() -> object:
        page = ReportsPage(ctx, autoload=False)
        page.resize(1280, 800)
        page.show_report(_figures(database, this_month())())  # type: ignore[arg-type]
        page.show()
        app.processEvents()
        page.close()
        return page

    return _median(build), _median(build_and_show)


def main() -> None:
    """Generate (once), measure and print the table and the RESULT line."""
    path = cached_shop()
    if "--rebuild" in sys.argv or not path.exists():
        started = time.perf_counter()
        generate(path)
        print(f"generated {path} in {time.perf_counter() - started:.1f} s")
    database = open_database(path)
    with database.read() as session:
        from sqlalchemy import func, select

        from models import Order
        count = int(session.scalar(select(func.count()).select_from(Order).where(Order.seq >= 1000)) or 0)
    _figures(database, this_year())()  # warm the page cache once, as a real open follows start-up
    month_s = _median(_figures(database, this_month()))
    year = custom(now_local().date() - timedelta(days=364), now_local().date())
    year_s = _median(_figures(database, year))
    build_s, shown_s = _page_open(database)
    open_s = shown_s + year_s
    rows = [("page built (no figures)", build_s), ("figures: this month", month_s),
            ("figures: last 365 days", year_s), ("page built + this month shown", shown_s),
            ("dashboard open (shown + year)", open_s)]
    print(f"{'what':<34}{'seconds':>10}")
    for what, secs in rows:
        print(f"{what:<34}{secs:>10.3f}")
    print(f"budget {BUDGET_S:.1f} s → {'OK' if open_s <= BUDGET_S else 'OVER'}")
    database.close()
    print("RESULT " + json.dumps({
        "orders": count, "open_s": round(open_s, 3),
        "month_s": round(month_s, 3), "year_s": round(year_s, 3), "page_s": round(build_s, 3),
        "budget_s": BUDGET_S, "ratio": round(open_s / BUDGET_S, 3)}))


if __name__ == "__main__":
    main()
