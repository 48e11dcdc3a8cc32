"""Screenshots of the sell screen for ``python -m ui.screenshots`` (the demo shop)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import catalog, held, samples
from app.cart import Cart, CartLine, Discount
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.payments.screens import private_copy
from ui.screenshots import WINDOW_SIZE, save, save_on_screen, settle
from ui.sell.held_dialog import HeldDialog
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen


def _window(ctx: AppContext) -> tuple[MainWindow, SellScreen]:
    window = MainWindow(ctx, "Toko Berkah Jaya")
    window.resize(*WINDOW_SIZE)
    window.show()
    screen = window.pages[0]
    assert isinstance(screen, SellScreen)
    screen.show_receipt_preview = False
    settle()
    return window, screen


def _fill_cart(ctx: AppContext, screen: SellScreen) -> None:
    """Four scans, a weighed line, a quantity, a line discount and an order note."""
    with ctx.db.read() as session:
        codes = samples.barcodes(session, more_than=5, weighed=False, limit=4)
        weighed = next((p.sku for p in samples.products(session, weighed=True, active_only=False,
                                                         limit=1)), None)
        hits = [catalog.find_by_code(session, code) for code in codes]
        weighed_hit = catalog.find_by_code(session, weighed or "")
    for hit in hits:
        if hit is not None:
            screen.add_product(hit, None)
    if weighed_hit is not None:
        screen.add_product(weighed_hit, Decimal("0.750"))
    screen.model.step_qty(1, 2)
    screen.model.set_line_discount(0, Discount("percent", Decimal(10)))
    screen.ui.note.setText("Minta dibungkus terpisah")


def sell_screen(ctx: AppContext, out_dir: Path) -> None:
    """The sell screen with a filled cart."""
    window, screen = _window(ctx)
    _fill_cart(ctx, screen)
    save(window, out_dir / "sell_screen.png")
    window.close()


def sell_search(ctx: AppContext, out_dir: Path) -> None:
    """Live search results under the scan field."""
    window, screen = _window(ctx)
    _fill_cart(ctx, screen)
    screen.ui.scan.setText("kopi")
    screen.live_search("kopi")
    save(window, out_dir / "sell_search.png")
    window.close()


def help_overlay(ctx: AppContext, out_dir: Path) -> None:
    """F1: every key of the sell screen."""
    window, screen = _window(ctx)
    _fill_cart(ctx, screen)
    screen.toggle_help()
    save(window, out_dir / "help_overlay.png")
    window.close()


def pay_dialog(ctx: AppContext, out_dir: Path) -> None:
    """The pay dialog with cash tendered and the change shown."""
    window, screen = _window(ctx)
    _fill_cart(ctx, screen)
    dialog = PayDialog(ctx, screen.model.cart, screen)
    dialog.show()
    tendered = (screen.model.cart.total // 100_000 + 1) * 100_000
    dialog.amount.setText(str(tendered))
    save(dialog, out_dir / "pay_dialog.png")
    dialog.reject()
    window.close()


def held_carts(ctx: AppContext, out_dir: Path) -> None:
    """The held carts list (F9)."""
    window, screen = _window(ctx)
    _fill_cart(ctx, screen)
    with ctx.db.unit_of_work() as session:
        held.hold(session, screen.model.cart, "Ibu kerudung hijau")
        extra = Cart(lines=[CartLine(line.product_id, line.name, line.unit, Decimal(1),
                                     line.unit_price) for line in screen.model.cart.lines[:2]])
        held.hold(session, extra, "")
    dialog = HeldDialog(ctx, screen)
    dialog.show()
    save(dialog, out_dir / "held_carts.png")
    dialog.reject()
    window.close()
    QApplication.processEvents()


def render_pay(ctx: AppContext, path: Path, split: bool) -> None:
    """The pay dialog over the till at 1366×768: F3 QRIS, or Rp50.000 cash then F2 transfer."""
    with private_copy(ctx) as own:
        window, screen = _window(own)
        _fill_cart(own, screen)
        dialog = PayDialog(own, screen.model.cart, window)
        dialog.show()
        settle()
        if split:
            dialog.amount.setText("50000")
            QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
            QTest.keyClick(dialog, Qt.Key.Key_F2)
        else:
            QTest.keyClick(dialog, Qt.Key.Key_F3)
        save_on_screen(window, dialog, path)
        dialog.reject()
        window.close()


def pay_qris(ctx: AppContext, path: Path) -> None:
    """The pay dialog with the dynamic QRIS (F3), on a 1366×768 screen."""
    render_pay(ctx, path, split=False)


def pay_split(ctx: AppContext, path: Path) -> None:
    """A split payment: cash paid, the rest by transfer (F2), on a 1366×768 screen."""
    render_pay(ctx, path, split=True)


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("sell_screen.png", sell_screen),
    ("sell_search.png", sell_search),
    ("help_overlay.png", help_overlay),
    ("pay_dialog.png", pay_dialog),
    ("held_carts.png", held_carts),
    ("pay_dialog_qris.png", pay_qris),
    ("pay_dialog_split.png", pay_split),
]
