"""Whole sales driven by key events only, checked in the database."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.money import line_total, percent_of
from ui.context import AppContext
from ui.sell.dialogs import DiscountDialog, QtyDialog
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from .helpers import (
    barcoded_products,
    last_order,
    on_hand,
    order_count,
    press,
    scan,
    type_text,
    wait_dialog,
    wait_no_dialog,
    weighed_product,
)

ENTER = Qt.Key.Key_Return


def test_whole_sale_by_keys(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, a_price), (b_id, b_code, b_price) = barcoded_products(ctx, 2)
    w_id, w_sku, w_price = weighed_product(ctx)
    stock = {pid: on_hand(ctx, pid) for pid in (a_id, b_id, w_id)}
    orders_before = order_count(ctx)

    scan(qtbot, screen, a_code)
    scan(qtbot, screen, b_code)
    scan(qtbot, screen, a_code)                      # A again: merged, qty 2
    scan(qtbot, screen, w_sku)                       # weighed: asks the weight
    wait_dialog(qtbot, QtyDialog)
    type_text(qtbot, screen, "0,5")
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    lines = screen.model.cart.lines
    assert [(ln.product_id, ln.qty) for ln in lines] == [
        (b_id, Decimal("1.000")), (a_id, Decimal("2.000")), (w_id, Decimal("0.500"))]

    press(qtbot, screen, Qt.Key.Key_Up)              # select A
    press(qtbot, screen, Qt.Key.Key_Up)              # select B
    press(qtbot, screen, Qt.Key.Key_F4)              # B: quantity 3
    dialog = wait_dialog(qtbot, QtyDialog)
    assert isinstance(dialog, QtyDialog) and dialog.field.text() == "1"
    type_text(qtbot, screen, "3")
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)
    press(qtbot, screen, Qt.Key.Key_F5)              # B: 10% off
    wait_dialog(qtbot, DiscountDialog)
    type_text(qtbot, screen, "10%")
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)

    b_total = 3 * b_price - percent_of(3 * b_price, Decimal(10))
    expected = b_total + 2 * a_price + line_total(Decimal("0.5"), w_price)
    assert screen.model.cart.total == expected
    assert screen.ui.total_value.text().replace(".", "") == f"Rp{expected}"

    press(qtbot, screen, Qt.Key.Key_F12)
    wait_dialog(qtbot, PayDialog)
    tendered = (expected // 50_000 + 1) * 50_000
    type_text(qtbot, screen, str(tendered))
    press(qtbot, screen, ENTER)
    wait_no_dialog(qtbot)

    assert order_count(ctx) == orders_before + 1
    order = last_order(ctx)
    assert order.status == "paid" and order.total == expected
    assert [(ln.product_id, ln.qty) for ln in order.lines] == [
        (b_id, Decimal("3.000")), (a_id, Decimal("2.000")), (w_id, Decimal("0.500"))]
    assert order.lines[0].discount == percent_of(3 * b_price, Decimal(10))
    assert [(p.method, p.amount, p.tendered, p.change, p.status) for p in order.payments] == [
        ("cash", expected, tendered, tendered - expected, "confirmed")]
    assert on_hand(ctx, a_id) == stock[a_id] - 2
    assert on_hand(ctx, b_id) == stock[b_id] - 3
    assert on_hand(ctx, w_id) == stock[w_id] - Decimal("0.5")
    # ready for the next buyer at once
    assert screen.model.rowCount() == 0
    assert screen.ui.scan.hasFocus() or screen.window().focusWidget() is screen.ui.scan
    assert "Kembalian" in screen.ui.last_sale.text()
