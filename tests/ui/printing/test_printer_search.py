"""Pengaturan → Printer → "Cari printer…": a printer answering on the local network is found
by the scan the seller starts, and picking it fills the connection fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.printing.profile import ConnectionKind
from tests.unit.receipts.order_kit import FakeNetworkPrinter
from ui.context import AppContext
from ui.printing.discovery_dialog import PrinterSearchDialog
from ui.printing.settings_tab import PrinterSettingsTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_scan_finds_the_loopback_printer_and_fills_the_form(qtbot: QtBot, ctx: AppContext) -> None:
    printer = FakeNetworkPrinter()
    printer.start()
    try:
        tab = PrinterSettingsTab(ctx)
        qtbot.addWidget(tab)
        dialog = tab.on_search()
        qtbot.waitUntil(lambda: "Belum ada" in dialog.notes.text() or dialog.rows.count() > 0)
        dialog.scan_port = printer.port
        dialog.network.setFocus()
        dialog.network.selectAll()
        qtbot.keyClicks(dialog.network, "127.0.0.0/29")
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.scan_button.isEnabled, timeout=20_000)
        labels = [dialog.rows.item(i).text() for i in range(dialog.rows.count())]
        assert f"Jaringan 127.0.0.1:{printer.port}" in labels
        assert not any(label.startswith("Jaringan 127.0.0.2") for label in labels)
        dialog.rows.setCurrentRow(labels.index(f"Jaringan 127.0.0.1:{printer.port}"))
        dialog.rows.setFocus()
        qtbot.keyClick(dialog.rows, Qt.Key.Key_Return)
        assert tab.kind.currentData() == ConnectionKind.NETWORK.value
        assert (tab.host.text(), tab.port.value()) == ("127.0.0.1", printer.port)
        assert tab.pages.currentIndex() == tab.kind.currentIndex()
        assert tab.test_button.isEnabled()
    finally:
        printer.close()


def test_a_public_network_is_refused_with_a_message(qtbot: QtBot) -> None:
    dialog = PrinterSearchDialog()
    qtbot.addWidget(dialog)
    dialog.network.setText("8.8.8.0/24")
    qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    assert "jaringan lokal" in dialog.notes.text()
    assert dialog.scan_button.isEnabled() and not dialog.progress.isVisible()
    QApplication.processEvents()
