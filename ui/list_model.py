"""The one table-model base: read-mostly Qt tables driven by column definitions.

A table is a list of :class:`Column` (title, how to turn a row into text, right-aligned
or not, optional text/background colour, optional edit) over rows of one type::

    model = TableModel([
        Column(tr("Nama"), lambda r: r.name),
        Column(tr("Harga"), lambda r: format_rupiah(r.price), numeric=True),
    ], rows, key=lambda r: r.id)

What the view asks for is answered from the columns:

* ``DisplayRole``/``EditRole`` — ``column.text(row)``;
* ``ToolTipRole`` — ``column.tooltip(row)`` when the column has one (None: no tooltip; see
  :func:`no_tooltip`), else the cell text;
* ``TextAlignmentRole`` — right and centred for ``numeric`` columns;
* ``ForegroundRole`` — ``column.colour(row)``, else :meth:`TableModel.row_colour`;
* ``BackgroundRole`` — ``column.background(row)``;
* ``KEY_ROLE`` (``UserRole``) — ``key(row)`` (e.g. the id), ``ROW_ROLE`` — the row itself.

A column with ``edit`` is editable: ``setData`` hands it the typed text and the row, and
the edit returns False to refuse it.

Rows live in a Python list by default (:meth:`TableModel.set_rows`, :meth:`~TableModel.append_rows`
for ``canFetchMore`` paging). A lazy model that fetches rows on demand overrides the three
storage hooks :meth:`~TableModel.rowCount`, :meth:`~TableModel.row_at` and, to cache texts,
:meth:`~TableModel.cell_text` (see ``ui.products.table_model``). Every model built on
this base is checked by ``qtmodeltester`` in the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole(Qt.ItemDataRole.UserRole + 1)
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole})
_ROLES = _TEXT_ROLES | {Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                        KEY_ROLE, ROW_ROLE}
_COLOUR_ROLES = frozenset({Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole})
_BRUSHES: dict[str, QBrush] = {}
_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE = _FLAGS | Qt.ItemFlag.ItemIsEditable


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its title and how a row shows in it.

    ``text`` gives the cell text; ``numeric`` right-aligns it; ``colour`` and ``background``
    give a colour name (``"#c62828"``) or None; ``edit(row, typed_text)`` makes the column
    editable and stores the value, returning False to refuse it; ``tooltip`` gives the
    tooltip instead of the cell text (asked on hover only, never while painting).
    """

    title: str
    text: Callable[[T], str]
    numeric: bool = False
    colour: Callable[[T], str | None] | None = None
    background: Callable[[T], str | None] | None = None
    edit: Callable[[T, str], bool] | None = None
    tooltip: Callable[[T], str | None] | None = None


def no_tooltip(_row: object) -> None:
    """A ``Column.tooltip`` for a column that shows no tooltip."""
    return None


def brush(colour: str | None) -> QBrush | None:
    """A shared brush for a colour name (None stays None)."""
    if not colour:
        return None
    found = _BRUSHES.get(colour)
    if found is None:
        found = _BRUSHES[colour] = QBrush(QColor(colour))
    return found


class TableModel(QAbstractTableModel, Generic[T]):
    """A table of rows of one type shown through :class:`Column` definitions."""

    def __init__(self, columns: Sequence[Column[T]] = (), rows: Sequence[T] = (),
                 key: Callable[[T], object] | None = None) -> None:
        super().__init__()
        self._columns: list[Column[T]] = list(columns)
        self._editable, self._colour_roles = self._column_facts()
        self._rows: list[T] = list(rows)
        self._key = key

    # ---- content ----------------------------------------------------------------------------
    @property
    def columns(self) -> list[Column[T]]:
        """The columns shown (replace them with :meth:`set_columns`)."""
        return self._columns

    @property
    def rows(self) -> list[T]:
        """The rows of a list-backed model (do not add or remove; use set_rows/append_rows)."""
        return self._rows

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        """Replace the columns (e.g. translated titles built after ``__init__``)."""
        self.beginResetModel()
        self._columns = list(columns)
        self._editable, self._colour_roles = self._column_facts()
        self.endResetModel()

    def _column_facts(self) -> tuple[frozenset[int], frozenset[int]]:
        """The editable columns, and the colour roles worth answering: a model without
        colours refuses them at once (a view asks them for every painted cell)."""
        editable = frozenset(n for n, c in enumerate(self._columns) if c.edit is not None)
        roles: set[int] = set()
        if type(self).row_colour is not TableModel.row_colour \
                or any(c.colour for c in self._columns):
            roles.add(int(Qt.ItemDataRole.ForegroundRole))
        if any(c.background for c in self._columns):
            roles.add(int(Qt.ItemDataRole.BackgroundRole))
        return editable, frozenset(roles)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[T]) -> None:
        """Add rows at the end (a next page for ``fetchMore``)."""
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def refresh_rows(self, first: int = 0, last: int | None = None) -> None:
        """Tell the views that rows ``first``…``last`` changed in place (all by default)."""
        last = self.rowCount() - 1 if last is None else last
        if self._columns and 0 <= first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    # ---- storage hooks (a lazy model overrides these) -----------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """Number of rows (0 under any parent: the table is flat)."""
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> T | None:
        """The row object shown on ``row``, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cell_text(self, row: int, column: int) -> str:
        """The text of one cell (``row`` exists; a lazy model may return cached text)."""
        item = self.row_at(row)
        return "" if item is None else self._columns[column].text(item)

    def row_colour(self, row: T) -> str | None:
        """A text colour for a whole row when its column gives none (default: none)."""
        return None

    def key_at(self, row: int) -> object:
        """What identifies the row (``key(row)``, e.g. its id), or None."""
        item = self.row_at(row)
        return None if item is None or self._key is None else self._key(item)

    # ---- Qt ---------------------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """Number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles; row numbers on the vertical header."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Answer a role for a cell from its column (see the module docstring)."""
        if role not in _ROLES or (role in _COLOUR_ROLES and role not in self._colour_roles) \
                or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= c < len(self._columns) and 0 <= r < self.rowCount()):
            return None
        if role in _TEXT_ROLES:
            return self.cell_text(r, c)
        column = self._columns[c]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else None
        if role == KEY_ROLE:
            return self.key_at(r)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is None:
            return self.cell_text(r, c)
        item = self.row_at(r)
        if item is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return brush(column.colour(item) if column.colour else self.row_colour(item))
        if role == Qt.ItemDataRole.BackgroundRole:
            return brush(column.background(item)) if column.background else None
        return item  # ROW_ROLE

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Enabled and selectable; editable where the column has an ``edit`` (asked per painted cell:
        a set lookup, no call into Qt)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE if index.column() in self._editable else _FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand typed text to the column's ``edit``; the view repaints when it is taken."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or not 0 <= index.column() < len(self._columns):
            return False
        edit, item = self._columns[index.column()].edit, self.row_at(index.row())
        if edit is None or item is None or not edit(item, str(value)):
            return False
        self.refresh_rows(index.row(), index.row())
        return True
