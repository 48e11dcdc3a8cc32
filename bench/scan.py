"""Barcode scan → cart row painted, on a 100 000-product shop (``python -m bench.scan``).

The shop (demo shop + ``--products`` seeded products, 100 000 by default) is the cached
benchmark shop of :mod:`bench._common`; the run uses a private copy of it (every scan keeps
the cart in the file, as the till does). For each scan the code is typed into the scan
field (not timed); the clock runs from sending the scanner's Enter key event until the cart
view has painted the new row (a Paint event on the viewport covering that row). Scans follow
each other at once, so whatever a scan leaves running (the kept-cart write) meets the next
one. Budget: p95 ≤ 16 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt

from bench._common import SHOP_PRODUCTS, option, print_result, print_table, seeded_shop, working_copy

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCANS = 60
WARMUP = 5
CLEAR_EVERY = 15
BUDGET_MS = 16


def _codes(database: object, count: int) -> list[str]:
    from sqlalchemy import text

    with database.read() as session:  # type: ignore[attr-defined]
        rows = session.execute(text(
            "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
            "WHERE p.sold_by_weight = 0 ORDER BY b.id DESC LIMIT 90000"))
        codes = [str(r[0]) for r in rows]
    return random.Random(5).sample(codes, count)


def send_key(widget: QObject, key: Qt.Key, text: str) -> None:
    """Press and release a key as a keyboard-wedge scanner does (through the app's filters).

    QTest.keyClick is avoided: in PySide6 6.12 each call drops a reference to None.
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def main() -> int:
    """Run the benchmark on a private copy of the cached shop; the table and the RESULT line."""
    products = option("--products", SHOP_PRODUCTS)
    cached = seeded_shop(products)
    with tempfile.TemporaryDirectory(prefix="peken-scan-") as folder:
        return _measure(working_copy(cached, Path(folder)), products)


def _measure(shop: Path, products: int) -> int:
    """Scan ``SCANS`` codes (after ``WARMUP`` untimed ones) and report."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication

    from app.cart import Cart
    from app.db import open_database
    from ui.app import make_application, make_context
    from ui.main_window import MainWindow
    from ui.sell.screen import SellScreen

    database = open_database(shop)
    app = make_application()
    ctx, name = make_context(database)
    window = MainWindow(ctx, name)
    window.resize(1366, 768)
    window.show()
    screen = window.pages[0]
    assert isinstance(screen, SellScreen)
    screen.show_receipt_preview = False
    for _ in range(20):
        app.processEvents()

    class PaintWatch(QObject):
        """Notes when the viewport paints over a given rectangle."""

        target: QRect | None = None
        painted = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (isinstance(event, QPaintEvent) and self.target is not None
                    and event.rect().intersects(self.target)):
                self.painted = True
            return False

    watch = PaintWatch()
    viewport = screen.ui.table.viewport()
    viewport.installEventFilter(watch)
    timings: list[float] = []
    for i, code in enumerate(_codes(database, SCANS + WARMUP)):
        if i % CLEAR_EVERY == 0:
            screen.replace_cart(Cart())
            app.processEvents()
        for char in code:
            send_key(screen.ui.scan, Qt.Key(ord(char)), char)
        app.processEvents()
        rows_before = screen.model.rowCount()
        watch.painted, watch.target = False, None
        start = time.perf_counter()
        send_key(screen.ui.scan, Qt.Key.Key_Return, "\r")
        assert screen.model.rowCount() == rows_before + 1, "scan did not add a row"
        row = screen.model.rowCount() - 1
        watch.target = screen.ui.table.visualRect(screen.model.index(row, 0))
        while not watch.painted:
            QApplication.processEvents()
            if time.perf_counter() - start > 2:
                raise SystemExit("the new row was never painted")
        elapsed = (time.perf_counter() - start) * 1000
        if i >= WARMUP:
            timings.append(elapsed)
    screen.keep_cart()  # the last write, before the file goes
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{products:,} products, {len(timings)} scans timed")
    print_table(["scan → row painted", "ms"], [
        ["median", f"{median:.2f}"], ["p95", f"{p95:.2f}"], ["max", f"{timings[-1]:.2f}"],
        ["budget (p95)", f"{BUDGET_MS:.2f}"]])
    window.hide()
    database.close()
    print_result({"products": products, "scan_to_row_ms": median, "p95_ms": p95,
                  "budget_ms": BUDGET_MS})
    return 0


if __name__ == "__main__":
    sys.exit(main())
