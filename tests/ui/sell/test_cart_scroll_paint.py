"""Every scan paints the cart as a full repaint would (bench.scan; issues 17 and 19).

The cart view paints only what a scan changed (the new row, and after the cart overflows the
strip a scroll exposes). What the window shows (the backing store, read with ``grabWindow``)
must be, pixel for pixel, what the view paints afresh from the model (``QWidget.grab``), after
each of 40 scans (the cart scrolls from the 12th on), a removal, a scroll back to the top,
a scan there (back down to the new row) and a new cart.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.cart import Cart
from ui.context import AppContext
from ui.sell.screen import SellScreen

from ..conftest import OFFSCREEN_NOISE
from ..helpers import barcoded_products, scan

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)]
SCANS = 40


def _shown(screen: SellScreen) -> QImage:
    """The cart viewport as the window shows it: the backing store, not a fresh render."""
    for _ in range(3):  # the paint of the change, then nothing left pending
        QApplication.processEvents()
    viewport = screen.ui.table.viewport()
    window = screen.window()
    shot = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
    origin = viewport.mapTo(window, viewport.rect().topLeft())
    part = shot.copy(origin.x(), origin.y(), viewport.width(), viewport.height())
    return part.convertToFormat(QImage.Format.Format_RGB32)


def _full_repaint(screen: SellScreen) -> QImage:
    """The cart viewport painted afresh, every row, from the model."""
    viewport = screen.ui.table.viewport()
    return viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _garbled_rows(screen: SellScreen) -> list[int]:
    """The rows on screen that differ from a full repaint (by their y in the viewport)."""
    shown, full = _shown(screen), _full_repaint(screen)
    assert shown.size() == full.size()
    if shown == full:
        return []
    return sorted({screen.ui.table.rowAt(y) for y in range(shown.height())
                   if shown.copy(0, y, shown.width(), 1) != full.copy(0, y, full.width(), 1)})


def test_every_scan_paints_the_cart_as_a_full_repaint(ctx: AppContext, screen: SellScreen,
                                                      qtbot: QtBot) -> None:
    codes = [code for _pid, code, _price in barcoded_products(ctx, SCANS + 1)]
    assert len(codes) == SCANS + 1
    table, bar = screen.ui.table, screen.ui.table.verticalScrollBar()
    for n, code in enumerate(codes[:SCANS], start=1):
        scan(qtbot, screen, code)
        assert screen.model.rowCount() == n
        assert _garbled_rows(screen) == [], f"after scan {n}"
    assert bar.value() == bar.maximum() > 20  # it scrolled, and the last row is in view
    assert table.currentIndex().row() == SCANS - 1
    screen.model.remove(SCANS - 2)
    assert _garbled_rows(screen) == [], "after a removal"
    table.selectRow(0)  # back to the top: a scroll the other way
    assert bar.value() == 0 and _garbled_rows(screen) == [], "after scrolling back"
    scan(qtbot, screen, codes[SCANS])  # from the top, a scan goes back down to the new row
    assert bar.value() == bar.maximum() and _garbled_rows(screen) == [], "after a scan at the top"
    screen.replace_cart(Cart())
    assert _garbled_rows(screen) == [], "after a new cart"
