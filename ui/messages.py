"""Showing messages to the seller: user errors in the chosen language, never a traceback.

This is the UI edge where service messages are translated: a :class:`app.errors.UserError`
carries its Indonesian template and values; :func:`error_text` translates the template
through Qt (context ``"UserError"``, extracted by ``ui.i18n_tools``) and fills the values.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import TRANSLATION_CONTEXT, UserError, fill
from ui.translate import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CONTEXT = "Messages"
DEFAULT_TITLE = QT_TRANSLATE_NOOP("Messages", "Tidak bisa")
UNEXPECTED = QT_TRANSLATE_NOOP("Messages", "Terjadi kesalahan tak terduga: %1. Data Anda aman.")


def error_text(error: BaseException) -> str:
    """The message of a UserError in the current UI language (Indonesian when untranslated)."""
    if not isinstance(error, UserError):
        return str(error)
    translated = QCoreApplication.translate(TRANSLATION_CONTEXT, error.template)
    if translated == error.template:
        return error.message
    try:
        return fill(translated, error.params) + error.appendix
    except (KeyError, IndexError, ValueError):  # a broken translation: the Indonesian text
        log.warning("translation of %s does not fit its values", error.code)
        return error.message


def show_error(parent: QWidget | None, error: BaseException, title: str = DEFAULT_TITLE) -> None:
    """Show a UserError's message; any other error as a short generic message (and log it)."""
    if isinstance(error, UserError):
        text = error_text(error)
    else:
        log.exception("unexpected error", exc_info=error)
        text = QCoreApplication.translate(CONTEXT, UNEXPECTED).replace(
            "%1", error.__class__.__name__)
    QMessageBox.warning(parent, QCoreApplication.translate(CONTEXT, title), text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; default is No."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
