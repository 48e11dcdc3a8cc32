"""Report figures by SQL aggregation over the shop database.

Counted orders are sales and refunds whose status is paid or fulfilled; refund
orders carry negative totals, lines and payments, so sums subtract them on their
own. Void, expired, pending, rejected and cancelled orders are left out. Times
are grouped in shop time (WIB).

The order, line and payment figures read the per-shop-day report rollups (``models.rollups``:
sums per shop day kept by triggers in the same transaction as each sale, refund, void or
confirmation), so a year reads at most 366 rows per key however many orders were sold; a
period is a range of whole shop days.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, select, text, type_coerce
from sqlalchemy.orm import Session

from app import inventory, settings, shop
from app.clock import now_utc, shop_day
from app.db import Database
from app.labels_i18n import method_label
from app.money import round_rupiah
from app.reports import periods
from app.reports.figures import (
    BucketRow,
    ChannelRow,
    MethodRow,
    PekenCap,
    ProductRow,
    Report,
    SlowRow,
    StockValue,
    Totals,
)
from app.reports.periods import Period
from app.reports.rollups import HOURS
from contract.enums import OrderKind, PaymentMethod
from models import Product, SalesChannel

THOUSAND = Decimal(1000)
TOP_N = 10
SLOW_N = 10
LOW_STOCK_N = 50
StepFn = Callable[[int, int], None]
# Methods listed even with nothing taken (the seller looks for them); kasbon, DP and "other"
# appear when used.
ALWAYS_SHOWN = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS)


@dataclass
class _OrderCells:
    """Order sums of the period, grouped three ways in SQL from the per-day rollups."""

    by_hour: list[tuple[int, str, int, int]]  # (shop hour 0-23, kind, orders, total)
    by_day: list[tuple[date, str, int, int]]  # (shop day, kind, orders, total)
    by_channel: list[tuple[str, int | None, int, int, int]]  # (kind, channel, orders, total, discount)


def _days(period: Period) -> dict[str, str]:
    """The period as a range of shop-day keys (``'2026-11-28'``), the day rollups' key."""
    return {"lo": period.first.isoformat(), "hi": period.last.isoformat()}


IN_PERIOD = "day >= :lo AND day <= :hi"
_HOUR_SUMS = ", ".join([*(f"sum(n{h})" for h in HOURS), *(f"sum(t{h})" for h in HOURS)])


def _order_cells(session: Session, period: Period) -> _OrderCells:
    params = _days(period)

    def grouped(key: str, sums: str = "sum(orders), sum(total), sum(discount)") -> list[tuple[Any, ...]]:
        return [tuple(r) for r in session.execute(text(
            f"SELECT {key}, kind, {sums} FROM rollup_day_orders "
            f"WHERE {IN_PERIOD} GROUP BY 1, 2 HAVING sum(orders) != 0"), params)]

    by_hour = []
    for _key, kind, *sums in grouped("0", _HOUR_SUMS):
        by_hour += [(h, kind, int(sums[h] or 0), int(sums[24 + h] or 0)) for h in range(24)]
    return _OrderCells(
        by_hour=by_hour,
        by_day=[(date.fromisoformat(k), kind, int(n), int(t or 0)) for k, kind, n, t, _d in grouped("day")],
        by_channel=[(kind, c or None, int(n), int(t or 0), int(d or 0)) for c, kind, n, t, d in grouped(
            "channel_id")],
    )


def _by_hour(cells: _OrderCells) -> list[BucketRow]:
    orders = [0] * 24
    net = [0] * 24
    for hour, kind, count, total in cells.by_hour:
        net[hour] += total
        if kind == OrderKind.SALE:
            orders[hour] += count
    return [BucketRow(h, orders[h], net[h]) for h in range(24)]


def _by_day(cells: _OrderCells, period: Period) -> list[BucketRow]:
    found: dict[date, list[int]] = {}
    for day, kind, count, total in cells.by_day:
        cell = found.setdefault(day, [0, 0])
        cell[1] += total
        if kind == OrderKind.SALE:
            cell[0] += count
    rows = []
    for offset in range(period.days):
        current = period.first + timedelta(days=offset)
        count, net = found.get(current, (0, 0))
        rows.append(BucketRow(current, count, net))
    return rows


def _by_channel(session: Session, cells: _OrderCells) -> list[ChannelRow]:
    sums: dict[int | None, list[int]] = {}
    for kind, channel, count, total, _disc in cells.by_channel:
        cell = sums.setdefault(channel, [0, 0, 0])
        if kind == OrderKind.SALE:
            cell[0] += count
            cell[1] += total
        else:
            cell[2] -= total
    names = {c.id: (c.kind, c.name) for c in session.scalars(select(SalesChannel))}
    rows = []
    for channel, (count, sales, refunds) in sums.items():
        kind, name = names.get(channel, ("counter", shop.COUNTER_NAME)) if channel else (
            "counter", shop.COUNTER_NAME)
        rows.append(ChannelRow(channel, kind, name, count, sales, refunds, sales - refunds))
    order = {"counter": 0, "event": 1, "online": 2}
    return sorted(rows, key=lambda r: (order.get(r.kind, 9), -r.net, r.name))


def _line_ranges(period: Period) -> dict[str, str]:
    """The period as whole shop months (``mlo``…``mhi``) plus the days before (``alo``…``ahi``)
    and after (``blo``…``bhi``) them; an empty range has its low end above its high end."""
    first, last = period.first, period.last
    start = first if first.day == 1 else (first.replace(day=1) + timedelta(days=32)).replace(day=1)
    after_last = last + timedelta(days=1)
    end = after_last if after_last.day == 1 else after_last.replace(day=1)  # first day not in a month
    if start >= end:  # no whole month inside: the days themselves
        return {"mlo": "9", "mhi": "0", "alo": first.isoformat(), "ahi": last.isoformat(),
                "blo": "9", "bhi": "0"}
    return {"mlo": start.isoformat()[:7], "mhi": (end - timedelta(days=1)).isoformat()[:7],
            "alo": first.isoformat(), "ahi": (start - timedelta(days=1)).isoformat(),
            "blo": end.isoformat(), "bhi": last.isoformat()}


_LINE_SUMS = text(
    "SELECT product_id, sum(qty), sum(total), sum(cost_milli) FROM ("
    "SELECT product_id, lines, qty, total, cost_milli FROM rollup_month_products "
    "WHERE month >= :mlo AND month <= :mhi UNION ALL "
    "SELECT product_id, lines, qty, total, cost_milli FROM rollup_day_products "
    "WHERE day >= :alo AND day <= :ahi UNION ALL "
    "SELECT product_id, lines, qty, total, cost_milli FROM rollup_day_products "
    "WHERE day >= :blo AND day <= :bhi) GROUP BY product_id HAVING sum(lines) != 0")


def _line_sums(session: Session, period: Period) -> dict[int, tuple[int, int, int]]:
    """product id → (qty in thousandths, net rupiah, cost in thousandth-rupiah): the whole
    shop months of the period from the month rows, the days at its two ends from the day rows."""
    return {int(r[0]): (int(r[1] or 0), int(r[2] or 0), int(r[3] or 0))
            for r in session.execute(_LINE_SUMS, _line_ranges(period))}


def _qty(raw: int) -> Decimal:
    return (Decimal(raw) / THOUSAND).quantize(Decimal("0.001"))


def _money(raw_milli: int) -> int:
    return round_rupiah(Decimal(raw_milli) / THOUSAND)


def _totals(cells: _OrderCells, lines: dict[int, tuple[int, int, int]]) -> Totals:
    gross = refunds = orders = refund_orders = discounts = 0
    for kind, _channel, count, total, disc in cells.by_channel:
        if kind == OrderKind.SALE:
            gross, orders, discounts = gross + total, orders + count, discounts + disc
        else:
            refunds, refund_orders = refunds - total, refund_orders + count
    cost = _money(sum(v[2] for v in lines.values()))
    items = _qty(sum(v[0] for v in lines.values()))
    net = gross - refunds
    average = round_rupiah(Decimal(gross) / orders) if orders else 0
    return Totals(gross, refunds, net, orders, refund_orders, average, discounts, cost,
                  net - cost, items)


def _by_method(session: Session, period: Period) -> list[MethodRow]:
    query = text(
        "SELECT method, kind, sum(payments), sum(amount) FROM rollup_day_payments "
        f"WHERE {IN_PERIOD} GROUP BY method, kind HAVING sum(payments) != 0")
    sums: dict[str, list[int]] = {m.value: [0, 0, 0] for m in PaymentMethod}
    for method, kind, count, amount in session.execute(query, _days(period)):
        cell = sums.setdefault(method, [0, 0, 0])
        if kind == OrderKind.SALE:
            cell[0] += int(count)
            cell[1] += int(amount or 0)
        else:
            cell[2] -= int(amount or 0)
    return [MethodRow(m, method_label(m), c[0], c[1], c[2], c[1] - c[2])
            for m, c in sums.items() if m in ALWAYS_SHOWN or any(c)]


def _product_rows(session: Session) -> list[tuple[int, str, str, str, int, int, int]]:
    """(id, sku, name, unit, on_hand thousandths, cost, price) of every active product."""
    raw_on_hand = type_coerce(Product.on_hand, Integer)
    query = select(Product.id, Product.sku, Product.name, Product.unit, raw_on_hand, Product.cost,
                   Product.price).where(Product.archived.is_(False))
    return [(int(r[0]), r[1], r[2], r[3], int(r[4]), int(r[5]), int(r[6]))
            for r in session.execute(query)]


def _stock_value(products: list[tuple[int, str, str, str, int, int, int]]) -> StockValue:
    in_stock = [p for p in products if p[4] > 0]
    return StockValue(
        at_cost=_money(sum(p[4] * p[5] for p in in_stock)),
        at_price=_money(sum(p[4] * p[6] for p in in_stock)),
        products_in_stock=len(in_stock),
    )


def _top_products(session: Session, lines: dict[int, tuple[int, int, int]]) -> list[ProductRow]:
    best = sorted(lines.items(), key=lambda kv: (-kv[1][1], kv[0]))[:TOP_N]
    ids = [pid for pid, _ in best]
    info = {int(r[0]): (r[1], r[2], r[3]) for r in session.execute(
        select(Product.id, Product.sku, Product.name, Product.unit).where(Product.id.in_(ids)))}
    rows = []
    for pid, (qty, net, cost) in best:
        sku, name, unit = info.get(pid, ("", f"Produk #{pid}", ""))
        rows.append(ProductRow(pid, sku, name, unit, _qty(qty), net, _money(cost)))
    return rows


def _slow_movers(products: list[tuple[int, str, str, str, int, int, int]],
                 lines: dict[int, tuple[int, int, int]]) -> list[SlowRow]:
    in_stock = [p for p in products if p[4] > 0]

    def rank(p: tuple[int, str, str, str, int, int, int]) -> tuple[int, int, str]:
        return (lines.get(p[0], (0, 0, 0))[0], -p[4] * p[5], p[2])

    slow = sorted(in_stock, key=rank)[:SLOW_N]
    return [SlowRow(p[0], p[1], p[2], p[3], _qty(lines.get(p[0], (0, 0, 0))[0]), _qty(p[4]),
                    _money(p[4] * p[5])) for p in slow]


def peken_cap(session: Session, now: datetime | None = None) -> PekenCap:
    """PEKEN online turnover of the current shop month (refunds subtract) against the cap."""
    moment = now or now_utc()
    month = periods.month_of(shop_day(moment))
    turnover = session.scalar(text(
        f"SELECT coalesce(sum(total), 0) FROM rollup_day_orders WHERE {IN_PERIOD} AND source = 'online'"),
        _days(month))
    return PekenCap(month.title(), int(turnover or 0), int(settings.get(session, "peken.turnover_cap")))


def _adjustments(session: Session, period: Period) -> tuple[int, int]:
    """(cash rounding, kode unik) of the counted orders: money the order totals do not hold.

    The kode unik counts once its transfer is confirmed: + income, − given back as a discount.
    """
    days = _days(period)
    rounding = session.scalar(text(
        f"SELECT coalesce(sum(rounding), 0) FROM rollup_day_orders WHERE {IN_PERIOD}"), days)
    codes = session.scalar(text(
        f"SELECT coalesce(sum(unique_codes), 0) FROM rollup_day_payments WHERE {IN_PERIOD}"), days)
    return int(rounding or 0), int(codes or 0)


@dataclass
class _Scans:
    """The results of the three big scans (orders, lines, payments)."""

    cells: _OrderCells
    lines: dict[int, tuple[int, int, int]]
    by_method: list[MethodRow]


def _assemble(session: Session, period: Period, scans: _Scans, now: datetime | None) -> Report:
    products = _product_rows(session)
    totals = _totals(scans.cells, scans.lines)
    rounding, codes = _adjustments(session, period)
    return Report(
        period=period, shop_name=shop.profile(session).name, generated_at=now or now_utc(),
        totals=replace(totals, rounding=rounding, unique_codes=codes), by_method=scans.by_method,
        by_hour=_by_hour(scans.cells), by_day=_by_day(scans.cells, period),
        by_channel=_by_channel(session, scans.cells), top_products=_top_products(session, scans.lines),
        slow_movers=_slow_movers(products, scans.lines), stock=_stock_value(products),
        low_stock=inventory.low_stock(session, limit=LOW_STOCK_N), peken=peken_cap(session, now),
    )


def build_report(
    session: Session, period: Period, *, now: datetime | None = None, step: StepFn | None = None
) -> Report:
    """Every figure of the Laporan page for ``period``, read in one session (one snapshot)."""
    tick = step or (lambda _done, _total: None)
    tick(0, 4)
    cells = _order_cells(session, period)
    tick(1, 4)
    lines = _line_sums(session, period)
    tick(2, 4)
    scans = _Scans(cells, lines, _by_method(session, period))
    tick(3, 4)
    report = _assemble(session, period, scans, now)
    tick(4, 4)
    return report


def build_report_parallel(
    database: Database, period: Period, *, now: datetime | None = None, step: StepFn | None = None
) -> Report:
    """Like :func:`build_report`, with the three big scans run at once on their own connections.

    SQLite releases the GIL while it steps, so on a multi-core laptop a year of orders is
    read in about the time of the slowest scan instead of the sum of all three.
    """
    tick = step or (lambda _done, _total: None)

    def scan(fn: Callable[[Session, Period], Any]) -> Any:
        with database.read() as session:
            return fn(session, period)

    tick(0, 2)
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="report") as pool:
        futures = [pool.submit(scan, fn) for fn in (_order_cells, _line_sums, _by_method)]
        cells, lines, by_method = (f.result() for f in futures)
    tick(1, 2)
    with database.read() as session:
        report = _assemble(session, period, _Scans(cells, lines, by_method), now)
    tick(2, 2)
    return report


def sales_totals(session: Session, period: Period) -> Totals:
    """The headline figures alone (net sales, cost of goods...), from the rollups: the money
    book's profit and loss reads these without building the whole report."""
    totals = _totals(_order_cells(session, period), _line_sums(session, period))
    rounding, codes = _adjustments(session, period)
    return replace(totals, rounding=rounding, unique_codes=codes)
