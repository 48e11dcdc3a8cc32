"""The bulk kasbon aging in SQL (app.kasbon_aging) equals the kasbon's own oldest-first
allocation in Python (app.kasbon.aging: allocate, age_of), customer by customer, whatever the
lines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app import kasbon
from app.clock import day_start_utc
from app.db import Database
from app.kasbon_aging import aging_buckets
from contract.enums import CreditKind, PaymentStatus
from models import CreditEntry
from tests.conftest import ShopClock

DAY = date(2026, 11, 15)
KINDS = [CreditKind.SALE, CreditKind.SALE, CreditKind.PAYMENT, CreditKind.REFUND, CreditKind.ADJUST]
# (customer, kind, amount, days before DAY (−2: after it), hour WIB, which earlier sale a refund
# returns (index among the customer's sales so far; None: none), confirmed)
LINE = st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(KINDS), st.integers(1, 400_000),
                 st.integers(-2, 40), st.integers(0, 23), st.integers(0, 5) | st.none(),
                 st.booleans() | st.just(True) | st.just(True))
Line = tuple[str, CreditKind, int, int, int, int | None, bool]


def _entry(n: int, line: Line, sales: dict[str, list[str]]) -> CreditEntry:
    who, kind, amount, back, hour, target, ok = line
    order = None
    if kind == CreditKind.SALE:
        order = f"order-{n}"
        sales.setdefault(who, []).append(order)
    elif kind == CreditKind.REFUND and target is not None and sales.get(who):
        order = sales[who][target % len(sales[who])]
    return CreditEntry(customer_uuid=who, kind=kind, amount=amount, order_uuid=order,
                       status=PaymentStatus.CONFIRMED if ok else PaymentStatus.PENDING,
                       created_at=day_start_utc(DAY - timedelta(days=back)) + timedelta(hours=hour,
                                                                                        seconds=n))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, min_size=1, max_size=30))
def test_sql_aging_equals_the_kasbon_allocation(db: Database, lines: list[Line]) -> None:
    sales: dict[str, list[str]] = {}
    with db.unit_of_work() as session:
        session.execute(delete(CreditEntry))
        session.add_all([_entry(n, line, sales) for n, line in enumerate(lines)])
    with db.read() as session:
        # the reference: the kasbon's own allocation in Python, one customer at a time
        by_hand = {uuid: kasbon.aging(session, uuid, DAY) for uuid in ("a", "b")}
        expected = {uuid: (a.days_0_7, a.days_8_30, a.over_30) for uuid, a in by_hand.items() if a.total}
        assert aging_buckets(session, DAY) == expected


@pytest.mark.parametrize("shop_clock", ["2026-11-15 10:00"], indirect=True)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, min_size=1, max_size=30))
def test_todays_aging_from_the_open_sales_the_triggers_keep(db: Database, shop_clock: ShopClock,
                                                            lines: list[Line]) -> None:
    """As of today the aging reads kasbon_open (kept by triggers on every line written); it
    equals the allocation by hand, whatever was inserted, confirmed, voided or merged."""
    sales: dict[str, list[str]] = {}
    lines = [line for line in lines if line[3] >= 0]  # nothing dated after today
    with db.unit_of_work() as session:
        session.execute(delete(CreditEntry))
        session.add_all([_entry(n, line, sales) for n, line in enumerate(lines)])
    with db.unit_of_work() as session:  # a later change: a pending line confirmed, one moved
        for entry in session.scalars(select(CreditEntry).order_by(CreditEntry.id)).all()[:2]:
            entry.status = PaymentStatus.CONFIRMED
            entry.customer_uuid = "b" if entry.customer_uuid == "a" else "a"
    with db.read() as session:
        by_hand = {uuid: kasbon.aging(session, uuid, DAY) for uuid in ("a", "b")}
        expected = {uuid: (a.days_0_7, a.days_8_30, a.over_30) for uuid, a in by_hand.items() if a.total}
        assert aging_buckets(session, DAY) == expected
