"""The money book's reports: laba rugi, cash flow, piutang and utang aging (app.reports.books)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from app.clock import day_start_utc
from app.db import Database
from app.reports import custom
from app.reports.books import cash_flow, payables, profit_loss, receivables
from app.sales import checkout
from contract.enums import CashCategory, CashDirection, CreditKind, MoneySource, PaymentMethod
from models import CashMovement, CreditEntry, Customer, Purchase, Supplier, SupplierPayment
from tests.unit.foundation_kit import add_product, cart_of, cash

DAY = date(2026, 11, 10)


def _at(day: date, hour: int = 10) -> datetime:
    """``hour`` o'clock WIB on ``day`` (aware UTC)."""
    return day_start_utc(day) + timedelta(hours=hour)


def test_profit_loss_is_net_sales_less_cost_less_running_costs(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "A1", "Kopi Bubuk", 20_000, cost=12_000)
        checkout(session, cart_of(session, [(pid, 3)]), cash(60_000), now=_at(DAY))
        for category, amount in ((CashCategory.ELECTRICITY, 150_000), (CashCategory.WAGES, 50_000),
                                 (CashCategory.DRAWINGS, 999_000), (CashCategory.GOODS, 77_000)):
            session.add(CashMovement(direction=CashDirection.OUT, category=category, amount=amount,
                                     created_at=_at(DAY, 12)))
        session.add(CashMovement(direction=CashDirection.OUT, category=CashCategory.RENT, amount=5,
                                 created_at=_at(DAY + timedelta(days=1))))  # outside the day
    with db.read() as session:
        report = profit_loss(session, custom(DAY, DAY))
    assert (report.net_sales, report.cost_of_goods, report.gross_profit) == (60_000, 36_000, 24_000)
    # drawings and stock bought are not running costs; the rent was on another day
    assert {row.category: row.amount for row in report.expenses} == {"electricity": 150_000, "wages": 50_000}
    assert report.net_profit == 24_000 - 200_000


def test_cash_flow_puts_each_movement_on_its_shop_day_and_place(db: Database) -> None:
    late = datetime(2026, 11, 10, 17, 30, tzinfo=UTC)  # 00:30 WIB on the 11th
    with db.unit_of_work() as session:
        pid = add_product(session, "A1", "Kopi Bubuk", 20_000)
        checkout(session, cart_of(session, [(pid, 1)]), cash(20_000), now=_at(DAY))
        session.add_all([
            CashMovement(direction=CashDirection.OUT, category=CashCategory.BANK_DEPOSIT, amount=15_000,
                         created_at=late),
            CashMovement(direction=CashDirection.IN, category=CashCategory.CAPITAL, amount=100_000,
                         created_at=_at(DAY)),
            SupplierPayment(source=MoneySource.BANK, amount=40_000, created_at=late),
            CreditEntry(customer_uuid="c", kind=CreditKind.PAYMENT, amount=5_000,
                        method=PaymentMethod.TRANSFER, created_at=_at(DAY), confirmed_at=late),
        ])
    with db.read() as session:
        first, second = cash_flow(session, custom(DAY, DAY + timedelta(days=1)))
    assert (first.drawer_in, first.drawer_out, first.bank_in, first.bank_out) == (120_000, 0, 0, 0)
    # the deposit leaves the drawer and reaches the bank on the 11th (shop time)
    assert (second.drawer_in, second.drawer_out) == (0, 15_000)
    assert (second.bank_in, second.bank_out) == (15_000 + 5_000, 40_000)


Entry = tuple[str, int, int]  # (kind, amount, day offset)


def _reference(entries: list[Entry]) -> tuple[int, list[int]]:
    """Oldest-first by hand: balance and the unpaid remainder of each sale."""
    paid = sum(amount for kind, amount, _ in entries if kind != "sale")
    unpaid = []
    for _kind, amount, _day in sorted((e for e in entries if e[0] == "sale"), key=lambda e: e[2]):
        use = min(amount, paid)
        paid -= use
        unpaid.append(amount - use)
    return sum(unpaid), unpaid


ENTRIES = st.lists(st.tuples(st.sampled_from(["sale", "sale", "payment", "refund"]),
                             st.integers(1, 500_000), st.integers(0, 60)), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=ENTRIES)
def test_receivables_pay_the_oldest_kasbon_first(db: Database, entries: list[Entry]) -> None:
    start, as_of = date(2026, 9, 1), date(2026, 11, 15)
    with db.unit_of_work() as session:
        session.execute(delete(CreditEntry))
        session.execute(delete(Customer))
        session.add(Customer(uuid="c1", name="Bu Sri", phone="+6281234567890"))
        for n, (kind, amount, offset) in enumerate(entries):
            session.add(CreditEntry(customer_uuid="c1", kind=kind, amount=amount,
                                    created_at=_at(start + timedelta(days=offset)) + timedelta(seconds=n)))
    balance, unpaid = _reference(entries)
    with db.read() as session:
        aging = receivables(session, as_of)
    assert aging.total == max(balance, 0)
    if aging.rows:
        row = aging.rows[0]
        assert sum(row.buckets) == row.balance == balance
        # every sale here is more than 30 days before the 15th unless made after Oct 15
        sales = sorted((e for e in entries if e[0] == "sale"), key=lambda e: e[2])
        recent = sum(left for (_k, _a, offset), left in zip(sales, unpaid, strict=True)
                     if (as_of - (start + timedelta(days=offset))).days <= 30)
        assert row.buckets[0] + row.buckets[1] == recent
    else:
        assert balance <= 0


def test_payables_are_what_is_left_of_each_purchase_by_days_past_due(db: Database) -> None:
    with db.unit_of_work() as session:
        session.add(Supplier(uuid="s1", name="CV Sumber Rejeki"))
        session.add_all([
            Purchase(uuid="p1", number="PB-1", supplier_uuid="s1", total=1_000_000,
                     due_date=date(2026, 10, 1), received_at=_at(date(2026, 9, 20))),
            Purchase(uuid="p2", number="PB-2", supplier_uuid="s1", total=300_000,
                     due_date=date(2026, 11, 12), received_at=_at(date(2026, 11, 1))),
            Purchase(uuid="r1", number="PB-3", kind="return", supplier_uuid="s1", total=100_000,
                     return_of="p1"),
            SupplierPayment(supplier_uuid="s1", purchase_uuid="p1", source=MoneySource.DRAWER,
                            amount=400_000),
        ])
    with db.read() as session:
        aging = payables(session, date(2026, 11, 15))
    (row,) = aging.rows
    assert row.name == "CV Sumber Rejeki"
    assert row.balance == 500_000 + 300_000
    assert row.buckets == (300_000, 0, 500_000)  # p2 3 days past due, p1 45 days
