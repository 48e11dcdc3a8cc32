"""Helpers for the admin and orders UI tests: drive modal dialogs opened with exec()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from sqlalchemy import select

from app.db import Database
from models import AuditEntry, User
from ui.context import AppContext


def when_modal(kind: type[QDialog], action: Callable[[Any], None], tries: int = 300) -> list[QDialog]:
    """Run ``action(dialog)`` as soon as a modal dialog of ``kind`` is open; returns what was seen."""
    seen: list[QDialog] = []

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
