"""A one-line shift status with the buttons to open or close the cashier shift, and kas keluar (F10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.clock import local, zone_label
from app.errors import NotFoundError
from app.money import format_rupiah
from app.shifts import current_shift, last_z_report
from contract.enums import CashDirection
from ui.books.cash_dialog import CashDialog
from ui.context import AppContext
from ui.messages import show_error
from ui.shifts.close_dialog import CloseShiftDialog
from ui.shifts.open_dialog import OpenShiftDialog
from ui.shifts.zreport_dialog import ZReportDialog


class ShiftBar(QWidget):
    """'Shift #3 dibuka 07:00, modal Rp200.000' + Buka shift / Tutup shift / Laporan Z terakhir."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shift_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("")
        self.open_button = QPushButton(self.tr("Buka shift"))
        self.close_button = QPushButton(self.tr("Tutup shift"))
        self.last_z_button = QPushButton(self.tr("Laporan Z terakhir"))
        self.cash_out_button = QPushButton(self.tr("Kas keluar (F10)"))
        self.cash_out_button.setToolTip(self.tr("Catat uang yang diambil dari laci (listrik, belanja…)"))
        self.cash_out_button.clicked.connect(self.cash_out)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F10), self.window() or self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.cash_out)
        self.open_button.clicked.connect(self.open_shift)
        self.close_button.clicked.connect(self.close_shift)
        self.last_z_button.clicked.connect(self.show_last_z)
        layout.addWidget(self.label)
        layout.addStretch(1)
        for button in (self.open_button, self.cash_out_button, self.close_button, self.last_z_button):
            layout.addWidget(button)
        self.reload()

    def reload(self) -> None:
        """Read the open shift and update the text and buttons."""
        with self.ctx.db.read() as session:
            shift = current_shift(session)
            if shift is None:
                self.shift_id = None
                self.label.setText(self.tr("Tidak ada shift yang terbuka."))
            else:
                self.shift_id = shift.id
                self.label.setText(self.tr("Shift #{0} dibuka {1}, modal awal {2}").format(
                    shift.id, local(shift.opened_at).strftime(f"%d/%m %H:%M {zone_label()}"),
                    format_rupiah(shift.opening_cash)))
        self.open_button.setVisible(self.shift_id is None)
        self.close_button.setVisible(self.shift_id is not None)
        self.cash_out_button.setVisible(self.shift_id is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F10 on any of the bar's buttons: kas keluar."""
        if event.key() == Qt.Key.Key_F10:
            self.cash_out()
        else:
            super().keyPressEvent(event)

    def cash_out(self) -> bool:
        """F10: money taken out of the drawer (kas keluar) in the open shift."""
        if self.shift_id is None:
            return False
        dialog = CashDialog(self.ctx, CashDirection.OUT, self)
        saved = bool(dialog.exec())
        dialog.deleteLater()
        return saved

    def open_shift(self) -> None:
        """Ask for the starting cash and open a shift."""

        OpenShiftDialog(self.ctx, self).exec()
        self.reload()

    def close_shift(self) -> None:
        """Count the drawer and close the open shift, then show its Z report."""

        if self.shift_id is None:
            return
        dialog = CloseShiftDialog(self.ctx, self.shift_id, self)
        if dialog.exec() and dialog.result_close is not None:

            ZReportDialog(self.ctx, dialog.result_close.z_report, self).exec()
        self.reload()

    def show_last_z(self) -> None:
        """Show the Z report of the last closed shift again (to reprint it)."""

        with self.ctx.db.read() as session:
            text = last_z_report(session)
        if not text:

            show_error(self, NotFoundError(self.tr("Belum ada shift yang ditutup.")))
            return
        ZReportDialog(self.ctx, text, self).exec()
