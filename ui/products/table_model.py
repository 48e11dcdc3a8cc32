"""The lazy products table model: a row cache filled by pages of SQL.

Built on :class:`ui.list_model.TableModel` (columns define titles, alignment and colour);
only storage is lazy: the pages the view actually paints are fetched (``PAGE_SIZE`` rows,
each row's texts computed once) and at most ``MAX_PAGES`` are kept, so a million products
open at once without loading them. The unfiltered catalog by name is counted with
COUNT(*) and paged by offset straight off the name index. Any other filter or sort runs
one query for the ordered ids of the matching products (a few hundred kB for 100 000) —
one scan gives the count and the order — and pages are then fetched by id.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, Qt

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
from ui.list_model import KEY_ROLE, ROW_ROLE, Column, Index, TableModel

PAGE_SIZE = 200
MAX_PAGES = 40
ID_ROLE = KEY_ROLE
COST_COLUMN = COLUMNS.index("cost")
__all__ = ["COST_COLUMN", "ID_ROLE", "MAX_PAGES", "PAGE_SIZE", "ROW_ROLE", "ProductTableModel"]
_Page = list[tuple[ProductRow, tuple[str, ...]]]
_LOW = "#c62828"


class ProductTableModel(TableModel[ProductRow]):
    """Products matching a :class:`ProductFilter`, sorted by any column, fetched page by page."""

    def __init__(self, db: Database, page_size: int = PAGE_SIZE) -> None:
        super().__init__(key=lambda r: r.id)
        self._db = db
        self._page_size = page_size
        self._show_cost = True
        self._filter = ProductFilter()
        self._sort = ProductSort()
        self._count = 0
        self._ids: list[int] | None = None
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._published_text = {True: self.tr("Terbit"), False: self.tr("Belum")}
        self.set_columns(self._make_columns())
        self.refresh()

    def _make_columns(self) -> list[Column[ProductRow]]:
        cost = self.tr("Harga pokok") if self._show_cost else ""
        return [
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Barcode"), lambda r: r.barcode),
            Column(self.tr("Nama"), self._name),
            Column(self.tr("Kategori"), lambda r: r.category),
            Column(self.tr("Satuan"), lambda r: r.unit),
            Column(self.tr("Harga jual"), lambda r: format_rupiah(r.price), numeric=True),
            Column(cost, lambda r: format_rupiah(r.cost) if self._show_cost else "", numeric=True),
            Column(self.tr("Stok"), lambda r: format_qty(r.on_hand), numeric=True,
                   colour=lambda r: _LOW if _is_low(r) else None),
            Column(self.tr("Minimum"), lambda r: format_qty(r.min_stock), numeric=True),
            Column(self.tr("PEKEN"), lambda r: self._published_text[r.published]),
        ]

    def _name(self, row: ProductRow) -> str:
        """A variant parent with its variant count; a variant indented under it."""
        if row.variants:
            return self.tr("%s (%d varian)") % (row.name, row.variants)
        return f"↳ {row.name}" if row.parent_id is not None else row.name

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
            self.set_columns(self._make_columns())
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

    # ---- the lazy storage hooks of TableModel -------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """Number of matching products (0 under any parent: this is a flat table)."""
        return 0 if parent.isValid() else self._count

    def row_at(self, row: int) -> ProductRow | None:
        """The product shown on ``row`` (fetching its page when needed)."""
        cached = self._cached(row)
        return cached[0] if cached else None

    def cell_text(self, row: int, column: int) -> str:
        """The text computed when the row's page was fetched."""
        cached = self._cached(row)
        return cached[1][column] if cached else ""

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

    def _fetch(self, page_no: int) -> _Page:
        start = page_no * self._page_size
        with self._db.read() as session:
            if self._ids is None:
                rows = fetch_page(session, self._filter, self._sort, start, self._page_size)
            else:
                rows = fetch_rows(session, self._ids[start:start + self._page_size])
        columns = self._columns
        page = [(r, tuple(c.text(r) for c in columns)) for r in rows]
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

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
