"""The "Kas keluar" / "Kas masuk" dialog: category, amount, note and an optional photo of the nota.

Keyboard first: the amount has the focus, Tab walks category → note → Foto nota, Enter saves.
An amount above the shop's limit asks an owner's PIN (``ui.admin.approval``) and saves with it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.cashbook import CASH_APPROVAL, CashApprovalNeeded, CashInput, approval_limit, record_cash
from app.errors import UserError, ValidationError
from app.money import format_rupiah, parse_rupiah
from app.shifts import current_shift
from contract.enums import CashCategory, CashDirection
from ui.admin.approval import ask_approval
from ui.context import AppContext
from ui.messages import error_text
from ui.widgets import choose_image, error_label, hint_label

# The categories offered first for each direction (the rest follow).
FIRST = {
    CashDirection.OUT: (CashCategory.GOODS, CashCategory.ELECTRICITY, CashCategory.WAGES,
                        CashCategory.TRANSPORT, CashCategory.SUPPLIES, CashCategory.RENT,
                        CashCategory.DRAWINGS, CashCategory.BANK_DEPOSIT, CashCategory.OTHER),
    CashDirection.IN: (CashCategory.CAPITAL, CashCategory.OTHER),
}


class CashDialog(QDialog):
    """Record money taken out of (or put into) the drawer in the open shift."""

    def __init__(self, ctx: AppContext, direction: CashDirection = CashDirection.OUT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.direction = ctx, CashDirection(direction)
        self.photo_path: Path | None = None
        self.saved_id: int | None = None
        out = self.direction == CashDirection.OUT
        title = self.tr("Kas keluar") if out else self.tr("Kas masuk")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Uang diambil dari laci") if out else self.tr("Uang dimasukkan ke laci"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        layout.addWidget(hint_label(self._shift_hint()))
        form = QFormLayout()
        self.amount = QLineEdit()
        self.amount.setObjectName("bigInput")
        self.amount.setPlaceholderText(self.tr("mis. 50.000"))
        self.amount.textEdited.connect(self._show_amount)
        form.addRow(self.tr("Jumlah (Rp)"), self.amount)
        self.amount_words = hint_label("")
        form.addRow("", self.amount_words)
        self.category = QComboBox()
        for category in FIRST[self.direction]:
            self.category.addItem(category.label(), category.value)
        form.addRow(self.tr("Untuk"), self.category)
        self.note = QLineEdit()
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(self.tr("mis. token listrik 100 rb, bensin antar barang"))
        form.addRow(self.tr("Catatan"), self.note)
        photo_row = QHBoxLayout()
        self.photo_button = QPushButton(self.tr("Foto nota…"))
        self.photo_button.clicked.connect(self.pick_photo)
        self.photo_label = QLabel(self.tr("(tidak ada)"))
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_label, 1)
        form.addRow(self.tr("Nota"), photo_row)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.amount.setFocus()

    def _shift_hint(self) -> str:
        with self.ctx.db.read() as session:
            shift = current_shift(session)
            shift_id = shift.id if shift is not None else None
            limit = approval_limit(session)
        if shift_id is None:
            return self.tr("Belum ada shift yang dibuka: buka shift dulu di Laporan → Shift.")
        text = self.tr("Dicatat di shift #{0} dan dihitung di Laporan Z.").format(shift_id)
        if limit:
            text += " " + self.tr("Di atas {0} perlu PIN pemilik.").format(format_rupiah(limit))
        return text

    def _show_amount(self, text: str) -> None:
        try:
            value = parse_rupiah(text) if text.strip() else 0
        except (UserError, ValueError):
            self.amount_words.setText("")
            return
        self.amount_words.setText(format_rupiah(value) if value else "")

    def pick_photo(self) -> None:
        """Attach a photo of the nota (shrunk when saved)."""
        path = choose_image(self, self.tr("Pilih foto nota"))
        if path is not None:
            self.photo_path = path
            self.photo_label.setText(path.name)

    def data(self) -> CashInput:
        """What the form holds (ValidationError when the amount is not rupiah)."""
        text = self.amount.text().strip()
        if not text:
            raise ValidationError(self.tr("Isi jumlahnya dulu."), field="amount")
        photo = self.photo_path.read_bytes() if self.photo_path is not None else None
        return CashInput(self.direction, CashCategory(self.category.currentData()),
                         parse_rupiah(text), self.note.text(), photo)

    def save(self) -> None:
        """Record the movement; above the limit, ask an owner's PIN first."""
        try:
            data = self.data()
            self.saved_id = self._record(data, None)
        except CashApprovalNeeded:
            approval = ask_approval(self, self.ctx, CASH_APPROVAL, amount=data.amount,
                                    category=data.category.value)
            if approval is None:
                return
            try:
                self.saved_id = self._record(data, approval.approved_by_id)
            except (UserError, OSError) as exc:
                self._refuse(exc)
                return
        except (UserError, OSError) as exc:
            self._refuse(exc)
            return
        self.ctx.signals.sig_status.emit(self.tr("{0} {1} dicatat.").format(
            self.windowTitle(), format_rupiah(data.amount)))
        self.accept()

    def _record(self, data: CashInput, approved_by: int | None) -> int:
        with self.ctx.db.unit_of_work() as session:
            row = record_cash(session, data, user_id=self.ctx.user_id, approved_by_id=approved_by)
            return row.id

    def _refuse(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.amount.setFocus()
