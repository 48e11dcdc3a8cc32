"""A shop file made by release 0016, with a purchase (partly paid), a purchase order received
in part and their lines, keeps every purchase, line, payment and debt figure when the app
opens it (migrating to 0017: the purchase lines' pack columns); its old lines read as bought
in base units, so returning or receiving them counts qty × unit cost as before. A backup of
such a file is still accepted for restore."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

from app import db as appdb
from app import purchases
from app.backup import validate_shop_file
from app.db import open_database
from app.reports import books as book_reports
from contract.enums import MoneySource, PurchaseStatus
from tests.migration_files import file_at

NOW = "2026-11-30 03:00:00.000000"
P1, P2 = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
SUP = "20000000-0000-4000-8000-000000000001"
BUY, ORDER = "30000000-0000-4000-8000-000000000001", "30000000-0000-4000-8000-000000000002"




def _fill(path: Path) -> None:
    """As release 0016 wrote them: 10 renteng bought at Rp40.000 stored as 120 pcs at Rp3.333
    (total Rp399.960), Rp100.000 paid; an order of 24 pcs with 12 received (quantities in
    thousandths)."""
    with sqlite3.connect(path) as conn:
        for pid, key, name, on_hand, cost in ((1, P1, "Indomie Goreng", 120_000, 3_333),
                                              (2, P2, "Kopi Kapal Api", 12_000, 2_500)):
            conn.execute(
                "INSERT INTO products (id, uuid, sku, name, unit, sold_by_weight, price, cost, min_stock,"
                " on_hand, archived, published, favourite, has_history, created_at, updated_at,"
                " option_names, options) VALUES (?, ?, ?, ?, 'pcs', 0, 4000, ?, 0, ?, 0, 0, 0, 1, ?, ?,"
                " '', '')", (pid, key, f"S{pid}", name, cost, on_hand, NOW, NOW))
            conn.execute(
                "INSERT INTO stock_movements (uuid, product_id, kind, qty, reason, note, device, remote,"
                " created_at) VALUES (?, ?, 'purchase', ?, '', '', '', 0, ?)",
                (f"10000000-0000-4000-8000-00000000000{pid}", pid, on_hand, NOW))
        conn.execute("INSERT INTO suppliers (name, phone, address, note, archived, updated_at, uuid,"
                     " device, stamp, created_at) VALUES ('CV Sumber', '', '', '', 0, ?, ?, 'K1', '', ?)",
                     (NOW, SUP, NOW))
        for key, number, status, total in ((BUY, "PB-K1-20261130-0001", "received", 399_960),
                                           (ORDER, "PB-K1-20261130-0002", "partial", 30_000)):
            conn.execute(
                "INSERT INTO purchases (number, kind, supplier_uuid, invoice_no, status, total, note,"
                " received_at, updated_at, uuid, device, stamp, created_at)"
                " VALUES (?, 'purchase', ?, '', ?, ?, '', ?, ?, ?, 'K1', '', ?)",
                (number, SUP, status, total, NOW, NOW, key, NOW))
        for n, (purchase, product, ordered, received, cost) in enumerate(
                ((BUY, P1, 120_000, 120_000, 3_333), (ORDER, P2, 24_000, 12_000, 2_500))):
            conn.execute(
                "INSERT INTO purchase_lines (purchase_uuid, position, product_uuid, name, unit,"
                " qty_ordered, qty_received, unit_cost, uuid, device, stamp, created_at)"
                " VALUES (?, 0, ?, 'x', 'pcs', ?, ?, ?, ?, 'K1', '', ?)",
                (purchase, product, ordered, received, cost, f"40000000-0000-4000-8000-00000000000{n}",
                 NOW))
        conn.execute("INSERT INTO supplier_payments (supplier_uuid, purchase_uuid, source, amount, note,"
                     " uuid, device, stamp, created_at) VALUES (?, ?, 'bank', 100000, '',"
                     " '50000000-0000-4000-8000-000000000001', 'K1', '', ?)", (SUP, BUY, NOW))


QUERIES = {
    "purchases": "SELECT uuid, number, kind, status, total, supplier_uuid FROM purchases ORDER BY uuid",
    "lines": "SELECT uuid, purchase_uuid, position, product_uuid, qty_ordered, qty_received, unit_cost"
             " FROM purchase_lines ORDER BY uuid",
    "payments": "SELECT uuid, purchase_uuid, amount FROM supplier_payments",
    "products": "SELECT uuid, on_hand, cost FROM products ORDER BY id",
}


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        return {name: list(conn.execute(sql)) for name, sql in QUERIES.items()}


def test_a_0016_shop_keeps_every_purchase_line_and_what_it_owes(tmp_path: Path) -> None:
    path = tmp_path / "toko-rilis-0016.sqlite"
    file_at(path, "0016")
    _fill(path)
    backup = tmp_path / "cadangan-0016.sqlite"
    shutil.copy(path, backup)
    before = _snapshot(path)
    database = open_database(path)
    try:
        assert appdb.stored_revision(path) == appdb.SCHEMA_HEAD
        assert _snapshot(path) == before
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT pack_name, pack_factor, pack_cost FROM purchase_lines").fetchall() \
                == [("", 1000, None)] * 2
        with database.read() as session:
            for key, total in ((BUY, 399_960), (ORDER, 30_000)):  # old lines: qty × unit cost
                assert sum(map(purchases.line_amount, purchases.purchase_lines(session, key))) == total
            assert purchases.owed(session, purchases.get_purchase(session, BUY)) == 299_960
            assert book_reports.payables(session, date(2026, 12, 1)).total == 329_960
        with database.unit_of_work() as session:
            back = purchases.return_to_supplier(session, BUY, {0: Decimal(12)},
                                                refund_source=MoneySource.BANK)
            order = purchases.receive_order(session, ORDER, {0: Decimal(12)})
            assert back.total == 12 * 3_333 and (order.status, order.total) == (PurchaseStatus.RECEIVED,
                                                                               60_000)
    finally:
        database.close()
    assert validate_shop_file(backup) == "0016"  # an older backup is still accepted for restore
