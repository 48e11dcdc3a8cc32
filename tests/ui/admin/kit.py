"""Helpers for the admin and orders UI tests: drive modal dialogs opened with exec()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from models import AuditEntry, User
from tests.ui.helpers import press
from ui.admin.login import LoginDialog
from ui.context import AppContext

DialogT = TypeVar("DialogT", bound=QDialog)


def when_modal(kind: type[DialogT], action: Callable[[DialogT], Any],
               tries: int = 300) -> list[DialogT]:
    """Run ``action(dialog)`` as soon as a modal dialog of ``kind`` is open; returns what was seen.

    Check the result: an empty list means the dialog never opened (``action`` never ran).
    """
    seen: list[DialogT] = []

    def poll(left: int = tries) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget not in seen:
            seen.append(widget)
            try:
                action(widget)
            except BaseException:
                _close_modals()  # never leave exec() blocking the test
                raise
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def _close_modals() -> None:
    for _ in range(5):
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            return


def click(widget: QWidget, text: str) -> None:
    """Click the button with this text inside ``widget``."""
    for button in widget.findChildren(QPushButton):
        if button.text() == text:
            assert button.isEnabled(), f"button {text!r} is disabled"
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {widget!r}")


def as_user(ctx: AppContext, name: str) -> int:
    """Put the user called ``name`` at the till; returns their id."""
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.name == name)).one()
        ctx.user_id, ctx.user_name, ctx.user_role = user.id, user.name, user.role
    return ctx.user_id


def user_id(ctx: AppContext, name: str) -> int:
    """The id of the user called ``name``."""
    with ctx.db.read() as session:
        return int(session.scalars(select(User.id).where(User.name == name)).one())


def audit(db: Database, action: str) -> list[tuple[int | None, int | None, str]]:
    """(user_id, approved_by_id, detail) of each audit entry with this action, oldest first."""
    with db.read() as session:
        rows = session.execute(select(AuditEntry.user_id, AuditEntry.approved_by_id, AuditEntry.detail)
                               .where(AuditEntry.action == action).order_by(AuditEntry.id))
        return [(r[0], r[1], r[2]) for r in rows]


def activate(window: QWidget, qtbot: QtBot) -> None:
    """The main window is the active one again (a closed dialog leaves none on offscreen)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def log_in_with_ctrl_l(window: QWidget, ctx: AppContext, qtbot: QtBot, name: str,
                       pin: str) -> list[bool]:
    """Ctrl+L, then on the lock screen pick ``name`` and type the PIN and Enter.

    Returns whether an owner's approval was still running while the lock screen showed.
    """
    elevated: list[bool] = []

    def fill(dialog: LoginDialog) -> None:
        elevated.append(ctx.elevation.active)
        dialog.user_combo.setCurrentIndex(dialog.user_combo.findData(user_id(ctx, name)))
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    seen = when_modal(LoginDialog, fill)
    activate(window, qtbot)
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and seen[0].locked  # the lock screen was really shown
    assert QApplication.activeModalWidget() is None
    return elevated
