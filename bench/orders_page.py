"""Benchmark: the Pesanan (orders) page on years of history (``--orders N``, 1 000 000 default).

The shop file is the demo shop plus N orders spread over five years (one or two payments
and one line each; refunds, voids, expired and unpaid orders, every method and channel),
written with raw ``sqlite3`` executemany and cached under the bench cache dir, named after N
and the schema head. The shop clock is moved to the newest order's time, so "Hari ini" on a
cached file shows a real shop day however old the file is.

Measured, each time from a page not built before in this process:

* ``open_ms`` — the page built and shown as the user meets it (period "Hari ini"): channels,
  count, first page of rows, columns fitted, painted; the first page in this process, on a
  database opened just before. Budget: ≤ 200 ms.
* ``detail_ms`` — clicking the first order: its lines (with what was returned) and payments.
* ``all_ms`` and the filter figures — switching to "Semua waktu", then a status, refunds, a
  channel, the rarest payment method, a number search over all time and a month's date range;
  each is the count (capped at two pages: "Lebih dari 400") plus the first page, what the
  user waits for; ``worst_ms`` the slowest.
* ``scroll_ms`` — twenty more pages (``fetchMore``) deep in the list, keyset-paged.

Floors, each the first run on a fresh plain ``sqlite3`` connection (as cold as the page's):
``open_floor_ms`` is the raw count (LIMIT-bounded like the page's) plus the raw first page of
"Hari ini"; ``floor_ms`` the same for "Semua waktu" (``ratio`` = ``all_ms`` / ``floor_ms``,
``open_ratio`` = ``open_ms`` / ``open_floor_ms``). ``floor_warm_ms``: the best of five runs
of the "Semua waktu" page query, the cost with every page cached.

Run: ``python -m bench.orders_page [--orders N]``; the last line is ``RESULT {json}``.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench._common import cache_dir, option, print_result, print_table, shop_connection

ORDERS = 1_000_000
DAYS = 5 * 365
BUDGET_MS = 200
TS = "%Y-%m-%d %H:%M:%S.%f"
DEVICE = "K2"  # a second till: its numbers never meet the demo's own K1 orders
METHODS = ("cash",) * 12 + ("qris",) * 4 + ("transfer",) * 3 + ("other",)
ORDER_COLUMNS = ("id", "uuid", "number", "device", "day", "seq", "kind", "refund_of_id", "channel_id",
                 "source", "status", "subtotal", "total", "cashier_id", "created_at", "paid_at",
                 "expires_at", "discount", "tax", "note", "reason", "buyer_name", "buyer_phone")
PAY_COLUMNS = ("id", "uuid", "order_id", "method", "amount", "status", "unique_code", "created_at",
               "confirmed_at", "change", "reference", "note")
LINE_COLUMNS = ("id", "uuid", "order_id", "position", "product_id", "name", "unit", "qty",
                "unit_price", "unit_cost", "total", "discount")


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def shop_file(orders: int) -> Path:
    """The cached shop with ``orders`` orders (built once, renamed into place when complete)."""
    from app.db import SCHEMA_HEAD

    path = cache_dir() / f"orders-{orders}-s{SCHEMA_HEAD}.sqlite"
    if not path.exists():
        building = path.with_name(path.name + f".building-{os.getpid()}")
        _build(building, orders)
        building.replace(path)
    return path


def _build(path: Path, orders: int) -> None:
    from app.db import open_database
    from app.demo import build_demo
    from app.reports.rollups import rebuild

    database = open_database(path)
    with database.unit_of_work() as session:
        build_demo(session)
    database.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    # The report rollup triggers are set aside while the rows go in and the rollups rebuilt
    # once at the end (the same rows the triggers would have kept, in one pass).
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    _Generator(conn, orders).run()
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.close()
    database = open_database(path)
    with database.unit_of_work() as session:
        rebuild(session)
    database.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


class _Generator:
    """Orders, payments and lines over :data:`DAYS` days up to now, in chunks."""

    def __init__(self, conn: sqlite3.Connection, orders: int) -> None:
        self.conn, self.total, self.rng = conn, orders, random.Random(2026)
        self.ids = [int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0])
                    for t in ("orders", "payments", "order_lines")]
        self.channels = conn.execute("SELECT id, kind FROM sales_channels ORDER BY id").fetchall()
        self.cashiers = [r[0] for r in conn.execute("SELECT id FROM users")]
        self.products = conn.execute(
            "SELECT id, name, unit, price, cost FROM products WHERE sold_by_weight = 0").fetchall()
        self.rows: tuple[list[tuple[Any, ...]], ...] = ([], [], [])
        self.recent_sales: list[tuple[int, int]] = []
        self.seqs: dict[str, int] = {}

    def run(self) -> None:
        """Write every order, oldest day first."""
        end = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
        per_day, extra = divmod(self.total, DAYS)
        for back in range(DAYS - 1, -1, -1):
            day_end = end - timedelta(days=back)
            count = per_day + (1 if back < extra else 0)
            stamps = sorted(day_end - timedelta(seconds=self.rng.randint(0, 50_000)) for _ in range(count))
            for when in stamps:
                self._order(when, pending_ok=back == 0)
            if len(self.rows[0]) >= 50_000:
                self._flush()
        self._flush()

    def _flush(self) -> None:
        orders, pays, lines = self.rows
        self.conn.executemany(_insert("orders", ORDER_COLUMNS), orders)
        self.conn.executemany(_insert("payments", PAY_COLUMNS), pays)
        self.conn.executemany(_insert("order_lines", LINE_COLUMNS), lines)
        for rows in self.rows:
            rows.clear()

    def _order(self, when: datetime, pending_ok: bool) -> None:
        rng = self.rng
        date = f"{when:%Y%m%d}"
        seq = self.seqs[date] = self.seqs.get(date, 0) + 1
        self.ids[0] += 1
        oid, stamp = self.ids[0], when.replace(tzinfo=None).strftime(TS)
        channel, source = rng.choices(self.channels, [70, 12, 6][: len(self.channels)])[0]
        pid, name, unit, price, cost = rng.choice(self.products)
        qty = rng.choice((1, 1, 1, 2, 3))
        total, kind, refund_of = qty * price, "sale", None
        roll = rng.random()
        status = ("void" if roll < 0.01 else "expired" if roll < 0.015
                  else "pending" if roll < 0.02 and pending_ok else "paid")
        if source == "online" and status == "paid" and rng.random() < 0.8:
            status = "fulfilled"
        if 0.02 <= roll < 0.035 and self.recent_sales:  # a refund of an earlier sale
            kind, (refund_of, total) = "refund", rng.choice(self.recent_sales)
            total, status = -total, "paid"
        elif status in ("paid", "fulfilled"):
            self.recent_sales = [*self.recent_sales[-499:], (oid, total)]
        number = f"{DEVICE}-{date}-{seq:04d}"
        paid = stamp if status in ("paid", "fulfilled") else None
        self.rows[0].append((oid, str(uuid.uuid4()), number, DEVICE, f"{when:%Y-%m-%d}", seq, kind, refund_of,
                             channel, source, status, abs(total), total, rng.choice(self.cashiers), stamp,
                             paid, None, 0, 0, "", "", "", ""))
        self._payments(oid, kind, status, total, stamp)
        self.ids[2] += 1
        sign = -1 if kind == "refund" else 1
        self.rows[2].append((self.ids[2], str(uuid.uuid4()), oid, 0, pid, name, unit, sign * qty * 1000,
                             price, cost, total, 0))

    def _payments(self, oid: int, kind: str, status: str, total: int, stamp: str) -> None:
        method = "cash" if kind == "refund" else self.rng.choice(METHODS)
        state = {"paid": "confirmed", "fulfilled": "confirmed", "pending": "pending"}.get(status, "void")
        parts = [(method, total)]
        if kind == "sale" and total > 20_000 and self.rng.random() < 0.03:  # a split payment
            parts = [("cash", 10_000), (method if method != "cash" else "qris", total - 10_000)]
        for how, amount in parts:
            self.ids[1] += 1
            self.rows[1].append((self.ids[1], str(uuid.uuid4()), oid, how, amount, state, 0, stamp,
                                 stamp if state == "confirmed" else None, 0, "", ""))


def newest_order_time(path: Path) -> datetime:
    """When the newest order of the file was made (the bench's "now")."""
    conn = sqlite3.connect(path)
    try:
        raw = conn.execute("SELECT max(created_at) FROM orders").fetchone()[0]
    finally:
        conn.close()
    return datetime.strptime(raw, TS).replace(tzinfo=UTC)


FLOOR_SQL = (
    "SELECT o.id, o.number, o.created_at, o.kind, o.status, coalesce(c.name, ''), coalesce(u.name, ''), "
    "coalesce((SELECT group_concat(DISTINCT p.method) FROM payments p WHERE p.order_id = o.id), ''), "
    "o.total, (SELECT coalesce(sum(r.total), 0) FROM orders r WHERE r.refund_of_id = o.id), o.source "
    "FROM orders o LEFT JOIN sales_channels c ON c.id = o.channel_id "
    "LEFT JOIN users u ON u.id = o.cashier_id "
    "WHERE o.created_at >= :since AND o.created_at < :until "
    "ORDER BY o.created_at DESC, o.id DESC LIMIT 200"
)
FLOOR_COUNT_SQL = ("SELECT count(*) FROM (SELECT 1 FROM orders WHERE created_at >= :since "
                   "AND created_at < :until LIMIT :cap)")
EVER = ("0000-01-01", "9999-12-31")


def floor_ms(path: Path, since: str, until: str) -> tuple[float, int]:
    """(ms, rows): the LIMIT-bounded count and the first page between ``since`` and ``until``
    (storage strings), by raw SQL, first run on a fresh connection."""
    from app.order_queries import COUNT_CAP

    conn = shop_connection(path)
    try:
        start = time.perf_counter()
        conn.execute(FLOOR_COUNT_SQL, {"since": since, "until": until, "cap": COUNT_CAP + 1}).fetchone()
        rows = len(conn.execute(FLOOR_SQL, {"since": since, "until": until}).fetchall())
        return (time.perf_counter() - start) * 1000, rows
    finally:
        conn.close()


def warm_floor_ms(path: Path) -> float:
    """The "Semua waktu" page query with every page cached: best of five."""
    conn = shop_connection(path)
    try:
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            conn.execute(FLOOR_SQL, dict(zip(("since", "until"), EVER, strict=True))).fetchall()
            best = min(best, (time.perf_counter() - start) * 1000)
        return best
    finally:
        conn.close()


def today_bounds() -> tuple[str, str]:
    """"Hari ini" as the page means it (the shop's day), as storage strings."""
    from ui.shop_dates import day_end_utc, day_start_utc, today_qdate

    today = today_qdate()
    since, until = (when.astimezone(UTC).replace(tzinfo=None).strftime(TS)
                    for when in (day_start_utc(today), day_end_utc(today)))
    return since, until


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def measure_page(path: Path) -> dict[str, float]:
    """Open the Pesanan page cold, then time each filter change and a deep scroll."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.db import open_database
    from ui.context import AppContext
    from ui.orders.page import OrdersPage

    app = QApplication.instance() or QApplication(sys.argv)
    database = open_database(path)
    ctx = AppContext(db=database, user_id=1, user_name="Siti", user_role="owner")
    holder: list[OrdersPage] = []

    def open_page() -> None:
        page = OrdersPage(ctx)
        page.resize(1280, 720)
        page.show()
        app.processEvents()
        holder.append(page)

    figures = {"open_ms": _ms(open_page)}
    page = holder[0]

    def click_first() -> None:
        page.table.selectRow(0)
        app.processEvents()

    figures["detail_ms"] = _ms(click_first)
    figures.update(_filters(page, app))
    page.close()
    database.close()
    return figures


def _filters(page: Any, app: Any) -> dict[str, float]:
    from PySide6.QtCore import QDate

    def choose(combo: Any, data: object) -> Callable[[], object]:
        return lambda: (combo.setCurrentIndex(combo.findData(data)), app.processEvents())

    def search(text: str) -> Callable[[], object]:
        return lambda: (page.search.setText(text), page.reload(), app.processEvents())

    def scroll() -> None:
        for _ in range(20):
            page.model.fetchMore()
        app.processEvents()

    newest = page.to_date.date()
    steps: list[tuple[str, Callable[[], object]]] = [
        ("all_ms", choose(page.period, "all")),
        ("scroll_ms", scroll),
        ("status_ms", choose(page.status, "void")),
        ("refunds_ms", choose(page.status, "refund")),
        ("channel_ms", lambda: (page.status.setCurrentIndex(0), choose(page.channel, 3)())),
        ("method_ms", lambda: (page.channel.setCurrentIndex(0), choose(page.method, "other")())),
        ("search_ms", lambda: (page.method.setCurrentIndex(0), search("0042")())),
        ("range_ms", lambda: (page.search.clear(), page.from_date.setDate(QDate(newest.addDays(-40))),
                              page.to_date.setDate(newest.addDays(-10)),
                              choose(page.period, "range")())),
    ]
    return {name: _ms(step) for name, step in steps}


def main() -> None:
    """Build or reuse the shop, measure the page on it, print the table and the RESULT line."""
    import time_machine
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    orders = option("--orders", ORDERS)
    start = time.perf_counter()
    path = shop_file(orders)
    built_s = time.perf_counter() - start
    QApplication.instance() or QApplication(sys.argv)
    with time_machine.travel(newest_order_time(path) + timedelta(minutes=1), tick=True):
        open_floor, open_rows = floor_ms(path, *today_bounds())
        floor, floor_rows = floor_ms(path, *EVER)
        figures = measure_page(path)
    warm = warm_floor_ms(path)
    filters = [k for k in figures if k not in ("open_ms", "detail_ms", "scroll_ms")]
    worst = max(figures[k] for k in filters)
    print_table(["what", "ms"], [[k, f"{v:.1f}"] for k, v in figures.items()]
                + [["floor: Hari ini, raw count + page, cold", f"{open_floor:.1f}"],
                   ["floor: Semua waktu, raw count + page, cold", f"{floor:.1f}"],
                   ["floor: Semua waktu page, warm best of 5", f"{warm:.1f}"]])
    print(f"shop file ready in {built_s:.1f} s ({path.name}); floors returned "
          f"{open_rows} and {floor_rows} rows")
    print_result({"orders": orders, **figures, "worst_ms": worst, "open_floor_ms": open_floor,
                  "open_ratio": figures["open_ms"] / open_floor if open_floor else None,
                  "floor_ms": floor, "ratio": figures["all_ms"] / floor if floor else None,
                  "floor_warm_ms": warm, "budget_ms": BUDGET_MS})


if __name__ == "__main__":
    main()
