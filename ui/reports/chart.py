"""A bar chart painted with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.money import format_rupiah


def short_rupiah(amount: int) -> str:
    """Compact rupiah for axis labels: ``1,2 jt``, ``850 rb``, ``0``."""
    value = abs(amount)
    sign = "-" if amount < 0 else ""
    if value >= 1_000_000_000:
        text = f"{value / 1_000_000_000:.1f} M"
    elif value >= 1_000_000:
        text = f"{value / 1_000_000:.1f} jt"
    elif value >= 1_000:
        return f"{sign}{value // 1000} rb"
    else:
        return f"{sign}{value}"
    return sign + text.replace(".0 ", " ").replace(".", ",")


def nice_step(peak: int, ticks: int = 4) -> int:
    """A round gridline step (1, 2, 2.5 or 5 × 10ⁿ) so ``ticks`` lines cover ``peak``."""
    if peak <= 0:
        return 1
    raw = peak / ticks
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        step = int(factor * magnitude)
        if step >= raw:
            return max(step, 1)
    return int(10 * magnitude)


class BarChart(QWidget):
    """Vertical bars with a rupiah axis, gridlines and sparse category labels."""

    BAR = QColor("#2e7d32")
    NEGATIVE = QColor("#c62828")

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.values: list[int] = []
        self.empty_text = ""
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], values: list[int], title: str | None = None) -> None:
        """Show these bars (one value per label) and repaint."""
        self.labels, self.values = list(labels), list(values)
        if title is not None:
            self.title = title
        self.setToolTip("\n".join(f"{k}: {format_rupiah(v)}" for k, v in zip(labels, values, strict=True)
                                  if v))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw title, gridlines with labels, bars and category labels."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#263238"))
        painter.drawText(QRectF(12, 6, self.width() - 24, 22), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        plot = QRectF(64, 34, self.width() - 80, self.height() - 62)
        peak = max([0, *self.values])
        if peak <= 0:
            painter.setPen(QColor("#78909c"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        step = nice_step(peak)
        top = step * -(-peak // step)
        self._grid(painter, plot, step, top)
        self._bars(painter, plot, top)
        painter.end()

    def _grid(self, painter: QPainter, plot: QRectF, step: int, top: int) -> None:
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(QColor("#e0e0e0"), 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(QColor("#546e7a"))
            painter.drawText(QRectF(0, y - 9, plot.left() - 8, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             short_rupiah(value))

    def _bars(self, painter: QPainter, plot: QRectF, top: int) -> None:
        count = max(1, len(self.values))
        slot = plot.width() / count
        every = max(1, int(36 // slot) + 1) if slot < 36 else 1
        for i, value in enumerate(self.values):
            height = plot.height() * max(value, 0) / top
            bar = QRectF(plot.left() + i * slot + slot * 0.15, plot.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, self.BAR if value >= 0 else self.NEGATIVE)
            if i % every == 0:
                painter.setPen(QColor("#546e7a"))
                painter.drawText(QRectF(plot.left() + i * slot - 10, plot.bottom() + 4, slot + 20, 18),
                                 Qt.AlignmentFlag.AlignHCenter, self.labels[i])
