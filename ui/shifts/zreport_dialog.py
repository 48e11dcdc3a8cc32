"""Preview of a Z report as it prints on the receipt roll, with a print button."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app import settings
from app.errors import ValidationError
from app.printing.connection import send
from app.printing.profile import PrinterProfile
from app.reports.zreport import z_report_escpos
from ui.context import AppContext
from ui.fonts import use_monospace
from ui.messages import show_error
from ui.worker import run_task


class ZReportDialog(QDialog):
    """Shows the Z report text in a fixed-width font; 'Cetak' sends it to the receipt printer."""

    def __init__(self, ctx: AppContext, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = text
        self.setWindowTitle(self.tr("Laporan Z"))
        layout = QVBoxLayout(self)
        self.view = QPlainTextEdit(text)
        self.view.setReadOnly(True)
        use_monospace(self.view)  # the shipped fixed-width font, kept under the style sheet
        self.view.ensurePolished()
        width = max((len(line) for line in text.splitlines()), default=32)
        self.view.setMinimumWidth(self.view.fontMetrics().horizontalAdvance("M" * (width + 4)))
        self.view.setMinimumHeight(520)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Cetak"))
        self.print_button.clicked.connect(self.print_report)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(close)
        layout.addLayout(row)

    def print_report(self) -> None:
        """Send the report to the configured receipt printer, off the GUI thread."""
        with self.ctx.db.read() as session:
            raw = settings.get(session, "printer.profile")
        if not raw:
            show_error(self, ValidationError(self.tr("Printer belum diatur. Atur di Pengaturan → Printer.")))
            return
        text = self.text

        def work(_progress: Any) -> None:

            profile = PrinterProfile.from_dict(json.loads(raw))
            send(profile, z_report_escpos(text, profile.encoding, cut=profile.has_cutter))

        self.print_button.setEnabled(False)
        run_task(work, on_done=lambda _r: self._printed(), on_error=self._failed, owner=self)

    def _printed(self) -> None:
        self.print_button.setEnabled(True)
        self.ctx.signals.sig_status.emit(self.tr("Laporan Z dicetak."))

    def _failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        show_error(self, exc)
