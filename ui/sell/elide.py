"""Long product names kept readable in a small space: wrapped by words, the last line elided
in the middle (the end of a name often carries its size, "… 2 L"), the whole name in a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def fit_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> str:
    """``text`` wrapped into at most ``max_lines`` lines of ``width`` px; the last one elided."""
    if width <= 0 or max_lines <= 0:
        return text
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if metrics.horizontalAdvance(line) > width:  # one word wider than the room
            words.insert(0, line)
            break
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideMiddle, width))
    return "\n".join(lines)


class ElidingLabel(QLabel):
    """A label showing as much of its text as fits in ``max_lines``; the whole text as tooltip.

    It never asks for more width than it gets, so a long name cannot widen its parent.
    """

    def __init__(self, text: str, max_lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = text
        self.max_lines = max_lines
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._refit()

    def set_full_text(self, text: str) -> None:
        """Change the text (and tooltip)."""
        self.full_text = text
        self.setToolTip(text)
        self._refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the text to the new width."""
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = fit_lines(self.full_text, self.fontMetrics(), room, self.max_lines)
        if shown != self.text():
            self.setText(shown)

    def minimumSizeHint(self) -> QSize:
        """Any width; the height of ``max_lines`` lines."""
        hint = super().minimumSizeHint()
        hint.setWidth(0)
        return hint
