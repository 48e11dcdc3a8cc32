"""The laptop is lost: a new PC enrolls again, restores the shop from the encrypted backup the
PEKEN server keeps, and carries on — same products, stock and orders, no op sent twice."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app import offsite
from app.db import Database, open_database
from app.sync import device, hlc, state
from app.sync.client import SyncRequestError
from app.sync.engine import SyncEngine
from app.sync.offsite import (
    OffsiteClient,
    backup_to_server,
    enroll_restored,
    offsite_if_due,
    restore_from_server,
    server_backups,
)
from models import OutboxOp
from tests.integration.sync.conftest import Catalog
from tests.integration.sync.peken_kit import add_products, issue_code
from tests.integration.sync.shop_actions import edit_price, sell

SHOP_TABLES = ("products", "barcodes", "stock_movements", "orders", "order_lines", "payments",
               "categories", "customers")


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the shop's data tables (those present), sorted."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in SHOP_TABLES if t in present}


def applied_ops(catalog: Catalog, seller_id: int) -> int:
    """How many ops the server processed for the shop (each op id once)."""
    db = catalog.server.data_dir / "catalog.sqlite3"
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM processed_ops WHERE seller_id = ?",
                                (seller_id,)).fetchone()[0])


def _phrase(db: Database) -> str:
    with db.unit_of_work() as session:
        return offsite.setup_phrase(session, None)


def test_new_pc_restores_from_server_and_sends_no_op_twice(
        catalog_server: Catalog, shop_factory: Callable[[str], Database], tmp_path: Path) -> None:
    seller = catalog_server.new_seller("Toko Laptop Hilang")
    old = shop_factory("laptop")
    uuids = add_products(old, 4, stock=50)
    catalog_server.enroll(old, seller, "Laptop lama")
    SyncEngine(old).run_round()
    sell(old, uuids[0], 2)
    SyncEngine(old).run_round()
    sell(old, uuids[1], 5)  # offline: still in the outbox when the backup is made
    edit_price(old, uuids[3], 17_500)
    phrase = _phrase(old)
    backup_to_server(old)
    SyncEngine(old).run_round()  # ...and reaches the server after the backup
    before, applied = rows(old.path), applied_ops(catalog_server, seller)
    with old.read() as session:
        old_node = hlc.node_id(session)

    new = open_database(tmp_path / "pc-baru" / "data" / "toko.sqlite")  # a fresh data folder
    catalog_server.enroll(new, seller, "PC baru")
    with new.read() as session:
        new_device = state.get(session, state.DEVICE_ID)
    [latest] = server_backups(new)
    restored = restore_from_server(new, latest.id, phrase, user_id=None).database
    try:
        with restored.read() as session:
            assert state.get(session, state.DEVICE_ID) == new_device  # this PC's own token
            assert hlc.node_id(session) != old_node
            assert not session.scalars(select(OutboxOp).where(OutboxOp.status == "pending")).all()
        first = SyncEngine(restored).run_round()
        assert first.pushed == 0 and applied_ops(catalog_server, seller) == applied
        assert rows(restored.path) == before  # same products, stock, orders, payments
        sell(restored, uuids[2], 1)
        second = SyncEngine(restored).run_round()
        assert second.pushed == 1 and applied_ops(catalog_server, seller) == applied + 1
    finally:
        restored.close()


def test_another_shops_backup_cannot_be_listed_or_downloaded(
        catalog_server: Catalog, shop_factory: Callable[[str], Database]) -> None:
    shop_a, shop_b = catalog_server.new_seller("Toko A"), catalog_server.new_seller("Toko B")
    db_a, db_b = shop_factory("a"), shop_factory("b")
    catalog_server.enroll(db_a, shop_a)
    catalog_server.enroll(db_b, shop_b)
    _phrase(db_a)
    with db_a.unit_of_work() as session:
        offsite.set_targets(session, None, None, to_server=True)
    day = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    for hours in (0, 5, 30):  # two uploads on the first shop day, one the next: one a day
        assert offsite_if_due(db_a, day + timedelta(hours=hours)) == []
    backups = server_backups(db_a)
    assert len(backups) == 2
    backup_id = backups[0].id
    assert server_backups(db_b) == []
    with db_b.read() as session:
        creds = state.credentials(session)
    assert creds is not None
    with OffsiteClient(creds.server_url, creds.token) as client, \
            pytest.raises(SyncRequestError, match="tidak ditemukan"):
        client.download(backup_id)


def test_restore_from_a_file_then_enroll_again(
        catalog_server: Catalog, shop_factory: Callable[[str], Database], tmp_path: Path) -> None:
    """From the USB copy, on a PC not yet enrolled: the lost laptop's token is dropped; enrolling
    through the restore keeps the cursor and skips what the server has, and enrolling the plain
    way re-sends those ops, which the server answers as duplicates (applied once, stock once)."""
    seller = catalog_server.new_seller("Toko Flashdisk")
    old = shop_factory("laptop")
    uuids = add_products(old, 3, stock=20)
    catalog_server.enroll(old, seller, "Laptop lama")
    SyncEngine(old).run_round()
    sell(old, uuids[0], 4)  # pending in the backup, sent after it
    phrase = _phrase(old)
    usb = tmp_path / "usb"
    usb.mkdir()
    data = offsite.write_encrypted(old, usb).read_bytes()
    SyncEngine(old).run_round()
    before, applied = rows(old.path), applied_ops(catalog_server, seller)

    results = []
    for name, careful in (("pc-a", True), ("pc-b", False)):
        fresh = open_database(tmp_path / name / "toko.sqlite")
        restored = offsite.restore_encrypted(fresh, data, phrase, "toko.pekenbak",
                                             user_id=None).database
        with restored.read() as session:
            assert state.credentials(session) is None  # the lost laptop's token is not used
        code = issue_code(catalog_server.url, catalog_server.admin, seller)
        if careful:
            assert enroll_restored(restored, catalog_server.url, code, "PC A") == 1
        else:
            device.enroll(restored, catalog_server.url, code, "PC B")
        results.append(SyncEngine(restored).run_round().pushed)
        assert applied_ops(catalog_server, seller) == applied  # nothing applied twice
        assert rows(restored.path) == before
        restored.close()
    assert results == [0, 1]
