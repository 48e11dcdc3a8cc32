"""Laporan shows the money book: laba rugi (owner only), arus kas, piutang and utang; and
exports them as PDF and Excel."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from functools import partial
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app import promotions
from app.clock import local, now_utc
from app.db import Database
from app.pricing import store
from app.sales import checkout
from contract.enums import CashCategory, CashDirection, CreditKind, PromoKind
from models import CashMovement, CreditEntry, Customer
from tests.conftest import ShopClock
from tests.unit.foundation_kit import add_product, cart_of, cash
from ui.context import AppContext
from ui.reports.books_panel import BookFigures
from ui.reports.page import ReportsPage


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _rows(table: QTableWidget) -> dict[str, list[str]]:
    return {_text(table, r, 0): [_text(table, r, c) for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}


def _written(path: Path) -> bool:
    """The export is complete: a whole zip (xlsx) or a PDF with its end marker."""
    if not path.exists():
        return False
    if path.suffix == ".xlsx":
        return zipfile.is_zipfile(path)
    return path.read_bytes().rstrip().endswith(b"%%EOF")


def _shop(db: Database) -> None:
    when = now_utc() - timedelta(minutes=30)
    with db.unit_of_work() as session:
        pid = add_product(session, "A1", "Kopi Bubuk", 20_000, cost=12_000, stock=10)
        checkout(session, cart_of(session, [(pid, 2)]), cash(40_000), now=when)
        promotions.create_promotion(session, promotions.PromotionInput(
            "Beli 2 gratis 1", PromoKind.BUY_GET, [promotions.PromoTarget(product_id=pid)],
            buy_qty=2, free_qty=1))
        cart = cart_of(session, [(pid, 3)])
        store.reprice_cart(session, cart, local(when).replace(tzinfo=None))
        checkout(session, cart, cash(cart.total), now=when)
        session.add(CashMovement(direction=CashDirection.OUT, category=CashCategory.ELECTRICITY,
                                 amount=15_000, created_at=when))
        session.add(Customer(uuid="c1", name="Bu Sri", phone="+6281234567890"))
        session.add(CreditEntry(customer_uuid="c1", kind=CreditKind.SALE, amount=25_000,
                                created_at=when - timedelta(days=10)))


def _page(db: Database, qtbot: QtBot, user_id: int | None = None) -> tuple[ReportsPage, BookFigures]:
    page = ReportsPage(AppContext(db=db, user_id=user_id))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.books.sig_shown, timeout=10_000) as shown:
        page.range_box.setCurrentIndex(0)  # Hari ini
    return page, shown.args[0]


def test_the_owner_sees_laba_rugi_and_the_kasbon_aging(
        shop_clock_running: ShopClock, qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    _shop(db)
    page, figures = _page(db, qtbot)  # a shop without users: the owner's own till
    profit = _rows(page.books.profit)
    assert profit["Penjualan bersih"] == ["Rp80.000"]  # 2 sold, then 3 for the price of 2
    assert profit["HPP (harga pokok penjualan)"] == ["-Rp60.000"]
    assert profit["Biaya: Listrik & air"] == ["-Rp15.000"]
    assert profit["Laba bersih"] == ["Rp5.000"]
    assert _rows(page.books.promotions) == {"Beli 2 gratis 1": ["1", "1", "Rp20.000"]}
    assert _rows(page.books.receivables)["Bu Sri"] == ["0812 3456 7890", "Rp25.000", "Rp0",
                                                       "Rp25.000", "Rp0"]
    flow = _rows(page.books.flow)
    assert list(flow.values()) == [["Rp80.000", "Rp15.000", "Rp0", "Rp0", "Rp65.000"]]
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.books.profit))
    for kind in ("pdf", "xlsx"):
        target = tmp_path / f"bukukas.{kind}"
        page.books.export_to(target, kind, include_costs=True, language="id")
        qtbot.waitUntil(partial(_written, target), timeout=10_000)
    book = load_workbook(tmp_path / "bukukas.xlsx")
    assert book.sheetnames[0] == "Laba rugi"
    assert [c.value for c in book["Laba rugi"]["B"]][-1] == figures.profit.net_profit == 5_000
    assert (tmp_path / "bukukas.pdf").read_bytes().startswith(b"%PDF")


def test_a_cashier_without_cost_view_gets_no_laba_rugi(
        shop_clock_running: ShopClock, qtbot: QtBot, db: Database) -> None:
    from app import users

    _shop(db)
    with db.unit_of_work() as session:
        users.create_user(session, "Siti", "owner", "1234")
        cashier = int(users.create_user(session, "Rina", "cashier", "1111"))
    page, _figures = _page(db, qtbot, cashier)
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.books.profit))
    assert page.books.profit.rowCount() == 0  # not even hidden in the table
    assert _rows(page.books.receivables)["Bu Sri"][1] == "Rp25.000"
