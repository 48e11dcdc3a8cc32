"""Benchmark: importing 10 000 products from CSV into the demo shop (budget ≤ 10 s).

Measured end to end as the seller experiences it: read the file, check every row
(preview), then check again and write in one transaction (the commit path). The raw
floor is the same products written with plain ``sqlite3`` executemany (no checks, no
ledger, no outbox), for comparison.

Run: ``python -m bench.import_products``
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from app.db import open_database
from app.importing import build_plan, guess_mapping, import_table, read_table

ROWS = 10_000
RUNS = 3
BUDGET_S = 10.0
CATEGORIES = ["Sembako", "Minuman", "Camilan", "Makanan Beku", "Batik & Kain", "Kerajinan", "Rumah"]
UNITS = ["pcs", "pcs", "pcs", "kg", "bks", "botol", "liter"]


def write_file(path: Path, rows: int = ROWS, seed: int = 5) -> Path:
    """A supplier-style CSV with Indonesian headers and prices like ``Rp 12.500``."""
    rng = random.Random(seed)
    lines = ["Nama Produk;Harga Jual;Harga Pokok;SKU;Barcode;Kategori;Satuan;Stok;Stok Minimum;"
             "Terbit PEKEN"]
    for i in range(rows):
        price = rng.randint(2, 400) * 500
        code = f"{899_000_000_000 + i:012d}"
        check = (10 - (sum(int(d) for d in code[0::2]) + 3 * sum(int(d) for d in code[1::2])) % 10) % 10
        lines.append(
            f"Produk Impor {rng.choice(['Super', 'Hemat', 'Asli'])} {i};"
            f"Rp {price:,};{price * 8 // 10};IMPB-{i:06d};{code}{check};{rng.choice(CATEGORIES)};"
            f"{rng.choice(UNITS)};{rng.randint(0, 200)};5;{rng.choice(['Ya', 'Tidak'])}".replace(",", ".")
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def _raw_floor(db_path: Path, table_rows: list[tuple[int, list[str]]]) -> float:
    conn = sqlite3.connect(db_path, isolation_level=None)
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO products (uuid, sku, name, unit, sold_by_weight, price, cost, min_stock, on_hand, "
        "archived, published, favourite, has_history, created_at, updated_at) VALUES "
        "(?, ?, ?, 'pcs', 0, 1000, 0, 0, 0, 0, 0, 0, 0, '2026-01-01', '2026-01-01')",
        [(str(uuid.uuid4()), cells[3], cells[0]) for _line, cells in table_rows],
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def run_once(work: Path, csv_path: Path, run: int) -> tuple[float, float, int]:
    """(seconds for the whole import, seconds for the preview check, products created)."""
    database = open_database(work / f"shop_{run}.sqlite")
    try:
        start = time.perf_counter()
        table = read_table(csv_path)
        mapping = guess_mapping(table.headers)
        with database.read() as session:
            plan = build_plan(session, table, mapping)
        preview = time.perf_counter() - start
        assert plan.ok, plan.report()[:500]
        with database.unit_of_work() as session:
            result = import_table(session, table, mapping)
        return time.perf_counter() - start, preview, result.created
    finally:
        database.close()


def main() -> None:
    """Run the benchmark and print the table and the RESULT line."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csv_path = write_file(work / "produk.csv")
        timings = [run_once(work, csv_path, run) for run in range(RUNS)]
        floor_db = work / "floor.sqlite"
        open_database(floor_db).close()
        floor = _raw_floor(floor_db, read_table(csv_path).rows)
    seconds = statistics.median(t[0] for t in timings)
    preview = statistics.median(t[1] for t in timings)
    print(f"{'what':<36}{'seconds':>10}")
    print(f"{'preview (read + check 10 000 rows)':<36}{preview:>10.2f}")
    print(f"{'import (read + check + write)':<36}{seconds:>10.2f}")
    print(f"{'raw sqlite3 insert (floor)':<36}{floor:>10.2f}")
    print(f"budget ≤ {BUDGET_S} s: {'OK' if seconds <= BUDGET_S else 'OVER'}")
    result = {"rows": timings[0][2], "seconds": round(seconds, 3), "preview_seconds": round(preview, 3),
              "floor_seconds": round(floor, 3), "ratio": round(seconds / floor, 1) if floor else None,
              "budget_seconds": BUDGET_S}
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
