"""The "Konfirmasi manual" dialog: amount received, date and bank reference of one payment."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.money import format_rupiah
from app.payments.queries import OpenPaymentView
from ui.shop_dates import from_qdate, today_qdate

MAX_RECEIVED = 2_000_000_000


class ManualConfirmDialog(QDialog):
    """Ask what the bank shows for one pending payment; the page confirms it."""

    def __init__(self, view: OpenPaymentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Konfirmasi pembayaran {0}").format(view.order_number))
        self.received = QSpinBox()
        self.received.setObjectName("manualAmount")
        self.received.setRange(0, MAX_RECEIVED)
        self.received.setGroupSeparatorShown(True)
        self.received.setPrefix("Rp")
        self.received.setValue(view.amount_due)
        self.day = QDateEdit(today_qdate())
        self.day.setObjectName("manualDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setMaximumDate(today_qdate())
        self.reference = QLineEdit()
        self.reference.setObjectName("manualReference")
        self.reference.setPlaceholderText(self.tr("mis. nama pengirim / no. referensi bank"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Tagihan: {0} ({1})").format(
            format_rupiah(view.amount_due), view.method)))
        form.addRow(self.tr("Uang masuk"), self.received)
        form.addRow(self.tr("Tanggal masuk"), self.day)
        form.addRow(self.tr("Referensi"), self.reference)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, date, str]:
        """(amount received, date received, reference) as typed."""
        return self.received.value(), from_qdate(self.day.date()), self.reference.text().strip()
