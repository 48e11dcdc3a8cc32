"""What a scan makes Qt do beyond the new row (bench.scan; issues 17 and 19): no layout pass of
the screen, no repaint of the column titles, and once the cart scrolls, a repaint of the strip
that came into view only (the rows above are moved, not painted again)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QFrame, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.sell.screen import SellScreen

from ..conftest import OFFSCREEN_NOISE
from ..helpers import barcoded_products, scan

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)]


class Events(QObject):
    """Layout requests and painted areas seen by the watched widgets."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.layouts: list[str] = []
        self.painted: dict[QObject, list[QRect]] = {}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.layouts.append(obj.objectName() or type(obj).__name__)
        elif isinstance(event, QPaintEvent):
            self.painted.setdefault(obj, []).append(event.region().boundingRect())
        return False

    def clear(self) -> None:
        self.layouts.clear()
        self.painted.clear()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_a_scan_lays_out_nothing_and_paints_only_what_changed(
        ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    codes = [code for _pid, code, _price in barcoded_products(ctx, 16)]
    table = screen.ui.table
    header, viewport = table.horizontalHeader().viewport(), table.viewport()
    panel = screen.findChild(QFrame, "totalsPanel")
    window = screen.window()
    assert isinstance(panel, QFrame) and isinstance(window, QMainWindow)
    central = window.centralWidget()
    assert central is not None
    events = Events(screen, panel, central, header, viewport)
    for n, code in enumerate(codes, start=1):
        _settle()
        events.clear()
        scan(qtbot, screen, code)
        _settle()
        assert screen.model.rowCount() == n and screen.ui.notice.text().startswith("+ ")
        if n == 1:  # the window is still settling in, and the first row gets the first paint
            continue
        assert events.layouts == [], f"scan {n} re-laid out {events.layouts}"
        assert not events.painted.get(header), f"scan {n} repainted the column titles"
        top = min(r.top() for r in events.painted[viewport])
        previous = table.visualRect(screen.model.index(n - 2, 0))  # deselected: repainted
        assert top >= previous.top(), f"scan {n} repainted rows above the last two"
    assert table.verticalScrollBar().value() > 0  # the last scans scrolled the cart
