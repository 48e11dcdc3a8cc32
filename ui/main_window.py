"""The main window: a bar of big section buttons on the left, pages on the right.

Pages come from :data:`SECTIONS` — (title, icon file, ``"module:Class"``). A page
is imported and built the first time it is shown, so startup only pays for the
sell screen. A section whose module does not exist yet shows a plain notice.

The window is *ready* once the sell screen is usable (its ``sig_ready``: focus in the scan
field, quick grid painted); :meth:`MainWindow.after_ready` defers other start-up work
(printing, sync, backups: ``ui.wiring``) until then.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.cart import Cart
from app.money import format_rupiah
from ui.context import AppContext
from ui.placeholders import PlaceholderPage
from ui.status_bar import StatusBar
from ui.translate import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

# Titles stay Indonesian here (they are also the keys of :meth:`MainWindow.page`);
# QT_TRANSLATE_NOOP lists them for lupdate and :func:`section_title` translates them on display.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "Kasir"), "kasir.svg", "ui.sell.screen:SellScreen"),
    (QT_TRANSLATE_NOOP("MainWindow", "Produk & Stok"), "produk.svg",
     "ui.products.page:ProductsPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Pesanan"), "pesanan.svg", "ui.orders.section:OrdersSection"),
    (QT_TRANSLATE_NOOP("MainWindow", "Pelanggan"), "pelanggan.svg",
     "ui.customers.section:CustomersSection"),
    (QT_TRANSLATE_NOOP("MainWindow", "Buku Kas"), "bukukas.svg", "ui.books.section:BooksSection"),
    (QT_TRANSLATE_NOOP("MainWindow", "Laporan"), "laporan.svg", "ui.reports.page:ReportsPage"),
    (QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"), "pengaturan.svg",
     "ui.settings.page:SettingsPage"),
)


def section_title(title: str) -> str:
    """A section's title as shown, in the installed language."""
    return QCoreApplication.translate("MainWindow", title)


def load_factory(path: str) -> Callable[[AppContext], QWidget] | None:
    """The page class named ``module:Class``; None when that module is not built yet."""
    module_name, _, attr = path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if module_name == missing or module_name.startswith(missing + "."):
            return None
        raise
    factory: Callable[[AppContext], QWidget] = getattr(module, attr)
    return factory


@runtime_checkable
class OpenCart(Protocol):
    """A page with a cart being rung up (the sell screen): closing the window asks about it."""

    def has_open_cart(self) -> bool:
        """Whether lines are being rung up."""

    def open_cart(self) -> Cart:
        """The cart being rung up."""

    def keep_cart(self) -> bool:
        """Write the cart to the shop file now (False when that failed)."""

    def hold_for_close(self) -> bool:
        """Hold the cart for F9 (False when that failed)."""


class MainWindow(QMainWindow):
    """Sections on the left, the chosen page in the middle, the status bar below.

    sig_ready: emitted once, when the sell screen is first usable.
    """

    sig_ready = Signal()

    def __init__(self, ctx: AppContext, shop_name: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"PEKEN Kasir — {shop_name}")
        self.pages: dict[int, QWidget] = {}
        self.stack = QStackedWidget()
        self.buttons = QButtonGroup(self)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._section_bar())
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(ctx, shop_name)
        self.setStatusBar(self.status)
        self.ready = False
        self._after_ready: list[Callable[[], None]] = []
        first_ready = getattr(self.show_section(0), "sig_ready", None)
        if isinstance(first_ready, SignalInstance):
            first_ready.connect(self._on_ready)
        else:  # no sell screen (it failed to load): nothing to wait for
            QTimer.singleShot(0, self._on_ready)

    def after_ready(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the sell screen is usable (on the next loop turn if it already is)."""
        if self.ready:
            QTimer.singleShot(0, work)
        else:
            self._after_ready.append(work)

    def _on_ready(self) -> None:
        if self.ready:
            return
        self.ready = True
        self.sig_ready.emit()
        for work in self._after_ready:
            QTimer.singleShot(0, work)
        self._after_ready.clear()

    def _section_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("sectionBar")
        column = QVBoxLayout(bar)
        column.setContentsMargins(6, 10, 6, 10)
        column.setSpacing(6)
        for index, (source_title, icon, _path) in enumerate(SECTIONS):
            title = section_title(source_title)
            button = QPushButton(title.replace("&", "&&"))
            button.setObjectName("sectionButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(f"{title} (Ctrl+{index + 1})")
            if (ICONS / icon).exists():
                button.setIcon(QIcon(str(ICONS / icon)))
                button.setIconSize(QSize(26, 26))
            button.clicked.connect(lambda _=False, i=index: self.show_section(i))
            self.buttons.addButton(button, index)
            column.addWidget(button)
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, lambda i=index: self.show_section(i))
            self.stack.addWidget(QWidget())
        column.addStretch(1)
        self._fit_titles(bar, column)
        return bar

    def _fit_titles(self, bar: QFrame, column: QVBoxLayout) -> None:
        """A (translated) title too wide for the bar's fixed width goes on two lines.

        A title may run into the bar's right margin, never past its edge.
        """
        bar.ensurePolished()
        room = bar.maximumWidth() - column.contentsMargins().left()
        for button in self.buttons.buttons():
            button.ensurePolished()
            text = button.text()
            if button.sizeHint().width() > room and " " in text:
                head, _space, tail = text.rpartition(" ")
                button.setText(f"{head}\n{tail}")

    def show_section(self, index: int) -> QWidget:
        """Show a section, building its page on first use.

        Leaving a section ends an owner's approval given for that visit (``ctx.elevation``).
        """
        if index != self.stack.currentIndex():
            self.ctx.elevation.end()
        page = self.pages.get(index)
        if page is None:
            page = self._build_page(index)
            old = self.stack.widget(index)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, page)
            self.pages[index] = page
        self.stack.setCurrentIndex(index)
        button = self.buttons.button(index)
        if button is not None:
            button.setChecked(True)
        return page

    def _build_page(self, index: int) -> QWidget:
        title, _icon, path = SECTIONS[index]
        try:
            factory = load_factory(path)
            if factory is None:
                return PlaceholderPage(section_title(title))
            return factory(self.ctx)
        except Exception:  # a broken section must not take the till down
            log.exception("section %s failed to load", title)
            return PlaceholderPage(section_title(title), self.tr(
                "Bagian ini gagal dimuat. Data Anda aman; hubungi pendamping PEKEN."))

    def page(self, title: str) -> QWidget:
        """The page of the section titled ``title`` (its Indonesian title; built if needed)."""
        index = [s[0] for s in SECTIONS].index(title)
        return self.show_section(index)

    _close_agreed = False  # the cashier answered the open-cart question: close for real
    close_question: QWidget | None = None  # that question while it is open

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask first when a cart is being rung up (never lost silently); remember the window's place."""
        sell = self.pages.get(0)
        if not isinstance(sell, OpenCart):
            sell = None
        if sell is not None and not self._close_agreed and sell.has_open_cart():
            event.ignore()
            self._ask_about_cart(sell)
            return
        self._close_agreed = False
        if sell is not None:
            sell.keep_cart()  # a change still waiting to be written
        if QGuiApplication.platformName() != "offscreen":
            QSettings("PEKEN", "Kasir").setValue("geometry", self.saveGeometry())
        super().closeEvent(event)

    def _ask_about_cart(self, sell: OpenCart) -> None:
        """Hold the open cart (F9), keep it for the next start, or stay open (window-modal)."""
        if self.close_question is not None:
            return
        cart = sell.open_cart()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Keranjang belum dibayar"),
                          self.tr("Ada keranjang yang belum dibayar ({count} baris, {amount}). "
                                  "Apa yang dilakukan dengan keranjang ini?")
                          .format(count=len(cart.lines), amount=format_rupiah(cart.total)), parent=self)
        box.setInformativeText(self.tr("Tahan: masuk daftar F9. Simpan: muncul lagi saat "
                                       "aplikasi dibuka. Batal: kembali ke kasir."))
        hold = box.addButton(self.tr("Tahan"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Simpan untuk nanti"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        for button, name in ((hold, "closeHold"), (keep, "closeKeep"), (cancel, "closeCancel")):
            button.setObjectName(name)
        box.setDefaultButton(keep)
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.close_question = box
        box.finished.connect(lambda _r: self._cart_answered(box, sell))
        box.open()

    def _cart_answered(self, box: QWidget, sell: OpenCart) -> None:
        self.close_question = None
        box.deleteLater()
        clicked = box.clickedButton() if isinstance(box, QMessageBox) else None
        name = clicked.objectName() if clicked is not None else "closeCancel"
        done = sell.hold_for_close() if name == "closeHold" else (
            name == "closeKeep" and sell.keep_cart())
        if not done:
            self.show_section(0)
            return
        self._close_agreed = True
        self.close()
