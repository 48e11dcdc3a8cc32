"""The orders list model: the shared table model (:mod:`ui.list_model`) over pages of
:mod:`app.order_queries`, fetched as the view scrolls (keyset: after the last row shown)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from app.clock import local, now_utc
from app.money import format_rupiah
from app.order_queries import OrderRow
from app.payments.queries import format_age
from contract.enums import ChannelKind, OrderKind, OrderStatus
from ui.list_model import Column, TableModel
from ui.orders.labels import kind_label, methods_label, status_label

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[tuple[datetime, int] | None, int], list[OrderRow]]
PAGE = 200
GREYED = (OrderStatus.VOID, OrderStatus.EXPIRED, OrderStatus.REJECTED, OrderStatus.CANCELLED)


class OrdersModel(TableModel[OrderRow]):
    """Orders newest first; more rows are fetched as the view scrolls (canFetchMore)."""

    def __init__(self, fetch: Fetch | None = None) -> None:
        super().__init__(key=lambda row: row.id)
        self._fetch: Fetch | None = fetch
        self._more = fetch is not None
        self._texts: dict[tuple[int, int], str] = {}  # the view asks each cell many times
        self.set_columns([
            Column(self.tr("No. pesanan"), lambda r: r.number),
            Column(self.tr("Waktu"), lambda r: local(r.created_at).strftime("%d/%m/%Y %H:%M")),
            Column(self.tr("Total"), lambda r: format_rupiah(r.total), numeric=True),
            Column(self.tr("Status"), self._status),
            Column(self.tr("Pembayaran"), lambda r: methods_label(r.methods)),
            Column(self.tr("Saluran"), lambda r: r.channel),
            Column(self.tr("Kasir"), lambda r: r.cashier),
        ])

    def reset(self, fetch: Fetch) -> None:
        """Start over with a new query; the first page loads at once."""
        self._fetch, self._more = fetch, True
        self._texts.clear()
        self.set_rows([])
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
        self.append_rows(page)

    def cell_text(self, row: int, column: int) -> str:
        """The cell's text, worked out once per loaded row."""
        text = self._texts.get((row, column))
        if text is None:
            text = self._texts[row, column] = super().cell_text(row, column)
        return text

    def _status(self, row: OrderRow) -> str:
        if row.kind == OrderKind.REFUND:
            return kind_label(row.kind)
        if row.kind == OrderKind.SALE and row.refunded:
            return self.tr("%1 · ada retur").replace("%1", status_label(row.status))
        if (row.kind == OrderKind.SALE and row.status == OrderStatus.PENDING
                and row.source != ChannelKind.ONLINE):
            # a counter sale: the goods left, the money is awaited (it never expires)
            return f"{status_label(row.status)} · {format_age(now_utc() - row.created_at)}"
        return status_label(row.status)

    def row_colour(self, row: OrderRow) -> str | None:
        """Refunds red, pending amber, void/expired grey."""
        if row.kind == OrderKind.REFUND:
            return "#b71c1c"
        if row.status == OrderStatus.PENDING:
            return "#8a5a00"
        return "#8a939c" if row.status in GREYED else None
