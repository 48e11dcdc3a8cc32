"""The Pesanan page: every order (counter, event, and later PEKEN online), newest first.

Filters: a period (today, yesterday, 7/30 days, all, a date range), status (or refunds),
sales channel, and search by order number. The list pages itself as it scrolls. The
detail panel shows lines and payments; from there a paid sale can be returned
(:class:`RefundDialog`), a pending order voided, and the receipt printed again.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import shop
from app.errors import UserError
from app.money import format_number
from app.order_queries import (
    COUNT_CAP,
    OrderDetail,
    OrderFilter,
    OrderRow,
    count_orders,
    fetch_orders,
    load_detail,
)
from app.orders import void_pending
from contract.enums import PaymentMethod
from ui.admin.approval import ask_approval
from ui.context import AppContext
from ui.messages import show_error
from ui.orders.detail import OrderDetailPanel
from ui.orders.labels import STATUS_FILTERS, filter_label, method_label
from ui.orders.model import OrdersModel
from ui.orders.refund_dialog import RefundDialog
from ui.shop_dates import day_end_utc, day_start_utc, today_qdate

FIT_ROWS = 60  # the columns fit the first rows (about a screenful), however many are loaded
CELL_PADDING = 24  # a cell's margins and the header's (bold title, 8 px each side), in pixels
PERIODS = ("today", "yesterday", "7d", "30d", "all", "range")


class OrdersPage(QWidget):
    """Orders list with filters, the detail of the chosen order, and its actions."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.detail: OrderDetail | None = None
        self._fresh = False
        self.model = OrdersModel()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._list())
        splitter.addWidget(self._detail_side())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 600])  # the detail wide enough for whole product names
        layout.addWidget(splitter, 1)
        ctx.signals.sig_order_saved.connect(self._order_saved)
        self.reload()

    # -- building -------------------------------------------------------------------------
    def _filter_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period = QComboBox()
        for key, text in zip(PERIODS, (self.tr("Hari ini"), self.tr("Kemarin"),
                                       self.tr("7 hari terakhir"), self.tr("30 hari terakhir"),
                                       self.tr("Semua waktu"), self.tr("Rentang tanggal…")),
                             strict=True):
            self.period.addItem(text, key)
        today = today_qdate()
        self.from_date, self.to_date = QDateEdit(today.addDays(-7)), QDateEdit(today)
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self.reload)
        self.status = QComboBox()
        for status in STATUS_FILTERS:
            self.status.addItem(filter_label(status), status)
        self.channel = QComboBox()
        self._fill_channels()
        self.method = QComboBox()
        self.method.addItem(self.tr("Semua pembayaran"), None)
        for method in PaymentMethod:
            self.method.addItem(method_label(method), method.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nomor pesanan, mis. 0042"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.status.currentIndexChanged.connect(self.reload)
        self.channel.currentIndexChanged.connect(self.reload)
        self.method.currentIndexChanged.connect(self.reload)
        for widget in (self.period, self.from_date, self.to_date, self.status, self.channel,
                       self.method):
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        self._period_changed()
        return row

    def _fill_channels(self) -> None:
        self.channel.addItem(self.tr("Semua saluran"), None)
        with self.ctx.db.read() as session:
            for channel in shop.channels(session, active_only=False):
                self.channel.addItem(channel.name, channel.id)

    def _list(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fitted per query
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel("")
        self.count_label.setObjectName("hint")
        layout.addWidget(self.count_label)
        return holder

    def _detail_side(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel = OrderDetailPanel()
        layout.addWidget(self.panel, 1)
        row = QHBoxLayout()
        self.refund_button = QPushButton(self.tr("Retur / refund…"))
        self.void_button = QPushButton(self.tr("Batalkan pesanan…"))
        self.reprint_button = QPushButton(self.tr("Cetak ulang"))
        self.refund_button.clicked.connect(self.refund_selected)
        self.void_button.clicked.connect(self._void_clicked)
        self.reprint_button.clicked.connect(self._reprint_clicked)
        for button in (self.refund_button, self.void_button, self.reprint_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self._update_buttons()
        return holder

    # -- filters and list -----------------------------------------------------------------
    def _period_changed(self) -> None:
        is_range = self.period.currentData() == "range"
        self.from_date.setVisible(is_range)
        self.to_date.setVisible(is_range)
        self.reload()

    def current_filter(self) -> OrderFilter:
        """The filter chosen in the bar ("today" is the shop's day, whatever the PC's zone)."""
        today = today_qdate()
        starts = {"today": (today, today), "yesterday": (today.addDays(-1), today.addDays(-1)),
                  "7d": (today.addDays(-6), today), "30d": (today.addDays(-29), today),
                  "range": (self.from_date.date(), self.to_date.date())}
        since = until = None
        key = self.period.currentData()
        if key in starts:
            first, last = starts[key]
            since, until = day_start_utc(first), day_end_utc(last)
        return OrderFilter(since=since, until=until, status=self.status.currentData(),
                           channel_id=self.channel.currentData(), number=self.search.text(),
                           method=self.method.currentData())

    def reload(self, select_id: int | None = None) -> None:
        """Run the query again (keeping or choosing the selected order)."""
        if not hasattr(self, "table"):
            return
        self._fresh = True  # until the event loop turns: a show right now need not load again
        QTimer.singleShot(0, self._age)
        keep = select_id or (self.detail.id if self.detail else None)
        flt, db = self.current_filter(), self.ctx.db

        def fetch(after: tuple[datetime, int] | None, limit: int) -> list[OrderRow]:
            with db.read() as session:
                return fetch_orders(session, flt, after, limit)

        with db.read() as session:
            total = count_orders(session, flt, COUNT_CAP)
        self.model.reset(fetch)
        self._fit_columns()
        if total > COUNT_CAP:  # counting further would cost the whole history
            self.count_label.setText(self.tr("Lebih dari %1 pesanan").replace(
                "%1", format_number(COUNT_CAP)))
        else:
            self.count_label.setText(self.tr("%1 pesanan").replace("%1", str(total)))
        self.select_order(keep)

    def _fit_columns(self) -> None:
        """Each column as wide as its title and its text in the first rows, measured with the
        font from the texts the model keeps (not through the view's size hints, which ask every
        cell for every role each time a page arrives); the user can still drag them."""
        header = self.table.horizontalHeader()
        self.table.ensurePolished()  # the style sheet's fonts
        bold = QFont(header.font())
        bold.setBold(True)
        titles, cells = QFontMetrics(bold), QFontMetrics(self.table.font())
        shown = range(min(self.model.rowCount(), FIT_ROWS))
        for column in range(self.model.columnCount() - 1):  # the last one stretches
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max([titles.horizontalAdvance(title),
                         *(cells.horizontalAdvance(self.model.cell_text(r, column)) for r in shown)])
            header.resizeSection(column, width + CELL_PADDING)

    def select_order(self, order_id: int | None) -> None:
        """Select ``order_id`` in the list if it is shown; else clear the detail."""
        for row, order in enumerate(self.model.rows):
            if order.id == order_id:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                self.show_detail(order_id)
                return
        self.table.clearSelection()
        self.show_detail(None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        self.show_detail(row.id if row else None)

    def show_detail(self, order_id: int | None) -> None:
        """Load and show one order (None: nothing chosen)."""
        self.detail = None
        if order_id is not None:
            try:
                with self.ctx.db.read() as session:
                    self.detail = load_detail(session, order_id)
            except UserError:
                self.detail = None
        self.panel.show_order(self.detail)
        self._update_buttons()

    def _update_buttons(self) -> None:
        order = self.detail
        self.refund_button.setEnabled(bool(order and order.refundable))
        self.void_button.setEnabled(bool(order and order.voidable))
        self.reprint_button.setEnabled(order is not None)

    def _order_saved(self, order_id: int) -> None:
        self.reload(order_id or None)

    # -- actions --------------------------------------------------------------------------
    def refund_selected(self) -> RefundDialog | None:
        """Open the refund dialog for the chosen sale; after saving, the refund slip is
        printed (or previewed) and the detail stays on the sale that was refunded."""
        if self.detail is None or not self.detail.refundable:
            return None
        sale_id = self.detail.id
        dialog = RefundDialog(self.ctx, sale_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_ is not None:
            self.reload(sale_id)
            if self.detail is None or self.detail.id != sale_id:  # filtered out: show it anyway
                self.show_detail(sale_id)
            self.ctx.signals.sig_status.emit(self.tr("Retur %1 disimpan.")
                                             .replace("%1", dialog.result_.number))
            self.refund_slip(int(dialog.result_.order_id))
        return dialog

    def refund_slip(self, refund_id: int) -> None:
        """The refund slip (RETUR PENJUALAN): printed when a printer is set up, else its
        preview (Cetak / Simpan PDF) opens, like the receipt after a sale."""
        printer = self.ctx.printer
        if printer is None:
            return
        if printer.printer_configured():
            printer.print_order(refund_id)
            self.ctx.signals.sig_status.emit(self.tr("Nota retur dicetak."))
        else:
            printer.show_preview(refund_id, self)

    def void_selected(self, reason: str | None = None) -> bool:
        """Cancel the chosen pending order (asks a reason and, for a cashier, an owner's PIN)."""
        order = self.detail
        if order is None or not order.voidable:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Batalkan pesanan"),
                                              self.tr("Alasan membatalkan %1:").replace("%1", order.number))
            if not ok:
                return False
        if not reason.strip():
            show_error(self, UserError(self.tr("Tulis alasan pembatalan.")))
            return False
        approval = ask_approval(self, self.ctx, "void", order=order.number, reason=reason)
        if approval is None:
            return False
        try:
            with self.ctx.db.unit_of_work() as session:
                void_pending(session, order.id, reason, user_id=approval.user_id,
                             approved_by_id=approval.approved_by_id)
        except UserError as exc:
            show_error(self, exc)
            return False
        self.ctx.signals.sig_catalog_changed.emit()
        self.ctx.signals.sig_order_saved.emit(order.id)
        return True

    def _void_clicked(self) -> None:
        self.void_selected()

    def _reprint_clicked(self) -> None:
        if self.detail is not None:
            self.reprint_order(self.detail.id)

    def reprint_order(self, order_id: int) -> None:
        """Print the receipt of ``order_id`` again (a sale or a refund).

        Hook for the receipts feature: build the receipt for this order and send it
        to the configured printer, reporting failures without losing anything.
        """
        if self.ctx.printer is None:
            QMessageBox.information(self, self.tr("Cetak ulang"),
                                    self.tr("Printer belum siap. Buka ulang aplikasi."))
            return
        self.ctx.printer.show_preview(order_id, self, reprint=True)

    def showEvent(self, event: QShowEvent) -> None:
        """Refresh when the page is shown again (orders may have come in meanwhile), unless
        it was loaded in this same turn of the event loop (built and shown at once)."""
        super().showEvent(event)
        if not event.spontaneous() and not self._fresh:
            self.reload()

    def _age(self) -> None:
        self._fresh = False
