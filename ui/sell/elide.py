"""Long product names kept readable in a small space: wrapped by words, the last line elided
in the middle (the end of a name often carries its size, "… 2 L"); the quick grid's tiles
paint names this way and show the whole name in a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics


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
