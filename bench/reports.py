"""Benchmark: the Laporan dashboard opened on a year of data (``--orders N``, 200 000 default).

The shop file is generated FRESH on every run (in a temp dir, never a cached file that ages
as the days pass) with bulk SQL inserts — orders, lines, payments over the 365 days up to
today, realistic hours, channels, methods, refunds, voids — the rollup triggers set aside
while the bulk rows go in, then the rollups rebuilt from the ledger in one pass.
Measured: building the page, the figures for "this month" and for the last 365 days
(computed as the page does, three scans at once), each the median of five runs.
``open_s`` = page built + this month's figures shown + the year's figures computed.

Floor (``floor_month_s``, ``floor_year_s``): plain ``sqlite3`` on the same file, one
connection, running the raw SQL that reads the same figures from the per-shop-day report
rollups (order sums by day, kind and channel, and by shop hour; line sums by product; payment
sums by method; rounding and kode unik; the PEKEN cap of this month) plus the product rows
for stock value and slow movers, low stock, the channels and the shop name.
``scan_year_s``: the same figures by scanning the orders, lines and payments themselves
(what the page did before the rollups). Both are checked to give the service's net sales.
``ratio`` = year_s / floor_year_s. Budget: open_s ≤ 0.3 s at 1 000 000
orders (docs/design.md; the issue-19 target — reports from rollups, not scans).

Run: ``python -m bench.reports [--orders N]``.
"""

from __future__ import annotations

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
from app.db import Database, open_database
from app.reports import build_report_parallel, this_month
from app.reports.periods import Period, custom
from bench._common import option, print_result

ORDERS = 200_000
BUDGET_S = 0.3
HOUR_WEIGHTS = [0, 0, 0, 0, 0, 1, 3, 6, 8, 9, 9, 10, 12, 11, 9, 8, 9, 11, 12, 10, 7, 4, 2, 1]
METHODS = ["cash"] * 12 + ["qris"] * 4 + ["transfer"] * 3 + ["other"]
TS = "%Y-%m-%d %H:%M:%S.%f"
ORDER_COLUMNS = ("id, uuid, number, device, day, seq, kind, refund_of_id, channel_id, source, remote_id, "
                 "status, subtotal, discount, total, tax, note, reason, buyer_name, buyer_phone, "
                 "cashier_id, shift_id, created_at, paid_at, expires_at")
LINE_COLUMNS = ("id, uuid, order_id, position, product_id, name, unit, qty, unit_price, unit_cost, "
                "discount, total, refund_of_line_id")


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
        self.conn.executemany(f"INSERT INTO orders ({ORDER_COLUMNS}) VALUES ({','.join('?' * 25)})",
                              self.orders)
        self.conn.executemany(f"INSERT INTO order_lines ({LINE_COLUMNS}) VALUES ({','.join('?' * 13)})",
                              self.lines)
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
    # Bulk rows go in without the rollup triggers; the rollups are then built from the ledger
    # in one pass (what ``python -m app.reports.rollups`` does), and the triggers come back.
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "AND name LIKE 'rollup%'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
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
    _rebuild_rollups(conn)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _rebuild_rollups(conn: sqlite3.Connection) -> None:
    """Every rollup table recomputed from the orders, lines and payments."""
    from app.reports.rollups import TABLES

    for table, (keys, sums, query) in TABLES.items():
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} ({', '.join((*keys, *sums))}) {query}")


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


_DAYS = "WHERE day >= :dlo AND day <= :dhi"
_HOUR_SUMS = ", ".join([*(f"sum(n{h:02d})" for h in range(24)), *(f"sum(t{h:02d})" for h in range(24))])
ROLLUP_SQL = (
    f"SELECT channel_id, kind, sum(orders), sum(total), sum(discount) FROM rollup_day_orders {_DAYS} "
    "GROUP BY 1, 2 HAVING sum(orders) != 0",
    f"SELECT 0, kind, {_HOUR_SUMS} FROM rollup_day_orders {_DAYS} GROUP BY 1, 2 HAVING sum(orders) != 0",
    f"SELECT day, kind, sum(orders), sum(total) FROM rollup_day_orders {_DAYS} GROUP BY 1, 2 "
    "HAVING sum(orders) != 0",
    "SELECT product_id, sum(qty), sum(total), sum(cost_milli) FROM (SELECT product_id, lines, qty, "
    "total, cost_milli FROM rollup_month_products WHERE month >= :mlo AND month <= :mhi UNION ALL "
    "SELECT product_id, lines, qty, total, cost_milli FROM rollup_day_products WHERE day >= :alo "
    "AND day <= :ahi UNION ALL SELECT product_id, lines, qty, total, cost_milli FROM "
    "rollup_day_products WHERE day >= :blo AND day <= :bhi) GROUP BY product_id HAVING sum(lines) != 0",
    f"SELECT method, kind, sum(payments), sum(amount) FROM rollup_day_payments {_DAYS} "
    "GROUP BY method, kind HAVING sum(payments) != 0",
    f"SELECT coalesce(sum(rounding), 0) FROM rollup_day_orders {_DAYS}",
    f"SELECT coalesce(sum(unique_codes), 0) FROM rollup_day_payments {_DAYS}",
    "SELECT coalesce(sum(total), 0) FROM rollup_day_orders WHERE day >= :plo AND day <= :phi "
    "AND source = 'online'",  # the PEKEN cap: this shop month
)
COUNTED = "o.created_at >= :lo AND o.created_at < :hi AND o.status IN ('paid', 'fulfilled')"
FLOOR_SQL = (
    f"SELECT substr(o.created_at, 1, 13), o.kind, o.channel_id, count(*), sum(o.total), sum(o.discount) "
    f"FROM orders o WHERE {COUNTED} GROUP BY 1, 2, 3",
    f"SELECT l.product_id, sum(l.qty), sum(l.total), sum(l.qty * l.unit_cost) FROM order_lines l "
    f"JOIN orders o ON o.id = l.order_id WHERE {COUNTED} GROUP BY l.product_id",
    f"SELECT p.method, o.kind, count(*), sum(p.amount) FROM payments p JOIN orders o "
    f"ON o.id = p.order_id WHERE {COUNTED} AND p.status != 'void' GROUP BY 1, 2",
    f"SELECT coalesce(sum(o.rounding), 0) FROM orders o WHERE {COUNTED}",
    f"SELECT coalesce(sum(p.unique_code), 0) FROM payments p JOIN orders o ON o.id = p.order_id "
    f"WHERE {COUNTED} AND p.status = 'confirmed' AND p.method = 'transfer'",
    "SELECT id, sku, name, unit, on_hand, cost, price FROM products WHERE archived = 0",
    "SELECT id, sku, name, unit, on_hand, min_stock FROM products WHERE archived = 0 AND min_stock > 0 "
    "AND on_hand <= min_stock ORDER BY name LIMIT 50",
    f"SELECT coalesce(sum(o.total), 0) FROM orders o WHERE {COUNTED} AND o.source = 'online'",
    "SELECT id, kind, name FROM sales_channels",
    "SELECT name FROM shop_profile",
)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).strftime(TS)


def floor_figures(conn: sqlite3.Connection, period: Period, scan: bool = False) -> int:
    """The same figures by raw SQL on one plain connection; returns net sales (for the check).

    ``scan``: from the orders, lines and payments; else from the rollups (as the service).
    """
    from app.reports.compute import _line_ranges

    month = this_month()
    params = {"lo": _stamp(period.start_utc), "hi": _stamp(period.end_utc),
              "dlo": period.first.isoformat(), "dhi": period.last.isoformat(),
              "plo": month.first.isoformat(), "phi": month.last.isoformat(), **_line_ranges(period)}
    # from the rollups: everything but the product rows, low stock, channels and the shop name
    queries = FLOOR_SQL if scan else (*ROLLUP_SQL, *FLOOR_SQL[5:7], *FLOOR_SQL[8:])
    results = [conn.execute(sql, params if ":" in sql else {}).fetchall() for sql in queries]
    return sum(int(row[-2] or 0) for row in results[0])  # the order totals


def _floors(path: Path, month: Period, year: Period) -> tuple[float, float, float, int, int]:
    """(month floor s, year floor s, year scan s, the floor's net sales, the scan's net sales)."""
    from bench._common import shop_connection

    conn = shop_connection(path)
    try:
        scan_net, net = floor_figures(conn, year, scan=True), floor_figures(conn, year)  # warm both
        return (_median(lambda: floor_figures(conn, month)), _median(lambda: floor_figures(conn, year)),
                _median(lambda: floor_figures(conn, year, scan=True)), net, scan_net)
    finally:
        conn.close()


def main() -> None:
    """Generate fresh data, measure the service and the floor, print the table and the RESULT line."""
    orders = option("--orders", ORDERS)
    with tempfile.TemporaryDirectory(prefix="peken-reports-") as folder:
        path = Path(folder) / "reports-shop.sqlite"
        started = time.perf_counter()
        generate(path, orders)
        print(f"generated {orders:,} orders over 365 days in {time.perf_counter() - started:.1f} s")
        _measure(path)
    os._exit(0)  # skip Qt teardown of the page (not measured); the temp folder is gone already


def _measure(path: Path) -> None:
    """Every timing on the generated shop at ``path``."""
    database = open_database(path)
    with database.read() as session:
        from sqlalchemy import func, select

        from models import Order
        count = int(session.scalar(select(func.count()).select_from(Order).where(Order.seq >= 1000)) or 0)
    month = this_month()
    year = custom(now_local().date() - timedelta(days=364), now_local().date())
    service_net = _figures(database, year)().totals.net_sales  # type: ignore[attr-defined]
    month_s = _median(_figures(database, month))
    year_s = _median(_figures(database, year))
    build_s, shown_s = _page_open(database)
    database.close()
    floor_month_s, floor_year_s, scan_year_s, floor_net, scan_net = _floors(path, month, year)
    open_s = shown_s + year_s
    rows = [("page built (no figures)", build_s), ("figures: this month", month_s),
            ("figures: last 365 days", year_s), ("page built + this month shown", shown_s),
            ("dashboard open (shown + year)", open_s), ("floor: this month, raw SQL", floor_month_s),
            ("floor: last 365 days, raw SQL", floor_year_s),
            ("last 365 days scanning the orders", scan_year_s)]
    print(f"{'what':<34}{'seconds':>10}")
    for what, secs in rows:
        print(f"{what:<34}{secs:>10.3f}")
    same = "same" if floor_net == service_net else f"DIFFERENT ({floor_net})"
    scan_same = "same" if scan_net == service_net else f"DIFFERENT ({scan_net})"
    print(f"net sales of the year: service {service_net:,}, floor {same}, scan {scan_same}")
    print(f"budget {BUDGET_S:.1f} s → {'OK' if open_s <= BUDGET_S else 'OVER'}")
    print_result({"orders": count, "open_s": open_s, "month_s": month_s, "year_s": year_s, "page_s": build_s,
                  "floor_month_s": floor_month_s, "floor_year_s": floor_year_s,
                  "scan_year_s": scan_year_s, "ratio": year_s / floor_year_s,
                  "month_ratio": month_s / floor_month_s,
                  "floor_same_net": floor_net == service_net == scan_net,
                  "budget_s": BUDGET_S})


if __name__ == "__main__":
    main()
