"""Barcode scan → cart row painted, on a 100 000-product shop (``python -m bench.scan``).

The shop (demo shop + ``--products`` seeded products, 100 000 by default) is the cached
benchmark shop of :mod:`bench._common`; the run uses a private copy of it (every scan keeps
the cart in the file, as the till does). The copy is set up as a shop with packs and a label
scale (issue 17): ``PACKS`` products get a dus with its own barcode, ``PLUS`` weighed products a
PLU, and scale labels are read (prefix 20/21, 5-digit PLU, grams). Scans mix plain barcodes, dus
barcodes (one pack line) and scale labels (one weighed line), each a new row.

For each scan the code is typed into the scan field (not timed); the clock runs from sending the
scanner's Enter key event until the cart view has painted the new row (a Paint event on the
viewport covering that row). Scans follow each other at once, so whatever a scan leaves running
(the kept-cart write) meets the next one. Budget: p95 ≤ 16 ms.
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
PACKS = 1_000
PLUS = 500
PACK_EVERY, LABEL_EVERY = 5, 7  # every 5th scan a dus barcode, every 7th a scale label


def _codes(database: object, count: int) -> list[str]:
    """``count`` plain product barcodes of piece products (no pack's), spread over the shop."""
    from sqlalchemy import text

    with database.read() as session:  # type: ignore[attr-defined]
        rows = session.execute(text(
            "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
            "WHERE p.sold_by_weight = 0 AND b.pack_id IS NULL ORDER BY b.id DESC LIMIT 90000"))
        codes = [str(r[0]) for r in rows]
    return random.Random(5).sample(codes, count)


def _add_packs_and_scale(database: object) -> None:
    """Give a shop dus packs (``049…`` codes) and weighed PLUs (``00001``…), read scale labels."""
    from decimal import Decimal

    from sqlalchemy import select

    from app import packs, settings
    from app.barcodes import make_ean13
    from models import Barcode, Product

    with database.unit_of_work() as session:  # type: ignore[attr-defined]
        settings.set_value(session, "scale.enabled", True)
        pieces = session.execute(select(Product.id, Product.price).where(
            Product.sold_by_weight.is_(False)).order_by(Product.id.desc()).limit(PACKS)).all()
        for n, (product_id, price) in enumerate(pieces, start=1):
            packs.add_pack(session, product_id, packs.PackInput(
                "dus", Decimal(12), price * 11, [make_ean13(f"049{n:09d}")]))
        weighed = session.scalars(select(Product.id).where(
            Product.sold_by_weight.is_(True), Product.unit == "kg").order_by(Product.id).limit(PLUS))
        for plu, product_id in enumerate(weighed, start=1):
            session.add(Barcode(product_id=product_id, code=f"{plu:05d}"))


def scan_shop(products: int) -> Path:
    """The cached benchmark shop with packs and scale labels added (made once, cached beside it)."""
    from app.db import open_database
    from bench._common import _checkpoint

    source = seeded_shop(products)
    path = source.with_name(f"scan-{source.name}")
    if path.exists():
        return path
    with tempfile.TemporaryDirectory(prefix="peken-scan-build-") as folder:
        building = working_copy(source, Path(folder))
        database = open_database(building)
        try:
            _add_packs_and_scale(database)
        finally:
            database.close()
        _checkpoint(building)
        building.replace(path)
    return path


def _scan_codes(database: object) -> list[tuple[str, str]]:
    """(kind, code) for every scan: plain barcodes with dus barcodes and scale labels mixed in."""
    from decimal import Decimal

    from sqlalchemy import text

    from app import scale

    with database.read() as session:  # type: ignore[attr-defined]
        dus_codes = [str(c) for c in session.scalars(text(
            "SELECT code FROM barcodes WHERE pack_id IS NOT NULL ORDER BY id"))]
        plus = [int(c) for c in session.scalars(text(
            "SELECT code FROM barcodes WHERE length(code) = 5 AND code GLOB '[0-9]*' ORDER BY id"))]
    pick = random.Random(7)
    layout = scale.ScaleLayout()
    scans: list[tuple[str, str]] = []
    for i, code in enumerate(_codes(database, SCANS + WARMUP)):
        if i % LABEL_EVERY == LABEL_EVERY - 1:
            grams = Decimal(pick.randint(50, 5_000)) / 1000
            scans.append(("label", scale.build(layout, pick.choice(plus), weight_kg=grams)))
        elif i % PACK_EVERY == PACK_EVERY - 1:
            scans.append(("dus", pick.choice(dus_codes)))
        else:
            scans.append(("barcode", code))
    return scans


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
    cached = scan_shop(products)
    with tempfile.TemporaryDirectory(prefix="peken-scan-") as folder:
        return _measure(working_copy(cached, Path(folder)), products)


def _measure(shop: Path, products: int) -> int:
    """Scan ``SCANS`` codes (after ``WARMUP`` untimed ones) and report."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication

    from app.cart import Cart
    from app.db import open_database
    from ui.app import freeze_start_up, make_application, make_context
    from ui.main_window import MainWindow
    from ui.sell.screen import SellScreen

    database = open_database(shop)
    app = make_application()
    ctx, name = make_context(database)
    window = MainWindow(ctx, name)
    window.after_ready(freeze_start_up)  # as ui.app does once the till is usable
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
    by_kind: dict[str, list[float]] = {}
    for i, (kind, code) in enumerate(_scan_codes(database)):
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
            by_kind.setdefault(kind, []).append(elapsed)
    screen.keep_cart()  # the last write, before the file goes
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{products:,} products ({PACKS:,} with a dus, {PLUS} weighed with a PLU, scale labels "
          f"on), {len(timings)} scans timed")
    print_table(["scan → row painted", "ms"], [
        ["median", f"{median:.2f}"], ["p95", f"{p95:.2f}"], ["max", f"{timings[-1]:.2f}"],
        *([f"median, {kind} ({len(ms)})", f"{statistics.median(ms):.2f}"]
          for kind, ms in sorted(by_kind.items())),
        ["budget (p95)", f"{BUDGET_MS:.2f}"]])
    window.hide()
    database.close()
    print_result({"products": products, "scan_to_row_ms": median, "p95_ms": p95,
                  "budget_ms": BUDGET_MS})
    return 0


if __name__ == "__main__":
    sys.exit(main())
