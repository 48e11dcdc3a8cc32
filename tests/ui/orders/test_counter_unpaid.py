"""A counter transfer sale whose goods left waits as "belum dibayar" with its age, days later,
in Pesanan and in Konfirmasi pembayaran (it never expires)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app import shop
from models import Order
from tests.ui.helpers import barcoded_products
from tests.unit.payments.shop_kit import cart_for
from ui.context import AppContext
from ui.orders.page import OrdersPage
from ui.payments.confirm_page import ConfirmPaymentsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
SOLD = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 10:00 WIB


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _counter_transfer(ctx: AppContext) -> str:
    from app.payments import service
    from app.sales import PaymentInput, checkout

    product_id = barcoded_products(ctx, 1)[0][0]
    with ctx.db.unit_of_work() as session:
        account = shop.bank_accounts(session)[0].id
        cart = cart_for(session, product_id, 1)
        code = service.transfer_code(session, account, cart.total)
        result = checkout(session, cart, [PaymentInput("transfer", cart.total, bank_account_id=account,
                                                       unique_code=code)], now=SOLD)
        return result.number


def test_counter_transfer_waits_as_belum_dibayar_three_days_later(
    ctx: AppContext, qtbot: QtBot,
) -> None:
    number = _counter_transfer(ctx)
    with time_machine.travel(SOLD + timedelta(days=3, hours=1)):
        confirm = ConfirmPaymentsPage(ctx)
        qtbot.addWidget(confirm)
        table = confirm.pending
        rows = {_cell(table, r, 0): r for r in range(table.rowCount())}
        row = rows[number]
        assert _cell(table, row, 4) == "3 hari"
        assert _cell(table, row, 5) == "Belum dibayar (barang sudah diserahkan)"
        page = OrdersPage(ctx)
        qtbot.addWidget(page)
        page.period.setCurrentIndex(page.period.findData("all"))
        shown = {page.model.index(r, 0).data(): page.model.index(r, 3).data()
                 for r in range(page.model.rowCount())}
        assert shown[number] == "Belum dibayar · 3 hari"
        page.select_order(next(r.id for r in page.model.rows if r.number == number))
        assert page.panel.title.text().endswith(f"{number} · Belum dibayar · 3 hari")
    with ctx.db.read() as session:
        order = session.query(Order).filter_by(number=number).one()
        assert (order.status, order.expires_at) == ("pending", None)
