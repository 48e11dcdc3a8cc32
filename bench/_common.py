"""Shared helpers for benchmarks: timing, the table, the RESULT line and a cached big shop.

Typical use::

    from bench._common import median_ms, print_result, print_table, seeded_shop, working_copy

    shop = seeded_shop()                  # 100 000 products, built once, cached
    path = working_copy(shop, tmp_dir)    # a private copy when the benchmark writes
    ms = median_ms(lambda: do_it(), runs=200, warmup=10)
    print_table(["what", "median ms"], [["do_it", f"{ms:.3f}"]])
    print_result({"x_ms": ms})            # must be the last line printed

The cached shop lives in ``$PEKEN_BENCH_CACHE`` (default: the temp dir) and is named after
the product count and the schema head, so a new migration builds a fresh one. It is
written under a temporary name and renamed when complete, so an interrupted build is
never reused.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SHOP_PRODUCTS = 100_000


def cache_dir() -> Path:
    """Where cached benchmark shops live (``$PEKEN_BENCH_CACHE`` or the temp dir)."""
    path = Path(os.environ.get("PEKEN_BENCH_CACHE") or Path(tempfile.gettempdir()) / "peken-bench")
    path.mkdir(parents=True, exist_ok=True)
    return path


def seeded_shop(products: int = SHOP_PRODUCTS, rebuild: bool = False) -> Path:
    """A shop file with the demo shop plus ``products`` seeded products (cached, built once)."""
    from app.db import SCHEMA_HEAD, open_database
    from app.demo import build_demo, seed_products

    path = cache_dir() / f"shop-{products}-s{SCHEMA_HEAD}.sqlite"
    if path.exists() and not rebuild:
        return path
    building = path.with_name(path.name + f".building-{os.getpid()}")
    database = open_database(building)
    try:
        with database.unit_of_work() as session:
            build_demo(session)
            seed_products(session, products)
    finally:
        database.close()
    _checkpoint(building)
    building.replace(path)
    return path


def working_copy(source: Path, folder: Path) -> Path:
    """A private copy of a shop file for benchmarks that write (the cache stays pristine)."""
    target = folder / source.name
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so the shop is one self-contained file."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def shop_connection(path: Path) -> sqlite3.Connection:
    """A raw ``sqlite3`` connection with the same pragmas as the app (for the raw floor)."""
    from app.db import BUSY_TIMEOUT_MS

    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def time_ms(fn: Callable[[], object], runs: int, warmup: int = 5) -> list[float]:
    """Wall-clock milliseconds of ``runs`` calls of ``fn`` after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    samples: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 5) -> float:
    """The median of :func:`time_ms`."""
    return statistics.median(time_ms(fn, runs, warmup))


def describe(samples: Sequence[float]) -> list[str]:
    """Median, 10th and 90th percentile of samples, formatted for a table row."""
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return [f"{statistics.median(ordered):.3f}", f"{pick(0.1):.3f}", f"{pick(0.9):.3f}", str(len(ordered))]


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a plain aligned table."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths,
                                                                                           strict=True))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_result(figures: dict[str, Any]) -> None:
    """Print the ``RESULT {json}`` line (call it last); floats are rounded to 4 places."""
    clean = {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}
    print("RESULT " + json.dumps(clean), flush=True)


def option(name: str, default: int) -> int:
    """An integer command-line option such as ``--products 1000000`` (``default`` when absent)."""
    import sys

    args = sys.argv[1:]
    if name in args:
        index = args.index(name)
        if index + 1 < len(args):
            return int(args[index + 1].replace("_", ""))
    return default
