"""Benchmark: the Produk & Stok page on a big shop, opened cold inside the main window.

The shop (demo shop + ``--products N`` seeded products, 100 000 by default; the budget
names 1 000 000) is built once and cached (``bench._common.seeded_shop``). The whole main
window is built and shown on the sell screen (tile grid loaded), as after start-up. Measured:

- ``open_ms``: the FIRST open of the section — the seller clicks Produk & Stok: the page
  module imported, the page built, shown and painted once (first page of rows fetched);
  ``warm_open_ms``: the median of later opens of a fresh page (for comparison only);
- ``filter_ms``: a filter applied and repainted (name search, category, low stock, not
  published, archived): the median over those filters (``filter_max_ms``: the slowest);
- ``rss_mb``: the whole process's peak resident memory (Qt + main window + database + page).

Floor: the same count (the row kept by triggers, migration 0018) + first page of rows as plain
``sqlite3`` queries on a fresh connection (``floor_ms``, its first run, cold like the open);
``ratio`` = open_ms / floor_ms.
Budgets: open ≤ 300 ms, filter ≤ 50 ms, memory ≤ 300 MB (whole app).

Run: ``python -m bench.products_table [--products N] [--rebuild]``.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import SHOP_PRODUCTS, option, print_result, print_table, seeded_shop

RUNS = 7
BUDGETS = {"open_ms": 300.0, "filter_ms": 50.0, "rss_mb": 300.0}
SECTION = 1  # ui.main_window.SECTIONS: "Produk & Stok"


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _floor_ms(path: Path) -> float:
    """The count + the first 200 rows by name, on a fresh connection (first run). The count is
    read as the app reads it, from the row the triggers keep (migration 0018)."""
    conn = sqlite3.connect(path)

    def query() -> None:
        conn.execute("SELECT products FROM rollup_product_counts WHERE archived = 0").fetchone()
        conn.execute("SELECT id, sku, name, price, on_hand FROM products WHERE archived = 0 "
                     "ORDER BY name, id LIMIT 200").fetchall()

    try:
        return _ms(query)
    finally:
        conn.close()


def _main_window(path: Path) -> tuple[object, object, object]:
    """(app, window, database): the main window shown on the sell screen, grid loaded."""
    from app.db import open_database
    from ui.app import make_application, make_context
    from ui.main_window import MainWindow

    app = make_application()
    database = open_database(path)
    ctx, shop_name = make_context(database)
    window = MainWindow(ctx, shop_name)
    window.resize(1366, 768)
    window.show()
    deadline = time.perf_counter() + 0.5  # the deferred tile grid (30 ms timer) and its paint
    while time.perf_counter() < deadline:
        app.processEvents()
    return app, window, database


def _filters(app: object, page: object, database: object) -> dict[str, float]:
    from sqlalchemy import select

    from app.product_queries import ProductFilter
    from models import Category

    with database.read() as session:  # type: ignore[attr-defined]
        category_id = session.scalar(select(Category.id).limit(1))
    filters = {
        "cari 'goreng'": ProductFilter(search="goreng"),
        "cari 'kopi sus'": ProductFilter(search="kopi sus"),
        "kategori": ProductFilter(category_id=category_id),
        "stok menipis": ProductFilter(low_stock=True),
        "belum terbit": ProductFilter(unpublished=True),
        "arsip": ProductFilter(archived=True),
    }
    model = page.model  # type: ignore[attr-defined]
    per_filter: dict[str, float] = {}
    for name, flt in filters.items():
        samples = []
        for _ in range(RUNS):
            model.set_filter(ProductFilter())
            app.processEvents()  # type: ignore[attr-defined]
            samples.append(_ms(lambda f=flt: (model.set_filter(f), app.processEvents())))  # type: ignore[attr-defined,misc]
        per_filter[name] = statistics.median(samples)
    return per_filter


def main() -> None:
    """Run the benchmark and print the table and the RESULT line."""
    products = option("--products", SHOP_PRODUCTS)
    path = seeded_shop(products, rebuild="--rebuild" in sys.argv)
    floor = _floor_ms(path)
    app, window, database = _main_window(path)
    # The seller clicks Produk & Stok for the first time: import, build, show, paint.
    open_ms = _ms(lambda: (window.show_section(SECTION), app.processEvents()))  # type: ignore[attr-defined]
    page = window.pages[SECTION]  # type: ignore[attr-defined]
    rows = page.model.rowCount()
    from ui.products.page import ProductsPage

    def reopen() -> None:
        fresh = ProductsPage(window.ctx)  # type: ignore[attr-defined]
        fresh.resize(1280, 780)
        fresh.show()
        app.processEvents()  # type: ignore[attr-defined]
        fresh.close()
        fresh.deleteLater()

    warm = statistics.median(_ms(reopen) for _ in range(RUNS))
    per_filter = _filters(app, page, database)
    filter_ms = statistics.median(per_filter.values())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    database.close()  # type: ignore[attr-defined]
    table = [["first open in the main window (" + format(rows, ",") + " rows)", f"{open_ms:.1f}"],
             ["later opens, median", f"{warm:.1f}"],
             *[["filter: " + name, f"{ms:.1f}"] for name, ms in per_filter.items()],
             ["floor: raw sqlite3 count + page, fresh connection", f"{floor:.1f}"]]
    print(f"shop {path.name}")
    print_table(["what", "ms"], table)
    print(f"peak RSS, whole main window + page: {rss_mb:.0f} MB")
    ok = open_ms <= BUDGETS["open_ms"] and filter_ms <= BUDGETS["filter_ms"] and rss_mb <= BUDGETS["rss_mb"]
    print(f"budgets {BUDGETS}: {'OK' if ok else 'OVER BUDGET'}")
    print_result({"products": products, "open_ms": open_ms, "warm_open_ms": warm, "filter_ms": filter_ms,
                  "filter_max_ms": max(per_filter.values()), "rss_mb": rss_mb, "floor_ms": floor,
                  "ratio": open_ms / floor if floor else None, "budgets": BUDGETS})
    os._exit(0)  # skip Qt teardown of the whole window (not measured)


if __name__ == "__main__":
    main()
