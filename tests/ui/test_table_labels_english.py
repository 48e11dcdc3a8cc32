"""Labels built from tables of Indonesian strings reach the English UI.

Column titles, button texts and form rows kept in tables (or handed to a ``_button`` /
``_page`` helper) are only translatable if lupdate extracts them. The test extracts the
strings of ``ui/`` afresh into a copy of the .ts, gives English to the labels below, compiles
that copy and installs it over the shipped English: a label lupdate misses, or one shown in
another context than it was extracted in, stays Indonesian on screen.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import inventory
from app.importing import FIELDS, RawTable
from ui import i18n, i18n_tools
from ui.context import AppContext
from ui.payments.confirm_page import ConfirmPaymentsPage
from ui.payments.settings_tab import PaymentSettingsTab
from ui.printing.settings_tab import PrinterSettingsTab
from ui.products.import_wizard import FIELD_TITLES, field_title, preview_model
from ui.products.labels_dialog import LabelModel
from ui.products.stock_dialogs import REASON_LABELS, movement_model, reason_label
from ui.settings.shop_tab import ShopTab
from ui.sync.online_orders import OnlineOrdersWidget
from ui.sync.rejected_dialog import RejectedDialog

ENGLISH: dict[tuple[str, str], str] = {
    ("ConfirmPaymentsPage", "Pesanan"): "Order",
    ("ConfirmPaymentsPage", "Keterangan mutasi"): "Statement description",
    ("ConfirmPaymentsPage", "Muat ulang"): "Reload",
    ("ConfirmPaymentsPage", "Konfirmasi manual…"): "Confirm manually…",
    ("PaymentSettingsTab", "Simpan QRIS"): "Save QRIS",
    ("PrinterSettingsTab", "Alamat IP"): "IP address",
    ("PrinterSettingsTab", "Printer LAN/Wi-Fi biasanya memakai port 9100. Cetak halaman "
                           "konfigurasi printer untuk melihat alamat IP-nya."):
        "LAN/Wi-Fi printers usually listen on port 9100.",
    ("ShopTab", "Nama toko"): "Shop name",
    ("OnlineOrdersWidget", "Pembeli"): "Buyer",
    ("RejectedDialog", "Alasan ditolak"): "Reason refused",
    ("StockDialogs", "Alasan"): "Reason",
    ("StockDialogs", "Rusak"): "Damaged",
    ("ImportWizard", "Baris"): "Row",
    ("ImportWizard", "Harga Jual"): "Selling price",
    ("LabelModel", "Jumlah label"): "Labels",
}


@pytest.fixture(scope="module")
def extracted_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ui/ extracted into a copy of the .ts, the labels above in English, compiled."""
    folder = tmp_path_factory.mktemp("i18n")
    ts_file, qm_file = folder / "peken_en.ts", folder / "peken_en.qm"
    shutil.copy(i18n_tools.TS_FILE, ts_file)
    i18n_tools.update(ts_file)
    found = {(context, source) for context, source, _text, _done in i18n_tools.messages(ts_file)}
    assert set(ENGLISH) <= found, sorted(set(ENGLISH) - found)  # lupdate saw every label
    assert i18n_tools.fill(ts_file, {}, ENGLISH) >= len(ENGLISH)
    i18n_tools.compile_qm(ts_file, qm_file)
    return qm_file


@pytest.fixture
def english(qapp: QApplication, extracted_qm: Path) -> Iterator[None]:
    """The shipped English with the freshly extracted labels over it; Indonesian afterwards."""
    assert i18n.install("en")
    translator = QTranslator(qapp)
    assert translator.load(str(extracted_qm))
    qapp.installTranslator(translator)  # installed last: asked first
    yield
    qapp.removeTranslator(translator)
    i18n.install("id")


def header(widget: QWidget, name: str, column: int) -> str:
    """The title of ``column`` of the table ``widget.<name>``."""
    item = getattr(widget, name).horizontalHeaderItem(column)
    assert item is not None
    return str(item.text())


def button_text(widget: QWidget, name: str) -> str:
    """The text of the button named ``name`` inside ``widget``."""
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    return button.text()


def row_label(field: QWidget) -> str:
    """The label of a form row: the text next to ``field``."""
    parent = field.parentWidget()
    assert parent is not None
    for form in parent.findChildren(QFormLayout):
        label = form.labelForField(field)
        if isinstance(label, QLabel):
            return label.text()
    raise AssertionError(f"no form row for {field.objectName()}")


@pytest.mark.usefixtures("english")
def test_payment_confirmation_columns_and_buttons_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    page = ConfirmPaymentsPage(ctx)
    qtbot.addWidget(page)
    assert header(page, "pending", 0) == "Order"
    assert header(page, "proposals_table", 2) == "Statement description"
    assert button_text(page, "refresh") == "Reload"
    assert button_text(page, "manualConfirm") == "Confirm manually…"


@pytest.mark.usefixtures("english")
def test_payment_settings_button_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    tab = PaymentSettingsTab(ctx)
    qtbot.addWidget(tab)
    assert button_text(tab, "saveQris") == "Save QRIS"


@pytest.mark.usefixtures("english")
def test_printer_connection_rows_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    tab = PrinterSettingsTab(ctx)
    qtbot.addWidget(tab)
    assert row_label(tab.host) == "IP address"
    network_page = tab.host.parentWidget()
    assert network_page is not None
    hints = [label.text() for label in network_page.findChildren(QLabel, "hint")]
    assert hints == ["LAN/Wi-Fi printers usually listen on port 9100."]


@pytest.mark.usefixtures("english")
def test_shop_profile_row_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    tab = ShopTab(ctx)
    qtbot.addWidget(tab)
    assert row_label(tab.edits["name"]) == "Shop name"


@pytest.mark.usefixtures("english")
def test_peken_columns_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    orders = OnlineOrdersWidget(ctx)
    qtbot.addWidget(orders)
    assert header(orders, "table", 2) == "Buyer"
    rejected = RejectedDialog(ctx)
    qtbot.addWidget(rejected)
    assert header(rejected, "table", 3) == "Reason refused"


@pytest.mark.usefixtures("english")
def test_stock_labels_and_import_fields_in_english() -> None:
    horizontal = Qt.Orientation.Horizontal
    assert movement_model().headerData(3, horizontal) == "Reason"
    assert reason_label("rusak") == "Damaged"
    assert LabelModel([]).headerData(4, horizontal) == "Labels"
    assert field_title("price") == "Selling price"
    preview = preview_model(RawTable(["Harga"], []), {0: "price"}, [])
    assert [preview.headerData(i, horizontal) for i in range(3)] == ["Row", "Status", "Selling price"]


def test_every_app_label_shown_by_the_ui_is_marked() -> None:
    """app/ has no Qt: its label tables are marked for lupdate in ui/; a new label must be too."""
    assert set(REASON_LABELS) == set(inventory.ADJUST_REASONS.values())
    assert set(FIELD_TITLES) == {title for title, _aliases in FIELDS.values()}


def test_indonesian_again_without_the_translation(ctx: AppContext, qtbot: QtBot) -> None:
    """The same labels in Indonesian (the source) when no translator is installed."""
    assert QCoreApplication.translate("ShopTab", "Nama toko") == "Nama toko"
    page = ConfirmPaymentsPage(ctx)
    qtbot.addWidget(page)
    assert header(page, "pending", 0) == "Pesanan"
    assert button_text(page, "refresh") == "Muat ulang"
