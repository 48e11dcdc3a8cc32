"""Nothing a cashier rang up is lost: the open cart survives closing the window and comes back.

Closing the main window with lines in the cart asks: hold it (F9 list), keep it for the next
start, or stay. A new window on the same shop file shows the kept cart again; a paid or held
cart never comes back.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app import cart_store, held
from app.cart import Cart
from app.money import format_rupiah
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sell.dialogs import LabelDialog
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from .helpers import barcoded_products, press, scan, type_text, wait_dialog, wait_no_dialog

ENTER = Qt.Key.Key_Return


def lines_of(cart: Cart | None) -> list[tuple[int, Decimal]]:
    """(product id, quantity) of each line."""
    return [] if cart is None else [(ln.product_id, ln.qty) for ln in cart.lines]


def kept(ctx: AppContext) -> Cart | None:
    """The cart the shop file keeps for the next start."""
    with ctx.db.read() as session:
        return cart_store.load(session)


def ring_up(ctx: AppContext, qtbot: QtBot, screen: SellScreen) -> list[tuple[int, Decimal]]:
    """Scan two products, one of them twice via ``2*``; returns the expected lines."""
    (a_id, a_code, _), (b_id, b_code, _) = barcoded_products(ctx, 2)
    scan(qtbot, screen, a_code)
    scan(qtbot, screen, f"2*{b_code}")
    expected = [(a_id, Decimal(1)), (b_id, Decimal(2))]
    assert lines_of(screen.model.cart) == expected
    return expected


def ask_to_close(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """Close the window as the cashier would; the open-cart question must come up."""
    window.close()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=2000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert window.isVisible()  # not closed yet: the cashier has not answered
    return box


def new_window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    """The app started again on the same shop file."""
    win = MainWindow(ctx, "Toko Berkah Jaya")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def sell_page(window: MainWindow) -> SellScreen:
    """The Kasir page of a window."""
    page = window.pages[0]
    assert isinstance(page, SellScreen)
    return page


def test_cart_back_after_close_and_keep(ctx: AppContext, window: MainWindow, screen: SellScreen,
                                        qtbot: QtBot) -> None:
    expected = ring_up(ctx, qtbot, screen)
    box = ask_to_close(qtbot, window)
    assert "2 baris" in box.text() and format_rupiah(screen.model.cart.total) in box.text()
    qtbot.keyClick(box, ENTER)                        # the default answer: keep it for next time
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert lines_of(kept(ctx)) == expected

    second = new_window(ctx, qtbot)
    again = sell_page(second)
    assert lines_of(again.model.cart) == expected
    assert "Keranjang terakhir dipulihkan" in again.ui.notice.text()
    assert "Keranjang terakhir dipulihkan" in second.status.currentMessage()
    assert again.model.rowCount() == 2
    assert again.ui.total_value.text() == format_rupiah(again.model.cart.total)
    again.replace_cart(Cart())                        # leave nothing open for the teardown


def test_closing_can_hold_the_cart_for_f9(ctx: AppContext, window: MainWindow, screen: SellScreen,
                                          qtbot: QtBot) -> None:
    expected = ring_up(ctx, qtbot, screen)
    box = ask_to_close(qtbot, window)
    hold = box.findChild(QPushButton, "closeHold")
    assert hold is not None
    qtbot.mouseClick(hold, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    with ctx.db.read() as session:
        summaries = [h for h in held.list_held(session) if h.label.startswith("Ditutup")]
        assert len(summaries) == 1
        assert lines_of(held.resume(session, summaries[0].id)) == expected
    assert kept(ctx) is None                          # held, so not restored a second time
    assert sell_page(new_window(ctx, qtbot)).model.rowCount() == 0


def test_closing_can_be_cancelled(ctx: AppContext, window: MainWindow, screen: SellScreen,
                                  qtbot: QtBot) -> None:
    expected = ring_up(ctx, qtbot, screen)
    box = ask_to_close(qtbot, window)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    wait_no_dialog(qtbot)
    assert window.isVisible()
    assert lines_of(screen.model.cart) == expected
    scan(qtbot, screen, barcoded_products(ctx, 3)[2][1])  # still selling
    assert screen.model.rowCount() == 3
    screen.replace_cart(Cart())
    window.close()                                    # an empty cart: no question
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_a_paid_cart_is_not_kept(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    ring_up(ctx, qtbot, screen)
    qtbot.waitUntil(lambda: kept(ctx) is not None, timeout=2000)
    press(qtbot, screen, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PayDialog)
    assert isinstance(dialog, PayDialog)
    qtbot.mouseClick(dialog.quick_buttons[0], Qt.MouseButton.LeftButton)  # uang pas
    assert kept(ctx) is None                          # cleared by the sale's own transaction
    wait_no_dialog(qtbot)
    assert screen.model.rowCount() == 0


def test_every_change_is_kept_without_closing(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    expected = ring_up(ctx, qtbot, screen)
    qtbot.waitUntil(lambda: lines_of(kept(ctx)) == expected, timeout=2000)
    press(qtbot, screen, Qt.Key.Key_Delete)           # the last line goes
    qtbot.waitUntil(lambda: lines_of(kept(ctx)) == expected[:1], timeout=2000)
    press(qtbot, screen, Qt.Key.Key_F7)
    type_text(qtbot, screen, "dibungkus")
    qtbot.waitUntil(lambda: (c := kept(ctx)) is not None and c.note == "dibungkus", timeout=2000)
    press(qtbot, screen, Qt.Key.Key_F2)
    press(qtbot, screen, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: kept(ctx) is None, timeout=2000)


def test_a_held_cart_is_not_kept_twice(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    ring_up(ctx, qtbot, screen)
    qtbot.waitUntil(lambda: kept(ctx) is not None, timeout=2000)
    press(qtbot, screen, Qt.Key.Key_F8)
    wait_dialog(qtbot, LabelDialog)
    type_text(qtbot, screen, "Ibu kerudung hijau")
    press(qtbot, screen, ENTER)
    assert kept(ctx) is None                          # cleared by the hold's own transaction
    wait_no_dialog(qtbot)
    with ctx.db.read() as session:
        assert "Ibu kerudung hijau" in [h.label for h in held.list_held(session)]


def test_a_cart_that_cannot_be_written_is_said_and_the_window_stays(
        ctx: AppContext, window: MainWindow, screen: SellScreen, qtbot: QtBot) -> None:
    expected = ring_up(ctx, qtbot, screen)
    qtbot.waitUntil(lambda: lines_of(kept(ctx)) == expected, timeout=2000)
    blocker = sqlite3.connect(ctx.db.path, timeout=0)  # another program holds the write lock
    blocker.execute("BEGIN IMMEDIATE")
    try:
        press(qtbot, screen, Qt.Key.Key_Plus)         # this change cannot reach the file
        qtbot.waitUntil(lambda: "belum tersimpan" in screen.ui.notice.text(), timeout=15_000)
        box = ask_to_close(qtbot, window)
        qtbot.keyClick(box, ENTER)                    # "keep" fails: the window must not close
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=15_000)
        assert window.isVisible() and screen.model.rowCount() == 2
    finally:
        blocker.rollback()
        blocker.close()
    screen.replace_cart(Cart())
    qtbot.waitUntil(lambda: kept(ctx) is None, timeout=10_000)
