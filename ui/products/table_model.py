"""The lazy products table model: a row cache filled by pages of SQL.

Only the pages the view actually paints are fetched (``PAGE_SIZE`` rows) and at most
``MAX_PAGES`` are kept, so 100 000 products open at once without loading them.
The unfiltered catalog by name is counted with COUNT(*) and paged by offset straight
off the name index. Any other filter or sort runs one query for the ordered ids of the
matching products (a few hundred kB for 100 000) — one scan gives the count and the
order — and pages are then fetched by id.
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
    fetch_rows,
    is_plain,
    matching_ids,
)

PAGE_SIZE = 200
MAX_PAGES = 40
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = {"price", "cost", "on_hand", "min_stock"}
COST_COLUMN = COLUMNS.index("cost")
_LOW_BRUSH = QBrush(QColor("#c62828"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                    Qt.ItemDataRole.ForegroundRole, ID_ROLE, ROW_ROLE})
Index = QModelIndex | QPersistentModelIndex


class ProductTableModel(QAbstractTableModel):
    """Products matching a :class:`ProductFilter`, sorted by any column, fetched page by page."""

    def __init__(self, db: Database, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._db = db
        self._page_size = page_size
        self._show_cost = True
        self._filter = ProductFilter()
        self._sort = ProductSort()
        self._count = 0
        self._ids: list[int] | None = None
        self._pages: OrderedDict[int, list[tuple[ProductRow, tuple[str, ...]]]] = OrderedDict()
        self._published_text = {True: self.tr("Terbit"), False: self.tr("Belum")}
        self._headers = [self.tr("SKU"), self.tr("Barcode"), self.tr("Nama"), self.tr("Kategori"),
                         self.tr("Satuan"), self.tr("Harga jual"), self.tr("Harga pokok"),
                         self.tr("Stok"), self.tr("Minimum"), self.tr("PEKEN")]
        self.refresh()

    @property
    def product_filter(self) -> ProductFilter:
        """The filter in use."""
        return self._filter

    @property
    def show_cost(self) -> bool:
        """Whether the cost price column carries figures (``cost_view``)."""
        return self._show_cost

    def set_show_cost(self, show: bool) -> None:
        """Show or blank the cost price (a user without ``cost_view`` sees no figures)."""
        if show != self._show_cost:
            self._show_cost = show
            self.refresh()

    def set_filter(self, flt: ProductFilter) -> None:
        """Apply a new filter (recounts, drops the cache)."""
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Re-read the count and forget cached pages (after edits or a filter change)."""
        self.beginResetModel()
        self._pages.clear()
        self._load_ids()
        self.endResetModel()

    def _load_ids(self) -> None:
        with self._db.read() as session:
            if is_plain(self._filter, self._sort):
                self._ids = None
                self._count = count_products(session, self._filter)
            else:
                self._ids = matching_ids(session, self._filter, self._sort)
                self._count = len(self._ids)

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
            if section == COST_COLUMN and not self._show_cost:
                return ""
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def row_at(self, row: int) -> ProductRow | None:
        """The product shown on ``row`` (fetching its page when needed)."""
        cached = self._cached(row)
        return cached[0] if cached else None

    def _cached(self, row: int) -> tuple[ProductRow, tuple[str, ...]] | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, self._page_size)
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def _fetch(self, page_no: int) -> list[tuple[ProductRow, tuple[str, ...]]]:
        start = page_no * self._page_size
        with self._db.read() as session:
            if self._ids is None:
                rows = fetch_page(session, self._filter, self._sort, start, self._page_size)
            else:
                rows = fetch_rows(session, self._ids[start:start + self._page_size])
        page = [(r, self._texts(r)) for r in rows]
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, alignment, a red stock figure when low, and the product id (UserRole)."""
        if role not in _ROLES or not index.isValid():
            return None
        cached = self._cached(index.row())
        column = index.column()
        if cached is None or not 0 <= column < len(COLUMNS):
            return None
        row, texts = cached
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if COLUMNS[column] in _NUMERIC else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _LOW_BRUSH if COLUMNS[column] == "on_hand" and _is_low(row) else None
        return row.id if role == ID_ROLE else row

    def _texts(self, row: ProductRow) -> tuple[str, ...]:
        """Every column's display text, computed once per fetched row."""
        published = self._published_text[row.published]
        return (row.sku, row.barcode, row.name, row.category, row.unit, format_rupiah(row.price),
                format_rupiah(row.cost) if self._show_cost else "", format_qty(row.on_hand),
                format_qty(row.min_stock), published)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (done in SQL)."""
        if not 0 <= column < len(COLUMNS) or (column == COST_COLUMN and not self._show_cost):
            return
        new_sort = ProductSort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if new_sort == self._sort and self._count:
            return
        self._sort = new_sort
        self.layoutAboutToBeChanged.emit()
        self._pages.clear()
        self._load_ids()
        self.layoutChanged.emit()

    def product_id(self, row: int) -> int | None:
        """The id of the product on ``row``."""
        found = self.row_at(row)
        return found.id if found else None


def _is_low(row: ProductRow) -> bool:
    return row.min_stock > 0 and row.on_hand <= row.min_stock
