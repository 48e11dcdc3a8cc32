"""Produk & Stok's count of active and archived products is kept by triggers (migration 0018),
so an open reads one row instead of counting a million products: a file made by 0017 gets its
counts when it opens, and any mix of adds, deletes, (un)archiving and imports keeps them equal
to a fresh count."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.db import Database, open_database
from app.product_queries import ProductFilter, count_products
from app.reports import rollups
from tests.migration_files import file_at
from tests.shop_template import new_shop

NOW = "2026-11-30 03:00:00.000000"


def _insert(conn: sqlite3.Connection, number: int, archived: int) -> None:
    conn.execute(
        "INSERT INTO products (uuid, sku, name, unit, sold_by_weight, price, cost, min_stock,"
        " on_hand, archived, published, favourite, has_history, created_at, updated_at,"
        " option_names, options) VALUES (?, ?, ?, 'pcs', 0, 4000, 3000, 0, 0, ?, 0, 0, 0, ?, ?,"
        " '', '')", (f"00000000-0000-4000-8000-{number:012d}", f"S{number}", f"Produk {number}",
                     archived, NOW, NOW))




def _counts(database: Database) -> tuple[int, int]:
    with database.read() as session:
        return (count_products(session, ProductFilter()),
                count_products(session, ProductFilter(archived=True)))


def _scanned(database: Database) -> tuple[int, int]:
    with database.read() as session:
        return tuple(int(session.execute(text(  # type: ignore[return-value]
            "SELECT count(*) FROM products WHERE archived = :a"), {"a": a}).scalar_one())
            for a in (0, 1))


def test_a_file_made_by_0017_gets_its_counts_when_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    file_at(path, "0017")
    with sqlite3.connect(path) as conn:
        for number in range(1, 8):
            _insert(conn, number, archived=1 if number > 5 else 0)
    database = open_database(path)
    try:
        assert _counts(database) == (5, 2) == _scanned(database)
    finally:
        database.close()


OPS = st.lists(st.tuples(st.sampled_from(["add", "add_archived", "delete", "archive", "restore"]),
                         st.integers(min_value=0, max_value=50)), max_size=25)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_the_kept_counts_equal_a_fresh_count_after_any_changes(
        tmp_path: Path, ops: list[tuple[str, int]]) -> None:
    database = new_shop(tmp_path / f"shop-{abs(hash(tuple(ops)))}.sqlite")
    try:
        for number, (op, pick) in enumerate(ops, start=10_000):
            with database.unit_of_work() as session:
                conn = session.connection().connection.driver_connection
                assert isinstance(conn, sqlite3.Connection)
                ids = [r[0] for r in conn.execute("SELECT id FROM products ORDER BY id")]
                target = ids[pick % len(ids)] if ids else None
                if op.startswith("add"):
                    _insert(conn, number, archived=int(op == "add_archived"))
                elif target is not None and op == "delete":
                    conn.execute("DELETE FROM order_lines WHERE product_id = ?", (target,))
                    conn.execute("DELETE FROM products WHERE id = ?", (target,))
                elif target is not None:
                    conn.execute("UPDATE products SET archived = ? WHERE id = ?",
                                 (int(op == "archive"), target))
        assert _counts(database) == _scanned(database)
        with database.read() as session:
            assert rollups.differences(session) == []
    finally:
        database.close()
