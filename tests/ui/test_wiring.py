"""The main window with its services attached: status bar, receipt after a sale, reprint,
the daily backup, and the closing backup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.backup import list_backups
from ui import wiring
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.orders.section import OrdersSection
from ui.printing.preview_dialog import ReceiptPreviewDialog
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from .helpers import barcoded_products, last_order, press, type_text, wait_dialog, wait_no_dialog


def _previews() -> list[ReceiptPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ReceiptPreviewDialog) and w.isVisible()]


def test_services_attach_show_state_print_and_back_up(
    ctx: AppContext, window: MainWindow, qtbot: QtBot
) -> None:
    services = wiring.attach(window, ctx)
    try:
        status = window.status
        qtbot.waitUntil(lambda: status.printer.text() == "Printer: belum diatur")
        qtbot.waitUntil(lambda: status.sync.text().startswith("PEKEN:"), timeout=5000)
        qtbot.waitUntil(lambda: any(b.kind == "harian" for b in list_backups(ctx.db.path)),
                        timeout=5000)
        screen = window.pages[0]
        assert isinstance(screen, SellScreen)
        _pid, code, _price = barcoded_products(ctx, 1)[0]
        screen.ui.scan.setFocus()
        type_text(qtbot, screen, code)
        press(qtbot, screen, Qt.Key.Key_Return)
        press(qtbot, screen, Qt.Key.Key_F12)
        dialog = wait_dialog(qtbot, PayDialog)
        press(qtbot, dialog, Qt.Key.Key_Return)  # uang pas
        wait_no_dialog(qtbot)
        order = last_order(ctx)
        # no printer set up: the receipt preview (Cetak / Simpan PDF) opens, the sale is saved
        qtbot.waitUntil(lambda: any(p.order_id == order.id for p in _previews()))
        assert order.status == "paid"
        for preview in _previews():
            preview.close()
        section = window.page("Pesanan")
        assert isinstance(section, OrdersSection)
        assert [section.tabText(i) for i in range(section.count())][:2] == [
            "Semua pesanan", "Konfirmasi pembayaran"]
        section.orders.reprint_order(order.id)
        qtbot.waitUntil(lambda: any(p.order_id == order.id and p.reprint for p in _previews()))
        for preview in _previews():
            preview.close()
    finally:
        wiring.detach(ctx)
    assert services.printer is ctx.printer
    assert any(b.kind == "tutup" for b in list_backups(ctx.db.path))
