"""The Pesanan reads: every filter pages off an index (no sort of all matches, no table scan),
the payment-method filter, and a count that stops at its cap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, text

from app.db import Database
from app.order_queries import OrderFilter, count_orders, fetch_orders
from app.sales import PaymentInput, checkout
from tests.unit.foundation_kit import add_product, cart_of

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
FILTERS = {
    "all": OrderFilter(),
    "period": OrderFilter(since=SINCE, until=SINCE + timedelta(days=1)),
    "status": OrderFilter(status="void"),
    "refunds": OrderFilter(status="refund"),
    "channel": OrderFilter(channel_id=1),
    "method": OrderFilter(method="qris"),
    "status in period": OrderFilter(since=SINCE, until=SINCE + timedelta(days=30), status="paid"),
}

WALKS_FROM_THE_TOP = {"all", "method"}  # every order (or nearly: most are paid by cash/QRIS)


def _plan(db: Database, flt: OrderFilter, after: tuple[datetime, int] | None) -> list[str]:
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        with db.read() as session:
            fetch_orders(session, flt, after, 200)
            statement, params = seen[-1]
            rows = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
            return [str(row[3]) for row in rows]
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_each_filter_pages_off_an_index(db: Database, name: str) -> None:
    with db.unit_of_work() as session:  # statistics as a shop with history has them
        session.execute(text("ANALYZE"))
    for after in (None, (SINCE + timedelta(hours=5), 10**6)):
        plan = _plan(db, FILTERS[name], after)
        assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan
        # the first page of everything walks the time index from the newest end (LIMIT stops it);
        # a filter, or a later page, starts at its place in an index
        walk = "SCAN orders USING INDEX ix_orders_created_at"
        allowed = {walk} if after is None and name in WALKS_FROM_THE_TOP else set()
        assert [s for s in plan if s.startswith("SCAN")] in ([], list(allowed)), plan


def test_method_filter_and_capped_count(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "A1", "Gula Pasir", 18_500, stock=10)
        for method in ("cash", "qris", "qris", "transfer"):
            checkout(session, cart_of(session, [(pid, 1)]), [PaymentInput(method, 18_500)])
    with db.read() as session:
        qris = fetch_orders(session, OrderFilter(method="qris"))
        assert len(qris) == 2 and {r.methods for r in qris} == {"qris"}
        assert count_orders(session, OrderFilter(method="transfer")) == 1
        assert count_orders(session, OrderFilter(), cap=None) == 4
        assert count_orders(session, OrderFilter(), cap=2) == 3  # "more than 2"
        assert count_orders(session, OrderFilter(), cap=10) == 4
