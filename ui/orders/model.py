"""The orders list model: a thin, lazily paged adapter over :mod:`app.order_queries`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.clock import local, now_utc
from app.money import format_rupiah
from app.order_queries import OrderRow
from app.payments.service import format_age
from contract.enums import ChannelKind, OrderKind, OrderStatus
from ui.orders.labels import kind_label, methods_label, status_label

# Orders that ended without money: shown grey.
ENDED = frozenset({OrderStatus.VOID, OrderStatus.EXPIRED, OrderStatus.REJECTED, OrderStatus.CANCELLED})

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[tuple[datetime, int] | None, int], list[OrderRow]]
PAGE = 200
COLUMNS = ("number", "time", "total", "status", "methods", "channel", "cashier")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class OrdersModel(QAbstractTableModel):
    """Orders newest first; more rows are fetched as the view scrolls (canFetchMore)."""

    def __init__(self, fetch: Fetch | None = None) -> None:
        super().__init__()
        self.rows: list[OrderRow] = []
        self._fetch: Fetch | None = fetch
        self._more = fetch is not None
        self.headers = [self.tr("No. pesanan"), self.tr("Waktu"), self.tr("Total"),
                        self.tr("Status"), self.tr("Pembayaran"), self.tr("Saluran"),
                        self.tr("Kasir")]

    def reset(self, fetch: Fetch) -> None:
        """Start over with a new query; the first page loads at once."""
        self.beginResetModel()
        self.rows, self._fetch, self._more = [], fetch, True
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        """Whether another page may exist."""
        return not parent.isValid() and self._more and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """Load the next page after the last row shown."""
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        after = (self.rows[-1].created_at, self.rows[-1].id) if self.rows else None
        page = self._fetch(after, PAGE)
        self._more = len(page) == PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """Rows loaded so far."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """Seven columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, alignment and colour (refunds red, pending amber, void grey)."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "total":
            return int(RIGHT.value)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: OrderRow, column: str) -> str:
        if column == "number":
            return row.number
        if column == "time":
            return local(row.created_at).strftime("%d/%m/%Y %H:%M")
        if column == "channel":
            return row.channel
        if column == "cashier":
            return row.cashier
        if column == "methods":
            return methods_label(row.methods)
        if column == "status":
            if row.kind == OrderKind.REFUND:
                return kind_label(row.kind)
            if row.kind == OrderKind.SALE and row.refunded:
                return self.tr("%1 · ada retur").replace("%1", status_label(row.status))
            if (row.kind == OrderKind.SALE and row.status == OrderStatus.PENDING
                    and row.source != ChannelKind.ONLINE):
                # a counter sale: the goods left, the money is awaited (it never expires)
                return self.tr("Belum dibayar · %1").replace(
                    "%1", format_age(now_utc() - row.created_at))
            return status_label(row.status)
        return format_rupiah(row.total)

    def _colour(self, row: OrderRow) -> QBrush | None:
        if row.kind == OrderKind.REFUND:
            return QBrush(QColor("#b71c1c"))
        if row.status == OrderStatus.PENDING:
            return QBrush(QColor("#8a5a00"))
        if row.status in ENDED:
            return QBrush(QColor("#8a939c"))
        return None

    def row_at(self, index: Index) -> OrderRow | None:
        """The order shown at ``index``."""
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None
