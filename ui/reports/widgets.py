"""Small building blocks of the Laporan page: KPI tiles and read-only tables."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NUMERIC = object()


class Tile(QFrame):
    """A KPI tile: a caption, a big value and a small note (optionally a progress bar)."""

    def __init__(self, caption: str, parent: QWidget | None = None, *, with_bar: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#kpiTile { background: #ffffff; border: 1px solid #cfd8dc; "
                           "border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #546e7a;")
        self.caption.setWordWrap(True)  # a long (English) caption takes two lines, not more width
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 20px; font-weight: 600; color: #263238;")
        self.note = QLabel("")
        self.note.setStyleSheet("color: #78909c;")
        self.note.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        self.bar: QProgressBar | None = None
        if with_bar:
            self.bar = QProgressBar()
            self.bar.setTextVisible(False)
            self.bar.setMaximumHeight(8)
            layout.addWidget(self.bar)
        layout.addWidget(self.note)

    def show_value(self, value: str, note: str = "", *, warn: bool = False) -> None:
        """Set the value (red when ``warn``) and the note."""
        colour = "#c62828" if warn else "#263238"
        self.value.setStyleSheet(f"font-size: 20px; font-weight: 600; color: {colour};")
        self.value.setText(value)
        self.note.setText(note)


def make_table(headers: Sequence[str], *, stretch: bool = True) -> QTableWidget:
    """A read-only, sortable table with the given column headers.

    ``stretch``: the first column takes the spare width (long product names elide). Without
    it every column is as wide as its title and figures, and the table never gets narrower
    than that (a title squeezed into a stretched column was cut to "nent met").
    """
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
        fit_columns(table)
    table.setProperty("fitColumns", not stretch)
    return table


def fit_columns(table: QTableWidget) -> None:
    """Make ``table`` at least as wide as all its column titles and cells side by side."""
    table.ensurePolished()
    header = table.horizontalHeader()
    need = sum(max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
               for c in range(table.columnCount()))
    table.setMinimumWidth(need + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width())


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], numeric: set[int]) -> None:
    """Replace the rows; columns in ``numeric`` are right-aligned."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    if table.property("fitColumns"):
        fit_columns(table)
