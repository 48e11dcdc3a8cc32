"""The per-shop-day and per-month rollups: the reports read them, a zone change moves them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, text

from app import clock, settings
from app.clock import local, shop_day
from app.db import Database
from app.reports import build_report, custom, rollups
from app.sales import PaymentInput, checkout
from models import Order, OrderLine, Product
from tests.unit.foundation_kit import cart_of
from tests.unit.report_shop import generate

# Sales on both sides of month and shop-day edges (UTC; WIB is +7, WIT +9).
MOMENTS = [datetime(2026, 9, 30, 16, 30, tzinfo=UTC), datetime(2026, 9, 30, 17, 30, tzinfo=UTC),
           datetime(2026, 10, 15, 3, 0, tzinfo=UTC), datetime(2026, 10, 31, 15, 30, tzinfo=UTC),
           datetime(2026, 11, 1, 2, 0, tzinfo=UTC), datetime(2026, 11, 20, 23, 30, tzinfo=UTC)]


@pytest.fixture
def zone_back() -> Iterator[None]:
    """The process-wide shop zone goes back to WIB after the test."""
    yield
    clock.reset_shop_zone()


def _sold(db: Database) -> None:
    with db.unit_of_work() as session:
        generate(session, count=0)
        pids = list(session.scalars(select(Product.id).limit(3)))
        for n, moment in enumerate(MOMENTS):
            cart = cart_of(session, [(pids[n % 3], 1 + n % 2), (pids[(n + 1) % 3], 1)])
            checkout(session, cart, [PaymentInput("cash", cart.total)], now=moment)


Sums = tuple[dict[int, int], dict[int, int], dict[date, int]]


def _expected(db: Database, first: date, last: date) -> Sums:
    """Net per product, per shop hour and per shop day, summed from the orders themselves."""
    products: dict[int, int] = defaultdict(int)
    hours: dict[int, int] = defaultdict(int)
    days: dict[date, int] = defaultdict(int)
    with db.read() as session:
        for order in session.scalars(select(Order).where(Order.status.in_(("paid", "fulfilled")))):
            if first <= shop_day(order.created_at) <= last:
                hours[local(order.created_at).hour] += order.total
                days[shop_day(order.created_at)] += order.total
                for line in session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)):
                    products[line.product_id] += line.total
    return dict(products), dict(hours), dict(days)


@pytest.mark.parametrize(("first", "last"), [
    (date(2026, 9, 30), date(2026, 11, 21)),  # days, a whole month (October), days
    (date(2026, 10, 1), date(2026, 11, 30)),  # two whole months only
    (date(2026, 10, 2), date(2026, 10, 30)),  # inside one month: days only
    (date(2026, 9, 1), date(2026, 9, 30)),  # September ends at 23:30 WIB on the 30th
])
def test_products_hours_and_days_of_any_period_equal_the_orders(
        db: Database, first: date, last: date) -> None:
    _sold(db)
    products, hours, days = _expected(db, first, last)
    with db.read() as session:
        report = build_report(session, custom(first, last))
        assert rollups.differences(session) == []
    assert {r.product_id: r.net for r in report.top_products} == products
    assert [r.net for r in report.by_hour] == [hours.get(h, 0) for h in range(24)]
    assert {r.key: r.net for r in report.by_day if r.net} == days


def test_a_new_shop_zone_moves_orders_to_their_new_day_and_hour(db: Database, zone_back: None) -> None:
    _sold(db)
    with db.unit_of_work() as session:
        settings.set_value(session, "shop.timezone", "Asia/Jayapura")  # WIT, +9
    clock.set_shop_zone("Asia/Jayapura")
    first, last = date(2026, 9, 30), date(2026, 11, 21)
    products, hours, days = _expected(db, first, last)
    assert days[date(2026, 11, 1)]  # 31 Oct 15:30 UTC is 1 Nov 00:30 WIT
    with db.read() as session:
        assert rollups.differences(session) == []
        report = build_report(session, custom(first, last))
        kept = session.scalar(text("SELECT count(*) FROM rollup_day_orders WHERE day = '2026-11-01'"))
    assert kept
    assert [r.net for r in report.by_hour] == [hours.get(h, 0) for h in range(24)]
    assert {r.key: r.net for r in report.by_day if r.net} == days
    assert {r.product_id: r.net for r in report.top_products} == products


def test_a_pack_line_counts_its_base_units_in_every_product_rollup(db: Database) -> None:
    """1 dus of 40 pcs sold adds 40 pcs (not 1) to the product's hour, day and month rows;
    the rebuild from the ledger agrees with the triggers (migration 0015)."""
    _sold(db)
    with db.unit_of_work() as session:
        order = session.scalars(select(Order).where(Order.status == "paid")).first()
        assert order is not None
        line = session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).first()
        assert line is not None
        before = session.execute(text("SELECT qty FROM rollup_day_products WHERE product_id = :p"),
                                 {"p": line.product_id}).scalars().all()
        # a new line of the same shape, inserted with its factor, goes through the insert trigger
        session.execute(text(
            "INSERT INTO order_lines (uuid, order_id, position, product_id, name, unit, qty, unit_price, "
            "unit_cost, discount, total, pack_name, pack_factor, price_note, promo_discount) "
            "VALUES ('pack-line', :o, 9, :p, 'x', 'pcs', 1000, 150000, 120000, 0, 150000, 'dus', "
            "40000, '', 0)"), {"o": order.id, "p": line.product_id})
        after = session.execute(text("SELECT qty FROM rollup_day_products WHERE product_id = :p"),
                                {"p": line.product_id}).scalars().all()
        assert sum(after) - sum(before) == 40_000  # the inserted dus: 40 pcs in thousandths
        assert rollups.differences(session) == []
