"""Terima pembayaran kasbon: cash (into the open shift's drawer), transfer with a kode unik or
QRIS (both pending until the money is seen: the statement import confirms a transfer), all
or part of what is owed. F1–F3 choose the method, Enter takes the payment, Esc goes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import kasbon
from app.errors import UserError, ValidationError
from app.kasbon import PaymentIn
from app.money import format_rupiah, parse_rupiah
from contract.enums import PaymentMethod
from ui import i18n
from ui.context import AppContext
from ui.messages import error_text
from ui.payments.qris_panel import QrisPanel
from ui.payments.transfer_panel import TransferPanel
from ui.widgets import error_label

METHODS = ((PaymentMethod.CASH, Qt.Key.Key_F1, "F1"), (PaymentMethod.TRANSFER, Qt.Key.Key_F2, "F2"),
           (PaymentMethod.QRIS, Qt.Key.Key_F3, "F3"))


class KasbonPaymentDialog(QDialog):
    """Take a kasbon payment for one customer; ``entry_id`` after accept."""

    def __init__(self, ctx: AppContext, customer_uuid: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_uuid = customer_uuid
        self.entry_id: int | None = None
        self.method: str = PaymentMethod.CASH
        with ctx.db.read() as session:
            self.owed = (kasbon.balance(session, customer_uuid)
                         - kasbon.pending_payments_total(session, customer_uuid))
        self.setObjectName("kasbonPaymentDialog")
        self.setWindowTitle(self.tr("Terima pembayaran kasbon · {name}").format(name=name))
        layout = QVBoxLayout(self)
        owed = QLabel(self.tr("Sisa kasbon: {amount}").format(amount=format_rupiah(self.owed)))
        owed.setObjectName("payCaption")
        layout.addWidget(owed)
        layout.addLayout(self._method_row())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Jumlah dibayar (Rp)")))
        self.amount = QLineEdit(str(max(0, self.owed)))
        self.amount.setObjectName("kasbonAmount")
        self.amount.textChanged.connect(lambda _t: self._show_panel())
        row.addWidget(self.amount, 1)
        layout.addLayout(row)
        self.transfer_panel = TransferPanel(ctx, self)
        self.qris_panel = QrisPanel(ctx, self)
        for panel in (self.transfer_panel, self.qris_panel):
            panel.hide()
            layout.addWidget(panel, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        hint = QLabel(self.tr("Enter: terima  ·  F1 tunai · F2 transfer · F3 QRIS  ·  Esc: kembali"))
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.resize(620, 300)
        self.select_method(PaymentMethod.CASH)

    def _method_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for method, _key, shortcut in METHODS:
            button = QPushButton(f"{i18n.method_name(method)} ({shortcut})")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setObjectName("methodButton")
            button.clicked.connect(lambda _=False, m=method: self.select_method(m))
            self.group.addButton(button)
            self.buttons[method] = button
            row.addWidget(button)
        return row

    def select_method(self, method: str) -> None:
        """Cash, transfer (account and kode unik shown) or QRIS (its QR shown)."""
        self.method = method
        self.buttons[method].setChecked(True)
        self.amount.setFocus()
        self.amount.selectAll()
        self._show_panel()

    def _typed(self) -> int:
        text = self.amount.text().strip()
        if not text:
            raise ValidationError(self.tr("Isi jumlah yang dibayar."), field="amount")
        return parse_rupiah(text)

    def _show_panel(self) -> None:
        self.transfer_panel.setVisible(self.method == PaymentMethod.TRANSFER)
        self.qris_panel.setVisible(self.method == PaymentMethod.QRIS)
        self.error.clear()
        try:
            amount = self._typed()
        except UserError:
            return
        if amount <= 0:
            return
        if self.method == PaymentMethod.TRANSFER:
            self.transfer_panel.show_for(amount)
        elif self.method == PaymentMethod.QRIS:
            self.qris_panel.show_for(amount)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter takes the payment; F1–F3 choose the method; Esc goes back."""
        key = Qt.Key(event.key())
        methods = {qt_key: method for method, qt_key, _ in METHODS}
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key in methods:
            self.select_method(methods[key])
        else:
            super().keyPressEvent(event)

    def payment(self) -> PaymentIn:
        """The payment typed, with the transfer's account and kode unik or the QRIS payload."""
        amount = self._typed()
        if self.method == PaymentMethod.TRANSFER:
            typed = self.transfer_panel.payment_input()
            return PaymentIn(PaymentMethod.TRANSFER, typed.amount, typed.bank_account_id,
                             typed.unique_code)
        if self.method == PaymentMethod.QRIS:
            typed = self.qris_panel.payment_input()
            return PaymentIn(PaymentMethod.QRIS, typed.amount, qris_payload=typed.qris_payload)
        return PaymentIn(PaymentMethod.CASH, amount)

    def submit(self) -> None:
        """Save the payment (one transaction); a refusal keeps the dialog open with the reason."""
        try:
            pay = self.payment()
            with self.ctx.db.unit_of_work() as session:
                self.entry_id = kasbon.receive_payment(session, self.customer_uuid, pay,
                                                       user_id=self.ctx.user_id).id
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
