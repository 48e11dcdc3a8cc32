"""Screenshots of the Laporan part for ``make screenshots``: the dashboard, a shift close and
the PDF report rendered to PNG. Each function renders one screen to ``out_dir/name``."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import time
from pathlib import Path

import pypdfium2

from app.clock import at_shop_time, now_utc, today
from app.drawer import DENOMINATIONS
from app.reports import build_report, this_month
from app.reports.books_export import export_books
from app.reports.pdf import to_pdf
from app.shifts import current_shift, open_shift, shift_cash
from ui import screenshots
from ui.context import AppContext
from ui.reports import books_panel
from ui.reports.page import ReportsPage
from ui.sell.screens import _window
from ui.shifts.close_dialog import CloseShiftDialog


def dashboard(ctx: AppContext, out_dir: Path) -> None:
    """The Laporan page on "Bulan ini"."""
    page = ReportsPage(ctx, autoload=False)
    page.resize(1440, 900)
    with ctx.db.read() as session:  # the toolbar's preset ("Bulan ini"), its dates shown
        page.show_report(build_report(session, page.current_period()))
    screenshots.save_window(page, out_dir / "reports_dashboard.png")


def reports_laptop(ctx: AppContext, out_dir: Path) -> None:
    """Laporan in the main window on a 1366×768 laptop, this month's report shown."""
    window, _screen = _window(ctx)
    page = window.page("Laporan")
    assert isinstance(page, ReportsPage)
    with ctx.db.read() as session:  # the toolbar's preset ("Bulan ini"), its dates shown
        page.show_report(build_report(session, page.current_period()))
    screenshots.save_window(window, out_dir / "reports_1366.png", screenshots.WINDOW_SIZE)


def profit_loss(ctx: AppContext, out_dir: Path) -> None:
    """Laporan on the owner's "Laba rugi" tab for this month (the money book)."""
    page = ReportsPage(ctx, autoload=False)
    page.resize(1366, 768)
    period = page.current_period()  # the toolbar's preset ("Bulan ini"), its dates shown
    with ctx.db.read() as session:
        page.show_report(build_report(session, period))
    page.books.show(books_panel.compute(ctx.db, period))
    page.tabs.setCurrentWidget(page.books.profit)
    screenshots.save_window(page, out_dir / "reports_profit_loss.png")


def books_pdf(ctx: AppContext, out_dir: Path) -> None:
    """The money book's PDF (laba rugi, arus kas, piutang, utang) for this month, page 1."""
    figures = books_panel.compute(ctx.db, this_month())
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = export_books(figures.profit, figures.flow, figures.receivables, figures.payables,
                                Path(tmp) / "bukukas.pdf", "pdf")
        _pdf_page_png(pdf_path, out_dir / "books_pdf.png")


def _ensure_open_shift(ctx: AppContext) -> int:
    with ctx.db.unit_of_work() as session:
        shift = current_shift(session)
        if shift is None:
            start = at_shop_time(today(), time(7))
            shift = open_shift(session, 200_000, user_id=ctx.user_id, now=min(start, now_utc()))
        return shift.id


def drawer_count(amount: int) -> dict[str, int]:
    """A plausible drawer making up ``amount`` (down to Rp100): about half of what is left in
    each note size, the rest in smaller notes and coins."""
    counts: dict[str, int] = {}
    left = amount - amount % 100
    for d in DENOMINATIONS:
        share = left if d.value <= 5_000 else left // 2
        counts[d.key] = share // d.value
        left -= counts[d.key] * d.value
    return counts


def shift_close(ctx: AppContext, out_dir: Path) -> None:
    """The close-shift dialog with a count Rp2.000 short of the expected cash."""
    shift_id = _ensure_open_shift(ctx)
    with ctx.db.read() as session:
        shift = current_shift(session)
        assert shift is not None
        expected = shift_cash(session, shift).expected_cash
    dialog = CloseShiftDialog(ctx, shift_id)
    for key, pieces in drawer_count(max(0, expected - 2_000)).items():
        dialog.spins[key].setValue(pieces)
    dialog.note_edit.setText("Uang Rp2.000 dipakai beli plastik")
    dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSizeHint()).width() + 80,
                  dialog.sizeHint().height())
    screenshots.save_window(dialog, out_dir / "shift_close.png")


def report_pdf(ctx: AppContext, out_dir: Path) -> None:
    """Page 1 of the PDF report for this month, rendered to PNG (pypdfium2)."""
    with ctx.db.read() as session:
        report = build_report(session, this_month())
    with tempfile.TemporaryDirectory() as tmp:
        _pdf_page_png(to_pdf(report, Path(tmp) / "laporan.pdf"), out_dir / "report_pdf.png")


def _pdf_page_png(pdf_path: Path, target: Path) -> None:
    """Page 1 of a PDF rendered to PNG (pypdfium2)."""
    document = pypdfium2.PdfDocument(str(pdf_path))
    try:
        document[0].render(scale=1.6).to_pil().save(target)
    finally:
        document.close()


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("reports_dashboard.png", dashboard),
    ("reports_1366.png", reports_laptop),
    ("shift_close.png", shift_close),
    ("report_pdf.png", report_pdf),
    ("reports_profit_loss.png", profit_loss),
    ("books_pdf.png", books_pdf),
]
