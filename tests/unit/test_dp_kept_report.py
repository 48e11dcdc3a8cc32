"""A DP the shop keeps when a pre-order is cancelled is income in laba rugi on the shop day it
was kept ("Pendapatan lain: DP hangus"); in arus kas it came in when it was paid, keeping it
moves no money, and a DP given back goes out on the day it is given back. Shop days are WIB
whatever the PC's zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest

from app import customers, preorders, shifts
from app.clock import now_utc
from app.customers import CustomerInput
from app.db import Database
from app.preorder_settle import DepositInput
from app.preorders import LineInput, PreorderInput
from app.reports import custom
from app.reports.books import cash_flow, profit_loss
from app.reports.books_export import profit_table
from contract.enums import PaymentMethod
from tests.conftest import FROZEN_DAY, ShopClock

DAY1, DAY2 = FROZEN_DAY - timedelta(days=1), FROZEN_DAY


def _preorder(db: Database, deposit: DepositInput, customer_uuid: str | None = None) -> str:
    with db.unit_of_work() as session:
        uuid = preorders.create(session, PreorderInput(
            due_at=now_utc() + timedelta(days=2), customer_name="Bu Sri",
            customer_uuid=customer_uuid, deposit=deposit,
            lines=[LineInput("Kue tart", Decimal(1), 150_000)])).uuid
        preorders.confirm_pending_deposits(session, uuid)
        return uuid


@pytest.mark.parametrize("zone", ["UTC", "America/Honolulu", "Asia/Tokyo"])
def test_kept_dp_is_income_on_the_shop_day_it_was_kept(
        db: Database, shop_clock: ShopClock, pc_zone: Callable[[str], None], zone: str) -> None:
    pc_zone(zone)
    shop_clock.move_to(f"{DAY1} 23:30")  # 16:30 UTC: the DPs come in late on day 1
    with db.unit_of_work() as session:
        shifts.open_shift(session, 100_000)
        sri = customers.create_customer(session, CustomerInput("Bu Sri", "081234567890")).uuid
    kept_cash = _preorder(db, DepositInput(PaymentMethod.CASH, 50_000), sri)
    given_back = _preorder(db, DepositInput(PaymentMethod.CASH, 30_000))
    kept_qris = _preorder(db, DepositInput(PaymentMethod.QRIS, 20_000))
    shop_clock.move_to(f"{DAY2} 00:30")  # 17:30 UTC, the same UTC day: shop day 2
    with db.unit_of_work() as session:
        preorders.cancel(session, kept_cash, keep_dp=True)
        preorders.cancel(session, given_back, keep_dp=False)
        preorders.cancel(session, kept_qris, keep_dp=True)
    shop_clock.move_to(f"{DAY2 + timedelta(days=3)} 10:00")  # a later merge moves nothing
    with db.unit_of_work() as session:
        dup = customers.create_customer(session, CustomerInput("Sri", "081298765432")).uuid
        customers.merge_customers(session, dup, sri)

    with db.read() as session:
        day1, day2 = profit_loss(session, custom(DAY1, DAY1)), profit_loss(session, custom(DAY2, DAY2))
        both = profit_loss(session, custom(DAY1, DAY2))
        flow1, flow2 = cash_flow(session, custom(DAY1, DAY2))
    assert (day1.dp_kept, day1.net_profit) == (0, 0)  # paid on day 1: not income yet
    assert (day2.dp_kept, day2.net_profit) == (70_000, 70_000)
    assert both.dp_kept == 70_000
    assert [row for row in profit_table(day2)[2] if "DP hangus" in str(row[0])] == [
        ["Pendapatan lain: DP hangus (pesanan batal)", 70_000]]
    assert all("DP hangus" not in str(row[0]) for row in profit_table(day1)[2])
    # arus kas: in when paid (drawer and bank), the cash given back out on day 2, keeping moves none
    assert (flow1.drawer_in, flow1.drawer_out, flow1.bank_in, flow1.bank_out) == (80_000, 0, 20_000, 0)
    assert (flow2.drawer_in, flow2.drawer_out, flow2.bank_in, flow2.bank_out) == (0, 30_000, 0, 0)
