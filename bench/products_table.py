"""Benchmark: the Produk & Stok page on a 100 000-product shop.

The shop (demo shop + 100 000 seeded products) is built once and cached in the temp dir.
Measured, each the median of several runs:
- ``open_ms``: the page built, shown and painted once (first page of rows fetched);
- ``filter_ms``: a filter applied and repainted (name search, category, low stock,
  not published, archived): the median over those filters (``filter_max_ms``: the slowest);
- ``rss_mb``: the whole process's peak resident memory (Qt + database + page).
Raw floor: the same COUNT + first page as plain ``sqlite3`` queries.
Budgets: open ≤ 300 ms, filter ≤ 50 ms, memory ≤ 200 MB.

Run: ``python -m bench.products_table`` (``--rebuild`` regenerates the cached shop).
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import demo
from app.db import SCHEMA_HEAD, open_database

PRODUCTS = 100_000
RUNS = 7
BUDGETS = {"open_ms": 300.0, "filter_ms": 50.0, "rss_mb": 200.0}


def cached_shop(rebuild: bool = False) -> Path:
    """The demo shop with 100 000 extra products (built when missing)."""
    path = Path(tempfile.gettempdir()) / f"peken_bench_products_{SCHEMA_HEAD}_{PRODUCTS}.sqlite"
    if path.exists() and not rebuild:
        return path
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    database = open_database(path)
    with database.unit_of_work() as session:
        demo.build_demo(session)
        demo.seed_products(session, PRODUCTS)
    database.close()
    return path


def _median_ms(fn: Callable[[], None], runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _raw_floor_ms(path: Path) -> float:
    conn = sqlite3.connect(path)

    def query() -> None:
        conn.execute("SELECT COUNT(*) FROM products WHERE archived = 0").fetchone()
        conn.execute("SELECT id, sku, name, price FROM products WHERE archived = 0 "
                     "ORDER BY name, id LIMIT 200").fetchall()

    try:
        return _median_ms(query)
    finally:
        conn.close()


def main() -> None:
    """Run the benchmark and print the table and the RESULT line."""
    path = cached_shop("--rebuild" in sys.argv)
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.product_queries import ProductFilter
    from models import Category
    from ui.context import AppContext
    from ui.products.page import ProductsPage

    app = QApplication.instance() or QApplication(sys.argv)
    database = open_database(path)
    ctx = AppContext(db=database)
    pages: list[ProductsPage] = []

    def open_page() -> None:
        page = ProductsPage(ctx)
        page.resize(1280, 780)
        page.show()
        app.processEvents()  # layout, then the first paint (which fetches the first page)
        pages.append(page)

    open_ms = _median_ms(open_page)
    page = pages[-1]
    rows = page.model.rowCount()
    with database.read() as session:
        category_id = session.scalar(select(Category.id).limit(1))
    filters = {
        "cari 'goreng'": ProductFilter(search="goreng"),
        "cari 'kopi sus'": ProductFilter(search="kopi sus"),
        "kategori": ProductFilter(category_id=category_id),
        "stok menipis": ProductFilter(low_stock=True),
        "belum terbit": ProductFilter(unpublished=True),
        "arsip": ProductFilter(archived=True),
    }
    per_filter: dict[str, float] = {}
    for name, flt in filters.items():
        samples = []
        for _ in range(RUNS):
            page.model.set_filter(ProductFilter())
            app.processEvents()
            start = time.perf_counter()
            page.model.set_filter(flt)
            app.processEvents()  # the reset schedules the repaint; this paints it
            samples.append((time.perf_counter() - start) * 1000)
        per_filter[name] = statistics.median(samples)
    filter_ms = statistics.median(per_filter.values())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    floor = _raw_floor_ms(path)
    for p in pages:
        p.close()
    database.close()
    print(f"{'what':<30}{'ms':>10}")
    print(f"{'page opened (' + format(rows, ',') + ' rows)':<30}{open_ms:>10.1f}")
    for name, ms in per_filter.items():
        print(f"{'filter: ' + name:<30}{ms:>10.1f}")
    print(f"{'raw sqlite3 count + page':<30}{floor:>10.1f}")
    print(f"peak RSS: {rss_mb:.0f} MB")
    result = {"open_ms": round(open_ms, 1), "filter_ms": round(filter_ms, 1),
              "filter_max_ms": round(max(per_filter.values()), 1), "rss_mb": round(rss_mb, 1),
              "floor_ms": round(floor, 2), "open_ratio": round(open_ms / floor, 1) if floor else None,
              "products": rows, "budgets": BUDGETS}
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
