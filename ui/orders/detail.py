"""The detail panel of the Pesanan page: header, lines, payments, totals and refunds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, now_utc
from app.money import format_qty, format_rupiah
from app.order_queries import LineView, OrderDetail
from app.payments.queries import format_age
from ui.orders.labels import kind_label, method_label, payment_status_label, status_label

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)  # a long product name takes two lines rather than "Batik Tul…"
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c > 0:
                item.setTextAlignment(RIGHT)
            else:
                item.setToolTip(value)  # the whole name, however narrow the column
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def _line_name(line: LineView) -> str:
    """The product's name, and under it the wholesale tier that priced the line, if any."""
    return f"{line.name}\n{line.price_note}" if line.price_note else line.name


class OrderDetailPanel(QFrame):
    """Shows one order; empty until an order is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDetail")
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Pilih pesanan di daftar untuk melihat rinciannya."))
        self.title.setObjectName("dialogHeading")
        self.title.setWordWrap(True)
        self.meta = QLabel("")
        self.meta.setObjectName("hint")
        self.meta.setWordWrap(True)
        self.lines = _table([self.tr("Barang"), self.tr("Jumlah"), self.tr("Harga"),
                             self.tr("Diskon"), self.tr("Total"), self.tr("Diretur")])
        self.payments = _table([self.tr("Pembayaran"), self.tr("Jumlah", "amount of money"),
                                self.tr("Status"), self.tr("Referensi")])
        self.payments.setMaximumHeight(110)
        self.totals = QLabel("")
        self.totals.setObjectName("smallValue")
        self.totals.setAlignment(RIGHT)
        self.extra = QLabel("")
        self.extra.setWordWrap(True)
        for widget in (self.title, self.meta, self.lines, self.payments, self.totals, self.extra):
            layout.addWidget(widget)
        layout.setStretch(2, 1)
        self.show_order(None)

    def show_order(self, order: OrderDetail | None) -> None:
        """Show ``order`` (None: the empty state)."""
        for widget in (self.meta, self.lines, self.payments, self.totals, self.extra):
            widget.setVisible(order is not None)
        if order is None:
            self.title.setText(self.tr("Pilih pesanan di daftar untuk melihat rinciannya."))
            return
        status = status_label(order.status)
        if order.unpaid_counter_sale:  # the goods left; it waits for its money, never expires
            status = self.tr("Belum dibayar · %1").replace(
                "%1", format_age(now_utc() - order.created_at))
        self.title.setText(f"{kind_label(order.kind)} {order.number} · {status}")
        self.meta.setText(self._meta(order))
        # a pack line reads as sold ("2 dus (80 pcs)" at the dus price); a tier its note below the name
        _fill(self.lines, [[_line_name(line), line.qty_text,
                            format_rupiah(line.unit_price),
                            format_rupiah(line.discount) if line.discount else "",
                            format_rupiah(line.total),
                            format_qty(line.refunded) if line.refunded else ""]
                           for line in order.lines])
        # empty columns take no room from the names
        self.lines.setColumnHidden(3, not any(line.discount for line in order.lines))
        self.lines.setColumnHidden(5, order.kind != "sale" or not any(line.refunded
                                                                     for line in order.lines))
        _fill(self.payments, [[method_label(p.method), format_rupiah(p.amount + p.unique_code),
                               payment_status_label(p.status), p.reference]
                              for p in order.payments])
        self.totals.setText(self._totals(order))
        self.extra.setText(self._extra(order))

    def _meta(self, order: OrderDetail) -> str:
        parts = [local(order.created_at).strftime("%d/%m/%Y %H:%M")]
        if order.channel:
            parts.append(order.channel)
        if order.cashier:
            parts.append(self.tr("Kasir: %1").replace("%1", order.cashier))
        if order.refund_of:
            parts.append(self.tr("Retur dari %1").replace("%1", order.refund_of))
        return " · ".join(parts)

    def _totals(self, order: OrderDetail) -> str:
        parts = []
        if order.discount:
            parts.append(self.tr("Subtotal %1 · Diskon %2").replace(
                "%1", format_rupiah(order.subtotal)).replace("%2", format_rupiah(order.discount)))
        parts.append(self.tr("Total %1").replace("%1", format_rupiah(order.total)))
        if order.rounding:
            parts.append(self.tr("Pembulatan %1 · dibayar %2").replace(
                "%1", format_rupiah(order.rounding)).replace(
                "%2", format_rupiah(order.total + order.rounding)))
        if order.tax:
            parts.append(self.tr("termasuk PPN %1").replace("%1", format_rupiah(order.tax)))
        return " · ".join(parts)

    def _extra(self, order: OrderDetail) -> str:
        lines = []
        if order.reason:
            lines.append(self.tr("Alasan: %1").replace("%1", order.reason))
        if order.note:
            lines.append(self.tr("Catatan: %1").replace("%1", order.note))
        for r in order.refunds:
            lines.append(self.tr("Retur %1 (%2): %3 — %4").replace("%1", r.number)
                         .replace("%2", local(r.created_at).strftime("%d/%m %H:%M"))
                         .replace("%3", format_rupiah(-r.total)).replace("%4", r.reason))
        return "\n".join(lines)
