"""The Pengguna tab of Pengaturan: users, their PINs and extra permissions, and the audit log.

Every change is a ``settings`` action: a cashier needs an owner's PIN for it
(asked on the spot) and each change lands in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import permissions, users
from app.db import Session
from app.errors import UserError
from ui.admin.approval import ask_approval
from ui.admin.audit_view import AuditLogDialog
from ui.admin.labels import action_label
from ui.admin.user_dialogs import AddUserDialog, ChangePinDialog, PermissionsDialog
from ui.context import AppContext
from ui.list_model import Column, TableModel
from ui.messages import show_error
from ui.widgets import hint_label, row_table


@dataclass(frozen=True)
class UserRow:
    """One user as the table shows it."""

    id: int
    name: str
    role: str
    active: bool
    granted: frozenset[str]


def load_users(session: Session) -> list[UserRow]:
    """All users, owners first, with their effective permissions."""
    return [UserRow(u.id, u.name, u.role, u.active, frozenset(permissions.granted(u)))
            for u in users.list_users(session)]


class UsersModel(TableModel[UserRow]):
    """Users: name, role, active, permissions."""

    def __init__(self, rows: list[UserRow] | None = None) -> None:
        super().__init__((), rows or [], key=lambda r: r.id)
        self.set_columns([
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("Peran"), lambda r: self.tr("Pemilik") if r.role == "owner" else self.tr("Kasir")),
            Column(self.tr("Status"), lambda r: self.tr("Aktif") if r.active else self.tr("Nonaktif")),
            Column(self.tr("Boleh tanpa PIN pemilik"), self._allowed),
        ])

    def row_colour(self, row: UserRow) -> str | None:
        """Inactive users in grey."""
        return None if row.active else "#8a939c"

    def _allowed(self, row: UserRow) -> str:
        """What they may do without an owner's PIN."""
        if row.role == "owner":
            return self.tr("Semua")
        names = [action_label(a) for a in permissions.ACTIONS if a in row.granted]
        return ", ".join(names) or self.tr("— (semua perlu PIN pemilik)")


class UsersTab(QWidget):
    """Add users, change PINs, (de)activate, grant permissions; open the audit log."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = UsersModel()
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(
            self.tr("Kasir masuk dengan PIN sendiri. Tindakan penting (retur, batal, "
                    "diskon besar, ubah harga, konfirmasi bayar, stok, pengaturan) "
                    "perlu izin atau PIN pemilik, dan semuanya tercatat di log audit.")))
        self.table = row_table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._button_row())
        self.refresh()
        ctx.signals.sig_user_changed.connect(self.refresh)

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah pengguna"))
        self.pin_button = QPushButton(self.tr("Ganti PIN"))
        self.perm_button = QPushButton(self.tr("Atur izin"))
        self.active_button = QPushButton(self.tr("Nonaktifkan"))
        self.audit_button = QPushButton(self.tr("Lihat log audit"))
        handlers: list[tuple[QPushButton, Callable[[], None]]] = [
            (self.add_button, self.add_user), (self.pin_button, self.change_pin),
            (self.perm_button, self.edit_permissions), (self.active_button, self.toggle_active),
            (self.audit_button, self.open_audit_log),
        ]
        for button, handler in handlers:
            button.clicked.connect(handler)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def refresh(self) -> None:
        """Reload the users from the shop file."""
        with self.ctx.db.read() as session:
            self.model.set_rows(load_users(session))
        self._update_buttons()

    def selected(self) -> UserRow | None:
        """The user selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.pin_button, self.perm_button, self.active_button):
            button.setEnabled(row is not None)
        if row is not None:
            self.perm_button.setEnabled(row.role == "cashier" and row.active)
            self.pin_button.setEnabled(row.active)
            self.active_button.setText(self.tr("Nonaktifkan") if row.active else self.tr("Aktifkan"))

    def _apply(self, what: str, change: Callable[[Session], None]) -> bool:
        """Ask approval for changing settings, then run ``change`` in one transaction."""
        # fresh: users and PINs need the owner's PIN for each change, even in an approved visit
        if ask_approval(self, self.ctx, "settings", fresh=True, what=what) is None:
            return False
        try:
            with self.ctx.db.unit_of_work() as session:
                change(session)
        except UserError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        return True

    def add_user(self) -> None:
        """Ask name, role and PIN, then add the user."""
        dialog = AddUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def add(session: Session) -> None:
            permissions.add_user(session, self.ctx.user_id, dialog.name, dialog.role, dialog.pin)

        self._apply(self.tr("tambah pengguna"), add)

    def change_pin(self) -> None:
        """Give the selected user a new PIN."""
        row = self.selected()
        if row is None:
            return
        dialog = ChangePinDialog(row.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(self.tr("ganti PIN"),
                        lambda s: permissions.change_pin(s, self.ctx.user_id, row.id, dialog.pin))

    def edit_permissions(self) -> None:
        """Tick what the selected cashier may do without the owner's PIN."""
        row = self.selected()
        if row is None:
            return
        dialog = PermissionsDialog(row.name, set(row.granted), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(self.tr("atur izin"), lambda s: permissions.set_permissions(
                s, self.ctx.user_id, row.id, dialog.chosen))

    def toggle_active(self) -> None:
        """Deactivate (or reactivate) the selected user."""
        row = self.selected()
        if row is None:
            return
        self._apply(self.tr("aktif/nonaktif pengguna"), lambda s: permissions.set_active(
            s, self.ctx.user_id, row.id, not row.active))

    def open_audit_log(self) -> None:
        """Show the audit log viewer."""

        AuditLogDialog(self.ctx, self).exec()
