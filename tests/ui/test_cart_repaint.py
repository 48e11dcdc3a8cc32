"""The cart view repaints only what a scan changed (bench.scan): what is on screen after appends,
a scroll, a removal and a cleared cart is what a full repaint of the view would show."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.cart import Cart
from ui.context import AppContext
from ui.sell.screen import SellScreen

from .helpers import barcoded_products, scan


def _on_screen(screen: SellScreen, qtbot: QtBot) -> QImage:
    """The cart viewport as the window shows it (the backing store, not a fresh render)."""
    qtbot.wait(20)
    viewport = screen.ui.table.viewport()
    window = screen.window()
    shot = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
    origin = viewport.mapTo(window, viewport.rect().topLeft())
    return shot.copy(origin.x(), origin.y(), viewport.width(), viewport.height())


def _rendered(screen: SellScreen) -> QImage:
    """The cart viewport painted afresh from the model."""
    viewport = screen.ui.table.viewport()
    return viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _same(screen: SellScreen, qtbot: QtBot) -> bool:
    return _on_screen(screen, qtbot).convertToFormat(QImage.Format.Format_RGB32) == _rendered(screen)


def test_partial_repaints_match_a_full_repaint(ctx: AppContext, screen: SellScreen,
                                               qtbot: QtBot) -> None:
    codes = [code for _pid, code, _price in barcoded_products(ctx, 16)]
    assert len(codes) == 16
    for code in codes[:3]:
        scan(qtbot, screen, code)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=2000)
    assert _same(screen, qtbot)  # appended rows painted alone
    for code in codes[3:]:
        scan(qtbot, screen, code)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 16, timeout=4000)
    assert screen.ui.table.verticalScrollBar().value() > 0 and _same(screen, qtbot)  # scrolled
    screen.model.remove(1)
    assert _same(screen, qtbot)
    screen.replace_cart(Cart())
    assert _same(screen, qtbot)
