"""A counter sale paid by bank transfer: pending with the transfer details on its receipt,
then confirmed by importing the bank statement (issue 6, end to end through the screens)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.clock import local
from app.money import format_rupiah
from app.receipts.from_order import receipt_from_order
from app.receipts.preview import render_text
from models import Order
from tests.unit.payments.shop_kit import klikbca_csv
from ui.context import AppContext
from ui.payments.confirm_page import ConfirmPaymentsPage
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from .helpers import barcoded_products, last_order, on_hand, press, type_text, wait_dialog, wait_no_dialog

ENTER = Qt.Key.Key_Return


def _sell_by_transfer(ctx: AppContext, screen: SellScreen, qtbot: QtBot, code: str) -> Order:
    type_text(qtbot, screen, code)
    press(qtbot, screen, ENTER)
    press(qtbot, screen, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PayDialog)
    assert isinstance(dialog, PayDialog)
    press(qtbot, dialog, Qt.Key.Key_F2)  # transfer: the account and exact amount are shown
    assert dialog.transfer_panel.isVisible()
    due = dialog.transfer_panel.amount_due()
    assert due > dialog.total  # total plus a kode unik
    assert dialog.transfer_panel.amount.text() == format_rupiah(due)
    press(qtbot, dialog, ENTER)
    wait_no_dialog(qtbot)
    return last_order(ctx)


def test_transfer_sale_pending_then_confirmed_by_statement(
    ctx: AppContext, screen: SellScreen, qtbot: QtBot, tmp_path: Path
) -> None:
    product_id, code, _price = barcoded_products(ctx, 1)[0]
    stock_before = on_hand(ctx, product_id)
    order = _sell_by_transfer(ctx, screen, qtbot, code)
    payment = order.payments[0]
    due = payment.amount + payment.unique_code
    assert order.status == "pending" and payment.status == "pending"
    assert 1 <= payment.unique_code <= 999
    assert on_hand(ctx, product_id) == stock_before - 1  # reserved while it waits

    with ctx.db.read() as session:
        text = render_text(receipt_from_order(session, order.id), 32)
    assert "1234567890" in text and "SITI AMINAH" in text and format_rupiah(due) in text

    day = local(order.created_at).date()
    statement = klikbca_csv(tmp_path / "mutasi.csv",
                            [(day, due, "CR", f"TRSF E-BANKING CR {day:%d%m}/FTSCY/WS95051 BUDI")],
                            period=(day.replace(day=1), day))
    page = ConfirmPaymentsPage(ctx)
    qtbot.addWidget(page)
    page.import_file(statement)
    qtbot.waitUntil(lambda: bool(page.proposals), timeout=5000)
    assert [p.payment.order_number for p in page.proposals] == [order.number]
    qtbot.mouseClick(page.confirm_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: last_order(ctx).status == "paid", timeout=5000)
    paid = last_order(ctx)
    assert paid.payments[0].status == "confirmed"
    assert paid.payments[0].statement_key
