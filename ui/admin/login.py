"""Login at start and the lock screen (Ctrl+L): choose who you are and type your PIN.

``login(parent, ctx)`` shows the login dialog and puts the chosen user in the
context; ``lock(parent, ctx)`` hides the work behind a dialog that only a PIN
opens (the same user, or another user who takes over the till).
``install_lock_shortcut(window, ctx)`` binds Ctrl+L. The users and the PIN check come from
a :class:`Directory` (:class:`ShopDirectory`: the shop's database, loaded on first use), so
importing this module loads no database layer. The demo shop's users are
Siti (owner, PIN 1234) and Rina (cashier, PIN 1111).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from ui.context import AppContext
from ui.messages import error_text
from ui.pin_field import pin_field
from ui.widgets import error_label


class Directory(Protocol):
    """Who may log in, and the PIN check (the dialog itself never loads the database layer)."""

    def users(self) -> list[tuple[int, str, str]]:
        """Active users as (id, name, role): owners first, then by name."""

    def login(self, user_id: int, pin: str) -> tuple[str, str]:
        """(name, role) of ``user_id`` when ``pin`` is theirs; raises UserError otherwise."""


class ShopDirectory:
    """The shop's users through ``app.users`` and ``app.permissions.login`` (throttled, each
    login and wrong PIN logged), imported on first use."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def users(self) -> list[tuple[int, str, str]]:
        """Active users for the picker (``app.users.active_users``)."""
        from app import users  # noqa: PLC0415 (the database layer loads on first use: this module stays light)

        with self.ctx.db.read() as session:
            return [(u.id, u.name, u.role) for u in users.active_users(session)]

    def login(self, user_id: int, pin: str) -> tuple[str, str]:
        """Check the PIN with ``app.permissions.login`` in one unit of work."""
        from app import permissions  # noqa: PLC0415 (as users above)

        with self.ctx.db.unit_of_work() as session:
            user = permissions.login(session, user_id, pin)
            return user.name, user.role


class LoginDialog(QDialog):
    """Pick a user and type the PIN; ``locked=True`` makes it a lock screen that cannot be closed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, locked: bool = False,
                 directory: Directory | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.locked = ctx, locked
        self.directory: Directory = directory or ShopDirectory(ctx)
        self.setWindowTitle(self.tr("Layar terkunci") if locked else self.tr("Masuk ke PEKEN Kasir"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        heading = QLabel(self._heading())
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.user_combo = QComboBox()
        for user_id, name, role in self.directory.users():
            shown = name + (self.tr(" (pemilik)") if role == "owner" else self.tr(" (kasir)"))
            self.user_combo.addItem(shown, user_id)
        index = self.user_combo.findData(ctx.user_id)
        self.user_combo.setCurrentIndex(max(0, index))
        form.addRow(self.tr("Pengguna"), self.user_combo)
        self.pin = pin_field(self.tr("PIN"))
        self.pin.returnPressed.connect(self.submit)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.ok_button = QPushButton(self.tr("Buka kunci") if locked else self.tr("Masuk"))
        self.ok_button.setObjectName("payButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        layout.addWidget(self.ok_button)
        self.pin.setFocus()

    def _heading(self) -> str:
        if self.locked and self.ctx.user_name:
            return self.tr("Layar dikunci oleh %1. Masukkan PIN untuk melanjutkan.").replace(
                "%1", self.ctx.user_name)
        return self.tr("Pilih nama Anda dan masukkan PIN.")

    def submit(self) -> None:
        """Check the PIN; on success the context holds the user and the dialog closes."""
        user_id = self.user_combo.currentData()
        if user_id is None:
            self.error.setText(self.tr("Belum ada pengguna aktif."))
            return
        try:
            name, role = self.directory.login(int(user_id), self.pin.text())
        except UserError as exc:
            self.error.setText(error_text(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        changed = int(user_id) != self.ctx.user_id
        self.ctx.elevation.end()  # a login never inherits an owner's approval
        self.ctx.user_id, self.ctx.user_name, self.ctx.user_role = int(user_id), name, role
        if changed or self.locked:
            self.ctx.signals.sig_user_changed.emit()
        self.accept()

    def reject(self) -> None:
        """A lock screen cannot be dismissed with Esc or the close button."""
        if not self.locked:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc does nothing on the lock screen."""
        if self.locked and event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The lock screen stays until a PIN is typed."""
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)


def login(parent: QWidget | None, ctx: AppContext, directory: Directory | None = None) -> bool:
    """Show the login dialog; True when someone logged in (False: the app should quit).

    ``directory``: where users and the PIN check come from (default: the shop's database).
    """
    dialog = LoginDialog(ctx, parent, directory=directory)
    return dialog.exec() == QDialog.DialogCode.Accepted


def lock(parent: QWidget | None, ctx: AppContext) -> None:
    """Lock the screen until the user (or another user) types their PIN.

    Locking ends any owner's approval at once (a screen opened with the owner's PIN is
    closed again before anyone can walk up to the till).
    """
    ctx.elevation.end()
    ctx.signals.sig_status.emit(QCoreApplication.translate("Lock", "Layar dikunci"))
    dialog = LoginDialog(ctx, parent, locked=True)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.exec()


def install_lock_shortcut(window: QWidget, ctx: AppContext) -> QShortcut:
    """Bind Ctrl+L on ``window`` to :func:`lock`."""
    shortcut = QShortcut(QKeySequence("Ctrl+L"), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: lock(window, ctx))
    return shortcut
