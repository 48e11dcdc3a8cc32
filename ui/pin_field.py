"""The PIN input used by the login, the owner's approval, the user dialogs and the set-up wizard.

Qt only (no database layer): the login dialog is built before SQLAlchemy is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit


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
