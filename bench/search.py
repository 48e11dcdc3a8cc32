"""Name search and barcode lookup on a big shop (``python -m bench.search [--products N]``).

The shop is the demo shop plus ``--products`` seeded products (100 000 by default; the
budget also names 1 000 000). Each service call runs in its own read session, as one
keystroke or scan does in the app, with the limit the sell screen uses (30).

* search: ``app.search.search_products`` against two floors on the same file, plain ``sqlite3``:
  - ``floor_ms`` (like for like): one raw SQL statement returning the same ranked rows —
    the candidates (FTS5 trigram matches without bm25, plus names starting with the query),
    the archived filter and the seller's ranking, with the columns the service returns;
  - ``bare_ms``: a bare ``SELECT rowid FROM product_fts WHERE product_fts MATCH ? LIMIT 30``
    (what FTS5 alone costs; no ranking).
  The like-for-like rows are checked to be the service's rows, in its order.
* barcode: ``app.catalog.find_by_code`` on random EAN-13 codes of the shop.

Budgets: ``ratio`` = search / floor ≤ 2; search ≤ 10 ms at 1 000 000 products; barcode ≤ 1 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

from bench._common import (
    SHOP_PRODUCTS,
    describe,
    option,
    print_result,
    print_table,
    seeded_shop,
    shop_connection,
    time_ms,
)

QUERIES = ["gor", "kopi kapal", "batik", "indomie", "sabun", "beras", "minyak goreng", "gula",
           "teh celup", "kecap", "susu", "keripik", "tulis", "air mineral"]
LIMIT = 30  # ui.sell.screen.SEARCH_LIMIT
RUNS = 30
SCANS = 500
BARE = "SELECT rowid FROM product_fts WHERE product_fts MATCH ? LIMIT ?"
HIT_COLUMNS = "p.id, p.sku, p.name, p.price, p.unit, p.sold_by_weight, p.on_hand, p.archived"


def _fts_expression(query: str) -> str:
    """The MATCH expression the service builds for a query (each word a quoted phrase)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.lower().split())


def floor_statement(query: str) -> tuple[str, dict[str, object]]:
    """The like-for-like floor: the service's ranked rows from one raw SQL statement."""
    from app import search

    cleaned = " ".join(query.lower().split())
    words = cleaned.split(" ")
    terms, short = [t for t in words if len(t) >= 3], [t for t in words if len(t) < 3]
    params: dict[str, object] = {"q": cleaned, "n": search.CANDIDATES, "k": LIMIT, "all": words}
    sql = str(search._ranking_sql(cleaned, terms, short, False, params, HIT_COLUMNS))
    return sql, params


def _service_search(database: object, query: str) -> list[int]:
    from app.search import search_products

    with database.read() as session:  # type: ignore[attr-defined]
        return [hit.id for hit in search_products(session, query, limit=LIMIT)]


def _barcode(database: object, code: str) -> bool:
    from app.catalog import find_by_code

    with database.read() as session:  # type: ignore[attr-defined]
        return find_by_code(session, code) is not None


def run(path: Path) -> tuple[list[list[str]], dict[str, list[float]], int]:
    """Time every query three ways and the barcode scans; (table rows, samples, order mismatches)."""
    from app.db import open_database

    database = open_database(path)
    conn = shop_connection(path)
    rows: list[list[str]] = []
    samples: dict[str, list[float]] = {"service": [], "floor": [], "bare": [], "barcode": []}
    mismatches = 0
    try:
        for query in QUERIES:
            ids = _service_search(database, query)
            sql, params = floor_statement(query)
            if [r[0] for r in conn.execute(sql, params)] != ids:
                mismatches += 1
            expr = _fts_expression(query)
            s = time_ms(lambda q=query: _service_search(database, q), RUNS)  # type: ignore[misc]
            f = time_ms(lambda: conn.execute(sql, params).fetchall(), RUNS)  # noqa: B023
            b = time_ms(lambda e=expr: conn.execute(BARE, (e, LIMIT)).fetchall(), RUNS)  # type: ignore[misc]
            for key, got in (("service", s), ("floor", f), ("bare", b)):
                samples[key] += got
            rows.append([query, str(len(ids)), *(f"{statistics.median(x):.3f}" for x in (s, f, b))])
        codes = [str(c) for (c,) in conn.execute("SELECT code FROM barcodes")]
        picks = random.Random(3).sample(codes, min(SCANS, len(codes)))
        assert all(_barcode(database, c) for c in picks[:20])
        it = iter(picks * 2)
        samples["barcode"] = time_ms(lambda: _barcode(database, next(it)), len(picks), warmup=20)
    finally:
        conn.close()
        database.close()
    return rows, samples, mismatches


def main() -> int:
    """Reuse or build the shop, run, print the table and the RESULT line."""
    products = option("--products", SHOP_PRODUCTS)
    shop = seeded_shop(products, rebuild="--rebuild" in sys.argv)
    rows, samples, mismatches = run(shop)
    print(f"name search (limit {LIMIT}, {RUNS} runs per query) and barcode lookup, shop {shop.name}")
    print_table(["query", "hits", "service ms", "floor ms", "bare FTS ms"], rows)
    print()
    print_table(["what", "median ms", "p10 ms", "p90 ms", "n"], [
        ["search_products (all queries)", *describe(samples["service"])],
        ["floor: same ranked rows, one raw SQL", *describe(samples["floor"])],
        ["bare FTS5 MATCH … LIMIT", *describe(samples["bare"])],
        ["find_by_code (EAN-13)", *describe(samples["barcode"])],
    ])
    search_ms, floor_ms, bare_ms = (statistics.median(samples[k]) for k in ("service", "floor", "bare"))
    barcode_ms = statistics.median(samples["barcode"])
    ratio = search_ms / floor_ms
    verdict = ratio <= 2 and search_ms <= 10 and barcode_ms <= 1 and not mismatches
    print(f"ratio {ratio:.2f} (≤ 2), bare ratio {search_ms / bare_ms:.1f}, search {search_ms:.2f} ms "
          f"(≤ 10), barcode {barcode_ms:.3f} ms (≤ 1), floor rows differing from the service's: "
          f"{mismatches}: {'OK' if verdict else 'OVER BUDGET'}")
    print_result({"products": products, "limit": LIMIT, "search_ms": search_ms, "floor_ms": floor_ms,
                  "ratio": search_ms / floor_ms, "bare_ms": bare_ms, "bare_ratio": search_ms / bare_ms,
                  "barcode_ms": barcode_ms, "floor_mismatches": mismatches})
    return 0


if __name__ == "__main__":
    sys.exit(main())
