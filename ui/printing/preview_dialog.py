"""Receipt preview: the text receipt in a monospace font, with Cetak, Simpan PDF and Tutup.

Shown by the sell screen after a sale when no printer is set up, and by the
orders list for reprint or to save a PDF to send by WhatsApp.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PIL.ImageQt import ImageQt
from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.printing.profile import PrinterProfile
from app.printing.service import DEFAULT_COLUMNS, PrintService
from app.receipts.images import qr_box_size, qr_image
from app.receipts.pdf import render_pdf
from app.receipts.preview import render_text
from ui.context import AppContext
from ui.fonts import MONO_FAMILY, use_monospace
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.printing.errors import error_text
from ui.worker import run_task

if TYPE_CHECKING:
    from ui.printing.printer import PrintController

# The PDF paper choices: label (marked for lupdate, translated when listed) and paper key.
PDF_PAPERS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "Struk 58 mm"), "58mm"),
    (QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "Struk 80 mm"), "80mm"),
    (QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "Nota A4"), "a4"),
)
QR_PIXELS = 180
PAPER_MARGIN = 10
MAX_TEXT_HEIGHT = 560  # with the buttons: a dialog under 700 px, on a 1366×768 laptop


def default_pdf_path(order_number: str, paper: str) -> str:
    """``~/Documents/Struk K1-20261128-0042.pdf`` (``Nota …`` for A4)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    prefix = "Nota" if paper == "a4" else "Struk"
    return str(Path(folder or Path.home()) / f"{prefix} {order_number}.pdf")


class ReceiptPreviewDialog(QDialog):
    """The receipt of one order as it prints; save it as PDF or send it to the printer."""

    def __init__(self, ctx: AppContext, order_id: int, controller: PrintController | None = None,
                 reprint: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.controller = controller
        self.reprint = reprint
        self.service = controller.service if controller is not None else PrintService(ctx.db)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = self.service.document(order_id, reprint)  # built once, rendered here
        self.setWindowTitle(self.tr("Struk %s") % self.document.number)
        self.text = QPlainTextEdit()
        self.qr = QLabel()
        self.paper = QComboBox()
        self.status = QLabel()
        self.print_button = QPushButton(self.tr("Cetak"))
        self.pdf_button = QPushButton(self.tr("Simpan PDF…"))
        self.close_button = QPushButton(self.tr("Tutup"))
        self._build()
        self._fill()

    def _build(self) -> None:
        self.text.setObjectName("receiptText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        use_monospace(self.text)
        self.text.document().setDocumentMargin(PAPER_MARGIN)
        self.text.setStyleSheet(f"QPlainTextEdit {{ font-family: \"{MONO_FAMILY}\"; background: white; "
                                "color: black; border: 1px solid #c8c8c8; }")
        self.qr.setObjectName("receiptQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("QLabel { background: white; padding: 12px; }")  # quiet zone
        self.qr.setToolTip(self.tr("Pembeli memindai kode ini dengan aplikasi bank/e-wallet"))
        self.paper.setObjectName("pdfPaper")
        for label, key in PDF_PAPERS:
            self.paper.addItem(self.tr(label), key)
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.print_button.setObjectName("printReceipt")
        self.pdf_button.setObjectName("savePdf")
        self.pdf_button.setToolTip(self.tr("Simpan sebagai PDF, mis. untuk dikirim lewat WhatsApp"))
        self.print_button.clicked.connect(self.on_print)
        self.pdf_button.clicked.connect(self.on_save_pdf)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.paper)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        paper = QHBoxLayout()  # the QRIS code beside the receipt, so the dialog fits 768 px
        paper.addStretch(1)
        paper.addWidget(self.text)
        paper.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        paper.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(paper, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _fill(self) -> None:
        """Text as wide as the configured paper, the QRIS code, and which buttons work."""
        profile = self._profile()
        columns = profile.columns if profile else DEFAULT_COLUMNS
        encoding = profile.encoding if profile else "cp437"
        content = render_text(self.document, columns, encoding)
        self.text.setPlainText(content)
        self.text.ensurePolished()  # measure with the font the style sheet leaves it
        metrics = QFontMetrics(self.text.font())
        width = metrics.horizontalAdvance("M" * (columns + 2)) + 2 * PAPER_MARGIN + 24
        self.text.setFixedWidth(width)
        lines = content.count("\n") + 2
        height = min(MAX_TEXT_HEIGHT, lines * metrics.lineSpacing() + 2 * PAPER_MARGIN)
        self.paper.setCurrentIndex(1 if profile is not None and profile.paper_mm == 80 else 0)
        self._fill_qr()
        can_print = self.controller is not None and profile is not None
        self.print_button.setEnabled(can_print)
        if not can_print:
            self.status.setText(self.tr("Printer struk belum diatur (Pengaturan → Printer). "
                                        "Simpan PDF untuk dikirim lewat WhatsApp."))
        self.text.setMinimumHeight(min(height, 360))
        qr_width = QR_PIXELS + 40 if self.document.qris is not None else 0
        self.resize(max(width + qr_width + 60, 480), height + 110)

    def _profile(self) -> PrinterProfile | None:
        """The configured printer (None when unset or unreadable)."""
        try:
            return self.service.profile()
        except UserError:
            return None

    def _fill_qr(self) -> None:
        """Show the QRIS code of a pending payment so the buyer can scan the screen."""
        box = self.document.qris
        self.qr.setVisible(box is not None)
        if box is None:
            return
        payload = box.payload
        image = qr_image(payload, qr_box_size(payload, QR_PIXELS)).convert("RGB")
        self.qr.setPixmap(QPixmap.fromImage(ImageQt(image)))

    def show_non_modal(self, activate: bool = True) -> None:
        """Show without blocking; ``activate=False`` keeps the keyboard on the sell screen."""
        if not activate:
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.show()

    def on_print(self) -> None:
        """Send the receipt to the printer in the background (the controller reports back)."""
        if self.controller is None:
            return
        self.controller.print_order(self.order_id, reprint=self.reprint)
        self.status.setText(self.tr("Dikirim ke printer. Jika gagal, struk menunggu Cetak ulang."))

    def on_save_pdf(self) -> None:
        """Ask where to save, then render and write the PDF off the GUI thread."""
        paper = str(self.paper.currentData())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan struk sebagai PDF"),
            default_pdf_path(self.document.number, paper), self.tr("Dokumen PDF (*.pdf)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(f"{path}.pdf")
        self.pdf_button.setEnabled(False)
        self.status.setText(self.tr("Menyimpan PDF…"))
        run_task(lambda _progress: self._write_pdf(target, paper),
                 on_done=self._pdf_saved, on_error=self._pdf_failed, owner=self)

    def _write_pdf(self, target: Path, paper: str) -> Path:
        """Render and write (worker thread)."""
        data = render_pdf(self.document, paper)
        try:
            target.write_bytes(data)
        except OSError as exc:
            text = QCoreApplication.translate("ReceiptPreviewDialog",
                                              "Tidak bisa menyimpan PDF ke {path}: {reason}.")
            raise UserError(text.format(path=target, reason=exc.strerror or exc)) from exc
        return target

    def _pdf_saved(self, target: Path) -> None:
        self.pdf_button.setEnabled(True)
        self.status.setText(self.tr("PDF tersimpan: %s") % target)
        self.ctx.signals.sig_status.emit(self.tr("Struk disimpan sebagai PDF: %s") % target.name)

    def _pdf_failed(self, error: BaseException) -> None:
        self.pdf_button.setEnabled(True)
        self.status.setText(error_text(error))
