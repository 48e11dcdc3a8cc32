"""Laporan shows the kode unik received and the cash rounding as their own figures."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.clock import now_utc
from app.db import Database
from app.orders import confirm_payment
from app.payments import rounding, service
from app.sales import PaymentInput, checkout
from models import Payment
from tests.conftest import ShopClock
from tests.unit.payments.shop_kit import cart_for, setup_shop
from ui.context import AppContext
from ui.reports.page import ReportsPage


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _shop(db: Database) -> None:
    """A cash sale of Rp12.540 rounded down to Rp12.500 and a confirmed transfer with kode unik 1."""
    pid, account = setup_shop(db, price=12_540)
    when = now_utc() - timedelta(minutes=30)
    with db.unit_of_work() as session:
        rounding.set_rule(session, 100, "down")
        checkout(session, cart_for(session, pid, 1), [PaymentInput("cash", 12_500, 20_000)], now=when)
        quote = service.transfer_quote(session, account, 12_540)
        sale = checkout(session, cart_for(session, pid, 1), [PaymentInput(
            "transfer", 12_540, bank_account_id=account, unique_code=quote.unique_code)], now=when)
        payment = session.scalars(select(Payment).where(Payment.order_id == sale.order_id)).one()
        confirm_payment(session, payment.id, received=quote.amount_due, when=when)


def test_kode_unik_and_rounding_rows_in_laporan_and_its_export(
    shop_clock_running: ShopClock, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    _shop(db)
    page = ReportsPage(AppContext(db=db, user_id=None, user_role="owner"))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_report_shown, timeout=10_000):
        page.range_box.setCurrentIndex(0)  # Hari ini
    rows = {_cell(page.methods, r, 0): _cell(page.methods, r, 4)
            for r in range(page.methods.rowCount())}
    assert rows["Kode unik transfer"] == "Rp1"
    assert rows["Pembulatan (sudah di tunai)"] == "-Rp40"
    assert rows["Tunai"] == "Rp12.500"
    target = tmp_path / "laporan.csv"
    page.export_to(target, "csv")
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0, timeout=10_000)
    text = target.read_text(encoding="utf-8-sig")
    assert "Kode unik transfer;1" in text and "Pembulatan tunai;-40" in text
    assert "Uang diterima;25041" in text  # 25.080 of goods − 40 rounding + 1 kode unik


def test_close_shift_dialog_balances_with_rounded_cash(
    shop_clock_running: ShopClock, qtbot: QtBot, db: Database,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from app.shifts import open_shift
    from ui.shifts.close_dialog import CloseShiftDialog

    with db.unit_of_work() as session:
        shift_id = open_shift(session, 100_000, now=now_utc() - timedelta(hours=1)).id
    _shop(db)  # cash Rp12.540 rounded to Rp12.500, and a transfer with kode unik 1
    dialog = CloseShiftDialog(AppContext(db=db), shift_id)
    qtbot.addWidget(dialog)
    assert dialog.cash.expected_cash == 112_500
    rounding, codes = (dialog.findChild(QLabel, name) for name in ("shiftRounding", "shiftUniqueCodes"))
    assert rounding is not None and rounding.text() == "-Rp40"
    assert codes is not None and codes.text() == "Rp1"
    for key, pieces in (("note_100000", "1"), ("note_10000", "1"), ("note_2000", "1"),
                        ("coin_500", "1")):
        spin = dialog.spins[key]
        spin.selectAll()
        qtbot.keyClicks(spin, pieces)
        qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert dialog.counted_label.text() == "Rp112.500"
    assert "pas" in dialog.difference_label.text() and "kurang" not in dialog.difference_label.text()
