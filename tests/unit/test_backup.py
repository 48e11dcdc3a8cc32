"""Backups: online backup, daily rotation, restore of an equal shop, and refusal of bad files."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app import backup, backup_mirror, settings
from app.clock import now_utc
from app.db import SCHEMA_HEAD, Database
from app.errors import UserError
from app.sales import checkout
from models import Base, Product
from tests.conftest import ShopClock
from tests.unit.foundation_kit import add_product, cart_of, cash

Contents = dict[str, list[tuple[Any, ...]]]


def contents(database: Database) -> Contents:
    """Every row of every shop table (and the schema revision), in id order."""
    with database.read() as s:
        result: Contents = {
            table.name: [tuple(row) for row in s.execute(table.select().order_by(*table.primary_key))]
            for table in Base.metadata.sorted_tables
        }
        result["alembic_version"] = list(map(tuple, s.execute(text("SELECT * FROM alembic_version"))))
    return result


def _sell(database: Database, product_id: int, qty: int = 1) -> None:
    with database.unit_of_work() as s:
        cart = cart_of(s, [(product_id, qty)])
        checkout(s, cart, cash(cart.total))


@pytest.fixture
def stocked(db: Database) -> int:
    with db.unit_of_work() as s:
        pid = add_product(s, "BJ-1", "Kopi Bubuk 250 g", 18_000, stock=50)
    for _ in range(3):
        _sell(db, pid)
    return pid


def test_backup_is_a_standalone_valid_shop(db: Database, stocked: int, tmp_path: Path) -> None:
    path = backup.make_backup(db.path, "manual", tmp_path / "bk")
    assert path.parent == tmp_path / "bk" and path.name.startswith("shop-") and "manual" in path.name
    assert not list(path.parent.glob("*.part")) and not Path(f"{path}-wal").exists()
    assert backup.validate_shop_file(path) == SCHEMA_HEAD
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 3
    conn.close()
    [info] = backup.list_backups(db.path, tmp_path / "bk")
    assert info.kind == "manual" and info.size == path.stat().st_size and info.label == "Manual"


def test_default_folder_is_next_to_the_shop(db: Database) -> None:
    path = backup.make_backup(db.path)
    assert path.parent == db.path.parent / "backups"


def test_backup_then_restore_gives_an_equal_shop(db: Database, stocked: int, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    saved = backup.make_backup(db.path, "manual", folder)
    before = contents(db)
    _sell(db, stocked, 5)  # changes after the backup are undone by the restore
    with db.unit_of_work() as s:
        add_product(s, "BJ-2", "Teh Celup", 6_000, stock=3)
    assert contents(db) != before
    result = backup.restore(db, saved, folder, user_id=None)
    try:
        assert contents(result.database) == before
        with result.database.read() as s:
            assert s.scalar(select(Product.on_hand).where(Product.id == stocked)) == 47
        kinds = {b.kind for b in backup.list_backups(db.path, folder)}
        assert kinds == {"manual", "sebelum-pulih"}
        # the replaced shop was kept: restoring it brings the later sale back
        undo = backup.restore(result.database, result.previous, folder, user_id=None)
        with undo.database.read() as s:
            assert s.scalar(select(Product.on_hand).where(Product.id == stocked)) == 42
        undo.database.close()
    finally:
        result.database.close()


def _non_shop_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts (name) VALUES ('Budi')")
    conn.commit()
    conn.close()
    return path


def _bad_files(db: Database, tmp_path: Path) -> dict[str, Path]:
    good = backup.make_backup(db.path, "manual", tmp_path / "good")
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    random_bytes = tmp_path / "random.sqlite"
    random_bytes.write_bytes(os.urandom(40_000))
    flipped = tmp_path / "flipped.sqlite"
    data = bytearray(good.read_bytes())
    for offset in range(4096 + 100, len(data), 997):  # scribble over every page after the first
        data[offset] ^= 0xFF
    flipped.write_bytes(bytes(data))
    newer = backup.make_backup(db.path, "manual", tmp_path / "newer")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    no_tables = backup.make_backup(db.path, "manual", tmp_path / "partial")
    conn = sqlite3.connect(no_tables)
    conn.execute("DROP TABLE audit_log")
    conn.commit()
    conn.close()
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    return {
        "truncated": truncated, "random": random_bytes, "flipped": flipped,
        "foreign": _non_shop_sqlite(tmp_path / "contacts.sqlite"), "newer": newer,
        "partial": no_tables, "empty": empty, "missing": tmp_path / "nope.sqlite",
    }


EXPECTED_WORDS = {
    "truncated": "rusak", "random": "bukan database", "flipped": "rusak", "foreign": "bukan database toko",
    "newer": "tidak dikenal", "partial": "tabel hilang", "empty": "bukan database",
    "missing": "tidak ditemukan",
}


def test_bad_backups_are_refused_and_the_shop_is_unchanged(
    db: Database, stocked: int, tmp_path: Path
) -> None:
    before = contents(db)
    folder = tmp_path / "bk"
    for name, path in _bad_files(db, tmp_path).items():
        with pytest.raises(backup.InvalidBackup) as info:
            backup.restore(db, path, folder, user_id=None)
        message = str(info.value)
        assert isinstance(info.value, UserError)
        assert EXPECTED_WORDS[name] in message, (name, message)
        assert path.name in message, (name, message)
    assert contents(db) == before
    assert backup.list_backups(db.path, folder) == []  # nothing was replaced, so nothing backed up


def test_restoring_the_open_file_itself_is_refused(db: Database) -> None:
    with pytest.raises(backup.InvalidBackup, match="sedang dipakai"):
        backup.restore(db, db.path, user_id=None)


def test_daily_backup_once_a_day_with_rotation(
    shop_clock: ShopClock, db: Database, stocked: int, tmp_path: Path
) -> None:
    """From 10:00 WIB (the frozen clock): a minute or an hour later is still the same shop day."""
    folder = tmp_path / "bk"
    with db.unit_of_work() as s:
        settings.set_value(s, "backup.keep", 3)
    start = now_utc()
    made = [backup.daily_backup_if_due(db, folder, start + timedelta(days=d)) for d in range(5)]
    assert all(made)
    assert backup.daily_backup_if_due(db, folder, start + timedelta(days=4, minutes=1)) is None
    manual = backup.make_backup(db.path, "manual", folder, start)
    closes = [backup.backup_on_close(db, folder, start + timedelta(days=d, hours=1)) for d in range(5)]
    left = backup.list_backups(db.path, folder)
    daily = [b.path for b in left if b.kind == "harian"]
    assert daily == [made[4], made[3], made[2]]
    assert [b.path for b in left if b.kind == "tutup"] == closes[:1:-1][:3] == closes[4:1:-1]
    assert manual in [b.path for b in left]  # manual backups are never rotated away


def test_two_backups_in_the_same_second_get_distinct_names(db: Database, tmp_path: Path) -> None:
    when = now_utc()
    first = backup.make_backup(db.path, "manual", tmp_path, when)
    second = backup.make_backup(db.path, "manual", tmp_path, when)
    assert first != second and len(backup.list_backups(db.path, tmp_path)) == 2


def test_backup_of_unwritable_folder_is_a_user_error(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError):
        backup.make_backup(db.path, "manual", blocker / "bk")


def _use_second(db: Database, folder: Path) -> None:
    with db.unit_of_work() as s:
        settings.set_value(s, "backup.second_folder", str(folder))


def test_second_folder_gets_a_verified_copy_and_is_rotated(
    shop_clock: ShopClock, db: Database, stocked: int, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _use_second(db, usb)
    with db.unit_of_work() as s:
        settings.set_value(s, "backup.keep", 2)
    start = now_utc()
    results = [backup_mirror.scheduled_backup(db, tmp_path / "bk", start + timedelta(days=d))
               for d in range(3)]
    assert [r.second.state for r in results] == ["ok", "ok", "ok"]
    assert sorted(p.name for p in usb.iterdir()) == sorted(r.made.name for r in results[1:] if r.made)
    again = backup_mirror.scheduled_backup(db, tmp_path / "bk", start + timedelta(days=2, hours=1))
    assert again.made is None and again.second.state == "present"
    assert backup_mirror.status(db.path, usb, tmp_path / "bk").state == "ok"


def test_a_damaged_second_copy_is_reported_then_copied_again(
    db: Database, stocked: int, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _use_second(db, usb)
    made = backup_mirror.scheduled_backup(db, tmp_path / "bk").made
    assert made is not None
    copy = usb / made.name
    data = bytearray(copy.read_bytes())
    data[5000:5100] = bytes(b ^ 0xFF for b in data[5000:5100])  # a flash drive flipping bits
    copy.write_bytes(bytes(data))
    found = backup_mirror.status(db.path, usb, tmp_path / "bk")
    assert found.state == "corrupt" and found.backup_name == made.name
    assert found.detail == "isi salinan berbeda dari cadangan aslinya"
    assert backup_mirror.mirror_newest(db, tmp_path / "bk").state == "present"  # a tick trusts it
    assert backup_mirror.mirror_newest(db, tmp_path / "bk", verify_existing=True).state == "ok"
    assert copy.read_bytes() == made.read_bytes()


def test_an_unplugged_second_folder_is_reported_not_created(
    db: Database, stocked: int, tmp_path: Path
) -> None:
    usb = tmp_path / "media" / "FLASHDISK"
    _use_second(db, usb)
    result = backup_mirror.scheduled_backup(db, tmp_path / "bk")
    assert result.made is not None  # the first folder still gets its backup
    assert result.second.state == "folder_missing" and not result.second.ok
    assert "flashdisk belum dipasang" in result.second.detail
    assert not usb.exists()
    assert backup_mirror.status(db.path, usb, tmp_path / "bk").state == "folder_missing"


def test_the_closing_backup_waits_for_a_running_check(db: Database, tmp_path: Path) -> None:
    """Closing while the periodic check still copies must not rotate/copy the folders at once."""
    import threading

    folder = tmp_path / "bk"
    done = threading.Event()
    with backup_mirror._JOBS:  # a periodic check is busy
        closer = threading.Thread(target=lambda: (backup_mirror.closing_backup(db, folder), done.set()))
        closer.start()
        assert not done.wait(0.3)
        assert backup.list_backups(db.path, folder) == []
    closer.join(timeout=10)
    assert done.is_set() and [b.kind for b in backup.list_backups(db.path, folder)] == ["tutup"]


def test_a_backup_from_before_the_money_book_restores_and_a_head_file_without_it_does_not(
        tmp_path: Path) -> None:
    """A 0012 file (the previous release) has no customers or promotions yet and is a valid
    backup; a file that says it is at the head but lacks those tables is refused."""
    from alembic import command
    from alembic.config import Config

    from app import db as appdb

    path = tmp_path / "rilis-lama.sqlite"
    engine = appdb.make_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(appdb.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0012")
    engine.dispose()
    assert backup.validate_shop_file(path) == "0012"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_HEAD,))
    with pytest.raises(backup.InvalidBackup, match="tabel hilang"):
        backup.validate_shop_file(path)
