"""The lazy products table model: a row cache filled by pages of SQL, counted with COUNT(*).

Only the pages the view actually paints are fetched (``PAGE_SIZE`` rows by offset with
the current filter and sort), and at most ``MAX_PAGES`` are kept, so 100 000 products
open at once without loading them.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.db import Database
from app.money import format_qty, format_rupiah
from app.product_queries import (
    COLUMNS,
    ProductFilter,
    ProductRow,
    ProductSort,
    count_products,
    fetch_page,
)

PAGE_SIZE = 200
MAX_PAGES = 40
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = {"price", "cost", "on_hand", "min_stock"}
_LOW = QColor("#c62828")
Index = QModelIndex | QPersistentModelIndex


class ProductTableModel(QAbstractTableModel):
    """Products matching a :class:`ProductFilter`, sorted by any column, fetched page by page."""

    def __init__(self, db: Database, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._db = db
        self._page_size = page_size
        self._filter = ProductFilter()
        self._sort = ProductSort()
        self._count = 0
        self._pages: OrderedDict[int, list[ProductRow]] = OrderedDict()
        self._headers = [self.tr("SKU"), self.tr("Barcode"), self.tr("Nama"), self.tr("Kategori"),
                         self.tr("Satuan"), self.tr("Harga jual"), self.tr("Harga pokok"),
                         self.tr("Stok"), self.tr("Minimum"), self.tr("PEKEN")]
        self.refresh()

    @property
    def product_filter(self) -> ProductFilter:
        """The filter in use."""
        return self._filter

    def set_filter(self, flt: ProductFilter) -> None:
        """Apply a new filter (recounts, drops the cache)."""
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Re-read the count and forget cached pages (after edits or a filter change)."""
        self.beginResetModel()
        self._pages.clear()
        with self._db.read() as session:
            self._count = count_products(session, self._filter)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """Number of matching products (0 under any parent: this is a flat table)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """Ten columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles; row numbers on the vertical header."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def row_at(self, row: int) -> ProductRow | None:
        """The product shown on ``row`` (fetching its page when needed)."""
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, self._page_size)
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def _fetch(self, page_no: int) -> list[ProductRow]:
        with self._db.read() as session:
            page = fetch_page(session, self._filter, self._sort, page_no * self._page_size,
                              self._page_size)
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, alignment, a red stock figure when low, and the product id (UserRole)."""
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == "on_hand" and _is_low(row):
            return QBrush(_LOW)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: ProductRow, column: str) -> str:
        if column in ("price", "cost"):
            return format_rupiah(row.price if column == "price" else row.cost)
        if column in ("on_hand", "min_stock"):
            return format_qty(row.on_hand if column == "on_hand" else row.min_stock)
        if column == "published":
            return self.tr("Terbit") if row.published else self.tr("Belum")
        return str(getattr(row, column))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (done in SQL)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = ProductSort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._pages.clear()
        self.layoutChanged.emit()

    def product_id(self, row: int) -> int | None:
        """The id of the product on ``row``."""
        found = self.row_at(row)
        return found.id if found else None


def _is_low(row: ProductRow) -> bool:
    return row.min_stock > 0 and row.on_hand <= row.min_stock
