"""Start-up and the scan path: the till is usable first, the rest comes after; scans never
wait for the disk."""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import cart_store
from ui import wiring
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sell.screen import SellScreen

from .helpers import barcoded_products, press, type_text


def test_printing_sync_and_backups_start_after_the_till_is_usable(
        ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx, "Toko Berkah Jaya")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    services = wiring.attach(window, ctx)
    seen_at_ready: list[tuple[bool, bool, bool]] = []

    def at_ready() -> None:
        screen = window.pages[0]
        assert isinstance(screen, SellScreen)
        seen_at_ready.append((bool(screen.ui.grid.tiles),
                              QApplication.focusWidget() is screen.ui.scan, ctx.printer is None))

    window.sig_ready.connect(at_ready)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.ready, timeout=5000)
        # usable: tiles painted, cursor in the scan field, and printing not started yet
        assert seen_at_ready == [(True, True, True)]
        qtbot.waitUntil(lambda: services.started, timeout=10_000)
        assert ctx.printer is services.printer is not None
        assert services.sync is not None and services.backups is not None
    finally:
        wiring.detach(ctx)


def test_a_scan_never_waits_for_the_cart_to_be_written(
        ctx: AppContext, window: MainWindow, qtbot: QtBot) -> None:
    screen = window.pages[0]
    assert isinstance(screen, SellScreen)
    screen.ui.scan.setFocus()
    (a_id, a_code, _), (b_id, b_code, _) = barcoded_products(ctx, 2)
    blocker = sqlite3.connect(ctx.db.path, timeout=0)  # another program holds the write lock
    blocker.execute("BEGIN IMMEDIATE")
    try:
        type_text(qtbot, screen, a_code)
        press(qtbot, screen, Qt.Key.Key_Return)
        started = time.monotonic()
        qtbot.wait(200)  # the kept-cart write has started and waits for the lock
        type_text(qtbot, screen, b_code)
        press(qtbot, screen, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=3000)
        assert time.monotonic() - started < 2.0  # not held up by the 5 s lock wait
    finally:
        blocker.rollback()
        blocker.close()

    def kept_ids() -> list[int]:
        with ctx.db.read() as session:
            cart = cart_store.load(session)
        return [] if cart is None else [line.product_id for line in cart.lines]

    qtbot.waitUntil(lambda: kept_ids() == [a_id, b_id], timeout=10_000)  # then written after all
