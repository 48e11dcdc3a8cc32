"""English is complete on screen: settings tabs, service errors, payment methods, order
statuses, report periods and the status bar follow the screens' language; receipts and
report files follow their own (``receipt.language``), which may differ.

English is installed with ``ui.i18n.install("en")`` (the shipped .qm) for a test and
Indonesian again afterwards.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import settings
from app.cart import Cart, CartLine
from app.errors import ValidationError
from app.money import parse_rupiah
from app.payments.statements.model import StatementError
from app.receipts import render_text
from app.receipts.from_order import receipt_from_order
from app.sync.worker import SyncStatus
from models.base import ProductId
from tests.ui.admin.kit import when_modal
from tests.ui.helpers import last_order
from tests.ui.test_i18n import INDONESIAN_SECTIONS, make_window, section_texts
from ui import i18n, i18n_tools
from ui.admin.language_tab import LanguageTab
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.messages import error_text, show_error
from ui.orders.page import OrdersPage
from ui.reports.page import ReportsPage
from ui.sell.pay import PayDialog
from ui.settings.page import SettingsPage
from ui.sync.status import describe

CTRL = Qt.KeyboardModifier.ControlModifier
ENGLISH_TABS = ["Shop", "Payments", "Printer", "PEKEN", "Users", "Backup", "Language"]
ENGLISH_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
RUPIAH_ERROR_EN = "'dua ribu' is not a valid rupiah amount."


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """English on screen for the test; Indonesian again afterwards."""
    assert i18n.install("en")
    yield
    i18n.install("id")


def rupiah_error() -> ValidationError:
    """A real service error: an amount a cashier might type."""
    with pytest.raises(ValidationError) as caught:
        parse_rupiah("dua ribu")
    return caught.value


# ----- Pengaturan, errors, status bar ------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_settings_tab_titles_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    window = make_window(ctx, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)  # Pengaturan
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    assert [page.tabText(i) for i in range(page.count())] == ENGLISH_TABS


@pytest.mark.usefixtures("english")
def test_service_error_through_show_error_is_english(ctx: AppContext, qtbot: QtBot) -> None:
    window = make_window(ctx, qtbot)
    shown: list[tuple[str, str]] = []

    def read(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    seen = when_modal(QMessageBox, read)
    show_error(window, rupiah_error())
    assert len(seen) == 1
    assert shown == [("Cannot do that", RUPIAH_ERROR_EN)]


@pytest.mark.usefixtures("english")
def test_translated_error_keeps_its_listed_rows() -> None:
    error = StatementError("Berkas mutasi {name} tidak bisa diimpor:", ["baris 3: nominal kosong"],
                           name="bca.csv")
    assert str(error) == "Berkas mutasi bca.csv tidak bisa diimpor:\n- baris 3: nominal kosong"
    assert error_text(error) == "Statement file bca.csv cannot be imported:\n- baris 3: nominal kosong"


def test_service_error_stays_indonesian_by_default(ctx: AppContext, qtbot: QtBot) -> None:
    window = make_window(ctx, qtbot)
    shown: list[str] = []

    def read(box: QMessageBox) -> None:
        shown.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(QMessageBox, read)
    show_error(window, rupiah_error())
    assert shown == ["'dua ribu' bukan jumlah rupiah yang sah."]


@pytest.mark.usefixtures("english")
def test_status_bar_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    window = make_window(ctx, qtbot)
    window.status._tick()
    assert window.status.clock.text().split()[0] in ENGLISH_DAYS
    assert window.status.cashier.text().startswith("Cashier: ")
    text = describe(SyncStatus(enrolled=True, online=False, pending=3, rejected=1))
    assert text == "PEKEN: offline · 3 queued · synced never · 1 rejected"
    assert describe(SyncStatus()) == "PEKEN: not enrolled"


# ----- payment methods, statuses, periods --------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_pay_dialog_method_names_and_errors_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    cart = Cart()
    cart.add(CartLine(ProductId(1), "Kopi", "pcs", Decimal(2), 7_500, False))
    dialog = PayDialog(ctx, cart)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F4)  # Lainnya / Other
    qtbot.keyClicks(dialog.amount, "5000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.rows.item(0).text().split()[0] == "Other"
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F1)  # Tunai / Cash
    qtbot.keyClicks(dialog.amount, "dua ribu")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.error.text() == RUPIAH_ERROR_EN
    assert dialog.rows.count() == 1


@pytest.mark.usefixtures("english")
def test_orders_show_english_statuses_and_methods(ctx: AppContext, qtbot: QtBot) -> None:
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.period.setCurrentIndex(page.period.findData("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    model = page.model

    def column(index: int) -> set[str]:
        return {str(model.data(model.index(r, index))) for r in range(model.rowCount())}

    status_col, methods_col = 3, 4  # No. pesanan, Waktu, Total, Status, Pembayaran, …
    assert model.headerData(status_col, Qt.Orientation.Horizontal) == "Status"
    statuses, methods = column(status_col), column(methods_col)
    assert "Paid" in statuses and not statuses & {"Lunas", "Menunggu bayar", "Retur"}
    assert any("Cash" in m for m in methods) and not any("Tunai" in m for m in methods)
    filters = [page.status.itemText(i) for i in range(page.status.count())]
    assert "Paid" in filters and "Lunas" not in filters


@pytest.mark.usefixtures("english")
def test_reports_this_month_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    month = page.range_box.findData("month")
    assert page.range_box.itemText(month) == "This month"
    with qtbot.waitSignal(page.sig_report_shown, timeout=20_000):
        page.range_box.setCurrentIndex(month)
    assert page.status.text().startswith("This month, ")
    names = {page.methods.model().index(r, 0).data() for r in range(page.methods.rowCount())}
    assert "Cash" in names and "Tunai" not in names


# ----- receipts in their own language ------------------------------------------------------------


def test_receipt_language_differs_from_the_screen(ctx: AppContext, qtbot: QtBot) -> None:
    tab = LanguageTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.receipt_combo.setFocus()
    qtbot.keyClick(tab.receipt_combo, Qt.Key.Key_End)  # English, the last entry
    tab.save_button.setFocus()
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    with ctx.db.read() as session:
        assert settings.get(session, "receipt.language") == "en"
        assert settings.get(session, "ui.language") == "id"
        receipt = receipt_from_order(session, last_order(ctx).id)
    text = render_text(receipt, 48)
    assert "Cashier" in text and "Date" in text and "Kasir" not in text
    window = make_window(ctx, qtbot)
    assert isinstance(window, MainWindow) and section_texts(window) == INDONESIAN_SECTIONS


# ----- extraction of the service messages --------------------------------------------------------


def test_user_error_templates_are_extracted(tmp_path: Path) -> None:
    found = i18n_tools.user_error_messages()
    assert ("UserError", "'{raw}' bukan jumlah rupiah yang sah.") in found
    assert ("UserError", "Produk #{product_id} tidak ditemukan.") in found
    module = tmp_path / "things.py"
    module.write_text(
        "from app.errors import ValidationError\n\n"
        "class KopiError(ValidationError):\n    pass\n\n"
        "def check(x: int) -> None:\n"
        "    raise KopiError('Kopi {x} habis.', x=x)\n", encoding="utf-8")
    assert i18n_tools.user_error_messages(tmp_path) == [("UserError", "Kopi {x} habis.")]
    copy = tmp_path / "peken_en.ts"
    shutil.copy(i18n_tools.TS_FILE, copy)
    i18n_tools.update(copy)
    sources = {source for context, source, _t, _d in i18n_tools.messages(copy)
               if context == "UserError"}
    assert "'{raw}' bukan jumlah rupiah yang sah." in sources and len(sources) > 100
