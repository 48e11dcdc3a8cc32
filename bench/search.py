"""Name search and barcode lookup on a 100 000-product shop (``python -m bench.search``).

* search: ``app.search.search_products`` (FTS5 trigram candidates, re-ranked for the
  counter) against the raw FTS5 query ``SELECT rowid FROM product_fts WHERE product_fts
  MATCH ? ORDER BY rank LIMIT 60`` with plain ``sqlite3`` on the same file;
* barcode: ``app.catalog.find_by_code`` on random EAN-13 codes of the shop.

Each service call runs in its own read session, as one keystroke or scan does in the app.
Budgets: search_ms ≤ 2 × raw_fts_ms and ≤ 5 ms; barcode_ms ≤ 1 ms (medians).
"""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

from bench._common import describe, print_result, print_table, seeded_shop, shop_connection, time_ms

QUERIES = ["gor", "kopi kapal", "batik", "indomie", "sabun", "beras", "minyak goreng", "gula",
           "teh celup", "kecap", "susu", "keripik", "tulis", "air mineral"]
RUNS = 30
SCANS = 500
RAW_FTS = "SELECT rowid FROM product_fts WHERE product_fts MATCH ? ORDER BY rank LIMIT 60"


def _fts_expression(query: str) -> str:
    """The MATCH expression the service builds for a query (each word a quoted phrase)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.lower().split())


def _service_search(database: object, query: str) -> int:
    from app.search import search_products

    with database.read() as session:  # type: ignore[attr-defined]
        return len(search_products(session, query))


def _barcode(database: object, code: str) -> bool:
    from app.catalog import find_by_code

    with database.read() as session:  # type: ignore[attr-defined]
        return find_by_code(session, code) is not None


def run(path: Path) -> tuple[list[list[str]], list[float], list[float], list[float]]:
    """Time every query both ways and the barcode scans; returns table rows and samples."""
    from app.db import open_database

    database = open_database(path)
    conn = shop_connection(path)
    rows: list[list[str]] = []
    service: list[float] = []
    raw: list[float] = []
    try:
        for query in QUERIES:
            hits = _service_search(database, query)
            expr = _fts_expression(query)
            s = time_ms(lambda q=query: _service_search(database, q), RUNS)  # type: ignore[misc]
            r = time_ms(lambda e=expr: conn.execute(RAW_FTS, (e,)).fetchall(), RUNS)  # type: ignore[misc]
            service += s
            raw += r
            rows.append([query, str(hits), f"{statistics.median(s):.3f}", f"{statistics.median(r):.3f}"])
        codes = [str(c) for (c,) in conn.execute("SELECT code FROM barcodes")]
        picks = random.Random(3).sample(codes, SCANS)
        assert all(_barcode(database, c) for c in picks[:20])
        it = iter(picks * 2)
        barcode = time_ms(lambda: _barcode(database, next(it)), SCANS, warmup=20)
    finally:
        conn.close()
        database.close()
    return rows, service, raw, barcode


def main() -> int:
    """Reuse or build the shop, run, print the table and the RESULT line."""
    shop = seeded_shop(rebuild="--rebuild" in sys.argv)
    rows, service, raw, barcode = run(shop)
    print(f"name search ({RUNS} runs per query) and barcode lookup ({SCANS} scans), shop {shop.name}")
    print_table(["query", "hits", "service ms", "raw FTS ms"], rows)
    print()
    print_table(["what", "median ms", "p10 ms", "p90 ms", "n"], [
        ["search_products (all queries)", *describe(service)],
        ["raw FTS5 (all queries)", *describe(raw)],
        ["find_by_code (EAN-13)", *describe(barcode)],
    ])
    search_ms, raw_ms = statistics.median(service), statistics.median(raw)
    barcode_ms = statistics.median(barcode)
    ratio = search_ms / raw_ms
    verdict = ratio <= 2 and search_ms <= 5 and barcode_ms <= 1
    print(f"ratio {ratio:.2f} (≤ 2), search {search_ms:.2f} ms (≤ 5), barcode {barcode_ms:.3f} ms (≤ 1): "
          f"{'OK' if verdict else 'OVER BUDGET'}")
    print_result({"search_ms": search_ms, "raw_fts_ms": raw_ms, "ratio": ratio, "barcode_ms": barcode_ms})
    return 0


if __name__ == "__main__":
    sys.exit(main())
