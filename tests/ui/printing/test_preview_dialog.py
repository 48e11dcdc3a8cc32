"""The receipt preview: monospace text, QRIS code, Cetak and Simpan PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app import sales
from app.db import Database
from app.money import format_rupiah
from contract import qris
from tests.ui.printing.conftest import use_network_printer
from tests.unit.receipts.order_kit import (
    FakeNetworkPrinter,
    Shop,
    cart_total,
    checkout,
    static_qris,
)
from ui.app import load_style
from ui.context import AppContext
from ui.fonts import MONO_FAMILY
from ui.printing.preview_dialog import ReceiptPreviewDialog
from ui.printing.printer import PrintController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def _dialog(qtbot: QtBot, ctx: AppContext, order_id: int, controller: PrintController | None = None,
            reprint: bool = False) -> ReceiptPreviewDialog:
    dialog = ReceiptPreviewDialog(ctx, order_id, controller, reprint=reprint)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_the_receipt_text_in_a_monospace_font(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop
) -> None:
    sale = checkout(db, kit)
    dialog = _dialog(qtbot, ctx, sale.order_id)
    text = dialog.text.toPlainText()
    assert sale.number in text and format_rupiah(sale.total) in text and "Kembali" in text
    assert max(len(line) for line in text.splitlines()) <= 32
    dialog.text.ensurePolished()
    shown = QFontInfo(dialog.text.font())
    assert shown.fixedPitch() and shown.family() == MONO_FAMILY  # the shipped mono, not the PC's
    assert not dialog.qr.isVisibleTo(dialog)
    assert dialog.windowTitle() == f"Struk {sale.number}"


def test_receipt_text_stays_monospace_under_the_app_style_sheet(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, qapp: QApplication
) -> None:
    """The global ``QWidget { font-family }`` rule must not replace the fixed-width font."""
    load_style(qapp)
    try:
        sale = checkout(db, kit)
        dialog = _dialog(qtbot, ctx, sale.order_id)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown = QFontInfo(dialog.text.font())  # the font after style polish, as rendered
        assert shown.family() == MONO_FAMILY and shown.fixedPitch()
        viewport = QFontInfo(dialog.text.viewport().font())
        assert viewport.family() == MONO_FAMILY and viewport.fixedPitch()
        lines = dialog.text.toPlainText().splitlines()
        metrics = dialog.text.fontMetrics()
        assert len({metrics.horizontalAdvance(line) for line in lines if len(line) == 32}) == 1
    finally:
        qapp.setStyleSheet("")


def test_pending_qris_shows_the_code_to_scan(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop
) -> None:
    total = cart_total(db, kit)
    payload = qris.to_dynamic(static_qris(), total)
    sale = checkout(db, kit, [sales.PaymentInput("qris", total, qris_payload=payload)])
    dialog = _dialog(qtbot, ctx, sale.order_id)
    assert dialog.qr.isVisibleTo(dialog) and not dialog.qr.pixmap().isNull()
    assert "SCAN QRIS" in dialog.text.toPlainText()


@pytest.mark.parametrize(("index", "paper_text"), [(0, "58"), (2, "A4")])
def test_simpan_pdf_writes_the_receipt(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, index: int, paper_text: str,
) -> None:
    sale = checkout(db, kit)
    target = tmp_path / "kirim-wa"  # no suffix: .pdf is added
    asked: list[str] = []

    def fake_save(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(target), "Dokumen PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    dialog = _dialog(qtbot, ctx, sale.order_id)
    dialog.paper.setCurrentIndex(index)
    assert paper_text in dialog.paper.currentText()
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".pdf")
    qtbot.waitUntil(lambda: "PDF tersimpan" in dialog.status.text(), timeout=5000)
    assert asked[0].endswith(f"{sale.number}.pdf")
    reader = pypdf.PdfReader(io.BytesIO(saved.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert sale.number in text and format_rupiah(sale.total) in text and "Tunai" in text
    assert dialog.pdf_button.isEnabled()


def test_preview_and_its_a4_nota_say_what_the_document_says(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    total = cart_total(db, kit)
    sale = checkout(db, kit, [
        sales.PaymentInput("cash", 100_000, tendered=100_000),
        sales.PaymentInput("transfer", total - 100_000, bank_account_id=kit.bank_account_id,
                           unique_code=9)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "nota.pdf"), "Dokumen PDF (*.pdf)"))
    dialog = _dialog(qtbot, ctx, sale.order_id)
    dialog.paper.setCurrentIndex(2)  # A4 nota
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "PDF tersimpan" in dialog.status.text(), timeout=5000)
    reader = pypdf.PdfReader(tmp_path / "nota.pdf")
    nota = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    shown = " ".join(dialog.text.toPlainText().split())
    section = dialog.document.payment
    assert section is not None and section.settlement is not None
    rows = [(r.label, r.figure) for r in (*dialog.document.totals, *section.cash)]
    rows += [(r.label, r.figure) for r in section.rows]
    assert ("Transfer BCA (menunggu konfirmasi)", format_rupiah(total - 100_000 + 9)) in rows
    for label, figure in rows:
        assert f"{label} {figure}" in shown and f"{label} {figure}" in nota, label
    assert section.settlement.value == "BELUM LUNAS"
    assert "BELUM LUNAS" in shown and "BELUM LUNAS" in nota


def test_cancelled_save_writes_nothing(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sale = checkout(db, kit)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    dialog = _dialog(qtbot, ctx, sale.order_id)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Printer struk belum diatur")
    assert list(tmp_path.glob("*.pdf")) == []


def test_unwritable_folder_is_reported(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sale = checkout(db, kit)
    missing = tmp_path / "tidak-ada" / "struk.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    dialog = _dialog(qtbot, ctx, sale.order_id)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Tidak bisa menyimpan PDF" in dialog.status.text(), timeout=5000)


def test_cetak_reprints_a_copy(
    qtbot: QtBot, ctx: AppContext, db: Database, kit: Shop, printer: FakeNetworkPrinter
) -> None:
    use_network_printer(db, printer.port)
    printer.start()
    sale = checkout(db, kit)
    controller = PrintController(ctx)
    dialog = _dialog(qtbot, ctx, sale.order_id, controller, reprint=True)
    assert "CETAK ULANG" in dialog.text.toPlainText() and dialog.print_button.isEnabled()
    with qtbot.waitSignal(controller.sig_printed, timeout=5000) as printed:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.args == [f"Struk {sale.number} (salinan)"]
    data = printer.wait_for(1)[0]
    assert sale.number.encode() in data and b"CETAK ULANG" in data
