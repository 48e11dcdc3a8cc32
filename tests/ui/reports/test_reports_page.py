"""The Laporan page opens with its figures, exports, and a shift is closed through the dialog."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import reports
from app.clock import now_utc, today
from app.db import Database
from app.money import format_rupiah
from app.reports import build_report
from app.sales import PaymentInput, checkout
from app.shifts import open_shift
from models import Shift
from tests.conftest import ShopClock
from tests.unit.foundation_kit import add_product, cart_of
from ui.context import AppContext
from ui.reports.page import ReportsPage
from ui.reports.screens import SCREENS
from ui.shifts.close_dialog import CloseShiftDialog


def _shop(db: Database) -> int:
    """Three sales 30–33 minutes ago and a shift opened two hours ago (use a frozen clock:
    just after midnight shop time the sales would fall on yesterday)."""
    with db.unit_of_work() as session:
        pid = add_product(session, "K", "Kopi Susu", 12_500, stock=100, cost=8_000)
        shift = open_shift(session, 100_000, now=now_utc() - timedelta(hours=2))
        for qty in (1, 2, 3):
            cart = cart_of(session, [(pid, qty)])
            checkout(session, cart, [PaymentInput("cash", cart.total, 100_000)],
                     now=now_utc() - timedelta(minutes=30 + qty))
        return shift.id


def test_dashboard_shows_figures_and_exports(
    shop_clock_running: ShopClock, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    _shop(db)
    ctx = AppContext(db=db, user_id=None, user_role="owner")
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_report_shown, timeout=10_000):
        page.range_box.setCurrentIndex(0)  # Hari ini
    assert page.report is not None and page.report.totals.orders == 3
    assert page.tile_sales.value.text() == format_rupiah(75_000)
    assert page.tile_orders.value.text() == "3"
    assert page.top.item(0, 0).text() == "Kopi Susu"
    assert sum(page.chart.values) == 75_000
    for kind in ("csv", "xlsx", "pdf"):
        target = tmp_path / f"laporan.{kind}"
        page.export_to(target, kind)
        qtbot.waitUntil(lambda t=target: t.exists() and t.stat().st_size > 0, timeout=10_000)
    assert "Penjualan bersih;75000" in (tmp_path / "laporan.csv").read_text(encoding="utf-8-sig")


def test_cashier_does_not_see_cost_figures(shop_clock_running: ShopClock, qtbot: QtBot,
                                           db: Database) -> None:
    from app import users

    _shop(db)
    with db.unit_of_work() as s:
        owner = int(users.create_user(s, "Siti", "owner", "1234"))
        cashier = int(users.create_user(s, "Rina", "cashier", "1111"))
    ctx = AppContext(db=db, user_id=cashier, user_name="Rina", user_role="cashier")
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.report is not None and page.top.rowCount() > 0, timeout=10_000)
    assert not page.show_costs
    assert page.top.isColumnHidden(4) and page.slow.isColumnHidden(4)
    assert page.tile_profit.isHidden() and page.tile_stock.isHidden()
    profit_cell = page.top.item(0, 4)
    assert profit_cell is not None and "Rp" not in page.tile_profit.value.text() + profit_cell.text()
    ctx.user_id, ctx.user_name, ctx.user_role = owner, "Siti", "owner"  # Ctrl+L, the owner
    with qtbot.waitSignal(page.sig_report_shown, timeout=10_000):
        ctx.signals.sig_user_changed.emit()
    assert page.show_costs and not page.top.isColumnHidden(4) and not page.tile_profit.isHidden()
    profit_cell = page.top.item(0, 4)
    assert profit_cell is not None and profit_cell.text().startswith("Rp")


def test_close_shift_through_dialog(shop_clock_running: ShopClock, qtbot: QtBot, db: Database) -> None:
    shift_id = _shop(db)
    ctx = AppContext(db=db)
    dialog = CloseShiftDialog(ctx, shift_id)
    qtbot.addWidget(dialog)
    assert dialog.cash.expected_cash == 100_000 + 75_000
    dialog.spins["note_100000"].setValue(1)
    dialog.spins["note_50000"].setValue(1)
    dialog.spins["note_20000"].setValue(1)
    dialog.spins["coin_1000"].setValue(4)
    assert dialog.counted_label.text() == format_rupiah(174_000)
    assert "kurang" in dialog.difference_label.text()
    dialog.spins["note_1000"].setValue(1)
    assert "pas" in dialog.difference_label.text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result_close is not None and dialog.result_close.difference == 0
    with db.read() as session:
        shift = session.scalars(select(Shift)).one()
        assert shift.closed_at is not None and shift.counted_cash == 175_000
        assert "Rp175.000" in shift.z_report and "Rp0 (PAS)" in shift.z_report


def test_parallel_report_equals_single_session(shop_clock: ShopClock, db: Database) -> None:
    _shop(db)
    now = now_utc()
    period = reports.custom(today() - timedelta(days=2), today() + timedelta(days=1))
    with db.read() as session:
        single = build_report(session, period, now=now)
    assert reports.build_report_parallel(db, period, now=now) == single


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_screens_render(shop_clock_running: ShopClock, qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    _shop(db)
    ctx = AppContext(db=db, user_id=None)
    for name, render in SCREENS:
        render(ctx, tmp_path)
        assert (tmp_path / name).stat().st_size > 5_000, name
    QApplication.processEvents()


def test_a_preset_period_shows_its_own_dates(shop_clock_running: ShopClock, qtbot: QtBot,
                                             db: Database) -> None:
    """"Bulan ini" shows the 1st of the month to today in the date fields, not last week's range."""
    ctx = AppContext(db=db, user_id=None, user_role="owner")
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    day = today()
    assert page.date_from.date().toPython() == day.replace(day=1)
    assert page.date_to.date().toPython() == day
    with qtbot.waitSignal(page.sig_report_shown, timeout=10_000):
        page.range_box.setCurrentIndex(0)  # Hari ini
    assert page.date_from.date().toPython() == day == page.date_to.date().toPython()
