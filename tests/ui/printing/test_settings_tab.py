"""Pengaturan → Printer: saving a profile and "Cetak uji" to a loopback printer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import settings
from app.db import Database
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.service import load_profile
from tests.ui.printing.conftest import use_network_printer
from tests.unit.receipts.order_kit import FakeNetworkPrinter
from ui.context import AppContext
from ui.printing.settings_tab import PrinterSettingsTab
from ui.settings.page import SettingsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def _tab(qtbot: QtBot, ctx: AppContext) -> PrinterSettingsTab:
    from app import users

    if ctx.user_role != "owner":  # the printer is the owner's to change
        with ctx.db.unit_of_work() as session:
            ctx.user_id = int(users.create_user(session, "Bu Sari", "owner", "4321"))
        ctx.user_name, ctx.user_role = "Bu Sari", "owner"
    tab = PrinterSettingsTab(ctx)
    qtbot.addWidget(tab)
    return tab


def _fill_network(tab: PrinterSettingsTab, port: int) -> None:
    tab.name.setText("Printer depan")
    tab.kind.setCurrentIndex(tab.kind.findData(ConnectionKind.NETWORK.value))
    tab.host.setText("127.0.0.1")
    tab.port.setValue(port)
    tab.paper.setCurrentIndex(tab.paper.findData(80))
    tab.cutter.setChecked(True)
    tab.drawer.setCurrentIndex(tab.drawer.findData(2))
    tab.pulse.setValue(120)
    tab.after_sale.setChecked(False)


def test_new_shop_starts_without_a_printer(qtbot: QtBot, ctx: AppContext) -> None:
    tab = _tab(qtbot, ctx)
    assert tab.kind.currentText().startswith("Tanpa printer")
    assert not tab.test_button.isEnabled() and tab.after_sale.isChecked()


def test_saves_a_network_profile_to_the_settings(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    tab = _tab(qtbot, ctx)
    _fill_network(tab, 9100)
    assert tab.pages.currentIndex() == tab.kind.currentIndex()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "Tersimpan."
    with db.read() as session:
        assert load_profile(session) == PrinterProfile(
            name="Printer depan", kind=ConnectionKind.NETWORK, host="127.0.0.1", port=9100,
            paper_mm=80, has_cutter=True, drawer_pin=2, drawer_pulse_ms=120)
        assert settings.get(session, "receipt.print_after_sale") is False

    again = _tab(qtbot, ctx)  # reopening Pengaturan shows what was saved
    assert again.kind.currentData() == "network" and again.host.text() == "127.0.0.1"
    assert again.paper.currentData() == 80 and again.drawer.currentData() == 2
    assert not again.after_sale.isChecked()


def test_bad_usb_id_is_refused_with_a_clear_message(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    tab = _tab(qtbot, ctx)
    tab.kind.setCurrentIndex(tab.kind.findData(ConnectionKind.USB.value))
    tab.usb_vendor.setText("04z6")
    tab.usb_product.setText("5011")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "ID USB '04z6' tidak sah" in tab.status.text()
    with db.read() as session:
        assert load_profile(session) is None


def test_choosing_no_printer_clears_the_profile(qtbot: QtBot, ctx: AppContext,
                                                db: Database) -> None:
    use_network_printer(db, 9100)
    tab = _tab(qtbot, ctx)
    assert tab.kind.currentData() == "network"
    tab.kind.setCurrentIndex(0)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    with db.read() as session:
        assert load_profile(session) is None


def test_cetak_uji_reaches_a_loopback_printer(
    qtbot: QtBot, ctx: AppContext, printer: FakeNetworkPrinter
) -> None:
    printer.start()
    tab = _tab(qtbot, ctx)
    _fill_network(tab, printer.port)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "terkirim" in tab.status.text(), timeout=5000)
    assert tab.status.text().startswith(f"Cetak uji terkirim ke 127.0.0.1:{printer.port}.")
    assert tab.test_button.isEnabled()
    [data] = printer.wait_for(1)
    assert b"CETAK UJI" in data and b"Printer depan" in data and b"\x1dV" in data


def test_cetak_uji_to_a_switched_off_printer_says_what_to_do(
    qtbot: QtBot, ctx: AppContext, printer: FakeNetworkPrinter
) -> None:
    tab = _tab(qtbot, ctx)
    _fill_network(tab, printer.port)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gagal" in tab.status.text(), timeout=5000)
    assert tab.status.text() == (f"Cetak uji gagal: Printer tidak terjangkau di "
                                 f"127.0.0.1:{printer.port} — periksa kabel/daya, lalu Cetak ulang")


def test_settings_page_loads_the_printer_tab(qtbot: QtBot, ctx: AppContext) -> None:
    from models import User

    with ctx.db.unit_of_work() as session:  # this cashier was granted the settings
        user = session.get(User, ctx.user_id)
        assert user is not None
        user.permissions = "settings"
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    titles = [page.tabText(i) for i in range(page.count())]
    assert isinstance(page.widget(titles.index("Printer")), PrinterSettingsTab)
