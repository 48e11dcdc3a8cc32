"""Plain pages for sections that are not in this version yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.translate import QT_TRANSLATE_NOOP

NOT_AVAILABLE = QT_TRANSLATE_NOOP("PlaceholderPage", "Bagian ini belum tersedia di versi ini.")


class PlaceholderPage(QWidget):
    """A section that is not built yet, or failed to load, says so plainly."""

    def __init__(self, title: str, text: str = NOT_AVAILABLE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if text == NOT_AVAILABLE:
            text = QCoreApplication.translate("PlaceholderPage", NOT_AVAILABLE)
        self.setObjectName("placeholderPage")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("placeholderTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(text)
        body.setObjectName("placeholderText")
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(body)
        self.text = text
