"""Owner approval on the spot: when a cashier tries a protected action, the owner types a PIN.

``ask_approval(parent, ctx, action)`` is the one call every screen uses before a
protected action. It returns an :class:`app.permissions.Approval` (the action is
already written to the audit log) or None when the user cancelled. A user who
holds the permission gets the approval at once, without a dialog; so does a user
on a screen whose visit an owner approved (``ctx.elevation`` for that action only).

``open_screen(parent, ctx, scope)`` asks an owner's PIN for one visit to a screen and
starts that elevation. ``ask_owner(parent, ctx, action)`` asks the PIN for one
owner-only change (bank account, QRIS, printer, backup target); the change's service
checks that PIN again itself (:func:`app.owner_only.require_owner`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import permissions, settings, users
from app.errors import UserError
from app.owner_only import OwnerPin
from app.permissions import Approval
from ui.admin.labels import action_label
from ui.context import AppContext
from ui.messages import error_text, show_error
from ui.pin_field import pin_field  # the user dialogs and the wizard import it from here too
from ui.widgets import error_label


class OwnerPinDialog(QDialog):
    """Asks an owner's PIN to approve one protected action for the current user."""

    def __init__(self, ctx: AppContext, action: str, parent: QWidget | None = None,
                 detail: dict[str, object] | None = None, *, check_only: bool = False) -> None:
        super().__init__(parent)
        self.ctx, self.action, self.detail = ctx, action, detail or {}
        self.check_only = check_only
        self.approval: Approval | None = None
        self.owner_pin: OwnerPin | None = None
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
        self.error = error_label()
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
            return [(owner.id, owner.name) for owner in users.active_owners(session)]

    def submit(self) -> None:
        """Check the PIN; on success the dialog closes with :attr:`approval` set."""
        pin = self.pin.text()
        name = self.owner_combo.currentText() or None
        try:
            with self.ctx.db.unit_of_work() as session:
                if self.check_only:  # the change itself checks and logs the PIN again
                    permissions.check_owner_pin(session, self.ctx.user_id, self.action, pin, name)
                    self.owner_pin = OwnerPin(pin, name)
                else:
                    self.approval = permissions.require(session, self.ctx.user_id, self.action,
                                                        pin, name, detail=self.detail)
        except UserError as exc:
            self.error.setText(error_text(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.accept()


def ask_approval(parent: QWidget | None, ctx: AppContext, action: str, *, fresh: bool = False,
                 **detail: object) -> Approval | None:
    """An approval for ``action`` by the current user, asking an owner's PIN when needed.

    An owner's running approval of a screen visit (``ctx.elevation``) covers only the
    action of that screen: approval for Pengaturan never covers a refund. ``fresh`` asks
    the PIN for this one change even inside such a visit (users, restoring a backup).
    """
    return _approval(parent, ctx, action, detail, fresh)


def _approval(parent: QWidget | None, ctx: AppContext, action: str, detail: dict[str, object],
              fresh: bool = False) -> Approval | None:
    if not fresh and ctx.elevation.covers(action) and ctx.elevation.owner_id is not None:
        try:
            with ctx.db.unit_of_work() as session:
                return permissions.record_elevated(session, ctx.user_id, action,
                                                   ctx.elevation.owner_id, dict(detail))
        except UserError:
            ctx.elevation.end()  # the owner is gone: ask again below
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
    return _approval(parent, ctx, action, detail) is not None


def idle_seconds(ctx: AppContext) -> int:
    """How long an owner's screen approval lasts without any input (a shop setting)."""
    with ctx.db.read() as session:
        return int(settings.get(session, "security.owner_pin_idle_seconds"))


def open_screen(parent: QWidget | None, ctx: AppContext, scope: str, **detail: object) -> bool:
    """Whether the current user may open the screen guarded by action ``scope``.

    A user holding the permission may (no elevation). Otherwise an owner types their PIN,
    which starts ``ctx.elevation`` for this one visit. True when the screen may open.
    """
    if ctx.user_id is None:
        return True
    approval = _approval(parent, ctx, scope, detail)
    if approval is None:
        return False
    if approval.approved_by_id is not None and not ctx.elevation.covers(scope):
        ctx.elevation.begin(scope, approval.approved_by_id, idle_seconds(ctx))
    return True


def ask_owner(parent: QWidget | None, ctx: AppContext, action: str) -> OwnerPin | None:
    """The owner's go-ahead for one owner-only change; None when it was cancelled.

    An owner (or a shop without users) needs no PIN: the result carries an empty PIN.
    Anyone else is asked for an owner's PIN, even inside an approved Pengaturan visit.
    """
    with ctx.db.read() as session:
        allowed = ctx.user_id is None or permissions.can(session, ctx.user_id, action)
    if allowed:
        return OwnerPin("")
    dialog = OwnerPinDialog(ctx, action, parent, check_only=True)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    owner_pin = dialog.owner_pin if accepted else None
    dialog.deleteLater()
    return owner_pin
