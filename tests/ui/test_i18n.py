"""The English translation: a complete .ts, a .qm that loads, and English on screen.

Bahasa Indonesia is the source language; ``ui.i18n.install("en")`` switches to English
and ``install("id")`` back. Every test leaves Indonesian installed.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import settings
from app.cart import Cart, CartLine
from app.db import open_database
from models.base import ProductId
from ui import i18n, i18n_tools
from ui.app import load_style
from ui.context import AppContext
from ui.main_window import SECTIONS, MainWindow
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

ENGLISH_SECTIONS = ["Checkout", "Products & Stock", "Orders", "Customers", "Cash Book", "Reports", "Settings"]
INDONESIAN_SECTIONS = [title for title, _icon, _path in SECTIONS]
# Things a translation must carry over unchanged: placeholders, keys, markup, rupiah figures.
KEEP = re.compile(r"\{\w*\}|%\d|%[sd]|\bF\d+\b|Ctrl\+\w|<b>|</b>|&&|\d{1,3}(?:\.\d{3})+")
# Files of this part (the sell screen and the window around it): every string is in the .ts.
MY_FILES = ("ui/sell/", "ui/main_window.py", "ui/status_bar.py", "ui/placeholders.py",
            "ui/messages.py", "ui/settings/page.py", "ui/admin/language_tab.py", "ui/sync/status.py",
            "ui/wiring.py", "ui/orders/labels.py")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """English installed for the test; Indonesian again afterwards."""
    assert i18n.install("en")
    yield
    i18n.install("id")


def section_texts(window: MainWindow) -> list[str]:
    """The section buttons' texts as shown (``&&`` is a literal ``&``; a long one wraps)."""
    return [window.buttons.button(i).text().replace("&&", "&").replace("\n", " ")
            for i in range(len(SECTIONS))]


def make_window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    """A main window at laptop size, shown, with the shop's style sheet."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    load_style(qapp)
    window = MainWindow(ctx, "Toko Berkah Jaya")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def sell_screen(window: MainWindow) -> SellScreen:
    """The window's sell screen."""
    page = window.pages[0]
    assert isinstance(page, SellScreen)
    page.show_receipt_preview = False
    return page


# ----- the translation files -----------------------------------------------------------------


def test_ts_has_no_unfinished_or_empty_translation() -> None:
    found = i18n_tools.messages()
    assert len(found) > 100
    assert i18n_tools.missing() == []
    assert all(done and text.strip() for _c, _s, text, done in found)


def test_translations_keep_placeholders_keys_and_rupiah() -> None:
    wrong = [(context, source, text) for context, source, text, _done in i18n_tools.messages()
             if Counter(KEEP.findall(source)) != Counter(KEEP.findall(text))]
    assert wrong == []


def test_ts_covers_every_string_of_the_sell_screen_and_window(tmp_path: Path) -> None:
    """Extract again (into a copy): no string of this part is new or untranslated."""
    copy = tmp_path / "peken_en.ts"
    shutil.copy(i18n_tools.TS_FILE, copy)
    i18n_tools.update(copy)
    root = str(i18n_tools.ROOT) + "/"
    sources = [p for p in i18n_tools.source_files()
               if str(p).removeprefix(root).startswith(MY_FILES)]
    contexts = _contexts_in(sources) | {"UserError"}  # the service messages (app/ raises)
    assert contexts, "no translation contexts found in this part's files"
    untranslated = sorted((c, s) for c, s in i18n_tools.missing(copy) if c in contexts)
    assert untranslated == []


def _contexts_in(files: list[Path]) -> set[str]:
    """Translation contexts used by ``files``: their classes and literal translate() contexts."""
    names: set[str] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"^class (\w+)", text, re.M))
        names |= set(re.findall(r'(?:translate|QT_TRANSLATE_NOOP)\(\s*"(\w+)"', text))
    return names


def test_qm_loads_and_translates(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("en")))
    assert translator.translate("MainWindow", "Kasir") == "Checkout"
    assert translator.translate("SellScreen", "BAYAR (F12)") == "PAY (F12)"
    assert translator.translate("PayDialog", "Kembalian") == "Change"


def test_helper_messages_are_found_for_lupdate(tmp_path: Path) -> None:
    module = tmp_path / "labels.py"
    module.write_text(
        "from PySide6.QtCore import QCoreApplication\n\n"
        "def _t(text: str) -> str:\n"
        "    return QCoreApplication.translate('Things', text)\n\n"
        "def name(key: str) -> str:\n"
        "    return {'a': _t('Satu'), 'b': _t(\"Dua \\\"kutip\\\"\")}.get(key, key)\n",
        encoding="utf-8")
    found = i18n_tools.helper_messages([module])
    assert found == [("Things", "Satu"), ("Things", 'Dua "kutip"')]
    assert 'QT_TRANSLATE_NOOP("Things", "Dua \\"kutip\\"")' in i18n_tools.helper_source(found)
    assert i18n_tools.QT_TRANSLATE_NOOP("Things", "Satu") == "Satu"


# ----- English on screen ---------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_main_window_and_sell_screen_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    window = make_window(ctx, qtbot)
    assert section_texts(window) == ENGLISH_SECTIONS
    screen = sell_screen(window)
    assert screen.ui.pay_button.text() == "PAY (F12)"
    assert screen.ui.hold_button.text() == "Hold (F8)"
    assert screen.ui.notice.text() == "Ready. Scan a barcode or type a product name."
    assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "Product"
    assert window.status.cashier.text().startswith("Cashier: ")
    # pages keep their Indonesian keys
    assert window.page("Pengaturan") is window.pages[INDONESIAN_SECTIONS.index("Pengaturan")]


@pytest.mark.usefixtures("english")
def test_pay_dialog_in_english(ctx: AppContext, qtbot: QtBot) -> None:
    cart = Cart()
    cart.add(CartLine(ProductId(1), "Kopi", "pcs", Decimal(2), 7_500, False))
    dialog = PayDialog(ctx, cart)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Cash (F1)" in texts and "Other (F4)" in texts and "Exact cash (F5)" in texts
    assert dialog.windowTitle() == "Payment"
    assert "Rp15.000" in [label.text() for label in dialog.findChildren(QLabel)]


@pytest.mark.usefixtures("english")
def test_nothing_clipped_on_the_english_sell_screen(ctx: AppContext, qtbot: QtBot) -> None:
    window = make_window(ctx, qtbot)
    screen = sell_screen(window)
    qtbot.waitUntil(lambda: bool(screen.ui.grid.tiles), timeout=3000)
    screen.ui.help.open()
    qtbot.wait(100)
    clipped = [w.text() for w in _texts(window) if _clipped(w)]
    assert clipped == []
    assert window.minimumSizeHint().width() <= 1366  # fits a laptop screen


def _texts(window: MainWindow) -> list[QPushButton | QLabel]:
    widgets: list[QPushButton | QLabel] = [*window.findChildren(QPushButton),
                                           *window.findChildren(QLabel)]
    return [w for w in widgets if w.isVisible() and w.text() and not _elastic(w)]


def _elastic(widget: QPushButton | QLabel) -> bool:
    """Word-wrapped labels, labels told to ignore their width, rich text, tiles.

    Tile texts are product data (names, prices, units), the same in every language.
    """
    parent = widget.parentWidget()
    if parent is not None and parent.objectName() == "tile":
        return True
    if isinstance(widget, QLabel):
        return widget.wordWrap() or widget.sizePolicy().horizontalPolicy().name == "Ignored" \
            or widget.textFormat().name == "RichText" or "<" in widget.text()
    return False


def _clipped(widget: QWidget) -> bool:
    """Narrower than its text needs (the size hint counts style padding and font)."""
    return widget.sizeHint().width() > widget.width()


def test_back_to_indonesian(ctx: AppContext, qtbot: QtBot, qapp: QApplication) -> None:
    assert i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "Kasir") == "Checkout"
    assert i18n.install("id")
    window = make_window(ctx, qtbot)
    assert section_texts(window) == INDONESIAN_SECTIONS
    assert sell_screen(window).ui.pay_button.text() == "BAYAR (F12)"


def test_run_app_installs_the_stored_language(ctx: AppContext, qapp: QApplication,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import app as ui_app

    with ctx.db.unit_of_work() as session:
        settings.set_value(session, "ui.language", "en")
    database = open_database(ctx.db.path)
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    monkeypatch.setattr(ui_app, "login", lambda _parent, _ctx: True)  # Siti logged in
    try:
        assert ui_app.run_app(database) == 0
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w.ctx.db is database]
        assert len(windows) == 1
        assert section_texts(windows[0]) == ENGLISH_SECTIONS
        windows[0].close()
        windows[0].deleteLater()
    finally:
        i18n.install("id")
        database.close()

