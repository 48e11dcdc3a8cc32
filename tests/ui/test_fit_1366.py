"""Every main screen and dialog, at its largest state, fits a 1366×768 laptop — in both languages.

A dialog may be at most 728 px tall (768 minus a ~40 px taskbar); the main window, maximised,
gets 1366×728. Nothing a cashier reads may be cut: labels and buttons are at least as wide as
their text, every visible column header is at least as wide as its title, and long product
names are elided with the whole name in a tooltip.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import held, shifts
from ui import i18n
from ui.app import load_style
from ui.context import AppContext
from ui.main_window import SECTIONS, MainWindow
from ui.sell.screen import SellScreen

SCREEN = QSize(1366, 768)
WORK_AREA = QSize(1366, 728)  # the screen minus a ~40 px taskbar
TITLE_BAR = 30  # a dialog's window frame: its contents get the rest of the work area
DIALOG_AREA = QSize(WORK_AREA.width(), WORK_AREA.height() - TITLE_BAR)
LANGUAGES = ("id", "en")
BUTTON_SLACK = 4  # px of a button's 8+ px style-sheet padding that may be lost without cutting text
Opener = Callable[["Till"], QWidget]
LONG_NAME = "Keripik Singkong Balado Pedas Manis Khas Padang Kemasan Keluarga Hemat 250 g"


@dataclass
class Till:
    """The main window of a demo shop (style sheet and language applied) and its context."""

    ctx: AppContext
    window: MainWindow
    qtbot: QtBot

    @property
    def sell(self) -> SellScreen:
        """The sell screen."""
        page = self.window.show_section(0)
        assert isinstance(page, SellScreen)
        return page

    def track(self, widget: QWidget) -> QWidget:
        """Close and delete ``widget`` after the test; show it and let it lay out."""
        self.qtbot.addWidget(widget)
        widget.show()
        self.qtbot.waitExposed(widget)
        QApplication.processEvents()
        return widget


@pytest.fixture(params=LANGUAGES)
def till(request: pytest.FixtureRequest, ctx: AppContext, qtbot: QtBot,
         qapp: QApplication) -> Iterator[Till]:
    """The demo shop's main window at 1366×768 in the language of the parameter."""
    assert i18n.install(request.param)
    load_style(qapp)
    window = MainWindow(ctx, "Toko Berkah Jaya")
    qtbot.addWidget(window)
    window.resize(SCREEN.width(), WORK_AREA.height())
    window.show()
    qtbot.waitExposed(window)
    page = window.pages[0]
    assert isinstance(page, SellScreen)
    page.show_receipt_preview = False
    try:
        yield Till(ctx, window, qtbot)
    finally:
        i18n.install("id")


# ----- what "fits" and "not clipped" mean ---------------------------------------------------------

def too_big(widget: QWidget, limit: QSize) -> list[str]:
    """Size hints and the shown size that do not fit ``limit``.

    A dialog opens at its size hint unless it was given a size; the main window opens
    maximised, so only its minimum (which Qt enforces) and its shown size count.
    """
    found = []
    sizes = [("minimumSizeHint", widget.minimumSizeHint()), ("shown", widget.size())]
    if isinstance(widget, QDialog) and not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        sizes.append(("sizeHint", widget.sizeHint()))
    for what, size in sizes:
        if size.width() > limit.width() or size.height() > limit.height():
            found.append(f"{what} {size.width()}×{size.height()} > {limit.width()}×{limit.height()}")
    return found


def settle() -> None:
    """Let deferred layouts and loads run."""
    for _ in range(3):
        QApplication.processEvents()
        QTest.qWait(10)


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0


def clipped_texts(top: QWidget) -> list[str]:
    """Visible one-line labels/buttons narrower than their text; headers narrower than titles."""
    found = []
    for label in top.findChildren(QLabel):
        if (_shown(label, top) and label.text() and not label.wordWrap()
                and label.width() < label.minimumSizeHint().width()):
            found.append(f"label {label.text()!r}: {label.width()} < {label.minimumSizeHint().width()}")
    for button in top.findChildren(QAbstractButton):  # a few px of the padding may go
        if (_shown(button, top) and button.text()
                and button.width() < button.minimumSizeHint().width() - BUTTON_SLACK):
            found.append(f"button {button.text()!r}: {button.width()} < "
                         f"{button.minimumSizeHint().width()}")
    for header in top.findChildren(QHeaderView):
        if _shown(header, top) and header.orientation() == Qt.Orientation.Horizontal:
            found.extend(clipped_sections(header))
    return found


def clipped_sections(header: QHeaderView) -> list[str]:
    """Column titles wider than their section (titles are bold, with 8 px padding each side)."""
    model = header.model()
    if model is None:
        return []
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    found = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        need = max((metrics.horizontalAdvance(part) for part in title.split("\n")), default=0) + 16
        if title and header.sectionSize(column) < need:
            found.append(f"column {title!r}: {header.sectionSize(column)} < {need}")
    return found


def assert_fits(widget: QWidget, limit: QSize = WORK_AREA) -> None:
    """``widget`` (a window or dialog) fits ``limit`` and shows every text whole."""
    settle()
    problems = too_big(widget, limit) + clipped_texts(widget)
    assert not problems, f"{type(widget).__name__}: " + "; ".join(problems)


# ----- the screens, each at its largest state -----------------------------------------------------

def _filled_cart(till: Till) -> SellScreen:
    from ui.sell.screens import _fill_cart

    screen = till.sell
    _fill_cart(till.ctx, screen)
    return screen


def open_pay_qris(till: Till) -> QWidget:
    """F3 in the pay dialog: the dynamic QRIS with its amount."""
    from app.payments import service
    from ui.payments.screens import demo_static_qris
    from ui.sell.pay import PayDialog

    with till.ctx.db.unit_of_work() as session:
        if service.static_qris(session) is None:
            service.set_static_qris(session, demo_static_qris(), user_id=till.ctx.user_id)
    dialog = PayDialog(till.ctx, _filled_cart(till).model.cart, till.window)
    till.track(dialog)
    till.qtbot.keyClick(dialog, Qt.Key.Key_F3)
    assert dialog.qris_panel.payload is not None
    return dialog


def open_pay_split_transfer(till: Till) -> QWidget:
    """A split: some cash paid, then F2 for the rest by transfer (rows, Sisa and the panel)."""
    from app import shop
    from ui.sell.pay import PayDialog

    with till.ctx.db.unit_of_work() as session:
        if not shop.bank_accounts(session):
            shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah Wulandari")
        shop.add_bank_account(session, "Mandiri", "1370012345678", "Siti Aminah Wulandari")
    dialog = PayDialog(till.ctx, _filled_cart(till).model.cart, till.window)
    till.track(dialog)
    dialog.amount.setText("20000")
    till.qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    till.qtbot.keyClick(dialog, Qt.Key.Key_F2)
    assert dialog.payments and dialog.remaining_label.isVisible()
    assert dialog.transfer_panel.quote is not None
    return dialog


def open_reports(till: Till) -> QWidget:
    """Laporan with this month's report on screen."""
    from app.reports import build_report, this_month
    from ui.reports.page import ReportsPage

    page = till.window.page("Laporan")
    assert isinstance(page, ReportsPage)
    with till.ctx.db.read() as session:
        page.show_report(build_report(session, this_month()))
    return till.window


def open_orders_after_import(till: Till) -> QWidget:
    """Pesanan → Konfirmasi pembayaran after a bank statement was imported."""
    from app.payments import service
    from ui.orders.section import OrdersSection
    from ui.payments.screens import _pending_sales, _statement

    with till.ctx.db.unit_of_work() as session:
        from app import shop

        if not shop.bank_accounts(session):
            shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
    dues = _pending_sales(till.ctx, 4)
    section = till.window.show_section(2)
    assert isinstance(section, OrdersSection)
    with tempfile.TemporaryDirectory() as folder:
        statement = _statement(Path(folder) / "mutasi.csv", till.ctx, dues)
        with till.ctx.db.unit_of_work() as session:
            result = service.import_statement(session, statement)
    section.setCurrentWidget(section.confirm)
    section.confirm._imported(result)
    return till.window


def open_orders_detail(till: Till) -> QWidget:
    """Pesanan → Semua pesanan with the longest sale of all time shown in the detail."""
    from ui.orders.section import OrdersSection

    section = till.window.show_section(2)
    assert isinstance(section, OrdersSection)
    page = section.orders
    page.period.setCurrentIndex(page.period.findData("all"))
    sale = max((r for r in page.model.rows if r.kind == "sale"), key=lambda r: r.total)
    page.select_order(sale.id)
    return till.window


def open_refund(till: Till) -> QWidget:
    """The refund dialog of the biggest paid sale."""
    from ui.orders.page import OrdersPage
    from ui.orders.refund_dialog import RefundDialog

    page = OrdersPage(till.ctx)
    till.qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData("all"))
    sale = max((r for r in page.model.rows if r.kind == "sale" and r.status == "paid"),
               key=lambda r: r.total)
    return till.track(RefundDialog(till.ctx, sale.id, till.window))


def open_product_editor(till: Till) -> QWidget:
    """The product editor of an existing product."""
    from sqlalchemy import select

    from models import Product
    from ui.products.editor import ProductEditor

    with till.ctx.db.read() as session:
        product_id = session.scalars(select(Product.id).order_by(Product.id)).first()
    return till.track(ProductEditor(till.ctx, product_id, till.window))


def open_held(till: Till) -> QWidget:
    """F9's held carts with two carts waiting."""
    from ui.sell.held_dialog import HeldDialog

    screen = _filled_cart(till)
    with till.ctx.db.unit_of_work() as session:
        held.hold(session, screen.model.cart, "Ibu kerudung hijau yang tadi pagi")
        held.hold(session, screen.model.cart, "")
    return till.track(HeldDialog(till.ctx, till.window))


def open_help(till: Till) -> QWidget:
    """F1 on the sell screen: the help overlay over a filled cart."""
    screen = _filled_cart(till)
    screen.toggle_help()
    QApplication.processEvents()
    assert screen.ui.help.isVisible()
    return till.window


def open_login(till: Till) -> QWidget:
    """The lock screen (its longest heading)."""
    from ui.admin.login import LoginDialog

    return till.track(LoginDialog(till.ctx, till.window, locked=True))


def open_owner_pin(till: Till) -> QWidget:
    """The owner-PIN dialog for a refund asked by a cashier."""
    from ui.admin.approval import OwnerPinDialog

    return till.track(OwnerPinDialog(till.ctx, "refund", till.window))


def open_shift_open(till: Till) -> QWidget:
    """Open a shift: the opening cash dialog."""
    from ui.shifts.open_dialog import OpenShiftDialog

    return till.track(OpenShiftDialog(till.ctx, till.window))


def open_shift_close(till: Till) -> QWidget:
    """Close the shift: the drawer count with every denomination."""
    from ui.shifts.close_dialog import CloseShiftDialog

    with till.ctx.db.unit_of_work() as session:
        shift = shifts.current_shift(session) or shifts.open_shift(session, 200_000,
                                                                   user_id=till.ctx.user_id)
        shift_id = shift.id
    return till.track(CloseShiftDialog(till.ctx, shift_id, till.window))


def open_z_report(till: Till) -> QWidget:
    """The Z report preview of a closed shift."""
    from ui.shifts.zreport_dialog import ZReportDialog

    text = "\n".join(["LAPORAN Z".center(32), "-" * 32] + [f"{'Tunai':<20}{'Rp1.234.500':>12}"] * 40)
    return till.track(ZReportDialog(till.ctx, text, till.window))


def open_receipt_preview(till: Till) -> QWidget:
    """The receipt preview of a long QRIS sale still waiting for its money (text and QR code)."""
    from app.payments import service
    from app.sales import PaymentInput, checkout
    from ui.payments.screens import demo_static_qris
    from ui.printing.preview_dialog import ReceiptPreviewDialog

    cart = _filled_cart(till).model.cart
    with till.ctx.db.unit_of_work() as session:
        if service.static_qris(session) is None:
            service.set_static_qris(session, demo_static_qris(), user_id=till.ctx.user_id)
        payload = service.qris_for(session, cart.total)
        order_id = checkout(session, cart, [PaymentInput("qris", cart.total, qris_payload=payload)],
                            cashier_id=till.ctx.user_id).order_id
    return till.track(ReceiptPreviewDialog(till.ctx, order_id, parent=till.window))


def _first_products(till: Till, count: int) -> list[int]:
    from sqlalchemy import select

    from models import Product

    with till.ctx.db.read() as session:
        return list(session.scalars(select(Product.id).order_by(Product.id).limit(count)))


def _simple(factory: Callable[[Till], QWidget]) -> Opener:
    """An opener for a dialog that needs nothing set up first."""
    return lambda till: till.track(factory(till))


def _other_dialogs() -> dict[str, Opener]:
    """Every other dialog of the app, as it opens."""
    from ui.admin.user_dialogs import AddUserDialog, PermissionsDialog
    from ui.products.import_wizard import ImportDialog
    from ui.products.labels_dialog import LabelDialog
    from ui.products.promo_editor import PromotionEditor
    from ui.products.stock_dialogs import AdjustDialog, HistoryDialog, LowStockDialog, ReceiveDialog
    from ui.products.stocktake import StocktakeDialog
    from ui.sell.dialogs import DiscountDialog, QtyDialog, QuickCreateDialog
    from ui.sell.variant_dialog import VariantDialog
    from ui.sync.rejected_dialog import RejectedDialog

    return {
        "import_products": _simple(lambda t: ImportDialog(t.ctx, t.window)),
        "labels": _simple(lambda t: LabelDialog(t.ctx, _first_products(t, 6), t.window)),
        "stocktake": _simple(lambda t: StocktakeDialog(t.ctx, t.window)),
        "receive": _simple(lambda t: ReceiveDialog(t.ctx, _first_products(t, 1)[0], t.window)),
        "adjust": _simple(lambda t: AdjustDialog(t.ctx, _first_products(t, 1)[0], t.window)),
        "history": _simple(lambda t: HistoryDialog(t.ctx, _first_products(t, 1)[0], t.window)),
        "low_stock": _simple(lambda t: LowStockDialog(t.ctx, t.window)),
        "rejected_sync": _simple(lambda t: RejectedDialog(t.ctx, t.window)),
        "add_user": _simple(lambda t: AddUserDialog(t.window)),
        "permissions": _simple(lambda t: PermissionsDialog("Siti Aminah", set(), t.window)),
        "qty": _simple(lambda t: QtyDialog(t.window, LONG_NAME, "pcs")),
        "discount": _simple(lambda t: DiscountDialog(t.window, LONG_NAME)),
        "quick_create": _simple(lambda t: QuickCreateDialog(t.window, "8991234567890")),
        "promo_editor": _simple(lambda t: PromotionEditor(t.ctx, None, t.window)),
        "variant_picker": _simple(lambda t: VariantDialog(LONG_NAME, _variants(t, 8), t.window)),
    }


def _variants(till: Till, count: int) -> list[tuple[Any, str]]:
    """``count`` products shown as variants with long labels (the picker's widest state)."""
    from sqlalchemy import select

    from app.catalog import find_by_code
    from models import Product

    with till.ctx.db.read() as session:
        skus = list(session.scalars(select(Product.sku).order_by(Product.id).limit(count)))
        hits = [find_by_code(session, sku) for sku in skus]
    return [(hit, f"XXL / Merah Marun Tua / Lengan Panjang {n}") for n, hit in enumerate(hits) if hit]


DIALOGS: dict[str, Opener] = {
    "receipt_preview_qris": open_receipt_preview,
    "pay_qris": open_pay_qris,
    "pay_split_transfer": open_pay_split_transfer,
    "refund": open_refund,
    "product_editor": open_product_editor,
    "held_carts": open_held,
    "login": open_login,
    "owner_pin": open_owner_pin,
    "shift_open": open_shift_open,
    "shift_close": open_shift_close,
    "z_report": open_z_report,
}
WINDOWS: dict[str, Opener] = {
    "reports": open_reports,
    "orders_after_import": open_orders_after_import,
    "orders_detail": open_orders_detail,
    "help_overlay": open_help,
}


@pytest.mark.parametrize("name", list(DIALOGS) + list(_other_dialogs()))
def test_dialog_fits_the_laptop(till: Till, name: str) -> None:
    dialog = {**DIALOGS, **_other_dialogs()}[name](till)
    assert isinstance(dialog, QDialog)
    assert_fits(dialog, DIALOG_AREA)


@pytest.mark.parametrize("name", list(WINDOWS))
def test_screen_fits_the_laptop(till: Till, name: str) -> None:
    assert_fits(WINDOWS[name](till))


def test_every_section_and_tab_fits(till: Till) -> None:
    for index in range(len(SECTIONS)):
        till.window.show_section(index)
        assert_fits(till.window)
    for index in (2, len(SECTIONS) - 1):  # Pesanan's and Pengaturan's tabs
        tabs = till.window.show_section(index)
        assert isinstance(tabs, QTabWidget)
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            assert_fits(till.window)


def test_pay_dialog_shows_sisa_and_the_key_hints_whole(till: Till) -> None:
    from ui.sell.pay import PayDialog

    dialog = open_pay_split_transfer(till)
    assert isinstance(dialog, PayDialog)
    caption = dialog.remaining_label.findChild(QLabel, "payCaption")
    assert caption is not None and caption.isVisible()
    bottom = caption.mapTo(dialog, caption.rect().bottomLeft()).y()
    assert bottom <= dialog.height() <= DIALOG_AREA.height()
    hints = [label for label in dialog.findChildren(QLabel, "hint") if label.isVisible()]
    assert hints, "the key hints are shown"
    for hint in hints:
        lines = hint.text().split("\n")
        assert max(hint.fontMetrics().horizontalAdvance(line) for line in lines) <= hint.width()
        assert hint.mapTo(dialog, hint.rect().bottomLeft()).y() <= dialog.height()


def _long_named_product(till: Till) -> int:
    """The first favourite product, renamed to a very long name; its id."""
    from sqlalchemy import select

    from models import Product

    with till.ctx.db.unit_of_work() as session:
        product = session.scalars(select(Product).where(Product.favourite.is_(True))
                                  .order_by(Product.id)).first()
        assert product is not None
        product.name = LONG_NAME
        return int(product.id)


def test_long_product_names_stay_readable(till: Till) -> None:
    """Cart, quick tile and search results: the end of the name (its size) shows, all in a tooltip."""
    product_id = _long_named_product(till)
    screen = till.sell
    screen.ui.grid.reload()
    settle()
    tile = screen.ui.grid.tile_for(product_id)
    assert tile is not None and tile.toolTip() == LONG_NAME
    shown = tile.name_lines()  # as painted on the tile
    assert len(shown) <= 3 and shown[-1].endswith("250 g") and "…" in shown[-1]
    assert max(tile.name_metrics().horizontalAdvance(line) for line in shown) <= tile.name_room()
    from decimal import Decimal

    from app.tiles import quick_tiles

    with till.ctx.db.read() as session:
        hit = next(t.hit for t in quick_tiles(session, None) if t.hit.id == product_id)
    screen.add_product(hit, Decimal(1))
    table = screen.findChild(QAbstractItemView, "cartTable")
    assert table is not None and table.textElideMode() == Qt.TextElideMode.ElideMiddle
    model = table.model()
    row = model.rowCount() - 1
    assert LONG_NAME in str(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole))
    screen.ui.scan.setText("Keripik Singkong")
    screen.live_search("Keripik Singkong")
    results = screen.ui.results
    assert results.textElideMode() == Qt.TextElideMode.ElideMiddle
    hits = results.model()
    names = [hits.data(hits.index(row, 0)) for row in range(hits.rowCount())]
    assert LONG_NAME in names
    assert [hits.data(hits.index(row, 0), Qt.ItemDataRole.ToolTipRole)
            for row in range(hits.rowCount())] == names
    assert_fits(till.window)


def test_order_detail_shows_whole_names(till: Till) -> None:
    """Pesanan's detail gives names most of its width (empty columns hidden), wraps, and tooltips."""
    open_orders_detail(till)
    settle()
    from ui.orders.section import OrdersSection

    section = till.window.show_section(2)
    assert isinstance(section, OrdersSection)
    lines = section.orders.panel.lines
    assert lines.wordWrap()
    metrics = lines.fontMetrics()
    for row in range(lines.rowCount()):
        item = lines.item(row, 0)
        assert item is not None and item.toolTip() == item.text()
        need = metrics.horizontalAdvance(item.text())
        lines_shown = max(1, lines.rowHeight(row) // metrics.lineSpacing())
        assert need <= lines.columnWidth(0) * lines_shown, f"{item.text()!r} cut"
    assert lines.columnWidth(0) >= metrics.horizontalAdvance("x" * 24)


def test_pay_dialog_stays_on_screen_when_a_panel_opens(till: Till) -> None:
    """Opened low on the screen in cash mode, the dialog moves up as F3 makes it taller."""
    from app.payments import service
    from ui.payments.screens import demo_static_qris
    from ui.sell.pay import PayDialog

    with till.ctx.db.unit_of_work() as session:
        if service.static_qris(session) is None:
            service.set_static_qris(session, demo_static_qris(), user_id=till.ctx.user_id)
    dialog = PayDialog(till.ctx, _filled_cart(till).model.cart, till.window)
    till.track(dialog)
    area = dialog.screen().availableGeometry()
    dialog.resize(dialog.minimumSizeHint())
    dialog.move(area.left() + 20, area.bottom() - dialog.frameGeometry().height() - 10)
    till.qtbot.keyClick(dialog, Qt.Key.Key_F3)
    settle()
    assert dialog.height() > dialog.minimumSizeHint().height() - 1
    assert area.contains(dialog.frameGeometry()), (area, dialog.frameGeometry())
