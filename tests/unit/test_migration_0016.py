"""A shop file made by the current release (revision 0015), with packs, pack barcodes, grosir
tiers, a variant and a promotion, keeps every product, barcode, pack, tier and stock figure
when the app opens it (migrating to 0016: the sync stamps), still sells from it, and its
pricing is shared with the shop's other devices once."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app import db as appdb
from app.catalog import find_by_code
from app.db import open_database
from app.sync.pricing import share_unshared
from models import OutboxOp
from tests.migration_files import file_at

NOW = "2026-11-30 03:00:00.000000"
P1, P2, P3, P4 = (f"00000000-0000-4000-8000-00000000000{n}" for n in range(1, 5))




def _fill(path: Path) -> None:
    """Indomie with a dus (its own barcode) and grosir tiers, a Kemeja parent with a variant,
    a promotion on the kopi: as release 0015 wrote them (quantities in thousandths)."""
    products = [(1, P1, "M1", "Indomie Goreng", 3_000, 200_000, "", "", None),
                (2, P2, "K1", "Kopi Kapal Api", 3_500, 50_000, "", "", None),
                (3, P3, "KB", "Kemeja Batik", 150_000, 0, json.dumps(["Ukuran"]), "", None),
                (4, P4, "KB-L", "Kemeja Batik — L", 150_000, 7_000, "", json.dumps({"Ukuran": "L"}), 3)]
    with sqlite3.connect(path) as conn:
        for pid, key, sku, name, price, on_hand, names, options, parent in products:
            conn.execute(
                "INSERT INTO products (id, uuid, sku, name, unit, sold_by_weight, price, cost, min_stock,"
                " on_hand, archived, published, favourite, has_history, created_at, updated_at,"
                " parent_id, option_names, options)"
                " VALUES (?, ?, ?, ?, 'pcs', 0, ?, 0, 0, ?, 0, 0, 0, 1, ?, ?, ?, ?, ?)",
                (pid, key, sku, name, price, on_hand, NOW, NOW, parent, names, options))
            conn.execute(
                "INSERT INTO stock_movements (uuid, product_id, kind, qty, reason, note, device, remote,"
                " created_at) VALUES (?, ?, 'initial', ?, '', '', '', 0, ?)",
                (f"10000000-0000-4000-8000-00000000000{pid}", pid, on_hand, NOW))
        conn.execute("INSERT INTO product_packs (id, uuid, product_id, name, factor, price, archived,"
                     " updated_at) VALUES (1, '50000000-0000-4000-8000-000000000001', 1, 'dus',"
                     " 40000, 110000, 0, ?)", (NOW,))
        conn.executemany("INSERT INTO barcodes (code, product_id, pack_id) VALUES (?, ?, ?)",
                         [("8990000000011", 1, None), ("8990000000123", 1, 1),
                          ("8990000000028", 2, None)])
        conn.executemany("INSERT INTO price_tiers (uuid, product_id, pack_id, group_name, min_qty,"
                         " price) VALUES (?, 1, ?, '', ?, ?)",
                         [("60000000-0000-4000-8000-000000000001", None, 12_000, 2_800),
                          ("60000000-0000-4000-8000-000000000002", 1, 3_000, 105_000)])
        conn.execute("INSERT INTO promotions (id, uuid, name, kind, active, buy_qty, free_qty,"
                     " bundle_price, percent, amount, weekdays, stackable, priority, created_at,"
                     " updated_at) VALUES (1, '70000000-0000-4000-8000-000000000001', 'Diskon kopi',"
                     " 'percent', 1, 0, 0, 0, 20000, 0, '1234567', 0, 0, ?, ?)", (NOW, NOW))
        conn.execute("INSERT INTO promotion_items (promotion_id, product_id, qty) VALUES (1, 2, 1000)")


QUERIES = {
    "products": "SELECT id, uuid, sku, name, price, on_hand, parent_id, option_names, options"
                " FROM products ORDER BY id",
    "barcodes": "SELECT code, product_id, pack_id FROM barcodes ORDER BY code",
    "packs": "SELECT id, uuid, product_id, name, factor, price, archived FROM product_packs",
    "tiers": "SELECT uuid, product_id, pack_id, min_qty, price FROM price_tiers ORDER BY uuid",
    "promotions": "SELECT uuid, name, percent, active FROM promotions",
    "items": "SELECT promotion_id, product_id, qty FROM promotion_items",
    "stock": "SELECT uuid, product_id, qty FROM stock_movements ORDER BY uuid",
}


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        return {name: list(conn.execute(sql)) for name, sql in QUERIES.items()}


def test_a_0015_shop_keeps_its_pricing_and_stock_and_shares_it_once(tmp_path: Path) -> None:
    path = tmp_path / "toko-rilis-0015.sqlite"
    file_at(path, "0015")
    _fill(path)
    before = _snapshot(path)
    database = open_database(path)
    try:
        assert appdb.stored_revision(path) == appdb.SCHEMA_HEAD
        assert _snapshot(path) == before
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT stamp FROM product_packs").fetchall() == [(None,)]
            assert conn.execute("SELECT count(*) FROM pricing_tombstones").fetchone() == (0,)
        with database.read() as session:
            hit = find_by_code(session, "8990000000123")
            assert hit is not None and (hit.id, hit.pack_factor, hit.pack_price) == (
                1, Decimal(40), 110_000)
        with database.unit_of_work() as session:
            assert share_unshared(session) == 5  # the dus, Indomie's tiers, 2 variant rows, the promo
        with database.read() as session:
            records = [json.loads(p)["record"] for p in session.scalars(
                select(OutboxOp.payload).where(OutboxOp.kind == "pricing.record"))]
            assert sorted(records) == ["pack", "promotion", "tiers", "variant", "variant"]
        assert _snapshot(path) == before
    finally:
        database.close()
