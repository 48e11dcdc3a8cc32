"""Report figures equal sums computed independently from the ORM rows of a generated shop."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.clock import local, shop_day
from app.db import Database
from app.errors import ValidationError
from app.money import round_rupiah
from app.reports import build_report, custom, peken_cap, periods
from app.reports.figures import Report
from models import Order, Product, SalesChannel
from tests.unit.report_shop import START, generate

FIRST = date(2026, 11, 11)
LAST = date(2026, 11, 13)


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """One generated shop shared by the read-only tests of this module."""
    database = Database(tmp_path_factory.mktemp("reports") / "shop.sqlite")
    with database.unit_of_work() as session:
        generate(session)
    return database


def _counted(session: Session, first: date, last: date) -> list[Order]:
    return [o for o in session.scalars(select(Order))
            if o.status in ("paid", "fulfilled") and first <= shop_day(o.created_at) <= last]


def _report(database: Database, first: date = FIRST, last: date = LAST) -> Report:
    with database.read() as session:
        return build_report(session, custom(first, last))


def test_totals_equal_independent_sums(shop_db: Database) -> None:
    report = _report(shop_db)
    with shop_db.read() as session:
        rows = _counted(session, FIRST, LAST)
        sales = [o for o in rows if o.kind == "sale"]
        refunds = [o for o in rows if o.kind == "refund"]
        gross = sum(o.total for o in sales)
        refunded = -sum(o.total for o in refunds)
        discounts = sum(o.discount for o in sales)
        cost = round_rupiah(sum((line.qty * line.unit_cost for o in rows for line in o.lines),
                                Decimal(0)))
    t = report.totals
    assert refunds, "the generated range must hold refunds"
    assert (t.gross_sales, t.refunds, t.net_sales) == (gross, refunded, gross - refunded)
    assert (t.orders, t.refund_orders) == (len(sales), len(refunds))
    assert t.average_basket == round_rupiah(Decimal(gross) / len(sales))
    assert t.discounts == discounts
    assert (t.cost_of_goods, t.gross_profit) == (cost, gross - refunded - cost)


def test_void_expired_and_pending_are_left_out(shop_db: Database) -> None:
    report = _report(shop_db, date(2026, 11, 1), date(2026, 11, 30))
    with shop_db.read() as session:
        states = [o.status for o in session.scalars(select(Order))]
        paid = sum(o.total for o in session.scalars(select(Order).where(Order.status == "paid")))
    assert {"void", "expired", "pending"} <= set(states)
    assert report.totals.net_sales == paid


def test_by_method_and_channel(shop_db: Database) -> None:
    report = _report(shop_db)
    by_method: dict[str, int] = defaultdict(int)
    by_channel: dict[str, int] = defaultdict(int)
    with shop_db.read() as session:
        names = {c.id: c.name for c in session.scalars(select(SalesChannel))}
        for order in _counted(session, FIRST, LAST):
            by_channel[names[order.channel_id]] += order.total
            for payment in order.payments:
                by_method[payment.method] += payment.amount
    assert {r.method: r.net for r in report.by_method if r.net or r.payments} == {
        m: v for m, v in by_method.items()}
    assert {r.name: r.net for r in report.by_channel} == dict(by_channel)
    assert sum(r.net for r in report.by_method) == report.totals.net_sales
    assert [e.name for e in report.events] == ["Bazar UMKM Balai Kota"]


def test_by_hour_and_day_use_shop_time(shop_db: Database) -> None:
    report = _report(shop_db)
    hours: dict[int, int] = defaultdict(int)
    days: dict[date, int] = defaultdict(int)
    with shop_db.read() as session:
        for order in _counted(session, FIRST, LAST):
            hours[local(order.created_at).hour] += order.total
            days[shop_day(order.created_at)] += order.total
    assert [r.net for r in report.by_hour] == [hours[h] for h in range(24)]
    assert [(r.key, r.net) for r in report.by_day] == [
        (FIRST + timedelta(days=i), days[FIRST + timedelta(days=i)]) for i in range(3)]


def test_late_utc_order_lands_on_next_shop_day_and_early_hour(db: Database) -> None:
    with db.unit_of_work() as session:
        generate(session, count=0)
        from app.sales import PaymentInput, checkout
        from tests.unit.foundation_kit import cart_of

        pid = session.scalars(select(Product.id)).first()
        assert pid is not None
        cart = cart_of(session, [(pid, 1)])
        checkout(session, cart, [PaymentInput("cash", cart.total)],
                 now=datetime(2026, 11, 20, 23, 30, tzinfo=UTC))
    with db.read() as session:
        day = build_report(session, custom(date(2026, 11, 21), date(2026, 11, 21)))
        before = build_report(session, custom(date(2026, 11, 20), date(2026, 11, 20)))
    assert day.totals.orders == 1 and before.totals.orders == 0
    assert day.by_hour[6].orders == 1 and day.by_hour[6].net == day.totals.net_sales


def test_products_stock_and_low_stock(shop_db: Database) -> None:
    report = _report(shop_db)
    net: dict[int, int] = defaultdict(int)
    qty: dict[int, Decimal] = defaultdict(Decimal)
    with shop_db.read() as session:
        for order in _counted(session, FIRST, LAST):
            for line in order.lines:
                net[line.product_id] += line.total
                qty[line.product_id] += line.qty
        stocked = [(p.on_hand, p.cost, p.price) for p in
                   session.scalars(select(Product).where(Product.archived.is_(False)))
                   if p.on_hand > 0]
    best = sorted(net.items(), key=lambda kv: (-kv[1], kv[0]))
    assert [(r.product_id, r.net, r.qty) for r in report.top_products] == [
        (pid, value, qty[pid]) for pid, value in best[:10]]
    assert report.stock.at_cost == round_rupiah(sum((q * c for q, c, _ in stocked), Decimal(0)))
    assert report.stock.at_price == round_rupiah(sum((q * p for q, _, p in stocked), Decimal(0)))
    slow = report.slow_movers
    assert slow[0].name == "Kain Tenun" and slow[0].qty_sold == 0
    assert [r.qty_sold for r in slow] == sorted(r.qty_sold for r in slow)
    assert [r.name for r in report.low_stock] == ["Teh Celup"]


def test_peken_cap_counts_online_orders_of_the_month(shop_db: Database) -> None:
    now = START + timedelta(days=10)
    with shop_db.read() as session:
        settings.set_value(session, "peken.turnover_cap", 1_000_000)
        cap = peken_cap(session, now)
        online = sum(o.total for o in _counted(session, date(2026, 11, 1), date(2026, 11, 30))
                     if o.source == "online")
    assert online > 0
    assert (cap.turnover, cap.cap, cap.month) == (online, 1_000_000, "November 2026")
    assert cap.percent == online * 100 // 1_000_000
    assert cap.remaining == max(0, 1_000_000 - online) and cap.reached == (online >= 1_000_000)


def test_empty_period_gives_zeroes(shop_db: Database) -> None:
    report = _report(shop_db, date(2025, 1, 1), date(2025, 1, 31))
    assert report.totals.net_sales == 0 and report.totals.average_basket == 0
    assert report.top_products == [] and len(report.by_day) == 31
    assert sum(r.orders for r in report.by_hour) == 0


def test_periods() -> None:
    now = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # Friday 27 Nov 01:00 WIB
    assert periods.today(now).first == date(2026, 11, 27)
    assert periods.this_week(now).first == date(2026, 11, 23)
    assert periods.this_month(now).first == date(2026, 11, 1)
    p = periods.custom(date(2026, 11, 1), date(2026, 11, 30))
    assert p.start_utc == datetime(2026, 10, 31, 17, 0, tzinfo=UTC)
    assert p.end_utc == datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
    assert p.title() == "1–30 November 2026"
    with pytest.raises(ValidationError):
        periods.custom(date(2026, 11, 2), date(2026, 11, 1))
