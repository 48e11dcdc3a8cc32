"""The print controller: background printing, failure, waiting jobs and "Cetak ulang"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import settings
from app.db import Database
from tests.ui.printing.conftest import use_network_printer
from tests.unit.receipts.order_kit import FakeNetworkPrinter, Shop, checkout
from ui.context import AppContext
from ui.printing.jobs_dialog import WaitingJobsDialog
from ui.printing.preview_dialog import ReceiptPreviewDialog
from ui.printing.printer import PrintController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def _controller(ctx: AppContext) -> tuple[PrintController, list[str], list[str]]:
    controller = PrintController(ctx)
    states: list[str] = []
    failures: list[str] = []
    controller.sig_state.connect(states.append)
    controller.sig_failed.connect(failures.append)
    return controller, states, failures


def _previews() -> list[ReceiptPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ReceiptPreviewDialog) and w.isVisible()]


def test_state_without_a_printer(ctx: AppContext) -> None:
    controller, _, _ = _controller(ctx)
    assert controller.state_text() == "Printer: belum diatur"
    assert not controller.printer_configured()


def test_print_order_runs_in_the_background_and_arrives(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, printer: FakeNetworkPrinter
) -> None:
    use_network_printer(db, printer.port)
    printer.start()
    sale = checkout(db, kit)
    controller, states, failures = _controller(ctx)
    with qtbot.waitSignal(controller.sig_printed, timeout=5000) as printed:
        controller.print_order(sale.order_id)
        assert states[-1] == "Printer: mencetak…"  # returned at once, work runs elsewhere
    assert printed.args == [f"Struk {sale.number}"]
    assert sale.number.encode() in printer.wait_for(1)[0]
    assert states[-1] == "Printer: siap" and failures == []


def test_failed_print_waits_and_cetak_ulang_prints_it(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, printer: FakeNetworkPrinter
) -> None:
    use_network_printer(db, printer.port)
    sale = checkout(db, kit)
    controller, states, failures = _controller(ctx)
    with qtbot.waitSignal(controller.sig_failed, timeout=5000):
        controller.print_order(sale.order_id)
    assert failures == [f"Struk {sale.number} belum tercetak: Printer tidak terjangkau di "
                        f"127.0.0.1:{printer.port} — periksa kabel/daya, lalu Cetak ulang. "
                        "Penjualan sudah tersimpan; struk menunggu Cetak ulang."]
    assert states[-1] == "Printer: gagal — 1 struk menunggu"

    dialog = controller.show_jobs(None, failures[-1])
    qtbot.addWidget(dialog)
    assert isinstance(dialog, WaitingJobsDialog) and dialog.jobs.count() == 1
    assert sale.number in dialog.jobs.item(0).text() and dialog.retry_button.isEnabled()

    printer.start()
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: states[-1] == "Printer: siap", timeout=5000)
    assert sale.number.encode() in printer.wait_for(1)[0]
    assert controller.waiting_jobs() == [] and dialog.jobs.count() == 0
    assert dialog.empty.isVisible() and not dialog.retry_button.isEnabled()


def test_after_sale_without_a_printer_shows_the_preview(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop
) -> None:
    sale = checkout(db, kit)
    controller, _, _ = _controller(ctx)
    controller.after_sale(sale.order_id)
    [preview] = _previews()
    qtbot.addWidget(preview)
    assert sale.number in preview.text.toPlainText()
    assert not preview.print_button.isEnabled()
    assert "Printer struk belum diatur" in preview.status.text()

    following = checkout(db, kit)
    controller.after_sale(following.order_id)  # the next sale replaces the preview
    qtbot.waitUntil(lambda: len(_previews()) == 1 and _previews()[0] is not preview)
    [second] = _previews()
    qtbot.addWidget(second)
    assert following.number in second.text.toPlainText()
    assert controller._sale_preview is second

    third = checkout(db, kit)
    controller.after_sale(third.order_id)
    qtbot.waitUntil(lambda: len(_previews()) == 1 and _previews()[0] is not second)
    qtbot.addWidget(_previews()[0])


def test_after_sale_does_nothing_when_switched_off(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop
) -> None:
    with db.unit_of_work() as session:
        settings.set_value(session, "receipt.print_after_sale", False)
    sale = checkout(db, kit)
    controller, states, _ = _controller(ctx)
    controller.after_sale(sale.order_id)
    assert _previews() == [] and states == []


def test_after_sale_with_a_printer_prints(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, printer: FakeNetworkPrinter
) -> None:
    use_network_printer(db, printer.port)
    printer.start()
    sale = checkout(db, kit)
    controller, _, _ = _controller(ctx)
    with qtbot.waitSignal(controller.sig_printed, timeout=5000):
        controller.after_sale(sale.order_id)
    assert _previews() == []
    assert sale.number.encode() in printer.wait_for(1)[0]


def test_connect_window_feeds_the_status_bar(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, printer: FakeNetworkPrinter
) -> None:
    use_network_printer(db, printer.port)
    sale = checkout(db, kit)
    controller, _, _ = _controller(ctx)
    shown: list[str] = []
    controller.connect_window(None, shown.append)  # type: ignore[arg-type]
    assert shown == ["Printer: siap"]
    with qtbot.waitSignal(controller.sig_failed, timeout=5000):
        controller.print_order(sale.order_id)
    qtbot.waitUntil(lambda: controller._jobs_dialog is not None, timeout=2000)
    dialog = controller._jobs_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert "belum tercetak" in dialog.message.text()
    assert shown[-1] == "Printer: gagal — 1 struk menunggu"


def test_reprint_without_a_printer_explains_instead_of_listing_nothing(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop
) -> None:
    sale = checkout(db, kit)
    controller, states, failures = _controller(ctx)
    controller.connect_window(None, states.append)  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.sig_failed, timeout=5000):
        controller.print_order(sale.order_id, reprint=True)
    assert failures == ["Printer struk belum diatur. Atur di Pengaturan → Printer, "
                        "atau simpan struk sebagai PDF."]
    assert controller._jobs_dialog is None
    [notice] = list(controller._notices)
    qtbot.addWidget(notice)
    assert notice.isVisible() and not notice.isModal() and notice.text() == failures[0]
    assert states[-1] == "Printer: belum diatur"
