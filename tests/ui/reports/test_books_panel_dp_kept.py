"""Laba rugi on the Laporan page shows a DP the shop kept at a cancel as its own income row."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from pytestqt.qtbot import QtBot

from app import preorders
from app.clock import now_utc
from app.db import Database
from app.preorder_settle import DepositInput
from app.preorders import LineInput, PreorderInput
from contract.enums import PaymentMethod
from tests.conftest import ShopClock
from tests.ui.reports.test_books_panel import _page, _rows


def test_laba_rugi_shows_the_kept_dp(shop_clock_running: ShopClock, qtbot: QtBot, db: Database) -> None:
    with db.unit_of_work() as session:
        uuid = preorders.create(session, PreorderInput(
            due_at=now_utc() + timedelta(days=1), customer_name="Bu Sri",
            lines=[LineInput("Kue tart", Decimal(1), 150_000)],
            deposit=DepositInput(PaymentMethod.TRANSFER, 40_000))).uuid
        preorders.confirm_pending_deposits(session, uuid)
        preorders.cancel(session, uuid, keep_dp=True)
    page, figures = _page(db, qtbot)
    profit = _rows(page.books.profit)
    assert profit["Pendapatan lain: DP hangus (pesanan batal)"] == ["Rp40.000"]
    assert profit["Laba bersih"] == ["Rp40.000"] and figures.profit.net_profit == 40_000
