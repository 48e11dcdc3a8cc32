"""The Laporan page: pick a period, see KPI tiles, sales by hour, tables; export; shifts.

Figures are computed off the GUI thread (``run_task``); a newer request makes an
older result stale, so a fast click through periods never shows the wrong one.
Cost figures (gross profit, stock value at cost) are shown to the owner only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock, permissions, settings
from app.money import format_qty, format_rupiah
from app.reports import build_report_parallel, periods
from app.reports.export import export_report
from app.reports.figures import Report
from ui import i18n
from ui.context import AppContext
from ui.messages import show_error
from ui.reports.books_panel import BooksPanel
from ui.reports.chart import BarChart
from ui.reports.widgets import Tile, fill_table, make_table
from ui.shifts.bar import ShiftBar
from ui.shop_dates import from_qdate, to_qdate, today_qdate
from ui.worker import Progress, run_task

RANGES = ("today", "week", "month", "year", "custom")


class ReportsPage(QWidget):
    """Laporan: figures for today, this week, this month, this year or a picked range.

    sig_report_shown(object): a Report was put on screen (tests and screenshots wait on it).
    """

    sig_report_shown = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, autoload: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: Report | None = None
        self._request = 0
        self.show_costs = False  # apply_cost_view below asks the user's permission once
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        self.shift_bar = ShiftBar(ctx, self)
        status_row = QHBoxLayout()  # the status under the toolbar: the toolbar fits 1366 px
        status_row.addWidget(self.status)
        status_row.addSpacing(16)
        status_row.addWidget(self.shift_bar, 1)
        layout.addLayout(status_row)
        layout.addLayout(self._build_tiles())
        splitter = QSplitter()
        self.chart = BarChart(self.tr("Penjualan per jam ({0})").format(clock.zone_label()))
        self.chart.empty_text = self.tr("Belum ada penjualan pada periode ini.")
        splitter.addWidget(self.chart)
        self.methods = make_table([self.tr("Cara bayar"), self.tr("Transaksi"), self.tr("Penjualan"),
                                   self.tr("Retur"), self.tr("Bersih")], stretch=False)
        splitter.addWidget(self.methods)
        splitter.setSizes([640, 440])
        layout.addWidget(splitter, 3)
        layout.addWidget(self._build_tabs(), 3)
        self.apply_cost_view()
        ctx.signals.sig_user_changed.connect(self.on_user_changed)
        ctx.signals.sig_order_saved.connect(lambda _id: self.refresh())
        if autoload:
            self.refresh()

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        title = QLabel(self.tr("Laporan"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        bar.addWidget(title)
        self.range_box = QComboBox()
        for key, text in zip(RANGES, (self.tr("Hari ini"), self.tr("Minggu ini"), self.tr("Bulan ini"),
                                      self.tr("Tahun ini"), self.tr("Pilih tanggal…")), strict=True):
            self.range_box.addItem(text, key)
        self.range_box.setCurrentIndex(RANGES.index("month"))
        self.range_box.currentIndexChanged.connect(self._range_changed)
        today = today_qdate()
        self.date_from, self.date_to = QDateEdit(today.addDays(-6)), QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.clicked.connect(self.refresh)
        self.status = QLabel("")
        self.status.setStyleSheet("color: #37474f; font-weight: bold;")
        for widget in (self.range_box, QLabel(self.tr("dari")), self.date_from, QLabel(self.tr("s.d.")),
                       self.date_to, self.reload_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.export_buttons: dict[str, QPushButton] = {}
        for kind, text in (("csv", self.tr("Ekspor CSV")), ("xlsx", self.tr("Ekspor Excel")),
                           ("pdf", self.tr("Laporan PDF")), ("books", self.tr("Buku kas…"))):
            button = QPushButton(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, k=kind: self._ask_export(k))
            self.export_buttons[kind] = button
            bar.addWidget(button)
        return bar

    def _build_tiles(self) -> QGridLayout:
        grid = QGridLayout()
        self.tile_sales = Tile(self.tr("Penjualan bersih"))
        self.tile_orders = Tile(self.tr("Jumlah pesanan"))
        self.tile_basket = Tile(self.tr("Rata-rata belanja"))
        self.tile_refunds = Tile(self.tr("Retur"))
        self.tile_profit = Tile(self.tr("Laba kotor"))
        self.tile_stock = Tile(self.tr("Nilai stok (harga pokok)"))
        self.tile_peken = Tile(self.tr("Omzet PEKEN bulan ini"), with_bar=True)
        tiles = [self.tile_sales, self.tile_orders, self.tile_basket, self.tile_refunds,
                 self.tile_profit, self.tile_stock, self.tile_peken]
        for column, tile in enumerate(tiles):
            grid.addWidget(tile, 0, column)
        return grid

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.channels = make_table([self.tr("Saluran / acara"), self.tr("Jenis"), self.tr("Pesanan"),
                                    self.tr("Penjualan"), self.tr("Retur"), self.tr("Bersih")])
        product_headers = [self.tr("Produk"), self.tr("SKU"), self.tr("Terjual"), self.tr("Penjualan"),
                           self.tr("Laba kotor")]
        self.top = make_table(product_headers)
        self.slow = make_table([self.tr("Produk"), self.tr("SKU"), self.tr("Terjual"), self.tr("Stok"),
                                self.tr("Nilai stok")])
        self.low = make_table([self.tr("Produk"), self.tr("SKU"), self.tr("Stok"), self.tr("Minimum")])
        self.days = make_table([self.tr("Tanggal"), self.tr("Pesanan"), self.tr("Penjualan bersih")])
        for table, text in ((self.channels, self.tr("Saluran && acara")),
                            (self.top, self.tr("Produk terlaris")),
                            (self.slow, self.tr("Kurang laku")), (self.low, self.tr("Stok menipis")),
                            (self.days, self.tr("Per hari"))):
            self.tabs.addTab(table, text)
        self.books = BooksPanel(self.ctx, self)
        for table, text in self.books.tabs():
            self.tabs.addTab(table, text)
        return self.tabs

    # -- cost figures (cost_view) ---------------------------------------------------------

    def _cost_allowed(self) -> bool:
        with self.ctx.db.read() as session:
            return permissions.can_view_cost(session, self.ctx.user_id)

    def apply_cost_view(self) -> None:
        """Gross profit, cost of goods and stock value at cost only for a user with ``cost_view``."""
        self.show_costs = self._cost_allowed()
        for tile in (self.tile_profit, self.tile_stock):
            tile.setVisible(self.show_costs)
        self.top.setColumnHidden(4, not self.show_costs)
        self.slow.setColumnHidden(4, not self.show_costs)
        self.books.show_costs = self.show_costs  # laba rugi holds the cost of goods
        self.tabs.setTabVisible(self.tabs.indexOf(self.books.profit), self.show_costs)

    def on_user_changed(self) -> None:
        """Another user at the till: show or hide the cost figures, and reload."""
        self.apply_cost_view()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def current_period(self) -> periods.Period:
        """The period picked in the toolbar."""
        key = self.range_box.currentData()
        if key == "custom":
            first, last = self.date_from.date(), self.date_to.date()
            return periods.custom(from_qdate(first), from_qdate(last))
        makers = {"today": periods.today, "week": periods.this_week, "month": periods.this_month,
                  "year": periods.this_year}
        period = makers[key]()
        self._show_dates(period)
        return period

    def _show_dates(self, period: periods.Period) -> None:
        """The (disabled) date fields show the preset's own first and last day."""
        for edit, day in ((self.date_from, period.first), (self.date_to, period.last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _range_changed(self, _index: int) -> None:
        custom = self.range_box.currentData() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.refresh()

    def refresh(self) -> None:
        """Compute the figures of the picked period off the GUI thread, then show them."""
        try:
            period = self.current_period()
        except Exception as exc:
            show_error(self, exc)
            return
        self._request += 1
        request = self._request
        self.status.setText(self.tr("Menghitung…"))
        db = self.ctx.db

        def work(progress: Progress) -> Report:
            return build_report_parallel(db, period, step=progress)

        def done(report: Any) -> None:
            if request == self._request:
                self.show_report(report)

        def failed(exc: BaseException) -> None:
            if request == self._request:
                self.status.setText("")
                show_error(self, exc)

        run_task(work, on_done=done, on_error=failed, owner=self)

    def show_report(self, report: Report) -> None:
        """Put a computed report on screen."""
        self.report = report
        self.status.setText(report.period.title(i18n.current_language()))
        self._show_tiles(report)
        self.chart.set_data([f"{h:02d}" for h in range(24)], [r.net for r in report.by_hour],
                            self.tr("Penjualan per jam ({0}) — {1}").format(
                                clock.zone_label(), report.period.title(i18n.current_language())))
        fill_table(self.methods, [(i18n.method_name(r.method), str(r.payments), format_rupiah(r.sales),
                                   format_rupiah(r.refunds), format_rupiah(r.net))
                                  for r in report.by_method] + self._adjustment_rows(report),
                   {1, 2, 3, 4})
        self._show_tables(report)
        self.books.load(report.period)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.sig_report_shown.emit(report)

    def _adjustment_rows(self, report: Report) -> list[tuple[str, str, str, str, str]]:
        """The kode unik received on transfers (not in the transfer row: + income, − given back)
        and the cash rounding already inside the cash row, as rows under the methods."""
        t = report.totals
        return [(self.tr("Kode unik transfer"), "", format_rupiah(t.unique_codes), "",
                 format_rupiah(t.unique_codes)),
                (self.tr("Pembulatan (sudah di tunai)"), "", format_rupiah(t.rounding), "",
                 format_rupiah(t.rounding))]

    def _show_tiles(self, report: Report) -> None:
        t = report.totals
        self.tile_sales.show_value(format_rupiah(t.net_sales),
                                   self.tr("Kotor {0}").format(format_rupiah(t.gross_sales)))
        self.tile_orders.show_value(f"{t.orders:,}".replace(",", "."),
                                    self.tr("{0} barang").format(format_qty(t.items_sold)))
        self.tile_basket.show_value(format_rupiah(t.average_basket),
                                    self.tr("Diskon {0}").format(format_rupiah(t.discounts)))
        self.tile_refunds.show_value(format_rupiah(t.refunds),
                                     self.tr("{0} retur").format(t.refund_orders), warn=t.refunds > 0)
        self._show_cost_tiles(report)
        cap = report.peken
        self.tile_peken.show_value(
            format_rupiah(cap.turnover),
            self.tr("{0}% dari batas {1} — sisa {2}").format(cap.percent, format_rupiah(cap.cap),
                                                             format_rupiah(cap.remaining)),
            warn=cap.percent >= 90)
        if self.tile_peken.bar is not None:
            self.tile_peken.bar.setValue(min(100, cap.percent))

    def _show_cost_tiles(self, report: Report) -> None:
        """Gross profit and stock value at cost; blank (and hidden) without ``cost_view``."""
        if not self.show_costs:
            self.tile_profit.show_value("—")
            self.tile_stock.show_value("—")
            return
        t = report.totals
        self.tile_profit.show_value(format_rupiah(t.gross_profit),
                                    self.tr("Harga pokok {0}").format(format_rupiah(t.cost_of_goods)))
        self.tile_stock.show_value(format_rupiah(report.stock.at_cost),
                                   self.tr("{0} produk, harga jual {1}").format(
                                       report.stock.products_in_stock, format_rupiah(report.stock.at_price)))

    def _show_tables(self, report: Report) -> None:
        fill_table(self.channels, [(r.name, i18n.word(f"channel.{r.kind}"), str(r.orders),
                                    format_rupiah(r.sales), format_rupiah(r.refunds),
                                    format_rupiah(r.net)) for r in report.by_channel], {2, 3, 4, 5})
        top_rows = []
        for r in report.top_products:
            row = [r.name, r.sku, f"{format_qty(r.qty)} {r.unit}", format_rupiah(r.net)]
            row.append(format_rupiah(r.profit) if self.show_costs else "")
            top_rows.append(row)
        fill_table(self.top, top_rows, {2, 3, 4})
        fill_table(self.slow, [(r.name, r.sku, f"{format_qty(r.qty_sold)} {r.unit}",
                                f"{format_qty(r.on_hand)} {r.unit}",
                                format_rupiah(r.stock_value) if self.show_costs else "")
                               for r in report.slow_movers], {2, 3, 4})
        fill_table(self.low, [(r.name, r.sku, f"{format_qty(r.on_hand)} {r.unit}",
                               f"{format_qty(r.min_stock)} {r.unit}") for r in report.low_stock], {2, 3})
        fill_table(self.days, [(periods.format_date(r.key), str(r.orders), format_rupiah(r.net))
                               for r in reversed(report.by_day) if not isinstance(r.key, int)], {1, 2})

    # -- export ----------------------------------------------------------------------------

    def _ask_export(self, kind: str) -> None:
        if self.report is None:
            return
        if kind == "books":
            self._ask_books_export()
            return
        filters = {"csv": self.tr("CSV (*.csv)"), "xlsx": self.tr("Excel (*.xlsx)"),
                   "pdf": self.tr("PDF (*.pdf)")}
        name = f"laporan-{self.report.period.first:%Y%m%d}-{self.report.period.last:%Y%m%d}.{kind}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan"), name, filters[kind])
        if path:
            self.export_to(Path(path), kind)

    def _ask_books_export(self) -> None:
        """Laba rugi, arus kas, piutang and utang of the period as a PDF or an Excel file."""
        assert self.report is not None
        name = f"bukukas-{self.report.period.first:%Y%m%d}-{self.report.period.last:%Y%m%d}.pdf"
        pdf, xlsx = self.tr("PDF (*.pdf)"), self.tr("Excel (*.xlsx)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Simpan buku kas"), name,
                                                   f"{pdf};;{xlsx}")
        if path:
            kind = "xlsx" if chosen == xlsx or path.lower().endswith(".xlsx") else "pdf"
            with self.ctx.db.read() as session:
                language = str(settings.get(session, "receipt.language"))
            self.books.export_to(Path(path), kind, self.show_costs, language)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the shown report to ``path`` as csv, xlsx or pdf, off the GUI thread."""
        report = self.report
        if report is None:
            return
        costs = self.show_costs
        with self.ctx.db.read() as session:  # report files print in the receipts' language
            language = str(settings.get(session, "receipt.language"))
        self.status.setText(self.tr("Menyimpan {0}…").format(path.name))
        run_task(lambda _p: export_report(report, path, kind, include_costs=costs, language=language),
                 on_done=lambda _r: self.status.setText(self.tr("Tersimpan: {0}").format(path.name)),
                 on_error=lambda exc: show_error(self, exc), owner=self)
