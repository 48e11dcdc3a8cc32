"""Open a shift: the cash put in the drawer at the start."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.money import parse_rupiah
from app.shifts import open_shift
from ui.context import AppContext
from ui.messages import show_error


class OpenShiftDialog(QDialog):
    """Asks the starting cash (modal awal) and opens the shift for the current user."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shift_id: int | None = None
        self.setWindowTitle(self.tr("Buka shift"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Hitung uang di laci sebelum mulai berjualan.")))
        self.cash_edit = QLineEdit("0")
        self.cash_edit.setPlaceholderText(self.tr("mis. 200.000"))
        form.addRow(self.tr("Modal awal (Rp)"), self.cash_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Buka shift"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """Open the shift; on a user error show it and keep the dialog open."""
        try:
            amount = parse_rupiah(self.cash_edit.text())
            with self.ctx.db.unit_of_work() as session:
                self.shift_id = open_shift(session, amount, user_id=self.ctx.user_id).id
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.signals.sig_status.emit(self.tr("Shift dibuka."))
        super().accept()
