"""Barcode scan → cart row painted, on a 100 000-product shop (``python -m bench.scan``).

The shop (demo shop + 100 000 seeded products) is built once and cached in the temp
dir. For each scan the code is typed into the scan field (not timed); the clock
runs from sending the scanner's Enter key event until the cart view has painted
the new row (a Paint event on the viewport covering that row). Budget: 16 ms.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHOP_PRODUCTS = 100_000
SCANS = 60
WARMUP = 5
CLEAR_EVERY = 15
CACHE_NAME = "peken_bench_100k_v1.sqlite"


def big_shop() -> Path:
    """The cached 100 000-product shop file (built on first use, ~1 minute)."""
    path = Path(tempfile.gettempdir()) / CACHE_NAME
    if path.exists():
        return path
    from app.db import open_database
    from app.demo import build_demo, seed_products

    building = path.with_suffix(".building")
    for leftover in building.parent.glob(building.name + "*"):
        leftover.unlink()
    database = open_database(building)
    with database.unit_of_work() as session:
        build_demo(session)
        seed_products(session, SHOP_PRODUCTS)
    database.close()
    building.rename(path)
    return path


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
    """Run the benchmark and print the table and the RESULT line."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication

    from app.cart import Cart
    from app.db import open_database
    from ui.app import make_application, make_context
    from ui.main_window import MainWindow
    from ui.sell.screen import SellScreen

    database = open_database(big_shop())
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
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{'products':<28}{SHOP_PRODUCTS + 0:>12,}")
    print(f"{'scans timed':<28}{len(timings):>12}")
    print(f"{'scan → row painted median':<28}{median:>10.2f} ms")
    print(f"{'scan → row painted p95':<28}{p95:>10.2f} ms")
    print(f"{'scan → row painted max':<28}{timings[-1]:>10.2f} ms")
    print(f"{'budget':<28}{16:>10.2f} ms")
    window.close()
    database.close()
    print("RESULT " + json.dumps({"scan_to_row_ms": round(median, 3), "p95_ms": round(p95, 3),
                                  "budget_ms": 16}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
