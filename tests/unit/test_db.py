"""The shop database: pragmas, migrations at open, refusal of newer or foreign files, units of work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

import app.db as appdb
from app.db import (
    BUSY_TIMEOUT_MS,
    KNOWN_REVISIONS,
    MIGRATIONS_DIR,
    SCHEMA_HEAD,
    Database,
    backup_before_migration,
    open_database,
    stored_revision,
)
from app.errors import DatabaseVersionError, UserError
from models import Base, Product
from tests.unit.foundation_kit import add_product


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _pragmas(conn: sqlite3.Connection) -> tuple[str, int, int, int]:
    return (
        conn.execute("PRAGMA journal_mode").fetchone()[0],
        conn.execute("PRAGMA synchronous").fetchone()[0],
        conn.execute("PRAGMA foreign_keys").fetchone()[0],
        conn.execute("PRAGMA busy_timeout").fetchone()[0],
    )


def test_pragmas_on_every_connection(db: Database) -> None:
    with db.unit_of_work() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        assert _pragmas(raw) == ("wal", 2, 1, BUSY_TIMEOUT_MS)  # type: ignore[arg-type]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert BUSY_TIMEOUT_MS >= 1000


def test_schema_head_is_alembic_head() -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    assert script.get_current_head() == SCHEMA_HEAD
    assert {rev.revision for rev in script.walk_revisions()} == set(KNOWN_REVISIONS)


def test_new_file_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "baru.sqlite"
    database = open_database(path)
    try:
        assert path.exists()
        assert database.backup_made is None
        assert stored_revision(path) == SCHEMA_HEAD
        assert not list(tmp_path.rglob("*.bak"))
    finally:
        database.close()


def test_models_match_migrations(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    # Tolerated: the FTS5 tables and extra indexes that a migration adds for speed alone.
    fts = [d for d in diffs
           if d[0] == "remove_table" and d[1].name.startswith(("product_fts", "order_number_fts"))]
    extra_indexes = [d for d in diffs if d[0] == "remove_index"]
    assert [d for d in diffs if d not in fts and d not in extra_indexes] == []


def test_reopen_at_head_makes_no_backup(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "A1", "Gula Pasir", 18_500)
    again = open_database(db.path)
    try:
        assert again.backup_made is None
        with again.read() as session:
            assert session.scalar(select(func.count()).select_from(Product)) == 1
    finally:
        again.close()


def test_older_file_is_backed_up_then_upgraded(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file at a known but older revision is copied aside before Alembic upgrades it."""
    with db.unit_of_work() as session:
        add_product(session, "A1", "Gula Pasir", 18_500)
    db.close()
    # Pretend this app knows a newer head, so the file's real head counts as old.
    monkeypatch.setattr(appdb, "SCHEMA_HEAD", "9001")
    monkeypatch.setattr(appdb, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, "9001"))
    upgraded = open_database(db.path)
    try:
        assert upgraded.backup_made is not None
        backup = db.path.with_name(upgraded.backup_made)
        assert backup.exists() and f"pre-{SCHEMA_HEAD}" in backup.name
        with sqlite3.connect(backup) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT name FROM products").fetchall() == [("Gula Pasir",)]
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    finally:
        upgraded.close()


def test_each_older_revision_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    """A real file at every earlier migration opens at head, with a backup of the old state."""
    script = ScriptDirectory.from_config(_alembic_config())
    older = [rev.revision for rev in script.walk_revisions() if rev.revision != SCHEMA_HEAD]
    for revision in older:
        path = tmp_path / f"lama-{revision}.sqlite"
        engine = appdb.make_engine(path)
        cfg = _alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        engine.dispose()
        assert stored_revision(path) == revision
        database = open_database(path)
        try:
            assert database.backup_made is not None and f"pre-{revision}" in database.backup_made
            assert stored_revision(path) == SCHEMA_HEAD
        finally:
            database.close()


def test_backup_copies_committed_wal_data(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "A1", "Kopi Kapal Api", 14_500)
    target = backup_before_migration(db.path, "0001")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT sku FROM products").fetchall() == [("A1",)]


def test_file_downgraded_to_base_is_rebuilt_at_head(db: Database) -> None:
    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    db.close()
    assert stored_revision(db.path) is None
    again = open_database(db.path)
    try:
        assert stored_revision(db.path) == SCHEMA_HEAD
        with again.unit_of_work() as session:
            add_product(session, "A1", "Teh Celup", 7_500)
    finally:
        again.close()


def test_newer_file_is_refused_untouched(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    before = db.path.read_bytes()
    with pytest.raises(DatabaseVersionError) as info:
        open_database(db.path)
    message = str(info.value)
    assert "lebih baru" in message and "Perbarui" in message and "9999" in message
    assert isinstance(info.value, UserError)
    assert db.path.read_bytes() == before
    assert not list(db.path.parent.glob("*.bak"))


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "foto.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with pytest.raises(UserError) as info:
        open_database(path)
    assert "bukan database" in str(info.value)


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kontak.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE kontak (nama TEXT)")
        conn.execute("INSERT INTO kontak VALUES ('Bu Siti')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError) as info:
        open_database(path)
    assert "bukan database toko" in str(info.value)
    assert path.read_bytes() == before


def test_an_empty_sqlite_file_becomes_a_new_shop(tmp_path: Path) -> None:
    path = tmp_path / "kosong.sqlite"
    sqlite3.connect(path).close()
    open_database(path).close()
    assert stored_revision(path) == SCHEMA_HEAD


def test_unit_of_work_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        add_product(session, "A1", "Gula Pasir", 18_500, stock=5)
        raise RuntimeError("listrik padam")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 0


def test_read_session_discards_writes(db: Database) -> None:
    with db.read() as session:
        add_product(session, "A1", "Gula Pasir", 18_500)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 0


def test_committed_work_is_visible_to_a_new_connection(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "A1", "Gula Pasir", 18_500, stock=3)
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT on_hand FROM products").fetchone()[0] == 3000  # thousandths


def test_foreign_keys_and_checks_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO barcodes (code, product_id) VALUES ('123456', 999)"))
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO products (uuid, sku, name, unit, sold_by_weight, price, cost, min_stock, "
            "on_hand, archived, published, favourite, has_history, created_at, updated_at) VALUES "
            "('u', 'X', 'Nol', 'pcs', 0, 0, 0, 0, 0, 0, 0, 0, 0, '2026-01-01', '2026-01-01')"))
