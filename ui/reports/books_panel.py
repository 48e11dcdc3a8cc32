"""The money book in Laporan: laba rugi, arus kas, piutang and utang for the picked period,
and the discount given per promotion.

Five tables that join the Laporan page's tabs. They are computed off the GUI thread after the
sales figures (``run_task``), for the same period; laba rugi holds the cost of goods, so it
is shown only to a user with ``cost_view``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTableWidget, QWidget

from app.customers import local_phone
from app.db import Database
from app.money import format_rupiah
from app.reports import books, periods
from app.reports.books_export import export_books
from app.reports.promotions import PromoDiscountRow, promotion_discounts
from ui.context import AppContext
from ui.messages import show_error
from ui.reports.widgets import fill_table, make_table
from ui.worker import Progress, run_task


@dataclass(frozen=True)
class BookFigures:
    """Everything the four tables show, computed together (one read snapshot)."""

    profit: books.ProfitLoss
    flow: list[books.CashDay]
    receivables: books.Aging
    payables: books.Aging
    promotions: list[PromoDiscountRow]


def compute(db: Database, period: periods.Period) -> BookFigures:
    """The money book's figures of ``period``; the aging lists as of its last day."""
    with db.read() as session:
        return BookFigures(books.profit_loss(session, period), books.cash_flow(session, period),
                           books.receivables(session, period.last), books.payables(session, period.last),
                           promotion_discounts(session, period))


class BooksPanel(QObject):
    """Owns the laba rugi, arus kas, piutang and utang tables of the Laporan page.

    sig_shown(object): the figures (:class:`BookFigures`) were put in the tables.
    """

    sig_shown = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = parent
        self.figures: BookFigures | None = None
        self.show_costs = False  # the page sets it from the user's cost_view
        self._request = 0
        self.profit = make_table([self.tr("Pos"), self.tr("Jumlah")])
        self.flow = make_table([self.tr("Tanggal"), self.tr("Laci masuk"), self.tr("Laci keluar"),
                                self.tr("Bank masuk"), self.tr("Bank keluar"), self.tr("Bersih")])
        aging = [self.tr("Nama"), self.tr("Telepon"), self.tr("Sisa"), self.tr("0–7 hari"),
                 self.tr("8–30 hari"), self.tr("> 30 hari")]
        self.receivables = make_table(aging)
        self.payables = make_table(aging)
        self.promotions = make_table([self.tr("Promo"), self.tr("Baris"), self.tr("Pesanan"),
                                      self.tr("Diskon diberikan")])

    def tabs(self) -> list[tuple[QTableWidget, str]]:
        """The tables with their tab titles, in order."""
        return [(self.profit, self.tr("Laba rugi")), (self.flow, self.tr("Arus kas")),
                (self.receivables, self.tr("Piutang (kasbon)")), (self.payables, self.tr("Utang pemasok")),
                (self.promotions, self.tr("Promo"))]

    def load(self, period: periods.Period) -> None:
        """Compute the figures of ``period`` off the GUI thread, then fill the tables."""
        self._request += 1
        request, db = self._request, self.ctx.db

        def work(_progress: Progress) -> BookFigures:
            return compute(db, period)

        def done(figures: Any) -> None:
            if request == self._request:
                self.show(figures)

        run_task(work, on_done=done, on_error=lambda exc: show_error(self.view, exc), owner=self.view)

    def show(self, figures: BookFigures) -> None:
        """Put computed figures in the four tables."""
        self.figures = figures
        fill_table(self.profit, self._profit_rows(figures.profit) if self.show_costs else [], {1})
        self._bold_totals()
        fill_table(self.flow, [(periods.format_date(d.day), *(format_rupiah(v) for v in (
            d.drawer_in, d.drawer_out, d.bank_in, d.bank_out, d.drawer_net + d.bank_net)))
            for d in reversed(figures.flow) if d.drawer_in or d.drawer_out or d.bank_in or d.bank_out],
            {1, 2, 3, 4, 5})
        for table, aging in ((self.receivables, figures.receivables), (self.payables, figures.payables)):
            rows = [(r.name, local_phone(r.phone), format_rupiah(r.balance),
                     *(format_rupiah(b) for b in r.buckets)) for r in aging.rows]
            rows.append((self.tr("Jumlah"), "", format_rupiah(aging.total),
                         *(format_rupiah(b) for b in aging.bucket_totals)))
            fill_table(table, rows, {2, 3, 4, 5})
        fill_table(self.promotions, [(r.name, str(r.lines), str(r.orders), format_rupiah(r.discount))
                                     for r in figures.promotions], {1, 2, 3})
        self.sig_shown.emit(figures)

    def _bold_totals(self) -> None:
        """Laba kotor and laba bersih stand out from the items above them."""
        totals = {self.tr("Laba kotor"), self.tr("Laba bersih")}
        for row in range(self.profit.rowCount()):
            first = self.profit.item(row, 0)
            if first is not None and first.text() in totals:
                for column in range(self.profit.columnCount()):
                    item = self.profit.item(row, column)
                    if item is not None:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)

    def _profit_rows(self, p: books.ProfitLoss) -> list[tuple[str, str]]:
        rows = [(self.tr("Penjualan bersih"), format_rupiah(p.net_sales)),
                (self.tr("HPP (harga pokok penjualan)"), format_rupiah(-p.cost_of_goods)),
                (self.tr("Laba kotor"), format_rupiah(p.gross_profit))]
        if p.other_income:
            rows.append((self.tr("Pembulatan & kode unik"), format_rupiah(p.other_income)))
        if p.dp_kept:
            rows.append((self.tr("Pendapatan lain: DP hangus (pesanan batal)"), format_rupiah(p.dp_kept)))
        rows += [(self.tr("Biaya: {0}").format(e.label), format_rupiah(-e.amount)) for e in p.expenses]
        rows.append((self.tr("Laba bersih"), format_rupiah(p.net_profit)))
        return rows

    def export_to(self, path: Path, kind: str, include_costs: bool, language: str) -> None:
        """Write the shown figures to ``path`` (pdf or xlsx) off the GUI thread."""
        figures = self.figures
        if figures is None:
            return
        run_task(lambda _p: export_books(figures.profit, figures.flow, figures.receivables,
                                         figures.payables, path, kind, include_costs=include_costs,
                                         language=language),
                 on_error=lambda exc: show_error(self.view, exc), owner=self.view)
