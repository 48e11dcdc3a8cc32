"""Report rollups: sums of the counted orders, their payments and their lines, in two levels.

The rows (``models.rollups``) are kept by SQLite triggers in the same transaction as every
write to ``orders``, ``order_lines`` and ``payments`` — a sale, refund, void, expiry,
confirmation or an order pulled by sync. Two levels:

* per UTC hour (lines: per UTC date and slot) — migration 0007; independent of the shop zone;
* per shop day (``rollup_day_*``, migration 0008) — what the reports read: a year is at most
  366 rows per key. The day row of the orders also holds its 24 shop hours (``n00``…``n23``
  orders, ``t00``…``t23`` total); lines are also summed per shop month and product
  (``rollup_month_products``). The shop day follows ``shop.timezone`` in ``settings``; a
  zone change rebuilds the day and month rows in the same transaction (a trigger).

This module recomputes every level from the ledger (:func:`rebuild`) and compares the kept
rows with a fresh computation (:func:`differences`).

Command line: ``python -m app.reports.rollups --db SHOP [--check]`` (``--check`` only
compares and exits 1 on a difference; without it the rollups are rebuilt).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db import open_database

COUNTED = "('paid', 'fulfilled')"
SLOT = ("substr(o.created_at, 1, 10) || ' ' || CASE WHEN substr(o.created_at, 12, 2) < '15' THEN '0' "
        "WHEN substr(o.created_at, 12, 2) = '15' THEN '1' WHEN substr(o.created_at, 12, 2) = '16' "
        "THEN '2' ELSE '3' END")
SLOT_STARTS = {0: "0", 15: "1", 16: "2", 17: "3"}  # UTC hour → the slot it starts
TABLES = {
    "rollup_orders": (
        ("hour", "kind", "channel_id", "source"), ("orders", "total", "discount", "rounding"),
        "SELECT substr(o.created_at, 1, 13), o.kind, coalesce(o.channel_id, 0), o.source, count(*), "
        "sum(o.total), sum(o.discount), sum(o.rounding) FROM orders o "
        f"WHERE o.status IN {COUNTED} GROUP BY 1, 2, 3, 4"),
    "rollup_payments": (
        ("hour", "kind", "method"), ("payments", "amount", "unique_codes"),
        "SELECT substr(o.created_at, 1, 13), o.kind, p.method, count(*), sum(p.amount), "
        "sum(CASE WHEN p.status = 'confirmed' AND p.method = 'transfer' THEN p.unique_code ELSE 0 END) "
        f"FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.status IN {COUNTED} "
        "AND p.status != 'void' GROUP BY 1, 2, 3"),
    "rollup_products": (
        ("slot", "product_id"), ("lines", "qty", "total", "cost_milli"),
        f"SELECT {SLOT}, l.product_id, count(*), sum(l.qty * l.pack_factor / 1000), sum(l.total), "
        "sum(l.qty * l.unit_cost) FROM order_lines l JOIN orders o ON o.id = l.order_id "
        f"WHERE o.status IN {COUNTED} GROUP BY 1, 2"),
}
# The shop's offset from UTC in hours, as the triggers of migration 0008 read it.
OFFSET = ("coalesce((SELECT CASE value WHEN '\"Asia/Makassar\"' THEN 8 WHEN '\"Asia/Jayapura\"' "
          "THEN 9 ELSE 7 END FROM settings WHERE key = 'shop.timezone'), 7)")
DAY = "date(o.created_at, '+' || " + OFFSET + " || ' hours')"
_SHOP_HOUR = "((CAST(substr(o.created_at, 12, 2) AS INTEGER) + " + OFFSET + ") % 24)"
HOURS = tuple(f"{h:02d}" for h in range(24))
_BY_HOUR = ", ".join([*(f"sum(CASE WHEN {_SHOP_HOUR} = {h} THEN 1 ELSE 0 END)" for h in range(24)),
                      *(f"sum(CASE WHEN {_SHOP_HOUR} = {h} THEN o.total ELSE 0 END)" for h in range(24))])
TABLES.update({
    "rollup_day_orders": (
        ("day", "kind", "channel_id", "source"),
        ("orders", "total", "discount", "rounding", *(f"n{h}" for h in HOURS), *(f"t{h}" for h in HOURS)),
        f"SELECT {DAY}, o.kind, coalesce(o.channel_id, 0), o.source, count(*), sum(o.total), "
        f"sum(o.discount), sum(o.rounding), {_BY_HOUR} FROM orders o "
        f"WHERE o.status IN {COUNTED} GROUP BY 1, 2, 3, 4"),
    "rollup_day_payments": (
        ("day", "kind", "method"), ("payments", "amount", "unique_codes"),
        f"SELECT {DAY}, o.kind, p.method, count(*), sum(p.amount), "
        "sum(CASE WHEN p.status = 'confirmed' AND p.method = 'transfer' THEN p.unique_code ELSE 0 END) "
        f"FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.status IN {COUNTED} "
        "AND p.status != 'void' GROUP BY 1, 2, 3"),
    "rollup_day_products": (
        ("day", "product_id"), ("lines", "qty", "total", "cost_milli"),
        f"SELECT {DAY}, l.product_id, count(*), sum(l.qty * l.pack_factor / 1000), sum(l.total), "
        "sum(l.qty * l.unit_cost) FROM order_lines l JOIN orders o ON o.id = l.order_id "
        f"WHERE o.status IN {COUNTED} GROUP BY 1, 2"),
    "rollup_month_products": (
        ("month", "product_id"), ("lines", "qty", "total", "cost_milli"),
        f"SELECT substr({DAY}, 1, 7), l.product_id, count(*), sum(l.qty * l.pack_factor / 1000), "
        "sum(l.total), "
        "sum(l.qty * l.unit_cost) FROM order_lines l JOIN orders o ON o.id = l.order_id "
        f"WHERE o.status IN {COUNTED} GROUP BY 1, 2"),
    # How many products are active and archived (migration 0018): Produk & Stok's count.
    "rollup_product_counts": (
        ("archived",), ("products",), "SELECT p.archived, count(*) FROM products p GROUP BY 1"),
})
Row = tuple[object, ...]


def rebuild(session: Session) -> dict[str, int]:
    """Recompute every rollup row from the orders, payments and lines; rows written per table."""
    written = {}
    for table, (keys, sums, query) in TABLES.items():
        session.execute(text(f"DELETE FROM {table}"))
        columns = ", ".join((*keys, *sums))
        result = session.execute(text(f"INSERT INTO {table} ({columns}) {query}"))
        written[table] = int(result.rowcount or 0)  # type: ignore[attr-defined]
    return written


def _rows(session: Session, sql: str, width: int) -> dict[Row, Row]:
    """key → sums, leaving out rows whose sums are all zero (left behind by a subtraction)."""
    found = {}
    for row in session.execute(text(sql)):
        values = tuple(row)
        if any(values[width:]):
            found[values[:width]] = values[width:]
    return found


def differences(session: Session) -> list[str]:
    """What the kept rollups get wrong against a fresh computation (empty: they agree)."""
    wrong = []
    for table, (keys, sums, query) in TABLES.items():
        kept = _rows(session, f"SELECT {', '.join((*keys, *sums))} FROM {table}", len(keys))
        fresh = _rows(session, query, len(keys))
        for key in sorted(kept.keys() | fresh.keys(), key=repr):
            if kept.get(key) != fresh.get(key):
                wrong.append(f"{table} {key}: kept {kept.get(key)}, ledger {fresh.get(key)}")
    return wrong


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild (or with ``--check`` only compare) the rollups of a shop file."""
    parser = argparse.ArgumentParser(prog="python -m app.reports.rollups")
    parser.add_argument("--db", type=Path, required=True, help="berkas toko (SQLite)")
    parser.add_argument("--check", action="store_true", help="hanya bandingkan, jangan tulis")
    args = parser.parse_args(argv)

    database = open_database(args.db)
    try:
        if args.check:
            with database.read() as session:
                wrong = differences(session)
            print("\n".join(wrong) or "Ringkasan laporan cocok dengan transaksi.")
            return 1 if wrong else 0
        with database.unit_of_work() as session:
            written = rebuild(session)
        print("Ringkasan laporan dibangun ulang: " + ", ".join(f"{t} {n}" for t, n in written.items()))
        return 0
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(main())
