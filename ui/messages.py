"""Showing messages to the seller: user errors in plain Indonesian, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: BaseException, title: str = "Tidak bisa") -> None:
    """Show a UserError's message; any other error as a short generic message (and log it)."""
    if isinstance(error, UserError):
        text = str(error)
    else:
        log.exception("unexpected error", exc_info=error)
        text = f"Terjadi kesalahan tak terduga: {error.__class__.__name__}. Data Anda aman."
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; default is No."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
