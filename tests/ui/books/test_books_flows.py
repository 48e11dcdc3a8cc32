"""Buku Kas flows driven by keys: kas keluar during a shift then a Z report that balances, and a
purchase with a supplier invoice paid later."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import purchase_queries, suppliers
from app.drawer import DENOMINATIONS
from app.sales import PaymentInput, checkout
from app.shifts import current_shift, open_shift
from contract.enums import CashCategory, CashDirection, MoneySource, PurchaseStatus
from models import CashMovement, Product, Purchase, SupplierPayment
from tests.unit.foundation_kit import cart_of
from ui.books.cash_dialog import CashDialog
from ui.books.purchase_dialog import PurchaseDialog
from ui.books.purchases_tab import PayDialog, PurchasesTab
from ui.context import AppContext
from ui.sell.screen import SellScreen
from ui.shifts.bar import ShiftBar
from ui.shifts.close_dialog import CloseShiftDialog

from ..conftest import focus_of

ENTER, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab


def _when_open(qtbot: QtBot, kind: type[QDialog], drive: Callable[[QDialog], None]) -> list[str]:
    """Run ``drive`` on the next modal ``kind`` once it is open (it blocks in exec())."""
    errors: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind):
            QTimer.singleShot(20, poll)
            return
        try:
            drive(modal)
            qtbot.waitUntil(lambda: not modal.isVisible(), timeout=3000)
        except Exception as exc:  # any failure is reported by the test
            errors.append(repr(exc))
            modal.reject()

    QTimer.singleShot(0, poll)
    return errors


def _keys(qtbot: QtBot, anchor: QDialog, *keys: Qt.Key | str) -> None:
    for key in keys:
        if isinstance(key, str):
            qtbot.keyClicks(focus_of(anchor), key)
        else:
            qtbot.keyClick(focus_of(anchor), key)


def _pieces(amount: int) -> dict[str, int]:
    counts = {}
    for d in DENOMINATIONS:
        counts[d.key], amount = divmod(amount, d.value)
    assert amount == 0
    return counts


def test_kas_keluar_in_a_shift_and_a_z_report_that_balances(ctx: AppContext, qtbot: QtBot) -> None:
    with ctx.db.unit_of_work() as session:
        shift_id = open_shift(session, 300_000, user_id=ctx.user_id).id
        pid = session.scalars(select(Product.id).where(Product.price > 0, Product.on_hand > 5)).first()
        assert pid is not None
        price = session.scalar(select(Product.price).where(Product.id == pid)) or 0
        sale = checkout(session, cart_of(session, [(pid, 2)]), [PaymentInput("cash", 2 * price)],
                        cashier_id=ctx.user_id)
    bar = ShiftBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.cash_out_button.isVisible()

    def kas_keluar(dialog: QDialog) -> None:
        assert isinstance(dialog, CashDialog) and dialog.focusWidget() is dialog.amount
        _keys(qtbot, dialog, "75.000", TAB, Qt.Key.Key_Down, TAB, "token listrik", ENTER)

    errors = _when_open(qtbot, CashDialog, kas_keluar)
    bar.activateWindow()
    qtbot.keyClick(bar.cash_out_button, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    assert errors == []
    with ctx.db.read() as session:
        moved = session.scalars(select(CashMovement)).one()
        assert (moved.direction, moved.category, moved.amount, moved.shift_id) == (
            CashDirection.OUT, CashCategory.ELECTRICITY, 75_000, shift_id)
    expected = 300_000 + sale.total - 75_000
    closing = CloseShiftDialog(ctx, shift_id)
    qtbot.addWidget(closing)
    closing.show()
    cash_out = closing.findChild(QLabel, "shiftCashOut")
    assert cash_out is not None and cash_out.text() == "-Rp75.000"
    first = next(iter(closing.spins.values()))
    first.setFocus()
    for key, pieces in _pieces(expected).items():
        spin: QSpinBox = closing.spins[key]
        spin.setFocus()
        qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(spin, str(pieces))
    assert closing.counted() == expected and "pas" in closing.difference_label.text()
    qtbot.keyClick(closing.note_edit, ENTER)
    assert closing.result_close is not None and closing.result_close.difference == 0
    z = closing.result_close.z_report
    assert "Kas keluar" in z and "-Rp75.000" in z and "Rp0 (PAS)" in z
    with ctx.db.read() as session:
        assert current_shift(session) is None


def test_purchase_with_a_supplier_invoice_paid_later(ctx: AppContext, qtbot: QtBot) -> None:
    with ctx.db.unit_of_work() as session:
        supplier = suppliers.create_supplier(session, suppliers.SupplierInput("CV Sumber Rejeki"))
        product = session.scalars(select(Product).where(Product.sold_by_weight.is_(False))
                                  .order_by(Product.id)).first()
        assert product is not None
        name, pid, before = product.name, product.id, product.on_hand
        supplier_uuid = supplier.uuid
    tab = PurchasesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.stack.currentIndex() == 1  # the owner sees costs

    def buy(dialog: QDialog) -> None:
        assert isinstance(dialog, PurchaseDialog) and dialog.focusWidget() is dialog.search
        dialog.supplier.setCurrentIndex(dialog.supplier.findData(supplier_uuid))
        _keys(qtbot, dialog, name[:12])
        qtbot.waitUntil(dialog.results.isVisible, timeout=2000)
        _keys(qtbot, dialog, ENTER, "24", ENTER, "2.500", ENTER)
        assert dialog.total_label.text() == "Total Rp60.000"
        assert dialog.focusWidget() is dialog.search
        dialog.invoice_no.setFocus()
        _keys(qtbot, dialog, "INV-0915")
        dialog.has_due.setFocus()
        _keys(qtbot, dialog, Qt.Key.Key_Space)
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    errors = _when_open(qtbot, PurchaseDialog, buy)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    assert errors == []
    with ctx.db.read() as session:
        bought = session.scalars(select(Purchase)).one()
        assert (bought.invoice_no, bought.total, bought.supplier_uuid) == ("INV-0915", 60_000, supplier_uuid)
        assert bought.due_date is not None and bought.due_date > bought.invoice_date  # type: ignore[operator]
        assert session.get(Product, pid).on_hand == before + Decimal(24)  # type: ignore[union-attr]
        assert purchase_queries.payables(session, date(2099, 1, 1))[0].total == 60_000
    assert tab.model.rowCount() == 1 and "Rp60.000" in tab.aging.text()

    def pay(dialog: QDialog) -> None:
        assert isinstance(dialog, PayDialog) and dialog.amount.text() == "60000"
        _keys(qtbot, dialog, ENTER)

    errors = _when_open(qtbot, PayDialog, pay)
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    assert errors == []
    with ctx.db.read() as session:
        paid = session.scalars(select(SupplierPayment)).one()
        assert (paid.amount, paid.source, paid.shift_id) == (60_000, MoneySource.BANK, None)
        assert purchase_queries.payables(session, date(2099, 1, 1)) == []


def test_f10_at_the_till_takes_cash_out(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    with ctx.db.unit_of_work() as session:
        open_shift(session, 100_000, user_id=ctx.user_id)

    def kas_keluar(dialog: QDialog) -> None:
        assert isinstance(dialog, CashDialog)
        _keys(qtbot, dialog, "20.000", TAB, Qt.Key.Key_Down, TAB, "galon", ENTER)

    errors = _when_open(qtbot, CashDialog, kas_keluar)
    qtbot.keyClick(screen.ui.scan, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    assert errors == []
    with ctx.db.read() as session:
        moved = session.scalars(select(CashMovement)).one()
        assert (moved.amount, moved.note) == (20_000, "galon")
    assert screen.ui.scan.hasFocus() or screen.window().focusWidget() is screen.ui.scan


def test_a_purchase_order_is_taken_now_and_received_later(ctx: AppContext, qtbot: QtBot) -> None:
    """Pembayaran → "Pesanan pembelian": nothing comes into stock until it is received."""
    with ctx.db.unit_of_work() as session:
        product = session.scalars(select(Product).where(Product.sold_by_weight.is_(False))
                                  .order_by(Product.id)).first()
        assert product is not None
        name, pid, before = product.name, product.id, product.on_hand
    tab = PurchasesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)

    def order(dialog: QDialog) -> None:
        assert isinstance(dialog, PurchaseDialog)
        _keys(qtbot, dialog, name[:12])
        qtbot.waitUntil(dialog.results.isVisible, timeout=2000)
        _keys(qtbot, dialog, ENTER, "10", ENTER, "2.000", ENTER)
        dialog.pay.setCurrentIndex(dialog.pay.count() - 1)  # Pesanan pembelian
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    errors = _when_open(qtbot, PurchaseDialog, order)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    assert errors == []
    with ctx.db.read() as session:
        ordered = session.scalars(select(Purchase)).one()
        assert ordered.status == PurchaseStatus.ORDERED
        assert session.get(Product, pid).on_hand == before  # type: ignore[union-attr]
