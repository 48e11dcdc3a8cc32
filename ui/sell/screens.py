"""Screenshots of the sell screen for ``python -m ui.screenshots`` (the demo shop)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import catalog, held
from app.cart import Cart, CartLine, Discount
from models import Barcode, Product
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screenshots import WINDOW_SIZE, save, settle
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
        codes = list(session.scalars(
            select(Barcode.code).join(Product).where(Product.sold_by_weight.is_(False),
                                                     Product.on_hand > 5)
            .order_by(Product.id).limit(4)))
        weighed = session.scalars(select(Product.sku).where(Product.sold_by_weight.is_(True))).first()
        hits = [catalog.find_by_code(session, code) for code in codes]
        weighed_hit = catalog.find_by_code(session, weighed or "")
    for hit in hits:
        if hit is not None:
            screen.add_product(hit, None)
    if weighed_hit is not None:
        screen.add_product(weighed_hit, Decimal("0.750"))
    screen.model.step_qty(1, 2)
    screen.model.set_line_discount(0, Discount("percent", Decimal(10)))
    screen.note.setText("Minta dibungkus terpisah")


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
    screen.scan.setText("kopi")
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
    from ui.sell.pay import PayDialog

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
    from ui.sell.held_dialog import HeldDialog

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


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("sell_screen.png", sell_screen),
    ("sell_search.png", sell_search),
    ("help_overlay.png", help_overlay),
    ("pay_dialog.png", pay_dialog),
    ("held_carts.png", held_carts),
]
