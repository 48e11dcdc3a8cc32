"""After a refund in Pesanan the refund slip is printed (printer set up) or previewed (none),
and the order detail stays on the sale that was refunded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.admin.kit import as_user, click, when_modal
from tests.ui.printing.conftest import use_network_printer
from tests.unit.receipts.order_kit import FakeNetworkPrinter
from ui.context import AppContext
from ui.orders.page import OrdersPage
from ui.orders.refund_dialog import RETURN_COLUMN, RefundDialog
from ui.printing.preview_dialog import ReceiptPreviewDialog
from ui.printing.printer import PrintController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> Iterator[OrdersPage]:
    ctx.printer = PrintController(ctx, spool_dir=tmp_path / "spool")
    widget = OrdersPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.period.setCurrentIndex(widget.period.findData("all"))
    yield widget
    ctx.printer = None


def _pick_paid_sale(page: OrdersPage) -> int:
    for row, order in enumerate(page.model.rows):
        if order.kind == "sale" and order.status == "paid" and not order.refunded:
            page.table.selectRow(row)
            if page.detail is not None and page.detail.lines[0].qty >= 1:
                return order.id
    raise AssertionError("no paid sale in the demo shop")


def _refund_one_by_keys(page: OrdersPage, qtbot: QtBot) -> RefundDialog:
    """The cashier types 1 in "Retur sekarang" of the first line, a reason, then saves."""

    def fill(dialog: RefundDialog) -> None:
        dialog.table.setFocus()
        dialog.table.setCurrentIndex(dialog.model.index(0, RETURN_COLUMN))
        qtbot.keyClick(dialog.table, Qt.Key.Key_1)  # typing starts the cell editor
        editor = dialog.table.viewport().findChild(QLineEdit)
        assert editor is not None
        editor.selectAll()  # the window is not active offscreen: type into the open editor
        qtbot.keyClicks(editor, "1")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.model.returning[0] == 1)  # committed (queued by Qt)
        edit = dialog.reason.lineEdit()
        assert edit is not None
        qtbot.keyClicks(edit, "Barang rusak/cacat")
        click(dialog, "Simpan retur")

    when_modal(RefundDialog, fill)
    dialog = page.refund_selected()
    assert dialog is not None and dialog.result_ is not None, dialog and dialog.error.text()
    return dialog


def _previews(order_id: int) -> list[ReceiptPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ReceiptPreviewDialog) and w.isVisible() and w.order_id == order_id]


def test_refund_without_printer_previews_the_slip_and_stays_on_the_sale(
    page: OrdersPage, ctx: AppContext, qtbot: QtBot,
) -> None:
    as_user(ctx, "Siti")
    sale_id = _pick_paid_sale(page)
    dialog = _refund_one_by_keys(page, qtbot)
    refund_id = int(dialog.result_.order_id)  # type: ignore[union-attr]
    assert page.detail is not None and page.detail.id == sale_id
    [preview] = _previews(refund_id)
    text = " ".join(preview.text.toPlainText().split())
    assert "RETUR PENJUALAN" in text and dialog.result_.number in text  # type: ignore[union-attr]
    assert f"Retur dari pesanan {dialog.order.number}" in text
    preview.close()


def test_refund_with_a_printer_prints_the_slip(
    page: OrdersPage, ctx: AppContext, qtbot: QtBot,
) -> None:
    fake = FakeNetworkPrinter()
    try:
        use_network_printer(ctx.db, fake.port)
        fake.start()
        as_user(ctx, "Siti")
        sale_id = _pick_paid_sale(page)
        assert ctx.printer is not None
        with qtbot.waitSignal(ctx.printer.sig_printed, timeout=5000):
            dialog = _refund_one_by_keys(page, qtbot)
        [job] = fake.wait_for(1)
        assert b"RETUR PENJUALAN" in job and dialog.result_ is not None
        assert dialog.result_.number.encode() in job
        assert page.detail is not None and page.detail.id == sale_id
        assert _previews(int(dialog.result_.order_id)) == []
    finally:
        fake.close()
