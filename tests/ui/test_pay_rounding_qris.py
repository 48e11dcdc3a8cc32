"""The pay dialog: cash rounding set in Pengaturan → Pembayaran, shown and booked; the demo
shop's QRIS shows a QR on F3."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import settings
from contract import qris
from models import Product
from ui.context import AppContext
from ui.orders.page import OrdersPage
from ui.payments.settings_tab import PaymentSettingsTab
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from .helpers import barcoded_products, last_order, press, type_text, wait_dialog, wait_no_dialog

ENTER = Qt.Key.Key_Return


def _open_pay_dialog(ctx: AppContext, screen: SellScreen, qtbot: QtBot, price: int | None = None
                     ) -> PayDialog:
    product_id, code, _price = barcoded_products(ctx, 1)[0]
    if price is not None:
        with ctx.db.unit_of_work() as session:
            product = session.get(Product, product_id)
            assert product is not None
            product.price = price
    type_text(qtbot, screen, code)
    press(qtbot, screen, ENTER)
    press(qtbot, screen, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PayDialog)
    assert isinstance(dialog, PayDialog)
    return dialog


def test_rounding_chosen_in_settings_is_shown_and_booked_for_cash(
    ctx: AppContext, screen: SellScreen, qtbot: QtBot,
) -> None:
    tab = PaymentSettingsTab(ctx)
    qtbot.addWidget(tab)
    tab.rounding_step.setFocus()
    qtbot.keyClick(tab.rounding_step, Qt.Key.Key_Down)  # Tanpa pembulatan → Rp100
    assert tab.rounding_step.currentText() == "Rp100" and tab.rounding_mode.currentData() == "down"
    with ctx.db.read() as session:
        assert settings.get(session, "sales.cash_rounding_step") == 100
    dialog = _open_pay_dialog(ctx, screen, qtbot, price=12_540)
    assert dialog.rounding_label.isVisible()
    assert dialog.rounding_label.text() == "Pembulatan -Rp40 · bayar tunai Rp12.500"
    assert dialog.amount.text() == "12500"
    press(qtbot, dialog, Qt.Key.Key_F2)  # a transfer is to the rupiah: no rounding shown
    assert not dialog.rounding_label.isVisible() and dialog.amount.text() == "12540"
    press(qtbot, dialog, Qt.Key.Key_F1)
    type_text(qtbot, dialog, "20000")
    assert dialog._value(dialog.change_label).text() == "Rp7.500"
    press(qtbot, dialog, ENTER)
    wait_no_dialog(qtbot)
    order = last_order(ctx)
    assert (order.total, order.rounding, order.status) == (12_540, -40, "paid")
    assert [(p.method, p.amount, p.tendered, p.change) for p in order.payments] == [
        ("cash", 12_500, 20_000, 7_500)]
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.show_detail(order.id)
    assert "Total Rp12.540 · Pembulatan -Rp40 · dibayar Rp12.500" in page.panel.totals.text()


def test_demo_shop_has_a_qris_and_f3_shows_its_qr(
    ctx: AppContext, screen: SellScreen, qtbot: QtBot,
) -> None:
    with ctx.db.read() as session:
        stored = str(settings.get(session, "qris.static_payload"))
    parsed = qris.parse(stored)  # a valid static QRIS (CRC checked)
    assert not parsed.is_dynamic and parsed.merchant_name == "TOKO BERKAH JAYA"
    dialog = _open_pay_dialog(ctx, screen, qtbot)
    press(qtbot, dialog, Qt.Key.Key_F3)
    panel = dialog.qris_panel
    assert panel.isVisible() and panel.payload is not None
    assert qris.parse(panel.payload).is_dynamic and panel.amount == dialog.total
    pixmap = panel.image.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.width() > 100
    assert "TOKO BERKAH JAYA" in panel.merchant.text() and panel.message.text() == ""
    press(qtbot, dialog, ENTER)
    wait_no_dialog(qtbot)
    order = last_order(ctx)
    assert (order.status, order.payments[0].method, order.payments[0].qris_payload) == (
        "pending", "qris", panel.payload)


def test_kode_unik_as_discount_lowers_the_transfer_amount_in_the_pay_dialog(
    ctx: AppContext, screen: SellScreen, qtbot: QtBot,
) -> None:
    with ctx.db.unit_of_work() as session:
        settings.set_value(session, "sales.unique_code_as_discount", True)
    dialog = _open_pay_dialog(ctx, screen, qtbot, price=50_000)
    press(qtbot, dialog, Qt.Key.Key_F2)
    panel = dialog.transfer_panel
    assert panel.amount_due() == 49_999 and panel.amount.text() == "Rp49.999"
    assert panel.code.text().startswith("-Rp1")
    press(qtbot, dialog, ENTER)
    wait_no_dialog(qtbot)
    order = last_order(ctx)
    payment = order.payments[0]
    assert (order.total, payment.amount, payment.unique_code, order.status) == (
        50_000, 50_000, -1, "pending")
