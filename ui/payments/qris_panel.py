"""The QRIS panel of the pay dialog: the dynamic QR for this amount, large enough to scan.

Call :meth:`QrisPanel.show_for` with the amount, then :meth:`QrisPanel.payment_input` gives
the pending ``PaymentInput`` carrying the dynamic payload (also printed on the receipt).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.errors import UserError, ValidationError
from app.money import format_rupiah
from app.payments.queries import qris_for
from app.sales import PaymentInput
from contract import qris
from contract.enums import PaymentMethod
from ui.context import AppContext
from ui.messages import error_text
from ui.payments.qr import qr_qimage

QR_MIN_PX = 260  # about 7 cm on a laptop screen: phones scan it at arm's length
TEXT_WIDTH = 300


class QrisPanel(QWidget):
    """The dynamic QRIS as a large QR; beside it the merchant name and the amount it asks for.

    Side by side rather than stacked, so the pay dialog with QRIS fits a 1366×768 laptop.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.amount = 0
        self.payload: str | None = None
        self.merchant = QLabel()
        self.merchant.setObjectName("qrisMerchant")
        self.image = QLabel()
        self.image.setObjectName("qrisImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(QR_MIN_PX, QR_MIN_PX)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("qrisAmount")
        self.hint = QLabel(self.tr("Pindai dengan aplikasi bank atau dompet digital apa pun. "
                                   "Nominal sudah terisi."))
        self.message = QLabel()
        self.message.setObjectName("qrisMessage")
        self.message.setStyleSheet("color: #b00020;")
        self._build()

    def _build(self) -> None:
        title = QFont()
        title.setPointSize(14)
        title.setBold(True)
        self.merchant.setFont(title)
        big = QFont()
        big.setPointSize(28)
        big.setBold(True)
        self.amount_label.setFont(big)
        self.amount_label.setStyleSheet("font-size: 40px; font-weight: bold; color: #0d3b66;")
        self.merchant.setStyleSheet("font-size: 20px; font-weight: bold;")
        for label in (self.merchant, self.amount_label, self.hint, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            label.setWordWrap(True)
        self.amount_label.setWordWrap(False)  # a rupiah figure never breaks
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.addStretch(1)
        for label in (self.merchant, self.amount_label, self.hint, self.message):
            text.addWidget(label)
        text.addStretch(1)
        column = QWidget()
        column.setLayout(text)
        column.setMinimumWidth(TEXT_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.image)
        layout.addSpacing(12)
        layout.addWidget(column, 1)

    def show_for(self, amount: int) -> None:
        """Make and show the dynamic QRIS for ``amount`` rupiah (or say what is missing)."""
        self.amount, self.payload = amount, None
        self.message.clear()
        try:
            with self.ctx.db.read() as session:
                self.payload = qris_for(session, amount)
        except UserError as exc:
            self.message.setText(error_text(exc))
        self._show()

    def _show(self) -> None:
        if self.payload is None:
            self.image.clear()
            self.merchant.clear()
            self.amount_label.clear()
            self.hint.hide()
            return
        parsed = qris.parse(self.payload)
        where = f" — {parsed.merchant_city}" if parsed.merchant_city else ""
        self.merchant.setText(parsed.merchant_name + where)
        self.image.setPixmap(QPixmap.fromImage(qr_qimage(self.payload, QR_MIN_PX)))
        self.amount_label.setText(format_rupiah(self.amount))
        self.hint.show()

    def payment_input(self) -> PaymentInput:
        """The pending QRIS payment with its dynamic payload."""
        if self.payload is None:
            raise ValidationError(self.message.text() or self.tr("QRIS belum siap."), field="qris")
        return PaymentInput(PaymentMethod.QRIS, self.amount, qris_payload=self.payload)
