"""A base for small read-only table models over a Python list of row objects.

Subclasses set ``headers`` and implement :meth:`ListTableModel.cell_text`; colour,
alignment and the id behind a row are optional hooks. ``qtmodeltester`` checks every
subclass in the tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of one kind; ``set_rows`` replaces them all."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Row] = ()) -> None:
        super().__init__()
        self.headers = list(headers)
        self.rows: list[Row] = list(rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """Number of rows."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """Number of columns (one per header)."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Dispatch a cell to the hooks below."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.row_colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return self.row_key(row)
        return None

    def cell_text(self, row: Row, column: int) -> str:
        """The text of one cell (subclasses implement)."""
        raise NotImplementedError

    def row_colour(self, row: Row) -> str | None:
        """A text colour for the whole row, or None."""
        return None

    def row_key(self, row: Row) -> object:
        """What ``UserRole`` returns for the row (e.g. its id), or None."""
        return None
