"""A shop file made by the current release (revision 0012) keeps every product, barcode and
stock figure when the app opens it (migrating to the head: packs, tiers, promotions, variants),
and the app sells from it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app import db as appdb
from app import packs, variants
from app.catalog import find_by_code
from app.db import open_database
from app.packs import PackInput
from app.sales import checkout
from models import Barcode, OrderLine, Product
from tests.migration_files import file_at
from tests.unit.foundation_kit import cart_of, cash

NOW = "2026-11-28 03:00:00.000000"
SALE_AT = datetime(2026, 11, 28, 4, 0, tzinfo=UTC)
PRODUCTS = [  # sku, name, unit, by weight, price, on hand (thousandths), barcodes
    ("K1", "Kopi Kapal Api", "pcs", 0, 14_500, 18_000, ["8991002101234"]),
    ("B1", "Beras Pandan Wangi", "kg", 1, 15_500, 24_750, []),
    ("T1", "Teh Celup", "pcs", 0, 7_500, -2_000, ["2000000000015", "0400000000014"]),
    ("S1", "Gula Pasir", "kg", 1, 17_000, 0, ["2000123000007"]),
    ("R1", "Roti Sobek", "pcs", 0, 12_000, 5_000, ["2900000000012"]),
]




def _fill(path: Path) -> None:
    """Products, barcodes (in-store 20… codes too), ledger rows and a sale, as 0012 wrote them."""
    with sqlite3.connect(path) as conn:
        for n, (sku, name, unit, weighed, price, on_hand, codes) in enumerate(PRODUCTS, start=1):
            conn.execute(
                "INSERT INTO products (id, uuid, sku, name, unit, sold_by_weight, price, cost, min_stock,"
                " on_hand, archived, published, favourite, has_history, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, 0, 0, 1, ?, ?)",
                (n, f"00000000-0000-4000-8000-00000000000{n}", sku, name, unit, weighed, price, on_hand,
                 NOW, NOW))
            conn.executemany("INSERT INTO barcodes (code, product_id) VALUES (?, ?)",
                             [(c, n) for c in codes])
            conn.execute(
                "INSERT INTO stock_movements (uuid, product_id, kind, qty, reason, note, device, remote,"
                " created_at) VALUES (?, ?, 'initial', ?, '', '', '', 0, ?)",
                (f"10000000-0000-4000-8000-00000000000{n}", n, on_hand + (2_000 if n == 1 else 0), NOW))
        conn.execute(
            "INSERT INTO orders (id, uuid, number, device, day, seq, kind, source, status, subtotal,"
            " discount, total, tax, note, reason, buyer_name, buyer_phone, created_at, paid_at, rounding)"
            " VALUES (1, '20000000-0000-4000-8000-000000000001', 'K1-20261127-0001', 'K1', '2026-11-27',"
            " 1, 'sale', 'counter', 'paid', 29000, 0, 29000, 0, '', '', '', '', ?, ?, 0)", (NOW, NOW))
        conn.execute(
            "INSERT INTO order_lines (uuid, order_id, position, product_id, name, unit, qty, unit_price,"
            " unit_cost, discount, total) VALUES ('30000000-0000-4000-8000-000000000001', 1, 0, 1,"
            " 'Kopi Kapal Api', 'pcs', 2000, 14500, 0, 0, 29000)")
        conn.execute(
            "INSERT INTO stock_movements (uuid, product_id, kind, qty, reason, note, order_id, device,"
            " remote, created_at) VALUES ('40000000-0000-4000-8000-000000000001', 1, 'sale', -2000, '',"
            " '', 1, '', 0, ?)", (NOW,))


def _snapshot(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        products = list(conn.execute("SELECT id, uuid, sku, name, unit, price, on_hand FROM products"
                                     " ORDER BY id"))
        codes = list(conn.execute("SELECT code, product_id FROM barcodes ORDER BY code"))
    return products, codes


def test_a_0012_shop_keeps_every_product_barcode_and_stock_and_sells(tmp_path: Path) -> None:
    path = tmp_path / "toko-rilis-0012.sqlite"
    file_at(path, "0012")
    _fill(path)
    before = _snapshot(path)
    database = open_database(path)
    try:
        assert appdb.stored_revision(path) == appdb.SCHEMA_HEAD
        assert _snapshot(path) == before
        with database.read() as session:
            assert session.scalars(select(Barcode.pack_id)).all() == [None] * len(before[1])
            assert {p.parent_id for p in session.scalars(select(Product))} == {None}
            line = session.scalars(select(OrderLine)).one()
            assert (line.qty, line.pack_factor, line.pack_name, line.promo_discount) == (
                Decimal(2), Decimal(1), "", 0)
            for code, pid in before[1]:  # every old code still scans as its product
                hit = find_by_code(session, str(code))
                assert hit is not None and hit.id == pid and hit.label_qty is None
        with database.unit_of_work() as session:
            cart = cart_of(session, [(1, 3), (2, "1.250")])
            checkout(session, cart, cash(cart.total), cashier_id=None, now=SALE_AT)
            dus = packs.add_pack(session, 1, PackInput("dus", Decimal(40), 560_000, ["8991002109995"]))
            variants.make_parent(session, 4, ["Ukuran"])  # Gula has no stock: may become a parent
        with database.read() as session:
            on_hand = dict(session.execute(select(Product.sku, Product.on_hand)).all())
            assert on_hand["K1"] == Decimal(15) and on_hand["B1"] == Decimal("23.5")
            assert on_hand["T1"] == Decimal(-2) and on_hand["R1"] == Decimal(5)
            hit = find_by_code(session, "8991002109995")
            assert hit is not None and hit.id == 1
            assert session.scalar(select(Barcode.pack_id).where(Barcode.code == "8991002109995")) == dus
    finally:
        database.close()
