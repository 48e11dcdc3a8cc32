"""Owner approval on the spot: when a cashier tries a protected action, the owner types a PIN.

``ask_approval(parent, ctx, action)`` is the one call every screen uses before a
protected action. It returns an :class:`app.permissions.Approval` (the action is
already written to the audit log) or None when the user cancelled. A user who
holds the permission gets the approval at once, without a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app import permissions
from app.errors import UserError
from app.permissions import Approval
from models import User
from ui.admin.labels import action_label
from ui.context import AppContext
from ui.messages import show_error


def pin_field(placeholder: str = "") -> QLineEdit:
    """A PIN input: digits only (4–8), shown as dots, large."""
    field = QLineEdit()
    field.setObjectName("bigInput")
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), field))
    field.setMaxLength(8)
    field.setPlaceholderText(placeholder)
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return field


class OwnerPinDialog(QDialog):
    """Asks an owner's PIN to approve one protected action for the current user."""

    def __init__(self, ctx: AppContext, action: str, parent: QWidget | None = None,
                 detail: dict[str, object] | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.action, self.detail = ctx, action, detail or {}
        self.approval: Approval | None = None
        self.setWindowTitle(self.tr("Perlu persetujuan pemilik"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("%1 tidak punya izin untuk %2.")
                         .replace("%1", ctx.user_name or self.tr("Pengguna"))
                         .replace("%2", action_label(action)))
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        hint = QLabel(self.tr("Minta pemilik toko memasukkan PIN-nya untuk menyetujui."))
        hint.setObjectName("hint")
        layout.addWidget(hint)
        form = QFormLayout()
        self.owner_combo = QComboBox()
        for owner_id, name in self._owners():
            self.owner_combo.addItem(name, owner_id)
        form.addRow(self.tr("Pemilik"), self.owner_combo)
        self.pin = pin_field(self.tr("PIN pemilik"))
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Setujui"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.setFocus()

    def _owners(self) -> list[tuple[int, str]]:
        with self.ctx.db.read() as session:
            rows = session.execute(select(User.id, User.name).where(
                User.role == "owner", User.active.is_(True)).order_by(User.id))
            return [(int(row[0]), str(row[1])) for row in rows]

    def submit(self) -> None:
        """Check the PIN; on success the dialog closes with :attr:`approval` set."""
        pin = self.pin.text()
        name = self.owner_combo.currentText() or None
        try:
            with self.ctx.db.unit_of_work() as session:
                self.approval = permissions.require(session, self.ctx.user_id, self.action, pin,
                                                    name, detail=self.detail)
        except UserError as exc:
            self.error.setText(str(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.accept()


def ask_approval(parent: QWidget | None, ctx: AppContext, action: str,
                 **detail: object) -> Approval | None:
    """An approval for ``action`` by the current user, asking an owner's PIN when needed."""
    with ctx.db.read() as session:
        allowed = permissions.can(session, ctx.user_id, action)
    if allowed:
        try:
            with ctx.db.unit_of_work() as session:
                return permissions.require(session, ctx.user_id, action, detail=detail)
        except UserError as exc:
            show_error(parent, exc)
            return None
    dialog = OwnerPinDialog(ctx, action, parent, detail)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    approval = dialog.approval if accepted else None
    dialog.deleteLater()  # one prompt per action; do not pile hidden dialogs on the parent
    return approval


def approved(parent: QWidget | None, ctx: AppContext, action: str, **detail: object) -> bool:
    """True when ``action`` may go ahead: the user has it, or an owner typed their PIN.

    A shop without users yet (nobody logged in) has nobody to ask, so it may go ahead.
    """
    if ctx.user_id is None:
        return True
    return ask_approval(parent, ctx, action, **detail) is not None
