"""The transfer panel of the pay dialog: where to transfer and the exact amount, large.

Embed it, call :meth:`TransferPanel.show_for` with the amount this payment covers, then
:meth:`TransferPanel.payment_input` gives the pending ``PaymentInput`` with the kode unik.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import shop
from app.errors import UserError, ValidationError
from app.money import format_rupiah
from app.payments.queries import TransferQuote, transfer_quote
from app.sales import PaymentInput
from contract.enums import PaymentMethod
from ui.context import AppContext
from ui.messages import error_text

AMOUNT_POINT_SIZE = 30
AMOUNT_STYLE = ("font-size: 44px; font-weight: bold; color: #0d3b66; background: #fff8e1; "
                "border: 2px solid #f0b400; border-radius: 8px; padding: 6px 14px;")


def _big(point_size: int, bold: bool = True) -> QFont:
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    return font


class TransferPanel(QWidget):
    """Bank, account number, holder, the kode unik on its own line and the amount due LARGE.

    sig_quote_changed(): a new quote is shown (another account or amount).
    """

    sig_quote_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.quote: TransferQuote | None = None
        self.base_amount = 0
        self.accounts = QComboBox()
        self.accounts.setObjectName("transferAccount")
        self.bank = QLabel()
        self.number = QLabel()
        self.holder = QLabel()
        self.base = QLabel()
        self.code = QLabel()
        self.amount = QLabel()
        self.note = QLabel()
        self.message = QLabel()
        self.copy_number = QPushButton(self.tr("Salin no. rek."))
        self.copy_amount = QPushButton(self.tr("Salin jumlah"))
        self._name_widgets()
        self._build()
        self.accounts.currentIndexChanged.connect(self._account_changed)

    def _name_widgets(self) -> None:
        for name, widget in (("transferBank", self.bank), ("transferNumber", self.number),
                             ("transferHolder", self.holder), ("transferBase", self.base),
                             ("uniqueCode", self.code), ("amountDue", self.amount),
                             ("transferMessage", self.message), ("copyNumber", self.copy_number),
                             ("copyAmount", self.copy_amount)):
            widget.setObjectName(name)
        self.number.setFont(_big(16))
        self.amount.setFont(_big(AMOUNT_POINT_SIZE))
        self.code.setFont(_big(12))
        # widget style sheets win over the app's global font size
        self.number.setStyleSheet("font-size: 24px; font-weight: bold; letter-spacing: 1px;")
        self.bank.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.code.setStyleSheet("font-size: 18px; font-weight: bold; color: #8a4b00;")
        self.amount.setStyleSheet(AMOUNT_STYLE)
        for label in (self.number, self.amount):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setWordWrap(True)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.copy_number.clicked.connect(lambda: self._copy(self.quote.account_number
                                                            if self.quote else ""))
        self.copy_amount.clicked.connect(lambda: self._copy(str(self.quote.amount_due)
                                                            if self.quote else ""))

    def _build(self) -> None:
        """Two columns: where to transfer on the left, the exact amount LARGE on the right.

        Side by side rather than stacked, so a split payment's transfer part fits a 1366×768
        laptop together with the rows already paid and "Sisa".
        """
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        for row, (title, widget) in enumerate(((self.tr("Bank"), self.bank),
                                               (self.tr("No. rekening"), self.number),
                                               (self.tr("Atas nama"), self.holder),
                                               (self.tr("Total belanja"), self.base),
                                               (self.tr("Kode unik"), self.code))):
            grid.addWidget(QLabel(title), row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.copy_number, 1, 2)
        grid.setColumnStretch(1, 1)
        self.holder.setWordWrap(True)
        self.code.setWordWrap(True)
        heading = QLabel(self.tr("TRANSFER KE REKENING TOKO"))
        heading.setStyleSheet("font-size: 16px; font-weight: bold; color: #2b3540;")
        where = QVBoxLayout()
        where.setContentsMargins(0, 0, 0, 0)
        where.addWidget(heading)
        where.addWidget(self.accounts)
        where.addLayout(grid)
        where.addStretch(1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        due = QVBoxLayout()
        due.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Jumlah yang harus ditransfer (tepat):"))
        caption.setWordWrap(True)
        due.addWidget(caption)
        due.addWidget(self.amount)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_amount)
        due.addLayout(copy_row)
        due.addWidget(self.note)
        due.addWidget(self.message)
        due.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(where, 3)
        layout.addWidget(line)
        layout.addLayout(due, 2)

    def show_for(self, base_amount: int, account_id: int | None = None) -> None:
        """Show the transfer of ``base_amount`` to the account (the first active one if None)."""
        self.base_amount = base_amount
        with self.ctx.db.read() as session:
            accounts = [(a.id, self.tr("{bank} {number} a.n. {holder}").format(
                bank=a.bank, number=a.number, holder=a.holder)) for a in shop.bank_accounts(session)]
        self.accounts.blockSignals(True)
        self.accounts.clear()
        for ident, text in accounts:
            self.accounts.addItem(text, ident)
        wanted = account_id if account_id is not None else (accounts[0][0] if accounts else None)
        index = self.accounts.findData(wanted) if wanted is not None else -1
        self.accounts.setCurrentIndex(max(index, 0) if accounts else -1)
        self.accounts.blockSignals(False)
        self.accounts.setVisible(len(accounts) > 1)
        self._refresh()

    def _account_changed(self, _index: int) -> None:
        self._refresh()

    def _refresh(self) -> None:
        self.quote = None
        self.message.clear()
        account_id = self.accounts.currentData()
        if account_id is None:
            self._show(None)
            self.message.setText(self.tr("Belum ada rekening bank. Tambahkan di Pengaturan → "
                                         "Pembayaran."))
            return
        try:
            with self.ctx.db.read() as session:
                self.quote = transfer_quote(session, int(account_id), self.base_amount)
        except UserError as exc:
            self.message.setText(error_text(exc))
        self._show(self.quote)
        self.sig_quote_changed.emit()

    def _show(self, quote: TransferQuote | None) -> None:
        for widget in (self.copy_number, self.copy_amount):
            widget.setEnabled(quote is not None)
        if quote is None:
            for label in (self.bank, self.number, self.holder, self.base, self.code, self.amount,
                          self.note):
                label.clear()
            return
        self.bank.setText(quote.bank)
        self.number.setText(quote.account_number)
        self.holder.setText(quote.holder)
        self.base.setText(format_rupiah(quote.base_amount))
        code_text = f"+{format_rupiah(quote.unique_code)}"
        if quote.code_as_discount:  # the code is taken off: the buyer pays total − code
            code_text = format_rupiah(quote.unique_code) + self.tr("  (potongan untuk pembeli)")
        self.code.setText(code_text)
        self.amount.setText(format_rupiah(quote.amount_due))
        self.note.setText(self.tr("Minta pembeli mentransfer tepat sampai 3 angka terakhir, "
                                  "supaya uangnya mudah dicocokkan dengan pesanan ini."))

    def _copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            self.ctx.signals.sig_status.emit(self.tr("Disalin: ") + text)

    def amount_due(self) -> int:
        """The exact amount the buyer must transfer (0 when nothing can be shown)."""
        return self.quote.amount_due if self.quote else 0

    def payment_input(self) -> PaymentInput:
        """The pending transfer payment: base amount, account and kode unik."""
        if self.quote is None:
            raise ValidationError(self.message.text() or self.tr("Pilih rekening tujuan transfer."))
        return PaymentInput(PaymentMethod.TRANSFER, self.quote.base_amount,
                            bank_account_id=self.quote.account_id,
                            unique_code=self.quote.unique_code)
